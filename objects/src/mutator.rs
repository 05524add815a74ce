//! `Mutator`, one attached thread's access to the heap: lock-free allocation from its region,
//! checked reads of components, safepoints, `blocking` sections, root providers and
//! `RootScope`s. The counterpart of CPython's attached `PyThreadState` (Python/pystate.c) in the
//! free-threaded build.

use std::cell::RefCell;
use std::marker::PhantomData;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use crate::arena::{Running, NO_TYPE};
use crate::error::{AccessError, AllocError};
use crate::heap::{CollectStats, Heap, ThreadShared};
use crate::layouts::InstanceData;
use crate::region::RegionState;
use crate::trace::{Component, Kind, Tracer};
use crate::value::{Handle, Value};

/// A root provider: reports the values a thread's frames (or other native state) hold.
type Provider = Box<dyn FnMut(&mut Tracer)>;

/// A registered root provider, from [`Mutator::add_root_provider`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProviderId(u64);

/// One thread's handle on the heap. Not `Send`: it stays on the thread that attached.
///
/// Component references (`get`) borrow the mutator, and `safepoint`, `blocking` and `collect`
/// borrow it mutably, so the compiler rejects any component reference (or lock guard) held
/// across a point where a collection may free things.
pub struct Mutator {
    heap: Arc<Heap>,
    shared: Arc<ThreadShared>,
    /// `None` only while the mutator is being dropped.
    region: RefCell<Option<RegionState>>,
    providers: Vec<(u64, Provider)>,
    running: Running,
    _not_send: PhantomData<*const ()>,
}

impl Mutator {
    pub(crate) fn new(heap: Arc<Heap>, shared: Arc<ThreadShared>, region: RegionState) -> Mutator {
        Mutator {
            heap,
            shared,
            region: RefCell::new(Some(region)),
            providers: Vec::new(),
            running: Running::new(),
            _not_send: PhantomData,
        }
    }

    pub fn heap(&self) -> &Arc<Heap> {
        &self.heap
    }

    /// Allocates an entity of `T`'s kind with Python type `ty` (`None`: no type yet, for
    /// bootstrapping). Takes no lock and never collects; past the heap's threshold it requests
    /// a collection for the next safepoint.
    #[inline]
    pub fn alloc<T: Component>(&self, ty: Option<Handle>, data: T) -> Result<Handle, AllocError> {
        let ty_index = match ty {
            Some(t) => {
                self.heap
                    .dir
                    .kind(t)
                    .map_err(|_| AllocError::StaleType(t))?;
                t.index
            }
            None => NO_TYPE,
        };
        let claim = {
            // Never borrowed elsewhere while this runs: allocation calls no user code.
            let mut region = self.region.borrow_mut();
            let region = region.as_mut().ok_or(AllocError::OutOfMemory)?;
            region.claim::<T>(&self.heap.dir)?
        };
        if claim.newly_claimed > 0 {
            self.heap.note_claimed(claim.newly_claimed);
        }
        // A kind mismatch would be a bug in the region's per-kind cursors.
        self.heap
            .dir
            .fill(claim.slot, ty_index, data)
            .map_err(|_| AllocError::OutOfMemory)
    }

    /// The component of a live entity of kind `T`; `Err(StaleHandle)` if it was freed.
    #[inline]
    ///
    /// An instance carrying a native base value (`InstanceData::base`, an instance of a
    /// subclass of a builtin type) answers for a kind other than `Instance` with its base's
    /// component, so native code reads a `list` subclass instance's `ListData` as a list's.
    pub fn get<T: Component>(&self, h: Handle) -> Result<&T, AccessError> {
        match self.heap.dir.component::<T>(h, &self.running) {
            Err(e) if T::KIND != Kind::Instance => {
                let Ok(inst) = self.heap.dir.component::<InstanceData>(h, &self.running) else {
                    return Err(e);
                };
                match inst.base.load().as_handle() {
                    Some(b) => self.heap.dir.component::<T>(b, &self.running),
                    None => Err(e),
                }
            }
            r => r,
        }
    }

    /// The component of a live entity of exactly kind `T` (no subclass fallback) and the index
    /// of its Python type (the `index` of its type's handle; `u32::MAX` for none), from one
    /// read of the entity's record: for caches keyed by type, which are invalidated whenever a
    /// type is created, so an index cannot name two types over a cache entry's life.
    #[inline]
    pub fn get_exact_and_type_index<T: Component>(
        &self,
        v: Value,
    ) -> Result<(&T, u32), AccessError> {
        let h = v.as_handle().ok_or(AccessError::NotAnEntity(v))?;
        self.heap.dir.component_and_type::<T>(h, &self.running)
    }

    /// Which component table holds a live entity, and the index of its Python type (as in
    /// [`Mutator::get_exact_and_type_index`]), from one read of its record.
    #[inline]
    pub fn kind_and_type_index(&self, h: Handle) -> Result<(Kind, u32), AccessError> {
        self.heap.dir.kind_and_type_index(h)
    }

    /// [`Mutator::get`] for a `Value` (`Err(NotAnEntity)` for immediates).
    #[inline]
    pub fn get_value<T: Component>(&self, v: Value) -> Result<&T, AccessError> {
        self.get(v.as_handle().ok_or(AccessError::NotAnEntity(v))?)
    }

    /// Which component table holds a live entity.
    pub fn kind(&self, h: Handle) -> Result<Kind, AccessError> {
        self.heap.dir.kind(h)
    }

    /// The kind of the chunk an entity index falls in, without the generation check. Only for
    /// pricing that check (`benches/store.rs`); a freed entity's chunk still has its kind.
    #[doc(hidden)]
    pub fn kind_unchecked(&self, index: u32) -> Option<Kind> {
        self.heap.dir.kind_unchecked(index)
    }

    /// Whether the handle names a live entity.
    pub fn is_live(&self, h: Handle) -> bool {
        self.heap.dir.kind(h).is_ok()
    }

    /// A live entity's Python type (`None` if it has none).
    #[inline]
    pub fn type_of(&self, h: Handle) -> Result<Option<Handle>, AccessError> {
        let index = self.heap.dir.type_index(h)?;
        Ok(self.heap.dir.handle_at(index))
    }

    /// Reassigns an entity's Python type (`obj.__class__ = ...`).
    pub fn set_type(&self, h: Handle, ty: Option<Handle>) -> Result<(), AccessError> {
        let index = match ty {
            Some(t) => {
                self.heap.dir.kind(t)?;
                t.index
            }
            None => NO_TYPE,
        };
        self.heap.dir.set_type_index(h, index)
    }

    /// Asks for a collection at the next safepoint (of any thread).
    pub fn request_collection(&self) {
        self.heap.request_collection();
    }

    /// A point where this thread may take part in a collection. Costs one relaxed load when
    /// none is requested. The thread's roots come from its providers and open `RootScope`s.
    #[inline]
    pub fn safepoint(&mut self) {
        if self.heap.requested.load(Ordering::Relaxed) {
            self.safepoint_slow(&mut |_| {}, false);
        }
    }

    /// [`Mutator::safepoint`] with extra roots reported by `roots` (the caller's frames, say),
    /// run only if a collection is requested. Returns whether a collection was requested (this
    /// thread ran it or waited for it), the moment to look for pending finalizers.
    #[inline]
    pub fn safepoint_with(&mut self, mut roots: impl FnMut(&mut Tracer)) -> bool {
        if self.heap.requested.load(Ordering::Relaxed) {
            self.safepoint_slow(&mut roots, false);
            return true;
        }
        false
    }

    /// Asks that `h` be finalized rather than freed when a collection finds it unreachable:
    /// that collection keeps it (and what it reaches) alive and queues it, once, for
    /// [`Mutator::take_pending_finalizers`]. Of several unreachable registered entities, one
    /// reachable from another waits for a later collection (it is finalized after the one
    /// holding it, as reference counting would order them), unless it reaches itself (a
    /// cycle).
    pub fn register_finalizer(&self, h: Handle) {
        self.heap.finalizable.lock().push(h);
    }

    /// Takes the entities queued for finalization. They are no longer rooted by the heap: the
    /// caller roots them (before its next safepoint) until their finalizers have run.
    pub fn take_pending_finalizers(&self) -> Vec<Value> {
        std::mem::take(&mut *self.heap.pending.lock())
    }

    /// Runs a full collection now (or, if another thread is collecting, takes part in its) and
    /// returns its figures.
    pub fn collect(&mut self) -> CollectStats {
        self.safepoint_slow(&mut |_| {}, true)
            .or_else(|| self.heap.stats().last)
            .unwrap_or_default()
    }

    #[cold]
    fn safepoint_slow(
        &mut self,
        extra: &mut dyn FnMut(&mut Tracer),
        forced: bool,
    ) -> Option<CollectStats> {
        self.publish_roots(extra);
        crate::gc::stop_or_park(&self.heap, forced)
    }

    /// Runs `f`, which blocks (I/O, waiting on a lock or a thread), with this thread counted as
    /// parked, so a collection can run meanwhile. `f` cannot touch the heap (the mutator is
    /// borrowed); on return the thread waits for any collection in progress to end.
    pub fn blocking<R>(&mut self, f: impl FnOnce() -> R) -> R {
        self.publish_roots(&mut |_| {});
        let _resume = crate::gc::enter_blocking(&self.heap);
        f()
    }

    /// Registers a root provider, called on this thread whenever it parks (at a safepoint
    /// where a collection runs, or entering `blocking`): it reports the values this thread's
    /// frames hold.
    pub fn add_root_provider(&mut self, provider: impl FnMut(&mut Tracer) + 'static) -> ProviderId {
        let id = self.heap.fresh_id();
        self.providers.push((id, Box::new(provider)));
        ProviderId(id)
    }

    /// Unregisters a root provider; returns whether it was registered.
    pub fn remove_root_provider(&mut self, id: ProviderId) -> bool {
        let before = self.providers.len();
        self.providers.retain(|(p, _)| *p != id.0);
        self.providers.len() != before
    }

    /// Opens a scope whose values stay alive until it is dropped, across safepoints: for
    /// native code's temporaries while it calls back into Python.
    pub fn root_scope(&self) -> RootScope {
        let id = self.heap.fresh_id();
        self.shared.scopes.lock().push((id, Vec::new()));
        RootScope {
            shared: self.shared.clone(),
            id,
        }
    }

    fn publish_roots(&mut self, extra: &mut dyn FnMut(&mut Tracer)) {
        let mut buf = std::mem::take(&mut *self.shared.published.lock());
        buf.clear();
        let mut tracer = Tracer::with_buffer(buf);
        for (_, p) in &mut self.providers {
            p(&mut tracer);
        }
        extra(&mut tracer);
        *self.shared.published.lock() = tracer.found;
    }
}

impl Drop for Mutator {
    fn drop(&mut self) {
        if let Some(region) = self.region.get_mut().take() {
            self.heap.regions.lock().idle.push(region);
        }
        self.heap.detach(&self.shared);
    }
}

impl std::fmt::Debug for Mutator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mutator").field("heap", &self.heap).finish()
    }
}

/// Values kept alive while the scope is open, whatever safepoints pass (see
/// [`Mutator::root_scope`]). Scopes may nest and close in any order.
pub struct RootScope {
    shared: Arc<ThreadShared>,
    id: u64,
}

impl RootScope {
    fn with<R>(&self, f: impl FnOnce(&mut Vec<Value>) -> R) -> Option<R> {
        let mut scopes = self.shared.scopes.lock();
        scopes
            .iter_mut()
            .rev()
            .find(|(id, _)| *id == self.id)
            .map(|(_, values)| f(values))
    }

    /// Roots `v`; returns its position in the scope.
    pub fn push(&self, v: Value) -> usize {
        self.with(|values| {
            values.push(v);
            values.len() - 1
        })
        .unwrap_or(0)
    }

    pub fn get(&self, i: usize) -> Option<Value> {
        self.with(|values| values.get(i).copied()).flatten()
    }

    /// Replaces the value at position `i`; returns whether there was one.
    pub fn set(&self, i: usize, v: Value) -> bool {
        self.with(|values| values.get_mut(i).map(|slot| *slot = v).is_some())
            .unwrap_or(false)
    }

    pub fn len(&self) -> usize {
        self.with(|values| values.len()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn values(&self) -> Vec<Value> {
        self.with(|values| values.clone()).unwrap_or_default()
    }
}

impl Drop for RootScope {
    fn drop(&mut self) {
        self.shared.scopes.lock().retain(|(id, _)| *id != self.id);
    }
}

impl std::fmt::Debug for RootScope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("RootScope").field(&self.values()).finish()
    }
}
