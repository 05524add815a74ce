//! A readable listing of a code object and everything nested in it, in the spirit of CPython's
//! `Lib/dis.py` (`dis.dis`): line numbers, labels for jump and handler targets, argument
//! meanings, and the exception table. Driven entirely by the opcode table.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::opcodes::{
    ArgKind, BINARY_OPS, COMMON_CONSTANTS, COMPARE_OPS, CONVERSIONS, FUNCTION_ATTRIBUTES,
    INTRINSICS_1, INTRINSICS_2, SPECIAL_METHODS,
};
use super::{flags, CodeObject, Const, Opcode};
use crate::literals::{repr_bytes, repr_complex, repr_float, repr_str};

/// Disassembles `code` and, after it, every code object among its constants (depth first).
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    let mut queue = vec![code];
    while let Some(code) = queue.pop() {
        if !out.is_empty() {
            out.push('\n');
        }
        disassemble_one(code, &mut out);
        let nested: Vec<&CodeObject> = code
            .consts
            .iter()
            .filter_map(|c| match c {
                Const::Code(inner) => Some(inner.as_ref()),
                _ => None,
            })
            .collect();
        queue.extend(nested.into_iter().rev());
    }
    out
}

fn disassemble_one(code: &CodeObject, out: &mut String) {
    let _ = writeln!(
        out,
        "Disassembly of <code object {}, file \"{}\", line {}>:",
        code.name, code.filename, code.first_line
    );
    let _ = writeln!(
        out,
        "  # qualname {}, args {} (posonly {}, kwonly {}), flags {}, stack {}",
        code.qualname,
        code.argcount,
        code.posonlyargcount,
        code.kwonlyargcount,
        flag_names(code.flags),
        code.max_stack_depth
    );
    let _ = writeln!(
        out,
        "  # varnames {}, cellvars {}, freevars {}",
        name_tuple(&code.varnames),
        name_tuple(&code.cellvars),
        name_tuple(&code.freevars)
    );
    let labels = label_targets(code);
    let label = |i: u32| {
        labels
            .get(&i)
            .map_or_else(|| "end".to_string(), |n| format!("L{n}"))
    };
    let mut last_line = None;
    for (i, instr) in code.instructions.iter().enumerate() {
        let loc = code.locations.get(i).copied().unwrap_or_default();
        let line = if loc.line == 0 {
            "--".to_string()
        } else {
            loc.line.to_string()
        };
        let line_col = if last_line.as_ref() == Some(&line) {
            String::new()
        } else {
            line.clone()
        };
        if !line_col.is_empty() && i > 0 {
            out.push('\n');
        }
        last_line = Some(line);
        let mark = labels
            .get(&(i as u32))
            .map(|n| format!("L{n}:"))
            .unwrap_or_default();
        let arg = if instr.op.arg_kind() == ArgKind::None {
            String::new()
        } else {
            instr.arg.to_string()
        };
        let meaning = arg_meaning(code, instr.op, instr.arg, &label);
        let mut row = format!(
            "{line_col:>5}  {mark:>5}  {i:>4} {:<26} {arg:>5}",
            instr.op.name()
        );
        if !meaning.is_empty() {
            let _ = write!(row, " ({meaning})");
        }
        let _ = writeln!(out, "{}", row.trim_end());
    }
    if !code.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &code.exception_table {
            let lasti = if e.push_lasti { " lasti" } else { "" };
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{lasti}",
                label(e.start),
                label(e.end),
                label(e.target),
                e.depth
            );
        }
    }
}

/// Every instruction index that a jump or the exception table names, numbered in order.
fn label_targets(code: &CodeObject) -> BTreeMap<u32, usize> {
    let mut targets: Vec<u32> = code
        .instructions
        .iter()
        .filter(|i| i.op.is_jump())
        .map(|i| i.arg)
        .collect();
    for e in &code.exception_table {
        targets.extend([e.start, e.end, e.target]);
    }
    targets.retain(|&t| (t as usize) < code.instructions.len());
    targets.sort_unstable();
    targets.dedup();
    targets
        .into_iter()
        .enumerate()
        .map(|(n, t)| (t, n + 1))
        .collect()
}

fn arg_meaning(code: &CodeObject, op: Opcode, arg: u32, label: &dyn Fn(u32) -> String) -> String {
    let name = |i: u32| {
        code.names
            .get(i as usize)
            .cloned()
            .unwrap_or_else(|| "<bad name>".to_string())
    };
    let table = |t: &[&str], i: u32| {
        t.get(i as usize)
            .map_or_else(|| "<bad>".to_string(), |s| s.to_string())
    };
    match op.arg_kind() {
        ArgKind::None | ArgKind::Int => String::new(),
        ArgKind::Const => code
            .consts
            .get(arg as usize)
            .map_or_else(|| "<bad const>".to_string(), const_repr),
        ArgKind::Name => name(arg),
        ArgKind::Global => format!(
            "{}{}",
            name(arg >> 1),
            if arg & 1 == 1 { " + NULL" } else { "" }
        ),
        ArgKind::Attr => format!(
            "{}{}",
            name(arg >> 1),
            if arg & 1 == 1 { " + NULL|self" } else { "" }
        ),
        ArgKind::Local | ArgKind::Deref => code
            .localsplus_name(arg as usize)
            .map_or_else(|| "<bad local>".to_string(), str::to_string),
        ArgKind::Jump => format!("to {}", label(arg)),
        ArgKind::BinOp => table(&BINARY_OPS, arg),
        ArgKind::Cmp => table(&COMPARE_OPS, arg),
        ArgKind::Invert => {
            let base = if op == Opcode::IS_OP {
                ["is", "is not"]
            } else {
                ["in", "not in"]
            };
            table(&base, arg)
        }
        ArgKind::Intrinsic1 => table(&INTRINSICS_1, arg),
        ArgKind::Intrinsic2 => table(&INTRINSICS_2, arg),
        ArgKind::Convert => table(&CONVERSIONS, arg),
        ArgKind::FuncAttr => FUNCTION_ATTRIBUTES
            .iter()
            .find(|(bit, _)| *bit == arg)
            .map_or_else(|| "<bad>".to_string(), |(_, n)| n.to_string()),
        ArgKind::Special => table(&SPECIAL_METHODS, arg),
        ArgKind::Common => table(&COMMON_CONSTANTS, arg),
        ArgKind::UnpackEx => format!("{} before, {} after", arg & 0xFF, arg >> 8),
    }
}

/// A constant as Python's `repr` shows it (code objects by name and line).
pub(crate) fn const_repr(c: &Const) -> String {
    match c {
        Const::None => "None".to_string(),
        Const::Bool(b) => if *b { "True" } else { "False" }.to_string(),
        Const::Ellipsis => "Ellipsis".to_string(),
        Const::Int(i) => i.to_string(),
        Const::Float(f) => repr_float(*f),
        Const::Complex { real, imag } => repr_complex(*real, *imag),
        Const::Str(s) => repr_str(s),
        Const::Bytes(b) => repr_bytes(b),
        Const::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Const::FrozenSet(items) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            format!("frozenset({{{}}})", parts.join(", "))
        }
        Const::Code(code) => format!("<code object {}, line {}>", code.name, code.first_line),
    }
}

fn name_tuple(names: &[String]) -> String {
    let parts: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    if parts.len() == 1 {
        format!("({},)", parts[0])
    } else {
        format!("({})", parts.join(", "))
    }
}

fn flag_names(bits: u32) -> String {
    const NAMES: [(u32, &str); 11] = [
        (flags::OPTIMIZED, "OPTIMIZED"),
        (flags::NEWLOCALS, "NEWLOCALS"),
        (flags::VARARGS, "VARARGS"),
        (flags::VARKEYWORDS, "VARKEYWORDS"),
        (flags::NESTED, "NESTED"),
        (flags::GENERATOR, "GENERATOR"),
        (flags::COROUTINE, "COROUTINE"),
        (flags::ITERABLE_COROUTINE, "ITERABLE_COROUTINE"),
        (flags::ASYNC_GENERATOR, "ASYNC_GENERATOR"),
        (flags::HAS_DOCSTRING, "HAS_DOCSTRING"),
        (flags::METHOD, "METHOD"),
    ];
    let set: Vec<&str> = NAMES
        .iter()
        .filter(|(b, _)| bits & b != 0)
        .map(|(_, n)| *n)
        .collect();
    if set.is_empty() {
        "0".to_string()
    } else {
        set.join("|")
    }
}
