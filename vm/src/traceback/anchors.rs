//! Where the carets under a traceback line go: the operator of a binary operation, the brackets of
//! a subscript or call (`_extract_caret_anchors_from_line_segment`), and whether an underline is
//! worth showing at all (`StackSummary._should_show_carets`). Mirrors Lib/traceback.py, parsing the
//! code with protopy's own parser where the library calls `ast.parse`.

use protopy_compiler::ast::{Expr, ExprKind, StmtKind};
use protopy_compiler::text::{LineIndex, TextRange};

use super::pytext::{
    byte_to_char_offset, is_space, lstrip, rstrip, skip_chars, splitlines, take_chars,
};
use super::warnings::{parse, SyntaxWarning, SyntaxWarnings};

/// The part of an expression drawn with the secondary character: from `left` (inclusive) to
/// `right` (exclusive), as (line, column) in code points, lines counted from the segment's first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Anchors {
    pub left_line: usize,
    pub left_col: usize,
    pub right_line: usize,
    pub right_col: usize,
}

/// (line, column in code points) into the segment's lines.
type Pos = (usize, usize);

/// The segment's lines, as code points, with the cursor moves the library makes over them.
struct Lines {
    lines: Vec<Vec<char>>,
}

impl Lines {
    fn len_of(&self, line: usize) -> Option<usize> {
        self.lines.get(line).map(Vec::len)
    }

    fn char_at(&self, (line, col): Pos) -> Option<char> {
        self.lines.get(line)?.get(col).copied()
    }

    /// `next_valid_char`: the first character at or after `pos`, skipping line ends and empty
    /// lines; `None` past the last line (the library's failed assertion).
    fn next_valid(&self, (mut line, mut col): Pos) -> Option<Pos> {
        while line < self.lines.len() && col >= self.lines[line].len() {
            col = 0;
            line += 1;
        }
        (line < self.lines.len()).then_some((line, col))
    }

    /// `increment_until`: from `pos`, the first character satisfying `stop`; a backslash or `#`
    /// skips to the next line.
    fn advance_until(&self, mut pos: Pos, stop: impl Fn(char) -> bool) -> Option<Pos> {
        loop {
            let ch = self.char_at(pos)?;
            if ch == '\\' || ch == '#' {
                pos = self.next_valid((pos.0 + 1, 0))?;
            } else if stop(ch) {
                return Some(pos);
            } else {
                pos = self.next_valid((pos.0, pos.1 + 1))?;
            }
        }
    }
}

/// The parsed segment, with the text it was parsed from, to turn AST byte ranges into the
/// library's positions.
struct Parsed<'a> {
    segment_lines: Vec<&'a str>,
    index: LineIndex,
}

impl Parsed<'_> {
    /// `normalize`: the code point column of byte column `offset` on segment line `line`.
    fn normalize(&self, line: usize, offset: u32) -> Option<usize> {
        let text = self.segment_lines.get(line)?;
        Some(byte_to_char_offset(text, offset as usize))
    }

    /// The segment line (the wrapped source's line less two) and byte column of `offset`.
    fn line_col(&self, offset: u32) -> Option<(usize, u32)> {
        let (line, col) = self.index.line_col(offset);
        Some(((line as usize).checked_sub(2)?, col))
    }

    /// `setup_positions`: where `range` ends, in code points; with `force_valid`, moved onto the
    /// next character that exists.
    fn end_of(&self, lines: &Lines, range: TextRange, force_valid: bool) -> Option<Pos> {
        let (line, col) = self.line_col(range.end)?;
        let pos = (line, self.normalize(line, col)?);
        if force_valid {
            lines.next_valid(pos)
        } else {
            Some(pos)
        }
    }
}

/// `_extract_caret_anchors_from_line_segment(segment)`: the anchors of the expression `segment`,
/// when it is a binary operation, a subscript or a call; `None` otherwise, and wherever the
/// library would fail. Parsing may warn (into `warnings`).
pub(super) fn extract_anchors(
    segment: &str,
    policy: SyntaxWarnings,
    warnings: &mut Vec<SyntaxWarning>,
) -> Option<Anchors> {
    let wrapped = format!("(\n{segment}\n)");
    let module = parse(&wrapped, policy, warnings)?;
    let [stmt] = module.body.as_slice() else {
        return None;
    };
    let StmtKind::Expr { value: expr } = &stmt.kind else {
        return None;
    };
    let segment_lines = splitlines(segment, false);
    let lines = Lines {
        lines: segment_lines.iter().map(|l| l.chars().collect()).collect(),
    };
    let parsed = Parsed {
        segment_lines,
        index: LineIndex::new(&wrapped),
    };
    match &expr.kind {
        ExprKind::BinOp { left, right, .. } => binop_anchors(&parsed, &lines, left, right),
        ExprKind::Subscript { value, .. } => bracket_anchors(&parsed, &lines, expr, value, '['),
        ExprKind::Call { func, .. } => bracket_anchors(&parsed, &lines, expr, func, '('),
        _ => None,
    }
}

/// The operator between `left` and `right`: its first character is the first one after `left`
/// that is neither space nor `)`; a second one follows on the same line when it is not space, not
/// `\` or `#`, and not already part of `right`.
fn binop_anchors(parsed: &Parsed<'_>, lines: &Lines, left: &Expr, right: &Expr) -> Option<Anchors> {
    let start = parsed.end_of(lines, left.range, true)?;
    let (line, col) = lines.advance_until(start, |ch| !is_space(ch) && ch != ')')?;
    let mut right_col = col + 1;
    if right_col < lines.len_of(line)? {
        let (right_line, right_byte_col) = parsed.line_col(right.range.start)?;
        let before_right =
            right_line > line || right_col < parsed.normalize(right_line, right_byte_col)?;
        let second = lines.char_at((line, right_col))?;
        if before_right && !is_space(second) && second != '\\' && second != '#' {
            right_col += 1;
        }
    }
    Some(Anchors {
        left_line: line,
        left_col: col,
        right_line: line,
        right_col,
    })
}

/// From the `open` bracket after `head` to the end of `whole`.
fn bracket_anchors(
    parsed: &Parsed<'_>,
    lines: &Lines,
    whole: &Expr,
    head: &Expr,
    open: char,
) -> Option<Anchors> {
    let start = parsed.end_of(lines, head.range, true)?;
    let (left_line, left_col) = lines.advance_until(start, |ch| ch == open)?;
    let (right_line, right_col) = parsed.end_of(lines, whole.range, false)?;
    Some(Anchors {
        left_line,
        left_col,
        right_line,
        right_col,
    })
}

/// `_should_show_carets`: no underline when the lines are `return f(...)` or `x = f(...)` and the
/// call is exactly the instruction and fills every line; otherwise one when there are anchors or
/// the instruction leaves something other than whitespace on its first or last line.
/// `start` and `end` are code point columns on the first and last of `lines`.
pub(super) fn should_show_carets(
    start: usize,
    end: usize,
    lines: &[&str],
    anchors: Option<Anchors>,
    policy: SyntaxWarnings,
    warnings: &mut Vec<SyntaxWarning>,
) -> bool {
    let text = lines.join("\n");
    if let Some(module) = parse(&text, policy, warnings) {
        let Some(stmt) = module.body.first() else {
            return false;
        };
        let call = match &stmt.kind {
            StmtKind::Return { value: Some(value) } => match &value.kind {
                ExprKind::Call { func, .. } if matches!(func.kind, ExprKind::Name { .. }) => {
                    Some(value)
                }
                _ => None,
            },
            StmtKind::Assign { targets, value } => match (targets.as_slice(), &value.kind) {
                ([target], ExprKind::Call { .. })
                    if matches!(target.kind, ExprKind::Name { .. }) =>
                {
                    Some(value)
                }
                _ => None,
            },
            _ => None,
        };
        if call.is_some_and(|call| fills_lines(call.range, &text, lines.len(), start, end)) {
            return false;
        }
    }
    if anchors.is_some() {
        return true;
    }
    let first = lines.first().copied().unwrap_or("");
    let last = lines.last().copied().unwrap_or("");
    !lstrip(take_chars(first, start)).is_empty() || !rstrip(skip_chars(last, end)).is_empty()
}

/// `_spawns_full_line`: the expression starts on the first line and ends on the last, at columns
/// `start` and `end`. As in the library, the AST's columns (UTF-8 bytes) are compared with the
/// instruction's (code points).
fn fills_lines(range: TextRange, text: &str, line_count: usize, start: usize, end: usize) -> bool {
    let index = LineIndex::new(text);
    let (line, col) = index.line_col(range.start);
    let (end_line, end_col) = index.line_col(range.end);
    line == 1 && end_line as usize == line_count && col as usize == start && end_col as usize == end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchors(segment: &str) -> Option<(usize, usize, usize, usize)> {
        extract_anchors(segment, SyntaxWarnings::Show, &mut Vec::new())
            .map(|a| (a.left_line, a.left_col, a.right_line, a.right_col))
    }

    #[test]
    fn binary_operators() {
        assert_eq!(anchors("1 / zero"), Some((0, 2, 0, 3)));
        assert_eq!(anchors("a//b"), Some((0, 1, 0, 3)));
        assert_eq!(anchors("(a) ** (b)"), Some((0, 4, 0, 6)));
        assert_eq!(anchors("a -b"), Some((0, 2, 0, 3)));
        assert_eq!(anchors("a +\n  b"), Some((0, 2, 0, 3)));
        assert_eq!(anchors("a \\\n+ b"), Some((1, 0, 1, 1)));
        assert_eq!(anchors("a # c\n  * b"), Some((1, 2, 1, 3)));
    }

    #[test]
    fn subscripts_and_calls() {
        assert_eq!(anchors("x['a'][5]"), Some((0, 6, 0, 9)));
        assert_eq!(anchors("main()"), Some((0, 4, 0, 6)));
        assert_eq!(anchors("f(\n  1,\n)"), Some((0, 1, 2, 1)));
        assert_eq!(anchors("a.b (c)"), Some((0, 4, 0, 7)));
    }

    #[test]
    fn other_expressions_have_none() {
        for segment in ["x.y", "-x", "a < b", "x = 1", "a; b", "(", "", "lambda: 0"] {
            assert_eq!(anchors(segment), None, "{segment:?}");
        }
    }

    fn show(start: usize, end: usize, lines: &[&str], anchors: Option<Anchors>) -> bool {
        should_show_carets(
            start,
            end,
            lines,
            anchors,
            SyntaxWarnings::Show,
            &mut Vec::new(),
        )
    }

    #[test]
    fn carets_hidden_only_when_they_would_cover_everything() {
        assert!(!show(7, 14, &["return f(a, b)"], None));
        assert!(show(7, 13, &["return f(a, b)"], None));
        assert!(!show(4, 8, &["x = f(1)"], None));
        assert!(show(4, 8, &["x = f(1) + 1"], None));
        assert!(!show(0, 5, &["raise"], None));
        assert!(show(
            0,
            5,
            &["x.y.z"],
            Some(Anchors {
                left_line: 0,
                left_col: 1,
                right_line: 0,
                right_col: 2
            })
        ));
        assert!(show(0, 3, &["x.y.z"], None));
    }
}
