//! `try`/`except`/`else`/`finally`, `with`, and leaving blocks early (`return`, `break` and
//! `continue` through `finally` and `with`). Handlers are exception-table regions opened by
//! `SETUP_*` pseudo-instructions, as in CPython 3.14's `Python/codegen.c`
//! (`codegen_try_except`, `codegen_try_finally`, `codegen_with`, `codegen_unwind_fblock`).

use super::unit::FBlock;
use super::{Compiler, Result};
use crate::ast::{ExceptHandler, ExprContext, Stmt, WithItem};
use crate::bytecode::{Const, Location, Opcode};

impl<'a> Compiler<'a> {
    /// Emits the cleanup of every block up to (with `to_loop`) the innermost loop, which is
    /// returned; `preserve_tos` keeps the value on top of the stack (a return value) above
    /// the cleanups (CPython's `codegen_unwind_fblock_stack`).
    pub(super) fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        to_loop: bool,
    ) -> Result<Option<FBlock<'a>>> {
        let Some(top) = self.unit().fblocks.last().cloned() else {
            return Ok(None);
        };
        if to_loop && matches!(top, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }) {
            return Ok(Some(top));
        }
        self.u().fblocks.pop();
        let result = self
            .unwind_fblock(&top, preserve_tos)
            .and_then(|()| self.unwind_fblock_stack(preserve_tos, to_loop));
        self.u().fblocks.push(top);
        result
    }

    /// The cleanup of one block when leaving it early (CPython's `codegen_unwind_fblock`).
    fn unwind_fblock(&mut self, fblock: &FBlock<'a>, preserve_tos: bool) -> Result<()> {
        match fblock {
            FBlock::WhileLoop { .. } | FBlock::ExceptionHandler | FBlock::StopIteration => {}
            FBlock::ForLoop { .. } | FBlock::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
            }
            FBlock::TryExcept => self.emit(Opcode::POP_BLOCK, 0),
            FBlock::FinallyTry { body } => {
                self.emit(Opcode::POP_BLOCK, 0);
                if preserve_tos {
                    self.u().fblocks.push(FBlock::PopValue);
                }
                let result = self.stmts(body);
                if preserve_tos {
                    self.u().fblocks.pop();
                }
                result?;
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_BLOCK, 0);
                self.emit(Opcode::POP_EXCEPT, 0);
            }
            FBlock::With { is_async } => {
                self.emit(Opcode::POP_BLOCK, 0);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 3);
                    self.emit(Opcode::SWAP, 2);
                }
                self.call_exit_with_nones();
                if *is_async {
                    self.await_top(2);
                }
                self.emit(Opcode::POP_TOP, 0);
            }
            FBlock::HandlerCleanup { name } => {
                if name.is_some() {
                    self.emit(Opcode::POP_BLOCK, 0);
                }
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_BLOCK, 0);
                self.emit(Opcode::POP_EXCEPT, 0);
                if let Some(name) = name {
                    self.clear_handler_name(name)?;
                }
            }
        }
        Ok(())
    }

    /// `name = None; del name` after an `except ... as name:` body.
    fn clear_handler_name(&mut self, name: &str) -> Result<()> {
        let range = crate::text::TextRange::default();
        self.load_const(Const::None);
        self.nameop(name, ExprContext::Store, range)?;
        self.nameop(name, ExprContext::Del, range)
    }

    /// `__exit__(None, None, None)` with the bound `__exit__` pair on the stack.
    fn call_exit_with_nones(&mut self) {
        for _ in 0..3 {
            self.load_const(Const::None);
        }
        self.emit(Opcode::CALL, 3);
    }

    /// `COPY 3; POP_EXCEPT; RERAISE 1`: the handler of a handler restores the previous
    /// exception and re-raises.
    fn pop_except_and_reraise(&mut self) {
        self.emit(Opcode::COPY, 3);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::RERAISE, 1);
    }

    pub(super) fn try_stmt(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> Result<()> {
        if finalbody.is_empty() {
            return self.try_except(body, handlers, orelse);
        }
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.emit_jump(Opcode::SETUP_FINALLY, end);
        self.u()
            .fblocks
            .push(FBlock::FinallyTry { body: finalbody });
        if handlers.is_empty() {
            self.stmts(body)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.emit(Opcode::POP_BLOCK, 0);
        self.u().fblocks.pop();
        self.stmts(finalbody)?;
        self.emit_jump(Opcode::JUMP_FORWARD, exit);

        // The exceptional path: the `finally` body runs with the exception handled.
        self.bind(end);
        self.u().loc = Location::NONE;
        self.emit_jump(Opcode::SETUP_CLEANUP, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.u().fblocks.push(FBlock::FinallyEnd);
        self.stmts(finalbody)?;
        self.u().fblocks.pop();
        self.u().loc = Location::NONE;
        self.emit(Opcode::RERAISE, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> Result<()> {
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.emit_jump(Opcode::SETUP_FINALLY, except);
        self.u().fblocks.push(FBlock::TryExcept);
        self.stmts(body)?;
        self.u().fblocks.pop();
        self.emit(Opcode::POP_BLOCK, 0);
        self.stmts(orelse)?;
        self.emit_jump(Opcode::JUMP_FORWARD, end);

        self.bind(except);
        self.u().loc = Location::NONE;
        self.emit_jump(Opcode::SETUP_CLEANUP, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.u().fblocks.push(FBlock::ExceptionHandler);
        for (i, h) in handlers.iter().enumerate() {
            self.set_loc(h.range);
            if h.type_.is_none() && i + 1 < handlers.len() {
                return Err(self.error("default 'except:' must be last", h.range));
            }
            let next = self.new_label();
            if let Some(t) = &h.type_ {
                self.visit_expr(t)?;
                self.emit(Opcode::CHECK_EXC_MATCH, 0);
                self.emit_jump(Opcode::POP_JUMP_IF_FALSE, next);
            }
            match &h.name {
                Some(name) => {
                    let cleanup_end = self.new_label();
                    self.nameop(name, ExprContext::Store, h.range)?;
                    self.emit_jump(Opcode::SETUP_CLEANUP, cleanup_end);
                    self.u().fblocks.push(FBlock::HandlerCleanup {
                        name: Some(name.clone()),
                    });
                    self.stmts(&h.body)?;
                    self.u().fblocks.pop();
                    self.u().loc = Location::NONE;
                    self.emit(Opcode::POP_BLOCK, 0);
                    self.emit(Opcode::POP_BLOCK, 0);
                    self.emit(Opcode::POP_EXCEPT, 0);
                    self.clear_handler_name(name)?;
                    self.emit_jump(Opcode::JUMP_FORWARD, end);
                    self.bind(cleanup_end);
                    self.clear_handler_name(name)?;
                    self.emit(Opcode::RERAISE, 1);
                }
                None => {
                    self.emit(Opcode::POP_TOP, 0);
                    self.u().fblocks.push(FBlock::HandlerCleanup { name: None });
                    self.stmts(&h.body)?;
                    self.u().fblocks.pop();
                    self.u().loc = Location::NONE;
                    self.emit(Opcode::POP_BLOCK, 0);
                    self.emit(Opcode::POP_EXCEPT, 0);
                    self.emit_jump(Opcode::JUMP_FORWARD, end);
                }
            }
            self.bind(next);
        }
        self.u().fblocks.pop();
        self.u().loc = Location::NONE;
        self.emit(Opcode::RERAISE, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    pub(super) fn with_stmt(
        &mut self,
        s: &'a Stmt,
        items: &'a [WithItem],
        body: &'a [Stmt],
        is_async: bool,
    ) -> Result<()> {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.visit_expr(&item.context_expr)?;
        self.set_loc(s.range);
        // Stack: exit, self (the bound `__exit__`), then the result of `__enter__()`.
        // `async with` uses `__aenter__`/`__aexit__` (`LOAD_SPECIAL` 2 and 3) and awaits
        // their results.
        let special = if is_async { 2 } else { 0 };
        self.emit(Opcode::COPY, 1);
        self.emit(Opcode::LOAD_SPECIAL, special + 1);
        self.emit(Opcode::SWAP, 2);
        self.emit(Opcode::SWAP, 3);
        self.emit(Opcode::LOAD_SPECIAL, special);
        self.emit(Opcode::CALL, 0);
        if is_async {
            self.await_top(1);
        }
        self.emit_jump(Opcode::SETUP_WITH, final_);
        self.u().fblocks.push(FBlock::With { is_async });
        match &item.optional_vars {
            Some(target) => self.store_target(target)?,
            None => self.emit(Opcode::POP_TOP, 0),
        }
        if rest.is_empty() {
            self.stmts(body)?;
        } else {
            self.with_stmt(s, rest, body, is_async)?;
        }
        self.u().fblocks.pop();
        self.set_loc(s.range);
        self.emit(Opcode::POP_BLOCK, 0);
        self.call_exit_with_nones();
        if is_async {
            self.await_top(2);
        }
        self.emit(Opcode::POP_TOP, 0);
        self.emit_jump(Opcode::JUMP_FORWARD, exit);

        // The exceptional path: `__exit__(type, value, traceback)` decides.
        self.bind(final_);
        self.emit_jump(Opcode::SETUP_CLEANUP, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.emit(Opcode::WITH_EXCEPT_START, 0);
        if is_async {
            self.await_top(2);
        }
        let suppress = self.new_label();
        self.emit_jump(Opcode::POP_JUMP_IF_TRUE, suppress);
        self.emit(Opcode::RERAISE, 2);
        self.bind(suppress);
        self.emit(Opcode::POP_TOP, 0);
        self.emit(Opcode::POP_BLOCK, 0);
        self.emit(Opcode::POP_EXCEPT, 0);
        for _ in 0..3 {
            self.emit(Opcode::POP_TOP, 0);
        }
        self.emit_jump(Opcode::JUMP_FORWARD, exit);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }
}
