//! `Heap`, the object store shared by every thread (`Arc<Heap>`): the chunk directory, the global
//! roots, the regions, and the stop-the-world handshake state. Threads reach objects only through
//! a `Mutator` from [`Heap::attach`]. Plays the role of CPython's interpreter-wide GC state
//! (`struct _gc_runtime_state`, Include/internal/pycore_gc.h).

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use parking_lot::{Condvar, Mutex};

use crate::arena::{Directory, CHUNK_LEN};
use crate::error::{AllocError, AttachError};
use crate::mutator::Mutator;
use crate::region::RegionPool;
use crate::value::{Handle, Value};

/// The environment variable that turns on stress mode (see [`HeapConfig::gc_stress`]).
pub const GC_STRESS_ENV: &str = "PROTOPY_GC_STRESS";

/// Stress mode collects at every safepoint while a collection leaves at most this many live
/// entities. An empty program's heap holds about 2,900 (builtin types, their methods,
/// interned strings, `sys`) and every snapshot case stays under 3,100 (measured), so
/// test-sized programs stay in the exhaustive regime, which is where rooting bugs show.
pub const STRESS_EXHAUSTIVE_LIVE: usize = 10_000;

/// Past [`STRESS_EXHAUSTIVE_LIVE`], stress mode collects once the slots claimed since the last
/// collection reach the live count divided by this: each collection's marking (proportional to
/// the live heap) is paid for by that many allocations, so the total stays linear in the
/// allocations instead of quadratic (one collection per loop iteration over a heap that grows
/// by one object per iteration).
pub const STRESS_GROWTH_DIVISOR: usize = 4;

/// How a heap is set up.
#[derive(Clone, Debug)]
pub struct HeapConfig {
    /// Stress mode, for finding values the interpreter forgot to root: collect at every
    /// safepoint while the live heap is small (at most `stress_exhaustive_live` entities
    /// after a collection); on a larger heap, collect whenever the allocations since the last
    /// collection reach a quarter of the live count ([`STRESS_GROWTH_DIVISOR`]), so a program
    /// building a large structure one object per iteration costs linear, not quadratic,
    /// marking. `None`: read `PROTOPY_GC_STRESS` (`1` turns it on).
    pub gc_stress: Option<bool>,
    /// The most entities the heap can index (rounded up to whole chunks of 512, at most 2^32).
    pub max_entities: usize,
    /// Allocations before the first collection is requested; later the threshold is the number
    /// of entities the last collection left alive, if that is larger (the heap may double).
    pub min_threshold: usize,
    /// The largest live heap on which stress mode still collects at every safepoint
    /// (default [`STRESS_EXHAUSTIVE_LIVE`]).
    pub stress_exhaustive_live: usize,
}

impl Default for HeapConfig {
    fn default() -> HeapConfig {
        HeapConfig {
            gc_stress: None,
            max_entities: 1 << 28,
            min_threshold: 100_000,
            stress_exhaustive_live: STRESS_EXHAUSTIVE_LIVE,
        }
    }
}

/// Figures from one collection.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CollectStats {
    /// Entities left alive.
    pub live: usize,
    /// Entities freed.
    pub freed: usize,
    /// Chunks swept.
    pub chunks: usize,
    /// Time from the stop request until every thread was parked.
    pub stop_time: Duration,
    pub mark_time: Duration,
    pub sweep_time: Duration,
}

/// Figures over the heap's life.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GcStats {
    pub collections: u64,
    pub freed_total: u64,
    pub last: Option<CollectStats>,
}

/// A global root, from [`Heap::add_root`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RootId(u64);

/// The part of an attached thread the collector reads while that thread is parked.
pub(crate) struct ThreadShared {
    /// The values the thread's root providers reported when it last parked.
    pub(crate) published: Mutex<Vec<Value>>,
    /// Open `RootScope`s: scope id and its values.
    pub(crate) scopes: Mutex<Vec<(u64, Vec<Value>)>>,
}

/// The stop-the-world handshake, under `Heap::sync`.
#[derive(Default)]
pub(crate) struct SyncState {
    /// Attached threads running Python (not parked, not blocking).
    pub(crate) running: usize,
    /// A collector is stopping or has stopped the world.
    pub(crate) stopping: bool,
    /// Threads parked until the current collection ends.
    pub(crate) waiting: usize,
    /// Threads released by the last collection that have not resumed yet; a new collection
    /// waits for them, so a thread cannot be kept parked by back-to-back collections.
    pub(crate) waking: usize,
    /// Collections finished.
    pub(crate) epoch: u64,
    pub(crate) threads: Vec<Arc<ThreadShared>>,
    /// Whether this heap has had two threads attached, so object locks must be real
    /// (`lock.rs`): set by the collection that a second thread's attach forces.
    pub(crate) multi_threaded: bool,
}

/// The object store. See the crate docs for the protocol.
pub struct Heap {
    pub(crate) id: u64,
    pub(crate) dir: Directory,
    /// Set when a collection is wanted; the only thing a safepoint reads.
    pub(crate) requested: AtomicBool,
    pub(crate) stress: bool,
    pub(crate) sync: Mutex<SyncState>,
    pub(crate) cv: Condvar,
    pub(crate) roots: Mutex<HashMap<u64, Value>>,
    /// Entities whose finalizer must run if a collection finds them unreachable
    /// ([`Mutator::register_finalizer`]); reachable ones stay here.
    pub(crate) finalizable: Mutex<Vec<Handle>>,
    /// Entities a collection found unreachable among `finalizable`, kept alive (they are
    /// roots) until a thread takes them to run their finalizers
    /// ([`Mutator::take_pending_finalizers`]).
    pub(crate) pending: Mutex<Vec<Value>>,
    next_id: AtomicU64,
    pub(crate) regions: Mutex<RegionPool>,
    /// Slots claimed since the last collection.
    allocated: AtomicUsize,
    pub(crate) threshold: AtomicUsize,
    pub(crate) min_threshold: usize,
    stress_exhaustive_live: usize,
    pub(crate) stats: Mutex<GcStats>,
}

static NEXT_HEAP_ID: AtomicU64 = AtomicU64::new(1);

thread_local! {
    /// Ids of the heaps this thread holds a `Mutator` for.
    static ATTACHED: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

impl Heap {
    /// A heap with the default configuration (`PROTOPY_GC_STRESS` read from the environment).
    pub fn new() -> Arc<Heap> {
        match Heap::with_config(HeapConfig::default()) {
            Ok(h) => h,
            // The default directory is 4 MiB of zeroed memory: failing to get it is the same
            // out-of-memory condition as any failed allocation.
            Err(_) => std::alloc::handle_alloc_error(std::alloc::Layout::new::<[usize; 1 << 19]>()),
        }
    }

    pub fn with_config(config: HeapConfig) -> Result<Arc<Heap>, AllocError> {
        let stress = config
            .gc_stress
            .unwrap_or_else(|| stress_from_env(std::env::var(GC_STRESS_ENV).ok().as_deref()));
        let dir = Directory::new(config.max_entities.div_ceil(CHUNK_LEN))?;
        Ok(Arc::new(Heap {
            id: NEXT_HEAP_ID.fetch_add(1, Ordering::Relaxed),
            dir,
            requested: AtomicBool::new(stress),
            stress,
            sync: Mutex::new(SyncState::default()),
            cv: Condvar::new(),
            roots: Mutex::new(HashMap::new()),
            finalizable: Mutex::new(Vec::new()),
            pending: Mutex::new(Vec::new()),
            next_id: AtomicU64::new(1),
            regions: Mutex::new(RegionPool::default()),
            allocated: AtomicUsize::new(0),
            threshold: AtomicUsize::new(config.min_threshold),
            min_threshold: config.min_threshold,
            stress_exhaustive_live: config.stress_exhaustive_live,
            stats: Mutex::new(GcStats::default()),
        }))
    }

    /// Attaches the calling thread: the returned `Mutator` allocates, reads objects, and takes
    /// part in collections. One per thread and heap. The heap's first second thread stops the
    /// world once (object locks become real, `lock.rs`), so threads already attached must wait
    /// for it only inside `Mutator::blocking`, as for any collection.
    pub fn attach(self: &Arc<Self>) -> Result<Mutator, AttachError> {
        let fresh = ATTACHED.with(|a| {
            let mut a = a.borrow_mut();
            if a.contains(&self.id) {
                false
            } else {
                a.push(self.id);
                true
            }
        });
        if !fresh {
            return Err(AttachError::AlreadyAttached);
        }
        let shared = Arc::new(ThreadShared {
            published: Mutex::new(Vec::new()),
            scopes: Mutex::new(Vec::new()),
        });
        let region = self.regions.lock().take();
        let first_second_thread = {
            let mut g = self.sync.lock();
            while g.stopping {
                self.cv.wait(&mut g);
            }
            g.running += 1;
            g.threads.push(shared.clone());
            g.threads.len() > 1 && !g.multi_threaded
        };
        let mutator = Mutator::new(self.clone(), shared, region);
        if first_second_thread {
            // Object locks have been elided so far (`lock.rs`): stop the world once, so that
            // the other thread is parked, holding no object lock, when they become real.
            crate::gc::stop_or_park(self, true);
        }
        Ok(mutator)
    }

    /// Called by a dropped `Mutator` (on its own thread, running).
    pub(crate) fn detach(&self, shared: &Arc<ThreadShared>) {
        {
            let mut g = self.sync.lock();
            g.running -= 1;
            g.threads.retain(|t| !Arc::ptr_eq(t, shared));
            self.cv.notify_all();
        }
        ATTACHED.with(|a| a.borrow_mut().retain(|&id| id != self.id));
    }

    /// Keeps `v` (and what it reaches) alive until [`Heap::remove_root`].
    pub fn add_root(&self, v: Value) -> RootId {
        let id = self.fresh_id();
        self.roots.lock().insert(id, v);
        RootId(id)
    }

    /// Drops a global root; returns its value.
    pub fn remove_root(&self, id: RootId) -> Option<Value> {
        self.roots.lock().remove(&id.0)
    }

    /// Asks for a collection: the next thread to reach a safepoint runs it.
    pub fn request_collection(&self) {
        self.requested.store(true, Ordering::Relaxed);
    }

    /// Whether stress mode is on (`PROTOPY_GC_STRESS=1` or `HeapConfig::gc_stress`).
    pub fn gc_stress(&self) -> bool {
        self.stress
    }

    pub fn stats(&self) -> GcStats {
        *self.stats.lock()
    }

    /// Live entities, counted by walking every record (slow; for tests and diagnostics).
    pub fn count_live(&self) -> usize {
        self.dir.count_live()
    }

    pub(crate) fn fresh_id(&self) -> u64 {
        self.next_id.fetch_add(1, Ordering::Relaxed)
    }

    /// Counts newly claimed slots toward the next collection; requests one past the threshold.
    pub(crate) fn note_claimed(&self, n: usize) {
        let total = self.allocated.fetch_add(n, Ordering::Relaxed) + n;
        if total >= self.threshold.load(Ordering::Relaxed) {
            self.requested.store(true, Ordering::Relaxed);
        }
    }

    /// Resets the allocation count after a collection that left `live` entities. Normally the
    /// next collection comes after as many allocations as there are live entities (at least
    /// `min_threshold`); in stress mode after a quarter of them (see [`HeapConfig::gc_stress`]).
    pub(crate) fn reset_threshold(&self, live: usize) {
        self.allocated.store(0, Ordering::Relaxed);
        let threshold = if self.stress {
            (live / STRESS_GROWTH_DIVISOR).max(1)
        } else {
            live.max(self.min_threshold)
        };
        self.threshold.store(threshold, Ordering::Relaxed);
    }

    /// Whether the next safepoint collects right away after a collection that left `live`
    /// entities: in stress mode while the heap is small; otherwise only once allocation
    /// passes the threshold (`note_claimed`).
    pub(crate) fn stress_collects_next(&self, live: usize) -> bool {
        self.stress && live <= self.stress_exhaustive_live
    }
}

/// Whether a `PROTOPY_GC_STRESS` value turns stress mode on: `1` does, anything else (or
/// nothing) does not.
fn stress_from_env(value: Option<&str>) -> bool {
    value.is_some_and(|v| v.trim() == "1")
}

impl std::fmt::Debug for Heap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Heap")
            .field("id", &self.id)
            .field("stress", &self.stress)
            .field("stats", &self.stats())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stress_variable() {
        assert!(stress_from_env(Some("1")));
        assert!(stress_from_env(Some(" 1\n")));
        for off in [None, Some("0"), Some(""), Some("yes"), Some("11")] {
            assert!(!stress_from_env(off), "{off:?}");
        }
    }

    #[test]
    fn config_overrides_the_environment() {
        for stress in [false, true] {
            let cfg = HeapConfig {
                gc_stress: Some(stress),
                ..HeapConfig::default()
            };
            let heap = Heap::with_config(cfg)
                .map(|h| (h.gc_stress(), h.requested.load(Ordering::Relaxed)));
            assert_eq!(heap, Ok((stress, stress)));
        }
    }
}
