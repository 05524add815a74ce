//! f-strings: each replacement field is converted (`CONVERT_VALUE`) and formatted
//! (`FORMAT_SIMPLE`/`FORMAT_WITH_SPEC`), then the pieces are joined by `BUILD_STRING`.
//! Mirrors CPython 3.14's `Python/codegen.c` (`codegen_joined_str`, `codegen_formatted_value`).

use super::{Compiler, Result};
use crate::ast::{Expr, ExprKind};
use crate::bytecode::{Const, Opcode};
use crate::pystr::PyStr;

/// More pieces than this are joined with `''.join([...])` instead of `BUILD_STRING`.
const STACK_USE_GUIDELINE: usize = 30;

impl<'a> Compiler<'a> {
    pub(super) fn fstring(&mut self, e: &'a Expr) -> Result<()> {
        match &e.kind {
            ExprKind::JoinedStr { values } => {
                if values.len() > STACK_USE_GUIDELINE {
                    self.load_const(Const::Str(PyStr::new()));
                    let join = self.name_index("join");
                    self.emit(Opcode::LOAD_ATTR, (join << 1) | 1);
                    self.emit(Opcode::BUILD_LIST, 0);
                    for v in values {
                        self.visit_expr(v)?;
                        self.emit(Opcode::LIST_APPEND, 1);
                    }
                    self.emit(Opcode::CALL, 1);
                    return Ok(());
                }
                self.visit_exprs(values)?;
                match values.len() {
                    0 => self.load_const(Const::Str(PyStr::new())),
                    1 => {}
                    n => self.emit(Opcode::BUILD_STRING, n as u32),
                }
                Ok(())
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.visit_expr(value)?;
                let convert = match u8::try_from(*conversion) {
                    Ok(b's') => 1,
                    Ok(b'r') => 2,
                    Ok(b'a') => 3,
                    _ => 0,
                };
                if convert != 0 {
                    self.emit(Opcode::CONVERT_VALUE, convert);
                }
                match format_spec {
                    Some(spec) => {
                        self.visit_expr(spec)?;
                        self.emit(Opcode::FORMAT_WITH_SPEC, 0);
                    }
                    None => self.emit(Opcode::FORMAT_SIMPLE, 0),
                }
                Ok(())
            }
            _ => Err(self.internal("not an f-string")),
        }
    }
}
