//! protopy's conformance harness (ARCHITECTURE.md, "The conformance harness"): the reference
//! CPython 3.14 and the three tracks that compare protopy with it (AST, snapshots, regrtest), the
//! expectations manifest and its gate, and the report.

pub mod ast_track;
pub mod expectations;
pub mod normalize;
pub mod outcome;
pub mod process;
pub mod protopy;
pub mod reference;
pub mod regrtest;
pub mod report;
pub mod snapshots;

pub use outcome::Outcome;
pub use reference::Reference;
