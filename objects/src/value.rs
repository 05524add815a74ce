//! `Value`, the 8-byte NaN-boxed word every Python value travels as, its atomic slot
//! `AtomicValue`, and the entity `Handle` it can carry (docs/design/0002-object-store.md, "Value").
//! Plays the role of CPython's `PyObject *` plus the unboxed ints and floats CPython does not have.

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};

const TAG_SHIFT: u32 = 48;
const PAYLOAD_MASK: u64 = (1 << TAG_SHIFT) - 1;
const TAG_INT: u64 = 0xFFF9;
const TAG_IMMEDIATE: u64 = 0xFFFA;
const TAG_HANDLE: u64 = 0xFFFB;
/// The largest tag that is still a float: `0xFFF8` holds the negative quiet NaNs.
const TAG_LAST_FLOAT: u64 = 0xFFF8;

/// The quiet NaN of each sign; a NaN float object is one of these with its identity in the
/// 48 payload bits (docs/design/0002-object-store.md, "NaN identity").
const QUIET_NAN: u64 = 0x7FF8_0000_0000_0000;
const QUIET_NEG_NAN: u64 = 0xFFF8_0000_0000_0000;

/// The identity the next NaN float object gets (wrapping within the 48 payload bits).
static NEXT_NAN_ID: AtomicU64 = AtomicU64::new(1);

const IMM_NONE: u64 = 0;
const IMM_FALSE: u64 = 1;
const IMM_TRUE: u64 = 2;
const IMM_NOT_IMPLEMENTED: u64 = 3;
const IMM_ELLIPSIS: u64 = 4;
const IMM_NULL: u64 = 5;

/// The smallest int stored unboxed: -2^47.
pub const SMALL_INT_MIN: i64 = -(1 << 47);
/// The largest int stored unboxed: 2^47 - 1.
pub const SMALL_INT_MAX: i64 = (1 << 47) - 1;

/// A Python entity: an index into the object store and the generation of the slot it was
/// allocated in. A handle whose generation no longer matches its slot is stale: every access
/// through it fails with `AccessError::StaleHandle` instead of reaching another object.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Handle {
    pub index: u32,
    pub generation: u16,
}

impl Handle {
    /// The 48 bits a `Value` carries for this handle: generation above index. Also what
    /// `id(obj)` can be derived from: unique among live objects, and not reused for 65,535
    /// reallocations of the same slot.
    pub fn to_bits(self) -> u64 {
        (u64::from(self.generation) << 32) | u64::from(self.index)
    }

    /// The inverse of [`Handle::to_bits`]; bits above 48 are ignored.
    pub fn from_bits(bits: u64) -> Handle {
        Handle {
            index: bits as u32,
            generation: (bits >> 32) as u16,
        }
    }
}

impl fmt::Debug for Handle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}@{}", self.index, self.generation)
    }
}

/// A Python value in 8 bytes: a float, a small int, an immediate or an entity handle.
///
/// Every `Value` is canonical (a NaN is a quiet NaN whose payload is its identity, no
/// unassigned tags), so
/// two values are the same Python object exactly when their bits are equal: `is` is `==` on
/// [`Value::to_bits`].
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Value(u64);

/// What a [`Value`] holds, unpacked (see [`Value::kind`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ValueKind {
    Float(f64),
    SmallInt(i64),
    None,
    Bool(bool),
    NotImplemented,
    Ellipsis,
    /// No value: an unbound local or an empty slot, never visible to Python code.
    Null,
    Handle(Handle),
}

impl Value {
    pub const NONE: Value = Value::immediate(IMM_NONE);
    pub const FALSE: Value = Value::immediate(IMM_FALSE);
    pub const TRUE: Value = Value::immediate(IMM_TRUE);
    pub const NOT_IMPLEMENTED: Value = Value::immediate(IMM_NOT_IMPLEMENTED);
    pub const ELLIPSIS: Value = Value::immediate(IMM_ELLIPSIS);
    /// The absent value (an unbound local, a missing slot); never visible to Python.
    pub const NULL: Value = Value::immediate(IMM_NULL);

    const fn immediate(payload: u64) -> Value {
        Value((TAG_IMMEDIATE << TAG_SHIFT) | payload)
    }

    fn tag(self) -> u64 {
        self.0 >> TAG_SHIFT
    }

    /// A float, unboxed. A NaN is a new float object: the quiet NaN of its sign carrying a
    /// fresh identity in its payload, so that `float("nan") is float("nan")` is False while
    /// one NaN object stays identical to itself (as CPython's heap floats do).
    #[inline]
    pub fn from_f64(f: f64) -> Value {
        if f.is_nan() {
            let id = NEXT_NAN_ID.fetch_add(1, Ordering::Relaxed) & PAYLOAD_MASK;
            let base = if f.is_sign_negative() {
                QUIET_NEG_NAN
            } else {
                QUIET_NAN
            };
            Value(base | id)
        } else {
            Value(f.to_bits())
        }
    }

    /// The float this value holds, if it holds one.
    #[inline]
    pub fn as_f64(self) -> Option<f64> {
        (self.tag() <= TAG_LAST_FLOAT).then(|| f64::from_bits(self.0))
    }

    /// An int in the unboxed range [`SMALL_INT_MIN`]`..=`[`SMALL_INT_MAX`]; `None` outside it
    /// (the caller allocates a big int instead).
    #[inline]
    pub fn from_i64(i: i64) -> Option<Value> {
        (SMALL_INT_MIN..=SMALL_INT_MAX)
            .contains(&i)
            .then_some(Value((TAG_INT << TAG_SHIFT) | (i as u64 & PAYLOAD_MASK)))
    }

    /// The unboxed int this value holds, if it holds one (not `bool`: `True` is an immediate).
    #[inline]
    pub fn as_small_int(self) -> Option<i64> {
        // Shifting the 48-bit payload to the top and back sign-extends it.
        (self.tag() == TAG_INT).then_some(((self.0 << 16) as i64) >> 16)
    }

    #[inline]
    pub fn from_bool(b: bool) -> Value {
        if b {
            Value::TRUE
        } else {
            Value::FALSE
        }
    }

    /// `Some(b)` for `True` and `False`, `None` for anything else.
    #[inline]
    pub fn as_bool(self) -> Option<bool> {
        match self {
            Value::TRUE => Some(true),
            Value::FALSE => Some(false),
            _ => None,
        }
    }

    #[inline]
    pub fn from_handle(h: Handle) -> Value {
        Value((TAG_HANDLE << TAG_SHIFT) | h.to_bits())
    }

    /// The entity handle this value carries, if it carries one.
    #[inline]
    pub fn as_handle(self) -> Option<Handle> {
        (self.tag() == TAG_HANDLE).then(|| Handle::from_bits(self.0))
    }

    #[inline]
    pub fn is_handle(self) -> bool {
        self.tag() == TAG_HANDLE
    }

    #[inline]
    pub fn is_none(self) -> bool {
        self == Value::NONE
    }

    #[inline]
    pub fn is_null(self) -> bool {
        self == Value::NULL
    }

    /// The raw 64 bits, for storage in an atomic or a hash of identity.
    #[inline]
    pub fn to_bits(self) -> u64 {
        self.0
    }

    /// A value from raw bits, if they are a canonical encoding (a non-canonical NaN, an
    /// unassigned tag or an unassigned immediate gives `None`).
    pub fn from_bits(bits: u64) -> Option<Value> {
        let v = Value(bits);
        let ok = match v.tag() {
            0..=TAG_LAST_FLOAT => {
                let f = f64::from_bits(bits);
                let quiet = bits & !PAYLOAD_MASK;
                !f.is_nan() || quiet == QUIET_NAN || quiet == QUIET_NEG_NAN
            }
            TAG_INT | TAG_HANDLE => true,
            TAG_IMMEDIATE => bits & PAYLOAD_MASK <= IMM_NULL,
            _ => false,
        };
        ok.then_some(v)
    }

    /// Bits known to come from a `Value` (an `AtomicValue`'s contents).
    fn from_stored_bits(bits: u64) -> Value {
        Value(bits)
    }

    /// What this value holds.
    pub fn kind(self) -> ValueKind {
        match self.tag() {
            0..=TAG_LAST_FLOAT => ValueKind::Float(f64::from_bits(self.0)),
            TAG_INT => ValueKind::SmallInt(((self.0 << 16) as i64) >> 16),
            TAG_HANDLE => ValueKind::Handle(Handle::from_bits(self.0)),
            // Only the six immediates are ever constructed (`from_bits` checks the payload).
            _ => match self.0 & PAYLOAD_MASK {
                IMM_NONE => ValueKind::None,
                IMM_FALSE => ValueKind::Bool(false),
                IMM_TRUE => ValueKind::Bool(true),
                IMM_NOT_IMPLEMENTED => ValueKind::NotImplemented,
                IMM_ELLIPSIS => ValueKind::Ellipsis,
                _ => ValueKind::Null,
            },
        }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind() {
            ValueKind::Float(x) => write!(f, "Float({x:?})"),
            ValueKind::SmallInt(i) => write!(f, "Int({i})"),
            ValueKind::None => f.write_str("None"),
            ValueKind::Bool(b) => f.write_str(if b { "True" } else { "False" }),
            ValueKind::NotImplemented => f.write_str("NotImplemented"),
            ValueKind::Ellipsis => f.write_str("Ellipsis"),
            ValueKind::Null => f.write_str("NULL"),
            ValueKind::Handle(h) => write!(f, "Handle({h:?})"),
        }
    }
}

impl From<Handle> for Value {
    fn from(h: Handle) -> Value {
        Value::from_handle(h)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::from_bool(b)
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::from_f64(f)
    }
}

/// A `Value` slot that threads read and write without a lock: module globals, class
/// attributes, instance slots, cells. Stores publish with `Release` and loads read with
/// `Acquire`, so a thread that loads a handle also sees the object it was written after.
pub struct AtomicValue(AtomicU64);

impl AtomicValue {
    pub const fn new(v: Value) -> AtomicValue {
        AtomicValue(AtomicU64::new(v.0))
    }

    #[inline]
    pub fn load(&self) -> Value {
        Value::from_stored_bits(self.0.load(Ordering::Acquire))
    }

    #[inline]
    pub fn store(&self, v: Value) {
        self.0.store(v.0, Ordering::Release);
    }

    /// Stores `v` and returns what was there.
    pub fn swap(&self, v: Value) -> Value {
        Value::from_stored_bits(self.0.swap(v.0, Ordering::AcqRel))
    }

    /// Stores `new` if the slot holds `current`; returns the value found either way.
    pub fn compare_exchange(&self, current: Value, new: Value) -> Result<Value, Value> {
        self.0
            .compare_exchange(current.0, new.0, Ordering::AcqRel, Ordering::Acquire)
            .map(Value::from_stored_bits)
            .map_err(Value::from_stored_bits)
    }
}

impl Default for AtomicValue {
    /// An empty slot (`NULL`).
    fn default() -> AtomicValue {
        AtomicValue::new(Value::NULL)
    }
}

impl fmt::Debug for AtomicValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("AtomicValue").field(&self.load()).finish()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn value_is_one_word() {
        assert_eq!(std::mem::size_of::<Value>(), 8);
        assert_eq!(std::mem::size_of::<AtomicValue>(), 8);
    }

    #[test]
    fn small_int_boundaries() {
        for i in [
            0,
            1,
            -1,
            255,
            -5,
            SMALL_INT_MAX,
            SMALL_INT_MIN,
            SMALL_INT_MAX - 1,
            SMALL_INT_MIN + 1,
            1 << 46,
            -(1 << 46),
        ] {
            let v = Value::from_i64(i).unwrap();
            assert_eq!(v.as_small_int(), Some(i), "{i}");
            assert_eq!(v.kind(), ValueKind::SmallInt(i));
            assert_eq!(v.as_f64(), None);
            assert_eq!(Value::from_bits(v.to_bits()), Some(v));
        }
        for i in [
            SMALL_INT_MAX + 1,
            SMALL_INT_MIN - 1,
            i64::MAX,
            i64::MIN,
            1 << 48,
        ] {
            assert_eq!(Value::from_i64(i), None, "{i}");
        }
        assert_eq!(SMALL_INT_MAX, 140_737_488_355_327);
        assert_eq!(
            Value::from_i64(-1).unwrap().to_bits(),
            0xFFF9_FFFF_FFFF_FFFF
        );
        assert_eq!(Value::from_i64(0).unwrap().to_bits(), 0xFFF9_0000_0000_0000);
    }

    #[test]
    fn floats_round_trip_bit_for_bit() {
        for f in [
            0.0,
            -0.0,
            1.5,
            -2.25,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            f64::EPSILON,
            5e-324,
            -5e-324,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            let v = Value::from_f64(f);
            assert_eq!(v.as_f64().map(f64::to_bits), Some(f.to_bits()), "{f}");
            assert_eq!(v.as_small_int(), None);
            assert!(!v.is_handle());
            assert_eq!(Value::from_bits(v.to_bits()), Some(v));
        }
        // -0.0 and 0.0 stay distinct values.
        assert_ne!(Value::from_f64(0.0), Value::from_f64(-0.0));
    }

    #[test]
    fn nans_are_quiet_keep_their_sign_and_have_identity() {
        let pos = Value::from_f64(f64::NAN);
        assert_eq!(pos.to_bits() & !PAYLOAD_MASK, QUIET_NAN);
        let neg = Value::from_f64(-f64::NAN);
        assert_eq!(neg.to_bits() & !PAYLOAD_MASK, QUIET_NEG_NAN);
        assert!(neg.as_f64().unwrap().is_sign_negative());
        // Each NaN is a new object; a copy of one is the same object.
        assert_ne!(Value::from_f64(f64::NAN), pos);
        let copy = pos;
        assert_eq!(copy, pos);
        // NaNs whose payload would collide with the tags fold to quiet NaNs.
        for bits in [
            0xFFF9_0000_0000_0001u64,
            0xFFFB_1234_5678_9ABC,
            0xFFFF_FFFF_FFFF_FFFF,
            0xFFF0_0000_0000_0001,
        ] {
            let v = Value::from_f64(f64::from_bits(bits));
            assert_eq!(v.to_bits() & !PAYLOAD_MASK, QUIET_NEG_NAN, "{bits:#x}");
            assert!(v.as_f64().unwrap().is_nan());
        }
        let v = Value::from_f64(f64::from_bits(0x7FF0_0000_0000_0001));
        assert_eq!(v.to_bits() & !PAYLOAD_MASK, QUIET_NAN);
        assert_eq!(Value::from_bits(v.to_bits()), Some(v));
        // A signalling NaN cannot be smuggled in through raw bits.
        assert_eq!(Value::from_bits(0x7FF0_0000_0000_0001), None);
    }

    #[test]
    fn immediates_are_distinct() {
        let all = [
            (Value::NONE, ValueKind::None),
            (Value::FALSE, ValueKind::Bool(false)),
            (Value::TRUE, ValueKind::Bool(true)),
            (Value::NOT_IMPLEMENTED, ValueKind::NotImplemented),
            (Value::ELLIPSIS, ValueKind::Ellipsis),
            (Value::NULL, ValueKind::Null),
        ];
        for (i, (v, k)) in all.iter().enumerate() {
            assert_eq!(v.kind(), *k);
            assert_eq!(v.to_bits(), 0xFFFA_0000_0000_0000 | i as u64);
            assert_eq!(v.as_f64(), None);
            assert_eq!(v.as_small_int(), None);
            assert_eq!(v.as_handle(), None);
            for (w, _) in &all[i + 1..] {
                assert_ne!(v, w);
            }
        }
        assert_eq!(Value::from_bool(true), Value::TRUE);
        assert_eq!(Value::from_bool(false).as_bool(), Some(false));
        assert_eq!(Value::NONE.as_bool(), None);
        assert!(Value::NONE.is_none() && Value::NULL.is_null() && !Value::NULL.is_none());
        assert_eq!(Value::from_bits(0xFFFA_0000_0000_0006), None);
    }

    #[test]
    fn handles_round_trip() {
        for h in [
            Handle {
                index: 0,
                generation: 0,
            },
            Handle {
                index: u32::MAX,
                generation: u16::MAX,
            },
            Handle {
                index: 12345,
                generation: 7,
            },
        ] {
            let v = Value::from_handle(h);
            assert_eq!(v.as_handle(), Some(h));
            assert_eq!(v.kind(), ValueKind::Handle(h));
            assert!(v.is_handle());
            assert_eq!(v.as_f64(), None);
            assert_eq!(Handle::from_bits(h.to_bits()), h);
            assert_eq!(Value::from_bits(v.to_bits()), Some(v));
        }
        let v = Value::from_handle(Handle {
            index: 1,
            generation: 2,
        });
        assert_eq!(v.to_bits(), 0xFFFB_0002_0000_0001);
    }

    #[test]
    fn unassigned_tags_are_rejected() {
        for tag in 0xFFFCu64..=0xFFFF {
            assert_eq!(Value::from_bits(tag << 48), None);
        }
    }

    #[test]
    fn debug_output() {
        assert_eq!(format!("{:?}", Value::from_i64(-3).unwrap()), "Int(-3)");
        assert_eq!(format!("{:?}", Value::from_f64(0.5)), "Float(0.5)");
        assert_eq!(format!("{:?}", Value::TRUE), "True");
        let h = Handle {
            index: 9,
            generation: 1,
        };
        assert_eq!(format!("{:?}", Value::from_handle(h)), "Handle(#9@1)");
    }

    #[test]
    fn atomic_value_operations() {
        let a = AtomicValue::default();
        assert!(a.load().is_null());
        a.store(Value::TRUE);
        assert_eq!(a.swap(Value::NONE), Value::TRUE);
        assert_eq!(
            a.compare_exchange(Value::TRUE, Value::FALSE),
            Err(Value::NONE)
        );
        assert_eq!(
            a.compare_exchange(Value::NONE, Value::FALSE),
            Ok(Value::NONE)
        );
        assert_eq!(a.load(), Value::FALSE);
        assert_eq!(format!("{a:?}"), "AtomicValue(False)");
    }
}
