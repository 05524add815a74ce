//! `types.GenericAlias`, the value of `list[int]` (CPython's Objects/genericaliasobject.c):
//! origin and arguments, repr, calling the origin, `__mro_entries__`, and the builtin
//! containers' `__class_getitem__`.

use protopy_objects::{Trace, Tracer, Value};

use super::{m, typeobj, Args, NativeMethod};
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// `origin[args]`.
pub struct GenericAlias {
    pub origin: Value,
    pub args: Value,
    /// `*tuple[int, str]`: the alias unpacked by iterating over it (`__unpacked__`).
    pub starred: bool,
}

impl Trace for GenericAlias {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.origin);
        t.visit(self.args);
    }
}

/// A new `origin[item]` (`Py_GenericAlias`): a tuple item gives the arguments as they are.
pub fn new_alias(vm: &mut Vm, origin: Value, item: Value) -> PyResult<Value> {
    let args = if vm.is_exact(item, Ty::Tuple) {
        item
    } else {
        vm.new_tuple(vec![item])?
    };
    vm.temps.push(args);
    let r = vm.new_opaque(
        Ty::GenericAlias,
        GenericAlias {
            origin,
            args,
            starred: false,
        },
    );
    vm.temps.pop();
    r
}

/// `cls.__class_getitem__(item)` of the builtin generic classes.
fn class_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__class_getitem__", 1, 1)?;
    new_alias(vm, args.pos[0], args.pos[1])
}

const CLASS_GETITEM: &[NativeMethod] = &[super::cm(
    "__class_getitem__",
    class_getitem,
    "($cls, item, /)",
)];

/// `__class_getitem__` for the builtin types that are generic (installed with their tables).
pub fn class_getitem_of(ty: Ty) -> &'static [NativeMethod] {
    match ty {
        Ty::List
        | Ty::Dict
        | Ty::Tuple
        | Ty::Set
        | Ty::FrozenSet
        | Ty::Type
        | Ty::Enumerate
        | Ty::DictKeys
        | Ty::DictValues
        | Ty::DictItems => CLASS_GETITEM,
        _ => &[],
    }
}

fn parts(vm: &mut Vm, v: Value) -> PyResult<(Value, Value)> {
    match vm.opaque::<GenericAlias>(v) {
        Some(g) => Ok((g.origin, g.args)),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!(
                "descriptor requires a 'types.GenericAlias' object but received a '{t}'"
            )))
        }
    }
}

/// The repr of one argument (`ga_repr_item`): classes by qualified name, `...` for Ellipsis.
fn item_repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    if v == Value::ELLIPSIS {
        return Ok("...".into());
    }
    if vm.opaque::<GenericAlias>(v).is_some() {
        return protocols::repr::repr(vm, v);
    }
    if let Some(h) = v.as_handle().filter(|_| typeobj::is_type(vm, v)) {
        let q = typeobj::type_qualname(vm, h);
        return Ok(match typeobj::type_module(vm, h).as_deref() {
            Some("builtins") | None => q,
            Some(m) => format!("{m}.{q}"),
        });
    }
    protocols::repr::repr(vm, v)
}

fn ga_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (origin, a) = parts(vm, args.pos[0])?;
    let starred = vm
        .opaque::<GenericAlias>(args.pos[0])
        .is_some_and(|g| g.starred);
    let mut s = if starred {
        "*".to_string()
    } else {
        String::new()
    };
    s.push_str(&item_repr(vm, origin)?);
    let items = vm.tuple_items(a).map(|s| s.to_vec()).unwrap_or_default();
    let mut inner = Vec::with_capacity(items.len());
    for it in items.iter().copied() {
        inner.push(item_repr(vm, it)?);
    }
    if items.is_empty() {
        inner.push("()".into());
    }
    s.push('[');
    s.push_str(&inner.join(", "));
    s.push(']');
    vm.new_str(&s)
}

fn ga_call(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let (origin, _) = parts(vm, args.pos[0])?;
    args.pos.remove(0);
    protocols::call::call(vm, origin, args)
}

/// `iter(alias)`: yields the alias unpacked, once (`*tuple[int, str]`).
fn ga_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (origin, a) = parts(vm, args.pos[0])?;
    let starred = vm.new_opaque(
        Ty::GenericAlias,
        GenericAlias {
            origin,
            args: a,
            starred: true,
        },
    )?;
    vm.temps.push(starred);
    let one = vm.new_tuple(vec![starred]);
    vm.temps.pop();
    let one = one?;
    vm.temps.push(one);
    let r = protocols::iter::get_iter(vm, one);
    vm.temps.pop();
    r
}

fn ga_mro_entries(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__mro_entries__", 1, 1)?;
    let (origin, _) = parts(vm, args.pos[0])?;
    vm.new_tuple(vec![origin])
}

fn ga_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__eq__", 1, 1)?;
    let (o1, a1) = parts(vm, args.pos[0])?;
    let Some((o2, a2)) = vm
        .opaque::<GenericAlias>(args.pos[1])
        .map(|g| (g.origin, g.args))
    else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if o1 != o2 {
        return Ok(Value::FALSE);
    }
    protocols::compare::rich_compare(vm, a1, a2, 2)
}

fn ga_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (o, a) = parts(vm, args.pos[0])?;
    let h = protocols::hash(vm, o)? ^ protocols::hash(vm, a)?;
    vm.new_i64(if h == -1 { -2 } else { h })
}

fn ga_instancecheck(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.type_error("isinstance() argument 2 cannot be a parameterized generic"))
}

fn ga_subclasscheck(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.type_error("issubclass() argument 2 cannot be a parameterized generic"))
}

pub const METHODS: &[NativeMethod] = &[
    m("__repr__", ga_repr, "($self, /)"),
    m("__call__", ga_call, "($self, /, *args, **kwargs)"),
    m("__mro_entries__", ga_mro_entries, "($self, bases, /)"),
    m("__iter__", ga_iter, "($self, /)"),
    m("__eq__", ga_eq, "($self, value, /)"),
    m("__hash__", ga_hash, "($self, /)"),
    m(
        "__instancecheck__",
        ga_instancecheck,
        "($self, instance, /)",
    ),
    m(
        "__subclasscheck__",
        ga_subclasscheck,
        "($self, subclass, /)",
    ),
    m("__or__", super::union::union_or, "($self, value, /)"),
    m("__ror__", super::union::union_ror, "($self, value, /)"),
];

fn get_origin(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(parts(vm, v)?.0)
}
fn get_args(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(parts(vm, v)?.1)
}
/// The type parameters the arguments mention.
fn get_parameters(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let args = parts(vm, v)?.1;
    let items = vm.tuple_items(args).map(|s| s.to_vec()).unwrap_or_default();
    let mut params = Vec::new();
    super::generic::collect_parameters(vm, &items, &mut params);
    vm.new_tuple(params)
}

fn get_unpacked(vm: &mut Vm, v: Value) -> PyResult<Value> {
    parts(vm, v)?;
    Ok(Value::from_bool(
        vm.opaque::<GenericAlias>(v).is_some_and(|g| g.starred),
    ))
}

pub const GETSETS: &[(&str, super::Getter, Option<super::Setter>)] = &[
    ("__unpacked__", get_unpacked, None),
    ("__origin__", get_origin, None),
    ("__args__", get_args, None),
    ("__parameters__", get_parameters, None),
];
