//! Accurate sums in `math`: `fsum` (Shewchuk's exact partials with Hettinger's and Dickinson's
//! final rounding), `hypot` and `dist` (scaled, compensated sum of squares with a corrected
//! square root), and the extended-precision float path of `sumprod` (Ogita, Rump and Oishi's
//! triple-length dot product). Mirrors Modules/mathmodule.c (`math_fsum`, `vector_norm`,
//! `tl_fma`).

use crate::numeric::{NumError, NumResult};

/// `math.fsum`, one item at a time: `add` each float (it fails on an intermediate overflow), then
/// `finish`.
#[derive(Clone, Debug, Default)]
pub struct Fsum {
    /// Non-overlapping partial sums, increasing in magnitude.
    partials: Vec<f64>,
    special_sum: f64,
    inf_sum: f64,
}

impl Fsum {
    pub fn new() -> Fsum {
        Fsum::default()
    }

    /// Adds one term.
    pub fn add(&mut self, value: f64) -> NumResult<()> {
        let mut x = value;
        let mut kept = 0;
        for j in 0..self.partials.len() {
            let mut y = self.partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                self.partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        self.partials.truncate(kept);
        if x != 0.0 {
            if !x.is_finite() {
                // Either an infinity or NaN among the terms, or an intermediate overflow.
                if value.is_finite() {
                    return Err(NumError::overflow("intermediate overflow in fsum"));
                }
                if value.is_infinite() {
                    self.inf_sum += value;
                }
                self.special_sum += value;
                self.partials.clear();
            } else {
                self.partials.push(x);
            }
        }
        Ok(())
    }

    /// The correctly rounded sum of the terms.
    pub fn finish(&self) -> NumResult<f64> {
        if self.special_sum != 0.0 {
            if self.inf_sum.is_nan() {
                return Err(NumError::value("-inf + inf in fsum"));
            }
            return Ok(self.special_sum);
        }
        let p = &self.partials;
        let mut n = p.len();
        if n == 0 {
            return Ok(0.0);
        }
        n -= 1;
        let mut hi = p[n];
        let mut lo = 0.0;
        // Add from the top while the sum stays exact.
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Half-way cases: let the partials below decide the rounding direction.
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
        Ok(hi)
    }
}

/// `math.fsum(values)`.
pub fn fsum(values: impl IntoIterator<Item = f64>) -> NumResult<f64> {
    let mut sum = Fsum::new();
    for v in values {
        sum.add(v)?;
    }
    sum.finish()
}

/// `(hi, lo)` with `hi + lo == a + b` exactly, given `|a| >= |b|`.
fn fast_two_sum(a: f64, b: f64) -> (f64, f64) {
    let x = a + b;
    (x, (a - x) + b)
}

/// `(hi, lo)` with `hi + lo == a + b` exactly.
fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let x = a + b;
    let z = x - a;
    (x, (a - (x - z)) + (b - z))
}

/// `(hi, lo)` with `hi + lo == x * y` exactly.
fn two_prod(x: f64, y: f64) -> (f64, f64) {
    let z = x * y;
    (z, x.mul_add(y, -z))
}

/// `2**e` for `-1074 <= e <= 1023`.
fn pow2(e: i64) -> f64 {
    if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (e + 1074))
    }
}

/// The Euclidean norm of `vec` (absolute values), `max` its largest element.
fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = super::frexp(max);
    if max_e < -1023 {
        // Too small to scale by a power of two: make the subnormals normal first.
        for v in vec.iter_mut() {
            *v /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = pow2(-max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for &v in vec.iter() {
        let x = v * scale;
        let (pr_hi, pr_lo) = two_prod(x, x);
        let (sm_hi, sm_lo) = fast_two_sum(csum, pr_hi);
        csum = sm_hi;
        frac1 += pr_lo;
        frac2 += sm_lo;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (pr_hi, pr_lo) = two_prod(-h, h);
    let (sm_hi, sm_lo) = fast_two_sum(csum, pr_hi);
    csum = sm_hi;
    frac1 += pr_lo;
    frac2 += sm_lo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

/// `math.hypot(*coordinates)`.
pub fn hypot(coordinates: &[f64]) -> f64 {
    let mut vec: Vec<f64> = coordinates.iter().map(|x| x.abs()).collect();
    let found_nan = vec.iter().any(|x| x.is_nan());
    let max = vec.iter().fold(0.0f64, |m, &x| if x > m { x } else { m });
    vector_norm(&mut vec, max, found_nan)
}

/// `math.dist(p, q)`.
pub fn dist(p: &[f64], q: &[f64]) -> NumResult<f64> {
    if p.len() != q.len() {
        return Err(NumError::value(
            "both points must have the same number of dimensions",
        ));
    }
    let mut vec: Vec<f64> = p.iter().zip(q).map(|(a, b)| (a - b).abs()).collect();
    let found_nan = vec.iter().any(|x| x.is_nan());
    let max = vec.iter().fold(0.0f64, |m, &x| if x > m { x } else { m });
    Ok(vector_norm(&mut vec, max, found_nan))
}

/// The float path of `math.sumprod`: products of floats (or of a float and an int converted to a
/// float) summed in triple length. `add` refuses a pair whose running total would not be finite;
/// the caller then adds `value()` to its generic total and continues generically.
#[derive(Clone, Copy, Debug, Default)]
pub struct SumprodFloats {
    hi: f64,
    lo: f64,
    tiny: f64,
    used: bool,
}

impl SumprodFloats {
    pub fn new() -> SumprodFloats {
        SumprodFloats::default()
    }

    /// Adds `p * q`; `false` (and no change) when the new total is not finite.
    pub fn add(&mut self, p: f64, q: f64) -> bool {
        let (pr_hi, pr_lo) = two_prod(p, q);
        let (sm_hi, sm_lo) = two_sum(self.hi, pr_hi);
        let (r1_hi, r1_lo) = two_sum(self.lo, pr_lo);
        let (r2_hi, r2_lo) = two_sum(r1_hi, sm_lo);
        if !sm_hi.is_finite() {
            return false;
        }
        self.hi = sm_hi;
        self.lo = r2_hi;
        self.tiny = self.tiny + r1_lo + r2_lo;
        self.used = true;
        true
    }

    /// Whether any product was added.
    pub fn is_used(&self) -> bool {
        self.used
    }

    /// The total, rounded to a double.
    pub fn value(&self) -> f64 {
        let (hi, lo) = two_sum(self.lo, self.hi);
        self.tiny + lo + hi
    }
}
