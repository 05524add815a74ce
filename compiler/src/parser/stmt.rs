//! Statements: simple statements, compound statements, blocks and decorators, following
//! CPython's `Grammar/python.gram` (`file`, `statements`, `simple_stmts`, `compound_stmt`, ...).

use super::{PResult, Parser};
use crate::ast::Module;

impl Parser<'_> {
    /// `file`: statements up to `ENDMARKER`.
    pub(crate) fn parse_file(&mut self) -> PResult<Module> {
        Err(self.invalid_syntax())
    }
}
