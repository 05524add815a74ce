//! `locals`, `vars` and `dir` (CPython's Python/bltinmodule.c `builtin_locals`, `builtin_vars`,
//! `builtin_dir`, with `PyEval_GetFrameLocals` of PEP 667 and the default `__dir__` algorithms
//! of Objects/typeobject.c `object___dir___impl` / `type___dir___impl` and
//! Objects/moduleobject.c `module___dir___impl`).
//! https://docs.python.org/3/library/functions.html#dir

use protopy_objects::{CellData, Value};

use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};
use crate::types::{dict, module::Module, sm, typeobj, Args, NativeMethod};

/// The caller's locals: the mapping of a module or class body, or for a function a new dict
/// snapshot of its bound fast locals, cells and free variables (PEP 667).
pub fn caller_locals(vm: &mut Vm) -> PyResult<Value> {
    let Some(f) = vm.frames.last() else {
        return Err(vm.new_error(Ty::SystemError, "frame does not exist"));
    };
    if !f.locals.is_null() {
        return Ok(f.locals);
    }
    let code = f.code.clone();
    let fast = f.fast.clone();
    let co = &code.co;
    let free_start = fast.len().saturating_sub(co.freevars.len());
    let d = vm.new_dict()?;
    vm.temps.push(d);
    let r = (|| {
        for (i, &v) in fast.iter().enumerate() {
            if v.is_null() {
                continue;
            }
            let Some(name) = co.localsplus_name(i) else {
                continue;
            };
            let is_cell = i >= free_start || co.cellvars.iter().any(|c| c == name);
            let v = if is_cell {
                match vm.m.get_value::<CellData>(v) {
                    Ok(c) => c.0.load(),
                    Err(_) => v,
                }
            } else {
                v
            };
            if v.is_null() {
                continue;
            }
            let k = vm.intern(name)?;
            dict::set_item(vm, d, k, v)?;
        }
        Ok(d)
    })();
    vm.temps.pop();
    r
}

/// `locals()`.
fn locals(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "locals", 0, 0)?;
    caller_locals(vm)
}

/// `vars([object])`.
fn vars(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "vars", 0, 1)?;
    let Some(obj) = args.get(0) else {
        return caller_locals(vm);
    };
    let name = vm.intern("__dict__")?;
    match protocols::attr::getattr(vm, obj, name) {
        Err(e) if vm.err_is(&e, Ty::AttributeError) => {
            Err(vm.type_error("vars() argument must have __dict__ attribute"))
        }
        r => r,
    }
}

/// Adds the keys of `d` (a dict) to `out`.
fn add_keys(vm: &Vm, d: Value, out: &mut Vec<Value>) {
    if vm.dict_data(d).is_some() {
        out.extend(dict::items(vm, d).into_iter().map(|(k, _)| k));
    }
}

/// The attribute names of a class and its bases (`type.__dir__`'s `merge_class_dict`).
fn class_names(vm: &mut Vm, cls: Value, out: &mut Vec<Value>) -> PyResult<()> {
    let Some(h) = cls.as_handle().filter(|_| typeobj::is_type(vm, cls)) else {
        return Ok(());
    };
    for c in typeobj::mro(vm, h) {
        if let Some(ch) = c.as_handle() {
            let d = typeobj::type_dict(vm, ch);
            add_keys(vm, d, out);
        }
    }
    Ok(())
}

/// `dir(obj)` when neither the object's type nor the interpreter provides `__dir__`.
fn default_dir(vm: &mut Vm, obj: Value) -> PyResult<Vec<Value>> {
    let mut names = Vec::new();
    if let Some(m) = vm.opaque::<Module>(obj) {
        let d = m.dict;
        if let Some(f) = dict::get_str(vm, d, "__dir__")? {
            let r = protocols::call::call(vm, f, Args::default())?;
            vm.temps.push(r);
            let names = protocols::iter::collect(vm, r);
            vm.temps.pop();
            return names;
        }
        add_keys(vm, d, &mut names);
        return Ok(names);
    }
    if typeobj::is_type(vm, obj) {
        class_names(vm, obj, &mut names)?;
        return Ok(names);
    }
    if let Some(d) = protocols::attr::instance_dict(vm, obj) {
        add_keys(vm, d, &mut names);
    }
    let cls = Value::from_handle(vm.type_of(obj));
    class_names(vm, cls, &mut names)?;
    Ok(names)
}

/// The names sorted, as `dir` returns them; `dedupe` drops repeats (the default algorithms
/// merge dicts, a user's `__dir__` may repeat names).
fn sorted_names(vm: &mut Vm, mut names: Vec<Value>, dedupe: bool) -> PyResult<Value> {
    let mark = vm.temps.len();
    vm.temps.extend_from_slice(&names);
    let r = (|| {
        if dedupe {
            let mut seen = std::collections::HashSet::new();
            let mut unique = Vec::with_capacity(names.len());
            for &v in &names {
                let fresh = match vm.rust_str(v) {
                    Some(s) => seen.insert(s),
                    None => true,
                };
                if fresh {
                    unique.push(v);
                }
            }
            names = unique;
        }
        super::seq::sort_values(vm, &mut names, None, false)?;
        vm.new_list(names)
    })();
    vm.temps.truncate(mark);
    r
}

/// `dir([object])`.
fn dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "dir", 0, 1)?;
    let Some(obj) = args.get(0) else {
        let l = caller_locals(vm)?;
        vm.temps.push(l);
        let keys = if vm.dict_data(l).is_some() {
            Ok(dict::items(vm, l).into_iter().map(|(k, _)| k).collect())
        } else {
            let ks = protocols::call::call_method(vm, l, "keys", vec![]);
            ks.and_then(|ks| protocols::iter::collect(vm, ks))
        };
        let r = keys.and_then(|k| sorted_names(vm, k, false));
        vm.temps.pop();
        return r;
    };
    let is_module = vm.opaque::<Module>(obj).is_some();
    let ty = vm.type_of(obj);
    let dn = vm.intern("__dir__")?;
    let own = if is_module {
        None
    } else {
        typeobj::lookup(vm, ty, dn)
    };
    let custom = match own {
        Some(_) => protocols::call::call_special(vm, obj, "__dir__", vec![])?,
        None => None,
    };
    match custom {
        Some(r) => {
            vm.temps.push(r);
            let names = protocols::iter::collect(vm, r);
            vm.temps.pop();
            sorted_names(vm, names?, false)
        }
        None => {
            let names = default_dir(vm, obj)?;
            sorted_names(vm, names, true)
        }
    }
}

/// The functions of this file, added to `builtins`.
pub const FUNCTIONS: &[NativeMethod] = &[
    sm("dir", dir, "($module, arg=<unrepresentable>, /)"),
    sm("locals", locals, "($module, /)"),
    sm("vars", vars, "($module, object=<unrepresentable>, /)"),
];
