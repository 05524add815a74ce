//! `match` statements (PEP 634), as in CPython 3.14's `Python/codegen.c` (`codegen_match`,
//! `codegen_pattern_*`): each case tests a copy of the subject; a failing test jumps to a
//! label that pops what the pattern left on the stack, then tries the next case.

use super::{Compiler, Result};
use crate::ast::{Expr, ExprContext, MatchCase, Pattern, PatternKind, Stmt};
use crate::bytecode::{Const, Opcode};
use crate::literals::Int;
use crate::pystr::PyStr;

use super::unit::Label;

/// The state of one pattern being compiled: how many values above the case's base are on the
/// stack, and the labels that pop `i` of them before giving up on the case.
struct PatternContext {
    on_top: usize,
    fail_pop: Vec<Label>,
    /// The names bound so far (each at most once).
    stores: Vec<String>,
    /// Whether an irrefutable capture or wildcard is allowed here (not before another case
    /// or alternative).
    allow_irrefutable: bool,
}

impl PatternContext {
    fn new(allow_irrefutable: bool) -> PatternContext {
        PatternContext {
            on_top: 1,
            fail_pop: Vec::new(),
            stores: Vec::new(),
            allow_irrefutable,
        }
    }
}

const CMP_EQ: u32 = 2;
const CMP_GE: u32 = 5;

impl<'a> Compiler<'a> {
    pub(super) fn match_stmt(
        &mut self,
        s: &'a Stmt,
        subject: &'a Expr,
        cases: &'a [MatchCase],
    ) -> Result<()> {
        self.visit_expr(subject)?;
        let end = self.new_label();
        for (i, case) in cases.iter().enumerate() {
            self.set_loc(case.pattern.range);
            self.emit(Opcode::COPY, 1);
            let mut pc = PatternContext::new(case.guard.is_some() || i + 1 == cases.len());
            self.pattern(&case.pattern, &mut pc)?;
            if let Some(guard) = &case.guard {
                self.visit_expr(guard)?;
                self.jump_if_false_to_fail(&mut pc);
            }
            self.set_loc(case.pattern.range);
            self.emit(Opcode::POP_TOP, 0);
            self.stmts(&case.body)?;
            self.emit_jump(Opcode::JUMP_FORWARD, end);
            self.emit_fail_pops(&pc);
        }
        self.set_loc(s.range);
        self.emit(Opcode::POP_TOP, 0);
        self.bind(end);
        Ok(())
    }

    /// The label that pops the current `on_top` values and abandons the pattern.
    fn fail_label(&mut self, pc: &mut PatternContext) -> Label {
        while pc.fail_pop.len() <= pc.on_top {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
        pc.fail_pop[pc.on_top]
    }

    fn jump_if_false_to_fail(&mut self, pc: &mut PatternContext) {
        let l = self.fail_label(pc);
        self.emit_jump(Opcode::POP_JUMP_IF_FALSE, l);
    }

    /// `COPY 1; POP_JUMP_IF_NONE fail`: the result on top (kept) must not be None.
    fn jump_if_none_to_fail(&mut self, pc: &mut PatternContext) {
        self.emit(Opcode::COPY, 1);
        let l = self.fail_label(pc);
        self.emit_jump(Opcode::POP_JUMP_IF_NONE, l);
    }

    /// The failure labels, deepest first, each popping one value.
    fn emit_fail_pops(&mut self, pc: &PatternContext) {
        for (i, &l) in pc.fail_pop.iter().enumerate().rev() {
            self.bind(l);
            if i > 0 {
                self.emit(Opcode::POP_TOP, 0);
            }
        }
    }

    fn load_int(&mut self, n: usize) {
        self.load_const(Const::Int(Int::Small(n as i64)));
    }

    /// Compiles `p` against the subject on top of the stack, which it consumes on success.
    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> Result<()> {
        self.set_loc(p.range);
        match &p.kind {
            PatternKind::MatchValue { value } => {
                self.visit_expr(value)?;
                self.emit(Opcode::COMPARE_OP, CMP_EQ);
                pc.on_top -= 1;
                self.jump_if_false_to_fail(pc);
            }
            PatternKind::MatchSingleton { value } => {
                self.load_const(Self::constant(value));
                self.emit(Opcode::IS_OP, 0);
                pc.on_top -= 1;
                self.jump_if_false_to_fail(pc);
            }
            PatternKind::MatchAs { pattern, name } => {
                if pattern.is_none() && !pc.allow_irrefutable {
                    return Err(self.error(
                        match name {
                            Some(n) => {
                                format!("name capture '{n}' makes remaining patterns unreachable")
                            }
                            None => "wildcard makes remaining patterns unreachable".to_string(),
                        },
                        p.range,
                    ));
                }
                if let Some(inner) = pattern {
                    if name.is_some() {
                        self.emit(Opcode::COPY, 1);
                        pc.on_top += 1;
                    }
                    self.pattern(inner, pc)?;
                    self.set_loc(p.range);
                }
                self.store_capture(name.as_deref(), p, pc)?;
            }
            PatternKind::MatchStar { name } => self.store_capture(name.as_deref(), p, pc)?,
            PatternKind::MatchOr { patterns } => self.or_pattern(p, patterns, pc)?,
            _ => {
                // Sub-patterns of a sequence, mapping or class pattern may be irrefutable.
                let allow = std::mem::replace(&mut pc.allow_irrefutable, true);
                let r = match &p.kind {
                    PatternKind::MatchSequence { patterns } => {
                        self.sequence_pattern(p, patterns, pc)
                    }
                    PatternKind::MatchMapping {
                        keys,
                        patterns,
                        rest,
                    } => self.mapping_pattern(p, keys, patterns, rest.as_deref(), pc),
                    PatternKind::MatchClass {
                        cls,
                        patterns,
                        kwd_attrs,
                        kwd_patterns,
                    } => self.class_pattern(p, cls, patterns, kwd_attrs, kwd_patterns, pc),
                    _ => Ok(()),
                };
                pc.allow_irrefutable = allow;
                r?;
            }
        }
        Ok(())
    }

    /// Binds the subject to `name` (or drops it for `_`).
    fn store_capture(
        &mut self,
        name: Option<&str>,
        p: &Pattern,
        pc: &mut PatternContext,
    ) -> Result<()> {
        match name {
            Some(n) => {
                if pc.stores.iter().any(|s| s == n) {
                    return Err(self.error(
                        format!("multiple assignments to name '{n}' in pattern"),
                        p.range,
                    ));
                }
                pc.stores.push(n.to_string());
                self.nameop(n, ExprContext::Store, p.range)?;
            }
            None => self.emit(Opcode::POP_TOP, 0),
        }
        pc.on_top -= 1;
        Ok(())
    }

    /// `p1 | p2 | ...`: each alternative tries its own copy of the subject.
    fn or_pattern(
        &mut self,
        p: &'a Pattern,
        alternatives: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> Result<()> {
        let end = self.new_label();
        let mut bound: Option<Vec<String>> = None;
        for (i, alt) in alternatives.iter().enumerate() {
            self.emit(Opcode::COPY, 1);
            let last = i + 1 == alternatives.len();
            let mut sub = PatternContext::new(last && pc.allow_irrefutable);
            sub.stores = pc.stores.clone();
            self.pattern(alt, &mut sub)?;
            let mut names: Vec<String> = sub.stores[pc.stores.len()..].to_vec();
            names.sort();
            match &bound {
                Some(b) if *b != names => {
                    return Err(self.error("alternative patterns bind different names", p.range));
                }
                Some(_) => {}
                None => bound = Some(names),
            }
            self.emit(Opcode::POP_TOP, 0);
            self.emit_jump(Opcode::JUMP_FORWARD, end);
            self.emit_fail_pops(&sub);
        }
        let fail = self.fail_label(pc);
        self.emit_jump(Opcode::JUMP_FORWARD, fail);
        self.bind(end);
        pc.on_top -= 1;
        pc.stores.extend(bound.unwrap_or_default());
        Ok(())
    }

    fn sequence_pattern(
        &mut self,
        p: &'a Pattern,
        patterns: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> Result<()> {
        let star = patterns
            .iter()
            .position(|q| matches!(q.kind, PatternKind::MatchStar { .. }));
        if patterns
            .iter()
            .filter(|q| matches!(q.kind, PatternKind::MatchStar { .. }))
            .count()
            > 1
        {
            return Err(self.error("multiple starred names in sequence pattern", p.range));
        }
        let n = patterns.len();
        self.emit(Opcode::MATCH_SEQUENCE, 0);
        self.jump_if_false_to_fail(pc);
        self.emit(Opcode::GET_LEN, 0);
        match star {
            None => {
                self.load_int(n);
                self.emit(Opcode::COMPARE_OP, CMP_EQ);
            }
            Some(_) => {
                self.load_int(n - 1);
                self.emit(Opcode::COMPARE_OP, CMP_GE);
            }
        }
        self.jump_if_false_to_fail(pc);
        match star {
            None => self.emit(Opcode::UNPACK_SEQUENCE, n as u32),
            Some(i) => {
                let after = n - i - 1;
                if i > 0xFF || after > 0xFF_FFFF {
                    return Err(self.error(
                        "too many expressions in star-unpacking sequence pattern",
                        p.range,
                    ));
                }
                self.emit(Opcode::UNPACK_EX, (i | (after << 8)) as u32);
            }
        }
        pc.on_top += n;
        pc.on_top -= 1;
        for q in patterns {
            self.pattern(q, pc)?;
        }
        Ok(())
    }

    fn mapping_pattern(
        &mut self,
        p: &'a Pattern,
        keys: &'a [Expr],
        patterns: &'a [Pattern],
        rest: Option<&'a str>,
        pc: &mut PatternContext,
    ) -> Result<()> {
        self.emit(Opcode::MATCH_MAPPING, 0);
        self.jump_if_false_to_fail(pc);
        if keys.is_empty() && rest.is_none() {
            self.emit(Opcode::POP_TOP, 0);
            pc.on_top -= 1;
            return Ok(());
        }
        let n = keys.len();
        if n > 0 {
            self.emit(Opcode::GET_LEN, 0);
            self.load_int(n);
            self.emit(Opcode::COMPARE_OP, CMP_GE);
            self.jump_if_false_to_fail(pc);
        }
        for k in keys {
            if !matches!(
                k.kind,
                crate::ast::ExprKind::Constant { .. } | crate::ast::ExprKind::Attribute { .. }
            ) {
                return Err(self.error(
                    "mapping pattern keys may only match literals and attribute lookups",
                    k.range,
                ));
            }
            self.visit_expr(k)?;
        }
        self.set_loc(p.range);
        self.emit(Opcode::BUILD_TUPLE, n as u32);
        self.emit(Opcode::MATCH_KEYS, 0);
        pc.on_top += 2;
        self.jump_if_none_to_fail(pc);
        self.emit(Opcode::UNPACK_SEQUENCE, n as u32);
        pc.on_top += n;
        pc.on_top -= 1;
        for q in patterns {
            self.pattern(q, pc)?;
        }
        self.set_loc(p.range);
        // Stack: subject, keys.
        match rest {
            Some(name) => {
                self.emit(Opcode::BUILD_MAP, 0);
                self.emit(Opcode::SWAP, 3);
                self.emit(Opcode::DICT_UPDATE, 2);
                self.emit(Opcode::UNPACK_SEQUENCE, n as u32);
                for left in (1..=n).rev() {
                    self.emit(Opcode::COPY, 1 + left as u32);
                    self.emit(Opcode::SWAP, 2);
                    self.emit(Opcode::DELETE_SUBSCR, 0);
                }
                pc.on_top -= 1;
                self.store_capture(Some(name), p, pc)?;
            }
            None => {
                self.emit(Opcode::POP_TOP, 0);
                self.emit(Opcode::POP_TOP, 0);
                pc.on_top -= 2;
            }
        }
        Ok(())
    }

    fn class_pattern(
        &mut self,
        p: &'a Pattern,
        cls: &'a Expr,
        patterns: &'a [Pattern],
        kwd_attrs: &'a [String],
        kwd_patterns: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> Result<()> {
        for (i, a) in kwd_attrs.iter().enumerate() {
            if kwd_attrs[..i].contains(a) {
                return Err(self.error(
                    format!("attribute name repeated in class pattern: {a}"),
                    p.range,
                ));
            }
        }
        self.visit_expr(cls)?;
        let names = kwd_attrs
            .iter()
            .map(|a| Const::Str(PyStr::from(a.as_str())))
            .collect();
        self.load_const(Const::Tuple(names));
        self.set_loc(p.range);
        self.emit(Opcode::MATCH_CLASS, patterns.len() as u32);
        self.jump_if_none_to_fail(pc);
        let n = patterns.len() + kwd_patterns.len();
        self.emit(Opcode::UNPACK_SEQUENCE, n as u32);
        pc.on_top += n;
        pc.on_top -= 1;
        for q in patterns.iter().chain(kwd_patterns) {
            self.pattern(q, pc)?;
        }
        Ok(())
    }
}
