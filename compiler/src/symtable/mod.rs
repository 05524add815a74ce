//! Symbol tables: which scope every name belongs to. Mirrors CPython 3.14's `Python/symtable.c`
//! (and what its `symtable` module reports): module, class, function (lambdas and comprehensions
//! are function blocks) and annotation scopes; symbols are local, global (explicit or implicit),
//! free or cell; comprehensions are inlined into their enclosing scope (PEP 709) and every scope
//! that has annotations gets an `__annotate__` annotation scope (PEP 649/749).

mod analyze;
mod builder;

pub(crate) use builder::has_docstring as builder_has_docstring;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::fmt::Write;

use crate::ast;
use crate::error::SyntaxError;
use crate::text::TextRange;

/// Symbol flags (CPython's `DEF_*`, same values).
pub mod flag {
    /// `global` statement.
    pub const GLOBAL: u32 = 1;
    /// Bound in the block (assignment, `for`, `def`, ...).
    pub const LOCAL: u32 = 2;
    /// A parameter.
    pub const PARAM: u32 = 4;
    /// `nonlocal` statement.
    pub const NONLOCAL: u32 = 8;
    /// Read in the block.
    pub const USE: u32 = 16;
    /// Free in a method of a class that also binds or declares it.
    pub const FREE_CLASS: u32 = 64;
    /// Bound by an import.
    pub const IMPORT: u32 = 128;
    /// Annotated (`x: int`).
    pub const ANNOT: u32 = 256;
    /// An iteration variable of a comprehension.
    pub const COMP_ITER: u32 = 512;
    /// A type parameter (PEP 695).
    pub const TYPE_PARAM: u32 = 1024;
    /// A cell of an inlined comprehension.
    pub const COMP_CELL: u32 = 2048;
    /// Any binding.
    pub const BOUND: u32 = LOCAL | PARAM | IMPORT;
}

/// Where a name lives (CPython's `LOCAL`, `GLOBAL_EXPLICIT`, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SymbolScope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

impl SymbolScope {
    /// The name CPython's `symtable.c` uses.
    pub fn name(self) -> &'static str {
        match self {
            SymbolScope::Local => "LOCAL",
            SymbolScope::GlobalExplicit => "GLOBAL_EXPLICIT",
            SymbolScope::GlobalImplicit => "GLOBAL_IMPLICIT",
            SymbolScope::Free => "FREE",
            SymbolScope::Cell => "CELL",
        }
    }
}

/// The kind of a block (CPython's `_Py_block_ty`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    /// Functions, lambdas and comprehensions.
    Function,
    /// An `__annotate__` function (PEP 649).
    Annotation,
    /// The hidden scope of a generic function, class or type alias holding its type
    /// parameters (PEP 695 annotation scope, `<generic parameters of f>`).
    TypeParams,
    /// The lazily evaluated value of a `type` statement.
    TypeAlias,
    /// The lazily evaluated bound, constraints or default of a type parameter.
    TypeVariable,
}

/// Which comprehension a function block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comprehension {
    List,
    Set,
    Dict,
    Generator,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    pub flags: u32,
    /// Set by the analysis; `None` only for names the analysis never saw.
    pub scope: Option<SymbolScope>,
}

/// One block (CPython's `PySTEntryObject`).
#[derive(Clone, Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    /// `top`, the function or class name, `lambda`, `listcomp`, `genexpr`, `__annotate__`, ...
    pub name: String,
    pub range: TextRange,
    symbols: Vec<Symbol>,
    index: HashMap<String, usize>,
    /// Parameters, in order (`ste_varnames`).
    pub params: Vec<String>,
    pub children: Vec<ScopeId>,
    /// Inside a function-like scope (or nested in one).
    pub nested: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub comprehension: Option<Comprehension>,
    pub varargs: bool,
    pub varkeywords: bool,
    pub returns_value: bool,
    /// Has free variables, or passes some through.
    pub has_free: bool,
    /// A class whose methods use `__class__` (or zero-argument `super()`).
    pub needs_class_closure: bool,
    /// A class whose annotation scopes read its namespace through `__classdict__`.
    pub needs_classdict: bool,
    pub has_conditional_annotations: bool,
    /// An annotation scope that resolves names through the enclosing class namespace.
    pub can_see_class_scope: bool,
    /// A comprehension compiled inline into its parent (PEP 709).
    pub comp_inlined: bool,
    pub has_docstring: bool,
    /// The annotation scope of a function has annotations to evaluate.
    pub annotations_used: bool,
    /// The `__annotate__` scope of this module or class (deferred annotations).
    pub annotation_block: Option<ScopeId>,
    /// `global`/`nonlocal` statements, for error positions.
    directives: HashMap<String, TextRange>,
    /// What a `TypeVariable` block evaluates ("a TypeVar bound", ...), for error messages.
    pub scope_info: &'static str,
}

pub type ScopeId = usize;

/// What a scope is keyed by: the AST node that makes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum ScopeKey {
    Node(usize),
    Annotations(usize),
    TypeParams(usize),
}

impl ScopeKey {
    pub(crate) fn of<T>(node: &T) -> ScopeKey {
        ScopeKey::Node(node as *const T as usize)
    }

    pub(crate) fn annotations_of<T>(node: &T) -> ScopeKey {
        ScopeKey::Annotations(node as *const T as usize)
    }

    /// The type parameter scope of a generic definition, keyed by its parameter list.
    pub(crate) fn type_params_of(type_params: &[crate::ast::TypeParam]) -> ScopeKey {
        ScopeKey::TypeParams(type_params.as_ptr() as usize)
    }

    /// The second block a node makes (a type parameter's default beside its bound): CPython
    /// keys it by the node's address plus one.
    pub(crate) fn second_of<T>(node: &T) -> ScopeKey {
        ScopeKey::Node(node as *const T as usize + 1)
    }
}

/// The scopes of a module. Scope 0 is the module.
#[derive(Clone, Debug)]
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    keys: HashMap<ScopeKey, ScopeId>,
    /// `from __future__ import annotations` is in effect.
    pub future_annotations: bool,
}

/// Builds and analyzes the symbol table of `module`, as `symtable.symtable(src, name, "exec")`.
pub fn build(module: &ast::Module, source: &str) -> Result<SymbolTable, SyntaxError> {
    let mut table = builder::build(module, source)?;
    analyze::analyze(&mut table, source)?;
    Ok(table)
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, range: TextRange, nested: bool) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            range,
            symbols: Vec::new(),
            index: HashMap::new(),
            params: Vec::new(),
            children: Vec::new(),
            nested,
            generator: false,
            coroutine: false,
            comprehension: None,
            varargs: false,
            varkeywords: false,
            returns_value: false,
            has_free: false,
            needs_class_closure: false,
            needs_classdict: false,
            has_conditional_annotations: false,
            can_see_class_scope: false,
            comp_inlined: false,
            has_docstring: false,
            annotations_used: false,
            annotation_block: None,
            directives: HashMap::new(),
            scope_info: "",
        }
    }

    /// Symbols in the order they were first seen.
    pub fn symbols(&self) -> &[Symbol] {
        &self.symbols
    }

    pub fn symbol(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i])
    }

    pub fn flags(&self, name: &str) -> u32 {
        self.symbol(name).map_or(0, |s| s.flags)
    }

    /// The scope of `name` (already mangled), `None` when the block never mentions it.
    pub fn scope_of(&self, name: &str) -> Option<SymbolScope> {
        self.symbol(name).and_then(|s| s.scope)
    }

    fn symbol_mut(&mut self, name: &str) -> Option<&mut Symbol> {
        self.index.get(name).map(|&i| &mut self.symbols[i])
    }

    /// Adds `flags` to `name`, creating the symbol if needed; returns the flags before.
    fn add_flags(&mut self, name: &str, flags: u32) -> u32 {
        if let Some(sym) = self.symbol_mut(name) {
            let old = sym.flags;
            sym.flags |= flags;
            return old;
        }
        self.index.insert(name.to_string(), self.symbols.len());
        self.symbols.push(Symbol {
            name: name.to_string(),
            flags,
            scope: None,
        });
        0
    }

    /// CPython's `_PyST_IsFunctionLike`.
    pub fn is_function_like(&self) -> bool {
        !matches!(self.kind, ScopeKind::Module | ScopeKind::Class)
    }

    /// An annotation scope of PEP 649 or PEP 695 (which lambdas and comprehensions inside it
    /// do not change).
    pub fn is_annotation_scope(&self) -> bool {
        matches!(
            self.kind,
            ScopeKind::Annotation
                | ScopeKind::TypeParams
                | ScopeKind::TypeAlias
                | ScopeKind::TypeVariable
        )
    }

    /// Cell variables (`co_cellvars` before the class-body extras), sorted.
    pub fn cellvars(&self) -> Vec<String> {
        let mut cells: Vec<String> = self
            .symbols
            .iter()
            .filter(|s| s.scope == Some(SymbolScope::Cell) || s.flags & flag::COMP_CELL != 0)
            .map(|s| s.name.clone())
            .collect();
        cells.sort();
        cells
    }

    /// Free variables (`co_freevars`), sorted.
    pub fn freevars(&self) -> Vec<String> {
        let mut free: Vec<String> = self
            .symbols
            .iter()
            .filter(|s| s.scope == Some(SymbolScope::Free) || s.flags & flag::FREE_CLASS != 0)
            .map(|s| s.name.clone())
            .collect();
        free.sort();
        free
    }
}

impl SymbolTable {
    pub fn module(&self) -> &Scope {
        &self.scopes[0]
    }

    /// The scope made by an AST node (a function or class definition, lambda or comprehension).
    pub(crate) fn lookup(&self, key: ScopeKey) -> Option<ScopeId> {
        self.keys.get(&key).copied()
    }

    /// A readable dump, one line per scope: `kind name: symbol=SCOPE ...`, children indented.
    /// The format of the reference test script (`symtable_reference` test), to compare with
    /// CPython's `symtable` module.
    pub fn dump(&self) -> String {
        let mut out = String::new();
        self.dump_scope(0, 0, &mut out);
        out
    }

    fn dump_scope(&self, id: ScopeId, depth: usize, out: &mut String) {
        let scope = &self.scopes[id];
        let kind = match scope.kind {
            ScopeKind::Module => "module",
            ScopeKind::Class => "class",
            ScopeKind::Function => "function",
            ScopeKind::Annotation => "annotation",
            ScopeKind::TypeParams => "type parameters",
            ScopeKind::TypeAlias => "type alias",
            ScopeKind::TypeVariable => "type variable",
        };
        let _ = write!(
            out,
            "{:indent$}{kind} {}:",
            "",
            scope.name,
            indent = depth * 2
        );
        for sym in &scope.symbols {
            let scope_name = sym.scope.map_or("?", SymbolScope::name);
            let _ = write!(out, " {}={}", sym.name, scope_name);
        }
        out.push('\n');
        for &child in &scope.children {
            self.dump_scope(child, depth + 1, out);
        }
    }
}

/// Private name mangling (CPython's `_Py_Mangle`): inside class `C`, `__x` becomes `_C__x`.
pub fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}
