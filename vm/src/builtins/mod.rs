//! The `builtins` module (CPython's Python/bltinmodule.c): its functions, declared in one table,
//! and the builtin types and exceptions it exposes by name.
//! https://docs.python.org/3/library/functions.html

pub mod seq;

use std::io::Write;

use protopy_objects::Value;

use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};
use crate::types::{dict, function, sm, Args, NativeMethod};

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`.
fn print(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let text_arg = |vm: &mut Vm, v: Option<Value>, name: &str, default: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            Some(v) if v.is_none() => Ok(default.to_string()),
            Some(v) => match vm.rust_str(v) {
                Some(s) => Ok(s),
                None => {
                    let t = vm.type_name(v);
                    Err(vm.type_error(&format!("{name} must be None or a string, not {t}")))
                }
            },
        }
    };
    let sep = args.take_kw(vm, "sep");
    let sep = text_arg(vm, sep, "sep", " ")?;
    let end = args.take_kw(vm, "end");
    let end = text_arg(vm, end, "end", "\n")?;
    let file = args.take_kw(vm, "file");
    let _ = args.take_kw(vm, "flush");
    if let Some(&(k, _)) = args.kw.first() {
        let k = vm.rust_str(k).unwrap_or_default();
        return Err(vm.type_error(&format!("print() got an unexpected keyword argument '{k}'")));
    }
    let mut out = String::new();
    for (i, &v) in args.pos.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&protocols::repr::str(vm, v)?);
    }
    out.push_str(&end);
    let to_stderr = match file {
        Some(f) if !f.is_none() => {
            let sys = *vm.rt.sys.lock();
            let err = dict_of_module(vm, sys)
                .map(|d| dict::get_str(vm, d, "stderr"))
                .transpose()?
                .flatten();
            if err != Some(f) {
                return Err(crate::ops::not_yet(vm, "print(file=...) to a file object"));
            }
            true
        }
        _ => false,
    };
    let r = if to_stderr {
        std::io::stderr().write_all(out.as_bytes())
    } else {
        std::io::stdout().write_all(out.as_bytes())
    };
    match r {
        Ok(()) => Ok(Value::NONE),
        Err(e) => Err(vm.new_error(Ty::OSError, &e.to_string())),
    }
}

fn dict_of_module(vm: &Vm, m: Value) -> Option<Value> {
    vm.opaque::<crate::types::module::Module>(m).map(|m| m.dict)
}

/// `repr(object)`.
fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "repr", 1, 1)?;
    let s = protocols::repr::repr(vm, args.pos[0])?;
    vm.new_str(&s)
}

/// `len(s)`.
fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "len", 1, 1)?;
    let n = protocols::item::len(vm, args.pos[0])?;
    vm.new_usize(n)
}

/// `isinstance(object, classinfo)`.
fn isinstance(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "isinstance", 2, 2)?;
    protocols::instance::isinstance(vm, args.pos[0], args.pos[1]).map(Value::from_bool)
}

/// `issubclass(class, classinfo)`.
fn issubclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "issubclass", 2, 2)?;
    protocols::instance::issubclass(vm, args.pos[0], args.pos[1]).map(Value::from_bool)
}

/// `abs(x)`.
fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "abs", 1, 1)?;
    let v = args.pos[0];
    let neg = protocols::compare::rich_compare(vm, v, Value::from_bool(false), 0)?;
    if protocols::truth(vm, neg)? {
        protocols::number::unary(vm, v, b'-')
    } else {
        protocols::number::unary(vm, v, b'+')
    }
}

/// `iter(object)`.
fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "iter", 1, 1)?;
    protocols::iter::get_iter(vm, args.pos[0])
}

/// `next(iterator[, default])`.
fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "next", 1, 2)?;
    match protocols::iter::next(vm, args.pos[0])? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(d),
            None => Err(vm.new_error_args(Ty::StopIteration, vec![])),
        },
    }
}

/// `hash(object)`.
fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "hash", 1, 1)?;
    let h = protocols::hash(vm, args.pos[0])?;
    vm.new_i64(h)
}

/// `getattr(object, name[, default])`.
fn getattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "getattr", 2, 3)?;
    match protocols::attr::getattr(vm, args.pos[0], args.pos[1]) {
        Err(e) if args.pos.len() == 3 && vm.err_is(&e, Ty::AttributeError) => Ok(args.pos[2]),
        r => r,
    }
}

/// `callable(object)`.
fn callable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "callable", 1, 1)?;
    Ok(Value::from_bool(protocols::call::is_callable(
        vm,
        args.pos[0],
    )))
}

/// `__build_class__(func, name, /, *bases, metaclass=type)`: runs the class body in a new
/// namespace, then calls the metaclass.
fn build_class(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::types::typecreate::build_class(vm, args)
}

/// `ord(c)`.
fn ord(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "ord", 1, 1)?;
    let cps: Option<Vec<u32>> = vm
        .str_data(args.pos[0])
        .map(|d| d.code_points().take(2).collect());
    match cps.as_deref() {
        Some([c]) => vm.new_i64(i64::from(*c)),
        Some(cs) => {
            let n = vm
                .str_data(args.pos[0])
                .map(|d| d.len())
                .unwrap_or(cs.len());
            Err(vm.type_error(&format!(
                "ord() expected a character, but string of length {n} found"
            )))
        }
        None => {
            let t = vm.type_name(args.pos[0]);
            Err(vm.type_error(&format!("ord() expected string of length 1, but {t} found")))
        }
    }
}

/// `chr(i)`.
fn chr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "chr", 1, 1)?;
    let i = protocols::number::index_i64(vm, args.pos[0])?;
    if !(0..=0x10FFFF).contains(&i) {
        return Err(vm.value_error("chr() arg not in range(0x110000)"));
    }
    let mut b = Vec::new();
    crate::types::str::push_code_point(&mut b, i as u32);
    crate::types::str::new_from_bytes(vm, b)
}

/// `id(object)`: the handle's bits, or the value's for immediates.
fn id(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "id", 1, 1)?;
    let v = args.pos[0];
    let n = match v.as_handle() {
        Some(h) => {
            let text = format!("{h:?}");
            text.bytes()
                .fold(0i64, |a, c| a.wrapping_mul(31).wrapping_add(i64::from(c)))
                & 0x7FFF_FFFF_FFFF
        }
        None => (v.to_bits() & 0x7FFF_FFFF_FFFF) as i64,
    };
    vm.new_i64(n)
}

/// `hasattr(object, name)`.
fn hasattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "hasattr", 2, 2)?;
    match protocols::attr::getattr(vm, args.pos[0], args.pos[1]) {
        Ok(_) => Ok(Value::TRUE),
        Err(e) if vm.err_is(&e, Ty::AttributeError) => Ok(Value::FALSE),
        Err(e) => Err(e),
    }
}

/// `setattr(object, name, value)`.
fn setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "setattr", 3, 3)?;
    protocols::attr::setattr(vm, args.pos[0], args.pos[1], args.pos[2])?;
    Ok(Value::NONE)
}

/// `globals()`.
fn globals(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "globals", 0, 0)?;
    Ok(vm.frames.last().map(|f| f.globals).unwrap_or(Value::NONE))
}

/// `divmod(a, b)`.
fn divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "divmod", 2, 2)?;
    let q = protocols::number::binary_op(vm, args.pos[0], args.pos[1], 2)?;
    vm.temps.push(q);
    let r = protocols::number::binary_op(vm, args.pos[0], args.pos[1], 6);
    vm.temps.pop();
    vm.new_tuple(vec![q, r?])
}

fn radix(vm: &mut Vm, args: Args, name: &str, base: u32) -> PyResult<Value> {
    args.check(vm, name, 1, 1)?;
    let i = protocols::number::index(vm, args.pos[0])?;
    let s = crate::numeric::int_text::to_radix(&i, base, true);
    vm.new_str(&s)
}

/// `bin(x)`.
fn bin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "bin", 2)
}

/// `oct(x)`.
fn oct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "oct", 8)
}

/// `hex(x)`.
fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "hex", 16)
}

fn any_all(vm: &mut Vm, args: Args, name: &str, want: bool) -> PyResult<Value> {
    args.check(vm, name, 1, 1)?;
    let it = protocols::iter::get_iter(vm, args.pos[0])?;
    vm.temps.push(it);
    let r = (|| {
        while let Some(v) = protocols::iter::next(vm, it)? {
            if protocols::truth(vm, v)? == want {
                return Ok(Value::from_bool(want));
            }
        }
        Ok(Value::from_bool(!want))
    })();
    vm.temps.pop();
    r
}

/// `any(iterable)`.
fn any(vm: &mut Vm, args: Args) -> PyResult<Value> {
    any_all(vm, args, "any", true)
}

/// `all(iterable)`.
fn all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    any_all(vm, args, "all", false)
}

/// `format(value, format_spec='')`.
fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "format", 1, 2)?;
    let spec = match args.get(1) {
        Some(s) => s,
        None => vm.intern("")?,
    };
    protocols::format::format(vm, args.pos[0], spec)
}

/// The functions of `builtins`.
pub const FUNCTIONS: &[NativeMethod] = &[
    sm("__build_class__", build_class, ""),
    sm("abs", abs, "($module, x, /)"),
    sm("all", all, "($module, iterable, /)"),
    sm("any", any, "($module, iterable, /)"),
    sm("bin", bin, "($module, number, /)"),
    sm("chr", chr, "($module, i, /)"),
    sm("divmod", divmod, "($module, x, y, /)"),
    sm("format", format, "($module, value, format_spec='', /)"),
    sm("globals", globals, "($module, /)"),
    sm("hasattr", hasattr, "($module, obj, name, /)"),
    sm("hex", hex, "($module, number, /)"),
    sm("id", id, "($module, obj, /)"),
    sm("max", seq::max, ""),
    sm("min", seq::min, ""),
    sm("oct", oct, "($module, number, /)"),
    sm("ord", ord, "($module, c, /)"),
    sm("setattr", setattr, "($module, obj, name, value, /)"),
    sm(
        "sorted",
        seq::sorted,
        "($module, iterable, /, *, key=None, reverse=False)",
    ),
    sm("sum", seq::sum, "($module, iterable, /, start=0)"),
    sm("callable", callable, "($module, obj, /)"),
    sm("getattr", getattr, ""),
    sm("hash", hash, "($module, obj, /)"),
    sm(
        "isinstance",
        isinstance,
        "($module, obj, class_or_tuple, /)",
    ),
    sm(
        "issubclass",
        issubclass,
        "($module, cls, class_or_tuple, /)",
    ),
    sm("iter", iter, ""),
    sm("len", len, "($module, obj, /)"),
    sm("next", next, ""),
    sm(
        "print",
        print,
        "($module, /, *args, sep=' ', end='\\n', file=None, flush=False)",
    ),
    sm("repr", repr, "($module, obj, /)"),
];

/// Types `builtins` does not expose by name (internal iterator and descriptor types).
fn exposed(ty: Ty) -> bool {
    !matches!(
        ty,
        Ty::NoneType
            | Ty::Function
            | Ty::Method
            | Ty::BuiltinFunction
            | Ty::Code
            | Ty::Cell
            | Ty::Module
            | Ty::Generator
            | Ty::NotImplementedType
            | Ty::Ellipsis
            | Ty::GetSet
            | Ty::Traceback
            | Ty::MemberDescriptor
            | Ty::MappingProxy
            | Ty::Union
            | Ty::GenericAlias
            | Ty::MethodDescriptor
            | Ty::WrapperDescriptor
            | Ty::MethodWrapper
            | Ty::Iterator
            | Ty::ListIterator
            | Ty::TupleIterator
            | Ty::RangeIterator
            | Ty::StrIterator
            | Ty::DictKeyIterator
            | Ty::DictValueIterator
            | Ty::DictItemIterator
            | Ty::SetIterator
            | Ty::DictKeys
            | Ty::DictValues
            | Ty::DictItems
            | Ty::CallableIterator
    )
}

/// Fills the `builtins` dict.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let b = vm.rt.builtins;
    for meth in FUNCTIONS {
        let f = function::new_module_native(vm, meth, "builtins")?;
        let k = vm.intern(meth.name)?;
        dict::set_item(vm, b, k, f)?;
    }
    for &ty in Ty::ALL {
        if exposed(ty) {
            let k = vm.intern(ty.name())?;
            let v = vm.ty_val(ty);
            dict::set_item(vm, b, k, v)?;
        }
    }
    for (name, v) in [
        ("None", Value::NONE),
        ("True", Value::TRUE),
        ("False", Value::FALSE),
        ("Ellipsis", Value::ELLIPSIS),
        ("NotImplemented", Value::NOT_IMPLEMENTED),
    ] {
        let k = vm.intern(name)?;
        dict::set_item(vm, b, k, v)?;
    }
    let k = vm.intern("__name__")?;
    let v = vm.intern("builtins")?;
    dict::set_item(vm, b, k, v)
}
