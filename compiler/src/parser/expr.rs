//! Expressions: CPython's `expression` .. `atom` rules (Grammar/python.gram), by recursive descent
//! with one loop per binary precedence level. Calls, subscripts and targets are in `expr_tail.rs`.

use super::{PResult, Parser};
use crate::ast::{BoolOp, CmpOp, Constant, Expr, ExprContext, ExprKind, Operator, UnaryOp};
use crate::tokenizer::{Keyword, Op, TokenKind};

/// Binary operators by precedence level, loosest first: `|`, `^`, `&`, shifts, sums, terms.
const LEVELS: [&[(Op, Operator)]; 6] = [
    &[(Op::VBar, Operator::BitOr)],
    &[(Op::Circumflex, Operator::BitXor)],
    &[(Op::Amper, Operator::BitAnd)],
    &[
        (Op::LeftShift, Operator::LShift),
        (Op::RightShift, Operator::RShift),
    ],
    &[(Op::Plus, Operator::Add), (Op::Minus, Operator::Sub)],
    &[
        (Op::Star, Operator::Mult),
        (Op::Slash, Operator::Div),
        (Op::DoubleSlash, Operator::FloorDiv),
        (Op::Percent, Operator::Mod),
        (Op::At, Operator::MatMult),
    ],
];

impl Parser<'_> {
    /// `expression`: a conditional expression or a lambda.
    pub(crate) fn parse_expression(&mut self) -> PResult<Expr> {
        if self.at_kw(Keyword::Lambda) {
            return self.parse_lambda();
        }
        let start = self.start();
        let body = self.parse_disjunction()?;
        if !self.at_kw(Keyword::If) {
            return Ok(body);
        }
        self.bump();
        let test = self.parse_disjunction()?;
        if !self.eat_kw(Keyword::Else) {
            if self.at_op(Op::Colon) {
                return Err(self.invalid_syntax());
            }
            return Err(self.error_at(
                self.range_from(start),
                "expected 'else' after 'if' expression",
            ));
        }
        let orelse = self.nested(Self::parse_expression)?;
        let kind = ExprKind::IfExp {
            test: Box::new(test),
            body: Box::new(body),
            orelse: Box::new(orelse),
        };
        Ok(Expr::new(self.range_from(start), kind))
    }

    /// `named_expression`: `NAME := expression` or an expression.
    pub(crate) fn parse_named_expression(&mut self) -> PResult<Expr> {
        self.named_expression(true)
    }

    /// `named_expression`; with `suggest`, an `=` after it gets CPython's "Maybe you meant '=='
    /// or ':='" error (call arguments have their own rule for that).
    pub(crate) fn named_expression(&mut self, suggest: bool) -> PResult<Expr> {
        if self.kind() == TokenKind::Name && self.nth(1) == TokenKind::Op(Op::ColonEqual) {
            let start = self.start();
            let (id, range) = self.expect_name()?;
            self.bump();
            let value = self.parse_expression()?;
            let target = Expr::new(
                range,
                ExprKind::Name {
                    id,
                    ctx: ExprContext::Store,
                },
            );
            let kind = ExprKind::NamedExpr {
                target: Box::new(target),
                value: Box::new(value),
            };
            return Ok(Expr::new(self.range_from(start), kind));
        }
        let mark = self.mark();
        let expr = self.parse_expression()?;
        if self.at_op(Op::ColonEqual) {
            let msg = format!(
                "cannot use assignment expressions with {}",
                expr_name(&expr)
            );
            return Err(self.error_at(expr.range, msg));
        }
        if suggest && self.at_op(Op::Equal) {
            // `[x = 1]`: CPython's invalid_named_expression suggests '==' or ':='.
            let after = self.mark();
            if let Some(err) = self.invalid_named_expression(mark) {
                return Err(err);
            }
            self.reset(after);
        }
        Ok(expr)
    }

    /// `star_named_expression`: `*bitwise_or` or a named expression.
    pub(crate) fn parse_star_named_expression(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            return self.parse_starred_bitwise_or();
        }
        self.parse_named_expression()
    }

    /// `star_expressions`: one or more (possibly starred) expressions; a `Tuple` if there is a comma.
    pub(crate) fn parse_star_expressions(&mut self) -> PResult<Expr> {
        self.parse_expr_list(true)
    }

    /// `expressions`: one or more expressions; a `Tuple` if there is a comma.
    pub(crate) fn parse_expressions(&mut self) -> PResult<Expr> {
        self.parse_expr_list(false)
    }

    fn parse_expr_list(&mut self, starred: bool) -> PResult<Expr> {
        let start = self.start();
        let item = |p: &mut Self| {
            if starred && p.at_op(Op::Star) {
                p.parse_starred_bitwise_or()
            } else {
                p.parse_expression()
            }
        };
        let first = item(self)?;
        if !self.at_op(Op::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if !self.can_start_expression() {
                break;
            }
            elts.push(item(self)?);
        }
        Ok(Expr::new(
            self.range_from(start),
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
        ))
    }

    /// `'*' bitwise_or`, as a `Starred` in load context.
    pub(crate) fn parse_starred_bitwise_or(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.expect_op(Op::Star)?;
        let value = self.parse_bitwise_or()?;
        Ok(Expr::new(
            self.range_from(start),
            ExprKind::Starred {
                value: Box::new(value),
                ctx: ExprContext::Load,
            },
        ))
    }

    /// Can the current token begin an expression (a starred one included)?
    pub(crate) fn can_start_expression(&self) -> bool {
        match self.kind() {
            TokenKind::Name
            | TokenKind::Number
            | TokenKind::String
            | TokenKind::FStringStart
            | TokenKind::TStringStart => true,
            TokenKind::Keyword(kw) => matches!(
                kw,
                Keyword::True
                    | Keyword::False
                    | Keyword::None
                    | Keyword::Not
                    | Keyword::Lambda
                    | Keyword::Await
            ),
            TokenKind::Op(op) => matches!(
                op,
                Op::LPar
                    | Op::LSqb
                    | Op::LBrace
                    | Op::Minus
                    | Op::Plus
                    | Op::Tilde
                    | Op::Star
                    | Op::Ellipsis
            ),
            _ => false,
        }
    }

    /// `disjunction`: `or` and everything that binds tighter.
    pub(crate) fn parse_disjunction(&mut self) -> PResult<Expr> {
        self.parse_bool_chain(Keyword::Or)
    }

    fn parse_bool_chain(&mut self, kw: Keyword) -> PResult<Expr> {
        let start = self.start();
        let first = if kw == Keyword::Or {
            self.parse_bool_chain(Keyword::And)?
        } else {
            self.parse_inversion()?
        };
        if !self.at_kw(kw) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat_kw(kw) {
            values.push(if kw == Keyword::Or {
                self.parse_bool_chain(Keyword::And)?
            } else {
                self.parse_inversion()?
            });
        }
        let op = if kw == Keyword::Or {
            BoolOp::Or
        } else {
            BoolOp::And
        };
        Ok(Expr::new(
            self.range_from(start),
            ExprKind::BoolOp { op, values },
        ))
    }

    /// `inversion`: `not inversion` or a comparison.
    fn parse_inversion(&mut self) -> PResult<Expr> {
        if !self.at_kw(Keyword::Not) {
            return self.parse_comparison();
        }
        let start = self.start();
        self.bump();
        let operand = self.nested(Self::parse_inversion)?;
        let kind = ExprKind::UnaryOp {
            op: UnaryOp::Not,
            operand: Box::new(operand),
        };
        Ok(Expr::new(self.range_from(start), kind))
    }

    fn comparison_op(&self) -> Option<(CmpOp, usize)> {
        Some(match self.kind() {
            TokenKind::Op(Op::EqEqual) => (CmpOp::Eq, 1),
            TokenKind::Op(Op::NotEqual) => (CmpOp::NotEq, 1),
            TokenKind::Op(Op::Less) => (CmpOp::Lt, 1),
            TokenKind::Op(Op::LessEqual) => (CmpOp::LtE, 1),
            TokenKind::Op(Op::Greater) => (CmpOp::Gt, 1),
            TokenKind::Op(Op::GreaterEqual) => (CmpOp::GtE, 1),
            TokenKind::Keyword(Keyword::In) => (CmpOp::In, 1),
            TokenKind::Keyword(Keyword::Is) if self.nth(1) == TokenKind::Keyword(Keyword::Not) => {
                (CmpOp::IsNot, 2)
            }
            TokenKind::Keyword(Keyword::Is) => (CmpOp::Is, 1),
            TokenKind::Keyword(Keyword::Not) if self.nth(1) == TokenKind::Keyword(Keyword::In) => {
                (CmpOp::NotIn, 2)
            }
            _ => return None,
        })
    }

    fn parse_comparison(&mut self) -> PResult<Expr> {
        let start = self.start();
        let left = self.parse_bitwise_or()?;
        if self.comparison_op().is_none() {
            if self.at_kw(Keyword::Not) {
                // CPython read `not` hoping for `not in`; it reports the token after it.
                return Err(self.error_at(self.nth_tok(1).range, "invalid syntax"));
            }
            return Ok(left);
        }
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        while let Some((op, len)) = self.comparison_op() {
            for _ in 0..len {
                self.bump();
            }
            ops.push(op);
            comparators.push(self.parse_bitwise_or()?);
        }
        let kind = ExprKind::Compare {
            left: Box::new(left),
            ops,
            comparators,
        };
        Ok(Expr::new(self.range_from(start), kind))
    }

    /// `bitwise_or` and everything that binds tighter.
    pub(crate) fn parse_bitwise_or(&mut self) -> PResult<Expr> {
        self.parse_binary_level(0)
    }

    fn parse_binary_level(&mut self, level: usize) -> PResult<Expr> {
        let Some(ops) = LEVELS.get(level) else {
            return self.parse_factor();
        };
        let start = self.start();
        let mut left = self.parse_binary_level(level + 1)?;
        while let Some(&(_, op)) = ops.iter().find(|(t, _)| self.kind() == TokenKind::Op(*t)) {
            self.bump();
            let right = self.parse_binary_level(level + 1)?;
            let kind = ExprKind::BinOp {
                left: Box::new(left),
                op,
                right: Box::new(right),
            };
            left = Expr::new(self.range_from(start), kind);
        }
        Ok(left)
    }

    /// `factor`: unary `+`, `-`, `~`, or a power.
    fn parse_factor(&mut self) -> PResult<Expr> {
        let op = match self.kind() {
            TokenKind::Op(Op::Plus) => UnaryOp::UAdd,
            TokenKind::Op(Op::Minus) => UnaryOp::USub,
            TokenKind::Op(Op::Tilde) => UnaryOp::Invert,
            _ => return self.parse_power(),
        };
        let start = self.start();
        self.bump();
        let operand = self.nested(Self::parse_factor)?;
        Ok(Expr::new(
            self.range_from(start),
            ExprKind::UnaryOp {
                op,
                operand: Box::new(operand),
            },
        ))
    }

    /// `power`: `await_primary ['**' factor]`.
    fn parse_power(&mut self) -> PResult<Expr> {
        let start = self.start();
        let left = self.parse_await_primary()?;
        if !self.eat_op(Op::DoubleStar) {
            return Ok(left);
        }
        // CPython spends two parser frames per `**` level.
        let right = self.nested_weighted(2, Self::parse_factor)?;
        let kind = ExprKind::BinOp {
            left: Box::new(left),
            op: Operator::Pow,
            right: Box::new(right),
        };
        Ok(Expr::new(self.range_from(start), kind))
    }

    fn parse_await_primary(&mut self) -> PResult<Expr> {
        if !self.at_kw(Keyword::Await) {
            return self.parse_primary();
        }
        let start = self.start();
        self.bump();
        let value = self.parse_primary()?;
        Ok(Expr::new(
            self.range_from(start),
            ExprKind::Await {
                value: Box::new(value),
            },
        ))
    }

    /// `atom`: names, constants, strings, numbers, and bracketed displays and comprehensions.
    pub(crate) fn parse_atom(&mut self) -> PResult<Expr> {
        let tok = self.tok();
        let constant = |value| ExprKind::Constant { value, kind: None };
        let kind = match tok.kind {
            TokenKind::Name => {
                let (id, range) = self.expect_name()?;
                return Ok(Expr::new(
                    range,
                    ExprKind::Name {
                        id,
                        ctx: ExprContext::Load,
                    },
                ));
            }
            TokenKind::Keyword(Keyword::True) => constant(Constant::Bool(true)),
            TokenKind::Keyword(Keyword::False) => constant(Constant::Bool(false)),
            TokenKind::Keyword(Keyword::None) => constant(Constant::None),
            TokenKind::Op(Op::Ellipsis) => constant(Constant::Ellipsis),
            TokenKind::Number => {
                self.bump();
                return self.number_constant(tok);
            }
            TokenKind::String | TokenKind::FStringStart | TokenKind::TStringStart => {
                return self.parse_strings()
            }
            TokenKind::Op(Op::LPar) => return self.nested(Self::parse_paren_atom),
            TokenKind::Op(Op::LSqb) => return self.nested(Self::parse_list_atom),
            TokenKind::Op(Op::LBrace) => return self.nested(Self::parse_brace_atom),
            _ => return Err(self.invalid_syntax()),
        };
        self.bump();
        Ok(Expr::new(tok.range, kind))
    }

    /// Runs a recursive rule under the depth limit, on a fresh stack segment when this one
    /// runs low.
    pub(crate) fn nested<T>(&mut self, rule: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        self.nested_weighted(1, rule)
    }

    /// [`Parser::nested`] for a rule that costs CPython's parser `weight` frames per level.
    pub(crate) fn nested_weighted<T>(
        &mut self,
        weight: u32,
        rule: impl FnOnce(&mut Self) -> PResult<T>,
    ) -> PResult<T> {
        self.enter_weighted(weight)?;
        let result =
            stacker::maybe_grow(super::NESTED_RED_ZONE, super::NESTED_SEGMENT, || rule(self));
        self.depth -= weight;
        result
    }

    /// `(`: a tuple, a parenthesized expression (returned with its own range), a yield
    /// expression or a generator expression.
    fn parse_paren_atom(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        if self.eat_op(Op::RPar) {
            return Ok(Expr::new(
                self.range_from(start),
                ExprKind::Tuple {
                    elts: vec![],
                    ctx: ExprContext::Load,
                },
            ));
        }
        if self.at_kw(Keyword::Yield) {
            let value = self.parse_yield_expr()?;
            self.expect_closing(Op::RPar)?;
            return Ok(value);
        }
        let first = self.parse_star_named_expression()?;
        if self.at_comprehension_for() {
            return self.finish_comprehension(start, first, Op::RPar, |elt, generators| {
                ExprKind::GeneratorExp { elt, generators }
            });
        }
        if self.eat_op(Op::RPar) {
            if matches!(first.kind, ExprKind::Starred { .. }) {
                return Err(self.error_at(first.range, "cannot use starred expression here"));
            }
            return Ok(first);
        }
        if !self.at_op(Op::Comma) {
            return Err(self.closing_error(Op::RPar));
        }
        let elts = self.parse_display_rest(first, Op::RPar)?;
        Ok(Expr::new(
            self.range_from(start),
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
        ))
    }

    /// The remaining `, item` entries of a tuple, list or set display, through the closing bracket.
    fn parse_display_rest(&mut self, first: Expr, close: Op) -> PResult<Vec<Expr>> {
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(close) {
                break;
            }
            elts.push(self.parse_star_named_expression()?);
        }
        self.expect_closing(close)?;
        Ok(elts)
    }

    fn parse_list_atom(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        if self.eat_op(Op::RSqb) {
            return Ok(Expr::new(
                self.range_from(start),
                ExprKind::List {
                    elts: vec![],
                    ctx: ExprContext::Load,
                },
            ));
        }
        let first = self.parse_star_named_expression()?;
        if self.at_comprehension_for() {
            return self.finish_comprehension(start, first, Op::RSqb, |elt, generators| {
                ExprKind::ListComp { elt, generators }
            });
        }
        let elts = self.parse_display_rest(first, Op::RSqb)?;
        Ok(Expr::new(
            self.range_from(start),
            ExprKind::List {
                elts,
                ctx: ExprContext::Load,
            },
        ))
    }

    /// `{`: a dict, set, dict comprehension or set comprehension.
    fn parse_brace_atom(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        if self.eat_op(Op::RBrace) {
            return Ok(Expr::new(
                self.range_from(start),
                ExprKind::Dict {
                    keys: vec![],
                    values: vec![],
                },
            ));
        }
        if self.at_op(Op::DoubleStar) {
            return self.parse_dict_rest(start, None);
        }
        let bare_walrus =
            self.kind() == TokenKind::Name && self.nth(1) == TokenKind::Op(Op::ColonEqual);
        let first = self.parse_star_named_expression()?;
        if self.at_op(Op::Colon) && !matches!(first.kind, ExprKind::Starred { .. }) {
            if bare_walrus {
                return Err(self.invalid_syntax());
            }
            let colon = self.bump();
            if self.at_op(Op::RBrace) || self.at_op(Op::Comma) {
                return Err(self.error_at(
                    colon.range,
                    "expression expected after dictionary key and ':'",
                ));
            }
            let value = self.parse_expression()?;
            if self.at_comprehension_for() {
                let generators = self.parse_comprehension_clauses()?;
                self.expect_closing(Op::RBrace)?;
                let kind = ExprKind::DictComp {
                    key: Box::new(first),
                    value: Box::new(value),
                    generators,
                };
                return Ok(Expr::new(self.range_from(start), kind));
            }
            return self.parse_dict_rest(start, Some((first, value)));
        }
        if self.at_comprehension_for() {
            return self.finish_comprehension(start, first, Op::RBrace, |elt, generators| {
                ExprKind::SetComp { elt, generators }
            });
        }
        let elts = self.parse_display_rest(first, Op::RBrace)?;
        Ok(Expr::new(self.range_from(start), ExprKind::Set { elts }))
    }

    /// The entries of a dict display after the first (if already parsed), through `}`.
    fn parse_dict_rest(&mut self, start: u32, first: Option<(Expr, Expr)>) -> PResult<Expr> {
        let mut keys = Vec::new();
        let mut values = Vec::new();
        let had_first = first.is_some();
        if let Some((k, v)) = first {
            keys.push(Some(k));
            values.push(v);
        }
        let mut need_comma = had_first;
        loop {
            if need_comma && !self.eat_op(Op::Comma) {
                break;
            }
            if self.at_op(Op::RBrace) {
                break;
            }
            if self.eat_op(Op::DoubleStar) {
                keys.push(None);
                values.push(self.parse_bitwise_or()?);
            } else {
                let key = self.parse_expression()?;
                if !self.at_op(Op::Colon) {
                    if self.at_op(Op::RBrace) || self.at_op(Op::Comma) {
                        return Err(self.error_at(key.range, "':' expected after dictionary key"));
                    }
                    return Err(self.invalid_syntax());
                }
                let colon = self.bump();
                if self.at_op(Op::RBrace) || self.at_op(Op::Comma) {
                    return Err(self.error_at(
                        colon.range,
                        "expression expected after dictionary key and ':'",
                    ));
                }
                keys.push(Some(key));
                values.push(self.parse_expression()?);
            }
            if !had_first && keys.len() == 1 && self.at_comprehension_for() {
                return Err(self.error_at(
                    self.tok().range,
                    "dict unpacking cannot be used in dict comprehension",
                ));
            }
            need_comma = true;
        }
        self.expect_closing(Op::RBrace)?;
        Ok(Expr::new(
            self.range_from(start),
            ExprKind::Dict { keys, values },
        ))
    }

    /// The rest of a list, set or generator comprehension whose element is `elt`: its clauses
    /// and the closing bracket.
    fn finish_comprehension(
        &mut self,
        start: u32,
        elt: Expr,
        close: Op,
        make: fn(Box<Expr>, Vec<crate::ast::Comprehension>) -> ExprKind,
    ) -> PResult<Expr> {
        self.reject_starred_comprehension_element(&elt)?;
        let generators = self.parse_comprehension_clauses()?;
        self.expect_closing(close)?;
        Ok(Expr::new(
            self.range_from(start),
            make(Box::new(elt), generators),
        ))
    }

    fn reject_starred_comprehension_element(&self, elt: &Expr) -> PResult<()> {
        if matches!(elt.kind, ExprKind::Starred { .. }) {
            return Err(self.error_at(
                elt.range,
                "iterable unpacking cannot be used in comprehension",
            ));
        }
        Ok(())
    }

    /// Expects a closing bracket, with CPython's error when something else stands there.
    pub(crate) fn expect_closing(&mut self, close: Op) -> PResult<()> {
        if self.eat_op(close) {
            return Ok(());
        }
        Err(self.closing_error(close))
    }

    fn closing_error(&self, _close: Op) -> crate::error::SyntaxError {
        self.invalid_syntax()
    }

    /// `lambda [params]: expression`.
    fn parse_lambda(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        let args = if self.at_op(Op::Colon) {
            Default::default()
        } else {
            self.parse_parameters(true)?
        };
        self.expect_op(Op::Colon)?;
        // CPython spends two parser frames per lambda level.
        let body = self.nested_weighted(2, Self::parse_expression)?;
        let kind = ExprKind::Lambda {
            args: Box::new(args),
            body: Box::new(body),
        };
        Ok(Expr::new(self.range_from(start), kind))
    }

    /// `yield_expr`: the current token is `yield`.
    pub(crate) fn parse_yield_expr(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.expect_kw(Keyword::Yield)?;
        if self.eat_kw(Keyword::From) {
            let value = self.parse_expression()?;
            return Ok(Expr::new(
                self.range_from(start),
                ExprKind::YieldFrom {
                    value: Box::new(value),
                },
            ));
        }
        let value = if self.can_start_expression() {
            Some(Box::new(self.parse_star_expressions()?))
        } else {
            None
        };
        Ok(Expr::new(self.range_from(start), ExprKind::Yield { value }))
    }
}

/// How CPython names an expression in error messages (`_PyPegen_get_expr_name`).
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::Await { .. } => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::TemplateStr { .. } | ExprKind::Interpolation { .. } => "t-string expression",
        ExprKind::Constant { value, .. } => match value {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}
