//! Curated format-spec cases (Python/formatter_unicode.c) with CPython 3.14's answers, printed
//! by a generator run against the reference interpreter; then focused checks of the public API.
//! `driver_tests` has the `%` and `str.format` cases, `compare_tests` the big randomized
//! comparison.

use num_bigint::BigInt;
use protopy_compiler::pystr::PyStr;

use super::test_support::outcome;
use super::{
    format_complex, format_float, format_int, format_str, int_ref, int_to_f64, ErrorKind,
    FormatSpec, IntRef, INT_MAX_STR_DIGITS,
};

/// `format(int, spec)`: value, spec, CPython's result (`=text` or `!Error: message`).
#[rustfmt::skip]
const INTS: &[(&str, &str, &str)] = &[
    ("1234567", "", "=1234567"),
    ("1114112", "", "=1114112"),
    ("1267650600228229401496703205376", "d", "=1267650600228229401496703205376"),
    ("0", "d", "=0"),
    ("-9223372036854775809", ",", "=-9,223,372,036,854,775,809"),
    ("-1234", ",", "=-1,234"),
    ("1", "_", "=1"),
    ("255", "_", "=255"),
    ("42", "_x", "=2a"),
    ("1114112", "_x", "=11_0000"),
    ("100000000000000000000", "_b", "=101_0110_1011_1100_0111_0101_1110_0010_1101_0110_0011_0001_0000_0000_0000_0000_0000"),
    ("-1234", "_b", "=-100_1101_0010"),
    ("-5", "_o", "=-5"),
    ("42", "_o", "=52"),
    ("-1234", "#_X", "=-0X4D2"),
    ("0", "#_X", "=0X0"),
    ("1234", "x", "=4d2"),
    ("9223372036854775808", "x", "=8000000000000000"),
    ("1234567", "X", "=12D687"),
    ("255", "X", "=FF"),
    ("-5", "#x", "=-0x5"),
    ("255", "#x", "=0xff"),
    ("-1", "#X", "=-0X1"),
    ("-42", "#X", "=-0X2A"),
    ("-9223372036854775809", "#o", "=-0o1000000000000000000001"),
    ("-42", "#o", "=-0o52"),
    ("-42", "#b", "=-0b101010"),
    ("0", "#b", "=0b0"),
    ("0", "o", "=0"),
    ("1234", "o", "=2322"),
    ("1234", "b", "=10011010010"),
    ("255", "b", "=11111111"),
    ("255", "n", "=255"),
    ("65", "n", "=65"),
    ("1114111", "c", "=􏿿"),
    ("1234", "c", "=Ӓ"),
    ("9007199254740993", "5c", "!OverflowError: %c arg not in range(0x110000)"),
    ("1234", "5c", "=    Ӓ"),
    ("255", "<3c", "=ÿ  "),
    ("1234", "<3c", "=Ӓ  "),
    ("-5", "010", "=-000000005"),
    ("65", "010", "=0000000065"),
    ("0", "010,", "=00,000,000"),
    ("1114112", "010,", "=01,114,112"),
    ("9223372036854775808", "09,", "=9,223,372,036,854,775,808"),
    ("255", "09,", "=0,000,255"),
    ("-42", "08,", "=-000,042"),
    ("1234567", "08,", "=1,234,567"),
    ("-1", "0=10,", "=-0,000,001"),
    ("1114111", "0=10,", "=01,114,111"),
    ("65", "x=10,", "=xxxxxxxx65"),
    ("0", "x=10,", "=xxxxxxxxx0"),
    ("1114111", "+", "=+1114111"),
    ("-1", "+", "=-1"),
    ("65", " ", "= 65"),
    ("1114112", " ", "= 1114112"),
    ("65", "-", "=65"),
    ("100000000000000000000", "-", "=100000000000000000000"),
    ("1114111", "+08", "=+1114111"),
    ("255", "+08", "=+0000255"),
    ("100000000000000000000", " 08x", "= 56bc75e2d63100000"),
    ("9007199254740993", " 08x", "= 20000000000001"),
    ("255", "#010_x", "=0x000_00ff"),
    ("1", "#010_x", "=0x000_0001"),
    ("1234567", "#010_b", "=0b1_0010_1101_0110_1000_0111"),
    ("0", "#010_b", "=0b000_0000"),
    ("1114112", "^10", "= 1114112  "),
    ("-5", "^10", "=    -5    "),
    ("0", "*^9", "=****0****"),
    ("9223372036854775808", "*^9", "=9223372036854775808"),
    ("1114112", "<5", "=1114112"),
    ("-5", "<5", "=-5   "),
    ("0", "=+8", "=+      0"),
    ("-9223372036854775809", "=+8", "=-9223372036854775809"),
    ("1", "€>6", "=€€€€€1"),
    ("255", "€>6", "=€€€255"),
    ("1234", "e", "=1.234000e+03"),
    ("42", "e", "=4.200000e+01"),
    ("-1234", "E", "=-1.234000E+03"),
    ("-9223372036854775809", "E", "=-9.223372E+18"),
    ("1114112", ".3e", "=1.114e+06"),
    ("1267650600228229401496703205376", ".3e", "=1.268e+30"),
    ("1114112", "f", "=1114112.000000"),
    ("1267650600228229401496703205376", "f", "=1267650600228229401496703205376.000000"),
    ("1234567", ".2f", "=1234567.00"),
    ("-9223372036854775809", ".2f", "=-9223372036854775808.00"),
    ("42", ",.2f", "=42.00"),
    ("1114112", ",.2f", "=1,114,112.00"),
    ("65", "g", "=65"),
    ("1", "g", "=1"),
    ("9223372036854775808", ".3g", "=9.22e+18"),
    ("-1", ".3g", "=-1"),
    ("1234", "G", "=1234"),
    ("1114111", "G", "=1.11411E+06"),
    ("1267650600228229401496703205376", "%", "=126765060022822940149670320537600.000000%"),
    ("1114112", "%", "=111411200.000000%"),
    ("-42", ".1%", "=-4200.0%"),
    ("1114111", ".1%", "=111411100.0%"),
    ("1234567", "z.1f", "=1234567.0"),
    ("-1", "z.1f", "=-1.0"),
    ("65", ".3", "!ValueError: Precision not allowed in integer format specifier"),
    ("1114111", ".3", "!ValueError: Precision not allowed in integer format specifier"),
    ("65", "z", "!ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
    ("255", "z", "!ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
    ("-1", "zd", "!ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
    ("-42", "zd", "!ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
    ("65", "+c", "!ValueError: Sign not allowed with integer format specifier 'c'"),
    ("100000000000000000000", "+c", "!ValueError: Sign not allowed with integer format specifier 'c'"),
    ("255", "#c", "!ValueError: Alternate form (#) not allowed with integer format specifier 'c'"),
    ("1", "#c", "!ValueError: Alternate form (#) not allowed with integer format specifier 'c'"),
    ("-1", ".3d", "!ValueError: Precision not allowed in integer format specifier"),
    ("-5", ".3d", "!ValueError: Precision not allowed in integer format specifier"),
    ("1", ",x", "!ValueError: Cannot specify ',' with 'x'."),
    ("-1234", ",x", "!ValueError: Cannot specify ',' with 'x'."),
    ("1114112", ",c", "!ValueError: Cannot specify ',' with 'c'."),
    ("1234567", ",c", "!ValueError: Cannot specify ',' with 'c'."),
    ("-9223372036854775809", ",s", "!ValueError: Cannot specify ',' with 's'."),
    ("9223372036854775808", ",s", "!ValueError: Cannot specify ',' with 's'."),
    ("-42", "_s", "!ValueError: Cannot specify '_' with 's'."),
    ("1", "_s", "!ValueError: Cannot specify '_' with 's'."),
    ("1", "_n", "!ValueError: Cannot specify '_' with 'n'."),
    ("100000000000000000000", "_n", "!ValueError: Cannot specify '_' with 'n'."),
    ("1114111", ",n", "!ValueError: Cannot specify ',' with 'n'."),
    ("1234", ",n", "!ValueError: Cannot specify ',' with 'n'."),
    ("-42", "s", "!ValueError: Unknown format code 's' for object of type 'int'"),
    ("9007199254740993", "s", "!ValueError: Unknown format code 's' for object of type 'int'"),
    ("9223372036854775808", "r", "!ValueError: Unknown format code 'r' for object of type 'int'"),
    ("42", "r", "!ValueError: Unknown format code 'r' for object of type 'int'"),
    ("255", "q", "!ValueError: Unknown format code 'q' for object of type 'int'"),
    ("9223372036854775808", "q", "!ValueError: Unknown format code 'q' for object of type 'int'"),
    ("1114112", "ab", "!ValueError: Invalid format specifier 'ab' for object of type 'int'"),
    ("-42", "ab", "!ValueError: Invalid format specifier 'ab' for object of type 'int'"),
    ("1", "1_000", "!ValueError: Invalid format specifier '1_000' for object of type 'int'"),
    ("9223372036854775808", "1_000", "!ValueError: Invalid format specifier '1_000' for object of type 'int'"),
    ("65", ".", "!ValueError: Format specifier missing precision"),
    ("-42", ".", "!ValueError: Format specifier missing precision"),
    ("-9223372036854775809", "99999999999999999999", "!ValueError: Too many decimal digits in format string"),
    ("255", "99999999999999999999", "!ValueError: Too many decimal digits in format string"),
    ("1267650600228229401496703205376", ".,", "=1267650600228229401496703205376"),
    ("-9223372036854775809", ".,", "=-9223372036854775809"),
    ("100000000000000000000", "._x", "=56bc75e2d63100000"),
    ("1114111", "._x", "=10ffff"),
    ("100000000000000000000", ".,n", "!ValueError: Cannot specify ',' with 'n'."),
    ("1234567", ".,n", "!ValueError: Cannot specify ',' with 'n'."),
    ("65", "#", "=65"),
    ("100000000000000000000", "#", "=100000000000000000000"),
    ("-5", "0", "=-5"),
    ("-42", "0", "=-42"),
    ("42", "٣", "= 42"),
    ("-5", "٣", "= -5"),
    ("9007199254740993", "0٣", "=9007199254740993"),
    ("255", "0٣", "=255"),
    ("100000000000000000000", ",,", "!ValueError: Cannot specify ',' with ','."),
    ("1114111", ",,", "!ValueError: Cannot specify ',' with ','."),
    ("255", "__", "!ValueError: Cannot specify '_' with '_'."),
    ("-1", "__", "!ValueError: Cannot specify '_' with '_'."),
    ("100000000000000000000", ",_", "!ValueError: Cannot specify both ',' and '_'."),
    ("1234567", ",_", "!ValueError: Cannot specify both ',' and '_'."),
    ("1267650600228229401496703205376", "_,", "!ValueError: Cannot specify both ',' and '_'."),
    ("9007199254740993", "_,", "!ValueError: Cannot specify both ',' and '_'."),
    ("1234", ",", "=1,234"),
    ("-1234567", "_", "=-1_234_567"),
    ("18446744073709551616", "#_x", "=0x1_0000_0000_0000_0000"),
    ("1000000000000000000000000000000", "c", "!OverflowError: Python int too large to convert to C long"),
    ("179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "e", "!OverflowError: int too large to convert to float"),
    ("179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791", "e", "=1.797693e+308"),
    ("9007199254740993", "f", "=9007199254740992.000000"),
    ("0", "#b", "=0b0"),
    ("-255", "#x", "=-0xff"),
    ("True", "d", "=1"),
    ("1234", "0=+12,", "=+000,001,234"),
];

/// `format(float, spec)`.
#[rustfmt::skip]
const FLOATS: &[(&str, &str, &str)] = &[
    ("nan", "", "=nan"),
    ("0.5", "", "=0.5"),
    ("-inf", "r", "!ValueError: Unknown format code 'r' for object of type 'float'"),
    ("1.0", "r", "!ValueError: Unknown format code 'r' for object of type 'float'"),
    ("5e-324", "#", "=5.e-324"),
    ("nan", "#", "=nan"),
    ("-12345.6789", ".1", "=-1e+04"),
    ("-0.0001", ".1", "=-0.0001"),
    ("12345.6789", ".3", "=1.23e+04"),
    ("1e+22", ".3", "=1e+22"),
    ("inf", ".0", "=inf"),
    ("1e+17", ".0", "=1e+17"),
    ("0.0", "#.0", "=0.e+00"),
    ("123.456", "#.0", "=1.e+02"),
    ("12345.6789", ".16", "=12345.6789"),
    ("1.7976931348623157e+308", ".16", "=1.797693134862316e+308"),
    ("-12345.6789", ".17", "=-12345.678900000001"),
    ("1e+300", ".17", "=1.0000000000000001e+300"),
    ("1e+22", "e", "=1.000000e+22"),
    ("0.9999995", "e", "=9.999995e-01"),
    ("-inf", "E", "=-INF"),
    ("-12345.6789", "E", "=-1.234568E+04"),
    ("-inf", ".0e", "=-inf"),
    ("9.5", ".0e", "=1e+01"),
    ("-inf", "#.0e", "=-inf"),
    ("1e+17", "#.0e", "=1.e+17"),
    ("2.675", ".3e", "=2.675e+00"),
    ("nan", ".3e", "=nan"),
    ("inf", ".15e", "=inf"),
    ("1e+16", ".15e", "=1.000000000000000e+16"),
    ("1000000000000000.0", "f", "=1000000000000000.000000"),
    ("0.1", "f", "=0.100000"),
    ("nan", "F", "=NAN"),
    ("123.456", "F", "=123.456000"),
    ("1e+22", ".0f", "=10000000000000000000000"),
    ("1.5", ".0f", "=2"),
    ("9.5", "#.0f", "=10."),
    ("1000000000000000.0", "#.0f", "=1000000000000000."),
    ("9.5", ".2f", "=9.50"),
    ("5e-324", ".2f", "=0.00"),
    ("-12345.6789", ".20f", "=-12345.67890000000079453457"),
    ("-0.0", ".20f", "=-0.00000000000000000000"),
    ("0.1", "g", "=0.1"),
    ("1000000000000000.0", "g", "=1e+15"),
    ("2.675", "G", "=2.675"),
    ("1e+17", "G", "=1E+17"),
    ("1e-05", "#g", "=1.00000e-05"),
    ("1e+17", "#g", "=1.00000e+17"),
    ("1.0", ".3g", "=1"),
    ("123.456", ".3g", "=123"),
    ("1e-05", "#.3g", "=1.00e-05"),
    ("1000000000000000.0", "#.3g", "=1.00e+15"),
    ("-1.0", ".10g", "=-1"),
    ("0.375", ".10g", "=0.375"),
    ("0.125", "n", "=0.125"),
    ("1.7976931348623157e+308", "n", "=1.79769e+308"),
    ("1e+17", "%", "=10000000000000000000.000000%"),
    ("123.456", "%", "=12345.600000%"),
    ("0.1", ".1%", "=10.0%"),
    ("1.0", ".1%", "=100.0%"),
    ("9.5", "_", "=9.5"),
    ("1e+300", "_", "=1e+300"),
    ("-inf", ",", "=-inf"),
    ("100.0", ",", "=100.0"),
    ("0.5", "._f", "=0.500_000"),
    ("0.3333333333333333", "._f", "=0.333_333"),
    ("0.0001", ".,e", "=1.000,000e-04"),
    ("nan", ".,e", "=nan"),
    ("0.0", ".3_", "=0.0"),
    ("-inf", ".3_", "=-inf"),
    ("1234567.0", "015,._f", "=1,234,567.000_000"),
    ("-12345.6789", "015,._f", "=-12,345.678_900"),
    ("9.5", "=+020,.5_f", "=+0,000,000,009.500_00"),
    ("0.125", "=+020,.5_f", "=+0,000,000,000.125_00"),
    ("nan", ">20,._f", "=                 nan"),
    ("1.0", ">20,._f", "=           1.000_000"),
    ("5e-324", "z", "=5e-324"),
    ("2.5", "z", "=2.5"),
    ("1e+22", "z.2f", "=10000000000000000000000.00"),
    ("0.9999995", "z.2f", "=1.00"),
    ("inf", "z.0e", "=inf"),
    ("1e+22", "z.0e", "=1e+22"),
    ("-inf", "+", "=-inf"),
    ("0.375", "+", "=+0.375"),
    ("9.5", " ", "= 9.5"),
    ("nan", " ", "= nan"),
    ("1e+300", "+.3e", "=+1.000e+300"),
    ("1e+16", "+.3e", "=+1.000e+16"),
    ("1000000000000000.0", "08", "=1000000000000000.0"),
    ("100.0", "08", "=000100.0"),
    ("123.456", "=+08", "=+123.456"),
    ("0.1", "=+08", "=+00000.1"),
    ("0.375", "<8", "=0.375   "),
    ("1.5", "<8", "=1.5     "),
    ("-inf", "^9", "=  -inf   "),
    ("0.0", "^9", "=   0.0   "),
    ("100.0", "*>10.2f", "=****100.00"),
    ("2.5", "*>10.2f", "=******2.50"),
    ("1.7976931348623157e+308", "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
    ("1e+16", "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
    ("1.7976931348623157e+308", "x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
    ("100.0", "x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
    ("0.05", "c", "!ValueError: Unknown format code 'c' for object of type 'float'"),
    ("1e-05", "c", "!ValueError: Unknown format code 'c' for object of type 'float'"),
    ("-0.0001", "s", "!ValueError: Unknown format code 's' for object of type 'float'"),
    ("1e+22", "s", "!ValueError: Unknown format code 's' for object of type 'float'"),
    ("123.456", ",x", "!ValueError: Cannot specify ',' with 'x'."),
    ("100.0", ",x", "!ValueError: Cannot specify ',' with 'x'."),
    ("100.0", ".2147483648f", "!ValueError: precision too big"),
    ("1000000000000000.0", ".2147483648f", "!ValueError: precision too big"),
    ("12345.6789", ".2147482624g", "!ValueError: precision too big"),
    ("5e-324", ".2147482624g", "!ValueError: precision too big"),
    ("-0.0001", "zd", "!ValueError: Unknown format code 'd' for object of type 'float'"),
    ("12345.6789", "zd", "!ValueError: Unknown format code 'd' for object of type 'float'"),
    ("9.5", "._n", "!ValueError: Cannot specify '_' with 'n'."),
    ("-0.0", "._n", "!ValueError: Cannot specify '_' with 'n'."),
    ("1.7976931348623157e+308", ".,,f", "!ValueError: Invalid format specifier '.,,f' for object of type 'float'"),
    ("5e-324", ".,,f", "!ValueError: Invalid format specifier '.,,f' for object of type 'float'"),
    ("0.125", ".2f", "=0.12"),
    ("0.125", ".2e", "=1.25e-01"),
    ("0.125", ".3g", "=0.125"),
    ("0.375", ".2f", "=0.38"),
    ("0.375", ".2e", "=3.75e-01"),
    ("0.375", ".3g", "=0.375"),
    ("2.5", ".0f", "=2"),
    ("2.5", ".0e", "=2e+00"),
    ("2.5", ".1g", "=2"),
    ("3.5", ".0f", "=4"),
    ("3.5", ".0e", "=4e+00"),
    ("3.5", ".1g", "=4"),
    ("0.5", ".0f", "=0"),
    ("0.5", ".0e", "=5e-01"),
    ("0.5", ".1g", "=0.5"),
    ("1.5", ".0f", "=2"),
    ("1.5", ".0e", "=2e+00"),
    ("1.5", ".1g", "=2"),
    ("2.675", ".2f", "=2.67"),
    ("2.675", ".2e", "=2.67e+00"),
    ("2.675", ".3g", "=2.67"),
    ("1.005", ".2f", "=1.00"),
    ("1.005", ".2e", "=1.00e+00"),
    ("1.005", ".3g", "=1"),
    ("0.045", ".2f", "=0.04"),
    ("0.045", ".2e", "=4.50e-02"),
    ("0.045", ".3g", "=0.045"),
    ("1.25", ".1f", "=1.2"),
    ("1.25", ".1e", "=1.2e+00"),
    ("1.25", ".2g", "=1.2"),
    ("1.35", ".1f", "=1.4"),
    ("1.35", ".1e", "=1.4e+00"),
    ("1.35", ".2g", "=1.4"),
    ("1e+300", ".0f", "=1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160"),
    ("1e+16", "", "=1e+16"),
    ("1e+16", ".3", "=1e+16"),
    ("100.0", ".3", "=1e+02"),
    ("12.0", ".3", "=12.0"),
    ("1e+20", "#", "=1.e+20"),
    ("0.0", "#g", "=0.00000"),
    ("0.1", ".20g", "=0.10000000000000000555"),
    ("-0.5", "z.0f", "=0"),
    ("-0.5", "z.0%", "=-50%"),
    ("1e+100", ",", "=1e+100"),
];

/// `format(str, spec)`.
#[rustfmt::skip]
const STRS: &[(&str, &str, &str)] = &[
    ("hello", "", "=hello"),
    ("ab", "", "=ab"),
    ("a", "s", "=a"),
    ("hello", "s", "=hello"),
    ("", "5", "=     "),
    ("é€😀", "5", "=é€😀  "),
    ("é€😀", "<5", "=é€😀  "),
    ("hello", "<5", "=hello"),
    ("a", ">5", "=    a"),
    ("ab", ">5", "=   ab"),
    ("", "^5", "=     "),
    ("a", "^5", "=  a  "),
    ("hello", "^6", "=hello "),
    ("", "^6", "=      "),
    ("hello", "*^7", "=*hello*"),
    ("ab", "*^7", "=**ab***"),
    ("a", "0", "=a"),
    ("hello", "0", "=hello"),
    ("", "05", "=00000"),
    ("a", "05", "=a0000"),
    ("hello", "010s", "=hello00000"),
    ("ab", "010s", "=ab00000000"),
    ("a", ".1", "=a"),
    ("ab", ".1", "=a"),
    ("ab", ".0", "="),
    ("hello", ".0", "="),
    ("é€😀", ".3s", "=é€😀"),
    ("hello", ".3s", "=hel"),
    ("é€😀", ".._", "!ValueError: Format specifier missing precision"),
    ("", ".._", "!ValueError: Format specifier missing precision"),
    ("", ".1_", "="),
    ("a", ".1_", "=a"),
    ("ab", "€>4", "=€€ab"),
    ("é€😀", "€>4", "=€é€😀"),
    ("é€😀", "{^5", "={é€😀{"),
    ("ab", "{^5", "={ab{{"),
    ("é€😀", "=5", "!ValueError: '=' alignment not allowed in string format specifier"),
    ("ab", "=5", "!ValueError: '=' alignment not allowed in string format specifier"),
    ("é€😀", "-", "!ValueError: Sign not allowed in string format specifier"),
    ("", "-", "!ValueError: Sign not allowed in string format specifier"),
    ("hello", "+s", "!ValueError: Sign not allowed in string format specifier"),
    ("ab", "+s", "!ValueError: Sign not allowed in string format specifier"),
    ("ab", " s", "!ValueError: Space not allowed in string format specifier"),
    ("a", " s", "!ValueError: Space not allowed in string format specifier"),
    ("", "#s", "!ValueError: Alternate form (#) not allowed in string format specifier"),
    ("é€😀", "#s", "!ValueError: Alternate form (#) not allowed in string format specifier"),
    ("ab", "z", "!ValueError: Negative zero coercion (z) not allowed in string format specifier"),
    ("hello", "z", "!ValueError: Negative zero coercion (z) not allowed in string format specifier"),
    ("", "zd", "!ValueError: Unknown format code 'd' for object of type 'str'"),
    ("a", "zd", "!ValueError: Unknown format code 'd' for object of type 'str'"),
    ("", "d", "!ValueError: Unknown format code 'd' for object of type 'str'"),
    ("hello", "d", "!ValueError: Unknown format code 'd' for object of type 'str'"),
    ("hello", ".,s", "=hello"),
    ("é€😀", ".,s", "=é€😀"),
    ("hello", ",.3", "!ValueError: Cannot specify ',' with 's'."),
    ("é€😀", ",.3", "!ValueError: Cannot specify ',' with 's'."),
    ("hello", "٣", "=hello"),
    ("a", "٣", "=a  "),
    ("ab", "0>5", "=000ab"),
    ("hello", "0>5", "=hello"),
    ("", "0=5", "!ValueError: '=' alignment not allowed in string format specifier"),
    ("ab", "0=5", "!ValueError: '=' alignment not allowed in string format specifier"),
    ("", "x<", "="),
    ("hello", "x<", "=hello"),
];

/// `format(complex(re, im), spec)`.
#[rustfmt::skip]
const COMPLEXES: &[(&str, &str, &str, &str)] = &[
    ("1.5", "-2.25", "", "=(1.5-2.25j)"),
    ("inf", "nan", "", "=(inf+nanj)"),
    ("-1234.5", "0.0", ".0", "=(-1e+03+0j)"),
    ("-0.0", "1.0", ".0", "=(-0+1j)"),
    ("-0.0", "1.0", "#", "=(-0.+1.j)"),
    ("0.0", "1.0", "#", "=1.j"),
    ("-1234.5", "0.0", "+", "=(-1234.5+0j)"),
    ("inf", "nan", "+", "=(+inf+nanj)"),
    ("-1234.5", "0.0", " ", "=(-1234.5+0j)"),
    ("-0.0", "1.0", " ", "=(-0+1j)"),
    ("-0.0", "1.0", "z", "=(0+1j)"),
    ("0.0", "-0.0", "z", "=0j"),
    ("1.0", "2.0", "e", "=1.000000e+00+2.000000e+00j"),
    ("-1234.5", "0.0", "e", "=-1.234500e+03+0.000000e+00j"),
    ("0.0", "-0.0", ".2f", "=0.00-0.00j"),
    ("-0.0", "1.0", ".2f", "=-0.00+1.00j"),
    ("0.0", "1.0", ".3g", "=0+1j"),
    ("1e+16", "1e-05", ".3g", "=1e+16+1e-05j"),
    ("0.0", "1.0", "n", "=0+1j"),
    ("inf", "nan", "n", "=inf+nanj"),
    ("1.0", "2.0", "10", "=    (1+2j)"),
    ("-0.0", "1.0", "10", "=   (-0+1j)"),
    ("1e+16", "1e-05", "<12", "=(1e+16+1e-05j)"),
    ("1.0", "2.0", "<12", "=(1+2j)      "),
    ("1e+16", "1e-05", "^14.2f", "=10000000000000000.00+0.00j"),
    ("inf", "nan", "^14.2f", "=   inf+nanj   "),
    ("-1234.5", "0.0", ",.2f", "=-1,234.50+0.00j"),
    ("1.0", "2.0", ",.2f", "=1.00+2.00j"),
    ("0.0", "1.0", "._f", "=0.000_000+1.000_000j"),
    ("1e+16", "1e-05", "._f", "=10000000000000000.000_000+0.000_010j"),
    ("0.0", "1.0", "0", "!ValueError: Zero padding is not allowed in complex format specifier"),
    ("-1234.5", "0.0", "0", "!ValueError: Zero padding is not allowed in complex format specifier"),
    ("0.0", "1.0", "=10", "!ValueError: '=' alignment flag is not allowed in complex format specifier"),
    ("inf", "nan", "=10", "!ValueError: '=' alignment flag is not allowed in complex format specifier"),
    ("-0.0", "1.0", "0<5", "!ValueError: Zero padding is not allowed in complex format specifier"),
    ("-1234.5", "0.0", "0<5", "!ValueError: Zero padding is not allowed in complex format specifier"),
    ("-1234.5", "0.0", "%", "!ValueError: Unknown format code '%' for object of type 'complex'"),
    ("0.0", "1.0", "%", "!ValueError: Unknown format code '%' for object of type 'complex'"),
    ("-0.0", "1.0", "d", "!ValueError: Unknown format code 'd' for object of type 'complex'"),
    ("1.5", "-2.25", "d", "!ValueError: Unknown format code 'd' for object of type 'complex'"),
    ("-0.0", "1.0", "-", "=(-0+1j)"),
    ("0.0", "-0.0", "-", "=-0j"),
    ("-0.0", "1.0", "#.1_", "=(-0.+1.j)"),
    ("1.0", "2.0", "#.1_", "=(1.+2.j)"),
    ("0.0", "-0.0", ".2147483648f", "!ValueError: precision too big"),
    ("1.0", "2.0", ".2147483648f", "!ValueError: precision too big"),
];

/// Runs every row, collecting the rows whose result differs.
pub(super) fn check<const N: usize>(table: &[[&str; N]], run: impl Fn(&[&str; N]) -> String) {
    let bad: Vec<String> = table
        .iter()
        .filter_map(|row| {
            let got = run(row);
            (got != row[N - 1]).then(|| format!("{:?}: got {got:?}", row))
        })
        .collect();
    assert!(
        bad.is_empty(),
        "{} of {} differ:\n{}",
        bad.len(),
        table.len(),
        bad.join("\n")
    );
}

fn s(text: &str) -> PyStr {
    PyStr::from(text)
}

#[test]
fn ints_like_cpython() {
    let rows: Vec<[&str; 3]> = INTS.iter().map(|&(a, b, c)| [a, b, c]).collect();
    check(&rows, |[value, spec, _]| {
        let (v, type_name) = match *value {
            "True" => (BigInt::from(1), "bool"),
            v => (v.parse().unwrap_or_default(), "int"),
        };
        outcome(
            format_int(int_ref(&v), &s(spec), type_name, INT_MAX_STR_DIGITS).map_err(Into::into),
        )
    });
}

#[test]
fn floats_like_cpython() {
    let rows: Vec<[&str; 3]> = FLOATS.iter().map(|&(a, b, c)| [a, b, c]).collect();
    check(&rows, |[value, spec, _]| {
        let x: f64 = value.parse().unwrap_or_default();
        outcome(format_float(x, &s(spec), "float").map_err(Into::into))
    });
}

#[test]
fn strs_like_cpython() {
    let rows: Vec<[&str; 3]> = STRS.iter().map(|&(a, b, c)| [a, b, c]).collect();
    check(&rows, |[value, spec, _]| {
        outcome(format_str(&s(value), &s(spec), "str").map_err(Into::into))
    });
}

#[test]
fn complexes_like_cpython() {
    let rows: Vec<[&str; 4]> = COMPLEXES.iter().map(|&(a, b, c, d)| [a, b, c, d]).collect();
    check(&rows, |[re, im, spec, _]| {
        let (re, im) = (
            re.parse().unwrap_or_default(),
            im.parse().unwrap_or_default(),
        );
        outcome(format_complex(re, im, &s(spec), "complex").map_err(Into::into))
    });
}

#[test]
fn lone_surrogates_as_fill_and_text() {
    let mut spec = PyStr::new();
    spec.push_code_point(0xD800);
    spec.push_str(">5");
    let got = format_int(7, &spec, "int", INT_MAX_STR_DIGITS).unwrap_or_default();
    assert_eq!(
        got.code_points().collect::<Vec<_>>(),
        [0xD800; 4]
            .iter()
            .copied()
            .chain([0x37])
            .collect::<Vec<_>>()
    );
    let mut value = PyStr::from("a");
    value.push_code_point(0xDC00);
    let got = format_str(&value, &s("^4"), "str").unwrap_or_default();
    assert_eq!(
        got.code_points().collect::<Vec<_>>(),
        vec![0x20, 0x61, 0xDC00, 0x20]
    );
    let err = format_float(1.0, &spec.clone(), "float").err();
    assert!(err.is_none());
    spec.push_str("xx");
    let err = format_float(1.0, &spec, "float").err().map(|e| e.msg);
    let mut want = PyStr::from("Invalid format specifier '");
    want.push_code_point(0xD800);
    want.push_str(">5xx' for object of type 'float'");
    assert_eq!(err, Some(want));
}

#[test]
fn int_max_str_digits() {
    let big = BigInt::from(10).pow(4300);
    let err = format_int(&big, &s("d"), "int", INT_MAX_STR_DIGITS).err();
    assert_eq!(err.map(|e| e.kind), Some(ErrorKind::ValueError));
    // Hex has no limit, and 0 lifts it.
    assert!(format_int(&big, &s("x"), "int", INT_MAX_STR_DIGITS).is_ok());
    let all = format_int(&big, &s(","), "int", 0).unwrap_or_default();
    assert_eq!(all.len(), 4301 + 1433);
    let under = BigInt::from(10).pow(4299);
    assert!(format_int(&under, &s(""), "int", INT_MAX_STR_DIGITS).is_ok());
}

#[test]
fn impossible_width_is_a_memory_error() {
    let err = format_int(1, &s("9223372036854775807"), "int", INT_MAX_STR_DIGITS).err();
    assert_eq!(err.map(|e| e.kind), Some(ErrorKind::MemoryError));
    let err = format_str(&s("a"), &s("9223372036854775807"), "str").err();
    assert_eq!(err.map(|e| e.kind), Some(ErrorKind::MemoryError));
}

#[test]
fn small_and_big_ints_agree() {
    for v in [0i64, 1, -1, 255, -4096, i64::MAX, i64::MIN] {
        let big = BigInt::from(v);
        for spec in [
            "", "d", "#_b", "+#o", "x", "X", "c", "n", ",", "e", ".3%", "=+12_",
        ] {
            let small = format_int(IntRef::Small(v), &s(spec), "int", INT_MAX_STR_DIGITS);
            let boxed = format_int(IntRef::Big(&big), &s(spec), "int", INT_MAX_STR_DIGITS);
            assert_eq!(small, boxed, "{v} {spec:?}");
        }
    }
}

#[test]
fn int_to_float_rounds_half_to_even() {
    let two = BigInt::from(2);
    let p = |e: i32| 2f64.powi(e);
    let cases = [
        (two.pow(53) + 1, p(53)),
        (two.pow(53) + 3, p(53) + 4.0),
        (two.pow(80) + two.pow(27), p(80)),
        (two.pow(80) + two.pow(27) + 1, p(80) + p(28)),
        (two.pow(80) + BigInt::from(3) * two.pow(27), p(80) + p(29)),
        (-(two.pow(200)) - 1, -p(200)),
    ];
    for (v, want) in &cases {
        assert_eq!(int_to_f64(int_ref(v)).ok(), Some(*want), "{v}");
    }
    let max = two.pow(1024) - two.pow(970);
    let err = int_to_f64(int_ref(&max)).err().map(|e| e.kind);
    assert_eq!(err, Some(ErrorKind::OverflowError));
    assert_eq!(int_to_f64(int_ref(&(max - 1))).ok(), Some(f64::MAX));
}

#[test]
fn spec_fields() {
    let spec = FormatSpec::parse(&s("*^+z#012,.3_f"), None, super::Align::Right, "float");
    let spec = spec.ok();
    assert_eq!(
        spec.map(|p| (p.fill, p.align, p.width, p.precision, p.ty_char())),
        Some((
            u32::from('*'),
            super::Align::Center,
            Some(12),
            Some(3),
            Some('f')
        ))
    );
    let digits = FormatSpec::parse(&s("\u{663}.\u{661}"), None, super::Align::Right, "float");
    assert_eq!(
        digits.ok().map(|p| (p.width, p.precision)),
        Some((Some(3), Some(1)))
    );
}
