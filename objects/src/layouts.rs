//! The core type layouts: the component each kind of entity stores (besides `str`, in `str.rs`).
//! Immutable kinds are plain data written before their handle is published; mutable kinds hold an
//! [`crate::ObjectMutex`] or atomic slots. Mirrors the object structs of CPython's Objects/
//! (bytesobject.c, bytearrayobject.c, longobject.c, tupleobject.c, listobject.c, dictobject.c,
//! setobject.c, typeobject.c, cellobject.c).

use std::any::Any;
use std::fmt;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

use crate::lock::{ObjectMutex as Mutex, ObjectMutexGuard as MutexGuard};
use num_bigint::BigInt;

use crate::set_table::SetTable;
use crate::str::HashCache;
use crate::table::{KeyEq, Lookup, Table, Undecided};
use crate::trace::{sealed, Component, Kind, Trace, Tracer};
use crate::value::{AtomicValue, Value};

macro_rules! component {
    ($t:ty, $kind:ident) => {
        impl sealed::Sealed for $t {}
        impl Component for $t {
            const KIND: Kind = Kind::$kind;
        }
    };
}

/// `bytes`: immutable bytes and a cached hash.
#[derive(Debug, Default)]
pub struct BytesData {
    pub bytes: Box<[u8]>,
    pub hash: HashCache,
}

impl BytesData {
    pub fn new(bytes: impl Into<Box<[u8]>>) -> BytesData {
        BytesData {
            bytes: bytes.into(),
            hash: HashCache::new(),
        }
    }
}

impl Trace for BytesData {
    fn trace(&self, _: &mut Tracer) {}
}
component!(BytesData, Bytes);

/// `bytearray`: mutable bytes under the object's lock.
#[derive(Debug, Default)]
pub struct ByteArrayData(pub Mutex<Vec<u8>>);

impl Trace for ByteArrayData {
    fn trace(&self, _: &mut Tracer) {}
}
component!(ByteArrayData, ByteArray);

/// An `int` outside the unboxed 48-bit range.
#[derive(Debug)]
pub struct IntData(pub BigInt);

impl Trace for IntData {
    fn trace(&self, _: &mut Tracer) {}
}
component!(IntData, Int);

/// `tuple`: immutable items and a cached hash.
#[derive(Debug, Default)]
pub struct TupleData {
    pub items: Box<[Value]>,
    pub hash: HashCache,
}

impl TupleData {
    pub fn new(items: impl Into<Box<[Value]>>) -> TupleData {
        TupleData {
            items: items.into(),
            hash: HashCache::new(),
        }
    }
}

impl Trace for TupleData {
    fn trace(&self, tracer: &mut Tracer) {
        tracer.visit_all(&self.items);
    }
}
component!(TupleData, Tuple);

/// `list`: items under the object's lock. Native code copies out what it needs before it calls
/// back into Python.
#[derive(Debug, Default)]
pub struct ListData(pub Mutex<Vec<Value>>);

impl ListData {
    pub fn new(items: Vec<Value>) -> ListData {
        ListData(Mutex::new(items))
    }

    pub fn lock(&self) -> MutexGuard<'_, Vec<Value>> {
        self.0.lock()
    }

    pub fn push(&self, v: Value) {
        self.0.lock().push(v);
    }

    pub fn len(&self) -> usize {
        self.0.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.lock().is_empty()
    }

    /// The items at this moment.
    pub fn snapshot(&self) -> Vec<Value> {
        self.0.lock().clone()
    }
}

impl Trace for ListData {
    fn trace(&self, tracer: &mut Tracer) {
        tracer.visit_all(&self.0.lock());
    }
}
component!(ListData, List);

/// `dict`: a [`Table`] under the object's lock. Every method takes the key's Python hash
/// (computed by the caller, which may run `__hash__`) and an equality callback run under the
/// lock (which must not run Python: see `table.rs` for the `Undecided` protocol).
#[derive(Debug, Default)]
pub struct DictData(pub Mutex<Table>);

impl DictData {
    pub fn new(table: Table) -> DictData {
        DictData(Mutex::new(table))
    }

    /// The table, locked. Never call into Python while holding the guard.
    pub fn lock(&self) -> MutexGuard<'_, Table> {
        self.0.lock()
    }

    pub fn len(&self) -> usize {
        self.0.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.lock().is_empty()
    }

    pub fn get(&self, hash: i64, key: Value, eq: impl FnMut(Value, Value) -> KeyEq) -> Lookup {
        self.0.lock().get(hash, key, eq)
    }

    /// Sets `key` to `value`; returns the value replaced.
    pub fn insert(
        &self,
        hash: i64,
        key: Value,
        value: Value,
        eq: impl FnMut(Value, Value) -> KeyEq,
    ) -> Result<Option<Value>, Undecided> {
        self.0.lock().insert(hash, key, value, eq)
    }

    /// Sets `key` to `f(current value)` atomically; `f` must not run Python.
    pub fn upsert(
        &self,
        hash: i64,
        key: Value,
        eq: impl FnMut(Value, Value) -> KeyEq,
        f: impl FnOnce(Option<Value>) -> Value,
    ) -> Result<Value, Undecided> {
        self.0.lock().upsert(hash, key, eq, f)
    }

    /// Removes `key`; returns the stored key and value.
    pub fn remove(
        &self,
        hash: i64,
        key: Value,
        eq: impl FnMut(Value, Value) -> KeyEq,
    ) -> Result<Option<(Value, Value)>, Undecided> {
        self.0.lock().remove(hash, key, eq)
    }

    /// The items at this moment, in insertion order.
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.0.lock().iter().map(|e| (e.key, e.value)).collect()
    }
}

impl Trace for DictData {
    fn trace(&self, tracer: &mut Tracer) {
        self.0.lock().trace(tracer);
    }
}
component!(DictData, Dict);

/// `set`: a [`SetTable`] under the object's lock, laid out slot for slot as CPython lays out
/// the same set, so it iterates and prints in CPython's order. Same protocol as [`DictData`];
/// the bulk operations and the algebra are [`SetTable`]'s and `set_table::algebra`'s, on the
/// locked table(s).
#[derive(Debug, Default)]
pub struct SetData(pub Mutex<SetTable>);

impl SetData {
    pub fn new(table: SetTable) -> SetData {
        SetData(Mutex::new(table))
    }

    /// The table, locked. Never call into Python while holding the guard.
    pub fn lock(&self) -> MutexGuard<'_, SetTable> {
        self.0.lock()
    }

    pub fn len(&self) -> usize {
        self.0.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.lock().is_empty()
    }

    pub fn contains(
        &self,
        hash: i64,
        key: Value,
        eq: impl FnMut(Value, Value) -> KeyEq,
    ) -> Result<bool, Undecided> {
        self.0.lock().contains(hash, key, eq)
    }

    /// Adds `key`; returns whether it was new.
    pub fn add(
        &self,
        hash: i64,
        key: Value,
        eq: impl FnMut(Value, Value) -> KeyEq,
    ) -> Result<bool, Undecided> {
        self.0.lock().add(hash, key, eq)
    }

    /// Removes `key`; returns whether it was there.
    pub fn discard(
        &self,
        hash: i64,
        key: Value,
        eq: impl FnMut(Value, Value) -> KeyEq,
    ) -> Result<bool, Undecided> {
        self.0.lock().discard(hash, key, eq).map(|r| r.is_some())
    }

    /// Removes and returns an element as `set.pop()` does; `None` when empty.
    pub fn pop(&self) -> Option<Value> {
        self.0.lock().pop()
    }

    pub fn clear(&self) {
        self.0.lock().clear();
    }

    /// A copy of the table as `set.copy()` lays it out.
    pub fn copy(&self) -> SetTable {
        self.0.lock().copy()
    }

    /// The elements at this moment, in iteration (slot) order.
    pub fn elements(&self) -> Vec<Value> {
        self.0.lock().elements()
    }
}

impl Trace for SetData {
    fn trace(&self, tracer: &mut Tracer) {
        self.0.lock().trace(tracer);
    }
}
component!(SetData, Set);

/// `frozenset`: a [`SetTable`] built before the handle is published, then read without a lock.
#[derive(Debug, Default)]
pub struct FrozenSetData {
    pub table: SetTable,
    pub hash: HashCache,
}

impl FrozenSetData {
    pub fn new(table: SetTable) -> FrozenSetData {
        FrozenSetData {
            table,
            hash: HashCache::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.table.len()
    }

    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    pub fn contains(
        &self,
        hash: i64,
        key: Value,
        eq: impl FnMut(Value, Value) -> KeyEq,
    ) -> Result<bool, Undecided> {
        self.table.contains(hash, key, eq)
    }

    /// The elements in iteration (slot) order.
    pub fn elements(&self) -> Vec<Value> {
        self.table.elements()
    }
}

impl Trace for FrozenSetData {
    fn trace(&self, tracer: &mut Tracer) {
        self.table.trace(tracer);
    }
}
component!(FrozenSetData, FrozenSet);

/// An instance of a user class: its `__dict__` (a dict handle, or `NULL` when it has none) and
/// its `__slots__` values, each an atomic slot (`NULL` = unset). An instance of a subclass of a
/// builtin type (`class L(list)`) also carries its native base value in `base` (`NULL` for
/// none): reading a component of another kind through the instance reads the base's
/// (`Mutator::get`), so the builtin's native methods work on it (docs/design/0005).
#[derive(Debug, Default)]
pub struct InstanceData {
    pub dict: AtomicValue,
    pub slots: Box<[AtomicValue]>,
    pub base: AtomicValue,
}

impl InstanceData {
    /// An instance with `dict` (`Value::NULL` for none) and `n` unset slots.
    pub fn new(dict: Value, n: usize) -> InstanceData {
        InstanceData {
            dict: AtomicValue::new(dict),
            slots: (0..n).map(|_| AtomicValue::default()).collect(),
            base: AtomicValue::default(),
        }
    }

    /// An instance of a builtin type's subclass carrying the native value `base`.
    pub fn with_base(dict: Value, n: usize, base: Value) -> InstanceData {
        InstanceData {
            base: AtomicValue::new(base),
            ..InstanceData::new(dict, n)
        }
    }
}

impl Trace for InstanceData {
    fn trace(&self, tracer: &mut Tracer) {
        self.dict.trace(tracer);
        self.slots.trace(tracer);
        self.base.trace(tracer);
    }
}
component!(InstanceData, Instance);

/// A type object, as plain data the interpreter fills: its name (a str), bases and MRO (tuples),
/// namespace (a dict), flags, a version tag for inline caches, and a slot table of values
/// (the interpreter numbers the slots: `__add__`, `__getattr__`, ...). Each field is atomic so
/// readers never lock; a writer bumps `version` after changing anything a cache depends on.
#[derive(Debug, Default)]
pub struct TypeData {
    pub name: AtomicValue,
    pub qualname: AtomicValue,
    pub bases: AtomicValue,
    pub mro: AtomicValue,
    pub dict: AtomicValue,
    pub flags: AtomicU64,
    pub version: AtomicU32,
    pub slots: Box<[AtomicValue]>,
}

impl TypeData {
    /// A type with every value field `NULL` and `n` empty slots.
    pub fn new(n: usize) -> TypeData {
        TypeData {
            slots: (0..n).map(|_| AtomicValue::default()).collect(),
            ..TypeData::default()
        }
    }

    /// Marks a change that invalidates inline caches keyed by the old version.
    pub fn bump_version(&self) -> u32 {
        self.version.fetch_add(1, Ordering::AcqRel).wrapping_add(1)
    }
}

impl Trace for TypeData {
    fn trace(&self, tracer: &mut Tracer) {
        for v in [
            &self.name,
            &self.qualname,
            &self.bases,
            &self.mro,
            &self.dict,
        ] {
            v.trace(tracer);
        }
        self.slots.trace(tracer);
    }
}
component!(TypeData, Type);

/// A cell (a closure variable): one atomic slot, `NULL` while unbound.
#[derive(Debug, Default)]
pub struct CellData(pub AtomicValue);

impl Trace for CellData {
    fn trace(&self, tracer: &mut Tracer) {
        self.0.trace(tracer);
    }
}
component!(CellData, Cell);

/// What the interpreter's own kinds implement to live in the `Opaque` table: traceable,
/// shareable between threads, and downcastable. Implemented for every such type.
pub trait Opaque: Trace + Send + Sync + 'static {
    fn as_any(&self) -> &dyn Any;
}

impl<T: Trace + Send + Sync + 'static> Opaque for T {
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A kind the interpreter defines (function, code, frame, generator, module, ...). Its data
/// uses its own interior mutability; its `Drop` runs on a sweeping thread while the world is
/// stopped and must not touch the heap.
pub struct OpaqueData(pub Box<dyn Opaque>);

impl OpaqueData {
    pub fn new(data: impl Opaque) -> OpaqueData {
        OpaqueData(Box::new(data))
    }

    /// The data as `T`, if it is one.
    pub fn downcast_ref<T: Any>(&self) -> Option<&T> {
        // `Box<dyn Opaque>` is itself `Opaque`: call through to the boxed value.
        (*self.0).as_any().downcast_ref()
    }
}

impl fmt::Debug for OpaqueData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("OpaqueData(..)")
    }
}

impl Trace for OpaqueData {
    fn trace(&self, tracer: &mut Tracer) {
        self.0.trace(tracer);
    }
}
component!(OpaqueData, Opaque);

#[cfg(test)]
mod tests {
    use super::*;

    struct Function {
        defaults: Vec<Value>,
    }

    impl Trace for Function {
        fn trace(&self, tracer: &mut Tracer) {
            self.defaults.trace(tracer);
        }
    }

    #[test]
    fn opaque_downcasts_and_traces() {
        let h = Value::from_handle(crate::Handle {
            index: 4,
            generation: 1,
        });
        let o = OpaqueData::new(Function {
            defaults: vec![h, Value::NONE],
        });
        assert!(o.downcast_ref::<Function>().is_some());
        assert!(o.downcast_ref::<CellData>().is_none());
        let mut t = Tracer::default();
        o.trace(&mut t);
        assert_eq!(t.found, vec![h]);
    }

    fn int(i: i64) -> Value {
        Value::from_i64(i).unwrap_or(Value::NULL)
    }

    /// The interpreter's loop for a key whose `__eq__` is Python code: probe under the lock,
    /// run `__eq__` on the undecided candidates with the lock released, retry.
    #[test]
    fn dict_lookup_resolves_python_eq_outside_the_lock() {
        use crate::table::Resolved;
        let d = DictData::default();
        let not_eq = |_: Value, _: Value| KeyEq::NotEqual;
        // Ints stand in for instances whose `__eq__` compares parity; all hash alike.
        assert_eq!(d.insert(7, int(1), int(10), not_eq), Ok(None));
        assert_eq!(d.insert(7, int(2), int(20), not_eq), Ok(None));
        let python_eq =
            |a: Value, b: Value| a.as_small_int().map(|x| x % 2) == b.as_small_int().map(|y| y % 2);
        let probe = int(4);
        let mut resolved = Resolved::default();
        let mut rounds = 0;
        let found = loop {
            rounds += 1;
            let eq = |stored: Value, _: Value| resolved.answer(stored).unwrap_or(KeyEq::Unknown);
            match d.get(7, probe, eq) {
                Lookup::Found { key, value } => break Some((key, value)),
                Lookup::Missing => break None,
                Lookup::Undecided(u) => {
                    if rounds == 1 {
                        assert_eq!(u.candidates, vec![int(1), int(2)]);
                        // While the lock is released, another thread replaces key 1 by 6,
                        // which lands in 1's old index slot, ahead of 2.
                        assert!(d.remove(7, int(1), not_eq).is_ok());
                        assert!(d.insert(7, int(6), int(60), not_eq).is_ok());
                    }
                    for c in u.candidates {
                        resolved.record(c, python_eq(c, probe));
                    }
                }
            }
        };
        // Round 2 met the new key 6 undecided before the known-equal 2; round 3 decided it.
        assert_eq!(rounds, 3);
        assert_eq!(found, Some((int(6), int(60))));
    }

    #[test]
    fn set_add_discard() {
        let s = SetData::default();
        let eq = |_: Value, _: Value| KeyEq::NotEqual;
        assert_eq!(s.add(1, Value::TRUE, eq), Ok(true));
        assert_eq!(s.add(1, Value::TRUE, eq), Ok(false));
        assert_eq!(s.contains(1, Value::TRUE, eq), Ok(true));
        assert_eq!(s.discard(1, Value::TRUE, eq), Ok(true));
        assert_eq!(s.contains(1, Value::TRUE, eq), Ok(false));
        assert!(s.is_empty());
    }

    #[test]
    fn type_version_bumps() {
        let t = TypeData::new(3);
        assert_eq!(t.slots.len(), 3);
        assert_eq!(t.bump_version(), 1);
        assert_eq!(t.bump_version(), 2);
        assert!(t.dict.load().is_null());
    }
}
