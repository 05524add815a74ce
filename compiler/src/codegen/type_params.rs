//! PEP 695/696: type parameter lists of generic functions and classes, and `type` statements.
//! A generic definition runs inside a hidden function, `<generic parameters of name>`, that
//! makes the `TypeVar`/`ParamSpec`/`TypeVarTuple` objects; their bounds, constraints and
//! defaults, and a type alias's value, are evaluated lazily by functions of their own. Mirrors
//! CPython 3.14's `Python/codegen.c` (`codegen_type_params`,
//! `codegen_type_param_bound_or_default`, `codegen_typealias`, `codegen_typealias_body`, and
//! the generic parts of `codegen_function` and `codegen_class`).

use super::unit::UnitKind;
use super::{Compiler, Result};
use crate::ast::{Expr, ExprContext, ExprKind, Stmt, TypeParam, TypeParamKind};
use crate::bytecode::opcodes::{
    FN_DEFAULTS, INTRINSIC_PARAMSPEC, INTRINSIC_SET_TYPEPARAM_DEFAULT, INTRINSIC_TYPEALIAS,
    INTRINSIC_TYPEVAR, INTRINSIC_TYPEVARTUPLE, INTRINSIC_TYPEVAR_WITH_BOUND,
    INTRINSIC_TYPEVAR_WITH_CONSTRAINTS,
};
use crate::bytecode::{Const, Opcode};
use crate::literals::Int;
use crate::pystr::PyStr;
use crate::symtable::ScopeKey;
use crate::text::TextRange;

impl<'a> Compiler<'a> {
    /// Opens the unit of the hidden function of a generic definition named `name`, starting on
    /// the definition's first line (its first decorator's).
    pub(super) fn enter_type_params_unit(
        &mut self,
        name: &str,
        type_params: &'a [TypeParam],
        range: TextRange,
        line: u32,
    ) -> Result<()> {
        let scope = self
            .st
            .lookup(ScopeKey::type_params_of(type_params))
            .ok_or_else(|| self.internal("type parameters have no scope"))?;
        let unit_name = format!("<generic parameters of {name}>");
        self.enter_unit(Some(scope), UnitKind::Annotation, &unit_name, line);
        self.set_loc(range);
        Ok(())
    }

    /// Pushes the tuple of type parameters, each also stored under its name.
    pub(super) fn type_params(&mut self, type_params: &'a [TypeParam]) -> Result<()> {
        let mut seen_default = false;
        for tp in type_params {
            self.set_loc(tp.range);
            let (name, default) = match &tp.kind {
                TypeParamKind::TypeVar {
                    name,
                    bound,
                    default_value,
                } => {
                    self.load_str(name);
                    match bound.as_deref() {
                        Some(b) => {
                            let constraints = matches!(b.kind, ExprKind::Tuple { .. });
                            self.lazy_value(b, name, ScopeKey::of(tp), false)?;
                            let which = if constraints {
                                INTRINSIC_TYPEVAR_WITH_CONSTRAINTS
                            } else {
                                INTRINSIC_TYPEVAR_WITH_BOUND
                            };
                            self.set_loc(tp.range);
                            self.emit(Opcode::CALL_INTRINSIC_2, which);
                        }
                        None => self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_TYPEVAR),
                    }
                    (name, default_value.as_deref())
                }
                TypeParamKind::TypeVarTuple {
                    name,
                    default_value,
                } => {
                    self.load_str(name);
                    self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_TYPEVARTUPLE);
                    (name, default_value.as_deref())
                }
                TypeParamKind::ParamSpec {
                    name,
                    default_value,
                } => {
                    self.load_str(name);
                    self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_PARAMSPEC);
                    (name, default_value.as_deref())
                }
            };
            match default {
                Some(d) => {
                    seen_default = true;
                    let starred = matches!(tp.kind, TypeParamKind::TypeVarTuple { .. });
                    self.lazy_value(d, name, ScopeKey::second_of(tp), starred)?;
                    self.set_loc(tp.range);
                    self.emit(Opcode::CALL_INTRINSIC_2, INTRINSIC_SET_TYPEPARAM_DEFAULT);
                }
                None if seen_default => {
                    let msg = format!(
                        "non-default type parameter '{name}' follows default type parameter"
                    );
                    return Err(self.error(msg, tp.range));
                }
                None => {}
            }
            self.emit(Opcode::COPY, 1);
            self.nameop(name, ExprContext::Store, tp.range)?;
        }
        self.emit(Opcode::BUILD_TUPLE, type_params.len() as u32);
        Ok(())
    }

    fn load_str(&mut self, s: &str) {
        self.load_const(Const::Str(PyStr::from(s)));
    }

    /// Pushes the function that evaluates `e` lazily (a bound, constraints, default or alias
    /// value): it takes the annotation `format`, 1 (VALUE) by default. `starred`: `*e` may be
    /// a `TypeVarTuple` default.
    fn lazy_value(&mut self, e: &'a Expr, name: &str, key: ScopeKey, starred: bool) -> Result<()> {
        self.set_loc(e.range);
        self.load_const(Const::Tuple(vec![Const::Int(Int::Small(1))]));
        let scope = self
            .st
            .lookup(key)
            .ok_or_else(|| self.internal("lazily evaluated value has no scope"))?;
        let line = self.lines.line_col(e.range.start).0;
        self.enter_unit(Some(scope), UnitKind::Annotation, name, line);
        self.set_loc(e.range);
        self.annotate_prologue();
        match &e.kind {
            ExprKind::Starred { value, .. } if starred => {
                self.visit_expr(value)?;
                self.emit(Opcode::UNPACK_SEQUENCE, 1);
            }
            _ => self.visit_expr(e)?,
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        let code = self.exit_unit()?;
        self.make_closure(code, FN_DEFAULTS)
    }

    /// `type name[params] = value`.
    pub(super) fn type_alias(
        &mut self,
        s: &'a Stmt,
        name: &'a Expr,
        type_params: &'a [TypeParam],
        value: &'a Expr,
    ) -> Result<()> {
        let ExprKind::Name { id: alias, .. } = &name.kind else {
            return Err(self.internal("type alias name is not a name"));
        };
        let generic = !type_params.is_empty();
        self.set_loc(s.range);
        if generic {
            let line = self.lines.line_col(s.range.start).0;
            self.enter_type_params_unit(alias, type_params, s.range, line)?;
            self.load_str(alias);
            self.type_params(type_params)?;
        } else {
            self.load_str(alias);
            self.load_const(Const::None);
        }
        self.lazy_value(value, alias, ScopeKey::of(s), false)?;
        self.set_loc(s.range);
        self.emit(Opcode::BUILD_TUPLE, 3);
        self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_TYPEALIAS);
        if generic {
            self.call_type_params_unit(0)?;
        }
        self.set_loc(s.range);
        self.nameop(alias, ExprContext::Store, name.range)
    }

    /// Ends the hidden function of a generic definition (its result is on the stack) and calls
    /// it with the `nargs` values pushed before it was made (defaults, keyword defaults).
    pub(super) fn call_type_params_unit(&mut self, nargs: u32) -> Result<()> {
        self.emit(Opcode::RETURN_VALUE, 0);
        let code = self.exit_unit()?;
        self.make_closure(code, 0)?;
        if nargs > 0 {
            // The arguments were pushed before the function: `SWAP` puts it below them, and
            // the first argument takes the place of `self`.
            self.emit(Opcode::SWAP, nargs + 1);
            self.emit(Opcode::CALL, nargs - 1);
        } else {
            self.emit(Opcode::PUSH_NULL, 0);
            self.emit(Opcode::CALL, 0);
        }
        Ok(())
    }
}
