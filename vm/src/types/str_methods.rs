//! The methods of `str` (CPython's Objects/unicodeobject.c method table), each a thin binding of
//! an algorithm in `text/` to Python arguments.
//! https://docs.python.org/3/library/stdtypes.html#string-methods

use protopy_compiler::pystr::PyStr;
use protopy_objects::Value;

use super::argbind::bind;
use super::slicing::opt_bound;
use super::{m, Args, NativeMethod};
use crate::protocols;
use crate::runtime::Ty;
use crate::text::{self, error::TextError, index::Text, transform::StripSide};
use crate::thread::{PyErr, PyResult, Vm};

/// The receiver as text.
pub fn this(vm: &mut Vm, args: &Args) -> PyResult<PyStr> {
    match args.pos.first().and_then(|&v| vm.pystr(v)) {
        Some(s) => Ok(s),
        None => {
            let t = args
                .pos
                .first()
                .map(|&v| vm.type_name(v))
                .unwrap_or_else(|| "nothing".into());
            Err(vm.type_error(&format!(
                "descriptor requires a 'str' object but received a '{t}'"
            )))
        }
    }
}

/// A value as text, or `TypeError: {what} must be str, not T`.
pub fn want_str(vm: &mut Vm, v: Value, what: &str) -> PyResult<PyStr> {
    match vm.pystr(v) {
        Some(s) => Ok(s),
        None => {
            let t = arg_type_name(vm, v);
            Err(vm.type_error(&format!("{what} must be str, not {t}")))
        }
    }
}

/// The type name CPython's argument errors show (`None` for None).
pub fn arg_type_name(vm: &Vm, v: Value) -> String {
    if v.is_none() {
        "None".into()
    } else {
        vm.type_name(v)
    }
}

/// Turns a [`TextError`] into the Python exception it names.
pub fn text_err(vm: &mut Vm, e: TextError) -> PyErr {
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
        other => super::str_codec::unicode_error(vm, other),
    }
}

fn out(vm: &mut Vm, s: PyStr) -> PyResult<Value> {
    vm.new_pystr(&s)
}

/// An integer argument (`__index__`) as `isize`.
pub fn isize_arg(vm: &mut Vm, v: Value) -> PyResult<isize> {
    match protocols::number::index(vm, v)? {
        crate::numeric::Int::Small(n) => Ok(n as isize),
        crate::numeric::Int::Big(_) => Err(vm.new_error(
            Ty::OverflowError,
            "Python int too large to convert to C ssize_t",
        )),
    }
}

fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "join", 1, 1)?;
    if let Some(r) = super::str_fast::join(vm, args.pos[0], args.pos[1]) {
        return r;
    }
    let sep = this(vm, &args)?;
    let items = match protocols::iter::collect(vm, args.pos[1]) {
        Ok(items) => items,
        Err(e) if vm.err_is(&e, Ty::TypeError) && !is_iterable(vm, args.pos[1]) => {
            return Err(vm.type_error("can only join an iterable"))
        }
        Err(e) => return Err(e),
    };
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

/// Whether `iter(v)` could work (for `join`'s message).
pub fn is_iterable(vm: &mut Vm, v: Value) -> bool {
    if crate::types::iter::native_iter(vm, v)
        .ok()
        .flatten()
        .is_some()
    {
        return true;
    }
    let ty = vm.type_of(v);
    ["__iter__", "__getitem__"].iter().any(|n| {
        vm.intern(n)
            .ok()
            .is_some_and(|n| super::typeobj::lookup(vm, ty, n).is_some())
    })
}

fn split_impl(vm: &mut Vm, args: Args, name: &str, right: bool) -> PyResult<Value> {
    let a = bind(vm, &args, name, &["sep", "maxsplit"], 0, 0)?;
    // `maxsplit` is converted first and the separator's type checked after, as CPython's
    // argument clinic (sep is a plain object there) does.
    let max = match a[1] {
        Some(v) => isize_arg(vm, v)?,
        None => -1,
    };
    if let Some(v) = a[0].filter(|v| !v.is_none() && vm.str_data(*v).is_none()) {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!("must be str or None, not {t}")));
    }
    if !right {
        if let (Some(&s), Some(sep)) = (args.pos.first(), a[0].filter(|v| !v.is_none())) {
            if let Some(r) = super::str_fast::split(vm, s, sep, max) {
                return r;
            }
        }
    }
    let s = this(vm, &args)?;
    let sep = a[0].filter(|v| !v.is_none()).and_then(|v| vm.pystr(v));
    let r = if right {
        text::split::rsplit(&s, sep.as_ref(), max)
    } else {
        text::split::split(&s, sep.as_ref(), max)
    };
    let parts = r.map_err(|e| text_err(vm, e))?;
    str_list(vm, &parts)
}

/// A list of new strs.
pub fn str_list(vm: &mut Vm, parts: &[PyStr]) -> PyResult<Value> {
    let mut vals = Vec::with_capacity(parts.len());
    let mark = vm.temps.len();
    for p in parts {
        match vm.new_pystr(p) {
            Ok(v) => {
                vm.temps.push(v);
                vals.push(v);
            }
            Err(e) => {
                vm.temps.truncate(mark);
                return Err(e);
            }
        }
    }
    let r = vm.new_list(vals);
    vm.temps.truncate(mark);
    r
}

fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, args, "split", false)
}

fn rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, args, "rsplit", true)
}

fn splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind(vm, &args, "splitlines", &["keepends"], 0, 0)?;
    let s = this(vm, &args)?;
    let keep = match a[0] {
        Some(v) => protocols::truth(vm, v)?,
        None => false,
    };
    str_list(vm, &text::split::splitlines(&s, keep))
}

fn strip_impl(vm: &mut Vm, args: Args, name: &str, side: StripSide) -> PyResult<Value> {
    args.check_method(vm, name, 0, 1)?;
    let s = this(vm, &args)?;
    let chars = match args.get(1) {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) => match vm.pystr(v) {
            Some(c) => Some(c),
            None => return Err(vm.type_error(&format!("{name} arg must be None or str"))),
        },
    };
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
    isascii,
    isprintable
);

fn replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind(vm, &args, "replace", &["old", "new", "count"], 2, 2)?;
    let s = this(vm, &args)?;
    let old = want_str(vm, a[0].unwrap_or(Value::NONE), "replace() argument 1")?;
    let new = want_str(vm, a[1].unwrap_or(Value::NONE), "replace() argument 2")?;
    let count = match a[2] {
        Some(v) => isize_arg(vm, v)?,
        None => -1,
    };
    let r = text::transform::replace(&s, &old, &new, count).map_err(|e| text_err(vm, e))?;
    out(vm, r)
}

fn affix(vm: &mut Vm, args: Args, name: &str, ends: bool) -> PyResult<Value> {
    args.check_method(vm, name, 1, 3)?;
    let s = this(vm, &args)?;
    let start = opt_bound(vm, args.get(2))?;
    let end = opt_bound(vm, args.get(3))?;
    let arg = args.pos[1];
    let (cands, tuple) = match vm.tuple_items(arg) {
        Some(t) => (t.to_vec(), true),
        None => (vec![arg], false),
    };
    for c in cands {
        let Some(p) = vm.pystr(c) else {
            let t = vm.type_name(c);
            return Err(vm.type_error(&if tuple {
                format!("tuple for {name} must only contain str, not {t}")
            } else {
                format!("{name} first arg must be str or a tuple of str, not {t}")
            }));
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

/// The `(sub, start, end)` of `find` and friends.
fn search_args(
    vm: &mut Vm,
    args: &Args,
    name: &str,
) -> PyResult<(PyStr, PyStr, Option<isize>, Option<isize>)> {
    args.check_method(vm, name, 1, 3)?;
    let s = this(vm, args)?;
    let sub = want_str(vm, args.pos[1], &format!("{name}() argument 1"))?;
    let start = opt_bound(vm, args.get(2))?;
    let end = opt_bound(vm, args.get(3))?;
    Ok((s, sub, start, end))
}

fn find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, sub, start, end) = search_args(vm, &args, "find")?;
    vm.new_i64(text::search::find(Text::new(&s), &sub, start, end) as i64)
}

fn rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, sub, start, end) = search_args(vm, &args, "rfind")?;
    vm.new_i64(text::search::rfind(Text::new(&s), &sub, start, end) as i64)
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, sub, start, end) = search_args(vm, &args, "index")?;
    let r = text::search::index(Text::new(&s), &sub, start, end).map_err(|e| text_err(vm, e))?;
    vm.new_usize(r)
}

fn rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, sub, start, end) = search_args(vm, &args, "rindex")?;
    let r = text::search::rindex(Text::new(&s), &sub, start, end).map_err(|e| text_err(vm, e))?;
    vm.new_usize(r)
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, sub, start, end) = search_args(vm, &args, "count")?;
    vm.new_usize(text::search::count(Text::new(&s), &sub, start, end))
}

/// `center`, `ljust`, `rjust`: `(width, fillchar=' ', /)`.
fn justify(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    args.check_method(vm, name, 1, 2)?;
    let s = this(vm, &args)?;
    let width = isize_arg(vm, args.pos[1])?;
    let fill = match args.get(2) {
        None => u32::from(' '),
        Some(v) => match vm.pystr(v) {
            Some(f) => {
                let mut cps = f.code_points();
                match (cps.next(), cps.next()) {
                    (Some(c), None) => c,
                    _ => {
                        return Err(
                            vm.type_error("The fill character must be exactly one character long")
                        )
                    }
                }
            }
            None => {
                let t = vm.type_name(v);
                return Err(vm.type_error(&format!(
                    "{name}() argument 2 must be a unicode character, not {t}"
                )));
            }
        },
    };
    let r = match name {
        "center" => text::transform::center(&s, width, fill),
        "ljust" => text::transform::ljust(&s, width, fill),
        _ => text::transform::rjust(&s, width, fill),
    };
    let r = r.map_err(|e| text_err(vm, e))?;
    out(vm, r)
}

fn center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    justify(vm, args, "center")
}

fn ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    justify(vm, args, "ljust")
}

fn rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    justify(vm, args, "rjust")
}

fn zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "zfill", 1, 1)?;
    let s = this(vm, &args)?;
    let width = isize_arg(vm, args.pos[1])?;
    let r = text::transform::zfill(&s, width).map_err(|e| text_err(vm, e))?;
    out(vm, r)
}

fn expandtabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind(vm, &args, "expandtabs", &["tabsize"], 0, 0)?;
    let s = this(vm, &args)?;
    let tabsize = match a[0] {
        Some(v) => isize_arg(vm, v)?,
        None => 8,
    };
    let r = text::transform::expandtabs(&s, tabsize).map_err(|e| text_err(vm, e))?;
    out(vm, r)
}

fn partition_impl(vm: &mut Vm, args: Args, name: &str, right: bool) -> PyResult<Value> {
    args.check_method(vm, name, 1, 1)?;
    let s = this(vm, &args)?;
    let Some(sep) = vm.pystr(args.pos[1]) else {
        let t = vm.type_name(args.pos[1]);
        return Err(vm.type_error(&format!("must be str, not {t}")));
    };
    let r = if right {
        text::split::rpartition(&s, &sep)
    } else {
        text::split::partition(&s, &sep)
    };
    let parts = r.map_err(|e| text_err(vm, e))?;
    let mark = vm.temps.len();
    let mut vals = Vec::with_capacity(3);
    for p in &parts {
        match vm.new_pystr(p) {
            Ok(v) => {
                vm.temps.push(v);
                vals.push(v);
            }
            Err(e) => {
                vm.temps.truncate(mark);
                return Err(e);
            }
        }
    }
    let r = vm.new_tuple(vals);
    vm.temps.truncate(mark);
    r
}

fn partition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, args, "partition", false)
}

fn rpartition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, args, "rpartition", true)
}

fn affix_remove(vm: &mut Vm, args: Args, name: &str, suffix: bool) -> PyResult<Value> {
    args.check_method(vm, name, 1, 1)?;
    let s = this(vm, &args)?;
    let a = want_str(vm, args.pos[1], &format!("{name}() argument"))?;
    let r = if suffix {
        text::transform::removesuffix(&s, &a)
    } else {
        text::transform::removeprefix(&s, &a)
    };
    out(vm, r)
}

fn removeprefix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix_remove(vm, args, "removeprefix", false)
}

fn removesuffix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix_remove(vm, args, "removesuffix", true)
}

pub const METHODS: &[NativeMethod] = &[
    m("capitalize", capitalize, "($self, /)"),
    m("casefold", casefold, "($self, /)"),
    m("center", center, "($self, width, fillchar=' ', /)"),
    m("count", count, ""),
    m("endswith", endswith, ""),
    m("expandtabs", expandtabs, "($self, /, tabsize=8)"),
    m("find", find, ""),
    m("index", index, ""),
    m("isalnum", isalnum, "($self, /)"),
    m("isalpha", isalpha, "($self, /)"),
    m("isascii", isascii, "($self, /)"),
    m("isdecimal", isdecimal, "($self, /)"),
    m("isdigit", isdigit, "($self, /)"),
    m("isidentifier", isidentifier, "($self, /)"),
    m("islower", islower, "($self, /)"),
    m("isnumeric", isnumeric, "($self, /)"),
    m("isprintable", isprintable, "($self, /)"),
    m("isspace", isspace, "($self, /)"),
    m("istitle", istitle, "($self, /)"),
    m("isupper", isupper, "($self, /)"),
    m("join", join, "($self, iterable, /)"),
    m("ljust", ljust, "($self, width, fillchar=' ', /)"),
    m("lower", lower, "($self, /)"),
    m("lstrip", lstrip, "($self, chars=None, /)"),
    m("partition", partition, "($self, sep, /)"),
    m("removeprefix", removeprefix, "($self, prefix, /)"),
    m("removesuffix", removesuffix, "($self, suffix, /)"),
    m("replace", replace, "($self, old, new, /, count=-1)"),
    m("rfind", rfind, ""),
    m("rindex", rindex, ""),
    m("rjust", rjust, "($self, width, fillchar=' ', /)"),
    m("rpartition", rpartition, "($self, sep, /)"),
    m("rsplit", rsplit, "($self, /, sep=None, maxsplit=-1)"),
    m("rstrip", rstrip, "($self, chars=None, /)"),
    m("split", split, "($self, /, sep=None, maxsplit=-1)"),
    m("splitlines", splitlines, "($self, /, keepends=False)"),
    m("startswith", startswith, ""),
    m("strip", strip, "($self, chars=None, /)"),
    m("swapcase", swapcase, "($self, /)"),
    m("title", title, "($self, /)"),
    m("upper", upper, "($self, /)"),
    m("zfill", zfill, "($self, width, /)"),
];
