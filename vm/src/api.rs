//! The embedding API (CPython's Python/pythonrun.c `PyRun_*` and `Py_RunMain`'s exit-status
//! rules): start an interpreter, run source as `__main__`, and turn an uncaught exception into
//! the traceback text and exit status.

use std::sync::Arc;

use protopy_objects::Value;

use crate::eval::{self, frame::Frame, Exit};
use crate::protocols;
use crate::runtime::{Config, Runtime, StartError, Ty};
use crate::thread::{PyErr, Vm};
use crate::traceback::{self, ExceptionSummary};
use crate::types::{self, dict, exceptions::ExcData, function::Code};

/// protopy's exit status for an uncaught exception (CPython's is 1).
pub const EXIT_UNCAUGHT: u8 = 70;

/// One interpreter with its main thread.
pub struct Interpreter {
    pub vm: Vm,
}

/// How running a program ended.
pub enum Outcome {
    /// Normal completion or `sys.exit`: the exit status; text to print on stderr first.
    Exit(u8, String),
}

impl Interpreter {
    /// A fresh interpreter: builtin types, `builtins` and the native modules.
    pub fn new(config: Config) -> Result<Interpreter, String> {
        let (rt, m) = Runtime::new(config)
            .map_err(|e: StartError| format!("cannot start the runtime: {e:?}"))?;
        let mut vm = Vm::with_mutator(Arc::clone(&rt), m);
        let setup = types::install_all(&mut vm)
            .and_then(|()| crate::builtins::install(&mut vm))
            .and_then(|()| crate::modules::install_all(&mut vm));
        if let Err(e) = setup {
            let text = describe(&mut vm, e, "");
            return Err(format!("cannot start the runtime: {text}"));
        }
        Ok(Interpreter { vm })
    }

    /// Runs `code`, compiled from `source`, as the `__main__` module.
    pub fn run_main(
        &mut self,
        code: protopy_compiler::bytecode::CodeObject,
        source: &str,
        filename: &str,
    ) -> Outcome {
        let vm = &mut self.vm;
        match run_code(vm, code, filename) {
            Ok(()) => Outcome::Exit(0, String::new()),
            Err(e) => exit_for(vm, e, source, filename),
        }
    }
}

fn run_code(
    vm: &mut Vm,
    code: protopy_compiler::bytecode::CodeObject,
    filename: &str,
) -> Result<(), PyErr> {
    let code = types::function::new_code(vm, code)?;
    vm.temps.push(code);
    let globals = vm.new_dict()?;
    vm.temps.push(globals);
    for (k, v) in [
        ("__name__", vm.new_str("__main__")?),
        ("__builtins__", vm.rt.builtins),
        ("__doc__", Value::NONE),
    ] {
        dict::set_str(vm, globals, k, v)?;
    }
    crate::import::init_main(vm, globals, filename)?;
    let Some(data) = vm.opaque::<Code>(code).map(|c| c.0.clone()) else {
        return Err(vm.new_error(Ty::SystemError, "bad code object"));
    };
    let builtins = vm.rt.builtins;
    let frame = Frame::new(code, data, globals, builtins, globals);
    let (_, r) = eval::run_frame(vm, frame);
    vm.temps.clear();
    match r? {
        Exit::Return(_) | Exit::Yield(_) => Ok(()),
    }
}

/// The exit status and stderr text for an uncaught exception (`SystemExit` included).
fn exit_for(vm: &mut Vm, e: PyErr, source: &str, filename: &str) -> Outcome {
    if vm.err_is(&e, Ty::SystemExit) {
        let args = crate::types::exceptions::args_of(vm, e.exc);
        let code = vm.tuple_items(args).and_then(|t| match t {
            [] => None,
            [one] => Some(*one),
            _ => Some(args),
        });
        return match code {
            None => Outcome::Exit(0, String::new()),
            Some(c) if c.is_none() => Outcome::Exit(0, String::new()),
            Some(c) => match c.as_small_int() {
                Some(n) => Outcome::Exit(n as u8, String::new()),
                None => {
                    let s = protocols::repr::str(vm, c).unwrap_or_default();
                    Outcome::Exit(1, format!("{s}\n"))
                }
            },
        };
    }
    let main_file = filename.to_string();
    let lines: Vec<&str> = source.lines().collect();
    let getline = move |f: &str, n: u32| -> Option<String> {
        if n == 0 {
            return None;
        }
        if f != main_file {
            return crate::import::source_line(f, n);
        }
        lines.get(n as usize - 1).map(|l| format!("{l}\n"))
    };
    let text = describe_with(vm, e, &getline);
    Outcome::Exit(EXIT_UNCAUGHT, text)
}

fn describe(vm: &mut Vm, e: PyErr, _source: &str) -> String {
    describe_with(vm, e, &|_: &str, _: u32| None)
}

/// The traceback text of `e` with its chain of causes and contexts.
fn describe_with(vm: &mut Vm, e: PyErr, getline: &dyn Fn(&str, u32) -> Option<String>) -> String {
    let mut summaries: Vec<ExceptionSummary> = Vec::new();
    let mut seen: Vec<Value> = Vec::new();
    summarize(vm, e.exc, &mut summaries, &mut seen);
    traceback::format_exception(&summaries, 0, &traceback::Options::default(), getline)
}

/// Adds `exc` (and its cause and context) to `out`; returns its index.
fn summarize(
    vm: &mut Vm,
    exc: Value,
    out: &mut Vec<ExceptionSummary>,
    seen: &mut Vec<Value>,
) -> usize {
    if let Some(i) = seen.iter().position(|&v| v == exc) {
        return i;
    }
    let index = out.len();
    seen.push(exc);
    out.push(ExceptionSummary::default());
    let ty = vm.type_of(exc);
    let qualname = types::typeobj::type_name(vm, ty);
    let module = {
        let d = types::typeobj::type_dict(vm, ty);
        dict::get_str(vm, d, "__module__")
            .ok()
            .flatten()
            .and_then(|m| vm.rust_str(m))
    };
    let message =
        protocols::repr::str(vm, exc).unwrap_or_else(|_| "<exception str() failed>".into());
    let (entries, cause, context, suppress) = match vm.opaque::<ExcData>(exc) {
        Some(d) => (
            d.traceback.lock().clone(),
            *d.cause.lock(),
            *d.context.lock(),
            d.suppress_context
                .load(std::sync::atomic::Ordering::Relaxed),
        ),
        None => (Vec::new(), Value::NONE, Value::NONE, false),
    };
    let frames = entries
        .iter()
        .rev()
        .filter_map(|&(code, lasti)| {
            let c = vm.opaque::<Code>(code)?;
            let co = &c.0.co;
            let loc = co.locations.get(lasti as usize).copied();
            Some(traceback::Frame {
                filename: co.filename.clone(),
                name: co.name.clone(),
                lineno: loc.map(|l| l.line).filter(|&l| l > 0),
                end_lineno: loc.map(|l| l.end_line),
                col_offset: loc.map(|l| l.col),
                end_col_offset: loc.map(|l| l.end_col),
            })
        })
        .collect();
    let cause = (!cause.is_none()).then(|| summarize(vm, cause, out, seen));
    let context = (!context.is_none()).then(|| summarize(vm, context, out, seen));
    out[index] = ExceptionSummary {
        type_name: traceback::type_display_name(module.as_deref(), &qualname),
        message,
        frames,
        cause,
        context,
        suppress_context: suppress,
        ..ExceptionSummary::default()
    };
    index
}
