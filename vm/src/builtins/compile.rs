//! `compile`, `exec` and `eval` (CPython's Python/bltinmodule.c `builtin_compile_impl`,
//! `builtin_exec_impl`, `builtin_eval_impl`, and Python/pythonrun.c `run_eval_code_obj`): source
//! to code objects, code run in given globals and locals, and front-end errors made into
//! Python `SyntaxError`s.
//! https://docs.python.org/3/library/functions.html#compile

use protopy_compiler::bytecode::CodeObject;
use protopy_compiler::{ErrorKind, SyntaxError};
use protopy_objects::Value;

use crate::eval::{self, frame::Frame, Exit};
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyErr, PyResult, Vm};
use crate::types::function::Code;
use crate::types::{dict, Args};

/// What `compile()` makes of the source: a module, one expression, or an interactive statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Exec,
    Eval,
    Single,
}

/// `ast.PyCF_ONLY_AST` and the other flags `compile()` accepts (CPython's `PyCF_MASK` and
/// friends); anything else is "compile(): unrecognised flags".
const PYCF_ONLY_AST: i64 = 0x0400;
const PYCF_KNOWN: i64 = 0x0002_0000 // CO_FUTURE_DIVISION .. barry_as_FLUFL, annotations
    | 0x0004_0000
    | 0x0008_0000
    | 0x0010_0000
    | 0x0020_0000
    | 0x0040_0000
    | 0x0100_0000
    | 0x0200_0000
    | 0x0200
    | PYCF_ONLY_AST
    | 0x0800
    | 0x1000
    | 0x2000
    | 0x4000
    | 0x8000;

/// The Python `SyntaxError` (or `IndentationError`, `TabError`, `MemoryError`) for a front-end
/// error in `filename`, with CPython's attributes (`msg`, `filename`, `lineno`, `offset`,
/// `text`, `end_lineno`, `end_offset`).
pub fn syntax_error(vm: &mut Vm, err: &SyntaxError, filename: &str, source: Option<&str>) -> PyErr {
    match make_syntax_error(vm, err, filename, source, true) {
        Ok(e) | Err(e) => e,
    }
}

/// The `SyntaxError` for an error the compiler found after parsing (in the symbol table or
/// code generation): CPython reads its `text` from the file named `filename` (None when there
/// is no such file), not from the source compiled.
pub fn compile_error(vm: &mut Vm, err: &SyntaxError, filename: &str, source: &str) -> PyErr {
    let from_file = std::fs::read_to_string(filename).ok();
    let same = from_file.as_deref() == Some(source);
    match make_syntax_error(vm, err, filename, Some(source), same) {
        Ok(e) | Err(e) => e,
    }
}

/// The exception for `err`; `with_text`: the source's line is its `text` (else None).
fn make_syntax_error(
    vm: &mut Vm,
    err: &SyntaxError,
    filename: &str,
    source: Option<&str>,
    with_text: bool,
) -> PyResult<PyErr> {
    let ty = match err.kind {
        ErrorKind::SyntaxError => Ty::SyntaxError,
        ErrorKind::IndentationError => Ty::IndentationError,
        ErrorKind::TabError => Ty::TabError,
        ErrorKind::MemoryError => return Ok(vm.new_error_args(Ty::MemoryError, vec![])),
    };
    let line = source.and_then(|src| src.split('\n').nth((err.lineno as usize).checked_sub(1)?));
    let offset = line.map_or(0, |text| err.char_offset(text));
    // CPython measures the end column in the error's first line too.
    let end_offset = line.map_or(0, |text| err.end_char_offset(text));
    let mark = vm.temps.len();
    let r = (|| {
        let msg = vm.new_str(&err.msg)?;
        vm.temps.push(msg);
        let fname = vm.new_str(filename)?;
        vm.temps.push(fname);
        let text = match line {
            Some(l) if with_text => vm.new_str(&err.text(l))?,
            _ => Value::NONE,
        };
        vm.temps.push(text);
        let lineno = vm.new_i64(i64::from(err.lineno))?;
        let end_lineno = vm.new_i64(i64::from(err.end_lineno))?;
        let offset = vm.new_usize(offset)?;
        let end_offset = vm.new_i64(end_offset)?;
        let details = vm.new_tuple(vec![fname, lineno, offset, text, end_lineno, end_offset])?;
        vm.temps.push(details);
        // `SyntaxError.__init__` fills the fields from the details tuple.
        Ok(vm.new_error_args(ty, vec![msg, details]))
    })();
    vm.temps.truncate(mark);
    r
}

/// Compiles decoded source text in `mode`; errors become Python exceptions.
pub fn compile_text(vm: &mut Vm, text: &str, filename: &str, mode: Mode) -> PyResult<CodeObject> {
    let r = match mode {
        Mode::Exec => {
            let module = protopy_compiler::parser::parse_module(text)
                .map_err(|e| syntax_error(vm, &e, filename, Some(text)))?;
            // The lines of a file on disk are shown, as `linecache` finds them.
            let is_file = std::path::Path::new(filename).is_file();
            let warnings = crate::report::compile_warnings_text(&module, text, filename, is_file);
            if !warnings.is_empty() {
                eprint!("{warnings}");
            }
            return protopy_compiler::codegen::compile(&module, text, filename)
                .map_err(|e| compile_error(vm, &e, filename, text));
        }
        Mode::Eval => protopy_compiler::codegen::compile_eval(text, filename),
        Mode::Single => protopy_compiler::codegen::compile_single(text, filename),
    };
    r.map_err(|e| syntax_error(vm, &e, filename, Some(text)))
}

/// Runs a code object with `globals` and `locals` (NULL: the globals) and returns its value.
pub fn run_code(vm: &mut Vm, code: Value, globals: Value, locals: Value) -> PyResult<Value> {
    let Some(data) = vm.opaque::<Code>(code).map(|c| c.0.clone()) else {
        return Err(vm.new_error(Ty::SystemError, "bad code object"));
    };
    if !data.co.freevars.is_empty() {
        return Err(vm.type_error("code object passed to exec() may not contain free variables"));
    }
    let builtins = builtins_of(vm, globals)?;
    let locals = if locals.is_null() { globals } else { locals };
    let frame = Frame::new(code, data, globals, builtins, locals);
    let (_, r) = eval::run_frame(vm, frame);
    match r? {
        Exit::Return(v) | Exit::Yield(v) => Ok(v),
    }
}

/// The builtins dict a frame with `globals` uses: `globals['__builtins__']` (a module's dict
/// or a dict), inserting the builtins module when absent, as `exec` and `eval` do.
fn builtins_of(vm: &mut Vm, globals: Value) -> PyResult<Value> {
    match dict::get_str(vm, globals, "__builtins__")? {
        Some(b) => {
            if let Some(m) = vm.opaque::<crate::types::module::Module>(b) {
                return Ok(m.dict);
            }
            if vm.dict_data(b).is_some() {
                return Ok(b);
            }
            Ok(vm.rt.builtins)
        }
        None => {
            let module = crate::import::builtins_module(vm)?;
            dict::set_str(vm, globals, "__builtins__", module)?;
            Ok(vm.rt.builtins)
        }
    }
}

/// The source text of `compile`/`exec`/`eval`'s first argument: a str, or bytes decoded as a
/// source file is (coding declaration, UTF-8 by default).
fn source_text(vm: &mut Vm, src: Value, func: &str, what: &str) -> PyResult<String> {
    let text = if let Some(s) = vm.rust_str(src) {
        s
    } else if let Ok(b) = vm.m.get_value::<protopy_objects::BytesData>(src) {
        let bytes = b.bytes.to_vec();
        match protopy_compiler::source::decode_source(&bytes) {
            Ok(t) => t,
            Err(e) => return Err(syntax_error(vm, &e, "<string>", None)),
        }
    } else {
        return Err(vm.type_error(&format!("{func}() arg 1 must be a {what} object")));
    };
    if text.contains('\0') {
        return Err(vm.new_error(
            Ty::SyntaxError,
            "source code string cannot contain null bytes",
        ));
    }
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
fn compile(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let names = [
        "source",
        "filename",
        "mode",
        "flags",
        "dont_inherit",
        "optimize",
    ];
    let mut slots: [Option<Value>; 6] = [None; 6];
    for (i, &v) in args.pos.iter().enumerate() {
        if i >= 6 {
            let n = args.pos.len();
            return Err(vm.type_error(&format!("compile() takes at most 6 arguments ({n} given)")));
        }
        slots[i] = Some(v);
    }
    for (i, name) in names.iter().enumerate() {
        if let Some(v) = args.take_kw(vm, name) {
            if slots[i].is_some() {
                return Err(vm.type_error(&format!(
                    "argument for compile() given by name ('{name}') and position ({})",
                    i + 1
                )));
            }
            slots[i] = Some(v);
        }
    }
    if let Some(&(k, _)) = args.kw.first() {
        let k = vm.rust_str(k).unwrap_or_default();
        return Err(vm.type_error(&format!(
            "compile() got an unexpected keyword argument '{k}'"
        )));
    }
    for (i, name) in names.iter().enumerate().take(3) {
        if slots[i].is_none() {
            return Err(vm.type_error(&format!(
                "compile() missing required argument '{name}' (pos {})",
                i + 1
            )));
        }
    }
    let (src, filename, mode) = (
        slots[0].unwrap_or(Value::NONE),
        slots[1].unwrap_or(Value::NONE),
        slots[2].unwrap_or(Value::NONE),
    );
    let filename = match vm.rust_str(filename) {
        Some(f) => f,
        None => {
            let t = vm.type_name(filename);
            return Err(vm.type_error(&format!(
                "compile(): filename must be str, bytes or os.PathLike, not {t}"
            )));
        }
    };
    let Some(mode_text) = vm.rust_str(mode) else {
        let t = vm.type_name(mode);
        return Err(vm.type_error(&format!("compile() argument 'mode' must be str, not {t}")));
    };
    let flags = match slots[3] {
        Some(f) => protocols::number::index_i64(vm, f)?,
        None => 0,
    };
    if flags & !PYCF_KNOWN != 0 {
        return Err(vm.value_error("compile(): unrecognised flags"));
    }
    let mode = match mode_text.as_str() {
        "exec" => Mode::Exec,
        "eval" => Mode::Eval,
        "single" => Mode::Single,
        "func_type" if flags & PYCF_ONLY_AST != 0 => {
            return Err(crate::ops::not_yet(vm, "compile() to an AST"));
        }
        _ => {
            let msg = if flags & PYCF_ONLY_AST != 0 {
                "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"
            } else {
                "compile() mode must be 'exec', 'eval' or 'single'"
            };
            return Err(vm.value_error(msg));
        }
    };
    if flags & PYCF_ONLY_AST != 0 {
        return Err(crate::ops::not_yet(vm, "compile() to an AST"));
    }
    if vm.opaque::<Code>(src).is_some() {
        return Ok(src);
    }
    let text = source_text(vm, src, "compile", "string, bytes or AST")?;
    let co = compile_text(vm, &text, &filename, mode)?;
    crate::types::function::new_code(vm, co)
}

/// The globals and locals of `exec`/`eval`: checked, defaulting to the caller's.
fn namespaces(
    vm: &mut Vm,
    func: &str,
    globals: Option<Value>,
    locals: Option<Value>,
) -> PyResult<(Value, Value)> {
    let globals = globals.filter(|g| !g.is_none());
    let locals = locals.filter(|l| !l.is_none());
    if let Some(g) = globals {
        if vm.dict_data(g).is_none() {
            let t = vm.type_name(g);
            let msg = if func == "exec" {
                format!("exec() globals must be a dict, not {t}")
            } else {
                "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
            };
            return Err(vm.type_error(&msg));
        }
    }
    if let Some(l) = locals {
        let gi = vm.intern("__getitem__")?;
        let ty = vm.type_of(l);
        if crate::types::typeobj::lookup(vm, ty, gi).is_none() {
            let t = vm.type_name(l);
            let msg = if func == "exec" {
                format!("locals must be a mapping or None, not {t}")
            } else {
                "locals must be a mapping".to_string()
            };
            return Err(vm.type_error(&msg));
        }
    }
    match (globals, locals) {
        (Some(g), Some(l)) => Ok((g, l)),
        (Some(g), None) => Ok((g, g)),
        (None, l) => {
            let g = caller_globals(vm)?;
            let l = match l {
                Some(l) => l,
                None => super::scope::caller_locals(vm)?,
            };
            Ok((g, l))
        }
    }
}

fn caller_globals(vm: &mut Vm) -> PyResult<Value> {
    match vm.frames.last() {
        Some(f) => Ok(f.globals),
        None => Err(vm.new_error(Ty::SystemError, "globals and locals cannot be NULL")),
    }
}

fn exec_or_eval(vm: &mut Vm, mut args: Args, func: &str) -> PyResult<Value> {
    let g_kw = args.take_kw(vm, "globals");
    let l_kw = args.take_kw(vm, "locals");
    if func == "exec" && args.take_kw(vm, "closure").is_some_and(|c| !c.is_none()) {
        return Err(crate::ops::not_yet(vm, "exec() with a closure"));
    }
    if let Some(&(k, _)) = args.kw.first() {
        let k = vm.rust_str(k).unwrap_or_default();
        return Err(vm.type_error(&format!(
            "{func}() got an unexpected keyword argument '{k}'"
        )));
    }
    let n = args.pos.len();
    if n == 0 {
        return Err(vm.type_error(&format!("{func} expected at least 1 argument, got 0")));
    }
    if n > 3 {
        return Err(vm.type_error(&format!("{func} expected at most 3 arguments, got {n}")));
    }
    let globals = args.get(1).or(g_kw);
    let locals = args.get(2).or(l_kw);
    let (globals, locals) = namespaces(vm, func, globals, locals)?;
    let mark = vm.temps.len();
    vm.temps.extend_from_slice(&[globals, locals]);
    let r = (|| {
        let src = args.pos[0];
        let code = if vm.opaque::<Code>(src).is_some() {
            src
        } else {
            let mut text = source_text(vm, src, func, "string, bytes or code")?;
            let mode = if func == "exec" {
                Mode::Exec
            } else {
                text = text.trim_start_matches([' ', '\t']).to_string();
                Mode::Eval
            };
            let co = compile_text(vm, &text, "<string>", mode)?;
            crate::types::function::new_code(vm, co)?
        };
        vm.temps.push(code);
        let v = run_code(vm, code, globals, locals)?;
        Ok(if func == "exec" { Value::NONE } else { v })
    })();
    vm.temps.truncate(mark);
    r
}

/// `exec(source, /, globals=None, locals=None, *, closure=None)`.
fn exec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exec_or_eval(vm, args, "exec")
}

/// `eval(source, /, globals=None, locals=None)`.
fn eval(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exec_or_eval(vm, args, "eval")
}

use crate::types::{sm, NativeMethod};

/// The functions of this file, added to `builtins`.
pub const FUNCTIONS: &[NativeMethod] = &[
    sm(
        "compile",
        compile,
        "($module, /, source, filename, mode, flags=0, dont_inherit=False, optimize=-1, *, _feature_version=-1)",
    ),
    sm("eval", eval, "($module, source, /, globals=None, locals=None)"),
    sm(
        "exec",
        exec,
        "($module, source, /, globals=None, locals=None, *, closure=None)",
    ),
];
