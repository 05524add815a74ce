//! Traceback objects (CPython's Python/traceback.c `PyTraceBack_Here` and `tb_getsetters`) and
//! the frame objects their `tb_frame` gives (Objects/frameobject.c, read-only here: a frame as
//! it was when the exception passed, or a generator's frame).

use std::sync::atomic::{AtomicU32, Ordering};

use protopy_objects::{AtomicValue, Trace, Tracer, Value};

use super::function::Code;
use super::{Getter, Setter};
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};
use protopy_compiler::bytecode::Location;

/// A `traceback` entry: one frame an exception passed, linked to the next one inwards.
pub struct TbData {
    /// `tb_next` (writable).
    pub next: AtomicValue,
    /// The `frame` object.
    pub frame: Value,
    /// The code object and the instruction that was running.
    pub code: Value,
    pub lasti: u32,
}

impl Trace for TbData {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.next.load());
        t.visit(self.frame);
        t.visit(self.code);
    }
}

/// A `frame` object as it was when a traceback entry was made.
pub struct FrameObj {
    pub code: Value,
    pub globals: Value,
    pub builtins: Value,
    /// The locals mapping of a module or class body, else NULL.
    pub locals: Value,
    /// A function frame's fast slots (a tuple, NULL for unbound ones) where the interpreter
    /// kept them (the innermost frame of a `NameError` or `AttributeError`, for the
    /// traceback's suggestions: see [`frame_locals`]), else NULL.
    pub fast: Value,
    /// The line it is at: fixed for a traceback's frame, updated for a generator's
    /// (`gi_frame`) each time it is read.
    pub lineno: AtomicU32,
}

impl Trace for FrameObj {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.code);
        t.visit(self.globals);
        t.visit(self.builtins);
        t.visit(self.locals);
        t.visit(self.fast);
    }
}

/// A new traceback entry for the running frame, in front of `next`; `with_locals` keeps a
/// function frame's fast locals.
pub fn new_traceback(
    vm: &mut Vm,
    next: Value,
    code: Value,
    lasti: u32,
    with_locals: bool,
) -> PyResult<Value> {
    let Some(f) = vm.frames.last() else {
        return Ok(next);
    };
    let (globals, builtins, locals) = (f.globals, f.builtins, f.locals);
    let fast = if locals.is_null() && with_locals {
        let slots = f.fast.clone();
        vm.new_tuple(slots)?
    } else {
        Value::NULL
    };
    let lineno = line_of(vm, code, lasti).unwrap_or(0);
    vm.temps.push(fast);
    let frame = vm.new_opaque(
        Ty::Frame,
        FrameObj {
            code,
            globals,
            builtins,
            locals,
            fast,
            lineno: AtomicU32::new(lineno),
        },
    );
    vm.temps.pop();
    let frame = frame?;
    vm.new_opaque(
        Ty::Traceback,
        TbData {
            next: AtomicValue::new(next),
            frame,
            code,
            lasti,
        },
    )
}

/// A frame object for a generator's frame (`gi_frame`), at line `lineno`.
pub fn new_generator_frame(
    vm: &mut Vm,
    code: Value,
    globals: Value,
    builtins: Value,
    lineno: u32,
) -> PyResult<Value> {
    vm.new_opaque(
        Ty::Frame,
        FrameObj {
            code,
            globals,
            builtins,
            locals: Value::NULL,
            fast: Value::NULL,
            lineno: AtomicU32::new(lineno),
        },
    )
}

/// Moves a frame object to line `lineno`.
pub fn set_frame_line(vm: &Vm, frame: Value, lineno: u32) {
    if let Some(f) = vm.opaque::<FrameObj>(frame) {
        f.lineno.store(lineno, Ordering::Relaxed);
    }
}

/// The locals of a frame object as a dict: a module or class body's mapping, or the bound fast
/// locals kept for a function frame (cells read through); None when none were kept.
pub fn frame_locals(vm: &mut Vm, frame: Value) -> PyResult<Option<Value>> {
    let Some((code, locals, fast)) = vm
        .opaque::<FrameObj>(frame)
        .map(|f| (f.code, f.locals, f.fast))
    else {
        return Ok(None);
    };
    if !locals.is_null() {
        return Ok(Some(locals));
    }
    let (Some(c), Some(slots)) = (vm.opaque::<Code>(code), vm.tuple_items(fast)) else {
        return Ok(None);
    };
    let co = &c.0.co;
    let nvars = co.varnames.len();
    let pairs: Vec<(String, Value)> = slots
        .iter()
        .enumerate()
        .filter_map(|(i, &v)| {
            let name = co.localsplus_name(i)?;
            let is_cell = i >= nvars || co.cellvars.iter().any(|c| c == name);
            let v = match vm.m.get_value::<protopy_objects::CellData>(v) {
                Ok(cell) if is_cell => cell.0.load(),
                _ => v,
            };
            (!v.is_null()).then(|| (name.to_string(), v))
        })
        .collect();
    let d = vm.new_dict()?;
    vm.temps.push(d);
    let r = (|| -> PyResult<()> {
        for (name, v) in pairs {
            let k = vm.new_str(&name)?;
            super::dict::set_item(vm, d, k, v)?;
        }
        Ok(())
    })();
    vm.temps.pop();
    r.map(|()| Some(d))
}

/// The `lasti` of a frame that raised before its first instruction (an exception thrown into
/// a generator that never ran): CPython's prologue, at the `def` line.
pub const PROLOGUE_LASTI: u32 = u32::MAX;

/// The source location of instruction `lasti` of a code object.
pub fn location_of(co: &protopy_compiler::bytecode::CodeObject, lasti: u32) -> Option<Location> {
    if lasti == PROLOGUE_LASTI {
        let line = co.first_line;
        return Some(Location {
            line,
            end_line: line,
            col: 0,
            end_col: 0,
        });
    }
    co.locations.get(lasti as usize).copied()
}

/// Records that `exc` left `code` from its prologue.
pub fn traceback_entry_at_prologue(vm: &mut Vm, exc: Value, code: Value) {
    super::exceptions::traceback_entry(vm, exc, code, PROLOGUE_LASTI);
}

/// The line of instruction `lasti` of a code object (None: no line).
pub fn line_of(vm: &Vm, code: Value, lasti: u32) -> Option<u32> {
    let c = vm.opaque::<Code>(code)?;
    let line = location_of(&c.0.co, lasti)?.line;
    (line > 0).then_some(line)
}

/// The entries of a traceback chain, outermost first: `(code object, instruction)`.
pub fn entries(vm: &Vm, mut tb: Value) -> Vec<(Value, u32)> {
    let mut out = Vec::new();
    while let Some(d) = vm.opaque::<TbData>(tb) {
        out.push((d.code, d.lasti));
        tb = d.next.load();
    }
    out
}

fn tb_data<R>(vm: &mut Vm, tb: Value, f: impl FnOnce(&TbData) -> R) -> PyResult<R> {
    match vm.opaque::<TbData>(tb) {
        Some(d) => Ok(f(d)),
        None => Err(vm.type_error("descriptor requires a 'traceback' object")),
    }
}

fn tb_next(vm: &mut Vm, tb: Value) -> PyResult<Value> {
    tb_data(vm, tb, |d| d.next.load())
}

/// Sets `tb_next` to a traceback or None, refusing a loop back to `tb`.
fn set_tb_next(vm: &mut Vm, tb: Value, next: Value) -> PyResult<()> {
    tb_data(vm, tb, |_| ())?;
    if next.is_null() {
        return Err(vm.type_error("can't delete tb_next attribute"));
    }
    if !next.is_none() && vm.opaque::<TbData>(next).is_none() {
        let t = vm.type_name(next);
        return Err(vm.type_error(&format!("expected traceback object, got '{t}'")));
    }
    let mut cursor = next;
    while let Some(d) = vm.opaque::<TbData>(cursor) {
        if cursor == tb {
            return Err(vm.value_error("traceback loop detected"));
        }
        cursor = d.next.load();
    }
    tb_data(vm, tb, |d| d.next.store(next))
}

fn tb_frame(vm: &mut Vm, tb: Value) -> PyResult<Value> {
    tb_data(vm, tb, |d| d.frame)
}

fn tb_lineno(vm: &mut Vm, tb: Value) -> PyResult<Value> {
    let (code, lasti) = tb_data(vm, tb, |d| (d.code, d.lasti))?;
    match line_of(vm, code, lasti) {
        Some(l) => vm.new_i64(i64::from(l)),
        None => Ok(Value::NONE),
    }
}

pub const TRACEBACK_GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    ("tb_next", tb_next, Some(set_tb_next)),
    ("tb_frame", tb_frame, None),
    ("tb_lineno", tb_lineno, None),
];

fn frame_data<R>(vm: &mut Vm, f: Value, get: impl FnOnce(&FrameObj) -> R) -> PyResult<R> {
    match vm.opaque::<FrameObj>(f) {
        Some(d) => Ok(get(d)),
        None => Err(vm.type_error("descriptor requires a 'frame' object")),
    }
}

fn f_code(vm: &mut Vm, f: Value) -> PyResult<Value> {
    frame_data(vm, f, |d| d.code)
}

fn f_globals(vm: &mut Vm, f: Value) -> PyResult<Value> {
    frame_data(vm, f, |d| d.globals)
}

fn f_lineno(vm: &mut Vm, f: Value) -> PyResult<Value> {
    let l = frame_data(vm, f, |d| d.lineno.load(Ordering::Relaxed))?;
    if l == 0 {
        return Ok(Value::NONE);
    }
    vm.new_i64(i64::from(l))
}

pub const FRAME_GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    ("f_code", f_code, None),
    ("f_globals", f_globals, None),
    ("f_lineno", f_lineno, None),
];
