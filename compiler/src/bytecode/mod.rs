//! Code objects: the plain-data contract between the compiler and the interpreter. Mirrors
//! CPython 3.14's `Include/cpython/code.h` (`PyCodeObject`) and `Objects/codeobject.c`, without
//! runtime types: constants are [`Const`] values that the interpreter turns into objects when it
//! loads a code object. See docs/design/0003-bytecode.md.

mod dis;
pub mod opcodes;

pub use dis::disassemble;
pub use opcodes::{ArgKind, Flow, Opcode, StackEffect};

use crate::literals::Int;
use crate::pystr::PyStr;

/// One instruction: an opcode and its 32-bit argument (no `EXTENDED_ARG`, no inline caches).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Instr {
    pub op: Opcode,
    pub arg: u32,
}

impl Instr {
    pub fn new(op: Opcode, arg: u32) -> Self {
        Instr { op, arg }
    }

    /// The instruction as one word: the opcode byte, then the argument above it.
    pub fn encode(self) -> u64 {
        (u64::from(self.arg) << 8) | self.op as u64
    }

    /// The inverse of [`Instr::encode`]; `None` for an unknown opcode byte or a pseudo-opcode.
    pub fn decode(word: u64) -> Option<Instr> {
        let op = Opcode::from_u8((word & 0xFF) as u8).filter(|op| !op.is_pseudo())?;
        let arg = u32::try_from(word >> 8).ok()?;
        Some(Instr { op, arg })
    }
}

/// A source span: 1-based lines, 0-based UTF-8 byte columns (CPython's `co_positions()`).
/// `line == 0` means the instruction has no location (`dis` prints `--`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Location {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

impl Location {
    pub const NONE: Location = Location {
        line: 0,
        end_line: 0,
        col: 0,
        end_col: 0,
    };
}

/// One row of the exception table (CPython's `co_exceptiontable`, decoded): an exception raised
/// by an instruction in `start..end` pops the stack down to `depth` values, pushes the index of
/// the raising instruction when `push_lasti`, pushes the exception and jumps to `target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub push_lasti: bool,
}

/// A compile-time constant (`co_consts` entry).
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    None,
    Bool(bool),
    Ellipsis,
    Int(Int),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    Str(PyStr),
    Bytes(Vec<u8>),
    Tuple(Vec<Const>),
    /// A `frozenset` of constants, in source order (from constant set displays).
    FrozenSet(Vec<Const>),
    Code(Box<CodeObject>),
}

/// `co_flags` bits, with CPython's values.
pub mod flags {
    pub const OPTIMIZED: u32 = 0x1;
    pub const NEWLOCALS: u32 = 0x2;
    pub const VARARGS: u32 = 0x4;
    pub const VARKEYWORDS: u32 = 0x8;
    pub const NESTED: u32 = 0x10;
    pub const GENERATOR: u32 = 0x20;
    /// An `async def` function without `yield`: calling it makes a coroutine.
    pub const COROUTINE: u32 = 0x80;
    /// A generator usable in `await` (set by `types.coroutine`).
    pub const ITERABLE_COROUTINE: u32 = 0x100;
    /// An `async def` function with `yield`: calling it makes an async generator.
    pub const ASYNC_GENERATOR: u32 = 0x200;
    /// `co_consts[0]` is the docstring (`__doc__` of the function).
    pub const HAS_DOCSTRING: u32 = 0x400_0000;
    /// A function defined directly in a class body.
    pub const METHOD: u32 = 0x800_0000;
}

/// A compiled scope: module, class body, function, lambda, generator expression or
/// `__annotate__` function.
///
/// Fast-local slots ("localsplus", CPython 3.11+): `varnames` first (arguments in order:
/// positional-only, positional, keyword-only, `*args`, `**kwargs`), then the `cellvars` that are
/// not also in `varnames`, then the `freevars`. A cell variable that is also a varname (an
/// argument captured by a closure) shares that slot. Frames start with the arguments in their
/// slots and every other slot unbound; `MAKE_CELL`/`COPY_FREE_VARS` at the start of the code make
/// the cells. A code object with `flags::GENERATOR` makes a generator when called: the first
/// resumption starts at instruction 0 and pushes nothing.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    pub name: String,
    pub qualname: String,
    pub filename: String,
    pub first_line: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub instructions: Vec<Instr>,
    /// One per instruction.
    pub locations: Vec<Location>,
    pub consts: Vec<Const>,
    pub names: Vec<String>,
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub exception_table: Vec<ExceptionEntry>,
    pub max_stack_depth: u32,
}

impl CodeObject {
    /// The number of fast-local slots.
    pub fn nlocalsplus(&self) -> usize {
        self.varnames.len() + self.cells_after_varnames().count() + self.freevars.len()
    }

    fn cells_after_varnames(&self) -> impl Iterator<Item = &String> {
        self.cellvars.iter().filter(|c| !self.varnames.contains(c))
    }

    /// The name of fast-local slot `i`.
    pub fn localsplus_name(&self, i: usize) -> Option<&str> {
        if let Some(name) = self.varnames.get(i) {
            return Some(name);
        }
        let mut rest = i - self.varnames.len();
        let extra: Vec<&String> = self.cells_after_varnames().collect();
        if let Some(name) = extra.get(rest) {
            return Some(name);
        }
        rest -= extra.len();
        self.freevars.get(rest).map(String::as_str)
    }

    /// The handler row covering instruction `index`, if any.
    pub fn handler_for(&self, index: u32) -> Option<&ExceptionEntry> {
        self.exception_table
            .iter()
            .find(|e| e.start <= index && index < e.end)
    }

    /// The docstring (`co_consts[0]` when `flags::HAS_DOCSTRING` is set).
    pub fn docstring(&self) -> Option<&PyStr> {
        if self.flags & flags::HAS_DOCSTRING == 0 {
            return None;
        }
        match self.consts.first() {
            Some(Const::Str(s)) => Some(s),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instructions_round_trip_through_words() {
        let i = Instr::new(Opcode::LOAD_CONST, 70_000);
        assert_eq!(Instr::decode(i.encode()), Some(i));
        assert_eq!(Instr::decode(Opcode::SETUP_FINALLY as u64), None);
    }
}
