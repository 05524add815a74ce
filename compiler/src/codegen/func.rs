//! Functions, lambdas and classes: defaults, closures, decorators, docstrings, the lazily
//! evaluated `__annotate__` functions of PEP 649/749, and the class body protocol of
//! `__build_class__` (`__module__`, `__qualname__`, `__firstlineno__`, `__static_attributes__`,
//! `__classdictcell__`, `__classcell__`). Mirrors CPython 3.14's `Python/codegen.c`
//! (`codegen_function`, `codegen_lambda`, `codegen_class`, `codegen_annotations`,
//! `codegen_process_deferred_annotations`, `codegen_make_closure`).

use super::unit::{NameTable, UnitKind};
use super::{clean_doc, unparse, Compiler, Result};
use crate::ast::{
    Arg, Arguments, ClassDef, Constant, Expr, ExprContext, ExprKind, FunctionDef, Stmt, StmtKind,
};
use crate::bytecode::opcodes::{
    COMMON_NOT_IMPLEMENTED_ERROR, FN_ANNOTATE, FN_CLOSURE, FN_DEFAULTS, FN_KWDEFAULTS,
    INTRINSIC_SET_FUNCTION_TYPE_PARAMS, INTRINSIC_STOPITERATION_ERROR, INTRINSIC_SUBSCRIPT_GENERIC,
};
use crate::bytecode::{flags, CodeObject, Const, Location, Opcode};
use crate::pystr::PyStr;
use crate::symtable::{builder_has_docstring, ScopeKey};
use crate::text::TextRange;

/// Every parameter, in the order `__annotate__` lists them: positional, positional-only,
/// `*args`, keyword-only, `**kwargs` (CPython's `codegen_annotations_in_scope`).
fn annotated_params(args: &Arguments) -> Vec<&Arg> {
    args.args
        .iter()
        .chain(&args.posonlyargs)
        .chain(args.vararg.as_deref())
        .chain(&args.kwonlyargs)
        .chain(args.kwarg.as_deref())
        .collect()
}

impl<'a> Compiler<'a> {
    fn line_of(&self, range: TextRange) -> u32 {
        self.lines.line_col(range.start).0
    }

    /// `def name(...)`.
    pub(super) fn function_def(&mut self, s: &'a Stmt, f: &'a FunctionDef) -> Result<()> {
        self.check_debug_params(&f.args)?;
        self.visit_exprs(&f.decorator_list)?;
        let first_line = f
            .decorator_list
            .first()
            .map_or_else(|| self.line_of(s.range), |d| self.line_of(d.range));
        self.set_loc(s.range);
        let mut fn_flags = self.default_arguments(&f.args)?;
        let generic = !f.type_params.is_empty();
        // The defaults are arguments of the hidden function of a generic `def`.
        let nargs =
            u32::from(fn_flags & FN_DEFAULTS != 0) + u32::from(fn_flags & FN_KWDEFAULTS != 0);
        if generic {
            if nargs == 2 {
                self.emit(Opcode::SWAP, 2);
            }
            self.enter_type_params_unit(&f.name, &f.type_params, s.range, first_line)?;
            self.u().argcount = nargs;
            self.type_params(&f.type_params)?;
            self.set_loc(s.range);
            for i in 0..nargs {
                self.emit(Opcode::LOAD_FAST, i);
            }
        }
        let def_line = self.line_of(s.range);
        if self.function_annotations(s, f, def_line)? {
            fn_flags |= FN_ANNOTATE;
        }
        let code = self.function_body(f, first_line)?;
        self.set_loc(s.range);
        self.make_closure(code, fn_flags)?;
        if generic {
            self.emit(Opcode::SWAP, 2);
            self.emit(Opcode::CALL_INTRINSIC_2, INTRINSIC_SET_FUNCTION_TYPE_PARAMS);
            self.call_type_params_unit(nargs)?;
        }
        self.apply_decorators(&f.decorator_list);
        self.set_loc(s.range);
        self.nameop(&f.name, ExprContext::Store, s.range)
    }

    fn apply_decorators(&mut self, decorators: &'a [Expr]) {
        for d in decorators.iter().rev() {
            self.set_loc(d.range);
            self.emit(Opcode::CALL, 0);
        }
    }

    /// Parameters may not be named `__debug__`.
    fn check_debug_params(&self, args: &Arguments) -> Result<()> {
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(args.vararg.as_deref())
            .chain(&args.kwonlyargs)
            .chain(args.kwarg.as_deref());
        for arg in all {
            if arg.arg == "__debug__" {
                return Err(self.error("cannot assign to __debug__", arg.range));
            }
        }
        Ok(())
    }

    /// Pushes the defaults tuple and the keyword-only defaults dict; returns their flags.
    fn default_arguments(&mut self, args: &'a Arguments) -> Result<u32> {
        let mut fn_flags = 0;
        if !args.defaults.is_empty() {
            self.visit_exprs(&args.defaults)?;
            self.emit(Opcode::BUILD_TUPLE, args.defaults.len() as u32);
            fn_flags |= FN_DEFAULTS;
        }
        let mut n = 0;
        for (arg, default) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(d) = default {
                let name = self.mangle(&arg.arg);
                self.load_const(Const::Str(PyStr::from(name.as_str())));
                self.visit_expr(d)?;
                n += 1;
            }
        }
        if n > 0 {
            self.emit(Opcode::BUILD_MAP, n);
            fn_flags |= FN_KWDEFAULTS;
        }
        Ok(fn_flags)
    }

    /// The body of a `def` as its own code object.
    fn function_body(&mut self, f: &'a FunctionDef, first_line: u32) -> Result<CodeObject> {
        let scope = self
            .st
            .lookup(ScopeKey::of(f))
            .ok_or_else(|| self.internal("function has no scope"))?;
        self.enter_unit(Some(scope), UnitKind::Function, &f.name, first_line);
        let u = self.u();
        u.argcount = (f.args.posonlyargs.len() + f.args.args.len()) as u32;
        u.posonlyargcount = f.args.posonlyargs.len() as u32;
        u.kwonlyargcount = f.args.kwonlyargs.len() as u32;
        let mut body = &f.body[..];
        if builder_has_docstring(body) {
            if let Some(Stmt {
                kind: StmtKind::Expr { value },
                ..
            }) = body.first()
            {
                if let ExprKind::Constant {
                    value: Constant::Str(doc),
                    ..
                } = &value.kind
                {
                    self.u().add_const(Const::Str(clean_doc(doc)));
                }
            }
            body = &body[1..];
        }
        let handler = self.start_generator_body();
        self.stmts(body)?;
        self.return_none_at_end();
        self.end_generator_body(handler);
        self.exit_unit()
    }

    /// A generator's body runs under a handler that turns an escaping `StopIteration` into
    /// `RuntimeError` (PEP 479; CPython's `wrap_in_stopiteration_handler`).
    pub(super) fn start_generator_body(&mut self) -> Option<super::Label> {
        let resumable = flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR;
        if self.unit().flags & resumable == 0 {
            return None;
        }
        let handler = self.new_label();
        let saved = std::mem::replace(&mut self.u().loc, Location::NONE);
        self.emit_jump(Opcode::SETUP_CLEANUP, handler);
        self.restore_loc(saved);
        self.u().fblocks.push(super::unit::FBlock::StopIteration);
        Some(handler)
    }

    pub(super) fn end_generator_body(&mut self, handler: Option<super::Label>) {
        let Some(handler) = handler else { return };
        self.u().fblocks.pop();
        self.u().loc = Location::NONE;
        self.bind(handler);
        self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_STOPITERATION_ERROR);
        self.emit(Opcode::RERAISE, 1);
    }

    pub(super) fn lambda(
        &mut self,
        e: &'a Expr,
        args: &'a Arguments,
        body: &'a Expr,
    ) -> Result<()> {
        self.check_debug_params(args)?;
        let fn_flags = self.default_arguments(args)?;
        let scope = self
            .st
            .lookup(ScopeKey::of(e))
            .ok_or_else(|| self.internal("lambda has no scope"))?;
        let line = self.line_of(e.range);
        self.enter_unit(Some(scope), UnitKind::Lambda, "<lambda>", line);
        let u = self.u();
        u.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
        u.posonlyargcount = args.posonlyargs.len() as u32;
        u.kwonlyargcount = args.kwonlyargs.len() as u32;
        let handler = self.start_generator_body();
        self.visit_expr(body)?;
        self.set_loc(body.range);
        self.emit(Opcode::RETURN_VALUE, 0);
        self.end_generator_body(handler);
        let code = self.exit_unit()?;
        self.make_closure(code, fn_flags)
    }

    /// Pushes a new function for `code`, with the closure tuple its free variables need and
    /// the attributes already on the stack (CPython's `codegen_make_closure`).
    pub(super) fn make_closure(&mut self, code: CodeObject, mut fn_flags: u32) -> Result<()> {
        if !code.freevars.is_empty() {
            for name in &code.freevars {
                let index = self.closure_index(name)?;
                self.emit(Opcode::LOAD_CLOSURE, index);
            }
            self.emit(Opcode::BUILD_TUPLE, code.freevars.len() as u32);
            fn_flags |= FN_CLOSURE;
        }
        self.load_const(Const::Code(Box::new(code)));
        self.emit(Opcode::MAKE_FUNCTION, 0);
        for bit in [FN_CLOSURE, FN_ANNOTATE, 4, FN_KWDEFAULTS, FN_DEFAULTS] {
            if fn_flags & bit != 0 {
                self.emit(Opcode::SET_FUNCTION_ATTRIBUTE, bit);
            }
        }
        Ok(())
    }

    /// `if format > VALUE_WITH_FAKE_GLOBALS: raise NotImplementedError`, the start of every
    /// `__annotate__` (CPython's `codegen_setup_annotations_scope`).
    pub(super) fn annotate_prologue(&mut self) {
        let u = self.u();
        u.argcount = 1;
        u.posonlyargcount = 1;
        let body = self.new_label();
        self.emit(Opcode::LOAD_FAST, 0);
        self.emit(Opcode::LOAD_SMALL_INT, 2);
        self.emit(Opcode::COMPARE_OP, 4);
        self.emit_jump(Opcode::POP_JUMP_IF_FALSE, body);
        self.emit(Opcode::LOAD_COMMON_CONSTANT, COMMON_NOT_IMPLEMENTED_ERROR);
        self.emit(Opcode::RAISE_VARARGS, 1);
        self.bind(body);
    }

    /// Pushes the `__annotate__` function of a `def` if it has annotations; returns whether it
    /// did.
    fn function_annotations(
        &mut self,
        s: &Stmt,
        f: &'a FunctionDef,
        first_line: u32,
    ) -> Result<bool> {
        let (args, returns) = (&f.args, f.returns.as_deref());
        let mut entries: Vec<(String, &'a Expr)> = annotated_params(args)
            .into_iter()
            .filter_map(|a| {
                a.annotation
                    .as_deref()
                    .map(|ann| (self.mangle(&a.arg), ann))
            })
            .collect();
        if let Some(r) = returns {
            entries.push(("return".to_string(), r));
        }
        if entries.is_empty() {
            return Ok(false);
        }
        let scope = if self.st.future_annotations {
            None
        } else {
            self.st.lookup(ScopeKey::annotations_of(args))
        };
        self.enter_unit(scope, UnitKind::Annotation, "__annotate__", first_line);
        self.set_loc(s.range);
        self.annotate_prologue();
        for (name, ann) in &entries {
            self.load_const(Const::Str(PyStr::from(name.as_str())));
            self.annotation_value(ann)?;
        }
        self.emit(Opcode::BUILD_MAP, entries.len() as u32);
        self.emit(Opcode::RETURN_VALUE, 0);
        let code = self.exit_unit()?;
        self.make_closure(code, 0)?;
        Ok(true)
    }

    /// An annotation's value: the expression, or its source text under
    /// `from __future__ import annotations`.
    fn annotation_value(&mut self, ann: &'a Expr) -> Result<()> {
        if self.st.future_annotations {
            let text = unparse::unparse(ann);
            self.load_const(Const::Str(PyStr::from(text.as_str())));
            return Ok(());
        }
        match &ann.kind {
            ExprKind::Starred { value, .. } => {
                // `*args: *Ts`
                self.visit_expr(value)?;
                self.emit(Opcode::UNPACK_SEQUENCE, 1);
                Ok(())
            }
            _ => self.visit_expr(ann),
        }
    }

    /// The module's `__annotate__` (made before the body runs, since a module may stop
    /// part-way) and its `__conditional_annotations__` set.
    pub(super) fn module_annotations(&mut self, body: &'a [Stmt]) -> Result<()> {
        let module = self.st.module();
        if !self.st.future_annotations {
            let mut deferred = Vec::new();
            collect_simple_annotations(body, &mut deferred);
            self.module_annotations = deferred.clone();
            if let (Some(block), false) = (module.annotation_block, deferred.is_empty()) {
                let indexed: Vec<(&'a Stmt, Option<u32>)> = deferred
                    .into_iter()
                    .enumerate()
                    .map(|(i, s)| (s, Some(i as u32)))
                    .collect();
                let line = body.first().map_or(1, |s| self.line_of(s.range));
                let code = self.deferred_annotate(block, &indexed, line, false)?;
                self.make_closure(code, 0)?;
                self.nameop("__annotate__", ExprContext::Store, TextRange::default())?;
            }
        }
        if module.has_conditional_annotations {
            self.emit(Opcode::BUILD_SET, 0);
            self.nameop(
                "__conditional_annotations__",
                ExprContext::Store,
                TextRange::default(),
            )?;
        }
        Ok(())
    }

    /// The `__annotate__` of a module or class body: a dict of the simple annotations, each
    /// conditional one only if its statement ran (CPython's
    /// `codegen_deferred_annotations_body`).
    fn deferred_annotate(
        &mut self,
        block: usize,
        deferred: &[(&'a Stmt, Option<u32>)],
        line: u32,
        in_class: bool,
    ) -> Result<CodeObject> {
        let conditional = deferred.iter().any(|(_, i)| i.is_some());
        self.enter_unit(Some(block), UnitKind::Annotation, "__annotate__", line);
        if in_class && conditional {
            let mut free = self.unit().freevars.names.clone();
            free.push("__conditional_annotations__".to_string());
            free.sort();
            free.dedup();
            self.u().freevars = NameTable::from_names(free);
        }
        self.annotate_prologue();
        self.emit(Opcode::BUILD_MAP, 0);
        for &(s, index) in deferred {
            let StmtKind::AnnAssign {
                target, annotation, ..
            } = &s.kind
            else {
                continue;
            };
            let ExprKind::Name { id, .. } = &target.kind else {
                continue;
            };
            let skip = self.new_label();
            if let Some(i) = index {
                self.set_loc(s.range);
                self.load_const(Const::Int(i64::from(i).into()));
                if in_class {
                    let cell = self
                        .unit()
                        .free_index("__conditional_annotations__")
                        .ok_or_else(|| self.internal("no __conditional_annotations__ cell"))?;
                    self.emit(Opcode::LOAD_DEREF, cell);
                } else {
                    let name = self.name_index("__conditional_annotations__");
                    self.emit(Opcode::LOAD_GLOBAL, name << 1);
                }
                self.emit(Opcode::CONTAINS_OP, 0);
                self.emit_jump(Opcode::POP_JUMP_IF_FALSE, skip);
            }
            self.visit_expr(annotation)?;
            self.set_loc(annotation.range);
            self.emit(Opcode::COPY, 2);
            let mangled = self.mangle(id);
            self.load_const(Const::Str(PyStr::from(mangled.as_str())));
            self.emit(Opcode::STORE_SUBSCR, 0);
            self.bind(skip);
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        self.exit_unit()
    }

    /// `class name(bases, **keywords)`: the body becomes a function that `__build_class__`
    /// runs in the new class's namespace.
    pub(super) fn class_def(&mut self, s: &'a Stmt, c: &'a ClassDef) -> Result<()> {
        self.visit_exprs(&c.decorator_list)?;
        let first_line = c
            .decorator_list
            .first()
            .map_or_else(|| self.line_of(s.range), |d| self.line_of(d.range));
        let generic = !c.type_params.is_empty();
        if generic {
            self.enter_type_params_unit(&c.name, &c.type_params, s.range, first_line)?;
            self.u().private = Some(c.name.clone());
            self.type_params(&c.type_params)?;
            self.set_loc(s.range);
            self.nameop(".type_params", ExprContext::Store, s.range)?;
        }
        let scope = self
            .st
            .lookup(ScopeKey::of(c))
            .ok_or_else(|| self.internal("class has no scope"))?;
        self.enter_unit(Some(scope), UnitKind::Class, &c.name, first_line);
        self.u().private = Some(c.name.clone());
        let code = self.class_body(s, c, scope, first_line)?;
        self.set_loc(s.range);
        self.emit(Opcode::LOAD_BUILD_CLASS, 0);
        self.emit(Opcode::PUSH_NULL, 0);
        self.make_closure(code, 0)?;
        self.load_const(Const::Str(PyStr::from(c.name.as_str())));
        self.validate_keywords(&c.keywords)?;
        if generic {
            self.nameop(".type_params", ExprContext::Load, s.range)?;
            self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_SUBSCRIPT_GENERIC);
            self.nameop(".generic_base", ExprContext::Store, s.range)?;
            self.call_args_injected(2, &c.bases, &c.keywords, Some(".generic_base"))?;
            self.call_type_params_unit(0)?;
        } else {
            self.call_args(2, &c.bases, &c.keywords)?;
        }
        self.apply_decorators(&c.decorator_list);
        self.set_loc(s.range);
        self.nameop(&c.name, ExprContext::Store, s.range)
    }

    fn class_body(
        &mut self,
        s: &'a Stmt,
        c: &'a ClassDef,
        scope: usize,
        first_line: u32,
    ) -> Result<CodeObject> {
        let ste = &self.st.scopes[scope];
        let here = s.range;
        let line = self.line_of(here);
        self.u().loc = Location {
            line,
            end_line: line,
            col: 0,
            end_col: 0,
        };
        self.set_loc(TextRange::new(here.start, here.start));
        self.nameop("__name__", ExprContext::Load, here)?;
        self.nameop("__module__", ExprContext::Store, here)?;
        let qualname = self.unit().qualname.clone();
        self.load_const(Const::Str(PyStr::from(qualname.as_str())));
        self.nameop("__qualname__", ExprContext::Store, here)?;
        self.load_const(Const::Int(i64::from(first_line).into()));
        self.nameop("__firstlineno__", ExprContext::Store, here)?;
        if !c.type_params.is_empty() {
            self.nameop(".type_params", ExprContext::Load, here)?;
            self.nameop("__type_params__", ExprContext::Store, here)?;
        }
        if ste.needs_classdict {
            self.emit(Opcode::LOAD_LOCALS, 0);
            let cell = self.class_cell("__classdict__")?;
            self.emit(Opcode::STORE_DEREF, cell);
        }
        if ste.has_conditional_annotations {
            self.emit(Opcode::BUILD_SET, 0);
            let cell = self.class_cell("__conditional_annotations__")?;
            self.emit(Opcode::STORE_DEREF, cell);
        }
        self.body(&c.body)?;
        self.set_loc(TextRange::new(here.start, here.start));
        let deferred = std::mem::take(&mut self.u().deferred_annotations);
        if let (Some(block), false) = (ste.annotation_block, deferred.is_empty()) {
            let code = self.deferred_annotate(block, &deferred, first_line, true)?;
            self.make_closure(code, 0)?;
            self.nameop("__annotate_func__", ExprContext::Store, here)?;
        }
        let attrs: Vec<Const> = self
            .unit()
            .static_attributes
            .iter()
            .map(|a| Const::Str(PyStr::from(a.as_str())))
            .collect();
        self.load_const(Const::Tuple(attrs));
        self.nameop("__static_attributes__", ExprContext::Store, here)?;
        if ste.needs_classdict {
            let cell = self.class_cell("__classdict__")?;
            self.emit(Opcode::LOAD_CLOSURE, cell);
            self.nameop("__classdictcell__", ExprContext::Store, here)?;
        }
        if ste.needs_class_closure {
            let cell = self.class_cell("__class__")?;
            self.emit(Opcode::LOAD_CLOSURE, cell);
            self.emit(Opcode::COPY, 1);
            self.nameop("__classcell__", ExprContext::Store, here)?;
        } else {
            self.load_const(Const::None);
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        self.exit_unit()
    }

    fn class_cell(&self, name: &str) -> Result<u32> {
        self.unit()
            .cell_index(name)
            .ok_or_else(|| self.internal(format!("no {name} cell")))
    }
}

/// The simple annotated names of a module body, in the order the codegen meets them (into
/// compound statements, not into functions or classes).
fn collect_simple_annotations<'a>(body: &'a [Stmt], out: &mut Vec<&'a Stmt>) {
    for s in body {
        match &s.kind {
            StmtKind::AnnAssign {
                simple: true,
                target,
                ..
            } if matches!(target.kind, ExprKind::Name { .. }) => {
                out.push(s);
            }
            StmtKind::For { body, orelse, .. }
            | StmtKind::While { body, orelse, .. }
            | StmtKind::If { body, orelse, .. } => {
                collect_simple_annotations(body, out);
                collect_simple_annotations(orelse, out);
            }
            StmtKind::With { body, .. } => collect_simple_annotations(body, out),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                collect_simple_annotations(body, out);
                for h in handlers {
                    collect_simple_annotations(&h.body, out);
                }
                collect_simple_annotations(orelse, out);
                collect_simple_annotations(finalbody, out);
            }
            StmtKind::Match { cases, .. } => {
                for case in cases {
                    collect_simple_annotations(&case.body, out);
                }
            }
            _ => {}
        }
    }
}
