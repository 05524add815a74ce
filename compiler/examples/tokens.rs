//! Prints the tokens of a Python file, one per line, for comparison with CPython's tokenizer.
//! Usage: `tokens FILE...` (or `-` for stdin); `--machine` prints `KIND sline scol eline ecol`
//! with character columns, `--time` measures throughput instead.

use protopy_compiler::text::LineIndex;
use protopy_compiler::tokenizer::{self, TokenKind};
use std::io::Read;

fn char_col(src: &str, lines: &LineIndex, off: u32) -> (u32, usize) {
    let (line, col) = lines.line_col(off);
    let start = (off - col) as usize;
    let end = (off as usize).min(src.len());
    (
        line,
        src.get(start..end)
            .map_or(col as usize, |s| s.chars().count()),
    )
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let machine = args.iter().any(|a| a == "--machine");
    let time = args.iter().any(|a| a == "--time");
    for path in args.iter().filter(|a| !a.starts_with("--")) {
        let mut bytes = Vec::new();
        let read = if path == "-" {
            std::io::stdin().read_to_end(&mut bytes).map(|_| ())
        } else {
            std::fs::read(path).map(|b| bytes = b)
        };
        if let Err(e) = read {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
        let text = String::from_utf8_lossy(&bytes)
            .replace("\r\n", "\n")
            .replace('\r', "\n");
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
        let lines = LineIndex::new(&text);
        if time {
            let reps = (200_000_000 / text.len().max(1)).clamp(1, 10_000);
            let t0 = std::time::Instant::now();
            let mut n = 0;
            for _ in 0..reps {
                n += tokenizer::tokenize(&text, &lines).tokens.len();
            }
            let secs = t0.elapsed().as_secs_f64();
            let mb = (text.len() * reps) as f64 / 1e6;
            println!("{path}: {:.1} MB/s ({} tokens/run)", mb / secs, n / reps);
            continue;
        }
        let toks = tokenizer::tokenize(&text, &lines);
        if !machine {
            print!("{}", tokenizer::dump(&text, &toks, &lines));
            continue;
        }
        let mut out = format!("FILE {path}\n");
        for t in &toks.tokens {
            let kind = match t.kind {
                TokenKind::Op(op) => format!("OP:{}", op.as_str()),
                TokenKind::Keyword(_) => "NAME".to_string(),
                k => format!("{k:?}"),
            };
            let (l1, c1) = char_col(&text, &lines, t.range.start);
            let (l2, c2) = char_col(&text, &lines, t.range.end);
            out.push_str(&format!("{kind} {l1} {c1} {l2} {c2}\n"));
        }
        if let Some(e) = &toks.error {
            let line = text
                .lines()
                .nth(e.lineno.saturating_sub(1) as usize)
                .unwrap_or("");
            out.push_str(&format!(
                "ERROR {}|{}|{}|{}\n",
                e.kind.name(),
                e.msg,
                e.lineno,
                e.char_offset(line)
            ));
        }
        print!("{out}");
    }
}
