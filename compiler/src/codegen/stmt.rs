//! Statements: bodies and docstrings, control flow (`if`, `while`, `for`, `break`,
//! `continue`, `return`), `raise`, `assert`, imports, and conditional jumps. Mirrors the
//! statement half of CPython 3.14's `Python/codegen.c` (`codegen_visit_stmt`,
//! `codegen_jump_if`, `codegen_import`, ...).

use super::unit::FBlock;
use super::{clean_doc, Compiler, Result};
use crate::ast::{BoolOp, CmpOp, Constant, Expr, ExprContext, ExprKind, Stmt, StmtKind, UnaryOp};
use crate::bytecode::opcodes::{COMMON_ASSERTION_ERROR, INTRINSIC_IMPORT_STAR};
use crate::bytecode::{Const, Opcode};
use crate::pystr::PyStr;
use crate::symtable::builder_has_docstring;

impl<'a> Compiler<'a> {
    /// A module or class body (CPython's `codegen_body`): `__annotations__` under the future
    /// import, the docstring into `__doc__`, then the statements.
    pub(super) fn body(&mut self, body: &'a [Stmt]) -> Result<()> {
        if self.st.future_annotations && self.ste().is_some_and(|s| s.annotations_used) {
            self.emit(Opcode::SETUP_ANNOTATIONS, 0);
        }
        let mut rest = body;
        if builder_has_docstring(body) {
            if let Some(Stmt {
                kind: StmtKind::Expr { value },
                range,
            }) = body.first()
            {
                if let ExprKind::Constant {
                    value: Constant::Str(doc),
                    ..
                } = &value.kind
                {
                    let saved = self.set_loc(value.range);
                    self.load_const(Const::Str(clean_doc(doc)));
                    self.nameop("__doc__", ExprContext::Store, *range)?;
                    self.restore_loc(saved);
                }
            }
            rest = &body[1..];
        }
        self.stmts(rest)
    }

    pub(super) fn stmts(&mut self, body: &'a [Stmt]) -> Result<()> {
        body.iter().try_for_each(|s| self.visit_stmt(s))
    }

    /// Statements that may not run (for the conditional annotations of a class body).
    fn conditional_stmts(&mut self, body: &'a [Stmt]) -> Result<()> {
        self.u().in_conditional_block += 1;
        let result = self.stmts(body);
        self.u().in_conditional_block = self.unit().in_conditional_block.saturating_sub(1);
        result
    }

    pub(super) fn visit_stmt(&mut self, s: &'a Stmt) -> Result<()> {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
            let saved = self.set_loc(s.range);
            let loc = self.unit().loc;
            self.u().last_stmt_loc = Some(loc);
            let result = self.visit_stmt_inner(s);
            self.restore_loc(saved);
            result
        })
    }

    fn visit_stmt_inner(&mut self, s: &'a Stmt) -> Result<()> {
        match &s.kind {
            StmtKind::FunctionDef(f) => self.function_def(s, f),
            StmtKind::ClassDef(c) => self.class_def(s, c),
            StmtKind::Return { value } => self.return_stmt(s, value.as_deref()),
            StmtKind::Delete { targets } => targets.iter().try_for_each(|t| self.delete_target(t)),
            StmtKind::Assign { targets, value } => self.assign(targets, value),
            StmtKind::AugAssign { target, op, value } => self.aug_assign(s, target, *op, value),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.ann_assign(s, target, annotation, value.as_deref(), *simple),
            StmtKind::For { is_async: true, .. } if !self.in_async_function() => {
                Err(self.error("'async for' outside async function", s.range))
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
                ..
            } => {
                if *is_async {
                    self.async_for_stmt(target, iter, body, orelse)
                } else {
                    self.for_stmt(target, iter, body, orelse)
                }
            }
            StmtKind::While { test, body, orelse } => self.while_stmt(test, body, orelse),
            StmtKind::If { test, body, orelse } => self.if_stmt(test, body, orelse),
            StmtKind::With { is_async: true, .. } if !self.in_async_function() => {
                Err(self.error("'async with' outside async function", s.range))
            }
            StmtKind::With {
                items,
                body,
                is_async,
                ..
            } => {
                self.u().in_conditional_block += 1;
                let result = self.with_stmt(s, items, body, *is_async);
                self.u().in_conditional_block = self.unit().in_conditional_block.saturating_sub(1);
                result
            }
            StmtKind::Match { subject, cases } => {
                self.u().in_conditional_block += 1;
                let result = self.match_stmt(s, subject, cases);
                self.u().in_conditional_block = self.unit().in_conditional_block.saturating_sub(1);
                result
            }
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.visit_expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.visit_expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Opcode::RAISE_VARARGS, n);
                Ok(())
            }
            StmtKind::Try { is_star: true, .. } => Err(self.unsupported("'except*' clauses", s)),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                self.u().in_conditional_block += 1;
                let result = self.try_stmt(body, handlers, orelse, finalbody);
                self.u().in_conditional_block = self.unit().in_conditional_block.saturating_sub(1);
                result
            }
            StmtKind::Assert { test, msg } => self.assert_stmt(test, msg.as_deref()),
            StmtKind::Import { names } => self.import(names),
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => self.import_from(module.as_deref(), names, *level),
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } | StmtKind::Pass => Ok(()),
            StmtKind::Expr { value } if self.interactive && self.units.len() <= 1 => {
                self.visit_expr(value)?;
                self.emit(Opcode::CALL_INTRINSIC_1, super::modes::INTRINSIC_PRINT);
                self.emit(Opcode::POP_TOP, 0);
                Ok(())
            }
            StmtKind::Expr { value } => {
                if matches!(value.kind, ExprKind::Constant { .. }) {
                    return Ok(());
                }
                self.visit_expr(value)?;
                self.emit(Opcode::POP_TOP, 0);
                Ok(())
            }
            StmtKind::Break => self.break_stmt(s),
            StmtKind::Continue => self.continue_stmt(s),
            StmtKind::TypeAlias {
                name,
                type_params,
                value,
            } => self.type_alias(s, name, type_params, value),
        }
    }

    /// Inside an `async def` (where `async for`/`async with` are allowed).
    pub(super) fn in_async_function(&self) -> bool {
        self.ste()
            .is_some_and(|s| s.coroutine && s.comprehension.is_none())
    }

    /// The error for a construct protopy does not compile yet.
    pub(super) fn unsupported(&self, what: &str, s: &Stmt) -> crate::error::SyntaxError {
        self.error(format!("protopy cannot compile {what} yet"), s.range)
    }

    fn return_stmt(&mut self, s: &Stmt, value: Option<&'a Expr>) -> Result<()> {
        if !self.is_function_like() {
            return Err(self.error("'return' outside function", s.range));
        }
        if value.is_some() && self.ste().is_some_and(|st| st.coroutine && st.generator) {
            return Err(self.error("'return' with value in async generator", s.range));
        }
        let preserve = value.is_some_and(|v| !matches!(v.kind, ExprKind::Constant { .. }));
        if let (true, Some(v)) = (preserve, value) {
            self.visit_expr(v)?;
        }
        self.unwind_fblock_stack(preserve, false)?;
        self.set_loc(s.range);
        match value {
            None => self.load_const(Const::None),
            Some(v) if !preserve => self.visit_expr(v)?,
            Some(_) => {}
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        Ok(())
    }

    fn break_stmt(&mut self, s: &Stmt) -> Result<()> {
        let Some(fblock) = self.unwind_fblock_stack(false, true)? else {
            return Err(self.error("'break' outside loop", s.range));
        };
        self.set_loc(s.range);
        let exit = match fblock {
            FBlock::ForLoop { exit, .. } => {
                self.emit(Opcode::POP_TOP, 0);
                exit
            }
            FBlock::WhileLoop { exit, .. } => exit,
            _ => return Err(self.internal("break target is not a loop")),
        };
        self.emit_jump(Opcode::JUMP_FORWARD, exit);
        Ok(())
    }

    fn continue_stmt(&mut self, s: &Stmt) -> Result<()> {
        let Some(fblock) = self.unwind_fblock_stack(false, true)? else {
            return Err(self.error("'continue' not properly in loop", s.range));
        };
        self.set_loc(s.range);
        let start = match fblock {
            FBlock::ForLoop { start, .. } | FBlock::WhileLoop { start, .. } => start,
            _ => return Err(self.internal("continue target is not a loop")),
        };
        self.emit_jump(Opcode::JUMP_BACKWARD, start);
        Ok(())
    }

    fn for_stmt(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Result<()> {
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.visit_expr(iter)?;
        let saved = self.set_loc(iter.range);
        self.emit(Opcode::GET_ITER, 0);
        self.bind(start);
        self.emit_jump(Opcode::FOR_ITER, cleanup);
        self.restore_loc(saved);
        self.u().fblocks.push(FBlock::ForLoop { start, exit: end });
        self.store_target(target)?;
        self.conditional_stmts(body)?;
        self.emit_jump(Opcode::JUMP_BACKWARD, start);
        self.u().fblocks.pop();
        self.bind(cleanup);
        self.conditional_stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    /// `async for` (CPython's `codegen_async_for`): each item is awaited from `__anext__()`;
    /// `StopAsyncIteration` ends the loop at `END_ASYNC_FOR`.
    fn async_for_stmt(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Result<()> {
        let start = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        self.visit_expr(iter)?;
        let saved = self.set_loc(iter.range);
        self.emit(Opcode::GET_AITER, 0);
        self.restore_loc(saved);
        self.bind(start);
        self.u().fblocks.push(FBlock::ForLoop { start, exit: end });
        self.emit_jump(Opcode::SETUP_FINALLY, except);
        self.emit(Opcode::GET_ANEXT, 0);
        self.load_const(Const::None);
        self.yield_from()?;
        self.emit(Opcode::POP_BLOCK, 0);
        self.store_target(target)?;
        self.conditional_stmts(body)?;
        self.emit_jump(Opcode::JUMP_BACKWARD, start);
        self.u().fblocks.pop();
        self.bind(except);
        let saved = self.set_loc(iter.range);
        self.emit(Opcode::END_ASYNC_FOR, 0);
        self.restore_loc(saved);
        self.conditional_stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn while_stmt(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> Result<()> {
        let start = self.new_label();
        let anchor = self.new_label();
        let end = self.new_label();
        self.bind(start);
        self.u()
            .fblocks
            .push(FBlock::WhileLoop { start, exit: end });
        self.jump_if(test, anchor, false)?;
        self.conditional_stmts(body)?;
        self.emit_jump(Opcode::JUMP_BACKWARD, start);
        self.u().fblocks.pop();
        self.bind(anchor);
        self.conditional_stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn if_stmt(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> Result<()> {
        let end = self.new_label();
        let next = if orelse.is_empty() {
            end
        } else {
            self.new_label()
        };
        self.jump_if(test, next, false)?;
        self.conditional_stmts(body)?;
        if !orelse.is_empty() {
            self.emit_jump(Opcode::JUMP_FORWARD, end);
            self.bind(next);
            self.conditional_stmts(orelse)?;
        }
        self.bind(end);
        Ok(())
    }

    fn assert_stmt(&mut self, test: &'a Expr, msg: Option<&'a Expr>) -> Result<()> {
        let end = self.new_label();
        self.jump_if(test, end, true)?;
        self.emit(Opcode::LOAD_COMMON_CONSTANT, COMMON_ASSERTION_ERROR);
        if let Some(m) = msg {
            // `AssertionError(msg)`: the message fills the call's `self_or_null` slot.
            self.visit_expr(m)?;
            self.emit(Opcode::CALL, 0);
        }
        // The raise is placed at the test, which the traceback underlines (as CPython does).
        let saved = self.set_loc(test.range);
        self.emit(Opcode::RAISE_VARARGS, 1);
        self.restore_loc(saved);
        self.bind(end);
        Ok(())
    }

    /// The names of `IMPORT_NAME`/`IMPORT_FROM` are mangled in a class like any other name
    /// (CPython's `ADDOP_NAME`): `import __m` in class `A` imports `_A__m`.
    fn import_name_index(&mut self, name: &str) -> u32 {
        let mangled = self.mangle(name);
        self.name_index(&mangled)
    }

    fn import(&mut self, names: &'a [crate::ast::Alias]) -> Result<()> {
        for alias in names {
            self.load_const(Const::Int(0.into()));
            self.load_const(Const::None);
            let index = self.import_name_index(&alias.name);
            self.emit(Opcode::IMPORT_NAME, index);
            match &alias.asname {
                Some(asname) => {
                    let mut parts = alias.name.split('.').skip(1).peekable();
                    while let Some(attr) = parts.next() {
                        let index = self.import_name_index(attr);
                        self.emit(Opcode::IMPORT_FROM, index);
                        if parts.peek().is_some() {
                            self.emit(Opcode::SWAP, 2);
                            self.emit(Opcode::POP_TOP, 0);
                        }
                    }
                    self.nameop(asname, ExprContext::Store, alias.range)?;
                    if alias.name.contains('.') {
                        self.emit(Opcode::POP_TOP, 0);
                    }
                }
                None => {
                    let first = alias.name.split('.').next().unwrap_or(&alias.name);
                    self.nameop(first, ExprContext::Store, alias.range)?;
                }
            }
        }
        Ok(())
    }

    fn import_from(
        &mut self,
        module: Option<&str>,
        names: &'a [crate::ast::Alias],
        level: u32,
    ) -> Result<()> {
        self.load_const(Const::Int(i64::from(level).into()));
        let fromlist = names
            .iter()
            .map(|a| Const::Str(PyStr::from(a.name.as_str())))
            .collect();
        self.load_const(Const::Tuple(fromlist));
        let index = self.import_name_index(module.unwrap_or(""));
        self.emit(Opcode::IMPORT_NAME, index);
        for alias in names {
            if alias.name == "*" {
                self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_IMPORT_STAR);
                self.emit(Opcode::POP_TOP, 0);
                return Ok(());
            }
            let index = self.import_name_index(&alias.name);
            self.emit(Opcode::IMPORT_FROM, index);
            self.nameop(
                alias.asname.as_deref().unwrap_or(&alias.name),
                ExprContext::Store,
                alias.range,
            )?;
        }
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    /// Jumps to `target` when `e` is true (`cond`) or false (`!cond`), evaluating no more than
    /// needed (CPython's `codegen_jump_if`).
    pub(super) fn jump_if(&mut self, e: &'a Expr, target: super::Label, cond: bool) -> Result<()> {
        let saved = self.set_loc(e.range);
        let result = self.jump_if_inner(e, target, cond);
        self.restore_loc(saved);
        result
    }

    fn jump_if_inner(&mut self, e: &'a Expr, target: super::Label, cond: bool) -> Result<()> {
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => return self.jump_if(operand, target, !cond),
            ExprKind::BoolOp { op, values } if !values.is_empty() => {
                let is_or = *op == BoolOp::Or;
                let next = if cond != is_or {
                    self.new_label()
                } else {
                    target
                };
                let (last, init) = values
                    .split_last()
                    .ok_or_else(|| self.internal("empty BoolOp"))?;
                for v in init {
                    self.jump_if(v, next, is_or)?;
                }
                self.jump_if(last, target, cond)?;
                if next != target {
                    self.bind(next);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(test, next, false)?;
                self.jump_if(body, target, cond)?;
                self.emit_jump(Opcode::JUMP_FORWARD, end);
                self.bind(next);
                self.jump_if(orelse, target, cond)?;
                self.bind(end);
                return Ok(());
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } if ops.len() > 1 && ops.len() == comparators.len() => {
                let cleanup = self.new_label();
                self.visit_expr(left)?;
                let n = ops.len() - 1;
                for (op, comparator) in ops[..n].iter().zip(comparators) {
                    self.visit_expr(comparator)?;
                    self.set_loc(e.range);
                    self.emit(Opcode::SWAP, 2);
                    self.emit(Opcode::COPY, 2);
                    self.compare_op(*op);
                    self.emit_jump(Opcode::POP_JUMP_IF_FALSE, cleanup);
                }
                self.visit_expr(&comparators[n])?;
                self.set_loc(e.range);
                self.compare_op(ops[n]);
                let op = if cond {
                    Opcode::POP_JUMP_IF_TRUE
                } else {
                    Opcode::POP_JUMP_IF_FALSE
                };
                self.emit_jump(op, target);
                let end = self.new_label();
                self.emit_jump(Opcode::JUMP_FORWARD, end);
                self.bind(cleanup);
                self.emit(Opcode::POP_TOP, 0);
                if !cond {
                    self.emit_jump(Opcode::JUMP_FORWARD, target);
                }
                self.bind(end);
                return Ok(());
            }
            _ => {}
        }
        if let ExprKind::Compare {
            left,
            ops,
            comparators,
        } = &e.kind
        {
            // `x is None` / `x is not None` test without a comparison (CPython's flowgraph
            // makes the same `POP_JUMP_IF_NONE`/`POP_JUMP_IF_NOT_NONE`).
            if let ([op @ (CmpOp::Is | CmpOp::IsNot)], [right]) = (&ops[..], &comparators[..]) {
                if is_none(right) {
                    self.visit_expr(left)?;
                    self.set_loc(e.range);
                    let jump_if_none = (*op == CmpOp::Is) == cond;
                    let op = if jump_if_none {
                        Opcode::POP_JUMP_IF_NONE
                    } else {
                        Opcode::POP_JUMP_IF_NOT_NONE
                    };
                    self.emit_jump(op, target);
                    return Ok(());
                }
            }
        }
        if let Some(truth) = constant_truth(e) {
            if truth == cond {
                self.emit_jump(Opcode::JUMP_FORWARD, target);
            }
            return Ok(());
        }
        self.visit_expr(e)?;
        self.set_loc(e.range);
        let op = if cond {
            Opcode::POP_JUMP_IF_TRUE
        } else {
            Opcode::POP_JUMP_IF_FALSE
        };
        self.emit_jump(op, target);
        Ok(())
    }
}

fn is_none(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Constant {
            value: Constant::None,
            ..
        }
    )
}

/// The truth value of a constant test (`while True`, `if __debug__`), known at compile time.
fn constant_truth(e: &Expr) -> Option<bool> {
    match &e.kind {
        ExprKind::Constant { value, .. } => Some(match value {
            Constant::None => false,
            Constant::Bool(b) => *b,
            Constant::Ellipsis => true,
            Constant::Int(i) => !i.is_zero(),
            Constant::Float(f) => *f != 0.0,
            Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
            Constant::Str(s) => !s.is_empty(),
            Constant::Bytes(b) => !b.is_empty(),
        }),
        ExprKind::Name {
            id,
            ctx: ExprContext::Load,
        } if id == "__debug__" => Some(true),
        _ => None,
    }
}
