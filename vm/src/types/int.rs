//! `int`, `bool` and `float` constructors (CPython's Objects/longobject.c `long_new`,
//! boolobject.c `bool_new`, floatobject.c `float_new`) and their method tables. The
//! arithmetic itself is in `numeric/` and `protocols/number.rs`.

use protopy_objects::Value;

use super::{sm, Args, Getter, NativeMethod, Setter};
use crate::numeric;
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// The receiver class must be the builtin itself (subclass instances need their own layout).
fn check_exact(vm: &mut Vm, args: &Args, ty: Ty) -> PyResult<()> {
    if args.pos.first().and_then(|c| c.as_handle()) != Some(vm.ty(ty)) {
        return Err(crate::ops::not_yet(
            vm,
            &format!("subclasses of {}", ty.name()),
        ));
    }
    Ok(())
}

/// `int(x=0)`, `int(x, base=10)`: https://docs.python.org/3/library/functions.html#int
fn int_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    check_exact(vm, &args, Ty::Int)?;
    let base = args.take_kw(vm, "base");
    args.check(vm, "int", 1, 3)?;
    let base = match base.or(args.get(2)) {
        Some(b) => Some(protocols::number::index_i64(vm, b)?),
        None => None,
    };
    let Some(x) = args.get(1) else {
        return Ok(Value::from_i64(0).unwrap_or(Value::NONE));
    };
    if let Some(s) = vm.pystr(x) {
        let r = numeric::int_text::int_from_str(
            &s,
            base.unwrap_or(10),
            &crate::text::unicode::to_decimal_digit,
            4300,
        );
        return match r {
            Ok(i) => vm.new_int(i),
            Err(e) => Err(protocols::number::num_err(vm, e)),
        };
    }
    if base.is_some() {
        return Err(vm.type_error("int() can't convert non-string with explicit base"));
    }
    if let Some(i) = vm.int_of(x) {
        return vm.new_int(i);
    }
    if let Some(f) = super::subclass::base_value(vm, x).as_f64() {
        return match numeric::int_convert::float_to_int(f) {
            Ok(i) => vm.new_int(i),
            Err(e) => Err(protocols::number::num_err(vm, e)),
        };
    }
    for name in ["__int__", "__index__", "__trunc__"] {
        if let Some(r) = protocols::call::call_special(vm, x, name, vec![])? {
            return match vm.int_of(r) {
                Some(i) => vm.new_int(i),
                None => {
                    let t = vm.type_name(r);
                    Err(vm.type_error(&format!("{name} returned non-int (type {t})")))
                }
            };
        }
    }
    let t = vm.type_name(x);
    Err(vm.type_error(&format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{t}'"
    )))
}

/// `bool(x=False)`.
fn bool_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "bool", 1, 2)?;
    match args.get(1) {
        Some(x) => protocols::truth(vm, x).map(Value::from_bool),
        None => Ok(Value::FALSE),
    }
}

/// `float(x=0.0)`: https://docs.python.org/3/library/functions.html#float
fn float_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_exact(vm, &args, Ty::Float)?;
    args.check(vm, "float", 1, 2)?;
    let Some(x) = args.get(1) else {
        return Ok(Value::from_f64(0.0));
    };
    if let Some(f) = super::subclass::base_value(vm, x).as_f64() {
        return Ok(Value::from_f64(f));
    }
    let r = if let Some(s) = vm.pystr(x) {
        numeric::float_text::float_from_str(&s, &crate::text::unicode::to_decimal_digit)
    } else if let Some(i) = vm.int_of(x) {
        numeric::int_convert::int_to_f64(&i)
    } else {
        if let Some(r) = protocols::call::call_special(vm, x, "__float__", vec![])? {
            return Ok(r);
        }
        let t = vm.type_name(x);
        return Err(vm.type_error(&format!(
            "float() argument must be a string or a real number, not '{t}'"
        )));
    };
    match r {
        Ok(f) => Ok(Value::from_f64(f)),
        Err(e) => Err(protocols::number::num_err(vm, e)),
    }
}

pub const METHODS: &[NativeMethod] = &[sm("__new__", int_new, "")];

pub const BOOL_METHODS: &[NativeMethod] = &[sm("__new__", bool_new, "")];

pub const FLOAT_METHODS: &[NativeMethod] = &[sm("__new__", float_new, "")];

pub const GETSETS: &[(&str, Getter, Option<Setter>)] = &[];
