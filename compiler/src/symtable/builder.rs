//! The first pass of `Python/symtable.c`: walks the AST, creates a block per scope and records
//! how each name is used (`symtable_visit_stmt`, `symtable_visit_expr` and their helpers), with
//! the errors CPython raises while walking.

use std::collections::HashMap;

mod expr;
mod type_params;

use type_params::Generic;

use super::{flag, mangle, Scope, ScopeId, ScopeKey, ScopeKind, SymbolTable};
use crate::ast::{Arg, Arguments, Constant, Expr, ExprKind, Module, Stmt, StmtKind};
use crate::error::{ErrorKind, SyntaxError};
use crate::text::{LineIndex, TextRange};

type Result<T> = std::result::Result<T, SyntaxError>;

/// Per-block state that only matters while walking.
#[derive(Clone, Copy, Default)]
struct Walk {
    comp_iter_target: bool,
    comp_iter_expr: u32,
    in_conditional_block: bool,
}

struct Builder {
    table: SymbolTable,
    walk: Vec<Walk>,
    stack: Vec<ScopeId>,
    private: Option<String>,
    lines: LineIndex,
    /// Inside a function's variable annotation, which is never evaluated.
    unevaluated: bool,
    /// Where the leading `from __future__` imports end.
    future_end: u32,
}

pub(super) fn build(module: &Module, source: &str) -> Result<SymbolTable> {
    let (future_annotations, future_end) = future_annotations(module);
    let top = Scope::new(ScopeKind::Module, "top", TextRange::default(), false);
    let mut b = Builder {
        table: SymbolTable {
            scopes: vec![top],
            keys: HashMap::new(),
            future_annotations,
        },
        walk: vec![Walk::default()],
        stack: vec![0],
        private: None,
        lines: LineIndex::new(source),
        unevaluated: false,
        future_end,
    };
    for stmt in &module.body {
        b.visit_stmt(stmt)?;
    }
    Ok(b.table)
}

/// Whether the module starts with `from __future__ import annotations` (CPython's `future.c`:
/// only a docstring and other future imports may precede it).
/// Also returns where the leading future imports end: a later one is an error.
pub(crate) fn future_annotations(module: &Module) -> (bool, u32) {
    let mut found = false;
    let mut end = 0;
    for (i, stmt) in module.body.iter().enumerate() {
        match &stmt.kind {
            StmtKind::ImportFrom {
                module: Some(m),
                names,
                level: 0,
            } if m == "__future__" => {
                found |= names.iter().any(|a| a.name == "annotations");
                end = stmt.range.end;
            }
            StmtKind::Expr { value } if i == 0 && is_docstring(value) => {}
            _ => break,
        }
    }
    (found, end)
}

fn is_docstring(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Constant {
            value: Constant::Str(_),
            ..
        }
    )
}

/// The docstring statement of a body (CPython's `_PyAST_GetDocString`).
pub(crate) fn has_docstring(body: &[Stmt]) -> bool {
    matches!(body.first(), Some(Stmt { kind: StmtKind::Expr { value }, .. }) if is_docstring(value))
}

impl Builder {
    fn cur(&self) -> ScopeId {
        self.stack.last().copied().unwrap_or(0)
    }

    fn scope(&mut self) -> &mut Scope {
        let id = self.cur();
        &mut self.table.scopes[id]
    }

    fn walk(&mut self) -> &mut Walk {
        let id = self.cur();
        &mut self.walk[id]
    }

    fn error(&self, msg: impl Into<String>, range: TextRange) -> SyntaxError {
        SyntaxError::at(ErrorKind::SyntaxError, msg, range, &self.lines)
    }

    /// Opens a new block as a child of the current one.
    fn enter(
        &mut self,
        kind: ScopeKind,
        name: &str,
        range: TextRange,
        key: Option<ScopeKey>,
    ) -> ScopeId {
        let parent = &self.table.scopes[self.cur()];
        let nested = parent.nested || parent.is_function_like();
        let id = self.table.scopes.len();
        self.table
            .scopes
            .push(Scope::new(kind, name, range, nested));
        self.walk.push(Walk::default());
        let cur = self.cur();
        self.table.scopes[cur].children.push(id);
        if let Some(key) = key {
            self.table.keys.insert(key, id);
        }
        self.stack.push(id);
        if matches!(
            kind,
            ScopeKind::Annotation | ScopeKind::TypeAlias | ScopeKind::TypeVariable
        ) {
            self.table.scopes[id].add_flags(".format", flag::PARAM);
            self.table.scopes[id].params.push(".format".to_string());
        }
        id
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    /// `symtable_add_def`: records `flags` for `name` in the current block.
    fn add_def(&mut self, name: &str, flags: u32, range: TextRange) -> Result<()> {
        self.add_def_in(self.cur(), name, flags, range)
    }

    fn add_def_in(&mut self, id: ScopeId, name: &str, flags: u32, range: TextRange) -> Result<()> {
        let mangled = mangle(self.private.as_deref(), name);
        let walk = self.walk[id];
        let scope = &mut self.table.scopes[id];
        let old = scope.flags(&mangled);
        if flags & flag::PARAM != 0 && old & flag::PARAM != 0 {
            return Err(self.error(
                format!("duplicate argument '{name}' in function definition"),
                range,
            ));
        }
        let mut new = old | flags;
        if walk.comp_iter_target {
            if new & (flag::GLOBAL | flag::NONLOCAL) != 0 {
                let msg = format!(
                    "comprehension inner loop cannot rebind assignment expression target '{name}'"
                );
                return Err(self.error(msg, range));
            }
            new |= flag::COMP_ITER;
        }
        let scope = &mut self.table.scopes[id];
        scope.add_flags(&mangled, new);
        if flags & flag::PARAM != 0 {
            scope.params.push(mangled.clone());
        } else if flags & flag::GLOBAL != 0 {
            // CPython also records explicit globals in the module's own symbols.
            self.table.scopes[0].add_flags(&mangled, flags);
        }
        Ok(())
    }

    fn lookup(&self, name: &str) -> u32 {
        let mangled = mangle(self.private.as_deref(), name);
        self.table.scopes[self.cur()].flags(&mangled)
    }

    fn record_directive(&mut self, name: &str, range: TextRange) {
        let mangled = mangle(self.private.as_deref(), name);
        self.scope().directives.entry(mangled).or_insert(range);
    }

    fn visit_body(&mut self, body: &[Stmt]) -> Result<()> {
        body.iter().try_for_each(|s| self.visit_stmt(s))
    }

    /// A body that may not run (CPython's `ENTER_CONDITIONAL_BLOCK`).
    fn visit_conditional(&mut self, bodies: &[&[Stmt]]) -> Result<()> {
        let saved = self.walk().in_conditional_block;
        self.walk().in_conditional_block = true;
        for body in bodies {
            self.visit_body(body)?;
        }
        self.walk().in_conditional_block = saved;
        Ok(())
    }

    fn visit_stmt(&mut self, s: &Stmt) -> Result<()> {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.visit_stmt_inner(s))
    }

    fn visit_stmt_inner(&mut self, s: &Stmt) -> Result<()> {
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                self.add_def(&f.name, flag::LOCAL, s.range)?;
                self.visit_defaults(&f.args)?;
                self.visit_exprs(&f.decorator_list)?;
                let generic = !f.type_params.is_empty();
                if generic {
                    let g = Generic {
                        // CPython tests the (always present) list of defaults, not its
                        // length: the parameter exists even when no default does.
                        has_defaults: true,
                        has_kwdefaults: f.args.kw_defaults.iter().any(Option::is_some),
                        is_class: false,
                    };
                    self.enter_type_params(&f.name, &f.type_params, s.range, g)?;
                }
                self.visit_function_annotations(&f.args, f.returns.as_deref(), s.range)?;
                let id = self.enter(
                    ScopeKind::Function,
                    &f.name,
                    s.range,
                    Some(ScopeKey::of(&**f)),
                );
                self.table.scopes[id].has_docstring = has_docstring(&f.body);
                self.table.scopes[id].coroutine = f.is_async;
                self.visit_params(&f.args)?;
                self.visit_body(&f.body)?;
                self.exit();
                if generic {
                    self.exit();
                }
            }
            StmtKind::ClassDef(c) => {
                self.add_def(&c.name, flag::LOCAL, s.range)?;
                let generic = !c.type_params.is_empty();
                let saved = self.private.clone();
                if generic {
                    // CPython visits the decorators first, then the bases inside the type
                    // parameters' scope.
                    self.visit_exprs(&c.decorator_list)?;
                    let g = Generic {
                        has_defaults: false,
                        has_kwdefaults: false,
                        is_class: true,
                    };
                    self.private = Some(c.name.clone());
                    self.enter_type_params(&c.name, &c.type_params, s.range, g)?;
                }
                self.visit_exprs(&c.bases)?;
                for k in &c.keywords {
                    self.visit_expr(&k.value)?;
                }
                if !generic {
                    self.visit_exprs(&c.decorator_list)?;
                }
                let id = self.enter(ScopeKind::Class, &c.name, s.range, Some(ScopeKey::of(&**c)));
                self.table.scopes[id].has_docstring = has_docstring(&c.body);
                self.private = Some(c.name.clone());
                if generic {
                    let at = c.type_params.first().map_or(s.range, |tp| tp.range);
                    self.add_def("__type_params__", flag::LOCAL, at)?;
                    self.add_def(".type_params", flag::USE, at)?;
                }
                self.visit_body(&c.body)?;
                self.exit();
                if generic {
                    self.exit();
                }
                self.private = saved;
            }
            StmtKind::Return { value } => {
                if let Some(v) = value {
                    self.visit_expr(v)?;
                    self.scope().returns_value = true;
                }
            }
            StmtKind::Delete { targets } => self.visit_exprs(targets)?,
            StmtKind::Assign { targets, value } => {
                self.visit_exprs(targets)?;
                self.visit_expr(value)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                self.scope().annotations_used = true;
                self.visit_ann_assign(s, target, annotation, value.as_deref(), *simple)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.visit_expr(target)?;
                self.visit_expr(value)?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.visit_expr(target)?;
                self.visit_expr(iter)?;
                self.visit_conditional(&[body, orelse])?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_conditional(&[body, orelse])?;
            }
            StmtKind::With { items, body, .. } => {
                for item in items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.visit_expr(v)?;
                    }
                }
                self.visit_conditional(&[body])?;
            }
            StmtKind::Match { subject, cases } => {
                self.visit_expr(subject)?;
                let saved = self.walk().in_conditional_block;
                self.walk().in_conditional_block = true;
                for case in cases {
                    self.visit_pattern(&case.pattern)?;
                    if let Some(g) = &case.guard {
                        self.visit_expr(g)?;
                    }
                    self.visit_body(&case.body)?;
                }
                self.walk().in_conditional_block = saved;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.visit_expr(e)?;
                }
                if let Some(c) = cause {
                    self.visit_expr(c)?;
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                let saved = self.walk().in_conditional_block;
                self.walk().in_conditional_block = true;
                self.visit_body(body)?;
                for h in handlers {
                    if let Some(t) = &h.type_ {
                        self.visit_expr(t)?;
                    }
                    if let Some(name) = &h.name {
                        self.add_def(name, flag::LOCAL, h.range)?;
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(orelse)?;
                self.visit_body(finalbody)?;
                self.walk().in_conditional_block = saved;
            }
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test)?;
                if let Some(m) = msg {
                    self.visit_expr(m)?;
                }
            }
            StmtKind::ImportFrom {
                module: Some(m),
                level: 0,
                ..
            } if m == "__future__" && s.range.start > self.future_end => {
                return Err(self.error(
                    "from __future__ imports must occur at the beginning of the file",
                    s.range,
                ));
            }
            StmtKind::Import { names } | StmtKind::ImportFrom { names, .. } => {
                for alias in names {
                    if alias.name == "*" {
                        if self.table.scopes[self.cur()].kind != ScopeKind::Module {
                            return Err(
                                self.error("import * only allowed at module level", alias.range)
                            );
                        }
                        continue;
                    }
                    let stored = match &alias.asname {
                        Some(a) => a.as_str(),
                        None => alias.name.split('.').next().unwrap_or(&alias.name),
                    };
                    self.add_def(stored, flag::IMPORT, alias.range)?;
                }
            }
            StmtKind::Global { names } => self.visit_directive(names, s.range, true)?,
            StmtKind::Nonlocal { names } => self.visit_directive(names, s.range, false)?,
            StmtKind::Expr { value } => self.visit_expr(value)?,
            StmtKind::TypeAlias {
                name,
                type_params,
                value,
            } => self.visit_type_alias(s, name, type_params, value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        Ok(())
    }

    /// `global` (`is_global`) or `nonlocal` names.
    fn visit_directive(
        &mut self,
        names: &[String],
        range: TextRange,
        is_global: bool,
    ) -> Result<()> {
        let which = if is_global { "global" } else { "nonlocal" };
        for name in names {
            let cur = self.lookup(name);
            if cur & (flag::PARAM | flag::LOCAL | flag::USE | flag::ANNOT) != 0 {
                let msg = if cur & flag::PARAM != 0 {
                    format!("name '{name}' is parameter and {which}")
                } else if cur & flag::USE != 0 {
                    format!("name '{name}' is used prior to {which} declaration")
                } else if cur & flag::ANNOT != 0 {
                    format!("annotated name '{name}' can't be {which}")
                } else {
                    format!("name '{name}' is assigned to before {which} declaration")
                };
                return Err(self.error(msg, range));
            }
            let f = if is_global {
                flag::GLOBAL
            } else {
                flag::NONLOCAL
            };
            self.add_def(name, f, range)?;
            self.record_directive(name, range);
        }
        Ok(())
    }

    fn visit_ann_assign(
        &mut self,
        s: &Stmt,
        target: &Expr,
        annotation: &Expr,
        value: Option<&Expr>,
        simple: bool,
    ) -> Result<()> {
        if let ExprKind::Name { id, .. } = &target.kind {
            let cur = self.lookup(id);
            if cur & (flag::GLOBAL | flag::NONLOCAL) != 0 && self.cur() != 0 && simple {
                let which = if cur & flag::GLOBAL != 0 {
                    "global"
                } else {
                    "nonlocal"
                };
                return Err(self.error(format!("annotated name '{id}' can't be {which}"), s.range));
            }
            if simple {
                self.add_def(id, flag::ANNOT | flag::LOCAL, target.range)?;
            } else if value.is_some() {
                self.add_def(id, flag::LOCAL, target.range)?;
            }
        } else {
            self.visit_expr(target)?;
        }
        self.visit_annotation(annotation)?;
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        Ok(())
    }

    /// A variable annotation (`symtable_visit_annotation`): evaluated in the block's deferred
    /// `__annotate__` scope; never evaluated in a function (its names are not recorded), nor
    /// under `from __future__ import annotations` (no scope at all).
    fn visit_annotation(&mut self, annotation: &Expr) -> Result<()> {
        let parent = self.cur();
        let kind = self.table.scopes[parent].kind;
        let conditional = kind == ScopeKind::Module
            || (kind == ScopeKind::Class && self.walk[parent].in_conditional_block);
        if conditional && !self.table.scopes[parent].has_conditional_annotations {
            self.table.scopes[parent].has_conditional_annotations = true;
            self.add_def("__conditional_annotations__", flag::USE, annotation.range)?;
        }
        if self.table.future_annotations {
            return Ok(());
        }
        match self.table.scopes[parent].annotation_block {
            Some(block) => self.stack.push(block),
            None => {
                let block = self.enter(
                    ScopeKind::Annotation,
                    "__annotate__",
                    annotation.range,
                    None,
                );
                self.table.scopes[parent].annotation_block = Some(block);
                if kind == ScopeKind::Class {
                    self.table.scopes[block].can_see_class_scope = true;
                    self.add_def("__classdict__", flag::USE, annotation.range)?;
                }
            }
        }
        let saved = self.unevaluated;
        self.unevaluated = kind == ScopeKind::Function;
        let result = self.visit_expr(annotation);
        self.unevaluated = saved;
        self.exit();
        result
    }

    /// The `__annotate__` block of a function (`symtable_visit_annotations`), a child of the
    /// block that defines the function.
    fn visit_function_annotations(
        &mut self,
        args: &Arguments,
        returns: Option<&Expr>,
        range: TextRange,
    ) -> Result<()> {
        if self.table.future_annotations {
            return Ok(());
        }
        let in_class = self.table.scopes[self.cur()].kind == ScopeKind::Class;
        let see_class = self.table.scopes[self.cur()].can_see_class_scope;
        let block = self.enter(
            ScopeKind::Annotation,
            "__annotate__",
            range,
            Some(ScopeKey::annotations_of(args)),
        );
        if in_class || see_class {
            self.table.scopes[block].can_see_class_scope = true;
            self.add_def("__classdict__", flag::USE, range)?;
        }
        let all: Vec<&Arg> = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(args.vararg.as_deref())
            .chain(args.kwonlyargs.iter())
            .chain(args.kwarg.as_deref())
            .collect();
        for arg in all {
            if let Some(a) = &arg.annotation {
                self.table.scopes[block].annotations_used = true;
                self.visit_expr(a)?;
            }
        }
        if let Some(r) = returns {
            self.table.scopes[block].annotations_used = true;
            self.visit_expr(r)?;
        }
        self.exit();
        Ok(())
    }

    fn visit_defaults(&mut self, args: &Arguments) -> Result<()> {
        self.visit_exprs(&args.defaults)?;
        for d in args.kw_defaults.iter().flatten() {
            self.visit_expr(d)?;
        }
        Ok(())
    }

    fn visit_params(&mut self, args: &Arguments) -> Result<()> {
        for arg in args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
        {
            self.add_def(&arg.arg, flag::PARAM, arg.range)?;
        }
        if let Some(v) = &args.vararg {
            self.add_def(&v.arg, flag::PARAM, v.range)?;
            self.scope().varargs = true;
        }
        if let Some(k) = &args.kwarg {
            self.add_def(&k.arg, flag::PARAM, k.range)?;
            self.scope().varkeywords = true;
        }
        Ok(())
    }
}
