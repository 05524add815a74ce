//! Unit tests of `text`: tables of cases whose expected values come from CPython 3.14 (generated
//! by running the reference interpreter on each input), plus a few direct checks. The big
//! comparisons live in `compare_tests.rs`.

use protopy_compiler::pystr::PyStr;

use super::test_cases::*;
use super::transform::StripSide;
use super::translate::Translation;
use super::*;

/// A `PyStr` from a literal in which `\uD800`..`\uDFFF` (backslash text) stand for surrogates.
pub(super) fn s(lit: &str) -> PyStr {
    let mut out = PyStr::new();
    let mut rest = lit;
    while let Some(at) = rest.find("\\u") {
        let hex = rest
            .get(at + 2..at + 6)
            .and_then(|h| u32::from_str_radix(h, 16).ok());
        match hex {
            Some(cp @ 0xD800..=0xDFFF) => {
                out.push_str(&rest[..at]);
                out.push_code_point(cp);
                rest = &rest[at + 6..];
            }
            _ => {
                out.push_str(&rest[..at + 2]);
                rest = &rest[at + 2..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn strs(v: &[&str]) -> Vec<PyStr> {
    v.iter().map(|x| s(x)).collect()
}

fn shown(r: Result<Vec<PyStr>, TextError>) -> Result<Vec<PyStr>, String> {
    r.map_err(|e| format!("{}: {}", e.kind().name(), e.message()))
}

#[test]
fn case_conversions() {
    for (input, [up, low, fold, title, cap, swap]) in CASES {
        let x = s(input);
        assert_eq!(case::upper(&x), s(up), "upper {input:?}");
        assert_eq!(case::lower(&x), s(low), "lower {input:?}");
        assert_eq!(case::casefold(&x), s(fold), "casefold {input:?}");
        assert_eq!(case::title(&x), s(title), "title {input:?}");
        assert_eq!(case::capitalize(&x), s(cap), "capitalize {input:?}");
        assert_eq!(case::swapcase(&x), s(swap), "swapcase {input:?}");
    }
}

#[test]
fn predicates() {
    let preds: [fn(&PyStr) -> bool; 12] = [
        case::isalpha,
        case::isalnum,
        case::isdecimal,
        case::isdigit,
        case::isnumeric,
        case::isspace,
        case::islower,
        case::isupper,
        case::istitle,
        case::isidentifier,
        case::isprintable,
        case::isascii,
    ];
    for (input, want) in PREDICATES {
        let x = s(input);
        let got: Vec<bool> = preds.iter().map(|p| p(&x)).collect();
        assert_eq!(got, want.to_vec(), "{input:?}");
    }
}

#[test]
fn find_count_and_tailmatch() {
    for &(hay, sub, start, end, want) in FINDS {
        let (h, n) = (s(hay), s(sub));
        let t = Text::new(&h);
        let got = [
            search::find(t, &n, start, end),
            search::rfind(t, &n, start, end),
            search::count(t, &n, start, end) as isize,
            isize::from(search::startswith(t, &n, start, end)),
            isize::from(search::endswith(t, &n, start, end)),
        ];
        assert_eq!(got, want, "{hay:?} {sub:?} {start:?} {end:?}");
    }
    let h = s("abc");
    let err = search::index(Text::new(&h), &s("x"), None, None);
    assert_eq!(
        err.map_err(|e| e.message()),
        Err("substring not found".into())
    );
    assert_eq!(search::rindex(Text::new(&h), &s("c"), None, None), Ok(2));
}

#[test]
fn replace() {
    for &(x, old, new, count, want) in REPLACES {
        let got = transform::replace(&s(x), &s(old), &s(new), count);
        assert_eq!(got, Ok(s(want)), "{x:?} {old:?} {new:?} {count}");
    }
}

#[test]
fn split_and_rsplit() {
    for &(x, sep, maxsplit, ref want, ref rwant) in SPLITS {
        let sep = sep.map(s);
        let want = want.map(strs).map_err(str::to_owned);
        let rwant = rwant.map(strs).map_err(str::to_owned);
        assert_eq!(
            shown(split::split(&s(x), sep.as_ref(), maxsplit)),
            want,
            "{x:?}"
        );
        assert_eq!(
            shown(split::rsplit(&s(x), sep.as_ref(), maxsplit)),
            rwant,
            "{x:?}"
        );
    }
}

#[test]
fn splitlines() {
    for &(x, plain, kept) in LINES {
        assert_eq!(split::splitlines(&s(x), false), strs(plain), "{x:?}");
        assert_eq!(split::splitlines(&s(x), true), strs(kept), "{x:?}");
    }
}

#[test]
fn partition() {
    let x = s("a=b=c");
    let sep = s("=");
    assert_eq!(split::partition(&x, &sep), Ok([s("a"), s("="), s("b=c")]));
    assert_eq!(split::rpartition(&x, &sep), Ok([s("a=b"), s("="), s("c")]));
    assert_eq!(
        split::partition(&x, &s("x")),
        Ok([s("a=b=c"), s(""), s("")])
    );
    assert_eq!(
        split::rpartition(&x, &s("x")),
        Ok([s(""), s(""), s("a=b=c")])
    );
    let e = split::partition(&x, &s("")).map_err(|e| (e.kind(), e.message()));
    assert_eq!(e, Err((ExcKind::ValueError, "empty separator".into())));
}

#[test]
fn strip() {
    for &(x, chars, [both, left, right]) in STRIPS {
        let chars = chars.map(s);
        let run = |side| transform::strip(&s(x), chars.as_ref(), side);
        assert_eq!(run(StripSide::Both), s(both), "{x:?}");
        assert_eq!(run(StripSide::Left), s(left), "{x:?}");
        assert_eq!(run(StripSide::Right), s(right), "{x:?}");
    }
    assert_eq!(transform::removeprefix(&s("abcab"), &s("ab")), s("cab"));
    assert_eq!(transform::removesuffix(&s("abcab"), &s("ab")), s("abc"));
    assert_eq!(transform::removesuffix(&s("abc"), &s("")), s("abc"));
}

#[test]
fn padding() {
    for &(x, width, fill, [center, ljust, rjust, zfill]) in PADS {
        let x = s(x);
        let f = u32::from(fill);
        assert_eq!(
            transform::center(&x, width, f),
            Ok(s(center)),
            "{x:?} {width}"
        );
        assert_eq!(
            transform::ljust(&x, width, f),
            Ok(s(ljust)),
            "{x:?} {width}"
        );
        assert_eq!(
            transform::rjust(&x, width, f),
            Ok(s(rjust)),
            "{x:?} {width}"
        );
        assert_eq!(transform::zfill(&x, width), Ok(s(zfill)), "{x:?} {width}");
    }
}

#[test]
fn expandtabs() {
    for &(x, size, want) in TABS {
        assert_eq!(
            transform::expandtabs(&s(x), size),
            Ok(s(want)),
            "{x:?} {size}"
        );
    }
}

#[test]
fn slicing() {
    for &(x, start, stop, step, want) in SLICES {
        let x = s(x);
        let text = Text::new(&x);
        let sl = SliceIndices::new(text.len(), start, stop, step);
        assert_eq!(sl.map(|sl| get_slice(text, sl)), Ok(s(want)));
    }
    let x = s("h\u{e9}\\udc80\u{1f600}");
    let text = Text::new(&x);
    assert_eq!(get_item(text, 2), Ok(0xDC80));
    assert_eq!(get_item(text, -1), Ok(0x1F600));
    let oob = get_item(text, 4).map_err(|e| (e.kind(), e.message()));
    assert_eq!(
        oob,
        Err((ExcKind::IndexError, "string index out of range".into()))
    );
    let zero = SliceIndices::new(3, None, None, Some(0)).map_err(|e| e.message());
    assert_eq!(zero, Err("slice step cannot be zero".into()));
}

#[test]
fn translate_and_maketrans() {
    // 'abc'.translate({97: 'xy', 98: None, 99: 0x1F600}) == 'xy😀'
    let out = translate::translate(&s("abcd"), |cp| {
        Ok::<_, ()>(match cp {
            0x61 => Translation::Str(s("xy")),
            0x62 => Translation::Delete,
            0x63 => Translation::CodePoint(0x1F600),
            _ => Translation::Keep,
        })
    });
    assert_eq!(out, Ok(s("xy\u{1f600}d")));
    let stopped = translate::translate(&s("ab"), |cp| {
        if cp == 0x62 {
            Err("boom")
        } else {
            Ok(Translation::Keep)
        }
    });
    assert_eq!(stopped, Err("boom"));
    let range = translate::mapping_code_point(0x110000).map_err(|e| e.message());
    assert_eq!(
        range,
        Err("character mapping must be in range(0x110000)".into())
    );
    assert!(translate::mapping_code_point(-1).is_err());
    // str.maketrans('ab', 'cd', 'ae') == {97: None, 98: 100, 101: None} once made a dict.
    let items = translate::maketrans(&s("ab"), &s("cd"), Some(&s("ae")));
    let want = vec![
        (0x61, Some(0x63)),
        (0x62, Some(0x64)),
        (0x61, None),
        (0x65, None),
    ];
    assert_eq!(items, Ok(want));
    let unequal = translate::maketrans(&s("ab"), &s("c"), None).map_err(|e| e.message());
    assert_eq!(
        unequal,
        Err("the first two maketrans arguments must have equal length".into())
    );
    assert_eq!(translate::maketrans_key(&s("\u{e9}")), Ok(0xE9));
    let long = translate::maketrans_key(&s("ab")).map_err(|e| e.message());
    assert_eq!(
        long,
        Err("string keys in translatetable must be of length 1".into())
    );
}

#[test]
fn join_len_and_compare() {
    let items = strs(&["a", "\\ud800", "\u{e9}"]);
    assert_eq!(
        transform::join(&s(", "), items.iter()),
        s("a, \\ud800, \u{e9}")
    );
    assert_eq!(transform::join(&s(", "), []), s(""));
    assert_eq!(Text::new(&s("h\u{e9}\\ud800\u{1f600}")).len(), 4);
    use std::cmp::Ordering::*;
    // Code point order: U+D800 sorts between U+D7FF and U+E000, U+FFFF before U+10000.
    assert_eq!(compare(&s("\u{d7ff}"), &s("\\ud800")), Less);
    assert_eq!(compare(&s("\\udfff"), &s("\u{e000}")), Less);
    assert_eq!(compare(&s("\u{ffff}"), &s("\u{10000}")), Less);
    assert_eq!(compare(&s("ab"), &s("a")), Greater);
    assert_eq!(compare(&s(""), &s("")), Equal);
}

#[test]
fn cached_index_gives_the_same_positions() {
    let mut long = PyStr::new();
    for i in 0..500u32 {
        long.push_code_point([0x61, 0xE9, 0xD800, 0x1F600][(i % 4) as usize]);
    }
    let ix = CpIndex::new(&long);
    let (plain, fast) = (Text::new(&long), Text::with_index(&long, 500, &ix));
    for i in [0, 1, 63, 64, 65, 130, 255, 256, 499, 500] {
        assert_eq!(plain.byte_offset(i), fast.byte_offset(i), "{i}");
        assert_eq!(fast.cp_index(fast.byte_offset(i)), i);
        assert_eq!(plain.code_point(i), fast.code_point(i));
    }
    let needle = s("\u{1f600}a");
    assert_eq!(search::find(fast, &needle, Some(300), None), 303);
    assert_eq!(search::rfind(fast, &needle, None, Some(300)), 295);
    let ascii = s("hello");
    assert!(Text::with_len(&ascii, 5).is_ascii());
    assert_eq!(Text::with_len(&ascii, 5).code_point(4), Some(0x6F));
}

#[test]
fn code_point_helpers() {
    use super::unicode::*;
    assert_eq!(to_decimal_digit(0x39), Some(9));
    assert_eq!(to_decimal_digit(0x663), Some(3)); // ARABIC-INDIC DIGIT THREE
    assert_eq!(to_decimal_digit(0xB2), None); // SUPERSCRIPT TWO: a digit, not decimal
    assert_eq!(to_digit(0xB2), Some(2));
    assert_eq!(to_decimal_digit(0x1D7CE), Some(0)); // MATHEMATICAL BOLD DIGIT ZERO
    assert!(is_space(0x1F) && is_space(0x85) && is_space(0x3000) && !is_space(0x200B));
    assert!(!is_space(0xFEFF) && !is_space(0xA0 + 1));
    assert!(is_linebreak(0x1E) && !is_linebreak(0x1F) && is_linebreak(0x2029));
    assert_eq!(to_upper_full(0xDF).as_slice(), &[0x53, 0x53]);
    assert_eq!(to_title_full(0xFB01).as_slice(), &[0x46, 0x69]);
    assert_eq!(to_folded_full(0x1E9E).as_slice(), &[0x73, 0x73]);
    assert_eq!(to_lower_full(0x130).as_slice(), &[0x69, 0x307]);
    // Unicode 17.0 characters are unassigned in 16.0: no case, not a letter.
    assert!(!is_alpha(0x1E6C0) && to_upper_full(0x1E6C0).as_slice() == [0x1E6C0]);
    assert_eq!(private_use_alias_name(0xF0000), Some("NULL"));
    assert_eq!(private_use_alias_name(0xF03FF), None);
}

#[test]
fn text_for_int_and_float() {
    assert_eq!(transform::decimal_and_space_to_ascii(&s(" 12 ")), " 12 ");
    assert_eq!(
        transform::decimal_and_space_to_ascii(&s("\u{663}\u{3000}\u{ff11}.5")),
        "3 1.5"
    );
    assert_eq!(transform::decimal_and_space_to_ascii(&s("1\u{b2}3")), "1?");
    assert_eq!(transform::decimal_and_space_to_ascii(&s("1\\ud8003")), "1?");
    assert_eq!(transform::decimal_and_space_to_ascii(&s("1\u{7f}")), "1?");
}

#[test]
fn sizes_too_big_for_memory() {
    let kind = |r: Result<PyStr, TextError>| r.map_err(|e| (e.kind(), e.message()));
    let overflow = |m: &str| Err((ExcKind::OverflowError, m.to_owned()));
    let memory = Err((ExcKind::MemoryError, String::new()));
    // 'ab' * sys.maxsize, 'a' * 2**62, 'a'.center(2**62), 'a'.zfill(sys.maxsize)
    assert_eq!(
        kind(transform::repeat(&s("ab"), isize::MAX)),
        overflow("repeated string is too long")
    );
    assert_eq!(kind(transform::repeat(&s("a"), 1 << 62)), memory);
    assert_eq!(kind(transform::center(&s("a"), 1 << 62, 0x20)), memory);
    assert_eq!(kind(transform::zfill(&s("a"), isize::MAX)), memory);
    assert_eq!(transform::repeat(&s("ab"), 3), Ok(s("ababab")));
    assert_eq!(transform::repeat(&s("ab"), -3), Ok(s("")));
    assert!(search::contains(&s("h\\ud800llo"), &s("\\ud800l")));
    assert!(!search::contains(&s("\\ud83d\\ude00"), &s("\u{1f600}")));
    // A large result that fits is built.
    assert_eq!(
        transform::ljust(&s("a"), 1 << 25, 0x2E).map(|x| x.len()),
        Ok(1 << 25)
    );
}
