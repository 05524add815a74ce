//! Compound statements: `if`, `while`, `for`, `with`, `try`, function and class definitions
//! with their decorators, following CPython's `Grammar/python.gram` (`compound_stmt` and the
//! `invalid_*_stmt` rules for its error messages). `match` is in `pattern.rs`.

use super::expr::expr_name;
use super::{PResult, Parser};
use crate::ast::{
    Arguments, ClassDef, CmpOp, ExceptHandler, Expr, ExprContext, ExprKind, FunctionDef, Stmt,
    StmtKind, WithItem,
};
use crate::text::TextRange;
use crate::tokenizer::{Keyword as Kw, Op, TokenKind};

impl Parser<'_> {
    /// `compound_stmt` other than `match`: the current token is `def`, `if`, `class`, `with`,
    /// `for`, `try`, `while`, `async` or `@`.
    pub(super) fn parse_compound_stmt(&mut self) -> PResult<Stmt> {
        match self.kind() {
            TokenKind::Keyword(Kw::If) => self.parse_if(),
            TokenKind::Keyword(Kw::While) => self.parse_while(),
            TokenKind::Keyword(Kw::For) => self.parse_for(self.start(), false),
            TokenKind::Keyword(Kw::With) => self.parse_with(self.start(), false),
            TokenKind::Keyword(Kw::Try) => self.parse_try(),
            TokenKind::Keyword(Kw::Def) => self.parse_function_def(Vec::new()),
            TokenKind::Keyword(Kw::Class) => self.parse_class_def(Vec::new()),
            TokenKind::Op(Op::At) => self.parse_decorated(),
            TokenKind::Keyword(Kw::Async) => {
                let start = self.start();
                match self.nth(1) {
                    TokenKind::Keyword(Kw::Def) => self.parse_function_def(Vec::new()),
                    TokenKind::Keyword(Kw::For) => {
                        self.bump();
                        self.parse_for(start, true)
                    }
                    TokenKind::Keyword(Kw::With) => {
                        self.bump();
                        self.parse_with(start, true)
                    }
                    _ => {
                        self.bump();
                        Err(self.invalid_syntax())
                    }
                }
            }
            _ => Err(self.invalid_syntax()),
        }
    }

    /// `':'` where CPython says "expected ':'" only when a `NEWLINE` follows instead
    /// (`invalid_if_stmt` and friends), and "invalid syntax" otherwise.
    pub(super) fn expect_colon_before_newline(&mut self) -> PResult<()> {
        if self.eat_op(Op::Colon) {
            Ok(())
        } else if self.at(TokenKind::Newline) {
            Err(self.error_at(self.tok().range, "expected ':'"))
        } else {
            Err(self.invalid_syntax())
        }
    }

    /// `else_block`: the current token is `else`.
    fn parse_else_block(&mut self) -> PResult<Vec<Stmt>> {
        let kw = self.bump();
        self.expect_op(Op::Colon)?;
        self.parse_block("'else' statement", kw.range)
    }

    /// `if_stmt` with its `elif` chain, built bottom-up so long chains need no recursion.
    fn parse_if(&mut self) -> PResult<Stmt> {
        let mut branches = Vec::new();
        loop {
            let kw = self.bump();
            let is_elif = kw.kind == TokenKind::Keyword(Kw::Elif);
            let test = self.parse_condition()?;
            self.expect_colon_before_newline()?;
            let what = if is_elif {
                "'elif' statement"
            } else {
                "'if' statement"
            };
            let body = self.parse_block(what, kw.range)?;
            branches.push((kw.range.start, test, body));
            if !self.at_kw(Kw::Elif) {
                break;
            }
        }
        let mut orelse = Vec::new();
        if self.at_kw(Kw::Else) {
            orelse = self.parse_else_block()?;
            if self.at_kw(Kw::Elif) {
                return Err(self.error_at(self.tok().range, "'elif' block follows an 'else' block"));
            }
        }
        let end = self.last_token_end();
        while let Some((start, test, body)) = branches.pop() {
            let stmt = Stmt::new(
                TextRange::new(start, end),
                StmtKind::If {
                    test: Box::new(test),
                    body,
                    orelse,
                },
            );
            orelse = vec![stmt];
        }
        orelse.pop().ok_or_else(|| self.invalid_syntax())
    }

    /// `while_stmt`.
    fn parse_while(&mut self) -> PResult<Stmt> {
        let kw = self.bump();
        let test = Box::new(self.parse_condition()?);
        self.expect_colon_before_newline()?;
        let body = self.parse_block("'while' statement", kw.range)?;
        let orelse = if self.at_kw(Kw::Else) {
            self.parse_else_block()?
        } else {
            Vec::new()
        };
        let end = self.last_token_end();
        Ok(Stmt::new(
            TextRange::new(kw.range.start, end),
            StmtKind::While { test, body, orelse },
        ))
    }

    /// `for_stmt`: the current token is `for` (after `async`, with `is_async`).
    fn parse_for(&mut self, start: u32, is_async: bool) -> PResult<Stmt> {
        let kw = self.bump();
        let target = self.parse_for_target()?;
        let iter = Box::new(self.parse_star_expressions()?);
        self.expect_colon_before_newline()?;
        let body = self.parse_block("'for' statement", kw.range)?;
        let orelse = if self.at_kw(Kw::Else) {
            self.parse_else_block()?
        } else {
            Vec::new()
        };
        let end = self.last_token_end();
        let kind = StmtKind::For {
            is_async,
            target,
            iter,
            body,
            orelse,
        };
        Ok(Stmt::new(TextRange::new(start, end), kind))
    }

    /// `star_targets 'in'` of a `for`, with `invalid_for_target`'s "cannot assign to ..." errors.
    fn parse_for_target(&mut self) -> PResult<Box<Expr>> {
        let mark = self.mark();
        let furthest = match self.parse_star_targets() {
            Ok(target) if self.eat_kw(Kw::In) => return Ok(Box::new(target)),
            // The targets parsed as far as here; the invalid one is found below.
            Ok(_) => self.invalid_syntax(),
            Err(e) if e.msg.starts_with("cannot assign to ") => self.invalid_syntax(),
            Err(e) if e.msg != "invalid syntax" => return Err(e),
            Err(e) => e,
        };
        // `'for' star_expressions`: the first expression that cannot be assigned to.
        self.reset(mark);
        if let Ok(expr) = self.parse_star_expressions() {
            if let Some(bad) = invalid_for_target(&expr) {
                return Err(
                    self.error_at(bad.range, format!("cannot assign to {}", expr_name(bad)))
                );
            }
        }
        Err(furthest)
    }

    /// `with_stmt`: the current token is `with` (after `async`, with `is_async`).
    fn parse_with(&mut self, start: u32, is_async: bool) -> PResult<Stmt> {
        let kw = self.bump();
        let after_with = self.mark();
        let items = match self.parse_with_header() {
            Ok(items) => items,
            Err(e) if e.msg == "invalid syntax" => {
                return Err(self.with_missing_colon(after_with).unwrap_or(e))
            }
            Err(e) => return Err(e),
        };
        let body = self.parse_block("'with' statement", kw.range)?;
        let end = self.last_token_end();
        Ok(Stmt::new(
            TextRange::new(start, end),
            StmtKind::With {
                is_async,
                items,
                body,
            },
        ))
    }

    /// The items of a `with` and its colon: `'(' ','.with_item+ ','? ')' ':'`, else
    /// `','.with_item+ ':'`.
    fn parse_with_header(&mut self) -> PResult<Vec<WithItem>> {
        let mut paren_error = None;
        if self.at_op(Op::LPar) {
            let mark = self.mark();
            match self.parse_parenthesized_with_items() {
                Ok(items) => {
                    self.bump();
                    return Ok(items);
                }
                Err(e) => {
                    paren_error = Some(e);
                    self.reset(mark);
                }
            }
        }
        let items = self.parse_with_items().map_err(|e| match paren_error {
            Some(first) if first.msg != "invalid syntax" => first,
            // Both forms failed: CPython reports the furthest point either reached.
            Some(first)
                if e.msg == "invalid syntax" && (first.lineno, first.col) > (e.lineno, e.col) =>
            {
                first
            }
            _ => e,
        })?;
        self.expect_colon_before_newline()?;
        Ok(items)
    }

    /// `invalid_with_stmt`: items (`expression ['as' star_target]`, or parenthesized
    /// `expressions ['as' star_target]`) followed by a `NEWLINE` give "expected ':'".
    fn with_missing_colon(&mut self, after_with: usize) -> Option<crate::error::SyntaxError> {
        for parenthesized in [false, true] {
            self.reset(after_with);
            if parenthesized && !self.eat_op(Op::LPar) {
                continue;
            }
            let mut ok = true;
            loop {
                let item = if parenthesized {
                    self.parse_expressions()
                } else {
                    self.parse_expression()
                };
                if item.is_err() || (self.eat_kw(Kw::As) && self.parse_star_target().is_err()) {
                    ok = false;
                    break;
                }
                if !self.eat_op(Op::Comma) || (parenthesized && self.at_op(Op::RPar)) {
                    break;
                }
            }
            if ok && (!parenthesized || self.eat_op(Op::RPar)) && self.at(TokenKind::Newline) {
                return Some(self.error_at(self.tok().range, "expected ':'"));
            }
        }
        None
    }

    /// `'(' ','.with_item+ ','? ')' &':'`: the current token is `(`.
    fn parse_parenthesized_with_items(&mut self) -> PResult<Vec<WithItem>> {
        self.bump();
        let mut items = vec![self.parse_with_item()?];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::RPar) {
                break;
            }
            items.push(self.parse_with_item()?);
        }
        if !self.eat_op(Op::RPar) || !self.at_op(Op::Colon) {
            return Err(self.invalid_syntax());
        }
        Ok(items)
    }

    /// `','.with_item+`.
    fn parse_with_items(&mut self) -> PResult<Vec<WithItem>> {
        let mut items = vec![self.parse_with_item()?];
        while self.eat_op(Op::Comma) {
            items.push(self.parse_with_item()?);
        }
        Ok(items)
    }

    /// `with_item`: `expression ['as' star_target]`; the target must be followed by `,`, `)` or
    /// `:` (then a target that cannot be assigned to is reported, as `invalid_with_item` does).
    fn parse_with_item(&mut self) -> PResult<WithItem> {
        let context_expr = self.parse_expression()?;
        let mut optional_vars = None;
        if self.eat_kw(Kw::As) {
            let mark = self.mark();
            let target = if self.at_op(Op::Star) {
                self.parse_star_target()
            } else {
                self.parse_expression()
            };
            match target {
                Ok(mut target)
                    if matches!(self.kind(), TokenKind::Op(Op::Comma | Op::RPar | Op::Colon)) =>
                {
                    self.set_context(&mut target, ExprContext::Store)?;
                    optional_vars = Some(Box::new(target));
                }
                Err(e) if e.msg != "invalid syntax" => return Err(e),
                // CPython's `star_target` is a primary chain; its first pass stops at the token
                // after it, and no form of `with` parses further.
                _ => {
                    self.reset(mark);
                    self.eat_op(Op::Star);
                    self.parse_primary()?;
                    return Err(self.invalid_syntax());
                }
            }
        }
        Ok(WithItem {
            context_expr,
            optional_vars,
        })
    }

    /// `try_stmt`: `try` with `except` or `except*` handlers, `else` and `finally`.
    fn parse_try(&mut self) -> PResult<Stmt> {
        let kw = self.bump();
        self.expect_op(Op::Colon)?;
        let body = self.parse_block("'try' statement", kw.range)?;
        if !self.at_kw(Kw::Except) && !self.at_kw(Kw::Finally) {
            let msg = "expected 'except' or 'finally' block".to_string();
            return Err(self.error_at_current(msg, false));
        }
        let mut handlers = Vec::new();
        let is_star = self.at_kw(Kw::Except) && self.nth(1) == TokenKind::Op(Op::Star);
        while self.at_kw(Kw::Except) {
            let star = self.nth(1) == TokenKind::Op(Op::Star);
            if star != is_star {
                let except = self.tok().range;
                let range = if star {
                    except.cover(self.nth_tok(1).range)
                } else {
                    except
                };
                return Err(self.error_at(
                    range,
                    "cannot have both 'except' and 'except*' on the same 'try'",
                ));
            }
            handlers.push(self.parse_except_handler(star)?);
        }
        let mut orelse = Vec::new();
        if !handlers.is_empty() && self.at_kw(Kw::Else) {
            orelse = self.parse_else_block()?;
        }
        let mut finalbody = Vec::new();
        if self.at_kw(Kw::Finally) {
            let fin = self.bump();
            self.expect_op(Op::Colon)?;
            finalbody = self.parse_block("'finally' statement", fin.range)?;
        }
        let end = self.last_token_end();
        let kind = StmtKind::Try {
            is_star,
            body,
            handlers,
            orelse,
            finalbody,
        };
        Ok(Stmt::new(TextRange::new(kw.range.start, end), kind))
    }

    /// `except_block` or `except_star_block`: the current token is `except`.
    fn parse_except_handler(&mut self, star: bool) -> PResult<ExceptHandler> {
        let kw = self.bump();
        if star {
            self.bump();
        }
        let (what, stmt_name) = if star {
            ("'except*' statement", "except*")
        } else {
            ("'except' statement", "except")
        };
        let mut type_ = None;
        let mut name = None;
        if self.at_op(Op::Colon) || self.at(TokenKind::Newline) {
            if star {
                return Err(self.error_at(self.tok().range, "expected one or more exception types"));
            }
        } else {
            let mark = self.mark();
            let mut exc = self.parse_expression()?;
            if self.at_op(Op::Comma) {
                // PEP 758: `except A, B:` is a tuple, but only without `as`.
                self.reset(mark);
                exc = self.parse_expressions()?;
                if self.eat_kw(Kw::As) {
                    self.expect_name()?;
                    let msg = "multiple exception types must be parenthesized when using 'as'";
                    return Err(self.error_at(self.starting_from(exc.range.start), msg));
                }
            } else if self.eat_kw(Kw::As) {
                let mark = self.mark();
                let target = self.parse_expression()?;
                let plain = self.tokens[mark].kind == TokenKind::Name;
                match &target.kind {
                    ExprKind::Name { id, .. }
                        if plain
                            && matches!(
                                self.kind(),
                                TokenKind::Op(Op::Colon) | TokenKind::Newline
                            ) =>
                    {
                        name = Some(id.clone());
                    }
                    _ if self.at_op(Op::Colon) => {
                        let msg = format!(
                            "cannot use {stmt_name} statement with {}",
                            expr_name(&target)
                        );
                        return Err(self.error_at(target.range, msg));
                    }
                    // `'as' NAME` wanted `:` right after the name.
                    _ if plain => {
                        self.reset(mark + 1);
                        return Err(self.invalid_syntax());
                    }
                    _ => return Err(self.invalid_syntax()),
                }
            }
            type_ = Some(Box::new(exc));
        }
        self.expect_colon_before_newline()?;
        let body = self.parse_block(what, kw.range)?;
        let range = TextRange::new(kw.range.start, self.last_token_end());
        Ok(ExceptHandler {
            range,
            type_,
            name,
            body,
        })
    }

    /// `decorators` then a function or class definition: the current token is `@`.
    fn parse_decorated(&mut self) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.eat_op(Op::At) {
            decorators.push(self.parse_named_expression()?);
            self.expect(TokenKind::Newline)?;
        }
        match self.kind() {
            TokenKind::Keyword(Kw::Def) => self.parse_function_def(decorators),
            TokenKind::Keyword(Kw::Async) if self.nth(1) == TokenKind::Keyword(Kw::Def) => {
                self.parse_function_def(decorators)
            }
            TokenKind::Keyword(Kw::Class) => self.parse_class_def(decorators),
            _ => Err(self.invalid_syntax()),
        }
    }

    /// `function_def_raw`: the current token is `def` or `async`.
    fn parse_function_def(&mut self, decorator_list: Vec<Expr>) -> PResult<Stmt> {
        let start = self.start();
        let is_async = self.eat_kw(Kw::Async);
        let kw = self.bump();
        let name = self.expect_name()?.0;
        let mut type_params = Vec::new();
        if self.at_op(Op::LSqb) {
            let lsqb = self.mark();
            match self.parse_type_params() {
                Ok(params) => type_params = params,
                // `[type_params] &&'('`: without valid type parameters, the `(` is missing.
                Err(e) if e.msg == "invalid syntax" => {
                    self.reset(lsqb);
                    return Err(self.error_at(self.tok().range, "expected '('"));
                }
                Err(e) => return Err(e),
            }
        }
        if !self.at_op(Op::LPar) {
            if matches!(self.kind(), TokenKind::Error | TokenKind::Indent) {
                return Err(self.invalid_syntax());
            }
            return Err(self.error_at(self.tok().range, "expected '('"));
        }
        self.bump();
        let args = if self.at_op(Op::RPar) {
            Arguments::default()
        } else {
            self.parse_parameters(false)?
        };
        self.expect_op(Op::RPar)?;
        let mut returns = None;
        if self.at_op(Op::RArrow) {
            let arrow = self.mark();
            self.bump();
            match self.parse_expression() {
                Ok(e) => returns = Some(Box::new(e)),
                // `['->' expression] &&':'`: with no annotation, the colon is what is missing.
                Err(e) if e.msg == "invalid syntax" => {
                    self.reset(arrow);
                    return Err(self.expected(":"));
                }
                Err(e) => return Err(e),
            }
        }
        self.expect_op(Op::Colon)?;
        let body = self.parse_block("function definition", kw.range)?;
        let end = self.last_token_end();
        let def = FunctionDef {
            is_async,
            name,
            args,
            body,
            decorator_list,
            returns,
            type_params,
        };
        Ok(Stmt::new(
            TextRange::new(start, end),
            StmtKind::FunctionDef(Box::new(def)),
        ))
    }

    /// `class_def_raw`: the current token is `class`.
    fn parse_class_def(&mut self, decorator_list: Vec<Expr>) -> PResult<Stmt> {
        let kw = self.bump();
        let name = self.expect_name()?.0;
        let type_params = if self.at_op(Op::LSqb) {
            self.parse_type_params()?
        } else {
            Vec::new()
        };
        let (bases, keywords) = if self.at_op(Op::LPar) {
            let lpar = self.mark();
            let (bases, keywords) = self.parse_call_arguments()?;
            if let [only] = bases.as_slice() {
                if matches!(only.kind, ExprKind::GeneratorExp { .. })
                    && only.range.start == self.tokens[lpar].range.start
                {
                    // `class C(x for x in y):`: class arguments take no bare generator expression.
                    self.reset(lpar + 1);
                    self.parse_expression()?;
                    return Err(self.invalid_syntax());
                }
            }
            (bases, keywords)
        } else {
            (Vec::new(), Vec::new())
        };
        self.expect_colon_before_newline()?;
        let body = self.parse_block("class definition", kw.range)?;
        let end = self.last_token_end();
        let class = ClassDef {
            name,
            bases,
            keywords,
            body,
            decorator_list,
            type_params,
        };
        Ok(Stmt::new(
            TextRange::new(kw.range.start, end),
            StmtKind::ClassDef(Box::new(class)),
        ))
    }
}

/// The part of a `for` target (parsed as `star_expressions`) that cannot be assigned to, as
/// CPython's `_PyPegen_get_invalid_target` finds it: `x in y` comparisons are looked through.
fn invalid_for_target(e: &Expr) -> Option<&Expr> {
    match &e.kind {
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            elts.iter().find_map(invalid_for_target)
        }
        ExprKind::Starred { value, .. } => invalid_for_target(value),
        ExprKind::Compare { left, ops, .. } => {
            if ops.first() == Some(&CmpOp::In) {
                invalid_for_target(left)
            } else {
                None
            }
        }
        ExprKind::Name { .. } | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}
