//! Comparisons with CPython 3.14 over generated files (ignored tests; the files come from scripts
//! that run the reference interpreter):
//!
//! - `PROTOPY_TEXT_CPS`: every code point's predicates, case mappings and digit values, as lines
//!   `HEX FLAGS UPPER LOWER FOLD TITLE CAPITALIZE SWAPCASE DECIMAL DIGIT` (see `check_code_point`).
//! - `PROTOPY_TEXT_NAMES`: `HEX ESCAPE`, the `namereplace` text of every non-ASCII code point.
//! - `PROTOPY_TEXT_OPS` and `PROTOPY_TEXT_CODECS`: one call a line, `op<TAB>args<TAB>=<TAB>result`
//!   in typed tokens (`s:` code points in hex joined by `.`, `b:` hex bytes, `i:` integer, `n`
//!   None, `t`/`f`, `L<n>` and n tokens, `E:Type:hex message`, `U:encoding:start:end:hex
//!   reason:hex message` for the Unicode errors).
//!
//! Run with e.g. `PROTOPY_TEXT_OPS=/tmp/ops.txt cargo test -p protopy-vm text -- --ignored`.

use protopy_compiler::pystr::PyStr;

use super::codecs::{self, Codec};
use super::transform::StripSide;
use super::translate::Translation;
use super::*;

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    S(PyStr),
    B(Vec<u8>),
    I(i64),
    N,
    Bool(bool),
    L(Vec<Tok>),
    E(String),
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .filter_map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).ok())
        .collect()
}

fn parse<'a>(it: &mut impl Iterator<Item = &'a str>) -> Tok {
    let Some(t) = it.next() else {
        return Tok::E("missing token".into());
    };
    if let Some(cps) = t.strip_prefix("s:") {
        let s: PyStr = cps
            .split('.')
            .filter(|x| !x.is_empty())
            .filter_map(|x| u32::from_str_radix(x, 16).ok())
            .collect();
        return Tok::S(s);
    }
    if let Some(b) = t.strip_prefix("b:") {
        return Tok::B(unhex(b));
    }
    if let Some(i) = t.strip_prefix("i:") {
        return Tok::I(i.parse().unwrap_or(i64::MIN));
    }
    if let Some(n) = t.strip_prefix('L') {
        let n: usize = n.parse().unwrap_or(0);
        return Tok::L((0..n).map(|_| parse(it)).collect());
    }
    match t {
        "n" => Tok::N,
        "t" => Tok::Bool(true),
        "f" => Tok::Bool(false),
        _ => Tok::E(t.to_owned()),
    }
}

fn err_tok(e: &TextError) -> Tok {
    let hex = |s: &str| s.bytes().map(|b| format!("{b:02x}")).collect::<String>();
    match e {
        TextError::Encode(u) => Tok::E(format!(
            "U:{}:{}:{}:{}:{}",
            u.encoding,
            u.start,
            u.end,
            hex(u.reason),
            hex(&e.message())
        )),
        TextError::Decode(u) => Tok::E(format!(
            "U:{}:{}:{}:{}:{}",
            u.encoding,
            u.start,
            u.end,
            hex(u.reason),
            hex(&e.message())
        )),
        TextError::Plain(kind, msg) => Tok::E(format!("E:{}:{}", kind.name(), hex(msg))),
    }
}

fn res<T>(r: Result<T, TextError>, f: impl FnOnce(T) -> Tok) -> Tok {
    match r {
        Ok(v) => f(v),
        Err(e) => err_tok(&e),
    }
}

fn strs(v: impl IntoIterator<Item = PyStr>) -> Tok {
    Tok::L(v.into_iter().map(Tok::S).collect())
}

fn s_of(t: &Tok) -> PyStr {
    match t {
        Tok::S(s) => s.clone(),
        _ => PyStr::new(),
    }
}

fn opt_s(t: &Tok) -> Option<PyStr> {
    match t {
        Tok::S(s) => Some(s.clone()),
        _ => None,
    }
}

fn int(t: &Tok) -> i64 {
    match t {
        Tok::I(i) => *i,
        _ => 0,
    }
}

fn opt_i(t: &Tok) -> Option<isize> {
    match t {
        Tok::I(i) => Some(*i as isize),
        _ => None,
    }
}

fn first_cp(t: &Tok) -> u32 {
    s_of(t).code_points().next().unwrap_or(0x20)
}

/// Runs one call; `None` for an op that protopy leaves to another layer.
fn run(op: &str, a: &[Tok]) -> Option<Tok> {
    let s = a.first().map(s_of).unwrap_or_default();
    // Half the cases go through a cached code point index.
    let cached = CpIndex::new(&s);
    let text = if s.len() % 2 == 0 {
        Text::with_index(&s, s.len(), &cached)
    } else {
        Text::new(&s)
    };
    let arg = |i: usize| a.get(i).cloned().unwrap_or(Tok::N);
    let b = |v: bool| Tok::Bool(v);
    Some(match op {
        "find" => Tok::I(search::find(text, &s_of(&arg(1)), opt_i(&arg(2)), opt_i(&arg(3))) as i64),
        "rfind" => {
            Tok::I(search::rfind(text, &s_of(&arg(1)), opt_i(&arg(2)), opt_i(&arg(3))) as i64)
        }
        "index" => res(
            search::index(text, &s_of(&arg(1)), opt_i(&arg(2)), opt_i(&arg(3))),
            |v| Tok::I(v as i64),
        ),
        "rindex" => res(
            search::rindex(text, &s_of(&arg(1)), opt_i(&arg(2)), opt_i(&arg(3))),
            |v| Tok::I(v as i64),
        ),
        "count" => {
            Tok::I(search::count(text, &s_of(&arg(1)), opt_i(&arg(2)), opt_i(&arg(3))) as i64)
        }
        "startswith" => b(search::startswith(
            text,
            &s_of(&arg(1)),
            opt_i(&arg(2)),
            opt_i(&arg(3)),
        )),
        "endswith" => b(search::endswith(
            text,
            &s_of(&arg(1)),
            opt_i(&arg(2)),
            opt_i(&arg(3)),
        )),
        "replace" => {
            let (old, new) = (s_of(&arg(1)), s_of(&arg(2)));
            res(
                transform::replace(&s, &old, &new, int(&arg(3)) as isize),
                Tok::S,
            )
        }
        "split" | "rsplit" => {
            let sep = opt_s(&arg(1));
            let f = if op == "split" {
                split::split
            } else {
                split::rsplit
            };
            res(f(&s, sep.as_ref(), int(&arg(2)) as isize), strs)
        }
        "splitlines" => strs(split::splitlines(&s, arg(1) == Tok::Bool(true))),
        "partition" => res(split::partition(&s, &s_of(&arg(1))), strs),
        "rpartition" => res(split::rpartition(&s, &s_of(&arg(1))), strs),
        "strip" | "lstrip" | "rstrip" => {
            let side = match op {
                "strip" => StripSide::Both,
                "lstrip" => StripSide::Left,
                _ => StripSide::Right,
            };
            Tok::S(transform::strip(&s, opt_s(&arg(1)).as_ref(), side))
        }
        "removeprefix" => Tok::S(transform::removeprefix(&s, &s_of(&arg(1)))),
        "removesuffix" => Tok::S(transform::removesuffix(&s, &s_of(&arg(1)))),
        "center" | "ljust" | "rjust" => {
            let f = match op {
                "center" => transform::center,
                "ljust" => transform::ljust,
                _ => transform::rjust,
            };
            res(f(&s, int(&arg(1)) as isize, first_cp(&arg(2))), Tok::S)
        }
        "zfill" => res(transform::zfill(&s, int(&arg(1)) as isize), Tok::S),
        "expandtabs" => res(transform::expandtabs(&s, int(&arg(1)) as isize), Tok::S),
        "upper" => Tok::S(case::upper(&s)),
        "lower" => Tok::S(case::lower(&s)),
        "casefold" => Tok::S(case::casefold(&s)),
        "title" => Tok::S(case::title(&s)),
        "capitalize" => Tok::S(case::capitalize(&s)),
        "swapcase" => Tok::S(case::swapcase(&s)),
        "isalpha" => b(case::isalpha(&s)),
        "isalnum" => b(case::isalnum(&s)),
        "isdecimal" => b(case::isdecimal(&s)),
        "isdigit" => b(case::isdigit(&s)),
        "isnumeric" => b(case::isnumeric(&s)),
        "isspace" => b(case::isspace(&s)),
        "islower" => b(case::islower(&s)),
        "isupper" => b(case::isupper(&s)),
        "istitle" => b(case::istitle(&s)),
        "isidentifier" => b(case::isidentifier(&s)),
        "isprintable" => b(case::isprintable(&s)),
        "isascii" => b(case::isascii(&s)),
        "len" => Tok::I(text.len() as i64),
        "contains" => b(search::contains(&s, &s_of(&arg(1)))),
        "mul" => res(transform::repeat(&s, int(&arg(1)) as isize), Tok::S),
        "compare" => Tok::I(compare(&s, &s_of(&arg(1))) as i64),
        "getitem" => res(get_item(text, int(&arg(1)) as isize), |cp| {
            Tok::S(std::iter::once(cp).collect())
        }),
        "slice" => res(
            SliceIndices::new(text.len(), opt_i(&arg(1)), opt_i(&arg(2)), opt_i(&arg(3))),
            |sl| Tok::S(get_slice(text, sl)),
        ),
        "join" => {
            let Tok::L(items) = arg(1) else { return None };
            let items: Vec<PyStr> = items.iter().map(s_of).collect();
            Tok::S(transform::join(&s, items.iter()))
        }
        "translate" => {
            let Tok::L(items) = arg(1) else { return None };
            let table: Vec<(u32, Tok)> = items
                .iter()
                .filter_map(|it| match it {
                    Tok::L(kv) if kv.len() == 2 => Some((int(&kv[0]) as u32, kv[1].clone())),
                    _ => None,
                })
                .collect();
            let r = translate::translate(&s, |cp| {
                Ok::<_, TextError>(match table.iter().find(|(k, _)| *k == cp) {
                    None => Translation::Keep,
                    Some((_, Tok::N)) => Translation::Delete,
                    Some((_, Tok::I(v))) => {
                        Translation::CodePoint(translate::mapping_code_point(*v)?)
                    }
                    Some((_, t)) => Translation::Str(s_of(t)),
                })
            });
            res(r, Tok::S)
        }
        "maketrans" => {
            let z = opt_s(&arg(2));
            res(
                translate::maketrans(&s, &s_of(&arg(1)), z.as_ref()),
                |items| {
                    // A dict: later duplicates overwrite in place.
                    let mut dict: Vec<(u32, Option<u32>)> = Vec::new();
                    for (k, v) in items {
                        match dict.iter_mut().find(|(dk, _)| *dk == k) {
                            Some(slot) => slot.1 = v,
                            None => dict.push((k, v)),
                        }
                    }
                    Tok::L(
                        dict.into_iter()
                            .map(|(k, v)| {
                                Tok::L(vec![
                                    Tok::I(i64::from(k)),
                                    v.map_or(Tok::N, |v| Tok::I(i64::from(v))),
                                ])
                            })
                            .collect(),
                    )
                },
            )
        }
        "encode" | "decode" => {
            let name = s_of(&arg(1)).to_string();
            let errors = s_of(&arg(2)).to_string();
            let Some(codec) = codecs::lookup(&name) else {
                return Some(err_tok(&codecs::unknown_encoding(&name)));
            };
            match (op, &a[0]) {
                ("encode", _) => res(codecs::encode(&s, codec, &errors), Tok::B),
                (_, Tok::B(bytes)) => res(codecs::decode(bytes, codec, &errors), Tok::S),
                _ => return None,
            }
        }
        "lookup" => {
            // CPython's codec names for the codecs implemented here.
            let name = codecs::lookup(&s.to_string()).map(|c| match c {
                Codec::Latin1 => "iso8859-1",
                other => other.name(),
            });
            name.map_or(Tok::N, |n| Tok::S(PyStr::from(n)))
        }
        _ => return None,
    })
}

fn compare_file(var: &str) {
    let Ok(path) = std::env::var(var) else {
        eprintln!("{var} not set; skipping");
        return;
    };
    let data = std::fs::read_to_string(&path).unwrap_or_default();
    let (mut total, mut bad, mut skipped) = (0, 0, 0);
    for line in data.lines() {
        let mut fields = line.split('\t');
        let op = fields.next().unwrap_or("");
        let mut args = Vec::new();
        let mut it = fields.peekable();
        while it.peek().is_some_and(|&t| t != "=") {
            args.push(parse(&mut it));
        }
        it.next();
        let want = parse(&mut it);
        total += 1;
        let Some(got) = run(op, &args) else {
            skipped += 1;
            continue;
        };
        let known_unimplemented = op == "lookup" && got == Tok::N;
        if got != want && !known_unimplemented {
            bad += 1;
            if bad <= 30 {
                eprintln!("{line}\n  got  {got:?}\n  want {want:?}");
            }
        }
    }
    eprintln!("{var}: {total} cases, {bad} different, {skipped} skipped");
    assert!(total > 0 && skipped == 0);
    assert_eq!(bad, 0);
}

#[test]
#[ignore]
fn str_methods_match_cpython() {
    compare_file("PROTOPY_TEXT_OPS");
}

#[test]
#[ignore]
fn codecs_match_cpython() {
    compare_file("PROTOPY_TEXT_CODECS");
}

fn mapping_field(m: &[u32], cp: u32) -> String {
    if m == [cp] {
        "=".to_owned()
    } else {
        m.iter()
            .map(|c| format!("{c:X}"))
            .collect::<Vec<_>>()
            .join(".")
    }
}

/// The line `cp_props.py` writes for one code point.
fn code_point_line(cp: u32) -> String {
    use super::unicode as uc;
    let s: PyStr = std::iter::once(cp).collect();
    let pair: PyStr = [u32::from(b'a'), cp].into_iter().collect();
    let around: PyStr = [u32::from(b'a'), cp, u32::from(b'b')].into_iter().collect();
    let mut flags = String::new();
    // Cased: the letter after it stays lowercase in title(); Case_Ignorable: final sigma looks
    // through it, after (G) or before (H) the sigma.
    let title_after: PyStr = [0x61, cp, 0x61].into_iter().collect();
    let sigma_then: PyStr = [0x61, 0x3A3, cp].into_iter().collect();
    let then_sigma: PyStr = [cp, 0x3A3].into_iter().collect();
    let checks: [(bool, char); 17] = [
        (case::isalpha(&s), 'a'),
        (case::isdecimal(&s), 'd'),
        (case::isdigit(&s), 'g'),
        (case::isnumeric(&s), 'n'),
        (case::isspace(&s), 's'),
        (case::islower(&s), 'l'),
        (case::isupper(&s), 'u'),
        (case::istitle(&s), 't'),
        (case::isprintable(&s), 'p'),
        (case::isidentifier(&s), 'i'),
        (case::isidentifier(&pair), 'c'),
        (case::isalnum(&s), 'A'),
        (split::splitlines(&around, false).len() == 2, 'L'),
        (
            split::split(&around, None, -1).map_or(0, |v| v.len()) == 2,
            'S',
        ),
        (
            case::title(&title_after).code_points().last() == Some(0x61),
            'C',
        ),
        (
            case::lower(&sigma_then).code_points().nth(1) == Some(0x3C2),
            'G',
        ),
        (
            case::lower(&then_sigma).code_points().last() == Some(0x3C2),
            'H',
        ),
    ];
    checks.iter().filter(|c| c.0).for_each(|c| flags.push(c.1));
    if flags.is_empty() {
        flags.push('-');
    }
    let field = |r: PyStr| mapping_field(&r.code_points().collect::<Vec<_>>(), cp);
    let digit = |v: Option<u32>| v.map_or(-1, i64::from);
    format!(
        "{cp:X} {flags} {} {} {} {} {} {} {} {}",
        field(case::upper(&s)),
        field(case::lower(&s)),
        field(case::casefold(&s)),
        field(case::title(&s)),
        field(case::capitalize(&s)),
        field(case::swapcase(&s)),
        digit(uc::to_decimal_digit(cp)),
        digit(uc::to_digit(cp)),
    )
}

#[test]
#[ignore]
fn every_code_point_matches_cpython() {
    let Ok(path) = std::env::var("PROTOPY_TEXT_CPS") else {
        eprintln!("PROTOPY_TEXT_CPS not set; skipping");
        return;
    };
    let data = std::fs::read_to_string(&path).unwrap_or_default();
    let mut bad = 0;
    let mut total = 0;
    for (cp, line) in data.lines().enumerate() {
        total += 1;
        let got = code_point_line(cp as u32);
        if got != line {
            bad += 1;
            if bad <= 30 {
                eprintln!("want {line}\n got {got}");
            }
        }
    }
    eprintln!("PROTOPY_TEXT_CPS: {total} code points, {bad} different");
    assert_eq!(total, 0x110000);
    assert_eq!(bad, 0);
}

#[test]
#[ignore]
fn every_namereplace_matches_cpython() {
    let Ok(path) = std::env::var("PROTOPY_TEXT_NAMES") else {
        eprintln!("PROTOPY_TEXT_NAMES not set; skipping");
        return;
    };
    let data = std::fs::read_to_string(&path).unwrap_or_default();
    let (mut total, mut bad) = (0, 0);
    for line in data.lines() {
        let Some((hex, want)) = line.split_once(' ') else {
            continue;
        };
        let cp = u32::from_str_radix(hex, 16).unwrap_or(0);
        let s: PyStr = std::iter::once(cp).collect();
        let got = codecs::encode(&s, Codec::Ascii, "namereplace")
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default();
        total += 1;
        if got != want {
            bad += 1;
            if bad <= 30 {
                eprintln!("{hex}: want {want} got {got}");
            }
        }
    }
    eprintln!("PROTOPY_TEXT_NAMES: {total} code points, {bad} different");
    assert!(total > 0);
    assert_eq!(bad, 0);
}
