//! `format(value, spec)` for `int`, `float`, `str` and `complex`: the `format_*_internal`
//! functions of Python/formatter_unicode.c, with CPython 3.14's checks and messages.

use num_bigint::{BigInt, Sign as BigSign};
use num_traits::{Signed, ToPrimitive, Zero};
use protopy_compiler::pystr::PyStr;

use super::dtoa::{double_to_string, Flags, MAX_PRECISION};
use super::layout::{padding, push_fill, render_number, reserve, IntGrouping, Parts, Rest};
use super::spec::{parse_code_points, unknown_code, Align, FormatSpec, Sign};
use super::{code_points, FormatError, FormatResult, IntRef};

/// `int.__format__(value, spec)` for an object of type `type_name` (`int`, `bool`, a subclass).
/// Decimal conversions fail past `max_str_digits` digits (`sys.get_int_max_str_digits()`, 0 for
/// no limit). An empty spec gives the decimal digits; CPython gives `str(value)` there, so the
/// caller handles subclasses (and `bool`) itself.
pub fn format_int<'a>(
    value: impl Into<IntRef<'a>>,
    spec: &PyStr,
    type_name: &str,
    max_str_digits: usize,
) -> FormatResult<PyStr> {
    let value = value.into();
    if spec.is_empty() {
        return Ok(PyStr::from(int_to_decimal(value, max_str_digits)?));
    }
    let spec = parse_code_points(&code_points(spec), Some('d'), Align::Right, type_name)?;
    match spec.ty_char() {
        Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => format_long(value, &spec, max_str_digits),
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            format_float_spec(int_to_f64(value)?, &spec)
        }
        _ => Err(unknown_code(spec.ty, type_name)),
    }
}

/// `float.__format__(value, spec)` for an object of type `type_name`. An empty spec gives
/// `repr(value)` (CPython: `str(value)`, which the caller uses for subclasses).
pub fn format_float(value: f64, spec: &PyStr, type_name: &str) -> FormatResult<PyStr> {
    let spec = parse_code_points(&code_points(spec), None, Align::Right, type_name)?;
    match spec.ty_char() {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {
            format_float_spec(value, &spec)
        }
        _ => Err(unknown_code(spec.ty, type_name)),
    }
}

/// `str.__format__(value, spec)` for an object of type `type_name`. An empty spec gives the
/// value itself.
pub fn format_str(value: &PyStr, spec: &PyStr, type_name: &str) -> FormatResult<PyStr> {
    if spec.is_empty() {
        return Ok(value.clone());
    }
    let spec = parse_code_points(&code_points(spec), Some('s'), Align::Left, type_name)?;
    if spec.ty_char() != Some('s') {
        return Err(unknown_code(spec.ty, type_name));
    }
    match spec.sign {
        Some(Sign::Space) => {
            return Err(FormatError::value(
                "Space not allowed in string format specifier",
            ))
        }
        Some(_) => {
            return Err(FormatError::value(
                "Sign not allowed in string format specifier",
            ))
        }
        None => {}
    }
    if spec.no_neg_0 {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(FormatError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if spec.align == Align::AfterSign {
        return Err(FormatError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let len = value.len();
    let keep = spec.precision.map_or(len, |p| p.min(len));
    if keep == len && spec.width.is_none_or(|w| w <= len) {
        return Ok(value.clone());
    }
    let (left, right) = padding(keep, spec.width, spec.align);
    let mut out = reserve(keep + left + right, spec.fill)?;
    push_fill(&mut out, spec.fill, left);
    if keep == len {
        out.push_pystr(value);
    } else {
        value
            .code_points()
            .take(keep)
            .for_each(|c| out.push_code_point(c));
    }
    push_fill(&mut out, spec.fill, right);
    Ok(out)
}

/// `complex.__format__` for the value `real + imag*1j` of type `type_name`. An empty spec gives
/// `repr(value)`.
pub fn format_complex(real: f64, imag: f64, spec: &PyStr, type_name: &str) -> FormatResult<PyStr> {
    let spec = parse_code_points(&code_points(spec), None, Align::Right, type_name)?;
    let mut code = match spec.ty_char() {
        None => 'r',
        Some('n') => 'g',
        Some(c @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G')) => c,
        _ => return Err(unknown_code(spec.ty, type_name)),
    };
    check_precision_int(&spec)?;
    if spec.fill == u32::from('0') {
        return Err(FormatError::value(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if spec.align == Align::AfterSign {
        return Err(FormatError::value(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let flags = Flags {
        alt: spec.alternate,
        add_dot_0: false,
        no_neg_0: spec.no_neg_0,
    };
    let bare = spec.ty.is_none();
    let skip_re = bare && real == 0.0 && real.is_sign_positive();
    let parens = bare && !skip_re;
    let precision = match spec.precision {
        None if code == 'r' => 0,
        None => 6,
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
    };
    check_dtoa_precision(code, precision)?;
    let re_text = double_to_string(real, code, precision, flags);
    let im_text = double_to_string(imag, code, precision, flags);
    let mut part_spec = FormatSpec {
        fill: u32::from(' '),
        align: Align::Left,
        width: None,
        ..spec.clone()
    };
    let group = IntGrouping::of(spec.grouping, 3).filter(|_| spec.ty_char() != Some('n'));
    let re = if skip_re {
        PyStr::new()
    } else {
        render_number(
            &Parts::of_float(&re_text),
            &part_spec,
            group,
            spec.frac_grouping,
        )?
    };
    if !skip_re {
        part_spec.sign = Some(Sign::Plus);
    }
    let im = render_number(
        &Parts::of_float(&im_text),
        &part_spec,
        group,
        spec.frac_grouping,
    )?;
    let len = re.len() + im.len() + 1 + if parens { 2 } else { 0 };
    let (left, right) = padding(len, spec.width, spec.align);
    let mut out = reserve(len + left + right, spec.fill)?;
    push_fill(&mut out, spec.fill, left);
    if parens {
        out.push('(');
    }
    out.push_pystr(&re);
    out.push_pystr(&im);
    out.push('j');
    if parens {
        out.push(')');
    }
    push_fill(&mut out, spec.fill, right);
    Ok(out)
}

/// `format_float_internal`: a float (or an int converted to one) under a parsed spec whose type
/// is one of `e E f F g G n %` or none.
pub(crate) fn format_float_spec(value: f64, spec: &FormatSpec) -> FormatResult<PyStr> {
    check_precision_int(spec)?;
    let mut flags = Flags {
        alt: spec.alternate,
        add_dot_0: false,
        no_neg_0: spec.no_neg_0,
    };
    let mut value = value;
    let mut percent = false;
    let (mut code, default_precision) = match spec.ty_char() {
        None => {
            flags.add_dot_0 = true;
            ('r', 0)
        }
        Some('n') => ('g', 6),
        Some('%') => {
            value *= 100.0;
            percent = true;
            ('f', 6)
        }
        Some(c) => (c, 6),
    };
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
    };
    check_dtoa_precision(code, precision)?;
    let mut text = double_to_string(value, code, precision, flags);
    if percent {
        text.push('%');
    }
    let parts = Parts::of_float(&text);
    let locale = spec.ty_char() == Some('n');
    let group = IntGrouping::of(spec.grouping, 3).filter(|_| !locale);
    render_number(&parts, spec, group, spec.frac_grouping)
}

/// `format_long_internal`: an int under a spec whose type is one of `b c d o x X n`.
fn format_long(value: IntRef<'_>, spec: &FormatSpec, max_str_digits: usize) -> FormatResult<PyStr> {
    if spec.precision.is_some() {
        return Err(FormatError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_0 {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let ty = spec.ty_char().unwrap_or('d');
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(FormatError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(FormatError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let code = int_to_char(value)?;
        let parts = Parts {
            negative: false,
            prefix: "",
            digits: "",
            frac: None,
            rest: Rest::Char(code),
        };
        return render_number(&parts, spec, None, None);
    }
    let (negative, mut digits) = match ty {
        'b' => digits_in_base(value, 2),
        'o' => digits_in_base(value, 8),
        'x' | 'X' => digits_in_base(value, 16),
        _ => (
            is_negative(value),
            magnitude_decimal(value, max_str_digits)?,
        ),
    };
    let prefix = match ty {
        'b' if spec.alternate => "0b",
        'o' if spec.alternate => "0o",
        'x' if spec.alternate => "0x",
        'X' if spec.alternate => "0X",
        _ => "",
    };
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let group_size = if matches!(ty, 'b' | 'o' | 'x' | 'X') {
        4
    } else {
        3
    };
    let group = IntGrouping::of(spec.grouping, group_size).filter(|_| ty != 'n');
    let parts = Parts {
        negative,
        prefix,
        digits: &digits,
        frac: None,
        rest: Rest::Text(""),
    };
    render_number(&parts, spec, group, None)
}

/// `format_float_internal`'s and `format_complex_internal`'s first check.
fn check_precision_int(spec: &FormatSpec) -> FormatResult<()> {
    match spec.precision {
        Some(p) if p > i32::MAX as usize => Err(precision_too_big()),
        _ => Ok(()),
    }
}

/// `PyOS_double_to_string`'s limit (`r` ignores the precision).
pub(crate) fn check_dtoa_precision(code: char, precision: usize) -> FormatResult<()> {
    if code != 'r' && precision > MAX_PRECISION {
        Err(precision_too_big())
    } else {
        Ok(())
    }
}

pub(crate) fn precision_too_big() -> FormatError {
    FormatError::value("precision too big")
}

fn is_negative(value: IntRef<'_>) -> bool {
    match value {
        IntRef::Small(v) => v < 0,
        IntRef::Big(b) => b.is_negative(),
    }
}

/// The sign and the digits of `|value|` in base 2, 8 or 16 (lower case).
pub(crate) fn digits_in_base(value: IntRef<'_>, base: u32) -> (bool, String) {
    match value {
        IntRef::Small(v) => {
            let m = v.unsigned_abs();
            let s = match base {
                2 => format!("{m:b}"),
                8 => format!("{m:o}"),
                _ => format!("{m:x}"),
            };
            (v < 0, s)
        }
        IntRef::Big(b) => (b.is_negative(), b.magnitude().to_str_radix(base)),
    }
}

/// The decimal digits of `|value|`, failing as CPython does past `max_str_digits` digits.
pub(crate) fn magnitude_decimal(value: IntRef<'_>, max_str_digits: usize) -> FormatResult<String> {
    match value {
        IntRef::Small(v) => Ok(v.unsigned_abs().to_string()),
        IntRef::Big(b) => {
            if max_str_digits > 0 {
                // At least floor((bits - 1) * log10(2)) + 1 digits: reject early, as CPython
                // does, before converting a huge number.
                let bits = b.bits();
                if bits > 1
                    && (bits - 1) as f64 * std::f64::consts::LOG10_2 >= max_str_digits as f64 + 1.0
                {
                    return Err(too_many_digits(max_str_digits));
                }
            }
            let s = b.magnitude().to_str_radix(10);
            if max_str_digits > 0 && s.len() > max_str_digits {
                return Err(too_many_digits(max_str_digits));
            }
            Ok(s)
        }
    }
}

/// `str(value)` of an int (what an empty spec gives).
pub(crate) fn int_to_decimal(value: IntRef<'_>, max_str_digits: usize) -> FormatResult<String> {
    let digits = magnitude_decimal(value, max_str_digits)?;
    Ok(if is_negative(value) {
        format!("-{digits}")
    } else {
        digits
    })
}

fn too_many_digits(limit: usize) -> FormatError {
    FormatError::value(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// `PyLong_AsDouble`: correctly rounded (halfway cases to even), `OverflowError` past the
/// largest float.
pub fn int_to_f64(value: IntRef<'_>) -> FormatResult<f64> {
    let big = match value {
        IntRef::Small(v) => return Ok(v as f64),
        IntRef::Big(b) => b,
    };
    let negative = big.sign() == BigSign::Minus;
    let mag = big.magnitude();
    let bits = mag.bits();
    let f = if bits <= 64 {
        mag.to_u64().map_or(f64::INFINITY, |m| m as f64)
    } else {
        // The top 64 bits with a sticky bit for everything below: converting that u64 rounds
        // exactly as converting the whole number would.
        let shift = bits - 64;
        let top = (mag >> shift).to_u64().unwrap_or(u64::MAX);
        let sticky = !(mag & ((num_bigint::BigUint::from(1u8) << shift) - 1u8)).is_zero();
        let m = (top | u64::from(sticky)) as f64;
        if shift > 1023 {
            f64::INFINITY
        } else {
            m * f64::from_bits((1023 + shift) << 52)
        }
    };
    if f.is_infinite() {
        return Err(FormatError::overflow("int too large to convert to float"));
    }
    Ok(if negative { -f } else { f })
}

/// The code point of the `c` presentation type.
fn int_to_char(value: IntRef<'_>) -> FormatResult<u32> {
    let v = match value {
        IntRef::Small(v) => v,
        IntRef::Big(b) => b
            .to_i64()
            .ok_or_else(|| FormatError::overflow("Python int too large to convert to C long"))?,
    };
    if !(0..=0x10FFFF).contains(&v) {
        return Err(FormatError::overflow("%c arg not in range(0x110000)"));
    }
    Ok(v as u32)
}

/// A [`BigInt`] as an [`IntRef`], unboxed when it fits an `i64`.
pub fn int_ref(value: &BigInt) -> IntRef<'_> {
    match value.to_i64() {
        Some(v) => IntRef::Small(v),
        None => IntRef::Big(value),
    }
}
