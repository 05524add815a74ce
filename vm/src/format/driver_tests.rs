//! Curated `%` (Objects/unicodeobject.c's `PyUnicode_Format`, Objects/bytesobject.c's
//! `_PyBytes_FormatEx`) and `str.format` (Objects/stringlib/unicode_format.h) cases with CPython
//! 3.14's answers, run through the drivers with the mock interpreter of `test_support`; then
//! the parsers' public pieces.

use protopy_compiler::pystr::PyStr;

use super::fields::{self, Accessor, AutoNumber, FirstPart};
use super::percent::{self, Conversion, Count, Piece};
use super::test_support::{
    bytes_of, bytes_outcome, lit, outcome, run_percent, run_percent_bytes, run_str_format,
};
use super::tests::check;

fn s(text: &str) -> PyStr {
    PyStr::from(text)
}

/// `template % args` (args as a Python literal).
#[rustfmt::skip]
const PERCENTS: &[(&str, &str, &str)] = &[
    ("%s", "('a',)", "=a"),
    ("%s", "'a'", "=a"),
    ("%s", "()", "!TypeError: not enough arguments for format string"),
    ("%s %s", "(1,)", "!TypeError: not enough arguments for format string"),
    ("%s", "(1, 2)", "!TypeError: not all arguments converted during string formatting"),
    ("abc", "(1,)", "!TypeError: not all arguments converted during string formatting"),
    ("abc", "()", "=abc"),
    ("abc", "5", "!TypeError: not all arguments converted during string formatting"),
    ("abc", "{}", "=abc"),
    ("abc", "[]", "=abc"),
    ("%s", "{'a': 1}", "={'a': 1}"),
    ("%s %s", "{'a': 1}", "!TypeError: not enough arguments for format string"),
    ("%(a)s", "{'a': 1}", "=1"),
    ("%(a)s", "{}", "!KeyError: 'a'"),
    ("%(a)s", "(1,)", "!TypeError: format requires a mapping"),
    ("%(a", "{}", "!ValueError: incomplete format key"),
    ("%(a", "()", "!TypeError: format requires a mapping"),
    ("%((a))s", "{'(a)': 2}", "=2"),
    ("%(a)s %s", "{'a': 1}", "!TypeError: not enough arguments for format string"),
    ("%d", "42", "=42"),
    ("%i", "-42", "=-42"),
    ("%u", "7", "=7"),
    ("%d", "3.7", "=3"),
    ("%d", "True", "=1"),
    ("%d", "'a'", "!TypeError: %d format: a real number is required, not str"),
    ("%d", "None", "!TypeError: %d format: a real number is required, not NoneType"),
    ("%d", "inf", "!OverflowError: cannot convert float infinity to integer"),
    ("%x", "255", "=ff"),
    ("%X", "255", "=FF"),
    ("%#x", "255", "=0xff"),
    ("%#X", "255", "=0XFF"),
    ("%#o", "8", "=0o10"),
    ("%o", "-8", "=-10"),
    ("%x", "3.0", "!TypeError: %x format: an integer is required, not float"),
    ("%x", "'a'", "!TypeError: %x format: an integer is required, not str"),
    ("%5d|", "42", "=   42|"),
    ("%-5d|", "42", "=42   |"),
    ("%05d", "-42", "=-0042"),
    ("%+d", "5", "=+5"),
    ("% d", "5", "= 5"),
    ("%+05d", "5", "=+0005"),
    ("%.5d", "-42", "=-00042"),
    ("%08.5d", "-42", "=-0000042"),
    ("%#.5x", "255", "=0x000ff"),
    ("%#05x", "255", "=0x0ff"),
    ("%#-8x|", "255", "=0xff    |"),
    ("%+#08x|", "255", "=+0x000ff|"),
    ("% #08o|", "255", "= 0o00377|"),
    ("%-05d|", "-5", "=-5   |"),
    ("%.0d", "0", "=0"),
    ("%#.0o", "0", "=0o0"),
    ("%05d", "100000000000000000000", "=100000000000000000000"),
    ("%d", "1000000000000000000000000000000", "=1000000000000000000000000000000"),
    ("%f", "1.0", "=1.000000"),
    ("%.3f", "2.5", "=2.500"),
    ("%.2f", "0.125", "=0.12"),
    ("%e", "12345.678", "=1.234568e+04"),
    ("%E", "1e-10", "=1.000000E-10"),
    ("%g", "1e+16", "=1e+16"),
    ("%G", "1e-05", "=1E-05"),
    ("%#g", "1.0", "=1.00000"),
    ("%#.0f", "1.0", "=1."),
    ("%#e", "1.0", "=1.000000e+00"),
    ("% f", "1.0", "= 1.000000"),
    ("%+f", "-0.0", "=-0.000000"),
    ("%010.3f", "-3.14159", "=-00003.142"),
    ("%-10.3f|", "3.14159", "=3.142     |"),
    ("%F", "inf", "=INF"),
    ("%E", "nan", "=NAN"),
    ("%010f", "-inf", "=-000000inf"),
    ("%f", "1", "=1.000000"),
    ("%f", "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "!OverflowError: int too large to convert to float"),
    ("%f", "'a'", "!TypeError: must be real number, not str"),
    ("%.*f", "(2, 3.14159)", "=3.14"),
    ("%*.*f", "(8, 2, 1.0)", "=    1.00"),
    ("%.*f", "(-3, 1.0)", "=1"),
    ("%c", "65", "=A"),
    ("%c", "'é'", "=é"),
    ("%c", "'ab'", "!TypeError: %c requires an int or a unicode character, not a string of length 2"),
    ("%c", "1.5", "!TypeError: %c requires an int or a unicode character, not float"),
    ("%c", "1114112", "!OverflowError: %c arg not in range(0x110000)"),
    ("%c", "-1", "!OverflowError: %c arg not in range(0x110000)"),
    ("%c", "1000000000000000000000000000000", "!OverflowError: %c arg not in range(0x110000)"),
    ("%5c", "65", "=    A"),
    ("%-5c|", "65", "=A    |"),
    ("%05c", "65", "=    A"),
    ("%r", "'a'", "='a'"),
    ("%a", "'é€'", "='\\xe9\\u20ac'"),
    ("%r", "[1, 'b']", "=[1, 'b']"),
    ("%.1r", "'abc'", "='"),
    ("%5.2s|", "'abc'", "=   ab|"),
    ("%-5s|", "'ab'", "=ab   |"),
    ("%05s", "'ab'", "=   ab"),
    ("%+s", "'ab'", "=ab"),
    ("%s", "None", "=None"),
    ("%s", "(1,)", "=1"),
    ("%*d", "(5, 1)", "=    1"),
    ("%*d", "(-5, 1)", "=1    "),
    ("%-*d|", "(-5, 1)", "=1    |"),
    ("%*d", "(1.5, 1)", "!TypeError: * wants int"),
    ("%*d", "(9223372036854775808, 1)", "!OverflowError: Python int too large to convert to C ssize_t"),
    ("%.*d", "(2147483648, 1)", "!OverflowError: Python int too large to convert to C int"),
    ("%.*d", "(-3, 1)", "=1"),
    ("%ld", "5", "=5"),
    ("%hd", "5", "=5"),
    ("%Ld", "5", "=5"),
    ("%lld", "5", "!ValueError: unsupported format character 'l' (0x6c) at index 2"),
    ("%l", "5", "!ValueError: incomplete format"),
    ("%99999999999999999999d", "5", "!ValueError: width too big"),
    ("%.99999999999999999999d", "5", "!ValueError: precision too big"),
    ("%.2147483647d", "5", "!OverflowError: precision too large"),
    ("%.2147483648d", "5", "!ValueError: precision too big"),
    ("%.2147482624f", "1.0", "!ValueError: precision too big"),
    ("%y", "()", "!TypeError: not enough arguments for format string"),
    ("%y", "(1,)", "!ValueError: unsupported format character 'y' (0x79) at index 1"),
    ("%5%", "()", "!TypeError: not enough arguments for format string"),
    ("%5%", "(1,)", "!ValueError: unsupported format character '%' (0x25) at index 2"),
    ("%%", "()", "=%"),
    ("%%", "(1,)", "!TypeError: not all arguments converted during string formatting"),
    ("%", "()", "!ValueError: incomplete format"),
    ("%5", "(1,)", "!ValueError: incomplete format"),
    ("%*", "(1,)", "!ValueError: incomplete format"),
    ("%*", "()", "!TypeError: not enough arguments for format string"),
    ("%.*", "(1,)", "!ValueError: incomplete format"),
    ("%\u{80}", "5", "!ValueError: unsupported format character '?' (0x80) at index 1"),
    ("%€", "5", "!ValueError: unsupported format character '?' (0x20ac) at index 1"),
    ("%\n", "5", "!ValueError: unsupported format character '?' (0xa) at index 1"),
    ("é%z", "5", "!ValueError: unsupported format character 'z' (0x7a) at index 2"),
    ("%(a)%", "{'a': 1}", "!ValueError: unsupported format character '%' (0x25) at index 4"),
    ("%(a)*d", "{'a': 1}", "!TypeError: not enough arguments for format string"),
    ("%s %d", "(1, 2, 3)", "!TypeError: not all arguments converted during string formatting"),
    ("x%sy%%z", "('é',)", "=xéy%z"),
];

/// `template.format(*args, **kwargs)`.
#[rustfmt::skip]
const FORMATS: &[(&str, &str, &str, &str)] = &[
    ("{", "()", "{}", "!ValueError: Single '{' encountered in format string"),
    ("}", "()", "{}", "!ValueError: Single '}' encountered in format string"),
    ("a{", "()", "{}", "!ValueError: Single '{' encountered in format string"),
    ("a}", "()", "{}", "!ValueError: Single '}' encountered in format string"),
    ("{}}", "(1,)", "{}", "!ValueError: Single '}' encountered in format string"),
    ("{{}", "()", "{}", "!ValueError: Single '}' encountered in format string"),
    ("{{", "()", "{}", "={"),
    ("}}", "()", "{}", "=}"),
    ("{0", "(1,)", "{}", "!ValueError: expected '}' before end of string"),
    ("{0!", "(1,)", "{}", "!ValueError: end of string while looking for conversion specifier"),
    ("{0!r", "(1,)", "{}", "!ValueError: unmatched '{' in format spec"),
    ("{0!r:", "(1,)", "{}", "!ValueError: unmatched '{' in format spec"),
    ("{0!rx}", "(1,)", "{}", "!ValueError: expected ':' after conversion specifier"),
    ("{0!}", "(1,)", "{}", "!ValueError: unmatched '{' in format spec"),
    ("{0:", "(1,)", "{}", "!ValueError: unmatched '{' in format spec"),
    ("{0:{", "(1,)", "{}", "!ValueError: unmatched '{' in format spec"),
    ("{0:{}}", "(1, 2)", "{}", "!ValueError: cannot switch from manual field specification to automatic field numbering"),
    ("{!r}", "('a',)", "{}", "='a'"),
    ("{:}", "(1,)", "{}", "=1"),
    ("{0[}", "(1,)", "{}", "!ValueError: expected '}' before end of string"),
    ("{0[]}", "([1],)", "{}", "!ValueError: Empty attribute in format string"),
    ("{0[0}", "([1],)", "{}", "!ValueError: expected '}' before end of string"),
    ("{0[0]x}", "([1],)", "{}", "!ValueError: Only '.' or '[' may follow ']' in format field specifier"),
    ("{0.}", "(1,)", "{}", "!ValueError: Empty attribute in format string"),
    ("{0..a}", "(1,)", "{}", "!ValueError: Empty attribute in format string"),
    ("{0]}", "(1,)", "{}", "!KeyError: '0]'"),
    ("{0{}", "(1,)", "{}", "!ValueError: unexpected '{' in field name"),
    ("{0!x}", "(1,)", "{}", "!ValueError: Unknown conversion specifier x"),
    ("{0!\u{80}}", "(1,)", "{}", "!ValueError: Unknown conversion specifier \\x80"),
    ("{0!rr}", "(1,)", "{}", "!ValueError: expected ':' after conversion specifier"),
    ("{0:{1:{2}}}", "(1, 2, 3)", "{}", "!ValueError: Max string recursion exceeded"),
    ("{0:{{}}}", "(1,)", "{}", "!ValueError: Invalid format specifier '{}' for object of type 'int'"),
    ("{} {0}", "(1,)", "{}", "!ValueError: cannot switch from automatic field numbering to manual field specification"),
    ("{0} {}", "(1,)", "{}", "!ValueError: cannot switch from manual field specification to automatic field numbering"),
    ("{a} {}", "(1,)", "{'a': 2}", "=2 1"),
    ("{99999999999999999999}", "()", "{}", "!ValueError: Too many decimal digits in format string"),
    ("{٣}", "(0, 1, 2, 3)", "{}", "=3"),
    ("{0[٣]}", "([0, 1, 2, 3],)", "{}", "=3"),
    ("{0[-1]}", "([1],)", "{}", "!TypeError: list indices must be integers or slices, not str"),
    ("{ 0}", "(1,)", "{}", "!KeyError: ' 0'"),
    ("{-1}", "(1,)", "{}", "!KeyError: '-1'"),
    ("{5}", "(1,)", "{}", "!IndexError: Replacement index 5 out of range for positional args tuple"),
    ("{}", "()", "{}", "!IndexError: Replacement index 0 out of range for positional args tuple"),
    ("{a}", "()", "{}", "!KeyError: 'a'"),
    ("{0.real.}", "(1,)", "{}", "!ValueError: Empty attribute in format string"),
    ("{0.b.}", "(1,)", "{}", "!AttributeError: 'int' object has no attribute 'b'"),
    ("{0[0][1]}", "([[1, 2]],)", "{}", "=2"),
    ("{0[k]}", "({'k': 'v'},)", "{}", "=v"),
    ("{0[x]}", "({'k': 'v'},)", "{}", "!KeyError: 'x'"),
    ("{0[0]]}", "([1],)", "{}", "!ValueError: Only '.' or '[' may follow ']' in format field specifier"),
    ("{0.real!r:>5}", "(2.5,)", "{}", "=  2.5"),
    ("{:{}}", "('a', 5)", "{}", "=a    "),
    ("{:{}{}}", "(3.14159, '.', '2f')", "{}", "=3.14"),
    ("{0:>{1}}|{1:^{0}}", "(4, 7)", "{}", "=      4| 7  "),
    ("{a:*^{k}}", "()", "{'a': 'x', 'k': 7}", "=***x***"),
    ("x{0:{1:}}y", "(1, 5)", "{}", "=x    1y"),
    ("{0!r:^9}", "('é',)", "{}", "=   'é'   "),
    ("{0!a}", "('é€',)", "{}", "='\\xe9\\u20ac'"),
    ("{0!s:5}|", "(None,)", "{}", "=None |"),
    ("{0:5}", "(None,)", "{}", "!TypeError: unsupported format string passed to NoneType.__format__"),
    ("{0:,}", "(1234567,)", "{}", "=1,234,567"),
    ("{0:.3e}", "(12345.6789,)", "{}", "=1.235e+04"),
    ("{0:%}", "(0.25,)", "{}", "=25.000000%"),
    ("{0:c}", "(65,)", "{}", "=A"),
    ("{0:s}", "(1,)", "{}", "!ValueError: Unknown format code 's' for object of type 'int'"),
    ("{0:d}", "('a',)", "{}", "!ValueError: Unknown format code 'd' for object of type 'str'"),
    ("{0:#x}", "(True,)", "{}", "=0x1"),
    ("{0}", "(True,)", "{}", "=True"),
    ("{0:}", "(True,)", "{}", "=True"),
    ("{0[1]}", "('abc',)", "{}", "=b"),
    ("{0[5]}", "('abc',)", "{}", "!IndexError: string index out of range"),
    ("{0[a]}", "('abc',)", "{}", "!TypeError: string indices must be integers, not 'str'"),
    ("{0[a]}", "([1],)", "{}", "!TypeError: list indices must be integers or slices, not str"),
];

/// `template % args` for bytes templates (each character of the template and of the result a byte).
#[rustfmt::skip]
const BYTES_PERCENTS: &[(&str, &str, &str)] = &[
    ("%s", "b'ab'", "=ab"),
    ("%b", "b'ab'", "=ab"),
    ("%b", "'ab'", "!TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not 'str'"),
    ("%s", "5", "!TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not 'int'"),
    ("%b", "bytearray(b'x')", "=x"),
    ("%r", "'é'", "='\\xe9'"),
    ("%a", "'é'", "='\\xe9'"),
    ("%a", "b'x'", "=b'x'"),
    ("%r", "[1, 'é']", "=[1, '\\xe9']"),
    ("%c", "65", "=A"),
    ("%c", "b'A'", "=A"),
    ("%c", "b'AB'", "!TypeError: %c requires an integer in range(256) or a single byte, not a bytes object of length 2"),
    ("%c", "b''", "!TypeError: %c requires an integer in range(256) or a single byte, not a bytes object of length 0"),
    ("%c", "256", "!OverflowError: %c arg not in range(256)"),
    ("%c", "-1", "!OverflowError: %c arg not in range(256)"),
    ("%c", "'A'", "!TypeError: %c requires an integer in range(256) or a single byte, not str"),
    ("%c", "1.5", "!TypeError: %c requires an integer in range(256) or a single byte, not float"),
    ("%c", "bytearray(b'Z')", "=Z"),
    ("%c", "bytearray(b'AB')", "!TypeError: %c requires an integer in range(256) or a single byte, not a bytearray object of length 2"),
    ("%c", "1000000000000000000000000000000", "!OverflowError: %c arg not in range(256)"),
    ("%d", "5", "=5"),
    ("%x", "255", "=ff"),
    ("%#X", "255", "=0XFF"),
    ("%#o", "8", "=0o10"),
    ("%f", "1.5", "=1.500000"),
    ("%+.3e", "1.0", "=+1.000e+00"),
    ("%d", "'a'", "!TypeError: %d format: a real number is required, not str"),
    ("%x", "b'a'", "!TypeError: %x format: an integer is required, not bytes"),
    ("%f", "'a'", "!TypeError: float argument required, not str"),
    ("%e", "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "!TypeError: float argument required, not int"),
    ("%i", "3.7", "=3"),
    ("%y", "(1,)", "!ValueError: unsupported format character 'y' (0x79) at index 1"),
    ("%y", "()", "!TypeError: not enough arguments for format string"),
    ("%\u{80}", "1", "!OverflowError: character argument not in range(0x110000)"),
    ("%5ÿ", "1", "!ValueError: unsupported format character 'ÿ' (0xff) at index 2"),
    ("%.5ÿ", "1", "!ValueError: unsupported format character 'ÿ' (0xff) at index 3"),
    ("%.ÿ", "1", "!OverflowError: character argument not in range(0x110000)"),
    ("%5.*ÿ", "(1, 2)", "!OverflowError: character argument not in range(0x110000)"),
    ("%lÿ", "1", "!OverflowError: character argument not in range(0x110000)"),
    ("%\n", "1", "!ValueError: unsupported format character '\n' (0xa) at index 1"),
    ("%\u{7f}", "1", "!ValueError: unsupported format character '\u{7f}' (0x7f) at index 1"),
    ("% ", "1", "!ValueError: incomplete format"),
    ("%5%", "(1,)", "!ValueError: unsupported format character '%' (0x25) at index 2"),
    ("%%", "(1,)", "!TypeError: not all arguments converted during bytes formatting"),
    ("abc", "(1,)", "!TypeError: not all arguments converted during bytes formatting"),
    ("abc", "5", "!TypeError: not all arguments converted during bytes formatting"),
    ("abc", "{}", "=abc"),
    ("abc", "b'x'", "!TypeError: not all arguments converted during bytes formatting"),
    ("abc", "'x'", "!TypeError: not all arguments converted during bytes formatting"),
    ("abc", "[]", "=abc"),
    ("%s", "{'a': 1}", "!TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not 'dict'"),
    ("%(a)s", "{b'a': b'v'}", "=v"),
    ("%(a)s", "{'a': b'v'}", "!KeyError: b'a'"),
    ("%(ÿ)s", "{b'ÿ': b'x'}", "=x"),
    ("%(a", "{}", "!ValueError: incomplete format key"),
    ("%(a)s", "()", "!TypeError: format requires a mapping"),
    ("%*d", "(1.5, 2)", "!TypeError: * wants int"),
    ("%", "()", "!ValueError: incomplete format"),
    ("%5.2s|", "b'abc'", "=   ab|"),
    ("%-5b|", "b'ab'", "=ab   |"),
    ("%05s", "b'ab'", "=   ab"),
    ("%+s", "b'ab'", "=ab"),
    ("%.1r", "'abc'", "='"),
    ("%5c|", "65", "=    A|"),
    ("%05c", "65", "=    A"),
    ("%-*d|", "(-3, 1)", "=1  |"),
    ("%.99999999999999999999d", "5", "!ValueError: prec too big"),
    ("%99999999999999999999d", "5", "!ValueError: width too big"),
    ("%.2147483648f", "5.0", "!ValueError: prec too big"),
    ("%.2147482624f", "5.0", "!ValueError: precision too big"),
    ("%.2147483647d", "5", "!OverflowError: precision too large"),
    ("%s %s", "(b'a',)", "!TypeError: not enough arguments for format string"),
    ("%s", "(b'a', b'b')", "!TypeError: not all arguments converted during bytes formatting"),
];

#[test]
fn percent_like_cpython() {
    let rows: Vec<[&str; 3]> = PERCENTS.iter().map(|&(a, b, c)| [a, b, c]).collect();
    check(&rows, |[template, args, _]| {
        outcome(run_percent(&s(template), lit(args)))
    });
}

#[test]
fn bytes_percent_like_cpython() {
    let rows: Vec<[&str; 3]> = BYTES_PERCENTS.iter().map(|&(a, b, c)| [a, b, c]).collect();
    check(&rows, |[template, args, _]| {
        bytes_outcome(run_percent_bytes(&bytes_of(template), lit(args)))
    });
}

#[test]
fn str_format_like_cpython() {
    let rows: Vec<[&str; 4]> = FORMATS.iter().map(|&(a, b, c, d)| [a, b, c, d]).collect();
    check(&rows, |[template, args, kwargs, _]| {
        outcome(run_str_format(&s(template), lit(args), lit(kwargs)))
    });
}

#[test]
fn percent_pieces() {
    let pieces = percent::parse(&s("a%%b%(k)-*.3lxé%*"));
    assert_eq!(pieces.len(), 4);
    assert_eq!(pieces[0], Piece::Literal(s("a%b")));
    let spec = match &pieces[1] {
        Piece::Spec(spec) => Some(spec),
        _ => None,
    };
    assert_eq!(spec.map(|p| p.key.clone()), Some(Some(s("k"))));
    assert_eq!(spec.map(|p| p.flags.left), Some(true));
    let counts = spec.map(|p| (p.width, p.precision));
    assert_eq!(counts, Some((Count::Star, Count::Fixed(3))));
    let conversion = spec.map(|p| (p.conversion, p.index));
    assert_eq!(conversion, Some((Conversion::Int('x'), 13)));
    assert_eq!(pieces[2], Piece::Literal(s("é")));
    let broken = match &pieces[3] {
        Piece::Broken(broken) => Some(broken),
        _ => None,
    };
    assert_eq!(broken.map(|b| b.width_star), Some(true));
    assert_eq!(
        broken.map(|b| b.error.msg.clone()),
        Some(s("incomplete format"))
    );
}

#[test]
fn field_pieces() {
    let markups: Vec<_> = fields::Parser::new(&s("a{{b{0.x[k]!r:>{w}}c}}d{")).collect();
    assert_eq!(markups.len(), 4);
    let second = markups[1].as_ref().ok();
    let field = second.and_then(|m| m.field.clone());
    assert_eq!(second.map(|m| m.literal.clone()), Some(s("b")));
    assert_eq!(
        field.as_ref().map(|f| (f.name.clone(), f.conversion)),
        Some((s("0.x[k]"), Some(u32::from('r'))))
    );
    assert_eq!(
        field.map(|f| (f.spec, f.spec_needs_expanding)),
        Some((s(">{w}"), true))
    );
    assert_eq!(
        markups[3].as_ref().err().map(|e| e.msg.clone()),
        Some(s("Single '{' encountered in format string"))
    );

    let split = fields::split_field_name(&s("0.x[k][12]"), None).ok();
    let (first, rest) = split.unzip();
    assert_eq!(first, Some(FirstPart::Index(0)));
    let rest: Vec<_> = rest.into_iter().flatten().map(Result::ok).collect();
    assert_eq!(
        rest,
        [
            Some(Accessor::Attr(s("x"))),
            Some(Accessor::Key(s("k"))),
            Some(Accessor::Index(12))
        ]
    );
    // Without automatic numbering (`_string.formatter_field_name_split`), an empty name is a name.
    let empty = fields::split_field_name(&s(""), None).map(|(f, _)| f).ok();
    assert_eq!(empty, Some(FirstPart::Name(PyStr::new())));
    let mut auto = AutoNumber::default();
    let firsts: Vec<_> = ["", "", "a"]
        .iter()
        .map(|n| {
            fields::split_field_name(&s(n), Some(&mut auto))
                .map(|(f, _)| f)
                .ok()
        })
        .collect();
    assert_eq!(
        firsts,
        [
            Some(FirstPart::Index(0)),
            Some(FirstPart::Index(1)),
            Some(FirstPart::Name(s("a")))
        ]
    );
    assert!(fields::split_field_name(&s("3"), Some(&mut auto)).is_err());
}
