//! Expressions: precedence climbing over CPython's `expression` .. `atom` rules, calls,
//! subscripts, comprehensions, and assignment/deletion targets.

use super::{PResult, Parser};
use crate::ast::{Expr, ExprContext, Keyword};

impl Parser<'_> {
    /// `expression`: a conditional expression or a lambda.
    pub(crate) fn parse_expression(&mut self) -> PResult<Expr> {
        Err(self.invalid_syntax())
    }

    /// `named_expression`: `NAME := expression` or an expression.
    pub(crate) fn parse_named_expression(&mut self) -> PResult<Expr> {
        Err(self.invalid_syntax())
    }

    /// `star_expressions`: one or more (possibly starred) expressions; a `Tuple` if there is a comma.
    pub(crate) fn parse_star_expressions(&mut self) -> PResult<Expr> {
        Err(self.invalid_syntax())
    }

    /// `expressions`: one or more expressions; a `Tuple` if there is a comma.
    pub(crate) fn parse_expressions(&mut self) -> PResult<Expr> {
        Err(self.invalid_syntax())
    }

    /// `disjunction`: `or` and lower (no conditional expression, no lambda).
    pub(crate) fn parse_disjunction(&mut self) -> PResult<Expr> {
        Err(self.invalid_syntax())
    }

    /// `bitwise_or` and everything that binds tighter.
    pub(crate) fn parse_bitwise_or(&mut self) -> PResult<Expr> {
        Err(self.invalid_syntax())
    }

    /// `star_targets`: assignment or `for` targets, with `Store` context set; a `Tuple` if there is
    /// a comma. Stops before `in` and `=`.
    pub(crate) fn parse_star_targets(&mut self) -> PResult<Expr> {
        Err(self.invalid_syntax())
    }

    /// `del_targets`, with `Del` context set.
    pub(crate) fn parse_del_targets(&mut self) -> PResult<Vec<Expr>> {
        Err(self.invalid_syntax())
    }

    /// Sets `ctx` on an expression used as a target, with CPython's errors for expressions
    /// that cannot be assigned to or deleted ("cannot assign to function call", ...).
    pub(crate) fn set_context(&self, expr: &mut Expr, ctx: ExprContext) -> PResult<()> {
        let _ = (expr, ctx);
        Err(self.invalid_syntax())
    }

    /// Call arguments: the current token is `(`; consumes through the closing `)`.
    pub(crate) fn parse_call_arguments(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        Err(self.invalid_syntax())
    }

    /// `yield_expr`: the current token is `yield`.
    pub(crate) fn parse_yield_expr(&mut self) -> PResult<Expr> {
        Err(self.invalid_syntax())
    }
}
