//! `int`, `bool` and `float` constructors (CPython's Objects/longobject.c `long_new`,
//! boolobject.c `bool_new`, floatobject.c `float_new`) and their method tables. The
//! arithmetic itself is in `numeric/` and `protocols/number.rs`.

use protopy_objects::Value;

use protopy_objects::BytesData;

use super::num_slots::bind;
use super::{cm, m, sm, Args, Getter, NativeMethod, Setter};
use crate::numeric::{self, int_bits::ByteOrder, Int};
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// The receiver class must be the builtin itself (subclass instances need their own layout).
pub fn check_exact(vm: &mut Vm, args: &Args, ty: Ty) -> PyResult<()> {
    if args.pos.first().and_then(|c| c.as_handle()) != Some(vm.ty(ty)) {
        return Err(crate::ops::not_yet(
            vm,
            &format!("subclasses of {}", ty.name()),
        ));
    }
    Ok(())
}

/// Checks a constructor's positional count (after the class) and leftover keywords.
pub fn check_ctor(vm: &mut Vm, args: &Args, name: &str, max: usize) -> PyResult<()> {
    if let Some(&(k, _)) = args.kw.first() {
        let k = vm.rust_str(k).unwrap_or_default();
        return Err(vm.type_error(&format!(
            "{name}() got an unexpected keyword argument '{k}'"
        )));
    }
    let n = args.pos.len().saturating_sub(1);
    if n > max {
        let s = if max == 1 { "" } else { "s" };
        return Err(vm.type_error(&format!(
            "{name} expected at most {max} argument{s}, got {n}"
        )));
    }
    Ok(())
}

/// The contents of a `bytes` or `bytearray` (and which it is).
fn bytes_like(vm: &Vm, v: Value) -> Option<(Vec<u8>, bool)> {
    if let Ok(b) = vm.m.get_value::<BytesData>(v) {
        return Some((b.bytes.to_vec(), false));
    }
    vm.opaque::<super::bytearray::ByteArray>(v)
        .map(|b| (b.data.lock().clone(), true))
}

fn bytes_repr(b: &[u8], is_array: bool) -> String {
    let r = protopy_compiler::literals::repr_bytes(b);
    if is_array {
        format!("bytearray({r})")
    } else {
        r
    }
}

/// `int(x=0)`, `int(x, base=10)`: https://docs.python.org/3/library/functions.html#int
fn int_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    check_exact(vm, &args, Ty::Int)?;
    let base = args.take_kw(vm, "base");
    check_ctor(vm, &args, "int", 2)?;
    let base = match base.or(args.get(2)) {
        Some(b) => Some(protocols::number::index_i64(vm, b)?),
        None => None,
    };
    let Some(x) = args.get(1) else {
        if base.is_some() {
            return Err(vm.type_error("int() missing string argument"));
        }
        return Ok(Value::from_i64(0).unwrap_or(Value::NONE));
    };
    if let Some(s) = vm.pystr(x) {
        let r = numeric::int_text::int_from_str(
            &s,
            base.unwrap_or(10),
            &crate::text::unicode::to_decimal_digit,
            crate::modules::sys::max_str_digits(),
        );
        return match r {
            Ok(i) => vm.new_int(i),
            Err(e) => Err(protocols::number::num_err(vm, e)),
        };
    }
    if let Some((bytes, is_array)) = bytes_like(vm, x) {
        let r = numeric::int_text::int_from_ascii(
            &bytes,
            base.unwrap_or(10),
            crate::modules::sys::max_str_digits(),
            || bytes_repr(&bytes, is_array),
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
    if !args.kw.is_empty() {
        return Err(vm.type_error("bool() takes no keyword arguments"));
    }
    check_ctor(vm, &args, "bool", 1)?;
    match args.get(1) {
        Some(x) => protocols::truth(vm, x).map(Value::from_bool),
        None => Ok(Value::FALSE),
    }
}

/// `float(x=0.0)`: https://docs.python.org/3/library/functions.html#float
pub fn float_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_exact(vm, &args, Ty::Float)?;
    if !args.kw.is_empty() {
        return Err(vm.type_error("float() takes no keyword arguments"));
    }
    check_ctor(vm, &args, "float", 1)?;
    let Some(x) = args.get(1) else {
        return Ok(Value::from_f64(0.0));
    };
    if x.as_f64().is_some() {
        // An exact float is returned itself (a NaN keeps its identity).
        return Ok(x);
    }
    if let Some(f) = super::subclass::base_value(vm, x).as_f64() {
        return Ok(Value::from_f64(f));
    }
    let r = if let Some(s) = vm.pystr(x) {
        numeric::float_text::float_from_str(&s, &crate::text::unicode::to_decimal_digit)
    } else if let Some((bytes, is_array)) = bytes_like(vm, x) {
        numeric::float_text::float_from_ascii(&bytes, || bytes_repr(&bytes, is_array))
    } else if let Some(i) = vm.int_of(x) {
        numeric::int_convert::int_to_f64(&i)
    } else {
        if let Some(r) = protocols::call::call_special(vm, x, "__float__", vec![])? {
            if r.as_f64().is_none() {
                let (t, rt) = (vm.type_name(x), vm.type_name(r));
                return Err(vm.type_error(&format!("{t}.__float__ returned non-float (type {rt})")));
            }
            return Ok(r);
        }
        let n = vm.intern("__index__")?;
        if protocols::attr::lookup_type_attr(vm, vm.type_of(x), n).is_some() {
            let i = protocols::number::index(vm, x)?;
            return numeric::int_convert::int_to_f64(&i)
                .map(Value::from_f64)
                .map_err(|e| protocols::number::num_err(vm, e));
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

fn this_int(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Int> {
    match args.pos.first().and_then(|&v| vm.int_of(v)) {
        Some(i) => Ok(i),
        None => {
            let t = args
                .pos
                .first()
                .map(|&v| vm.type_name(v))
                .unwrap_or_default();
            Err(vm.type_error(&format!(
                "descriptor '{name}' for 'int' objects doesn't apply to a '{t}' object"
            )))
        }
    }
}

/// `int.bit_length()`.
fn bit_length(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "bit_length", 0, 0)?;
    let i = this_int(vm, &args, "bit_length")?;
    vm.new_int(Int::from_bigint(numeric::int_bits::bit_length(&i).into()))
}

/// `int.bit_count()`.
fn bit_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "bit_count", 0, 0)?;
    let i = this_int(vm, &args, "bit_count")?;
    vm.new_int(Int::from_bigint(numeric::int_bits::bit_count(&i).into()))
}

fn byteorder_arg(vm: &mut Vm, v: Option<Value>, fname: &str) -> PyResult<ByteOrder> {
    let Some(v) = v else {
        return Ok(ByteOrder::Big);
    };
    let Some(s) = vm.rust_str(v) else {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!(
            "{fname}() argument 'byteorder' must be str, not {t}"
        )));
    };
    ByteOrder::parse(&s).map_err(|e| protocols::number::num_err(vm, e))
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn to_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = this_int(vm, &args, "to_bytes")?;
    let a = bind(
        vm,
        &args,
        "to_bytes",
        1,
        &["length", "byteorder", "signed"],
        2,
        0,
    )?;
    let length = match a[0] {
        Some(v) => match protocols::number::index(vm, v)? {
            Int::Small(n) => n,
            Int::Big(_) => {
                return Err(vm.new_error(
                    Ty::OverflowError,
                    "Python int too large to convert to C ssize_t",
                ))
            }
        },
        None => 1,
    };
    let order = byteorder_arg(vm, a[1], "to_bytes")?;
    let signed = match a[2] {
        Some(v) => protocols::truth(vm, v)?,
        None => false,
    };
    if length > (numeric::MAX_INT_BITS / 8) as i64 {
        // CPython tries to allocate the bytes object and fails.
        return Err(vm.new_error_args(Ty::MemoryError, vec![]));
    }
    match numeric::int_bits::to_bytes(&i, length, order, signed) {
        Ok(b) => vm.alloc(Ty::Bytes, BytesData::new(b)),
        Err(e) => Err(protocols::number::num_err(vm, e)),
    }
}

/// The bytes of a bytes-like object or an iterable of ints in `range(256)`.
pub fn bytes_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Ok(b) = vm.m.get_value::<BytesData>(v) {
        return Ok(b.bytes.to_vec());
    }
    if let Some(b) = vm.opaque::<super::bytearray::ByteArray>(v) {
        return Ok(b.data.lock().clone());
    }
    if vm.str_data(v).is_some() {
        return Err(vm.type_error("cannot convert 'str' object to bytes"));
    }
    let items = protocols::iter::collect(vm, v)?;
    let mark = vm.temps.len();
    vm.temps.extend_from_slice(&items);
    let mut out = Vec::with_capacity(items.len());
    let mut r = Ok(());
    for &x in &items {
        match protocols::number::index(vm, x) {
            Ok(Int::Small(n)) if (0..256).contains(&n) => out.push(n as u8),
            Ok(_) => {
                r = Err(vm.value_error("bytes must be in range(0, 256)"));
                break;
            }
            Err(e) => {
                r = Err(e);
                break;
            }
        }
    }
    vm.temps.truncate(mark);
    r.map(|()| out)
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`.
fn from_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = args.pos.first().copied().unwrap_or(Value::NONE);
    let a = bind(
        vm,
        &args,
        "from_bytes",
        1,
        &["bytes", "byteorder", "signed"],
        2,
        1,
    )?;
    let order = byteorder_arg(vm, a[1], "from_bytes")?;
    let signed = match a[2] {
        Some(v) => protocols::truth(vm, v)?,
        None => false,
    };
    let bytes = bytes_arg(vm, a[0].unwrap_or(Value::NONE))?;
    let n = vm.new_int(numeric::int_bits::from_bytes(&bytes, order, signed))?;
    if cls.as_handle() == Some(vm.ty(Ty::Int)) {
        return Ok(n);
    }
    // A subclass gets `cls(n)`, as CPython's `int_from_bytes_impl` does.
    vm.temps.push(n);
    let r = protocols::call::call(vm, cls, Args::new(vec![n]));
    vm.temps.pop();
    r
}

/// `int.as_integer_ratio()`.
fn as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "as_integer_ratio", 0, 0)?;
    let i = this_int(vm, &args, "as_integer_ratio")?;
    let n = vm.new_int(i)?;
    vm.new_tuple(vec![n, Value::from_i64(1).unwrap_or(Value::NONE)])
}

/// `int.is_integer()`: always true.
fn is_integer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "is_integer", 0, 0)?;
    this_int(vm, &args, "is_integer")?;
    Ok(Value::TRUE)
}

/// `int.conjugate()`: the int itself.
fn conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "conjugate", 0, 0)?;
    let i = this_int(vm, &args, "conjugate")?;
    vm.new_int(i)
}

fn getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__getnewargs__", 0, 0)?;
    let i = this_int(vm, &args, "__getnewargs__")?;
    let n = vm.new_int(i)?;
    vm.new_tuple(vec![n])
}

pub const METHODS: &[NativeMethod] = &[
    sm("__new__", int_new, ""),
    m("bit_length", bit_length, "($self, /)"),
    m("bit_count", bit_count, "($self, /)"),
    m(
        "to_bytes",
        to_bytes,
        "($self, /, length=1, byteorder='big', *, signed=False)",
    ),
    cm(
        "from_bytes",
        from_bytes,
        "($type, /, bytes, byteorder='big', *, signed=False)",
    ),
    m("as_integer_ratio", as_integer_ratio, "($self, /)"),
    m("is_integer", is_integer, "($self, /)"),
    m("conjugate", conjugate, "($self, /)"),
    m("__getnewargs__", getnewargs, "($self, /)"),
];

pub const BOOL_METHODS: &[NativeMethod] = &[sm("__new__", bool_new, "")];

fn get_self_int(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let i = vm.int_of(v).unwrap_or(Int::Small(0));
    vm.new_int(i)
}

fn get_zero(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    Ok(Value::from_i64(0).unwrap_or(Value::NONE))
}

fn get_one(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    Ok(Value::from_i64(1).unwrap_or(Value::NONE))
}

pub const GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    ("real", get_self_int, None),
    ("imag", get_zero, None),
    ("numerator", get_self_int, None),
    ("denominator", get_one, None),
];
