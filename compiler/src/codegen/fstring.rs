//! f-strings: each replacement field is converted (`CONVERT_VALUE`) and formatted
//! (`FORMAT_SIMPLE`/`FORMAT_WITH_SPEC`), then the pieces are joined by `BUILD_STRING`.
//! t-strings: the strings and the interpolations become two tuples for `BUILD_TEMPLATE`.
//! Mirrors CPython 3.14's `Python/codegen.c` (`codegen_joined_str`, `codegen_formatted_value`,
//! `codegen_template_str`, `codegen_interpolation`).

use super::{Compiler, Result};
use crate::ast::{Constant, Expr, ExprKind};
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

    /// A t-string: a tuple of its strings (one more than its interpolations, empty ones where
    /// two interpolations meet or at either end), a tuple of its interpolations, then
    /// `BUILD_TEMPLATE`.
    pub(super) fn template_str(&mut self, e: &'a Expr) -> Result<()> {
        let ExprKind::TemplateStr { values } = &e.kind else {
            return Err(self.internal("not a t-string"));
        };
        let mut strings: Vec<PyStr> = vec![PyStr::new()];
        let mut fields = Vec::new();
        for v in values {
            match &v.kind {
                ExprKind::Constant {
                    value: Constant::Str(s),
                    ..
                } => {
                    if let Some(last) = strings.last_mut() {
                        last.push_pystr(s);
                    }
                }
                ExprKind::Interpolation { .. } => {
                    fields.push(v);
                    strings.push(PyStr::new());
                }
                _ => return Err(self.internal("unexpected t-string part")),
            }
        }
        let n = strings.len();
        for s in strings {
            self.load_const(Const::Str(s));
        }
        self.emit(Opcode::BUILD_TUPLE, n as u32);
        for f in &fields {
            let ExprKind::Interpolation {
                value,
                str,
                conversion,
                format_spec,
            } = &f.kind
            else {
                return Err(self.internal("not an interpolation"));
            };
            self.visit_expr(value)?;
            self.load_const(Const::Str(str.clone()));
            let convert = match u8::try_from(*conversion) {
                Ok(b's') => 1,
                Ok(b'r') => 2,
                Ok(b'a') => 3,
                _ => 0,
            };
            let has_spec = match format_spec {
                Some(spec) => {
                    self.visit_expr(spec)?;
                    1
                }
                None => 0,
            };
            self.set_loc(f.range);
            self.emit(Opcode::BUILD_INTERPOLATION, (convert << 2) | has_spec);
        }
        self.emit(Opcode::BUILD_TUPLE, fields.len() as u32);
        self.set_loc(e.range);
        self.emit(Opcode::BUILD_TEMPLATE, 0);
        Ok(())
    }
}
