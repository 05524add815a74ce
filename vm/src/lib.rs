//! protopy's runtime. For now: the front-end entry points the CLI uses and CPython's syntax-error
//! report; the interpreter, builtins, import system and embedding API come with issue 3.

pub mod api;
pub mod builtins;
pub mod eval;
pub mod format;
pub mod import;
pub mod modules;
pub mod numeric;
pub mod ops;
pub mod protocols;
pub mod report;
pub mod runtime;
pub mod suggestions;
pub mod text;
pub mod thread;
pub mod traceback;
pub mod types;
