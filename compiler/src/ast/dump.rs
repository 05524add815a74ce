//! `ast.dump(node)` and `ast.dump(node, include_attributes=True)` as CPython 3.14 prints them
//! (Lib/ast.py `dump`, with `indent=None` and `show_empty=False`).
