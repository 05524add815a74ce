//! `ast.dump(node)` and `ast.dump(node, include_attributes=True)` as CPython 3.14 prints them
//! (Lib/ast.py `dump`, with `indent=None` and `show_empty=False`): fields in ASDL order, optional
//! fields that are `None` and empty lists left out, positions last.

use super::*;
use crate::literals;
use crate::text::LineIndex;

/// What `ast.dump(module, include_attributes=...)` prints; `lines` indexes the parsed source.
pub fn dump_module(module: &Module, lines: &LineIndex, include_attributes: bool) -> String {
    let mut w = Writer {
        out: String::with_capacity(1024),
        lines,
        attrs: include_attributes,
        first: Vec::new(),
    };
    w.open("Module");
    w.list("body", &module.body, Writer::stmt);
    w.close(None);
    w.out
}

/// The dump recurses as deep as the tree; below this much stack it continues on a new segment.
const RED_ZONE: usize = 64 << 10;
const SEGMENT: usize = 2 << 20;

struct Writer<'a> {
    out: String,
    lines: &'a LineIndex,
    attrs: bool,
    /// Per open node: is the next field its first?
    first: Vec<bool>,
}

impl Writer<'_> {
    fn open(&mut self, name: &str) {
        self.out.push_str(name);
        self.out.push('(');
        self.first.push(true);
    }

    fn key(&mut self, key: &str) {
        if let Some(first) = self.first.last_mut() {
            if !*first {
                self.out.push_str(", ");
            }
            *first = false;
        }
        self.out.push_str(key);
        self.out.push('=');
    }

    /// Closes a node, adding its positions when asked for and the node has them.
    fn close(&mut self, range: Option<TextRange>) {
        if let (true, Some(r)) = (self.attrs, range) {
            let (line, col) = self.lines.line_col(r.start);
            let (end_line, end_col) = self.lines.line_col(r.end);
            for (k, v) in [
                ("lineno", line),
                ("col_offset", col),
                ("end_lineno", end_line),
                ("end_col_offset", end_col),
            ] {
                self.key(k);
                self.out.push_str(&v.to_string());
            }
        }
        self.out.push(')');
        self.first.pop();
    }

    /// A node with no fields and no positions (`Load()`, `Add()`, ...).
    fn unit(&mut self, key: &str, name: &str) {
        self.key(key);
        self.out.push_str(name);
        self.out.push_str("()");
    }

    fn list<T>(&mut self, key: &str, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        if items.is_empty() {
            return;
        }
        self.key(key);
        self.out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            each(self, item);
        }
        self.out.push(']');
    }

    fn expr_field(&mut self, key: &str, e: &Expr) {
        self.key(key);
        self.expr(e);
    }

    fn opt_expr(&mut self, key: &str, e: &Option<Box<Expr>>) {
        if let Some(e) = e {
            self.expr_field(key, e);
        }
    }

    fn exprs(&mut self, key: &str, es: &[Expr]) {
        self.list(key, es, Writer::expr);
    }

    fn stmts(&mut self, key: &str, ss: &[Stmt]) {
        self.list(key, ss, Writer::stmt);
    }

    fn str_repr(&mut self, s: &str) {
        self.out
            .push_str(&literals::repr_str(&crate::pystr::PyStr::from(s)));
    }

    fn ident(&mut self, key: &str, s: &str) {
        self.key(key);
        self.str_repr(s);
    }

    fn opt_ident(&mut self, key: &str, s: &Option<Ident>) {
        if let Some(s) = s {
            self.ident(key, s);
        }
    }

    fn int(&mut self, key: &str, v: i64) {
        self.key(key);
        self.out.push_str(&v.to_string());
    }

    fn constant(&mut self, c: &Constant) {
        let text = match c {
            Constant::None => "None".to_string(),
            Constant::Bool(true) => "True".to_string(),
            Constant::Bool(false) => "False".to_string(),
            Constant::Ellipsis => "Ellipsis".to_string(),
            Constant::Int(i) => i.to_string(),
            Constant::Float(f) => literals::repr_float(*f),
            Constant::Complex { real, imag } => literals::repr_complex(*real, *imag),
            Constant::Str(s) => literals::repr_str(s),
            Constant::Bytes(b) => literals::repr_bytes(b),
        };
        self.out.push_str(&text);
    }

    fn ctx(&mut self, ctx: ExprContext) {
        let name = match ctx {
            ExprContext::Load => "Load",
            ExprContext::Store => "Store",
            ExprContext::Del => "Del",
        };
        self.unit("ctx", name);
    }

    fn stmt(&mut self, s: &Stmt) {
        stacker::maybe_grow(RED_ZONE, SEGMENT, || self.stmt_fields(s));
        self.close(Some(s.range));
    }

    fn stmt_fields(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                self.open(if f.is_async {
                    "AsyncFunctionDef"
                } else {
                    "FunctionDef"
                });
                self.ident("name", &f.name);
                self.key("args");
                self.arguments(&f.args);
                self.stmts("body", &f.body);
                self.exprs("decorator_list", &f.decorator_list);
                self.opt_expr("returns", &f.returns);
                self.list("type_params", &f.type_params, Writer::type_param);
            }
            StmtKind::ClassDef(c) => {
                self.open("ClassDef");
                self.ident("name", &c.name);
                self.exprs("bases", &c.bases);
                self.list("keywords", &c.keywords, Writer::keyword);
                self.stmts("body", &c.body);
                self.exprs("decorator_list", &c.decorator_list);
                self.list("type_params", &c.type_params, Writer::type_param);
            }
            StmtKind::Return { value } => {
                self.open("Return");
                self.opt_expr("value", value);
            }
            StmtKind::Delete { targets } => {
                self.open("Delete");
                self.exprs("targets", targets);
            }
            StmtKind::Assign { targets, value } => {
                self.open("Assign");
                self.exprs("targets", targets);
                self.expr_field("value", value);
            }
            StmtKind::TypeAlias {
                name,
                type_params,
                value,
            } => {
                self.open("TypeAlias");
                self.expr_field("name", name);
                self.list("type_params", type_params, Writer::type_param);
                self.expr_field("value", value);
            }
            StmtKind::AugAssign { target, op, value } => {
                self.open("AugAssign");
                self.expr_field("target", target);
                self.unit("op", operator_name(*op));
                self.expr_field("value", value);
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                self.open("AnnAssign");
                self.expr_field("target", target);
                self.expr_field("annotation", annotation);
                self.opt_expr("value", value);
                self.int("simple", i64::from(*simple));
            }
            StmtKind::For {
                is_async,
                target,
                iter,
                body,
                orelse,
            } => {
                self.open(if *is_async { "AsyncFor" } else { "For" });
                self.expr_field("target", target);
                self.expr_field("iter", iter);
                self.stmts("body", body);
                self.stmts("orelse", orelse);
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.open(if matches!(s.kind, StmtKind::While { .. }) {
                    "While"
                } else {
                    "If"
                });
                self.expr_field("test", test);
                self.stmts("body", body);
                self.stmts("orelse", orelse);
            }
            StmtKind::With {
                is_async,
                items,
                body,
            } => {
                self.open(if *is_async { "AsyncWith" } else { "With" });
                self.list("items", items, |w, item| {
                    w.open("withitem");
                    w.expr_field("context_expr", &item.context_expr);
                    w.opt_expr("optional_vars", &item.optional_vars);
                    w.close(None);
                });
                self.stmts("body", body);
            }
            StmtKind::Match { subject, cases } => {
                self.open("Match");
                self.expr_field("subject", subject);
                self.list("cases", cases, |w, case| {
                    w.open("match_case");
                    w.key("pattern");
                    w.pattern(&case.pattern);
                    w.opt_expr("guard", &case.guard);
                    w.stmts("body", &case.body);
                    w.close(None);
                });
            }
            StmtKind::Raise { exc, cause } => {
                self.open("Raise");
                self.opt_expr("exc", exc);
                self.opt_expr("cause", cause);
            }
            StmtKind::Try {
                is_star,
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.open(if *is_star { "TryStar" } else { "Try" });
                self.stmts("body", body);
                self.list("handlers", handlers, |w, h| {
                    w.open("ExceptHandler");
                    w.opt_expr("type", &h.type_);
                    w.opt_ident("name", &h.name);
                    w.stmts("body", &h.body);
                    w.close(Some(h.range));
                });
                self.stmts("orelse", orelse);
                self.stmts("finalbody", finalbody);
            }
            StmtKind::Assert { test, msg } => {
                self.open("Assert");
                self.expr_field("test", test);
                self.opt_expr("msg", msg);
            }
            StmtKind::Import { names } => {
                self.open("Import");
                self.list("names", names, Writer::alias);
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                self.open("ImportFrom");
                self.opt_ident("module", module);
                self.list("names", names, Writer::alias);
                self.int("level", i64::from(*level));
            }
            StmtKind::Global { names } | StmtKind::Nonlocal { names } => {
                self.open(if matches!(s.kind, StmtKind::Global { .. }) {
                    "Global"
                } else {
                    "Nonlocal"
                });
                self.list("names", names, |w, n| w.str_repr(n));
            }
            StmtKind::Expr { value } => {
                self.open("Expr");
                self.expr_field("value", value);
            }
            StmtKind::Pass => self.open("Pass"),
            StmtKind::Break => self.open("Break"),
            StmtKind::Continue => self.open("Continue"),
        }
    }

    fn expr(&mut self, e: &Expr) {
        stacker::maybe_grow(RED_ZONE, SEGMENT, || self.expr_fields(e));
        self.close(Some(e.range));
    }

    fn expr_fields(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::BoolOp { op, values } => {
                self.open("BoolOp");
                self.unit("op", if *op == BoolOp::And { "And" } else { "Or" });
                self.exprs("values", values);
            }
            ExprKind::NamedExpr { target, value } => {
                self.open("NamedExpr");
                self.expr_field("target", target);
                self.expr_field("value", value);
            }
            ExprKind::BinOp { left, op, right } => {
                self.open("BinOp");
                self.expr_field("left", left);
                self.unit("op", operator_name(*op));
                self.expr_field("right", right);
            }
            ExprKind::UnaryOp { op, operand } => {
                self.open("UnaryOp");
                let name = match op {
                    UnaryOp::Invert => "Invert",
                    UnaryOp::Not => "Not",
                    UnaryOp::UAdd => "UAdd",
                    UnaryOp::USub => "USub",
                };
                self.unit("op", name);
                self.expr_field("operand", operand);
            }
            ExprKind::Lambda { args, body } => {
                self.open("Lambda");
                self.key("args");
                self.arguments(args);
                self.expr_field("body", body);
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.open("IfExp");
                self.expr_field("test", test);
                self.expr_field("body", body);
                self.expr_field("orelse", orelse);
            }
            ExprKind::Dict { keys, values } => {
                self.open("Dict");
                self.list("keys", keys, |w, k| match k {
                    Some(k) => w.expr(k),
                    None => w.out.push_str("None"),
                });
                self.exprs("values", values);
            }
            ExprKind::Set { elts } => {
                self.open("Set");
                self.exprs("elts", elts);
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.open(match e.kind {
                    ExprKind::ListComp { .. } => "ListComp",
                    ExprKind::SetComp { .. } => "SetComp",
                    _ => "GeneratorExp",
                });
                self.expr_field("elt", elt);
                self.list("generators", generators, Writer::comprehension);
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.open("DictComp");
                self.expr_field("key", key);
                self.expr_field("value", value);
                self.list("generators", generators, Writer::comprehension);
            }
            ExprKind::Await { value } => {
                self.open("Await");
                self.expr_field("value", value);
            }
            ExprKind::Yield { value } => {
                self.open("Yield");
                self.opt_expr("value", value);
            }
            ExprKind::YieldFrom { value } => {
                self.open("YieldFrom");
                self.expr_field("value", value);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.open("Compare");
                self.expr_field("left", left);
                self.list("ops", ops, |w, op| {
                    w.out.push_str(cmpop_name(*op));
                    w.out.push_str("()");
                });
                self.exprs("comparators", comparators);
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.open("Call");
                self.expr_field("func", func);
                self.exprs("args", args);
                self.list("keywords", keywords, Writer::keyword);
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.open("FormattedValue");
                self.expr_field("value", value);
                self.int("conversion", i64::from(*conversion));
                self.opt_expr("format_spec", format_spec);
            }
            ExprKind::Interpolation {
                value,
                str,
                conversion,
                format_spec,
            } => {
                self.open("Interpolation");
                self.expr_field("value", value);
                self.key("str");
                self.out.push_str(&literals::repr_str(str));
                self.int("conversion", i64::from(*conversion));
                self.opt_expr("format_spec", format_spec);
            }
            ExprKind::JoinedStr { values } | ExprKind::TemplateStr { values } => {
                self.open(if matches!(e.kind, ExprKind::JoinedStr { .. }) {
                    "JoinedStr"
                } else {
                    "TemplateStr"
                });
                self.exprs("values", values);
            }
            ExprKind::Constant { value, kind } => {
                self.open("Constant");
                self.key("value");
                self.constant(value);
                if let Some(kind) = kind {
                    self.ident("kind", kind);
                }
            }
            ExprKind::Attribute { value, attr, ctx } => {
                self.open("Attribute");
                self.expr_field("value", value);
                self.ident("attr", attr);
                self.ctx(*ctx);
            }
            ExprKind::Subscript { value, slice, ctx } => {
                self.open("Subscript");
                self.expr_field("value", value);
                self.expr_field("slice", slice);
                self.ctx(*ctx);
            }
            ExprKind::Starred { value, ctx } => {
                self.open("Starred");
                self.expr_field("value", value);
                self.ctx(*ctx);
            }
            ExprKind::Name { id, ctx } => {
                self.open("Name");
                self.ident("id", id);
                self.ctx(*ctx);
            }
            ExprKind::List { elts, ctx } | ExprKind::Tuple { elts, ctx } => {
                self.open(if matches!(e.kind, ExprKind::List { .. }) {
                    "List"
                } else {
                    "Tuple"
                });
                self.exprs("elts", elts);
                self.ctx(*ctx);
            }
            ExprKind::Slice { lower, upper, step } => {
                self.open("Slice");
                self.opt_expr("lower", lower);
                self.opt_expr("upper", upper);
                self.opt_expr("step", step);
            }
        }
    }

    fn comprehension(&mut self, c: &Comprehension) {
        self.open("comprehension");
        self.expr_field("target", &c.target);
        self.expr_field("iter", &c.iter);
        self.exprs("ifs", &c.ifs);
        self.int("is_async", i64::from(c.is_async));
        self.close(None);
    }

    fn arguments(&mut self, a: &Arguments) {
        self.open("arguments");
        self.list("posonlyargs", &a.posonlyargs, Writer::arg);
        self.list("args", &a.args, Writer::arg);
        if let Some(v) = &a.vararg {
            self.key("vararg");
            self.arg(v);
        }
        self.list("kwonlyargs", &a.kwonlyargs, Writer::arg);
        self.list("kw_defaults", &a.kw_defaults, |w, d| match d {
            Some(d) => w.expr(d),
            None => w.out.push_str("None"),
        });
        if let Some(k) = &a.kwarg {
            self.key("kwarg");
            self.arg(k);
        }
        self.exprs("defaults", &a.defaults);
        self.close(None);
    }

    fn arg(&mut self, a: &Arg) {
        self.open("arg");
        self.ident("arg", &a.arg);
        self.opt_expr("annotation", &a.annotation);
        self.close(Some(a.range));
    }

    fn keyword(&mut self, k: &Keyword) {
        self.open("keyword");
        self.opt_ident("arg", &k.arg);
        self.expr_field("value", &k.value);
        self.close(Some(k.range));
    }

    fn alias(&mut self, a: &Alias) {
        self.open("alias");
        self.ident("name", &a.name);
        self.opt_ident("asname", &a.asname);
        self.close(Some(a.range));
    }

    fn pattern(&mut self, p: &Pattern) {
        match &p.kind {
            PatternKind::MatchValue { value } => {
                self.open("MatchValue");
                self.expr_field("value", value);
            }
            PatternKind::MatchSingleton { value } => {
                self.open("MatchSingleton");
                self.key("value");
                self.constant(value);
            }
            PatternKind::MatchSequence { patterns } => {
                self.open("MatchSequence");
                self.list("patterns", patterns, Writer::pattern);
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                self.open("MatchMapping");
                self.exprs("keys", keys);
                self.list("patterns", patterns, Writer::pattern);
                self.opt_ident("rest", rest);
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                self.open("MatchClass");
                self.expr_field("cls", cls);
                self.list("patterns", patterns, Writer::pattern);
                self.list("kwd_attrs", kwd_attrs, |w, n| w.str_repr(n));
                self.list("kwd_patterns", kwd_patterns, Writer::pattern);
            }
            PatternKind::MatchStar { name } => {
                self.open("MatchStar");
                self.opt_ident("name", name);
            }
            PatternKind::MatchAs { pattern, name } => {
                self.open("MatchAs");
                if let Some(pattern) = pattern {
                    self.key("pattern");
                    self.pattern(pattern);
                }
                self.opt_ident("name", name);
            }
            PatternKind::MatchOr { patterns } => {
                self.open("MatchOr");
                self.list("patterns", patterns, Writer::pattern);
            }
        }
        self.close(Some(p.range));
    }

    fn type_param(&mut self, t: &TypeParam) {
        match &t.kind {
            TypeParamKind::TypeVar {
                name,
                bound,
                default_value,
            } => {
                self.open("TypeVar");
                self.ident("name", name);
                self.opt_expr("bound", bound);
                self.opt_expr("default_value", default_value);
            }
            TypeParamKind::ParamSpec {
                name,
                default_value,
            } => {
                self.open("ParamSpec");
                self.ident("name", name);
                self.opt_expr("default_value", default_value);
            }
            TypeParamKind::TypeVarTuple {
                name,
                default_value,
            } => {
                self.open("TypeVarTuple");
                self.ident("name", name);
                self.opt_expr("default_value", default_value);
            }
        }
        self.close(Some(t.range));
    }
}

fn operator_name(op: Operator) -> &'static str {
    match op {
        Operator::Add => "Add",
        Operator::Sub => "Sub",
        Operator::Mult => "Mult",
        Operator::MatMult => "MatMult",
        Operator::Div => "Div",
        Operator::Mod => "Mod",
        Operator::Pow => "Pow",
        Operator::LShift => "LShift",
        Operator::RShift => "RShift",
        Operator::BitOr => "BitOr",
        Operator::BitXor => "BitXor",
        Operator::BitAnd => "BitAnd",
        Operator::FloorDiv => "FloorDiv",
    }
}

fn cmpop_name(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "Eq",
        CmpOp::NotEq => "NotEq",
        CmpOp::Lt => "Lt",
        CmpOp::LtE => "LtE",
        CmpOp::Gt => "Gt",
        CmpOp::GtE => "GtE",
        CmpOp::Is => "Is",
        CmpOp::IsNot => "IsNot",
        CmpOp::In => "In",
        CmpOp::NotIn => "NotIn",
    }
}
