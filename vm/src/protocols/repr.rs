//! `repr()` and `str()` (Objects/object.c `PyObject_Repr`/`PyObject_Str`), with the recursion
//! guard of `Py_ReprEnter` for self-containing containers.

use protopy_compiler::literals::{repr_bytes, repr_float};
use protopy_objects::{Value, ValueKind};

use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};
use crate::types::typeobj;

/// `repr(v)` as text.
pub fn repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    if v.as_handle().is_none() {
        return repr_inner(vm, v);
    }
    vm.enter_native(" while getting the repr of an object")?;
    let r = repr_inner(vm, v);
    vm.exit_native();
    r
}

fn repr_inner(vm: &mut Vm, v: Value) -> PyResult<String> {
    match v.kind() {
        ValueKind::None => return Ok("None".into()),
        ValueKind::Bool(b) => return Ok(if b { "True" } else { "False" }.into()),
        ValueKind::SmallInt(n) => return Ok(n.to_string()),
        ValueKind::Float(f) => return Ok(repr_float(f)),
        ValueKind::Ellipsis => return Ok("Ellipsis".into()),
        ValueKind::NotImplemented => return Ok("NotImplemented".into()),
        ValueKind::Null => return Ok("<NULL>".into()),
        ValueKind::Handle(_) => {}
    }
    let ty = vm.type_of(v);
    if typeobj::is_heap_type(vm, ty) {
        let n = vm.intern("__repr__")?;
        if let Some(f) = typeobj::lookup(vm, ty, n) {
            if vm.opaque::<crate::types::function::Native>(f).is_none() {
                let r = super::call::call(vm, f, crate::types::Args::new(vec![v]))?;
                return match vm.rust_str(r) {
                    Some(s) => Ok(s),
                    None => {
                        let t = vm.type_name(r);
                        Err(vm.type_error(&format!("__repr__ returned non-string (type {t})")))
                    }
                };
            }
        }
    }
    native_repr(vm, v)
}

fn guarded(
    vm: &mut Vm,
    v: Value,
    empty: &str,
    f: impl FnOnce(&mut Vm) -> PyResult<String>,
) -> PyResult<String> {
    if vm.repr_guard.contains(&v) {
        return Ok(empty.into());
    }
    if vm.repr_guard.len()
        > vm.rt
            .recursion_limit
            .load(std::sync::atomic::Ordering::Relaxed)
    {
        return Err(vm.new_error(
            Ty::RecursionError,
            "maximum recursion depth exceeded while getting the repr of an object",
        ));
    }
    vm.repr_guard.push(v);
    let r = f(vm);
    vm.repr_guard.pop();
    r
}

fn join_reprs(vm: &mut Vm, items: &[Value]) -> PyResult<String> {
    let mark = vm.temps.len();
    vm.temps.extend_from_slice(items);
    let mut parts = Vec::with_capacity(items.len());
    for &i in items {
        match repr(vm, i) {
            Ok(s) => parts.push(s),
            Err(e) => {
                vm.temps.truncate(mark);
                return Err(e);
            }
        }
    }
    vm.temps.truncate(mark);
    Ok(parts.join(", "))
}

/// The builtin repr of `v`, ignoring a `__repr__` its class defines.
pub fn native_repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    let lay = vm.layout_of(v);
    match lay {
        Ty::Int | Ty::Bool => {
            let i = vm.int_of(v).unwrap_or(crate::numeric::Int::Small(0));
            return crate::numeric::int_text::to_decimal(&i, crate::modules::sys::max_str_digits())
                .map_err(|e| super::number::num_err(vm, e));
        }
        Ty::Complex => {
            if let Some(s) = crate::types::complex::complex_repr(vm, v) {
                return Ok(s);
            }
        }
        Ty::Str => {
            return Ok(vm
                .pystr(v)
                .map(|s| protopy_compiler::literals::repr_str(&s))
                .unwrap_or_default())
        }
        Ty::Bytes => {
            let b =
                vm.m.get_value::<protopy_objects::BytesData>(v)
                    .map(|b| b.bytes.to_vec())
                    .unwrap_or_default();
            return Ok(repr_bytes(&b));
        }
        Ty::ByteArray | Ty::MemoryView => {
            if let Some(r) = crate::types::bytes::repr(vm, v)? {
                return Ok(r);
            }
        }
        Ty::List => {
            let items = vm.list_data(v).map(|l| l.snapshot()).unwrap_or_default();
            return guarded(vm, v, "[...]", |vm| {
                Ok(format!("[{}]", join_reprs(vm, &items)?))
            });
        }
        Ty::Tuple => {
            if let Some(s) = crate::types::structseq::repr(vm, v)? {
                return Ok(s);
            }
            let items = vm.tuple_items(v).map(|s| s.to_vec()).unwrap_or_default();
            return guarded(vm, v, "(...)", |vm| {
                let inner = join_reprs(vm, &items)?;
                Ok(if items.len() == 1 {
                    format!("({inner},)")
                } else {
                    format!("({inner})")
                })
            });
        }
        Ty::Dict => {
            let items = crate::types::dict::items(vm, v);
            return guarded(vm, v, "{...}", |vm| {
                let mut parts = Vec::new();
                let mark = vm.temps.len();
                for &(k, x) in &items {
                    vm.temps.push(k);
                    vm.temps.push(x);
                }
                for (k, x) in items {
                    let ks = repr(vm, k)?;
                    let xs = repr(vm, x)?;
                    parts.push(format!("{ks}: {xs}"));
                }
                vm.temps.truncate(mark);
                Ok(format!("{{{}}}", parts.join(", ")))
            });
        }
        Ty::Set | Ty::FrozenSet => {
            let items = crate::types::set::elements(vm, v);
            let name = vm.type_name(v);
            let exact_set = vm.is_exact(v, Ty::Set);
            return guarded(vm, v, &format!("{name}(...)"), |vm| {
                let inner = join_reprs(vm, &items)?;
                Ok(match (items.is_empty(), exact_set) {
                    (true, _) => format!("{name}()"),
                    (false, true) => format!("{{{inner}}}"),
                    _ => format!("{name}({{{inner}}})"),
                })
            });
        }
        Ty::FileIO
        | Ty::BufferedReader
        | Ty::BufferedWriter
        | Ty::BufferedRandom
        | Ty::TextIOWrapper => return crate::modules::io_methods::file_repr(vm, v),
        Ty::Module => return crate::import::module_repr(vm, v),
        _ => {}
    }
    if let Some(s) = crate::types::object::special_repr(vm, v)? {
        return Ok(s);
    }
    let ty = vm.type_of(v);
    let module = typeobj::type_module(vm, ty);
    let q = typeobj::type_qualname(vm, ty);
    let name = match module.as_deref() {
        Some("builtins") | None => q,
        Some(m) => format!("{m}.{q}"),
    };
    Ok(format!("<{name} object at {:#x}>", super::address(v)))
}

/// `str(v)` as text.
pub fn str(vm: &mut Vm, v: Value) -> PyResult<String> {
    if let Some(s) = vm.rust_str(v) {
        if !typeobj::is_heap_type(vm, vm.type_of(v)) {
            return Ok(s);
        }
    }
    let ty = vm.type_of(v);
    let n = vm.intern("__str__")?;
    if let Some(f) = typeobj::lookup(vm, ty, n) {
        if vm.opaque::<crate::types::function::Native>(f).is_none() {
            let r = super::call::call(vm, f, crate::types::Args::new(vec![v]))?;
            return match vm.rust_str(r) {
                Some(s) => Ok(s),
                None => {
                    let t = vm.type_name(r);
                    Err(vm.type_error(&format!("__str__ returned non-string (type {t})")))
                }
            };
        }
    }
    if vm.is_instance_ty(v, Ty::BaseException) {
        return crate::types::exceptions::exc_str(vm, v);
    }
    if let Some(s) = vm.rust_str(v) {
        return Ok(s);
    }
    repr(vm, v)
}

/// `str(v)` as a str value (`PyObject_Str`): a `__str__` defined in Python may return an
/// instance of a `str` subclass, which is kept as it is.
pub fn str_value(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if vm.is_exact(v, Ty::Str) {
        return Ok(v);
    }
    let ty = vm.type_of(v);
    if typeobj::is_heap_type(vm, ty) {
        let n = vm.intern("__str__")?;
        if let Some(f) = typeobj::lookup(vm, ty, n) {
            if vm.opaque::<crate::types::function::Native>(f).is_none() {
                let r = super::call::call(vm, f, crate::types::Args::new(vec![v]))?;
                if vm.is_instance_ty(r, Ty::Str) {
                    return Ok(r);
                }
                let t = vm.type_name(r);
                return Err(vm.type_error(&format!("__str__ returned non-string (type {t})")));
            }
        }
    }
    let s = str(vm, v)?;
    vm.new_str(&s)
}
