//! The special methods of `int`, `float` and `complex` as attributes (`int.__add__`,
//! `(1.5).__rtruediv__(3)`, ...): CPython's slot wrappers (Objects/typeobject.c `slotdefs`) over
//! the number slots of Objects/longobject.c, floatobject.c and complexobject.c. Each returns
//! `NotImplemented` for an operand its type does not handle.

use protopy_objects::Value;

use super::{m, Args, NativeMethod};
use crate::numeric::{self, Int};
use crate::protocols::{self, number::num_err};
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// Whether `ty`'s number slots take `v` as the other operand.
fn accepts(vm: &Vm, ty: Ty, v: Value) -> bool {
    let l = vm.layout_of(v);
    match ty {
        Ty::Int => matches!(l, Ty::Int | Ty::Bool),
        Ty::Float => matches!(l, Ty::Int | Ty::Bool | Ty::Float),
        _ => matches!(l, Ty::Int | Ty::Bool | Ty::Float | Ty::Complex),
    }
}

/// The receiver, checked to be a `ty` (`descriptor '__add__' requires a 'int' object ...`).
fn receiver(vm: &mut Vm, args: &Args, ty: Ty, name: &str) -> PyResult<Value> {
    let Some(&v) = args.pos.first() else {
        return Err(vm.type_error(&format!(
            "descriptor '{name}' of '{}' object needs an argument",
            ty.name()
        )));
    };
    if !vm.is_instance_ty(v, ty) {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!(
            "descriptor '{name}' requires a '{}' object but received a '{t}'",
            ty.name()
        )));
    }
    Ok(v)
}

fn binary_slot(
    vm: &mut Vm,
    args: Args,
    ty: Ty,
    name: &str,
    op: u32,
    refl: bool,
) -> PyResult<Value> {
    let this = receiver(vm, &args, ty, name)?;
    if args.pos.len() != 2 || !args.kw.is_empty() {
        let n = args.pos.len().saturating_sub(1);
        return Err(vm.type_error(&format!("expected 1 argument, got {n}")));
    }
    let other = args.pos[1];
    if !accepts(vm, ty, other) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let (a, b) = if refl { (other, this) } else { (this, other) };
    Ok(protocols::number::native_binary(vm, a, b, op, false)?.unwrap_or(Value::NOT_IMPLEMENTED))
}

/// `pow(a, b, m)` for numbers: ints only (`int.__pow__` with a modulus).
pub fn ternary_pow(vm: &mut Vm, a: Value, b: Value, modulus: Value) -> PyResult<Value> {
    let is_int = |vm: &Vm, v: Value| matches!(vm.layout_of(v), Ty::Int | Ty::Bool);
    if is_int(vm, a) && is_int(vm, b) && is_int(vm, modulus) {
        let (Some(x), Some(y), Some(z)) = (vm.int_of(a), vm.int_of(b), vm.int_of(modulus)) else {
            return Ok(Value::NOT_IMPLEMENTED);
        };
        return match numeric::int::pow_mod(&x, &y, &z) {
            Ok(r) => vm.new_int(r),
            Err(e) => Err(num_err(vm, e)),
        };
    }
    let any_complex = [a, b, modulus]
        .iter()
        .any(|&v| vm.layout_of(v) == Ty::Complex);
    let all_num = [a, b, modulus].iter().all(|&v| {
        matches!(
            vm.layout_of(v),
            Ty::Int | Ty::Bool | Ty::Float | Ty::Complex
        )
    });
    if all_num && any_complex {
        return Err(vm.value_error("complex modulo"));
    }
    if all_num {
        return Err(
            vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    }
    Ok(Value::NOT_IMPLEMENTED)
}

fn pow_slot(vm: &mut Vm, args: Args, ty: Ty, name: &str, refl: bool) -> PyResult<Value> {
    let this = receiver(vm, &args, ty, name)?;
    let n = args.pos.len().saturating_sub(1);
    if !(1..=2).contains(&n) || !args.kw.is_empty() {
        return Err(vm.type_error(&format!("expected 1 or 2 arguments, got {n}")));
    }
    let other = args.pos[1];
    if !accepts(vm, ty, other) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let (a, b) = if refl { (other, this) } else { (this, other) };
    match args.get(2) {
        Some(z) if !z.is_none() => {
            if !accepts(vm, ty, z) {
                return Ok(Value::NOT_IMPLEMENTED);
            }
            ternary_pow(vm, a, b, z)
        }
        _ => {
            Ok(protocols::number::native_binary(vm, a, b, 8, false)?
                .unwrap_or(Value::NOT_IMPLEMENTED))
        }
    }
}

/// `divmod(a, b)` of two numbers of builtin types; `None` when not defined for them.
pub fn native_divmod(vm: &mut Vm, a: Value, b: Value) -> PyResult<Option<Value>> {
    let (la, lb) = (vm.layout_of(a), vm.layout_of(b));
    let is_int = |l: Ty| matches!(l, Ty::Int | Ty::Bool);
    if is_int(la) && is_int(lb) {
        let (Some(x), Some(y)) = (vm.int_of(a), vm.int_of(b)) else {
            return Ok(None);
        };
        let (q, r) = numeric::int::divmod(&x, &y).map_err(|e| num_err(vm, e))?;
        let q = vm.new_int(q)?;
        vm.temps.push(q);
        let r = vm.new_int(r);
        vm.temps.pop();
        return vm.new_tuple(vec![q, r?]).map(Some);
    }
    let real = |l: Ty| matches!(l, Ty::Int | Ty::Bool | Ty::Float);
    if real(la) && real(lb) {
        let x = float_of(vm, a)?;
        let y = float_of(vm, b)?;
        let (q, r) = numeric::float::divmod(x, y).map_err(|e| num_err(vm, e))?;
        return vm
            .new_tuple(vec![Value::from_f64(q), Value::from_f64(r)])
            .map(Some);
    }
    Ok(None)
}

fn float_of(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(f) = v.as_f64() {
        return Ok(f);
    }
    let i = vm.int_of(v).unwrap_or(Int::Small(0));
    numeric::int_convert::int_to_f64(&i).map_err(|e| num_err(vm, e))
}

fn divmod_slot(vm: &mut Vm, args: Args, ty: Ty, name: &str, refl: bool) -> PyResult<Value> {
    let this = receiver(vm, &args, ty, name)?;
    if args.pos.len() != 2 || !args.kw.is_empty() {
        let n = args.pos.len().saturating_sub(1);
        return Err(vm.type_error(&format!("expected 1 argument, got {n}")));
    }
    let other = args.pos[1];
    if !accepts(vm, ty, other) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let (a, b) = if refl { (other, this) } else { (this, other) };
    Ok(native_divmod(vm, a, b)?.unwrap_or(Value::NOT_IMPLEMENTED))
}

fn compare_slot(vm: &mut Vm, args: Args, ty: Ty, name: &str, op: usize) -> PyResult<Value> {
    let this = receiver(vm, &args, ty, name)?;
    if args.pos.len() != 2 || !args.kw.is_empty() {
        let n = args.pos.len().saturating_sub(1);
        return Err(vm.type_error(&format!("expected 1 argument, got {n}")));
    }
    let other = args.pos[1];
    if !accepts(vm, ty, other) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    if ty == Ty::Complex {
        if op != 2 && op != 3 {
            return Ok(Value::NOT_IMPLEMENTED);
        }
        return Ok(match super::complex::complex_eq(vm, this, other)? {
            Some(e) => Value::from_bool(e == (op == 2)),
            None => Value::NOT_IMPLEMENTED,
        });
    }
    if ty == Ty::Int && vm.layout_of(other) == Ty::Float {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let o = protocols::compare::num_cmp(vm, this, other);
    Ok(Value::from_bool(match (op, o) {
        (3, None) => true,
        (_, None) => false,
        (0, Some(o)) => o.is_lt(),
        (1, Some(o)) => o.is_le(),
        (2, Some(o)) => o.is_eq(),
        (3, Some(o)) => o.is_ne(),
        (4, Some(o)) => o.is_gt(),
        (_, Some(o)) => o.is_ge(),
    }))
}

/// The receiver's value as a float (for `float` slots) or an int (for `int` slots).
fn unary_slot(vm: &mut Vm, args: Args, ty: Ty, name: &str) -> PyResult<Value> {
    let this = receiver(vm, &args, ty, name)?;
    let max = if name == "__round__" { 1 } else { 0 };
    args.check_method(vm, name, 0, max)?;
    if ty == Ty::Complex {
        let op = if name == "__neg__" { b'-' } else { b'+' };
        return super::complex::complex_unary(vm, this, op);
    }
    let fl = this.as_f64();
    let int = vm.int_of(this);
    let int_result = |vm: &mut Vm, r: numeric::NumResult<Int>| match r {
        Ok(i) => vm.new_int(i),
        Err(e) => Err(num_err(vm, e)),
    };
    match name {
        // Computed on the value, never through the protocols (which would find these slots
        // again for a subclass instance).
        "__neg__" | "__pos__" | "__invert__" | "__bool__" | "__hash__" => match (fl, int) {
            (Some(f), _) => match name {
                "__neg__" => Ok(Value::from_f64(-f)),
                "__pos__" => Ok(Value::from_f64(f)),
                "__bool__" => Ok(Value::from_bool(f != 0.0)),
                "__hash__" => {
                    let h = match numeric::float::hash(f) {
                        numeric::NumHash::Value(h) => h,
                        numeric::NumHash::Identity => protocols::identity_hash(this),
                    };
                    vm.new_i64(h)
                }
                _ => Ok(Value::NOT_IMPLEMENTED),
            },
            (_, Some(i)) => match name {
                "__neg__" => vm.new_int(numeric::int::neg(&i)),
                "__pos__" => vm.new_int(i),
                "__invert__" => vm.new_int(numeric::int::invert(&i)),
                "__bool__" => Ok(Value::from_bool(numeric::int::signum(&i) != 0)),
                _ => vm.new_i64(numeric::int_bits::hash(&i)),
            },
            _ => Ok(Value::NOT_IMPLEMENTED),
        },
        "__repr__" => match (fl, int) {
            (Some(f), _) => vm.new_str(&protopy_compiler::literals::repr_float(f)),
            (_, Some(i)) => {
                let s = numeric::int_text::to_decimal(&i, crate::modules::sys::max_str_digits())
                    .map_err(|e| num_err(vm, e))?;
                vm.new_str(&s)
            }
            _ => Ok(Value::NOT_IMPLEMENTED),
        },
        "__abs__" => match (fl, int) {
            (Some(f), _) => Ok(Value::from_f64(f.abs())),
            (_, Some(i)) => vm.new_int(numeric::int::abs(&i)),
            _ => Ok(Value::NOT_IMPLEMENTED),
        },
        "__float__" => match (fl, int) {
            (Some(f), _) => Ok(Value::from_f64(f)),
            (_, Some(i)) => numeric::int_convert::int_to_f64(&i)
                .map(Value::from_f64)
                .map_err(|e| num_err(vm, e)),
            _ => Ok(Value::NOT_IMPLEMENTED),
        },
        "__int__" | "__index__" | "__trunc__" | "__floor__" | "__ceil__" | "__round__" => {
            match (fl, int) {
                (_, Some(i)) => {
                    if name == "__round__" {
                        if let Some(nd) = args.get(1).filter(|v| !v.is_none()) {
                            let nd = protocols::number::index(vm, nd)?;
                            return int_result(vm, numeric::int_bits::round(&i, &nd));
                        }
                    }
                    vm.new_int(i)
                }
                (Some(f), _) => match name {
                    "__floor__" => int_result(vm, numeric::float::floor_to_int(f)),
                    "__ceil__" => int_result(vm, numeric::float::ceil_to_int(f)),
                    "__round__" => match args.get(1).filter(|v| !v.is_none()) {
                        None => int_result(vm, numeric::float::round_to_int(f)),
                        Some(nd) => {
                            let nd = match protocols::number::index(vm, nd)? {
                                Int::Small(n) => n,
                                Int::Big(b) if b.sign() == num_bigint::Sign::Minus => i64::MIN,
                                Int::Big(_) => i64::MAX,
                            };
                            numeric::float::round(f, nd)
                                .map(Value::from_f64)
                                .map_err(|e| num_err(vm, e))
                        }
                    },
                    _ => int_result(vm, numeric::float::trunc_to_int(f)),
                },
                _ => Ok(Value::NOT_IMPLEMENTED),
            }
        }
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn format_slot(vm: &mut Vm, args: Args, ty: Ty) -> PyResult<Value> {
    let this = receiver(vm, &args, ty, "__format__")?;
    args.check_method(vm, "__format__", 1, 1)?;
    let Some(spec) = vm.pystr(args.pos[1]) else {
        let t = vm.type_name(args.pos[1]);
        return Err(vm.type_error(&format!("__format__() argument must be str, not {t}")));
    };
    if spec.is_empty() {
        return protocols::repr::str_value(vm, this);
    }
    let tn = vm.type_name(this);
    let r = match (this.as_f64(), vm.int_of(this)) {
        (Some(f), _) => crate::format::format_float(f, &spec, &tn),
        (_, Some(Int::Small(n))) => crate::format::format_int(
            crate::format::IntRef::Small(n),
            &spec,
            &tn,
            crate::modules::sys::max_str_digits(),
        ),
        (_, Some(Int::Big(b))) => crate::format::format_int(
            crate::format::IntRef::Big(&b),
            &spec,
            &tn,
            crate::modules::sys::max_str_digits(),
        ),
        _ => return Ok(Value::NOT_IMPLEMENTED),
    };
    match r {
        Ok(s) => vm.new_pystr(&s),
        Err(e) => {
            let ty = match e.kind {
                crate::format::ErrorKind::TypeError => Ty::TypeError,
                crate::format::ErrorKind::OverflowError => Ty::OverflowError,
                crate::format::ErrorKind::MemoryError => Ty::MemoryError,
                _ => Ty::ValueError,
            };
            let msg = e.msg.to_string();
            Err(vm.new_error(ty, &msg))
        }
    }
}

/// Declares one native per (type, special method) and the type's table of them.
macro_rules! slot_table {
    ($table:ident, $ty:ident; $(
        $kind:ident $fname:ident $name:literal $($op:literal)? ;
    )*) => {
        $(
            fn $fname(vm: &mut Vm, args: Args) -> PyResult<Value> {
                slot_table!(@call $kind, vm, args, $ty, $name $(, $op)?)
            }
        )*
        pub const $table: &[NativeMethod] = &[
            $( m($name, $fname, slot_table!(@sig $kind)), )*
        ];
    };
    (@call bin, $vm:ident, $args:ident, $ty:ident, $name:literal, $op:literal) => {
        binary_slot($vm, $args, Ty::$ty, $name, $op, false)
    };
    (@call rbin, $vm:ident, $args:ident, $ty:ident, $name:literal, $op:literal) => {
        binary_slot($vm, $args, Ty::$ty, $name, $op, true)
    };
    (@call pow, $vm:ident, $args:ident, $ty:ident, $name:literal) => {
        pow_slot($vm, $args, Ty::$ty, $name, false)
    };
    (@call rpow, $vm:ident, $args:ident, $ty:ident, $name:literal) => {
        pow_slot($vm, $args, Ty::$ty, $name, true)
    };
    (@call divmod, $vm:ident, $args:ident, $ty:ident, $name:literal) => {
        divmod_slot($vm, $args, Ty::$ty, $name, false)
    };
    (@call rdivmod, $vm:ident, $args:ident, $ty:ident, $name:literal) => {
        divmod_slot($vm, $args, Ty::$ty, $name, true)
    };
    (@call cmp, $vm:ident, $args:ident, $ty:ident, $name:literal, $op:literal) => {
        compare_slot($vm, $args, Ty::$ty, $name, $op)
    };
    (@call un, $vm:ident, $args:ident, $ty:ident, $name:literal) => {
        unary_slot($vm, $args, Ty::$ty, $name)
    };
    (@call fmt, $vm:ident, $args:ident, $ty:ident, $name:literal) => {
        format_slot($vm, $args, Ty::$ty)
    };
    (@sig bin) => { "($self, value, /)" };
    (@sig rbin) => { "($self, value, /)" };
    (@sig divmod) => { "($self, value, /)" };
    (@sig rdivmod) => { "($self, value, /)" };
    (@sig cmp) => { "($self, value, /)" };
    (@sig pow) => { "($self, value, mod=None, /)" };
    (@sig rpow) => { "($self, value, mod=None, /)" };
    (@sig un) => { "($self, /)" };
    (@sig fmt) => { "($self, format_spec, /)" };
}

slot_table! { INT_SLOTS, Int;
    bin int_add "__add__" 0; rbin int_radd "__radd__" 0;
    bin int_sub "__sub__" 10; rbin int_rsub "__rsub__" 10;
    bin int_mul "__mul__" 5; rbin int_rmul "__rmul__" 5;
    bin int_truediv "__truediv__" 11; rbin int_rtruediv "__rtruediv__" 11;
    bin int_floordiv "__floordiv__" 2; rbin int_rfloordiv "__rfloordiv__" 2;
    bin int_mod "__mod__" 6; rbin int_rmod "__rmod__" 6;
    bin int_and "__and__" 1; rbin int_rand "__rand__" 1;
    bin int_or "__or__" 7; rbin int_ror "__ror__" 7;
    bin int_xor "__xor__" 12; rbin int_rxor "__rxor__" 12;
    bin int_lshift "__lshift__" 3; rbin int_rlshift "__rlshift__" 3;
    bin int_rshift "__rshift__" 9; rbin int_rrshift "__rrshift__" 9;
    pow int_pow "__pow__"; rpow int_rpow "__rpow__";
    divmod int_divmod "__divmod__"; rdivmod int_rdivmod "__rdivmod__";
    cmp int_lt "__lt__" 0; cmp int_le "__le__" 1; cmp int_eq "__eq__" 2;
    cmp int_ne "__ne__" 3; cmp int_gt "__gt__" 4; cmp int_ge "__ge__" 5;
    un int_neg "__neg__"; un int_pos "__pos__"; un int_abs "__abs__";
    un int_invert "__invert__"; un int_bool "__bool__"; un int_int "__int__";
    un int_float "__float__"; un int_index "__index__"; un int_trunc "__trunc__";
    un int_floor "__floor__"; un int_ceil "__ceil__"; un int_round "__round__";
    un int_hash "__hash__"; un int_repr "__repr__"; fmt int_format "__format__";
}

slot_table! { FLOAT_SLOTS, Float;
    bin float_add "__add__" 0; rbin float_radd "__radd__" 0;
    bin float_sub "__sub__" 10; rbin float_rsub "__rsub__" 10;
    bin float_mul "__mul__" 5; rbin float_rmul "__rmul__" 5;
    bin float_truediv "__truediv__" 11; rbin float_rtruediv "__rtruediv__" 11;
    bin float_floordiv "__floordiv__" 2; rbin float_rfloordiv "__rfloordiv__" 2;
    bin float_mod "__mod__" 6; rbin float_rmod "__rmod__" 6;
    pow float_pow "__pow__"; rpow float_rpow "__rpow__";
    divmod float_divmod "__divmod__"; rdivmod float_rdivmod "__rdivmod__";
    cmp float_lt "__lt__" 0; cmp float_le "__le__" 1; cmp float_eq "__eq__" 2;
    cmp float_ne "__ne__" 3; cmp float_gt "__gt__" 4; cmp float_ge "__ge__" 5;
    un float_neg "__neg__"; un float_pos "__pos__"; un float_abs "__abs__";
    un float_bool "__bool__"; un float_int "__int__"; un float_float "__float__";
    un float_trunc "__trunc__"; un float_floor "__floor__"; un float_ceil "__ceil__";
    un float_round "__round__"; un float_hash "__hash__"; un float_repr "__repr__";
    fmt float_format "__format__";
}

slot_table! { COMPLEX_SLOTS, Complex;
    bin complex_add "__add__" 0; rbin complex_radd "__radd__" 0;
    bin complex_sub "__sub__" 10; rbin complex_rsub "__rsub__" 10;
    bin complex_mul "__mul__" 5; rbin complex_rmul "__rmul__" 5;
    bin complex_truediv "__truediv__" 11; rbin complex_rtruediv "__rtruediv__" 11;
    pow complex_pow "__pow__"; rpow complex_rpow "__rpow__";
    cmp complex_lt "__lt__" 0; cmp complex_le "__le__" 1; cmp complex_eq "__eq__" 2;
    cmp complex_ne "__ne__" 3; cmp complex_gt "__gt__" 4; cmp complex_ge "__ge__" 5;
    un complex_neg "__neg__"; un complex_pos "__pos__";
}

/// Binds a native's arguments by name (after `skip` receivers): `names[..npos]` may be given by
/// position, every name by keyword; `required` of them must be given. CPython's argument-clinic
/// messages.
pub fn bind(
    vm: &mut Vm,
    args: &Args,
    fname: &str,
    skip: usize,
    names: &[&str],
    npos: usize,
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    let pos = args.pos.get(skip..).unwrap_or(&[]);
    if pos.len() > npos {
        let s = if npos == 1 { "" } else { "s" };
        return Err(vm.type_error(&format!(
            "{fname}() takes {} {npos} positional argument{s} ({} given)",
            if required == npos {
                "exactly"
            } else {
                "at most"
            },
            pos.len()
        )));
    }
    let mut out: Vec<Option<Value>> = names.iter().map(|_| None).collect();
    for (i, &v) in pos.iter().enumerate() {
        out[i] = Some(v);
    }
    for &(k, v) in &args.kw {
        let k = vm.rust_str(k).unwrap_or_default();
        match names.iter().position(|&n| n == k) {
            Some(i) if out[i].is_some() => {
                return Err(vm.type_error(&format!(
                    "argument for {fname}() given by name ('{k}') and position ({})",
                    i + 1
                )));
            }
            Some(i) => out[i] = Some(v),
            None => {
                return Err(vm.type_error(&format!(
                    "{fname}() got an unexpected keyword argument '{k}'"
                )));
            }
        }
    }
    for (i, name) in names.iter().enumerate().take(required) {
        if out[i].is_none() {
            return Err(vm.type_error(&format!(
                "{fname}() missing required argument '{name}' (pos {})",
                i + 1
            )));
        }
    }
    Ok(out)
}
