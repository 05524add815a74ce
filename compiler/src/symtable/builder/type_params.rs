//! PEP 695 in the first pass of `Python/symtable.c`: the annotation scopes of type parameter
//! lists (`symtable_enter_type_param_block`, `symtable_visit_type_param`,
//! `symtable_visit_type_param_bound_or_default`) and of `type` statements.

use super::{Builder, Result};
use crate::ast::{Expr, ExprKind, Stmt, TypeParam, TypeParamKind};
use crate::symtable::{flag, ScopeKey, ScopeKind};
use crate::text::TextRange;

/// What a generic definition passes into its type parameter scope.
pub(in crate::symtable) struct Generic {
    pub has_defaults: bool,
    pub has_kwdefaults: bool,
    pub is_class: bool,
}

impl Builder {
    /// Opens the `<generic parameters of name>` block of a generic function, class or type
    /// alias (keyed by its type parameter list) and visits the parameters in it.
    pub(super) fn enter_type_params(
        &mut self,
        name: &str,
        type_params: &[TypeParam],
        range: TextRange,
        generic: Generic,
    ) -> Result<()> {
        let in_class = self.table.scopes[self.cur()].kind == ScopeKind::Class;
        let key = ScopeKey::type_params_of(type_params);
        let id = self.enter(ScopeKind::TypeParams, name, range, Some(key));
        if in_class {
            self.table.scopes[id].can_see_class_scope = true;
            self.add_def("__classdict__", flag::USE, range)?;
        }
        if generic.is_class {
            // `.type_params` is set when the tuple is made and used for the bases;
            // `.generic_base` holds `Generic[*params]`.
            for hidden in [".type_params", ".generic_base"] {
                self.add_def(hidden, flag::LOCAL, range)?;
                self.add_def(hidden, flag::USE, range)?;
            }
        }
        if generic.has_defaults {
            self.add_def(".defaults", flag::PARAM, range)?;
        }
        if generic.has_kwdefaults {
            self.add_def(".kwdefaults", flag::PARAM, range)?;
        }
        type_params
            .iter()
            .try_for_each(|tp| self.visit_type_param(tp))
    }

    fn visit_type_param(&mut self, tp: &TypeParam) -> Result<()> {
        let (name, bound, default) = match &tp.kind {
            TypeParamKind::TypeVar {
                name,
                bound,
                default_value,
            } => (name, bound.as_deref(), default_value.as_deref()),
            TypeParamKind::ParamSpec {
                name,
                default_value,
            }
            | TypeParamKind::TypeVarTuple {
                name,
                default_value,
            } => (name, None, default_value.as_deref()),
        };
        if name == "__classdict__" {
            let msg = format!("reserved name '{name}' cannot be used for type parameter");
            return Err(self.error(msg, tp.range));
        }
        if self.lookup(name) & flag::TYPE_PARAM != 0 {
            return Err(self.error(format!("duplicate type parameter '{name}'"), tp.range));
        }
        self.add_def(name, flag::TYPE_PARAM | flag::LOCAL, tp.range)?;
        if let Some(b) = bound {
            let info = if matches!(b.kind, ExprKind::Tuple { .. }) {
                "a TypeVar constraint"
            } else {
                "a TypeVar bound"
            };
            self.visit_type_variable(b, name, ScopeKey::of(tp), info)?;
        }
        if let Some(d) = default {
            let info = match &tp.kind {
                TypeParamKind::TypeVar { .. } => "a TypeVar default",
                TypeParamKind::ParamSpec { .. } => "a ParamSpec default",
                TypeParamKind::TypeVarTuple { .. } => "a TypeVarTuple default",
            };
            self.visit_type_variable(d, name, ScopeKey::second_of(tp), info)?;
        }
        Ok(())
    }

    /// The lazily evaluated bound, constraints or default of type parameter `name`.
    fn visit_type_variable(
        &mut self,
        e: &Expr,
        name: &str,
        key: ScopeKey,
        info: &'static str,
    ) -> Result<()> {
        let see_class = self.table.scopes[self.cur()].can_see_class_scope;
        let id = self.enter(ScopeKind::TypeVariable, name, e.range, Some(key));
        self.table.scopes[id].can_see_class_scope = see_class;
        self.table.scopes[id].scope_info = info;
        if see_class {
            self.add_def("__classdict__", flag::USE, e.range)?;
        }
        self.visit_expr(e)?;
        self.exit();
        Ok(())
    }

    /// `type name[params] = value`.
    pub(super) fn visit_type_alias(
        &mut self,
        s: &Stmt,
        name: &Expr,
        type_params: &[TypeParam],
        value: &Expr,
    ) -> Result<()> {
        self.visit_expr(name)?;
        let ExprKind::Name { id: alias, .. } = &name.kind else {
            return Err(self.error("type alias name must be a name", name.range));
        };
        let in_class = self.table.scopes[self.cur()].kind == ScopeKind::Class;
        let generic = !type_params.is_empty();
        if generic {
            let no_defaults = Generic {
                has_defaults: false,
                has_kwdefaults: false,
                is_class: false,
            };
            self.enter_type_params(alias, type_params, value.range, no_defaults)?;
        }
        let id = self.enter(ScopeKind::TypeAlias, alias, s.range, Some(ScopeKey::of(s)));
        self.table.scopes[id].can_see_class_scope = in_class;
        if in_class {
            self.add_def("__classdict__", flag::USE, value.range)?;
        }
        self.visit_expr(value)?;
        self.exit();
        if generic {
            self.exit();
        }
        Ok(())
    }
}
