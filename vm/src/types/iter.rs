//! Iterator objects and dict views (CPython's Objects/iterobject.c and the view types of
//! Objects/dictobject.c).

use parking_lot::Mutex;
use protopy_objects::{Trace, Tracer, Value};

use super::NativeMethod;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// `dict.keys()`, `dict.values()`, `dict.items()`: a view of `dict`.
pub struct DictView {
    pub dict: Value,
}

impl Trace for DictView {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.dict);
    }
}

/// Whether `ty` is one of the builtin iterator types.
pub fn is_iterator_type(ty: Ty) -> bool {
    matches!(
        ty,
        Ty::Iterator
            | Ty::ListIterator
            | Ty::TupleIterator
            | Ty::RangeIterator
            | Ty::StrIterator
            | Ty::DictKeyIterator
            | Ty::DictValueIterator
            | Ty::DictItemIterator
            | Ty::SetIterator
            | Ty::Enumerate
            | Ty::Zip
            | Ty::Map
            | Ty::Filter
            | Ty::Reversed
            | Ty::CallableIterator
    )
}

pub const METHODS: &[NativeMethod] = &[];

/// An iterator over a sequence by index: the builtin list, tuple and str iterators, and
/// `iter()` of an object with only `__getitem__` (CPython's `seqiterobject`).
pub struct SeqIter {
    pub seq: Value,
    /// The next index; `usize::MAX` once exhausted.
    pub index: Mutex<usize>,
}

impl SeqIter {
    pub fn new(seq: Value) -> SeqIter {
        SeqIter {
            seq,
            index: Mutex::new(0),
        }
    }
}

impl Trace for SeqIter {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.seq);
    }
}

/// `iter(obj)` for the builtin containers; None for other objects.
pub fn native_iter(vm: &mut Vm, obj: Value) -> PyResult<Option<Value>> {
    let ty = match vm.layout_of(obj) {
        Ty::List => Ty::ListIterator,
        Ty::Tuple => Ty::TupleIterator,
        Ty::Str => Ty::StrIterator,
        Ty::Bytes | Ty::ByteArray | Ty::MemoryView => Ty::Iterator,
        Ty::Range => return super::range::range_iter(vm, obj).map(Some),
        Ty::Generator => return Ok(Some(obj)),
        Ty::Template => return super::template::iter_parts(vm, obj).map(Some),
        Ty::Dict => {
            let keys = super::dict::items(vm, obj)
                .into_iter()
                .map(|(k, _)| k)
                .collect();
            let keys = vm.new_tuple(keys)?;
            vm.temps.push(keys);
            let r = vm.new_opaque(Ty::DictKeyIterator, SeqIter::new(keys));
            vm.temps.pop();
            return r.map(Some);
        }
        t if is_iterator_type(t) => return Ok(Some(obj)),
        _ => return Ok(None),
    };
    vm.new_opaque(ty, SeqIter::new(obj)).map(Some)
}

/// `next(iter)` for the native iterators: `Some(None)` when exhausted, None when `iter` is
/// not a native iterator.
pub fn native_next(vm: &mut Vm, iter: Value) -> PyResult<Option<Option<Value>>> {
    if vm.opaque::<crate::eval::generator::GenData>(iter).is_some() {
        return crate::eval::generator::gen_next(vm, iter).map(Some);
    }
    if let Some(r) = super::iter_tools::lazy_next(vm, iter)? {
        return Ok(Some(r));
    }
    if let Some(ri) = vm.opaque::<super::range::RangeIter>(iter) {
        return match super::range::range_next(ri) {
            Some(n) => vm.new_i64(n).map(|v| Some(Some(v))),
            None => Ok(Some(None)),
        };
    }
    let Some(si) = vm.opaque::<SeqIter>(iter) else {
        return Ok(None);
    };
    let seq = si.seq;
    let i = *si.index.lock();
    if i == usize::MAX {
        return Ok(Some(None));
    }
    let item = match vm.layout_of(seq) {
        Ty::List => vm.list_data(seq).and_then(|l| l.lock().get(i).copied()),
        Ty::Tuple => vm.tuple_items(seq).and_then(|t| t.get(i).copied()),
        Ty::Str => match vm.str_data(seq).and_then(|s| s.code_points().nth(i)) {
            Some(c) => Some(new_char(vm, c)?),
            None => None,
        },
        _ => {
            let key = vm.new_usize(i)?;
            match crate::protocols::item::getitem(vm, seq, key) {
                Ok(v) => Some(v),
                Err(e) if vm.err_is(&e, Ty::IndexError) || vm.err_is(&e, Ty::StopIteration) => None,
                Err(e) => return Err(e),
            }
        }
    };
    if let Some(si) = vm.opaque::<SeqIter>(iter) {
        *si.index.lock() = if item.is_some() { i + 1 } else { usize::MAX };
    }
    Ok(Some(item))
}

/// A one-character str.
fn new_char(vm: &mut Vm, c: u32) -> PyResult<Value> {
    let mut bytes = Vec::with_capacity(4);
    crate::types::str::push_code_point(&mut bytes, c);
    crate::types::str::new_from_bytes(vm, bytes)
}
