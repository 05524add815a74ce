//! `str.format`'s template language, as Objects/stringlib/unicode_format.h parses it: literal
//! text and replacement fields (`MarkupIterator`, `parse_field`), field names with their `.attr`
//! and `[key]` chains (`field_name_split`, `FieldNameIterator`), automatic numbering, and a
//! driver ([`format()`]) that looks objects up through [`FormatArgs`] in CPython's order.
//! See <https://docs.python.org/3.14/library/string.html#format-string-syntax>.

use protopy_compiler::pystr::PyStr;

use super::{code_points, decimal_value, pystr_from, ErrorKind, FormatError, FormatResult};

/// A replacement field as written: `{name!conversion:spec}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub name: PyStr,
    /// The character after `!`, unchecked ([`check_conversion`] checks it).
    pub conversion: Option<u32>,
    pub spec: PyStr,
    /// Whether the spec holds `{`: it is itself a template to expand first.
    pub spec_needs_expanding: bool,
}

/// Literal text, then maybe a field (one step of `MarkupIterator`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Markup {
    pub literal: PyStr,
    pub field: Option<Field>,
}

/// Iterates over a template's [`Markup`]s. Errors come lazily, after the fields before them,
/// as CPython raises them; the iterator ends after an error.
#[derive(Clone, Debug)]
pub struct Parser {
    s: Vec<u32>,
    pos: usize,
    failed: bool,
}

impl Parser {
    pub fn new(template: &PyStr) -> Parser {
        Parser::from_code_points(code_points(template))
    }

    fn from_code_points(s: Vec<u32>) -> Parser {
        Parser {
            s,
            pos: 0,
            failed: false,
        }
    }

    fn step(&mut self) -> FormatResult<Markup> {
        let s = &self.s;
        let start = self.pos;
        let mut brace = None;
        while self.pos < s.len() {
            let c = s[self.pos];
            self.pos += 1;
            if c == u32::from('{') || c == u32::from('}') {
                brace = Some(c);
                break;
            }
        }
        let at_end = self.pos >= s.len();
        let mut end = self.pos;
        let mut field_follows = brace.is_some();
        if brace == Some(u32::from('}')) && (at_end || s[self.pos] != u32::from('}')) {
            return Err(FormatError::value(
                "Single '}' encountered in format string",
            ));
        }
        if brace == Some(u32::from('{')) && at_end {
            return Err(FormatError::value(
                "Single '{' encountered in format string",
            ));
        }
        if let (Some(b), false) = (brace, at_end) {
            if s[self.pos] == b {
                // `{{` or `}}`: the literal keeps one brace.
                self.pos += 1;
                field_follows = false;
            } else {
                end -= 1;
            }
        }
        let literal = pystr_from(&s[start..end]);
        let field = if field_follows {
            Some(self.parse_field()?)
        } else {
            None
        };
        Ok(Markup { literal, field })
    }

    /// `parse_field`: from just after `{` to just after the field's `}`.
    fn parse_field(&mut self) -> FormatResult<Field> {
        let s = &self.s;
        let name_start = self.pos;
        let mut last = None;
        while self.pos < s.len() {
            let c = s[self.pos];
            self.pos += 1;
            last = Some(c);
            match char::from_u32(c) {
                Some('{') => {
                    return Err(FormatError::value("unexpected '{' in field name"));
                }
                Some('[') => {
                    while self.pos < s.len() && s[self.pos] != u32::from(']') {
                        self.pos += 1;
                    }
                }
                Some('}' | ':' | '!') => break,
                _ => {}
            }
        }
        let name = pystr_from(&s[name_start..self.pos.saturating_sub(1).max(name_start)]);
        let mut field = Field {
            name,
            conversion: None,
            spec: PyStr::new(),
            spec_needs_expanding: false,
        };
        let last = last.and_then(char::from_u32);
        if last == Some('}') {
            return Ok(field);
        }
        if last != Some('!') && last != Some(':') {
            return Err(FormatError::value("expected '}' before end of string"));
        }
        if last == Some('!') {
            let Some(&conversion) = s.get(self.pos) else {
                return Err(FormatError::value(
                    "end of string while looking for conversion specifier",
                ));
            };
            self.pos += 1;
            field.conversion = Some(conversion);
            if let Some(&c) = s.get(self.pos) {
                self.pos += 1;
                if c == u32::from('}') {
                    return Ok(field);
                }
                if c != u32::from(':') {
                    return Err(FormatError::value(
                        "expected ':' after conversion specifier",
                    ));
                }
            }
        }
        let spec_start = self.pos;
        let mut depth = 1;
        while self.pos < s.len() {
            let c = s[self.pos];
            self.pos += 1;
            if c == u32::from('{') {
                field.spec_needs_expanding = true;
                depth += 1;
            } else if c == u32::from('}') {
                depth -= 1;
                if depth == 0 {
                    field.spec = pystr_from(&s[spec_start..self.pos - 1]);
                    return Ok(field);
                }
            }
        }
        Err(FormatError::value("unmatched '{' in format spec"))
    }
}

impl Iterator for Parser {
    type Item = FormatResult<Markup>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.pos >= self.s.len() {
            return None;
        }
        let step = self.step();
        self.failed = step.is_err();
        Some(step)
    }
}

/// A field's conversion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldConversion {
    /// `!s`
    Str,
    /// `!r`
    Repr,
    /// `!a`
    Ascii,
}

/// Checks a conversion character: `ValueError: Unknown conversion specifier x` otherwise.
pub fn check_conversion(c: u32) -> FormatResult<FieldConversion> {
    match char::from_u32(c) {
        Some('s') => Ok(FieldConversion::Str),
        Some('r') => Ok(FieldConversion::Repr),
        Some('a') => Ok(FieldConversion::Ascii),
        Some(ch) if c > 32 && c < 127 => Err(FormatError::value(format!(
            "Unknown conversion specifier {ch}"
        ))),
        _ => Err(FormatError::value(format!(
            "Unknown conversion specifier \\x{c:x}"
        ))),
    }
}

/// The automatic field numbering state shared by a template and its nested specs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AutoNumber {
    mode: Option<bool>,
    next: usize,
}

/// What a field name starts with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FirstPart {
    /// A positional argument (written as digits, or numbered automatically).
    Index(usize),
    /// A keyword argument.
    Name(PyStr),
}

/// One `.attr` or `[key]` after the first part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Accessor {
    Attr(PyStr),
    /// `[digits]`: an int key.
    Index(usize),
    /// `[text]`: a str key.
    Key(PyStr),
}

/// `get_integer`: a string of Unicode decimal digits as an index, `None` for anything else.
fn integer(s: &[u32]) -> FormatResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: u64 = 0;
    for &c in s {
        let Some(d) = decimal_value(c) else {
            return Ok(None);
        };
        if acc > (i64::MAX as u64 - u64::from(d)) / 10 {
            return Err(FormatError::value(
                "Too many decimal digits in format string",
            ));
        }
        acc = acc * 10 + u64::from(d);
    }
    Ok(Some(acc as usize))
}

/// `field_name_split`: the first part of a field name and an iterator over the rest. With
/// `auto` (what `str.format` passes), an empty name takes the next automatic number and
/// mixing automatic and manual numbering fails; without it, an empty name is `Name("")`.
pub fn split_field_name(
    name: &PyStr,
    auto: Option<&mut AutoNumber>,
) -> FormatResult<(FirstPart, Accessors)> {
    split_code_points(code_points(name), auto)
}

fn split_code_points(
    s: Vec<u32>,
    auto: Option<&mut AutoNumber>,
) -> FormatResult<(FirstPart, Accessors)> {
    let end = s
        .iter()
        .position(|&c| c == u32::from('.') || c == u32::from('['))
        .unwrap_or(s.len());
    let index = integer(&s[..end])?;
    let empty = end == 0;
    let mut first = match index {
        Some(i) => FirstPart::Index(i),
        None => FirstPart::Name(pystr_from(&s[..end])),
    };
    if let Some(auto) = auto {
        if empty || index.is_some() {
            let manual = auto.mode.unwrap_or(!empty);
            auto.mode = Some(manual);
            if manual && empty {
                return Err(FormatError::value(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            if !manual && !empty {
                return Err(FormatError::value(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
        }
        if empty {
            first = FirstPart::Index(auto.next);
            auto.next += 1;
        }
    }
    Ok((first, Accessors { s, pos: end }))
}

/// The `.attr` and `[key]` parts of a field name, parsed one at a time (`FieldNameIterator`):
/// an error in a later part comes after the earlier lookups.
#[derive(Clone, Debug)]
pub struct Accessors {
    s: Vec<u32>,
    pos: usize,
}

impl Accessors {
    fn step(&mut self) -> FormatResult<Accessor> {
        let s = &self.s;
        let kind = s[self.pos];
        self.pos += 1;
        let start = self.pos;
        let name = if kind == u32::from('.') {
            while self.pos < s.len()
                && s[self.pos] != u32::from('.')
                && s[self.pos] != u32::from('[')
            {
                self.pos += 1;
            }
            &s[start..self.pos]
        } else if kind == u32::from('[') {
            while self.pos < s.len() && s[self.pos] != u32::from(']') {
                self.pos += 1;
            }
            if self.pos >= s.len() {
                return Err(FormatError::value("Missing ']' in format string"));
            }
            self.pos += 1;
            &s[start..self.pos - 1]
        } else {
            return Err(FormatError::value(
                "Only '.' or '[' may follow ']' in format field specifier",
            ));
        };
        let index = if kind == u32::from('[') {
            integer(name)?
        } else {
            None
        };
        if name.is_empty() {
            return Err(FormatError::value("Empty attribute in format string"));
        }
        Ok(match index {
            Some(i) => Accessor::Index(i),
            None if kind == u32::from('.') => Accessor::Attr(pystr_from(name)),
            None => Accessor::Key(pystr_from(name)),
        })
    }
}

impl Iterator for Accessors {
    type Item = FormatResult<Accessor>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.s.len() {
            return None;
        }
        let step = self.step();
        if step.is_err() {
            self.pos = self.s.len();
        }
        Some(step)
    }
}

/// What the driver needs from the interpreter. Each method raises the interpreter's own
/// errors (`KeyError`, `AttributeError`, errors from `__format__`, ...).
pub trait FormatArgs {
    type Value;
    type Error: From<FormatError>;

    /// `args[index]`, `None` past the end (the driver raises the `IndexError`).
    fn positional(&mut self, index: usize) -> Option<Self::Value>;
    /// `kwargs[name]` (`KeyError(name)` when absent or when there are no keyword arguments).
    fn keyword(&mut self, name: &PyStr) -> Result<Self::Value, Self::Error>;
    /// `getattr(obj, name)`.
    fn getattr(&mut self, obj: Self::Value, name: &PyStr) -> Result<Self::Value, Self::Error>;
    /// `obj[index]` with an int key.
    fn getitem_index(&mut self, obj: Self::Value, index: usize)
        -> Result<Self::Value, Self::Error>;
    /// `obj[key]` with a str key.
    fn getitem_key(&mut self, obj: Self::Value, key: &PyStr) -> Result<Self::Value, Self::Error>;
    /// `str(obj)`, `repr(obj)` or `ascii(obj)` (as a str object).
    fn convert(
        &mut self,
        obj: Self::Value,
        conversion: FieldConversion,
    ) -> Result<Self::Value, Self::Error>;
    /// `format(obj, spec)`.
    fn format(&mut self, obj: Self::Value, spec: &PyStr) -> Result<PyStr, Self::Error>;
}

/// `template.format(*args, **kwargs)` (and `format_map`), through `args`.
pub fn format<A: FormatArgs>(template: &PyStr, args: &mut A) -> Result<PyStr, A::Error> {
    let mut auto = AutoNumber::default();
    build(code_points(template), args, 2, &mut auto)
}

/// `build_string`: specs may nest fields one level deep.
fn build<A: FormatArgs>(
    template: Vec<u32>,
    args: &mut A,
    depth: u32,
    auto: &mut AutoNumber,
) -> Result<PyStr, A::Error> {
    if depth == 0 {
        return Err(FormatError::value("Max string recursion exceeded").into());
    }
    let mut out = PyStr::with_capacity(template.len());
    for markup in Parser::from_code_points(template) {
        let markup = markup?;
        out.push_pystr(&markup.literal);
        let Some(field) = markup.field else { continue };
        let mut obj = field_object(&field.name, args, auto)?;
        if let Some(c) = field.conversion {
            obj = args.convert(obj, check_conversion(c)?)?;
        }
        let text = if field.spec_needs_expanding {
            let spec = build(code_points(&field.spec), args, depth - 1, auto)?;
            args.format(obj, &spec)?
        } else {
            args.format(obj, &field.spec)?
        };
        out.push_pystr(&text);
    }
    Ok(out)
}

/// `get_field_object`: the argument a field name designates.
fn field_object<A: FormatArgs>(
    name: &PyStr,
    args: &mut A,
    auto: &mut AutoNumber,
) -> Result<A::Value, A::Error> {
    let (first, rest) = split_field_name(name, Some(auto))?;
    let mut obj = match first {
        FirstPart::Index(i) => args.positional(i).ok_or_else(|| {
            FormatError::new(
                ErrorKind::IndexError,
                format!("Replacement index {i} out of range for positional args tuple"),
            )
        })?,
        FirstPart::Name(key) => args.keyword(&key)?,
    };
    for accessor in rest {
        obj = match accessor? {
            Accessor::Attr(attr) => args.getattr(obj, &attr)?,
            Accessor::Index(i) => args.getitem_index(obj, i)?,
            Accessor::Key(key) => args.getitem_key(obj, &key)?,
        };
    }
    Ok(obj)
}
