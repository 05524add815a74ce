//! Parameters of `def` and `lambda` (positional-only, defaults, `*args`, keyword-only,
//! `**kwargs`, annotations) and PEP 695/696 type parameter lists. Follows CPython's
//! `Grammar/python.gram` (`parameters`, `lambda_parameters`, `type_params` and their
//! `invalid_*` rules for the error messages).

use super::{PResult, Parser};
use crate::ast::{Arg, Arguments, Expr, ExprKind, TypeParam, TypeParamKind};
use crate::tokenizer::{Op, TokenKind};

/// What has been seen so far in a parameter list.
#[derive(Default)]
struct ParamState {
    args: Arguments,
    /// A `/` was seen.
    slash: bool,
    /// A `*` (bare or `*args`) was seen: names are keyword-only from here.
    star: bool,
}

impl Parser<'_> {
    /// Parameters of a `def` (after `(`, stopping before `)`) or, with `lambda`, of a lambda
    /// (stopping before `:`; no annotations).
    pub(crate) fn parse_parameters(&mut self, lambda: bool) -> PResult<Arguments> {
        let mut st = ParamState::default();
        while !self.at_params_end(lambda) {
            match self.kind() {
                TokenKind::Op(Op::Slash) => self.parse_slash(&mut st, lambda)?,
                TokenKind::Op(Op::Star) => self.parse_star_param(&mut st, lambda)?,
                TokenKind::Op(Op::DoubleStar) => {
                    let tok = self.bump();
                    if st.args.kwarg.is_some() {
                        return Err(self
                            .error_at(tok.range, "arguments cannot follow var-keyword argument"));
                    }
                    let arg = self.parse_param(lambda, false)?;
                    if self.at_op(Op::Equal) {
                        return Err(self.error_at(
                            self.tok().range,
                            "var-keyword argument cannot have default value",
                        ));
                    }
                    st.args.kwarg = Some(Box::new(arg));
                }
                TokenKind::Name => self.parse_plain_param(&mut st, lambda)?,
                TokenKind::Op(Op::LPar) => return Err(self.parenthesized_params_error(lambda)),
                _ => return Err(self.invalid_syntax()),
            }
            if !self.eat_op(Op::Comma) && !self.at_params_end(lambda) {
                return Err(self.invalid_syntax());
            }
        }
        Ok(st.args)
    }

    /// Is the current token the one that closes the parameter list?
    fn at_params_end(&self, lambda: bool) -> bool {
        self.at_op(if lambda { Op::Colon } else { Op::RPar })
    }

    /// `/`: everything so far becomes positional-only.
    fn parse_slash(&mut self, st: &mut ParamState, lambda: bool) -> PResult<()> {
        let tok = self.tok();
        let msg = if st.args.kwarg.is_some() {
            "arguments cannot follow var-keyword argument"
        } else if st.star {
            "/ must be ahead of *"
        } else if st.slash {
            "/ may appear only once"
        } else if st.args.args.is_empty() {
            if self.nth(1) == TokenKind::Op(Op::Comma) {
                "at least one argument must precede /"
            } else {
                return Err(self.invalid_syntax());
            }
        } else {
            ""
        };
        if !msg.is_empty() {
            return Err(self.error_at(tok.range, msg));
        }
        self.bump();
        if self.at_op(Op::Star) {
            return Err(self.error_at(self.tok().range, "expected comma between / and *"));
        }
        if !self.at_op(Op::Comma) && !self.at_params_end(lambda) {
            return Err(self.invalid_syntax());
        }
        st.slash = true;
        st.args.posonlyargs = std::mem::take(&mut st.args.args);
        Ok(())
    }

    /// `*args`, `*args: *Ts` or a bare `*`: the current token is `*`.
    fn parse_star_param(&mut self, st: &mut ParamState, lambda: bool) -> PResult<()> {
        let star = self.tok();
        if st.args.kwarg.is_some() {
            return Err(self.error_at(star.range, "arguments cannot follow var-keyword argument"));
        }
        if st.star {
            return Err(self.error_at(star.range, "* argument may appear only once"));
        }
        st.star = true;
        self.bump();
        let bare = self.at_op(Op::Comma) || self.at_params_end(lambda);
        if bare {
            // A bare `*` needs a keyword-only parameter after it.
            let next = if self.at_op(Op::Comma) {
                self.nth_tok(1)
            } else {
                self.tok()
            };
            let missing = match next.kind {
                TokenKind::Op(Op::DoubleStar) => true,
                TokenKind::Op(Op::RPar) => !lambda,
                TokenKind::Op(Op::Colon) => lambda,
                _ => false,
            };
            if missing {
                let at = if lambda { next.range } else { star.range };
                return Err(self.error_at(at, "named arguments must follow bare *"));
            }
            return Ok(());
        }
        let arg = self.parse_param(lambda, true)?;
        if self.at_op(Op::Equal) {
            let starred_annotation = arg
                .annotation
                .as_ref()
                .is_some_and(|a| matches!(a.kind, ExprKind::Starred { .. }));
            if starred_annotation {
                return Err(self.invalid_syntax());
            }
            return Err(self.error_at(
                self.tok().range,
                "var-positional argument cannot have default value",
            ));
        }
        st.args.vararg = Some(Box::new(arg));
        Ok(())
    }

    /// A named parameter with an optional default: positional or, after `*`, keyword-only.
    fn parse_plain_param(&mut self, st: &mut ParamState, lambda: bool) -> PResult<()> {
        let arg = self.parse_param(lambda, false)?;
        if st.args.kwarg.is_some() {
            return Err(self.error_at(arg.range, "arguments cannot follow var-keyword argument"));
        }
        let default = if self.at_op(Op::Equal) {
            let eq = self.bump();
            if self.at_op(Op::Comma) || (!lambda && self.at_op(Op::RPar)) {
                return Err(self.error_at(eq.range, "expected default value expression"));
            }
            Some(self.parse_expression()?)
        } else {
            None
        };
        if st.star {
            st.args.kwonlyargs.push(arg);
            st.args.kw_defaults.push(default);
            return Ok(());
        }
        match default {
            Some(value) => st.args.defaults.push(value),
            // Only a complete parameter (followed by `,` or the end) is reported so.
            None if !st.args.defaults.is_empty() => {
                if !self.at_op(Op::Comma) && !self.at_params_end(lambda) {
                    return Err(self.invalid_syntax());
                }
                let msg = "parameter without a default follows parameter with a default";
                return Err(self.error_at(arg.range, msg));
            }
            None => {}
        }
        st.args.args.push(arg);
        Ok(())
    }

    /// `param`: a name with, outside lambdas, an optional annotation; `star_annotation` allows
    /// `*Ts` there (PEP 646, for `*args` only).
    fn parse_param(&mut self, lambda: bool, star_annotation: bool) -> PResult<Arg> {
        let (arg, range) = self.expect_name()?;
        let mut annotation = None;
        if !lambda && self.eat_op(Op::Colon) {
            let value = if star_annotation && self.at_op(Op::Star) {
                self.parse_starred_bitwise_or()?
            } else {
                self.parse_expression()?
            };
            annotation = Some(Box::new(value));
        }
        Ok(Arg {
            range: self.range_from(range.start),
            arg,
            annotation,
        })
    }

    /// `def f((a, b))` / `lambda (a): ...`: CPython's "... parameters cannot be parenthesized"
    /// when the parentheses hold plain names, else "invalid syntax". The current token is `(`.
    fn parenthesized_params_error(&mut self, lambda: bool) -> crate::error::SyntaxError {
        let open = self.tok();
        let mut n = 1;
        loop {
            if self.nth(n) != TokenKind::Name {
                return self.invalid_syntax();
            }
            n += 1;
            if self.nth(n) == TokenKind::Op(Op::Comma) {
                n += 1;
            }
            if self.nth(n) == TokenKind::Op(Op::RPar) {
                break;
            }
        }
        let close = self.nth_tok(n);
        let msg = if lambda {
            "Lambda expression parameters cannot be parenthesized"
        } else {
            "Function parameters cannot be parenthesized"
        };
        self.error_at(open.range.cover(close.range), msg)
    }

    /// A type parameter list: the current token is `[`; consumes through `]`.
    pub(crate) fn parse_type_params(&mut self) -> PResult<Vec<TypeParam>> {
        self.bump();
        if self.at_op(Op::RSqb) {
            return Err(self.error_at(
                self.starting_from(self.start()),
                "Type parameter list cannot be empty",
            ));
        }
        let mut params = vec![self.parse_type_param()?];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::RSqb) {
                break;
            }
            params.push(self.parse_type_param()?);
        }
        self.expect_op(Op::RSqb)?;
        Ok(params)
    }

    /// `type_param`: `T`, `T: bound`, `T: (constraints)`, `*Ts`, `**P`, each with a default.
    fn parse_type_param(&mut self) -> PResult<TypeParam> {
        let start = self.start();
        let stars = if self.eat_op(Op::Star) {
            1
        } else if self.eat_op(Op::DoubleStar) {
            2
        } else {
            0
        };
        let name = self.expect_name()?.0;
        if stars == 0 {
            let bound = if self.eat_op(Op::Colon) {
                Some(Box::new(self.parse_expression()?))
            } else {
                None
            };
            let default_value = self.parse_type_param_default(false)?;
            let kind = TypeParamKind::TypeVar {
                name,
                bound,
                default_value,
            };
            return Ok(TypeParam {
                range: self.range_from(start),
                kind,
            });
        }
        if self.at_op(Op::Colon) {
            let colon = self.bump().range.start;
            let bound = self.parse_expression()?;
            let what = if matches!(bound.kind, ExprKind::Tuple { .. }) {
                "constraints"
            } else {
                "bound"
            };
            let kind = if stars == 1 {
                "TypeVarTuple"
            } else {
                "ParamSpec"
            };
            return Err(self.error_at(
                self.starting_from(colon),
                format!("cannot use {what} with {kind}"),
            ));
        }
        let default_value = self.parse_type_param_default(stars == 1)?;
        let kind = if stars == 1 {
            TypeParamKind::TypeVarTuple {
                name,
                default_value,
            }
        } else {
            TypeParamKind::ParamSpec {
                name,
                default_value,
            }
        };
        Ok(TypeParam {
            range: self.range_from(start),
            kind,
        })
    }

    /// `['=' expression]`, or with `starred` (a `TypeVarTuple`'s default) `['=' star_expression]`.
    fn parse_type_param_default(&mut self, starred_ok: bool) -> PResult<Option<Box<Expr>>> {
        if !self.eat_op(Op::Equal) {
            return Ok(None);
        }
        let value = if starred_ok && self.at_op(Op::Star) {
            self.parse_starred_bitwise_or()?
        } else {
            self.parse_expression()?
        };
        Ok(Some(Box::new(value)))
    }
}
