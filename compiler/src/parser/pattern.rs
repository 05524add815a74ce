//! The `match` statement and its patterns (PEP 634): or, as, capture, wildcard, literal, value,
//! group, sequence, mapping and class patterns. Follows CPython's `Grammar/python.gram`
//! (`match_stmt` .. `keyword_pattern`, and `invalid_match_stmt`, `invalid_case_block`, ...).

use super::expr::expr_name;
use super::stmt::negate;
use super::{PResult, Parser};
use crate::ast::{
    Constant, Expr, ExprContext, ExprKind, MatchCase, Operator, Pattern, PatternKind, Stmt,
    StmtKind,
};
use crate::error::SyntaxError;
use crate::text::TextRange;
use crate::tokenizer::{Keyword as Kw, Op, TokenKind};

impl Parser<'_> {
    /// `match_stmt`: the current token is the soft keyword `match`. `Err(furthest)` (with the
    /// cursor back on `match`) when this is no match statement: the error to report if the line
    /// is no simple statement either and this attempt got further (CPython reports the furthest
    /// token its first pass reached; "expected ':'" for `match subject NEWLINE`).
    pub(super) fn try_parse_match(&mut self) -> PResult<Result<Stmt, Option<SyntaxError>>> {
        let mark = self.mark();
        let kw = self.bump();
        let subject = match self.parse_match_subject() {
            Ok(subject) => subject,
            Err(e) => {
                self.reset(mark);
                return Ok(Err((e.msg == "invalid syntax").then_some(e)));
            }
        };
        if !self.at_op(Op::Colon) || self.nth(1) != TokenKind::Newline {
            let furthest = if self.at(TokenKind::Newline) {
                self.error_at(self.tok().range, "expected ':'")
            } else {
                if self.at_op(Op::Colon) {
                    self.bump();
                }
                self.invalid_syntax()
            };
            self.reset(mark);
            return Ok(Err(Some(furthest)));
        }
        self.bump();
        self.bump();
        if !self.at(TokenKind::Indent) {
            if self.at(TokenKind::Error) {
                return Err(self.tokenizer_error());
            }
            let line = self.lines.line_col(kw.range.start).0;
            let msg = format!("expected an indented block after 'match' statement on line {line}");
            return Err(self.error_at_current(msg, true));
        }
        self.bump();
        let mut cases = Vec::new();
        loop {
            if !self.at_soft_kw("case") {
                return Err(self.invalid_syntax());
            }
            cases.push(self.parse_case_block()?);
            if self.eat(TokenKind::Dedent) || self.at(TokenKind::EndMarker) {
                break;
            }
        }
        let end = self.last_token_end();
        let kind = StmtKind::Match {
            subject: Box::new(subject),
            cases,
        };
        Ok(Ok(Stmt::new(TextRange::new(kw.range.start, end), kind)))
    }

    /// `subject_expr`: `star_named_expression ',' star_named_expressions?` or `named_expression`.
    fn parse_match_subject(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.parse_star_named_expression()?;
        if !self.at_op(Op::Comma) {
            if matches!(first.kind, ExprKind::Starred { .. }) {
                return Err(self.invalid_syntax());
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::Colon) || self.at(TokenKind::Newline) {
                break;
            }
            elts.push(self.parse_star_named_expression()?);
        }
        Ok(Expr::new(
            self.range_from(start),
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
        ))
    }

    /// `case_block`: the current token is the soft keyword `case`.
    fn parse_case_block(&mut self) -> PResult<MatchCase> {
        let kw = self.bump();
        let pattern = self.parse_patterns()?;
        let guard = if self.eat_kw(Kw::If) {
            Some(Box::new(self.parse_condition()?))
        } else {
            None
        };
        self.expect_colon_before_newline()?;
        let body = self.parse_block("'case' statement", kw.range)?;
        Ok(MatchCase {
            pattern,
            guard,
            body,
        })
    }

    /// `patterns`: an open sequence pattern (`case a, *b:`) or one pattern.
    fn parse_patterns(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let first = self.parse_maybe_star_pattern()?;
        if !self.at_op(Op::Comma) {
            if matches!(first.kind, PatternKind::MatchStar { .. }) {
                return Err(self.invalid_syntax());
            }
            return Ok(first);
        }
        let mut patterns = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::Colon) || self.at_kw(Kw::If) {
                break;
            }
            patterns.push(self.parse_maybe_star_pattern()?);
        }
        Ok(Pattern {
            range: self.range_from(start),
            kind: PatternKind::MatchSequence { patterns },
        })
    }

    /// `maybe_star_pattern`: `star_pattern` or `pattern`.
    fn parse_maybe_star_pattern(&mut self) -> PResult<Pattern> {
        if !self.at_op(Op::Star) {
            return self.parse_pattern();
        }
        let start = self.bump().range.start;
        let name = if self.at_soft_kw("_") {
            self.bump();
            None
        } else {
            Some(self.parse_capture_target()?)
        };
        Ok(Pattern {
            range: self.range_from(start),
            kind: PatternKind::MatchStar { name },
        })
    }

    /// `pattern`: `or_pattern ['as' pattern_capture_target]`.
    fn parse_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let pattern = self.parse_or_pattern()?;
        if !self.eat_kw(Kw::As) {
            return Ok(pattern);
        }
        if self.at_soft_kw("_") {
            return Err(self.error_at(self.tok().range, "cannot use '_' as a target"));
        }
        if !self.at_capture_target() {
            let target = self.parse_expression()?;
            let msg = format!("cannot use {} as pattern target", expr_name(&target));
            return Err(self.error_at(target.range, msg));
        }
        let name = Some(self.parse_capture_target()?);
        let kind = PatternKind::MatchAs {
            pattern: Some(Box::new(pattern)),
            name,
        };
        Ok(Pattern {
            range: self.range_from(start),
            kind,
        })
    }

    /// `or_pattern`: `'|'.closed_pattern+`.
    fn parse_or_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let first = self.parse_closed_pattern()?;
        if !self.at_op(Op::VBar) {
            return Ok(first);
        }
        let mut patterns = vec![first];
        while self.eat_op(Op::VBar) {
            patterns.push(self.parse_closed_pattern()?);
        }
        Ok(Pattern {
            range: self.range_from(start),
            kind: PatternKind::MatchOr { patterns },
        })
    }

    /// `pattern_capture_target`'s lookahead: a name other than `_` not followed by `.`, `(`, `=`.
    fn at_capture_target(&self) -> bool {
        self.at(TokenKind::Name)
            && !self.at_soft_kw("_")
            && !matches!(self.nth(1), TokenKind::Op(Op::Dot | Op::LPar | Op::Equal))
    }

    /// `pattern_capture_target`: the captured name.
    fn parse_capture_target(&mut self) -> PResult<String> {
        if !self.at_capture_target() {
            if self.at(TokenKind::Name) && !self.at_soft_kw("_") {
                // The lookahead after the name is what failed.
                self.bump();
            }
            return Err(self.invalid_syntax());
        }
        Ok(self.expect_name()?.0)
    }

    /// `closed_pattern`, guarded against deep nesting.
    fn parse_closed_pattern(&mut self) -> PResult<Pattern> {
        self.enter()?;
        let result = self.parse_closed_pattern_inner();
        self.leave();
        result
    }

    fn parse_closed_pattern_inner(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let kind = match self.kind() {
            TokenKind::Number | TokenKind::Op(Op::Minus) => PatternKind::MatchValue {
                value: Box::new(self.parse_number_literal()?),
            },
            TokenKind::String | TokenKind::FStringStart | TokenKind::TStringStart => {
                PatternKind::MatchValue {
                    value: Box::new(self.parse_strings()?),
                }
            }
            TokenKind::Keyword(kw @ (Kw::None | Kw::True | Kw::False)) => {
                self.bump();
                let value = match kw {
                    Kw::None => Constant::None,
                    _ => Constant::Bool(kw == Kw::True),
                };
                PatternKind::MatchSingleton { value }
            }
            TokenKind::Name if self.at_soft_kw("_") => {
                self.bump();
                PatternKind::MatchAs {
                    pattern: None,
                    name: None,
                }
            }
            TokenKind::Name if self.at_capture_target() => PatternKind::MatchAs {
                pattern: None,
                name: Some(self.expect_name()?.0),
            },
            TokenKind::Name => {
                let value = self.parse_name_or_attr()?;
                if self.at_op(Op::LPar) {
                    return self.parse_class_pattern(value);
                }
                if !matches!(value.kind, ExprKind::Attribute { .. }) || self.at_op(Op::Equal) {
                    return Err(self.invalid_syntax());
                }
                PatternKind::MatchValue {
                    value: Box::new(value),
                }
            }
            TokenKind::Op(Op::LPar) => return self.parse_paren_pattern(),
            TokenKind::Op(Op::LSqb) => {
                self.bump();
                let mut patterns = Vec::new();
                while !self.at_op(Op::RSqb) {
                    patterns.push(self.parse_maybe_star_pattern()?);
                    if !self.eat_op(Op::Comma) {
                        break;
                    }
                }
                self.expect_op(Op::RSqb)?;
                PatternKind::MatchSequence { patterns }
            }
            TokenKind::Op(Op::LBrace) => self.parse_mapping_pattern()?,
            _ => return Err(self.invalid_syntax()),
        };
        Ok(Pattern {
            range: self.range_from(start),
            kind,
        })
    }

    /// `group_pattern` or a parenthesized `sequence_pattern`: the current token is `(`.
    fn parse_paren_pattern(&mut self) -> PResult<Pattern> {
        let start = self.bump().range.start;
        if self.eat_op(Op::RPar) {
            return Ok(Pattern {
                range: self.range_from(start),
                kind: PatternKind::MatchSequence { patterns: vec![] },
            });
        }
        let first = self.parse_maybe_star_pattern()?;
        if !self.at_op(Op::Comma) {
            if matches!(first.kind, PatternKind::MatchStar { .. }) {
                return Err(self.invalid_syntax());
            }
            self.expect_op(Op::RPar)?;
            return Ok(first);
        }
        let mut patterns = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::RPar) {
                break;
            }
            patterns.push(self.parse_maybe_star_pattern()?);
        }
        self.expect_op(Op::RPar)?;
        Ok(Pattern {
            range: self.range_from(start),
            kind: PatternKind::MatchSequence { patterns },
        })
    }

    /// `signed_number` or `complex_number` (`-1`, `1.5`, `-1+2j`): the current token is a number
    /// or `-`.
    fn parse_number_literal(&mut self) -> PResult<Expr> {
        let start = self.start();
        let negative = self.eat_op(Op::Minus);
        if !self.at(TokenKind::Number) {
            return Err(self.invalid_syntax());
        }
        let tok = self.bump();
        let number = self.number_constant(tok)?;
        let is_imaginary = |e: &Expr| {
            matches!(
                e.kind,
                ExprKind::Constant {
                    value: Constant::Complex { .. },
                    ..
                }
            )
        };
        let real_imaginary = is_imaginary(&number);
        let mut value = if negative {
            negate(start, number)
        } else {
            number
        };
        let op = match self.kind() {
            TokenKind::Op(Op::Plus) => Operator::Add,
            TokenKind::Op(Op::Minus) => Operator::Sub,
            _ => return Ok(value),
        };
        if real_imaginary {
            return Err(self.error_at(tok.range, "real number required in complex literal"));
        }
        self.bump();
        if !self.at(TokenKind::Number) {
            return Err(self.invalid_syntax());
        }
        let imag_tok = self.bump();
        let imag = self.number_constant(imag_tok)?;
        if !is_imaginary(&imag) {
            return Err(self.error_at(
                imag_tok.range,
                "imaginary number required in complex literal",
            ));
        }
        value = Expr::new(
            self.range_from(start),
            ExprKind::BinOp {
                left: Box::new(value),
                op,
                right: Box::new(imag),
            },
        );
        Ok(value)
    }

    /// `name_or_attr`: a name or a dotted attribute chain, in `Load` context.
    fn parse_name_or_attr(&mut self) -> PResult<Expr> {
        let (id, range) = self.expect_name()?;
        let mut value = Expr::new(
            range,
            ExprKind::Name {
                id,
                ctx: ExprContext::Load,
            },
        );
        while self.eat_op(Op::Dot) {
            let (attr, attr_range) = self.expect_name()?;
            let range = TextRange::new(value.range.start, attr_range.end);
            value = Expr::new(
                range,
                ExprKind::Attribute {
                    value: Box::new(value),
                    attr,
                    ctx: ExprContext::Load,
                },
            );
        }
        Ok(value)
    }

    /// `mapping_pattern`: the current token is `{`.
    fn parse_mapping_pattern(&mut self) -> PResult<PatternKind> {
        self.bump();
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        let mut rest = None;
        while !self.at_op(Op::RBrace) {
            if self.eat_op(Op::DoubleStar) {
                rest = Some(self.parse_capture_target()?);
                self.eat_op(Op::Comma);
                break;
            }
            keys.push(self.parse_mapping_key()?);
            if !self.eat_op(Op::Colon) {
                return Err(self.invalid_syntax());
            }
            patterns.push(self.parse_pattern()?);
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if !self.eat_op(Op::RBrace) {
            return Err(self.invalid_syntax());
        }
        Ok(PatternKind::MatchMapping {
            keys,
            patterns,
            rest,
        })
    }

    /// A mapping pattern key: `literal_expr` or `attr` (a dotted name with at least one dot).
    fn parse_mapping_key(&mut self) -> PResult<Expr> {
        match self.kind() {
            TokenKind::Number | TokenKind::Op(Op::Minus) => self.parse_number_literal(),
            TokenKind::String | TokenKind::FStringStart | TokenKind::TStringStart => {
                self.parse_strings()
            }
            TokenKind::Keyword(kw @ (Kw::None | Kw::True | Kw::False)) => {
                let tok = self.bump();
                let value = match kw {
                    Kw::None => Constant::None,
                    _ => Constant::Bool(kw == Kw::True),
                };
                Ok(Expr::new(
                    tok.range,
                    ExprKind::Constant { value, kind: None },
                ))
            }
            TokenKind::Name => {
                let key = self.parse_name_or_attr()?;
                if !matches!(key.kind, ExprKind::Attribute { .. }) {
                    return Err(self.invalid_syntax());
                }
                Ok(key)
            }
            _ => Err(self.invalid_syntax()),
        }
    }

    /// `class_pattern`: `cls` is parsed and the current token is `(`.
    fn parse_class_pattern(&mut self, cls: Expr) -> PResult<Pattern> {
        self.bump();
        let mut patterns = Vec::new();
        let mut kwd_attrs = Vec::new();
        let mut kwd_patterns = Vec::new();
        while !self.at_op(Op::RPar) {
            if self.at(TokenKind::Name) && self.nth(1) == TokenKind::Op(Op::Equal) {
                kwd_attrs.push(self.expect_name()?.0);
                self.bump();
                kwd_patterns.push(self.parse_pattern()?);
            } else if kwd_attrs.is_empty() {
                patterns.push(self.parse_pattern()?);
            } else {
                return Err(self.positional_after_keyword_error());
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        self.expect_op(Op::RPar)?;
        let range = self.range_from(cls.range.start);
        Ok(Pattern {
            range,
            kind: PatternKind::MatchClass {
                cls: Box::new(cls),
                patterns,
                kwd_attrs,
                kwd_patterns,
            },
        })
    }

    /// `invalid_class_argument_pattern`: positional patterns after keyword patterns, reported
    /// over the run of positional patterns.
    fn positional_after_keyword_error(&mut self) -> crate::error::SyntaxError {
        let first = match self.parse_pattern() {
            Ok(p) => p.range,
            Err(e) => return e,
        };
        let mut last = first;
        while self.at_op(Op::Comma)
            && !(self.nth(1) == TokenKind::Name && self.nth(2) == TokenKind::Op(Op::Equal))
        {
            self.bump();
            if self.at_op(Op::RPar) {
                break;
            }
            match self.parse_pattern() {
                Ok(p) => last = p.range,
                Err(e) => return e,
            }
        }
        self.error_at(
            first.cover(last),
            "positional patterns follow keyword patterns",
        )
    }
}
