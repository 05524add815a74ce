//! `float`'s methods and attributes (CPython's Objects/floatobject.c `float_methods` and
//! `float_getset`); the constructor is in `int.rs`, the operators in `num_slots.rs`. The complex
//! entry points other files call are re-exported from `complex.rs`.
//! https://docs.python.org/3/library/stdtypes.html#additional-methods-on-float

use protopy_objects::Value;

use super::{cm, m, sm, Args, Getter, NativeMethod, Setter};
use crate::numeric;
use crate::protocols::number::num_err;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

pub use super::complex::{complex_binary, complex_eq, complex_unary, new_complex};

fn this(vm: &mut Vm, args: &Args, name: &str) -> PyResult<f64> {
    match args.pos.first().and_then(|v| v.as_f64()) {
        Some(f) => Ok(f),
        None => {
            let t = args
                .pos
                .first()
                .map(|&v| vm.type_name(v))
                .unwrap_or_default();
            Err(vm.type_error(&format!(
                "descriptor '{name}' for 'float' objects doesn't apply to a '{t}' object"
            )))
        }
    }
}

/// `float.is_integer()`.
fn is_integer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "is_integer", 0, 0)?;
    let f = this(vm, &args, "is_integer")?;
    Ok(Value::from_bool(numeric::float::is_integer(f)))
}

/// `float.as_integer_ratio()`.
fn as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "as_integer_ratio", 0, 0)?;
    let f = this(vm, &args, "as_integer_ratio")?;
    let (n, d) = numeric::float::as_integer_ratio(f).map_err(|e| num_err(vm, e))?;
    let n = vm.new_int(n)?;
    vm.temps.push(n);
    let d = vm.new_int(d);
    vm.temps.pop();
    vm.new_tuple(vec![n, d?])
}

/// `float.conjugate()`.
fn conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "conjugate", 0, 0)?;
    this(vm, &args, "conjugate").map(Value::from_f64)
}

/// `float.hex()`.
fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "hex", 0, 0)?;
    let f = this(vm, &args, "hex")?;
    vm.new_str(&numeric::float_text::float_hex(f))
}

/// `float.fromhex(string)`.
fn fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "fromhex", 1, 1)?;
    super::int::check_exact(vm, &args, Ty::Float)?;
    let Some(s) = vm.rust_str(args.pos[1]) else {
        let t = vm.type_name(args.pos[1]);
        return Err(vm.type_error(&format!("fromhex() argument must be str, not {t}")));
    };
    match numeric::float_text::float_fromhex(&s) {
        Ok(f) => Ok(Value::from_f64(f)),
        Err(e) => Err(num_err(vm, e)),
    }
}

/// `float.from_number(number)`.
fn from_number(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "from_number", 1, 1)?;
    super::int::check_exact(vm, &args, Ty::Float)?;
    let v = args.pos[1];
    if vm.str_data(v).is_some()
        || matches!(vm.layout_of(v), Ty::Bytes | Ty::ByteArray | Ty::Complex)
    {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!("must be real number, not {t}")));
    }
    super::int::float_new(vm, Args::new(args.pos.clone()))
}

fn getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__getnewargs__", 0, 0)?;
    let f = this(vm, &args, "__getnewargs__")?;
    vm.new_tuple(vec![Value::from_f64(f)])
}

/// `float.__getformat__(typestr)`.
fn getformat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__getformat__", 1, 1)?;
    match vm.rust_str(args.pos[1]).as_deref() {
        Some("double" | "float") => vm.new_str("IEEE, little-endian"),
        Some(_) => Err(vm.value_error("__getformat__() argument 1 must be 'double' or 'float'")),
        None => {
            let t = vm.type_name(args.pos[1]);
            Err(vm.type_error(&format!("__getformat__() argument must be str, not {t}")))
        }
    }
}

pub const METHODS: &[NativeMethod] = &[
    sm("__new__", super::int::float_new, ""),
    m("is_integer", is_integer, "($self, /)"),
    m("as_integer_ratio", as_integer_ratio, "($self, /)"),
    m("conjugate", conjugate, "($self, /)"),
    m("hex", hex, "($self, /)"),
    cm("fromhex", fromhex, "($type, string, /)"),
    cm("from_number", from_number, "($type, number, /)"),
    cm("__getformat__", getformat, "($type, typestr, /)"),
    m("__getnewargs__", getnewargs, "($self, /)"),
];

fn get_real(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::from_f64(v.as_f64().unwrap_or(0.0)))
}

fn get_imag(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    Ok(Value::from_f64(0.0))
}

pub const GETSETS: &[(&str, Getter, Option<Setter>)] =
    &[("real", get_real, None), ("imag", get_imag, None)];
