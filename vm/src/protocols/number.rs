//! Binary and unary operators (Objects/abstract.c `binary_op1`, `PyNumber_*`): native int,
//! float, str and sequence operations first, then `__op__`/`__rop__` with `NotImplemented`
//! meaning "try the other", in-place operators trying `__iop__` first.

use protopy_compiler::bytecode::opcodes::{BINARY_OPS, NB_INPLACE, NB_SUBSCR};
use protopy_objects::{ListData, Value, ValueKind};

use crate::numeric::{self, Int, NumError};
use crate::runtime::Ty;
use crate::thread::{PyErr, PyResult, Vm};
use crate::types::{typeobj, Args};

const DUNDERS: [(&str, &str, &str); 13] = [
    ("__add__", "__radd__", "__iadd__"),
    ("__and__", "__rand__", "__iand__"),
    ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
    ("__lshift__", "__rlshift__", "__ilshift__"),
    ("__matmul__", "__rmatmul__", "__imatmul__"),
    ("__mul__", "__rmul__", "__imul__"),
    ("__mod__", "__rmod__", "__imod__"),
    ("__or__", "__ror__", "__ior__"),
    ("__pow__", "__rpow__", "__ipow__"),
    ("__rshift__", "__rrshift__", "__irshift__"),
    ("__sub__", "__rsub__", "__isub__"),
    ("__truediv__", "__rtruediv__", "__itruediv__"),
    ("__xor__", "__rxor__", "__ixor__"),
];

/// Maps a numeric error to its exception.
pub fn num_err(vm: &mut Vm, e: NumError) -> PyErr {
    let ty = match e {
        NumError::ZeroDivision(_) => Ty::ZeroDivisionError,
        NumError::Overflow(_) | NumError::RangeErrno => Ty::OverflowError,
        NumError::Value(_) => Ty::ValueError,
        NumError::Type(_) => Ty::TypeError,
        NumError::Memory => Ty::MemoryError,
    };
    vm.new_error(ty, e.message())
}

/// `BINARY_OP arg` on `a`, `b`.
pub fn binary_op(vm: &mut Vm, a: Value, b: Value, op: u32) -> PyResult<Value> {
    if op == NB_SUBSCR {
        return super::item::getitem(vm, a, b);
    }
    // Fast paths: small ints and floats.
    if let (ValueKind::SmallInt(x), ValueKind::SmallInt(y)) = (a.kind(), b.kind()) {
        let r = match op % NB_INPLACE {
            0 => x.checked_add(y),
            10 => x.checked_sub(y),
            5 => x.checked_mul(y),
            _ => None,
        };
        if let Some(v) = r.and_then(Value::from_i64) {
            return Ok(v);
        }
    }
    let base = op % NB_INPLACE;
    let inplace = op >= NB_INPLACE;
    let (name, rname, iname) = DUNDERS[base as usize];
    let ta = vm.type_of(a);
    let tb = vm.type_of(b);
    let user = typeobj::is_heap_type(vm, ta) || typeobj::is_heap_type(vm, tb);
    if user {
        if inplace {
            if let Some(r) = try_dunder(vm, a, ta, iname, b)? {
                return Ok(r);
            }
        }
        let reflected_first =
            ta != tb && typeobj::is_subtype(vm, tb, ta) && overrides(vm, ta, tb, rname)?;
        if reflected_first {
            if let Some(r) = try_dunder(vm, b, tb, rname, a)? {
                return Ok(r);
            }
        }
        if let Some(r) = try_dunder(vm, a, ta, name, b)? {
            return Ok(r);
        }
        if ta != tb && !reflected_first {
            if let Some(r) = try_dunder(vm, b, tb, rname, a)? {
                return Ok(r);
            }
        }
    }
    if let Some(r) = native_binary(vm, a, b, base, inplace)? {
        return Ok(r);
    }
    if base == 5 {
        // Sequence repetition by any object with `__index__` (`sq_repeat` via `nb_index`).
        let seq = |t: Ty| matches!(t, Ty::Str | Ty::List | Ty::Tuple | Ty::Bytes);
        let (la, lb) = (vm.layout_of(a), vm.layout_of(b));
        let (s, n) = if seq(la) { (a, b) } else { (b, a) };
        if (seq(la) || seq(lb)) && vm.int_of(n).is_none() {
            let idx = vm.intern("__index__")?;
            if typeobj::lookup(vm, vm.type_of(n), idx).is_some() {
                let count = index(vm, n)?;
                let count = vm.new_int(count)?;
                let (x, y) = if s == a { (s, count) } else { (count, s) };
                if let Some(r) = native_binary(vm, x, y, base, inplace)? {
                    return Ok(r);
                }
            }
        }
    }
    if DUNDERS[base as usize].0 == "__or__" {
        // `int | None`: a union of classes.
        if let Some(r) = crate::types::union::type_or(vm, a, b)? {
            return Ok(r);
        }
    }
    let sym = BINARY_OPS[op as usize];
    let (na, nb) = (vm.type_name(a), vm.type_name(b));
    if base == 8 {
        return Err(vm.type_error(&format!(
            "unsupported operand type(s) for ** or pow(): '{na}' and '{nb}'"
        )));
    }
    if base == 0 && vm.layout_of(a) == Ty::Str && !inplace {
        return Err(vm.type_error(&format!("can only concatenate str (not \"{nb}\") to str")));
    }
    if base == 0 && vm.layout_of(a) == Ty::List && !inplace {
        return Err(vm.type_error(&format!("can only concatenate list (not \"{nb}\") to list")));
    }
    if base == 0 && matches!(vm.layout_of(a), Ty::Bytes | Ty::ByteArray) {
        let t = if vm.layout_of(a) == Ty::Bytes {
            "bytes"
        } else {
            "bytearray"
        };
        return Err(vm.type_error(&format!("can't concat {nb} to {t}")));
    }
    if base == 0 && vm.layout_of(a) == Ty::Tuple {
        return Err(vm.type_error(&format!(
            "can only concatenate tuple (not \"{nb}\") to tuple"
        )));
    }
    if base == 5
        && (matches!(vm.layout_of(a), Ty::Str | Ty::List | Ty::Tuple)
            || matches!(vm.layout_of(b), Ty::Str | Ty::List | Ty::Tuple))
    {
        let other = if matches!(vm.layout_of(a), Ty::Str | Ty::List | Ty::Tuple) {
            nb
        } else {
            na
        };
        return Err(vm.type_error(&format!(
            "can't multiply sequence by non-int of type '{other}'"
        )));
    }
    Err(vm.type_error(&format!(
        "unsupported operand type(s) for {sym}: '{na}' and '{nb}'"
    )))
}

/// Whether subclass `tb` has its own Python `name`, not the one `ta` has
/// (`method_is_overloaded`).
pub fn overrides(
    vm: &mut Vm,
    ta: protopy_objects::Handle,
    tb: protopy_objects::Handle,
    name: &str,
) -> PyResult<bool> {
    let n = vm.intern(name)?;
    let fb = typeobj::lookup(vm, tb, n);
    let fa = typeobj::lookup(vm, ta, n);
    Ok(fb.is_some_and(|f| vm.opaque::<crate::types::function::Native>(f).is_none()) && fb != fa)
}

fn try_dunder(
    vm: &mut Vm,
    obj: Value,
    ty: protopy_objects::Handle,
    name: &str,
    other: Value,
) -> PyResult<Option<Value>> {
    let n = vm.intern(name)?;
    let Some(f) = typeobj::lookup(vm, ty, n) else {
        return Ok(None);
    };
    if vm.opaque::<crate::types::function::Native>(f).is_some() {
        return Ok(None);
    }
    let r = super::call::call(vm, f, Args::new(vec![obj, other]))?;
    Ok(if r == Value::NOT_IMPLEMENTED {
        None
    } else {
        Some(r)
    })
}

/// A number as a float, for mixed arithmetic.
fn as_f64(vm: &mut Vm, v: Value) -> PyResult<Option<f64>> {
    let v = crate::types::subclass::base_value(vm, v);
    if let Some(f) = v.as_f64() {
        return Ok(Some(f));
    }
    match vm.int_of(v) {
        Some(i) => numeric::int_convert::int_to_f64(&i)
            .map(Some)
            .map_err(|e| num_err(vm, e)),
        None => Ok(None),
    }
}

/// `a op b` for builtin operand types only; `None` when not defined for them.
pub fn native_binary(
    vm: &mut Vm,
    a: Value,
    b: Value,
    op: u32,
    inplace: bool,
) -> PyResult<Option<Value>> {
    let (la, lb) = (vm.layout_of(a), vm.layout_of(b));
    let is_int = |t: Ty| matches!(t, Ty::Int | Ty::Bool);
    if is_int(la) && is_int(lb) {
        let (Some(x), Some(y)) = (vm.int_of(a), vm.int_of(b)) else {
            return Ok(None);
        };
        if matches!(la, Ty::Bool) && matches!(lb, Ty::Bool) && matches!(op, 1 | 7 | 12) {
            let (p, q) = (a.as_bool().unwrap_or(false), b.as_bool().unwrap_or(false));
            return Ok(Some(Value::from_bool(match op {
                1 => p & q,
                7 => p | q,
                _ => p ^ q,
            })));
        }
        use numeric::int as I;
        let r: Result<Int, NumError> = match op {
            0 => Ok(I::add(&x, &y)),
            1 => Ok(I::and(&x, &y)),
            2 => I::floordiv(&x, &y),
            3 => I::lshift(&x, &y),
            5 => Ok(I::mul(&x, &y)),
            6 => I::modulo(&x, &y),
            7 => Ok(I::or(&x, &y)),
            8 => match I::pow(&x, &y) {
                Ok(I::IntPow::Int(i)) => Ok(i),
                Ok(I::IntPow::Float(f)) => return Ok(Some(Value::from_f64(f))),
                Err(e) => Err(e),
            },
            9 => I::rshift(&x, &y),
            10 => Ok(I::sub(&x, &y)),
            11 => match numeric::int_convert::true_divide(&x, &y) {
                Ok(f) => return Ok(Some(Value::from_f64(f))),
                Err(e) => Err(e),
            },
            12 => Ok(I::xor(&x, &y)),
            _ => return Ok(None),
        };
        return match r {
            Ok(i) => vm.new_int(i).map(Some),
            Err(e) => Err(num_err(vm, e)),
        };
    }
    let num = |t: Ty| matches!(t, Ty::Int | Ty::Bool | Ty::Float);
    if num(la) && num(lb) {
        let (Some(x), Some(y)) = (as_f64(vm, a)?, as_f64(vm, b)?) else {
            return Ok(None);
        };
        use numeric::float as F;
        let r = match op {
            0 => Ok(x + y),
            10 => Ok(x - y),
            5 => Ok(x * y),
            11 => F::div(x, y),
            2 => F::floordiv(x, y),
            6 => F::rem(x, y),
            8 => match F::pow(x, y) {
                Ok(F::FloatPow::Float(f)) => Ok(f),
                Ok(_) => {
                    let c = numeric::complex::pow(
                        numeric::Complex { re: x, im: 0.0 },
                        numeric::Complex { re: y, im: 0.0 },
                    );
                    return match c {
                        Ok(c) => crate::types::float::new_complex(vm, c.re, c.im).map(Some),
                        Err(e) => Err(num_err(vm, e)),
                    };
                }
                Err(e) => Err(e),
            },
            _ => return Ok(None),
        };
        return match r {
            Ok(f) => Ok(Some(Value::from_f64(f))),
            Err(e) => Err(num_err(vm, e)),
        };
    }
    match (la, lb, op) {
        (Ty::Str, Ty::Str, 0) => {
            let (Some(x), Some(y)) = (vm.str_data(a), vm.str_data(b)) else {
                return Ok(None);
            };
            let mut bytes = x.as_bytes().to_vec();
            bytes.extend_from_slice(y.as_bytes());
            crate::types::str::new_from_bytes(vm, bytes).map(Some)
        }
        (Ty::Str, Ty::Int | Ty::Bool, 5) | (Ty::Int | Ty::Bool, Ty::Str, 5) => {
            let (s, n) = if la == Ty::Str { (a, b) } else { (b, a) };
            let n = repeat_count(vm, n)?;
            let bytes = vm
                .str_data(s)
                .map(|d| d.as_bytes().repeat(n))
                .unwrap_or_default();
            crate::types::str::new_from_bytes(vm, bytes).map(Some)
        }
        (Ty::Str, _, 6) => crate::types::str::percent_format(vm, a, b).map(Some),
        (Ty::List, Ty::List, 0) => {
            let mut x = vm.list_data(a).map(|l| l.snapshot()).unwrap_or_default();
            if inplace {
                let y = vm.list_data(b).map(|l| l.snapshot()).unwrap_or_default();
                if let Some(l) = vm.list_data(a) {
                    l.lock().extend(y);
                }
                return Ok(Some(a));
            }
            x.extend(vm.list_data(b).map(|l| l.snapshot()).unwrap_or_default());
            vm.new_list(x).map(Some)
        }
        (Ty::List, _, 0) if inplace => {
            let items = super::iter::collect(vm, b)?;
            if let Some(l) = vm.list_data(a) {
                l.lock().extend(items);
            }
            Ok(Some(a))
        }
        (Ty::Tuple, Ty::Tuple, 0)
            if vm.tuple_items(b).is_some_and(|t| t.is_empty()) && vm.is_exact(a, Ty::Tuple) =>
        {
            Ok(Some(a))
        }
        (Ty::Tuple, Ty::Tuple, 0) => {
            let mut x = vm.tuple_items(a).map(|s| s.to_vec()).unwrap_or_default();
            x.extend_from_slice(vm.tuple_items(b).unwrap_or(&[]));
            vm.new_tuple(x).map(Some)
        }
        (Ty::List | Ty::Tuple, Ty::Int | Ty::Bool, 5)
        | (Ty::Int | Ty::Bool, Ty::List | Ty::Tuple, 5) => {
            let (s, n, l) = if is_int(lb) { (a, b, la) } else { (b, a, lb) };
            let n = repeat_count(vm, n)?;
            if n == 1 && l == Ty::Tuple && vm.is_exact(s, Ty::Tuple) {
                return Ok(Some(s));
            }
            let items = if l == Ty::List {
                vm.list_data(s).map(|d| d.snapshot()).unwrap_or_default()
            } else {
                vm.tuple_items(s).map(|t| t.to_vec()).unwrap_or_default()
            };
            let mut out = Vec::with_capacity(items.len() * n);
            for _ in 0..n {
                out.extend_from_slice(&items);
            }
            if l == Ty::List {
                if inplace {
                    if let Ok(d) = vm.m.get_value::<ListData>(s) {
                        *d.lock() = out;
                    }
                    return Ok(Some(s));
                }
                vm.new_list(out).map(Some)
            } else {
                vm.new_tuple(out).map(Some)
            }
        }
        (Ty::Set | Ty::FrozenSet, Ty::Set | Ty::FrozenSet, 1 | 7 | 10 | 12) => {
            crate::types::set::set_op(vm, a, b, op, inplace).map(Some)
        }
        (Ty::DictKeys | Ty::DictItems, _, 1 | 7 | 10 | 12)
        | (_, Ty::DictKeys | Ty::DictItems, 1 | 7 | 10 | 12) => {
            crate::types::dict_views::view_op(vm, a, b, op).map(Some)
        }
        (Ty::Dict, _, 7) if inplace => {
            crate::types::dict::update(vm, a, b)?;
            Ok(Some(a))
        }
        (Ty::Dict, Ty::Dict, 7) => {
            let d = if inplace {
                a
            } else {
                crate::types::dict::copy_of(vm, a)?
            };
            vm.temps.push(d);
            crate::types::dict::update(vm, d, b)?;
            vm.temps.pop();
            Ok(Some(d))
        }
        (Ty::Complex, _, _) | (_, Ty::Complex, _) => {
            crate::types::float::complex_binary(vm, a, b, op)
        }
        (Ty::Template, _, 0) | (_, Ty::Template, 0) => crate::types::template::add(vm, a, b),
        (Ty::Bytes | Ty::ByteArray, _, _) | (_, Ty::Bytes | Ty::ByteArray, 5) => {
            crate::types::bytes::binary(vm, a, b, op, inplace)
        }
        _ => Ok(None),
    }
}

fn repeat_count(vm: &mut Vm, n: Value) -> PyResult<usize> {
    match vm.int_of(n) {
        Some(Int::Small(n)) => Ok(n.max(0) as usize),
        Some(Int::Big(b)) => {
            if b.sign() == num_bigint::Sign::Minus {
                Ok(0)
            } else {
                Err(vm.new_error(
                    Ty::OverflowError,
                    "cannot fit 'int' into an index-sized integer",
                ))
            }
        }
        None => Ok(0),
    }
}

/// Unary `-`, `+`, `~` (`op`: b'-', b'+', b'~').
pub fn unary(vm: &mut Vm, v: Value, op: u8) -> PyResult<Value> {
    let ty = vm.type_of(v);
    let name = match op {
        b'-' => "__neg__",
        b'+' => "__pos__",
        _ => "__invert__",
    };
    // Builtins and their subclasses that do not define the operator in Python.
    if crate::types::subclass::native_slot(vm, ty, name) {
        match vm.layout_of(v) {
            Ty::Int | Ty::Bool => {
                let Some(i) = vm.int_of(v) else { return Ok(v) };
                let r = match op {
                    b'-' => numeric::int::neg(&i),
                    b'~' => numeric::int::invert(&i),
                    _ => i,
                };
                return vm.new_int(r);
            }
            Ty::Float => {
                let f = crate::types::subclass::base_value(vm, v)
                    .as_f64()
                    .unwrap_or(0.0);
                match op {
                    b'-' => return Ok(Value::from_f64(-f)),
                    // `+x` of an exact float is `x` itself (a NaN keeps its identity).
                    b'+' if v.as_f64().is_some() => return Ok(v),
                    b'+' => return Ok(Value::from_f64(f)),
                    _ => {}
                }
            }
            Ty::Complex if !typeobj::is_heap_type(vm, ty) => {
                return crate::types::float::complex_unary(vm, v, op)
            }
            _ => {}
        }
    }
    if let Some(r) = super::call::call_special(vm, v, name, vec![])? {
        return Ok(r);
    }
    let t = vm.type_name(v);
    let sym = match op {
        b'-' => "unary -",
        b'+' => "unary +",
        _ => "unary ~",
    };
    Err(vm.type_error(&format!("bad operand type for {sym}: '{t}'")))
}

/// `operator.index(v)`: an int from `v` (`__index__`).
pub fn index(vm: &mut Vm, v: Value) -> PyResult<Int> {
    if let Some(i) = vm.int_of(v) {
        return Ok(i);
    }
    if let Some(r) = super::call::call_special(vm, v, "__index__", vec![])? {
        if let Some(i) = vm.int_of(r) {
            return Ok(i);
        }
        let t = vm.type_name(r);
        return Err(vm.type_error(&format!("__index__ returned non-int (type {t})")));
    }
    let t = vm.type_name(v);
    Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")))
}

/// An index as `i64` (OverflowError/IndexError wording left to callers).
pub fn index_i64(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match index(vm, v)? {
        Int::Small(n) => Ok(n),
        Int::Big(_) => {
            let t = vm.type_name(v);
            Err(vm.index_error(&format!("cannot fit '{t}' into an index-sized integer")))
        }
    }
}
