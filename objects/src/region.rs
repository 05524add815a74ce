//! Per-thread regions: the chunks a thread allocates into and the free slots it alone may claim,
//! so the allocation fast path takes no lock (docs/design/0002-object-store.md, "Threads without
//! a GIL"). The counterpart of CPython's per-thread mimalloc heaps in the free-threaded build.

use std::sync::Arc;

use parking_lot::Mutex;

use crate::arena::{Claimed, Directory, SlotClaim};
use crate::error::AllocError;
use crate::trace::{Component, Kind};

/// A region as the heap sees it. Regions live as long as the heap: when a thread detaches, its
/// region waits in the pool for the next thread that attaches.
pub(crate) struct Region {
    pub(crate) id: u32,
    /// Chunks in which a sweep freed slots, waiting for the owner to claim them.
    pub(crate) inbox: Mutex<Vec<u32>>,
}

/// A region's allocation state, owned by the attached thread's `Mutator` (or parked in the pool).
pub(crate) struct RegionState {
    pub(crate) region: Arc<Region>,
    /// Per kind: the free slots of the chunk being filled.
    cursors: [Claimed; Kind::COUNT],
    /// Per kind: chunks with freed slots to claim next.
    ready: [Vec<u32>; Kind::COUNT],
}

/// Every region of a heap, and the ones no thread holds.
#[derive(Default)]
pub(crate) struct RegionPool {
    pub(crate) all: Vec<Arc<Region>>,
    pub(crate) idle: Vec<RegionState>,
}

impl RegionPool {
    /// An idle region, or a new one.
    pub(crate) fn take(&mut self) -> RegionState {
        if let Some(r) = self.idle.pop() {
            return r;
        }
        let region = Arc::new(Region {
            id: self.all.len() as u32,
            inbox: Mutex::new(Vec::new()),
        });
        self.all.push(region.clone());
        RegionState {
            region,
            cursors: std::array::from_fn(|_| Claimed::empty()),
            ready: std::array::from_fn(|_| Vec::new()),
        }
    }
}

/// What a claim cost: slots newly claimed from chunks (counted toward the next collection).
pub(crate) struct Claim {
    pub(crate) slot: SlotClaim,
    pub(crate) newly_claimed: usize,
}

impl RegionState {
    /// A free slot for a `T`.
    #[inline]
    pub(crate) fn claim<T: Component>(&mut self, dir: &Directory) -> Result<Claim, AllocError> {
        match self.cursors[T::KIND as usize].pop() {
            Some(slot) => Ok(Claim {
                slot,
                newly_claimed: 0,
            }),
            None => self.refill::<T>(dir),
        }
    }

    /// Moves to the next chunk with free slots: one the last sweeps freed slots in, else a new
    /// chunk.
    #[cold]
    fn refill<T: Component>(&mut self, dir: &Directory) -> Result<Claim, AllocError> {
        let k = T::KIND as usize;
        loop {
            while let Some(chunk) = self.ready[k].pop() {
                self.cursors[k] = dir.reclaim(chunk);
                let newly_claimed = self.cursors[k].count();
                if let Some(slot) = self.cursors[k].pop() {
                    return Ok(Claim {
                        slot,
                        newly_claimed,
                    });
                }
            }
            if !self.drain_inbox(dir) {
                break;
            }
        }
        self.cursors[k] = dir.new_chunk::<T>(self.region.id)?;
        let newly_claimed = self.cursors[k].count();
        // A new chunk has all its slots free.
        let slot = self.cursors[k].pop().ok_or(AllocError::OutOfMemory)?;
        Ok(Claim {
            slot,
            newly_claimed,
        })
    }

    /// Sorts the chunks the sweeps left in the inbox by kind; returns whether there were any.
    fn drain_inbox(&mut self, dir: &Directory) -> bool {
        let chunks = std::mem::take(&mut *self.region.inbox.lock());
        if chunks.is_empty() {
            return false;
        }
        for c in chunks {
            if let Some((_, kind)) = dir.chunk_info(c) {
                self.ready[kind as usize].push(c);
            }
        }
        true
    }
}
