//! The chunked arena under every component table: fixed-size chunks that never move, found
//! through a directory of atomic pointers, each holding 512 entity records and the components of
//! one kind. The only module with `unsafe` (docs/design/0002-object-store.md, "Entities and
//! component tables"); it plays the part of CPython's obmalloc/mimalloc pages (Objects/obmalloc.c).
//!
//! Soundness rests on one protocol, kept by `mutator.rs` and `gc.rs`:
//! - a component is read only through [`Directory::component`], which checks that the entity is
//!   live and takes a [`Running`] token borrowed from the reading thread's `Mutator`, so the
//!   reference cannot outlive that borrow;
//! - a component is dropped only by [`Directory::sweep_chunk`], which takes a [`Stopped`] token
//!   that exists only while every attached thread is parked (a parked `Mutator` is mutably
//!   borrowed by `safepoint`/`blocking`, so none of its `Running` borrows is alive);
//! - a slot is written only through a [`SlotClaim`], which exists once per free slot.

// `unsafe` is denied in the workspace; this module is where the object store's raw storage lives
// (uninitialised component slots, chunk allocation, type-erased chunk pointers), so it is allowed
// here and nowhere else. Every block says why it is sound.
#![allow(unsafe_code)]

use std::alloc::{self, Layout};
use std::cell::UnsafeCell;
use std::mem::MaybeUninit;
use std::ptr;
use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicU32, AtomicU64, Ordering};

use crate::error::{AccessError, AllocError};
use crate::trace::{Component, Kind, Tracer};
use crate::value::Handle;

/// log2 of the entities per chunk.
pub(crate) const CHUNK_BITS: u32 = 9;
/// Entities per chunk.
pub(crate) const CHUNK_LEN: usize = 1 << CHUNK_BITS;
const WORDS: usize = CHUNK_LEN / 64;
/// The most chunks a directory can address (32-bit entity indices).
pub(crate) const MAX_CHUNKS: usize = 1 << (32 - CHUNK_BITS);

/// A record's state word: the generation in the low 16 bits, then the live bit.
const LIVE: u32 = 1 << 16;
const GEN_MASK: u32 = 0xFFFF;
/// The type field of an entity that has no type (yet): bootstrap objects, tests.
pub(crate) const NO_TYPE: u32 = u32::MAX;

/// The core record of one entity. Its kind and component slot are implied by where it sits (a
/// chunk holds one kind; the component sits right after the record), and its mark bit lives in
/// the chunk's mark bitmap, so the record itself is 8 bytes.
#[derive(Default)]
#[repr(C)]
pub(crate) struct EntityRecord {
    /// Generation (low 16 bits) and the live bit.
    state: AtomicU32,
    /// Index of the entity's type, or `NO_TYPE`.
    ty: AtomicU32,
}

/// Per-kind functions for a type-erased chunk.
struct ChunkOps {
    /// Traces the component in a slot. Unsafe: the slot must be live and the world stopped.
    trace: unsafe fn(ChunkRef<'_>, usize, &mut Tracer),
    /// Drops the component in a slot. Unsafe: the slot must be live and nobody may read it.
    drop_slot: unsafe fn(ChunkRef<'_>, usize),
    /// Frees the chunk. Unsafe: the pointer must be a chunk of this kind, used by nobody.
    dealloc: unsafe fn(*mut ChunkHeader),
}

/// The kind-independent front of a chunk. Cache-line aligned, so the slots after it start on a
/// line boundary and a 16-byte slot never straddles two lines.
#[repr(C, align(64))]
pub(crate) struct ChunkHeader {
    kind: Kind,
    /// The region that allocates into this chunk (regions live as long as the heap).
    owner: u32,
    ops: &'static ChunkOps,
    /// Whether the chunk sits in its owner's inbox of chunks with freed slots.
    queued: AtomicBool,
    /// Mark bits, set by the collector's mark phase and cleared by its sweep.
    marks: [AtomicU64; WORDS],
    /// Slots freed by a sweep that the owner has not yet claimed.
    freed: [AtomicU64; WORDS],
    /// Byte offset of the slot array from the chunk's start, and the size of one slot: how
    /// kind-independent code finds a record.
    slots_offset: usize,
    stride: usize,
}

/// One entity: its record, then its component, so that checking a handle and reading the
/// component touch the same cache line.
#[repr(C)]
struct Slot<T> {
    record: EntityRecord,
    value: UnsafeCell<MaybeUninit<T>>,
}

/// A chunk of `CHUNK_LEN` entities of one kind. `repr(C)` puts the header first, so a pointer
/// to the chunk is a pointer to its header.
#[repr(C)]
struct Chunk<T> {
    header: ChunkHeader,
    slots: [Slot<T>; CHUNK_LEN],
}

/// A chunk, by a raw pointer that keeps the whole allocation's provenance (a `&ChunkHeader`
/// would only cover the header). Valid for `'a`: chunks are freed only when the directory is.
#[derive(Clone, Copy)]
pub(crate) struct ChunkRef<'a> {
    ptr: ptr::NonNull<ChunkHeader>,
    _life: std::marker::PhantomData<&'a ChunkHeader>,
}

impl<'a> ChunkRef<'a> {
    fn header(self) -> &'a ChunkHeader {
        // SAFETY: `ptr` points to an initialised chunk that outlives `'a` (see `Directory::chunk`).
        unsafe { self.ptr.as_ref() }
    }

    /// The record of slot `slot` (`< CHUNK_LEN`, which `split` guarantees).
    fn record(self, slot: usize) -> &'a EntityRecord {
        let h = self.header();
        debug_assert!(slot < CHUNK_LEN);
        let slot = slot % CHUNK_LEN;
        // SAFETY: the chunk was allocated as a `Chunk<T>` whose slot array starts at
        // `slots_offset` and has `CHUNK_LEN` slots of `stride` bytes, each beginning with an
        // `EntityRecord` (`repr(C)`); `ptr` carries the provenance of that whole allocation.
        unsafe {
            &*self
                .ptr
                .as_ptr()
                .cast::<u8>()
                .add(h.slots_offset + slot * h.stride)
                .cast::<EntityRecord>()
        }
    }

    /// The component cell of slot `slot` of a chunk known to hold `T`.
    ///
    /// # Safety
    /// The chunk must be a `Chunk<T>`.
    unsafe fn cell<T>(self, slot: usize) -> &'a UnsafeCell<MaybeUninit<T>> {
        let chunk = self.ptr.as_ptr().cast::<Chunk<T>>();
        // SAFETY: the caller guarantees the type; `slot % CHUNK_LEN` is in bounds.
        unsafe { &(*chunk).slots[slot % CHUNK_LEN].value }
    }
}

struct OpsFor<T>(std::marker::PhantomData<T>);

impl<T: Component> OpsFor<T> {
    const OPS: &'static ChunkOps = &ChunkOps {
        trace: trace_slot::<T>,
        drop_slot: drop_slot::<T>,
        dealloc: dealloc_chunk::<T>,
    };
}

/// # Safety
/// `chunk` is a `Chunk<T>`; `slot` is live; no thread drops it meanwhile (world stopped).
unsafe fn trace_slot<T: Component>(chunk: ChunkRef<'_>, slot: usize, tracer: &mut Tracer) {
    // SAFETY: the caller guarantees the chunk is a `Chunk<T>` (its `ops` were built for `T`)
    // and that the slot holds an initialised `T` that stays alive for this call.
    let value = unsafe { slot_ref::<T>(chunk, slot) };
    value.trace(tracer);
}

/// # Safety
/// `chunk` is a `Chunk<T>`; `slot` is live, and no reference to it exists or will be used.
unsafe fn drop_slot<T: Component>(chunk: ChunkRef<'_>, slot: usize) {
    // SAFETY: the chunk is a `Chunk<T>` (caller); the slot is initialised and unreferenced
    // (caller), so it may be dropped, once.
    unsafe { (*chunk.cell::<T>(slot).get()).assume_init_drop() }
}

/// # Safety
/// `p` was allocated by `Directory::new_chunk::<T>` and nobody will use it again.
unsafe fn dealloc_chunk<T: Component>(p: *mut ChunkHeader) {
    // SAFETY: same pointer and layout as the allocation (caller).
    unsafe { alloc::dealloc(p.cast::<u8>(), Layout::new::<Chunk<T>>()) }
}

/// # Safety
/// `chunk` is a `Chunk<T>` and `slot` holds an initialised `T` that outlives `'a`.
unsafe fn slot_ref<'a, T: Component>(chunk: ChunkRef<'a>, slot: usize) -> &'a T {
    // SAFETY: per the caller, the chunk's real type is `Chunk<T>` and the slot is initialised and
    // not written while `'a` lasts (slots are written only when claimed, i.e. not live).
    unsafe { (*chunk.cell::<T>(slot).get()).assume_init_ref() }
}

/// Proof that the thread holding it is attached and running (not parked): nothing is freed while
/// it is borrowed. Created only by `Mutator`.
pub(crate) struct Running(());

impl Running {
    pub(crate) fn new() -> Running {
        Running(())
    }
}

/// Proof that every attached thread is parked. Created only by the collector, for one collection.
pub(crate) struct Stopped(());

impl Stopped {
    pub(crate) fn new() -> Stopped {
        Stopped(())
    }
}

/// The right to fill one free slot: created once per free slot, consumed by `Directory::fill`.
pub(crate) struct SlotClaim(u32);

/// Free slots of one chunk that a region owns exclusively: fresh from `new_chunk`, or taken
/// from the chunk's freed bits by `reclaim`.
pub(crate) struct Claimed {
    chunk: u32,
    bits: [u64; WORDS],
    word: usize,
}

impl Claimed {
    pub(crate) fn empty() -> Claimed {
        Claimed {
            chunk: 0,
            bits: [0; WORDS],
            word: WORDS,
        }
    }

    /// Takes one free slot, lowest first.
    #[inline]
    pub(crate) fn pop(&mut self) -> Option<SlotClaim> {
        while self.word < WORDS {
            let w = self.bits[self.word];
            if w != 0 {
                self.bits[self.word] = w & (w - 1);
                let slot = self.word * 64 + w.trailing_zeros() as usize;
                return Some(SlotClaim((self.chunk << CHUNK_BITS) | slot as u32));
            }
            self.word += 1;
        }
        None
    }

    /// How many free slots are left.
    pub(crate) fn count(&self) -> usize {
        self.bits.iter().map(|w| w.count_ones() as usize).sum()
    }
}

/// What sweeping one chunk found.
pub(crate) struct SweepOutcome {
    pub(crate) live: usize,
    pub(crate) freed: usize,
    /// The chunk's owner, when the chunk gained freed slots and was not yet in its inbox.
    pub(crate) enqueue: Option<u32>,
}

/// All chunks of a heap, addressed by chunk number (entity index >> `CHUNK_BITS`).
pub(crate) struct Directory {
    chunks: Box<[AtomicPtr<ChunkHeader>]>,
    /// Chunk numbers handed out so far.
    reserved: AtomicU32,
}

fn split(index: u32) -> (u32, usize) {
    (index >> CHUNK_BITS, (index as usize) & (CHUNK_LEN - 1))
}

impl Directory {
    /// A directory for up to `max_chunks` chunks (clamped to `1..=MAX_CHUNKS`). The pointer
    /// array comes zeroed from the allocator, so its pages cost nothing until chunks exist.
    pub(crate) fn new(max_chunks: usize) -> Result<Directory, AllocError> {
        let n = max_chunks.clamp(1, MAX_CHUNKS);
        let layout =
            Layout::array::<AtomicPtr<ChunkHeader>>(n).map_err(|_| AllocError::OutOfMemory)?;
        // SAFETY: `layout` has non-zero size (n >= 1).
        let p = unsafe { alloc::alloc_zeroed(layout) }.cast::<AtomicPtr<ChunkHeader>>();
        if p.is_null() {
            return Err(AllocError::OutOfMemory);
        }
        // SAFETY: `p` is a fresh allocation of `n` elements with the global allocator and the
        // array layout `Box<[T]>` uses; all-zero bytes are a valid `AtomicPtr` (null), which has
        // the same in-memory representation as `*mut T`.
        let chunks = unsafe { Box::from_raw(ptr::slice_from_raw_parts_mut(p, n)) };
        Ok(Directory {
            chunks,
            reserved: AtomicU32::new(0),
        })
    }

    /// Chunks allocated (or being allocated) so far; chunk numbers are below this.
    pub(crate) fn chunk_count(&self) -> u32 {
        self.reserved
            .load(Ordering::Acquire)
            .min(self.chunks.len() as u32)
    }

    /// A chunk, valid while `self` is borrowed: a non-null entry was stored (with `Release`,
    /// after the header was written) by `new_chunk`, and chunks are freed only by `Drop`.
    fn chunk(&self, number: u32) -> Option<ChunkRef<'_>> {
        let p = self.chunks.get(number as usize)?.load(Ordering::Acquire);
        Some(ChunkRef {
            ptr: ptr::NonNull::new(p)?,
            _life: std::marker::PhantomData,
        })
    }

    /// The chunk and slot of a live entity whose generation matches the handle's.
    #[inline]
    fn live(&self, h: Handle) -> Result<(ChunkRef<'_>, usize), AccessError> {
        let (number, slot) = split(h.index);
        let chunk = self.chunk(number).ok_or(AccessError::StaleHandle(h))?;
        let state = chunk.record(slot).state.load(Ordering::Acquire);
        if state != (LIVE | u32::from(h.generation)) {
            return Err(AccessError::StaleHandle(h));
        }
        Ok((chunk, slot))
    }

    /// The component of a live entity of kind `T`.
    #[inline]
    pub(crate) fn component<'a, T: Component>(
        &'a self,
        h: Handle,
        _running: &'a Running,
    ) -> Result<&'a T, AccessError> {
        let (chunk, slot) = self.live(h)?;
        let kind = chunk.header().kind;
        if kind != T::KIND {
            return Err(AccessError::WrongKind {
                handle: h,
                expected: T::KIND,
                found: kind,
            });
        }
        // SAFETY: the chunk holds kind `T::KIND`, so it is a `Chunk<T>` (kinds and component
        // types correspond one to one through the sealed `Component` trait); the slot is live
        // (checked just above, with `Acquire`, after the filler's `Release`), and a live slot is
        // dropped only by a sweep, which cannot run while the caller's `Running` is borrowed.
        Ok(unsafe { slot_ref::<T>(chunk, slot) })
    }

    /// [`Directory::component`] and the entity's type index, from one read of its record.
    #[inline]
    pub(crate) fn component_and_type<'a, T: Component>(
        &'a self,
        h: Handle,
        _running: &'a Running,
    ) -> Result<(&'a T, u32), AccessError> {
        let (chunk, slot) = self.live(h)?;
        let kind = chunk.header().kind;
        if kind != T::KIND {
            return Err(AccessError::WrongKind {
                handle: h,
                expected: T::KIND,
                found: kind,
            });
        }
        let ty = chunk.record(slot).ty.load(Ordering::Acquire);
        // SAFETY: as in `component`: the chunk holds kind `T::KIND`, so it is a `Chunk<T>`; the
        // slot is live (checked above), and cannot be dropped while `Running` is borrowed.
        Ok((unsafe { slot_ref::<T>(chunk, slot) }, ty))
    }

    /// The kind and type index of a live entity.
    #[inline]
    pub(crate) fn kind_and_type_index(&self, h: Handle) -> Result<(Kind, u32), AccessError> {
        let (chunk, slot) = self.live(h)?;
        Ok((
            chunk.header().kind,
            chunk.record(slot).ty.load(Ordering::Acquire),
        ))
    }

    /// The kind of a live entity.
    pub(crate) fn kind(&self, h: Handle) -> Result<Kind, AccessError> {
        self.live(h).map(|(c, _)| c.header().kind)
    }

    /// The kind of the chunk an index falls in, without checking the entity (benchmarks
    /// compare it with `kind` to price the generation check).
    pub(crate) fn kind_unchecked(&self, index: u32) -> Option<Kind> {
        self.chunk(split(index).0).map(|c| c.header().kind)
    }

    /// The type index of a live entity (`NO_TYPE` for none).
    pub(crate) fn type_index(&self, h: Handle) -> Result<u32, AccessError> {
        self.live(h)
            .map(|(c, s)| c.record(s).ty.load(Ordering::Acquire))
    }

    pub(crate) fn set_type_index(&self, h: Handle, ty: u32) -> Result<(), AccessError> {
        let (c, s) = self.live(h)?;
        c.record(s).ty.store(ty, Ordering::Release);
        Ok(())
    }

    /// The handle of the live entity at `index`, if there is one.
    pub(crate) fn handle_at(&self, index: u32) -> Option<Handle> {
        let (number, slot) = split(index);
        let state = self
            .chunk(number)?
            .record(slot)
            .state
            .load(Ordering::Acquire);
        (state & LIVE != 0).then_some(Handle {
            index,
            generation: (state & GEN_MASK) as u16,
        })
    }

    /// The owner region and kind of a chunk.
    pub(crate) fn chunk_info(&self, number: u32) -> Option<(u32, Kind)> {
        self.chunk(number)
            .map(|c| (c.header().owner, c.header().kind))
    }

    /// Allocates a chunk for kind `T`, owned by `owner`; all its slots come back claimed.
    pub(crate) fn new_chunk<T: Component>(&self, owner: u32) -> Result<Claimed, AllocError> {
        let cap = self.chunks.len() as u32;
        let number = self
            .reserved
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n < cap).then_some(n + 1)
            })
            .map_err(|_| AllocError::OutOfEntities)?;
        let layout = Layout::new::<Chunk<T>>();
        // SAFETY: a chunk has non-zero size (it holds 512 records).
        let p = unsafe { alloc::alloc_zeroed(layout) }.cast::<Chunk<T>>();
        if p.is_null() {
            return Err(AllocError::OutOfMemory);
        }
        // SAFETY: `p` is a fresh, zeroed allocation for a `Chunk<T>`. Zero bytes are valid for
        // every field except `ops` (a reference), `kind` and `owner`, which are written here
        // through raw pointers before any reference to the chunk is formed. Uninitialised
        // component slots are fine: they are `MaybeUninit`.
        unsafe {
            ptr::addr_of_mut!((*p).header.kind).write(T::KIND);
            ptr::addr_of_mut!((*p).header.owner).write(owner);
            ptr::addr_of_mut!((*p).header.ops).write(OpsFor::<T>::OPS);
            ptr::addr_of_mut!((*p).header.slots_offset)
                .write(std::mem::offset_of!(Chunk<T>, slots));
            ptr::addr_of_mut!((*p).header.stride).write(std::mem::size_of::<Slot<T>>());
        }
        // `number < cap` was checked by the reservation.
        self.chunks[number as usize].store(p.cast::<ChunkHeader>(), Ordering::Release);
        Ok(Claimed {
            chunk: number,
            bits: [u64::MAX; WORDS],
            word: 0,
        })
    }

    /// Claims the slots a sweep freed in a chunk (none if another claim took them).
    pub(crate) fn reclaim(&self, number: u32) -> Claimed {
        let mut claimed = Claimed::empty();
        if let Some(chunk) = self.chunk(number) {
            let header = chunk.header();
            header.queued.store(false, Ordering::Release);
            claimed.chunk = number;
            claimed.word = 0;
            for (bits, freed) in claimed.bits.iter_mut().zip(&header.freed) {
                *bits = freed.swap(0, Ordering::AcqRel);
            }
        }
        claimed
    }

    /// Writes a new entity into a claimed slot and returns its handle. Gives the data back if
    /// the slot's chunk is of another kind (a region bookkeeping bug, never expected).
    #[inline]
    pub(crate) fn fill<T: Component>(
        &self,
        claim: SlotClaim,
        ty: u32,
        data: T,
    ) -> Result<Handle, T> {
        let (number, slot) = split(claim.0);
        let Some(chunk) = self.chunk(number) else {
            return Err(data);
        };
        if chunk.header().kind != T::KIND {
            return Err(data);
        }
        let record = chunk.record(slot);
        let state = record.state.load(Ordering::Acquire);
        if state & LIVE != 0 {
            // Claims exist once per free slot, so this is unreachable; refuse rather than
            // overwrite a live component.
            return Err(data);
        }
        // SAFETY: the chunk is a `Chunk<T>` (kind checked). The claim is the only one for this
        // slot, and the slot is not live, so no reference to its component exists: readers
        // (`component`, tracing, sweeping) all require the live bit, which is set only below.
        unsafe {
            (*chunk.cell::<T>(slot).get()).write(data);
        }
        record.ty.store(ty, Ordering::Relaxed);
        let generation = state & GEN_MASK;
        record.state.store(LIVE | generation, Ordering::Release);
        Ok(Handle {
            index: claim.0,
            generation: generation as u16,
        })
    }

    /// Sets the mark bit of a live entity; returns whether it was newly set. A stale handle is
    /// not marked.
    pub(crate) fn mark(&self, h: Handle, _stopped: &Stopped) -> bool {
        match self.live(h) {
            Ok((chunk, slot)) => set_mark(chunk, slot),
            Err(_) => false,
        }
    }

    /// Whether a live entity's mark bit is set; None for a stale handle.
    pub(crate) fn is_marked(&self, h: Handle, _stopped: &Stopped) -> Option<bool> {
        let (chunk, slot) = self.live(h).ok()?;
        let word = chunk.header().marks[slot / 64].load(Ordering::Relaxed);
        Some(word & (1u64 << (slot % 64)) != 0)
    }

    /// Sets the mark bit of the live entity at `index` (a type reference); returns the handle
    /// if the bit was newly set.
    pub(crate) fn mark_index(&self, index: u32, stopped: &Stopped) -> Option<Handle> {
        let h = self.handle_at(index)?;
        self.mark(h, stopped).then_some(h)
    }

    /// Reports the values held by a live entity; returns its type index.
    pub(crate) fn trace(&self, h: Handle, tracer: &mut Tracer, _stopped: &Stopped) -> u32 {
        let Ok((chunk, slot)) = self.live(h) else {
            return NO_TYPE;
        };
        // SAFETY: `ops` was built for the chunk's component type; the slot is live, and nothing
        // drops it during the mark phase (sweeping starts after marking, both under `Stopped`).
        unsafe { (chunk.header().ops.trace)(chunk, slot, tracer) };
        chunk.record(slot).ty.load(Ordering::Acquire)
    }

    /// Frees every live, unmarked entity of a chunk and clears its marks. Each chunk must be
    /// swept by one thread at a time (the collector hands out distinct chunk numbers).
    pub(crate) fn sweep_chunk(&self, number: u32, _stopped: &Stopped) -> SweepOutcome {
        let mut out = SweepOutcome {
            live: 0,
            freed: 0,
            enqueue: None,
        };
        let Some(chunk) = self.chunk(number) else {
            return out;
        };
        let header = chunk.header();
        for w in 0..WORDS {
            let marks = header.marks[w].swap(0, Ordering::AcqRel);
            out.live += marks.count_ones() as usize;
            if marks == u64::MAX {
                continue;
            }
            let mut freed = 0u64;
            for bit in 0..64 {
                if marks & (1 << bit) != 0 {
                    continue;
                }
                let slot = w * 64 + bit;
                let record = chunk.record(slot);
                let state = record.state.load(Ordering::Acquire);
                if state & LIVE == 0 {
                    continue;
                }
                // SAFETY: the slot is live, so initialised; the world is stopped (`Stopped`),
                // so no `Running` borrow and hence no reference to it exists; this chunk is
                // swept by this call only, and the live bit is cleared right after, so the
                // component is dropped exactly once.
                unsafe { (header.ops.drop_slot)(chunk, slot) };
                let generation = state & GEN_MASK;
                record.ty.store(NO_TYPE, Ordering::Relaxed);
                if generation == GEN_MASK {
                    // The generation would wrap and make old handles valid again: retire the
                    // slot for good instead (one slot in 65,536 reuses).
                    record.state.store(generation, Ordering::Release);
                } else {
                    record.state.store(generation + 1, Ordering::Release);
                    freed |= 1 << bit;
                }
                out.freed += 1;
            }
            if freed != 0 {
                header.freed[w].fetch_or(freed, Ordering::AcqRel);
            }
        }
        if out.freed > 0 && !header.queued.swap(true, Ordering::AcqRel) {
            out.enqueue = Some(header.owner);
        }
        out
    }

    /// Live entities, counted from the records (for tests and statistics).
    pub(crate) fn count_live(&self) -> usize {
        (0..self.chunk_count())
            .filter_map(|n| self.chunk(n))
            .map(|c| {
                (0..CHUNK_LEN)
                    .filter(|&s| c.record(s).state.load(Ordering::Acquire) & LIVE != 0)
                    .count()
            })
            .sum()
    }
}

fn set_mark(chunk: ChunkRef<'_>, slot: usize) -> bool {
    let bit = 1u64 << (slot % 64);
    let word = &chunk.header().marks[slot / 64];
    // One thread marks; a plain load and store is enough and cheaper than `fetch_or`.
    let old = word.load(Ordering::Relaxed);
    if old & bit != 0 {
        return false;
    }
    word.store(old | bit, Ordering::Relaxed);
    true
}

impl Drop for Directory {
    fn drop(&mut self) {
        for entry in self.chunks.iter_mut() {
            let Some(ptr) = ptr::NonNull::new(*entry.get_mut()) else {
                continue;
            };
            // `&mut self`: no thread can reach the heap any more.
            let chunk = ChunkRef {
                ptr,
                _life: std::marker::PhantomData,
            };
            let ops = chunk.header().ops;
            for slot in 0..CHUNK_LEN {
                if chunk.record(slot).state.load(Ordering::Acquire) & LIVE != 0 {
                    // SAFETY: live slots are initialised; nobody else can observe them now.
                    unsafe { (ops.drop_slot)(chunk, slot) };
                }
            }
            // SAFETY: the chunk was allocated by `new_chunk` for the kind whose `ops` it
            // carries, and nothing uses it after this point.
            unsafe { (ops.dealloc)(ptr.as_ptr()) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claimed_pops_in_order_and_counts() {
        let mut c = Claimed {
            chunk: 2,
            bits: [0; WORDS],
            word: 0,
        };
        c.bits[0] = 0b1010;
        c.bits[3] = 1 << 63;
        assert_eq!(c.count(), 3);
        let got: Vec<u32> = std::iter::from_fn(|| c.pop().map(|s| s.0)).collect();
        let base = 2 << CHUNK_BITS;
        assert_eq!(got, vec![base + 1, base + 3, base + 3 * 64 + 63]);
        assert!(Claimed::empty().pop().is_none());
    }

    #[test]
    fn record_is_eight_bytes_and_leads_its_slot() {
        assert_eq!(std::mem::size_of::<EntityRecord>(), 8);
        assert_eq!(std::mem::offset_of!(Slot<crate::CellData>, record), 0);
        assert_eq!(std::mem::size_of::<Slot<crate::CellData>>(), 16);
        assert_eq!(std::mem::offset_of!(Chunk<crate::CellData>, slots) % 64, 0);
    }
}
