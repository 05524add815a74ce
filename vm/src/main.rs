//! The `protopy` command line.
fn main() {}
