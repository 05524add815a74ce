//! Parser tests: inline sources, dumped and compared with what CPython 3.14's `ast.dump` prints.
