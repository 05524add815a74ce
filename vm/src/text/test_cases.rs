//! Generated test cases (do not edit; exempt from the size rule): inputs chosen by hand, every
//! expected value, text and message produced by CPython 3.14 running on them. Surrogates are
//! written as the text `\uD800` and decoded by the tests.

pub(super) const CASES: &[(&str, [&str; 6])] = &[
    ("hello World", ["HELLO WORLD", "hello world", "hello world", "Hello World", "Hello world", "HELLO wORLD"]),
    ("\u{1c5}ungla", ["\u{1c4}UNGLA", "\u{1c6}ungla", "\u{1c6}ungla", "\u{1c5}ungla", "\u{1c5}ungla", "\u{1c5}UNGLA"]),
    ("\u{df} \u{fb01} \u{149} \u{390}", ["SS FI \u{2bc}N \u{399}\u{308}\u{301}", "\u{df} \u{fb01} \u{149} \u{390}", "ss fi \u{2bc}n \u{3b9}\u{308}\u{301}", "Ss Fi \u{2bc}N \u{399}\u{308}\u{301}", "Ss \u{fb01} \u{149} \u{390}", "SS FI \u{2bc}N \u{399}\u{308}\u{301}"]),
    ("\u{391}\u{3a3} \u{391}\u{3a3}.", ["\u{391}\u{3a3} \u{391}\u{3a3}.", "\u{3b1}\u{3c2} \u{3b1}\u{3c2}.", "\u{3b1}\u{3c3} \u{3b1}\u{3c3}.", "\u{391}\u{3c2} \u{391}\u{3c2}.", "\u{391}\u{3c2} \u{3b1}\u{3c2}.", "\u{3b1}\u{3c2} \u{3b1}\u{3c2}."]),
    ("\u{391}\u{3a3}\u{391}", ["\u{391}\u{3a3}\u{391}", "\u{3b1}\u{3c3}\u{3b1}", "\u{3b1}\u{3c3}\u{3b1}", "\u{391}\u{3c3}\u{3b1}", "\u{391}\u{3c3}\u{3b1}", "\u{3b1}\u{3c3}\u{3b1}"]),
    ("\u{3a3}", ["\u{3a3}", "\u{3c3}", "\u{3c3}", "\u{3a3}", "\u{3a3}", "\u{3c3}"]),
    ("a\u{3a3}'", ["A\u{3a3}'", "a\u{3c2}'", "a\u{3c3}'", "A\u{3c2}'", "A\u{3c2}'", "A\u{3c2}'"]),
    ("a\u{3a3}\u{301}b", ["A\u{3a3}\u{301}B", "a\u{3c3}\u{301}b", "a\u{3c3}\u{301}b", "A\u{3c3}\u{301}B", "A\u{3c3}\u{301}b", "A\u{3c3}\u{301}B"]),
    ("a.\u{3a3}", ["A.\u{3a3}", "a.\u{3c2}", "a.\u{3c3}", "A.\u{3a3}", "A.\u{3c2}", "A.\u{3c2}"]),
    ("\u{130}stanbul", ["\u{130}STANBUL", "i\u{307}stanbul", "i\u{307}stanbul", "\u{130}stanbul", "\u{130}stanbul", "i\u{307}STANBUL"]),
    ("they're bill's", ["THEY'RE BILL'S", "they're bill's", "they're bill's", "They'Re Bill'S", "They're bill's", "THEY'RE BILL'S"]),
    ("\u{1f88} \u{1fb3}", ["\u{1f08}\u{399} \u{391}\u{399}", "\u{1f80} \u{1fb3}", "\u{1f00}\u{3b9} \u{3b1}\u{3b9}", "\u{1f88} \u{1fbc}", "\u{1f88} \u{1fb3}", "\u{1f88} \u{391}\u{399}"]),
    ("\\ud800abc", ["\\ud800ABC", "\\ud800abc", "\\ud800abc", "\\ud800Abc", "\\ud800abc", "\\ud800ABC"]),
    ("\u{13a0}\u{ab70}", ["\u{13a0}\u{13a0}", "\u{ab70}\u{ab70}", "\u{13a0}\u{13a0}", "\u{13a0}\u{ab70}", "\u{13a0}\u{ab70}", "\u{ab70}\u{13a0}"]),
    ("\u{1c6} \u{1c5} \u{1c4}", ["\u{1c4} \u{1c4} \u{1c4}", "\u{1c6} \u{1c6} \u{1c6}", "\u{1c6} \u{1c6} \u{1c6}", "\u{1c5} \u{1c5} \u{1c5}", "\u{1c5} \u{1c6} \u{1c6}", "\u{1c4} \u{1c5} \u{1c6}"]),
    ("\u{fb00}", ["FF", "\u{fb00}", "ff", "Ff", "Ff", "FF"]),
    ("\u{345}", ["\u{399}", "\u{345}", "\u{3b9}", "\u{399}", "\u{399}", "\u{399}"]),
    ("hELLO wORLD 123", ["HELLO WORLD 123", "hello world 123", "hello world 123", "Hello World 123", "Hello world 123", "Hello World 123"]),
    ("\u{38c}\u{3a3}\u{39f}\u{3a3} \u{391}\u{3a3}", ["\u{38c}\u{3a3}\u{39f}\u{3a3} \u{391}\u{3a3}", "\u{3cc}\u{3c3}\u{3bf}\u{3c2} \u{3b1}\u{3c2}", "\u{3cc}\u{3c3}\u{3bf}\u{3c3} \u{3b1}\u{3c3}", "\u{38c}\u{3c3}\u{3bf}\u{3c2} \u{391}\u{3c2}", "\u{38c}\u{3c3}\u{3bf}\u{3c2} \u{3b1}\u{3c2}", "\u{3cc}\u{3c3}\u{3bf}\u{3c2} \u{3b1}\u{3c2}"]),
    ("x\u{10400}y", ["X\u{10400}Y", "x\u{10428}y", "x\u{10428}y", "X\u{10428}y", "X\u{10428}y", "X\u{10428}Y"]),
];

/// isalpha, isalnum, isdecimal, isdigit, isnumeric, isspace, islower, isupper, istitle, isidentifier, isprintable, isascii
pub(super) const PREDICATES: &[(&str, [bool; 12])] = &[
    ("", [false, false, false, false, false, false, false, false, false, false, true, true]),
    ("abc", [true, true, false, false, false, false, true, false, false, true, true, true]),
    ("ABC", [true, true, false, false, false, false, false, true, false, true, true, true]),
    ("Abc Def", [false, false, false, false, false, false, false, false, true, false, true, true]),
    ("Abc def", [false, false, false, false, false, false, false, false, false, false, true, true]),
    ("\u{1c5}a", [true, true, false, false, false, false, false, false, true, true, true, false]),
    ("\u{1c5}", [true, true, false, false, false, false, false, false, true, true, true, false]),
    ("123", [false, true, true, true, true, false, false, false, false, false, true, true]),
    ("\u{661}\u{662}\u{663}", [false, true, true, true, true, false, false, false, false, false, true, false]),
    ("\u{b2}", [false, true, false, true, true, false, false, false, false, false, true, false]),
    ("\u{bd}", [false, true, false, false, true, false, false, false, false, false, true, false]),
    ("\u{4e00}", [true, true, false, false, true, false, false, false, false, true, true, false]),
    (" \u{9}\u{1c}\u{85}\u{3000}", [false, false, false, false, false, true, false, false, false, false, false, false]),
    ("\u{200b}", [false, false, false, false, false, false, false, false, false, false, false, false]),
    ("_x1", [false, false, false, false, false, false, true, false, false, true, true, true]),
    ("1x", [false, true, false, false, false, false, true, false, false, false, true, true]),
    ("x\u{b7}", [false, false, false, false, false, false, true, false, false, true, true, false]),
    ("\u{b7}x", [false, false, false, false, false, false, true, false, false, false, true, false]),
    ("\u{e9}", [true, true, false, false, false, false, true, false, false, true, true, false]),
    ("\u{7f}", [false, false, false, false, false, false, false, false, false, false, false, true]),
    (" ", [false, false, false, false, false, true, false, false, false, false, true, true]),
    ("a\\ud800", [false, false, false, false, false, false, true, false, false, false, false, false]),
    ("ab\u{a}", [false, false, false, false, false, false, true, false, false, false, false, true]),
    ("\u{3a3}\u{391}", [true, true, false, false, false, false, false, true, false, true, true, false]),
    ("aA", [true, true, false, false, false, false, false, false, false, true, true, true]),
    ("\u{130}", [true, true, false, false, false, false, false, true, true, true, true, false]),
];

/// (s, sub, start, end) → [find, rfind, count, startswith, endswith]
type Find = (&'static str, &'static str, Option<isize>, Option<isize>, [isize; 5]);
pub(super) const FINDS: &[Find] = &[
    ("hello", "l", None, None, [2, 3, 2, 0, 0]),
    ("hello", "l", Some(3), None, [3, 3, 1, 1, 0]),
    ("hello", "l", Some(-2), None, [3, 3, 1, 1, 0]),
    ("hello", "", Some(5), None, [5, 5, 1, 1, 1]),
    ("hello", "", Some(6), None, [-1, -1, 0, 0, 0]),
    ("hello", "", Some(2), Some(1), [-1, -1, 0, 0, 0]),
    ("h\u{e9}llo w\u{f6}rld", "\u{f6}", None, None, [7, 7, 1, 0, 0]),
    ("h\u{e9}llo w\u{f6}rld", "l", Some(3), Some(-2), [3, 3, 1, 1, 0]),
    ("aaaa", "aa", None, None, [0, 2, 2, 1, 1]),
    ("a\\ud800b\\ud800", "\\ud800", None, None, [1, 3, 2, 0, 1]),
    ("\u{1f600}x\u{1f600}", "\u{1f600}", Some(1), None, [2, 2, 1, 0, 1]),
    ("abc", "abcd", None, None, [-1, -1, 0, 0, 0]),
    ("abc", "c", Some(-100), Some(100), [2, 2, 1, 0, 1]),
    ("", "", None, None, [0, 0, 1, 1, 1]),
    ("", "", Some(1), None, [-1, -1, 0, 0, 0]),
];

pub(super) const REPLACES: &[(&str, &str, &str, isize, &str)] = &[
    ("abc", "", "-", -1, "-a-b-c-"),
    ("abc", "", "-", 2, "-a-bc"),
    ("", "", "x", -1, "x"),
    ("aaa", "a", "bb", 2, "bbbba"),
    ("aaa", "aa", "x", -1, "xa"),
    ("h\u{e9}\u{e9}", "\u{e9}", "e", -1, "hee"),
    ("abc", "x", "y", -1, "abc"),
    ("ab", "", "x", 0, "ab"),
    ("a\\ud800a", "\\ud800", "\\udc00", 1, "a\\udc00a"),
];

/// (s, sep, maxsplit) → (split, rsplit), errors as "Type: message"
type Pieces = Result<&'static [&'static str], &'static str>;
pub(super) const SPLITS: &[(&str, Option<&str>, isize, Pieces, Pieces)] = &[
    ("  a b  c  ", None, -1, Ok(&["a", "b", "c"]), Ok(&["a", "b", "c"])),
    ("  a b  c  ", None, 1, Ok(&["a", "b  c  "]), Ok(&["  a b", "c"])),
    ("  a b  c  ", None, 0, Ok(&["a b  c  "]), Ok(&["  a b  c"])),
    ("a\u{3000}b\u{85}c\u{200b}d", None, -1, Ok(&["a", "b", "c\u{200b}d"]), Ok(&["a", "b", "c\u{200b}d"])),
    ("a,b,,c", Some(","), -1, Ok(&["a", "b", "", "c"]), Ok(&["a", "b", "", "c"])),
    ("a,b,,c", Some(","), 2, Ok(&["a", "b", ",c"]), Ok(&["a,b", "", "c"])),
    (",", Some(","), -1, Ok(&["", ""]), Ok(&["", ""])),
    ("", None, -1, Ok(&[]), Ok(&[])),
    ("", Some(","), -1, Ok(&[""]), Ok(&[""])),
    ("aXYbXYc", Some("XY"), 1, Ok(&["a", "bXYc"]), Ok(&["aXYb", "c"])),
    ("  ", None, -1, Ok(&[]), Ok(&[])),
    ("a", Some(""), -1, Err("ValueError: empty separator"), Err("ValueError: empty separator")),
];

/// s → (splitlines(), splitlines(True))
pub(super) const LINES: &[(&str, &[&str], &[&str])] = &[
    ("a\u{a}b\u{d}\u{a}c\u{d}d\u{b}e\u{c}f\u{1c}g\u{1d}h\u{1e}i\u{85}j\u{2028}k\u{2029}l", &["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"], &["a\u{a}", "b\u{d}\u{a}", "c\u{d}", "d\u{b}", "e\u{c}", "f\u{1c}", "g\u{1d}", "h\u{1e}", "i\u{85}", "j\u{2028}", "k\u{2029}", "l"]),
    ("a\u{a}\u{a}", &["a", ""], &["a\u{a}", "\u{a}"]),
    ("\u{d}\u{a}\u{d}", &["", ""], &["\u{d}\u{a}", "\u{d}"]),
    ("", &[], &[]),
    ("no break", &["no break"], &["no break"]),
    ("a\u{1f}b", &["a\u{1f}b"], &["a\u{1f}b"]),
];

/// (s, chars) → [strip, lstrip, rstrip]
pub(super) const STRIPS: &[(&str, Option<&str>, [&str; 3])] = &[
    ("  \u{9} h\u{e9}llo \u{3000}\u{a}", None, ["h\u{e9}llo", "h\u{e9}llo \u{3000}\u{a}", "  \u{9} h\u{e9}llo"]),
    ("xxhixx", Some("x"), ["hi", "hixx", "xxhi"]),
    ("xyhiyx", Some("yx"), ["hi", "hiyx", "xyhi"]),
    ("abc", Some(""), ["abc", "abc", "abc"]),
    ("\\ud800a\\ud800", Some("\\ud800"), ["a", "a\\ud800", "\\ud800a"]),
    ("aaa", Some("a"), ["", "", ""]),
];

/// (s, width, fill) → [center, ljust, rjust, zfill]
pub(super) const PADS: &[(&str, isize, char, [&str; 4])] = &[
    ("abc", 6, '*', ["*abc**", "abc***", "***abc", "000abc"]),
    ("abc", 7, '*', ["**abc**", "abc****", "****abc", "0000abc"]),
    ("ab", 5, '\u{e9}', ["\u{e9}\u{e9}ab\u{e9}", "ab\u{e9}\u{e9}\u{e9}", "\u{e9}\u{e9}\u{e9}ab", "000ab"]),
    ("ab", 6, ' ', ["  ab  ", "ab    ", "    ab", "0000ab"]),
    ("abc", 2, '*', ["abc", "abc", "abc", "abc"]),
    ("", 3, '\u{1f600}', ["\u{1f600}\u{1f600}\u{1f600}", "\u{1f600}\u{1f600}\u{1f600}", "\u{1f600}\u{1f600}\u{1f600}", "000"]),
    ("-42", 6, '0', ["0-4200", "-42000", "000-42", "-00042"]),
    ("+\u{e9}", 4, '0', ["0+\u{e9}0", "+\u{e9}00", "00+\u{e9}", "+00\u{e9}"]),
    ("abc", -1, '*', ["abc", "abc", "abc", "abc"]),
];

pub(super) const TABS: &[(&str, isize, &str)] = &[
    ("a\u{9}b", 8, "a       b"),
    ("a\u{9}b", 4, "a   b"),
    ("ab\u{9}c\u{a}d\u{9}e", 3, "ab c\u{a}d  e"),
    ("\u{9}", 0, ""),
    ("\u{9}", -1, ""),
    ("\u{e9}\u{9}x\u{d}\u{9}y", 2, "\u{e9} x\u{d}  y"),
    ("no tabs", 8, "no tabs"),
];

type Slice = (&'static str, Option<isize>, Option<isize>, Option<isize>, &'static str);
pub(super) const SLICES: &[Slice] = &[
    ("hello", None, None, Some(-1), "olleh"),
    ("hello", Some(1), Some(4), None, "ell"),
    ("h\u{e9}llo", Some(1), None, Some(2), "\u{e9}l"),
    ("h\u{e9}llo", Some(-2), None, None, "lo"),
    ("h\u{e9}llo", None, None, Some(-2), "olh"),
    ("h\u{e9}llo", Some(10), Some(0), Some(-1), "oll\u{e9}"),
    ("h\u{e9}llo", Some(-100), Some(100), Some(3), "hl"),
    ("abc", Some(2), Some(1), None, ""),
];
