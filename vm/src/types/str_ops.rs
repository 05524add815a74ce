//! The operators and formatting methods of `str` (CPython's Objects/unicodeobject.c:
//! `unicode_subscript`, `unicode_concat`, `unicode_repeat`, `unicode_mod`, `str.format`,
//! `str.format_map`, `str.maketrans`, `str.translate`) and the `ascii()` builtin
//! (Python/bltinmodule.c `builtin_ascii`). The engines are in `format/` and `text/`.

use protopy_compiler::pystr::PyStr;
use protopy_objects::Value;

use super::slicing;
use super::str_methods::{text_err, this};
use super::{Args, NativeMethod};
use crate::format::fields::{self, FieldConversion, FormatArgs};
use crate::format::FormatError;
use crate::protocols;
use crate::runtime::Ty;
use crate::text::{self, Text};
use crate::thread::{PyErr, PyResult, Vm};

/// `ascii(v)`: `repr(v)` with every non-ASCII character escaped.
pub fn ascii_of(vm: &mut Vm, v: Value) -> PyResult<String> {
    let r = protocols::repr::repr(vm, v)?;
    Ok(escape_non_ascii(&r))
}

/// Escapes the non-ASCII characters of a repr as `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
pub fn escape_non_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let cp = c as u32;
        if cp < 0x80 {
            out.push(c);
        } else if cp < 0x100 {
            out.push_str(&format!("\\x{cp:02x}"));
        } else if cp < 0x10000 {
            out.push_str(&format!("\\u{cp:04x}"));
        } else {
            out.push_str(&format!("\\U{cp:08x}"));
        }
    }
    out
}

/// The builtin `ascii(obj)`: https://docs.python.org/3/library/functions.html#ascii
pub fn builtin_ascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "ascii", 1, 1)?;
    let s = ascii_of(vm, args.pos[0])?;
    vm.new_str(&s)
}

/// `str[key]` for an int or slice key.
pub fn getitem(vm: &mut Vm, s: Value, key: Value) -> PyResult<Value> {
    let Some(text) = vm.pystr(s) else {
        return Err(vm.type_error("descriptor '__getitem__' requires a 'str' object"));
    };
    if slicing::is_slice(vm, key) {
        let len = text.len();
        let si = slicing::indices(vm, key, len)?;
        if si.step == 1 && si.len == len {
            return Ok(s);
        }
        let r = text::get_slice(Text::with_len(&text, len), si);
        return vm.new_pystr(&r);
    }
    if !slicing::is_index(vm, key)? {
        let t = vm.type_name(key);
        return Err(vm.type_error(&format!("string indices must be integers, not '{t}'")));
    }
    let i = match protocols::number::index(vm, key)? {
        crate::numeric::Int::Small(n) => n as isize,
        crate::numeric::Int::Big(_) => {
            let t = vm.type_name(key);
            return Err(vm.index_error(&format!("cannot fit '{t}' into an index-sized integer")));
        }
    };
    let cp = text::get_item(Text::new(&text), i).map_err(|e| text_err(vm, e))?;
    let mut b = Vec::with_capacity(4);
    super::str::push_code_point(&mut b, cp);
    super::str::new_from_bytes(vm, b)
}

fn arg1(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(Value, Value)> {
    args.check_method(vm, name, 1, 1)?;
    this(vm, args)?;
    Ok((args.pos[0], args.pos[1]))
}

fn dunder_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, k) = arg1(vm, &args, "__getitem__")?;
    getitem(vm, s, k)
}

fn dunder_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, o) = arg1(vm, &args, "__add__")?;
    if vm.str_data(o).is_none() {
        let t = vm.type_name(o);
        return Err(vm.type_error(&format!("can only concatenate str (not \"{t}\") to str")));
    }
    protocols::number::binary_op(vm, s, o, 0)
}

fn dunder_mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, n) = arg1(vm, &args, "__mul__")?;
    repeat(vm, s, n)
}

/// `str * n`.
pub fn repeat(vm: &mut Vm, s: Value, n: Value) -> PyResult<Value> {
    let n = super::str_methods::isize_arg(vm, n)?;
    let text = vm.pystr(s).unwrap_or_default();
    if n <= 0 || text.is_empty() {
        return vm.intern("");
    }
    if n == 1 {
        return Ok(s);
    }
    let r = text::transform::repeat(&text, n).map_err(|e| text_err(vm, e))?;
    vm.new_pystr(&r)
}

fn dunder_mod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, a) = arg1(vm, &args, "__mod__")?;
    super::str::percent_format(vm, s, a)
}

fn dunder_rmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__rmod__", 1, 1)?;
    Ok(Value::NOT_IMPLEMENTED)
}

fn dunder_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, x) = arg1(vm, &args, "__contains__")?;
    super::str::contains(vm, s, x).map(Value::from_bool)
}

fn dunder_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__len__", 0, 0)?;
    let s = this(vm, &args)?;
    vm.new_usize(s.len())
}

fn dunder_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__iter__", 0, 0)?;
    this(vm, &args)?;
    vm.new_opaque(Ty::StrIterator, super::iter::SeqIter::new(args.pos[0]))
}

fn dunder_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__str__", 0, 0)?;
    let s = this(vm, &args)?;
    if vm.is_exact(args.pos[0], Ty::Str) {
        return Ok(args.pos[0]);
    }
    vm.new_pystr(&s)
}

fn dunder_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__repr__", 0, 0)?;
    let s = this(vm, &args)?;
    vm.new_str(&protopy_compiler::literals::repr_str(&s))
}

fn dunder_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__hash__", 0, 0)?;
    this(vm, &args)?;
    let h = vm
        .str_data(args.pos[0])
        .map(protocols::strhash::hash_str)
        .unwrap_or(0);
    vm.new_i64(h)
}

fn dunder_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__format__", 1, 1)?;
    let s = this(vm, &args)?;
    let Some(spec) = vm.pystr(args.pos[1]) else {
        let t = vm.type_name(args.pos[1]);
        return Err(vm.type_error(&format!("__format__() argument must be str, not {t}")));
    };
    let r = crate::format::format_str(&s, &spec, "str").map_err(|e| format_err(vm, e))?;
    vm.new_pystr(&r)
}

fn dunder_getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__getnewargs__", 0, 0)?;
    let s = this(vm, &args)?;
    let v = vm.new_pystr(&s)?;
    vm.temps.push(v);
    let r = vm.new_tuple(vec![v]);
    vm.temps.pop();
    r
}

/// A [`FormatError`] as the exception it names.
pub fn format_err(vm: &mut Vm, e: FormatError) -> PyErr {
    let ty = match e.kind {
        crate::format::ErrorKind::TypeError => Ty::TypeError,
        crate::format::ErrorKind::OverflowError => Ty::OverflowError,
        crate::format::ErrorKind::IndexError => Ty::IndexError,
        crate::format::ErrorKind::MemoryError => Ty::MemoryError,
        crate::format::ErrorKind::ValueError => Ty::ValueError,
    };
    match vm.new_pystr(&e.msg) {
        Ok(m) => vm.new_error_args(ty, vec![m]),
        Err(e) => e,
    }
}

/// A Python exception or a formatting failure still to be raised.
pub enum FmtErr {
    Py(PyErr),
    Format(FormatError),
}

impl From<FormatError> for FmtErr {
    fn from(e: FormatError) -> Self {
        FmtErr::Format(e)
    }
}

impl From<PyErr> for FmtErr {
    fn from(e: PyErr) -> Self {
        FmtErr::Py(e)
    }
}

impl FmtErr {
    pub fn raise(self, vm: &mut Vm) -> PyErr {
        match self {
            FmtErr::Py(e) => e,
            FmtErr::Format(e) => format_err(vm, e),
        }
    }
}

/// `str.format`'s view of its arguments. Every value handed to the driver is rooted in
/// `vm.temps` until the call ends.
struct FieldArgs<'v> {
    vm: &'v mut Vm,
    pos: Vec<Value>,
    /// `**kwargs` as (name, value), or the mapping of `format_map`.
    kw: Vec<(Value, Value)>,
    mapping: Option<Value>,
    /// `format_map` met a positional field: raised at the next step.
    pending: Option<FmtErr>,
}

impl FieldArgs<'_> {
    fn keep(&mut self, v: Value) -> Value {
        self.vm.temps.push(v);
        v
    }

    fn check(&mut self) -> Result<(), FmtErr> {
        match self.pending.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

impl FormatArgs for FieldArgs<'_> {
    type Value = Value;
    type Error = FmtErr;

    fn positional(&mut self, index: usize) -> Option<Value> {
        if self.mapping.is_some() {
            self.pending = Some(FmtErr::Format(FormatError::new(
                crate::format::ErrorKind::ValueError,
                "Format string contains positional fields",
            )));
            return Some(Value::NONE);
        }
        self.pos.get(index).copied()
    }

    fn keyword(&mut self, name: &PyStr) -> Result<Value, FmtErr> {
        self.check()?;
        let vm = &mut *self.vm;
        let key = vm.new_pystr(name)?;
        vm.temps.push(key);
        if let Some(m) = self.mapping {
            let v = protocols::item::getitem(vm, m, key)?;
            return Ok(self.keep(v));
        }
        for &(k, v) in &self.kw {
            if vm.pystr(k).as_ref() == Some(name) {
                return Ok(v);
            }
        }
        Err(FmtErr::Py(vm.new_error_args(Ty::KeyError, vec![key])))
    }

    fn getattr(&mut self, obj: Value, name: &PyStr) -> Result<Value, FmtErr> {
        self.check()?;
        let n = self.vm.new_pystr(name)?;
        self.vm.temps.push(n);
        let v = protocols::attr::getattr(self.vm, obj, n)?;
        Ok(self.keep(v))
    }

    fn getitem_index(&mut self, obj: Value, index: usize) -> Result<Value, FmtErr> {
        self.check()?;
        let k = self.vm.new_usize(index)?;
        let v = protocols::item::getitem(self.vm, obj, k)?;
        Ok(self.keep(v))
    }

    fn getitem_key(&mut self, obj: Value, key: &PyStr) -> Result<Value, FmtErr> {
        self.check()?;
        let k = self.vm.new_pystr(key)?;
        self.vm.temps.push(k);
        let v = protocols::item::getitem(self.vm, obj, k)?;
        Ok(self.keep(v))
    }

    fn convert(&mut self, obj: Value, conversion: FieldConversion) -> Result<Value, FmtErr> {
        self.check()?;
        let vm = &mut *self.vm;
        let s = match conversion {
            FieldConversion::Str => protocols::repr::str_value(vm, obj)?,
            FieldConversion::Repr => {
                let r = protocols::repr::repr(vm, obj)?;
                vm.new_str(&r)?
            }
            FieldConversion::Ascii => {
                let r = ascii_of(vm, obj)?;
                vm.new_str(&r)?
            }
        };
        Ok(self.keep(s))
    }

    fn format(&mut self, obj: Value, spec: &PyStr) -> Result<PyStr, FmtErr> {
        self.check()?;
        let vm = &mut *self.vm;
        let spec = vm.new_pystr(spec)?;
        vm.temps.push(spec);
        let r = protocols::format::format(vm, obj, spec)?;
        Ok(vm.pystr(r).unwrap_or_default())
    }
}

fn run_fields(
    vm: &mut Vm,
    template: &PyStr,
    pos: Vec<Value>,
    kw: Vec<(Value, Value)>,
    mapping: Option<Value>,
) -> PyResult<Value> {
    let mark = vm.temps.len();
    vm.temps.extend_from_slice(&pos);
    for &(k, v) in &kw {
        vm.temps.push(k);
        vm.temps.push(v);
    }
    vm.temps.extend(mapping);
    let mut fa = FieldArgs {
        vm,
        pos,
        kw,
        mapping,
        pending: None,
    };
    let r = fields::format(template, &mut fa);
    let vm = fa.vm;
    vm.temps.truncate(mark);
    match r {
        Ok(s) => vm.new_pystr(&s),
        Err(e) => Err(e.raise(vm)),
    }
}

/// `str.format(*args, **kwargs)`.
fn str_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = this(vm, &args)?;
    let pos = args.pos[1..].to_vec();
    run_fields(vm, &t, pos, args.kw, None)
}

/// `str.format_map(mapping, /)`.
fn format_map(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "format_map", 1, 1)?;
    let t = this(vm, &args)?;
    run_fields(vm, &t, Vec::new(), Vec::new(), Some(args.pos[1]))
}

/// `str.maketrans(x[, y[, z]])`.
fn maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "maketrans", 1, 3)?;
    let d = vm.new_dict()?;
    vm.temps.push(d);
    let r = maketrans_into(vm, &args, d);
    vm.temps.pop();
    r.map(|()| d)
}

fn maketrans_into(vm: &mut Vm, args: &Args, d: Value) -> PyResult<()> {
    if args.pos.len() == 1 {
        let x = args.pos[0];
        if vm.layout_of(x) != Ty::Dict {
            return Err(text_err(vm, text::translate::maketrans_arg_error()));
        }
        for (k, v) in super::dict::items(vm, x) {
            let key = if let Some(s) = vm.pystr(k) {
                let cp = text::translate::maketrans_key(&s).map_err(|e| text_err(vm, e))?;
                vm.new_i64(i64::from(cp))?
            } else if vm.int_of(k).is_some() {
                k
            } else {
                return Err(text_err(vm, text::translate::maketrans_key_type_error()));
            };
            vm.temps.push(key);
            let r = super::dict::set_item(vm, d, key, v);
            vm.temps.pop();
            r?;
        }
        return Ok(());
    }
    let x = super::str_methods::want_str(vm, args.pos[0], "maketrans() argument 1")?;
    let y = super::str_methods::want_str(vm, args.pos[1], "maketrans() argument 2")?;
    let z = match args.get(2) {
        Some(v) => Some(super::str_methods::want_str(
            vm,
            v,
            "maketrans() argument 3",
        )?),
        None => None,
    };
    let items = text::translate::maketrans(&x, &y, z.as_ref()).map_err(|e| text_err(vm, e))?;
    for (k, v) in items {
        let k = vm.new_i64(i64::from(k))?;
        let v = match v {
            Some(c) => vm.new_i64(i64::from(c))?,
            None => Value::NONE,
        };
        super::dict::set_item(vm, d, k, v)?;
    }
    Ok(())
}

/// `str.translate(table, /)`.
fn translate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "translate", 1, 1)?;
    let s = this(vm, &args)?;
    let table = args.pos[1];
    let r = text::translate::translate(&s, |cp| {
        use text::translate::Translation;
        let key = vm.new_i64(i64::from(cp))?;
        let v = match protocols::item::getitem(vm, table, key) {
            Ok(v) => v,
            Err(e) if vm.err_is(&e, Ty::LookupError) => return Ok(Translation::Keep),
            Err(e) => return Err(e),
        };
        if v.is_none() {
            return Ok(Translation::Delete);
        }
        if let Some(i) = vm.int_of(v) {
            let n = match i {
                crate::numeric::Int::Small(n) => n,
                crate::numeric::Int::Big(_) => -1,
            };
            return text::translate::mapping_code_point(n)
                .map(Translation::CodePoint)
                .map_err(|e| text_err(vm, e));
        }
        if let Some(t) = vm.pystr(v) {
            return Ok(Translation::Str(t));
        }
        Err(text_err(vm, text::translate::mapping_type_error()))
    })?;
    vm.new_pystr(&r)
}

pub const METHODS: &[NativeMethod] = &[
    super::sm("__new__", super::str::str_new, ""),
    super::m("__add__", dunder_add, "($self, value, /)"),
    super::m("__contains__", dunder_contains, "($self, key, /)"),
    super::m("__format__", dunder_format, "($self, format_spec, /)"),
    super::m("__getitem__", dunder_getitem, "($self, key, /)"),
    super::m("__getnewargs__", dunder_getnewargs, "($self, /)"),
    super::m("__hash__", dunder_hash, "($self, /)"),
    super::m("__iter__", dunder_iter, "($self, /)"),
    super::m("__len__", dunder_len, "($self, /)"),
    super::m("__mod__", dunder_mod, "($self, value, /)"),
    super::m("__mul__", dunder_mul, "($self, value, /)"),
    super::m("__repr__", dunder_repr, "($self, /)"),
    super::m("__rmod__", dunder_rmod, "($self, value, /)"),
    super::m("__rmul__", dunder_mul, "($self, value, /)"),
    super::m("__str__", dunder_str, "($self, /)"),
    super::m(
        "encode",
        super::str_codec::str_encode,
        "($self, /, encoding='utf-8', errors='strict')",
    ),
    super::m("format", str_format, ""),
    super::m("format_map", format_map, "($self, mapping, /)"),
    super::sm("maketrans", maketrans, ""),
    super::m("translate", translate, "($self, table, /)"),
];
