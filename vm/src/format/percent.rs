//! printf-style `str % args` and `bytes % args`, as `PyUnicode_Format` in
//! Objects/unicodeobject.c and `_PyBytes_FormatEx` in Objects/bytesobject.c do them: the
//! template parsed into [`Piece`]s, each conversion formatted from an already converted value
//! ([`format_converted`]), and drivers ([`format()`], [`format_bytes`]) that fetch arguments
//! through [`PercentArgs`] in CPython's order, so that every error comes where CPython raises it.
//! See <https://docs.python.org/3.14/library/stdtypes.html#printf-style-string-formatting> and
//! <https://docs.python.org/3.14/library/stdtypes.html#printf-style-bytes-formatting>.

use protopy_compiler::pystr::PyStr;

pub use super::percent_conv::{
    byte_char_type_error, bytes_type_error, char_type_error, format_converted, integer_required,
    real_number_required, Text,
};
use super::{code_points, FormatError, FormatResult, Int};

/// The flags `- + space # 0` of one conversion.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Flags {
    /// `-`: pad on the right.
    pub left: bool,
    /// `+`
    pub sign: bool,
    /// ` `
    pub blank: bool,
    /// `#`
    pub alt: bool,
    /// `0`
    pub zero: bool,
}

/// A width or precision as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    None,
    /// `*`: taken from the next argument.
    Star,
    Fixed(usize),
}

/// What a conversion character asks of its argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conversion {
    /// `s`: `str(arg)`.
    Str,
    /// `r`: `repr(arg)`.
    Repr,
    /// `a` (and `r` for bytes): `ascii(arg)` (encoded, for bytes).
    Ascii,
    /// `b` and `s` for bytes: the bytes of a bytes-like object or of `__bytes__()`.
    Bytes,
    /// `d i u o x X`: an int (`o x X` take `__index__`, the others `int()` of a real number).
    Int(char),
    /// `e E f F g G`: a float.
    Float(char),
    /// `c`: an int code point or a one-character str.
    Char,
    /// Any other character: an error once the argument has been fetched. For bytes, CPython
    /// reads a byte above 0x7F as a negative `char` except right after width or precision
    /// digits; the value here is that sign-extended `char` (above 0x10FFFF).
    Unsupported(u32),
}

impl Conversion {
    fn of(c: u32, bytes: bool) -> Conversion {
        match char::from_u32(c) {
            Some('s' | 'b') if bytes => Conversion::Bytes,
            Some('r') if bytes => Conversion::Ascii,
            Some('s') => Conversion::Str,
            Some('r') => Conversion::Repr,
            Some('a') => Conversion::Ascii,
            Some(ch @ ('d' | 'i' | 'u' | 'o' | 'x' | 'X')) => Conversion::Int(ch),
            Some(ch @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G')) => Conversion::Float(ch),
            Some('c') => Conversion::Char,
            _ => Conversion::Unsupported(c),
        }
    }
}

/// One `%` conversion as written (`T`: [`PyStr`] for str templates, `Vec<u8>` for bytes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spec<T = PyStr> {
    /// `%(key)`: the argument is `args[key]`.
    pub key: Option<T>,
    pub flags: Flags,
    pub width: Count,
    pub precision: Count,
    pub conversion: Conversion,
    /// The conversion character's index in the template, in code points.
    pub index: usize,
}

/// A conversion cut short by a syntax error. CPython performs what precedes the error (the
/// mapping check, the key lookup, the `*` arguments) before raising it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broken<T = PyStr> {
    pub key: Option<T>,
    /// `%(` without its `)`: only the mapping check precedes the error.
    pub open_key: bool,
    pub width_star: bool,
    pub precision_star: bool,
    pub error: FormatError,
}

/// A piece of a parsed template. A [`Piece::Broken`] is always the last one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<T = PyStr> {
    Literal(T),
    Spec(Spec<T>),
    Broken(Broken<T>),
}

/// Parses a `%` template. Parsing stops at the first syntax error, which becomes the last
/// piece: CPython raises it only after formatting what precedes it.
pub fn parse(template: &PyStr) -> Vec<Piece> {
    parse_units(&code_points(template), false)
}

/// Parses a `bytes % args` template.
pub fn parse_bytes(template: &[u8]) -> Vec<Piece<Vec<u8>>> {
    let units: Vec<u32> = template.iter().map(|&b| u32::from(b)).collect();
    parse_units(&units, true)
}

fn parse_units<T: Text>(s: &[u32], bytes: bool) -> Vec<Piece<T>> {
    let mut pieces = Vec::new();
    let mut literal: Vec<u32> = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if s[i] != u32::from('%') {
            literal.push(s[i]);
            i += 1;
            continue;
        }
        i += 1;
        if s.get(i) == Some(&u32::from('%')) {
            literal.push(s[i]);
            i += 1;
            continue;
        }
        if !literal.is_empty() {
            pieces.push(Piece::Literal(T::from_units(&literal)));
            literal.clear();
        }
        match parse_spec(s, &mut i, bytes) {
            Ok(spec) => pieces.push(Piece::Spec(spec)),
            Err(broken) => {
                pieces.push(Piece::Broken(broken));
                return pieces;
            }
        }
    }
    if !literal.is_empty() {
        pieces.push(Piece::Literal(T::from_units(&literal)));
    }
    pieces
}

/// Parses one conversion starting just after its `%` (`unicode_format_arg_parse`).
fn parse_spec<T: Text>(s: &[u32], i: &mut usize, bytes: bool) -> Result<Spec<T>, Broken<T>> {
    let mut broken = Broken {
        key: None,
        open_key: false,
        width_star: false,
        precision_star: false,
        error: FormatError::value("incomplete format"),
    };
    let next = |i: &mut usize| {
        let c = s.get(*i).copied();
        if c.is_some() {
            *i += 1;
        }
        c
    };
    let is = |c: Option<u32>, ch: char| c == Some(u32::from(ch));
    let digit = |c: Option<u32>| c.filter(|c| (0x30..=0x39).contains(c)).map(|c| c - 0x30);
    let mut key = None;
    if is(s.get(*i).copied(), '(') {
        let start = *i + 1;
        let mut depth = 1;
        let mut j = start;
        while depth > 0 && j < s.len() {
            if s[j] == u32::from(')') {
                depth -= 1;
            } else if s[j] == u32::from('(') {
                depth += 1;
            }
            j += 1;
        }
        if depth > 0 {
            broken.open_key = true;
            broken.error = FormatError::value("incomplete format key");
            return Err(broken);
        }
        key = Some(T::from_units(&s[start..j - 1]));
        *i = j;
    }
    broken.key.clone_from(&key);
    let mut flags = Flags::default();
    // Whether the conversion character was read by a digit loop: `_PyBytes_FormatEx` reads it
    // unsigned there and as a signed `char` everywhere else.
    let mut via_digits = false;
    let mut ch = next(i);
    while let Some(c) = ch.and_then(char::from_u32) {
        match c {
            '-' => flags.left = true,
            '+' => flags.sign = true,
            ' ' => flags.blank = true,
            '#' => flags.alt = true,
            '0' => flags.zero = true,
            _ => break,
        }
        ch = next(i);
        via_digits = false;
    }
    let mut width = Count::None;
    if is(ch, '*') {
        width = Count::Star;
        broken.width_star = true;
        ch = next(i);
        via_digits = false;
    } else if let Some(d) = digit(ch) {
        let mut w = u64::from(d);
        loop {
            ch = next(i);
            via_digits = true;
            let Some(d) = digit(ch) else { break };
            if w > (isize::MAX as u64 - u64::from(d)) / 10 {
                broken.error = FormatError::value("width too big");
                return Err(broken);
            }
            w = w * 10 + u64::from(d);
        }
        width = Count::Fixed(w as usize);
    }
    let mut precision = Count::None;
    if is(ch, '.') {
        precision = Count::Fixed(0);
        ch = next(i);
        via_digits = false;
        if is(ch, '*') {
            precision = Count::Star;
            broken.precision_star = true;
            ch = next(i);
            via_digits = false;
        } else if let Some(d) = digit(ch) {
            let mut p = u64::from(d);
            loop {
                ch = next(i);
                via_digits = true;
                let Some(d) = digit(ch) else { break };
                if p > (i32::MAX as u64 - u64::from(d)) / 10 {
                    let msg = if bytes {
                        "prec too big"
                    } else {
                        "precision too big"
                    };
                    broken.error = FormatError::value(msg);
                    return Err(broken);
                }
                p = p * 10 + u64::from(d);
            }
            precision = Count::Fixed(p as usize);
        }
    }
    if is(ch, 'h') || is(ch, 'l') || is(ch, 'L') {
        ch = next(i);
        via_digits = false;
    }
    let Some(mut c) = ch else {
        return Err(broken);
    };
    if bytes && c >= 0x80 && !via_digits {
        c = c as u8 as i8 as i32 as u32;
    }
    Ok(Spec {
        key,
        flags,
        width,
        precision,
        conversion: Conversion::of(c, bytes),
        index: *i - 1,
    })
}

/// Where an argument comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgAt {
    /// `args[i]` of a tuple.
    Item(usize),
    /// `args` itself when it is not a tuple, or the value of the latest `%(key)`.
    Whole,
}

/// An argument converted for its conversion by the interpreter.
#[derive(Clone, Debug, PartialEq)]
pub enum Converted<T = PyStr> {
    /// For `s r a`: `str()`, `repr()` or `ascii()` of the argument; for `c`, a str argument
    /// itself (one character, else a `TypeError`). For bytes: the bytes for `b`/`s`, `ascii()`
    /// encoded for `a`/`r`, a bytes argument for `c` (a bytearray of the wrong length is the
    /// caller's [`byte_char_type_error`]).
    Text(T),
    /// For `d i u o x X`, and for `c` an int argument (`__index__`).
    Int(Int),
    /// For `e E f F g G`.
    Float(f64),
}

/// What the driver needs from the interpreter: argument lookups and conversions. Each method
/// raises the interpreter's own errors (`KeyError`, errors from `__str__`, ...). `T` is the
/// template's text type: [`PyStr`], or `Vec<u8>` for bytes.
pub trait PercentArgs<T = PyStr> {
    type Error: From<FormatError>;

    /// Looks `key` (a str, or a bytes for bytes templates) up in the mapping `args`; its value
    /// becomes [`ArgAt::Whole`].
    fn select_key(&mut self, key: &T) -> Result<(), Self::Error>;

    /// A `*` argument: `Some` when it is an int (`bool` and subclasses included), `None` for
    /// anything else (the driver raises `TypeError: * wants int`).
    fn star(&mut self, at: ArgAt) -> Result<Option<Int>, Self::Error>;

    /// Converts an argument for `conversion` (never [`Conversion::Unsupported`]): `str`,
    /// `repr`, `ascii`, bytes; `int()` (`__index__` for `o x X`); `float()`; for `c` the int
    /// or the str (bytes). A wrong type raises what [`real_number_required`],
    /// [`integer_required`], [`char_type_error`], [`byte_char_type_error`] and
    /// [`bytes_type_error`] give, or the float conversion's own `TypeError` (for bytes, every
    /// failed float conversion, overflow included, is `TypeError: float argument required, not
    /// int`).
    fn convert(&mut self, at: ArgAt, conversion: Conversion) -> Result<Converted<T>, Self::Error>;
}

/// `PyUnicode_Format`'s argument state: `arglen` is -1 when `args` is not a tuple.
struct Cursor {
    arglen: i64,
    argidx: i64,
    mapping: bool,
    bytes: bool,
}

impl Cursor {
    fn next(&mut self) -> FormatResult<ArgAt> {
        if self.argidx >= self.arglen {
            return Err(FormatError::type_error(
                "not enough arguments for format string",
            ));
        }
        let i = self.argidx;
        self.argidx += 1;
        Ok(if self.arglen < 0 {
            ArgAt::Whole
        } else {
            ArgAt::Item(i as usize)
        })
    }

    fn select_key<T, A: PercentArgs<T>>(&mut self, args: &mut A, key: &T) -> Result<(), A::Error> {
        if !self.mapping {
            return Err(requires_mapping().into());
        }
        args.select_key(key)?;
        self.arglen = -1;
        self.argidx = -2;
        Ok(())
    }

    fn unused(&self) -> bool {
        self.argidx < self.arglen
    }

    fn not_all_converted(&self) -> FormatError {
        let what = if self.bytes { "bytes" } else { "string" };
        FormatError::type_error(format!(
            "not all arguments converted during {what} formatting"
        ))
    }
}

fn requires_mapping() -> FormatError {
    FormatError::type_error("format requires a mapping")
}

/// `template % args`. `tuple_len` is `Some(len(args))` when `args` is a tuple; `is_mapping` is
/// CPython's test: `args` has `__getitem__` and is neither a tuple nor a str. Decimal
/// conversions fail past `max_str_digits` digits (0: no limit).
pub fn format<A: PercentArgs>(
    template: &PyStr,
    tuple_len: Option<usize>,
    is_mapping: bool,
    args: &mut A,
    max_str_digits: usize,
) -> Result<PyStr, A::Error> {
    let pieces = parse(template);
    let out = PyStr::with_capacity(template.as_bytes().len() + 16);
    drive(
        pieces,
        out,
        tuple_len,
        is_mapping,
        args,
        max_str_digits,
        false,
    )
}

/// `template % args` for bytes (and bytearray) templates; `is_mapping` is true when `args` has
/// `__getitem__` and is none of tuple, str, bytes and bytearray.
pub fn format_bytes<A: PercentArgs<Vec<u8>>>(
    template: &[u8],
    tuple_len: Option<usize>,
    is_mapping: bool,
    args: &mut A,
    max_str_digits: usize,
) -> Result<Vec<u8>, A::Error> {
    let pieces = parse_bytes(template);
    let out = Vec::with_capacity(template.len() + 16);
    drive(
        pieces,
        out,
        tuple_len,
        is_mapping,
        args,
        max_str_digits,
        true,
    )
}

fn drive<T: Text, A: PercentArgs<T>>(
    pieces: Vec<Piece<T>>,
    mut out: T,
    tuple_len: Option<usize>,
    is_mapping: bool,
    args: &mut A,
    max_str_digits: usize,
    bytes: bool,
) -> Result<T, A::Error> {
    let (arglen, argidx) = match tuple_len {
        Some(n) => (n as i64, 0),
        None => (-1, -2),
    };
    let mut cursor = Cursor {
        arglen,
        argidx,
        mapping: is_mapping,
        bytes,
    };
    for piece in pieces {
        match piece {
            Piece::Literal(text) => out.append(&text),
            Piece::Spec(spec) => {
                if let Some(key) = &spec.key {
                    cursor.select_key(args, key)?;
                }
                let width = match spec.width {
                    Count::Star => Some(star(&mut cursor, args, true)?),
                    Count::Fixed(w) => Some(w as i64),
                    Count::None => None,
                };
                let precision = match spec.precision {
                    Count::Star => Some(star(&mut cursor, args, false)?),
                    Count::Fixed(p) => Some(p as i64),
                    Count::None => None,
                };
                let at = cursor.next()?;
                if let Conversion::Unsupported(c) = spec.conversion {
                    return Err(unsupported(c, spec.index, bytes).into());
                }
                let value = args.convert(at, spec.conversion)?;
                let mut flags = spec.flags;
                let width = width.map(|w| {
                    flags.left |= w < 0;
                    w.unsigned_abs() as usize
                });
                let precision = precision.map(|p| p.max(0) as usize);
                let text = format_converted(
                    &value,
                    spec.conversion,
                    flags,
                    width,
                    precision,
                    max_str_digits,
                )?;
                out.append(&text);
                if cursor.mapping && cursor.unused() {
                    return Err(cursor.not_all_converted().into());
                }
            }
            Piece::Broken(broken) => {
                if broken.open_key && !cursor.mapping {
                    return Err(requires_mapping().into());
                }
                if let Some(key) = &broken.key {
                    cursor.select_key(args, key)?;
                }
                if broken.width_star {
                    star(&mut cursor, args, true)?;
                }
                if broken.precision_star {
                    star(&mut cursor, args, false)?;
                }
                return Err(broken.error.into());
            }
        }
    }
    if cursor.unused() && !cursor.mapping {
        return Err(cursor.not_all_converted().into());
    }
    Ok(out)
}

/// Fetches and checks a `*` argument: a width must fit a C `ssize_t`, a precision a C `int`.
fn star<T, A: PercentArgs<T>>(
    cursor: &mut Cursor,
    args: &mut A,
    width: bool,
) -> Result<i64, A::Error> {
    let at = cursor.next()?;
    let Some(value) = args.star(at)? else {
        return Err(FormatError::type_error("* wants int").into());
    };
    let v = match value {
        Int::Small(v) => Some(v),
        Int::Big(b) => i64::try_from(&b).ok(),
    };
    let limit = if width { i64::MAX } else { i64::from(i32::MAX) };
    match v {
        Some(i64::MIN) if width => Err(FormatError::overflow("width too big").into()),
        Some(v) if width || (i64::from(i32::MIN)..=limit).contains(&v) => Ok(v),
        _ if width => {
            Err(FormatError::overflow("Python int too large to convert to C ssize_t").into())
        }
        _ => Err(FormatError::overflow("Python int too large to convert to C int").into()),
    }
}

/// `ValueError: unsupported format character 'y' (0x79) at index 3`. A str template shows
/// `?` for a character outside `' '..='~'`; a bytes template shows the byte itself, and for a
/// byte read as a negative `char` (see [`Conversion::Unsupported`]) CPython's message
/// formatting fails with an `OverflowError`.
pub fn unsupported(c: u32, index: usize, bytes: bool) -> FormatError {
    if c > 0x10FFFF {
        return FormatError::overflow("character argument not in range(0x110000)");
    }
    let shown = match char::from_u32(c) {
        Some(ch) if bytes || (0x20..0x7F).contains(&c) => ch,
        _ => '?',
    };
    FormatError::value(format!(
        "unsupported format character '{shown}' ({c:#x}) at index {index}"
    ))
}
