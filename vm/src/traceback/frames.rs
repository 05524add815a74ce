//! The frames of a traceback: `StackSummary.format` and `StackSummary.format_frame_summary` of
//! Lib/traceback.py (without colour): each frame's `File` line, its source lines dedented, and the
//! PEP 657 underline of the instruction, with runs of one repeated frame collapsed.

use super::anchors::{extract_anchors, should_show_carets, Anchors};
use super::pytext::{
    byte_to_char_offset, char_len, dedent, display_width, indent_all, indent_non_blank, line_width,
    lstrip, rstrip, slice_chars, splitlines, strip,
};
use super::warnings::{SyntaxWarning, SyntaxWarnings};

/// One frame of a traceback (a `FrameSummary`): the code's file and function name, and the
/// position of the instruction that was running, as the code object records it
/// (`co_positions()`; columns are UTF-8 byte offsets into the line).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Frame {
    pub filename: String,
    /// `co_name` of the frame's code.
    pub name: String,
    /// `None` when the instruction has no line (printed as `line None`, without source).
    pub lineno: Option<u32>,
    /// `None` means the same as `lineno`.
    pub end_lineno: Option<u32>,
    pub col_offset: Option<u32>,
    pub end_col_offset: Option<u32>,
}

/// How many times a frame is shown before its repetitions are summarised
/// (`_RECURSIVE_CUTOFF`).
const RECURSIVE_CUTOFF: usize = 3;

/// The text of a stack, and the `SyntaxWarning`s that parsing its source lines raised (CPython
/// writes those to stderr before the frames).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StackText {
    pub text: String,
    pub warnings: Vec<SyntaxWarning>,
}

/// `StackSummary.format()`: the text of `frames`, outermost first. A frame that repeats the
/// previous one (same file, line and function) more than three times in a row is summarised as
/// `[Previous line repeated N more times]` (each is still formatted, and may still warn).
/// `getline(filename, lineno)` reads a source line as `linecache.getline` does (`None` for a
/// missing line); `policy` says what becomes of `SyntaxWarning`s.
pub fn format_frames<L>(frames: &[Frame], getline: &L, policy: SyntaxWarnings) -> StackText
where
    L: Fn(&str, u32) -> Option<String> + ?Sized,
{
    let mut warnings = Vec::new();
    let mut out = String::new();
    let mut last: Option<&Frame> = None;
    let mut count = 0;
    for frame in frames {
        let same = last.is_some_and(|prev| {
            prev.filename == frame.filename
                && prev.lineno.is_some()
                && prev.lineno == frame.lineno
                && prev.name == frame.name
        });
        if !same {
            push_repeated(&mut out, count);
            last = Some(frame);
            count = 0;
        }
        count += 1;
        let text = format_frame(frame, getline, policy, &mut warnings);
        if count <= RECURSIVE_CUTOFF {
            out.push_str(&text);
        }
    }
    push_repeated(&mut out, count);
    StackText {
        text: out,
        warnings,
    }
}

fn push_repeated(out: &mut String, count: usize) {
    if count > RECURSIVE_CUTOFF {
        let more = count - RECURSIVE_CUTOFF;
        let plural = if more > 1 { "s" } else { "" };
        out.push_str(&format!(
            "  [Previous line repeated {more} more time{plural}]\n"
        ));
    }
}

/// `format_frame_summary`: one frame's `File` line, then its source with the underline. The
/// `SyntaxWarning`s shown while parsing the source are appended to `warnings`.
pub fn format_frame<L>(
    frame: &Frame,
    getline: &L,
    policy: SyntaxWarnings,
    warnings: &mut Vec<SyntaxWarning>,
) -> String
where
    L: Fn(&str, u32) -> Option<String> + ?Sized,
{
    let filename = if frame.filename.starts_with("<stdin-") && frame.filename.ends_with('>') {
        "<stdin>"
    } else {
        &frame.filename
    };
    let lineno = frame
        .lineno
        .map_or_else(|| "None".to_owned(), |n| n.to_string());
    let mut row = format!("  File \"{filename}\", line {lineno}, in {}\n", frame.name);
    if let Some(source) = source_lines(frame, getline) {
        row.push_str(&format_source(frame, &source, policy, warnings));
    }
    row
}

/// `_set_lines`: the instruction's lines, each stripped of trailing whitespace, each followed by
/// a newline (`None` without a line number).
fn source_lines<L>(frame: &Frame, getline: &L) -> Option<String>
where
    L: Fn(&str, u32) -> Option<String> + ?Sized,
{
    let first = frame.lineno?;
    let last = frame.end_lineno.unwrap_or(first);
    let mut text = String::new();
    for lineno in first..=last {
        if lineno > first {
            text.push('\n');
        }
        if let Some(line) = getline(&frame.filename, lineno) {
            text.push_str(rstrip(&line));
        }
    }
    text.push('\n');
    Some(text)
}

/// The source part of a frame's text, from the lines `_set_lines` read.
fn format_source(
    frame: &Frame,
    original: &str,
    policy: SyntaxWarnings,
    warnings: &mut Vec<SyntaxWarning>,
) -> String {
    let dedented = dedent(original);
    if strip(&dedented).is_empty() {
        return String::new();
    }
    let (Some(lineno), Some(col), Some(end_col)) =
        (frame.lineno, frame.col_offset, frame.end_col_offset)
    else {
        // Without columns, only the first line, stripped.
        let first = original.split('\n').next().unwrap_or("");
        return indent_non_blank(strip(first), "    ") + "\n";
    };
    let end_lineno = frame.end_lineno.unwrap_or(lineno);
    let span = end_lineno.saturating_sub(lineno) as usize;
    let originals = splitlines(original, false);
    let (Some(first_line), Some(last_line)) = (originals.first(), originals.get(span)) else {
        return String::new();
    };
    let start = byte_to_char_offset(first_line, col as usize);
    let end = byte_to_char_offset(last_line, end_col as usize);
    let mut lines = splitlines(&dedented, false);
    lines.truncate(span + 1);
    let (Some(&first), Some(&last)) = (lines.first(), lines.last()) else {
        return String::new();
    };
    // The columns, moved left by what dedenting took off the first line.
    let dedent_chars = char_len(first_line).saturating_sub(char_len(first));
    let start = start.saturating_sub(dedent_chars);
    let end = end.saturating_sub(dedent_chars);

    let joined = lines.join("\n");
    let joined_len = char_len(&joined);
    let segment_end = (joined_len + end)
        .saturating_sub(char_len(last))
        .min(joined_len);
    let segment = slice_chars(&joined, start.min(joined_len), segment_end);
    let anchors = extract_anchors(segment, policy, warnings);
    let show_carets = should_show_carets(start, end, &lines, anchors, policy, warnings);
    let underline = Underline::new(&lines, start, end, anchors, show_carets);

    let mut result = String::new();
    let shown = significant_lines(lines.len(), anchors);
    let mut previous: Option<usize> = None;
    for &lineno in &shown {
        if let Some(prev) = previous {
            let gap = lineno - prev;
            if gap == 2 {
                underline.push_line(&mut result, lineno - 1);
            } else if gap > 2 {
                result.push_str(&format!("...<{} lines>...\n", gap - 1));
            }
        }
        underline.push_line(&mut result, lineno);
        previous = Some(lineno);
    }
    indent_all(&dedent(&result), "    ")
}

/// The lines worth showing: the first, the last, and those around each anchor, in order.
fn significant_lines(count: usize, anchors: Option<Anchors>) -> Vec<usize> {
    let mut shown = vec![0, count - 1];
    if let Some(a) = anchors {
        for line in [a.left_line, a.right_line] {
            shown.extend([line.wrapping_sub(1), line, line + 1]);
        }
    }
    shown.retain(|&line| line < count);
    shown.sort_unstable();
    shown.dedup();
    shown
}

/// How to draw the underline under each line of the instruction (the library's `output_line`).
struct Underline<'a> {
    lines: &'a [&'a str],
    show: bool,
    /// Display columns where the instruction starts on its first line and ends on its last.
    start: usize,
    end: usize,
    anchors: Option<Anchors>,
    /// Display columns of the anchors, on their own lines.
    left: usize,
    right: usize,
    primary: char,
    secondary: char,
}

impl<'a> Underline<'a> {
    fn new(
        lines: &'a [&'a str],
        start: usize,
        end: usize,
        anchors: Option<Anchors>,
        show: bool,
    ) -> Self {
        let first = lines.first().copied().unwrap_or("");
        let last = lines.last().copied().unwrap_or("");
        let mut underline = Underline {
            lines,
            show,
            start: display_width(first, start),
            end: display_width(last, end),
            anchors,
            left: 0,
            right: 0,
            primary: '^',
            secondary: '^',
        };
        if let Some(a) = anchors {
            // Anchors on the first line are relative to the instruction's start.
            let left = a.left_col + if a.left_line == 0 { start } else { 0 };
            let right = a.right_col + if a.right_line == 0 { start } else { 0 };
            underline.left = display_width(lines.get(a.left_line).copied().unwrap_or(""), left);
            underline.right = display_width(lines.get(a.right_line).copied().unwrap_or(""), right);
            underline.primary = '~';
            underline.secondary = '^';
        }
        underline
    }

    /// Line `lineno` of the instruction, and its underline when there is one.
    fn push_line(&self, out: &mut String, lineno: usize) {
        let line = self.lines.get(lineno).copied().unwrap_or("");
        out.push_str(line);
        out.push('\n');
        if !self.show {
            return;
        }
        let indent = char_len(line) - char_len(lstrip(line));
        let width = if lineno + 1 == self.lines.len() {
            self.end
        } else {
            line_width(line)
        };
        for col in 0..width {
            let ch = if col < indent || (lineno == 0 && col < self.start) {
                ' '
            } else if self.within_anchors(lineno, col) {
                self.secondary
            } else {
                self.primary
            };
            out.push(ch);
        }
        out.push('\n');
    }

    fn within_anchors(&self, lineno: usize, col: usize) -> bool {
        let Some(a) = self.anchors else {
            return false;
        };
        let after_left = lineno > a.left_line || (lineno == a.left_line && col >= self.left);
        let before_right = lineno < a.right_line || (lineno == a.right_line && col < self.right);
        after_left && before_right
    }
}

/// `_extract_from_extended_frame_gen`'s `limit` when the interpreter prints an uncaught exception
/// (`BUILTIN_EXCEPTION_LIMIT`): with `sys.tracebacklimit` set, only the innermost frames are kept,
/// a negative limit keeping none. As in the library, the count is a Python slice start, so a limit
/// larger than the stack counts from the outermost frame instead (`frames[len - limit:]`).
pub fn apply_builtin_limit(frames: &[Frame], tracebacklimit: Option<i64>) -> &[Frame] {
    let Some(limit) = tracebacklimit else {
        return frames;
    };
    let len = frames.len() as i64;
    let start = len - limit.max(0);
    let start = if start < 0 {
        (start + len).max(0)
    } else {
        start.min(len)
    };
    &frames[start as usize..]
}
