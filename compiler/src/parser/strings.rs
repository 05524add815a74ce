//! String literals: implicit concatenation, escapes, f-strings (PEP 701) and t-strings (PEP 750),
//! and number literals. Mirrors `Parser/action_helpers.c` (`_PyPegen_concatenate_strings`).

use super::{PResult, Parser};
use crate::ast::Expr;
use crate::tokenizer::Token;

impl Parser<'_> {
    /// One or more adjacent string, f-string or t-string literals: the current token is a
    /// `String`, `FStringStart` or `TStringStart`.
    pub(crate) fn parse_strings(&mut self) -> PResult<Expr> {
        Err(self.invalid_syntax())
    }

    /// The `Constant` for a `Number` token.
    pub(crate) fn number_constant(&self, tok: Token) -> PResult<Expr> {
        Err(self.error_at(tok.range, "invalid syntax"))
    }
}
