//! `SetTable`, the hash table behind `set` and `frozenset`: an open-addressed array of slots whose
//! layout, and so whose iteration order, is CPython 3.14's (Objects/setobject.c) for the same
//! hashes and the same sequence of operations: minimum 8 slots, growth when `fill * 5 >= mask * 3`,
//! groups of `LINEAR_PROBES` neighbouring slots between perturbed jumps, dummies left by removals,
//! the last dummy of a probe reused by an insertion, resizes that re-insert in slot order, the
//! one-big-resize and slot-copy shortcuts of a merge, and `pop`'s finger. `print({3, 1, 2})`
//! prints what CPython prints because the slots are the same.
//!
//! Equality follows the [`Table`](crate::table::Table) protocol: a callback `eq(stored, key)` that
//! runs under the caller's lock and answers `Unknown` when Python's `__eq__` is needed; single-key
//! operations then return [`Undecided`], and the multi-key operations (merges, the algebra in
//! [`algebra`]) return [`Pending`], naming the probed key too, so that the caller can resolve the
//! pairs with the lock released (in [`PairAnswers`]) and run the whole operation again.

pub mod algebra;
#[cfg(test)]
mod tests;

use crate::table::{KeyEq, Lookup, Table, Undecided};
use crate::trace::{Trace, Tracer};
use crate::value::Value;

/// Slots in the smallest table (CPython's `PySet_MINSIZE`).
pub const MIN_SIZE: usize = 8;
/// Neighbouring slots a probe inspects after its first before jumping (CPython's value).
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
/// The hash a dummy slot carries (no Python object hashes to -1).
const DUMMY_HASH: i64 = -1;

/// One slot: an element and its hash. An unused slot has a `NULL` key and hash 0; a dummy (the
/// trace of a removed element, which probes continue past) has a `NULL` key and hash -1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SetEntry {
    pub hash: i64,
    pub key: Value,
}

impl SetEntry {
    const UNUSED: SetEntry = SetEntry {
        hash: 0,
        key: Value::NULL,
    };
    const DUMMY: SetEntry = SetEntry {
        hash: DUMMY_HASH,
        key: Value::NULL,
    };

    fn is_active(&self) -> bool {
        !self.key.is_null()
    }

    fn is_unused(&self) -> bool {
        self.key.is_null() && self.hash != DUMMY_HASH
    }
}

/// A multi-key operation met stored elements whose equality to `key` (with `hash`) needs Python:
/// compute `candidate == key` for each with the locks released, record the answers in a
/// [`PairAnswers`], and run the operation again with `eq` consulting it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending {
    pub hash: i64,
    pub key: Value,
    pub candidates: Vec<Value>,
}

/// Equality answers for (stored, probed) pairs, computed outside the locks.
#[derive(Clone, Debug, Default)]
pub struct PairAnswers(Vec<(Value, Value, bool)>);

impl PairAnswers {
    pub fn record(&mut self, stored: Value, key: Value, equal: bool) {
        self.0.push((stored, key, equal));
    }

    /// The recorded answer for `stored == key`, if there is one.
    pub fn answer(&self, stored: Value, key: Value) -> Option<KeyEq> {
        self.0
            .iter()
            .rev()
            .find(|(s, k, _)| *s == stored && *k == key)
            .map(|&(_, _, eq)| if eq { KeyEq::Equal } else { KeyEq::NotEqual })
    }
}

/// Where a probe for a key ended.
enum Probe {
    Found(usize),
    /// Absent: the first unused slot met, and the last dummy met before it.
    Missing {
        unused: usize,
        dummy: Option<usize>,
    },
    Undecided(Vec<Value>),
}

/// A set's hash table, laid out slot for slot as CPython lays out a set with the same history.
#[derive(Clone, Debug, PartialEq)]
pub struct SetTable {
    /// A power of two, at least `MIN_SIZE`, long.
    slots: Vec<SetEntry>,
    /// Active plus dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Where `pop` starts looking (CPython's `finger`).
    finger: usize,
}

impl Default for SetTable {
    fn default() -> SetTable {
        SetTable::new()
    }
}

impl SetTable {
    pub fn new() -> SetTable {
        SetTable {
            slots: vec![SetEntry::UNUSED; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
        }
    }

    /// A new set with `items` added in order (`set(iterable)` over precomputed hashes).
    pub fn from_hashed(
        items: impl IntoIterator<Item = (i64, Value)>,
        mut eq: impl FnMut(Value, Value) -> KeyEq,
    ) -> Result<SetTable, Pending> {
        let mut t = SetTable::new();
        t.extend(items, &mut eq)?;
        Ok(t)
    }

    /// Elements in the set.
    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Slots in the table (a power of two); for tests and `__sizeof__`.
    pub fn capacity(&self) -> usize {
        self.slots.len()
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// Calls `visit(slot)` on the slots `hash` probes, in CPython's order, until it returns
    /// `Some`. Every slot is reached eventually, and every table has an unused slot.
    fn walk<R>(&self, hash: i64, mut visit: impl FnMut(usize) -> Option<R>) -> R {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                if let Some(r) = visit(j) {
                    return r;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    fn probe(&self, hash: i64, key: Value, eq: &mut impl FnMut(Value, Value) -> KeyEq) -> Probe {
        let mut dummy = None;
        let mut unknown = Vec::new();
        self.walk(hash, |i| {
            let e = self.slots[i];
            if e.is_unused() {
                return Some(if unknown.is_empty() {
                    Probe::Missing { unused: i, dummy }
                } else {
                    Probe::Undecided(std::mem::take(&mut unknown))
                });
            }
            if !e.is_active() {
                dummy = Some(i);
            } else if e.hash == hash {
                let answer = if e.key == key {
                    KeyEq::Equal
                } else {
                    eq(e.key, key)
                };
                match answer {
                    KeyEq::Equal if unknown.is_empty() => return Some(Probe::Found(i)),
                    // An earlier candidate might be equal too: Python decides it first.
                    KeyEq::Equal => return Some(Probe::Undecided(std::mem::take(&mut unknown))),
                    KeyEq::NotEqual => {}
                    KeyEq::Unknown => unknown.push(e.key),
                }
            }
            None
        })
    }

    /// The stored element equal to `key`, if any (`Lookup::Found` carries it with a `NULL`
    /// value, as [`Table::get`] would).
    pub fn get(&self, hash: i64, key: Value, mut eq: impl FnMut(Value, Value) -> KeyEq) -> Lookup {
        match self.probe(hash, key, &mut eq) {
            Probe::Found(i) => Lookup::Found {
                key: self.slots[i].key,
                value: Value::NULL,
            },
            Probe::Missing { .. } => Lookup::Missing,
            Probe::Undecided(candidates) => Lookup::Undecided(Undecided { candidates }),
        }
    }

    pub fn contains(
        &self,
        hash: i64,
        key: Value,
        mut eq: impl FnMut(Value, Value) -> KeyEq,
    ) -> Result<bool, Undecided> {
        match self.probe(hash, key, &mut eq) {
            Probe::Found(_) => Ok(true),
            Probe::Missing { .. } => Ok(false),
            Probe::Undecided(candidates) => Err(Undecided { candidates }),
        }
    }

    /// Adds `key` (`set.add`); returns whether it was new. An equal stored element is kept.
    pub fn add(
        &mut self,
        hash: i64,
        key: Value,
        mut eq: impl FnMut(Value, Value) -> KeyEq,
    ) -> Result<bool, Undecided> {
        match self.probe(hash, key, &mut eq) {
            Probe::Found(_) => Ok(false),
            Probe::Undecided(candidates) => Err(Undecided { candidates }),
            Probe::Missing { dummy: Some(d), .. } => {
                // A reused dummy changes neither `fill` nor the need to grow.
                self.slots[d] = SetEntry { hash, key };
                self.used += 1;
                Ok(true)
            }
            Probe::Missing { unused, .. } => {
                self.slots[unused] = SetEntry { hash, key };
                self.fill += 1;
                self.used += 1;
                if self.fill * 5 >= self.mask() * 3 {
                    self.resize(self.growth_target());
                }
                Ok(true)
            }
        }
    }

    /// Removes the element equal to `key` (`set.discard`), leaving a dummy; returns it.
    pub fn discard(
        &mut self,
        hash: i64,
        key: Value,
        mut eq: impl FnMut(Value, Value) -> KeyEq,
    ) -> Result<Option<Value>, Undecided> {
        match self.probe(hash, key, &mut eq) {
            Probe::Found(i) => {
                let old = self.slots[i].key;
                self.slots[i] = SetEntry::DUMMY;
                self.used -= 1;
                Ok(Some(old))
            }
            Probe::Missing { .. } => Ok(None),
            Probe::Undecided(candidates) => Err(Undecided { candidates }),
        }
    }

    /// Same as [`SetTable::discard`] (the name [`Table`] uses).
    pub fn remove(
        &mut self,
        hash: i64,
        key: Value,
        eq: impl FnMut(Value, Value) -> KeyEq,
    ) -> Result<Option<Value>, Undecided> {
        self.discard(hash, key, eq)
    }

    /// Removes and returns an element (`set.pop`): the first active slot from the finger on,
    /// wrapping around; the finger moves past it.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while !self.slots[i].is_active() {
            i = if i == mask { 0 } else { i + 1 };
        }
        let key = self.slots[i].key;
        self.slots[i] = SetEntry::DUMMY;
        self.used -= 1;
        self.finger = i + 1;
        Some(key)
    }

    /// Empties the set into a fresh minimum-size table (`set.clear`); the finger stays, as in
    /// CPython.
    pub fn clear(&mut self) {
        self.slots = vec![SetEntry::UNUSED; MIN_SIZE];
        self.fill = 0;
        self.used = 0;
    }

    /// A new set with the same elements, laid out as CPython's `set.copy()` lays it out (a merge
    /// into an empty set: slot for slot when the sizes agree, otherwise re-inserted in slot
    /// order). `set(s)`, `frozenset(s)` and `s.copy()` all build this.
    pub fn copy(&self) -> SetTable {
        let mut t = SetTable::new();
        // A merge into an empty set never compares.
        let no_compare = |_: Value, _: Value| KeyEq::NotEqual;
        match t.merge(self, no_compare) {
            Ok(()) => t,
            Err(_) => self.clone(),
        }
    }

    /// The first active slot at position `pos` or later and the position after it: how an
    /// iterator walks the set in slot order without holding the lock between steps (CPython's
    /// `si_pos`).
    pub fn entry_at(&self, pos: usize) -> Option<(usize, SetEntry)> {
        let rest = self.slots.get(pos..)?;
        let i = rest.iter().position(SetEntry::is_active)?;
        Some((pos + i + 1, rest[i]))
    }

    /// Elements with their hashes, in slot order (the order CPython iterates and prints).
    pub fn iter(&self) -> impl Iterator<Item = &SetEntry> {
        self.slots.iter().filter(|e| e.is_active())
    }

    /// Elements in slot order.
    pub fn elements(&self) -> Vec<Value> {
        self.iter().map(|e| e.key).collect()
    }

    /// `set.update(other)` for a set or frozenset `other` (CPython's `set_merge`): one resize up
    /// front when needed, then a slot copy or clean re-insertion into an empty table, or an `add`
    /// of each of `other`'s elements in its slot order. On `Pending` the elements before the
    /// undecided one were added; see [`algebra::update`] for the all-or-nothing form.
    pub fn merge(
        &mut self,
        other: &SetTable,
        mut eq: impl FnMut(Value, Value) -> KeyEq,
    ) -> Result<(), Pending> {
        if other.used == 0 {
            return Ok(());
        }
        self.reserve_for_merge(other.used);
        if self.fill == 0 {
            if self.slots.len() == other.slots.len() && other.fill == other.used {
                self.slots.copy_from_slice(&other.slots);
            } else {
                for e in other.iter() {
                    self.insert_clean(e.hash, e.key);
                }
            }
            self.fill = other.used;
            self.used = other.used;
            return Ok(());
        }
        for e in other.iter() {
            self.add_pending(e.hash, e.key, &mut eq)?;
        }
        Ok(())
    }

    /// `set.update(d)` for a dict `d`: one resize up front when needed, then an `add` of each key
    /// in the dict's insertion order. On `Pending` the keys before the undecided one were added;
    /// [`algebra::update_dict`] is the all-or-nothing form.
    pub fn merge_dict(
        &mut self,
        dict: &Table,
        mut eq: impl FnMut(Value, Value) -> KeyEq,
    ) -> Result<(), Pending> {
        self.reserve_for_merge(dict.len());
        for e in dict.iter() {
            self.add_pending(e.hash, e.key, &mut eq)?;
        }
        Ok(())
    }

    /// Adds each `(hash, key)` in order (`set.update(iterable)` for an iterable that is not a
    /// set or dict: no resize up front). On `Pending` the items before the undecided one were
    /// added and the rest not consumed past it: resolving the pending key, adding it and
    /// extending with the rest gives exactly CPython's layout.
    pub fn extend(
        &mut self,
        items: impl IntoIterator<Item = (i64, Value)>,
        mut eq: impl FnMut(Value, Value) -> KeyEq,
    ) -> Result<(), Pending> {
        for (hash, key) in items {
            self.add_pending(hash, key, &mut eq)?;
        }
        Ok(())
    }

    /// CPython's resize before merging `n` elements from a set or dict ("one big resize at the
    /// start"), for callers that add the elements themselves.
    pub fn reserve_for_merge(&mut self, n: usize) {
        if (self.fill + n) * 5 >= self.mask() * 3 {
            self.resize((self.used + n) * 2);
        }
    }

    /// CPython's purge after a bulk removal (`difference_update`): resizes when more than a
    /// quarter of the slots are dummies.
    pub fn purge_dummies(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            self.resize(self.growth_target());
        }
    }

    fn add_pending(
        &mut self,
        hash: i64,
        key: Value,
        eq: &mut impl FnMut(Value, Value) -> KeyEq,
    ) -> Result<bool, Pending> {
        self.add(hash, key, &mut *eq).map_err(|u| Pending {
            hash,
            key,
            candidates: u.candidates,
        })
    }

    fn discard_pending(
        &mut self,
        hash: i64,
        key: Value,
        eq: &mut impl FnMut(Value, Value) -> KeyEq,
    ) -> Result<bool, Pending> {
        match self.discard(hash, key, &mut *eq) {
            Ok(r) => Ok(r.is_some()),
            Err(u) => Err(Pending {
                hash,
                key,
                candidates: u.candidates,
            }),
        }
    }

    fn contains_pending(
        &self,
        hash: i64,
        key: Value,
        eq: &mut impl FnMut(Value, Value) -> KeyEq,
    ) -> Result<bool, Pending> {
        self.contains(hash, key, &mut *eq).map_err(|u| Pending {
            hash,
            key,
            candidates: u.candidates,
        })
    }

    /// The size CPython asks for when a set grows or purges dummies.
    fn growth_target(&self) -> usize {
        if self.used > 50_000 {
            self.used * 2
        } else {
            self.used * 4
        }
    }

    /// Rebuilds the table with the smallest power-of-two size above `min_used` (at least
    /// `MIN_SIZE`), re-inserting the elements in slot order and dropping dummies.
    fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        if size == MIN_SIZE && self.slots.len() == MIN_SIZE && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.slots, vec![SetEntry::UNUSED; size]);
        for e in old.iter().filter(|e| e.is_active()) {
            self.insert_clean(e.hash, e.key);
        }
        self.fill = self.used;
    }

    /// Puts an element known to be absent into the first unused slot of its probe (a table
    /// without dummies); the caller counts it.
    fn insert_clean(&mut self, hash: i64, key: Value) {
        let slot = self.walk(hash, |i| self.slots[i].key.is_null().then_some(i));
        self.slots[slot] = SetEntry { hash, key };
    }

    /// CPython's frozenset hash: the shuffled hashes of the elements xor-ed together, mixed
    /// with the size. Independent of the layout.
    pub fn frozenset_hash(&self) -> i64 {
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
        }
        let mut hash = self
            .iter()
            .fold(0u64, |acc, e| acc ^ shuffle(e.hash as u64));
        hash ^= (self.used as u64 + 1).wrapping_mul(1_927_868_237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
        if hash == u64::MAX {
            hash = 590_923_713;
        }
        hash as i64
    }
}

impl Trace for SetTable {
    fn trace(&self, tracer: &mut Tracer) {
        for e in self.iter() {
            tracer.visit(e.key);
        }
    }
}
