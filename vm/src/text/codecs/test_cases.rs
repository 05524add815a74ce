//! Generated test cases (do not edit; exempt from the size rule): inputs chosen by hand, every
//! expected value, text and message produced by CPython 3.14 running on them. Surrogates are
//! written as the text `\uD800` and decoded by the tests.

/// (s, encoding, errors) → bytes or "Type: message"
type Encode = (&'static str, &'static str, &'static str, Result<&'static [u8], &'static str>);
pub(super) const ENCODES: &[Encode] = &[
    ("h\u{e9}llo", "ascii", "strict", Err("UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 1: ordinal not in range(128)")),
    ("h\u{20ac}\u{20ac}x", "ascii", "strict", Err("UnicodeEncodeError: 'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)")),
    ("h\u{20ac}x", "latin-1", "strict", Err("UnicodeEncodeError: 'latin-1' codec can't encode character '\\u20ac' in position 1: ordinal not in range(256)")),
    ("h\u{e9}llo\u{20ac}", "latin-1", "replace", Ok(b"h\xe9llo?")),
    ("\u{e9}\u{20ac}\u{1f600}", "ascii", "backslashreplace", Ok(b"\x5cxe9\x5cu20ac\x5cU0001f600")),
    ("\u{e9}\u{20ac}\u{1f600}", "ascii", "xmlcharrefreplace", Ok(b"&#233;&#8364;&#128512;")),
    ("\u{e9}\u{80}\u{ffff}", "ascii", "namereplace", Ok(b"\x5cN{LATIN SMALL LETTER E WITH ACUTE}\x5cx80\x5cuffff")),
    ("a\\udc80\\udcffb", "ascii", "surrogateescape", Ok(b"a\x80\xffb")),
    ("a\\udc80\\ud800b", "utf-8", "surrogateescape", Err("UnicodeEncodeError: 'utf-8' codec can't encode character '\\ud800' in position 2: surrogates not allowed")),
    ("a\\ud800b", "utf-8", "strict", Err("UnicodeEncodeError: 'utf-8' codec can't encode character '\\ud800' in position 1: surrogates not allowed")),
    ("\\ud800\\udc00", "utf-8", "surrogatepass", Ok(b"\xed\xa0\x80\xed\xb0\x80")),
    ("a\\ud800b", "utf-8", "ignore", Ok(b"ab")),
    ("\u{e9}\u{1f600}", "utf-16", "strict", Ok(b"\xff\xfe\xe9\x00=\xd8\x00\xde")),
    ("\u{e9}\u{1f600}", "utf-16-be", "strict", Ok(b"\x00\xe9\xd8=\xde\x00")),
    ("\u{e9}\u{1f600}", "utf-32", "strict", Ok(b"\xff\xfe\x00\x00\xe9\x00\x00\x00\x00\xf6\x01\x00")),
    ("\u{e9}\u{1f600}", "utf-32-be", "strict", Ok(b"\x00\x00\x00\xe9\x00\x01\xf6\x00")),
    ("a\\ud800\\udc00", "utf-16-le", "strict", Err("UnicodeEncodeError: 'utf-16-le' codec can't encode character '\\ud800' in position 1: surrogates not allowed")),
    ("a\\udc80", "utf-16-le", "surrogateescape", Err("UnicodeEncodeError: 'utf-16-le' codec can't encode character '\\udc80' in position 1: surrogates not allowed")),
    ("a\\udc80", "utf-16-le", "surrogatepass", Ok(b"a\x00\x80\xdc")),
    ("a\\udc80", "utf-32-le", "replace", Ok(b"a\x00\x00\x00?\x00\x00\x00")),
    ("\u{e9}", "ascii", "bogus", Err("LookupError: unknown error handler name 'bogus'")),
    ("a", "ascii", "bogus", Ok(b"a")),
    ("\\udc80", "ascii", "surrogatepass", Err("UnicodeEncodeError: 'ascii' codec can't encode character '\\udc80' in position 0: ordinal not in range(128)")),
    ("\u{f0000}\u{f0200}", "ascii", "namereplace", Ok(b"\x5cN{NULL}\x5cN{KEYCAP NUMBER SIGN}")),
    ("\u{4e00}\u{ac00}", "ascii", "namereplace", Ok(b"\x5cN{CJK UNIFIED IDEOGRAPH-4E00}\x5cN{HANGUL SYLLABLE GA}")),
];

/// (bytes, encoding, errors) → str or "Type: message"
type Decode = (&'static [u8], &'static str, &'static str, Result<&'static str, &'static str>);
pub(super) const DECODES: &[Decode] = &[
    (b"h\xc3\xa9llo", "utf-8", "strict", Ok("h\u{e9}llo")),
    (b"a\xffb", "utf-8", "strict", Err("UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 1: invalid start byte")),
    (b"a\xe2\x82", "utf-8", "strict", Err("UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 1-2: unexpected end of data")),
    (b"a\xe2\x82b", "utf-8", "strict", Err("UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 1-2: invalid continuation byte")),
    (b"\xed\xa0\x80", "utf-8", "strict", Err("UnicodeDecodeError: 'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte")),
    (b"\xed\xa0\x80", "utf-8", "surrogatepass", Ok("\\ud800")),
    (b"\xed\xa0\x80", "utf-8", "replace", Ok("\u{fffd}\u{fffd}\u{fffd}")),
    (b"\xf0\x9f\x98", "utf-8", "replace", Ok("\u{fffd}")),
    (b"a\x80\xffb", "utf-8", "surrogateescape", Ok("a\\udc80\\udcffb")),
    (b"a\x80\xffb", "utf-8", "backslashreplace", Ok("a\\x80\\xffb")),
    (b"a\x80\xffb", "utf-8", "ignore", Ok("ab")),
    (b"a\x80b", "ascii", "strict", Err("UnicodeDecodeError: 'ascii' codec can't decode byte 0x80 in position 1: ordinal not in range(128)")),
    (b"a\x80b", "ascii", "replace", Ok("a\u{fffd}b")),
    (b"\xe9\xff", "latin-1", "strict", Ok("\u{e9}\u{ff}")),
    (b"\xff\xfea\x00", "utf-16", "strict", Ok("a")),
    (b"\xfe\xff\x00a", "utf-16", "strict", Ok("a")),
    (b"a\x00b", "utf-16", "strict", Err("UnicodeDecodeError: 'utf-16-le' codec can't decode byte 0x62 in position 2: truncated data")),
    (b"\x00\xd8a\x00", "utf-16-le", "strict", Err("UnicodeDecodeError: 'utf-16-le' codec can't decode bytes in position 0-1: illegal UTF-16 surrogate")),
    (b"\x00\xdc", "utf-16-le", "strict", Err("UnicodeDecodeError: 'utf-16-le' codec can't decode bytes in position 0-1: illegal encoding")),
    (b"\x00\xd8\x00", "utf-16-le", "surrogatepass", Err("UnicodeDecodeError: 'utf-16-le' codec can't decode byte 0x00 in position 2: truncated data")),
    (b"\x00\xd8\x00\xdc", "utf-16-le", "strict", Ok("\u{10000}")),
    (b"\xff\xfe\x00\x00a\x00\x00\x00", "utf-32", "strict", Ok("a")),
    (b"\x00\x00\x11\x00", "utf-32-le", "strict", Err("UnicodeDecodeError: 'utf-32-le' codec can't decode bytes in position 0-3: code point not in range(0x110000)")),
    (b"\x00\xd8\x00\x00", "utf-32-le", "strict", Err("UnicodeDecodeError: 'utf-32-le' codec can't decode bytes in position 0-3: code point in surrogate code point range(0xd800, 0xe000)")),
    (b"\x00\xd8\x00\x00", "utf-32-le", "surrogatepass", Ok("\\ud800")),
    (b"\xff\xfe\x00", "utf-32", "surrogateescape", Err("UnicodeDecodeError: 'utf-32-le' codec can't decode byte 0x00 in position 2: truncated data")),
    (b"\xff", "utf-8", "xmlcharrefreplace", Err("TypeError: don't know how to handle UnicodeDecodeError in error callback")),
    (b"\xff", "utf-8", "bogus", Err("LookupError: unknown error handler name 'bogus'")),
    (b"abc", "utf-8", "bogus", Ok("abc")),
];
