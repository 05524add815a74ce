//! The per-thread cache of type attribute lookups (CPython's type method cache in
//! Objects/typeobject.c, `_PyType_Lookup`): a direct-mapped table keyed by (type, name), valid
//! while the watched epoch of `protopy_objects::table` is unchanged. Every type namespace a
//! lookup walks is watched, so any change to it, or a new class or MRO, bumps the epoch and
//! empties the cache at once. Per thread, so reads take no lock.

use protopy_objects::{Handle, Value};

/// Entries in the table (a power of two).
const SIZE: usize = 4096;

#[derive(Clone, Copy)]
struct Entry {
    ty: u64,
    name: u64,
    epoch: u64,
    /// The attribute found, or `Value::NULL` for "not found".
    value: Value,
}

const EMPTY: Entry = Entry {
    ty: u64::MAX,
    name: u64::MAX,
    epoch: u64::MAX,
    value: Value::NULL,
};

/// A thread's lookup cache.
pub struct LookupCache {
    entries: Box<[Entry]>,
}

impl Default for LookupCache {
    fn default() -> Self {
        LookupCache {
            entries: vec![EMPTY; SIZE].into_boxed_slice(),
        }
    }
}

/// The slot of (`ty`, `name`, `salt`) in a direct-mapped table of `1 << bits` entries (a
/// multiplicative hash of the handle and name bits; also used by `eval::attr_cache`).
#[inline]
pub fn slot_of(ty: u64, name: u64, salt: u64, bits: u32) -> usize {
    let h = (ty ^ name.rotate_left(17) ^ salt << 60).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - bits)) as usize
}

fn slot(ty: u64, name: u64) -> usize {
    slot_of(ty, name, 0, SIZE.trailing_zeros())
}

impl LookupCache {
    /// The cached result for (`ty`, `name`) at `epoch`: `Some(None)` is a cached miss.
    #[inline]
    pub fn get(&self, ty: Handle, name: Value, epoch: u64) -> Option<Option<Value>> {
        let (t, n) = (ty.to_bits(), name.to_bits());
        let e = self.entries[slot(t, n)];
        if e.ty == t && e.name == n && e.epoch == epoch {
            return Some((!e.value.is_null()).then_some(e.value));
        }
        None
    }

    /// Records the result of a lookup made at `epoch` (read before the lookup began).
    #[inline]
    pub fn put(&mut self, ty: Handle, name: Value, epoch: u64, found: Option<Value>) {
        let (t, n) = (ty.to_bits(), name.to_bits());
        self.entries[slot(t, n)] = Entry {
            ty: t,
            name: n,
            epoch,
            value: found.unwrap_or(Value::NULL),
        };
    }
}
