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
const INTRINSIC_PRINT: u32 = 1;

fn invalid_syntax(source: &str, at: u32) -> SyntaxError {
    let lines = LineIndex::new(source);
    let end = source.len() as u32;
    let at = at.min(end);
    let stop = source[at as usize..]
        .find(|c: char| c.is_whitespace())
        .map_or(end, |i| at + i as u32)
        .max((at + 1).min(end));
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
        [] => return Err(invalid_syntax(source, source.len() as u32)),
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
    if module.body.len() > 1 {
        let lines = LineIndex::new(source);
        let first = &module.body[0];
        return Err(SyntaxError::at(
            ErrorKind::SyntaxError,
            "multiple statements found while compiling a single statement",
            first.range,
            &lines,
        ));
    }
    let table = symtable::build(&module, source)?;
    let mut c = Compiler {
        st: &table,
        lines: LineIndex::new(source),
        filename: filename.to_string(),
        units: Vec::new(),
        module_annotations: Vec::new(),
    };
    c.enter_unit(Some(0), UnitKind::Module, "<module>", 1);
    if let Some(first) = module.body.first() {
        c.set_loc(first.range);
    }
    for s in &module.body {
        match &s.kind {
            StmtKind::Expr { value } => {
                c.set_loc(s.range);
                c.u().last_stmt_loc = Some(c.unit().loc);
                c.visit_expr(value)?;
                c.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_PRINT);
                c.emit(Opcode::POP_TOP, 0);
            }
            _ => c.visit_stmt(s)?,
        }
    }
    c.return_none_at_end();
    c.exit_unit()
}
