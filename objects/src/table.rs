//! `Table`, the insertion-ordered hash table behind `dict` (sets use `SetTable`, which keeps
//! CPython's set slot order): a dense entry array in insertion order plus an open-addressed index
//! array probed with CPython's perturbation sequence. Mirrors the layout of CPython's compact dict
//! (Objects/dictobject.c, `PyDictKeysObject`), without calling back into Python.
//!
//! Keys are compared by a callback that runs while the table's lock is held, so it must not run
//! Python code. It answers `Equal`, `NotEqual` or `Unknown` (the answer needs a Python `__eq__`).
//! An operation that meets an `Unknown` candidate before deciding returns [`Undecided`] with the
//! candidate keys; the interpreter unlocks, runs `__eq__` on each, records the answers in a
//! [`Resolved`], and retries with a callback that consults it. If the table changed meanwhile the
//! retry simply probes again, and any new candidate comes back `Undecided` in turn.

use crate::trace::{Trace, Tracer};
use crate::value::Value;
use std::sync::atomic::{AtomicU64, Ordering};

/// A free index slot.
const EMPTY: u32 = 0;
/// An index slot whose entry was removed (probing continues past it).
const DUMMY: u32 = u32::MAX;
const MIN_SIZE: usize = 8;

/// A key's answer from an equality callback.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyEq {
    Equal,
    NotEqual,
    /// Deciding needs Python code (a user `__eq__`): not allowed under the lock.
    Unknown,
}

/// Stored keys (with the probed hash) whose comparison needs Python; see the module docs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Undecided {
    pub candidates: Vec<Value>,
}

/// Equality answers computed outside the lock, keyed by the stored key's identity.
#[derive(Clone, Debug, Default)]
pub struct Resolved(Vec<(Value, bool)>);

impl Resolved {
    pub fn record(&mut self, stored: Value, equal: bool) {
        self.0.push((stored, equal));
    }

    /// The recorded answer for a stored key, if there is one.
    pub fn answer(&self, stored: Value) -> Option<KeyEq> {
        self.0
            .iter()
            .rev()
            .find(|(k, _)| *k == stored)
            .map(|&(_, eq)| if eq { KeyEq::Equal } else { KeyEq::NotEqual })
    }
}

/// One entry: the key's hash, the key and (for dicts) the value. A removed entry keeps its
/// place with a `NULL` key until the table is compacted.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

/// Where a probe ended.
enum Probe {
    /// The entry index and the index slot that points to it.
    Found {
        entry: usize,
        slot: usize,
    },
    /// Not present; `slot` is where an insertion goes (`None` if there is no index yet).
    Missing {
        slot: Option<usize>,
    },
    Undecided(Vec<Value>),
}

/// The result of a lookup.
#[derive(Clone, Debug, PartialEq)]
pub enum Lookup {
    /// The stored key and its value.
    Found {
        key: Value,
        value: Value,
    },
    Missing,
    Undecided(Undecided),
}

/// An insertion-ordered hash table of `Value` keys (and values).
#[derive(Debug, Default)]
pub struct Table {
    entries: Vec<Entry>,
    /// `EMPTY`, `DUMMY`, or an entry index plus one. Its length is zero or a power of two.
    indices: Vec<u32>,
    /// Live entries.
    used: usize,
    /// Whether changes bump [`WATCHED_EPOCH`] (a type's namespace, which lookup caches read).
    watched: bool,
    /// Whether changes bump [`GLOBALS_EPOCH`] (a module's globals or builtins, which the
    /// `LOAD_GLOBAL` cache reads).
    watched_globals: bool,
}

/// Bumped by every change to a watched table, and by anything else that invalidates cached type
/// lookups (a new class, a new MRO). Caches keep the epoch they were filled at and are valid
/// while it is unchanged (CPython's type version tags, made global: class changes are rare).
static WATCHED_EPOCH: AtomicU64 = AtomicU64::new(0);

/// The current epoch of watched tables. Read it before a lookup whose result is cached.
pub fn watched_epoch() -> u64 {
    WATCHED_EPOCH.load(Ordering::Acquire)
}

/// Invalidates every cache filled at an earlier epoch.
pub fn bump_watched_epoch() {
    WATCHED_EPOCH.fetch_add(1, Ordering::AcqRel);
}

/// Bumped by every change to a table watched as globals (see [`Table::watch_globals`]), and
/// when such a table is dropped (so a handle reused for another dict cannot hit a cache).
/// Separate from [`WATCHED_EPOCH`]: module-level code stores globals all the time, which must
/// not cost the type caches anything.
static GLOBALS_EPOCH: AtomicU64 = AtomicU64::new(0);

/// The current epoch of tables watched as globals. Read it before a lookup whose result is
/// cached.
pub fn globals_epoch() -> u64 {
    GLOBALS_EPOCH.load(Ordering::Acquire)
}

/// The index slots a hash visits, in order (CPython's `i = i*5 + perturb + 1`, which reaches
/// every slot of a power-of-two table).
struct ProbeSeq {
    mask: usize,
    i: usize,
    perturb: u64,
}

impl ProbeSeq {
    fn new(hash: i64, len: usize) -> ProbeSeq {
        let mask = len - 1;
        ProbeSeq {
            mask,
            i: (hash as u64 as usize) & mask,
            perturb: hash as u64,
        }
    }

    fn advance(&mut self) {
        self.perturb >>= 5;
        self.i = (self
            .i
            .wrapping_mul(5)
            .wrapping_add(self.perturb as usize)
            .wrapping_add(1))
            & self.mask;
    }
}

impl Table {
    pub fn new() -> Table {
        Table::default()
    }

    /// A table that takes `n` insertions before it grows.
    pub fn with_capacity(n: usize) -> Table {
        let mut t = Table::new();
        if n > 0 {
            t.entries.reserve(n);
            t.indices = vec![EMPTY; index_size_for(n)];
        }
        t
    }

    /// Live entries.
    pub fn len(&self) -> usize {
        self.used
    }

    /// Makes every later change of this table bump the watched epoch.
    pub fn watch(&mut self) {
        self.watched = true;
    }

    /// Makes every later change of this table (and its drop) bump the globals epoch.
    pub fn watch_globals(&mut self) {
        self.watched_globals = true;
    }

    /// Whether [`Table::watch_globals`] was called.
    pub fn is_watched_globals(&self) -> bool {
        self.watched_globals
    }

    fn changed(&self) {
        if self.watched {
            bump_watched_epoch();
        }
        if self.watched_globals {
            GLOBALS_EPOCH.fetch_add(1, Ordering::AcqRel);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn probe(&self, hash: i64, key: Value, eq: &mut impl FnMut(Value, Value) -> KeyEq) -> Probe {
        if self.indices.is_empty() {
            return Probe::Missing { slot: None };
        }
        let mut seq = ProbeSeq::new(hash, self.indices.len());
        let mut first_dummy = None;
        let mut unknown = Vec::new();
        loop {
            match self.indices[seq.i] {
                EMPTY => {
                    if !unknown.is_empty() {
                        return Probe::Undecided(unknown);
                    }
                    return Probe::Missing {
                        slot: Some(first_dummy.unwrap_or(seq.i)),
                    };
                }
                DUMMY => {
                    first_dummy.get_or_insert(seq.i);
                }
                ix => {
                    let entry = (ix - 1) as usize;
                    let e = &self.entries[entry];
                    if e.hash == hash {
                        let answer = if e.key == key {
                            KeyEq::Equal
                        } else {
                            eq(e.key, key)
                        };
                        match answer {
                            KeyEq::Equal if unknown.is_empty() => {
                                return Probe::Found { entry, slot: seq.i }
                            }
                            // An earlier candidate might be equal too: Python decides it first.
                            KeyEq::Equal => return Probe::Undecided(unknown),
                            KeyEq::NotEqual => {}
                            KeyEq::Unknown => unknown.push(e.key),
                        }
                    }
                }
            }
            seq.advance();
        }
    }

    /// Looks a key up. `eq(stored, key)` is asked about stored keys with the same hash (a key
    /// identical to `key` matches without asking).
    pub fn get(&self, hash: i64, key: Value, mut eq: impl FnMut(Value, Value) -> KeyEq) -> Lookup {
        match self.probe(hash, key, &mut eq) {
            Probe::Found { entry, .. } => {
                let e = &self.entries[entry];
                Lookup::Found {
                    key: e.key,
                    value: e.value,
                }
            }
            Probe::Missing { .. } => Lookup::Missing,
            Probe::Undecided(candidates) => Lookup::Undecided(Undecided { candidates }),
        }
    }

    /// Sets `key` to `value`; returns the value it replaced. An existing equal key is kept (as
    /// Python keeps the first key object).
    pub fn insert(
        &mut self,
        hash: i64,
        key: Value,
        value: Value,
        eq: impl FnMut(Value, Value) -> KeyEq,
    ) -> Result<Option<Value>, Undecided> {
        let mut old = None;
        self.upsert(hash, key, eq, |v| {
            old = v;
            value
        })?;
        Ok(old)
    }

    /// Sets `key` to `f(current value)` in one step under the caller's lock, so that
    /// read-modify-write operations (`setdefault`, counters) are atomic. `f` must not run
    /// Python code. Returns the value stored.
    pub fn upsert(
        &mut self,
        hash: i64,
        key: Value,
        mut eq: impl FnMut(Value, Value) -> KeyEq,
        f: impl FnOnce(Option<Value>) -> Value,
    ) -> Result<Value, Undecided> {
        match self.probe(hash, key, &mut eq) {
            Probe::Found { entry, .. } => {
                let e = &mut self.entries[entry];
                e.value = f(Some(e.value));
                let v = e.value;
                self.changed();
                Ok(v)
            }
            Probe::Undecided(candidates) => Err(Undecided { candidates }),
            Probe::Missing { slot } => {
                let value = f(None);
                let slot = match slot {
                    Some(s) if self.entries.len() < usable(self.indices.len()) => s,
                    _ => {
                        self.resize(index_size_for(self.used * 3 + 1));
                        self.free_slot(hash)
                    }
                };
                self.entries.push(Entry { hash, key, value });
                self.indices[slot] = self.entries.len() as u32;
                self.used += 1;
                self.changed();
                Ok(value)
            }
        }
    }

    /// Removes a key; returns the stored key and its value.
    pub fn remove(
        &mut self,
        hash: i64,
        key: Value,
        mut eq: impl FnMut(Value, Value) -> KeyEq,
    ) -> Result<Option<(Value, Value)>, Undecided> {
        match self.probe(hash, key, &mut eq) {
            Probe::Found { entry, slot } => Ok(Some(self.remove_at(entry, slot))),
            Probe::Missing { .. } => Ok(None),
            Probe::Undecided(candidates) => Err(Undecided { candidates }),
        }
    }

    fn remove_at(&mut self, entry: usize, slot: usize) -> (Value, Value) {
        self.indices[slot] = DUMMY;
        let e = std::mem::replace(
            &mut self.entries[entry],
            Entry {
                hash: 0,
                key: Value::NULL,
                value: Value::NULL,
            },
        );
        self.used -= 1;
        self.changed();
        (e.key, e.value)
    }

    /// Removes and returns the most recently inserted entry (`dict.popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let entry = self.entries.iter().rposition(|e| !e.key.is_null())?;
        if self.indices.is_empty() {
            return None;
        }
        let hash = self.entries[entry].hash;
        let mut seq = ProbeSeq::new(hash, self.indices.len());
        // The entry is indexed, so its slot is on its hash's probe sequence.
        for _ in 0..self.indices.len() {
            if self.indices[seq.i] == entry as u32 + 1 {
                let kv = self.remove_at(entry, seq.i);
                self.entries.truncate(entry);
                return Some(kv);
            }
            seq.advance();
        }
        None
    }

    /// The first live entry at position `pos` or later, and the position after it: how an
    /// iterator walks the table in insertion order without holding the lock between steps.
    pub fn entry_at(&self, pos: usize) -> Option<(usize, Entry)> {
        let rest = self.entries.get(pos..)?;
        let i = rest.iter().position(|e| !e.key.is_null())?;
        Some((pos + i + 1, rest[i]))
    }

    /// The position of the live entry whose key is `key` itself (identity, not equality): a
    /// hint for [`Table::value_at`] and [`Table::replace_at`], which attribute caches keep.
    pub fn position_of_identical(&self, key: Value) -> Option<usize> {
        self.entries.iter().position(|e| e.key == key)
    }

    /// The value at position `pos` if its key is `key` itself; None when the hint is stale.
    #[inline]
    pub fn value_at(&self, pos: usize, key: Value) -> Option<Value> {
        self.entries
            .get(pos)
            .and_then(|e| (e.key == key).then_some(e.value))
    }

    /// Replaces the value at position `pos` if its key is `key` itself; false when the hint is
    /// stale (nothing changes then).
    #[inline]
    pub fn replace_at(&mut self, pos: usize, key: Value, value: Value) -> bool {
        match self.entries.get_mut(pos) {
            Some(e) if e.key == key => {
                e.value = value;
                self.changed();
                true
            }
            _ => false,
        }
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| !e.key.is_null())
    }

    pub fn clear(&mut self) {
        let (watched, globals) = (self.watched, self.watched_globals);
        *self = Table::new();
        self.watched = watched;
        self.watched_globals = globals;
        self.changed();
    }

    /// An index slot for a key known to be absent (only `EMPTY` ends the search).
    fn free_slot(&self, hash: i64) -> usize {
        let mut seq = ProbeSeq::new(hash, self.indices.len());
        while self.indices[seq.i] != EMPTY {
            seq.advance();
        }
        seq.i
    }

    /// Rebuilds the index at `size` slots, dropping removed entries.
    fn resize(&mut self, size: usize) {
        self.entries.retain(|e| !e.key.is_null());
        self.indices = vec![EMPTY; size];
        for n in 0..self.entries.len() {
            let slot = self.free_slot(self.entries[n].hash);
            self.indices[slot] = n as u32 + 1;
        }
    }
}

/// Entries an index of `size` slots takes before it must grow (two thirds full at most, so a
/// probe always ends at an empty slot).
fn usable(size: usize) -> usize {
    size * 2 / 3
}

/// The smallest power-of-two index size that takes `n` entries.
fn index_size_for(n: usize) -> usize {
    let mut size = MIN_SIZE;
    while usable(size) < n {
        size *= 2;
    }
    size
}

impl Clone for Table {
    /// A copy with the same entries, watched by nobody (a copy of a class namespace or of
    /// module globals is a plain dict).
    fn clone(&self) -> Table {
        Table {
            entries: self.entries.clone(),
            indices: self.indices.clone(),
            used: self.used,
            watched: false,
            watched_globals: false,
        }
    }
}

impl Drop for Table {
    /// A dropped globals table moves the globals epoch: its dict's handle may be reused.
    fn drop(&mut self) {
        if self.watched_globals {
            GLOBALS_EPOCH.fetch_add(1, Ordering::AcqRel);
        }
    }
}

impl Trace for Table {
    fn trace(&self, tracer: &mut Tracer) {
        for e in &self.entries {
            tracer.visit(e.key);
            tracer.visit(e.value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(i: i64) -> Value {
        Value::from_i64(i).unwrap_or(Value::NONE)
    }

    /// Small ints compare by value; every other value by identity.
    fn eq_ints(a: Value, b: Value) -> KeyEq {
        match (a.as_small_int(), b.as_small_int()) {
            (Some(x), Some(y)) if x == y => KeyEq::Equal,
            _ => KeyEq::NotEqual,
        }
    }

    #[test]
    fn every_change_of_a_watched_table_moves_the_epoch() {
        let mut t = Table::new();
        t.watch();
        let mut last = watched_epoch();
        let mut moved = || {
            let now = watched_epoch();
            let ok = now > last;
            last = now;
            ok
        };
        assert_eq!(t.insert(1, int(1), int(10), eq_ints), Ok(None));
        assert!(moved(), "insert");
        assert_eq!(t.insert(1, int(1), int(11), eq_ints), Ok(Some(int(10))));
        assert!(moved(), "replace");
        assert!(t.remove(1, int(1), eq_ints).is_ok_and(|r| r.is_some()));
        assert!(moved(), "remove");
        assert_eq!(t.insert(2, int(2), int(20), eq_ints), Ok(None));
        assert!(moved(), "insert again");
        assert!(t.pop_last().is_some());
        assert!(moved(), "pop_last");
        assert_eq!(t.insert(3, int(3), int(30), eq_ints), Ok(None));
        assert!(moved(), "insert before clear");
        t.clear();
        assert!(moved(), "clear");
        // Still watched after clear.
        assert_eq!(t.insert(4, int(4), int(40), eq_ints), Ok(None));
        assert!(moved(), "insert after clear");
    }

    #[test]
    fn insert_get_replace_remove_in_order() {
        let mut t = Table::new();
        for i in 0..1000 {
            // Hash collisions on purpose: every key shares one of 7 hashes.
            assert_eq!(t.insert(i % 7, int(i), int(i * 10), eq_ints), Ok(None));
        }
        assert_eq!(t.len(), 1000);
        for i in 0..1000 {
            let found = Lookup::Found {
                key: int(i),
                value: int(i * 10),
            };
            assert_eq!(t.get(i % 7, int(i), eq_ints), found);
        }
        assert_eq!(t.get(3, int(5000), eq_ints), Lookup::Missing);
        assert_eq!(t.insert(5, int(5), int(-1), eq_ints), Ok(Some(int(50))));
        for i in (0..1000).step_by(2) {
            assert_eq!(
                t.remove(i % 7, int(i), eq_ints),
                Ok(Some((int(i), int(i * 10))))
            );
        }
        assert_eq!(t.remove(0, int(0), eq_ints), Ok(None));
        assert_eq!(t.len(), 500);
        let keys: Vec<i64> = t.iter().filter_map(|e| e.key.as_small_int()).collect();
        assert_eq!(keys, (1..1000).step_by(2).collect::<Vec<_>>());
        assert_eq!(
            t.get(5, int(5), eq_ints).clone(),
            Lookup::Found {
                key: int(5),
                value: int(-1)
            }
        );
    }

    #[test]
    fn churn_does_not_grow_without_bound() {
        let mut t = Table::new();
        for i in 0..100_000 {
            assert!(t.insert(i, int(i), Value::NONE, eq_ints).is_ok());
            assert!(t.remove(i, int(i), eq_ints).is_ok_and(|r| r.is_some()));
        }
        assert!(t.is_empty());
        assert!(t.entries.len() <= MIN_SIZE && t.indices.len() <= MIN_SIZE);
    }

    #[test]
    fn unknown_candidates_are_returned_then_resolved() {
        let mut t = Table::new();
        // Keys 1 and 2 are "user objects": their equality needs Python.
        assert!(t.insert(9, int(1), int(100), |_, _| KeyEq::Unknown).is_ok());
        assert!(t
            .insert(9, int(2), int(200), |_, _| KeyEq::Unknown)
            .is_err());
        let probe_key = int(77);
        let unknown = |_: Value, _: Value| KeyEq::Unknown;
        let Lookup::Undecided(u) = t.get(9, probe_key, unknown) else {
            unreachable!("lookup with unknown equality must be undecided")
        };
        assert_eq!(u.candidates, vec![int(1)]);
        // Outside the lock: pretend Python says 77 == 1.
        let mut resolved = Resolved::default();
        resolved.record(int(1), true);
        let eq = |stored, _| resolved.answer(stored).unwrap_or(KeyEq::Unknown);
        assert_eq!(
            t.get(9, probe_key, eq),
            Lookup::Found {
                key: int(1),
                value: int(100)
            }
        );
        // A later equal candidate does not win over an earlier undecided one.
        let mut t2 = Table::new();
        assert!(t2.insert(4, int(1), int(1), eq_ints).is_ok());
        assert!(t2.insert(4, int(2), int(2), eq_ints).is_ok());
        let first_unknown = |s: Value, _| {
            if s == int(1) {
                KeyEq::Unknown
            } else {
                KeyEq::Equal
            }
        };
        assert!(matches!(
            t2.get(4, int(3), first_unknown),
            Lookup::Undecided(_)
        ));
    }

    #[test]
    fn upsert_and_pop_last_and_entry_at() {
        let mut t = Table::with_capacity(3);
        for _ in 0..5 {
            let r = t.upsert(1, int(1), eq_ints, |v| {
                int(v.and_then(|v| v.as_small_int()).unwrap_or(0) + 1)
            });
            assert!(r.is_ok());
        }
        assert_eq!(
            t.get(1, int(1), eq_ints),
            Lookup::Found {
                key: int(1),
                value: int(5)
            }
        );
        assert!(t.insert(2, int(2), int(20), eq_ints).is_ok());
        assert!(t.insert(3, int(3), int(30), eq_ints).is_ok());
        assert!(t.remove(2, int(2), eq_ints).is_ok());
        let (next, e) = t.entry_at(0).unwrap_or((
            0,
            Entry {
                hash: 0,
                key: Value::NULL,
                value: Value::NULL,
            },
        ));
        assert_eq!((next, e.key), (1, int(1)));
        assert_eq!(t.entry_at(next).map(|(n, e)| (n, e.key)), Some((3, int(3))));
        assert_eq!(t.entry_at(3), None);
        assert_eq!(t.pop_last(), Some((int(3), int(30))));
        assert_eq!(t.pop_last(), Some((int(1), int(5))));
        assert_eq!(t.pop_last(), None);
        assert!(t.is_empty());
    }

    #[test]
    fn trace_reports_keys_and_values() {
        let h = |i| {
            Value::from_handle(crate::Handle {
                index: i,
                generation: 0,
            })
        };
        let mut t = Table::new();
        assert!(t.insert(1, h(1), h(2), |_, _| KeyEq::NotEqual).is_ok());
        assert!(t.insert(2, int(5), h(3), |_, _| KeyEq::NotEqual).is_ok());
        let mut tr = Tracer::default();
        t.trace(&mut tr);
        assert_eq!(tr.found, vec![h(1), h(2), h(3)]);
    }
}
