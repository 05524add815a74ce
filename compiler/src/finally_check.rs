//! PEP 765's compile-time `SyntaxWarning`s for `return`, `break` and `continue` that leave a
//! `finally` block (CPython's Python/ast_preprocess.c, `before_return` and
//! `before_loop_exit`): a function body or a loop body inside the `finally` starts a context
//! of its own, in which such statements are fine.

use crate::ast::{Module, Stmt, StmtKind};
use crate::text::LineIndex;

/// A `SyntaxWarning` found while compiling: its line and message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileWarning {
    pub lineno: u32,
    pub msg: String,
}

/// The innermost construct that decides whether leaving it warns.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    Module,
    Finally,
    Function,
    Loop,
}

/// The warnings for `module`, in source order.
pub fn finally_warnings(module: &Module, lines: &LineIndex) -> Vec<CompileWarning> {
    let mut out = Vec::new();
    visit_body(&module.body, Context::Module, lines, &mut out);
    out
}

fn visit_body(body: &[Stmt], ctx: Context, lines: &LineIndex, out: &mut Vec<CompileWarning>) {
    for stmt in body {
        // Source may nest deeply: each level runs on a stack with room for it.
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || visit(stmt, ctx, lines, out));
    }
}

fn visit(stmt: &Stmt, ctx: Context, lines: &LineIndex, out: &mut Vec<CompileWarning>) {
    let keyword = match &stmt.kind {
        StmtKind::Return { .. } => Some("return"),
        StmtKind::Break => Some("break"),
        StmtKind::Continue => Some("continue"),
        _ => None,
    };
    if let Some(keyword) = keyword {
        if ctx == Context::Finally {
            out.push(CompileWarning {
                lineno: lines.line_col(stmt.range.start).0,
                msg: format!("'{keyword}' in a 'finally' block"),
            });
        }
        return;
    }
    match &stmt.kind {
        StmtKind::FunctionDef(f) => visit_body(&f.body, Context::Function, lines, out),
        StmtKind::ClassDef(c) => visit_body(&c.body, Context::Function, lines, out),
        StmtKind::For { body, orelse, .. } | StmtKind::While { body, orelse, .. } => {
            visit_body(body, Context::Loop, lines, out);
            visit_body(orelse, ctx, lines, out);
        }
        StmtKind::If { body, orelse, .. } => {
            visit_body(body, ctx, lines, out);
            visit_body(orelse, ctx, lines, out);
        }
        StmtKind::With { body, .. } => visit_body(body, ctx, lines, out),
        StmtKind::Match { cases, .. } => {
            for case in cases {
                visit_body(&case.body, ctx, lines, out);
            }
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            ..
        } => {
            visit_body(body, ctx, lines, out);
            for h in handlers {
                visit_body(&h.body, ctx, lines, out);
            }
            visit_body(orelse, ctx, lines, out);
            visit_body(finalbody, Context::Finally, lines, out);
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(src: &str) -> Vec<(u32, String)> {
        let Ok(module) = crate::parse_module(src) else {
            return Vec::new();
        };
        finally_warnings(&module, &LineIndex::new(src))
            .into_iter()
            .map(|w| (w.lineno, w.msg))
            .collect()
    }

    #[test]
    fn warns_only_for_statements_leaving_the_finally() {
        let src = "def f():\n    try:\n        pass\n    finally:\n        return 1\n\
                   def g():\n    try:\n        pass\n    finally:\n        for i in x:\n            break\n        def h():\n            return 2\n\
                   for i in x:\n    try:\n        pass\n    finally:\n        if i:\n            continue\n";
        assert_eq!(
            lines_of(src),
            vec![
                (5, "'return' in a 'finally' block".to_string()),
                (19, "'continue' in a 'finally' block".to_string()),
            ]
        );
    }
}
