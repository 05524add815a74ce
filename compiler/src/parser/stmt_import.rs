//! Import statements (`import_name`, `import_from` and their `invalid_*` rules in CPython's
//! `Grammar/python.gram`) and the `__future__` feature check `ast.parse` applies (`future.c`).

use super::expr::expr_name;
use super::{PResult, Parser};
use crate::ast::{Alias, Constant, Expr, ExprKind, Stmt, StmtKind};
use crate::error::SyntaxError;
use crate::text::TextRange;
use crate::tokenizer::{Keyword as Kw, Op, TokenKind};

/// The features `from __future__ import` accepts (CPython's `Lib/__future__.py`).
const FUTURE_FEATURES: [&str; 10] = [
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

impl Parser<'_> {
    /// The `from __future__ import ...` statements at the top of a module (after an optional
    /// docstring) must name known features, as `ast.parse` checks (CPython's `future.c`).
    pub(super) fn check_future_features(&self, body: &[Stmt]) -> PResult<()> {
        for (i, stmt) in body.iter().enumerate() {
            match &stmt.kind {
                StmtKind::ImportFrom {
                    module: Some(module),
                    names,
                    level: 0,
                } if module == "__future__" => {
                    for alias in names {
                        let msg = match alias.name.as_str() {
                            name if FUTURE_FEATURES.contains(&name) => continue,
                            "braces" => "not a chance".to_string(),
                            name => format!("future feature {name} is not defined"),
                        };
                        return Err(self.error_at(alias.range, msg));
                    }
                }
                StmtKind::Expr { value } if i == 0 && is_str_constant(value) => {}
                _ => break,
            }
        }
        Ok(())
    }

    /// `import_name`: `import dotted_as_names`.
    pub(super) fn parse_import_name(&mut self) -> PResult<StmtKind> {
        let start = self.bump().range.start;
        if self.at(TokenKind::Newline) {
            return Err(self.no_import_names_error());
        }
        let mut names = vec![self.parse_import_alias(true)?];
        while self.eat_op(Op::Comma) {
            names.push(self.parse_import_alias(true)?);
        }
        if self.at_kw(Kw::From) && names.iter().all(|a| a.asname.is_none()) {
            // `invalid_import`: `import a from b`.
            self.bump();
            if self.at(TokenKind::Name) {
                self.parse_dotted_name()?;
                let msg = "Did you mean to use 'from ... import ...' instead?";
                return Err(self.error_at(self.starting_from(start), msg));
            }
        }
        Ok(StmtKind::Import { names })
    }

    /// `import_from`: `from (.|...)* dotted_name import targets` or `from (.|...)+ import targets`.
    pub(super) fn parse_import_from(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut level = 0;
        loop {
            if self.eat_op(Op::Dot) {
                level += 1;
            } else if self.eat_op(Op::Ellipsis) {
                level += 3;
            } else {
                break;
            }
        }
        let module = if self.at(TokenKind::Name) || level == 0 {
            Some(self.parse_dotted_name()?.0)
        } else {
            None
        };
        if !self.eat_kw(Kw::Import) {
            return Err(self.invalid_syntax());
        }
        let names = match self.kind() {
            TokenKind::Op(Op::Star) => {
                let star = self.bump();
                vec![Alias {
                    range: star.range,
                    name: "*".into(),
                    asname: None,
                }]
            }
            TokenKind::Op(Op::LPar) => {
                self.bump();
                let mut names = vec![self.parse_import_alias(false)?];
                while self.eat_op(Op::Comma) {
                    if self.at_op(Op::RPar) {
                        break;
                    }
                    names.push(self.parse_import_alias(false)?);
                }
                if !self.eat_op(Op::RPar) {
                    return Err(self.invalid_syntax());
                }
                names
            }
            TokenKind::Newline => return Err(self.no_import_names_error()),
            _ => {
                let mut names = vec![self.parse_import_alias(false)?];
                while self.eat_op(Op::Comma) {
                    if self.at(TokenKind::Newline) {
                        let msg = "trailing comma not allowed without surrounding parentheses";
                        return Err(self.error_at(self.tok().range, msg));
                    }
                    names.push(self.parse_import_alias(false)?);
                }
                names
            }
        };
        Ok(StmtKind::ImportFrom {
            module,
            names,
            level,
        })
    }

    /// "Expected one or more names after 'import'", at the start of the current `NEWLINE`.
    fn no_import_names_error(&self) -> SyntaxError {
        self.error_at(
            self.starting_from(self.start()),
            "Expected one or more names after 'import'",
        )
    }

    /// `dotted_name`: names joined by dots, and the range they span.
    fn parse_dotted_name(&mut self) -> PResult<(String, TextRange)> {
        let (mut name, first) = self.expect_name()?;
        while self.eat_op(Op::Dot) {
            name.push('.');
            name.push_str(&self.expect_name()?.0);
        }
        Ok((name, self.range_from(first.start)))
    }

    /// `dotted_as_name` (with `dotted`) or `import_from_as_name`, with CPython's "cannot use
    /// ... as import target" check.
    fn parse_import_alias(&mut self, dotted: bool) -> PResult<Alias> {
        let (name, range) = if dotted {
            self.parse_dotted_name()?
        } else {
            self.expect_name()?
        };
        let mut asname = None;
        if self.eat_kw(Kw::As) {
            let plain = self.at(TokenKind::Name)
                && matches!(
                    self.nth(1),
                    TokenKind::Op(Op::Comma | Op::RPar | Op::Semi)
                        | TokenKind::Newline
                        | TokenKind::EndMarker
                );
            if !plain {
                if let Ok(target) = self.parse_expression() {
                    let msg = format!("cannot use {} as import target", expr_name(&target));
                    return Err(self.error_at(target.range, msg));
                }
                return Err(self.invalid_syntax());
            }
            asname = Some(self.expect_name()?.0);
        }
        Ok(Alias {
            range: self.range_from(range.start),
            name,
            asname,
        })
    }
}

/// Is `e` a (non-f) string literal, as a docstring is?
fn is_str_constant(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Constant {
            value: Constant::Str(_),
            ..
        }
    )
}
