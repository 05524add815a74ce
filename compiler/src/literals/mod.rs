//! Literal values: integers of any size, string and bytes escape decoding, number parsing, and
//! Python's `repr` of constants (what `ast.dump` shows). Mirrors `Parser/string_parser.c`,
//! `Objects/longobject.c` (`PyLong_FromString`) and the `repr` of `str`, `bytes`, `float`, `complex`.

/// A Python `int` of any size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Int {
    Small(i64),
    Big(num_bigint::BigInt),
}
