//! protopy's runtime. For now: the front-end entry points the CLI uses and CPython's syntax-error
//! report; the interpreter, builtins, import system and embedding API come with issue 3.

pub mod report;
pub mod text;
