//! `ModuleSpec` and `SourceFileLoader` (CPython's Lib/importlib/_bootstrap.py and
//! _bootstrap_external.py): defined by protopy's own Python source (`bootstrap.py`), run once
//! at start-up as the module `_frozen_importlib`.

use protopy_objects::Value;

use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};
use crate::types::{dict, function, module, sm, Args, NativeMethod};

const SOURCE: &str = include_str!("bootstrap.py");
const MODULE: &str = "_frozen_importlib";

/// `_parent_name(name)`: the package part of a dotted name ('' for a top-level name).
fn parent_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "_parent_name", 1, 1)?;
    let Some(name) = vm.rust_str(args.pos[0]) else {
        let t = vm.type_name(args.pos[0]);
        return Err(vm.type_error(&format!("module name must be str, not {t}")));
    };
    let parent = name.rsplit_once('.').map(|(p, _)| p).unwrap_or("");
    vm.new_str(parent)
}

const NATIVES: &[NativeMethod] = &[sm("_parent_name", parent_name, "($module, name, /)")];

/// Runs the bootstrap source as `_frozen_importlib` and registers it in `sys.modules`.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let m = module::new_module(vm, MODULE)?;
    vm.temps.push(m);
    let r = (|| {
        let d = vm
            .opaque::<module::Module>(m)
            .map(|m| m.dict)
            .unwrap_or(Value::NONE);
        for meth in NATIVES {
            let f = function::new_module_native(vm, meth, MODULE)?;
            dict::set_str(vm, d, meth.name, f)?;
        }
        let builtins = super::builtins_module(vm)?;
        dict::set_str(vm, d, "__builtins__", builtins)?;
        let co = crate::builtins::compile::compile_text(
            vm,
            SOURCE,
            "<frozen importlib._bootstrap>",
            crate::builtins::compile::Mode::Exec,
        )?;
        let code = function::new_code(vm, co)?;
        vm.temps.push(code);
        let r = crate::builtins::compile::run_code(vm, code, d, Value::NULL);
        vm.temps.pop();
        r?;
        let mods = vm.rt.sys_modules;
        dict::set_str(vm, mods, MODULE, m)
    })();
    vm.temps.pop();
    r
}

/// A class of the bootstrap module.
fn class(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let m = super::sys_modules_get(vm, MODULE)?;
    let d = m.and_then(|m| vm.opaque::<module::Module>(m).map(|m| m.dict));
    match d {
        Some(d) => match dict::get_str(vm, d, name)? {
            Some(c) => Ok(c),
            None => Err(vm.new_error(
                Ty::ImportError,
                &format!("cannot import name '{name}' from '{MODULE}'"),
            )),
        },
        None => Err(vm.new_error(Ty::ImportError, &format!("no module '{MODULE}'"))),
    }
}

/// `ModuleSpec(name, SourceFileLoader(name, file), origin=file, is_package=...)` with its file
/// attribute set.
pub fn new_spec(vm: &mut Vm, name: &str, file: &str, is_package: bool) -> PyResult<Value> {
    let mark = vm.temps.len();
    let r = (|| {
        let name_v = vm.new_str(name)?;
        vm.temps.push(name_v);
        let file_v = vm.new_str(file)?;
        vm.temps.push(file_v);
        let loader_cls = class(vm, "SourceFileLoader")?;
        let loader = protocols::call::call(vm, loader_cls, Args::new(vec![name_v, file_v]))?;
        vm.temps.push(loader);
        let spec_cls = class(vm, "ModuleSpec")?;
        let origin = vm.intern("origin")?;
        let is_pkg = vm.intern("is_package")?;
        let spec = protocols::call::call(
            vm,
            spec_cls,
            Args {
                pos: vec![name_v, loader],
                kw: vec![(origin, file_v), (is_pkg, Value::from_bool(is_package))],
            },
        )?;
        vm.temps.push(spec);
        let k = vm.intern("_set_fileattr")?;
        protocols::attr::setattr(vm, spec, k, Value::TRUE)?;
        Ok(spec)
    })();
    vm.temps.truncate(mark);
    r
}

/// `spec._initializing = value`.
pub fn set_initializing(vm: &mut Vm, spec: Value, value: bool) -> PyResult<()> {
    let k = vm.intern("_initializing")?;
    protocols::attr::setattr(vm, spec, k, Value::from_bool(value))
}

/// `SourceFileLoader(name, path)` for the main script's `__loader__`.
pub fn new_loader(vm: &mut Vm, name: &str, file: &str) -> PyResult<Value> {
    let mark = vm.temps.len();
    let r = (|| {
        let name_v = vm.new_str(name)?;
        vm.temps.push(name_v);
        let file_v = vm.new_str(file)?;
        vm.temps.push(file_v);
        let cls = class(vm, "SourceFileLoader")?;
        protocols::call::call(vm, cls, Args::new(vec![name_v, file_v]))
    })();
    vm.temps.truncate(mark);
    r
}

/// Gives every module in `sys.modules` without a `__spec__` (the native ones) the spec CPython
/// gives built-in modules: `ModuleSpec(name, BuiltinImporter, origin='built-in')`.
pub fn mark_builtin_modules(vm: &mut Vm) -> PyResult<()> {
    let mods = vm.rt.sys_modules;
    let mark = vm.temps.len();
    let r = (|| {
        let spec_cls = class(vm, "ModuleSpec")?;
        vm.temps.push(spec_cls);
        let origin_k = vm.intern("origin")?;
        let builtin = vm.new_str("built-in")?;
        vm.temps.push(builtin);
        let loader = class(vm, "BuiltinImporter")?;
        for (k, m) in dict::items(vm, mods) {
            let Some(d) = vm.opaque::<module::Module>(m).map(|m| m.dict) else {
                continue;
            };
            if dict::get_str(vm, d, "__spec__")?.is_some() {
                continue;
            }
            vm.temps.extend_from_slice(&[k, m]);
            let spec = protocols::call::call(
                vm,
                spec_cls,
                Args {
                    pos: vec![k, loader],
                    kw: vec![(origin_k, builtin)],
                },
            )?;
            dict::set_str(vm, d, "__spec__", spec)?;
            dict::set_str(vm, d, "__loader__", loader)?;
            if dict::get_str(vm, d, "__package__")?.is_none() {
                let empty = vm.intern("")?;
                dict::set_str(vm, d, "__package__", empty)?;
            }
        }
        Ok(())
    })();
    vm.temps.truncate(mark);
    r
}
