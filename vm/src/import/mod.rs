//! The import system (CPython's Lib/importlib/_bootstrap.py `_find_and_load`, `_handle_fromlist`,
//! `_calc___package__`, `_resolve_name`, Python/import.c `PyImport_ImportModuleLevelObject`,
//! and Python/ceval.c `import_from` / `import_all_from`): Python source modules and packages
//! found on `sys.path`, relative imports, `from m import *`, and module `__getattr__` (PEP 562).
//! https://docs.python.org/3/reference/import.html

pub mod spec;

use std::path::{Path, PathBuf};

use protopy_objects::Value;

use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyErr, PyResult, Vm};
use crate::types::{dict, module, module::Module, Args};

/// `ImportError` (or a subclass) with `msg`, and its `name`, `path` and `name_from` fields.
pub fn import_error(
    vm: &mut Vm,
    ty: Ty,
    msg: &str,
    name: Option<&str>,
    path: Option<&str>,
) -> PyErr {
    import_error_from(vm, ty, msg, name, path, Value::NONE)
}

fn import_error_from(
    vm: &mut Vm,
    ty: Ty,
    msg: &str,
    name: Option<&str>,
    path: Option<&str>,
    name_from: Value,
) -> PyErr {
    let e = vm.new_error(ty, msg);
    let mark = vm.temps.len();
    vm.temps.push(e.exc);
    let r = (|| -> PyResult<()> {
        let m = vm.new_str(msg)?;
        vm.temps.push(m);
        let field = |vm: &mut Vm, s: Option<&str>| -> PyResult<Value> {
            let v = match s {
                Some(s) => vm.new_str(s)?,
                None => Value::NONE,
            };
            vm.temps.push(v);
            Ok(v)
        };
        let n = field(vm, name)?;
        let p = field(vm, path)?;
        crate::types::exc_kinds::set_import_error_fields(vm, e.exc, [m, n, p, name_from]);
        Ok(())
    })();
    vm.temps.truncate(mark);
    match r {
        Ok(()) => e,
        Err(err) => err,
    }
}

fn not_found(vm: &mut Vm, msg: &str, name: &str) -> PyErr {
    import_error(vm, Ty::ModuleNotFoundError, msg, Some(name), None)
}

/// The module's namespace dict.
fn module_dict(vm: &Vm, m: Value) -> Option<Value> {
    vm.opaque::<Module>(m).map(|m| m.dict)
}

/// `sys.modules[name]`, if present.
pub fn sys_modules_get(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let mods = vm.rt.sys_modules;
    dict::get_str(vm, mods, name)
}

/// The `builtins` module object (made once, kept in `sys.modules`).
pub fn builtins_module(vm: &mut Vm) -> PyResult<Value> {
    if let Some(m) = sys_modules_get(vm, "builtins")? {
        if vm.opaque::<Module>(m).is_some() {
            return Ok(m);
        }
    }
    let dict = vm.rt.builtins;
    let m = vm.new_opaque(Ty::Module, Module { dict })?;
    let mods = vm.rt.sys_modules;
    dict::set_str(vm, mods, "builtins", m)?;
    Ok(m)
}

/// `IMPORT_NAME`: `__import__(name, globals(), None, fromlist, level)` for the running frame.
pub fn import_name(vm: &mut Vm, name: Value, fromlist: Value, level: Value) -> PyResult<Value> {
    let globals = vm.frames.last().map(|f| f.globals).unwrap_or(Value::NONE);
    let level = protocols::number::index_i64(vm, level)?;
    let name = vm.rust_str(name).unwrap_or_default();
    import_module_level(vm, &name, globals, fromlist, level)
}

/// The package a module with `globals` lives in (`_calc___package__`).
fn calc_package(vm: &mut Vm, globals: Value) -> PyResult<Option<String>> {
    if vm.dict_data(globals).is_none() {
        return Ok(None);
    }
    if let Some(p) = dict::get_str(vm, globals, "__package__")? {
        if !p.is_none() {
            return match vm.rust_str(p) {
                Some(s) => Ok(Some(s)),
                None => Err(vm.type_error("package must be a string")),
            };
        }
    }
    if let Some(spec) = dict::get_str(vm, globals, "__spec__")? {
        if !spec.is_none() {
            let parent = protocols::attr::getattr_str(vm, spec, "parent")?;
            return Ok(vm.rust_str(parent));
        }
    }
    let Some(name) = dict::get_str(vm, globals, "__name__")? else {
        return Err(vm.new_error(Ty::KeyError, "'__name__' not in globals"));
    };
    let name = vm.rust_str(name).unwrap_or_default();
    if dict::get_str(vm, globals, "__path__")?.is_some() {
        return Ok(Some(name));
    }
    Ok(Some(match name.rfind('.') {
        Some(i) => name[..i].to_string(),
        None => String::new(),
    }))
}

/// The absolute name of a relative import of `name` at `level` (`_resolve_name`).
fn resolve_name(vm: &mut Vm, name: &str, globals: Value, level: i64) -> PyResult<String> {
    let package = calc_package(vm, globals)?.unwrap_or_default();
    if package.is_empty() {
        return Err(import_error(
            vm,
            Ty::ImportError,
            "attempted relative import with no known parent package",
            None,
            None,
        ));
    }
    let parts: Vec<&str> = package.split('.').collect();
    if (parts.len() as i64) < level {
        return Err(vm.new_error(
            Ty::ImportError,
            "attempted relative import beyond top-level package",
        ));
    }
    let base = parts[..parts.len() - (level as usize - 1)].join(".");
    Ok(if name.is_empty() {
        base
    } else {
        format!("{base}.{name}")
    })
}

/// `__import__(name, globals, locals, fromlist, level)` without the `builtins.__import__` hook.
pub fn import_module_level(
    vm: &mut Vm,
    name: &str,
    globals: Value,
    fromlist: Value,
    level: i64,
) -> PyResult<Value> {
    if level < 0 {
        return Err(vm.value_error("level must be >= 0"));
    }
    let absname = if level > 0 {
        resolve_name(vm, name, globals, level)?
    } else {
        if name.is_empty() {
            return Err(vm.value_error("Empty module name"));
        }
        name.to_string()
    };
    let module = gcd_import(vm, &absname)?;
    vm.temps.push(module);
    let r = (|| {
        let has_fromlist = !fromlist.is_none() && protocols::truth(vm, fromlist)?;
        if has_fromlist {
            return handle_fromlist(vm, module, fromlist);
        }
        if level == 0 {
            let top = absname.split('.').next().unwrap_or_default().to_string();
            return gcd_import(vm, &top);
        }
        if name.is_empty() {
            return Ok(module);
        }
        let first = name.split('.').next().unwrap_or_default();
        let keep = absname.len() - (name.len() - first.len());
        let top = absname[..keep].to_string();
        match sys_modules_get(vm, &top)? {
            Some(m) => Ok(m),
            None => Err(vm.new_error(
                Ty::KeyError,
                &format!("'{top}' not in sys.modules as expected"),
            )),
        }
    })();
    vm.temps.pop();
    r
}

/// Imports `name` (absolute), its parent packages first (`_gcd_import`).
pub fn gcd_import(vm: &mut Vm, name: &str) -> PyResult<Value> {
    if let Some(m) = sys_modules_get(vm, name)? {
        if m.is_none() {
            let msg = format!("import of {name} halted; None in sys.modules");
            return Err(not_found(vm, &msg, name));
        }
        return Ok(m);
    }
    find_and_load(vm, name)
}

/// The directories of `sys.path` (non-str entries are skipped).
fn sys_path(vm: &mut Vm) -> PyResult<Vec<String>> {
    let sys = *vm.rt.sys.lock();
    let Some(d) = module_dict(vm, sys) else {
        return Ok(Vec::new());
    };
    let Some(p) = dict::get_str(vm, d, "path")? else {
        return Ok(Vec::new());
    };
    let items = match vm.list_data(p) {
        Some(l) => l.snapshot(),
        None => vm.tuple_items(p).map(|t| t.to_vec()).unwrap_or_default(),
    };
    Ok(items.into_iter().filter_map(|v| vm.rust_str(v)).collect())
}

/// The str items of a package's `__path__`.
fn package_path(vm: &mut Vm, parent: Value) -> PyResult<Option<Vec<String>>> {
    let Some(d) = module_dict(vm, parent) else {
        let n = vm.intern("__path__")?;
        return match protocols::attr::getattr_opt(vm, parent, n)? {
            Some(p) => {
                let items = protocols::iter::collect(vm, p)?;
                Ok(Some(
                    items.into_iter().filter_map(|v| vm.rust_str(v)).collect(),
                ))
            }
            None => Ok(None),
        };
    };
    match dict::get_str(vm, d, "__path__")? {
        Some(p) => {
            vm.temps.push(p);
            let items = protocols::iter::collect(vm, p);
            vm.temps.pop();
            Ok(Some(
                items?.into_iter().filter_map(|v| vm.rust_str(v)).collect(),
            ))
        }
        None => Ok(None),
    }
}

/// Where a module's source is: its file and, for a package, its directory.
struct Found {
    file: PathBuf,
    package_dir: Option<PathBuf>,
}

/// Looks for `last` (one name part) in `dirs`: `dir/last/__init__.py`, then `dir/last.py`.
fn find_source(dirs: &[String], last: &str) -> Option<Found> {
    for dir in dirs {
        let base = if dir.is_empty() {
            std::env::current_dir().ok()?
        } else {
            PathBuf::from(dir)
        };
        let pkg = base.join(last);
        let init = pkg.join("__init__.py");
        if init.is_file() {
            return Some(Found {
                file: init,
                package_dir: Some(pkg),
            });
        }
        let file = base.join(format!("{last}.py"));
        if file.is_file() {
            return Some(Found {
                file,
                package_dir: None,
            });
        }
    }
    None
}

/// The directories searched after `sys.path`: `PROTOPY_STDLIB`, if set.
fn stdlib_dirs() -> Vec<String> {
    match std::env::var("PROTOPY_STDLIB") {
        Ok(d) if !d.is_empty() => vec![d],
        _ => Vec::new(),
    }
}

/// Finds and runs module `name`, its parent imported first (`_find_and_load_unlocked`).
fn find_and_load(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let (parent_name, last) = match name.rfind('.') {
        Some(i) => (Some(&name[..i]), &name[i + 1..]),
        None => (None, name),
    };
    let mut parent = Value::NONE;
    let dirs = match parent_name {
        Some(pn) => {
            parent = gcd_import(vm, pn)?;
            // Importing the parent may have imported this module.
            if let Some(m) = sys_modules_get(vm, name)? {
                return Ok(m);
            }
            vm.temps.push(parent);
            let p = package_path(vm, parent);
            vm.temps.pop();
            match p? {
                Some(p) => p,
                None => {
                    let msg = format!("No module named '{name}'; '{pn}' is not a package");
                    return Err(not_found(vm, &msg, name));
                }
            }
        }
        None => {
            let mut d = sys_path(vm)?;
            d.extend(stdlib_dirs());
            d
        }
    };
    let Some(found) = find_source(&dirs, last) else {
        let msg = format!("No module named '{name}'");
        return Err(not_found(vm, &msg, name));
    };
    vm.temps.push(parent);
    let r = load_source(vm, name, &found);
    vm.temps.pop();
    let module = r?;
    if !parent.is_none() {
        vm.temps.push(module);
        let k = vm.new_str(last);
        let r = k.and_then(|k| {
            vm.temps.push(k);
            let r = protocols::attr::setattr(vm, parent, k, module);
            vm.temps.pop();
            r
        });
        vm.temps.pop();
        r?;
    }
    Ok(module)
}

/// A path as text, absolute.
fn path_text(p: &Path) -> String {
    std::path::absolute(p)
        .unwrap_or_else(|_| p.to_path_buf())
        .display()
        .to_string()
}

/// Creates module `name` from the source file, registers it in `sys.modules` and runs its body
/// (`_load_unlocked`); on error the entry is removed again.
fn load_source(vm: &mut Vm, name: &str, found: &Found) -> PyResult<Value> {
    let file = path_text(&found.file);
    let bytes = match std::fs::read(&found.file) {
        Ok(b) => b,
        Err(e) => {
            let msg = e.to_string();
            return Err(import_error(
                vm,
                Ty::ImportError,
                &msg,
                Some(name),
                Some(&file),
            ));
        }
    };
    let m = module::new_module(vm, name)?;
    let mark = vm.temps.len();
    vm.temps.push(m);
    let r = (|| {
        let d = module_dict(vm, m).unwrap_or(Value::NONE);
        let package = match &found.package_dir {
            Some(_) => name.to_string(),
            None => name
                .rsplit_once('.')
                .map(|(p, _)| p)
                .unwrap_or("")
                .to_string(),
        };
        let file_v = vm.new_str(&file)?;
        vm.temps.push(file_v);
        dict::set_str(vm, d, "__file__", file_v)?;
        let pkg_v = vm.new_str(&package)?;
        dict::set_str(vm, d, "__package__", pkg_v)?;
        let spec = spec::new_spec(vm, name, &file, found.package_dir.is_some())?;
        vm.temps.push(spec);
        dict::set_str(vm, d, "__spec__", spec)?;
        let loader = protocols::attr::getattr_str(vm, spec, "loader")?;
        dict::set_str(vm, d, "__loader__", loader)?;
        if let Some(dir) = &found.package_dir {
            let dir_v = vm.new_str(&path_text(dir))?;
            vm.temps.push(dir_v);
            let path = vm.new_list(vec![dir_v])?;
            dict::set_str(vm, d, "__path__", path)?;
            let ssl = protocols::attr::getattr_str(vm, spec, "submodule_search_locations")?;
            if vm.list_data(ssl).is_some() {
                protocols::call::call_method(vm, ssl, "append", vec![dir_v])?;
            }
        }
        let builtins = builtins_module(vm)?;
        dict::set_str(vm, d, "__builtins__", builtins)?;
        let mods = vm.rt.sys_modules;
        dict::set_str(vm, mods, name, m)?;
        spec::set_initializing(vm, spec, true)?;
        let ran = run_source(vm, &bytes, &file, d);
        let done = spec::set_initializing(vm, spec, false);
        if let Err(e) = ran {
            let k = vm.new_str(name)?;
            vm.temps.push(k);
            let _ = dict::del_item(vm, mods, k);
            return Err(e);
        }
        done?;
        // The module may have replaced itself in sys.modules.
        match sys_modules_get(vm, name)? {
            Some(m) => Ok(m),
            None => {
                let msg = format!("Loaded module {name} not found in sys.modules");
                Err(import_error(vm, Ty::ImportError, &msg, Some(name), None))
            }
        }
    })();
    vm.temps.truncate(mark);
    r
}

/// Decodes, compiles and runs a source file's bytes in the namespace `globals`.
fn run_source(vm: &mut Vm, bytes: &[u8], file: &str, globals: Value) -> PyResult<()> {
    let text = match protopy_compiler::source::decode_source(bytes) {
        Ok(t) => t,
        Err(e) => return Err(crate::builtins::compile::syntax_error(vm, &e, file, None)),
    };
    let co = crate::builtins::compile::compile_text(
        vm,
        &text,
        file,
        crate::builtins::compile::Mode::Exec,
    )?;
    let code = crate::types::function::new_code(vm, co)?;
    vm.temps.push(code);
    let r = crate::builtins::compile::run_code(vm, code, globals, Value::NULL);
    vm.temps.pop();
    r.map(|_| ())
}

/// `from package import a, b`: imports submodules named in the fromlist that are not yet
/// attributes (`_handle_fromlist`); `*` uses the package's `__all__`.
fn handle_fromlist(vm: &mut Vm, module: Value, fromlist: Value) -> PyResult<Value> {
    let Some(d) = module_dict(vm, module) else {
        return Ok(module);
    };
    if dict::get_str(vm, d, "__path__")?.is_none() {
        return Ok(module);
    }
    let items = protocols::iter::collect(vm, fromlist)?;
    let mark = vm.temps.len();
    vm.temps.extend_from_slice(&items);
    let r = (|| {
        let modname = match dict::get_str(vm, d, "__name__")? {
            Some(n) => vm.rust_str(n).unwrap_or_default(),
            None => String::new(),
        };
        for x in items {
            let Some(xs) = vm.rust_str(x) else {
                let t = vm.type_name(x);
                return Err(
                    vm.type_error(&format!("Item in {modname}.__path__ must be str, not {t}"))
                );
            };
            if xs == "*" {
                if let Some(all) = dict::get_str(vm, d, "__all__")? {
                    vm.temps.push(all);
                    let r = handle_fromlist(vm, module, all);
                    vm.temps.pop();
                    r?;
                }
                continue;
            }
            if protocols::attr::getattr_opt(vm, module, x)?.is_some() {
                continue;
            }
            let sub = format!("{modname}.{xs}");
            match gcd_import(vm, &sub) {
                Ok(_) => {}
                Err(e) if vm.err_is(&e, Ty::ModuleNotFoundError) && error_names(vm, e, &sub) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(module)
    })();
    vm.temps.truncate(mark);
    r
}

/// Whether the `ImportError`'s `name` is `name`.
fn error_names(vm: &mut Vm, e: PyErr, name: &str) -> bool {
    let Some(d) = vm
        .opaque::<crate::types::exceptions::ExcData>(e.exc)
        .map(|d| d.dict)
    else {
        return false;
    };
    match dict::get_str(vm, d, "name") {
        Ok(Some(n)) => vm.rust_str(n).as_deref() == Some(name),
        _ => false,
    }
}

/// Whether the module's `__spec__._initializing` is true.
fn is_initializing(vm: &mut Vm, module: Value) -> bool {
    let Some(d) = module_dict(vm, module) else {
        return false;
    };
    let Ok(Some(spec)) = dict::get_str(vm, d, "__spec__") else {
        return false;
    };
    if spec.is_none() {
        return false;
    }
    let Ok(n) = vm.intern("_initializing") else {
        return false;
    };
    match protocols::attr::getattr_opt(vm, spec, n) {
        Ok(Some(v)) => protocols::truth(vm, v).unwrap_or(false),
        _ => false,
    }
}

/// `IMPORT_FROM`: `module.name`, or the submodule `sys.modules[module.__name__ + '.' + name]`,
/// or `ImportError` (`import_from`).
pub fn import_from(vm: &mut Vm, module: Value, name: Value) -> PyResult<Value> {
    match protocols::attr::getattr(vm, module, name) {
        Ok(v) => return Ok(v),
        Err(e) if vm.err_is(&e, Ty::AttributeError) => {}
        Err(e) => return Err(e),
    }
    let n = vm.rust_str(name).unwrap_or_default();
    let pkgname = match protocols::attr::getattr_str(vm, module, "__name__") {
        Ok(v) => vm.rust_str(v),
        Err(e) if vm.err_is(&e, Ty::AttributeError) => None,
        Err(e) => return Err(e),
    };
    if let Some(pkg) = &pkgname {
        if let Some(m) = sys_modules_get(vm, &format!("{pkg}.{n}"))? {
            return Ok(m);
        }
    }
    let pkg = pkgname
        .clone()
        .unwrap_or_else(|| "<unknown module name>".into());
    let file = match module_dict(vm, module) {
        Some(d) => dict::get_str(vm, d, "__file__")?.and_then(|f| vm.rust_str(f)),
        None => None,
    };
    let location = match &file {
        Some(f) => format!(" ({f})"),
        None => " (unknown location)".into(),
    };
    let msg = if is_initializing(vm, module) {
        format!(
            "cannot import name '{n}' from partially initialized module '{pkg}' (most likely due to a circular import){location}"
        )
    } else {
        format!("cannot import name '{n}' from '{pkg}'{location}")
    };
    Err(import_error_from(
        vm,
        Ty::ImportError,
        &msg,
        pkgname.as_deref(),
        file.as_deref(),
        name,
    ))
}

/// `from module import *` into `locals` (`import_all_from`): the names of `__all__`, or the
/// public names of the module's `__dict__`.
pub fn import_star(vm: &mut Vm, module: Value, locals: Value) -> PyResult<()> {
    let all_n = vm.intern("__all__")?;
    let (names, skip_private) = match protocols::attr::getattr_opt(vm, module, all_n)? {
        Some(all) => {
            vm.temps.push(all);
            let r = protocols::iter::collect(vm, all);
            vm.temps.pop();
            (r?, false)
        }
        None => {
            let dn = vm.intern("__dict__")?;
            let Some(d) = protocols::attr::getattr_opt(vm, module, dn)? else {
                return Err(vm.new_error(
                    Ty::ImportError,
                    "from-import-* object has no __dict__ and no __all__",
                ));
            };
            let keys = if vm.dict_data(d).is_some() {
                dict::items(vm, d).into_iter().map(|(k, _)| k).collect()
            } else {
                let ks = protocols::call::call_method(vm, d, "keys", vec![])?;
                protocols::iter::collect(vm, ks)?
            };
            (keys, true)
        }
    };
    let mark = vm.temps.len();
    vm.temps.extend_from_slice(&names);
    let r = (|| {
        for name in names {
            let Some(s) = vm.rust_str(name) else {
                let modname = protocols::attr::getattr_str(vm, module, "__name__")
                    .ok()
                    .and_then(|n| vm.rust_str(n))
                    .unwrap_or_default();
                let t = vm.type_name(name);
                let what = if skip_private { "__dict__" } else { "__all__" };
                return Err(vm.type_error(&format!(
                    "{} in {modname}.{what} must be str, not {t}",
                    if skip_private { "Key" } else { "Item" }
                )));
            };
            if skip_private && s.starts_with('_') {
                continue;
            }
            let v = protocols::attr::getattr(vm, module, name)?;
            if vm.dict_data(locals).is_some() {
                dict::set_item(vm, locals, name, v)?;
            } else {
                protocols::item::setitem(vm, locals, name, v)?;
            }
        }
        Ok(())
    })();
    vm.temps.truncate(mark);
    r
}

/// `module.__getattribute__`'s fallback when the attribute is not in the module's dict: the
/// module's `__getattr__` (PEP 562), else `AttributeError`, worded for a module still being
/// initialized (`module_getattro_impl`).
pub fn module_getattr_missing(vm: &mut Vm, module: Value, name: Value) -> PyResult<Value> {
    let Some(d) = module_dict(vm, module) else {
        let n = vm.rust_str(name).unwrap_or_default();
        return Err(vm.attribute_error(&format!("module has no attribute '{n}'")));
    };
    if let Some(f) = dict::get_str(vm, d, "__getattr__")? {
        return protocols::call::call(vm, f, Args::new(vec![name]));
    }
    let n = vm.rust_str(name).unwrap_or_default();
    let modname = dict::get_str(vm, d, "__name__")?.and_then(|v| vm.rust_str(v));
    let Some(modname) = modname else {
        return Err(vm.attribute_error(&format!("module has no attribute '{n}'")));
    };
    let msg = if is_initializing(vm, module) {
        format!(
            "partially initialized module '{modname}' has no attribute '{n}' (most likely due to a circular import)"
        )
    } else {
        format!("module '{modname}' has no attribute '{n}'")
    };
    Err(vm.attribute_error(&msg))
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
pub fn builtin_import(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let names = ["name", "globals", "locals", "fromlist", "level"];
    let mut slots: [Option<Value>; 5] = [None; 5];
    if args.pos.len() > 5 {
        let n = args.pos.len();
        return Err(vm.type_error(&format!(
            "__import__() takes at most 5 arguments ({n} given)"
        )));
    }
    for (i, &v) in args.pos.iter().enumerate() {
        slots[i] = Some(v);
    }
    for (i, n) in names.iter().enumerate() {
        if let Some(v) = args.take_kw(vm, n) {
            slots[i] = Some(v);
        }
    }
    if let Some(&(k, _)) = args.kw.first() {
        let k = vm.rust_str(k).unwrap_or_default();
        return Err(vm.type_error(&format!(
            "__import__() got an unexpected keyword argument '{k}'"
        )));
    }
    let Some(name) = slots[0] else {
        return Err(vm.type_error("__import__() missing required argument 'name' (pos 1)"));
    };
    let Some(name_s) = vm.rust_str(name) else {
        let t = vm.type_name(name);
        return Err(vm.type_error(&format!("module name must be str, not {t}")));
    };
    let globals = slots[1].unwrap_or(Value::NONE);
    let fromlist = slots[3].unwrap_or(Value::NONE);
    let level = match slots[4] {
        Some(l) => protocols::number::index_i64(vm, l)?,
        None => 0,
    };
    import_module_level(vm, &name_s, globals, fromlist, level)
}

/// Sets up the import system: the `builtins` module, `sys.path`, and the bootstrap module that
/// defines `ModuleSpec`.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    builtins_module(vm)?;
    let dirs = vm.rt.config.lock().path.clone();
    let mut items = Vec::with_capacity(dirs.len());
    let mark = vm.temps.len();
    for d in &dirs {
        let s = vm.new_str(d)?;
        vm.temps.push(s);
        items.push(s);
    }
    let l = vm.new_list(items);
    vm.temps.truncate(mark);
    let l = l?;
    let sys = *vm.rt.sys.lock();
    if let Some(d) = module_dict(vm, sys) {
        dict::set_str(vm, d, "path", l)?;
        let mods = vm.rt.sys_modules;
        dict::set_str(vm, d, "modules", mods)?;
    }
    spec::install(vm)
}

/// The `__main__` module: a module over `globals`, registered as `sys.modules['__main__']`,
/// with its import attributes: `__package__` and `__spec__` None, and for a script file its
/// absolute `__file__` and a `SourceFileLoader` as `__loader__`.
pub fn init_main(vm: &mut Vm, globals: Value, filename: &str) -> PyResult<()> {
    let m = vm.new_opaque(Ty::Module, Module { dict: globals })?;
    let mods = vm.rt.sys_modules;
    dict::set_str(vm, mods, "__main__", m)?;
    dict::set_str(vm, globals, "__package__", Value::NONE)?;
    dict::set_str(vm, globals, "__spec__", Value::NONE)?;
    if filename.starts_with('<') {
        dict::set_str(vm, globals, "__loader__", Value::NONE)?;
        return Ok(());
    }
    let loader = spec::new_loader(vm, "__main__", filename)?;
    dict::set_str(vm, globals, "__loader__", loader)?;
    let f = vm.new_str(filename)?;
    dict::set_str(vm, globals, "__file__", f)
}

/// Line `n` of a source file, for tracebacks through imported modules (`linecache.getline`).
pub fn source_line(file: &str, n: u32) -> Option<String> {
    if file.starts_with('<') {
        return None;
    }
    let bytes = std::fs::read(file).ok()?;
    let text = protopy_compiler::source::decode_source(&bytes).ok()?;
    text.split('\n')
        .nth((n as usize).checked_sub(1)?)
        .map(|l| format!("{l}\n"))
}

/// `repr(module)` (CPython's `_module_repr` and `_module_repr_from_spec`): from its spec's
/// origin, else its `__file__`, else just its name.
pub fn module_repr(vm: &mut Vm, m: Value) -> PyResult<String> {
    let Some(d) = module_dict(vm, m) else {
        return Ok("<module '?'>".into());
    };
    let name = match dict::get_str(vm, d, "__name__")? {
        Some(n) => protocols::repr::str(vm, n)?,
        None => "?".into(),
    };
    if let Some(spec) = dict::get_str(vm, d, "__spec__")?.filter(|s| !s.is_none()) {
        vm.temps.push(spec);
        let r = spec_repr(vm, spec, &name);
        vm.temps.pop();
        if let Some(s) = r? {
            return Ok(s);
        }
    }
    match dict::get_str(vm, d, "__file__")? {
        Some(f) => {
            let f = protocols::repr::str(vm, f)?;
            Ok(format!("<module '{name}' from '{f}'>"))
        }
        None => Ok(format!("<module '{name}'>")),
    }
}

fn spec_repr(vm: &mut Vm, spec: Value, name: &str) -> PyResult<Option<String>> {
    let origin_n = vm.intern("origin")?;
    let Some(origin) = protocols::attr::getattr_opt(vm, spec, origin_n)? else {
        return Ok(None);
    };
    if origin.is_none() {
        return Ok(None);
    }
    let origin = protocols::repr::str(vm, origin)?;
    let loc_n = vm.intern("has_location")?;
    let has_location = match protocols::attr::getattr_opt(vm, spec, loc_n)? {
        Some(v) => protocols::truth(vm, v)?,
        None => false,
    };
    Ok(Some(if has_location {
        format!("<module '{name}' from '{origin}'>")
    } else {
        format!("<module '{name}' ({origin})>")
    }))
}
