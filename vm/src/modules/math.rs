//! The `math` module (CPython's Modules/mathmodule.c): argument conversion (`__float__`,
//! `__index__`, `__ceil__`, `__floor__`, `__trunc__`) in front of the computations of
//! `numeric/math/`. https://docs.python.org/3/library/math.html

use protopy_objects::Value;

use super::native_module::{new_native_module, set_attr};
use crate::numeric::{self, math as M, Int, NumResult};
use crate::protocols::{self, number::num_err};
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};
use crate::types::num_slots::bind;
use crate::types::{sm, Args, NativeMethod};

/// A real argument as a float (`PyFloat_AsDouble`): float, int, `__float__`, `__index__`.
pub fn to_f64(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(f) = v.as_f64() {
        return Ok(f);
    }
    if let Some(i) = vm.int_of(v) {
        return numeric::int_convert::int_to_f64(&i).map_err(|e| num_err(vm, e));
    }
    if let Some(r) = protocols::call::call_special(vm, v, "__float__", vec![])? {
        return match r.as_f64() {
            Some(f) => Ok(f),
            None => {
                let (t, rt) = (vm.type_name(v), vm.type_name(r));
                Err(vm.type_error(&format!("{t}.__float__ returned non-float (type {rt})")))
            }
        };
    }
    let n = vm.intern("__index__")?;
    if protocols::attr::lookup_type_attr(vm, vm.type_of(v), n).is_some() {
        let i = protocols::number::index(vm, v)?;
        return numeric::int_convert::int_to_f64(&i).map_err(|e| num_err(vm, e));
    }
    let t = vm.type_name(v);
    Err(vm.type_error(&format!("must be real number, not {t}")))
}

fn float_result(vm: &mut Vm, r: NumResult<f64>) -> PyResult<Value> {
    r.map(Value::from_f64).map_err(|e| num_err(vm, e))
}

fn int_result(vm: &mut Vm, r: NumResult<Int>) -> PyResult<Value> {
    match r {
        Ok(i) => vm.new_int(i),
        Err(e) => Err(num_err(vm, e)),
    }
}

/// CPython's message for keywords passed to a positional-only `math` function.
fn no_keywords(vm: &mut Vm, args: &Args, name: &str) -> PyResult<()> {
    if args.kw.is_empty() {
        return Ok(());
    }
    Err(vm.type_error(&format!("math.{name}() takes no keyword arguments")))
}

fn one_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<f64> {
    no_keywords(vm, args, name)?;
    args.check(vm, &format!("math.{name}"), 1, 1)?;
    to_f64(vm, args.pos[0])
}

fn two_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(f64, f64)> {
    no_keywords(vm, args, name)?;
    args.check(vm, name, 2, 2)?;
    let x = to_f64(vm, args.pos[0])?;
    let y = to_f64(vm, args.pos[1])?;
    Ok((x, y))
}

/// Declares the one-argument float functions.
macro_rules! unary_math {
    ($($fname:ident $name:literal => $body:expr;)*) => {
        $(
            fn $fname(vm: &mut Vm, args: Args) -> PyResult<Value> {
                let x = one_arg(vm, &args, $name)?;
                let f: fn(f64) -> NumResult<f64> = $body;
                float_result(vm, f(x))
            }
        )*
    };
}

unary_math! {
    acos "acos" => M::acos; acosh "acosh" => M::acosh; asin "asin" => M::asin;
    asinh "asinh" => M::asinh; atan "atan" => M::atan; atanh "atanh" => M::atanh;
    cbrt "cbrt" => M::cbrt; cos "cos" => M::cos; cosh "cosh" => M::cosh;
    erf "erf" => M::erf; erfc "erfc" => M::erfc; exp "exp" => M::exp;
    exp2 "exp2" => M::exp2; expm1 "expm1" => M::expm1; gamma "gamma" => M::gamma;
    lgamma "lgamma" => M::lgamma; log1p "log1p" => M::log1p; sin "sin" => M::sin;
    sinh "sinh" => M::sinh; sqrt "sqrt" => M::sqrt; tan "tan" => M::tan;
    tanh "tanh" => M::tanh;
    degrees "degrees" => |x| Ok(M::degrees(x)); radians "radians" => |x| Ok(M::radians(x));
    fabs "fabs" => |x| Ok(M::fabs(x)); ulp "ulp" => |x| Ok(M::ulp(x));
}

fn is_check(vm: &mut Vm, args: Args, name: &str, f: fn(f64) -> bool) -> PyResult<Value> {
    let x = one_arg(vm, &args, name)?;
    Ok(Value::from_bool(f(x)))
}

fn isfinite(vm: &mut Vm, args: Args) -> PyResult<Value> {
    is_check(vm, args, "isfinite", M::isfinite)
}
fn isinf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    is_check(vm, args, "isinf", M::isinf)
}
fn isnan(vm: &mut Vm, args: Args) -> PyResult<Value> {
    is_check(vm, args, "isnan", M::isnan)
}

fn atan2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (y, x) = two_args(vm, &args, "atan2")?;
    float_result(vm, M::atan2(y, x))
}
fn copysign(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two_args(vm, &args, "copysign")?;
    float_result(vm, M::copysign(x, y))
}
fn fmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two_args(vm, &args, "fmod")?;
    float_result(vm, M::fmod(x, y))
}
fn remainder(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two_args(vm, &args, "remainder")?;
    float_result(vm, M::remainder(x, y))
}
fn pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two_args(vm, &args, "pow")?;
    float_result(vm, M::pow(x, y))
}

fn fma(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "fma", 3, 3)?;
    let x = to_f64(vm, args.pos[0])?;
    let y = to_f64(vm, args.pos[1])?;
    let z = to_f64(vm, args.pos[2])?;
    float_result(vm, M::fma(x, y, z))
}

/// `math.ceil`/`floor`: a float's directly, else the type's `__ceil__`/`__floor__`, else the
/// float value's.
fn round_dir(vm: &mut Vm, args: Args, name: &str, dunder: &str, up: bool) -> PyResult<Value> {
    args.check(vm, &format!("math.{name}"), 1, 1)?;
    let v = args.pos[0];
    let via_float = |vm: &mut Vm, f: f64| {
        let r = if up { M::ceil(f) } else { M::floor(f) };
        int_result(vm, r)
    };
    if let Some(f) = v.as_f64() {
        return via_float(vm, f);
    }
    if let Some(r) = protocols::call::call_special(vm, v, dunder, vec![])? {
        return Ok(r);
    }
    let f = to_f64(vm, v)?;
    via_float(vm, f)
}

fn ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    round_dir(vm, args, "ceil", "__ceil__", true)
}
fn floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    round_dir(vm, args, "floor", "__floor__", false)
}

fn trunc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "math.trunc", 1, 1)?;
    let v = args.pos[0];
    if let Some(f) = v.as_f64() {
        return int_result(vm, M::trunc(f));
    }
    if let Some(r) = protocols::call::call_special(vm, v, "__trunc__", vec![])? {
        return Ok(r);
    }
    let t = vm.type_name(v);
    Err(vm.type_error(&format!("type {t} doesn't define __trunc__ method")))
}

fn frexp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one_arg(vm, &args, "frexp")?;
    let (m, e) = M::frexp(x);
    let e = vm.new_i64(e)?;
    vm.new_tuple(vec![Value::from_f64(m), e])
}

fn modf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one_arg(vm, &args, "modf")?;
    let (f, i) = M::modf(x);
    vm.new_tuple(vec![Value::from_f64(f), Value::from_f64(i)])
}

fn ldexp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "ldexp", 2, 2)?;
    let x = to_f64(vm, args.pos[0])?;
    let Some(i) = vm.int_of(args.pos[1]) else {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    };
    float_result(vm, M::ldexp(x, &i))
}

fn nextafter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut args = args;
    let steps = args.take_kw(vm, "steps");
    args.check(vm, "nextafter", 2, 2)?;
    let x = to_f64(vm, args.pos[0])?;
    let y = to_f64(vm, args.pos[1])?;
    let steps = match steps.filter(|s| !s.is_none()) {
        Some(s) => Some(protocols::number::index(vm, s)?),
        None => None,
    };
    float_result(vm, M::nextafter(x, y, steps.as_ref()))
}

fn isclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind(
        vm,
        &args,
        "isclose",
        0,
        &["a", "b", "rel_tol", "abs_tol"],
        2,
        2,
    )?;
    let x = to_f64(vm, a[0].unwrap_or(Value::NONE))?;
    let y = to_f64(vm, a[1].unwrap_or(Value::NONE))?;
    let rel = match a[2] {
        Some(v) => to_f64(vm, v)?,
        None => 1e-9,
    };
    let abs = match a[3] {
        Some(v) => to_f64(vm, v)?,
        None => 0.0,
    };
    match M::isclose(x, y, rel, abs) {
        Ok(b) => Ok(Value::from_bool(b)),
        Err(e) => Err(num_err(vm, e)),
    }
}

/// `math.log(x[, base])`, `log2`, `log10`: ints exactly, other values as floats.
fn log_arg<R>(vm: &mut Vm, v: Value, f: impl FnOnce(M::LogArg<'_>) -> R) -> PyResult<R> {
    if v.as_f64().is_none() {
        if let Some(i) = vm.int_of(v) {
            return Ok(f(M::LogArg::Int(&i)));
        }
    }
    let x = to_f64(vm, v)?;
    Ok(f(M::LogArg::Float(x)))
}

fn log(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "log", 1, 2)?;
    let r = match args.get(1) {
        None => log_arg(vm, args.pos[0], M::log)?,
        Some(b) => {
            let num = log_arg(vm, args.pos[0], M::log)?;
            let den = log_arg(vm, b, M::log)?;
            match (num, den) {
                (Ok(n), Ok(d)) => numeric::float::div(n, d),
                (Err(e), _) | (_, Err(e)) => Err(e),
            }
        }
    };
    float_result(vm, r)
}
fn log2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "math.log2", 1, 1)?;
    let r = log_arg(vm, args.pos[0], M::log2)?;
    float_result(vm, r)
}
fn log10(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "math.log10", 1, 1)?;
    let r = log_arg(vm, args.pos[0], M::log10)?;
    float_result(vm, r)
}

// ---- integer functions ----

fn index_args(vm: &mut Vm, args: &Args) -> PyResult<Vec<Int>> {
    let mut out = Vec::with_capacity(args.pos.len());
    for &v in &args.pos {
        out.push(protocols::number::index(vm, v)?);
    }
    Ok(out)
}

fn factorial(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "math.factorial", 1, 1)?;
    let n = index_args(vm, &args)?;
    int_result(vm, M::factorial(&n[0]))
}
fn isqrt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "math.isqrt", 1, 1)?;
    let n = index_args(vm, &args)?;
    int_result(vm, M::isqrt(&n[0]))
}
fn gcd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "gcd", 0, usize::MAX)?;
    let n = index_args(vm, &args)?;
    vm.new_int(M::gcd(&n))
}
fn lcm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "lcm", 0, usize::MAX)?;
    let n = index_args(vm, &args)?;
    vm.new_int(M::lcm(&n))
}
fn comb(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "comb", 2, 2)?;
    let n = index_args(vm, &args)?;
    int_result(vm, M::comb(&n[0], &n[1]))
}
fn perm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "perm", 1, 2)?;
    let n = protocols::number::index(vm, args.pos[0])?;
    let k = match args.get(1).filter(|v| !v.is_none()) {
        Some(k) => Some(protocols::number::index(vm, k)?),
        None => None,
    };
    int_result(vm, M::perm(&n, k.as_ref()))
}

// ---- sums and products ----

/// The items of an iterable, rooted in `vm.temps` from `mark` (the caller truncates).
fn items_of(vm: &mut Vm, v: Value) -> PyResult<Vec<Value>> {
    let items = protocols::iter::collect(vm, v)?;
    vm.temps.extend_from_slice(&items);
    Ok(items)
}

fn fsum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "math.fsum", 1, 1)?;
    let mark = vm.temps.len();
    let r = (|| {
        let items = items_of(vm, args.pos[0])?;
        let mut acc = M::Fsum::new();
        for v in items {
            let f = to_f64(vm, v)?;
            acc.add(f).map_err(|e| num_err(vm, e))?;
        }
        float_result(vm, acc.finish())
    })();
    vm.temps.truncate(mark);
    r
}

fn prod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind(vm, &args, "prod", 0, &["iterable", "start"], 1, 1)?;
    if args
        .kw
        .iter()
        .any(|&(k, _)| vm.rust_str(k).as_deref() == Some("iterable"))
    {
        return Err(vm.type_error("prod() missing required argument 'iterable' (pos 1)"));
    }
    let mark = vm.temps.len();
    let r = (|| {
        let items = items_of(vm, a[0].unwrap_or(Value::NONE))?;
        let mut total = a[1].unwrap_or(Value::from_i64(1).unwrap_or(Value::NONE));
        for v in items {
            vm.temps.push(total);
            total = protocols::number::binary_op(vm, total, v, 5)?;
        }
        Ok(total)
    })();
    vm.temps.truncate(mark);
    r
}

fn sumprod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "sumprod", 2, 2)?;
    let mark = vm.temps.len();
    let r = (|| {
        let p = items_of(vm, args.pos[0])?;
        let q = items_of(vm, args.pos[1])?;
        if p.len() != q.len() {
            return Err(vm.value_error("Inputs are not the same length"));
        }
        let is_int = |vm: &Vm, v: Value| matches!(vm.layout_of(v), Ty::Int | Ty::Bool);
        let mut total = Value::from_i64(0).unwrap_or(Value::NONE);
        let mut ints = Int::Small(0);
        let mut floats = M::SumprodFloats::new();
        for (&x, &y) in p.iter().zip(q.iter()) {
            let exact = vm.is_exact(x, Ty::Int) || vm.is_exact(x, Ty::Bool);
            let exact = exact && (vm.is_exact(y, Ty::Int) || vm.is_exact(y, Ty::Bool));
            if exact && is_int(vm, x) && is_int(vm, y) {
                if let (Some(a), Some(b)) = (vm.int_of(x), vm.int_of(y)) {
                    ints = numeric::int::add(&ints, &numeric::int::mul(&a, &b));
                    continue;
                }
            }
            let fx = vm.is_exact(x, Ty::Float);
            let fy = vm.is_exact(y, Ty::Float);
            if (fx && (fy || is_int(vm, y))) || (fy && is_int(vm, x)) {
                let a = to_f64(vm, x)?;
                let b = to_f64(vm, y)?;
                if floats.add(a, b) {
                    continue;
                }
            }
            let pr = protocols::number::binary_op(vm, x, y, 5)?;
            vm.temps.push(pr);
            total = protocols::number::binary_op(vm, total, pr, 0)?;
            vm.temps.push(total);
        }
        let iv = vm.new_int(ints)?;
        vm.temps.push(iv);
        total = protocols::number::binary_op(vm, total, iv, 0)?;
        if floats.is_used() {
            vm.temps.push(total);
            total = protocols::number::binary_op(vm, total, Value::from_f64(floats.value()), 0)?;
        }
        Ok(total)
    })();
    vm.temps.truncate(mark);
    r
}

fn hypot(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error("hypot() takes no keyword arguments"));
    }
    let mut xs = Vec::with_capacity(args.pos.len());
    for &v in &args.pos {
        xs.push(to_f64(vm, v)?);
    }
    Ok(Value::from_f64(M::hypot(&xs)))
}

fn dist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "dist", 2, 2)?;
    let mut pts = Vec::with_capacity(2);
    for &v in &args.pos {
        let items = match vm.tuple_items(v) {
            Some(t) => t.to_vec(),
            None => protocols::iter::collect(vm, v)?,
        };
        let mut xs = Vec::with_capacity(items.len());
        let mark = vm.temps.len();
        vm.temps.extend_from_slice(&items);
        for x in items {
            match to_f64(vm, x) {
                Ok(f) => xs.push(f),
                Err(e) => {
                    vm.temps.truncate(mark);
                    return Err(e);
                }
            }
        }
        vm.temps.truncate(mark);
        pts.push(xs);
    }
    float_result(vm, M::dist(&pts[0], &pts[1]))
}

pub const FUNCTIONS: &[NativeMethod] = &[
    sm("acos", acos, "($module, x, /)"),
    sm("acosh", acosh, "($module, x, /)"),
    sm("asin", asin, "($module, x, /)"),
    sm("asinh", asinh, "($module, x, /)"),
    sm("atan", atan, "($module, x, /)"),
    sm("atan2", atan2, "($module, y, x, /)"),
    sm("atanh", atanh, "($module, x, /)"),
    sm("cbrt", cbrt, "($module, x, /)"),
    sm("ceil", ceil, "($module, x, /)"),
    sm("comb", comb, "($module, n, k, /)"),
    sm("copysign", copysign, "($module, x, y, /)"),
    sm("cos", cos, "($module, x, /)"),
    sm("cosh", cosh, "($module, x, /)"),
    sm("degrees", degrees, "($module, x, /)"),
    sm("dist", dist, "($module, p, q, /)"),
    sm("erf", erf, "($module, x, /)"),
    sm("erfc", erfc, "($module, x, /)"),
    sm("exp", exp, "($module, x, /)"),
    sm("exp2", exp2, "($module, x, /)"),
    sm("expm1", expm1, "($module, x, /)"),
    sm("fabs", fabs, "($module, x, /)"),
    sm("factorial", factorial, "($module, n, /)"),
    sm("floor", floor, "($module, x, /)"),
    sm("fma", fma, "($module, x, y, z, /)"),
    sm("fmod", fmod, "($module, x, y, /)"),
    sm("frexp", frexp, "($module, x, /)"),
    sm("fsum", fsum, "($module, seq, /)"),
    sm("gamma", gamma, "($module, x, /)"),
    sm("gcd", gcd, "($module, /, *integers)"),
    sm("hypot", hypot, ""),
    sm(
        "isclose",
        isclose,
        "($module, /, a, b, *, rel_tol=1e-09, abs_tol=0.0)",
    ),
    sm("isfinite", isfinite, "($module, x, /)"),
    sm("isinf", isinf, "($module, x, /)"),
    sm("isnan", isnan, "($module, x, /)"),
    sm("isqrt", isqrt, "($module, n, /)"),
    sm("lcm", lcm, "($module, /, *integers)"),
    sm("ldexp", ldexp, "($module, x, i, /)"),
    sm("lgamma", lgamma, "($module, x, /)"),
    sm("log", log, ""),
    sm("log10", log10, "($module, x, /)"),
    sm("log1p", log1p, "($module, x, /)"),
    sm("log2", log2, "($module, x, /)"),
    sm("modf", modf, "($module, x, /)"),
    sm("nextafter", nextafter, "($module, x, y, /, *, steps=None)"),
    sm("perm", perm, "($module, n, k=None, /)"),
    sm("pow", pow, "($module, x, y, /)"),
    sm("prod", prod, "($module, iterable, /, *, start=1)"),
    sm("radians", radians, "($module, x, /)"),
    sm("remainder", remainder, "($module, x, y, /)"),
    sm("sin", sin, "($module, x, /)"),
    sm("sinh", sinh, "($module, x, /)"),
    sm("sqrt", sqrt, "($module, x, /)"),
    sm("sumprod", sumprod, "($module, p, q, /)"),
    sm("tan", tan, "($module, x, /)"),
    sm("tanh", tanh, "($module, x, /)"),
    sm("trunc", trunc, "($module, x, /)"),
    sm("ulp", ulp, "($module, x, /)"),
];

pub fn install(vm: &mut Vm) -> PyResult<()> {
    let (_, d) = new_native_module(vm, "math", FUNCTIONS)?;
    for (name, v) in [
        ("pi", M::PI),
        ("e", M::E),
        ("tau", M::TAU),
        ("inf", M::INF),
        ("nan", M::NAN),
    ] {
        set_attr(vm, d, name, Value::from_f64(v))?;
    }
    Ok(())
}
