//! Reads source file paths (one per line) on stdin and prints, for each, one JSON line with what
//! protopy's front end says: `{"file", "ok"}` or `{"file", "type", "msg", "lineno", "offset"}`,
//! `offset` being CPython's 1-based character column. Used to compare error messages with CPython
//! on mutated sources: `find DIR -name '*.py' | cargo run --release --example errors`.

use std::io::BufRead;

fn json_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn main() {
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let Ok(bytes) = std::fs::read(&line) else {
            continue;
        };
        let file = json_str(&line);
        match protopy_compiler::parse_module_bytes(&bytes) {
            Ok(_) => println!("{{\"file\": {file}, \"ok\": true}}"),
            Err(e) => {
                let text = String::from_utf8_lossy(&bytes).replace("\r\n", "\n");
                let line_text = text
                    .split('\n')
                    .nth((e.lineno as usize).saturating_sub(1))
                    .unwrap_or("");
                println!(
                    "{{\"file\": {file}, \"type\": {}, \"msg\": {}, \"lineno\": {}, \"offset\": {}}}",
                    json_str(e.kind.name()),
                    json_str(&e.msg),
                    e.lineno,
                    e.char_offset(line_text)
                );
            }
        }
    }
}
