//! The `eval` and `single` modes of `compile()` (CPython's `Parser/parser.c` `eval` and
//! `interactive` start rules and `Python/codegen.c` `_PyCodegen_Expression` and the interactive
//! body): one expression whose value the code returns, or one statement whose expression values
//! are printed by `sys.displayhook`.

use super::unit::UnitKind;
use super::{Compiler, Result};
use crate::ast::{self, StmtKind};
use crate::bytecode::{CodeObject, Opcode};
use crate::error::{ErrorKind, SyntaxError};
use crate::symtable;
use crate::text::{LineIndex, TextRange};

/// `INTRINSIC_PRINT`: calls `sys.displayhook` on the value.
pub(super) const INTRINSIC_PRINT: u32 = 1;

fn invalid_syntax(source: &str, at: u32) -> SyntaxError {
    let lines = LineIndex::new(source);
    let end = source.len() as u32;
    let at = at.min(end);
    let first_len = source[at as usize..]
        .chars()
        .next()
        .map_or(0, |c| c.len_utf8() as u32);
    let stop = source[at as usize..]
        .find(|c: char| c.is_whitespace())
        .map_or(end, |i| at + i as u32)
        .max(at + first_len);
    SyntaxError::at(
        ErrorKind::SyntaxError,
        "invalid syntax",
        TextRange::new(at, stop),
        &lines,
    )
}

/// The first non-blank, non-comment byte at or after `from`.
fn next_token_at(source: &str, from: u32) -> Option<u32> {
    let mut in_comment = false;
    for (i, c) in source[from as usize..].char_indices() {
        match c {
            '\n' => in_comment = false,
            _ if in_comment => {}
            '#' => in_comment = true,
            ' ' | '\t' | '\x0c' | '\r' | '\\' => {}
            _ => return Some(from + i as u32),
        }
    }
    None
}

/// Compiles `source` as `compile(source, filename, "eval")` does.
pub fn compile_eval(source: &str, filename: &str) -> Result<CodeObject> {
    let module = crate::parser::parse_module(source)?;
    let value = match module.body.as_slice() {
        [ast::Stmt {
            kind: StmtKind::Expr { value },
            range,
        }] => {
            if let Some(at) = next_token_at(source, range.end) {
                return Err(invalid_syntax(source, at));
            }
            value
        }
        [] => {
            let lines = source.lines().count() as u32;
            return Err(
                SyntaxError::on_line(ErrorKind::SyntaxError, "invalid syntax", lines)
                    .without_column(),
            );
        }
        [first, ..] => {
            let at = match &first.kind {
                StmtKind::Expr { value } => value.range.end,
                StmtKind::Assign { targets, .. } => targets.first().map_or(0, |t| t.range.end),
                StmtKind::AugAssign { target, .. } | StmtKind::AnnAssign { target, .. } => {
                    target.range.end
                }
                _ => first.range.start,
            };
            let at = next_token_at(source, at).unwrap_or(first.range.start);
            return Err(invalid_syntax(source, at));
        }
    };
    let table = symtable::build(&module, source)?;
    let mut c = Compiler {
        st: &table,
        lines: LineIndex::new(source),
        filename: filename.to_string(),
        units: Vec::new(),
        module_annotations: Vec::new(),
        interactive: false,
    };
    c.enter_unit(Some(0), UnitKind::Module, "<module>", 1);
    c.set_loc(value.range);
    c.visit_expr(value)?;
    c.emit(Opcode::RETURN_VALUE, 0);
    c.exit_unit()
}

/// Compiles `source` as `compile(source, filename, "single")` does: one statement, the values
/// of its top-level expression statements printed.
pub fn compile_single(source: &str, filename: &str) -> Result<CodeObject> {
    let module = crate::parser::parse_module(source)?;
    let lines = LineIndex::new(source);
    if let Some(first) = module.body.first() {
        let line = lines.line_col(first.range.start).0;
        // Simple statements joined by `;` are one interactive statement; a second line is not.
        if module.body[1..]
            .iter()
            .any(|s| lines.line_col(s.range.start).0 != line)
        {
            return Err(SyntaxError::at(
                ErrorKind::SyntaxError,
                "multiple statements found while compiling a single statement",
                TextRange::new(first.range.end, first.range.end),
                &lines,
            ));
        }
    }
    let table = symtable::build(&module, source)?;
    let mut c = Compiler {
        st: &table,
        lines: LineIndex::new(source),
        filename: filename.to_string(),
        units: Vec::new(),
        module_annotations: Vec::new(),
        interactive: true,
    };
    c.enter_unit(Some(0), UnitKind::Module, "<module>", 1);
    if let Some(first) = module.body.first() {
        c.set_loc(first.range);
    }
    c.stmts(&module.body)?;
    c.return_none_at_end();
    c.exit_unit()
}
