//! Tracing: the `Trace` trait every component that holds `Value`s implements, the `Tracer` it
//! reports them to, and `Kind`, the list of component tables. Plays the role of CPython's
//! `tp_traverse` slots and `visitproc` (Include/object.h, Python/gc_free_threading.c).

use std::sync::atomic::AtomicU64;

use crate::value::{AtomicValue, Value};

/// Which component table holds an entity's state. An entity's kind is fixed at allocation; its
/// Python type (a separate, reassignable field) says how Python sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Kind {
    Str,
    Bytes,
    ByteArray,
    Int,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Instance,
    Type,
    Cell,
    /// A kind the interpreter defines (function, code, frame, generator, module, ...).
    Opaque,
}

impl Kind {
    /// Every kind, in declaration order (`Kind::ALL[k as usize] == k`).
    pub const ALL: [Kind; 13] = [
        Kind::Str,
        Kind::Bytes,
        Kind::ByteArray,
        Kind::Int,
        Kind::Tuple,
        Kind::List,
        Kind::Dict,
        Kind::Set,
        Kind::FrozenSet,
        Kind::Instance,
        Kind::Type,
        Kind::Cell,
        Kind::Opaque,
    ];
    pub const COUNT: usize = Kind::ALL.len();
}

/// Collects the values a component holds, for the collector's mark phase and for a thread
/// publishing its roots. Values that are not handles are dropped on the spot.
#[derive(Debug, Default)]
pub struct Tracer {
    pub(crate) found: Vec<Value>,
}

impl Tracer {
    pub(crate) fn with_buffer(found: Vec<Value>) -> Tracer {
        Tracer { found }
    }

    /// Reports one value.
    #[inline]
    pub fn visit(&mut self, v: Value) {
        if v.is_handle() {
            self.found.push(v);
        }
    }

    /// Reports every value of a slice.
    pub fn visit_all(&mut self, values: &[Value]) {
        self.found.extend(values.iter().filter(|v| v.is_handle()));
    }
}

/// Reports every `Value` an object holds. Called by the collector on its own thread while every
/// other attached thread is stopped, so an implementation may take the object's own locks
/// (nobody holds them: a lock guard cannot live across a safepoint), but must not allocate,
/// call into Python or touch any other object.
pub trait Trace {
    fn trace(&self, tracer: &mut Tracer);
}

impl Trace for Value {
    fn trace(&self, tracer: &mut Tracer) {
        tracer.visit(*self);
    }
}

impl Trace for AtomicValue {
    fn trace(&self, tracer: &mut Tracer) {
        tracer.visit(self.load());
    }
}

impl<T: Trace> Trace for [T] {
    fn trace(&self, tracer: &mut Tracer) {
        self.iter().for_each(|x| x.trace(tracer));
    }
}

impl<T: Trace> Trace for Vec<T> {
    fn trace(&self, tracer: &mut Tracer) {
        self.as_slice().trace(tracer);
    }
}

impl<T: Trace + ?Sized> Trace for Box<T> {
    fn trace(&self, tracer: &mut Tracer) {
        (**self).trace(tracer);
    }
}

impl<T: Trace> Trace for Option<T> {
    fn trace(&self, tracer: &mut Tracer) {
        if let Some(x) = self {
            x.trace(tracer);
        }
    }
}

impl<T: Trace + ?Sized> Trace for parking_lot::Mutex<T> {
    fn trace(&self, tracer: &mut Tracer) {
        self.lock().trace(tracer);
    }
}

impl<A: Trace, B: Trace> Trace for (A, B) {
    fn trace(&self, tracer: &mut Tracer) {
        self.0.trace(tracer);
        self.1.trace(tracer);
    }
}

/// Data with no values in it traces nothing.
macro_rules! trace_nothing {
    ($($t:ty),*) => { $(impl Trace for $t { fn trace(&self, _: &mut Tracer) {} })* };
}
trace_nothing!(u8, u32, u64, i64, bool, String, AtomicU64);

pub(crate) mod sealed {
    pub trait Sealed {}
}

/// The state of one kind of entity, stored in that kind's component table. Implemented by the
/// core type layouts of this crate only (`StrData`, `ListData`, ..., `OpaqueData`); kinds the
/// interpreter defines go through [`crate::OpaqueData`].
pub trait Component: Trace + Send + Sync + Sized + 'static + sealed::Sealed {
    const KIND: Kind;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_index_themselves() {
        for (i, k) in Kind::ALL.iter().enumerate() {
            assert_eq!(*k as usize, i);
        }
    }

    #[test]
    fn tracer_keeps_only_handles() {
        let h = Value::from_handle(crate::Handle {
            index: 3,
            generation: 0,
        });
        let mut t = Tracer::default();
        vec![Value::NONE, h, Value::from_f64(1.0)].trace(&mut t);
        (Some(h), AtomicValue::new(h)).trace(&mut t);
        t.visit_all(&[Value::TRUE, h]);
        assert_eq!(t.found, vec![h, h, h, h]);
    }
}
