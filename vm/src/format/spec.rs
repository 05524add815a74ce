//! The format-spec mini-language, `[[fill]align][sign]["z"]["#"]["0"][width][grouping]
//! ["." [precision][grouping]][type]`, parsed as `parse_internal_render_format_spec` in
//! Python/formatter_unicode.c does, with CPython 3.14's messages.
//! See <https://docs.python.org/3.14/library/string.html#formatspec>.

use protopy_compiler::pystr::PyStr;

use super::{code_in_message, code_points, decimal_value, FormatError, FormatResult};

/// Where the text goes inside the field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// `<`
    Left,
    /// `>`
    Right,
    /// `^`
    Center,
    /// `=`: padding between the sign (and prefix) and the digits.
    AfterSign,
}

impl Align {
    fn from_code(c: u32) -> Option<Align> {
        match char::from_u32(c)? {
            '<' => Some(Align::Left),
            '>' => Some(Align::Right),
            '^' => Some(Align::Center),
            '=' => Some(Align::AfterSign),
            _ => None,
        }
    }
}

/// The sign option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    /// `+`: a sign for positive numbers too.
    Plus,
    /// `-`: a sign for negative numbers only (what no sign option also means for numbers).
    Minus,
    /// ` `: a space before positive numbers.
    Space,
}

/// A digit-grouping option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// `,`
    Comma,
    /// `_`
    Underscore,
}

impl Grouping {
    pub fn separator(self) -> char {
        match self {
            Grouping::Comma => ',',
            Grouping::Underscore => '_',
        }
    }
}

/// A parsed format spec. `ty` is the presentation type's code point, `None` when the spec has
/// none and the formatter's default is "none" (float, complex).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    pub fill: u32,
    pub align: Align,
    pub sign: Option<Sign>,
    /// `z`: negative zero after rounding prints as zero.
    pub no_neg_0: bool,
    /// `#`
    pub alternate: bool,
    pub width: Option<usize>,
    pub grouping: Option<Grouping>,
    pub precision: Option<usize>,
    /// The grouping option after `.` (3.14): groups the digits after the decimal point.
    pub frac_grouping: Option<Grouping>,
    pub ty: Option<u32>,
}

impl FormatSpec {
    /// Parses `spec` for an object of type `type_name` whose formatter defaults to presentation
    /// type `default_type` (`'d'` for int, `'s'` for str, `None` for float and complex) and to
    /// alignment `default_align` (`Left` for str, `Right` for numbers).
    pub fn parse(
        spec: &PyStr,
        default_type: Option<char>,
        default_align: Align,
        type_name: &str,
    ) -> FormatResult<FormatSpec> {
        parse_code_points(&code_points(spec), default_type, default_align, type_name)
    }

    /// The presentation type as a `char` (`None` when absent or not a valid `char`).
    pub fn ty_char(&self) -> Option<char> {
        self.ty.and_then(char::from_u32)
    }
}

pub(crate) fn parse_code_points(
    s: &[u32],
    default_type: Option<char>,
    default_align: Align,
    type_name: &str,
) -> FormatResult<FormatSpec> {
    let at = |i: usize| s.get(i).copied();
    let is = |i: usize, c: char| at(i) == Some(c as u32);
    let mut spec = FormatSpec {
        fill: ' ' as u32,
        align: default_align,
        sign: None,
        no_neg_0: false,
        alternate: false,
        width: None,
        grouping: None,
        precision: None,
        frac_grouping: None,
        ty: default_type.map(u32::from),
    };
    let mut pos = 0;
    let mut fill_given = false;
    let mut align_given = false;
    if let Some(align) = at(1).and_then(Align::from_code) {
        spec.fill = s[0];
        spec.align = align;
        fill_given = true;
        align_given = true;
        pos = 2;
    } else if let Some(align) = at(0).and_then(Align::from_code) {
        spec.align = align;
        align_given = true;
        pos = 1;
    }
    spec.sign = match at(pos).and_then(char::from_u32) {
        Some('+') => Some(Sign::Plus),
        Some('-') => Some(Sign::Minus),
        Some(' ') => Some(Sign::Space),
        _ => None,
    };
    if spec.sign.is_some() {
        pos += 1;
    }
    if is(pos, 'z') {
        spec.no_neg_0 = true;
        pos += 1;
    }
    if is(pos, '#') {
        spec.alternate = true;
        pos += 1;
    }
    if !fill_given && is(pos, '0') {
        spec.fill = '0' as u32;
        if !align_given && default_align == Align::Right {
            spec.align = Align::AfterSign;
        }
        pos += 1;
    }
    spec.width = parse_integer(s, &mut pos)?;
    if is(pos, ',') {
        spec.grouping = Some(Grouping::Comma);
        pos += 1;
    }
    if is(pos, '_') {
        if spec.grouping.is_some() {
            return Err(both_separators());
        }
        spec.grouping = Some(Grouping::Underscore);
        pos += 1;
    }
    if is(pos, ',') && spec.grouping == Some(Grouping::Underscore) {
        return Err(both_separators());
    }
    if is(pos, '.') {
        pos += 1;
        spec.precision = parse_integer(s, &mut pos)?;
        if is(pos, ',') {
            spec.frac_grouping = Some(Grouping::Comma);
            pos += 1;
        }
        if is(pos, '_') {
            if spec.frac_grouping.is_some() {
                return Err(both_separators());
            }
            spec.frac_grouping = Some(Grouping::Underscore);
            pos += 1;
        }
        if is(pos, ',') && spec.frac_grouping == Some(Grouping::Underscore) {
            return Err(both_separators());
        }
        if spec.precision.is_none() && spec.frac_grouping.is_none() {
            return Err(FormatError::value("Format specifier missing precision"));
        }
    }
    match s.len() - pos.min(s.len()) {
        0 => {}
        1 => spec.ty = Some(s[pos]),
        _ => {
            let mut msg = PyStr::from("Invalid format specifier '");
            s.iter().for_each(|&c| msg.push_code_point(c));
            msg.push_str(&format!("' for object of type '{type_name}'"));
            return Err(FormatError::value(msg));
        }
    }
    let ty = spec.ty_char();
    if let Some(grouping) = spec.grouping {
        let allowed = match ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => grouping == Grouping::Underscore,
            _ => false,
        };
        if !allowed {
            return Err(invalid_grouping(grouping, spec.ty));
        }
    }
    if let (Some(grouping), Some('n')) = (spec.frac_grouping, ty) {
        return Err(invalid_grouping(grouping, spec.ty));
    }
    Ok(spec)
}

/// CPython's `get_integer`: decimal digits (any Unicode `Nd`) into a `Py_ssize_t`; `None` when
/// there are none.
fn parse_integer(s: &[u32], pos: &mut usize) -> FormatResult<Option<usize>> {
    let mut value: Option<u64> = None;
    while let Some(d) = s.get(*pos).copied().and_then(decimal_value) {
        let v = value.unwrap_or(0);
        if v > (i64::MAX as u64 - u64::from(d)) / 10 {
            return Err(FormatError::value(
                "Too many decimal digits in format string",
            ));
        }
        value = Some(v * 10 + u64::from(d));
        *pos += 1;
    }
    Ok(value.map(|v| v as usize))
}

fn both_separators() -> FormatError {
    FormatError::value("Cannot specify both ',' and '_'.")
}

fn invalid_grouping(grouping: Grouping, ty: Option<u32>) -> FormatError {
    let ty = ty.map(code_in_message).unwrap_or_default();
    FormatError::value(format!(
        "Cannot specify '{}' with '{ty}'.",
        grouping.separator()
    ))
}

/// "Unknown format code 'q' for object of type 'int'".
pub(crate) fn unknown_code(ty: Option<u32>, type_name: &str) -> FormatError {
    let ty = ty.map(code_in_message).unwrap_or_default();
    FormatError::value(format!(
        "Unknown format code '{ty}' for object of type '{type_name}'"
    ))
}
