//! The special functions of `math`: `gamma` and `lgamma` by the Lanczos approximation with
//! CPython's parameters and special cases (its own `m_tgamma`, `m_lgamma`, `m_sinpi`, not libm's),
//! and `erf`, `erfc`, `asinh`, `acosh`, `atanh`, which CPython takes from the C library: glibc 2.43
//! rounds them correctly, and so do we (`dd.rs`). Mirrors Modules/mathmodule.c.

/// What a special function reports besides its value, as the C versions do through `errno`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Errno {
    None,
    /// EDOM: a pole or a point outside the domain.
    Domain,
    /// ERANGE: overflow.
    Range,
}

const PI: f64 = std::f64::consts::PI;
/// log(pi), rounded.
const LOG_PI: f64 = 1.144_729_885_849_400_2;

/// The Lanczos parameters: N = 13 and g = 6.024680040776729583740234375 (Boost's choice), both
/// g and g - 1/2 exact in binary.
#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;

/// Numerator coefficients of the Lanczos sum as a rational function.
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];

/// Denominator coefficients: the expansion of x (x+1) ... (x+11).
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];

/// Gamma of the integers 1 ..= 23, exact in a double.
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];

/// The Lanczos sum for `x > 0`: in `x` below 5, in `1/x` above (to avoid overflow).
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// `sin(pi * x)` for finite `x`, exact at the integers and half-integers.
fn sinpi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        // Not -sin(pi*(y-1)): that gives -0.0 at y == 1.
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

/// The gamma function.
pub(crate) fn tgamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return (x, Errno::None);
        }
        return (f64::NAN, Errno::Domain);
    }
    if x == 0.0 {
        return (f64::INFINITY.copysign(x), Errno::Domain);
    }
    if x == x.floor() {
        if x < 0.0 {
            return (f64::NAN, Errno::Domain);
        }
        if x <= 23.0 {
            return (GAMMA_INTEGRAL[x as usize - 1], Errno::None);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return (
            r,
            if r.is_infinite() {
                Errno::Range
            } else {
                Errno::None
            },
        );
    }
    if absx > 200.0 {
        if x < 0.0 {
            return (0.0 / sinpi(x), Errno::None);
        }
        return (f64::INFINITY, Errno::Range);
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // The rounding error in y, to correct the power below.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    (
        r,
        if r.is_infinite() {
            Errno::Range
        } else {
            Errno::None
        },
    )
}

/// The natural logarithm of the absolute value of the gamma function.
pub(crate) fn lgamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        return (if x.is_nan() { x } else { f64::INFINITY }, Errno::None);
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return (f64::INFINITY, Errno::Domain);
        }
        return (0.0, Errno::None);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return (-absx.ln(), Errno::None);
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        // The reflection formula.
        r = LOG_PI - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    (
        r,
        if r.is_infinite() {
            Errno::Range
        } else {
            Errno::None
        },
    )
}

/// The error function, correctly rounded as glibc 2.43's `erf` is.
pub(crate) fn erf(x: f64) -> f64 {
    super::dd::erf(x)
}

/// The complementary error function, correctly rounded as glibc 2.43's `erfc` is.
pub(crate) fn erfc(x: f64) -> f64 {
    super::dd::erfc(x)
}

/// The inverse hyperbolic sine, correctly rounded as glibc 2.43's `asinh` is.
pub(crate) fn asinh(x: f64) -> f64 {
    super::dd::asinh(x)
}

/// The inverse hyperbolic cosine, correctly rounded as glibc 2.43's `acosh` is.
pub(crate) fn acosh(x: f64) -> f64 {
    super::dd::acosh(x)
}

/// The inverse hyperbolic tangent, correctly rounded as glibc 2.43's `atanh` is.
pub(crate) fn atanh(x: f64) -> f64 {
    super::dd::atanh(x)
}
