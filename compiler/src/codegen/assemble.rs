//! From an instruction sequence with labels and pseudo-instructions to a `CodeObject`:
//! CPython's `Python/flowgraph.c` (stack depth, exception targets, unreachable code) and
//! `Python/assemble.c` (jump offsets, cell slots, the exception table), done as one flow
//! analysis over the linear sequence instead of a graph of basic blocks.

use std::collections::HashMap;
use std::rc::Rc;

use super::unit::{Ir, Unit};
use crate::bytecode::{
    flags, ArgKind, CodeObject, Const, ExceptionEntry, Flow, Instr, Location, Opcode,
};

/// What went wrong: a bug in the code generator, reported as an error instead of a panic.
pub(crate) type AsmError = String;

/// Turns a finished unit into a code object.
pub(crate) fn assemble(unit: Unit<'_>, filename: &str) -> Result<CodeObject, AsmError> {
    let mut instrs = prefix(&unit);
    let shift = instrs.len() as u32;
    instrs.extend(unit.instrs.iter().copied());
    let labels: Vec<Option<u32>> = unit.labels.iter().map(|l| l.map(|p| p + shift)).collect();
    let targets: Vec<Option<u32>> = instrs
        .iter()
        .map(|ir| match ir.target {
            Some(l) => labels
                .get(l.0 as usize)
                .copied()
                .flatten()
                .ok_or_else(|| format!("unbound label {}", l.0)),
            None => Ok(0),
        })
        .map(|r| r.map(Some))
        .collect::<Result<_, _>>()?;
    let flow = analyze(&instrs, &targets)?;

    // Keep reachable real instructions; `new_index[i]` is where IR position `i` lands.
    let mut new_index = Vec::with_capacity(instrs.len() + 1);
    let mut kept = 0u32;
    for (i, ir) in instrs.iter().enumerate() {
        new_index.push(kept);
        if flow.depth[i].is_some() && !ir.op.is_pseudo() {
            kept += 1;
        }
    }
    new_index.push(kept);

    let slots = SlotMap::new(&unit);
    let mut out = Vec::with_capacity(kept as usize);
    let mut locations = Vec::with_capacity(kept as usize);
    let mut rows: Vec<(u32, u32, u32, bool)> = Vec::new();
    for (i, ir) in instrs.iter().enumerate() {
        if flow.depth[i].is_none() || ir.op.is_pseudo() {
            continue;
        }
        let here = new_index[i];
        let (op, arg) = match ir.op.arg_kind() {
            ArgKind::Jump => {
                let target = new_index[targets[i].unwrap_or(0) as usize];
                (jump_direction(ir.op, here, target), target)
            }
            ArgKind::Deref => (ir.op, slots.slot(ir.arg)?),
            _ => (ir.op, ir.arg),
        };
        out.push(Instr { op, arg });
        locations.push(ir.loc);
        let row = flow.handler[i].map(|s| {
            let s = s as usize;
            let target = new_index[targets[s].unwrap_or(0) as usize];
            let (depth, lasti) = flow.setups.get(&(s as u32)).copied().unwrap_or((0, false));
            (target, depth, lasti)
        });
        if let Some((target, depth, lasti)) = row {
            rows.push((here, target, depth, lasti));
        }
    }
    let exception_table = merge_rows(&rows);
    let consts = prune_consts(
        &mut out,
        unit.consts,
        unit.flags & flags::HAS_DOCSTRING != 0,
    );
    // `co_cellvars` lists the cells in slot order: those that are varnames first.
    let mut cellvars: Vec<String> = unit
        .varnames
        .names
        .iter()
        .filter(|v| unit.cellvars.get(v).is_some())
        .cloned()
        .collect();
    cellvars.extend(
        unit.cellvars
            .names
            .iter()
            .filter(|c| unit.varnames.get(c).is_none())
            .cloned(),
    );
    Ok(CodeObject {
        name: unit.name,
        qualname: unit.qualname,
        filename: filename.to_string(),
        first_line: unit.first_line,
        argcount: unit.argcount,
        posonlyargcount: unit.posonlyargcount,
        kwonlyargcount: unit.kwonlyargcount,
        flags: unit.flags,
        instructions: out,
        locations,
        consts,
        names: unit.names.names,
        varnames: unit.varnames.names,
        cellvars,
        freevars: unit.freevars.names,
        exception_table,
        max_stack_depth: flow.max_depth,
    })
}

/// Drops the constants only unreachable code used (CPython's `remove_unused_consts`); the
/// docstring stays first.
fn prune_consts(instrs: &mut [Instr], consts: Vec<Const>, keep_first: bool) -> Vec<Const> {
    let mut used = vec![false; consts.len()];
    if keep_first && !used.is_empty() {
        used[0] = true;
    }
    for i in instrs.iter() {
        if i.op.arg_kind() == ArgKind::Const {
            if let Some(u) = used.get_mut(i.arg as usize) {
                *u = true;
            }
        }
    }
    let mut remap = vec![0u32; consts.len()];
    let mut kept = Vec::with_capacity(consts.len());
    for (i, c) in consts.into_iter().enumerate() {
        if used[i] {
            remap[i] = kept.len() as u32;
            kept.push(c);
        }
    }
    for i in instrs.iter_mut() {
        if i.op.arg_kind() == ArgKind::Const {
            i.arg = remap.get(i.arg as usize).copied().unwrap_or(i.arg);
        }
    }
    kept
}

/// `MAKE_CELL` for every cell and `COPY_FREE_VARS`, which start every code object that has
/// them (CPython's `insert_prefix_instructions`).
fn prefix(unit: &Unit<'_>) -> Vec<Ir> {
    let loc = Location::NONE;
    let mut out: Vec<Ir> = (0..unit.cellvars.len() as u32)
        .map(|i| Ir {
            op: Opcode::MAKE_CELL,
            arg: i,
            target: None,
            loc,
        })
        .collect();
    if unit.freevars.len() > 0 {
        out.push(Ir {
            op: Opcode::COPY_FREE_VARS,
            arg: unit.freevars.len() as u32,
            target: None,
            loc,
        });
    }
    out
}

/// The unconditional jumps point the way they go: backward jumps are safepoints.
fn jump_direction(op: Opcode, here: u32, target: u32) -> Opcode {
    match op {
        Opcode::JUMP_FORWARD | Opcode::JUMP_BACKWARD if target <= here => Opcode::JUMP_BACKWARD,
        Opcode::JUMP_FORWARD | Opcode::JUMP_BACKWARD | Opcode::JUMP_BACKWARD_NO_INTERRUPT
            if target > here =>
        {
            Opcode::JUMP_FORWARD
        }
        _ => op,
    }
}

/// Consecutive instructions with the same handler make one table row.
fn merge_rows(rows: &[(u32, u32, u32, bool)]) -> Vec<ExceptionEntry> {
    let mut table: Vec<ExceptionEntry> = Vec::new();
    for &(at, target, depth, push_lasti) in rows {
        if let Some(last) = table.last_mut() {
            if last.end == at
                && last.target == target
                && last.depth == depth
                && last.push_lasti == push_lasti
            {
                last.end = at + 1;
                continue;
            }
        }
        table.push(ExceptionEntry {
            start: at,
            end: at + 1,
            target,
            depth,
            push_lasti,
        });
    }
    table
}

/// Deref indices (cells, then free variables) to fast-local slots.
struct SlotMap {
    cells: Vec<u32>,
    free_base: u32,
}

impl SlotMap {
    fn new(unit: &Unit<'_>) -> SlotMap {
        let nvar = unit.varnames.len() as u32;
        let mut next = nvar;
        let cells = unit
            .cellvars
            .names
            .iter()
            .map(|c| {
                unit.varnames.get(c).unwrap_or_else(|| {
                    next += 1;
                    next - 1
                })
            })
            .collect();
        SlotMap {
            cells,
            free_base: next,
        }
    }

    fn slot(&self, deref: u32) -> Result<u32, AsmError> {
        let ncells = self.cells.len() as u32;
        if deref < ncells {
            Ok(self.cells[deref as usize])
        } else {
            Ok(self.free_base + (deref - ncells))
        }
    }
}

struct FlowInfo {
    /// Stack depth before each instruction; `None` where unreachable.
    depth: Vec<Option<u32>>,
    /// The `SETUP_*` instruction whose handler covers each instruction.
    handler: Vec<Option<u32>>,
    /// For each `SETUP_*`: the handler's stack depth and whether it gets lasti.
    setups: HashMap<u32, (u32, bool)>,
    max_depth: u32,
}

/// The stack depth before every instruction and the handler covering it, following every
/// path from the entry and every handler (CPython's `calculate_stackdepth` and
/// `label_exception_targets`). A path that pops an empty stack, two paths that meet with
/// different depths, or a path that runs off the end is a code generator bug.
fn analyze(instrs: &[Ir], targets: &[Option<u32>]) -> Result<FlowInfo, AsmError> {
    let n = instrs.len();
    let mut w = Walker {
        depth: vec![None; n],
        stacks: vec![None; n],
        work: Vec::new(),
        max: 0,
        instrs,
    };
    let mut handler = vec![None; n];
    let mut setups = HashMap::new();
    if n > 0 {
        w.visit(0, 0, Rc::new(Vec::new()))?;
    }
    while let Some(i) = w.work.pop() {
        let (d, st) = match (w.depth[i], &w.stacks[i]) {
            (Some(d), Some(st)) => (d, Rc::clone(st)),
            _ => continue,
        };
        let ir = &instrs[i];
        handler[i] = st.last().copied();
        let target = || {
            targets[i]
                .map(|t| t as usize)
                .ok_or_else(|| format!("{} without a target", ir.op.name()))
        };
        match ir.op.flow() {
            Flow::Setup => {
                let entry = ir.op.jump_effect(ir.arg);
                let hdepth = d
                    .checked_sub(entry.pops)
                    .ok_or("stack underflow at a handler setup")?;
                setups.insert(i as u32, (hdepth, entry.pushes == 2));
                w.visit(target()?, hdepth + entry.pushes, Rc::clone(&st))?;
                let mut inner = (*st).clone();
                inner.push(i as u32);
                w.visit(i + 1, d, Rc::new(inner))?;
            }
            Flow::PopBlock => {
                let mut outer = (*st).clone();
                outer.pop().ok_or("POP_BLOCK without a handler")?;
                w.visit(i + 1, d, Rc::new(outer))?;
            }
            flow => {
                let eff = ir.op.stack_effect(ir.arg);
                let base = d.checked_sub(eff.pops).ok_or_else(|| {
                    format!(
                        "stack underflow at instruction {i} ({} {}, depth {d})",
                        ir.op.name(),
                        ir.arg
                    )
                })?;
                let after = base + eff.pushes;
                w.max = w.max.max(after);
                if matches!(flow, Flow::Next | Flow::Branch) {
                    w.visit(i + 1, after, Rc::clone(&st))?;
                }
                if matches!(flow, Flow::Jump | Flow::Branch) {
                    let j = ir.op.jump_effect(ir.arg);
                    let jd = d.checked_sub(j.pops).ok_or("stack underflow on a jump")? + j.pushes;
                    w.visit(target()?, jd, Rc::clone(&st))?;
                }
            }
        }
    }
    Ok(FlowInfo {
        depth: w.depth,
        handler,
        setups,
        max_depth: w.max,
    })
}

struct Walker<'i> {
    depth: Vec<Option<u32>>,
    stacks: Vec<Option<Rc<Vec<u32>>>>,
    work: Vec<usize>,
    max: u32,
    instrs: &'i [Ir],
}

impl Walker<'_> {
    /// Reaches instruction `j` with stack depth `d` and handler stack `st`.
    fn visit(&mut self, j: usize, d: u32, st: Rc<Vec<u32>>) -> Result<(), AsmError> {
        if j >= self.depth.len() {
            return Err(format!(
                "control runs off the end of the code (from depth {d})"
            ));
        }
        self.max = self.max.max(d);
        match self.depth[j] {
            None => {
                self.depth[j] = Some(d);
                self.stacks[j] = Some(st);
                self.work.push(j);
                Ok(())
            }
            Some(old) if old == d => Ok(()),
            Some(old) => Err(format!(
                "stack depth {d} != {old} at instruction {j} ({})",
                self.instrs[j].op.name()
            )),
        }
    }
}
