//! Parameters of `def` and `lambda` (positional-only, defaults, `*args`, keyword-only,
//! `**kwargs`, annotations) and PEP 695/696 type parameter lists.

use super::{PResult, Parser};
use crate::ast::{Arguments, TypeParam};

impl Parser<'_> {
    /// Parameters of a `def` (after `(`, stopping before `)`) or, with `lambda`, of a lambda
    /// (stopping before `:`; no annotations).
    pub(crate) fn parse_parameters(&mut self, lambda: bool) -> PResult<Arguments> {
        let _ = lambda;
        Err(self.invalid_syntax())
    }

    /// A type parameter list: the current token is `[`; consumes through `]`.
    pub(crate) fn parse_type_params(&mut self) -> PResult<Vec<TypeParam>> {
        Err(self.invalid_syntax())
    }
}
