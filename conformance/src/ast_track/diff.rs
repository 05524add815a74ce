//! Where two `ast.dump` strings first differ, an excerpt of both around that place, and a
//! normalized signature of the difference (`Name.col_offset: CPython `N`, protopy `N``) that
//! groups files failing for the same reason.

/// Characters of context shown before the first difference.
const CONTEXT_BEFORE: usize = 30;
/// Characters of context shown in all.
const CONTEXT_LEN: usize = 80;
/// Longest token excerpt a signature quotes.
const TOKEN_MAX: usize = 40;

/// The first place where the protopy dump departs from the reference dump.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// Byte offset of the first differing character (the same in both dumps).
    pub offset: usize,
    /// About [`CONTEXT_LEN`] characters of the reference dump around `offset`.
    pub reference: String,
    /// The same span of the protopy dump.
    pub protopy: String,
    /// The normalized grouping key.
    pub signature: String,
}

/// The first difference between `reference` and `protopy`, or `None` when they are identical.
pub fn first_difference(reference: &str, protopy: &str) -> Option<Difference> {
    if reference == protopy {
        return None;
    }
    let common = reference
        .bytes()
        .zip(protopy.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    // The common prefix is the same bytes in both, so a char boundary in one is one in the other.
    let offset = floor_boundary(reference, common.min(reference.len()));
    // Up to CONTEXT_BEFORE characters before the difference.
    let start = reference[..offset]
        .char_indices()
        .rev()
        .nth(CONTEXT_BEFORE - 1)
        .map_or(0, |(i, _)| i);
    let excerpt = |s: &str| s[start..].chars().take(CONTEXT_LEN).collect::<String>();
    let place = locate(&reference[..offset]);
    let ours = token_at(protopy, place.token_start);
    let theirs = token_at(reference, place.token_start);
    let signature = format!(
        "{}: CPython `{}`, protopy `{}`",
        place.location, theirs, ours
    );
    Some(Difference {
        offset,
        reference: excerpt(reference),
        protopy: excerpt(protopy),
        signature,
    })
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Where a dump prefix ends: the innermost node and field, and where the current token began.
#[derive(Debug, PartialEq, Eq)]
struct Place {
    /// `Node.field`, `Node.field[]` inside a list, or `Module` at the top.
    location: String,
    /// Byte offset after the last delimiter outside a string literal.
    token_start: usize,
}

/// Reads an `ast.dump` prefix with a small state machine: node names open with `(`, fields end
/// with `=`, lists open with `[`; string literals (reprs, with backslash escapes) are skipped.
fn locate(prefix: &str) -> Place {
    struct Frame {
        node: String,
        field: String,
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut ident = String::new();
    let mut token_start = 0;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in prefix.char_indices() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => {
                quote = Some(c);
                ident.clear();
            }
            '(' => {
                stack.push(Frame {
                    node: std::mem::take(&mut ident),
                    field: String::new(),
                });
                token_start = i + 1;
            }
            '[' => {
                stack.push(Frame {
                    node: "[".to_string(),
                    field: String::new(),
                });
                token_start = i + 1;
            }
            '=' => {
                if let Some(top) = stack.last_mut() {
                    top.field = std::mem::take(&mut ident);
                }
                token_start = i + 1;
            }
            ')' | ']' => {
                stack.pop();
                // The parent's field value is complete; inside a list the list field goes on.
                if let Some(top) = stack.last_mut().filter(|f| f.node != "[") {
                    top.field.clear();
                }
                ident.clear();
                token_start = i + 1;
            }
            ',' | ' ' => {
                ident.clear();
                token_start = i + 1;
            }
            c if c.is_alphanumeric() || c == '_' => ident.push(c),
            _ => ident.clear(),
        }
    }
    let lists = stack.iter().rev().take_while(|f| f.node == "[").count();
    let location = match stack.iter().rev().find(|f| f.node != "[") {
        None => "Module".to_string(),
        Some(f) if f.field.is_empty() => f.node.clone(),
        Some(f) => format!("{}.{}{}", f.node, f.field, "[]".repeat(lists)),
    };
    Place {
        location,
        token_start,
    }
}

/// The token of `dump` starting at `start`, up to a delimiter (kept when it is `(` or `=`, or
/// when the token would be empty), normalized by [`normalize`].
fn token_at(dump: &str, start: usize) -> String {
    let Some(rest) = dump.get(start..) else {
        return "<end>".to_string();
    };
    let rest = rest.strip_prefix(", ").unwrap_or(rest);
    if rest.is_empty() {
        return "<end>".to_string();
    }
    let mut end = rest.len();
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in rest.char_indices() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => quote = Some(c),
            '(' | '=' | '[' => {
                end = i + c.len_utf8();
                break;
            }
            ',' | ')' | ']' | ' ' => {
                end = if i == 0 { c.len_utf8() } else { i };
                break;
            }
            _ => {}
        }
    }
    let token = normalize(&rest[..end]);
    if token.chars().count() > TOKEN_MAX {
        let cut: String = token.chars().take(TOKEN_MAX).collect();
        format!("{cut}…")
    } else {
        token
    }
}

/// Replaces what varies between files with placeholders: the contents of string literals become
/// `…` (quotes and prefixes kept), and numbers not part of an identifier become `N`.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut prev: Option<char> = None;
    while let Some(c) = chars.next() {
        if c == '\'' || c == '"' {
            out.push(c);
            out.push('…');
            let mut escaped = false;
            let mut closed = false;
            for d in chars.by_ref() {
                if escaped {
                    escaped = false;
                } else if d == '\\' {
                    escaped = true;
                } else if d == c {
                    closed = true;
                    break;
                }
            }
            if closed {
                out.push(c);
            }
            prev = Some(c);
            continue;
        }
        let in_ident = prev.is_some_and(|p| p.is_alphanumeric() || p == '_');
        if c.is_ascii_digit() && !in_ident {
            out.push('N');
            while let Some(&d) = chars.peek() {
                if d.is_ascii_alphanumeric() || d == '_' || d == '.' {
                    chars.next();
                } else {
                    break;
                }
            }
            prev = Some('N');
            continue;
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn identical_dumps_have_no_difference() {
        assert_eq!(first_difference("Module(body=[])", "Module(body=[])"), None);
    }

    #[test]
    fn finds_the_first_differing_byte() {
        let r = "Module(body=[Expr(value=Name(id='x', ctx=Load()))])";
        let p = "Module(body=[Expr(value=Name(id='y', ctx=Load()))])";
        let d = first_difference(r, p).unwrap();
        assert_eq!(d.offset, r.find("x'").unwrap());
        // The excerpts start 30 characters before the difference.
        assert_eq!(d.reference, &r[d.offset - 30..]);
        assert_eq!(d.protopy, &p[d.offset - 30..]);
        // Both names are string literals: they normalize to the same token.
        assert_eq!(d.signature, "Name.id: CPython `'…'`, protopy `'…'`");
    }

    #[test]
    fn a_wrong_node_type_names_the_field() {
        let r = "Module(body=[Expr(value=Constant(value=1))])";
        let p = "Module(body=[Expr(value=Name(id='a', ctx=Load()))])";
        let d = first_difference(r, p).unwrap();
        assert_eq!(
            d.signature,
            "Expr.value: CPython `Constant(`, protopy `Name(`"
        );
    }

    #[test]
    fn positions_group_by_field_not_by_value() {
        let r = "Name(id='x', ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5)";
        let p1 = "Name(id='x', ctx=Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=6)";
        let p2 =
            "Name(id='x', ctx=Load(), lineno=1, col_offset=14, end_lineno=1, end_col_offset=6)";
        let a = first_difference(r, p1).unwrap();
        let b = first_difference(r, p2).unwrap();
        assert_eq!(a.signature, "Name.col_offset: CPython `N`, protopy `N`");
        assert_eq!(a.signature, b.signature);
    }

    #[test]
    fn a_missing_field_shows_the_field_names() {
        let r = "FunctionDef(name='f', args=arguments(), body=[Pass()], returns=Name(id='int', ctx=Load()))";
        let p = "FunctionDef(name='f', args=arguments(), body=[Pass()])";
        let d = first_difference(r, p).unwrap();
        assert_eq!(d.signature, "FunctionDef: CPython `returns=`, protopy `)`");
        let p = "FunctionDef(name='f', args=arguments(), body=[Pass()], type_comment='x')";
        let d = first_difference(r, p).unwrap();
        assert_eq!(
            d.signature,
            "FunctionDef: CPython `returns=`, protopy `type_comment=`"
        );
    }

    #[test]
    fn list_elements_name_the_list_field() {
        let d = first_difference(
            "Module(body=[Pass(), Pass()])",
            "Module(body=[Pass(), Break()])",
        )
        .unwrap();
        assert_eq!(
            d.signature,
            "Module.body[]: CPython `Pass(`, protopy `Break(`"
        );
    }

    #[test]
    fn an_empty_protopy_dump_differs_at_the_start() {
        let d = first_difference("Module(body=[Pass()])", "").unwrap();
        assert_eq!(d.offset, 0);
        assert_eq!(d.protopy, "");
        assert_eq!(d.signature, "Module: CPython `Module(`, protopy `<end>`");
    }

    #[test]
    fn a_difference_inside_a_string_starts_the_token_at_the_quote() {
        let r = "Constant(value='a(b=c')";
        let p = "Constant(value='a(b=d')";
        let d = first_difference(r, p).unwrap();
        assert_eq!(d.offset, r.find("c'").unwrap());
        assert_eq!(d.signature, "Constant.value: CPython `'…'`, protopy `'…'`");
        let d = first_difference("Constant(value='x')", "Constant(value=b'x')").unwrap();
        assert_eq!(d.signature, "Constant.value: CPython `'…'`, protopy `b'…'`");
    }

    #[test]
    fn context_is_cut_around_the_difference_on_char_boundaries() {
        let r = format!("{}é{}", "a".repeat(100), "b".repeat(100));
        let p = format!("{}é{}", "a".repeat(100), "c".repeat(100));
        let d = first_difference(&r, &p).unwrap();
        assert_eq!(d.offset, 102);
        assert_eq!(d.reference.chars().count(), CONTEXT_LEN);
        assert!(d.reference.starts_with(&"a".repeat(29)));
        assert!(d.reference.contains("éb"));
        assert!(d.protopy.contains("éc"));
        // Differing inside a multi-byte character backs up to its start.
        let d = first_difference("xé", "xè").unwrap();
        assert_eq!(d.offset, 1);
    }

    #[test]
    fn normalize_hides_literals_and_numbers() {
        assert_eq!(normalize("col_offset=12"), "col_offset=N");
        assert_eq!(normalize("'it\\'s' b\"x\""), "'…' b\"…\"");
        assert_eq!(normalize("f2(3.5e10, 0x1F)"), "f2(N, N)");
        assert_eq!(normalize("unterminated 'abc"), "unterminated '…");
    }
}
