//! Expressions: operators, comparisons, boolean and conditional expressions, displays with
//! unpacking, subscripts and slices, attribute loads, calls with every argument kind, and
//! `yield`/`yield from`. Mirrors the expression half of CPython 3.14's `Python/codegen.c`
//! (`codegen_visit_expr`, `codegen_call_helper`, `starunpack_helper`, `codegen_dict`, ...).

use super::{Compiler, Result};
use crate::ast::{BoolOp, CmpOp, Expr, ExprContext, ExprKind, Keyword, Operator, UnaryOp};
use crate::bytecode::opcodes::{INTRINSIC_LIST_TO_TUPLE, INTRINSIC_UNARY_POSITIVE, NB_SUBSCR};
use crate::bytecode::{Const, Location, Opcode};
use crate::pystr::PyStr;

/// CPython's `_PY_STACK_USE_GUIDELINE`: displays and calls bigger than this are built in steps.
const STACK_USE_GUIDELINE: usize = 30;

/// How a display collects its items: the build, add-one and add-many opcodes.
#[derive(Clone, Copy)]
pub(super) struct Collect {
    build: Opcode,
    add: Opcode,
    extend: Opcode,
    tuple: bool,
}

pub(super) const LIST: Collect = Collect {
    build: Opcode::BUILD_LIST,
    add: Opcode::LIST_APPEND,
    extend: Opcode::LIST_EXTEND,
    tuple: false,
};
pub(super) const TUPLE: Collect = Collect {
    tuple: true,
    ..LIST
};
const SET: Collect = Collect {
    build: Opcode::BUILD_SET,
    add: Opcode::SET_ADD,
    extend: Opcode::SET_UPDATE,
    tuple: false,
};

/// `BINARY_OP` argument of an operator.
pub(super) fn binop_arg(op: Operator) -> u32 {
    match op {
        Operator::Add => 0,
        Operator::BitAnd => 1,
        Operator::FloorDiv => 2,
        Operator::LShift => 3,
        Operator::MatMult => 4,
        Operator::Mult => 5,
        Operator::Mod => 6,
        Operator::BitOr => 7,
        Operator::Pow => 8,
        Operator::RShift => 9,
        Operator::Sub => 10,
        Operator::Div => 11,
        Operator::BitXor => 12,
    }
}

impl<'a> Compiler<'a> {
    pub(super) fn visit_expr(&mut self, e: &'a Expr) -> Result<()> {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
            let saved = self.set_loc(e.range);
            let result = self.visit_expr_inner(e);
            self.restore_loc(saved);
            result
        })
    }

    pub(super) fn visit_exprs(&mut self, exprs: &'a [Expr]) -> Result<()> {
        exprs.iter().try_for_each(|e| self.visit_expr(e))
    }

    fn visit_expr_inner(&mut self, e: &'a Expr) -> Result<()> {
        match &e.kind {
            ExprKind::Name {
                ctx: ExprContext::Store,
                ..
            }
            | ExprKind::Attribute {
                ctx: ExprContext::Store,
                ..
            }
            | ExprKind::Subscript {
                ctx: ExprContext::Store,
                ..
            }
            | ExprKind::List {
                ctx: ExprContext::Store,
                ..
            }
            | ExprKind::Tuple {
                ctx: ExprContext::Store,
                ..
            } => return self.store_target(e),
            ExprKind::Name {
                ctx: ExprContext::Del,
                ..
            }
            | ExprKind::Attribute {
                ctx: ExprContext::Del,
                ..
            }
            | ExprKind::Subscript {
                ctx: ExprContext::Del,
                ..
            }
            | ExprKind::List {
                ctx: ExprContext::Del,
                ..
            }
            | ExprKind::Tuple {
                ctx: ExprContext::Del,
                ..
            } => return self.delete_target(e),
            _ => {}
        }
        match &e.kind {
            ExprKind::BoolOp { op, values } => {
                let end = self.new_label();
                let jump = if *op == BoolOp::And {
                    Opcode::POP_JUMP_IF_FALSE
                } else {
                    Opcode::POP_JUMP_IF_TRUE
                };
                let (last, init) = values
                    .split_last()
                    .ok_or_else(|| self.internal("empty BoolOp"))?;
                for v in init {
                    self.visit_expr(v)?;
                    self.emit(Opcode::COPY, 1);
                    self.emit_jump(jump, end);
                    self.emit(Opcode::POP_TOP, 0);
                }
                self.visit_expr(last)?;
                self.bind(end);
            }
            ExprKind::NamedExpr { target, value } => {
                self.visit_expr(value)?;
                self.emit(Opcode::COPY, 1);
                self.store_target(target)?;
            }
            ExprKind::BinOp { left, op, right } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
                self.emit(Opcode::BINARY_OP, binop_arg(*op));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.visit_expr(operand)?;
                match op {
                    UnaryOp::Invert => self.emit(Opcode::UNARY_INVERT, 0),
                    UnaryOp::Not => self.emit(Opcode::UNARY_NOT, 0),
                    UnaryOp::UAdd => self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_UNARY_POSITIVE),
                    UnaryOp::USub => self.emit(Opcode::UNARY_NEGATIVE, 0),
                }
            }
            ExprKind::Lambda { args, body } => self.lambda(e, args, body)?,
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(test, next, false)?;
                self.visit_expr(body)?;
                self.emit_jump(Opcode::JUMP_FORWARD, end);
                self.bind(next);
                self.visit_expr(orelse)?;
                self.bind(end);
            }
            ExprKind::Dict { keys, values } => self.dict(keys, values)?,
            ExprKind::Set { elts } => self.set_display(elts)?,
            ExprKind::ListComp { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::DictComp { .. }
            | ExprKind::GeneratorExp { .. } => self.comprehension(e)?,
            ExprKind::Await { value } => {
                if !self.is_function_like() {
                    return Err(self.error("'await' outside function", e.range));
                }
                self.visit_expr(value)?;
                self.set_loc(e.range);
                self.await_top(0);
            }
            ExprKind::Yield { value } => {
                if !self.is_function_like() {
                    return Err(self.error("'yield' outside function", e.range));
                }
                match value {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_const(Const::None),
                }
                self.set_loc(e.range);
                self.emit_yield();
            }
            ExprKind::YieldFrom { value } => {
                if !self.is_function_like() {
                    return Err(self.error("'yield' outside function", e.range));
                }
                if self.in_async_function() {
                    return Err(self.error("'yield from' inside async function", e.range));
                }
                self.visit_expr(value)?;
                self.emit(Opcode::GET_YIELD_FROM_ITER, 0);
                self.load_const(Const::None);
                self.yield_from()?;
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare(e, left, ops, comparators)?,
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(func, args, keywords)?,
            ExprKind::FormattedValue { .. } | ExprKind::JoinedStr { .. } => self.fstring(e)?,
            ExprKind::TemplateStr { .. } => self.template_str(e)?,
            ExprKind::Interpolation { .. } => {
                return Err(self.internal("an interpolation outside a t-string"));
            }
            ExprKind::Constant { value, .. } => self.load_const(Self::constant(value)),
            ExprKind::Attribute { value, attr, .. } => {
                self.visit_expr(value)?;
                self.attr_loc(e, attr);
                let index = self.attr_name(attr);
                self.emit(Opcode::LOAD_ATTR, index << 1);
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.visit_expr(value)?;
                if let Some((lower, upper)) = two_element_slice(slice) {
                    self.slice_part(lower)?;
                    self.slice_part(upper)?;
                    self.set_loc(e.range);
                    self.emit(Opcode::BINARY_SLICE, 0);
                } else {
                    self.visit_expr(slice)?;
                    self.emit(Opcode::BINARY_OP, NB_SUBSCR);
                }
            }
            ExprKind::Starred { .. } => {
                return Err(self.error("can't use starred expression here", e.range))
            }
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Load, e.range)?,
            ExprKind::List { elts, .. } => self.starunpack(elts, 0, LIST)?,
            ExprKind::Tuple { elts, .. } => self.starunpack(elts, 0, TUPLE)?,
            ExprKind::Slice { lower, upper, step } => {
                self.slice_part(lower.as_deref())?;
                self.slice_part(upper.as_deref())?;
                let mut n = 2;
                if let Some(s) = step {
                    self.visit_expr(s)?;
                    n = 3;
                }
                self.emit(Opcode::BUILD_SLICE, n);
            }
        }
        Ok(())
    }

    /// The index of an attribute name (mangled inside a class).
    pub(super) fn attr_name(&mut self, attr: &str) -> u32 {
        let mangled = self.mangle(attr);
        self.name_index(&mangled)
    }

    /// An attribute access spanning lines is located at the attribute's name (CPython's
    /// `update_start_location_to_match_attr`).
    pub(super) fn attr_loc(&mut self, e: &Expr, attr: &str) {
        let loc = self.location(e.range);
        if loc.line != loc.end_line {
            let col = loc.end_col.saturating_sub(attr.len() as u32);
            self.u().loc = Location {
                line: loc.end_line,
                end_line: loc.end_line,
                col,
                end_col: loc.end_col,
            };
        } else {
            self.u().loc = loc;
        }
    }

    pub(super) fn slice_part(&mut self, part: Option<&'a Expr>) -> Result<()> {
        match part {
            Some(p) => self.visit_expr(p),
            None => {
                self.load_const(Const::None);
                Ok(())
            }
        }
    }

    /// `PUSH_NULL`, folded into a preceding `LOAD_GLOBAL` when possible.
    pub(super) fn push_null(&mut self) {
        let at_label = self.unit().at_label();
        if let Some(last) = self.u().instrs.last_mut() {
            if last.op == Opcode::LOAD_GLOBAL && last.arg & 1 == 0 && !at_label {
                last.arg |= 1;
                return;
            }
        }
        self.emit(Opcode::PUSH_NULL, 0);
    }

    pub(super) fn compare_op(&mut self, op: CmpOp) {
        let (opcode, arg) = match op {
            CmpOp::Lt => (Opcode::COMPARE_OP, 0),
            CmpOp::LtE => (Opcode::COMPARE_OP, 1),
            CmpOp::Eq => (Opcode::COMPARE_OP, 2),
            CmpOp::NotEq => (Opcode::COMPARE_OP, 3),
            CmpOp::Gt => (Opcode::COMPARE_OP, 4),
            CmpOp::GtE => (Opcode::COMPARE_OP, 5),
            CmpOp::Is => (Opcode::IS_OP, 0),
            CmpOp::IsNot => (Opcode::IS_OP, 1),
            CmpOp::In => (Opcode::CONTAINS_OP, 0),
            CmpOp::NotIn => (Opcode::CONTAINS_OP, 1),
        };
        self.emit(opcode, arg);
    }

    /// `a < b < c`: each middle operand is evaluated once, and evaluation stops at the first
    /// false comparison.
    fn compare(
        &mut self,
        e: &Expr,
        left: &'a Expr,
        ops: &[CmpOp],
        comparators: &'a [Expr],
    ) -> Result<()> {
        self.visit_expr(left)?;
        let n = ops.len();
        if n == 0 || comparators.len() != n {
            return Err(self.internal("malformed comparison"));
        }
        if n == 1 {
            self.visit_expr(&comparators[0])?;
            self.set_loc(e.range);
            self.compare_op(ops[0]);
            return Ok(());
        }
        let cleanup = self.new_label();
        for (op, comparator) in ops[..n - 1].iter().zip(comparators) {
            self.visit_expr(comparator)?;
            self.set_loc(e.range);
            self.emit(Opcode::SWAP, 2);
            self.emit(Opcode::COPY, 2);
            self.compare_op(*op);
            self.emit(Opcode::COPY, 1);
            self.emit_jump(Opcode::POP_JUMP_IF_FALSE, cleanup);
            self.emit(Opcode::POP_TOP, 0);
        }
        self.visit_expr(&comparators[n - 1])?;
        self.set_loc(e.range);
        self.compare_op(ops[n - 1]);
        let end = self.new_label();
        self.emit_jump(Opcode::JUMP_FORWARD, end);
        self.bind(cleanup);
        self.emit(Opcode::SWAP, 2);
        self.emit(Opcode::POP_TOP, 0);
        self.bind(end);
        Ok(())
    }

    /// A list, tuple or set display (or positional call arguments), with `pushed` items
    /// already on the stack (CPython's `starunpack_helper`).
    pub(super) fn starunpack(&mut self, elts: &'a [Expr], pushed: u32, how: Collect) -> Result<()> {
        let n = elts.len() as u32;
        let big = elts.len() + pushed as usize > STACK_USE_GUIDELINE;
        let starred = elts
            .iter()
            .any(|e| matches!(e.kind, ExprKind::Starred { .. }));
        if !starred && !big {
            self.visit_exprs(elts)?;
            let build = if how.tuple {
                Opcode::BUILD_TUPLE
            } else {
                how.build
            };
            self.emit(build, n + pushed);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(how.build, pushed);
            built = true;
        }
        for (i, elt) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = &elt.kind {
                if !built {
                    self.emit(how.build, i as u32 + pushed);
                    built = true;
                }
                self.visit_expr(value)?;
                self.emit(how.extend, 1);
            } else {
                self.visit_expr(elt)?;
                if built {
                    self.emit(how.add, 1);
                }
            }
        }
        if how.tuple {
            self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE);
        }
        Ok(())
    }

    /// A set display. Three or more constants become `BUILD_SET 0`, a frozenset constant and
    /// `SET_UPDATE 1`, as CPython's `optimize_lists_and_sets` (Python/flowgraph.c) folds them;
    /// the set's slot order is then the order of iterating that frozenset.
    fn set_display(&mut self, elts: &'a [Expr]) -> Result<()> {
        let consts: Option<Vec<Const>> = elts
            .iter()
            .map(|e| match &e.kind {
                ExprKind::Constant { value, .. } => Some(Self::constant(value)),
                _ => None,
            })
            .collect();
        match consts {
            Some(items) if items.len() >= 3 && items.len() <= STACK_USE_GUIDELINE => {
                self.emit(Opcode::BUILD_SET, 0);
                self.load_const(Const::FrozenSet(items));
                self.emit(Opcode::SET_UPDATE, 1);
                Ok(())
            }
            _ => self.starunpack(elts, 0, SET),
        }
    }

    /// A dict display: runs of `key: value` pairs become `BUILD_MAP`s merged with `**`
    /// mappings by `DICT_UPDATE`, in order.
    fn dict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr]) -> Result<()> {
        let mut have_dict = false;
        let mut pending = 0u32;
        for (key, value) in keys.iter().zip(values) {
            match key {
                None => {
                    self.flush_pairs(&mut pending, &mut have_dict);
                    if !have_dict {
                        self.emit(Opcode::BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.visit_expr(value)?;
                    self.emit(Opcode::DICT_UPDATE, 1);
                }
                Some(k) => {
                    if 2 * pending as usize >= STACK_USE_GUIDELINE {
                        self.flush_pairs(&mut pending, &mut have_dict);
                    }
                    self.visit_expr(k)?;
                    self.visit_expr(value)?;
                    pending += 1;
                }
            }
        }
        self.flush_pairs(&mut pending, &mut have_dict);
        if !have_dict {
            self.emit(Opcode::BUILD_MAP, 0);
        }
        Ok(())
    }

    fn flush_pairs(&mut self, pending: &mut u32, have_dict: &mut bool) {
        if *pending == 0 {
            return;
        }
        self.emit(Opcode::BUILD_MAP, *pending);
        if *have_dict {
            self.emit(Opcode::DICT_UPDATE, 1);
        }
        *have_dict = true;
        *pending = 0;
    }

    /// A call (CPython's `codegen_call`): `obj.method(...)` loads the method without binding
    /// it; other callables get a NULL `self` slot.
    fn call(&mut self, func: &'a Expr, args: &'a [Expr], keywords: &'a [Keyword]) -> Result<()> {
        self.validate_keywords(keywords)?;
        let simple = !args
            .iter()
            .any(|a| matches!(a.kind, ExprKind::Starred { .. }))
            && keywords.iter().all(|k| k.arg.is_some())
            && args.len() + keywords.len() < STACK_USE_GUIDELINE;
        if let (
            true,
            ExprKind::Attribute {
                value,
                attr,
                ctx: ExprContext::Load,
            },
        ) = (simple, &func.kind)
        {
            self.visit_expr(value)?;
            let saved = self.set_loc(func.range);
            self.attr_loc(func, attr);
            let index = self.attr_name(attr);
            self.emit(Opcode::LOAD_ATTR, (index << 1) | 1);
            self.restore_loc(saved);
            return self.call_args(0, args, keywords);
        }
        self.visit_expr(func)?;
        self.push_null();
        self.call_args(0, args, keywords)
    }

    /// `keyword argument repeated` and `__debug__` keywords (CPython's
    /// `codegen_validate_keywords`).
    pub(super) fn validate_keywords(&self, keywords: &[Keyword]) -> Result<()> {
        for (i, kw) in keywords.iter().enumerate() {
            let Some(name) = &kw.arg else { continue };
            if name == "__debug__" {
                return Err(self.error("cannot assign to __debug__", kw.range));
            }
            if let Some(dup) = keywords[i + 1..]
                .iter()
                .find(|k| k.arg.as_deref() == Some(name))
            {
                return Err(self.error(format!("keyword argument repeated: {name}"), dup.range));
            }
        }
        Ok(())
    }

    /// The arguments of a call whose callable and `pushed` leading arguments are on the stack,
    /// and the call itself (CPython's `codegen_call_helper`).
    pub(super) fn call_args(
        &mut self,
        pushed: u32,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> Result<()> {
        self.call_args_injected(pushed, args, keywords, None)
    }

    /// [`Self::call_args`] with the value of the hidden variable `injected` as one more
    /// positional argument after `args` (CPython's `injected_arg`: a generic class's
    /// `.generic_base`).
    pub(super) fn call_args_injected(
        &mut self,
        pushed: u32,
        args: &'a [Expr],
        keywords: &'a [Keyword],
        injected: Option<&str>,
    ) -> Result<()> {
        let starred = args
            .iter()
            .any(|a| matches!(a.kind, ExprKind::Starred { .. }));
        let double_starred = keywords.iter().any(|k| k.arg.is_none());
        if !starred && !double_starred && args.len() + 2 * keywords.len() <= STACK_USE_GUIDELINE {
            self.visit_exprs(args)?;
            let mut n = pushed + args.len() as u32 + keywords.len() as u32;
            if let Some(name) = injected {
                self.nameop(name, ExprContext::Load, crate::text::TextRange::default())?;
                n += 1;
            }
            if keywords.is_empty() {
                self.emit(Opcode::CALL, n);
            } else {
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
                let names = keywords
                    .iter()
                    .map(|k| Const::Str(PyStr::from(k.arg.as_deref().unwrap_or(""))))
                    .collect();
                self.load_const(Const::Tuple(names));
                self.emit(Opcode::CALL_KW, n);
            }
            return Ok(());
        }
        match args {
            [Expr {
                kind: ExprKind::Starred { value, .. },
                ..
            }] if pushed == 0 && injected.is_none() => self.visit_expr(value)?,
            _ => self.starunpack(args, pushed, TUPLE)?,
        }
        if let Some(name) = injected {
            self.nameop(name, ExprContext::Load, crate::text::TextRange::default())?;
            self.emit(Opcode::BUILD_TUPLE, 1);
            self.emit(Opcode::BINARY_OP, 0);
        }
        if keywords.is_empty() {
            self.emit(Opcode::PUSH_NULL, 0);
        } else {
            let mut have_dict = false;
            let mut run: Vec<&'a Keyword> = Vec::new();
            for k in keywords {
                if k.arg.is_some() {
                    run.push(k);
                    continue;
                }
                self.keyword_run(&mut run, &mut have_dict)?;
                if !have_dict {
                    self.emit(Opcode::BUILD_MAP, 0);
                    have_dict = true;
                }
                self.visit_expr(&k.value)?;
                self.emit(Opcode::DICT_MERGE, 1);
            }
            self.keyword_run(&mut run, &mut have_dict)?;
        }
        self.emit(Opcode::CALL_FUNCTION_EX, 0);
        Ok(())
    }

    /// Named keyword arguments gathered into a dict (CPython's `codegen_subkwargs`).
    fn keyword_run(&mut self, run: &mut Vec<&'a Keyword>, have_dict: &mut bool) -> Result<()> {
        if run.is_empty() {
            return Ok(());
        }
        for k in run.iter() {
            self.load_const(Const::Str(PyStr::from(k.arg.as_deref().unwrap_or(""))));
            self.visit_expr(&k.value)?;
        }
        self.emit(Opcode::BUILD_MAP, run.len() as u32);
        if *have_dict {
            self.emit(Opcode::DICT_MERGE, 1);
        }
        *have_dict = true;
        run.clear();
        Ok(())
    }

    /// `await` of the value on top (CPython's `GET_AWAITABLE` + `ADD_YIELD_FROM`); `source`
    /// is `GET_AWAITABLE`'s argument (0 `await`, 1 `__aenter__`, 2 `__aexit__`).
    pub(super) fn await_top(&mut self, source: u32) {
        self.emit(Opcode::GET_AWAITABLE, source);
        self.load_const(Const::None);
        self.yield_from_loop();
    }

    /// A `yield` of the value on top; an async generator marks the values it yields itself
    /// (CPython's `codegen_addop_yield`).
    pub(super) fn emit_yield(&mut self) {
        if self.ste().is_some_and(|s| s.generator && s.coroutine) {
            self.emit(
                Opcode::CALL_INTRINSIC_1,
                crate::bytecode::opcodes::INTRINSIC_ASYNC_GEN_WRAP,
            );
        }
        self.emit(Opcode::YIELD_VALUE, 0);
    }

    /// The `yield from` loop (CPython's `codegen_add_yield_from`): the sub-iterator and the
    /// value to send are on the stack; leaves the sub-iterator's return value.
    pub(super) fn yield_from(&mut self) -> Result<()> {
        self.yield_from_loop();
        Ok(())
    }

    fn yield_from_loop(&mut self) {
        let send = self.new_label();
        let fail = self.new_label();
        let exit = self.new_label();
        self.bind(send);
        self.emit_jump(Opcode::SEND, exit);
        self.emit_jump(Opcode::SETUP_FINALLY, fail);
        self.emit(Opcode::YIELD_VALUE, 1);
        self.emit(Opcode::POP_BLOCK, 0);
        self.emit_jump(Opcode::JUMP_BACKWARD_NO_INTERRUPT, send);
        self.bind(fail);
        self.emit(Opcode::CLEANUP_THROW, 0);
        self.bind(exit);
        self.emit(Opcode::END_SEND, 0);
    }
}

/// `x[a:b]` without a step compiles to `BINARY_SLICE`/`STORE_SLICE`.
pub(super) fn two_element_slice(slice: &Expr) -> Option<(Option<&Expr>, Option<&Expr>)> {
    match &slice.kind {
        ExprKind::Slice {
            lower,
            upper,
            step: None,
        } => Some((lower.as_deref(), upper.as_deref())),
        _ => None,
    }
}
