//! `ast.dump(node)` and `ast.dump(node, include_attributes=True)` as CPython 3.14 prints them
//! (Lib/ast.py `dump`, with `indent=None` and `show_empty=False`).

use super::Module;
use crate::text::LineIndex;

/// What `ast.dump(module, include_attributes=...)` prints; `lines` indexes the parsed source.
pub fn dump_module(module: &Module, lines: &LineIndex, include_attributes: bool) -> String {
    let _ = (module, lines, include_attributes);
    String::new()
}
