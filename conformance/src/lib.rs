//! protopy's conformance harness (ARCHITECTURE.md, "The conformance harness").
