//! The rest of the expression grammar: `primary` (attributes, calls, subscripts and slices),
//! call arguments, comprehension clauses, and assignment/deletion targets (`star_targets`,
//! `del_targets`, and CPython's "cannot assign to ..." errors).

use super::expr::expr_name;
use super::{PResult, Parser};
use crate::ast::{Comprehension, Expr, ExprContext, ExprKind, Keyword};
use crate::error::SyntaxError;
use crate::text::TextRange;
use crate::tokenizer::{Keyword as Kw, Op, TokenKind};

impl Parser<'_> {
    /// `primary`: an atom followed by any number of `.name`, `(args)` and `[slices]`.
    pub(crate) fn parse_primary(&mut self) -> PResult<Expr> {
        let start = self.start();
        let mut expr = self.parse_atom()?;
        loop {
            match self.kind() {
                TokenKind::Op(Op::Dot) => {
                    self.bump();
                    let (attr, _) = self.expect_name()?;
                    let kind = ExprKind::Attribute {
                        value: Box::new(expr),
                        attr,
                        ctx: ExprContext::Load,
                    };
                    expr = Expr::new(self.range_from(start), kind);
                }
                TokenKind::Op(Op::LPar) => {
                    let (args, keywords) = self.nested(Self::parse_call_arguments)?;
                    let kind = ExprKind::Call {
                        func: Box::new(expr),
                        args,
                        keywords,
                    };
                    expr = Expr::new(self.range_from(start), kind);
                }
                TokenKind::Op(Op::LSqb) => {
                    self.bump();
                    let slice = self.nested(Self::parse_slices)?;
                    self.expect_closing(Op::RSqb)?;
                    let kind = ExprKind::Subscript {
                        value: Box::new(expr),
                        slice: Box::new(slice),
                        ctx: ExprContext::Load,
                    };
                    expr = Expr::new(self.range_from(start), kind);
                }
                _ => return Ok(expr),
            }
        }
    }

    /// `slices`: one slice or expression, or a `Tuple` of them when there is a comma.
    fn parse_slices(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.parse_slice()?;
        if !self.at_op(Op::Comma) && !matches!(first.kind, ExprKind::Starred { .. }) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::RSqb) {
                break;
            }
            elts.push(self.parse_slice()?);
        }
        Ok(Expr::new(
            self.range_from(start),
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
        ))
    }

    /// `slice | starred_expression`.
    fn parse_slice(&mut self) -> PResult<Expr> {
        let start = self.start();
        if self.at_op(Op::Star) {
            self.bump();
            let value = self.parse_bitwise_or()?;
            return Ok(Expr::new(
                self.range_from(start),
                ExprKind::Starred {
                    value: Box::new(value),
                    ctx: ExprContext::Load,
                },
            ));
        }
        let lower = if self.at_op(Op::Colon) {
            None
        } else {
            let e = self.parse_named_expression()?;
            if !self.at_op(Op::Colon) {
                return Ok(e);
            }
            Some(Box::new(e))
        };
        self.expect_op(Op::Colon)?;
        let bound = |p: &mut Self| -> PResult<Option<Box<Expr>>> {
            if p.at_op(Op::Colon) || p.at_op(Op::Comma) || p.at_op(Op::RSqb) {
                Ok(None)
            } else {
                Ok(Some(Box::new(p.parse_expression()?)))
            }
        };
        let upper = bound(self)?;
        let step = if self.eat_op(Op::Colon) {
            bound(self)?
        } else {
            None
        };
        Ok(Expr::new(
            self.range_from(start),
            ExprKind::Slice { lower, upper, step },
        ))
    }

    /// Call arguments: the current token is `(`; consumes through the closing `)`. A lone
    /// generator-expression argument takes the call's parentheses as its range.
    pub(crate) fn parse_call_arguments(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let open = self.expect_op(Op::LPar)?;
        let mut args: Vec<Expr> = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut seen_double_star = false;
        // CPython reports a positional argument after keywords once the arguments are read,
        // at the token where they end.
        let mut misplaced_positional: Option<&'static str> = None;
        // The comma before the current argument.
        let mut comma: Option<u32> = None;
        while !self.at_op(Op::RPar) {
            let start = self.start();
            if self.eat_op(Op::Star) {
                let value = self.parse_expression()?;
                if seen_double_star {
                    return Err(self.unpacking_after_keywords_error(comma.unwrap_or(start)));
                }
                let range = self.range_from(start);
                args.push(Expr::new(
                    range,
                    ExprKind::Starred {
                        value: Box::new(value),
                        ctx: ExprContext::Load,
                    },
                ));
            } else if self.eat_op(Op::DoubleStar) {
                let value = self.parse_expression()?;
                seen_double_star = true;
                keywords.push(Keyword {
                    range: self.range_from(start),
                    arg: None,
                    value,
                });
            } else if self.kind() == TokenKind::Name && self.nth(1) == TokenKind::Op(Op::Equal) {
                let (name, _) = self.expect_name()?;
                self.bump();
                let value = self.parse_expression()?;
                keywords.push(Keyword {
                    range: self.range_from(start),
                    arg: Some(name),
                    value,
                });
            } else {
                let value = self.named_expression(false)?;
                if self.at_comprehension_for() {
                    let generators = self.parse_comprehension_clauses()?;
                    let lone = args.is_empty() && keywords.is_empty() && self.at_op(Op::RPar);
                    if !lone {
                        let range = self.range_from(start);
                        return Err(
                            self.error_at(range, "Generator expression must be parenthesized")
                        );
                    }
                    self.bump();
                    let range = self.range_from(open.range.start);
                    args.push(Expr::new(
                        range,
                        ExprKind::GeneratorExp {
                            elt: Box::new(value),
                            generators,
                        },
                    ));
                    return Ok((args, keywords));
                }
                if self.at_op(Op::Equal) {
                    let range = TextRange::new(start, self.tok().range.end);
                    let msg = "expression cannot contain assignment, perhaps you meant \"==\"?";
                    return Err(self.error_at(range, msg));
                }
                if !keywords.is_empty() && misplaced_positional.is_none() {
                    misplaced_positional = Some(if seen_double_star {
                        "positional argument follows keyword argument unpacking"
                    } else {
                        "positional argument follows keyword argument"
                    });
                }
                args.push(value);
            }
            comma = Some(self.start());
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if let Some(msg) = misplaced_positional {
            return Err(self.error_at(self.tok().range, msg));
        }
        self.expect_closing(Op::RPar)?;
        Ok((args, keywords))
    }

    /// `*args` after `**kwargs`: CPython's `invalid_arguments` alternative covers the comma
    /// before it and the further `*` arguments (and one trailing comma) that follow, up to the
    /// next token.
    fn unpacking_after_keywords_error(&mut self, comma: u32) -> SyntaxError {
        loop {
            if self.at_op(Op::Comma) && self.nth(1) == TokenKind::Op(Op::Star) {
                self.bump();
                self.bump();
                if let Err(e) = self.parse_expression() {
                    return e;
                }
            } else {
                self.eat_op(Op::Comma);
                break;
            }
        }
        let range = TextRange::new(comma, self.tok().range.start);
        self.error_at(
            range,
            "iterable argument unpacking follows keyword argument unpacking",
        )
    }

    /// Is the current token the start of a comprehension clause (`for` or `async for`)?
    pub(crate) fn at_comprehension_for(&self) -> bool {
        self.at_kw(Kw::For) || (self.at_kw(Kw::Async) && self.nth(1) == TokenKind::Keyword(Kw::For))
    }

    /// `for_if_clauses`: one or more `[async] for targets in disjunction (if disjunction)*`.
    pub(crate) fn parse_comprehension_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut generators = Vec::new();
        while self.at_comprehension_for() {
            let is_async = self.eat_kw(Kw::Async);
            self.bump();
            let target = self.parse_star_targets()?;
            if !self.eat_kw(Kw::In) {
                if matches!(
                    self.kind(),
                    TokenKind::Error | TokenKind::Indent | TokenKind::Dedent
                ) {
                    return Err(self.invalid_syntax());
                }
                return Err(
                    self.error_at(self.tok().range, "'in' expected after for-loop variables")
                );
            }
            let iter = self.parse_disjunction()?;
            let mut ifs = Vec::new();
            while self.eat_kw(Kw::If) {
                ifs.push(self.parse_disjunction()?);
            }
            generators.push(Comprehension {
                target,
                iter,
                ifs,
                is_async,
            });
        }
        Ok(generators)
    }

    /// `star_targets`: assignment or `for` targets, with `Store` context set; a `Tuple` if there is
    /// a comma. Stops before `in` and `=`.
    pub(crate) fn parse_star_targets(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.parse_star_target_raw()?;
        let mut expr = if self.at_op(Op::Comma) {
            let mut elts = vec![first];
            while self.eat_op(Op::Comma) {
                if !self.can_start_expression() {
                    break;
                }
                elts.push(self.parse_star_target_raw()?);
            }
            Expr::new(
                self.range_from(start),
                ExprKind::Tuple {
                    elts,
                    ctx: ExprContext::Load,
                },
            )
        } else {
            first
        };
        self.set_context(&mut expr, ExprContext::Store)?;
        Ok(expr)
    }

    /// `star_target`: one target (a starred one included), with `Store` context set.
    pub(crate) fn parse_star_target(&mut self) -> PResult<Expr> {
        let mut expr = self.parse_star_target_raw()?;
        self.set_context(&mut expr, ExprContext::Store)?;
        Ok(expr)
    }

    fn parse_star_target_raw(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            return self.parse_starred_bitwise_or();
        }
        self.parse_bitwise_or()
    }

    /// `del_targets`, with `Del` context set.
    pub(crate) fn parse_del_targets(&mut self) -> PResult<Vec<Expr>> {
        let mut targets = Vec::new();
        loop {
            let mut target = self.parse_bitwise_or()?;
            self.set_context(&mut target, ExprContext::Del)?;
            targets.push(target);
            if !self.eat_op(Op::Comma) || !self.can_start_expression() {
                return Ok(targets);
            }
        }
    }

    /// Sets `ctx` on an expression used as a target, with CPython's errors for expressions
    /// that cannot be assigned to or deleted ("cannot assign to function call", ...).
    pub(crate) fn set_context(&self, expr: &mut Expr, ctx: ExprContext) -> PResult<()> {
        let range = expr.range;
        match &mut expr.kind {
            ExprKind::Name { ctx: c, .. }
            | ExprKind::Attribute { ctx: c, .. }
            | ExprKind::Subscript { ctx: c, .. } => {
                *c = ctx;
                Ok(())
            }
            ExprKind::Starred { value, ctx: c } => {
                if ctx == ExprContext::Del {
                    return Err(self.error_at(range, "cannot delete starred"));
                }
                *c = ctx;
                self.set_context(value, ctx)
            }
            ExprKind::Tuple { elts, ctx: c } | ExprKind::List { elts, ctx: c } => {
                *c = ctx;
                elts.iter_mut().try_for_each(|e| self.set_context(e, ctx))
            }
            _ => {
                let verb = if ctx == ExprContext::Del {
                    "delete"
                } else {
                    "assign to"
                };
                Err(self.error_at(range, format!("cannot {verb} {}", expr_name(expr))))
            }
        }
    }
}
