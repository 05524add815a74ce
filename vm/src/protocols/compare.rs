//! Rich comparisons (Objects/object.c `PyObject_RichCompare`): native numbers, strings and
//! sequences, then `__eq__`/`__lt__`/... with the reflected operation on `NotImplemented`.

use std::cmp::Ordering;

use protopy_objects::{Value, ValueKind};

use crate::numeric;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};
use crate::types::{typeobj, Args};

const NAMES: [&str; 6] = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];
const SWAPPED: [usize; 6] = [4, 5, 2, 3, 0, 1];
const SYMBOLS: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// Compares two numbers (int, bool, float) without Python code.
pub fn num_cmp(vm: &Vm, a: Value, b: Value) -> Option<Ordering> {
    // A float subclass instance carries its float as its base value.
    let (a, b) = (
        crate::types::subclass::base_value(vm, a),
        crate::types::subclass::base_value(vm, b),
    );
    if let (ValueKind::SmallInt(x), ValueKind::SmallInt(y)) = (a.kind(), b.kind()) {
        return Some(x.cmp(&y));
    }
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x.partial_cmp(&y),
        (Some(x), None) => numeric::int::cmp_float(&vm.int_of(b)?, x).map(Ordering::reverse),
        (None, Some(y)) => numeric::int::cmp_float(&vm.int_of(a)?, y),
        (None, None) => Some(numeric::int::cmp(&vm.int_of(a)?, &vm.int_of(b)?)),
    }
}

fn apply(op: usize, o: Option<Ordering>) -> bool {
    match o {
        None => op == 3,
        Some(o) => match op {
            0 => o == Ordering::Less,
            1 => o != Ordering::Greater,
            2 => o == Ordering::Equal,
            3 => o != Ordering::Equal,
            4 => o == Ordering::Greater,
            _ => o != Ordering::Less,
        },
    }
}

/// `a == b` as a bool, identity first (`PyObject_RichCompareBool`): one NaN object equals
/// itself here, as in `[nan] == [nan]`.
pub fn eq(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if a == b {
        return Ok(true);
    }
    let r = rich_compare(vm, a, b, 2)?;
    super::truth(vm, r)
}

/// `COMPARE_OP op`.
pub fn rich_compare(vm: &mut Vm, a: Value, b: Value, op: usize) -> PyResult<Value> {
    if a.as_handle().is_none() && b.as_handle().is_none() {
        return rich_compare_inner(vm, a, b, op);
    }
    vm.enter_native(" in comparison")?;
    let r = rich_compare_inner(vm, a, b, op);
    vm.exit_native();
    r
}

fn rich_compare_inner(vm: &mut Vm, a: Value, b: Value, op: usize) -> PyResult<Value> {
    let (la, lb) = (vm.layout_of(a), vm.layout_of(b));
    let num = |t: Ty| matches!(t, Ty::Int | Ty::Bool | Ty::Float);
    let (ta, tb) = (vm.type_of(a), vm.type_of(b));
    let user = typeobj::is_heap_type(vm, ta) || typeobj::is_heap_type(vm, tb);
    if !user {
        if num(la) && num(lb) {
            return Ok(Value::from_bool(apply(op, num_cmp(vm, a, b))));
        }
        if let Some(r) = native_compare(vm, a, b, la, lb, op)? {
            return Ok(Value::from_bool(r));
        }
        if let Some(r) = builtin_method_compare(vm, a, b, ta, tb, op)? {
            return Ok(r);
        }
    } else {
        let reflected_first = ta != tb && typeobj::is_subtype(vm, tb, ta);
        let order: [(Value, protopy_objects::Handle, usize, Value); 2] = if reflected_first {
            [(b, tb, SWAPPED[op], a), (a, ta, op, b)]
        } else {
            [(a, ta, op, b), (b, tb, SWAPPED[op], a)]
        };
        for (x, tx, o, y) in order {
            let n = vm.intern(NAMES[o])?;
            if let Some(f) = typeobj::lookup(vm, tx, n) {
                if vm.opaque::<crate::types::function::Native>(f).is_none() {
                    let r = super::call::call(vm, f, Args::new(vec![x, y]))?;
                    if r != Value::NOT_IMPLEMENTED {
                        return Ok(r);
                    }
                } else if o == 3 {
                    // `object.__ne__`: the inverse of a Python `__eq__`.
                    if let Some(eq) = super::attr::python_override(vm, tx, "__eq__")? {
                        let r = super::call::call(vm, eq, Args::new(vec![x, y]))?;
                        if r != Value::NOT_IMPLEMENTED {
                            return Ok(Value::from_bool(!super::truth(vm, r)?));
                        }
                    }
                }
            }
        }
        if num(la) && num(lb) {
            // Instances of int/float subclasses that do not define the comparison.
            return Ok(Value::from_bool(apply(op, num_cmp(vm, a, b))));
        }
        if let Some(r) = native_compare(vm, a, b, la, lb, op)? {
            return Ok(Value::from_bool(r));
        }
    }
    match op {
        2 => Ok(Value::from_bool(a == b)),
        3 => Ok(Value::from_bool(a != b)),
        _ => {
            let (na, nb) = (vm.type_name(a), vm.type_name(b));
            Err(vm.type_error(&format!(
                "'{}' not supported between instances of '{na}' and '{nb}'",
                SYMBOLS[op]
            )))
        }
    }
}

/// A builtin type's own native comparison method (`typing.Union.__eq__`,
/// `mappingproxy.__eq__`), then the reflected one of the other operand.
fn builtin_method_compare(
    vm: &mut Vm,
    a: Value,
    b: Value,
    ta: protopy_objects::Handle,
    tb: protopy_objects::Handle,
    op: usize,
) -> PyResult<Option<Value>> {
    for (x, tx, o, y) in [(a, ta, op, b), (b, tb, SWAPPED[op], a)] {
        let n = vm.intern(NAMES[o])?;
        let Some(f) = typeobj::lookup(vm, tx, n) else {
            continue;
        };
        let own = vm
            .opaque::<crate::types::function::Native>(f)
            .is_some_and(|n| n.owner.is_some_and(|t| t != Ty::Object));
        if own {
            let r = super::call::call(vm, f, Args::new(vec![x, y]))?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(Some(r));
            }
        }
    }
    Ok(None)
}

pub fn native_compare(
    vm: &mut Vm,
    a: Value,
    b: Value,
    la: Ty,
    lb: Ty,
    op: usize,
) -> PyResult<Option<bool>> {
    match (la, lb) {
        (Ty::Str, Ty::Str) => {
            let (Some(x), Some(y)) = (vm.str_data(a), vm.str_data(b)) else {
                return Ok(None);
            };
            // Generalized UTF-8 orders like code points.
            Ok(Some(apply(op, Some(x.as_bytes().cmp(y.as_bytes())))))
        }
        (
            Ty::Bytes | Ty::ByteArray | Ty::MemoryView,
            Ty::Bytes | Ty::ByteArray | Ty::MemoryView,
        ) => crate::types::bytes::compare(vm, a, b, op),
        (Ty::List, Ty::List) | (Ty::Tuple, Ty::Tuple) => {
            let (x, y) = if la == Ty::List {
                (
                    vm.list_data(a).map(|l| l.snapshot()).unwrap_or_default(),
                    vm.list_data(b).map(|l| l.snapshot()).unwrap_or_default(),
                )
            } else {
                (
                    vm.tuple_items(a).map(|s| s.to_vec()).unwrap_or_default(),
                    vm.tuple_items(b).map(|s| s.to_vec()).unwrap_or_default(),
                )
            };
            let mark = vm.temps.len();
            vm.temps.extend_from_slice(&x);
            vm.temps.extend_from_slice(&y);
            let r = seq_compare(vm, &x, &y, op);
            vm.temps.truncate(mark);
            r.map(Some)
        }
        (Ty::Dict, Ty::Dict) if op == 2 || op == 3 => {
            let x = crate::types::dict::items(vm, a);
            let same = x.len() == crate::types::dict::len(vm, b) && {
                let mut all = true;
                for (k, v) in x {
                    match crate::types::dict::get_item(vm, b, k)? {
                        Some(w) if eq(vm, v, w)? => {}
                        _ => {
                            all = false;
                            break;
                        }
                    }
                }
                all
            };
            Ok(Some(same == (op == 2)))
        }
        (Ty::DictKeys | Ty::DictItems, _) | (_, Ty::DictKeys | Ty::DictItems) => {
            crate::types::dict_views::view_compare(vm, a, b, op)
        }
        (Ty::Range, Ty::Range) if op == 2 || op == 3 => {
            Ok(crate::types::range::range_eq(vm, a, b).map(|e| e == (op == 2)))
        }
        (Ty::Slice, Ty::Slice) => {
            let (Some((a0, a1, a2)), Some((b0, b1, b2))) = (
                crate::types::slice::fields(vm, a),
                crate::types::slice::fields(vm, b),
            ) else {
                return Ok(None);
            };
            let mark = vm.temps.len();
            vm.temps.extend_from_slice(&[a0, a1, a2, b0, b1, b2]);
            let r = seq_compare(vm, &[a0, a1, a2], &[b0, b1, b2], op);
            vm.temps.truncate(mark);
            r.map(Some)
        }
        (Ty::Set | Ty::FrozenSet, Ty::Set | Ty::FrozenSet) => {
            crate::types::set::compare(vm, a, b, op).map(Some)
        }
        (Ty::Method, Ty::Method) if op == 2 || op == 3 => {
            crate::types::method::method_eq(vm, a, b).map(|r| r.map(|e| e == (op == 2)))
        }
        (Ty::Cell, Ty::Cell) => crate::types::cell::compare(vm, a, b, op),
        (Ty::Complex, _) | (_, Ty::Complex) if op == 2 || op == 3 => {
            crate::types::float::complex_eq(vm, a, b).map(|r| r.map(|e| e == (op == 2)))
        }
        _ => Ok(None),
    }
}

fn seq_compare(vm: &mut Vm, x: &[Value], y: &[Value], op: usize) -> PyResult<bool> {
    for (&p, &q) in x.iter().zip(y.iter()) {
        if !eq(vm, p, q)? {
            if op == 2 {
                return Ok(false);
            }
            if op == 3 {
                return Ok(true);
            }
            let r = rich_compare(vm, p, q, op)?;
            return super::truth(vm, r);
        }
    }
    Ok(apply(op, Some(x.len().cmp(&y.len()))))
}
