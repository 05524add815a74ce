//! The big comparison with CPython: run with `PROTOPY_FORMAT_CASES=<file> cargo test -p
//! protopy-vm format -- --ignored`, the file holding lines printed by a CPython 3.14 generator
//! (`kind<TAB>inputs...<TAB>expected`, text as hex UTF-8 with surrogates, floats as hex bits,
//! ints as signed hex, argument values in a small prefix encoding). `%` and `str.format` run
//! through their drivers with the mock interpreter of `test_support`.

use protopy_compiler::pystr::PyStr;

use super::test_support::{
    bigint, float, run_percent, run_percent_bytes, run_str_format, text, unhex, value, Exc,
};
use super::{
    format_complex, format_float, format_int, format_str, int_ref, IntRef, INT_MAX_STR_DIGITS,
};

/// Runs one case line: `(got, expected)` as `ok:<hex>` / `err:<Type>:<hex>` strings.
fn run_line(line: &str) -> Option<(String, String)> {
    let fields: Vec<&str> = line.split('\t').collect();
    let expected = (*fields.last()?).to_owned();
    let got: Result<PyStr, Exc> = match fields[0] {
        "I" => {
            let v = bigint(fields[1]);
            let spec = text(fields[2]);
            let small = format_int(int_ref(&v), &spec, "int", INT_MAX_STR_DIGITS);
            let big = format_int(IntRef::Big(&v), &spec, "int", INT_MAX_STR_DIGITS);
            if small != big {
                return Some((format!("small/big differ: {small:?} {big:?}"), expected));
            }
            small.map_err(Exc::from)
        }
        "F" => format_float(float(fields[1]), &text(fields[2]), "float").map_err(Exc::from),
        "S" => format_str(&text(fields[1]), &text(fields[2]), "str").map_err(Exc::from),
        "C" => {
            let (re, im) = fields[1].split_once(',')?;
            format_complex(float(re), float(im), &text(fields[2]), "complex").map_err(Exc::from)
        }
        "P" => {
            let mut enc = fields[2];
            run_percent(&text(fields[1]), value(&mut enc))
        }
        "Y" => {
            let mut enc = fields[2];
            let got = match run_percent_bytes(&unhex(fields[1]), value(&mut enc)) {
                Ok(b) => format!("ok:{}", hex(&b)),
                Err(Exc(kind, msg)) => format!("err:{kind}:{}", hex(msg.as_bytes())),
            };
            return Some((got, expected));
        }
        "B" => {
            let (mut a, mut k) = (fields[2], fields[3]);
            run_str_format(&text(fields[1]), value(&mut a), value(&mut k))
        }
        _ => return None,
    };
    let got = match got {
        Ok(s) => format!("ok:{}", hex(s.as_bytes())),
        Err(Exc(kind, msg)) => format!("err:{kind}:{}", hex(msg.as_bytes())),
    };
    Some((got, expected))
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn show(s: &str) -> String {
    match s.split_once(':') {
        Some(("ok", h)) => format!("ok {:?}", text(h).to_string_lossy()),
        Some(("err", rest)) => {
            let (kind, h) = rest.split_once(':').unwrap_or((rest, ""));
            format!("{kind}: {:?}", text(h).to_string_lossy())
        }
        _ => s.to_owned(),
    }
}

#[test]
#[ignore]
fn cases_from_file() {
    let Ok(path) = std::env::var("PROTOPY_FORMAT_CASES") else {
        return;
    };
    let data = std::fs::read_to_string(path).unwrap_or_default();
    let mut bad = Vec::new();
    let mut count = 0;
    for line in data.lines() {
        let Some((got, expected)) = run_line(line) else {
            continue;
        };
        count += 1;
        if got != expected {
            let fields: Vec<&str> = line.split('\t').collect();
            let inputs: Vec<String> = fields[1..fields.len() - 1]
                .iter()
                .enumerate()
                .map(|(i, f)| match (fields[0], i) {
                    ("I" | "F" | "C", 0) | ("P" | "B" | "Y", 1..) => (*f).to_owned(),
                    _ => format!("{:?}", text(f).to_string_lossy()),
                })
                .collect();
            bad.push(format!(
                "{} {}: got {} want {}",
                fields[0],
                inputs.join(" "),
                show(&got),
                show(&expected)
            ));
        }
    }
    eprintln!("{count} cases, {} differ", bad.len());
    assert!(count > 0);
    assert!(
        bad.is_empty(),
        "{} of {count} differ:\n{}",
        bad.len(),
        bad[..bad.len().min(40)].join("\n")
    );
}
