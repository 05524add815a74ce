//! `typing.Generic`, the base a generic class gets (`class C[T]` subclasses `Generic[T]`),
//! native here with what generic classes need: subscription (`Generic[T]`, `C[int]`, as
//! `types.GenericAlias`), and `__init_subclass__` giving the class its `__parameters__`. CPython
//! defines the type in Objects/typevarobject.c and these two in typing.py
//! (`_generic_class_getitem`, `_generic_init_subclass`), simplified here: the arguments are not
//! type-checked beyond CPython's errors below, and aliases are `types.GenericAlias`.
//! https://docs.python.org/3/library/typing.html#typing.Generic

use protopy_objects::Value;

use super::typevar::{ParamKind, TypeParamObj};
use super::{cm, generic_alias, Args, NativeMethod};
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

fn is_type_param(vm: &Vm, v: Value) -> bool {
    vm.opaque::<TypeParamObj>(v).is_some()
}

/// The type parameters `args` mention, in order and once each, looking into nested aliases
/// (`_collect_type_parameters`).
pub fn collect_parameters(vm: &mut Vm, args: &[Value], out: &mut Vec<Value>) {
    for &a in args {
        if is_type_param(vm, a) {
            if !out.contains(&a) {
                out.push(a);
            }
        } else if let Some(inner) = vm.opaque::<generic_alias::GenericAlias>(a).map(|g| g.args) {
            let items = vm
                .tuple_items(inner)
                .map(|s| s.to_vec())
                .unwrap_or_default();
            collect_parameters(vm, &items, out);
        }
    }
}

fn as_items(vm: &mut Vm, params: Value) -> Vec<Value> {
    if vm.is_exact(params, Ty::Tuple) {
        vm.tuple_items(params)
            .map(|s| s.to_vec())
            .unwrap_or_default()
    } else {
        vec![params]
    }
}

/// `Generic[params]` or `C[args]` for a generic class `C`.
fn class_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__class_getitem__", 1, 1)?;
    let (cls, params) = (args.pos[0], args.pos[1]);
    let items = as_items(vm, params);
    if cls == vm.ty_val(Ty::Generic) {
        if items.is_empty() {
            return Err(vm.type_error("Parameter list to Generic[...] cannot be empty"));
        }
        if !items.iter().all(|&p| is_type_param(vm, p)) {
            return Err(vm.type_error(
                "Parameters to Generic[...] must all be type variables or parameter specification variables.",
            ));
        }
        let mut unique = Vec::new();
        collect_parameters(vm, &items, &mut unique);
        if unique.len() != items.len() {
            return Err(vm.type_error("Parameters to Generic[...] must all be unique"));
        }
    } else {
        let parameters = protocols::attr::getattr_str(vm, cls, "__parameters__")?;
        let expected = vm
            .tuple_items(parameters)
            .map(|s| s.to_vec())
            .unwrap_or_default();
        if expected.is_empty() {
            let r = protocols::repr::repr(vm, cls)?;
            return Err(vm.type_error(&format!("{r} is not a generic class")));
        }
        let variadic = expected.iter().any(|&p| {
            vm.opaque::<TypeParamObj>(p)
                .is_some_and(|t| t.kind != ParamKind::TypeVar)
        });
        if !variadic && items.len() != expected.len() {
            let r = protocols::repr::repr(vm, cls)?;
            let which = if items.len() > expected.len() {
                "many"
            } else {
                "few"
            };
            return Err(vm.type_error(&format!(
                "Too {which} arguments for {r}; actual {}, expected {}",
                items.len(),
                expected.len()
            )));
        }
    }
    generic_alias::new_alias(vm, cls, params)
}

/// `__init_subclass__`: the class's `__parameters__`, from the aliases among its original
/// bases; when one is `Generic[...]`, exactly its parameters, which must name all the others.
fn init_subclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = args.pos[0];
    if !args.kw.is_empty() {
        let q = protocols::attr::getattr_str(vm, cls, "__qualname__")?;
        let q = vm.rust_str(q).unwrap_or_default();
        return Err(vm.type_error(&format!(
            "{q}.__init_subclass__() takes no keyword arguments"
        )));
    }
    let generic = vm.ty_val(Ty::Generic);
    let own = cls
        .as_handle()
        .map(|h| super::typeobj::type_dict(vm, h))
        .unwrap_or(Value::NONE);
    let orig = super::dict::get_str(vm, own, "__orig_bases__")?;
    let mut params = Vec::new();
    if let Some(orig) = orig {
        let bases = vm.tuple_items(orig).map(|s| s.to_vec()).unwrap_or_default();
        collect_parameters(vm, &bases, &mut params);
        let listed = bases.iter().find_map(|&b| {
            vm.opaque::<generic_alias::GenericAlias>(b)
                .filter(|g| g.origin == generic)
                .map(|g| g.args)
        });
        if let Some(listed) = listed {
            let listed = vm
                .tuple_items(listed)
                .map(|s| s.to_vec())
                .unwrap_or_default();
            let missing: Vec<Value> = params
                .iter()
                .copied()
                .filter(|p| !listed.contains(p))
                .collect();
            if !missing.is_empty() {
                let names = reprs(vm, &missing)?;
                let all = reprs(vm, &listed)?;
                return Err(vm.type_error(&format!(
                    "Some type variables ({names}) are not listed in Generic[{all}]"
                )));
            }
            params = listed;
        }
    }
    let t = vm.new_tuple(params)?;
    vm.temps.push(t);
    let r = vm
        .intern("__parameters__")
        .and_then(|n| protocols::attr::setattr(vm, cls, n, t));
    vm.temps.pop();
    r.map(|_| Value::NONE)
}

fn reprs(vm: &mut Vm, items: &[Value]) -> PyResult<String> {
    let mut out = Vec::with_capacity(items.len());
    for &i in items {
        out.push(protocols::repr::repr(vm, i)?);
    }
    Ok(out.join(", "))
}

/// `INTRINSIC_SUBSCRIPT_GENERIC`: `Generic[*params]`, the base of a generic class.
pub fn subscript_generic(vm: &mut Vm, params: Value) -> PyResult<Value> {
    let generic = vm.ty_val(Ty::Generic);
    class_getitem(vm, Args::new(vec![generic, params]))
}

pub const METHODS: &[NativeMethod] = &[
    cm("__class_getitem__", class_getitem, "($cls, params, /)"),
    cm(
        "__init_subclass__",
        init_subclass,
        "($cls, /, *args, **kwargs)",
    ),
];
