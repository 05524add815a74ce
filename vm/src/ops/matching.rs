//! The opcodes of `match` statements (CPython's Python/bytecodes.c `MATCH_SEQUENCE`,
//! `MATCH_MAPPING`, `GET_LEN`, `MATCH_KEYS`, `MATCH_CLASS`, and `match_keys`/`match_class` in
//! Python/ceval.c).
//! https://docs.python.org/3/reference/compound_stmts.html#the-match-statement

use protopy_objects::Value;

use crate::eval::Step;
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};
use crate::types::{dict, typeobj, Args};

/// The builtin types a sequence pattern matches (with their subclasses).
fn is_match_sequence(vm: &Vm, v: Value) -> bool {
    matches!(vm.layout_of(v), Ty::List | Ty::Tuple | Ty::Range)
}

/// `MATCH_SEQUENCE` and `MATCH_MAPPING`: push whether the subject (kept) qualifies.
pub fn match_kind(vm: &mut Vm, mapping: bool) -> Step {
    let v = vm.f().peek(1);
    let r = if mapping {
        vm.layout_of(v) == Ty::Dict
    } else {
        is_match_sequence(vm, v)
    };
    vm.f().push(Value::from_bool(r));
    Ok(None)
}

/// `GET_LEN`: pushes `len(STACK[-1])`.
pub fn get_len(vm: &mut Vm) -> Step {
    let v = vm.f().peek(1);
    let n = protocols::item::len(vm, v)?;
    let n = vm.new_usize(n)?;
    vm.f().push(n);
    Ok(None)
}

/// `MATCH_KEYS`: `subject, keys` → `subject, keys, values or None`.
pub fn match_keys(vm: &mut Vm) -> Step {
    let (subject, keys) = (vm.f().peek(2), vm.f().peek(1));
    let keys = vm.tuple_items(keys).map(|k| k.to_vec()).unwrap_or_default();
    let mark = vm.temps.len();
    let r = values_for_keys(vm, subject, &keys);
    vm.temps.truncate(mark);
    let v = r?;
    vm.f().push(v);
    Ok(None)
}

fn values_for_keys(vm: &mut Vm, subject: Value, keys: &[Value]) -> PyResult<Value> {
    if keys.is_empty() {
        return vm.new_tuple(vec![]);
    }
    let exact = vm.is_exact(subject, Ty::Dict);
    let (get, missing) = if exact {
        (Value::NULL, Value::NULL)
    } else {
        let get = protocols::attr::getattr_str(vm, subject, "get")?;
        vm.temps.push(get);
        let missing = vm.new_list(vec![])?;
        vm.temps.push(missing);
        (get, missing)
    };
    let seen = vm.new_dict()?;
    vm.temps.push(seen);
    let mut values = Vec::with_capacity(keys.len());
    for &k in keys {
        if dict::get_item(vm, seen, k)?.is_some() {
            let r = protocols::repr::repr(vm, k)?;
            return Err(vm.value_error(&format!("mapping pattern checks duplicate key ({r})")));
        }
        dict::set_item(vm, seen, k, Value::NONE)?;
        let v = if exact {
            dict::get_item(vm, subject, k)?
        } else {
            let v = protocols::call::call(vm, get, Args::new(vec![k, missing]))?;
            (v != missing).then_some(v)
        };
        let Some(v) = v else {
            return Ok(Value::NONE);
        };
        vm.temps.push(v);
        values.push(v);
    }
    vm.new_tuple(values)
}

/// The builtin types whose instances match `cls(x)` as themselves (`_Py_TPFLAGS_MATCH_SELF`).
fn matches_self(ty: Ty) -> bool {
    matches!(
        ty,
        Ty::Bool
            | Ty::ByteArray
            | Ty::Bytes
            | Ty::Dict
            | Ty::Float
            | Ty::FrozenSet
            | Ty::Int
            | Ty::List
            | Ty::Set
            | Ty::Str
            | Ty::Tuple
    )
}

/// `MATCH_CLASS n`: `subject, cls, names` → the attribute tuple, or None when no match.
pub fn match_class(vm: &mut Vm, arg: u32) -> Step {
    let (subject, cls, names) = (vm.f().peek(3), vm.f().peek(2), vm.f().peek(1));
    let mark = vm.temps.len();
    let r = class_attributes(vm, subject, cls, names, arg as usize);
    vm.temps.truncate(mark);
    let v = r?;
    super::replace_top(vm, 3, v)
}

fn class_attributes(
    vm: &mut Vm,
    subject: Value,
    cls: Value,
    names: Value,
    nargs: usize,
) -> PyResult<Value> {
    let Some(ch) = cls.as_handle().filter(|_| typeobj::is_type(vm, cls)) else {
        return Err(vm.type_error("called match pattern must be a class"));
    };
    if !typeobj::is_subtype(vm, vm.type_of(subject), ch) {
        return Ok(Value::NONE);
    }
    let cls_name = typeobj::type_name(vm, ch);
    let mut seen: Vec<String> = Vec::new();
    let mut attrs = Vec::new();
    if nargs > 0 {
        let ma = vm.intern("__match_args__")?;
        let match_args = protocols::attr::getattr_opt(vm, cls, ma)?;
        if let Some(m) = match_args {
            vm.temps.push(m);
        }
        let match_self = match_args.is_none() && matches_self(typeobj::layout(vm, ch));
        let arg_names = match match_args {
            Some(m) => match vm
                .tuple_items(m)
                .filter(|_| vm.is_instance_ty(m, Ty::Tuple))
            {
                Some(items) => items.to_vec(),
                None => {
                    let t = vm.type_name(m);
                    return Err(vm.type_error(&format!(
                        "{cls_name}.__match_args__ must be a tuple (got {t})"
                    )));
                }
            },
            None => vec![],
        };
        let allowed = if match_self { 1 } else { arg_names.len() };
        if allowed < nargs {
            return Err(vm.type_error(&format!(
                "{cls_name}() accepts {allowed} positional sub-pattern{} ({nargs} given)",
                if allowed == 1 { "" } else { "s" }
            )));
        }
        if match_self {
            attrs.push(subject);
        } else {
            for &n in &arg_names[..nargs] {
                let Some(name) = vm.rust_str(n) else {
                    let t = vm.type_name(n);
                    return Err(vm.type_error(&format!(
                        "__match_args__ elements must be strings (got {t})"
                    )));
                };
                match attribute(vm, subject, n, &name, &cls_name, &mut seen)? {
                    Some(v) => attrs.push(v),
                    None => return Ok(Value::NONE),
                }
            }
        }
    }
    let kw = vm
        .tuple_items(names)
        .map(|k| k.to_vec())
        .unwrap_or_default();
    for n in kw {
        let name = vm.rust_str(n).unwrap_or_default();
        match attribute(vm, subject, n, &name, &cls_name, &mut seen)? {
            Some(v) => attrs.push(v),
            None => return Ok(Value::NONE),
        }
    }
    vm.new_tuple(attrs)
}

/// `getattr(subject, name)` for a sub-pattern, None when missing; a name used twice is an error.
fn attribute(
    vm: &mut Vm,
    subject: Value,
    key: Value,
    name: &str,
    cls_name: &str,
    seen: &mut Vec<String>,
) -> PyResult<Option<Value>> {
    if seen.iter().any(|s| s == name) {
        return Err(vm.type_error(&format!(
            "{cls_name}() got multiple sub-patterns for attribute '{name}'"
        )));
    }
    seen.push(name.to_string());
    let v = protocols::attr::getattr_opt(vm, subject, key)?;
    if let Some(v) = v {
        vm.temps.push(v);
    }
    Ok(v)
}
