//! Struct sequences (CPython's Objects/structseq.c): tuple types whose items are also named
//! read-only attributes, as `sys.version_info`, `sys.float_info` and `time.struct_time`.

use std::sync::atomic::Ordering;

use protopy_objects::{AtomicValue, Handle, TupleData, TypeData, Value};

use super::descr::Property;
use super::function::Native;
use super::{dict, Args, Binding};
use crate::runtime::{tyflags, Ty};
use crate::thread::{PyResult, Vm};

/// The getter of field `i`: a native bound to the index, called with the instance.
fn field_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(i), Some(obj)) = (
        args.get(0).and_then(|i| match vm.int_of(i) {
            Some(crate::numeric::Int::Small(n)) => Some(n),
            _ => None,
        }),
        args.get(1),
    ) else {
        return Err(vm.type_error("struct sequence field getter needs an instance"));
    };
    match vm.tuple_items(obj).and_then(|t| t.get(i as usize).copied()) {
        Some(v) => Ok(v),
        None => Ok(Value::NONE),
    }
}

/// Makes the struct sequence type `module.name` with `fields` (a tuple type: not a heap type,
/// so its instances use the tuple fast paths and its attributes are read-only).
pub fn new_type(
    vm: &mut Vm,
    module: &str,
    name: &str,
    fields: &[&'static str],
) -> PyResult<Handle> {
    let ns = vm.new_dict()?;
    vm.temps.push(ns);
    let r = (|| {
        let k = vm.intern("__module__")?;
        let m = vm.new_str(module)?;
        dict::set_item(vm, ns, k, m)?;
        let names = fields
            .iter()
            .map(|f| vm.intern(f))
            .collect::<PyResult<Vec<_>>>()?;
        let t = vm.new_tuple(names)?;
        let k = vm.intern("_fields")?;
        dict::set_item(vm, ns, k, t)?;
        for (i, &f) in fields.iter().enumerate() {
            let getter = vm.new_opaque(
                Ty::BuiltinFunction,
                Native {
                    name: f,
                    func: field_get,
                    sig: "",
                    owner: None,
                    module: None,
                    binding: Binding::Static,
                    bound: Value::from_i64(i as i64).unwrap_or(Value::NONE),
                },
            )?;
            vm.temps.push(getter);
            let p = vm.new_opaque(
                Ty::Property,
                Property {
                    fget: AtomicValue::new(getter),
                    fset: AtomicValue::new(Value::NONE),
                    fdel: AtomicValue::new(Value::NONE),
                    doc: AtomicValue::new(Value::NONE),
                },
            );
            vm.temps.pop();
            let k = vm.intern(f)?;
            dict::set_item(vm, ns, k, p?)?;
        }
        let n = vm.new_str(name)?;
        vm.temps.push(n);
        let base = vm.ty_val(Ty::Tuple);
        let meta = vm.ty(Ty::Type);
        let cls = super::typeobj::new_class(vm, meta, n, vec![base], ns);
        vm.temps.pop();
        let cls = cls?;
        let h = cls
            .as_handle()
            .ok_or_else(|| vm.type_error("struct sequence type"))?;
        if let Ok(d) = vm.m.get::<TypeData>(h) {
            let flags = d.flags.load(Ordering::Relaxed) & !tyflags::HEAPTYPE;
            d.flags.store(flags, Ordering::Relaxed);
        }
        Ok(h)
    })();
    vm.temps.pop();
    r
}

/// An instance of struct sequence type `ty` with `items`.
pub fn new_instance(vm: &mut Vm, ty: Handle, items: Vec<Value>) -> PyResult<Value> {
    vm.alloc_typed(ty, TupleData::new(items))
}

/// Whether `v` is an instance of a struct sequence type (a tuple type with `_fields`).
fn fields_of(vm: &mut Vm, v: Value) -> PyResult<Option<Vec<Value>>> {
    let ty = vm.type_of(v);
    if ty == vm.ty(Ty::Tuple) || vm.layout_of(v) != Ty::Tuple {
        return Ok(None);
    }
    let d = super::typeobj::type_dict(vm, ty);
    Ok(dict::get_str(vm, d, "_fields")?.and_then(|f| vm.tuple_items(f).map(|s| s.to_vec())))
}

/// `repr()` of a struct sequence: `module.name(field=value, ...)`; `None` for other values.
pub fn repr(vm: &mut Vm, v: Value) -> PyResult<Option<String>> {
    let Some(fields) = fields_of(vm, v)? else {
        return Ok(None);
    };
    let ty = vm.type_of(v);
    let name = super::typeobj::type_name(vm, ty);
    let module = super::typeobj::type_module(vm, ty);
    let items = vm.tuple_items(v).map(|s| s.to_vec()).unwrap_or_default();
    let mark = vm.temps.len();
    vm.temps.extend_from_slice(&items);
    let mut parts = Vec::with_capacity(items.len());
    for (f, x) in fields.iter().zip(items) {
        match crate::protocols::repr::repr(vm, x) {
            Ok(s) => parts.push(format!("{}={s}", vm.rust_str(*f).unwrap_or_default())),
            Err(e) => {
                vm.temps.truncate(mark);
                return Err(e);
            }
        }
    }
    vm.temps.truncate(mark);
    let prefix = match module.as_deref() {
        Some("builtins") | None => name,
        Some(m) => format!("{m}.{name}"),
    };
    Ok(Some(format!("{prefix}({})", parts.join(", "))))
}
