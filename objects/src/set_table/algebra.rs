//! Set algebra over [`SetTable`]s, building each result in the order CPython 3.14's
//! Objects/setobject.c builds it (`set_or`, `set_intersection`, `set_difference`,
//! `set_symmetric_difference` and their in-place forms), so results iterate and print alike.
//!
//! Every function is all-or-nothing: on [`Pending`] nothing was changed, and the caller resolves
//! the pairs (with the locks released) and calls it again with an `eq` that consults the answers.
//! The caller handles an operand that is the same object as the target of an in-place operation
//! (`s -= s` and `s ^= s` clear `s`, `s |= s` and `s &= s` leave it alone); the binary functions
//! detect the same table passed twice themselves.

use super::{Pending, SetTable};
use crate::table::{KeyEq, Lookup, Table};
use crate::value::Value;

/// Runs `f` on a copy of `s` and keeps the result only if it completes.
fn all_or_nothing(
    s: &mut SetTable,
    f: impl FnOnce(&mut SetTable) -> Result<(), Pending>,
) -> Result<(), Pending> {
    let mut t = s.clone();
    f(&mut t)?;
    *s = t;
    Ok(())
}

/// `a | b` and `a.union(b)`: a copy of `a`, then `b` merged into it.
pub fn union(
    a: &SetTable,
    b: &SetTable,
    eq: impl FnMut(Value, Value) -> KeyEq,
) -> Result<SetTable, Pending> {
    let mut r = a.copy();
    if !std::ptr::eq(a, b) {
        r.merge(b, eq)?;
    }
    Ok(r)
}

/// `s |= b` and `s.update(b)` for a set `b`.
pub fn update(
    s: &mut SetTable,
    b: &SetTable,
    eq: impl FnMut(Value, Value) -> KeyEq,
) -> Result<(), Pending> {
    all_or_nothing(s, |t| t.merge(b, eq))
}

/// `s.update(d)` and `s |= d.keys()`-style updates from a dict `d` (its keys in insertion
/// order, after CPython's one resize up front).
pub fn update_dict(
    s: &mut SetTable,
    d: &Table,
    eq: impl FnMut(Value, Value) -> KeyEq,
) -> Result<(), Pending> {
    all_or_nothing(s, |t| t.merge_dict(d, eq))
}

/// `a & b`: the elements of the smaller operand (`b` when the sizes are equal), in its slot
/// order, that the other contains. `a & a` is a copy.
pub fn intersection(
    a: &SetTable,
    b: &SetTable,
    mut eq: impl FnMut(Value, Value) -> KeyEq,
) -> Result<SetTable, Pending> {
    if std::ptr::eq(a, b) {
        return Ok(a.copy());
    }
    let (big, small) = if b.len() > a.len() { (b, a) } else { (a, b) };
    let mut r = SetTable::new();
    for e in small.iter() {
        if big.contains_pending(e.hash, e.key, &mut eq)? {
            r.add_pending(e.hash, e.key, &mut eq)?;
        }
    }
    Ok(r)
}

/// `a.intersection(iterable)` for an iterable that is not a set: the items `a` contains, in the
/// iterable's order, stopping once the result is as large as `a`.
pub fn intersection_hashed(
    a: &SetTable,
    items: impl IntoIterator<Item = (i64, Value)>,
    mut eq: impl FnMut(Value, Value) -> KeyEq,
) -> Result<SetTable, Pending> {
    let mut r = SetTable::new();
    for (hash, key) in items {
        if a.contains_pending(hash, key, &mut eq)? {
            r.add_pending(hash, key, &mut eq)?;
            if r.len() >= a.len() {
                break;
            }
        }
    }
    Ok(r)
}

/// `s &= b` and `s.intersection_update(b)`: `s` takes the table of `s & b` and keeps its
/// `pop` finger (CPython swaps the tables, not the finger).
pub fn intersection_update(
    s: &mut SetTable,
    b: &SetTable,
    eq: impl FnMut(Value, Value) -> KeyEq,
) -> Result<(), Pending> {
    let mut r = intersection(s, b, eq)?;
    r.finger = s.finger;
    *s = r;
    Ok(())
}

/// `s &= s`: `s` takes a copy of itself (CPython's `set_intersection` of a set with itself),
/// keeping its `pop` finger.
pub fn intersection_update_self(s: &mut SetTable) {
    let mut r = s.copy();
    r.finger = s.finger;
    *s = r;
}

/// `a - b`: when `a` is more than four times larger than `b`, a copy of `a` with `b`'s elements
/// discarded; otherwise `a`'s elements that `b` lacks, added in `a`'s slot order.
pub fn difference(
    a: &SetTable,
    b: &SetTable,
    mut eq: impl FnMut(Value, Value) -> KeyEq,
) -> Result<SetTable, Pending> {
    if (a.len() >> 2) > b.len() {
        let mut r = a.copy();
        discard_all(&mut r, b, &mut eq)?;
        return Ok(r);
    }
    let mut r = SetTable::new();
    for e in a.iter() {
        if !b.contains_pending(e.hash, e.key, &mut eq)? {
            r.add_pending(e.hash, e.key, &mut eq)?;
        }
    }
    Ok(r)
}

/// `a.difference(d)` for a dict `d`: as [`difference`], with `d`'s keys in insertion order.
pub fn difference_dict(
    a: &SetTable,
    d: &Table,
    mut eq: impl FnMut(Value, Value) -> KeyEq,
) -> Result<SetTable, Pending> {
    if (a.len() >> 2) > d.len() {
        let mut r = a.copy();
        for e in d.iter() {
            r.discard_pending(e.hash, e.key, &mut eq)?;
        }
        r.purge_dummies();
        return Ok(r);
    }
    let mut r = SetTable::new();
    for e in a.iter() {
        let present = match d.get(e.hash, e.key, &mut eq) {
            Lookup::Found { .. } => true,
            Lookup::Missing => false,
            Lookup::Undecided(u) => {
                return Err(Pending {
                    hash: e.hash,
                    key: e.key,
                    candidates: u.candidates,
                })
            }
        };
        if !present {
            r.add_pending(e.hash, e.key, &mut eq)?;
        }
    }
    Ok(r)
}

/// `s -= b` and `s.difference_update(b)` for a set `b`.
pub fn difference_update(
    s: &mut SetTable,
    b: &SetTable,
    mut eq: impl FnMut(Value, Value) -> KeyEq,
) -> Result<(), Pending> {
    all_or_nothing(s, |t| discard_all(t, b, &mut eq))
}

/// `s.difference_update(iterable)` (and `a.difference(iterable)` on a copy of `a`): each item
/// discarded in order, then the dummies purged.
pub fn difference_update_hashed(
    s: &mut SetTable,
    items: impl IntoIterator<Item = (i64, Value)>,
    mut eq: impl FnMut(Value, Value) -> KeyEq,
) -> Result<(), Pending> {
    all_or_nothing(s, |t| {
        for (hash, key) in items {
            t.discard_pending(hash, key, &mut eq)?;
        }
        t.purge_dummies();
        Ok(())
    })
}

/// CPython's `set_difference_update_internal` for a set operand: when `b` is more than eight
/// times larger, only `s & b` is discarded; `b`'s (or that intersection's) slot order decides
/// the order of removals; then the dummies are purged.
fn discard_all(
    s: &mut SetTable,
    b: &SetTable,
    eq: &mut impl FnMut(Value, Value) -> KeyEq,
) -> Result<(), Pending> {
    let common;
    let from = if (b.len() >> 3) > s.len() {
        common = intersection(s, b, &mut *eq)?;
        &common
    } else {
        b
    };
    for e in from.iter() {
        s.discard_pending(e.hash, e.key, eq)?;
    }
    s.purge_dummies();
    Ok(())
}

/// `a ^ b`: a new set with `b` merged in, then each of `a`'s elements (in `a`'s slot order)
/// discarded if present and added otherwise.
pub fn symmetric_difference(
    a: &SetTable,
    b: &SetTable,
    mut eq: impl FnMut(Value, Value) -> KeyEq,
) -> Result<SetTable, Pending> {
    let mut r = SetTable::new();
    r.merge(b, &mut eq)?;
    toggle_all(&mut r, a, &mut eq)?;
    Ok(r)
}

/// `s ^= b` and `s.symmetric_difference_update(b)` for a set `b` (for another iterable, build a
/// set of it with [`SetTable::from_hashed`] first, as CPython does).
pub fn symmetric_difference_update(
    s: &mut SetTable,
    b: &SetTable,
    mut eq: impl FnMut(Value, Value) -> KeyEq,
) -> Result<(), Pending> {
    all_or_nothing(s, |t| toggle_all(t, b, &mut eq))
}

/// `s.symmetric_difference_update(d)` for a dict `d`: its keys toggled in insertion order.
pub fn symmetric_difference_update_dict(
    s: &mut SetTable,
    d: &Table,
    mut eq: impl FnMut(Value, Value) -> KeyEq,
) -> Result<(), Pending> {
    all_or_nothing(s, |t| {
        for e in d.iter() {
            if !t.discard_pending(e.hash, e.key, &mut eq)? {
                t.add_pending(e.hash, e.key, &mut eq)?;
            }
        }
        Ok(())
    })
}

fn toggle_all(
    s: &mut SetTable,
    b: &SetTable,
    eq: &mut impl FnMut(Value, Value) -> KeyEq,
) -> Result<(), Pending> {
    for e in b.iter() {
        if !s.discard_pending(e.hash, e.key, eq)? {
            s.add_pending(e.hash, e.key, eq)?;
        }
    }
    Ok(())
}
