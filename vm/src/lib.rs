//! protopy's runtime. For now: the front-end entry points the CLI uses, CPython's syntax-error
//! report, and the pure building blocks of the builtin types (text, formatting, numbers); the
//! interpreter, builtins, import system and embedding API come with issue 3.

pub mod format;
pub mod numeric;
pub mod report;
pub mod text;
