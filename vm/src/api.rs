//! The embedding API (CPython's Python/pythonrun.c `PyRun_*` and `Py_RunMain`'s exit-status
//! rules): start an interpreter, run source as `__main__`, and turn an uncaught exception into
//! the traceback text and exit status.

use std::sync::Arc;

use protopy_objects::Value;

use crate::protocols;
use crate::runtime::{Config, Runtime, StartError, Ty};
use crate::thread::{PyErr, Vm};
use crate::traceback::{self, ExceptionSummary};
use crate::types::{self, dict, exceptions::ExcData, function::Code};

mod threads;

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
    /// An uncaught `KeyboardInterrupt`: after printing its traceback, the process ends by
    /// `SIGINT` as CPython's does (`exit_sigint` in Modules/main.c).
    Interrupted(String),
}

impl Interpreter {
    /// A fresh interpreter: builtin types, `builtins` and the native modules.
    pub fn new(config: Config) -> Result<Interpreter, String> {
        Interpreter::with_heap(config, protopy_objects::HeapConfig::default())
    }

    /// [`Interpreter::new`] on a heap configured by `heap` (GC stress, thresholds).
    pub fn with_heap(
        config: Config,
        heap: protopy_objects::HeapConfig,
    ) -> Result<Interpreter, String> {
        let (rt, m) = Runtime::with_heap(config, heap)
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
    let globals = vm.new_dict()?;
    vm.temps.push(globals);
    let builtins_module = crate::import::builtins_module(vm)?;
    for (k, v) in [
        ("__name__", vm.new_str("__main__")?),
        ("__builtins__", builtins_module),
        ("__doc__", Value::NONE),
    ] {
        dict::set_str(vm, globals, k, v)?;
    }
    crate::import::init_main(vm, globals, filename)?;
    let r = threads::run_in(vm, code, globals);
    vm.temps.clear();
    r.map(|_| ())
}

/// The source lines a traceback shows: `filename`'s from `source`, other files' read from disk.
fn source_lines<'a>(source: &'a str, filename: &str) -> impl Fn(&str, u32) -> Option<String> + 'a {
    let main_file = filename.to_string();
    let lines: Vec<&str> = source.lines().collect();
    move |f: &str, n: u32| -> Option<String> {
        if n == 0 {
            return None;
        }
        if f != main_file {
            return crate::import::source_line(f, n);
        }
        lines.get(n as usize - 1).map(|l| format!("{l}\n"))
    }
}

/// The exit status and stderr text for an uncaught exception (`SystemExit` included), as
/// CPython's `_Py_HandleSystemExit`: `code` None is 0, an int is the status (its low 8 bits,
/// as the OS keeps them), anything else is printed and gives 1.
fn exit_for(vm: &mut Vm, e: PyErr, source: &str, filename: &str) -> Outcome {
    if vm.err_is(&e, Ty::SystemExit) {
        vm.temps.push(e.exc);
        let code = protocols::attr::getattr_str(vm, e.exc, "code").unwrap_or(e.exc);
        vm.temps.push(code);
        let outcome = if code.is_none() {
            Outcome::Exit(0, String::new())
        } else if let Some(n) = vm.int_of(code) {
            let status = num_traits::ToPrimitive::to_i64(&n.to_bigint()).map_or(255, |n| n as u8);
            Outcome::Exit(status, String::new())
        } else {
            let s = protocols::repr::str(vm, code).unwrap_or_default();
            Outcome::Exit(1, format!("{s}\n"))
        };
        vm.temps.truncate(vm.temps.len() - 2);
        return outcome;
    }
    let getline = source_lines(source, filename);
    let interrupted = vm.err_is(&e, Ty::KeyboardInterrupt);
    let text = describe_with(vm, e, &getline);
    if interrupted {
        return Outcome::Interrupted(text);
    }
    Outcome::Exit(EXIT_UNCAUGHT, text)
}

fn describe(vm: &mut Vm, e: PyErr, _source: &str) -> String {
    describe_with(vm, e, &|_: &str, _: u32| None)
}

/// The traceback text of `e` with its chain of causes and contexts.
fn describe_with(vm: &mut Vm, e: PyErr, getline: &dyn Fn(&str, u32) -> Option<String>) -> String {
    let mut summaries: Vec<ExceptionSummary> = Vec::new();
    let mut seen: Vec<Value> = Vec::new();
    // Every exception of the chain is reachable from the root, kept alive while `str()`
    // and `__notes__` run Python code.
    vm.temps.push(e.exc);
    summarize(vm, e.exc, &mut summaries, &mut seen);
    vm.temps.pop();
    traceback::format_exception(&summaries, 0, &traceback::Options::default(), getline)
}

/// The text CPython's default `sys.unraisablehook` writes for `exc` after its
/// `Exception ignored ...:` line: the traceback without carets (the C traceback printer's
/// form), or the running frame when `exc` has none, then `Type: message`; no chained
/// exceptions.
pub(crate) fn describe_unraisable(vm: &mut Vm, exc: Value) -> String {
    let mut summaries: Vec<ExceptionSummary> = Vec::new();
    vm.temps.push(exc);
    summarize(vm, exc, &mut summaries, &mut Vec::new());
    vm.temps.pop();
    summaries.truncate(1);
    let running = vm.frames.last().map(|f| {
        let loc = f.code.co.locations.get(f.lasti as usize).copied();
        traceback::Frame {
            filename: f.code.co.filename.clone(),
            name: f.code.co.name.clone(),
            lineno: loc.map(|l| l.line).filter(|&l| l > 0),
            end_lineno: None,
            col_offset: None,
            end_col_offset: None,
        }
    });
    let Some(root) = summaries.first_mut() else {
        return String::new();
    };
    root.cause = None;
    root.context = None;
    if root.frames.is_empty() {
        root.frames.extend(running);
    }
    for f in &mut root.frames {
        f.col_offset = None;
        f.end_col_offset = None;
    }
    let getline = |f: &str, n: u32| (n > 0).then(|| crate::import::source_line(f, n)).flatten();
    traceback::format_exception(&summaries, 0, &traceback::Options::default(), &getline)
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
    let mut message =
        protocols::repr::str(vm, exc).unwrap_or_else(|_| "<exception str() failed>".into());
    message.push_str(&crate::suggestions::suffix(vm, exc));
    let notes = notes_of(vm, exc);
    let syntax_error = if vm.is_instance_ty(exc, Ty::SyntaxError) {
        Some(syntax_info(vm, exc))
    } else {
        None
    };
    let (tb, cause, context, suppress) = match vm.opaque::<ExcData>(exc) {
        Some(d) => (
            *d.traceback.lock(),
            *d.cause.lock(),
            *d.context.lock(),
            d.suppress_context
                .load(std::sync::atomic::Ordering::Relaxed),
        ),
        None => (Value::NONE, Value::NONE, Value::NONE, false),
    };
    let entries = types::tbobject::entries(vm, tb);
    let frames = entries
        .iter()
        .filter_map(|&(code, lasti)| {
            let c = vm.opaque::<Code>(code)?;
            let co = &c.0.co;
            let loc = types::tbobject::location_of(co, lasti);
            // The prologue has a line but no columns to underline.
            let cols = loc.filter(|_| lasti != types::tbobject::PROLOGUE_LASTI);
            Some(traceback::Frame {
                filename: co.filename.clone(),
                name: co.name.clone(),
                lineno: loc.map(|l| l.line).filter(|&l| l > 0),
                end_lineno: loc.map(|l| l.end_line),
                col_offset: cols.map(|l| l.col),
                end_col_offset: cols.map(|l| l.end_col),
            })
        })
        .collect();
    let cause = (!cause.is_none()).then(|| summarize(vm, cause, out, seen));
    let context = (!context.is_none()).then(|| summarize(vm, context, out, seen));
    out[index] = ExceptionSummary {
        type_name: traceback::type_display_name(module.as_deref(), &qualname),
        message,
        notes,
        frames,
        syntax_error,
        cause,
        context,
        suppress_context: suppress,
    };
    index
}

/// `__notes__` as the traceback module reads it.
fn notes_of(vm: &mut Vm, exc: Value) -> traceback::Notes {
    vm.temps.push(exc);
    let notes = protocols::attr::getattr_str(vm, exc, "__notes__");
    vm.temps.pop();
    let notes = match notes {
        Ok(n) if !n.is_none() => n,
        Ok(_) => return traceback::Notes::Absent,
        Err(e) if vm.err_is(&e, Ty::AttributeError) => return traceback::Notes::Absent,
        Err(_) => return traceback::Notes::Other("<__notes__ repr() failed>".into()),
    };
    vm.temps.push(notes);
    let items = match vm.layout_of(notes) {
        Ty::List => vm.list_data(notes).map(|l| l.snapshot()),
        Ty::Tuple => vm.tuple_items(notes).map(|t| t.to_vec()),
        _ => None,
    };
    let r = match items {
        Some(items) => {
            let mark = vm.temps.len();
            vm.temps.extend_from_slice(&items);
            let texts = items
                .iter()
                .map(|&n| {
                    protocols::repr::str(vm, n).unwrap_or_else(|_| "<note str() failed>".into())
                })
                .collect();
            vm.temps.truncate(mark);
            traceback::Notes::Items(texts)
        }
        None => traceback::Notes::Other(
            protocols::repr::repr(vm, notes).unwrap_or_else(|_| "<__notes__ repr() failed>".into()),
        ),
    };
    vm.temps.pop();
    r
}

/// What the traceback module reads from a `SyntaxError` instance's attributes.
fn syntax_info(vm: &mut Vm, exc: Value) -> traceback::SyntaxErrorInfo {
    vm.temps.push(exc);
    let attr = |vm: &mut Vm, name: &str| {
        protocols::attr::getattr_str(vm, exc, name).unwrap_or(Value::NONE)
    };
    let int = |vm: &Vm, v: Value| {
        vm.int_of(v)
            .and_then(|n| num_traits::ToPrimitive::to_i64(&n.to_bigint()))
    };
    let column = |vm: &Vm, v: Value| {
        if v.is_none() {
            traceback::SyntaxColumn::Missing
        } else {
            match int(vm, v) {
                Some(n) => traceback::SyntaxColumn::At(n),
                None => traceback::SyntaxColumn::NotAnInt,
            }
        }
    };
    let filename = attr(vm, "filename");
    let filename = if filename.is_none() {
        None
    } else {
        protocols::repr::str(vm, filename).ok()
    };
    let lineno = attr(vm, "lineno");
    let end_lineno = attr(vm, "end_lineno");
    let text = attr(vm, "text");
    let offset = attr(vm, "offset");
    let end_offset = attr(vm, "end_offset");
    let msg = attr(vm, "msg");
    let msg = if protocols::truth(vm, msg).unwrap_or(false) {
        protocols::repr::str(vm, msg).unwrap_or_default()
    } else {
        String::new()
    };
    vm.temps.pop();
    traceback::SyntaxErrorInfo {
        filename,
        lineno: int(vm, lineno),
        end_lineno: int(vm, end_lineno),
        text: vm.rust_str(text),
        offset: column(vm, offset),
        end_offset: column(vm, end_offset),
        msg,
    }
}
