//! The lock of mutable objects (lists, dicts, sets, and the interpreter's iterator and generator
//! state): a `parking_lot` mutex that is not taken while the heap has only ever had one thread
//! attached. CPython's free-threaded build pays for per-object critical sections only when a
//! second thread exists (`_PyCriticalSection` is a no-op until then, via the interpreter's
//! "has multiple threads" checks); here the same idea is a process-wide switch.
//!
//! Soundness rests on three facts:
//! - every object lock is reached through a `Mutator` borrow, and a guard borrows it, so no guard
//!   lives across a safepoint or a `blocking` section (the compiler rejects it: those take the
//!   mutator mutably);
//! - a heap's second thread attaches only through a stop of that heap's world
//!   ([`crate::Heap::attach`] forces a collection), during which every other thread of the heap
//!   is parked at a safepoint and so holds no guard; the switch is thrown there, before any of
//!   them resumes (the resume synchronizes through the heap's handshake mutex);
//! - until the switch, a heap has one thread, so a lock's `elided` flag is only ever read and
//!   written by that thread, in program order. A guard taken elided is released elided (the
//!   flag says so), whenever the switch was thrown by another heap meanwhile.
//!
//! The stop at a second thread's attach is why an attached thread must wait for another
//! attached (or attaching) thread only inside `Mutator::blocking`: the same rule collections
//! already impose, since any thread's allocation may stop the world.
//!
//! This module and `arena.rs` are the only places with `unsafe` in this crate: implementing
//! `lock_api::RawMutex` is an `unsafe impl` (the promise that `lock` excludes other holders).
#![allow(unsafe_code)]

use std::sync::atomic::{AtomicBool, Ordering};

use lock_api::{GuardNoSend, RawMutex as _};

/// Thrown once any heap of the process has had a second thread attached; never unset.
static SHARED: AtomicBool = AtomicBool::new(false);

/// Makes every object lock taken from now on a real one. Called with the world of the heap
/// getting its second thread stopped.
pub(crate) fn share() {
    SHARED.store(true, Ordering::SeqCst);
}

/// Whether object locks are taken for real (some heap has had two threads).
pub fn locks_are_shared() -> bool {
    SHARED.load(Ordering::Relaxed)
}

/// The raw lock under [`ObjectMutex`].
pub struct RawObjectMutex {
    inner: parking_lot::RawMutex,
    /// Held without taking `inner` (only while the process has never had two threads on a heap).
    elided: AtomicBool,
}

// SAFETY: `lock` returns only when the caller is the lock's one holder: with the switch thrown,
// by `inner`, a real mutex (an elided holder cannot exist then on this lock's heap: see the
// module docs); before it, the lock's heap has a single thread, which finds `elided` clear
// (else it waits, as a re-entrant `lock` of a real mutex would) and sets it.
unsafe impl lock_api::RawMutex for RawObjectMutex {
    const INIT: RawObjectMutex = RawObjectMutex {
        inner: parking_lot::RawMutex::INIT,
        elided: AtomicBool::new(false),
    };

    type GuardMarker = GuardNoSend;

    #[inline]
    fn lock(&self) {
        if !SHARED.load(Ordering::Relaxed) && !self.elided.load(Ordering::Relaxed) {
            self.elided.store(true, Ordering::Relaxed);
            return;
        }
        self.lock_slow();
    }

    #[inline]
    fn try_lock(&self) -> bool {
        if self.elided.load(Ordering::Relaxed) {
            return false;
        }
        if !SHARED.load(Ordering::Relaxed) {
            self.elided.store(true, Ordering::Relaxed);
            return true;
        }
        self.inner.try_lock()
    }

    #[inline]
    unsafe fn unlock(&self) {
        if self.elided.load(Ordering::Relaxed) {
            self.elided.store(false, Ordering::Release);
        } else {
            // SAFETY: the caller holds the lock, and not elided: it holds `inner`.
            unsafe { self.inner.unlock() }
        }
    }

    #[inline]
    fn is_locked(&self) -> bool {
        self.elided.load(Ordering::Relaxed) || self.inner.is_locked()
    }
}

impl RawObjectMutex {
    #[cold]
    fn lock_slow(&self) {
        // Held elided: a re-entrant lock on this thread (which waits for ever, as it would on a
        // real mutex), or a holder from before the switch on a heap that is still
        // single-threaded, which releases it soon.
        while self.elided.load(Ordering::Acquire) {
            std::thread::yield_now();
        }
        if SHARED.load(Ordering::Relaxed) {
            self.inner.lock();
        } else {
            self.elided.store(true, Ordering::Relaxed);
        }
    }
}

/// A mutable object's lock (see the module docs).
pub type ObjectMutex<T> = lock_api::Mutex<RawObjectMutex, T>;
/// A held [`ObjectMutex`].
pub type ObjectMutexGuard<'a, T> = lock_api::MutexGuard<'a, RawObjectMutex, T>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_excludes_and_releases() {
        let m = ObjectMutex::new(1);
        {
            let mut g = m.lock();
            *g += 1;
            assert!(m.is_locked());
            assert!(m.try_lock().is_none());
        }
        assert!(!m.is_locked());
        assert_eq!(*m.lock(), 2);
    }
}
