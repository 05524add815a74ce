//! The embedding API for more than one OS thread (CPython's `PyThreadState_New`,
//! `PyRun_String` with explicit globals, `Py_BEGIN_ALLOW_THREADS`): attach a thread to a running
//! interpreter, share a module namespace between threads, run source in it, evaluate
//! expressions, and wait outside Python so that other threads can collect.

use std::sync::Arc;

use protopy_objects::Value;

use super::{describe_with, source_lines, Interpreter};
use crate::eval::{self, frame::Frame, Exit};
use crate::protocols;
use crate::runtime::{Runtime, Ty};
use crate::thread::{PyErr, Vm};
use crate::types::{self, dict, function::Code};

impl Interpreter {
    /// The runtime every thread of this interpreter shares.
    pub fn runtime(&self) -> Arc<Runtime> {
        Arc::clone(&self.vm.rt)
    }

    /// Attaches the calling OS thread to `rt` (another thread of the same interpreter: same
    /// heap, builtins and modules).
    pub fn attach(rt: &Arc<Runtime>) -> Result<Interpreter, String> {
        Vm::attach(rt)
            .map(|vm| Interpreter { vm })
            .map_err(|e| format!("cannot attach a thread: {e:?}"))
    }

    /// A new module namespace named `name` (a dict with `__name__` and `__builtins__`) that
    /// stays alive as long as the runtime does, so any thread may run code in it.
    pub fn new_namespace(&mut self, name: &str) -> Result<Value, String> {
        let vm = &mut self.vm;
        let made = (|| {
            let globals = vm.new_dict()?;
            vm.rt.heap.add_root(globals);
            let n = vm.new_str(name)?;
            dict::set_str(vm, globals, "__name__", n)?;
            dict::set_str(vm, globals, "__builtins__", vm.rt.builtins)?;
            Ok::<Value, PyErr>(globals)
        })();
        made.map_err(|e| describe_with(vm, e, &|_: &str, _: u32| None))
    }

    /// Runs `source` (a module body, compiled as `filename`) with `globals` as its namespace.
    /// An uncaught exception comes back as its traceback text.
    pub fn exec(&mut self, source: &str, filename: &str, globals: Value) -> Result<(), String> {
        let code =
            protopy_compiler::compile_module(source, filename).map_err(|e| format!("{e:?}"))?;
        let vm = &mut self.vm;
        let mark = vm.temps.len();
        let r = run_in(vm, code, globals);
        vm.temps.truncate(mark);
        r.map(|_| ())
            .map_err(|e| describe_with(vm, e, &source_lines(source, filename)))
    }

    /// The `repr` of the value `globals[name]`, or None when it is not set.
    pub fn repr_of(&mut self, globals: Value, name: &str) -> Result<Option<String>, String> {
        let vm = &mut self.vm;
        let r = (|| {
            let Some(v) = dict::get_str(vm, globals, name)? else {
                return Ok(None);
            };
            Ok::<Option<String>, PyErr>(Some(protocols::repr::repr(vm, v)?))
        })();
        r.map_err(|e| describe_with(vm, e, &|_: &str, _: u32| None))
    }

    /// Runs `f`, which blocks (joins threads, waits on I/O), as a thread outside Python: other
    /// threads may collect garbage meanwhile.
    pub fn blocking<R>(&mut self, f: impl FnOnce() -> R) -> R {
        self.vm.blocking(f)
    }
}

/// Runs compiled module code with `globals` as its namespace (the code object stays in
/// `vm.temps` for the caller to truncate); the value it returned.
pub(super) fn run_in(
    vm: &mut Vm,
    code: protopy_compiler::bytecode::CodeObject,
    globals: Value,
) -> Result<Value, PyErr> {
    if vm.dict_data(globals).is_none() {
        return Err(vm.type_error("globals must be a dict"));
    }
    let code = types::function::new_code(vm, code)?;
    vm.temps.push(code);
    let Some(data) = vm.opaque::<Code>(code).map(|c| c.0.clone()) else {
        return Err(vm.new_error(Ty::SystemError, "bad code object"));
    };
    let builtins = vm.rt.builtins;
    let frame = Frame::new(code, data, globals, builtins, globals);
    let (_, r) = eval::run_frame(vm, frame);
    match r? {
        Exit::Return(v) | Exit::Yield(v) => Ok(v),
    }
}
