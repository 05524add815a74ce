//! The methods of `str` (CPython's Objects/unicodeobject.c method table), each a thin binding of
//! an algorithm in `text/` to Python arguments.
//! https://docs.python.org/3/library/stdtypes.html#string-methods

use protopy_compiler::pystr::PyStr;
use protopy_objects::Value;

use super::{m, Args, NativeMethod};
use crate::protocols;
use crate::runtime::Ty;
use crate::text::{self, error::TextError, index::Text, transform::StripSide};
use crate::thread::{PyErr, PyResult, Vm};

/// The receiver as text.
fn this(vm: &mut Vm, args: &Args) -> PyResult<PyStr> {
    match args.pos.first().and_then(|&v| vm.pystr(v)) {
        Some(s) => Ok(s),
        None => Err(vm.type_error("descriptor requires a 'str' object")),
    }
}

/// Argument `i` as text, with CPython's message naming the method.
fn str_arg(vm: &mut Vm, args: &Args, i: usize, what: &str) -> PyResult<PyStr> {
    let v = args.get(i).unwrap_or(Value::NONE);
    match vm.pystr(v) {
        Some(s) => Ok(s),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("{what} must be str, not {t}")))
        }
    }
}

/// Optional text argument `i` (`None` or absent: `None`).
fn opt_str(vm: &mut Vm, args: &Args, i: usize, what: &str) -> PyResult<Option<PyStr>> {
    match args.get(i) {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(_) => str_arg(vm, args, i, what).map(Some),
    }
}

fn text_err(vm: &mut Vm, e: TextError) -> PyErr {
    match e {
        TextError::Plain(kind, msg) => {
            let ty = match kind.name() {
                "TypeError" => Ty::TypeError,
                "IndexError" => Ty::IndexError,
                "OverflowError" => Ty::OverflowError,
                "MemoryError" => Ty::MemoryError,
                "LookupError" => Ty::LookupError,
                _ => Ty::ValueError,
            };
            vm.new_error(ty, &msg)
        }
        other => vm.value_error(&format!("{other:?}")),
    }
}

fn out(vm: &mut Vm, s: PyStr) -> PyResult<Value> {
    vm.new_pystr(&s)
}

fn opt_index(vm: &mut Vm, args: &Args, i: usize) -> PyResult<Option<isize>> {
    match args.get(i) {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => protocols::number::index_i64(vm, v).map(|n| Some(n as isize)),
    }
}

fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "join", 1, 1)?;
    let sep = this(vm, &args)?;
    let items = protocols::iter::collect(vm, args.pos[1])?;
    let mut parts = Vec::with_capacity(items.len());
    for (i, v) in items.into_iter().enumerate() {
        match vm.pystr(v) {
            Some(s) => parts.push(s),
            None => {
                let t = vm.type_name(v);
                return Err(vm.type_error(&format!(
                    "sequence item {i}: expected str instance, {t} found"
                )));
            }
        }
    }
    out(vm, text::transform::join(&sep, parts.iter()))
}

fn split_impl(vm: &mut Vm, mut args: Args, name: &str, right: bool) -> PyResult<Value> {
    let sep_kw = args.take_kw(vm, "sep");
    let max_kw = args.take_kw(vm, "maxsplit");
    if let Some(v) = sep_kw {
        args.pos.resize(args.pos.len().max(2), Value::NONE);
        args.pos[1] = v;
    }
    if let Some(v) = max_kw {
        args.pos.resize(args.pos.len().max(3), Value::NONE);
        args.pos[2] = v;
    }
    args.check_method(vm, name, 0, 2)?;
    let s = this(vm, &args)?;
    let sep = opt_str(vm, &args, 1, "sep")?;
    let max = opt_index(vm, &args, 2)?.unwrap_or(-1);
    let r = if right {
        text::split::rsplit(&s, sep.as_ref(), max)
    } else {
        text::split::split(&s, sep.as_ref(), max)
    };
    let parts = r.map_err(|e| text_err(vm, e))?;
    let mut vals = Vec::with_capacity(parts.len());
    let mark = vm.temps.len();
    for p in &parts {
        let v = vm.new_pystr(p)?;
        vm.temps.push(v);
        vals.push(v);
    }
    vm.temps.truncate(mark);
    vm.new_list(vals)
}

fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, args, "split", false)
}

fn rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, args, "rsplit", true)
}

fn strip_impl(vm: &mut Vm, args: Args, name: &str, side: StripSide) -> PyResult<Value> {
    args.check_method(vm, name, 0, 1)?;
    let s = this(vm, &args)?;
    let chars = opt_str(vm, &args, 1, &format!("{name} arg"))?;
    out(vm, text::transform::strip(&s, chars.as_ref(), side))
}

fn strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, "strip", StripSide::Both)
}

fn lstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, "lstrip", StripSide::Left)
}

fn rstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, "rstrip", StripSide::Right)
}

macro_rules! case_method {
    ($($name:ident),*) => {$(
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            args.check_method(vm, stringify!($name), 0, 0)?;
            let s = this(vm, &args)?;
            out(vm, text::case::$name(&s))
        }
    )*};
}
case_method!(upper, lower, title, capitalize, swapcase, casefold);

macro_rules! predicate_method {
    ($($name:ident),*) => {$(
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            args.check_method(vm, stringify!($name), 0, 0)?;
            let s = this(vm, &args)?;
            Ok(Value::from_bool(text::case::$name(&s)))
        }
    )*};
}
predicate_method!(
    isdigit,
    isalpha,
    isalnum,
    isspace,
    isupper,
    islower,
    isdecimal,
    isnumeric,
    isidentifier,
    istitle,
    isascii
);

fn replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "replace", 2, 3)?;
    let s = this(vm, &args)?;
    let old = str_arg(vm, &args, 1, "replace() argument 1")?;
    let new = str_arg(vm, &args, 2, "replace() argument 2")?;
    let count = opt_index(vm, &args, 3)?.unwrap_or(-1);
    let r = text::transform::replace(&s, &old, &new, count).map_err(|e| text_err(vm, e))?;
    out(vm, r)
}

fn affix(vm: &mut Vm, args: Args, name: &str, ends: bool) -> PyResult<Value> {
    args.check_method(vm, name, 1, 3)?;
    let s = this(vm, &args)?;
    let (start, end) = (opt_index(vm, &args, 2)?, opt_index(vm, &args, 3)?);
    let arg = args.pos[1];
    let cands = match vm.tuple_items(arg) {
        Some(t) => t.to_vec(),
        None => vec![arg],
    };
    for c in cands {
        let Some(p) = vm.pystr(c) else {
            let t = vm.type_name(c);
            return Err(vm.type_error(&format!(
                "{name} first arg must be str or a tuple of str, not {t}"
            )));
        };
        let hit = if ends {
            text::search::endswith(Text::new(&s), &p, start, end)
        } else {
            text::search::startswith(Text::new(&s), &p, start, end)
        };
        if hit {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, args, "startswith", false)
}

fn endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, args, "endswith", true)
}

fn find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "find", 1, 3)?;
    let s = this(vm, &args)?;
    let sub = str_arg(vm, &args, 1, "must be str, not")?;
    let (start, end) = (opt_index(vm, &args, 2)?, opt_index(vm, &args, 3)?);
    vm.new_i64(text::search::find(Text::new(&s), &sub, start, end) as i64)
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "count", 1, 3)?;
    let s = this(vm, &args)?;
    let sub = str_arg(vm, &args, 1, "must be str, not")?;
    let (start, end) = (opt_index(vm, &args, 2)?, opt_index(vm, &args, 3)?);
    vm.new_usize(text::search::count(Text::new(&s), &sub, start, end))
}

pub const METHODS: &[NativeMethod] = &[
    m("capitalize", capitalize, "($self, /)"),
    m("casefold", casefold, "($self, /)"),
    m("count", count, ""),
    m("endswith", endswith, ""),
    m("find", find, ""),
    m("isalnum", isalnum, "($self, /)"),
    m("isalpha", isalpha, "($self, /)"),
    m("isascii", isascii, "($self, /)"),
    m("isdecimal", isdecimal, "($self, /)"),
    m("isdigit", isdigit, "($self, /)"),
    m("isidentifier", isidentifier, "($self, /)"),
    m("islower", islower, "($self, /)"),
    m("isnumeric", isnumeric, "($self, /)"),
    m("isspace", isspace, "($self, /)"),
    m("istitle", istitle, "($self, /)"),
    m("isupper", isupper, "($self, /)"),
    m("join", join, "($self, iterable, /)"),
    m("lower", lower, "($self, /)"),
    m("lstrip", lstrip, "($self, chars=None, /)"),
    m("replace", replace, "($self, old, new, /, count=-1)"),
    m("rsplit", rsplit, "($self, /, sep=None, maxsplit=-1)"),
    m("rstrip", rstrip, "($self, chars=None, /)"),
    m("split", split, "($self, /, sep=None, maxsplit=-1)"),
    m("startswith", startswith, ""),
    m("strip", strip, "($self, chars=None, /)"),
    m("swapcase", swapcase, "($self, /)"),
    m("title", title, "($self, /)"),
    m("upper", upper, "($self, /)"),
];
