//! `OSError` (CPython's Objects/exceptions.c `OSError_new`, `oserror_parse_args`,
//! `oserror_init`, `OSError_str`): `errno`, `strerror`, `filename`, `filename2`,
//! `BlockingIOError.characters_written`, and the subclass that `OSError(errno, ...)` picks
//! for an errno (https://docs.python.org/3/library/exceptions.html#os-exceptions).

use protopy_objects::Value;

use super::exc_kinds::{set_slot, slot, OS_GETSETS};
use super::exceptions::{base_str, new_exception};
use super::{Args, Getter, NativeMethod, Setter};
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

const ERRNO: usize = 0;
const STRERROR: usize = 1;
const FILENAME: usize = 2;
const FILENAME2: usize = 3;
const WRITTEN: usize = 4;

/// The `OSError` subclass for an errno (Linux numbering, as CPython's `errnomap`).
fn subclass_for_errno(errno: i64) -> Option<Ty> {
    Some(match errno {
        11 | 114 | 115 => Ty::BlockingIOError,
        10 => Ty::ChildProcessError,
        32 | 108 => Ty::BrokenPipeError,
        103 => Ty::ConnectionAbortedError,
        111 => Ty::ConnectionRefusedError,
        104 => Ty::ConnectionResetError,
        17 => Ty::FileExistsError,
        2 => Ty::FileNotFoundError,
        21 => Ty::IsADirectoryError,
        20 => Ty::NotADirectoryError,
        4 => Ty::InterruptedError,
        1 | 13 => Ty::PermissionError,
        3 => Ty::ProcessLookupError,
        110 => Ty::TimeoutError,
        _ => return None,
    })
}

/// Whether the arguments are parsed by `__init__` rather than `__new__`: a subclass that
/// defines `__init__` in Python but keeps `OSError.__new__`.
fn use_init(vm: &mut Vm, cls: protopy_objects::Handle) -> PyResult<bool> {
    let init = vm.intern("__init__")?;
    let new = vm.intern("__new__")?;
    let is_python = |vm: &mut Vm, name| {
        super::typeobj::lookup(vm, cls, name).is_some_and(|f| {
            let f = protocols::attr::unwrap_static(vm, f);
            vm.opaque::<super::function::Function>(f).is_some()
        })
    };
    Ok(is_python(vm, init) && !is_python(vm, new))
}

/// `OSError.__new__`: maps `OSError(errno, ...)` to its subclass and parses the arguments.
fn os_error_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(cls) = args.pos.first().and_then(|v| v.as_handle()) else {
        return Err(vm.type_error("OSError.__new__(X): X is not a type object"));
    };
    let rest = &args.pos[1..];
    let mut ty = cls;
    if cls == vm.ty(Ty::OSError) && (2..=5).contains(&rest.len()) {
        if let Some(sub) = vm
            .int_of(rest[0])
            .and_then(|n| num_traits::ToPrimitive::to_i64(&n.to_bigint()))
            .and_then(subclass_for_errno)
        {
            ty = vm.ty(sub);
        }
    }
    let parse = !use_init(vm, ty)?;
    if parse && !args.kw.is_empty() {
        let n = super::typeobj::type_name(vm, ty);
        return Err(vm.type_error(&format!("{n}() takes no keyword arguments")));
    }
    let exc = super::exceptions::new_exception_tuple(vm, ty, Value::NONE)?;
    vm.temps.push(exc);
    let r = super::exceptions::set_args_from(vm, exc, rest).and_then(|_| {
        if parse {
            parse_into(vm, exc, rest)
        } else {
            Ok(())
        }
    });
    vm.temps.pop();
    r.map(|()| exc)
}

/// `OSError.__init__`: parses the arguments only for the subclasses `use_init` names.
fn os_error_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exc = args.pos[0];
    let ty = vm.type_of(exc);
    if !use_init(vm, ty)? {
        return Ok(Value::NONE);
    }
    if !args.kw.is_empty() {
        let n = vm.type_name(exc);
        return Err(vm.type_error(&format!("{n}() takes no keyword arguments")));
    }
    super::exceptions::set_args_from(vm, exc, &args.pos[1..])?;
    parse_into(vm, exc, &args.pos[1..])?;
    Ok(Value::NONE)
}

/// Fills the fields from `(errno, strerror[, filename[, winerror[, filename2]]])`; with a
/// filename, `args` keeps only the first two.
pub fn parse_into(vm: &mut Vm, exc: Value, args: &[Value]) -> PyResult<()> {
    if !(2..=5).contains(&args.len()) {
        return Ok(());
    }
    set_slot(vm, exc, ERRNO, args[0]);
    set_slot(vm, exc, STRERROR, args[1]);
    let filename = args.get(2).copied().filter(|v| !v.is_none());
    let Some(filename) = filename else {
        return Ok(());
    };
    if vm.is_exact(exc, Ty::BlockingIOError) && vm.int_of(filename).is_some() {
        let n = protocols::number::index_i64(vm, filename)?;
        let n = vm.new_i64(n)?;
        set_slot(vm, exc, WRITTEN, n);
        return Ok(());
    }
    set_slot(vm, exc, FILENAME, filename);
    if let Some(f2) = args.get(4).copied().filter(|v| !v.is_none()) {
        set_slot(vm, exc, FILENAME2, f2);
    }
    let t = vm.new_tuple(args[..2].to_vec())?;
    if let Some(d) = vm.opaque::<super::exceptions::ExcData>(exc) {
        *d.args.lock() = t;
    }
    Ok(())
}

/// `OSError.__str__`: `[Errno N] strerror: 'filename' -> 'filename2'`.
pub fn os_error_str(vm: &mut Vm, exc: Value) -> PyResult<String> {
    let (errno, strerror) = (slot(vm, exc, ERRNO), slot(vm, exc, STRERROR));
    let (f1, f2) = (slot(vm, exc, FILENAME), slot(vm, exc, FILENAME2));
    if errno.is_null() || strerror.is_null() {
        return base_str(vm, exc);
    }
    let e = protocols::repr::str(vm, errno)?;
    let s = protocols::repr::str(vm, strerror)?;
    if f1.is_null() {
        return Ok(format!("[Errno {e}] {s}"));
    }
    let a = protocols::repr::repr(vm, f1)?;
    if f2.is_null() {
        return Ok(format!("[Errno {e}] {s}: {a}"));
    }
    let b = protocols::repr::repr(vm, f2)?;
    Ok(format!("[Errno {e}] {s}: {a} -> {b}"))
}

fn os_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = os_error_str(vm, args.pos[0])?;
    vm.new_str(&s)
}

/// `characters_written`: an AttributeError while unset.
fn get_written(vm: &mut Vm, exc: Value) -> PyResult<Value> {
    let v = slot(vm, exc, WRITTEN);
    if v.is_null() {
        return Err(vm.attribute_error("characters_written"));
    }
    Ok(v)
}

fn set_written(vm: &mut Vm, exc: Value, v: Value) -> PyResult<()> {
    if v.is_null() {
        if slot(vm, exc, WRITTEN).is_null() {
            return Err(vm.attribute_error("characters_written"));
        }
        set_slot(vm, exc, WRITTEN, Value::NULL);
        return Ok(());
    }
    let n = protocols::number::index_i64(vm, v)?;
    let n = vm.new_i64(n)?;
    set_slot(vm, exc, WRITTEN, n);
    Ok(())
}

pub const GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    OS_GETSETS[0],
    OS_GETSETS[1],
    OS_GETSETS[2],
    OS_GETSETS[3],
    ("characters_written", get_written, Some(set_written)),
];

pub const METHODS: &[NativeMethod] = &[
    super::sm("__new__", os_error_new, ""),
    super::m("__init__", os_error_init, "($self, /, *args, **kwargs)"),
    super::m("__str__", os_str, "($self, /)"),
];

/// An `OSError` (or the subclass its errno maps to) for a Rust I/O error on `filename`.
pub fn from_io_error(
    vm: &mut Vm,
    err: &std::io::Error,
    filename: Option<Value>,
) -> PyResult<Value> {
    let Some(code) = err.raw_os_error() else {
        let msg = vm.new_str(&err.to_string())?;
        return new_exception(vm, vm.ty(Ty::OSError), vec![msg]);
    };
    let text = err.to_string();
    let strerror = text.split(" (os error").next().unwrap_or(&text).to_string();
    let ty = subclass_for_errno(code as i64).unwrap_or(Ty::OSError);
    let errno = vm.new_i64(code as i64)?;
    let strerror = vm.new_str(&strerror)?;
    let mut args = vec![errno, strerror];
    if let Some(f) = filename {
        args.push(f);
    }
    vm.temps.push(strerror);
    let r = new_exception(vm, vm.ty(ty), args);
    vm.temps.pop();
    r
}
