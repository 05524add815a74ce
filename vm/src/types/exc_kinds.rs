//! The builtin exception classes with fields of their own (CPython's Objects/exceptions.c:
//! `NameError`, `AttributeError`, `ImportError`, `StopIteration`, `SystemExit`, `SyntaxError`,
//! the `UnicodeError`s, and `OSError` in `exc_oserror.rs`): their `__init__`, `__str__` and
//! member attributes, stored in `ExcData::slots`.

use protopy_objects::Value;

use super::exceptions::{base_str, set_args_from, ExcData};
use super::{Args, Getter, NativeMethod, Setter};
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// The exception classes that lay out fields, each with the names of its slots.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Name,
    Attribute,
    Import,
    OS,
    StopIteration,
    SystemExit,
    Syntax,
    Unicode,
}

impl Kind {
    fn slot_count(self) -> usize {
        match self {
            Kind::Name | Kind::StopIteration | Kind::SystemExit => 1,
            Kind::Attribute => 2,
            Kind::Import => 4,
            Kind::OS => 5,
            Kind::Unicode => 5,
            Kind::Syntax => 8,
        }
    }
}

/// The field layout instances of builtin class `ty` (or its subclasses) use.
pub fn kind_of(mut ty: Ty) -> Option<Kind> {
    loop {
        let k = match ty {
            Ty::NameError => Some(Kind::Name),
            Ty::AttributeError => Some(Kind::Attribute),
            Ty::ImportError => Some(Kind::Import),
            Ty::OSError => Some(Kind::OS),
            Ty::StopIteration => Some(Kind::StopIteration),
            Ty::SystemExit => Some(Kind::SystemExit),
            Ty::SyntaxError => Some(Kind::Syntax),
            Ty::UnicodeError => Some(Kind::Unicode),
            Ty::BaseException | Ty::Object => return None,
            _ => None,
        };
        if k.is_some() {
            return k;
        }
        ty = ty.base();
    }
}

/// The slots of a new instance of layout `ty`: unset (NULL, read as None).
pub fn initial_slots(ty: Ty) -> Vec<Value> {
    kind_of(ty).map_or(Vec::new(), |k| vec![Value::NULL; k.slot_count()])
}

/// Fills the fields of a natively made exception of layout `ty` from its `args`, as its
/// `__init__` would (no keywords).
pub fn init_native(vm: &mut Vm, ty: Ty, exc: Value, args: &[Value]) -> PyResult<()> {
    match kind_of(ty) {
        Some(Kind::StopIteration) => set_slot(vm, exc, 0, first(args)),
        Some(Kind::SystemExit) => {
            let code = system_exit_code(vm, args)?;
            set_slot(vm, exc, 0, code);
        }
        Some(Kind::Import) => set_slot(vm, exc, 0, single(args)),
        Some(Kind::OS) => super::exc_oserror::parse_into(vm, exc, args)?,
        Some(Kind::Syntax) => syntax_parse(vm, exc, args)?,
        _ => {}
    }
    Ok(())
}

pub fn slot(vm: &Vm, exc: Value, i: usize) -> Value {
    vm.opaque::<ExcData>(exc)
        .and_then(|d| d.slots.lock().get(i).copied())
        .unwrap_or(Value::NULL)
}

pub fn set_slot(vm: &Vm, exc: Value, i: usize, v: Value) {
    if let Some(d) = vm.opaque::<ExcData>(exc) {
        if let Some(s) = d.slots.lock().get_mut(i) {
            *s = v;
        }
    }
}

fn first(args: &[Value]) -> Value {
    args.first().copied().unwrap_or(Value::NONE)
}

fn single(args: &[Value]) -> Value {
    match args {
        [one] => *one,
        _ => Value::NONE,
    }
}

/// A member read: the slot, None when unset.
fn member(vm: &mut Vm, exc: Value, i: usize) -> PyResult<Value> {
    if vm.opaque::<ExcData>(exc).is_none() {
        let t = vm.type_name(exc);
        return Err(vm.type_error(&format!(
            "descriptor requires a 'BaseException' object but received a '{t}'"
        )));
    }
    let v = slot(vm, exc, i);
    Ok(if v.is_null() { Value::NONE } else { v })
}

fn set_member(vm: &mut Vm, exc: Value, i: usize, v: Value) -> PyResult<()> {
    if vm.opaque::<ExcData>(exc).is_none() {
        let t = vm.type_name(exc);
        return Err(vm.type_error(&format!(
            "descriptor requires a 'BaseException' object but received a '{t}'"
        )));
    }
    set_slot(vm, exc, i, v);
    Ok(())
}

/// A getter and setter pair for slot `$i`.
macro_rules! members {
    ($($get:ident, $set:ident = $i:expr;)*) => {
        $(
            fn $get(vm: &mut Vm, exc: Value) -> PyResult<Value> {
                member(vm, exc, $i)
            }
            fn $set(vm: &mut Vm, exc: Value, v: Value) -> PyResult<()> {
                set_member(vm, exc, $i, v)
            }
        )*
    };
}

members! {
    get_s0, set_s0 = 0;
    get_s1, set_s1 = 1;
    get_s2, set_s2 = 2;
    get_s3, set_s3 = 3;
    get_s4, set_s4 = 4;
    get_s5, set_s5 = 5;
    get_s6, set_s6 = 6;
    get_s7, set_s7 = 7;
}

type GetSets = &'static [(&'static str, Getter, Option<Setter>)];

const NAME_GETSETS: GetSets = &[("name", get_s0, Some(set_s0))];
const ATTRIBUTE_GETSETS: GetSets = &[
    ("name", get_s0, Some(set_s0)),
    ("obj", get_s1, Some(set_s1)),
];
const IMPORT_GETSETS: GetSets = &[
    ("msg", get_s0, Some(set_s0)),
    ("name", get_s1, Some(set_s1)),
    ("path", get_s2, Some(set_s2)),
    ("name_from", get_s3, Some(set_s3)),
];
const STOP_GETSETS: GetSets = &[("value", get_s0, Some(set_s0))];
const EXIT_GETSETS: GetSets = &[("code", get_s0, Some(set_s0))];
const SYNTAX_GETSETS: GetSets = &[
    ("msg", get_s0, Some(set_s0)),
    ("filename", get_s1, Some(set_s1)),
    ("lineno", get_s2, Some(set_s2)),
    ("offset", get_s3, Some(set_s3)),
    ("text", get_s4, Some(set_s4)),
    ("end_lineno", get_s5, Some(set_s5)),
    ("end_offset", get_s6, Some(set_s6)),
    ("print_file_and_line", get_s7, Some(set_s7)),
];
const UNICODE_GETSETS: GetSets = &[
    ("encoding", get_s0, Some(set_s0)),
    ("object", get_s1, Some(set_s1)),
    ("start", get_s2, Some(set_s2)),
    ("end", get_s3, Some(set_s3)),
    ("reason", get_s4, Some(set_s4)),
];
pub const OS_GETSETS: GetSets = &[
    ("errno", get_s0, Some(set_s0)),
    ("strerror", get_s1, Some(set_s1)),
    ("filename", get_s2, Some(set_s2)),
    ("filename2", get_s3, Some(set_s3)),
];

/// The attribute table of builtin exception class `ty`.
pub fn getsets_for(ty: Ty) -> GetSets {
    match ty {
        Ty::BaseException => super::exceptions::GETSETS,
        Ty::NameError => NAME_GETSETS,
        Ty::AttributeError => ATTRIBUTE_GETSETS,
        Ty::ImportError => IMPORT_GETSETS,
        Ty::OSError => super::exc_oserror::GETSETS,
        Ty::StopIteration => STOP_GETSETS,
        Ty::SystemExit => EXIT_GETSETS,
        Ty::SyntaxError => SYNTAX_GETSETS,
        Ty::UnicodeError => UNICODE_GETSETS,
        _ => &[],
    }
}

/// The method table of builtin exception class `ty`.
pub fn methods_for(ty: Ty) -> &'static [NativeMethod] {
    match ty {
        Ty::BaseException => super::exceptions::METHODS,
        Ty::NameError => NAME_METHODS,
        Ty::AttributeError => ATTRIBUTE_METHODS,
        Ty::ImportError => IMPORT_METHODS,
        Ty::OSError => super::exc_oserror::METHODS,
        Ty::StopIteration => STOP_METHODS,
        Ty::SystemExit => EXIT_METHODS,
        Ty::SyntaxError => SYNTAX_METHODS,
        Ty::KeyError => KEY_METHODS,
        Ty::UnicodeEncodeError => ENCODE_METHODS,
        Ty::UnicodeDecodeError => DECODE_METHODS,
        Ty::UnicodeTranslateError => TRANSLATE_METHODS,
        _ => &[],
    }
}

/// `str(exc)` as builtin class `ty` defines it, when it has its own `__str__`.
pub fn str_for(vm: &mut Vm, ty: Ty, exc: Value) -> PyResult<Option<String>> {
    Ok(Some(match ty {
        Ty::KeyError => key_error_str(vm, exc)?,
        Ty::ImportError => import_error_str(vm, exc)?,
        Ty::OSError => super::exc_oserror::os_error_str(vm, exc)?,
        Ty::SyntaxError => syntax_error_str(vm, exc)?,
        Ty::UnicodeEncodeError | Ty::UnicodeDecodeError | Ty::UnicodeTranslateError => {
            unicode_error_str(vm, ty, exc)?
        }
        _ => return Ok(None),
    }))
}

fn str_method(vm: &mut Vm, args: Args, ty: Ty) -> PyResult<Value> {
    let exc = args.pos[0];
    let s = match str_for(vm, ty, exc)? {
        Some(s) => s,
        None => base_str(vm, exc)?,
    };
    vm.new_str(&s)
}

/// Takes the keywords `names` out of `args` (a keyword-only parse named `func`).
fn take_keywords(
    vm: &mut Vm,
    args: &mut Args,
    func: &str,
    names: &[&str],
) -> PyResult<Vec<Option<Value>>> {
    let out: Vec<Option<Value>> = names.iter().map(|n| args.take_kw(vm, n)).collect();
    if let Some(&(k, _)) = args.kw.first() {
        let k = vm.rust_str(k).unwrap_or_default();
        return Err(vm.type_error(&format!(
            "{func}() got an unexpected keyword argument '{k}'"
        )));
    }
    Ok(out)
}

// ---- NameError, AttributeError, ImportError ----

fn name_error_init(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let kw = take_keywords(vm, &mut args, "NameError", &["name"])?;
    let exc = args.pos[0];
    set_args_from(vm, exc, &args.pos[1..])?;
    set_slot(vm, exc, 0, kw[0].unwrap_or(Value::NONE));
    Ok(Value::NONE)
}

fn attribute_error_init(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let kw = take_keywords(vm, &mut args, "AttributeError", &["name", "obj"])?;
    let exc = args.pos[0];
    set_args_from(vm, exc, &args.pos[1..])?;
    set_slot(vm, exc, 0, kw[0].unwrap_or(Value::NONE));
    set_slot(vm, exc, 1, kw[1].unwrap_or(Value::NONE));
    Ok(Value::NONE)
}

/// Records the object and the name an attribute lookup failed on.
pub fn set_attribute_error_fields(vm: &mut Vm, exc: Value, obj: Value, name: Value) {
    if kind_of(vm.layout_of(exc)) == Some(Kind::Attribute) {
        set_slot(vm, exc, 0, name);
        set_slot(vm, exc, 1, obj);
    }
}

/// Records the name a lookup failed on (`NameError.name`).
pub fn set_name_error_name(vm: &mut Vm, exc: Value, name: Value) {
    if kind_of(vm.layout_of(exc)) == Some(Kind::Name) {
        set_slot(vm, exc, 0, name);
    }
}

fn import_error_init(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let kw = take_keywords(vm, &mut args, "ImportError", &["name", "path", "name_from"])?;
    let exc = args.pos[0];
    set_args_from(vm, exc, &args.pos[1..])?;
    set_slot(vm, exc, 0, single(&args.pos[1..]));
    set_slot(vm, exc, 1, kw[0].unwrap_or(Value::NONE));
    set_slot(vm, exc, 2, kw[1].unwrap_or(Value::NONE));
    set_slot(vm, exc, 3, kw[2].unwrap_or(Value::NONE));
    Ok(Value::NONE)
}

/// Fills an `ImportError`'s fields (`msg`, `name`, `path`, `name_from`) as the import system
/// raises it.
pub fn set_import_error_fields(vm: &Vm, exc: Value, fields: [Value; 4]) {
    if kind_of(vm.layout_of(exc)) == Some(Kind::Import) {
        for (i, v) in fields.into_iter().enumerate() {
            set_slot(vm, exc, i, v);
        }
    }
}

fn import_error_str(vm: &mut Vm, exc: Value) -> PyResult<String> {
    let msg = slot(vm, exc, 0);
    if !msg.is_null() && vm.is_exact(msg, Ty::Str) {
        return Ok(vm.rust_str(msg).unwrap_or_default());
    }
    base_str(vm, exc)
}

// ---- KeyError, StopIteration, SystemExit ----

/// `KeyError.__str__`: the repr of a single key.
fn key_error_str(vm: &mut Vm, exc: Value) -> PyResult<String> {
    let args = super::exceptions::args_of(vm, exc);
    match vm.tuple_items(args) {
        Some(&[one]) => protocols::repr::repr(vm, one),
        _ => base_str(vm, exc),
    }
}

fn stop_iteration_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_no_keywords(vm, &args)?;
    let exc = args.pos[0];
    set_args_from(vm, exc, &args.pos[1..])?;
    set_slot(vm, exc, 0, first(&args.pos[1..]));
    Ok(Value::NONE)
}

/// `SystemExit.code`: None, the single argument, or the args tuple.
fn system_exit_code(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    Ok(match args {
        [] => Value::NONE,
        [one] => *one,
        _ => vm.new_tuple(args.to_vec())?,
    })
}

fn system_exit_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_no_keywords(vm, &args)?;
    let exc = args.pos[0];
    set_args_from(vm, exc, &args.pos[1..])?;
    let code = system_exit_code(vm, &args.pos[1..])?;
    set_slot(vm, exc, 0, code);
    Ok(Value::NONE)
}

fn check_no_keywords(vm: &mut Vm, args: &Args) -> PyResult<()> {
    if !args.kw.is_empty() {
        let n = vm.type_name(args.pos[0]);
        return Err(vm.type_error(&format!("{n}() takes no keyword arguments")));
    }
    Ok(())
}

// ---- SyntaxError ----

/// `SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))`.
fn syntax_parse(vm: &mut Vm, exc: Value, args: &[Value]) -> PyResult<()> {
    if let Some(&msg) = args.first() {
        set_slot(vm, exc, 0, msg);
    }
    if let [_, info] = *args {
        let items = protocols::iter::collect(vm, info)?;
        let n = items.len();
        if n < 4 {
            return Err(vm.type_error(&format!("function takes at least 4 arguments ({n} given)")));
        }
        if n > 7 {
            return Err(vm.type_error(&format!("function takes at most 7 arguments ({n} given)")));
        }
        for (i, v) in items.into_iter().take(6).enumerate() {
            set_slot(vm, exc, i + 1, v);
        }
    }
    Ok(())
}

fn syntax_error_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_no_keywords(vm, &args)?;
    let exc = args.pos[0];
    set_args_from(vm, exc, &args.pos[1..])?;
    syntax_parse(vm, exc, &args.pos[1..])?;
    Ok(Value::NONE)
}

/// `SyntaxError.__str__`: `msg (file.py, line N)`, with the file's base name.
fn syntax_error_str(vm: &mut Vm, exc: Value) -> PyResult<String> {
    let msg = slot(vm, exc, 0);
    let msg = if msg.is_null() { Value::NONE } else { msg };
    let text = protocols::repr::str(vm, msg)?;
    let filename = slot(vm, exc, 1);
    let filename = (!filename.is_null())
        .then(|| vm.rust_str(filename))
        .flatten()
        .map(|f| match f.rfind('/') {
            Some(i) => f[i + 1..].to_string(),
            None => f,
        });
    let lineno = slot(vm, exc, 2);
    let lineno = if !lineno.is_null() && vm.is_instance_ty(lineno, Ty::Int) {
        vm.int_of(lineno)
    } else {
        None
    };
    Ok(match (filename, lineno) {
        (Some(f), Some(l)) => format!("{text} ({f}, line {l})"),
        (Some(f), None) => format!("{text} ({f})"),
        (None, Some(l)) => format!("{text} (line {l})"),
        (None, None) => text,
    })
}

// ---- UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError ----

/// Checks the arguments of a Unicode error: `(encoding, object, start, end, reason)`, without
/// `encoding` for `UnicodeTranslateError`.
fn unicode_init(vm: &mut Vm, args: Args, ty: Ty) -> PyResult<Value> {
    check_no_keywords(vm, &args)?;
    let exc = args.pos[0];
    let a = &args.pos[1..];
    set_args_from(vm, exc, a)?;
    let want = if ty == Ty::UnicodeTranslateError {
        4
    } else {
        5
    };
    if a.len() != want {
        return Err(vm.type_error(&format!(
            "function takes exactly {want} arguments ({} given)",
            a.len()
        )));
    }
    let (encoding, rest) = if ty == Ty::UnicodeTranslateError {
        (Value::NONE, a)
    } else {
        check_str(vm, a[0], 1)?;
        (a[0], &a[1..])
    };
    let argn = want - 4;
    let object = if ty == Ty::UnicodeDecodeError {
        let bytes = bytes_of(vm, rest[0]).ok_or_else(|| {
            let t = vm.type_name(rest[0]);
            vm.type_error(&format!("a bytes-like object is required, not '{t}'"))
        })?;
        vm.alloc(Ty::Bytes, protopy_objects::BytesData::new(bytes))?
    } else {
        check_str(vm, rest[0], argn + 1)?;
        rest[0]
    };
    vm.temps.push(object);
    let start = protocols::number::index_i64(vm, rest[1]);
    let end = start.and_then(|_| protocols::number::index_i64(vm, rest[2]));
    let reason = end.and_then(|_| check_str(vm, rest[3], argn + 4));
    vm.temps.pop();
    let (start, end) = (start?, end?);
    reason?;
    let start = vm.new_i64(start)?;
    let end = vm.new_i64(end)?;
    for (i, v) in [encoding, object, start, end, rest[3]]
        .into_iter()
        .enumerate()
    {
        set_slot(vm, exc, i, v);
    }
    Ok(Value::NONE)
}

fn check_str(vm: &mut Vm, v: Value, n: usize) -> PyResult<()> {
    if vm.str_data(v).is_none() {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!("argument {n} must be str, not {t}")));
    }
    Ok(())
}

/// The bytes of a `bytes` or `bytearray` value.
fn bytes_of(vm: &Vm, v: Value) -> Option<Vec<u8>> {
    if let Ok(b) = vm.m.get_value::<protopy_objects::BytesData>(v) {
        return Some(b.bytes.to_vec());
    }
    vm.opaque::<super::bytearray::ByteArray>(v)
        .map(|b| b.data.lock().clone())
}

fn unicode_error_str(vm: &mut Vm, ty: Ty, exc: Value) -> PyResult<String> {
    let get = |vm: &Vm, i: usize| {
        let v = slot(vm, exc, i);
        (!v.is_null()).then_some(v)
    };
    let (Some(object), Some(start), Some(end), Some(reason)) =
        (get(vm, 1), get(vm, 2), get(vm, 3), get(vm, 4))
    else {
        return Ok(String::new());
    };
    let reason = protocols::repr::str(vm, reason)?;
    let encoding = match get(vm, 0) {
        Some(e) => protocols::repr::str(vm, e)?,
        None => String::new(),
    };
    let (start, end) = match (vm.int_of(start), vm.int_of(end)) {
        (Some(s), Some(e)) => (int_i64(&s), int_i64(&e)),
        _ => return Ok(String::new()),
    };
    let len = if ty == Ty::UnicodeDecodeError {
        bytes_of(vm, object).map_or(0, |b| b.len())
    } else {
        vm.pystr(object).map_or(0, |s| s.code_points().count())
    } as i64;
    // The positions are clamped into the object as CPython's `Get{Start,End}` do.
    let start = start.clamp(0, (len - 1).max(0));
    let end = end.clamp(1, len.max(1));
    let single = start < len && end == start + 1;
    let verb = match ty {
        Ty::UnicodeEncodeError => "encode",
        Ty::UnicodeDecodeError => "decode",
        _ => "translate",
    };
    let prefix = if ty == Ty::UnicodeTranslateError {
        "can't translate".to_string()
    } else {
        format!("'{encoding}' codec can't {verb}")
    };
    if !single {
        let what = if ty == Ty::UnicodeDecodeError {
            "bytes"
        } else {
            "characters"
        };
        return Ok(format!(
            "{prefix} {what} in position {start}-{}: {reason}",
            end - 1
        ));
    }
    if ty == Ty::UnicodeDecodeError {
        let b = bytes_of(vm, object)
            .and_then(|b| b.get(start as usize).copied())
            .unwrap_or(0);
        return Ok(format!(
            "{prefix} byte 0x{b:02x} in position {start}: {reason}"
        ));
    }
    let c = vm
        .pystr(object)
        .and_then(|s| s.code_points().nth(start as usize))
        .unwrap_or(0);
    let shown = if c <= 0xff {
        format!("\\x{c:02x}")
    } else if c <= 0xffff {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    };
    Ok(format!(
        "{prefix} character '{shown}' in position {start}: {reason}"
    ))
}

macro_rules! unicode_fns {
    ($($init:ident, $str:ident = $ty:ident;)*) => {
        $(
            fn $init(vm: &mut Vm, args: Args) -> PyResult<Value> {
                unicode_init(vm, args, Ty::$ty)
            }
            fn $str(vm: &mut Vm, args: Args) -> PyResult<Value> {
                str_method(vm, args, Ty::$ty)
            }
        )*
    };
}

unicode_fns! {
    encode_init, encode_str = UnicodeEncodeError;
    decode_init, decode_str = UnicodeDecodeError;
    translate_init, translate_str = UnicodeTranslateError;
}

fn key_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    str_method(vm, args, Ty::KeyError)
}

fn import_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    str_method(vm, args, Ty::ImportError)
}

fn syntax_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    str_method(vm, args, Ty::SyntaxError)
}

const INIT_SIG: &str = "($self, /, *args, **kwargs)";

const NAME_METHODS: &[NativeMethod] = &[super::m("__init__", name_error_init, INIT_SIG)];
const ATTRIBUTE_METHODS: &[NativeMethod] = &[super::m("__init__", attribute_error_init, INIT_SIG)];
const IMPORT_METHODS: &[NativeMethod] = &[
    super::m("__init__", import_error_init, INIT_SIG),
    super::m("__str__", import_str, "($self, /)"),
];
const STOP_METHODS: &[NativeMethod] = &[super::m("__init__", stop_iteration_init, INIT_SIG)];
const EXIT_METHODS: &[NativeMethod] = &[super::m("__init__", system_exit_init, INIT_SIG)];
const SYNTAX_METHODS: &[NativeMethod] = &[
    super::m("__init__", syntax_error_init, INIT_SIG),
    super::m("__str__", syntax_str, "($self, /)"),
];
const KEY_METHODS: &[NativeMethod] = &[super::m("__str__", key_str, "($self, /)")];
const ENCODE_METHODS: &[NativeMethod] = &[
    super::m("__init__", encode_init, INIT_SIG),
    super::m("__str__", encode_str, "($self, /)"),
];
const DECODE_METHODS: &[NativeMethod] = &[
    super::m("__init__", decode_init, INIT_SIG),
    super::m("__str__", decode_str, "($self, /)"),
];
const TRANSLATE_METHODS: &[NativeMethod] = &[
    super::m("__init__", translate_init, INIT_SIG),
    super::m("__str__", translate_str, "($self, /)"),
];

/// An int's value, saturated to the `i64` range.
fn int_i64(n: &crate::numeric::Int) -> i64 {
    use num_traits::{Signed, ToPrimitive};
    let b = n.to_bigint();
    b.to_i64()
        .unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX })
}
