//! Frames (CPython's `_PyInterpreterFrame`, Include/internal/pycore_interpframe.h): the code being
//! run, its fast locals ("localsplus"), the value stack and the instruction pointer.

use std::sync::Arc;

use protopy_objects::{Tracer, Value};

use crate::types::function::CodeData;

/// Buffers of finished frames kept for the next frames of a thread (`Vm::frame_pool`): a call
/// then allocates nothing for its locals and stack (CPython allocates frames in per-thread
/// chunks likewise). Up to two buffers per frame at the default recursion limit are kept, so
/// recursion a thousand deep, repeated, allocates nothing (at most 2,048 x 256 values, 4 MiB).
#[derive(Default)]
pub struct FramePool {
    buffers: Vec<Vec<Value>>,
}

const POOL_KEEP: usize = 2048;
/// Larger buffers are freed rather than kept.
const POOL_MAX_CAPACITY: usize = 256;
/// The least capacity a new buffer gets: the pool serves both locals and stacks, so a buffer
/// that held one frame's two locals must not need growing to be the next frame's stack.
const POOL_MIN_CAPACITY: usize = 32;

impl FramePool {
    /// An empty buffer with room for `n` values.
    #[inline]
    fn take(&mut self, n: usize) -> Vec<Value> {
        let mut v = self
            .buffers
            .pop()
            .unwrap_or_else(|| Vec::with_capacity(n.max(POOL_MIN_CAPACITY)));
        v.reserve(n);
        v
    }

    #[inline]
    fn give(&mut self, mut v: Vec<Value>) {
        if v.capacity() == 0 || v.capacity() > POOL_MAX_CAPACITY || self.buffers.len() >= POOL_KEEP
        {
            return;
        }
        v.clear();
        self.buffers.push(v);
    }

    /// Pops the top frame of `frames`, keeping its buffers, without moving it out first.
    #[inline]
    pub fn recycle_top(&mut self, frames: &mut Vec<Frame>) {
        let Some(f) = frames.last_mut() else {
            return;
        };
        let (fast, stack) = (std::mem::take(&mut f.fast), std::mem::take(&mut f.stack));
        frames.truncate(frames.len() - 1);
        self.give(fast);
        self.give(stack);
    }
}

pub struct Frame {
    /// The code object (keeps `code`'s constants alive).
    pub code_obj: Value,
    pub code: Arc<CodeData>,
    /// The function being run, or NULL for module and class bodies.
    pub func: Value,
    pub globals: Value,
    pub builtins: Value,
    /// The locals mapping of module and class bodies; NULL in functions.
    pub locals: Value,
    pub fast: Vec<Value>,
    pub stack: Vec<Value>,
    /// The next instruction. (`u32`, as instruction indices are: with `lasti`, this keeps a
    /// frame within the 120 bytes that are moved inline on every call.)
    pub ip: u32,
    /// The instruction running (or that raised).
    pub lasti: u32,
    /// Set while a generator's frame runs: the generator object.
    pub generator: Value,
    /// Generators this frame holds the only reference to, in a loop's iterator slot or (a
    /// generator expression's) its `.0` argument (see `eval::gen_finalize`). Usually empty.
    pub owned: super::gen_finalize::OwnedList,
}

impl Frame {
    /// A frame with buffers of its own (see [`Frame::pooled`]).
    pub fn new(
        code_obj: Value,
        code: Arc<CodeData>,
        globals: Value,
        builtins: Value,
        locals: Value,
    ) -> Frame {
        Frame::pooled(
            &mut FramePool::default(),
            code_obj,
            code,
            globals,
            builtins,
            locals,
        )
    }

    /// A frame whose buffers come from `pool` (give them back with [`FramePool::recycle`]).
    #[inline]
    pub fn pooled(
        pool: &mut FramePool,
        code_obj: Value,
        code: Arc<CodeData>,
        globals: Value,
        builtins: Value,
        locals: Value,
    ) -> Frame {
        let n = code.co.nlocalsplus();
        let depth = code.co.max_stack_depth as usize;
        let mut fast = pool.take(n);
        fast.resize(n, Value::NULL);
        let stack = pool.take(depth + 2);
        Frame {
            code_obj,
            code,
            func: Value::NULL,
            globals,
            builtins,
            locals,
            fast,
            stack,
            ip: 0,
            lasti: 0,
            generator: Value::NULL,
            owned: Default::default(),
        }
    }

    /// Reports every value the frame holds.
    pub fn trace_into(&self, t: &mut Tracer) {
        self.for_each_value(|v| t.visit(v));
    }

    pub fn for_each_value(&self, mut f: impl FnMut(Value)) {
        for v in [
            self.code_obj,
            self.func,
            self.globals,
            self.builtins,
            self.locals,
            self.generator,
        ] {
            f(v);
        }
        self.fast.iter().for_each(|&v| f(v));
        self.stack.iter().for_each(|&v| f(v));
    }

    #[inline]
    pub fn push(&mut self, v: Value) {
        self.stack.push(v);
    }

    #[inline]
    pub fn pop(&mut self) -> Value {
        self.stack.pop().unwrap_or(Value::NULL)
    }

    /// `STACK[-i]` (1-based).
    #[inline]
    pub fn peek(&self, i: usize) -> Value {
        let n = self.stack.len();
        if i == 0 || i > n {
            return Value::NULL;
        }
        self.stack[n - i]
    }

    /// Pops the top `n` values, first pushed first.
    pub fn pop_n(&mut self, n: usize) -> Vec<Value> {
        let at = self.stack.len().saturating_sub(n);
        self.stack.split_off(at)
    }

    /// The current line.
    pub fn line(&self) -> u32 {
        self.code
            .co
            .locations
            .get(self.lasti as usize)
            .map(|l| l.line)
            .unwrap_or(0)
    }
}

impl protopy_objects::Trace for Frame {
    fn trace(&self, t: &mut Tracer) {
        self.trace_into(t);
    }
}
