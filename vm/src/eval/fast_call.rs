//! The dispatch loop's fast path for `CALL` of a plain Python function given exactly its
//! positional parameters (CPython's `CALL_PY_EXACT_ARGS` and `CALL_BOUND_METHOD_EXACT_ARGS`):
//! the arguments go from the caller's stack straight into the new frame's locals, with no
//! argument vector and no binding. Anything else returns `None` for the generic call.

use protopy_compiler::bytecode::flags;
use protopy_objects::Value;

use super::{frame::Frame, Exit, Step};
use crate::thread::Vm;
use crate::types::function::Function;

/// Code flags that need nothing from the binder: every other flag (generators, `*args`,
/// `**kwargs`, and any flag added later) takes the generic path.
const PLAIN: u32 =
    flags::OPTIMIZED | flags::NEWLOCALS | flags::NESTED | flags::HAS_DOCSTRING | flags::METHOD;

/// Whether `func` is a plain Python function that [`call_exact`] can run with `n` arguments.
pub fn takes_exactly(vm: &Vm, func: Value, n: usize) -> bool {
    vm.opaque::<Function>(func).is_some_and(|f| {
        let co = &f.data.co;
        co.argcount as usize == n && co.kwonlyargcount == 0 && co.flags & !PLAIN == 0
    })
}

/// Runs the plain Python function `func` (see [`takes_exactly`]) on `args`.
pub fn call_exact(vm: &mut Vm, func: Value, args: &[Value]) -> crate::thread::PyResult<Value> {
    let Some(f) = vm.opaque::<Function>(func) else {
        return Err(vm.type_error("not a function"));
    };
    let (code, data, globals, builtins) = (f.code, f.data.clone(), f.globals, f.builtins);
    let pool = &mut vm.frame_pool;
    let frame = Frame::pooled(pool, code, data, globals, builtins, Value::NULL);
    vm.frames.push(frame);
    let frame = vm.f();
    frame.func = func;
    let n = args.len().min(frame.fast.len());
    frame.fast[..n].copy_from_slice(&args[..n]);
    match super::run_pushed(vm)? {
        Exit::Return(v) | Exit::Yield(v) => Ok(v),
    }
}

/// `CALL n` (without keywords): `callable, self_or_null, args...` on the stack.
pub fn call(vm: &mut Vm, n: usize) -> Option<Step> {
    let f = vm.f();
    let base = f.stack.len().checked_sub(n + 2)?;
    let (callable, self_or_null) = (f.stack[base], f.stack[base + 1]);
    let func = vm.opaque::<Function>(callable)?;
    let co = &func.data.co;
    let first = usize::from(self_or_null.is_null()) + base + 1;
    let nargs = n + usize::from(!self_or_null.is_null());
    if co.argcount as usize != nargs || co.kwonlyargcount != 0 || co.flags & !PLAIN != 0 {
        return None;
    }
    let (code, data, globals, builtins) =
        (func.code, func.data.clone(), func.globals, func.builtins);
    let pool = &mut vm.frame_pool;
    let mut frame = Frame::pooled(pool, code, data, globals, builtins, Value::NULL);
    frame.func = callable;
    let f = vm.f();
    frame.fast[..nargs].copy_from_slice(&f.stack[first..]);
    // The new frame now holds (and roots) the callable and the arguments.
    f.stack.truncate(base);
    vm.frames.push(frame);
    let r = super::run_pushed(vm);
    Some(match r {
        Ok(Exit::Return(v) | Exit::Yield(v)) => {
            vm.f().push(v);
            Ok(None)
        }
        Err(e) => Err(e),
    })
}
