//! Bytecode generation: one `CodeObject` per scope, from the AST and its symbol table. Mirrors
//! CPython 3.14's `Python/compile.c` (units, name resolution, qualified names) and
//! `Python/codegen.c` (split here by concept: `stmt`, `expr`, `assign`, `func`,
//! `comprehension`, `except`, `fstring`), with `assemble` standing in for `flowgraph.c` and
//! `assemble.c`. Constant folding (CPython's `ast_opt.c`) is not done.

mod assemble;
mod assign;
mod comprehension;
mod except;
mod expr;
mod fstring;
mod func;
mod modes;
mod pattern;
mod stmt;
#[cfg(test)]
mod tests;
mod type_params;
mod unit;
mod unparse;

use crate::ast::{self, Constant, ExprContext};
use crate::bytecode::{flags, CodeObject, Const, Location, Opcode};
use crate::error::{ErrorKind, SyntaxError};
use crate::pystr::PyStr;
use crate::symtable::{self, mangle, ScopeId, SymbolScope, SymbolTable};
use crate::text::{LineIndex, TextRange};
use unit::{Label, Unit, UnitKind};

pub use modes::{compile_eval, compile_single};

pub(crate) type Result<T> = std::result::Result<T, SyntaxError>;

/// Compiles a parsed module: symbol tables, then code generation.
pub fn compile(module: &ast::Module, source: &str, filename: &str) -> Result<CodeObject> {
    let table = symtable::build(module, source)?;
    let mut c = Compiler {
        st: &table,
        lines: LineIndex::new(source),
        filename: filename.to_string(),
        units: Vec::new(),
        module_annotations: Vec::new(),
        interactive: false,
    };
    c.compile_module(module)
}

pub(crate) struct Compiler<'a> {
    st: &'a SymbolTable,
    lines: LineIndex,
    filename: String,
    /// The units being compiled, innermost last.
    units: Vec<Unit<'a>>,
    /// The module's simple annotations, in order: their index in `__conditional_annotations__`.
    module_annotations: Vec<&'a ast::Stmt>,
    /// `single` mode: expression statements of the module's code print their value.
    interactive: bool,
}

impl<'a> Compiler<'a> {
    fn compile_module(&mut self, module: &'a ast::Module) -> Result<CodeObject> {
        self.enter_unit(Some(0), UnitKind::Module, "<module>", 1);
        if let Some(first) = module.body.first() {
            self.set_loc(first.range);
        }
        self.module_annotations(&module.body)?;
        self.body(&module.body)?;
        self.return_none_at_end();
        self.exit_unit()
    }

    /// The innermost unit.
    fn u(&mut self) -> &mut Unit<'a> {
        // A unit is always open while code is generated (compile_module pushes the first).
        let last = self.units.len().saturating_sub(1);
        &mut self.units[last]
    }

    fn unit(&self) -> &Unit<'a> {
        &self.units[self.units.len().saturating_sub(1)]
    }

    /// The symbol-table block of the innermost unit.
    fn ste(&self) -> Option<&'a symtable::Scope> {
        let st: &'a SymbolTable = self.st;
        self.unit().scope.map(|id| &st.scopes[id])
    }

    fn emit(&mut self, op: Opcode, arg: u32) {
        self.u().emit(op, arg);
    }

    fn emit_jump(&mut self, op: Opcode, target: Label) {
        self.u().emit_jump(op, target);
    }

    fn new_label(&mut self) -> Label {
        self.u().new_label()
    }

    fn bind(&mut self, label: Label) {
        self.u().bind(label);
    }

    fn location(&self, range: TextRange) -> Location {
        let (line, col) = self.lines.line_col(range.start);
        let (end_line, end_col) = self.lines.line_col(range.end);
        Location {
            line,
            end_line,
            col,
            end_col,
        }
    }

    /// Sets the location of the instructions emitted next; returns the previous one.
    fn set_loc(&mut self, range: TextRange) -> Location {
        let loc = self.location(range);
        std::mem::replace(&mut self.u().loc, loc)
    }

    fn restore_loc(&mut self, loc: Location) {
        self.u().loc = loc;
    }

    fn error(&self, msg: impl Into<String>, range: TextRange) -> SyntaxError {
        SyntaxError::at(ErrorKind::SyntaxError, msg, range, &self.lines)
    }

    /// A code generator bug, reported instead of panicking (CPython raises `SystemError`).
    fn internal(&self, msg: impl std::fmt::Display) -> SyntaxError {
        let loc = self.units.last().map(|u| u.loc).unwrap_or_default();
        SyntaxError {
            kind: ErrorKind::SyntaxError,
            msg: format!("internal compiler error: {msg}"),
            lineno: loc.line,
            col: loc.col,
            end_lineno: loc.end_line,
            end_col: loc.end_col,
            origin: crate::error::Origin::Parser,
        }
    }

    fn is_function_like(&self) -> bool {
        matches!(
            self.unit().kind,
            UnitKind::Function | UnitKind::Lambda | UnitKind::Comprehension | UnitKind::Annotation
        )
    }

    fn can_see_class_scope(&self) -> bool {
        self.ste().is_some_and(|s| s.can_see_class_scope)
    }

    fn mangle(&self, name: &str) -> String {
        mangle(self.unit().private.as_deref(), name)
    }

    // ---- units ----

    /// Opens a unit for symbol-table block `scope` (CPython's `compiler_enter_scope`).
    fn enter_unit(&mut self, scope: Option<ScopeId>, kind: UnitKind, name: &str, first_line: u32) {
        let qualname = self.qualname_for(kind, name);
        let mut u = Unit::new(scope, kind, name, qualname, first_line);
        u.private = self.units.last().and_then(|p| p.private.clone());
        if let Some(ste) = scope.map(|id| &self.st.scopes[id]) {
            let mut cells = Vec::new();
            if kind == UnitKind::Module && ste.has_conditional_annotations {
                // CPython makes this (unused) cell in module code too.
                cells.push("__conditional_annotations__".to_string());
            }
            if kind == UnitKind::Class {
                if ste.needs_class_closure {
                    cells.push("__class__".to_string());
                }
                if ste.needs_classdict {
                    cells.push("__classdict__".to_string());
                }
                if ste.has_conditional_annotations {
                    cells.push("__conditional_annotations__".to_string());
                }
            }
            cells.extend(ste.cellvars());
            u.cellvars = unit::NameTable::from_names(cells);
            u.freevars = unit::NameTable::from_names(ste.freevars());
            let annotate = ste.kind == symtable::ScopeKind::Annotation;
            let params = ste.params.iter().map(|p| {
                if p == ".format" && annotate {
                    "format".to_string()
                } else {
                    p.clone()
                }
            });
            u.varnames = unit::NameTable::from_names(params);
            if ste.is_function_like() {
                u.flags |= flags::OPTIMIZED | flags::NEWLOCALS;
                if ste.nested {
                    u.flags |= flags::NESTED;
                }
                u.flags |= match (ste.generator, ste.coroutine) {
                    (true, false) => flags::GENERATOR,
                    (true, true) => flags::ASYNC_GENERATOR,
                    (false, true) => flags::COROUTINE,
                    (false, false) => 0,
                };
                if ste.varargs {
                    u.flags |= flags::VARARGS;
                }
                if ste.varkeywords {
                    u.flags |= flags::VARKEYWORDS;
                }
                if ste.has_docstring && kind == UnitKind::Function {
                    u.flags |= flags::HAS_DOCSTRING;
                }
                let in_class = self
                    .units
                    .last()
                    .is_some_and(|p| p.kind == UnitKind::Class && p.in_inlined_comp == 0);
                if in_class && kind != UnitKind::Annotation {
                    u.flags |= flags::METHOD;
                }
            }
        } else {
            // An `__annotate__` without a block of its own.
            u.flags |= flags::OPTIMIZED | flags::NEWLOCALS;
            let nested = self.units.last().is_some_and(|p| match p.scope {
                Some(id) => self.st.scopes[id].nested || self.st.scopes[id].is_function_like(),
                None => p.flags & flags::NESTED != 0 || p.kind != UnitKind::Module,
            });
            if nested {
                u.flags |= flags::NESTED;
            }
            u.varnames = unit::NameTable::from_names(["format".to_string()]);
        }
        u.loc = Location {
            line: first_line,
            end_line: first_line,
            col: 0,
            end_col: 0,
        };
        self.units.push(u);
    }

    /// Finishes the innermost unit.
    fn exit_unit(&mut self) -> Result<CodeObject> {
        let u = self
            .units
            .pop()
            .ok_or_else(|| self.internal("no unit to finish"))?;
        let loc = u.loc;
        assemble::assemble(u, &self.filename).map_err(|e| {
            let mut err = self.error(
                format!("internal compiler error: {e}"),
                TextRange::default(),
            );
            err.lineno = loc.line;
            err.end_lineno = loc.end_line;
            err
        })
    }

    /// CPython's `compiler_set_qualname`.
    fn qualname_for(&self, kind: UnitKind, name: &str) -> String {
        if self.units.len() <= 1 {
            return name.to_string();
        }
        let mut parent = &self.units[self.units.len() - 1];
        if parent.kind == UnitKind::Annotation {
            // An annotation scope (a generic's type parameters): its parent names the unit,
            // and directly in a module the unit's name is its qualified name.
            if self.units.len() == 2 {
                return name.to_string();
            }
            parent = &self.units[self.units.len() - 2];
        }
        if matches!(kind, UnitKind::Function | UnitKind::Class) {
            let mangled = mangle(parent.private.as_deref(), name);
            let scope = parent
                .scope
                .and_then(|id| self.st.scopes[id].scope_of(&mangled));
            if scope == Some(SymbolScope::GlobalExplicit) {
                return name.to_string();
            }
        }
        if parent.kind == UnitKind::Module {
            return name.to_string();
        }
        match parent.kind {
            UnitKind::Function | UnitKind::Lambda => format!("{}.<locals>.{name}", parent.qualname),
            _ => format!("{}.{name}", parent.qualname),
        }
    }

    /// The implicit `return None` at the end of a body, with the last instruction's location.
    fn return_none_at_end(&mut self) {
        if let Some(loc) = self.unit().last_stmt_loc {
            self.u().loc = loc;
        }
        self.load_const(Const::None);
        self.emit(Opcode::RETURN_VALUE, 0);
    }

    // ---- constants and names ----

    fn load_const(&mut self, c: Const) {
        if let Const::Int(crate::literals::Int::Small(v)) = c {
            if (0..=255).contains(&v) {
                self.emit(Opcode::LOAD_SMALL_INT, v as u32);
                return;
            }
        }
        let i = self.u().add_const(c);
        self.emit(Opcode::LOAD_CONST, i);
    }

    fn name_index(&mut self, name: &str) -> u32 {
        self.u().names.add(name)
    }

    /// The scope of a (mangled) name here, honouring inlined comprehensions.
    fn scope_of(&self, name: &str) -> Option<SymbolScope> {
        let u = self.unit();
        for overlay in u.overlays.iter().rev() {
            if let Some(s) = overlay.get(name) {
                return *s;
            }
        }
        self.ste().and_then(|s| s.scope_of(name))
    }

    /// Loads, stores or deletes a variable (CPython's `compiler_nameop`).
    fn nameop(&mut self, name: &str, ctx: ExprContext, range: TextRange) -> Result<()> {
        if name == "__debug__" {
            match ctx {
                ExprContext::Load => {
                    self.load_const(Const::Bool(true));
                    return Ok(());
                }
                ExprContext::Store => return Err(self.error("cannot assign to __debug__", range)),
                ExprContext::Del => return Err(self.error("cannot delete __debug__", range)),
            }
        }
        let mangled = self.mangle(name);
        let scope = self.scope_of(&mangled);
        let function_like = self.is_function_like();
        match scope {
            Some(SymbolScope::Free) | Some(SymbolScope::Cell) => {
                let index = if scope == Some(SymbolScope::Free) {
                    self.unit().free_index(&mangled)
                } else {
                    self.unit().cell_index(&mangled)
                };
                let index =
                    index.ok_or_else(|| self.internal(format!("no cell for '{mangled}'")))?;
                match ctx {
                    ExprContext::Load => {
                        if self.unit().kind == UnitKind::Class && self.unit().in_inlined_comp == 0 {
                            self.emit(Opcode::LOAD_LOCALS, 0);
                            self.emit(Opcode::LOAD_FROM_DICT_OR_DEREF, index);
                        } else if self.can_see_class_scope() {
                            self.load_classdict()?;
                            self.emit(Opcode::LOAD_FROM_DICT_OR_DEREF, index);
                        } else {
                            self.emit(Opcode::LOAD_DEREF, index);
                        }
                    }
                    ExprContext::Store => self.emit(Opcode::STORE_DEREF, index),
                    ExprContext::Del => self.emit(Opcode::DELETE_DEREF, index),
                }
            }
            Some(SymbolScope::Local)
                if function_like || self.unit().fast_hidden.contains(&mangled) =>
            {
                let index = self.u().varnames.add(&mangled);
                let op = match ctx {
                    ExprContext::Load => Opcode::LOAD_FAST,
                    ExprContext::Store => Opcode::STORE_FAST,
                    ExprContext::Del => Opcode::DELETE_FAST,
                };
                self.emit(op, index);
            }
            Some(SymbolScope::GlobalExplicit) | Some(SymbolScope::GlobalImplicit)
                if function_like || scope == Some(SymbolScope::GlobalExplicit) =>
            {
                let index = self.name_index(&mangled);
                match ctx {
                    ExprContext::Load => {
                        if self.can_see_class_scope() && scope == Some(SymbolScope::GlobalImplicit)
                        {
                            self.load_classdict()?;
                            self.emit(Opcode::LOAD_FROM_DICT_OR_GLOBALS, index);
                        } else {
                            self.emit(Opcode::LOAD_GLOBAL, index << 1);
                        }
                    }
                    ExprContext::Store => self.emit(Opcode::STORE_GLOBAL, index),
                    ExprContext::Del => self.emit(Opcode::DELETE_GLOBAL, index),
                }
            }
            _ => {
                let index = self.name_index(&mangled);
                let op = match ctx {
                    ExprContext::Load => Opcode::LOAD_NAME,
                    ExprContext::Store => Opcode::STORE_NAME,
                    ExprContext::Del => Opcode::DELETE_NAME,
                };
                self.emit(op, index);
            }
        }
        Ok(())
    }

    /// Pushes the class namespace an annotation scope reads names through.
    fn load_classdict(&mut self) -> Result<()> {
        let index = self
            .unit()
            .free_index("__classdict__")
            .ok_or_else(|| self.internal("no __classdict__ cell"))?;
        self.emit(Opcode::LOAD_DEREF, index);
        Ok(())
    }

    /// Whether a closure's free variable `name` is a cell here or passes through from outside
    /// (CPython's `get_ref_type`), and its deref index.
    fn closure_index(&self, name: &str) -> Result<u32> {
        let u = self.unit();
        let implicit = matches!(
            name,
            "__class__" | "__classdict__" | "__conditional_annotations__"
        );
        let is_cell = (u.kind == UnitKind::Class && implicit)
            || self.scope_of(name) == Some(SymbolScope::Cell);
        let index = if is_cell {
            u.cell_index(name)
        } else {
            u.free_index(name)
        };
        index
            .ok_or_else(|| self.internal(format!("no closure variable '{name}' in {}", u.qualname)))
    }

    /// Converts an AST constant.
    fn constant(value: &Constant) -> Const {
        match value {
            Constant::None => Const::None,
            Constant::Bool(b) => Const::Bool(*b),
            Constant::Ellipsis => Const::Ellipsis,
            Constant::Int(i) => Const::Int(i.clone()),
            Constant::Float(f) => Const::Float(*f),
            Constant::Complex { real, imag } => Const::Complex {
                real: *real,
                imag: *imag,
            },
            Constant::Str(s) => Const::Str(s.clone()),
            Constant::Bytes(b) => Const::Bytes(b.clone()),
        }
    }
}

/// A docstring with its indentation removed, as the compiler stores it since 3.13 (CPython's
/// `_PyCompile_CleanDoc`, like `inspect.cleandoc` without dropping blank lines).
pub(crate) fn clean_doc(doc: &PyStr) -> PyStr {
    let mut cps: Vec<u32> = Vec::with_capacity(doc.len());
    let mut col = 0;
    for cp in doc.code_points() {
        match cp {
            0x09 => {
                let spaces = 8 - col % 8;
                cps.extend(std::iter::repeat_n(0x20, spaces));
                col += spaces;
            }
            0x0A | 0x0D => {
                cps.push(cp);
                col = 0;
            }
            _ => {
                cps.push(cp);
                col += 1;
            }
        }
    }
    let lines: Vec<&[u32]> = cps.split(|&c| c == 0x0A).collect();
    let indent = |l: &[u32]| l.iter().take_while(|&&c| c == 0x20).count();
    let margin = lines
        .iter()
        .skip(1)
        .filter(|l| indent(l) < l.len())
        .map(|l| indent(l))
        .min()
        .unwrap_or(0);
    let first_indent = lines.first().map_or(0, |l| indent(l));
    let mut out = PyStr::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let skip = if i == 0 {
            first_indent
        } else {
            indent(line).min(margin)
        };
        for &cp in &line[skip..] {
            out.push_code_point(cp);
        }
    }
    out
}
