//! The few `str` and `textwrap` operations that Lib/traceback.py leans on (`str.splitlines`,
//! `str.strip`, `textwrap.dedent`, `textwrap.indent`, `_byte_offset_to_character_offset`,
//! `_display_width`), on code points as Python indexes them (Lib/textwrap.py, Lib/traceback.py).

use crate::text::unicode;

use super::width::WIDE;

/// `ch.isspace()`.
pub(super) fn is_space(ch: char) -> bool {
    unicode::is_space(ch as u32)
}

/// `s.isspace()`: not empty, and whitespace throughout.
pub(super) fn is_blank(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_space)
}

/// `s.strip()`.
pub(super) fn strip(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// `s.rstrip()`.
pub(super) fn rstrip(s: &str) -> &str {
    s.trim_end_matches(is_space)
}

/// `s.lstrip()`.
pub(super) fn lstrip(s: &str) -> &str {
    s.trim_start_matches(is_space)
}

/// `s.splitlines(keepends)`: every Unicode line boundary splits, `\r\n` counting as one.
pub(super) fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((i, ch)) = iter.next() {
        if !unicode::is_linebreak(ch as u32) {
            continue;
        }
        let mut end = i + ch.len_utf8();
        if ch == '\r' {
            if let Some(&(j, '\n')) = iter.peek() {
                end = j + 1;
                iter.next();
            }
        }
        out.push(if keepends {
            &s[start..end]
        } else {
            &s[start..i]
        });
        start = end;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// `textwrap.dedent(text)`: removes the longest run of spaces and tabs that every non-blank line
/// starts with (found, as the library does, between the smallest and the largest such line), and
/// empties the blank lines.
pub(super) fn dedent(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let non_blank = lines.iter().filter(|l| !l.is_empty() && !is_blank(l));
    let smallest = non_blank.clone().min().copied().unwrap_or("");
    let largest = non_blank.max().copied().unwrap_or("");
    let mut margin = 0;
    let mut other = largest.chars();
    for (i, ch) in smallest.chars().enumerate() {
        margin = i;
        if Some(ch) != other.next() || !matches!(ch, ' ' | '\t') {
            break;
        }
    }
    let dedented: Vec<&str> = lines
        .iter()
        .map(|l| {
            if is_blank(l) {
                ""
            } else {
                skip_chars(l, margin)
            }
        })
        .collect();
    dedented.join("\n")
}

/// `text[n:]` in code points.
pub(super) fn skip_chars(text: &str, n: usize) -> &str {
    match text.char_indices().nth(n) {
        Some((i, _)) => &text[i..],
        None => "",
    }
}

/// `text[:n]` in code points.
pub(super) fn take_chars(text: &str, n: usize) -> &str {
    match text.char_indices().nth(n) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

/// `textwrap.indent(text, prefix, lambda line: True)`: `prefix` before every line.
pub(super) fn indent_all(text: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(text.len() + prefix.len());
    for line in splitlines(text, true) {
        out.push_str(prefix);
        out.push_str(line);
    }
    out
}

/// `textwrap.indent(text, prefix)`: `prefix` before every line that is not blank.
pub(super) fn indent_non_blank(text: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(text.len() + prefix.len());
    for line in splitlines(text, true) {
        if !is_blank(line) {
            out.push_str(prefix);
        }
        out.push_str(line);
    }
    out
}

/// `_byte_offset_to_character_offset(line, offset)`: the number of code points in the first
/// `offset` bytes of `line`'s UTF-8 form, a code point cut in two counting as one (the decoder's
/// replacement character).
pub(super) fn byte_to_char_offset(line: &str, offset: usize) -> usize {
    if offset >= line.len() {
        return line.chars().count();
    }
    let mut cut = offset;
    while !line.is_char_boundary(cut) {
        cut -= 1;
    }
    line[..cut].chars().count() + usize::from(cut != offset)
}

/// `_display_width(line, offset)`: the columns that `line[:offset]` takes on a terminal, wide and
/// fullwidth characters counting two. As in the library, an ASCII line's width is `offset` itself,
/// even past the end of the line.
pub(super) fn display_width(line: &str, offset: usize) -> usize {
    if line.is_ascii() {
        return offset;
    }
    line.chars()
        .take(offset)
        .map(|ch| if is_wide(ch) { 2 } else { 1 })
        .sum()
}

/// `_display_width(line)`: the whole line's width.
pub(super) fn line_width(line: &str) -> usize {
    display_width(line, line.chars().count())
}

fn is_wide(ch: char) -> bool {
    let cp = ch as u32;
    if cp < 0x1100 {
        return false;
    }
    let i = WIDE.partition_point(|&(_, hi)| hi < cp);
    WIDE.get(i).is_some_and(|&(lo, _)| lo <= cp)
}

/// `len(s)` in code points.
pub(super) fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// `s[start:end]` in code points, with Python's clamping of out-of-range bounds.
pub(super) fn slice_chars(s: &str, start: usize, end: usize) -> &str {
    if start >= end {
        return "";
    }
    let head = skip_chars(s, start);
    take_chars(head, end - start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitlines_knows_every_boundary() {
        assert_eq!(
            splitlines("a\r\nb\rc\x0cd\u{2028}e\n", false),
            ["a", "b", "c", "d", "e"]
        );
        assert_eq!(splitlines("a\r\n\nb", true), ["a\r\n", "\n", "b"]);
        assert!(splitlines("", false).is_empty());
    }

    #[test]
    fn dedent_follows_textwrap() {
        assert_eq!(dedent("    a\n      b\n"), "a\n  b\n");
        assert_eq!(dedent("  a\n\tb\n"), "  a\n\tb\n");
        assert_eq!(dedent("\t\ta\n\t b\n  \n"), "\ta\n b\n\n");
        assert_eq!(dedent("   \n"), "\n");
    }

    #[test]
    fn offsets_and_widths() {
        assert_eq!(byte_to_char_offset("aé€b", 3), 2);
        assert_eq!(byte_to_char_offset("aé€b", 4), 3);
        assert_eq!(byte_to_char_offset("aé€b", 100), 4);
        assert_eq!(display_width("ab", 5), 5);
        assert_eq!(display_width("a漢字b", 3), 5);
        assert_eq!(display_width("a漢字b", 30), 6);
        assert_eq!(line_width("😀x"), 3);
    }
}
