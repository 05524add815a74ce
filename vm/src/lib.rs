//! protopy's runtime: for now the front-end entry points the CLI uses; the interpreter, builtins,
//! import system and embedding API come with issue 3.
