//! A minimal native `os` module (CPython's Modules/posixmodule.c) with the `os.path` functions
//! the interpreter's programs need (Lib/posixpath.py): `getpid`, `getcwd`, `remove`/`unlink`,
//! `path.join`, `path.exists`, `path.isfile`, `path.isdir`, `path.basename`, `path.dirname`.
//! CPython's own `os.py` needs more of the runtime than protopy has yet.
//! https://docs.python.org/3/library/os.html

use protopy_objects::Value;

use super::io::os_error;
use crate::thread::{PyResult, Vm};
use crate::types::{dict, function, module, sm, Args, NativeMethod};

/// A path argument: a str (os.PathLike is not supported yet).
fn path_arg(vm: &mut Vm, func: &str, v: Value) -> PyResult<String> {
    match vm.rust_str(v) {
        Some(s) => Ok(s),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!(
                "{func}: path should be string, bytes or os.PathLike, not {t}"
            )))
        }
    }
}

fn getpid(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "getpid", 0, 0)?;
    vm.new_i64(i64::from(std::process::id()))
}

fn getcwd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "getcwd", 0, 0)?;
    match std::env::current_dir() {
        Ok(d) => vm.new_str(&d.display().to_string()),
        Err(e) => Err(os_error(vm, &e, None)),
    }
}

/// `os.remove(path)` / `os.unlink(path)`.
fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "remove", 1, 1)?;
    let p = path_arg(vm, "remove", args.pos[0])?;
    match std::fs::remove_file(&p) {
        Ok(()) => Ok(Value::NONE),
        Err(e) => Err(os_error(vm, &e, Some(args.pos[0]))),
    }
}

const FUNCTIONS: &[NativeMethod] = &[
    sm("getcwd", getcwd, "($module, /)"),
    sm("getpid", getpid, "($module, /)"),
    sm("remove", remove, "($module, /, path, *, dir_fd=None)"),
    sm("unlink", remove, "($module, /, path, *, dir_fd=None)"),
];

/// `os.path.join(a, *p)`.
fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.is_empty() {
        return Err(vm.type_error("join() missing 1 required positional argument: 'a'"));
    }
    let mut out = String::new();
    for &v in &args.pos {
        let Some(part) = vm.rust_str(v) else {
            let t = vm.type_name(v);
            return Err(vm.type_error(&format!(
                "join() argument must be str, bytes, or os.PathLike object, not '{t}'"
            )));
        };
        if part.starts_with('/') {
            out = part;
        } else if out.is_empty() || out.ends_with('/') {
            out.push_str(&part);
        } else {
            out.push('/');
            out.push_str(&part);
        }
    }
    vm.new_str(&out)
}

fn test_path(
    vm: &mut Vm,
    args: Args,
    name: &str,
    f: fn(&std::path::Path) -> bool,
) -> PyResult<Value> {
    args.check(vm, name, 1, 1)?;
    let r = vm
        .rust_str(args.pos[0])
        .is_some_and(|p| f(std::path::Path::new(&p)));
    Ok(Value::from_bool(r))
}

fn exists(vm: &mut Vm, args: Args) -> PyResult<Value> {
    test_path(vm, args, "exists", |p| p.exists())
}

fn isfile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    test_path(vm, args, "isfile", |p| p.is_file())
}

fn isdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    test_path(vm, args, "isdir", |p| p.is_dir())
}

fn split_last(vm: &mut Vm, args: Args, name: &str, head: bool) -> PyResult<Value> {
    args.check(vm, name, 1, 1)?;
    let p = path_arg(vm, name, args.pos[0])?;
    let i = p.rfind('/').map_or(0, |i| i + 1);
    if head {
        let h = &p[..i];
        let trimmed = h.trim_end_matches('/');
        vm.new_str(if trimmed.is_empty() { h } else { trimmed })
    } else {
        vm.new_str(&p[i..])
    }
}

fn basename(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_last(vm, args, "basename", false)
}

fn dirname(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_last(vm, args, "dirname", true)
}

const PATH_FUNCTIONS: &[NativeMethod] = &[
    sm("basename", basename, "($module, p, /)"),
    sm("dirname", dirname, "($module, p, /)"),
    sm("exists", exists, "($module, path, /)"),
    sm("isdir", isdir, "($module, s, /)"),
    sm("isfile", isfile, "($module, path, /)"),
    sm("join", join, "($module, a, /, *p)"),
];

fn make(vm: &mut Vm, name: &str, funcs: &[NativeMethod]) -> PyResult<Value> {
    let m = module::new_module(vm, name)?;
    vm.temps.push(m);
    let d = vm
        .opaque::<module::Module>(m)
        .map(|m| m.dict)
        .unwrap_or(Value::NONE);
    let r = (|| {
        for meth in funcs {
            let f = function::new_module_native(vm, meth, "posix")?;
            dict::set_str(vm, d, meth.name, f)?;
        }
        Ok(m)
    })();
    vm.temps.pop();
    r
}

/// Makes `os` and `os.path` (`posixpath`) and registers them in `sys.modules`.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let os = make(vm, "os", FUNCTIONS)?;
    let mark = vm.temps.len();
    vm.temps.push(os);
    let r = (|| {
        let path = make(vm, "posixpath", PATH_FUNCTIONS)?;
        vm.temps.push(path);
        let d = vm
            .opaque::<module::Module>(os)
            .map(|m| m.dict)
            .unwrap_or(Value::NONE);
        dict::set_str(vm, d, "path", path)?;
        let sep = vm.new_str("/")?;
        dict::set_str(vm, d, "sep", sep)?;
        let ls = vm.new_str("\n")?;
        dict::set_str(vm, d, "linesep", ls)?;
        let n = vm.new_str("posix")?;
        dict::set_str(vm, d, "name", n)?;
        let mods = vm.rt.sys_modules;
        dict::set_str(vm, mods, "os", os)?;
        dict::set_str(vm, mods, "posixpath", path)?;
        dict::set_str(vm, mods, "os.path", path)
    })();
    vm.temps.truncate(mark);
    r
}
