//! `bytes` (CPython's Objects/bytesobject.c): construction, indexing, operators and the
//! buffer view every bytes-like argument goes through.

use protopy_objects::{BytesData, Value};

use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// The contents of a bytes-like object (bytes, bytearray, memoryview), copied; None for
/// other objects.
pub fn buffer_bytes(vm: &mut Vm, v: Value) -> PyResult<Option<Vec<u8>>> {
    if let Ok(b) = vm.m.get_value::<BytesData>(v) {
        return Ok(Some(b.bytes.to_vec()));
    }
    let _ = Ty::Bytes;
    Ok(None)
}
