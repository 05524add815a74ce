//! Normalization: what is machine-specific in a program's output (absolute paths, the
//! interpreter's path, object addresses) becomes a placeholder before snapshots are compared,
//! and error lines become grouping keys for the top blockers (numbers, addresses and quoted
//! names replaced).

use std::path::Path;

/// Rewrites machine-specific text in captured output.
#[derive(Clone, Debug, Default)]
pub struct Normalizer {
    /// (text, placeholder), longest text first.
    replacements: Vec<(String, String)>,
}

impl Normalizer {
    pub fn new() -> Normalizer {
        Normalizer::default()
    }

    /// Replaces `path` (as given and canonicalized) with `placeholder` wherever it appears.
    pub fn path(mut self, path: &Path, placeholder: &str) -> Normalizer {
        let mut forms = vec![path.to_path_buf()];
        if let Ok(canonical) = std::fs::canonicalize(path) {
            forms.push(canonical);
        }
        for form in forms {
            let text = form.to_string_lossy().trim_end_matches('/').to_string();
            if text.len() > 1 && !self.replacements.iter().any(|(t, _)| *t == text) {
                self.replacements.push((text, placeholder.to_string()));
            }
        }
        self.replacements
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        self
    }

    /// The normalized text: placeholders for the registered paths, `at 0x$ADDR` for addresses.
    pub fn apply(&self, text: &str) -> String {
        let mut out = text.to_string();
        for (from, to) in &self.replacements {
            if out.contains(from.as_str()) {
                out = out.replace(from.as_str(), to);
            }
        }
        addresses(&out)
    }
}

/// `<object object at 0x7f3a5c1e2d40>` becomes `<object object at 0x$ADDR>`: the hex digits of an
/// `at 0x...` address vary from run to run.
pub fn addresses(text: &str) -> String {
    const MARK: &str = " at 0x";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(MARK) {
        let after = &rest[at + MARK.len()..];
        let digits = after.bytes().take_while(u8::is_ascii_hexdigit).count();
        out.push_str(&rest[..at + MARK.len()]);
        if digits >= 4 {
            out.push_str("$ADDR");
            rest = &after[digits..];
        } else {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// The grouping key of an error line: quoted text becomes `'…'`, hex numbers `0x…`, other
/// numbers `N`; whitespace is collapsed and the result cut at 160 characters.
///
/// `AssertionError: 3 != 4` and `AssertionError: 5 != 6` share `AssertionError: N != N`;
/// `AttributeError: 'int' object has no attribute 'x'` becomes
/// `AttributeError: '…' object has no attribute '…'`.
pub fn signature(line: &str) -> String {
    let chars: Vec<char> = line.trim().chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let mut prev: Option<char> = None;
    while i < chars.len() {
        let c = chars[i];
        let word_before = prev.is_some_and(|p| p.is_alphanumeric() || p == '_');
        if (c == '\'' || c == '"') && !word_before {
            if let Some(len) = chars[i + 1..].iter().position(|&d| d == c) {
                out.push(c);
                out.push('…');
                out.push(c);
                i += len + 2;
                prev = Some(c);
                continue;
            }
        }
        if c.is_ascii_digit() && !word_before {
            let hex = c == '0' && matches!(chars.get(i + 1), Some('x' | 'X'));
            if hex {
                i += 2;
                while i < chars.len() && chars[i].is_ascii_hexdigit() {
                    i += 1;
                }
                out.push_str("0x…");
            } else {
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                out.push('N');
            }
            prev = Some('N');
            continue;
        }
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
        prev = Some(c);
        i += 1;
    }
    let out = out.trim_end();
    if out.chars().count() > 160 {
        let mut cut: String = out.chars().take(159).collect();
        cut.push('…');
        cut
    } else {
        out.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_placeholders_longest_first() {
        let n = Normalizer::new()
            .path(Path::new("/nonexistent/repo"), "$REPO")
            .path(Path::new("/nonexistent/repo/conformance/cases/"), "$CASES");
        assert_eq!(
            n.apply("  File \"/nonexistent/repo/conformance/cases/a/b.py\", line 1\n/nonexistent/repo/x"),
            "  File \"$CASES/a/b.py\", line 1\n$REPO/x"
        );
    }

    #[test]
    fn addresses_vary_and_are_hidden() {
        assert_eq!(
            addresses("<object object at 0x7f3a5c1e2d40> at 0x12 at 0xdeadbeef"),
            "<object object at 0x$ADDR> at 0x12 at 0x$ADDR"
        );
        assert_eq!(addresses("no address"), "no address");
        assert_eq!(addresses("ends at 0x"), "ends at 0x");
    }

    #[test]
    fn signatures_group_the_same_failure() {
        assert_eq!(
            signature("AssertionError: 3 != 4"),
            "AssertionError: N != N"
        );
        assert_eq!(
            signature("AttributeError: 'int' object has no attribute \"x\""),
            "AttributeError: '…' object has no attribute \"…\""
        );
        assert_eq!(
            signature("NotImplementedError: not built yet (issue 3); --dump-ast works"),
            "NotImplementedError: not built yet (issue N); --dump-ast works"
        );
        assert_eq!(signature("at 0x7fA3 and 3.14"), "at 0x… and N.N");
        // Digits inside names stay: they tell the names apart.
        assert_eq!(signature("utf8 test_int2 x1"), "utf8 test_int2 x1");
        // An apostrophe inside a word is not a quote.
        assert_eq!(signature("can't    do it"), "can't do it");
        assert_eq!(signature(&"x".repeat(500)).chars().count(), 160);
    }
}
