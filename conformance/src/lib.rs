//! protopy's conformance harness (ARCHITECTURE.md, "The conformance harness"): the reference
//! CPython 3.14 and the tracks that compare protopy with it.

pub mod ast_track;
pub mod reference;

pub use reference::Reference;
