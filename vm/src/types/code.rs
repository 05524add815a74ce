//! The attributes and methods of code objects (CPython's Objects/codeobject.c: the `co_*`
//! members and getters, `code.replace`, `code.__repr__`).
//! https://docs.python.org/3/reference/datamodel.html#code-objects

use std::sync::Arc;

use protopy_objects::{BytesData, Value};

use super::function::{Code, CodeData};
use super::{m, Args, Getter, NativeMethod, Setter};
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// The code data of a code object, or a TypeError naming `what`.
fn code_of(vm: &mut Vm, v: Value) -> PyResult<Arc<CodeData>> {
    match vm.opaque::<Code>(v) {
        Some(c) => Ok(c.0.clone()),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!(
                "descriptor requires a 'code' object but received a '{t}'"
            )))
        }
    }
}

fn str_tuple(vm: &mut Vm, names: &[String]) -> PyResult<Value> {
    let mark = vm.temps.len();
    let mut items = Vec::with_capacity(names.len());
    for n in names {
        let v = vm.intern(n)?;
        items.push(v);
    }
    let r = vm.new_tuple(items);
    vm.temps.truncate(mark);
    r
}

macro_rules! code_int {
    ($($get:ident => $e:expr;)*) => {$(
        fn $get(vm: &mut Vm, v: Value) -> PyResult<Value> {
            let c = code_of(vm, v)?;
            let f: fn(&CodeData) -> i64 = $e;
            vm.new_i64(f(&c))
        }
    )*};
}

code_int! {
    co_argcount => |c| c.co.argcount as i64;
    co_posonlyargcount => |c| c.co.posonlyargcount as i64;
    co_kwonlyargcount => |c| c.co.kwonlyargcount as i64;
    co_nlocals => |c| c.co.varnames.len() as i64;
    co_firstlineno => |c| c.co.first_line as i64;
    co_flags => |c| c.co.flags as i64;
    co_stacksize => |c| c.co.max_stack_depth as i64;
}

macro_rules! code_names {
    ($($get:ident => $field:ident;)*) => {$(
        fn $get(vm: &mut Vm, v: Value) -> PyResult<Value> {
            let c = code_of(vm, v)?;
            str_tuple(vm, &c.co.$field)
        }
    )*};
}

code_names! {
    co_varnames => varnames;
    co_cellvars => cellvars;
    co_freevars => freevars;
    co_names => names;
}

fn co_name(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let c = code_of(vm, v)?;
    vm.new_str(&c.co.name)
}

fn co_qualname(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let c = code_of(vm, v)?;
    vm.new_str(&c.co.qualname)
}

fn co_filename(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let c = code_of(vm, v)?;
    vm.new_str(&c.co.filename)
}

fn co_consts(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let c = code_of(vm, v)?;
    vm.new_tuple(c.consts.clone())
}

/// `co_code`: protopy's own instruction encoding, five bytes per instruction (the opcode,
/// then its argument as a little-endian `u32`); like CPython's, it is an implementation detail.
fn co_code(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let c = code_of(vm, v)?;
    let mut out = Vec::with_capacity(c.co.instructions.len() * 5);
    for i in &c.co.instructions {
        out.push(i.op as u8);
        out.extend_from_slice(&i.arg.to_le_bytes());
    }
    vm.alloc(Ty::Bytes, BytesData::new(out))
}

pub const GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    ("co_name", co_name, None),
    ("co_qualname", co_qualname, None),
    ("co_filename", co_filename, None),
    ("co_argcount", co_argcount, None),
    ("co_posonlyargcount", co_posonlyargcount, None),
    ("co_kwonlyargcount", co_kwonlyargcount, None),
    ("co_nlocals", co_nlocals, None),
    ("co_firstlineno", co_firstlineno, None),
    ("co_flags", co_flags, None),
    ("co_stacksize", co_stacksize, None),
    ("co_varnames", co_varnames, None),
    ("co_cellvars", co_cellvars, None),
    ("co_freevars", co_freevars, None),
    ("co_names", co_names, None),
    ("co_consts", co_consts, None),
    ("co_code", co_code, None),
];

/// A keyword argument of `replace` that must be a str.
fn str_arg(vm: &mut Vm, name: &str, v: Value) -> PyResult<String> {
    match vm.rust_str(v) {
        Some(s) => Ok(s),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("replace() argument '{name}' must be str, not {t}")))
        }
    }
}

/// A keyword argument of `replace` that must be an int.
fn int_arg(vm: &mut Vm, name: &str, v: Value) -> PyResult<u32> {
    use num_traits::ToPrimitive;
    let Some(i) = vm.int_of(v).filter(|_| !vm.is_instance_ty(v, Ty::Float)) else {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!("replace() argument '{name}' must be int, not {t}")));
    };
    match crate::numeric::int::big(&i).to_u32() {
        Some(n) => Ok(n),
        None => Err(vm.new_error(
            Ty::OverflowError,
            "Python int too large to convert to C int",
        )),
    }
}

/// `code.replace(**changes)`: a copy with the named `co_*` fields changed.
fn code_replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() > 1 {
        let n = args.pos.len() - 1;
        return Err(vm.type_error(&format!(
            "replace() takes exactly 0 positional arguments ({n} given)"
        )));
    }
    let c = code_of(vm, args.pos[0])?;
    let mut co = c.co.clone();
    for &(k, v) in &args.kw {
        let key = vm.rust_str(k).unwrap_or_default();
        match key.as_str() {
            "co_name" => co.name = str_arg(vm, &key, v)?,
            "co_qualname" => co.qualname = str_arg(vm, &key, v)?,
            "co_filename" => co.filename = str_arg(vm, &key, v)?,
            "co_firstlineno" => co.first_line = int_arg(vm, &key, v)?,
            "co_flags" => co.flags = int_arg(vm, &key, v)?,
            "co_argcount" | "co_posonlyargcount" | "co_kwonlyargcount" | "co_nlocals"
            | "co_stacksize" | "co_code" | "co_consts" | "co_names" | "co_varnames"
            | "co_freevars" | "co_cellvars" | "co_linetable" | "co_exceptiontable" => {
                return Err(crate::ops::not_yet(
                    vm,
                    &format!("code.replace() changing {key}"),
                ));
            }
            _ => {
                return Err(vm.type_error(&format!(
                    "replace() got an unexpected keyword argument '{key}'"
                )))
            }
        }
    }
    let data = CodeData {
        co,
        consts: c.consts.clone(),
        names: c.names.clone(),
    };
    let mark = vm.temps.len();
    vm.temps.extend_from_slice(&data.consts);
    let r = vm.new_opaque(Ty::Code, Code(Arc::new(data)));
    vm.temps.truncate(mark);
    r
}

/// `code.__repr__`: `<code object NAME at 0x..., file "FILE", line N>`.
pub fn code_repr(vm: &mut Vm, v: Value) -> PyResult<Option<String>> {
    let Some(c) = vm.opaque::<Code>(v) else {
        return Ok(None);
    };
    let c = c.0.clone();
    Ok(Some(format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        c.co.name,
        crate::protocols::address(v),
        c.co.filename,
        c.co.first_line
    )))
}

pub const METHODS: &[NativeMethod] = &[m("replace", code_replace, "($self, /, **changes)")];
