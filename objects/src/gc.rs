//! The collector: the stop-the-world handshake (safepoints, parking, `blocking` sections), the
//! mark phase (roots, then an explicit mark stack: no recursion, so no depth limit) and the
//! parallel sweep (rayon, one task per chunk range). Mirrors the roles of CPython's
//! Python/gc_free_threading.c (`_PyEval_StopTheWorld`, `gc_visit_roots`, `gc_sweep`).

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Instant;

use parking_lot::MutexGuard;
use rayon::prelude::*;

use crate::arena::{Stopped, NO_TYPE};
use crate::heap::{CollectStats, Heap, SyncState, ThreadShared};
use crate::trace::Tracer;
use crate::value::{Handle, Value};

/// The slow path of a safepoint, after the thread published its roots. Parks while another
/// thread collects, or runs the requested (or `forced`) collection itself. Returns the
/// figures of a collection this thread ran.
pub(crate) fn stop_or_park(heap: &Heap, forced: bool) -> Option<CollectStats> {
    let mut g = heap.sync.lock();
    loop {
        if g.stopping {
            park(heap, &mut g);
            return None;
        }
        if !forced && !heap.requested.load(Ordering::Relaxed) {
            // Another thread ran the collection between our check and the lock.
            return None;
        }
        if g.waking == 0 {
            break;
        }
        // Threads the last collection released have not resumed yet: let them run first.
        heap.cv.wait(&mut g);
    }
    Some(collect(heap, g))
}

/// Waits, counted as stopped, until the collection in progress ends.
fn park(heap: &Heap, g: &mut MutexGuard<'_, SyncState>) {
    g.running -= 1;
    wait_for_release(heap, g);
}

/// Waits, not counted as running, for the current collection to end, then counts the thread
/// as running again.
fn wait_for_release(heap: &Heap, g: &mut MutexGuard<'_, SyncState>) {
    g.waiting += 1;
    heap.cv.notify_all();
    let epoch = g.epoch;
    while g.epoch == epoch {
        heap.cv.wait(g);
    }
    g.waking -= 1;
    g.running += 1;
    heap.cv.notify_all();
}

/// Counts the thread as parked until dropped (see `Mutator::blocking`).
pub(crate) struct BlockingGuard<'a> {
    heap: &'a Heap,
}

pub(crate) fn enter_blocking(heap: &Heap) -> BlockingGuard<'_> {
    let mut g = heap.sync.lock();
    g.running -= 1;
    heap.cv.notify_all();
    BlockingGuard { heap }
}

impl Drop for BlockingGuard<'_> {
    /// Leaves the blocking section; also on unwinding, so the count stays right.
    fn drop(&mut self) {
        let mut g = self.heap.sync.lock();
        if g.stopping {
            wait_for_release(self.heap, &mut g);
        } else {
            g.running += 1;
        }
    }
}

/// Stops the world, collects and restarts it. The caller holds the lock and is running.
fn collect(heap: &Heap, mut g: MutexGuard<'_, SyncState>) -> CollectStats {
    let started = Instant::now();
    g.stopping = true;
    g.running -= 1;
    while g.running > 0 {
        heap.cv.wait(&mut g);
    }
    if g.threads.len() > 1 && !g.multi_threaded {
        // Every other thread is parked and holds no object lock (`lock.rs`).
        crate::lock::share();
        g.multi_threaded = true;
    }
    let threads = g.threads.clone();
    let stop_time = started.elapsed();
    let mut stats = MutexGuard::unlocked(&mut g, || collect_stopped(heap, &threads));
    stats.stop_time = stop_time;
    g.stopping = false;
    heap.requested
        .store(heap.stress_collects_next(stats.live), Ordering::Relaxed);
    g.epoch += 1;
    g.waking += g.waiting;
    g.waiting = 0;
    g.running += 1;
    heap.cv.notify_all();
    drop(g);
    let mut s = heap.stats.lock();
    s.collections += 1;
    s.freed_total += stats.freed as u64;
    s.last = Some(stats);
    stats
}

/// Marks `v` if it is an unmarked live entity, to be traced from `stack`.
fn mark(heap: &Heap, v: Value, stack: &mut Vec<Handle>, stopped: &Stopped) {
    if let Some(h) = v.as_handle() {
        if heap.dir.mark(h, stopped) {
            stack.push(h);
        }
    }
}

/// Reports what `h` holds (its type included) to the mark stack.
fn trace_one(
    heap: &Heap,
    h: Handle,
    stack: &mut Vec<Handle>,
    tracer: &mut Tracer,
    stopped: &Stopped,
) {
    let ty = heap.dir.trace(h, tracer, stopped);
    if ty != NO_TYPE {
        if let Some(t) = heap.dir.mark_index(ty, stopped) {
            stack.push(t);
        }
    }
    for v in tracer.found.drain(..) {
        mark(heap, v, stack, stopped);
    }
}

/// Marks everything reachable from the entities on `stack` (an explicit stack: no recursion,
/// so no depth limit).
fn drain(heap: &Heap, stack: &mut Vec<Handle>, tracer: &mut Tracer, stopped: &Stopped) {
    while let Some(h) = stack.pop() {
        trace_one(heap, h, stack, tracer, stopped);
    }
}

/// After marking: the registered finalizable entities left unmarked are unreachable. Each is
/// kept alive (marked with all it reaches) and queued for its finalizer, unless another of
/// them reaches it: that one stays registered for a later collection, so that an object is
/// finalized after the objects holding it, as reference counting orders them. An entity that
/// reaches itself (a cycle) is queued. Work: one trace of each unreachable entity's graph.
fn queue_finalizers(heap: &Heap, stack: &mut Vec<Handle>, tracer: &mut Tracer, stopped: &Stopped) {
    let dir = &heap.dir;
    let mut registered = heap.finalizable.lock();
    // Registered entities are never freed (an unreachable one is queued first); drop any
    // stale handle all the same.
    registered.retain(|&h| dir.is_marked(h, stopped).is_some());
    let unreachable: Vec<Handle> = registered
        .iter()
        .copied()
        .filter(|&h| dir.is_marked(h, stopped) == Some(false))
        .collect();
    if unreachable.is_empty() {
        return;
    }
    // Trace from each one's contents, not from the entity itself. Marked before its own turn:
    // an earlier one reaches it. Marked during its turn: it reaches itself.
    let mut reached_by_other = vec![false; unreachable.len()];
    let mut reaches_itself = vec![false; unreachable.len()];
    for (i, &h) in unreachable.iter().enumerate() {
        if dir.is_marked(h, stopped) == Some(true) {
            reached_by_other[i] = true;
            continue;
        }
        trace_one(heap, h, stack, tracer, stopped);
        drain(heap, stack, tracer, stopped);
        reaches_itself[i] = dir.is_marked(h, stopped) == Some(true);
    }
    let mut queued = Vec::new();
    for (i, &h) in unreachable.iter().enumerate() {
        // Marked after its turn without reaching itself: a later one reaches it.
        let later = !reaches_itself[i] && dir.is_marked(h, stopped) == Some(true);
        if reaches_itself[i] || !(reached_by_other[i] || later) {
            queued.push(h);
        }
    }
    for &h in &queued {
        dir.mark(h, stopped);
    }
    let mut gone: Vec<u64> = queued.iter().map(|h| h.to_bits()).collect();
    gone.sort_unstable();
    registered.retain(|h| gone.binary_search(&h.to_bits()).is_err());
    heap.pending
        .lock()
        .extend(queued.into_iter().map(Value::from_handle));
}

/// Mark and sweep, with every attached thread parked.
fn collect_stopped(heap: &Heap, threads: &[Arc<ThreadShared>]) -> CollectStats {
    let stopped = Stopped::new();
    let dir = &heap.dir;
    let t0 = Instant::now();

    let mut stack: Vec<Handle> = Vec::new();
    let mut tracer = Tracer::default();
    for v in heap.roots.lock().values() {
        mark(heap, *v, &mut stack, &stopped);
    }
    for v in heap.pending.lock().iter() {
        mark(heap, *v, &mut stack, &stopped);
    }
    for t in threads {
        for v in t.published.lock().iter() {
            mark(heap, *v, &mut stack, &stopped);
        }
        for (_, values) in t.scopes.lock().iter() {
            for v in values {
                mark(heap, *v, &mut stack, &stopped);
            }
        }
    }
    drain(heap, &mut stack, &mut tracer, &stopped);
    queue_finalizers(heap, &mut stack, &mut tracer, &stopped);
    let mark_time = t0.elapsed();

    let t1 = Instant::now();
    let chunks = dir.chunk_count();
    let outcomes: Vec<_> = (0..chunks)
        .into_par_iter()
        .with_min_len(16)
        .map(|c| (c, dir.sweep_chunk(c, &stopped)))
        .collect();
    let mut live = 0;
    let mut freed = 0;
    {
        let regions = heap.regions.lock();
        for (chunk, o) in &outcomes {
            live += o.live;
            freed += o.freed;
            if let Some(region) = o.enqueue.and_then(|r| regions.all.get(r as usize)) {
                region.inbox.lock().push(*chunk);
            }
        }
    }
    heap.reset_threshold(live);
    CollectStats {
        live,
        freed,
        chunks: chunks as usize,
        stop_time: Default::default(),
        mark_time,
        sweep_time: t1.elapsed(),
    }
}
