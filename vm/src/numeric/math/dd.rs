//! Double-double arithmetic (a value as an unevaluated sum `hi + lo`, about 106 bits) for the
//! functions that glibc 2.43, CPython's C library on the reference platform, rounds correctly:
//! `asinh`, `acosh`, `atanh`, `erf`, `erfc`. Evaluated to about 2**-100 and then rounded once, the results are
//! the correctly rounded ones except when the exact value lies within that error of a halfway
//! point between two doubles. Mirrors no CPython file: CPython calls the C library here.

/// `hi + lo` with `|lo| <= ulp(hi) / 2`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Dd {
    pub hi: f64,
    pub lo: f64,
}

fn two_sum(a: f64, b: f64) -> Dd {
    let s = a + b;
    let z = s - a;
    Dd {
        hi: s,
        lo: (a - (s - z)) + (b - z),
    }
}

fn fast_two_sum(a: f64, b: f64) -> Dd {
    let s = a + b;
    Dd {
        hi: s,
        lo: b - (s - a),
    }
}

fn two_prod(a: f64, b: f64) -> Dd {
    let p = a * b;
    Dd {
        hi: p,
        lo: a.mul_add(b, -p),
    }
}

impl Dd {
    pub(crate) const fn new(hi: f64, lo: f64) -> Dd {
        Dd { hi, lo }
    }

    pub(crate) fn from(x: f64) -> Dd {
        Dd { hi: x, lo: 0.0 }
    }

    pub(crate) fn add(self, o: Dd) -> Dd {
        let s = two_sum(self.hi, o.hi);
        let t = two_sum(self.lo, o.lo);
        let s = fast_two_sum(s.hi, s.lo + t.hi);
        fast_two_sum(s.hi, s.lo + t.lo)
    }

    pub(crate) fn neg(self) -> Dd {
        Dd {
            hi: -self.hi,
            lo: -self.lo,
        }
    }

    pub(crate) fn sub(self, o: Dd) -> Dd {
        self.add(o.neg())
    }

    pub(crate) fn mul(self, o: Dd) -> Dd {
        let p = two_prod(self.hi, o.hi);
        fast_two_sum(p.hi, p.lo + (self.hi * o.lo + self.lo * o.hi))
    }

    pub(crate) fn mul_f(self, f: f64) -> Dd {
        let p = two_prod(self.hi, f);
        fast_two_sum(p.hi, p.lo + self.lo * f)
    }

    pub(crate) fn div_f(self, f: f64) -> Dd {
        self.div(Dd::from(f))
    }

    pub(crate) fn div(self, o: Dd) -> Dd {
        let q1 = self.hi / o.hi;
        let r = self.sub(o.mul_f(q1));
        let q2 = r.hi / o.hi;
        let r = r.sub(o.mul_f(q2));
        let q3 = r.hi / o.hi;
        fast_two_sum(q1, q2).add(Dd::from(q3))
    }

    pub(crate) fn sqrt(self) -> Dd {
        if self.hi <= 0.0 {
            return Dd::from(self.hi.sqrt());
        }
        let x = self.hi.sqrt();
        // One Newton step: x + (a - x*x) / (2x).
        let r = self.sub(two_prod(x, x));
        fast_two_sum(x, r.hi / (2.0 * x))
    }

    /// The nearest double.
    pub(crate) fn round(self) -> f64 {
        self.hi + self.lo
    }
}

/// ln(2) as a double-double.
const LN2: Dd = Dd::new(
    f64::from_bits(0x3FE6_2E42_FEFA_39EF),
    f64::from_bits(0x3C7A_BC9E_3B39_803F),
);

/// `x * 2**n` for `|n| <= 2046`, in two exact steps.
fn scale2(x: f64, n: i64) -> f64 {
    let pow2 = |e: i64| f64::from_bits(((e + 1023) as u64) << 52);
    x * pow2(n / 2) * pow2(n - n / 2)
}

/// `exp(a) == m * 2**k` for `|a| < 745`: `m` (within a factor 2 of 1) to about 2**-102 and `k`.
fn exp_parts(a: Dd) -> (Dd, i64) {
    let k = (a.hi / LN2.hi).round();
    // r = a - k*ln2, exactly enough: k has at most 11 bits.
    let r = a.sub(LN2.mul_f(k));
    let s = r.mul_f(1.0 / 1024.0);
    // Taylor series of exp(s) - 1 for |s| < 2**-10.
    let mut term = s;
    let mut sum = s;
    for n in 2..=10 {
        term = term.mul(s).div_f(f64::from(n));
        sum = sum.add(term);
    }
    // (1 + e)**2 - 1 == e * (2 + e), ten times, keeps the small part accurate.
    for _ in 0..10 {
        sum = sum.mul(sum.add(Dd::from(2.0)));
    }
    (sum.add(Dd::from(1.0)), k as i64)
}

/// `exp(a)`, to about 2**-102 for `|a| < 700`.
fn exp(a: Dd) -> Dd {
    if a.hi.is_nan() || a.hi.abs() >= 700.0 {
        return Dd::from(a.hi.exp());
    }
    let (m, k) = exp_parts(a);
    Dd::new(scale2(m.hi, k), scale2(m.lo, k))
}

/// `ln(a)` for positive finite `a`: `a = m * 2**e` with `m` near 1, then Newton's step on
/// `exp(y) = m` from the double logarithm, plus `e * ln(2)`.
pub(crate) fn ln(a: Dd) -> Dd {
    if a.hi.is_nan() || a.hi <= 0.0 || a.hi.is_infinite() {
        return Dd::from(a.hi.ln());
    }
    let (f, e) = super::frexp(a.hi);
    let m = Dd::new(f, scale2(a.lo, -e));
    let y = Dd::from(m.hi.ln());
    // y + m * exp(-y) - 1
    let t = m.mul(exp(y.neg()));
    let ln_m = y.add(t.sub(Dd::from(1.0)));
    ln_m.add(LN2.mul_f(e as f64))
}

/// `ln(1 + u)` for `u > -1`, accurate relative to the result even for small `u`.
pub(crate) fn ln_1p(u: Dd) -> Dd {
    let x = Dd::from(1.0).add(u);
    // ln(x) + (1 + u - x) / x corrects for the rounding of 1 + u.
    let err = Dd::from(1.0).sub(x).add(u);
    ln(x).add(err.div(x))
}

/// The correctly rounded inverse hyperbolic sine.
pub(crate) fn asinh(x: f64) -> f64 {
    let ax = x.abs();
    if !x.is_finite() || ax < f64::from_bits(0x3E40_0000_0000_0000) {
        // asinh(x) = x - x**3/6 + ...: below 2**-27 the correction is under half an ulp.
        return x;
    }
    let r = if ax > 1e150 {
        ln(Dd::from(ax)).add(LN2)
    } else {
        // ln(ax + sqrt(ax**2 + 1)) = ln1p(ax + ax**2 / (1 + sqrt(ax**2 + 1)))
        let sq = two_prod(ax, ax);
        let s = sq.add(Dd::from(1.0)).sqrt();
        ln_1p(Dd::from(ax).add(sq.div(s.add(Dd::from(1.0)))))
    };
    r.round().copysign(x)
}

/// The correctly rounded inverse hyperbolic cosine (NaN below 1).
pub(crate) fn acosh(x: f64) -> f64 {
    if x.is_nan() || x < 1.0 {
        return f64::NAN;
    }
    if x == 1.0 {
        return 0.0;
    }
    if x.is_infinite() {
        return x;
    }
    if x > 1e150 {
        return ln(Dd::from(x)).add(LN2).round();
    }
    // ln1p(t + sqrt(t * (t + 2))) with t = x - 1.
    let t = two_sum(x, -1.0);
    let root = t.mul(t.add(Dd::from(2.0))).sqrt();
    ln_1p(t.add(root)).round()
}

/// The correctly rounded inverse hyperbolic tangent (infinite at ±1, NaN beyond).
pub(crate) fn atanh(x: f64) -> f64 {
    let ax = x.abs();
    if x.is_nan() {
        return x;
    }
    if ax > 1.0 {
        return f64::NAN;
    }
    if ax == 1.0 {
        return f64::INFINITY.copysign(x);
    }
    if ax < f64::from_bits(0x3E40_0000_0000_0000) {
        return x;
    }
    // atanh(ax) = ln1p(2ax / (1 - ax)) / 2
    let one_minus = two_sum(1.0, -ax);
    let u = Dd::from(2.0 * ax).div(one_minus);
    (ln_1p(u).round() * 0.5).copysign(x)
}

/// 2/sqrt(pi) as a double-double.
const TWO_OVER_SQRT_PI: Dd = Dd::new(
    f64::from_bits(0x3FF2_0DD7_5042_9B6D),
    f64::from_bits(0x3C71_AE3A_914F_ED80),
);

/// erf(x) / (2/sqrt(pi)) by its Taylor series, for `|x| < 2`.
fn erf_series(x: f64) -> Dd {
    let x2 = two_prod(x, x);
    let mut power = Dd::from(x); // x**(2n+1) / n!, alternating
    let mut sum = Dd::from(x);
    for n in 1..200 {
        power = power.mul(x2).div_f(-f64::from(n));
        let term = power.div_f(f64::from(2 * n + 1));
        sum = sum.add(term);
        if term.hi.abs() < 1e-40 * sum.hi.abs() {
            break;
        }
    }
    sum
}

/// erfc(x) for `x >= 2` as `m * 2**k`: exp(-x**2)/sqrt(pi) times a continued fraction.
fn erfc_large(x: f64) -> (Dd, i64) {
    let xd = Dd::from(x);
    let mut t = Dd::from(0.0);
    for k in (1..=250).rev() {
        t = Dd::from(f64::from(k) / 2.0).div(xd.add(t));
    }
    let fraction = Dd::from(1.0).div(xd.add(t));
    let (m, k) = exp_parts(two_prod(x, x).neg());
    (m.mul(fraction).mul(TWO_OVER_SQRT_PI).mul_f(0.5), k)
}

/// `m * 2**k` rounded once to the nearest double, subnormals included.
fn round_scaled(m: Dd, k: i64) -> f64 {
    let m = fast_two_sum(m.hi, m.lo);
    let (_, e) = super::frexp(m.hi);
    if e + k > -1021 {
        return scale2(m.hi + m.lo, k);
    }
    // A subnormal result: round m * 2**(k + 1074) to an integer, halfway cases to even.
    let shift = k + 1074;
    if shift < -60 {
        return 0.0;
    }
    let (hi, lo) = (scale2(m.hi, shift), scale2(m.lo, shift));
    let mut n = hi.round_ties_even();
    let diff = (hi - n) + lo;
    if diff > 0.5 || (diff == 0.5 && n % 2.0 != 0.0) {
        n += 1.0;
    } else if diff < -0.5 || (diff == -0.5 && n % 2.0 != 0.0) {
        n -= 1.0;
    }
    n * f64::from_bits(1)
}

/// The correctly rounded error function.
pub(crate) fn erf(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let ax = x.abs();
    if ax < 2.0 {
        if ax < 1e-300 {
            // Keep subnormal products exact enough: scale up, multiply, scale down once.
            let m = Dd::from(x * 2f64.powi(100)).mul(TWO_OVER_SQRT_PI);
            return round_scaled(m, -100).copysign(x);
        }
        return erf_series(x).mul(TWO_OVER_SQRT_PI).round();
    }
    if ax >= 6.0 {
        return 1.0f64.copysign(x);
    }
    let (m, k) = erfc_large(ax);
    let c = Dd::new(scale2(m.hi, k), scale2(m.lo, k));
    Dd::from(1.0).sub(c).round().copysign(x)
}

/// The correctly rounded complementary error function.
pub(crate) fn erfc(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x < 2.0 {
        if x <= -6.0 {
            return 2.0;
        }
        if x <= -2.0 {
            let (m, k) = erfc_large(-x);
            return Dd::from(2.0)
                .sub(Dd::new(scale2(m.hi, k), scale2(m.lo, k)))
                .round();
        }
        let e = erf_series(x).mul(TWO_OVER_SQRT_PI);
        return Dd::from(1.0).sub(e).round();
    }
    if x > 27.3 {
        return 0.0;
    }
    let (m, k) = erfc_large(x);
    round_scaled(m, k)
}
