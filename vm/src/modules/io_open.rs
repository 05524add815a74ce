//! `open()` and the `_io`/`io` modules (CPython's Modules/_io/_iomodule.c `_io_open_impl`),
//! the standard streams `sys.stdin`/`stdout`/`stderr`, and the console builtins that use them:
//! `input` (Python/bltinmodule.c `builtin_input_impl`), `sys.displayhook` and
//! `sys.breakpointhook` (Python/sysmodule.c).
//! https://docs.python.org/3/library/functions.html#open

use std::sync::Arc;

use parking_lot::Mutex;
use protopy_objects::{AtomicValue, Value};

use super::io::{os_error, IoObj, Layer, Raw, Stream, TextState};
use crate::protocols;
use crate::runtime::Ty;
use crate::text::codecs;
use crate::thread::{PyResult, Vm};
use crate::types::{dict, function, module, sm, Args, NativeMethod};

/// What a mode string asks for.
struct Mode {
    letter: char,
    plus: bool,
    binary: bool,
}

fn parse_mode(mode: &str) -> Result<Mode, String> {
    let mut seen = String::new();
    for c in mode.chars() {
        if !"rwxabt+".contains(c) || seen.contains(c) {
            return Err(format!("invalid mode: '{mode}'"));
        }
        seen.push(c);
    }
    let has = |c| seen.contains(c);
    if has('t') && has('b') {
        return Err("can't have text and binary mode at once".into());
    }
    let letters: Vec<char> = "xrwa".chars().filter(|&c| has(c)).collect();
    if letters.len() > 1 {
        return Err("must have exactly one of create/read/write/append mode".into());
    }
    let Some(&letter) = letters.first() else {
        return Err(
            "Must have exactly one of create/read/write/append mode and at most one plus".into(),
        );
    };
    Ok(Mode {
        letter,
        plus: has('+'),
        binary: has('b'),
    })
}

/// A str-or-None keyword of `open()`.
fn opt_str(vm: &mut Vm, v: Option<Value>, name: &str) -> PyResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match vm.rust_str(v) {
            Some(s) => Ok(Some(s)),
            None => {
                let t = vm.type_name(v);
                Err(vm.type_error(&format!(
                    "open() argument '{name}' must be str or None, not {t}"
                )))
            }
        },
    }
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True,
/// opener=None)`.
pub fn open(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let names = [
        "file",
        "mode",
        "buffering",
        "encoding",
        "errors",
        "newline",
        "closefd",
        "opener",
    ];
    let mut slots: [Option<Value>; 8] = [None; 8];
    if args.pos.len() > 8 {
        let n = args.pos.len();
        return Err(vm.type_error(&format!("open() takes at most 8 arguments ({n} given)")));
    }
    for (i, &v) in args.pos.iter().enumerate() {
        slots[i] = Some(v);
    }
    for (i, n) in names.iter().enumerate() {
        if let Some(v) = args.take_kw(vm, n) {
            if slots[i].is_some() {
                return Err(vm.type_error(&format!(
                    "argument for open() given by name ('{n}') and position ({})",
                    i + 1
                )));
            }
            slots[i] = Some(v);
        }
    }
    if let Some(&(k, _)) = args.kw.first() {
        let k = vm.rust_str(k).unwrap_or_default();
        return Err(vm.type_error(&format!("open() got an unexpected keyword argument '{k}'")));
    }
    let Some(file) = slots[0] else {
        return Err(vm.type_error("open() missing required argument 'file' (pos 1)"));
    };
    let mode_s = opt_str(vm, slots[1], "mode")?.unwrap_or_else(|| "r".into());
    let buffering = match slots[2] {
        Some(b) => protocols::number::index_i64(vm, b)?,
        None => -1,
    };
    let encoding = opt_str(vm, slots[3], "encoding")?;
    let errors = opt_str(vm, slots[4], "errors")?;
    let newline = opt_str(vm, slots[5], "newline")?;
    if slots[7].is_some_and(|o| !o.is_none()) {
        return Err(crate::ops::not_yet(vm, "open() with an opener"));
    }
    let mode = parse_mode(&mode_s).map_err(|m| vm.value_error(&m))?;
    if mode.binary {
        for (given, what) in [
            (encoding.is_some(), "an encoding"),
            (errors.is_some(), "an errors"),
            (newline.is_some(), "a newline"),
        ] {
            if given {
                return Err(vm.value_error(&format!("binary mode doesn't take {what} argument")));
            }
        }
    } else if buffering == 0 {
        return Err(vm.value_error("can't have unbuffered text I/O"));
    }
    if let Some(n) = &newline {
        if !matches!(n.as_str(), "" | "\n" | "\r" | "\r\n") {
            return Err(vm.value_error(&format!("illegal newline value: {n}")));
        }
    }
    let codec = match &encoding {
        None => codecs::Codec::Utf8,
        Some(e) => match codecs::lookup(e) {
            Some(c) => c,
            None => return Err(vm.new_error(Ty::LookupError, &format!("unknown encoding: {e}"))),
        },
    };
    let path = if let Some(p) = vm.rust_str(file) {
        p
    } else if let Some(fd) = file.as_small_int() {
        let exists = std::path::Path::new(&format!("/proc/self/fd/{fd}")).exists();
        if fd < 0 || !exists {
            let e = std::io::Error::from_raw_os_error(9);
            return Err(os_error(vm, &e, None));
        }
        return Err(crate::ops::not_yet(vm, "open() of a file descriptor"));
    } else {
        let t = vm.type_name(file);
        return Err(vm.type_error(&format!(
            "expected str, bytes or os.PathLike object, not {t}"
        )));
    };
    let mut opts = std::fs::OpenOptions::new();
    match mode.letter {
        'r' => opts.read(true),
        'w' => opts.write(true).create(true).truncate(true),
        'a' => opts.append(true).create(true),
        _ => opts.write(true).create_new(true),
    };
    if mode.plus {
        opts.read(true).write(true);
    }
    let f = match opts.open(&path) {
        Ok(f) => f,
        Err(e) => return Err(os_error(vm, &e, Some(file))),
    };
    if f.metadata().is_ok_and(|m| m.is_dir()) {
        let e = std::io::Error::from_raw_os_error(21);
        return Err(os_error(vm, &e, Some(file)));
    }
    let readable = mode.letter == 'r' || mode.plus;
    let writable = mode.letter != 'r' || mode.plus;
    let raw = Arc::new(Mutex::new(Raw {
        stream: Some(Stream::File(f)),
        rbuf: Vec::new(),
    }));
    let (layer, text, shown_mode) = if mode.binary {
        let layer = if buffering == 0 {
            Layer::Raw
        } else {
            Layer::Buffered
        };
        let m = super::io_methods::binary_mode(&mode_s, readable, writable);
        (layer, None, m)
    } else {
        let enc = encoding.clone().unwrap_or_else(|| "UTF-8".into());
        let errs = errors.clone().unwrap_or_else(|| "strict".into());
        let t = TextState::new(codec, enc, errs, newline.clone());
        let m = mode_s.replace('t', "");
        (Layer::Text, Some(Arc::new(Mutex::new(t))), m)
    };
    let obj = IoObj {
        layer,
        raw,
        text,
        readable,
        writable,
        mode: shown_mode,
        name: AtomicValue::new(file),
        inner: AtomicValue::new(Value::NONE),
    };
    let ty = obj.ty();
    vm.new_opaque(ty, obj)
}

/// A text stream over one of the process's standard streams.
fn std_stream(
    vm: &mut Vm,
    stream: Stream,
    name: &str,
    mode: &str,
    errors: &str,
) -> PyResult<Value> {
    use std::io::IsTerminal;
    let tty = match stream {
        Stream::Stdout => std::io::stdout().is_terminal(),
        _ => false,
    };
    let readable = matches!(stream, Stream::Stdin);
    let raw = Arc::new(Mutex::new(Raw {
        stream: Some(stream),
        rbuf: Vec::new(),
    }));
    let mut t = TextState::new(codecs::Codec::Utf8, "utf-8".into(), errors.into(), None);
    t.line_buffering = tty;
    let n = vm.new_str(name)?;
    vm.temps.push(n);
    let obj = IoObj {
        layer: Layer::Text,
        raw,
        text: Some(Arc::new(Mutex::new(t))),
        readable,
        writable: !readable,
        mode: mode.into(),
        name: AtomicValue::new(n),
        inner: AtomicValue::new(Value::NONE),
    };
    let r = vm.new_opaque(Ty::TextIOWrapper, obj);
    vm.temps.pop();
    r
}

const UNSUPPORTED_SOURCE: &str = "\
class UnsupportedOperation(OSError, ValueError):
    __module__ = 'io'
";

/// `io.UnsupportedOperation`.
pub fn unsupported_class(vm: &mut Vm) -> PyResult<Value> {
    let m = crate::import::sys_modules_get(vm, "_io")?;
    let d = m.and_then(|m| vm.opaque::<module::Module>(m).map(|m| m.dict));
    let found = match d {
        Some(d) => dict::get_str(vm, d, "UnsupportedOperation")?,
        None => None,
    };
    match found {
        Some(c) => Ok(c),
        None => Err(vm.new_error(Ty::SystemError, "io.UnsupportedOperation is missing")),
    }
}

/// The value of `sys.<name>`, if set.
fn sys_attr(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let sys = *vm.rt.sys.lock();
    match vm.opaque::<module::Module>(sys).map(|m| m.dict) {
        Some(d) => dict::get_str(vm, d, name),
        None => Ok(None),
    }
}

/// Writes `text` to `sys.stderr` (for reports that are not exceptions, as the unraisable
/// hook's).
pub fn write_stderr(vm: &mut Vm, text: &str) -> PyResult<()> {
    let Some(err) = sys_attr(vm, "stderr")?.filter(|v| !v.is_none()) else {
        return Err(vm.new_error(Ty::RuntimeError, "lost sys.stderr"));
    };
    vm.temps.push(err);
    let r = vm.new_str(text).and_then(|s| {
        vm.temps.push(s);
        let r = protocols::call::call_method(vm, err, "write", vec![s]);
        vm.temps.pop();
        r
    });
    vm.temps.pop();
    r.map(|_| ())
}

/// `input(prompt='', /)`.
pub fn input(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "input", 0, 1)?;
    let stdin = sys_attr(vm, "stdin")?.filter(|v| !v.is_none());
    let Some(stdin) = stdin else {
        return Err(vm.new_error(Ty::RuntimeError, "input(): lost sys.stdin"));
    };
    let stdout = sys_attr(vm, "stdout")?.filter(|v| !v.is_none());
    let Some(stdout) = stdout else {
        return Err(vm.new_error(Ty::RuntimeError, "input(): lost sys.stdout"));
    };
    let mark = vm.temps.len();
    vm.temps.extend_from_slice(&[stdin, stdout]);
    let r = (|| {
        if let Some(err) = sys_attr(vm, "stderr")?.filter(|v| !v.is_none()) {
            vm.temps.push(err);
            let _ = protocols::call::call_method(vm, err, "flush", vec![]);
        }
        if let Some(p) = args.get(0) {
            let s = protocols::repr::str_value(vm, p)?;
            vm.temps.push(s);
            protocols::call::call_method(vm, stdout, "write", vec![s])?;
        }
        let _ = protocols::call::call_method(vm, stdout, "flush", vec![]);
        let line = protocols::call::call_method(vm, stdin, "readline", vec![])?;
        let Some(text) = vm.pystr(line) else {
            return Err(vm.type_error("object.readline() returned non-string"));
        };
        if text.as_bytes().is_empty() {
            return Err(vm.new_error(Ty::EOFError, "EOF when reading a line"));
        }
        let b = text.as_bytes();
        let b = b.strip_suffix(b"\n").unwrap_or(b);
        crate::types::str::new_from_bytes(vm, b.to_vec())
    })();
    vm.temps.truncate(mark);
    r
}

/// `sys.displayhook(value)`: prints `repr(value)` to `sys.stdout` and keeps it as `builtins._`.
fn displayhook(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "displayhook", 1, 1)?;
    let v = args.pos[0];
    if v.is_none() {
        return Ok(Value::NONE);
    }
    let b = vm.rt.builtins;
    dict::set_str(vm, b, "_", Value::NONE)?;
    let Some(out) = sys_attr(vm, "stdout")?.filter(|v| !v.is_none()) else {
        return Err(vm.new_error(Ty::RuntimeError, "lost sys.stdout"));
    };
    let text = protocols::repr::repr(vm, v)?;
    let s = vm.new_str(&format!("{text}\n"))?;
    vm.temps.extend_from_slice(&[out, s]);
    let r = protocols::call::call_method(vm, out, "write", vec![s]);
    vm.temps.truncate(vm.temps.len() - 2);
    r?;
    dict::set_str(vm, b, "_", v)?;
    Ok(Value::NONE)
}

/// `sys.breakpointhook(*args, **kws)`: calls the function `$PYTHONBREAKPOINT` names
/// (`pdb.set_trace` by default); `PYTHONBREAKPOINT=0` disables it.
fn breakpointhook(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let target = std::env::var("PYTHONBREAKPOINT").unwrap_or_default();
    if target == "0" {
        return Ok(Value::NONE);
    }
    let target = if target.is_empty() {
        "pdb.set_trace".to_string()
    } else {
        target
    };
    let (modname, func) = match target.rsplit_once('.') {
        Some((m, f)) => (m.to_string(), f.to_string()),
        None => ("builtins".to_string(), target.clone()),
    };
    let m = crate::import::import_module_level(vm, &modname, Value::NONE, Value::NONE, 0)?;
    let m = crate::import::sys_modules_get(vm, &modname)?.unwrap_or(m);
    vm.temps.push(m);
    let f = protocols::attr::getattr_str(vm, m, &func);
    vm.temps.pop();
    protocols::call::call(vm, f?, args)
}

const SYS_FUNCTIONS: &[NativeMethod] = &[
    sm(
        "breakpointhook",
        breakpointhook,
        "($module, /, *args, **kws)",
    ),
    sm("displayhook", displayhook, "($module, object, /)"),
];

const IO_FUNCTIONS: &[NativeMethod] = &[sm(
    "open",
    open,
    "($module, /, file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)",
)];

/// Makes `_io` and `io`, the standard streams and the console hooks of `sys`.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let mark = vm.temps.len();
    let r = install_inner(vm);
    vm.temps.truncate(mark);
    r
}

fn install_inner(vm: &mut Vm) -> PyResult<()> {
    let m = module::new_module(vm, "_io")?;
    vm.temps.push(m);
    let d = vm
        .opaque::<module::Module>(m)
        .map(|m| m.dict)
        .unwrap_or(Value::NONE);
    for meth in IO_FUNCTIONS {
        let f = function::new_module_native(vm, meth, "_io")?;
        dict::set_str(vm, d, meth.name, f)?;
    }
    for ty in [
        Ty::FileIO,
        Ty::BufferedReader,
        Ty::BufferedWriter,
        Ty::BufferedRandom,
        Ty::TextIOWrapper,
    ] {
        let t = vm.ty_val(ty);
        dict::set_str(vm, d, ty.name(), t)?;
        let td = crate::types::typeobj::type_dict(vm, vm.ty(ty));
        let io_name = vm.intern("_io")?;
        dict::set_str(vm, td, "__module__", io_name)?;
    }
    let size = vm.new_i64(128 * 1024)?;
    dict::set_str(vm, d, "DEFAULT_BUFFER_SIZE", size)?;
    let builtins = crate::import::builtins_module(vm)?;
    dict::set_str(vm, d, "__builtins__", builtins)?;
    let co = crate::builtins::compile::compile_text(
        vm,
        UNSUPPORTED_SOURCE,
        "<frozen io>",
        crate::builtins::compile::Mode::Exec,
    )?;
    let code = function::new_code(vm, co)?;
    vm.temps.push(code);
    crate::builtins::compile::run_code(vm, code, d, Value::NULL)?;
    let mods = vm.rt.sys_modules;
    dict::set_str(vm, mods, "_io", m)?;
    // `io` re-exports `_io` (CPython's Lib/io.py).
    let io = module::new_module(vm, "io")?;
    vm.temps.push(io);
    let iod = vm
        .opaque::<module::Module>(io)
        .map(|m| m.dict)
        .unwrap_or(Value::NONE);
    for (k, v) in dict::items(vm, d) {
        let skip = vm
            .rust_str(k)
            .is_some_and(|s| s == "__name__" || s == "__doc__");
        if !skip {
            dict::set_item(vm, iod, k, v)?;
        }
    }
    dict::set_str(vm, mods, "io", io)?;

    let sys = *vm.rt.sys.lock();
    let Some(sd) = vm.opaque::<module::Module>(sys).map(|m| m.dict) else {
        return Ok(());
    };
    for (stream, name, mode, errors, attr) in [
        (Stream::Stdin, "<stdin>", "r", "strict", "stdin"),
        (Stream::Stdout, "<stdout>", "w", "strict", "stdout"),
        (
            Stream::Stderr,
            "<stderr>",
            "w",
            "backslashreplace",
            "stderr",
        ),
    ] {
        let s = std_stream(vm, stream, name, mode, errors)?;
        vm.temps.push(s);
        dict::set_str(vm, sd, attr, s)?;
        dict::set_str(vm, sd, &format!("__{attr}__"), s)?;
    }
    for meth in SYS_FUNCTIONS {
        let f = function::new_module_native(vm, meth, "sys")?;
        vm.temps.push(f);
        dict::set_str(vm, sd, meth.name, f)?;
        dict::set_str(vm, sd, &format!("__{}__", meth.name), f)?;
    }
    Ok(())
}

/// `INTRINSIC_PRINT`: `sys.displayhook(value)` for an expression statement of `single` mode.
pub fn print_expr(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match sys_attr(vm, "displayhook")? {
        Some(hook) => protocols::call::call(vm, hook, Args::new(vec![v])),
        None => Err(vm.new_error(Ty::RuntimeError, "lost sys.displayhook")),
    }
}
