//! Assignments: targets (names, attributes, subscripts, slices, unpacking with a starred
//! target), `del`, augmented and annotated assignment. Mirrors CPython 3.14's
//! `Python/codegen.c` (`codegen_visit_expr` in store/delete context, `unpack_helper`,
//! `codegen_augassign`, `codegen_annassign`).

use super::expr::{binop_arg, two_element_slice};
use super::unit::UnitKind;
use super::{unparse, Compiler, Result};
use crate::ast::{Expr, ExprContext, ExprKind, Operator, Stmt};
use crate::bytecode::opcodes::{NB_INPLACE, NB_SUBSCR};
use crate::bytecode::{Const, Opcode};
use crate::pystr::PyStr;

impl<'a> Compiler<'a> {
    pub(super) fn assign(&mut self, targets: &'a [Expr], value: &'a Expr) -> Result<()> {
        self.visit_expr(value)?;
        let n = targets.len();
        for (i, t) in targets.iter().enumerate() {
            if i + 1 < n {
                self.emit(Opcode::COPY, 1);
            }
            self.store_target(t)?;
        }
        Ok(())
    }

    /// Stores the value on top of the stack into a target.
    pub(super) fn store_target(&mut self, e: &'a Expr) -> Result<()> {
        let saved = self.set_loc(e.range);
        let result = self.store_target_inner(e);
        self.restore_loc(saved);
        result
    }

    fn store_target_inner(&mut self, e: &'a Expr) -> Result<()> {
        match &e.kind {
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Store, e.range),
            ExprKind::Attribute { value, attr, .. } => {
                if attr == "__debug__" {
                    return Err(self.error("cannot assign to __debug__", e.range));
                }
                self.visit_expr(value)?;
                self.note_static_attribute(value, attr);
                self.attr_loc(e, attr);
                let index = self.attr_name(attr);
                self.emit(Opcode::STORE_ATTR, index);
                Ok(())
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.visit_expr(value)?;
                if let Some((lower, upper)) = two_element_slice(slice) {
                    self.slice_part(lower)?;
                    self.slice_part(upper)?;
                    self.set_loc(e.range);
                    self.emit(Opcode::STORE_SLICE, 0);
                } else {
                    self.visit_expr(slice)?;
                    self.set_loc(e.range);
                    self.emit(Opcode::STORE_SUBSCR, 0);
                }
                Ok(())
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.unpack(e, elts),
            ExprKind::Starred { .. } => Err(self.error(
                "starred assignment target must be in a list or tuple",
                e.range,
            )),
            _ => Err(self.error("cannot assign to expression", e.range)),
        }
    }

    /// `self.x = ...` in a method records `x` in the class's `__static_attributes__`.
    fn note_static_attribute(&mut self, value: &Expr, attr: &str) {
        let is_self = matches!(&value.kind, ExprKind::Name { id, .. } if id == "self");
        if !is_self || self.unit().kind == UnitKind::Class {
            return;
        }
        if let Some(class) = self
            .units
            .iter_mut()
            .rev()
            .find(|u| u.kind == UnitKind::Class)
        {
            class.static_attributes.insert(attr.to_string());
        }
    }

    /// Unpacks the value on top of the stack into the elements of a list or tuple target
    /// (CPython's `unpack_helper` and `assignment_helper`).
    fn unpack(&mut self, e: &Expr, elts: &'a [Expr]) -> Result<()> {
        let n = elts.len();
        let mut star = None;
        for (i, elt) in elts.iter().enumerate() {
            if matches!(elt.kind, ExprKind::Starred { .. }) {
                if star.is_some() {
                    return Err(self.error("multiple starred expressions in assignment", e.range));
                }
                if i >= 256 || n - i > (1 << 23) {
                    return Err(
                        self.error("too many expressions in star-unpacking assignment", e.range)
                    );
                }
                star = Some(i);
            }
        }
        match star {
            Some(i) => self.emit(Opcode::UNPACK_EX, i as u32 | (((n - i - 1) as u32) << 8)),
            None => self.emit(Opcode::UNPACK_SEQUENCE, n as u32),
        }
        for elt in elts {
            match &elt.kind {
                ExprKind::Starred { value, .. } => self.store_target(value)?,
                _ => self.store_target(elt)?,
            }
        }
        Ok(())
    }

    pub(super) fn delete_target(&mut self, e: &'a Expr) -> Result<()> {
        let saved = self.set_loc(e.range);
        let result = self.delete_target_inner(e);
        self.restore_loc(saved);
        result
    }

    fn delete_target_inner(&mut self, e: &'a Expr) -> Result<()> {
        match &e.kind {
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Del, e.range),
            ExprKind::Attribute { value, attr, .. } => {
                if attr == "__debug__" {
                    return Err(self.error("cannot delete __debug__", e.range));
                }
                self.visit_expr(value)?;
                self.attr_loc(e, attr);
                let index = self.attr_name(attr);
                self.emit(Opcode::DELETE_ATTR, index);
                Ok(())
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
                self.set_loc(e.range);
                self.emit(Opcode::DELETE_SUBSCR, 0);
                Ok(())
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
                elts.iter().try_for_each(|elt| self.delete_target(elt))
            }
            ExprKind::Starred { .. } => Err(self.error("cannot delete starred", e.range)),
            _ => Err(self.error("cannot delete expression", e.range)),
        }
    }

    /// `target op= value`: the target's parts are evaluated once.
    pub(super) fn aug_assign(
        &mut self,
        s: &Stmt,
        target: &'a Expr,
        op: Operator,
        value: &'a Expr,
    ) -> Result<()> {
        self.set_loc(target.range);
        match &target.kind {
            ExprKind::Attribute {
                value: obj, attr, ..
            } => {
                self.visit_expr(obj)?;
                self.emit(Opcode::COPY, 1);
                self.attr_loc(target, attr);
                let index = self.attr_name(attr);
                self.emit(Opcode::LOAD_ATTR, index << 1);
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                self.visit_expr(obj)?;
                if let Some((lower, upper)) = two_element_slice(slice) {
                    self.slice_part(lower)?;
                    self.slice_part(upper)?;
                    for _ in 0..3 {
                        self.emit(Opcode::COPY, 3);
                    }
                    self.emit(Opcode::BINARY_SLICE, 0);
                } else {
                    self.visit_expr(slice)?;
                    self.emit(Opcode::COPY, 2);
                    self.emit(Opcode::COPY, 2);
                    self.emit(Opcode::BINARY_OP, NB_SUBSCR);
                }
            }
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Load, target.range)?,
            _ => {
                return Err(self.error("illegal expression for augmented assignment", target.range))
            }
        }
        self.set_loc(s.range);
        self.visit_expr(value)?;
        self.emit(Opcode::BINARY_OP, binop_arg(op) + NB_INPLACE);
        self.set_loc(target.range);
        match &target.kind {
            ExprKind::Attribute { attr, .. } => {
                self.attr_loc(target, attr);
                self.emit(Opcode::SWAP, 2);
                let index = self.attr_name(attr);
                self.emit(Opcode::STORE_ATTR, index);
            }
            ExprKind::Subscript { slice, .. } => {
                if two_element_slice(slice).is_some() {
                    self.emit(Opcode::SWAP, 4);
                    self.emit(Opcode::SWAP, 3);
                    self.emit(Opcode::SWAP, 2);
                    self.emit(Opcode::STORE_SLICE, 0);
                } else {
                    self.emit(Opcode::SWAP, 3);
                    self.emit(Opcode::SWAP, 2);
                    self.emit(Opcode::STORE_SUBSCR, 0);
                }
            }
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Store, target.range)?,
            _ => {}
        }
        Ok(())
    }

    /// `target: annotation [= value]`. Module and class annotations of simple names are
    /// deferred to the scope's `__annotate__` (or stored as strings into `__annotations__`
    /// under `from __future__ import annotations`); other annotations are never evaluated.
    pub(super) fn ann_assign(
        &mut self,
        s: &'a Stmt,
        target: &'a Expr,
        annotation: &'a Expr,
        value: Option<&'a Expr>,
        simple: bool,
    ) -> Result<()> {
        if let Some(v) = value {
            self.visit_expr(v)?;
            self.store_target(target)?;
        }
        match &target.kind {
            ExprKind::Name { id, .. } => {
                if id == "__debug__" {
                    return Err(self.error("cannot assign to __debug__", target.range));
                }
                let kind = self.unit().kind;
                if !simple || !matches!(kind, UnitKind::Module | UnitKind::Class) {
                    return Ok(());
                }
                if self.st.future_annotations {
                    let text = unparse::unparse(annotation);
                    self.load_const(Const::Str(PyStr::from(text.as_str())));
                    self.nameop("__annotations__", ExprContext::Load, s.range)?;
                    let mangled = self.mangle(id);
                    self.load_const(Const::Str(PyStr::from(mangled.as_str())));
                    self.emit(Opcode::STORE_SUBSCR, 0);
                    return Ok(());
                }
                let index = if kind == UnitKind::Module {
                    // Numbered ahead of time (the module's `__annotate__` is made first).
                    let pos = self
                        .module_annotations
                        .iter()
                        .position(|m| std::ptr::eq(*m, s));
                    Some(
                        pos.ok_or_else(|| self.internal("module annotation not collected"))? as u32,
                    )
                } else if self.unit().in_conditional_block > 0 {
                    let u = self.u();
                    u.next_conditional_annotation += 1;
                    Some(u.next_conditional_annotation - 1)
                } else {
                    None
                };
                if kind == UnitKind::Class {
                    self.u().deferred_annotations.push((s, index));
                }
                if let Some(i) = index {
                    if kind == UnitKind::Class {
                        let cell = self
                            .unit()
                            .cell_index("__conditional_annotations__")
                            .ok_or_else(|| self.internal("no __conditional_annotations__ cell"))?;
                        self.emit(Opcode::LOAD_DEREF, cell);
                    } else {
                        self.nameop("__conditional_annotations__", ExprContext::Load, s.range)?;
                    }
                    self.load_const(Const::Int(i64::from(i).into()));
                    self.emit(Opcode::SET_ADD, 1);
                    self.emit(Opcode::POP_TOP, 0);
                }
            }
            ExprKind::Attribute { value: obj, .. } if value.is_none() => {
                self.visit_expr(obj)?;
                self.emit(Opcode::POP_TOP, 0);
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } if value.is_none() => {
                self.visit_expr(obj)?;
                self.emit(Opcode::POP_TOP, 0);
                self.check_ann_subscript(slice)?;
            }
            _ => {}
        }
        Ok(())
    }

    /// Evaluates the parts of an annotated subscript target (and drops them).
    fn check_ann_subscript(&mut self, e: &'a Expr) -> Result<()> {
        match &e.kind {
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.visit_expr(part)?;
                    self.emit(Opcode::POP_TOP, 0);
                }
                Ok(())
            }
            ExprKind::Tuple { elts, .. } => elts
                .iter()
                .try_for_each(|elt| self.check_ann_subscript(elt)),
            _ => {
                self.visit_expr(e)?;
                self.emit(Opcode::POP_TOP, 0);
                Ok(())
            }
        }
    }
}
