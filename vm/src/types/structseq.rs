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
        let k = vm.intern("__match_args__")?;
        dict::set_item(vm, ns, k, t)?;
        for attr in ["n_sequence_fields", "n_fields"] {
            let k = vm.intern(attr)?;
            let n = vm.new_usize(fields.len())?;
            dict::set_item(vm, ns, k, n)?;
        }
        let k = vm.intern("n_unnamed_fields")?;
        dict::set_item(vm, ns, k, Value::from_i64(0).unwrap_or(Value::NONE))?;
        let new = vm.new_opaque(
            Ty::BuiltinFunction,
            Native {
                name: "__new__",
                func: structseq_new,
                sig: "(type, sequence, dict={})",
                owner: None,
                module: None,
                binding: Binding::Static,
                bound: Value::NULL,
            },
        )?;
        vm.temps.push(new);
        let sm = vm.new_opaque(Ty::StaticMethod, super::descr::StaticMethod::new(new));
        vm.temps.pop();
        let k = vm.intern("__new__")?;
        dict::set_item(vm, ns, k, sm?)?;
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
                    name: AtomicValue::new(Value::NULL),
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

/// The field names of struct sequence type `ty` (a tuple type that is not a heap type).
fn type_fields(vm: &mut Vm, ty: Handle) -> PyResult<Option<Vec<Value>>> {
    if ty == vm.ty(Ty::Tuple)
        || super::typeobj::layout(vm, ty) != Ty::Tuple
        || super::typeobj::is_heap_type(vm, ty)
    {
        return Ok(None);
    }
    let d = super::typeobj::type_dict(vm, ty);
    Ok(dict::get_str(vm, d, "__match_args__")?.and_then(|f| vm.tuple_items(f).map(|s| s.to_vec())))
}

/// Whether `v` is an instance of a struct sequence type, with its field names.
fn fields_of(vm: &mut Vm, v: Value) -> PyResult<Option<Vec<Value>>> {
    let ty = vm.type_of(v);
    type_fields(vm, ty)
}

/// `struct_seq_type(sequence)` (`structseq_new_impl`).
fn structseq_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(cls) = args.get(0).and_then(|c| c.as_handle()) else {
        return Err(vm.type_error("structseq.__new__(X): X is not a type object"));
    };
    let a = super::num_slots::bind(vm, &args, "structseq", 1, &["sequence", "dict"], 2, 1)?;
    let Some(fields) = type_fields(vm, cls)? else {
        return Err(vm.type_error("structseq.__new__(X): X is not a struct sequence type"));
    };
    let seq = a[0].unwrap_or(Value::NONE);
    let items = match vm.tuple_items(seq) {
        Some(t) => t.to_vec(),
        None => match vm.list_data(seq) {
            Some(l) => l.snapshot(),
            None => match crate::protocols::iter::collect(vm, seq) {
                Ok(items) => items,
                Err(e) if vm.err_is(&e, Ty::TypeError) => {
                    return Err(vm.type_error("constructor requires a sequence"))
                }
                Err(e) => return Err(e),
            },
        },
    };
    let n = fields.len();
    if items.len() != n {
        let name = super::typeobj::type_name(vm, cls);
        let module = super::typeobj::type_module(vm, cls).unwrap_or_default();
        return Err(vm.type_error(&format!(
            "{module}.{name}() takes a {n}-sequence ({}-sequence given)",
            items.len()
        )));
    }
    let mark = vm.temps.len();
    vm.temps.extend_from_slice(&items);
    let r = new_instance(vm, cls, items);
    vm.temps.truncate(mark);
    r
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
