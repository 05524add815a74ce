//! The constant attributes of `sys` (CPython's Python/sysmodule.c `_PySys_InitCore`):
//! `version_info`, `float_info`, `int_info`, `hash_info`, `flags` and `implementation` as
//! struct sequences, and `maxsize`, `maxunicode`, `byteorder`, `platform`, `version`, ...

use protopy_objects::Value;

use super::native_module::set_attr;
use crate::numeric;
use crate::thread::{PyResult, Vm};
use crate::types::structseq;

/// The CPython version protopy implements.
const VERSION: (i64, i64, i64) = (3, 14, 0);

fn int(vm: &Vm, n: i64) -> PyResult<Value> {
    vm.new_i64(n)
}

/// Makes struct sequence `sys.name` from `(field, value)` pairs and sets it on the module.
fn struct_attr(
    vm: &mut Vm,
    d: Value,
    name: &'static str,
    type_name: &str,
    items: Vec<(&'static str, Value)>,
) -> PyResult<Value> {
    let mark = vm.temps.len();
    vm.temps.extend(items.iter().map(|&(_, v)| v));
    let r = (|| {
        let fields: Vec<&'static str> = items.iter().map(|&(f, _)| f).collect();
        let ty = structseq::new_type(vm, "sys", type_name, &fields)?;
        vm.temps.push(Value::from_handle(ty));
        let v = structseq::new_instance(vm, ty, items.iter().map(|&(_, v)| v).collect())?;
        set_attr(vm, d, name, v)?;
        Ok(v)
    })();
    vm.temps.truncate(mark);
    r
}

pub fn install(vm: &mut Vm, d: Value) -> PyResult<()> {
    let (major, minor, micro) = VERSION;
    let final_ = vm.new_str("final")?;
    vm.temps.push(final_);
    let vi = struct_attr(
        vm,
        d,
        "version_info",
        "version_info",
        vec![
            ("major", int(vm, major)?),
            ("minor", int(vm, minor)?),
            ("micro", int(vm, micro)?),
            ("releaselevel", final_),
            ("serial", int(vm, 0)?),
        ],
    )?;
    vm.temps.pop();
    vm.temps.push(vi);
    let version = format!("{major}.{minor}.{micro} (protopy)");
    let v = vm.new_str(&version)?;
    set_attr(vm, d, "version", v)?;
    let hexversion = (major << 24) | (minor << 16) | (micro << 8) | 0xF0;
    let v = int(vm, hexversion)?;
    set_attr(vm, d, "hexversion", v)?;
    let f = Value::from_f64;
    struct_attr(
        vm,
        d,
        "float_info",
        "float_info",
        vec![
            ("max", f(f64::MAX)),
            ("max_exp", int(vm, f64::MAX_EXP as i64)?),
            ("max_10_exp", int(vm, f64::MAX_10_EXP as i64)?),
            ("min", f(f64::MIN_POSITIVE)),
            ("min_exp", int(vm, f64::MIN_EXP as i64)?),
            ("min_10_exp", int(vm, f64::MIN_10_EXP as i64)?),
            ("dig", int(vm, f64::DIGITS as i64)?),
            ("mant_dig", int(vm, f64::MANTISSA_DIGITS as i64)?),
            ("epsilon", f(f64::EPSILON)),
            ("radix", int(vm, f64::RADIX as i64)?),
            ("rounds", int(vm, 1)?),
        ],
    )?;
    struct_attr(
        vm,
        d,
        "int_info",
        "int_info",
        vec![
            ("bits_per_digit", int(vm, 30)?),
            ("sizeof_digit", int(vm, 4)?),
            (
                "default_max_str_digits",
                int(vm, numeric::DEFAULT_MAX_STR_DIGITS as i64)?,
            ),
            ("str_digits_check_threshold", int(vm, 640)?),
        ],
    )?;
    let algorithm = vm.new_str("siphash13")?;
    vm.temps.push(algorithm);
    struct_attr(
        vm,
        d,
        "hash_info",
        "hash_info",
        vec![
            ("width", int(vm, 64)?),
            ("modulus", int(vm, numeric::HASH_MODULUS as i64)?),
            ("inf", int(vm, numeric::HASH_INF)?),
            ("nan", int(vm, 0)?),
            ("imag", int(vm, numeric::HASH_IMAG)?),
            ("algorithm", algorithm),
            ("hash_bits", int(vm, 64)?),
            ("seed_bits", int(vm, 128)?),
            ("cutoff", int(vm, 0)?),
        ],
    )?;
    vm.temps.pop();
    let zero = int(vm, 0)?;
    let flags: Vec<(&'static str, Value)> = vec![
        ("debug", zero),
        ("inspect", zero),
        ("interactive", zero),
        ("optimize", zero),
        ("dont_write_bytecode", zero),
        ("no_user_site", zero),
        ("no_site", zero),
        ("ignore_environment", zero),
        ("verbose", zero),
        ("bytes_warning", zero),
        ("quiet", zero),
        ("hash_randomization", int(vm, 1)?),
        ("isolated", zero),
        ("dev_mode", Value::FALSE),
        ("utf8_mode", zero),
        ("warn_default_encoding", zero),
        ("safe_path", Value::FALSE),
        (
            "int_max_str_digits",
            int(vm, numeric::DEFAULT_MAX_STR_DIGITS as i64)?,
        ),
    ];
    struct_attr(vm, d, "flags", "flags", flags)?;
    let name = vm.new_str("protopy")?;
    vm.temps.push(name);
    let tag = vm.new_str(&format!("protopy-{major}{minor}"))?;
    vm.temps.push(tag);
    struct_attr(
        vm,
        d,
        "implementation",
        "implementation",
        vec![
            ("name", name),
            ("cache_tag", tag),
            ("version", vi),
            ("hexversion", int(vm, hexversion)?),
        ],
    )?;
    vm.temps.truncate(vm.temps.len() - 3);
    let v = int(vm, i64::MAX)?;
    set_attr(vm, d, "maxsize", v)?;
    let v = int(vm, 0x10FFFF)?;
    set_attr(vm, d, "maxunicode", v)?;
    let order = if cfg!(target_endian = "little") {
        "little"
    } else {
        "big"
    };
    for (k, s) in [
        ("byteorder", order),
        ("platform", std::env::consts::OS),
        ("float_repr_style", "short"),
    ] {
        let v = vm.new_str(s)?;
        set_attr(vm, d, k, v)?;
    }
    let modules = vm.rt.sys_modules;
    set_attr(vm, d, "modules", modules)?;
    let path = vm.rt.config.lock().path.clone();
    let mut items = Vec::with_capacity(path.len());
    let mark = vm.temps.len();
    for p in &path {
        let s = vm.new_str(p)?;
        vm.temps.push(s);
        items.push(s);
    }
    let l = vm.new_list(items);
    vm.temps.truncate(mark);
    set_attr(vm, d, "path", l?)
}

/// `sys.builtin_module_names`: the sorted names of the modules compiled in (those in
/// `sys.modules` once the native modules are installed, and `builtins`).
pub fn set_builtin_module_names(vm: &mut Vm) -> PyResult<()> {
    let modules = vm.rt.sys_modules;
    let mut names: Vec<String> = crate::types::dict::items(vm, modules)
        .into_iter()
        .filter_map(|(k, _)| vm.rust_str(k))
        .collect();
    names.push("builtins".into());
    names.sort();
    names.dedup();
    let mut items = Vec::with_capacity(names.len());
    for n in &names {
        items.push(vm.intern(n)?);
    }
    let t = vm.new_tuple(items)?;
    let sys = *vm.rt.sys.lock();
    let d = vm
        .opaque::<crate::types::module::Module>(sys)
        .map(|m| m.dict)
        .unwrap_or(Value::NONE);
    set_attr(vm, d, "builtin_module_names", t)
}
