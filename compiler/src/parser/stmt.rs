//! Statements: the file, blocks, simple statements and the statement dispatcher, following
//! CPython's `Grammar/python.gram` (`file`, `statements`, `simple_stmts`, `simple_stmt`,
//! `assignment`, `block`, ...). Compound statements are in `stmt_compound.rs`, imports in
//! `stmt_import.rs`, `match` in `pattern.rs`.

use super::expr::expr_name;
use super::{PResult, Parser};
use crate::ast::{Expr, ExprContext, ExprKind, Module, Operator, Stmt, StmtKind, UnaryOp};
use crate::error::SyntaxError;
use crate::text::TextRange;
use crate::tokenizer::{Keyword as Kw, Op, TokenKind};

impl Parser<'_> {
    /// `file`: statements up to `ENDMARKER`.
    pub(crate) fn parse_file(&mut self) -> PResult<Module> {
        let mut body = Vec::new();
        while !self.at(TokenKind::EndMarker) {
            let before = self.mark();
            body.extend(self.parse_statement()?);
            if self.mark() == before {
                // Progress guard: a statement that consumed nothing cannot have succeeded.
                return Err(self.invalid_syntax());
            }
        }
        self.check_future_features(&body)?;
        Ok(Module { body })
    }

    /// `statement`: one compound statement, or a line of simple statements.
    pub(super) fn parse_statement(&mut self) -> PResult<Vec<Stmt>> {
        self.enter()?;
        let result = self.parse_statement_inner();
        self.leave();
        result
    }

    fn parse_statement_inner(&mut self) -> PResult<Vec<Stmt>> {
        match self.kind() {
            TokenKind::Keyword(Kw::Def | Kw::If | Kw::Class | Kw::With | Kw::For | Kw::Try)
            | TokenKind::Keyword(Kw::While | Kw::Async)
            | TokenKind::Op(Op::At) => Ok(vec![self.parse_compound_stmt()?]),
            TokenKind::Name if self.at_soft_kw("match") => match self.try_parse_match()? {
                Ok(stmt) => Ok(vec![stmt]),
                // Not a match statement: `match` is a name.
                Err(furthest) => match (self.parse_simple_stmts(), furthest) {
                    (Err(e), Some(f))
                        if e.msg == "invalid syntax"
                            && (f.msg != "invalid syntax"
                                || (f.lineno, f.col) > (e.lineno, e.col)) =>
                    {
                        Err(f)
                    }
                    (result, _) => result,
                },
            },
            TokenKind::Indent | TokenKind::Dedent | TokenKind::Error => Err(self.invalid_syntax()),
            _ => self.parse_simple_stmts(),
        }
    }

    /// `block`: `NEWLINE INDENT statements DEDENT`, or simple statements on the same line.
    /// `what` names the owner for CPython's "expected an indented block after {what} on line N";
    /// `kw` is the range of the keyword whose line that message quotes.
    pub(super) fn parse_block(&mut self, what: &str, kw: TextRange) -> PResult<Vec<Stmt>> {
        if !self.at(TokenKind::Newline) {
            return self.parse_simple_stmts();
        }
        self.bump();
        if !self.at(TokenKind::Indent) {
            if self.at(TokenKind::Error) {
                return Err(self.tokenizer_error());
            }
            let line = self.lines.line_col(kw.start).0;
            let msg = format!("expected an indented block after {what} on line {line}");
            return Err(self.error_at_current(msg, true));
        }
        self.bump();
        let mut body = Vec::new();
        loop {
            match self.kind() {
                TokenKind::Dedent => {
                    self.bump();
                    break;
                }
                TokenKind::EndMarker => break,
                _ => {
                    let before = self.mark();
                    body.extend(self.parse_statement()?);
                    if self.mark() == before {
                        return Err(self.invalid_syntax());
                    }
                }
            }
        }
        Ok(body)
    }

    /// `simple_stmts`: simple statements separated by `;`, then `NEWLINE`.
    pub(super) fn parse_simple_stmts(&mut self) -> PResult<Vec<Stmt>> {
        let mut stmts = vec![self.parse_simple_stmt()?];
        while self.eat_op(Op::Semi) {
            if self.at(TokenKind::Newline) {
                break;
            }
            stmts.push(self.parse_simple_stmt()?);
        }
        if !self.eat(TokenKind::Newline) && !self.at(TokenKind::EndMarker) {
            return Err(self.invalid_syntax());
        }
        Ok(stmts)
    }

    /// `simple_stmt`.
    fn parse_simple_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let kind = match self.kind() {
            TokenKind::Keyword(Kw::Pass) => {
                self.bump();
                StmtKind::Pass
            }
            TokenKind::Keyword(Kw::Break) => {
                self.bump();
                StmtKind::Break
            }
            TokenKind::Keyword(Kw::Continue) => {
                self.bump();
                StmtKind::Continue
            }
            TokenKind::Keyword(Kw::Return) => {
                self.bump();
                let value = if self.at_simple_stmt_end() {
                    None
                } else {
                    Some(Box::new(self.parse_star_expressions()?))
                };
                StmtKind::Return { value }
            }
            TokenKind::Keyword(Kw::Raise) => self.parse_raise()?,
            TokenKind::Keyword(Kw::Global | Kw::Nonlocal) => {
                let global = self.bump().kind == TokenKind::Keyword(Kw::Global);
                let mut names = vec![self.expect_name()?.0];
                while self.eat_op(Op::Comma) {
                    names.push(self.expect_name()?.0);
                }
                if global {
                    StmtKind::Global { names }
                } else {
                    StmtKind::Nonlocal { names }
                }
            }
            TokenKind::Keyword(Kw::Del) => self.parse_del()?,
            TokenKind::Keyword(Kw::Assert) => {
                self.bump();
                let test = Box::new(self.parse_expression()?);
                let msg = if self.eat_op(Op::Comma) {
                    Some(Box::new(self.parse_expression()?))
                } else {
                    None
                };
                StmtKind::Assert { test, msg }
            }
            TokenKind::Keyword(Kw::Import) => self.parse_import_name()?,
            TokenKind::Keyword(Kw::From) => self.parse_import_from()?,
            // `type NAME` starts no other statement.
            TokenKind::Name if self.at_soft_kw("type") && self.nth(1) == TokenKind::Name => {
                self.parse_type_alias()?
            }
            _ => return self.parse_expr_or_assignment(),
        };
        Ok(Stmt::new(self.range_from(start), kind))
    }

    /// Is the current token one that ends a simple statement (`;` or `NEWLINE`)?
    fn at_simple_stmt_end(&self) -> bool {
        matches!(
            self.kind(),
            TokenKind::Op(Op::Semi) | TokenKind::Newline | TokenKind::EndMarker
        )
    }

    /// `raise_stmt`.
    fn parse_raise(&mut self) -> PResult<StmtKind> {
        self.bump();
        if self.at_simple_stmt_end() {
            return Ok(StmtKind::Raise {
                exc: None,
                cause: None,
            });
        }
        let exc = Some(Box::new(self.parse_expression()?));
        let cause = if self.eat_kw(Kw::From) {
            Some(Box::new(self.parse_expression()?))
        } else {
            None
        };
        Ok(StmtKind::Raise { exc, cause })
    }

    /// `del_stmt`, with `invalid_del_stmt`'s "cannot delete ..." errors.
    fn parse_del(&mut self) -> PResult<StmtKind> {
        self.bump();
        let after_del = self.mark();
        let failure = match self.parse_del_targets() {
            Ok(targets) if self.at_simple_stmt_end() => return Ok(StmtKind::Delete { targets }),
            Ok(_) => self.invalid_syntax(),
            Err(e) if e.msg != "invalid syntax" => return Err(e),
            Err(e) => e,
        };
        // `'del' star_expressions`: report the first expression that cannot be deleted.
        self.reset(after_del);
        if let Ok(mut expr) = self.parse_star_expressions() {
            self.set_context(&mut expr, ExprContext::Del)?;
        }
        Err(failure)
    }

    /// `type_alias`: the current token is the soft keyword `type`.
    fn parse_type_alias(&mut self) -> PResult<StmtKind> {
        self.bump();
        let (id, range) = self.expect_name()?;
        let name = Box::new(Expr::new(
            range,
            ExprKind::Name {
                id,
                ctx: ExprContext::Store,
            },
        ));
        let type_params = if self.at_op(Op::LSqb) {
            self.parse_type_params()?
        } else {
            Vec::new()
        };
        self.expect_op(Op::Equal)?;
        let value = Box::new(self.parse_expression()?);
        Ok(StmtKind::TypeAlias {
            name,
            type_params,
            value,
        })
    }

    // ---- expression statements and assignments ------------------------------------------------

    /// `annotated_rhs`: a `yield` expression or `star_expressions`.
    pub(super) fn parse_annotated_rhs(&mut self) -> PResult<Expr> {
        if self.at_kw(Kw::Yield) {
            self.parse_yield_expr()
        } else {
            self.parse_star_expressions()
        }
    }

    /// Expression statements, `=` chains, augmented and annotated assignments.
    fn parse_expr_or_assignment(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let first_mark = self.mark();
        let first = self.parse_annotated_rhs()?;
        let kind = if self.at_op(Op::Colon) {
            self.parse_ann_assign(first, first_mark)?
        } else if self.at_op(Op::Equal) {
            self.parse_assign(first, first_mark)?
        } else if let Some(op) = self.aug_operator() {
            if self.tokens[first_mark].kind == TokenKind::Keyword(Kw::Yield) {
                // A bare `yield` is no `star_expressions`: the operator is unexpected.
                return Err(self.invalid_syntax());
            }
            self.bump();
            let value = Box::new(self.parse_annotated_rhs()?);
            let mut target = first;
            if !matches!(
                target.kind,
                ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
            ) {
                let msg = format!(
                    "'{}' is an illegal expression for augmented assignment",
                    expr_name(&target)
                );
                return Err(self.error_at(target.range, msg));
            }
            self.set_context(&mut target, ExprContext::Store)?;
            StmtKind::AugAssign {
                target: Box::new(target),
                op,
                value,
            }
        } else {
            StmtKind::Expr {
                value: Box::new(first),
            }
        };
        Ok(Stmt::new(self.range_from(start), kind))
    }

    /// The operator of an augmented assignment token (`+=` ...), if the current token is one.
    fn aug_operator(&self) -> Option<Operator> {
        let TokenKind::Op(op) = self.kind() else {
            return None;
        };
        Some(match op {
            Op::PlusEqual => Operator::Add,
            Op::MinEqual => Operator::Sub,
            Op::StarEqual => Operator::Mult,
            Op::AtEqual => Operator::MatMult,
            Op::SlashEqual => Operator::Div,
            Op::PercentEqual => Operator::Mod,
            Op::AmperEqual => Operator::BitAnd,
            Op::VBarEqual => Operator::BitOr,
            Op::CircumflexEqual => Operator::BitXor,
            Op::LeftShiftEqual => Operator::LShift,
            Op::RightShiftEqual => Operator::RShift,
            Op::DoubleStarEqual => Operator::Pow,
            Op::DoubleSlashEqual => Operator::FloorDiv,
            _ => return None,
        })
    }

    /// `target ':' expression ['=' annotated_rhs]`: the current token is `:`.
    fn parse_ann_assign(&mut self, mut target: Expr, target_mark: usize) -> PResult<StmtKind> {
        let parenthesized = self.starts_parenthesized(target_mark, &target);
        if !parenthesized
            && matches!(
                target.kind,
                ExprKind::Starred { .. } | ExprKind::Yield { .. } | ExprKind::YieldFrom { .. }
            )
        {
            // Neither is an `expression`: the colon itself is unexpected.
            return Err(self.invalid_syntax());
        }
        let colon = self.bump();
        let valid_target = matches!(
            target.kind,
            ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
        );
        let annotation = match self.parse_expression() {
            Ok(annotation) => Box::new(annotation),
            // CPython's errors for bad targets need the annotation to parse (`a=expression ':'
            // expression`); without it, its first pass got no further than the colon.
            Err(e) if !valid_target && e.msg == "invalid syntax" => {
                return Err(self.error_at(colon.range, "invalid syntax"))
            }
            Err(e) => return Err(e),
        };
        match &target.kind {
            ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
            ExprKind::Tuple { elts, .. } if !parenthesized => {
                let at = elts.first().map_or(target.range, |e| e.range);
                return Err(self.error_at(at, "only single target (not tuple) can be annotated"));
            }
            ExprKind::Tuple { .. } | ExprKind::List { .. } => {
                let msg = format!(
                    "only single target (not {}) can be annotated",
                    expr_name(&target)
                );
                return Err(self.error_at(target.range, msg));
            }
            _ => return Err(self.error_at(target.range, "illegal target for annotation")),
        }
        let simple = matches!(target.kind, ExprKind::Name { .. }) && !parenthesized;
        self.set_context(&mut target, ExprContext::Store)?;
        let value = if self.eat_op(Op::Equal) {
            Some(Box::new(self.parse_annotated_rhs()?))
        } else {
            None
        };
        Ok(StmtKind::AnnAssign {
            target: Box::new(target),
            annotation,
            value,
            simple,
        })
    }

    /// `(star_targets '=')+ annotated_rhs`: the current token is the first `=`.
    fn parse_assign(&mut self, first: Expr, first_mark: usize) -> PResult<StmtKind> {
        let mut exprs = vec![(first_mark, first)];
        while self.eat_op(Op::Equal) {
            let mark = self.mark();
            exprs.push((mark, self.parse_annotated_rhs()?));
        }
        let value = match exprs.pop() {
            Some((_, value)) => Box::new(value),
            None => return Err(self.invalid_syntax()),
        };
        let end = self.mark();
        let mut targets = Vec::with_capacity(exprs.len());
        for (i, (mark, mut target)) in exprs.into_iter().enumerate() {
            if matches!(
                target.kind,
                ExprKind::Yield { .. } | ExprKind::YieldFrom { .. }
            ) && self.tokens[mark].kind == TokenKind::Keyword(Kw::Yield)
            {
                return Err(
                    self.error_at(target.range, "assignment to yield expression not possible")
                );
            }
            if let Err(err) = self.set_context(&mut target, ExprContext::Store) {
                if i == 0 {
                    if let Some(better) = self.invalid_first_target(mark, &target) {
                        self.reset(end);
                        return Err(better);
                    }
                    self.reset(end);
                }
                return Err(err);
            }
            targets.push(target);
        }
        Ok(StmtKind::Assign { targets, value })
    }

    /// CPython's `invalid_named_expression` as it applies to a statement's first, invalid target
    /// (`f() = 1`: "cannot assign to function call here. Maybe you meant '==' instead of '='?";
    /// in an unparenthesized tuple target, the last element is the one checked). Moves the cursor.
    fn invalid_first_target(&mut self, target_mark: usize, target: &Expr) -> Option<SyntaxError> {
        let candidate = match &target.kind {
            ExprKind::Tuple { elts, .. } if !self.starts_parenthesized(target_mark, target) => {
                let last = elts.last()?;
                if last.range.end != target.range.end
                    || matches!(last.kind, ExprKind::Starred { .. })
                {
                    return None;
                }
                self.group_start(last.range.start, target_mark)?
            }
            _ => target_mark,
        };
        self.invalid_named_expression(candidate)
    }

    /// CPython's `invalid_named_expression` tried from token `mark`: `NAME '=' bitwise_or` or
    /// `bitwise_or '=' bitwise_or` (not starting with a display or `True`/`False`/`None`), not
    /// followed by `=` or `:=`: the error for an `=` where `==` was probably meant. Moves the
    /// cursor; the caller resets it.
    pub(crate) fn invalid_named_expression(&mut self, mark: usize) -> Option<SyntaxError> {
        self.reset(mark);
        let first = self.tok();
        if matches!(
            first.kind,
            TokenKind::Keyword(Kw::True | Kw::False | Kw::None)
        ) {
            return None;
        }
        if first.kind == TokenKind::Name && self.nth(1) == TokenKind::Op(Op::Equal) {
            self.bump();
            self.bump();
            self.parse_bitwise_or().ok()?;
            if self.at_op(Op::Equal) || self.at_op(Op::ColonEqual) {
                return None;
            }
            let msg = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
            return Some(self.error_at(self.range_from(first.range.start), msg));
        }
        let lhs = self.parse_bitwise_or().ok()?;
        if starts_with_display(&lhs, first.range.start) || !self.eat_op(Op::Equal) {
            return None;
        }
        self.parse_bitwise_or().ok()?;
        if self.at_op(Op::Equal) || self.at_op(Op::ColonEqual) {
            return None;
        }
        let msg = format!(
            "cannot assign to {} here. Maybe you meant '==' instead of '='?",
            expr_name(&lhs)
        );
        Some(self.error_at(lhs.range, msg))
    }

    /// `named_expression` as the condition of `if`, `elif`, `while` or a `case` guard, with
    /// CPython's error for `if x = 1:`.
    pub(super) fn parse_condition(&mut self) -> PResult<Expr> {
        let mark = self.mark();
        let test = self.parse_named_expression()?;
        if self.at_op(Op::Equal) {
            let here = self.mark();
            if let Some(err) = self.invalid_named_expression(mark) {
                return Err(err);
            }
            self.reset(here);
        }
        Ok(test)
    }

    /// The range of a `RAISE_SYNTAX_ERROR_STARTING_FROM` error: from `start` to just before the
    /// end of the lookahead (current) token, as CPython computes it.
    pub(super) fn starting_from(&self, start: u32) -> TextRange {
        TextRange::new(start, self.tok().range.end.saturating_sub(1).max(start))
    }

    /// Where CPython reports an error "at the current token": the token itself, except at the
    /// end of the file, where it points just past the last line (at its `NEWLINE`).
    /// CPython's `RAISE_SYNTAX_ERROR`/`RAISE_INDENTATION_ERROR` (`indentation`) at the current
    /// token: placed on a DEDENT or ENDMARKER, tokens without columns, it has no end column.
    pub(super) fn error_at_current(&self, msg: String, indentation: bool) -> SyntaxError {
        let range = self.current_error_range();
        let err = if indentation {
            self.indentation_error_at(range, msg)
        } else {
            self.error_at(range, msg)
        };
        if matches!(self.kind(), TokenKind::Dedent | TokenKind::EndMarker) {
            err.with_end(SyntaxError::END_UNKNOWN)
        } else {
            err
        }
    }

    pub(super) fn current_error_range(&self) -> TextRange {
        let at_eof = self.tokens[self.pos.min(self.tokens.len())..]
            .iter()
            .all(|t| matches!(t.kind, TokenKind::Dedent | TokenKind::EndMarker));
        if at_eof {
            let newline = self.tokens[..self.pos.min(self.tokens.len())]
                .iter()
                .rev()
                .find(|t| t.kind == TokenKind::Newline);
            if let Some(nl) = newline {
                return TextRange::new(nl.range.start, nl.range.start);
            }
        }
        self.tok().range
    }

    /// The token index where an expression starting at byte `start` begins, grouping
    /// parentheses included, not looking back past token `floor`.
    fn group_start(&self, start: u32, floor: usize) -> Option<usize> {
        let mut i = self.tokens.partition_point(|t| t.range.start < start);
        if self.tokens.get(i)?.range.start != start {
            return None;
        }
        while i > floor && self.tokens[i - 1].kind == TokenKind::Op(Op::LPar) {
            i -= 1;
        }
        Some(i)
    }

    /// Where CPython ends a compound statement or handler: at the last consumed token that is
    /// not `NEWLINE`, `INDENT` or `DEDENT` (so a trailing `;` of its last line counts).
    pub(super) fn last_token_end(&self) -> u32 {
        self.tokens[..self.pos.min(self.tokens.len())]
            .iter()
            .rev()
            .find(|t| {
                !matches!(
                    t.kind,
                    TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent
                )
            })
            .map_or(0, |t| t.range.end)
    }

    /// Is `expr`, which was parsed from token `mark` on, wrapped in parentheses as a whole
    /// (`(a)`, `(a, b)`), as opposed to merely starting with a parenthesized part (`(a), b`)?
    pub(super) fn starts_parenthesized(&self, mark: usize, expr: &Expr) -> bool {
        if self.tokens.get(mark).map(|t| t.kind) != Some(TokenKind::Op(Op::LPar)) {
            return false;
        }
        let mut depth = 0usize;
        for tok in &self.tokens[mark..] {
            match tok.kind {
                TokenKind::Op(Op::LPar | Op::LSqb | Op::LBrace) => depth += 1,
                TokenKind::Op(Op::RPar | Op::RSqb | Op::RBrace) => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return tok.range.end >= expr.range.end;
                    }
                }
                TokenKind::Newline | TokenKind::EndMarker | TokenKind::Error => return false,
                _ => {}
            }
        }
        false
    }
}

/// Does the bitwise_or expression `e`, whose first token starts at `start`, begin with a list,
/// tuple or generator expression display (CPython's `!(list|tuple|genexp)` lookahead)?
fn starts_with_display(e: &Expr, start: u32) -> bool {
    let mut node = e;
    loop {
        if node.range.start == start
            && matches!(
                node.kind,
                ExprKind::List { .. } | ExprKind::Tuple { .. } | ExprKind::GeneratorExp { .. }
            )
        {
            return true;
        }
        node = match &node.kind {
            ExprKind::BinOp { left, .. } => left,
            ExprKind::Attribute { value, .. } | ExprKind::Subscript { value, .. } => value,
            ExprKind::Call { func, .. } => func,
            _ => return false,
        };
        if node.range.start != start {
            return false;
        }
    }
}

/// `-operand` as the parser builds it for negative literals in patterns.
pub(super) fn negate(start: u32, operand: Expr) -> Expr {
    let range = TextRange::new(start, operand.range.end);
    Expr::new(
        range,
        ExprKind::UnaryOp {
            op: UnaryOp::USub,
            operand: Box::new(operand),
        },
    )
}
