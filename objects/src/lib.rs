//! protopy's object store (ARCHITECTURE.md, "The object store"): the 8-byte `Value`, entities with
//! component tables in per-thread regions, and the tracing GC. Built with the interpreter (issue 3);
//! this crate holds no code until then.
