//! Expressions back to source text, for annotations under `from __future__ import
//! annotations` (PEP 563). Mirrors CPython 3.14's `Python/ast_unparse.c`, whose output the
//! annotation strings must equal (it differs from `ast.unparse` in places).

use crate::ast::{
    Arguments, BoolOp, CmpOp, Comprehension, Constant, Expr, ExprKind, Keyword, Operator, UnaryOp,
};
use crate::literals::{repr_bytes, repr_complex, repr_float, repr_str};
use crate::pystr::PyStr;

// Precedence levels (`PR_*`).
const TUPLE: u8 = 0;
const TEST: u8 = 1;
const OR: u8 = 2;
const AND: u8 = 3;
const NOT: u8 = 4;
const CMP: u8 = 5;
const BOR: u8 = 6;
const BXOR: u8 = 7;
const BAND: u8 = 8;
const SHIFT: u8 = 9;
const ARITH: u8 = 10;
const TERM: u8 = 11;
const FACTOR: u8 = 12;
const POWER: u8 = 13;
const AWAIT: u8 = 14;
const ATOM: u8 = 15;

/// The source text of an annotation (CPython's `_PyAST_ExprAsUnicode`).
pub(crate) fn unparse(e: &Expr) -> String {
    let mut out = String::new();
    expr(&mut out, e, TEST);
    out
}

fn paren_if(out: &mut String, cond: bool, s: &str) {
    if cond {
        out.push_str(s);
    }
}

fn join(out: &mut String, items: &[Expr], level: u8) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(out, item, level);
    }
}

fn expr(out: &mut String, e: &Expr, level: u8) {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || expr_inner(out, e, level));
}

fn expr_inner(out: &mut String, e: &Expr, level: u8) {
    match &e.kind {
        ExprKind::BoolOp { op, values } => {
            let (sep, pr) = if *op == BoolOp::And {
                (" and ", AND)
            } else {
                (" or ", OR)
            };
            paren_if(out, level > pr, "(");
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    out.push_str(sep);
                }
                expr(out, v, pr + 1);
            }
            paren_if(out, level > pr, ")");
        }
        ExprKind::BinOp { left, op, right } => {
            let (sym, pr) = match op {
                Operator::Add => (" + ", ARITH),
                Operator::Sub => (" - ", ARITH),
                Operator::Mult => (" * ", TERM),
                Operator::MatMult => (" @ ", TERM),
                Operator::Div => (" / ", TERM),
                Operator::Mod => (" % ", TERM),
                Operator::LShift => (" << ", SHIFT),
                Operator::RShift => (" >> ", SHIFT),
                Operator::BitOr => (" | ", BOR),
                Operator::BitXor => (" ^ ", BXOR),
                Operator::BitAnd => (" & ", BAND),
                Operator::FloorDiv => (" // ", TERM),
                Operator::Pow => (" ** ", POWER),
            };
            let rassoc = u8::from(*op == Operator::Pow);
            paren_if(out, level > pr, "(");
            expr(out, left, pr + rassoc);
            out.push_str(sym);
            expr(out, right, pr + 1 - rassoc);
            paren_if(out, level > pr, ")");
        }
        ExprKind::UnaryOp { op, operand } => {
            let (sym, pr) = match op {
                UnaryOp::Invert => ("~", FACTOR),
                UnaryOp::Not => ("not ", NOT),
                UnaryOp::UAdd => ("+", FACTOR),
                UnaryOp::USub => ("-", FACTOR),
            };
            paren_if(out, level > pr, "(");
            out.push_str(sym);
            expr(out, operand, pr);
            paren_if(out, level > pr, ")");
        }
        ExprKind::Lambda { args, body } => {
            paren_if(out, level > TEST, "(");
            let positional = args.args.len() + args.posonlyargs.len();
            out.push_str(if positional > 0 { "lambda " } else { "lambda" });
            arguments(out, args);
            out.push_str(": ");
            expr(out, body, TEST);
            paren_if(out, level > TEST, ")");
        }
        ExprKind::IfExp { test, body, orelse } => {
            paren_if(out, level > TEST, "(");
            expr(out, body, TEST + 1);
            out.push_str(" if ");
            expr(out, test, TEST + 1);
            out.push_str(" else ");
            expr(out, orelse, TEST);
            paren_if(out, level > TEST, ")");
        }
        ExprKind::Dict { keys, values } => {
            out.push('{');
            for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        expr(out, k, TEST);
                        out.push_str(": ");
                        expr(out, v, TEST);
                    }
                    None => {
                        out.push_str("**");
                        expr(out, v, BOR);
                    }
                }
            }
            out.push('}');
        }
        ExprKind::Set { elts } => {
            out.push('{');
            join(out, elts, TEST);
            out.push('}');
        }
        ExprKind::GeneratorExp { elt, generators } => {
            out.push('(');
            expr(out, elt, TEST);
            comprehensions(out, generators);
            out.push(')');
        }
        ExprKind::ListComp { elt, generators } => {
            out.push('[');
            expr(out, elt, TEST);
            comprehensions(out, generators);
            out.push(']');
        }
        ExprKind::SetComp { elt, generators } => {
            out.push('{');
            expr(out, elt, TEST);
            comprehensions(out, generators);
            out.push('}');
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            out.push('{');
            expr(out, key, TEST);
            out.push_str(": ");
            expr(out, value, TEST);
            comprehensions(out, generators);
            out.push('}');
        }
        ExprKind::Yield { value } => match value {
            None => out.push_str("(yield)"),
            Some(v) => {
                out.push_str("(yield ");
                expr(out, v, TEST);
                out.push(')');
            }
        },
        ExprKind::YieldFrom { value } => {
            out.push_str("(yield from ");
            expr(out, value, TEST);
            out.push(')');
        }
        ExprKind::Await { value } => {
            paren_if(out, level > AWAIT, "(");
            out.push_str("await ");
            expr(out, value, ATOM);
            paren_if(out, level > AWAIT, ")");
        }
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            paren_if(out, level > CMP, "(");
            expr(out, left, CMP + 1);
            for (op, c) in ops.iter().zip(comparators) {
                out.push_str(match op {
                    CmpOp::Eq => " == ",
                    CmpOp::NotEq => " != ",
                    CmpOp::Lt => " < ",
                    CmpOp::LtE => " <= ",
                    CmpOp::Gt => " > ",
                    CmpOp::GtE => " >= ",
                    CmpOp::Is => " is ",
                    CmpOp::IsNot => " is not ",
                    CmpOp::In => " in ",
                    CmpOp::NotIn => " not in ",
                });
                expr(out, c, CMP + 1);
            }
            paren_if(out, level > CMP, ")");
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => call(out, func, args, keywords),
        ExprKind::Constant { value, kind } => {
            if let Some(k) = kind {
                out.push_str(k);
            }
            constant(out, value);
        }
        ExprKind::JoinedStr { values } => {
            let body = fstring_body(values);
            out.push('f');
            out.push_str(&repr_str(&PyStr::from(body.as_str())));
        }
        ExprKind::FormattedValue { .. } => formatted_value(out, e),
        ExprKind::TemplateStr { values } => {
            let body = fstring_body(values);
            out.push('t');
            out.push_str(&repr_str(&PyStr::from(body.as_str())));
        }
        ExprKind::Interpolation { .. } => formatted_value(out, e),
        ExprKind::Attribute { value, attr, .. } => {
            expr(out, value, ATOM);
            let int = matches!(
                value.kind,
                ExprKind::Constant {
                    value: Constant::Int(_),
                    ..
                }
            );
            out.push_str(if int { " ." } else { "." });
            out.push_str(attr);
        }
        ExprKind::Subscript { value, slice, .. } => {
            expr(out, value, ATOM);
            out.push('[');
            match &slice.kind {
                ExprKind::Tuple { elts, .. } if !elts.is_empty() => {
                    join(out, elts, TEST);
                    if elts.len() == 1 {
                        out.push(',');
                    }
                }
                _ => expr(out, slice, TUPLE),
            }
            out.push(']');
        }
        ExprKind::Starred { value, .. } => {
            out.push('*');
            expr(out, value, BOR);
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                expr(out, l, TEST);
            }
            out.push(':');
            if let Some(u) = upper {
                expr(out, u, TEST);
            }
            if let Some(s) = step {
                out.push(':');
                expr(out, s, TEST);
            }
        }
        ExprKind::Name { id, .. } => out.push_str(id),
        ExprKind::List { elts, .. } => {
            out.push('[');
            join(out, elts, TEST);
            out.push(']');
        }
        ExprKind::Tuple { elts, .. } => {
            if elts.is_empty() {
                out.push_str("()");
                return;
            }
            paren_if(out, level > TUPLE, "(");
            join(out, elts, TEST);
            if elts.len() == 1 {
                out.push(',');
            }
            paren_if(out, level > TUPLE, ")");
        }
        ExprKind::NamedExpr { target, value } => {
            paren_if(out, level > TUPLE, "(");
            expr(out, target, ATOM);
            out.push_str(" := ");
            expr(out, value, ATOM);
            paren_if(out, level > TUPLE, ")");
        }
    }
}

fn constant(out: &mut String, c: &Constant) {
    match c {
        Constant::None => out.push_str("None"),
        Constant::Bool(b) => out.push_str(if *b { "True" } else { "False" }),
        Constant::Ellipsis => out.push_str("..."),
        Constant::Int(i) => out.push_str(&i.to_string()),
        Constant::Float(f) if f.is_infinite() => {
            out.push_str(&repr_float(*f).replace("inf", "1e309"))
        }
        Constant::Float(f) => out.push_str(&repr_float(*f)),
        Constant::Complex { real, imag } => {
            out.push_str(&repr_complex(*real, *imag).replace("inf", "1e309"))
        }
        Constant::Str(s) => out.push_str(&repr_str(s)),
        Constant::Bytes(b) => out.push_str(&repr_bytes(b)),
    }
}

fn call(out: &mut String, func: &Expr, args: &[Expr], keywords: &[Keyword]) {
    expr(out, func, ATOM);
    if let ([only], []) = (args, keywords) {
        if let ExprKind::GeneratorExp { .. } = only.kind {
            expr(out, only, ATOM);
            return;
        }
    }
    out.push('(');
    join(out, args, TEST);
    for (i, k) in keywords.iter().enumerate() {
        if i > 0 || !args.is_empty() {
            out.push_str(", ");
        }
        match &k.arg {
            Some(name) => {
                out.push_str(name);
                out.push('=');
            }
            None => out.push_str("**"),
        }
        expr(out, &k.value, TEST);
    }
    out.push(')');
}

fn comprehensions(out: &mut String, generators: &[Comprehension]) {
    for g in generators {
        out.push_str(if g.is_async { " async for " } else { " for " });
        expr(out, &g.target, TUPLE);
        out.push_str(" in ");
        expr(out, &g.iter, TEST + 1);
        for cond in &g.ifs {
            out.push_str(" if ");
            expr(out, cond, TEST + 1);
        }
    }
}

fn arguments(out: &mut String, a: &Arguments) {
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !std::mem::take(&mut first) {
            out.push_str(", ");
        }
    };
    let npos = a.posonlyargs.len() + a.args.len();
    for (i, arg) in a.posonlyargs.iter().chain(&a.args).enumerate() {
        sep(out);
        out.push_str(&arg.arg);
        if let Some(ann) = &arg.annotation {
            out.push_str(": ");
            expr(out, ann, TEST);
        }
        if let Some(di) = (i + a.defaults.len()).checked_sub(npos) {
            out.push('=');
            expr(out, &a.defaults[di], TEST);
        }
        if !a.posonlyargs.is_empty() && i + 1 == a.posonlyargs.len() {
            out.push_str(", /");
        }
    }
    if a.vararg.is_some() || !a.kwonlyargs.is_empty() {
        sep(out);
        out.push('*');
        if let Some(v) = &a.vararg {
            out.push_str(&v.arg);
        }
    }
    for (arg, default) in a.kwonlyargs.iter().zip(&a.kw_defaults) {
        sep(out);
        out.push_str(&arg.arg);
        if let Some(d) = default {
            out.push('=');
            expr(out, d, TEST);
        }
    }
    if let Some(k) = &a.kwarg {
        sep(out);
        out.push_str("**");
        out.push_str(&k.arg);
    }
}

/// The text between the quotes of an f-string (or of a format spec).
fn fstring_body(values: &[Expr]) -> String {
    let mut out = String::new();
    for v in values {
        match &v.kind {
            ExprKind::Constant {
                value: Constant::Str(s),
                ..
            } => {
                out.push_str(&s.to_string_lossy().replace('{', "{{").replace('}', "}}"));
            }
            ExprKind::JoinedStr { values } => out.push_str(&fstring_body(values)),
            _ => formatted_value(&mut out, v),
        }
    }
    out
}

fn formatted_value(out: &mut String, e: &Expr) {
    let (value, conversion, spec) = match &e.kind {
        ExprKind::FormattedValue {
            value,
            conversion,
            format_spec,
        }
        | ExprKind::Interpolation {
            value,
            conversion,
            format_spec,
            ..
        } => (value, *conversion, format_spec),
        _ => return,
    };
    let mut inner = String::new();
    expr(&mut inner, value, TEST + 1);
    out.push_str(if inner.starts_with('{') { "{ " } else { "{" });
    out.push_str(&inner);
    match u8::try_from(conversion) {
        Ok(b'a') => out.push_str("!a"),
        Ok(b'r') => out.push_str("!r"),
        Ok(b's') => out.push_str("!s"),
        _ => {}
    }
    if let Some(spec) = spec {
        out.push(':');
        match &spec.kind {
            ExprKind::JoinedStr { values } => out.push_str(&fstring_body(values)),
            _ => expr(out, spec, TEST),
        }
    }
    out.push('}');
}
