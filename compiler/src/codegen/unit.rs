//! One compilation unit (a code object being built) and its instruction sequence with labels:
//! CPython's `struct compiler_unit` (Python/compile.c) and `instruction_sequence.c`.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::ast::Stmt;
use crate::bytecode::{Const, Location, Opcode};
use crate::literals::Int;
use crate::pystr::PyStr;
use crate::symtable::{ScopeId, SymbolScope};

/// A jump target, bound to an instruction position later.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Label(pub u32);

/// One instruction before assembly: jumps name a label instead of an index.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ir {
    pub op: Opcode,
    pub arg: u32,
    pub target: Option<Label>,
    pub loc: Location,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnitKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
    Annotation,
}

/// An ordered set of names with their indices (`co_names`, `co_varnames`, ...).
#[derive(Clone, Debug, Default)]
pub(crate) struct NameTable {
    pub names: Vec<String>,
    index: HashMap<String, u32>,
}

impl NameTable {
    pub fn from_names(names: impl IntoIterator<Item = String>) -> NameTable {
        let mut t = NameTable::default();
        for n in names {
            t.add(&n);
        }
        t
    }

    /// The index of `name`, adding it at the end when new.
    pub fn add(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(name.to_string());
        self.index.insert(name.to_string(), i);
        i
    }

    pub fn get(&self, name: &str) -> Option<u32> {
        self.index.get(name).copied()
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }
}

/// What a constant is keyed by for de-duplication: `1`, `1.0` and `True` stay distinct, and so
/// do `0.0` and `-0.0` (CPython's `_PyCode_ConstantKey`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Bool(bool),
    Ellipsis,
    Int(i64),
    BigInt(String),
    Float(u64),
    Complex(u64, u64),
    Str(PyStr),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
}

fn const_key(c: &Const) -> Option<ConstKey> {
    Some(match c {
        Const::None => ConstKey::None,
        Const::Bool(b) => ConstKey::Bool(*b),
        Const::Ellipsis => ConstKey::Ellipsis,
        Const::Int(Int::Small(v)) => ConstKey::Int(*v),
        Const::Int(Int::Big(b)) => ConstKey::BigInt(b.to_string()),
        Const::Float(f) => ConstKey::Float(f.to_bits()),
        Const::Complex { real, imag } => ConstKey::Complex(real.to_bits(), imag.to_bits()),
        Const::Str(s) => ConstKey::Str(s.clone()),
        Const::Bytes(b) => ConstKey::Bytes(b.clone()),
        Const::Tuple(items) => {
            ConstKey::Tuple(items.iter().map(const_key).collect::<Option<Vec<_>>>()?)
        }
        Const::FrozenSet(items) => {
            ConstKey::FrozenSet(items.iter().map(const_key).collect::<Option<Vec<_>>>()?)
        }
        Const::Code(_) => return None,
    })
}

/// A block the codegen is inside of, for `break`/`continue`/`return` unwinding (CPython's
/// `fblockinfo`).
#[derive(Clone, Debug)]
pub(crate) enum FBlock<'a> {
    WhileLoop { start: Label, exit: Label },
    ForLoop { start: Label, exit: Label },
    TryExcept,
    FinallyTry { body: &'a [Stmt] },
    FinallyEnd,
    With { is_async: bool },
    HandlerCleanup { name: Option<String> },
    PopValue,
    ExceptionHandler,
    StopIteration,
}

pub(crate) struct Unit<'a> {
    /// The symbol-table block; `None` for an `__annotate__` function that has none (under
    /// `from __future__ import annotations`).
    pub scope: Option<ScopeId>,
    pub kind: UnitKind,
    pub name: String,
    pub qualname: String,
    /// The class name for private name mangling.
    pub private: Option<String>,
    pub first_line: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub instrs: Vec<Ir>,
    pub labels: Vec<Option<u32>>,
    pub consts: Vec<Const>,
    const_index: HashMap<ConstKey, u32>,
    pub names: NameTable,
    pub varnames: NameTable,
    pub cellvars: NameTable,
    pub freevars: NameTable,
    pub fblocks: Vec<FBlock<'a>>,
    /// `self.x` attributes assigned in the class's methods (`__static_attributes__`).
    pub static_attributes: BTreeSet<String>,
    /// Depth of inlined comprehensions being compiled.
    pub in_inlined_comp: u32,
    /// Scopes of inlined comprehensions' names that differ from this block's (innermost last).
    pub overlays: Vec<HashMap<String, Option<SymbolScope>>>,
    /// Names that use fast locals although this is a module or class body (PEP 709).
    pub fast_hidden: HashSet<String>,
    pub in_conditional_block: u32,
    /// Simple annotated names of a class body, with their conditional index.
    pub deferred_annotations: Vec<(&'a Stmt, Option<u32>)>,
    pub next_conditional_annotation: u32,
    /// The location new instructions get.
    pub loc: Location,
    /// The location of the last statement compiled (for the implicit `return None`).
    pub last_stmt_loc: Option<Location>,
}

impl<'a> Unit<'a> {
    pub fn new(
        scope: Option<ScopeId>,
        kind: UnitKind,
        name: &str,
        qualname: String,
        first_line: u32,
    ) -> Unit<'a> {
        Unit {
            scope,
            kind,
            name: name.to_string(),
            qualname,
            private: None,
            first_line,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: 0,
            instrs: Vec::new(),
            labels: Vec::new(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: NameTable::default(),
            varnames: NameTable::default(),
            cellvars: NameTable::default(),
            freevars: NameTable::default(),
            fblocks: Vec::new(),
            static_attributes: BTreeSet::new(),
            in_inlined_comp: 0,
            overlays: Vec::new(),
            fast_hidden: HashSet::new(),
            in_conditional_block: 0,
            deferred_annotations: Vec::new(),
            next_conditional_annotation: 0,
            loc: Location {
                line: first_line,
                end_line: first_line,
                col: 0,
                end_col: 0,
            },
            last_stmt_loc: None,
        }
    }

    pub fn emit(&mut self, op: Opcode, arg: u32) {
        let loc = self.loc;
        self.instrs.push(Ir {
            op,
            arg,
            target: None,
            loc,
        });
    }

    pub fn emit_jump(&mut self, op: Opcode, target: Label) {
        let loc = self.loc;
        self.instrs.push(Ir {
            op,
            arg: 0,
            target: Some(target),
            loc,
        });
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    /// Binds `label` to the next instruction.
    pub fn bind(&mut self, label: Label) {
        if let Some(slot) = self.labels.get_mut(label.0 as usize) {
            *slot = Some(self.instrs.len() as u32);
        }
    }

    /// Whether some label is bound to the next instruction (a peephole must not merge across).
    pub fn at_label(&self) -> bool {
        let here = self.instrs.len() as u32;
        self.labels.contains(&Some(here))
    }

    /// The index of `c` in `consts`, added when new (equal constants are shared).
    pub fn add_const(&mut self, c: Const) -> u32 {
        if let Const::Code(_) = &c {
            // Equal code objects are shared, as CPython's `co_consts` does (a `def` in a
            // `finally` body is compiled twice, identically).
            if let Some(i) = self.consts.iter().position(|k| *k == c) {
                return i as u32;
            }
        }
        let key = const_key(&c);
        if let Some(k) = &key {
            if let Some(&i) = self.const_index.get(k) {
                return i;
            }
        }
        let i = self.consts.len() as u32;
        self.consts.push(c);
        if let Some(k) = key {
            self.const_index.insert(k, i);
        }
        i
    }

    /// The deref index of a cell (`cellvars` first, then `freevars`), remapped to a fast-local
    /// slot by the assembler.
    pub fn cell_index(&self, name: &str) -> Option<u32> {
        self.cellvars.get(name)
    }

    pub fn free_index(&self, name: &str) -> Option<u32> {
        self.freevars
            .get(name)
            .map(|i| i + self.cellvars.len() as u32)
    }
}
