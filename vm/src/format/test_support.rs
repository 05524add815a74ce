//! Test support: a mock interpreter over plain values (int, float, str, bool, None, list,
//! tuple, dict) that drives [`super::percent::format`] and [`super::fields::format`] the way
//! the interpreter will, with CPython's `str`/`repr`/`ascii` and lookup errors for those types.

use num_bigint::BigInt;
use num_traits::Num;
use protopy_compiler::literals::{repr_bytes, repr_float, repr_str};
use protopy_compiler::pystr::PyStr;

use super::fields::{self, FieldConversion, FormatArgs};
use super::percent::{self, ArgAt, Conversion, Converted, PercentArgs};
use super::{
    format_float, format_int, format_str, int_ref, int_to_f64, FormatError, Int, INT_MAX_STR_DIGITS,
};

/// A plain Python value.
#[derive(Clone, Debug)]
pub(super) enum V {
    Int(BigInt),
    Float(f64),
    Str(PyStr),
    Bool(bool),
    None,
    Bytes(Vec<u8>),
    ByteArray(Vec<u8>),
    List(Vec<V>),
    Tuple(Vec<V>),
    Dict(Vec<(V, V)>),
}

/// An exception: its type name and message.
#[derive(Debug, PartialEq)]
pub(super) struct Exc(pub String, pub PyStr);

impl From<FormatError> for Exc {
    fn from(e: FormatError) -> Self {
        Exc(e.kind.name().to_owned(), e.msg)
    }
}

pub(super) fn exc(kind: &str, msg: impl Into<PyStr>) -> Exc {
    Exc(kind.to_owned(), msg.into())
}

pub(super) fn unhex(h: &str) -> Vec<u8> {
    (0..h.len() / 2)
        .filter_map(|i| u8::from_str_radix(&h[2 * i..2 * i + 2], 16).ok())
        .collect()
}

/// Text from hex of its generalized UTF-8 (surrogates encoded one by one).
pub(super) fn text(h: &str) -> PyStr {
    let b = unhex(h);
    let mut s = PyStr::new();
    let mut i = 0;
    while i < b.len() {
        let lead = b[i];
        let len = match lead {
            0..=0x7F => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        let mut cp = u32::from(lead) & [0x7F, 0x1F, 0x0F, 0x07][len - 1];
        for k in 1..len {
            cp = (cp << 6) | (u32::from(b.get(i + k).copied().unwrap_or(0x80)) & 0x3F);
        }
        s.push_code_point(cp);
        i += len;
    }
    s
}

pub(super) fn bigint(h: &str) -> BigInt {
    let (neg, digits) = match h.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, h),
    };
    let v = BigInt::from_str_radix(digits, 16).unwrap_or_default();
    if neg {
        -v
    } else {
        v
    }
}

pub(super) fn float(h: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(h, 16).unwrap_or(0))
}

/// Parses one encoded value at the front of `s`.
pub(super) fn value(s: &mut &str) -> V {
    let tag = s.as_bytes()[0];
    *s = &s[1..];
    let mut upto = |end: char| {
        let i = s.find(end).unwrap_or(s.len());
        let field = &s[..i];
        *s = &s[(i + 1).min(s.len())..];
        field.to_owned()
    };
    match tag {
        b'i' => V::Int(bigint(&upto(';'))),
        b'f' => V::Float(float(&upto(';'))),
        b's' => V::Str(text(&upto(';'))),
        b'T' => V::Bool(true),
        b'F' => V::Bool(false),
        b'N' => V::None,
        b'y' => V::Bytes(unhex(&upto(';'))),
        b'Y' => V::ByteArray(unhex(&upto(';'))),
        b'l' | b't' | b'd' => {
            let close = match tag {
                b'l' => b']',
                b't' => b')',
                _ => b'}',
            };
            let mut items = Vec::new();
            while !s.is_empty() && s.as_bytes()[0] != close {
                items.push(value(s));
            }
            *s = &s[1.min(s.len())..];
            match tag {
                b'l' => V::List(items),
                b't' => V::Tuple(items),
                _ => {
                    let mut pairs = Vec::new();
                    let mut it = items.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        pairs.push((k, v));
                    }
                    V::Dict(pairs)
                }
            }
        }
        _ => V::None,
    }
}

pub(super) fn type_name(v: &V) -> &'static str {
    match v {
        V::Int(_) => "int",
        V::Float(_) => "float",
        V::Str(_) => "str",
        V::Bool(_) => "bool",
        V::None => "NoneType",
        V::List(_) => "list",
        V::Tuple(_) => "tuple",
        V::Dict(_) => "dict",
        V::Bytes(_) => "bytes",
        V::ByteArray(_) => "bytearray",
    }
}

fn int_of(v: &V) -> Option<BigInt> {
    match v {
        V::Int(i) => Some(i.clone()),
        V::Bool(b) => Some(BigInt::from(u8::from(*b))),
        _ => None,
    }
}

fn repr(v: &V) -> Result<PyStr, Exc> {
    Ok(match v {
        V::Str(s) => PyStr::from(repr_str(s)),
        V::Bytes(b) => PyStr::from(repr_bytes(b)),
        V::ByteArray(b) => PyStr::from(format!("bytearray({})", repr_bytes(b))),
        V::List(items) | V::Tuple(items) => {
            let tuple = matches!(v, V::Tuple(_));
            let mut out = PyStr::from(if tuple { "(" } else { "[" });
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_pystr(&repr(item)?);
            }
            if tuple && items.len() == 1 {
                out.push(',');
            }
            out.push_str(if tuple { ")" } else { "]" });
            out
        }
        V::Dict(pairs) => {
            let mut out = PyStr::from("{");
            for (i, (k, x)) in pairs.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_pystr(&repr(k)?);
                out.push_str(": ");
                out.push_pystr(&repr(x)?);
            }
            out.push('}');
            out
        }
        _ => to_str(v)?,
    })
}

fn to_str(v: &V) -> Result<PyStr, Exc> {
    Ok(match v {
        V::Int(i) => format_int(int_ref(i), &PyStr::new(), "int", INT_MAX_STR_DIGITS)?,
        V::Float(x) => PyStr::from(repr_float(*x)),
        V::Str(s) => s.clone(),
        V::Bool(b) => PyStr::from(if *b { "True" } else { "False" }),
        V::None => PyStr::from("None"),
        _ => repr(v)?,
    })
}

fn ascii(v: &V) -> Result<PyStr, Exc> {
    let mut out = PyStr::new();
    for c in repr(v)?.code_points() {
        match c {
            0..=0x7F => out.push_code_point(c),
            0x80..=0xFF => out.push_str(&format!("\\x{c:02x}")),
            0x100..=0xFFFF => out.push_str(&format!("\\u{c:04x}")),
            _ => out.push_str(&format!("\\U{c:08x}")),
        }
    }
    Ok(out)
}

/// `format(v, spec)` as the interpreter will do it.
fn format_value(v: &V, spec: &PyStr) -> Result<PyStr, Exc> {
    Ok(match v {
        V::Int(i) => format_int(int_ref(i), spec, "int", INT_MAX_STR_DIGITS)?,
        V::Bool(b) if spec.is_empty() => to_str(&V::Bool(*b))?,
        V::Bool(b) => format_int(i64::from(*b), spec, "bool", INT_MAX_STR_DIGITS)?,
        V::Float(x) => format_float(*x, spec, "float")?,
        V::Str(s) => format_str(s, spec, "str")?,
        _ if spec.is_empty() => to_str(v)?,
        _ => {
            return Err(exc(
                "TypeError",
                format!(
                    "unsupported format string passed to {}.__format__",
                    type_name(v)
                ),
            ))
        }
    })
}

fn key_error(k: &V) -> Exc {
    exc("KeyError", repr(k).unwrap_or_default())
}

/// The `%` driver's view of the arguments.
struct PArgs {
    args: V,
    selected: Option<V>,
}

impl PArgs {
    fn at(&self, at: ArgAt) -> V {
        match (at, &self.args) {
            (ArgAt::Item(i), V::Tuple(items)) => items.get(i).cloned().unwrap_or(V::None),
            _ => self.selected.clone().unwrap_or_else(|| self.args.clone()),
        }
    }
}

impl PercentArgs for PArgs {
    type Error = Exc;

    fn select_key(&mut self, key: &PyStr) -> Result<(), Exc> {
        let k = V::Str(key.clone());
        let found = match &self.args {
            V::Dict(pairs) => pairs.iter().find_map(|(pk, pv)| match pk {
                V::Str(s) if s == key => Some(pv.clone()),
                _ => None,
            }),
            V::List(_) => {
                return Err(exc(
                    "TypeError",
                    "list indices must be integers or slices, not str",
                ))
            }
            _ => None,
        };
        self.selected = Some(found.ok_or_else(|| key_error(&k))?);
        Ok(())
    }

    fn star(&mut self, at: ArgAt) -> Result<Option<Int>, Exc> {
        Ok(int_of(&self.at(at)).map(Int::Big))
    }

    fn convert(&mut self, at: ArgAt, conversion: Conversion) -> Result<Converted, Exc> {
        let v = self.at(at);
        Ok(match conversion {
            Conversion::Str => Converted::Text(to_str(&v)?),
            Conversion::Repr => Converted::Text(repr(&v)?),
            Conversion::Ascii => Converted::Text(ascii(&v)?),
            Conversion::Int(c) => match (&v, int_of(&v)) {
                (_, Some(i)) => Converted::Int(Int::Big(i)),
                (V::Float(x), None) if matches!(c, 'd' | 'i' | 'u') => {
                    if x.is_nan() {
                        return Err(exc("ValueError", "cannot convert float NaN to integer"));
                    }
                    if x.is_infinite() {
                        return Err(exc(
                            "OverflowError",
                            "cannot convert float infinity to integer",
                        ));
                    }
                    let t = x.trunc();
                    let i = BigInt::from_str_radix(&format!("{t:.0}"), 10).unwrap_or_default();
                    Converted::Int(Int::Big(i))
                }
                _ if matches!(c, 'o' | 'x' | 'X') => {
                    return Err(percent::integer_required(c, type_name(&v)).into())
                }
                _ => return Err(percent::real_number_required(c, type_name(&v)).into()),
            },
            Conversion::Float(_) => Converted::Float(match (&v, int_of(&v)) {
                (V::Float(x), _) => *x,
                (_, Some(i)) => int_to_f64(int_ref(&i))?,
                _ => {
                    return Err(exc(
                        "TypeError",
                        format!("must be real number, not {}", type_name(&v)),
                    ))
                }
            }),
            Conversion::Char => match (&v, int_of(&v)) {
                (V::Str(s), _) => Converted::Text(s.clone()),
                (_, Some(i)) => Converted::Int(Int::Big(i)),
                _ => return Err(percent::char_type_error(type_name(&v)).into()),
            },
            Conversion::Bytes | Conversion::Unsupported(_) => {
                return Err(exc("SystemError", "not a str conversion"))
            }
        })
    }
}

/// The `str.format` driver's view of the arguments.
struct BArgs {
    args: Vec<V>,
    kwargs: Vec<(V, V)>,
}

fn attr_error(v: &V, name: &PyStr) -> Exc {
    exc(
        "AttributeError",
        format!("'{}' object has no attribute '{name}'", type_name(v)),
    )
}

impl FormatArgs for BArgs {
    type Value = V;
    type Error = Exc;

    fn positional(&mut self, index: usize) -> Option<V> {
        self.args.get(index).cloned()
    }

    fn keyword(&mut self, name: &PyStr) -> Result<V, Exc> {
        self.kwargs
            .iter()
            .find_map(|(k, v)| match k {
                V::Str(s) if s == name => Some(v.clone()),
                _ => None,
            })
            .ok_or_else(|| key_error(&V::Str(name.clone())))
    }

    fn getattr(&mut self, obj: V, name: &PyStr) -> Result<V, Exc> {
        match (&obj, name.as_str()) {
            (V::Int(_) | V::Float(_), Some("real")) => Ok(obj),
            (V::Bool(b), Some("real")) => Ok(V::Int(BigInt::from(u8::from(*b)))),
            (V::Int(_) | V::Bool(_), Some("imag")) => Ok(V::Int(BigInt::from(0))),
            (V::Float(_), Some("imag")) => Ok(V::Float(0.0)),
            _ => Err(attr_error(&obj, name)),
        }
    }

    fn getitem_index(&mut self, obj: V, index: usize) -> Result<V, Exc> {
        match &obj {
            V::List(items) | V::Tuple(items) => items.get(index).cloned().ok_or_else(|| {
                exc(
                    "IndexError",
                    format!("{} index out of range", type_name(&obj)),
                )
            }),
            V::Str(s) => s
                .code_points()
                .nth(index)
                .map(|c| V::Str(std::iter::once(c).collect()))
                .ok_or_else(|| exc("IndexError", "string index out of range")),
            V::Dict(_) => Err(key_error(&V::Int(BigInt::from(index)))),
            _ => Err(exc(
                "TypeError",
                format!("'{}' object is not subscriptable", type_name(&obj)),
            )),
        }
    }

    fn getitem_key(&mut self, obj: V, key: &PyStr) -> Result<V, Exc> {
        match &obj {
            V::Dict(pairs) => pairs
                .iter()
                .find_map(|(k, v)| match k {
                    V::Str(s) if s == key => Some(v.clone()),
                    _ => None,
                })
                .ok_or_else(|| key_error(&V::Str(key.clone()))),
            V::List(_) | V::Tuple(_) => Err(exc(
                "TypeError",
                format!(
                    "{} indices must be integers or slices, not str",
                    type_name(&obj)
                ),
            )),
            V::Str(_) => Err(exc(
                "TypeError",
                "string indices must be integers, not 'str'",
            )),
            _ => Err(exc(
                "TypeError",
                format!("'{}' object is not subscriptable", type_name(&obj)),
            )),
        }
    }

    fn convert(&mut self, obj: V, conversion: FieldConversion) -> Result<V, Exc> {
        Ok(V::Str(match conversion {
            FieldConversion::Str => to_str(&obj)?,
            FieldConversion::Repr => repr(&obj)?,
            FieldConversion::Ascii => ascii(&obj)?,
        }))
    }

    fn format(&mut self, obj: V, spec: &PyStr) -> Result<PyStr, Exc> {
        format_value(&obj, spec)
    }
}

/// `template % args` through the driver, as the interpreter will call it.
pub(super) fn run_percent(template: &PyStr, args: V) -> Result<PyStr, Exc> {
    let tuple_len = match &args {
        V::Tuple(items) => Some(items.len()),
        _ => None,
    };
    let mapping = matches!(args, V::Dict(_) | V::List(_));
    let mut pargs = PArgs {
        args,
        selected: None,
    };
    percent::format(template, tuple_len, mapping, &mut pargs, INT_MAX_STR_DIGITS)
}

/// `template.format(*args, **kwargs)` through the driver.
pub(super) fn run_str_format(template: &PyStr, args: V, kwargs: V) -> Result<PyStr, Exc> {
    let (V::Tuple(args), V::Dict(kwargs)) = (args, kwargs) else {
        return Err(exc("SystemError", "bad test arguments"));
    };
    fields::format(template, &mut BArgs { args, kwargs })
}

/// A result as a test table writes it: `=text`, or `!Kind: message`.
pub(super) fn outcome(r: Result<PyStr, Exc>) -> String {
    match r {
        Ok(s) => format!("={}", s.to_string_lossy()),
        Err(Exc(kind, msg)) => format!("!{kind}: {}", msg.to_string_lossy()),
    }
}

/// Parses a Python literal: ints, floats (`inf`, `nan` too), `'...'` strings with `\\`, `\'`,
/// `\n` and `\xNN`/`\uNNNN` escapes, `b'...'`, `bytearray(b'...')`, `True`, `False`, `None`,
/// lists, tuples and dicts.
pub(super) fn lit(src: &str) -> V {
    let chars: Vec<char> = src.chars().collect();
    let mut pos = 0;
    parse_lit(&chars, &mut pos)
}

fn skip_spaces(c: &[char], pos: &mut usize) {
    while *pos < c.len() && (c[*pos] == ' ' || c[*pos] == ',') {
        *pos += 1;
    }
}

fn parse_lit(c: &[char], pos: &mut usize) -> V {
    skip_spaces(c, pos);
    let Some(&first) = c.get(*pos) else {
        return V::None;
    };
    if first == 'b' && c.get(*pos + 1) == Some(&'\'') {
        *pos += 1;
        return V::Bytes(latin1(&parse_lit(c, pos)));
    }
    if c[*pos..].starts_with(&['b', 'y', 't', 'e', 'a', 'r', 'r', 'a', 'y', '(']) {
        *pos += 10;
        let inner = parse_lit(c, pos);
        *pos += 1; // ')'
        return match inner {
            V::Bytes(b) => V::ByteArray(b),
            other => other,
        };
    }
    match first {
        '(' | '[' | '{' => {
            let close = match first {
                '(' => ')',
                '[' => ']',
                _ => '}',
            };
            *pos += 1;
            let mut items = Vec::new();
            let mut pairs = Vec::new();
            loop {
                skip_spaces(c, pos);
                if c.get(*pos).is_none_or(|&ch| ch == close) {
                    *pos += 1;
                    break;
                }
                let item = parse_lit(c, pos);
                skip_spaces(c, pos);
                if first == '{' {
                    *pos += 1; // ':'
                    pairs.push((item, parse_lit(c, pos)));
                } else {
                    items.push(item);
                }
            }
            match first {
                '(' => V::Tuple(items),
                '[' => V::List(items),
                _ => V::Dict(pairs),
            }
        }
        '\'' => {
            *pos += 1;
            let mut s = PyStr::new();
            while *pos < c.len() && c[*pos] != '\'' {
                let ch = c[*pos];
                *pos += 1;
                if ch != '\\' {
                    s.push(ch);
                    continue;
                }
                let esc = c.get(*pos).copied().unwrap_or('\\');
                *pos += 1;
                let hex_len = match esc {
                    'x' => 2,
                    'u' => 4,
                    _ => 0,
                };
                if hex_len > 0 {
                    let h: String = c[*pos..*pos + hex_len].iter().collect();
                    *pos += hex_len;
                    s.push_code_point(u32::from_str_radix(&h, 16).unwrap_or(0));
                } else {
                    s.push(if esc == 'n' { '\n' } else { esc });
                }
            }
            *pos += 1;
            V::Str(s)
        }
        _ => {
            let start = *pos;
            while *pos < c.len() && !matches!(c[*pos], ',' | ')' | ']' | '}' | ':' | ' ') {
                *pos += 1;
            }
            let word: String = c[start..*pos].iter().collect();
            match word.as_str() {
                "True" => V::Bool(true),
                "False" => V::Bool(false),
                "None" => V::None,
                _ if word.contains(['.', 'e', 'n', 'i']) && !word.starts_with("0x") => {
                    V::Float(word.parse().unwrap_or(f64::NAN))
                }
                _ => V::Int(word.parse().unwrap_or_default()),
            }
        }
    }
}

/// The bytes `%` driver's view of the arguments (keys are bytes).
struct PBArgs(PArgs);

impl PercentArgs<Vec<u8>> for PBArgs {
    type Error = Exc;

    fn select_key(&mut self, key: &Vec<u8>) -> Result<(), Exc> {
        let found = match &self.0.args {
            V::Dict(pairs) => pairs.iter().find_map(|(pk, pv)| match pk {
                V::Bytes(b) if b == key => Some(pv.clone()),
                _ => None,
            }),
            V::List(_) => {
                return Err(exc(
                    "TypeError",
                    "list indices must be integers or slices, not bytes",
                ))
            }
            _ => None,
        };
        self.0.selected = Some(found.ok_or_else(|| key_error(&V::Bytes(key.clone())))?);
        Ok(())
    }

    fn star(&mut self, at: ArgAt) -> Result<Option<Int>, Exc> {
        self.0.star(at)
    }

    fn convert(&mut self, at: ArgAt, conversion: Conversion) -> Result<Converted<Vec<u8>>, Exc> {
        let v = self.0.at(at);
        let bytes = |s: PyStr| s.as_bytes().to_vec();
        Ok(match conversion {
            Conversion::Bytes => match &v {
                V::Bytes(b) | V::ByteArray(b) => Converted::Text(b.clone()),
                _ => return Err(percent::bytes_type_error(type_name(&v)).into()),
            },
            Conversion::Ascii => Converted::Text(bytes(ascii(&v)?)),
            Conversion::Char => match (&v, int_of(&v)) {
                (V::Bytes(b), _) => Converted::Text(b.clone()),
                (V::ByteArray(b), _) if b.len() == 1 => Converted::Text(b.clone()),
                (V::ByteArray(b), _) => {
                    let what = format!("a bytearray object of length {}", b.len());
                    return Err(percent::byte_char_type_error(&what).into());
                }
                (_, Some(i)) => Converted::Int(Int::Big(i)),
                _ => return Err(percent::byte_char_type_error(type_name(&v)).into()),
            },
            // Any failed float conversion (an int too large included) becomes this TypeError.
            Conversion::Float(_) => Converted::Float(match (&v, int_of(&v)) {
                (V::Float(x), _) => *x,
                (_, Some(i)) if int_to_f64(int_ref(&i)).is_ok() => {
                    int_to_f64(int_ref(&i)).unwrap_or_default()
                }
                _ => {
                    return Err(exc(
                        "TypeError",
                        format!("float argument required, not {}", type_name(&v)),
                    ))
                }
            }),
            _ => match self.0.convert(at, conversion)? {
                Converted::Text(t) => Converted::Text(bytes(t)),
                Converted::Int(i) => Converted::Int(i),
                Converted::Float(x) => Converted::Float(x),
            },
        })
    }
}

/// `template % args` for a bytes template.
pub(super) fn run_percent_bytes(template: &[u8], args: V) -> Result<Vec<u8>, Exc> {
    let tuple_len = match &args {
        V::Tuple(items) => Some(items.len()),
        _ => None,
    };
    let mapping = matches!(args, V::Dict(_) | V::List(_));
    let mut pargs = PBArgs(PArgs {
        args,
        selected: None,
    });
    percent::format_bytes(template, tuple_len, mapping, &mut pargs, INT_MAX_STR_DIGITS)
}

/// The code points of a parsed str literal as bytes (each below 256).
fn latin1(v: &V) -> Vec<u8> {
    match v {
        V::Str(s) => s.code_points().map(|c| c as u8).collect(),
        _ => Vec::new(),
    }
}

/// A bytes template written as text, one character per byte.
pub(super) fn bytes_of(text: &str) -> Vec<u8> {
    text.chars().map(|c| c as u32 as u8).collect()
}

/// A bytes result as a test table writes it, one character per byte.
pub(super) fn bytes_outcome(r: Result<Vec<u8>, Exc>) -> String {
    match r {
        Ok(b) => format!("={}", b.iter().map(|&x| char::from(x)).collect::<String>()),
        Err(Exc(kind, msg)) => format!("!{kind}: {}", msg.to_string_lossy()),
    }
}
