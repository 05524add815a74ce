//! The interpreter's side of printf-style formatting, `str % args` and `bytes % args`
//! (CPython's Objects/unicodeobject.c `PyUnicode_Format` and Objects/bytesobject.c
//! `_PyBytes_FormatEx`): fetching arguments and converting them; the engine is
//! `format::percent`.

use protopy_compiler::pystr::PyStr;
use protopy_objects::Value;

use super::str_ops::FmtErr;
use crate::format::percent::{self, ArgAt, Conversion, Converted, PercentArgs};
use crate::format::{self as fmt, FormatError};
use crate::numeric::{self, Int};
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// The argument state: `args` itself, and the value of the latest `%(key)`.
struct Percent<'v> {
    vm: &'v mut Vm,
    args: Value,
    selected: Value,
    bytes: bool,
}

fn to_fmt_int(i: Int) -> fmt::Int {
    match i {
        Int::Small(n) => fmt::Int::Small(n),
        Int::Big(b) => fmt::Int::Big(b),
    }
}

impl Percent<'_> {
    fn at(&self, at: ArgAt) -> Value {
        match at {
            ArgAt::Item(i) => self
                .vm
                .tuple_items(self.args)
                .and_then(|t| t.get(i).copied())
                .unwrap_or(Value::NONE),
            ArgAt::Whole if !self.selected.is_null() => self.selected,
            ArgAt::Whole => self.args,
        }
    }

    fn key(&mut self, key: Value) -> Result<(), FmtErr> {
        self.vm.temps.push(key);
        let v = protocols::item::getitem(self.vm, self.args, key)?;
        self.vm.temps.push(v);
        self.selected = v;
        Ok(())
    }

    /// The number `%d`/`%x`/`%e` wants, as CPython's `mainformatlong` and `formatfloat` get it.
    fn number(&mut self, v: Value, conversion: Conversion) -> Result<Converted<()>, FmtErr> {
        let vm = &mut *self.vm;
        let t = vm.type_name(v);
        match conversion {
            Conversion::Int(c) => {
                if let Some(i) = vm.int_of(v) {
                    return Ok(Converted::Int(to_fmt_int(i)));
                }
                if matches!(c, 'o' | 'x' | 'X') {
                    if let Some(r) = protocols::call::call_special(vm, v, "__index__", vec![])? {
                        if let Some(i) = vm.int_of(r) {
                            return Ok(Converted::Int(to_fmt_int(i)));
                        }
                    }
                    return Err(percent::integer_required(c, &t).into());
                }
                if let Some(f) = v.as_f64() {
                    let i = numeric::int_convert::float_to_int(f)
                        .map_err(|e| FmtErr::Py(protocols::number::num_err(vm, e)))?;
                    return Ok(Converted::Int(to_fmt_int(i)));
                }
                for name in ["__int__", "__index__"] {
                    if let Some(r) = protocols::call::call_special(vm, v, name, vec![])? {
                        if let Some(i) = vm.int_of(r) {
                            return Ok(Converted::Int(to_fmt_int(i)));
                        }
                    }
                }
                Err(percent::real_number_required(c, &t).into())
            }
            _ => {
                if let Some(f) = v.as_f64() {
                    return Ok(Converted::Float(f));
                }
                if let Some(i) = vm.int_of(v) {
                    return match numeric::int_convert::int_to_f64(&i) {
                        Ok(f) => Ok(Converted::Float(f)),
                        Err(_) if self.bytes => {
                            Err(FormatError::type_error("float argument required, not int").into())
                        }
                        Err(e) => Err(FmtErr::Py(protocols::number::num_err(vm, e))),
                    };
                }
                if let Some(r) = protocols::call::call_special(vm, v, "__float__", vec![])? {
                    if let Some(f) = r.as_f64() {
                        return Ok(Converted::Float(f));
                    }
                }
                if self.bytes {
                    return Err(FormatError::type_error(format!(
                        "float argument required, not {t}"
                    ))
                    .into());
                }
                Err(FormatError::type_error(format!("must be real number, not {t}")).into())
            }
        }
    }
}

fn relabel<T>(c: Converted<()>) -> Converted<T> {
    match c {
        Converted::Int(i) => Converted::Int(i),
        Converted::Float(f) => Converted::Float(f),
        Converted::Text(()) => Converted::Float(0.0),
    }
}

impl PercentArgs for Percent<'_> {
    type Error = FmtErr;

    fn select_key(&mut self, key: &PyStr) -> Result<(), FmtErr> {
        let k = self.vm.new_pystr(key)?;
        self.key(k)
    }

    fn star(&mut self, at: ArgAt) -> Result<Option<fmt::Int>, FmtErr> {
        let v = self.at(at);
        Ok(self.vm.int_of(v).map(to_fmt_int))
    }

    fn convert(&mut self, at: ArgAt, conversion: Conversion) -> Result<Converted, FmtErr> {
        let v = self.at(at);
        let vm = &mut *self.vm;
        let text = match conversion {
            Conversion::Str => PyStr::from(protocols::repr::str(vm, v)?),
            Conversion::Repr => PyStr::from(protocols::repr::repr(vm, v)?),
            Conversion::Ascii => PyStr::from(super::str_ops::ascii_of(vm, v)?),
            Conversion::Char => {
                if let Some(s) = vm.pystr(v) {
                    s
                } else if let Some(i) = vm.int_of(v) {
                    return Ok(Converted::Int(to_fmt_int(i)));
                } else if let Some(r) = protocols::call::call_special(vm, v, "__index__", vec![])? {
                    match vm.int_of(r) {
                        Some(i) => return Ok(Converted::Int(to_fmt_int(i))),
                        None => return Err(percent::char_type_error(&vm.type_name(v)).into()),
                    }
                } else {
                    return Err(percent::char_type_error(&vm.type_name(v)).into());
                }
            }
            Conversion::Int(_) | Conversion::Float(_) => {
                return self.number(v, conversion).map(relabel)
            }
            Conversion::Bytes | Conversion::Unsupported(_) => {
                return Err(FormatError::type_error("not a str conversion").into())
            }
        };
        Ok(Converted::Text(text))
    }
}

impl PercentArgs<Vec<u8>> for Percent<'_> {
    type Error = FmtErr;

    fn select_key(&mut self, key: &Vec<u8>) -> Result<(), FmtErr> {
        let k = self
            .vm
            .alloc(Ty::Bytes, protopy_objects::BytesData::new(key.clone()))?;
        self.key(k)
    }

    fn star(&mut self, at: ArgAt) -> Result<Option<fmt::Int>, FmtErr> {
        let v = self.at(at);
        Ok(self.vm.int_of(v).map(to_fmt_int))
    }

    fn convert(&mut self, at: ArgAt, conversion: Conversion) -> Result<Converted<Vec<u8>>, FmtErr> {
        let v = self.at(at);
        let vm = &mut *self.vm;
        let text = match conversion {
            Conversion::Str | Conversion::Bytes => {
                if let Some(b) = super::bytes::buffer_bytes(vm, v)? {
                    b
                } else if let Some(r) = protocols::call::call_special(vm, v, "__bytes__", vec![])? {
                    match vm.m.get_value::<protopy_objects::BytesData>(r) {
                        Ok(b) => b.bytes.to_vec(),
                        Err(_) => {
                            let t = vm.type_name(r);
                            return Err(FmtErr::Py(
                                vm.type_error(&format!("__bytes__ returned non-bytes (type {t})")),
                            ));
                        }
                    }
                } else {
                    return Err(percent::bytes_type_error(&vm.type_name(v)).into());
                }
            }
            Conversion::Repr | Conversion::Ascii => super::str_ops::ascii_of(vm, v)?.into_bytes(),
            Conversion::Char => {
                if let Some(i) = vm.int_of(v) {
                    return Ok(Converted::Int(to_fmt_int(i)));
                }
                match super::bytes::buffer_bytes(vm, v)? {
                    Some(b) if vm.layout_of(v) == Ty::Bytes => b,
                    Some(b) if b.len() == 1 => b,
                    Some(b) => {
                        let t = vm.type_name(v);
                        return Err(percent::byte_char_type_error(&format!(
                            "a {t} object of length {}",
                            b.len()
                        ))
                        .into());
                    }
                    None => {
                        if let Some(r) = protocols::call::call_special(vm, v, "__index__", vec![])?
                        {
                            if let Some(i) = vm.int_of(r) {
                                return Ok(Converted::Int(to_fmt_int(i)));
                            }
                        }
                        return Err(percent::byte_char_type_error(&vm.type_name(v)).into());
                    }
                }
            }
            Conversion::Int(_) | Conversion::Float(_) => {
                return self.number(v, conversion).map(relabel)
            }
            Conversion::Unsupported(_) => {
                return Err(FormatError::type_error("not a bytes conversion").into())
            }
        };
        Ok(Converted::Text(text))
    }
}

/// Whether `args` is a mapping for `%(key)s`: it has `__getitem__` and is not a tuple or str
/// (nor bytes or bytearray for bytes templates).
fn is_mapping(vm: &mut Vm, args: Value, bytes: bool) -> PyResult<bool> {
    let lay = vm.layout_of(args);
    if lay == Ty::Tuple || lay == Ty::Str || (bytes && matches!(lay, Ty::Bytes | Ty::ByteArray)) {
        return Ok(false);
    }
    if matches!(lay, Ty::Dict | Ty::List) {
        return Ok(true);
    }
    let n = vm.intern("__getitem__")?;
    let ty = vm.type_of(args);
    Ok(super::typeobj::lookup(vm, ty, n).is_some())
}

/// `template % args` for a str template.
pub fn format_str(vm: &mut Vm, template: &PyStr, args: Value) -> PyResult<PyStr> {
    let tuple_len = vm.tuple_items(args).map(<[Value]>::len);
    let mapping = is_mapping(vm, args, false)?;
    let mark = vm.temps.len();
    vm.temps.push(args);
    let mut p = Percent {
        vm,
        args,
        selected: Value::NULL,
        bytes: false,
    };
    let r = percent::format(
        template,
        tuple_len,
        mapping,
        &mut p,
        fmt::INT_MAX_STR_DIGITS,
    );
    let vm = p.vm;
    vm.temps.truncate(mark);
    r.map_err(|e| e.raise(vm))
}

/// `template % args` for a bytes or bytearray template.
pub fn format_bytes(vm: &mut Vm, template: &[u8], args: Value) -> PyResult<Vec<u8>> {
    let tuple_len = vm.tuple_items(args).map(<[Value]>::len);
    let mapping = is_mapping(vm, args, true)?;
    let mark = vm.temps.len();
    vm.temps.push(args);
    let mut p = Percent {
        vm,
        args,
        selected: Value::NULL,
        bytes: true,
    };
    let r = percent::format_bytes(
        template,
        tuple_len,
        mapping,
        &mut p,
        fmt::INT_MAX_STR_DIGITS,
    );
    let vm = p.vm;
    vm.temps.truncate(mark);
    r.map_err(|e| e.raise(vm))
}
