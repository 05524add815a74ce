//! The numeric core of `int`, `float` and `complex` and the `math` module, as pure Rust on plain
//! values: CPython's semantics and messages without objects. Mirrors Objects/longobject.c,
//! Objects/floatobject.c, Objects/complexobject.c and Modules/mathmodule.c (3.14).
//!
//! Ints are [`Int`] (`Small(i64)` when it fits, else `Big`), floats `f64`, complex numbers
//! [`Complex`]. Argument conversion (`__index__`, `__float__`) is the interpreter's business;
//! every function here takes converted values and returns a value or a [`NumError`] that says
//! which exception to raise with which message.

pub mod complex;
pub mod float;
pub mod float_text;
pub mod int;
pub mod int_bits;
pub mod int_convert;
pub mod int_text;
pub mod math;

#[cfg(test)]
mod compare_tests;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::fmt;

pub use complex::Complex;
pub use protopy_compiler::literals::Int;

/// CPython's default `sys.get_int_max_str_digits()`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

/// The most bits an int result may have before we answer `MemoryError` instead of trying to
/// allocate it (CPython tries and fails with `MemoryError`; 2**36 bits is 8 GiB).
pub const MAX_INT_BITS: u64 = 1 << 36;

/// A Python exception raised by a numeric operation: its type and CPython's exact message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumError {
    ZeroDivision(Cow<'static, str>),
    Overflow(Cow<'static, str>),
    Value(Cow<'static, str>),
    Type(Cow<'static, str>),
    /// `MemoryError()` with no message: a result too large to allocate.
    Memory,
    /// `OverflowError(34, 'Numerical result out of range')`, as CPython raises it from errno
    /// (`PyErr_SetFromErrno`) when `float ** float` overflows: two arguments, so its `str` is
    /// the tuple's text.
    RangeErrno,
}

impl NumError {
    pub fn zero_division(msg: impl Into<Cow<'static, str>>) -> NumError {
        NumError::ZeroDivision(msg.into())
    }
    pub fn overflow(msg: impl Into<Cow<'static, str>>) -> NumError {
        NumError::Overflow(msg.into())
    }
    pub fn value(msg: impl Into<Cow<'static, str>>) -> NumError {
        NumError::Value(msg.into())
    }
    pub fn type_error(msg: impl Into<Cow<'static, str>>) -> NumError {
        NumError::Type(msg.into())
    }

    /// The exception type's name: `ZeroDivisionError`, `OverflowError`, ...
    pub fn type_name(&self) -> &'static str {
        match self {
            NumError::ZeroDivision(_) => "ZeroDivisionError",
            NumError::Overflow(_) | NumError::RangeErrno => "OverflowError",
            NumError::Value(_) => "ValueError",
            NumError::Type(_) => "TypeError",
            NumError::Memory => "MemoryError",
        }
    }

    /// What `str(exception)` shows.
    pub fn message(&self) -> &str {
        match self {
            NumError::ZeroDivision(m)
            | NumError::Overflow(m)
            | NumError::Value(m)
            | NumError::Type(m) => m,
            NumError::Memory => "",
            NumError::RangeErrno => "(34, 'Numerical result out of range')",
        }
    }
}

impl fmt::Display for NumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.type_name(), self.message())
    }
}

pub type NumResult<T> = Result<T, NumError>;

/// `ZeroDivisionError: division by zero`, the one message 3.14 uses for `/`, `//`, `%` and
/// `divmod` of ints, floats and complex numbers.
pub(crate) fn division_by_zero() -> NumError {
    NumError::zero_division("division by zero")
}

/// The hash of a number. NaN hashes by object identity (`_Py_HashPointer`), which only the
/// interpreter knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumHash {
    Value(i64),
    Identity,
}

/// `sys.hash_info.modulus`: the Mersenne prime 2**61 - 1 that numeric hashes reduce by.
pub const HASH_MODULUS: u64 = (1 << 61) - 1;
/// `sys.hash_info.inf`.
pub const HASH_INF: i64 = 314_159;
/// `sys.hash_info.imag`.
pub const HASH_IMAG: i64 = 1_000_003;
