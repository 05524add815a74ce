//! `isinstance` and `issubclass` (Objects/abstract.c `PyObject_IsInstance`,
//! `PyObject_IsSubclass`): exact matches, tuples of classes, the metaclass's
//! `__instancecheck__`/`__subclasscheck__`, and the `__class__`/`__bases__` protocol for objects
//! that are not types.

use protopy_objects::Value;

use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};
use crate::types::{typeobj, Args};

/// `obj.__bases__` when it is a tuple (`abstract_get_bases`), else None.
fn get_bases(vm: &mut Vm, obj: Value) -> PyResult<Option<Vec<Value>>> {
    let n = vm.intern("__bases__")?;
    let b = super::attr::getattr_opt(vm, obj, n)?;
    Ok(b.and_then(|b| vm.tuple_items(b).map(|s| s.to_vec())))
}

/// Whether `derived` reaches `cls` through `__bases__` (`abstract_issubclass`).
fn abstract_issubclass(vm: &mut Vm, derived: Value, cls: Value) -> PyResult<bool> {
    let mark = vm.temps.len();
    let r = abstract_issubclass_inner(vm, derived, cls);
    vm.temps.truncate(mark);
    r
}

fn abstract_issubclass_inner(vm: &mut Vm, derived: Value, cls: Value) -> PyResult<bool> {
    let mut d = derived;
    loop {
        if d == cls {
            return Ok(true);
        }
        let Some(bases) = get_bases(vm, d)? else {
            return Ok(false);
        };
        match bases.as_slice() {
            [] => return Ok(false),
            [one] => {
                // `__bases__` may be computed: keep the class it named alive.
                d = *one;
                vm.temps.push(d);
            }
            many => {
                vm.temps.extend_from_slice(many);
                let mut found = Ok(false);
                for &b in many {
                    vm.enter_native(" in __subclasscheck__")?;
                    let r = abstract_issubclass(vm, b, cls);
                    vm.exit_native();
                    if !matches!(r, Ok(false)) {
                        found = r;
                        break;
                    }
                }
                return found;
            }
        }
    }
}

/// `isinstance` without the metaclass hook (`object_isinstance`).
pub fn recursive_isinstance(vm: &mut Vm, obj: Value, cls: Value) -> PyResult<bool> {
    let cn = vm.intern("__class__")?;
    if let Some(h) = cls.as_handle().filter(|_| typeobj::is_type(vm, cls)) {
        if typeobj::is_subtype(vm, vm.type_of(obj), h) {
            return Ok(true);
        }
        let Some(c) = super::attr::getattr_opt(vm, obj, cn)? else {
            return Ok(false);
        };
        if c != Value::from_handle(vm.type_of(obj)) {
            if let Some(ch) = c.as_handle().filter(|_| typeobj::is_type(vm, c)) {
                return Ok(typeobj::is_subtype(vm, ch, h));
            }
        }
        return Ok(false);
    }
    if get_bases(vm, cls)?.is_none() {
        return Err(
            vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")
        );
    }
    match super::attr::getattr_opt(vm, obj, cn)? {
        Some(c) => {
            vm.temps.push(c);
            let r = abstract_issubclass(vm, c, cls);
            vm.temps.pop();
            r
        }
        None => Ok(false),
    }
}

/// `isinstance(obj, cls)`: https://docs.python.org/3/library/functions.html#isinstance
pub fn isinstance(vm: &mut Vm, obj: Value, cls: Value) -> PyResult<bool> {
    if Value::from_handle(vm.type_of(obj)) == cls {
        return Ok(true);
    }
    if vm.is_exact(cls, Ty::Type) {
        return recursive_isinstance(vm, obj, cls);
    }
    let items = vm
        .tuple_items(cls)
        .map(|s| s.to_vec())
        .or_else(|| crate::types::union::union_args(vm, cls));
    if let Some(items) = items {
        for c in items {
            vm.enter_native(" in __instancecheck__")?;
            let r = isinstance(vm, obj, c);
            vm.exit_native();
            if r? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let meta = vm.type_of(cls);
    let n = vm.intern("__instancecheck__")?;
    if let Some(f) = typeobj::lookup(vm, meta, n) {
        vm.enter_native(" in __instancecheck__")?;
        let r = super::attr::bind(vm, f, cls, Value::from_handle(meta))
            .and_then(|f| super::call::call(vm, f, Args::new(vec![obj])));
        vm.exit_native();
        let r = r?;
        return super::truth(vm, r);
    }
    recursive_isinstance(vm, obj, cls)
}

/// `issubclass` without the metaclass hook (`recursive_issubclass`).
pub fn recursive_issubclass(vm: &mut Vm, derived: Value, cls: Value) -> PyResult<bool> {
    if let (Some(d), Some(c)) = (derived.as_handle(), cls.as_handle()) {
        if typeobj::is_type(vm, derived) && typeobj::is_type(vm, cls) {
            return Ok(typeobj::is_subtype(vm, d, c));
        }
    }
    if !typeobj::is_type(vm, derived) && get_bases(vm, derived)?.is_none() {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    }
    if !typeobj::is_type(vm, cls) && get_bases(vm, cls)?.is_none() {
        return Err(
            vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")
        );
    }
    abstract_issubclass(vm, derived, cls)
}

/// `issubclass(derived, cls)`: https://docs.python.org/3/library/functions.html#issubclass
pub fn issubclass(vm: &mut Vm, derived: Value, cls: Value) -> PyResult<bool> {
    if vm.is_exact(cls, Ty::Type) {
        if derived == cls {
            return Ok(true);
        }
        return recursive_issubclass(vm, derived, cls);
    }
    let items = vm
        .tuple_items(cls)
        .map(|s| s.to_vec())
        .or_else(|| crate::types::union::union_args(vm, cls));
    if let Some(items) = items {
        for c in items {
            vm.enter_native(" in __subclasscheck__")?;
            let r = issubclass(vm, derived, c);
            vm.exit_native();
            if r? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let meta = vm.type_of(cls);
    let n = vm.intern("__subclasscheck__")?;
    if let Some(f) = typeobj::lookup(vm, meta, n) {
        vm.enter_native(" in __subclasscheck__")?;
        let r = super::attr::bind(vm, f, cls, Value::from_handle(meta))
            .and_then(|f| super::call::call(vm, f, Args::new(vec![derived])));
        vm.exit_native();
        let r = r?;
        return super::truth(vm, r);
    }
    recursive_issubclass(vm, derived, cls)
}
