//! Comprehensions and generator expressions. List, set and dict comprehensions are inlined
//! into the enclosing code (PEP 709): their bindings are saved with `LOAD_FAST_AND_CLEAR`
//! and restored afterwards, even when an exception escapes; generator expressions get their
//! own code object. Mirrors CPython 3.14's `Python/codegen.c` (`codegen_comprehension`,
//! `push_inlined_comprehension_state`, `codegen_sync_comprehension_generator`).

use std::collections::HashMap;

use super::unit::{Label, UnitKind};
use super::{Compiler, Result};
use crate::ast::{Comprehension as CompFor, Expr, ExprKind};
use crate::bytecode::{Const, Opcode};
use crate::symtable::{flag, ScopeKey, SymbolScope};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    List,
    Set,
    Dict,
    Generator,
}

/// What an inlined comprehension changed, to undo afterwards.
struct Inlined {
    pushed: Vec<String>,
    hidden: Vec<String>,
    cleanup: Option<Label>,
}

impl<'a> Compiler<'a> {
    pub(super) fn comprehension(&mut self, e: &'a Expr) -> Result<()> {
        let (kind, elt, value, generators) = match &e.kind {
            ExprKind::ListComp { elt, generators } => (Kind::List, elt, None, generators),
            ExprKind::SetComp { elt, generators } => (Kind::Set, elt, None, generators),
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => (Kind::Dict, key, Some(&**value), generators),
            ExprKind::GeneratorExp { elt, generators } => (Kind::Generator, elt, None, generators),
            _ => return Err(self.internal("not a comprehension")),
        };
        let first = generators
            .first()
            .ok_or_else(|| self.internal("comprehension without a for"))?;
        let scope = self
            .st
            .lookup(ScopeKey::of(e))
            .ok_or_else(|| self.internal("comprehension has no scope"))?;
        let get_iter = if first.is_async {
            Opcode::GET_AITER
        } else {
            Opcode::GET_ITER
        };
        let is_async = self.st.scopes[scope].coroutine;
        if self.st.scopes[scope].comp_inlined {
            self.visit_expr(&first.iter)?;
            self.set_loc(first.iter.range);
            self.emit(get_iter, 0);
            self.set_loc(e.range);
            let state = self.push_inlined(scope);
            self.build_empty(kind);
            self.emit(Opcode::SWAP, 2);
            self.u().in_inlined_comp += 1;
            let result = self.comprehension_generator(generators, 0, 0, elt, value, kind, true);
            self.u().in_inlined_comp = self.unit().in_inlined_comp.saturating_sub(1);
            self.set_loc(e.range);
            self.pop_inlined(state);
            return result;
        }
        let name = match kind {
            Kind::List => "<listcomp>",
            Kind::Set => "<setcomp>",
            Kind::Dict => "<dictcomp>",
            Kind::Generator => "<genexpr>",
        };
        let line = self.lines.line_col(e.range.start).0;
        self.enter_unit(Some(scope), UnitKind::Comprehension, name, line);
        self.set_loc(e.range);
        self.u().argcount = 1;
        let handler = self.start_generator_body();
        if kind != Kind::Generator {
            self.build_empty(kind);
        }
        self.comprehension_generator(generators, 0, 0, elt, value, kind, false)?;
        self.set_loc(e.range);
        if kind == Kind::Generator {
            self.load_const(Const::None);
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        self.end_generator_body(handler);
        let code = self.exit_unit()?;
        self.make_closure(code, 0)?;
        self.visit_expr(&first.iter)?;
        self.set_loc(first.iter.range);
        self.emit(get_iter, 0);
        self.set_loc(e.range);
        // The iterator fills the call's `self_or_null` slot: `genexpr(iter)`.
        self.emit(Opcode::CALL, 0);
        if is_async && kind != Kind::Generator {
            // A comprehension with `await` or `async for` that is not inlined is a coroutine.
            self.await_top(0);
        }
        Ok(())
    }

    fn build_empty(&mut self, kind: Kind) {
        match kind {
            Kind::List => self.emit(Opcode::BUILD_LIST, 0),
            Kind::Set => self.emit(Opcode::BUILD_SET, 0),
            Kind::Dict => self.emit(Opcode::BUILD_MAP, 0),
            Kind::Generator => {}
        }
    }

    /// Saves the comprehension's own bindings (the iterator stays on top) and makes its
    /// names resolve as inside the comprehension.
    fn push_inlined(&mut self, scope: usize) -> Inlined {
        let comp = &self.st.scopes[scope];
        let in_class = self.unit().kind == UnitKind::Class && self.unit().in_inlined_comp == 0;
        let function_like = self.is_function_like();
        let mut overlay = HashMap::new();
        let mut state = Inlined {
            pushed: Vec::new(),
            hidden: Vec::new(),
            cleanup: None,
        };
        for sym in comp.symbols() {
            if sym.flags & flag::PARAM != 0 {
                continue;
            }
            let inner = sym.scope;
            let outer = self.scope_of(&sym.name);
            let is_local = sym.flags & flag::LOCAL != 0 && sym.flags & flag::NONLOCAL == 0;
            if is_local && !function_like && self.u().fast_hidden.insert(sym.name.clone()) {
                state.hidden.push(sym.name.clone());
            }
            let differs = inner != outer
                && inner != Some(SymbolScope::Free)
                && !(inner == Some(SymbolScope::Cell) && outer == Some(SymbolScope::Free));
            if differs || in_class {
                // In a class body the comprehension's globals are real globals, not names
                // looked up in the class namespace.
                let effective = match inner {
                    Some(SymbolScope::GlobalImplicit) if in_class => {
                        Some(SymbolScope::GlobalExplicit)
                    }
                    other => other,
                };
                overlay.insert(sym.name.clone(), effective);
            }
            if is_local {
                let slot = self.u().varnames.add(&sym.name);
                self.emit(Opcode::LOAD_FAST_AND_CLEAR, slot);
                if inner == Some(SymbolScope::Cell) {
                    let cell = if outer == Some(SymbolScope::Free) {
                        self.unit().free_index(&sym.name)
                    } else {
                        self.unit().cell_index(&sym.name)
                    };
                    if let Some(cell) = cell {
                        self.emit(Opcode::MAKE_CELL, cell);
                    }
                }
                state.pushed.push(sym.name.clone());
            }
        }
        if !state.pushed.is_empty() {
            self.emit(Opcode::SWAP, state.pushed.len() as u32 + 1);
            let cleanup = self.new_label();
            self.emit_jump(Opcode::SETUP_FINALLY, cleanup);
            state.cleanup = Some(cleanup);
        }
        self.u().overlays.push(overlay);
        state
    }

    /// Restores the saved bindings, on the normal path and on the exceptional one.
    fn pop_inlined(&mut self, state: Inlined) {
        self.u().overlays.pop();
        for name in &state.hidden {
            self.u().fast_hidden.remove(name);
        }
        let Some(cleanup) = state.cleanup else { return };
        self.emit(Opcode::POP_BLOCK, 0);
        let end = self.new_label();
        self.emit_jump(Opcode::JUMP_FORWARD, end);
        self.bind(cleanup);
        // Drop the unfinished result under the exception, restore, re-raise.
        self.emit(Opcode::SWAP, 2);
        self.emit(Opcode::POP_TOP, 0);
        self.restore_inlined_locals(&state.pushed);
        self.emit(Opcode::RERAISE, 0);
        self.bind(end);
        self.restore_inlined_locals(&state.pushed);
    }

    fn restore_inlined_locals(&mut self, pushed: &[String]) {
        self.emit(Opcode::SWAP, pushed.len() as u32 + 1);
        for name in pushed.iter().rev() {
            let slot = self.u().varnames.add(name);
            self.emit(Opcode::STORE_FAST, slot);
        }
    }

    /// One `for` clause and everything inside it (CPython's
    /// `codegen_sync_comprehension_generator`). `depth` counts the iterators on the stack
    /// above the result being built.
    #[allow(clippy::too_many_arguments)]
    fn comprehension_generator(
        &mut self,
        generators: &'a [CompFor],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: Kind,
        iter_on_stack: bool,
    ) -> Result<()> {
        let gen = &generators[index];
        if gen.is_async {
            return self.async_comprehension_generator(
                generators,
                index,
                depth,
                elt,
                value,
                kind,
                iter_on_stack,
            );
        }
        let clause_loc = self.unit().loc;
        let mut start = Some(self.new_label());
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        if index == 0 && !iter_on_stack {
            // The outermost iterator is the code object's argument `.0`.
            self.emit(Opcode::LOAD_FAST, 0);
        } else if index > 0 {
            let single = match &gen.iter.kind {
                ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } if elts.len() == 1 => {
                    Some(&elts[0]).filter(|e| !matches!(e.kind, ExprKind::Starred { .. }))
                }
                _ => None,
            };
            if let Some(only) = single {
                // `for y in [f(x)]`: bind without a loop.
                self.visit_expr(only)?;
                start = None;
            } else {
                self.visit_expr(&gen.iter)?;
                self.set_loc(gen.iter.range);
                self.emit(Opcode::GET_ITER, 0);
            }
        }
        if let Some(start) = start {
            depth += 1;
            self.set_loc(gen.iter.range);
            self.bind(start);
            self.emit_jump(Opcode::FOR_ITER, anchor);
        }
        self.store_target(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        self.restore_loc(clause_loc);
        self.comprehension_body(generators, index, depth, elt, value, kind)?;
        self.bind(if_cleanup);
        if let Some(start) = start {
            self.emit_jump(Opcode::JUMP_BACKWARD, start);
            self.bind(anchor);
        }
        Ok(())
    }

    /// An `async for` clause (CPython's `codegen_async_comprehension_generator`): each item is
    /// awaited from `__anext__()`, and `StopAsyncIteration` ends the loop.
    #[allow(clippy::too_many_arguments)]
    fn async_comprehension_generator(
        &mut self,
        generators: &'a [CompFor],
        index: usize,
        depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: Kind,
        iter_on_stack: bool,
    ) -> Result<()> {
        let gen = &generators[index];
        // The loop's own instructions are at the whole comprehension, as in CPython.
        let comp_loc = self.unit().loc;
        let start = self.new_label();
        let except = self.new_label();
        let if_cleanup = self.new_label();
        if !iter_on_stack {
            if index == 0 {
                self.emit(Opcode::LOAD_FAST, 0);
            } else {
                self.visit_expr(&gen.iter)?;
                self.set_loc(gen.iter.range);
                self.emit(Opcode::GET_AITER, 0);
                self.restore_loc(comp_loc);
            }
        }
        self.bind(start);
        self.emit_jump(Opcode::SETUP_FINALLY, except);
        self.emit(Opcode::GET_ANEXT, 0);
        self.load_const(Const::None);
        self.yield_from()?;
        self.emit(Opcode::POP_BLOCK, 0);
        self.store_target(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        self.restore_loc(comp_loc);
        self.comprehension_body(generators, index, depth + 1, elt, value, kind)?;
        self.bind(if_cleanup);
        self.restore_loc(comp_loc);
        self.emit_jump(Opcode::JUMP_BACKWARD, start);
        self.bind(except);
        self.emit(Opcode::END_ASYNC_FOR, 0);
        Ok(())
    }

    /// The next clause, or the element once every clause is open. `depth` counts the
    /// iterators on the stack above the result being built.
    fn comprehension_body(
        &mut self,
        generators: &'a [CompFor],
        index: usize,
        depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: Kind,
    ) -> Result<()> {
        if index + 1 < generators.len() {
            self.comprehension_generator(generators, index + 1, depth, elt, value, kind, false)?;
        } else {
            self.visit_expr(elt)?;
            self.set_loc(elt.range);
            match kind {
                Kind::Generator => {
                    self.emit_yield();
                    self.emit(Opcode::POP_TOP, 0);
                }
                Kind::List => self.emit(Opcode::LIST_APPEND, depth + 1),
                Kind::Set => self.emit(Opcode::SET_ADD, depth + 1),
                Kind::Dict => {
                    let v =
                        value.ok_or_else(|| self.internal("dict comprehension without a value"))?;
                    self.visit_expr(v)?;
                    self.set_loc(elt.range.cover(v.range));
                    self.emit(Opcode::MAP_ADD, depth + 1);
                }
            }
        }
        Ok(())
    }
}
