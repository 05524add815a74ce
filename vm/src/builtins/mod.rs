//! The `builtins` module (CPython's Python/bltinmodule.c): its functions, declared in one table,
//! and the builtin types and exceptions it exposes by name.
//! https://docs.python.org/3/library/functions.html

pub mod compile;
pub mod introspect;
pub mod numeric;
pub mod scope;
pub mod seq;

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
    let flush = args.take_kw(vm, "flush");
    if let Some(&(k, _)) = args.kw.first() {
        let k = vm.rust_str(k).unwrap_or_default();
        return Err(vm.type_error(&format!("print() got an unexpected keyword argument '{k}'")));
    }
    let file = match file.filter(|f| !f.is_none()) {
        Some(f) => f,
        None => {
            let sys = *vm.rt.sys.lock();
            let out = match dict_of_module(vm, sys) {
                Some(d) => dict::get_str(vm, d, "stdout")?,
                None => None,
            };
            match out {
                Some(o) if !o.is_none() => o,
                _ => return Ok(Value::NONE),
            }
        }
    };
    let mark = vm.temps.len();
    vm.temps.push(file);
    if vm.is_exact(file, Ty::TextIOWrapper) {
        // A native text file: one write of the whole line (its `write` cannot be overridden);
        // if an item's `str()` fails, what came before it is still written, as CPython does.
        let r = (|| {
            let mut out = String::new();
            let mut failed = None;
            for (i, &v) in args.pos.iter().enumerate() {
                if i > 0 {
                    out.push_str(&sep);
                }
                match protocols::repr::str(vm, v) {
                    Ok(s) => out.push_str(&s),
                    Err(e) => {
                        failed = Some(e);
                        break;
                    }
                }
            }
            if failed.is_none() {
                out.push_str(&end);
            }
            if !out.is_empty() {
                let s = vm.new_str(&out)?;
                vm.temps.push(s);
                crate::modules::io_methods::write_value(vm, file, s)?;
            }
            if let Some(e) = failed {
                return Err(e);
            }
            if let Some(f) = flush {
                if protocols::truth(vm, f)? {
                    protocols::call::call_method(vm, file, "flush", vec![])?;
                }
            }
            Ok(Value::NONE)
        })();
        vm.temps.truncate(mark);
        return r;
    }
    let r = (|| {
        let (sep, end) = (vm.new_str(&sep)?, vm.new_str(&end)?);
        vm.temps.extend_from_slice(&[sep, end]);
        for (i, &v) in args.pos.iter().enumerate() {
            if i > 0 {
                protocols::call::call_method(vm, file, "write", vec![sep])?;
            }
            let s = protocols::repr::str_value(vm, v)?;
            vm.temps.push(s);
            protocols::call::call_method(vm, file, "write", vec![s])?;
        }
        protocols::call::call_method(vm, file, "write", vec![end])?;
        if let Some(f) = flush {
            if protocols::truth(vm, f)? {
                protocols::call::call_method(vm, file, "flush", vec![])?;
            }
        }
        Ok(Value::NONE)
    })();
    vm.temps.truncate(mark);
    r
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

/// `iter(object)`.
fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "iter", 1, 2)?;
    if let Some(sentinel) = args.get(1) {
        if !protocols::call::is_callable(vm, args.pos[0]) {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        let it = crate::types::iter::CallIter {
            func: args.pos[0],
            sentinel,
            done: protopy_objects::ObjectMutex::new(false),
        };
        return vm.new_opaque(crate::runtime::Ty::CallableIterator, it);
    }
    protocols::iter::get_iter(vm, args.pos[0])
}

/// `next(iterator[, default])`.
fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "next", 1, 2)?;
    if args.pos.len() == 1 && crate::eval::generator::is_generator(vm, args.pos[0]) {
        // A generator's return value travels in its StopIteration.
        return crate::eval::generator::next_or_stop(vm, args.pos[0]);
    }
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
            if matches!(vm.layout_of(args.pos[0]), Ty::Bytes | Ty::ByteArray) {
                let b = crate::types::bytes::buffer_bytes(vm, args.pos[0])?.unwrap_or_default();
                return match b.as_slice() {
                    [c] => vm.new_i64(i64::from(*c)),
                    _ => Err(vm.type_error(&format!(
                        "ord() expected a character, but string of length {} found",
                        b.len()
                    ))),
                };
            }
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
    vm.new_i64(protocols::address(v))
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
        Some(s) if vm.str_data(s).is_none() => {
            let t = vm.type_name(s);
            return Err(vm.type_error(&format!("format() argument 2 must be str, not {t}")));
        }
        Some(s) => s,
        None => vm.intern("")?,
    };
    protocols::format::format(vm, args.pos[0], spec)
}

/// The functions of `builtins`.
pub const FUNCTIONS: &[NativeMethod] = &[
    sm("__build_class__", build_class, ""),
    sm("abs", numeric::abs, "($module, x, /)"),
    sm("all", all, "($module, iterable, /)"),
    sm("any", any, "($module, iterable, /)"),
    sm(
        "ascii",
        crate::types::str_ops::builtin_ascii,
        "($module, obj, /)",
    ),
    sm("bin", bin, "($module, number, /)"),
    sm("chr", chr, "($module, i, /)"),
    sm("divmod", numeric::divmod, "($module, x, y, /)"),
    sm("pow", numeric::pow, "($module, base, exp, mod=None)"),
    sm("round", numeric::round, "($module, number, ndigits=None)"),
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
    sm(
        "aiter",
        crate::eval::asyncgen::builtin_aiter,
        "($module, async_iterable, /)",
    ),
    sm("anext", crate::eval::asyncgen::builtin_anext, ""),
    sm("len", len, "($module, obj, /)"),
    sm("next", next, ""),
    sm(
        "print",
        print,
        "($module, /, *args, sep=' ', end='\\n', file=None, flush=False)",
    ),
    sm("repr", repr, "($module, obj, /)"),
];

/// Docstrings (`__doc__`) of the functions of `builtins`, by name, in CPython's words; a function
/// not listed has none.
pub const DOCS: &[(&str, &str)] = &[("len", "Return the number of items in a container.")];

/// Further functions of `builtins`, defined in other files.
const MORE_FUNCTIONS: &[NativeMethod] = &[
    sm(
        "__import__",
        crate::import::builtin_import,
        "($module, /, name, globals=None, locals=None, fromlist=(), level=0)",
    ),
    sm(
        "input",
        crate::modules::io_open::input,
        "($module, prompt='', /)",
    ),
    sm(
        "open",
        crate::modules::io_open::open,
        "($module, /, file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)",
    ),
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
            | Ty::Frame
            | Ty::Union
            | Ty::GenericAlias
            | Ty::MethodDescriptor
            | Ty::ClassMethodDescriptor
            | Ty::TypeVar
            | Ty::ParamSpec
            | Ty::TypeVarTuple
            | Ty::TypeAliasType
            | Ty::NoDefaultType
            | Ty::Generic
            | Ty::WrapperDescriptor
            | Ty::MethodWrapper
            | Ty::Iterator
            | Ty::ListIterator
            | Ty::ListReverseIterator
            | Ty::TupleIterator
            | Ty::RangeIterator
            | Ty::LongRangeIterator
            | Ty::StrIterator
            | Ty::BytesIterator
            | Ty::ByteArrayIterator
            | Ty::MemoryIterator
            | Ty::DictKeyIterator
            | Ty::DictValueIterator
            | Ty::DictItemIterator
            | Ty::SetIterator
            | Ty::DictKeys
            | Ty::DictValues
            | Ty::DictItems
            | Ty::CallableIterator
            | Ty::Template
            | Ty::Interpolation
            | Ty::FileIO
            | Ty::BufferedReader
            | Ty::BufferedWriter
            | Ty::BufferedRandom
            | Ty::TextIOWrapper
    )
}

/// Fills the `builtins` dict.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let b = vm.rt.builtins;
    let tables = [
        FUNCTIONS,
        compile::FUNCTIONS,
        introspect::FUNCTIONS,
        introspect::SITE_FUNCTIONS,
        scope::FUNCTIONS,
        MORE_FUNCTIONS,
    ];
    for meth in tables.into_iter().flatten() {
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
    crate::types::exceptions::install_aliases(vm)?;
    let k = vm.intern("__name__")?;
    let v = vm.intern("builtins")?;
    dict::set_item(vm, b, k, v)
}
