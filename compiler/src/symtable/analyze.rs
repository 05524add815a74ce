//! The second pass of `Python/symtable.c` (`analyze_block`, `analyze_name`, `analyze_cells`,
//! `inline_comprehension`, `drop_class_free`, `update_symbols`): decides each symbol's scope
//! from the bindings of the enclosing blocks, turns captured locals into cells, and merges
//! comprehensions into their parents (PEP 709).

use std::collections::{BTreeSet, HashMap};

use super::{flag, ScopeId, ScopeKind, SymbolScope, SymbolTable};
use crate::error::{ErrorKind, SyntaxError};
use crate::text::LineIndex;

type Names = BTreeSet<String>;
type Result<T> = std::result::Result<T, SyntaxError>;

pub(super) fn analyze(table: &mut SymbolTable, source: &str) -> Result<()> {
    let lines = LineIndex::new(source);
    let mut a = Analyzer { t: table, lines };
    a.block(0, None, Names::new(), Names::new(), None)?;
    Ok(())
}

struct Analyzer<'t> {
    t: &'t mut SymbolTable,
    lines: LineIndex,
}

impl Analyzer<'_> {
    /// An error at the `global`/`nonlocal` statement naming `name` in block `id`.
    fn directive_error(&self, id: ScopeId, name: &str, msg: String) -> SyntaxError {
        let scope = &self.t.scopes[id];
        let range = scope.directives.get(name).copied().unwrap_or(scope.range);
        SyntaxError::at(ErrorKind::SyntaxError, msg, range, &self.lines)
    }

    /// `analyze_block`: returns the block's free names (with `free`, the names already free
    /// in earlier siblings).
    fn block(
        &mut self,
        id: ScopeId,
        mut bound: Option<Names>,
        mut free: Names,
        mut global: Names,
        class_entry: Option<ScopeId>,
    ) -> Result<Names> {
        let mut local = Names::new();
        let mut scopes: HashMap<String, SymbolScope> = HashMap::new();
        let (mut newglobal, mut newbound, mut newfree, mut inlined_cells) =
            (Names::new(), Names::new(), Names::new(), Names::new());
        let kind = self.t.scopes[id].kind;
        if kind == ScopeKind::Class {
            newglobal.extend(global.iter().cloned());
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
        }
        let symbols: Vec<(String, u32)> = self.t.scopes[id]
            .symbols
            .iter()
            .map(|s| (s.name.clone(), s.flags))
            .collect();
        for (name, flags) in symbols {
            let scope = self.name(
                id,
                &name,
                flags,
                bound.as_mut(),
                &mut local,
                &mut free,
                &mut global,
                class_entry,
            )?;
            scopes.insert(name, scope);
        }
        if kind != ScopeKind::Class {
            if self.t.scopes[id].is_function_like() {
                newbound.extend(local.iter().cloned());
            }
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
            newglobal.extend(global.iter().cloned());
        } else {
            for special in ["__class__", "__classdict__", "__conditional_annotations__"] {
                newbound.insert(special.to_string());
            }
        }
        let children = self.t.scopes[id].children.clone();
        for &child in &children {
            let c = &self.t.scopes[child];
            let child_class = match (c.can_see_class_scope, kind == ScopeKind::Class) {
                (false, _) => None,
                (true, true) => Some(id),
                (true, false) => class_entry,
            };
            let inline =
                c.comprehension.is_some() && !c.generator && !self.t.scopes[id].can_see_class_scope;
            let mut child_free = self.block(
                child,
                Some(newbound.clone()),
                newfree.clone(),
                newglobal.clone(),
                child_class,
            )?;
            if inline {
                self.inline_comprehension(
                    id,
                    child,
                    &mut scopes,
                    &mut child_free,
                    &mut inlined_cells,
                );
                self.t.scopes[child].comp_inlined = true;
            }
            newfree.extend(child_free);
        }
        // Children of inlined comprehensions become our children.
        let mut spliced = Vec::with_capacity(children.len());
        for &child in &children {
            if self.t.scopes[child].comp_inlined {
                spliced.extend(self.t.scopes[child].children.iter().copied());
            } else {
                spliced.push(child);
            }
        }
        self.t.scopes[id].children = spliced;

        if self.t.scopes[id].is_function_like() {
            analyze_cells(&mut scopes, &mut newfree, &inlined_cells);
        } else if kind == ScopeKind::Class {
            let scope = &mut self.t.scopes[id];
            scope.needs_class_closure |= newfree.remove("__class__");
            scope.needs_classdict |= newfree.remove("__classdict__");
            scope.has_conditional_annotations |= newfree.remove("__conditional_annotations__");
        }
        let classflag = kind == ScopeKind::Class || self.t.scopes[id].can_see_class_scope;
        self.update_symbols(
            id,
            &scopes,
            bound.as_ref(),
            &newfree,
            &inlined_cells,
            classflag,
        );
        free.extend(newfree);
        Ok(free)
    }

    /// `analyze_name`.
    #[allow(clippy::too_many_arguments)]
    fn name(
        &mut self,
        id: ScopeId,
        name: &str,
        flags: u32,
        bound: Option<&mut Names>,
        local: &mut Names,
        free: &mut Names,
        global: &mut Names,
        class_entry: Option<ScopeId>,
    ) -> Result<SymbolScope> {
        if flags & flag::GLOBAL != 0 {
            if flags & flag::NONLOCAL != 0 {
                return Err(self.directive_error(
                    id,
                    name,
                    format!("name '{name}' is nonlocal and global"),
                ));
            }
            global.insert(name.to_string());
            if let Some(b) = bound {
                b.remove(name);
            }
            return Ok(SymbolScope::GlobalExplicit);
        }
        if flags & flag::NONLOCAL != 0 {
            let Some(b) = bound else {
                let msg = "nonlocal declaration not allowed at module level".to_string();
                return Err(self.directive_error(id, name, msg));
            };
            if !b.contains(name) {
                return Err(self.directive_error(
                    id,
                    name,
                    format!("no binding for nonlocal '{name}' found"),
                ));
            }
            self.t.scopes[id].has_free = true;
            free.insert(name.to_string());
            return Ok(SymbolScope::Free);
        }
        if flags & flag::BOUND != 0 {
            local.insert(name.to_string());
            global.remove(name);
            return Ok(SymbolScope::Local);
        }
        if let Some(class) = class_entry {
            let class_flags = self.t.scopes[class].flags(name);
            if class_flags & flag::GLOBAL != 0 {
                return Ok(SymbolScope::GlobalExplicit);
            }
            if class_flags & flag::BOUND != 0 && class_flags & flag::NONLOCAL == 0 {
                return Ok(SymbolScope::GlobalImplicit);
            }
        }
        if bound.is_some_and(|b| b.contains(name)) {
            self.t.scopes[id].has_free = true;
            free.insert(name.to_string());
            return Ok(SymbolScope::Free);
        }
        Ok(SymbolScope::GlobalImplicit)
    }

    /// `inline_comprehension`: copies the comprehension's symbols into its parent.
    fn inline_comprehension(
        &mut self,
        parent: ScopeId,
        comp: ScopeId,
        scopes: &mut HashMap<String, SymbolScope>,
        comp_free: &mut Names,
        inlined_cells: &mut Names,
    ) {
        let parent_is_class = self.t.scopes[parent].kind == ScopeKind::Class;
        let mut remove_dunder_class = false;
        let symbols = self.t.scopes[comp].symbols.clone();
        for sym in symbols {
            if sym.flags & flag::PARAM != 0 {
                continue;
            }
            let scope = sym.scope;
            if scope == Some(SymbolScope::Cell) || sym.flags & flag::COMP_CELL != 0 {
                inlined_cells.insert(sym.name.clone());
            }
            let existing = self.t.scopes[parent].symbol(&sym.name).map(|s| s.flags);
            let mut scope = scope;
            let implicit_cell = matches!(
                sym.name.as_str(),
                "__class__" | "__classdict__" | "__conditional_annotations__"
            );
            if scope == Some(SymbolScope::Free) && parent_is_class && implicit_cell {
                // These can never be free through a class scope (see `drop_class_free`).
                scope = Some(SymbolScope::GlobalImplicit);
                if !self.is_free_in_any_child(comp, &sym.name) {
                    comp_free.remove(&sym.name);
                }
                remove_dunder_class |= sym.name == "__class__";
            }
            match existing {
                None => {
                    self.t.scopes[parent].add_flags(&sym.name, sym.flags);
                    if let Some(s) = scope {
                        scopes.insert(sym.name.clone(), s);
                    }
                }
                Some(outer) => {
                    if outer & flag::BOUND != 0
                        && !self.is_free_in_any_child(comp, &sym.name)
                        && !parent_is_class
                    {
                        comp_free.remove(&sym.name);
                    }
                }
            }
        }
        self.t.scopes[comp].has_free = !comp_free.is_empty();
        if remove_dunder_class {
            let scope = &mut self.t.scopes[comp];
            if let Some(i) = scope.index.remove("__class__") {
                scope.symbols.remove(i);
                for (n, sym) in scope.symbols.iter().enumerate() {
                    scope.index.insert(sym.name.clone(), n);
                }
            }
        }
    }

    fn is_free_in_any_child(&self, id: ScopeId, name: &str) -> bool {
        self.t.scopes[id]
            .children
            .iter()
            .any(|&c| self.t.scopes[c].scope_of(name) == Some(SymbolScope::Free))
    }

    /// `update_symbols`: records the scopes, and passes free names of children through.
    fn update_symbols(
        &mut self,
        id: ScopeId,
        scopes: &HashMap<String, SymbolScope>,
        bound: Option<&Names>,
        free: &Names,
        inlined_cells: &Names,
        classflag: bool,
    ) {
        let scope = &mut self.t.scopes[id];
        for sym in &mut scope.symbols {
            if inlined_cells.contains(&sym.name) {
                sym.flags |= flag::COMP_CELL;
            }
            if let Some(s) = scopes.get(&sym.name) {
                sym.scope = Some(*s);
            }
        }
        for name in free {
            if let Some(sym) = scope.symbol_mut(name) {
                if classflag {
                    sym.flags |= flag::FREE_CLASS;
                }
                continue;
            }
            if bound.is_some_and(|b| !b.contains(name)) {
                continue;
            }
            scope.add_flags(name, 0);
            if let Some(sym) = scope.symbol_mut(name) {
                sym.scope = Some(SymbolScope::Free);
            }
        }
    }
}

/// `analyze_cells`: locals that children capture become cells.
fn analyze_cells(
    scopes: &mut HashMap<String, SymbolScope>,
    free: &mut Names,
    inlined_cells: &Names,
) {
    for (name, scope) in scopes.iter_mut() {
        if *scope != SymbolScope::Local {
            continue;
        }
        if free.contains(name) || inlined_cells.contains(name) {
            *scope = SymbolScope::Cell;
            free.remove(name);
        }
    }
}
