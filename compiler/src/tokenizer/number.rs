//! Numeric literals: decimal, hexadecimal, octal and binary integers, floats and imaginary
//! numbers, with CPython's errors. Mirrors the number part of `tok_get_normal_mode`,
//! `tok_decimal_tail` and `verify_end_of_number` in CPython's `Parser/lexer/lexer.c`.

use super::lexer::{is_ident_byte, Lex, Lexer};
use super::token::TokenKind;
use crate::error::ErrorKind;

impl Lexer<'_> {
    /// A number starting at `start` (a digit, or `.` and a digit).
    pub(super) fn number(&mut self, start: usize) -> Lex {
        let end = self.number_end(start)?;
        self.pos = end;
        self.push(TokenKind::Number, start, end);
        Ok(())
    }

    /// Digits and single underscores between them; `p` is at a digit. Returns the offset of
    /// the first character after them.
    fn decimal_tail(&mut self, mut p: usize) -> Result<usize, super::lexer::Stop> {
        loop {
            while self.at(p).is_ascii_digit() {
                p += 1;
            }
            if self.at(p) != b'_' {
                return Ok(p);
            }
            p += 1;
            if !self.at(p).is_ascii_digit() {
                return Err(self.syntax_error("invalid decimal literal", p));
            }
        }
    }

    /// Checks what follows a number at `p`: a letter there is an error, except the start of
    /// `and`, `else`, `for`, `if`, `in`, `is`, `not` and `or` (CPython only warns about those).
    fn end_of_number(&mut self, p: usize, kind: &str) -> Lex {
        let c = self.at(p);
        let keyword_follows = match c {
            b'a' => self.lookahead(p + 1, b"nd"),
            b'e' => self.lookahead(p + 1, b"lse"),
            b'f' => self.lookahead(p + 1, b"or"),
            b'i' => matches!(self.at(p + 1), b'f' | b'n' | b's'),
            b'o' => self.lookahead(p + 1, b"r"),
            b'n' => self.lookahead(p + 1, b"ot"),
            _ => false,
        };
        if !keyword_follows && c < 0x80 && is_ident_byte(c) {
            return Err(self.syntax_error(format!("invalid {kind} literal"), p));
        }
        Ok(())
    }

    /// Whether `word` is at `p` and is not followed by an identifier character.
    fn lookahead(&self, p: usize, word: &[u8]) -> bool {
        word.iter().enumerate().all(|(i, &w)| self.at(p + i) == w)
            && !is_ident_byte(self.at(p + word.len()))
    }

    fn number_end(&mut self, start: usize) -> Result<usize, super::lexer::Stop> {
        let first = self.at(start);
        if first == b'.' {
            return self.fraction(start + 1);
        }
        if first != b'0' {
            let p = self.decimal_tail(start)?;
            return self.after_integer(p);
        }
        let mut p = start + 1;
        let mut c = self.at(p);
        match c | 0x20 {
            b'x' => {
                p += 1;
                loop {
                    if self.at(p) == b'_' {
                        p += 1;
                    }
                    if !self.at(p).is_ascii_hexdigit() {
                        return Err(self.syntax_error("invalid hexadecimal literal", p));
                    }
                    while self.at(p).is_ascii_hexdigit() {
                        p += 1;
                    }
                    if self.at(p) != b'_' {
                        break;
                    }
                }
                self.end_of_number(p, "hexadecimal")?;
                Ok(p)
            }
            b'o' => self.radix_digits(p + 1, b'8', "octal"),
            b'b' => self.radix_digits(p + 1, b'2', "binary"),
            _ => {
                // Zeros, maybe with underscores; anything else must be a float or imaginary.
                loop {
                    if c == b'_' {
                        p += 1;
                        c = self.at(p);
                        if !c.is_ascii_digit() {
                            return Err(self.syntax_error("invalid decimal literal", p));
                        }
                    }
                    if c != b'0' {
                        break;
                    }
                    p += 1;
                    c = self.at(p);
                }
                let zeros_end = p;
                let mut nonzero = false;
                if c.is_ascii_digit() {
                    nonzero = true;
                    p = self.decimal_tail(p)?;
                    c = self.at(p);
                }
                match c {
                    b'.' => self.fraction(p + 1),
                    b'e' | b'E' => self.exponent(p),
                    b'j' | b'J' => self.imaginary(p),
                    _ if nonzero => {
                        let msg = "leading zeros in decimal integer literals are not permitted; \
                                   use an 0o prefix for octal integers";
                        Err(self.fail(ErrorKind::SyntaxError, msg, start, zeros_end))
                    }
                    _ => {
                        self.end_of_number(p, "decimal")?;
                        Ok(p)
                    }
                }
            }
        }
    }

    /// Octal or binary digits (each below `limit`) after the prefix; `p` is after the prefix.
    fn radix_digits(
        &mut self,
        mut p: usize,
        limit: u8,
        kind: &str,
    ) -> Result<usize, super::lexer::Stop> {
        let ok = |c: u8| (b'0'..limit).contains(&c);
        loop {
            if self.at(p) == b'_' {
                p += 1;
            }
            let c = self.at(p);
            if !ok(c) {
                if c.is_ascii_digit() {
                    let msg = format!("invalid digit '{}' in {kind} literal", c as char);
                    return Err(self.syntax_error(msg, p + 1));
                }
                return Err(self.syntax_error(format!("invalid {kind} literal"), p));
            }
            while ok(self.at(p)) {
                p += 1;
            }
            if self.at(p) != b'_' {
                break;
            }
        }
        let c = self.at(p);
        if c.is_ascii_digit() {
            let msg = format!("invalid digit '{}' in {kind} literal", c as char);
            return Err(self.syntax_error(msg, p + 1));
        }
        self.end_of_number(p, kind)?;
        Ok(p)
    }

    /// After the integer part of a decimal number, at `p`.
    fn after_integer(&mut self, p: usize) -> Result<usize, super::lexer::Stop> {
        match self.at(p) {
            b'.' => self.fraction(p + 1),
            b'e' | b'E' => self.exponent(p),
            b'j' | b'J' => self.imaginary(p),
            _ => {
                self.end_of_number(p, "decimal")?;
                Ok(p)
            }
        }
    }

    /// After the `.` of a float, at `p`.
    fn fraction(&mut self, mut p: usize) -> Result<usize, super::lexer::Stop> {
        if self.at(p).is_ascii_digit() {
            p = self.decimal_tail(p)?;
        }
        match self.at(p) {
            b'e' | b'E' => self.exponent(p),
            b'j' | b'J' => self.imaginary(p),
            _ => {
                self.end_of_number(p, "decimal")?;
                Ok(p)
            }
        }
    }

    /// At the `e` or `E` of an exponent (or of a word after the number).
    fn exponent(&mut self, e: usize) -> Result<usize, super::lexer::Stop> {
        let mut p = e + 1;
        let c = self.at(p);
        if c == b'+' || c == b'-' {
            p += 1;
            if !self.at(p).is_ascii_digit() {
                return Err(self.syntax_error("invalid decimal literal", p));
            }
        } else if !c.is_ascii_digit() {
            // Not an exponent: the number ends before the `e` (`1else`), or it is an error.
            self.end_of_number(e, "decimal")?;
            return Ok(e);
        }
        p = self.decimal_tail(p)?;
        match self.at(p) {
            b'j' | b'J' => self.imaginary(p),
            _ => {
                self.end_of_number(p, "decimal")?;
                Ok(p)
            }
        }
    }

    /// At the `j` of an imaginary number.
    fn imaginary(&mut self, j: usize) -> Result<usize, super::lexer::Stop> {
        self.end_of_number(j + 1, "imaginary")?;
        Ok(j + 1)
    }
}
