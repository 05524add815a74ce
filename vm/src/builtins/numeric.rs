//! The numeric builtins `abs`, `divmod`, `pow` and `round` (CPython's Python/bltinmodule.c
//! `builtin_abs`, `builtin_divmod`, `builtin_pow`, `builtin_round`, and the dispatch of
//! Objects/abstract.c `binary_op1`/`ternary_op` for `divmod` and three-argument `pow`).
//! https://docs.python.org/3/library/functions.html

use protopy_objects::{Handle, Value};

use crate::numeric;
use crate::protocols;
use crate::thread::{PyResult, Vm};
use crate::types::num_slots::{bind, native_divmod, ternary_pow};
use crate::types::{function::Native, typeobj, Args};

/// `type(obj).name` when it is a method written in Python (natives are the builtin slots,
/// which the native fallback does).
fn user_special(vm: &mut Vm, ty: Handle, name: &str) -> PyResult<Option<Value>> {
    let n = vm.intern(name)?;
    Ok(typeobj::lookup(vm, ty, n).filter(|&f| vm.opaque::<Native>(f).is_none()))
}

fn call_not_implemented(vm: &mut Vm, f: Value, args: Vec<Value>) -> PyResult<Option<Value>> {
    let r = protocols::call::call(vm, f, Args::new(args))?;
    Ok((r != Value::NOT_IMPLEMENTED).then_some(r))
}

/// `a.name(b)` or `b.rname(a)` in `binary_op1`'s order (a subclass's reflected method first),
/// then `native`.
fn binary_dispatch(
    vm: &mut Vm,
    a: Value,
    b: Value,
    name: &str,
    rname: &str,
    native: fn(&mut Vm, Value, Value) -> PyResult<Option<Value>>,
) -> PyResult<Option<Value>> {
    let (ta, tb) = (vm.type_of(a), vm.type_of(b));
    let fa = user_special(vm, ta, name)?;
    let fb = if ta != tb {
        user_special(vm, tb, rname)?
    } else {
        None
    };
    let reflected_first = fb.is_some()
        && typeobj::is_subtype(vm, tb, ta)
        && protocols::number::overrides(vm, ta, tb, rname)?;
    if let Some(fb) = fb.filter(|_| reflected_first) {
        if let Some(r) = call_not_implemented(vm, fb, vec![b, a])? {
            return Ok(Some(r));
        }
        if let Some(fa) = fa {
            return call_not_implemented(vm, fa, vec![a, b]);
        }
        return native(vm, a, b);
    }
    if let Some(fa) = fa {
        if let Some(r) = call_not_implemented(vm, fa, vec![a, b])? {
            return Ok(Some(r));
        }
    }
    if let Some(fb) = fb {
        if let Some(r) = call_not_implemented(vm, fb, vec![b, a])? {
            return Ok(Some(r));
        }
    }
    native(vm, a, b)
}

/// `abs(x)`.
pub fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "abs", 1, 1)?;
    let v = args.pos[0];
    if !typeobj::is_heap_type(vm, vm.type_of(v)) {
        if let Some(f) = v.as_f64() {
            return Ok(Value::from_f64(f.abs()));
        }
        if let Some(i) = vm.int_of(v) {
            return vm.new_int(numeric::int::abs(&i));
        }
    }
    if let Some(r) = protocols::call::call_special(vm, v, "__abs__", vec![])? {
        return Ok(r);
    }
    let t = vm.type_name(v);
    Err(vm.type_error(&format!("bad operand type for abs(): '{t}'")))
}

/// `divmod(a, b)`.
pub fn divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "divmod", 2, 2)?;
    let (a, b) = (args.pos[0], args.pos[1]);
    if let Some(r) = binary_dispatch(vm, a, b, "__divmod__", "__rdivmod__", native_divmod)? {
        return Ok(r);
    }
    let (na, nb) = (vm.type_name(a), vm.type_name(b));
    Err(vm.type_error(&format!(
        "unsupported operand type(s) for divmod(): '{na}' and '{nb}'"
    )))
}

/// `pow(base, exp, mod=None)`.
pub fn pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind(vm, &args, "pow", 0, &["base", "exp", "mod"], 3, 2)?;
    let (x, y) = (a[0].unwrap_or(Value::NONE), a[1].unwrap_or(Value::NONE));
    let z = match a[2] {
        Some(z) if !z.is_none() => z,
        _ => return protocols::number::binary_op(vm, x, y, 8),
    };
    // `ternary_op`: x.__pow__(y, z), then (3.14) y.__rpow__(x, z) for another type; a
    // subclass's reflected method first.
    let (tx, ty) = (vm.type_of(x), vm.type_of(y));
    let fx = user_special(vm, tx, "__pow__")?;
    let fy = if tx != ty {
        user_special(vm, ty, "__rpow__")?
    } else {
        None
    };
    let reflected_first = fy.is_some()
        && typeobj::is_subtype(vm, ty, tx)
        && protocols::number::overrides(vm, tx, ty, "__rpow__")?;
    let mut order = [(fx, [x, y, z]), (fy, [y, x, z])];
    if reflected_first {
        order.swap(0, 1);
    }
    for (f, a) in order {
        if let Some(f) = f {
            if let Some(r) = call_not_implemented(vm, f, a.to_vec())? {
                return Ok(r);
            }
        }
    }
    let r = ternary_pow(vm, x, y, z)?;
    if r != Value::NOT_IMPLEMENTED {
        return Ok(r);
    }
    let (nx, ny, nz) = (vm.type_name(x), vm.type_name(y), vm.type_name(z));
    Err(vm.type_error(&format!(
        "unsupported operand type(s) for ** or pow(): '{nx}', '{ny}', '{nz}'"
    )))
}

/// `round(number, ndigits=None)`.
pub fn round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind(vm, &args, "round", 0, &["number", "ndigits"], 2, 1)?;
    let x = a[0].unwrap_or(Value::NONE);
    let nd = a[1].filter(|v| !v.is_none());
    let extra = nd.map(|n| vec![n]).unwrap_or_default();
    if let Some(r) = protocols::call::call_special(vm, x, "__round__", extra)? {
        return Ok(r);
    }
    let t = vm.type_name(x);
    Err(vm.type_error(&format!("type {t} doesn't define __round__ method")))
}

/// `sum()`'s running float total (Neumaier's compensated summation, as `builtin_sum_impl`'s
/// `cs_add` does for exact floats).
pub struct CompensatedSum {
    hi: f64,
    lo: f64,
}

impl CompensatedSum {
    pub fn new(start: f64) -> CompensatedSum {
        CompensatedSum { hi: start, lo: 0.0 }
    }

    pub fn add(&mut self, x: f64) {
        let t = self.hi + x;
        if self.hi.abs() >= x.abs() {
            self.lo += (self.hi - t) + x;
        } else {
            self.lo += (x - t) + self.hi;
        }
        self.hi = t;
    }

    pub fn value(&self) -> f64 {
        if self.lo != 0.0 && self.lo.is_finite() {
            self.hi + self.lo
        } else {
            self.hi
        }
    }

    /// An item the float path takes: an exact float, or an int that fits a C long.
    pub fn operand(vm: &Vm, v: Value) -> Option<f64> {
        if let Some(f) = v.as_f64() {
            return Some(f);
        }
        if typeobj::is_heap_type(vm, vm.type_of(v)) {
            return None;
        }
        match vm.int_of(v) {
            Some(numeric::Int::Small(n)) => Some(n as f64),
            _ => None,
        }
    }
}

/// `sum()`'s float and complex fast paths: while the total is an exact float (or complex) and
/// the items are floats or small ints (or complex numbers), they are added in compensated
/// arithmetic, as `builtin_sum_impl` does.
#[derive(Default)]
pub struct FastSum {
    state: Option<(CompensatedSum, Option<CompensatedSum>)>,
}

impl FastSum {
    /// Adds `item` to the fast total that starts from `acc`; false when the item (or `acc`)
    /// needs the generic path.
    pub fn take(&mut self, vm: &Vm, acc: Value, item: Value) -> bool {
        if self.state.is_none() {
            if let Some(f) = acc.as_f64() {
                self.state = Some((CompensatedSum::new(f), None));
            } else if vm.is_exact(acc, crate::runtime::Ty::Complex) {
                let Some(c) = crate::types::complex::complex_of(vm, acc) else {
                    return false;
                };
                self.state = Some((CompensatedSum::new(c.re), Some(CompensatedSum::new(c.im))));
            } else {
                return false;
            }
        }
        let Some((re, im)) = self.state.as_mut() else {
            return false;
        };
        if let Some(x) = CompensatedSum::operand(vm, item) {
            re.add(x);
            return true;
        }
        if let Some(im) = im {
            if vm.is_exact(item, crate::runtime::Ty::Complex) {
                if let Some(c) = crate::types::complex::complex_of(vm, item) {
                    re.add(c.re);
                    im.add(c.im);
                    return true;
                }
            }
        }
        false
    }

    /// The fast total as a value, ending the fast path; None when none was running.
    pub fn flush(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        match self.state.take() {
            None => Ok(None),
            Some((re, None)) => Ok(Some(Value::from_f64(re.value()))),
            Some((re, Some(im))) => {
                crate::types::complex::new_complex(vm, re.value(), im.value()).map(Some)
            }
        }
    }
}
