//! `format(value, spec)` (Objects/abstract.c `PyObject_Format`): the builtin types' `__format__`
//! through `format/`, `__format__` of user classes, `str()` for an empty spec otherwise.

use protopy_compiler::pystr::PyStr;
use protopy_objects::Value;

use crate::format::{self, FormatError};
use crate::numeric::Int;
use crate::runtime::Ty;
use crate::thread::{PyErr, PyResult, Vm};
use crate::types::typeobj;

fn format_err(vm: &mut Vm, e: FormatError) -> PyErr {
    let ty = match e.kind {
        format::ErrorKind::TypeError => Ty::TypeError,
        format::ErrorKind::OverflowError => Ty::OverflowError,
        format::ErrorKind::IndexError => Ty::IndexError,
        format::ErrorKind::MemoryError => Ty::MemoryError,
        format::ErrorKind::ValueError => Ty::ValueError,
    };
    let msg = e.msg.to_string();
    vm.new_error(ty, &msg)
}

/// `format(v, spec)` as a str value.
pub fn format(vm: &mut Vm, v: Value, spec: Value) -> PyResult<Value> {
    let spec_s = vm.pystr(spec).unwrap_or_default();
    let ty = vm.type_of(v);
    if !typeobj::is_heap_type(vm, ty) {
        let r = match vm.layout_of(v) {
            Ty::Int if !spec_s.is_empty() => match vm.int_of(v) {
                Some(Int::Small(n)) => Some(format::format_int(
                    format::IntRef::Small(n),
                    &spec_s,
                    "int",
                    crate::modules::sys::max_str_digits(),
                )),
                Some(Int::Big(b)) => Some(format::format_int(
                    format::IntRef::Big(&b),
                    &spec_s,
                    "int",
                    crate::modules::sys::max_str_digits(),
                )),
                None => None,
            },
            Ty::Bool if !spec_s.is_empty() => {
                let n = i64::from(v.as_bool().unwrap_or(false));
                Some(format::format_int(
                    format::IntRef::Small(n),
                    &spec_s,
                    "bool",
                    crate::modules::sys::max_str_digits(),
                ))
            }
            Ty::Float if !spec_s.is_empty() => Some(format::format_float(
                v.as_f64().unwrap_or(0.0),
                &spec_s,
                "float",
            )),
            Ty::Str => {
                let s = vm.pystr(v).unwrap_or_default();
                Some(format::format_str(&s, &spec_s, "str"))
            }
            _ => None,
        };
        if let Some(r) = r {
            let s: PyStr = r.map_err(|e| format_err(vm, e))?;
            return vm.new_pystr(&s);
        }
    }
    if let Some(r) = super::call::call_special(vm, v, "__format__", vec![spec])? {
        if vm.str_data(r).is_none() {
            let t = vm.type_name(r);
            return Err(vm.type_error(&format!("__format__ must return a str, not {t}")));
        }
        return Ok(r);
    }
    if spec_s.is_empty() {
        return super::repr::str_value(vm, v);
    }
    let t = vm.type_name(v);
    Err(vm.type_error(&format!(
        "unsupported format string passed to {t}.__format__"
    )))
}
