//! The `complex` type (CPython's Objects/complexobject.c): values, the constructor with all its
//! argument forms, arithmetic mixed with `int` and `float`, equality, `repr`, `hash`,
//! `__format__`, and the methods and attributes.
//! https://docs.python.org/3/library/functions.html#complex

use protopy_objects::{Trace, Tracer, Value};

use super::{cm, m, Args, Getter, NativeMethod, Setter};
use crate::numeric::{self, complex as C, Complex, NumHash};
use crate::protocols;
use crate::protocols::number::num_err;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// The payload of a complex object.
pub struct ComplexValue(pub Complex);

impl Trace for ComplexValue {
    fn trace(&self, _t: &mut Tracer) {}
}

/// A new `complex` value.
pub fn new_complex(vm: &mut Vm, real: f64, imag: f64) -> PyResult<Value> {
    vm.new_opaque(Ty::Complex, ComplexValue(Complex::new(real, imag)))
}

fn new_c(vm: &mut Vm, c: Complex) -> PyResult<Value> {
    new_complex(vm, c.re, c.im)
}

/// The value of a complex object.
pub fn complex_of(vm: &Vm, v: Value) -> Option<Complex> {
    vm.opaque::<ComplexValue>(v).map(|c| c.0)
}

/// An int or float operand as a float (`None` for other types).
fn real_of(vm: &mut Vm, v: Value) -> PyResult<Option<f64>> {
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

/// An operand of mixed arithmetic: complex, or a real number.
enum Operand {
    Complex(Complex),
    Real(f64),
}

fn operand(vm: &mut Vm, v: Value) -> PyResult<Option<Operand>> {
    if let Some(c) = complex_of(vm, v) {
        return Ok(Some(Operand::Complex(c)));
    }
    Ok(real_of(vm, v)?.map(Operand::Real))
}

/// `a op b` where one side is complex (`op`: the `BINARY_OP` code, in-place folded); `None`
/// when the operation is not defined for these operands.
pub fn complex_binary(vm: &mut Vm, a: Value, b: Value, op: u32) -> PyResult<Option<Value>> {
    use Operand::{Complex as Cx, Real};
    if !matches!(op, 0 | 5 | 8 | 10 | 11) {
        return Ok(None);
    }
    let Some(x) = operand(vm, a)? else {
        return Ok(None);
    };
    let Some(y) = operand(vm, b)? else {
        return Ok(None);
    };
    let r = match (op, x, y) {
        (_, Real(_), Real(_)) => return Ok(None),
        (0, Cx(p), Cx(q)) => Ok(C::add(p, q)),
        (0, Cx(p), Real(r)) | (0, Real(r), Cx(p)) => Ok(C::add_real(p, r)),
        (10, Cx(p), Cx(q)) => Ok(C::sub(p, q)),
        (10, Cx(p), Real(r)) => Ok(C::sub_real(p, r)),
        (10, Real(r), Cx(p)) => Ok(C::real_sub(r, p)),
        (5, Cx(p), Cx(q)) => Ok(C::mul(p, q)),
        (5, Cx(p), Real(r)) | (5, Real(r), Cx(p)) => Ok(C::mul_real(p, r)),
        (11, Cx(p), Cx(q)) => C::div(p, q),
        (11, Cx(p), Real(r)) => C::div_real(p, r),
        (11, Real(r), Cx(p)) => C::real_div(r, p),
        (_, p, q) => {
            let as_c = |o: Operand| match o {
                Cx(c) => c,
                Real(r) => Complex::new(r, 0.0),
            };
            C::pow(as_c(p), as_c(q))
        }
    };
    match r {
        Ok(c) => new_c(vm, c).map(Some),
        Err(e) => Err(num_err(vm, e)),
    }
}

/// `-v`, `+v` of a complex (`~v` is not defined).
pub fn complex_unary(vm: &mut Vm, v: Value, op: u8) -> PyResult<Value> {
    let c = complex_of(vm, v).unwrap_or(Complex::new(0.0, 0.0));
    match op {
        b'-' => new_c(vm, C::neg(c)),
        b'+' => new_c(vm, c),
        _ => Err(vm.type_error("bad operand type for unary ~: 'complex'")),
    }
}

/// `a == b` where one side is complex; `None` for NotImplemented.
pub fn complex_eq(vm: &mut Vm, a: Value, b: Value) -> PyResult<Option<bool>> {
    let (c, other) = match complex_of(vm, a) {
        Some(c) => (c, b),
        None => match complex_of(vm, b) {
            Some(c) => (c, a),
            None => return Ok(None),
        },
    };
    if let Some(d) = complex_of(vm, other) {
        return Ok(Some(c == d));
    }
    if let Some(f) = other.as_f64() {
        return Ok(Some(c.im == 0.0 && c.re == f));
    }
    if let Some(i) = vm.int_of(other) {
        // Exact: compare the real part with the int, as float == int does.
        let eq =
            c.im == 0.0 && numeric::int::cmp_float(&i, c.re) == Some(std::cmp::Ordering::Equal);
        return Ok(Some(eq));
    }
    Ok(None)
}

/// `repr(z)`.
pub fn complex_repr(vm: &Vm, v: Value) -> Option<String> {
    complex_of(vm, v).map(|c| protopy_compiler::literals::repr_complex(c.re, c.im))
}

/// `hash(z)`.
pub fn complex_hash_of(vm: &Vm, v: Value) -> Option<i64> {
    complex_of(vm, v).map(|c| match C::hash(c) {
        NumHash::Value(h) => h,
        NumHash::Identity => protocols::identity_hash(v),
    })
}

fn this(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Complex> {
    match args.pos.first().and_then(|&v| complex_of(vm, v)) {
        Some(c) => Ok(c),
        None => {
            let t = args
                .pos
                .first()
                .map(|&v| vm.type_name(v))
                .unwrap_or_default();
            // Slot wrappers and method descriptors word it differently.
            let msg = if matches!(name, "__abs__" | "__bool__" | "__hash__" | "__repr__") {
                format!("descriptor '{name}' requires a 'complex' object but received a '{t}'")
            } else {
                format!("descriptor '{name}' for 'complex' objects doesn't apply to a '{t}' object")
            };
            Err(vm.type_error(&msg))
        }
    }
}

/// The `__complex__` of `v` if its type has one, checked to return a complex.
fn call_dunder_complex(vm: &mut Vm, v: Value) -> PyResult<Option<Complex>> {
    let Some(r) = protocols::call::call_special(vm, v, "__complex__", vec![])? else {
        return Ok(None);
    };
    match complex_of(vm, r) {
        Some(c) => Ok(Some(c)),
        None => {
            let (t, rt) = (vm.type_name(v), vm.type_name(r));
            Err(vm.type_error(&format!(
                "{t}.__complex__() must return a complex, not {rt}"
            )))
        }
    }
}

/// A real number for the constructor (`__float__`, then `__index__`); `None` when `v` is not one.
fn real_arg(vm: &mut Vm, v: Value) -> PyResult<Option<f64>> {
    if let Some(f) = real_of(vm, v)? {
        return Ok(Some(f));
    }
    if let Some(r) = protocols::call::call_special(vm, v, "__float__", vec![])? {
        return match r.as_f64() {
            Some(f) => Ok(Some(f)),
            None => {
                let (t, rt) = (vm.type_name(v), vm.type_name(r));
                Err(vm.type_error(&format!("{t}.__float__ returned non-float (type {rt})")))
            }
        };
    }
    let n = vm.intern("__index__")?;
    if protocols::attr::lookup_type_attr(vm, vm.type_of(v), n).is_some() {
        let i = protocols::number::index(vm, v)?;
        return numeric::int_convert::int_to_f64(&i)
            .map(Some)
            .map_err(|e| num_err(vm, e));
    }
    Ok(None)
}

/// `complex(real=0, imag=0)` (`complex_new_impl`).
fn complex_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    if args.pos.first().and_then(|c| c.as_handle()) != Some(vm.ty(Ty::Complex)) {
        return Err(crate::ops::not_yet(vm, "subclasses of complex"));
    }
    let real_kw = args.take_kw(vm, "real");
    let imag_kw = args.take_kw(vm, "imag");
    let n = args.pos.len().saturating_sub(1);
    if n > 2 {
        return Err(vm.type_error(&format!("complex() takes at most 2 arguments ({n} given)")));
    }
    super::int::check_ctor(vm, &args, "complex", 2)?;
    let real = args.get(1).or(real_kw);
    let imag = args.get(2).or(imag_kw);
    if args.get(1).is_some() && real_kw.is_some() {
        return Err(vm.type_error("argument for complex() given by name ('real') and position (1)"));
    }
    let Some(real) = real else {
        return match imag {
            Some(i) => {
                let (im, is_c) = imag_part(vm, i)?;
                // complex(imag=x): 0 + x*1j.
                let re = if is_c { 0.0 - im.im } else { 0.0 };
                new_complex(vm, re, im.re)
            }
            None => new_complex(vm, 0.0, 0.0),
        };
    };
    if let Some(s) = vm.pystr(real) {
        if imag.is_some() {
            return Err(vm.type_error("complex() argument 'real' must be a real number, not str"));
        }
        return match C::complex_from_str(&s, &crate::text::unicode::to_decimal_digit) {
            Ok(c) => new_c(vm, c),
            Err(e) => Err(num_err(vm, e)),
        };
    }
    let (re, re_is_c) = if let Some(c) = complex_of(vm, real) {
        (c, true)
    } else if let Some(c) = call_dunder_complex(vm, real)? {
        (c, true)
    } else {
        match real_arg(vm, real)? {
            Some(f) => (Complex::new(f, 0.0), false),
            None => {
                let t = vm.type_name(real);
                let msg = if imag.is_some() {
                    format!("complex() argument 'real' must be a real number, not {t}")
                } else {
                    format!("complex() argument must be a string or a number, not {t}")
                };
                return Err(vm.type_error(&msg));
            }
        }
    };
    let Some(imag) = imag else {
        return new_c(vm, re);
    };
    let (im, im_is_c) = imag_part(vm, imag)?;
    // (a + bj) + (c + dj) * 1j, touching only the parts a complex argument contributes to.
    let r = if im_is_c { re.re - im.im } else { re.re };
    let i = if re_is_c { im.re + re.im } else { im.re };
    new_complex(vm, r, i)
}

/// The `imag` argument as a complex (a real number, or a complex with a warning in CPython).
fn imag_part(vm: &mut Vm, imag: Value) -> PyResult<(Complex, bool)> {
    if let Some(c) = complex_of(vm, imag) {
        return Ok((c, true));
    }
    if vm.str_data(imag).is_none() {
        if let Some(f) = real_arg(vm, imag)? {
            return Ok((Complex::new(f, 0.0), false));
        }
    }
    let t = vm.type_name(imag);
    Err(vm.type_error(&format!(
        "complex() argument 'imag' must be a real number, not {t}"
    )))
}

/// `complex.from_number(number)`.
fn from_number(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "from_number", 1, 1)?;
    let v = args.pos[1];
    if let Some(c) = complex_of(vm, v) {
        return new_c(vm, c);
    }
    if vm.str_data(v).is_none() {
        if let Some(c) = call_dunder_complex(vm, v)? {
            return new_c(vm, c);
        }
        if let Some(f) = real_arg(vm, v)? {
            return new_complex(vm, f, 0.0);
        }
    }
    let t = vm.type_name(v);
    Err(vm.type_error(&format!("must be real number, not {t}")))
}

fn conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "conjugate", 0, 0)?;
    let c = this(vm, &args, "conjugate")?;
    new_complex(vm, c.re, -c.im)
}

fn dunder_complex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__complex__", 0, 0)?;
    let c = this(vm, &args, "__complex__")?;
    new_c(vm, c)
}

fn dunder_abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__abs__", 0, 0)?;
    let c = this(vm, &args, "__abs__")?;
    match C::abs(c) {
        Ok(f) => Ok(Value::from_f64(f)),
        Err(e) => Err(num_err(vm, e)),
    }
}

fn dunder_bool(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__bool__", 0, 0)?;
    let c = this(vm, &args, "__bool__")?;
    Ok(Value::from_bool(c.re != 0.0 || c.im != 0.0))
}

fn dunder_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__hash__", 0, 0)?;
    this(vm, &args, "__hash__")?;
    let h = complex_hash_of(vm, args.pos[0]).unwrap_or(0);
    vm.new_i64(h)
}

fn dunder_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__repr__", 0, 0)?;
    this(vm, &args, "__repr__")?;
    let s = complex_repr(vm, args.pos[0]).unwrap_or_default();
    vm.new_str(&s)
}

fn dunder_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__format__", 1, 1)?;
    let c = this(vm, &args, "__format__")?;
    let Some(spec) = vm.pystr(args.pos[1]) else {
        let t = vm.type_name(args.pos[1]);
        return Err(vm.type_error(&format!("__format__() argument must be str, not {t}")));
    };
    match crate::format::format_complex(c.re, c.im, &spec, "complex") {
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

fn dunder_getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__getnewargs__", 0, 0)?;
    let c = this(vm, &args, "__getnewargs__")?;
    vm.new_tuple(vec![Value::from_f64(c.re), Value::from_f64(c.im)])
}

pub const METHODS: &[NativeMethod] = &[
    super::sm("__new__", complex_new, ""),
    cm("from_number", from_number, "($type, number, /)"),
    m("conjugate", conjugate, "($self, /)"),
    m("__complex__", dunder_complex, "($self, /)"),
    m("__abs__", dunder_abs, "($self, /)"),
    m("__bool__", dunder_bool, "($self, /)"),
    m("__hash__", dunder_hash, "($self, /)"),
    m("__repr__", dunder_repr, "($self, /)"),
    m("__format__", dunder_format, "($self, format_spec, /)"),
    m("__getnewargs__", dunder_getnewargs, "($self, /)"),
];

fn get_real(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::from_f64(complex_of(vm, v).map_or(0.0, |c| c.re)))
}

fn get_imag(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::from_f64(complex_of(vm, v).map_or(0.0, |c| c.im)))
}

/// `real` and `imag` are read-only members (`PyMemberDef` with `Py_READONLY`).
fn set_readonly(vm: &mut Vm, _obj: Value, _v: Value) -> PyResult<()> {
    Err(vm.attribute_error("readonly attribute"))
}

pub const GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    ("real", get_real, Some(set_readonly)),
    ("imag", get_imag, Some(set_readonly)),
];
