//! The async generator hooks of `sys` (CPython's Python/sysmodule.c
//! `sys_set_asyncgen_hooks`/`sys_get_asyncgen_hooks`), kept per thread in `Vm::asyncgen_hooks`:
//! https://docs.python.org/3.14/library/sys.html#sys.set_asyncgen_hooks

use protopy_objects::Value;

use crate::protocols;
use crate::thread::{PyResult, Vm};
use crate::types::argbind::Params;
use crate::types::{dict, function, module, sm, structseq, Args, NativeMethod};

const FIRSTITER: usize = 0;
const FINALIZER: usize = 1;
const HOOKS_TYPE: usize = 2;

/// `sys.set_asyncgen_hooks([firstiter] [, finalizer])`: each given hook must be callable or
/// None (which unsets it); a hook not given is kept.
fn set_asyncgen_hooks(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [firstiter, finalizer] = hook_args(vm, &args)?;
    for (hook, name) in [(finalizer, "finalizer"), (firstiter, "firstiter")] {
        if let Some(h) = hook.filter(|h| !h.is_none()) {
            if !protocols::call::is_callable(vm, h) {
                let t = vm.type_name(h);
                return Err(vm.type_error(&format!("callable {name} expected, got {t}")));
            }
        }
    }
    if let Some(f) = finalizer {
        vm.asyncgen_hooks[FINALIZER] = f;
    }
    if let Some(f) = firstiter {
        vm.asyncgen_hooks[FIRSTITER] = f;
    }
    Ok(Value::NONE)
}

/// The arguments as `PyArg_ParseTupleAndKeywords(args, kw, "|OO", ...)` reads them, with its
/// messages for a function it has no name for.
fn hook_args(vm: &mut Vm, args: &Args) -> PyResult<[Option<Value>; 2]> {
    const NAMES: [&str; 2] = ["firstiter", "finalizer"];
    let n = args.pos.len() + args.kw.len();
    if n > 2 {
        return Err(vm.type_error(&format!("function takes at most 2 arguments ({n} given)")));
    }
    let mut slots = [None, None];
    for (slot, &v) in slots.iter_mut().zip(&args.pos) {
        *slot = Some(v);
    }
    for &(k, v) in &args.kw {
        let key = vm.rust_str(k).unwrap_or_default();
        let Some(i) = NAMES.iter().position(|&name| name == key) else {
            return Err(vm.type_error(&format!(
                "this function got an unexpected keyword argument '{key}'"
            )));
        };
        if slots[i].is_some() {
            return Err(vm.type_error(&format!(
                "argument for function given by name ('{key}') and position ({})",
                i + 1
            )));
        }
        slots[i] = Some(v);
    }
    Ok(slots)
}

/// `sys.get_asyncgen_hooks()`: `asyncgen_hooks(firstiter=..., finalizer=...)`.
fn get_asyncgen_hooks(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "sys.get_asyncgen_hooks", 0, 0)?;
    let mut ty = vm.asyncgen_hooks[HOOKS_TYPE];
    if ty.is_null() {
        let h = structseq::new_type(
            vm,
            "builtins",
            "asyncgen_hooks",
            &["firstiter", "finalizer"],
        )?;
        ty = Value::from_handle(h);
        vm.asyncgen_hooks[HOOKS_TYPE] = ty;
    }
    let Some(h) = ty.as_handle() else {
        return Err(vm.type_error("asyncgen_hooks type"));
    };
    let items = vec![vm.asyncgen_hooks[FIRSTITER], vm.asyncgen_hooks[FINALIZER]];
    structseq::new_instance(vm, h, items)
}

/// Applies this thread's hooks to an async generator the first time it is iterated
/// (`async_gen_init_hooks`): records the finalizer and calls `firstiter(gen)`.
pub fn init_hooks(vm: &mut Vm, gen: Value) -> PyResult<()> {
    use std::sync::atomic::Ordering;
    let Some(g) = vm.opaque::<crate::eval::generator::GenData>(gen) else {
        return Ok(());
    };
    if g.hooks_inited.swap(true, Ordering::Relaxed) {
        return Ok(());
    }
    let finalizer = vm.asyncgen_hooks[FINALIZER];
    if !finalizer.is_none() {
        g.origin_or_finalizer.store(finalizer);
    }
    let firstiter = vm.asyncgen_hooks[FIRSTITER];
    if firstiter.is_none() {
        return Ok(());
    }
    vm.temps.push(firstiter);
    let r = protocols::call::call(vm, firstiter, Args::new(vec![gen]));
    vm.temps.pop();
    r.map(|_| ())
}

/// `sys.set_coroutine_origin_tracking_depth(depth)`: how many frames `cr_origin` records for
/// the coroutines this thread creates from now on (0: none).
fn set_coroutine_origin_tracking_depth(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = Params {
        func: "set_coroutine_origin_tracking_depth",
        names: &["depth"],
        posonly: 0,
        required: 1,
    }
    .bind(vm, &args, false)?;
    let depth = a[0].unwrap_or(Value::NONE);
    let n = match vm.int_of(depth) {
        Some(crate::numeric::Int::Small(n)) => n,
        Some(_) => {
            return Err(vm.new_error(
                crate::runtime::Ty::OverflowError,
                "Python int too large to convert to C int",
            ))
        }
        None => {
            let t = vm.type_name(depth);
            return Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")));
        }
    };
    if n < 0 {
        return Err(vm.value_error("depth must be >= 0"));
    }
    vm.coroutine_origin_depth = u32::try_from(n).map_err(|_| {
        vm.new_error(
            crate::runtime::Ty::OverflowError,
            "Python int too large to convert to C int",
        )
    })?;
    Ok(Value::NONE)
}

/// `sys.get_coroutine_origin_tracking_depth()`.
fn get_coroutine_origin_tracking_depth(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "sys.get_coroutine_origin_tracking_depth", 0, 0)?;
    vm.new_i64(i64::from(vm.coroutine_origin_depth))
}

pub const FUNCTIONS: &[NativeMethod] = &[
    sm(
        "set_asyncgen_hooks",
        set_asyncgen_hooks,
        "($module, /, firstiter=<unrepresentable>, finalizer=<unrepresentable>)",
    ),
    sm("get_asyncgen_hooks", get_asyncgen_hooks, "($module, /)"),
    sm(
        "set_coroutine_origin_tracking_depth",
        set_coroutine_origin_tracking_depth,
        "($module, /, depth)",
    ),
    sm(
        "get_coroutine_origin_tracking_depth",
        get_coroutine_origin_tracking_depth,
        "($module, /)",
    ),
];

/// Adds the functions to the `sys` module made by `sys::install`.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let m = *vm.rt.sys.lock();
    let Some(d) = vm.opaque::<module::Module>(m).map(|m| m.dict) else {
        return Ok(());
    };
    for meth in FUNCTIONS {
        let f = function::new_module_native(vm, meth, "sys")?;
        let k = vm.intern(meth.name)?;
        dict::set_item(vm, d, k, f)?;
    }
    Ok(())
}
