//! Iterator objects and dict views (CPython's Objects/iterobject.c and the view types of
//! Objects/dictobject.c).

use protopy_objects::ObjectMutex as Mutex;
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
            | Ty::ListReverseIterator
            | Ty::TupleIterator
            | Ty::RangeIterator
            | Ty::LongRangeIterator
            | Ty::StrIterator
            | Ty::BytesIterator
            | Ty::ByteArrayIterator
            | Ty::MemoryIterator
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

/// `iterator.__next__()`.
fn iter_next(vm: &mut Vm, args: super::Args) -> PyResult<Value> {
    args.check_method(vm, "__next__", 0, 0)?;
    match crate::protocols::iter::next(vm, args.pos[0])? {
        Some(v) => Ok(v),
        None => Err(vm.new_error_args(Ty::StopIteration, vec![])),
    }
}

/// `iterator.__iter__()`: the iterator itself.
fn iter_self(vm: &mut Vm, args: super::Args) -> PyResult<Value> {
    args.check_method(vm, "__iter__", 0, 0)?;
    Ok(args.pos[0])
}

/// `iterator.__length_hint__()`: how many items remain, for the iterators that know.
fn length_hint(vm: &mut Vm, args: super::Args) -> PyResult<Value> {
    args.check_method(vm, "__length_hint__", 0, 0)?;
    let it = args.pos[0];
    let n = if let Some(si) = vm.opaque::<SeqIter>(it) {
        let (seq, i) = (si.seq, *si.index.lock());
        if i == usize::MAX {
            0
        } else {
            let n = match vm.layout_of(seq) {
                Ty::List | Ty::Tuple | Ty::Str => crate::protocols::item::len(vm, seq)?,
                _ => return Ok(Value::NOT_IMPLEMENTED),
            };
            n.saturating_sub(i)
        }
    } else if let Some(ri) = vm.opaque::<ListRevIter>(it) {
        let n = vm.list_data(ri.list).map(|l| l.len()).unwrap_or(0);
        let next = *ri.next.lock();
        if next <= n {
            next
        } else {
            0
        }
    } else if let Some(n) = super::range::iter_left(vm, it) {
        return vm.new_int(crate::numeric::Int::from_bigint(n));
    } else if let Some(n) = super::iter_tools::reversed_left(vm, it) {
        n
    } else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    vm.new_usize(n)
}

pub const METHODS: &[NativeMethod] = &[
    super::m("__length_hint__", length_hint, "($self, /)"),
    super::m("__next__", iter_next, "($self, /)"),
    super::m("__iter__", iter_self, "($self, /)"),
];

/// What `reversed(seq)` starts from: the result of `__reversed__`, or the items to walk back.
pub enum Reversal {
    Done(Value),
    /// The items in forward order, and the type of the iterator walking them back.
    Items(Vec<Value>, Ty),
}

/// `reversed(seq)`: `__reversed__`, the builtin sequences and dict views, then the sequence
/// protocol (`__len__` and `__getitem__`, read from the last index down).
pub fn reversed_items(vm: &mut Vm, seq: Value) -> PyResult<Reversal> {
    let ty = vm.type_of(seq);
    let name = vm.intern("__reversed__")?;
    let not_reversible = |vm: &mut Vm| {
        let t = vm.type_name(seq);
        vm.type_error(&format!("'{t}' object is not reversible"))
    };
    if let Some(f) = super::typeobj::lookup(vm, ty, name) {
        if f.is_none() {
            return Err(not_reversible(vm));
        }
        let f = crate::protocols::attr::bind(vm, f, seq, Value::from_handle(ty))?;
        return crate::protocols::call::call(vm, f, super::Args::new(vec![])).map(Reversal::Done);
    }
    if !super::typeobj::is_heap_type(vm, ty) {
        match vm.layout_of(seq) {
            Ty::Range => return super::range::range_reversed(vm, seq).map(Reversal::Done),
            Ty::List => {
                let n = vm.list_data(seq).map(|l| l.len()).unwrap_or(0);
                let it = ListRevIter {
                    list: seq,
                    next: Mutex::new(n),
                };
                return vm
                    .new_opaque(Ty::ListReverseIterator, it)
                    .map(Reversal::Done);
            }
            Ty::Tuple | Ty::Str | Ty::Dict | Ty::DictKeys | Ty::DictValues | Ty::DictItems => {
                let items = crate::protocols::iter::collect(vm, seq)?;
                return Ok(Reversal::Items(items, Ty::Reversed));
            }
            _ => {}
        }
    }
    let (len_n, get_n) = (vm.intern("__len__")?, vm.intern("__getitem__")?);
    let is_seq = vm.layout_of(seq) != Ty::Dict
        && super::typeobj::lookup(vm, ty, get_n).is_some()
        && super::typeobj::lookup(vm, ty, len_n).is_some();
    if !is_seq {
        return Err(not_reversible(vm));
    }
    let n = crate::protocols::item::len(vm, seq)?;
    let mark = vm.temps.len();
    let mut back = Vec::with_capacity(n);
    for i in (0..n).rev() {
        let k = vm.new_usize(i)?;
        match crate::protocols::item::getitem(vm, seq, k) {
            Ok(v) => {
                vm.temps.push(v);
                back.push(v);
            }
            Err(e) if vm.err_is(&e, Ty::IndexError) || vm.err_is(&e, Ty::StopIteration) => break,
            Err(e) => {
                vm.temps.truncate(mark);
                return Err(e);
            }
        }
    }
    vm.temps.truncate(mark);
    back.reverse();
    Ok(Reversal::Items(back, Ty::Reversed))
}

/// `reversed(list)` (`list_reverseiterator`): walks the live list from the end; `next` is one
/// past the position to read next, 0 once exhausted.
pub struct ListRevIter {
    pub list: Value,
    pub next: Mutex<usize>,
}

impl Trace for ListRevIter {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.list);
    }
}

/// One step of a list reverse iterator: None when `iter` is not one.
fn list_rev_next(vm: &Vm, iter: Value) -> Option<Option<Value>> {
    let it = vm.opaque::<ListRevIter>(iter)?;
    let mut next = it.next.lock();
    let item = match next.checked_sub(1) {
        Some(i) => vm.list_data(it.list).and_then(|l| l.lock().get(i).copied()),
        None => None,
    };
    *next = match item {
        Some(_) => *next - 1,
        None => 0,
    };
    Some(item)
}

/// `iter(callable, sentinel)`: calls `callable` until it returns `sentinel`.
pub struct CallIter {
    pub func: Value,
    pub sentinel: Value,
    pub done: Mutex<bool>,
}

impl Trace for CallIter {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.func);
        t.visit(self.sentinel);
    }
}

/// One step of a callable iterator: None when `iter` is not one.
fn call_iter_next(vm: &mut Vm, iter: Value) -> PyResult<Option<Option<Value>>> {
    let Some(c) = vm.opaque::<CallIter>(iter) else {
        return Ok(None);
    };
    if *c.done.lock() {
        return Ok(Some(None));
    }
    let (func, sentinel) = (c.func, c.sentinel);
    let finish = |vm: &Vm| {
        if let Some(c) = vm.opaque::<CallIter>(iter) {
            *c.done.lock() = true;
        }
    };
    let v = match crate::protocols::call::call(vm, func, super::Args::new(vec![])) {
        Ok(v) => v,
        Err(e) if vm.err_is(&e, Ty::StopIteration) => {
            finish(vm);
            return Ok(Some(None));
        }
        Err(e) => return Err(e),
    };
    vm.temps.push(v);
    let same = crate::protocols::compare::eq(vm, v, sentinel);
    vm.temps.pop();
    if same? {
        finish(vm);
        return Ok(Some(None));
    }
    Ok(Some(Some(v)))
}

/// An iterator over a sequence by index: the builtin list, tuple and str iterators, and
/// `iter()` of an object with only `__getitem__` (CPython's `seqiterobject`).
pub struct SeqIter {
    pub seq: Value,
    /// The next index; `usize::MAX` once exhausted.
    pub index: Mutex<usize>,
    /// Over a str: the byte offset of the code point at `index` (the str's storage is UTF-8,
    /// so finding the n-th code point anew at each step would make iteration quadratic).
    pub byte: Mutex<usize>,
}

impl SeqIter {
    pub fn new(seq: Value) -> SeqIter {
        SeqIter {
            seq,
            index: Mutex::new(0),
            byte: Mutex::new(0),
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
        Ty::Bytes => Ty::BytesIterator,
        Ty::ByteArray => Ty::ByteArrayIterator,
        Ty::MemoryView => Ty::MemoryIterator,
        Ty::Range => return super::range::range_iter(vm, obj).map(Some),
        Ty::Generator => return Ok(Some(obj)),
        Ty::Template => return super::template::iter_parts(vm, obj).map(Some),
        Ty::Dict => {
            return super::table_iter::new(vm, obj, super::table_iter::Yield::Keys).map(Some)
        }
        Ty::Set | Ty::FrozenSet => return set_iter(vm, obj).map(Some),
        Ty::DictKeys | Ty::DictValues | Ty::DictItems => {
            use super::table_iter::Yield;
            let what = match vm.layout_of(obj) {
                Ty::DictKeys => Yield::Keys,
                Ty::DictValues => Yield::Values,
                _ => Yield::Items,
            };
            let d = vm
                .opaque::<DictView>(obj)
                .map(|v| v.dict)
                .unwrap_or(Value::NONE);
            return super::table_iter::new(vm, d, what).map(Some);
        }
        t if is_iterator_type(t) => return Ok(Some(obj)),
        _ => return Ok(None),
    };
    vm.new_opaque(ty, SeqIter::new(obj)).map(Some)
}

/// `next(iter)` for the native iterators: `Some(None)` when exhausted, None when `iter` is
/// not a native iterator.
pub fn native_next(vm: &mut Vm, iter: Value) -> PyResult<Option<Option<Value>>> {
    if let Some(r) = common_next(vm, iter) {
        return match r {
            Step::Item(v) => Ok(Some(Some(v))),
            Step::Done => Ok(Some(None)),
            Step::Int(n) => vm.new_i64(n).map(|v| Some(Some(v))),
        };
    }
    if crate::eval::generator::is_generator(vm, iter) {
        return crate::eval::generator::gen_next(vm, iter).map(Some);
    }
    if let Some(r) = super::iter_tools::lazy_next(vm, iter)? {
        return Ok(Some(r));
    }
    if let Some(r) = list_rev_next(vm, iter) {
        return Ok(Some(r));
    }
    if let Some(r) = call_iter_next(vm, iter)? {
        return Ok(Some(r));
    }
    if let Some(r) = super::table_iter::next(vm, iter)? {
        return Ok(Some(r));
    }
    if let Some(r) = super::range::next_value(vm, iter)? {
        return Ok(Some(r));
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
        Ty::Str => {
            let byte = vm.opaque::<SeqIter>(iter).map_or(0, |si| *si.byte.lock());
            // `index` and `byte` move together, here only.
            let next = vm.str_data(seq).and_then(|s| {
                let mut cps = s.code_points_from(byte);
                cps.next().map(|c| (c, cps.offset()))
            });
            match next {
                Some((c, after)) => {
                    if let Some(si) = vm.opaque::<SeqIter>(iter) {
                        *si.byte.lock() = after;
                    }
                    Some(new_char(vm, c)?)
                }
                None => None,
            }
        }
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

/// What [`common_next`] found.
enum Step {
    Item(Value),
    /// A range value that needs an int object.
    Int(i64),
    Done,
}

/// `next()` of the iterators `for` loops meet most (over a range of small ints, an exact list
/// or tuple), from one read of the iterator; None for any other iterator.
#[inline]
fn common_next(vm: &Vm, iter: Value) -> Option<Step> {
    use protopy_objects::Kind;
    let o = vm.m.get_value::<protopy_objects::OpaqueData>(iter).ok()?;
    if let Some(ri) = o.downcast_ref::<super::range::RangeIter>() {
        return Some(match super::range::range_next(ri) {
            Some(n) => Value::from_i64(n).map_or(Step::Int(n), Step::Item),
            None => Step::Done,
        });
    }
    let si = o.downcast_ref::<SeqIter>()?;
    let mut index = si.index.lock();
    let i = *index;
    if i == usize::MAX {
        return Some(Step::Done);
    }
    let item = match vm.m.kind(si.seq.as_handle()?).ok()? {
        Kind::List => vm.list_data(si.seq)?.lock().get(i).copied(),
        Kind::Tuple => vm.tuple_items(si.seq)?.get(i).copied(),
        _ => return None,
    };
    *index = if item.is_some() { i + 1 } else { usize::MAX };
    Some(item.map_or(Step::Done, Step::Item))
}

/// A one-character str.
fn new_char(vm: &mut Vm, c: u32) -> PyResult<Value> {
    let mut bytes = Vec::with_capacity(4);
    crate::types::str::push_code_point(&mut bytes, c);
    crate::types::str::new_from_bytes(vm, bytes)
}

/// `iter(set)`.
pub fn set_iter(vm: &mut Vm, set: Value) -> PyResult<Value> {
    super::table_iter::new(vm, set, super::table_iter::Yield::Elements)
}
