//! Expressions in the first pass of `Python/symtable.c` (`symtable_visit_expr`,
//! `symtable_handle_comprehension`, `symtable_extend_namedexpr_scope`,
//! `symtable_visit_pattern`).

use super::{Builder, Result};
use crate::ast::{Comprehension as CompFor, Expr, ExprContext, ExprKind, Pattern, PatternKind};
use crate::symtable::{flag, mangle, Comprehension, ScopeKey, ScopeKind};

impl Builder {
    pub(super) fn visit_exprs(&mut self, exprs: &[Expr]) -> Result<()> {
        exprs.iter().try_for_each(|e| self.visit_expr(e))
    }

    pub(super) fn visit_expr(&mut self, e: &Expr) -> Result<()> {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.visit_expr_inner(e))
    }

    /// CPython's `symtable_raise_if_annotation_block`.
    fn check_not_annotation(&self, what: &str, e: &Expr) -> Result<()> {
        let scope = &self.table.scopes[self.cur()];
        let within = match scope.kind {
            ScopeKind::Annotation => "an annotation",
            ScopeKind::TypeAlias => "a type alias",
            ScopeKind::TypeParams => "the definition of a generic",
            ScopeKind::TypeVariable => scope.scope_info,
            _ => return Ok(()),
        };
        Err(self.error(format!("{what} cannot be used within {within}"), e.range))
    }

    fn visit_expr_inner(&mut self, e: &Expr) -> Result<()> {
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.check_not_annotation("named expression", e)?;
                if self.walk().comp_iter_expr > 0 {
                    let msg = "assignment expression cannot be used in a comprehension iterable expression";
                    return Err(self.error(msg, e.range));
                }
                if self.table.scopes[self.cur()].comprehension.is_some() {
                    self.extend_namedexpr_scope(target)?;
                }
                self.visit_expr(value)?;
                self.visit_expr(target)?;
            }
            ExprKind::BoolOp { values, .. } => self.visit_exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.visit_expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.visit_defaults(args)?;
                self.enter(
                    ScopeKind::Function,
                    "lambda",
                    e.range,
                    Some(ScopeKey::of(e)),
                );
                self.visit_params(args)?;
                self.visit_expr(body)?;
                self.exit();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_expr(body)?;
                self.visit_expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for (k, v) in keys.iter().zip(values) {
                    if let Some(k) = k {
                        self.visit_expr(k)?;
                    }
                    self.visit_expr(v)?;
                }
            }
            ExprKind::Set { elts } => self.visit_exprs(elts)?,
            ExprKind::ListComp { elt, generators } => {
                self.visit_comprehension(
                    e,
                    "listcomp",
                    Comprehension::List,
                    generators,
                    elt,
                    None,
                )?;
            }
            ExprKind::SetComp { elt, generators } => {
                self.visit_comprehension(e, "setcomp", Comprehension::Set, generators, elt, None)?;
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.visit_comprehension(
                    e,
                    "dictcomp",
                    Comprehension::Dict,
                    generators,
                    key,
                    Some(value),
                )?;
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.visit_comprehension(
                    e,
                    "genexpr",
                    Comprehension::Generator,
                    generators,
                    elt,
                    None,
                )?;
            }
            ExprKind::Yield { value } => {
                self.check_not_annotation("yield expression", e)?;
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
                self.mark_generator(e)?;
            }
            ExprKind::YieldFrom { value } => {
                self.check_not_annotation("yield expression", e)?;
                self.visit_expr(value)?;
                self.mark_generator(e)?;
            }
            ExprKind::Await { value } => {
                self.check_not_annotation("await expression", e)?;
                let scope = &self.table.scopes[self.cur()];
                if !scope.is_function_like() {
                    return Err(self.error("'await' outside function", e.range));
                }
                if !scope.coroutine && scope.comprehension.is_none() {
                    return Err(self.error("'await' outside async function", e.range));
                }
                self.visit_expr(value)?;
                self.scope().coroutine = true;
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.visit_expr(left)?;
                self.visit_exprs(comparators)?;
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.visit_expr(func)?;
                self.visit_exprs(args)?;
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            }
            | ExprKind::Interpolation {
                value, format_spec, ..
            } => {
                self.visit_expr(value)?;
                if let Some(spec) = format_spec {
                    self.visit_expr(spec)?;
                }
            }
            ExprKind::JoinedStr { values } | ExprKind::TemplateStr { values } => {
                self.visit_exprs(values)?
            }
            ExprKind::Constant { .. } => {}
            ExprKind::Attribute { value, .. } => self.visit_expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
            }
            ExprKind::Starred { value, .. } => self.visit_expr(value)?,
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.visit_expr(part)?;
                }
            }
            ExprKind::Name { .. } if self.unevaluated => {}
            ExprKind::Name { id, ctx } => {
                let f = if *ctx == ExprContext::Load {
                    flag::USE
                } else {
                    flag::LOCAL
                };
                self.add_def(id, f, e.range)?;
                // Zero-argument `super()` reads `__class__`.
                if *ctx == ExprContext::Load
                    && id == "super"
                    && self.table.scopes[self.cur()].is_function_like()
                {
                    self.add_def("__class__", flag::USE, e.range)?;
                }
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.visit_exprs(elts)?,
        }
        Ok(())
    }

    fn mark_generator(&mut self, e: &Expr) -> Result<()> {
        self.scope().generator = true;
        let what = match self.table.scopes[self.cur()].comprehension {
            None => return Ok(()),
            Some(Comprehension::List) => "list comprehension",
            Some(Comprehension::Set) => "set comprehension",
            Some(Comprehension::Dict) => "dict comprehension",
            Some(Comprehension::Generator) => "generator expression",
        };
        Err(self.error(format!("'yield' inside {what}"), e.range))
    }

    /// `symtable_handle_comprehension`: the first iterable is evaluated in the current block,
    /// the rest in a new function block that receives it as the parameter `.0`.
    fn visit_comprehension(
        &mut self,
        e: &Expr,
        name: &str,
        kind: Comprehension,
        generators: &[CompFor],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> Result<()> {
        let Some(first) = generators.first() else {
            return Ok(());
        };
        self.walk().comp_iter_expr += 1;
        let outer = self.visit_expr(&first.iter);
        self.walk().comp_iter_expr = self.walk().comp_iter_expr.saturating_sub(1);
        outer?;
        let id = self.enter(ScopeKind::Function, name, e.range, Some(ScopeKey::of(e)));
        self.table.scopes[id].comprehension = Some(kind);
        if first.is_async {
            self.table.scopes[id].coroutine = true;
        }
        self.add_def(".0", flag::PARAM, e.range)?;
        self.walk().comp_iter_target = true;
        let target = self.visit_expr(&first.target);
        self.walk().comp_iter_target = false;
        target?;
        self.visit_exprs(&first.ifs)?;
        for gen in &generators[1..] {
            self.walk().comp_iter_target = true;
            let target = self.visit_expr(&gen.target);
            self.walk().comp_iter_target = false;
            target?;
            self.walk().comp_iter_expr += 1;
            let iter = self.visit_expr(&gen.iter);
            self.walk().comp_iter_expr = self.walk().comp_iter_expr.saturating_sub(1);
            iter?;
            self.visit_exprs(&gen.ifs)?;
            if gen.is_async {
                self.scope().coroutine = true;
            }
        }
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        self.scope().generator = kind == Comprehension::Generator;
        let is_async = self.table.scopes[id].coroutine && kind != Comprehension::Generator;
        self.exit();
        let parent = &self.table.scopes[self.cur()];
        let async_def = parent.kind == ScopeKind::Function && parent.coroutine;
        if is_async && !async_def && parent.comprehension.is_none() {
            return Err(self.error(
                "asynchronous comprehension outside of an asynchronous function",
                e.range,
            ));
        }
        if is_async {
            self.scope().coroutine = true;
        }
        Ok(())
    }

    /// `symtable_extend_namedexpr_scope`: a walrus in a comprehension binds in the nearest
    /// enclosing function (or module) block.
    fn extend_namedexpr_scope(&mut self, target: &Expr) -> Result<()> {
        let ExprKind::Name { id: name, .. } = &target.kind else {
            return Ok(());
        };
        let mangled = mangle(self.private.as_deref(), name);
        for &id in self.stack.clone().iter().rev() {
            let scope = &self.table.scopes[id];
            if scope.comprehension.is_some() {
                let f = scope.flags(&mangled);
                if f & flag::COMP_ITER != 0 && f & flag::LOCAL != 0 {
                    let msg = format!("assignment expression cannot rebind comprehension iteration variable '{name}'");
                    return Err(self.error(msg, target.range));
                }
                continue;
            }
            match scope.kind {
                ScopeKind::Function => {
                    let f = if scope.flags(&mangled) & flag::GLOBAL != 0 {
                        flag::GLOBAL
                    } else {
                        flag::NONLOCAL
                    };
                    self.add_def(name, f, target.range)?;
                    self.record_directive(name, target.range);
                    return self.add_def_in(id, name, flag::LOCAL, target.range);
                }
                ScopeKind::Module => {
                    self.add_def(name, flag::GLOBAL, target.range)?;
                    self.record_directive(name, target.range);
                    return self.add_def_in(id, name, flag::GLOBAL, target.range);
                }
                ScopeKind::Class => {
                    let msg = "assignment expression within a comprehension cannot be used in a class body";
                    return Err(self.error(msg, target.range));
                }
                ScopeKind::Annotation => {
                    return Err(self.error(
                        "named expression cannot be used within an annotation",
                        target.range,
                    ));
                }
                ScopeKind::TypeParams | ScopeKind::TypeAlias | ScopeKind::TypeVariable => {
                    let within = match scope.kind {
                        ScopeKind::TypeParams => "within the definition of a generic",
                        ScopeKind::TypeAlias => "in a type alias",
                        _ => "in a TypeVar bound",
                    };
                    let msg = format!(
                        "assignment expression within a comprehension cannot be used {within}"
                    );
                    return Err(self.error(msg, target.range));
                }
            }
        }
        Ok(())
    }

    /// Match patterns bind names (the statement itself is not compiled yet, but its scopes
    /// are still analyzed so errors elsewhere come out as CPython reports them).
    pub(super) fn visit_pattern(&mut self, p: &Pattern) -> Result<()> {
        match &p.kind {
            PatternKind::MatchValue { value } => self.visit_expr(value),
            PatternKind::MatchSingleton { .. } => Ok(()),
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                patterns.iter().try_for_each(|p| self.visit_pattern(p))
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                self.visit_exprs(keys)?;
                patterns.iter().try_for_each(|p| self.visit_pattern(p))?;
                match rest {
                    Some(r) => self.add_def(r, flag::LOCAL, p.range),
                    None => Ok(()),
                }
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.visit_expr(cls)?;
                patterns
                    .iter()
                    .chain(kwd_patterns)
                    .try_for_each(|p| self.visit_pattern(p))
            }
            PatternKind::MatchStar { name } => match name {
                Some(n) => self.add_def(n, flag::LOCAL, p.range),
                None => Ok(()),
            },
            PatternKind::MatchAs { pattern, name } => {
                if let Some(inner) = pattern {
                    self.visit_pattern(inner)?;
                }
                match name {
                    Some(n) => self.add_def(n, flag::LOCAL, p.range),
                    None => Ok(()),
                }
            }
        }
    }
}
