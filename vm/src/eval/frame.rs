//! Frames (CPython's `_PyInterpreterFrame`, Include/internal/pycore_interpframe.h): the code being
//! run, its fast locals ("localsplus"), the value stack and the instruction pointer.

use std::sync::Arc;

use protopy_objects::{Tracer, Value};

use crate::types::function::CodeData;

/// Buffers of finished frames kept for the next frames of this thread: a call then allocates
/// nothing for its locals and stack (CPython allocates frames in per-thread chunks likewise).
const POOL_KEEP: usize = 64;
/// Larger buffers are freed rather than kept.
const POOL_MAX_CAPACITY: usize = 256;

thread_local! {
    static POOL: std::cell::RefCell<Vec<Vec<Value>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// An empty buffer, from the pool when it has one.
fn pooled_vec() -> Vec<Value> {
    POOL.with(|p| p.borrow_mut().pop()).unwrap_or_default()
}

fn return_to_pool(mut v: Vec<Value>) {
    if v.capacity() == 0 || v.capacity() > POOL_MAX_CAPACITY {
        return;
    }
    v.clear();
    POOL.with(|p| {
        let mut p = p.borrow_mut();
        if p.len() < POOL_KEEP {
            p.push(v);
        }
    });
}

impl Drop for Frame {
    fn drop(&mut self) {
        return_to_pool(std::mem::take(&mut self.fast));
        return_to_pool(std::mem::take(&mut self.stack));
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
    /// The next instruction.
    pub ip: usize,
    /// The instruction running (or that raised).
    pub lasti: usize,
    /// Set while a generator's frame runs: the generator object.
    pub generator: Value,
    /// Generators this frame holds the only reference to, in a loop's iterator slot or (a
    /// generator expression's) its `.0` argument (see `eval::gen_finalize`). Usually empty.
    pub owned: Vec<super::gen_finalize::Owned>,
}

impl Frame {
    pub fn new(
        code_obj: Value,
        code: Arc<CodeData>,
        globals: Value,
        builtins: Value,
        locals: Value,
    ) -> Frame {
        let n = code.co.nlocalsplus();
        let depth = code.co.max_stack_depth as usize;
        let mut fast = pooled_vec();
        fast.resize(n, Value::NULL);
        let mut stack = pooled_vec();
        stack.reserve(depth + 2);
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
            owned: Vec::new(),
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
            .get(self.lasti)
            .map(|l| l.line)
            .unwrap_or(0)
    }
}

impl protopy_objects::Trace for Frame {
    fn trace(&self, t: &mut Tracer) {
        self.trace_into(t);
    }
}
