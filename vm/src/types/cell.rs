//! Cell objects, the boxes of closure variables (CPython's Objects/cellobject.c): creating one
//! with `types.CellType([contents])`, `cell_contents` read, write and delete, and the repr.
//! https://docs.python.org/3/reference/datamodel.html#cell-objects

use protopy_objects::{AtomicValue, CellData, Value};

use super::{Args, Binding, Getter, NativeMethod, Setter};
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// `cell.__new__(cls, contents=<empty>, /)`.
fn cell_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error("cell() takes no keyword arguments"));
    }
    let n = args.pos.len().saturating_sub(1);
    if n > 1 {
        return Err(vm.type_error(&format!("cell expected at most 1 argument, got {n}")));
    }
    let contents = args.get(1).unwrap_or(Value::NULL);
    vm.alloc(Ty::Cell, CellData(AtomicValue::new(contents)))
}

fn cell_contents(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let c =
        vm.m.get_value::<CellData>(v)
            .map(|c| c.0.load())
            .unwrap_or(Value::NULL);
    if c.is_null() {
        return Err(vm.value_error("Cell is empty"));
    }
    Ok(c)
}

/// Setting stores; deleting (a NULL value) empties the cell.
fn set_cell_contents(vm: &mut Vm, v: Value, new: Value) -> PyResult<()> {
    if let Ok(c) = vm.m.get_value::<CellData>(v) {
        c.0.store(new);
    }
    Ok(())
}

/// `cell.__repr__`: `<cell at 0x...: int object at 0x...>` or `<cell at 0x...: empty>`.
pub fn cell_repr(vm: &mut Vm, v: Value) -> Option<String> {
    let c = vm.m.get_value::<CellData>(v).ok()?.0.load();
    let at = crate::protocols::address(v);
    Some(if c.is_null() {
        format!("<cell at {at:#x}: empty>")
    } else {
        let t = vm.type_name(c);
        format!(
            "<cell at {at:#x}: {t} object at {:#x}>",
            crate::protocols::address(c)
        )
    })
}

pub const METHODS: &[NativeMethod] = &[NativeMethod {
    name: "__new__",
    func: cell_new,
    sig: "",
    binding: Binding::Static,
}];

pub const GETSETS: &[(&str, Getter, Option<Setter>)] =
    &[("cell_contents", cell_contents, Some(set_cell_contents))];

/// Compares two cells by their contents; an empty cell sorts before a full one
/// (`cell_richcompare`).
pub fn compare(vm: &mut Vm, a: Value, b: Value, op: usize) -> PyResult<Option<bool>> {
    let load = |vm: &Vm, v: Value| vm.m.get_value::<CellData>(v).map(|c| c.0.load()).ok();
    let (Some(x), Some(y)) = (load(vm, a), load(vm, b)) else {
        return Ok(None);
    };
    if x.is_null() || y.is_null() {
        let o = (!x.is_null()).cmp(&!y.is_null());
        return Ok(Some(match op {
            0 => o.is_lt(),
            1 => o.is_le(),
            2 => o.is_eq(),
            3 => o.is_ne(),
            4 => o.is_gt(),
            _ => o.is_ge(),
        }));
    }
    let mark = vm.temps.len();
    vm.temps.extend([x, y]);
    let r = crate::protocols::compare::rich_compare(vm, x, y, op);
    vm.temps.truncate(mark);
    let r = r?;
    vm.temps.push(r);
    let t = crate::protocols::truth(vm, r);
    vm.temps.truncate(mark);
    t.map(Some)
}
