//! `str.encode`, `bytes.decode`, `str(bytes, encoding, errors)` and the `UnicodeEncodeError` /
//! `UnicodeDecodeError` objects they raise (CPython's Objects/unicodeobject.c
//! `PyUnicode_AsEncodedString`/`PyUnicode_Decode` and Objects/exceptions.c's Unicode errors).
//! The codecs themselves are in `text::codecs`.

use protopy_compiler::pystr::PyStr;
use protopy_objects::{BytesData, Value};

use super::argbind::bind;
use super::Args;
use crate::runtime::Ty;
use crate::text::codecs;
use crate::text::TextError;
use crate::thread::{PyErr, PyResult, Vm};

/// The exception for a codec's [`TextError`]: a `UnicodeEncodeError` or `UnicodeDecodeError`
/// with CPython's five arguments and attributes, or the plain exception it names.
pub fn unicode_error(vm: &mut Vm, e: TextError) -> PyErr {
    let built: PyResult<PyErr> = (|| {
        let (ty, enc, obj, start, end, reason) = match &e {
            TextError::Encode(x) => {
                let obj = vm.new_pystr(&x.object)?;
                (
                    Ty::UnicodeEncodeError,
                    x.encoding,
                    obj,
                    x.start,
                    x.end,
                    x.reason,
                )
            }
            TextError::Decode(x) => {
                let obj = vm.alloc(Ty::Bytes, BytesData::new(x.object.clone()))?;
                (
                    Ty::UnicodeDecodeError,
                    x.encoding,
                    obj,
                    x.start,
                    x.end,
                    x.reason,
                )
            }
            TextError::Plain(..) => return Ok(super::str_methods::text_err(vm, e.clone())),
        };
        let mark = vm.temps.len();
        vm.temps.push(obj);
        let r = (|| {
            let enc = vm.new_str(enc)?;
            vm.temps.push(enc);
            let reason = vm.new_str(reason)?;
            vm.temps.push(reason);
            let start = vm.new_usize(start)?;
            let end = vm.new_usize(end)?;
            let exc = vm
                .new_error_args(ty, vec![enc, obj, start, end, reason])
                .exc;
            vm.temps.push(exc);
            // The exception's fields, in the order of its arguments (exc_kinds' layout).
            for (i, v) in [enc, obj, start, end, reason].into_iter().enumerate() {
                super::exc_kinds::set_slot(vm, exc, i, v);
            }
            Ok(PyErr { exc })
        })();
        vm.temps.truncate(mark);
        r
    })();
    match built {
        Ok(e) | Err(e) => e,
    }
}

/// An `encoding`/`errors` argument: a str, or `TypeError` naming the function.
fn name_arg(
    vm: &mut Vm,
    v: Option<Value>,
    func: &str,
    what: &str,
    default: &str,
) -> PyResult<String> {
    match v {
        None => Ok(default.into()),
        Some(v) => match vm.rust_str(v) {
            Some(s) => Ok(s),
            None => {
                let t = super::str_methods::arg_type_name(vm, v);
                Err(vm.type_error(&format!("{func}() argument '{what}' must be str, not {t}")))
            }
        },
    }
}

/// Encodes text with a named codec and error handler.
pub fn encode(vm: &mut Vm, s: &PyStr, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let Some(codec) = codecs::lookup(encoding) else {
        return Err(unicode_error(vm, codecs::unknown_encoding(encoding)));
    };
    codecs::encode(s, codec, errors).map_err(|e| unicode_error(vm, e))
}

/// Decodes bytes with a named codec and error handler.
pub fn decode(vm: &mut Vm, b: &[u8], encoding: &str, errors: &str) -> PyResult<PyStr> {
    let Some(codec) = codecs::lookup(encoding) else {
        return Err(unicode_error(vm, codecs::unknown_encoding(encoding)));
    };
    codecs::decode(b, codec, errors).map_err(|e| unicode_error(vm, e))
}

/// `str.encode(encoding='utf-8', errors='strict')`.
pub fn str_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind(vm, &args, "encode", &["encoding", "errors"], 0, 0)?;
    let s = super::str_methods::this(vm, &args)?;
    let enc = name_arg(vm, a[0], "encode", "encoding", "utf-8")?;
    let errors = name_arg(vm, a[1], "encode", "errors", "strict")?;
    let b = encode(vm, &s, &enc, &errors)?;
    vm.alloc(Ty::Bytes, BytesData::new(b))
}

/// `bytes.decode(encoding='utf-8', errors='strict')` (and bytearray's): `data` is the receiver's
/// contents.
pub fn decode_method(vm: &mut Vm, args: &Args, data: &[u8]) -> PyResult<Value> {
    let a = bind(vm, args, "decode", &["encoding", "errors"], 0, 0)?;
    let enc = name_arg(vm, a[0], "decode", "encoding", "utf-8")?;
    let errors = name_arg(vm, a[1], "decode", "errors", "strict")?;
    let s = decode(vm, data, &enc, &errors)?;
    vm.new_pystr(&s)
}

/// `str(object=b'', encoding='utf-8', errors='strict')` with an encoding or errors given.
pub fn str_from_encoded(
    vm: &mut Vm,
    obj: Value,
    encoding: Option<Value>,
    errors: Option<Value>,
) -> PyResult<Value> {
    let enc = name_arg(vm, encoding, "str", "encoding", "utf-8")?;
    let errors = name_arg(vm, errors, "str", "errors", "strict")?;
    if vm.str_data(obj).is_some() {
        return Err(vm.type_error("decoding str is not supported"));
    }
    let Some(data) = super::bytes::buffer_bytes(vm, obj)? else {
        let t = vm.type_name(obj);
        return Err(vm.type_error(&format!(
            "decoding to str: need a bytes-like object, {t} found"
        )));
    };
    let s = decode(vm, &data, &enc, &errors)?;
    vm.new_pystr(&s)
}
