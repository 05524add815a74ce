//! protopy's object store (ARCHITECTURE.md, "The object store"; docs/design/0002-object-store.md):
//! the 8-byte NaN-boxed [`Value`], entities with component tables in chunked arenas, per-thread
//! regions, and the precise tracing GC that runs only at safepoints.
//!
//! How the interpreter uses it:
//! - one [`Heap`] per interpreter (`Arc<Heap>`), and one [`Mutator`] per OS thread from
//!   [`Heap::attach`];
//! - [`Mutator::alloc`] creates an entity from a component ([`StrData`], [`ListData`], ...,
//!   [`OpaqueData`] for the interpreter's own kinds) and returns its [`Handle`];
//!   [`Mutator::get`] reads it back, failing with [`AccessError::StaleHandle`] if it was freed;
//! - the thread calls [`Mutator::safepoint`] between bytecodes at calls and backward jumps, wraps
//!   anything that blocks in [`Mutator::blocking`], reports its frames through a root provider
//!   ([`Mutator::add_root_provider`]) and keeps native temporaries in a [`RootScope`];
//! - a collection stops every attached thread at a safepoint, marks from the roots and sweeps
//!   in parallel. `PROTOPY_GC_STRESS=1` collects at every safepoint.

mod arena;
mod error;
mod gc;
mod heap;
mod layouts;
pub mod lock;
mod mutator;
mod region;
pub mod set_table;
pub mod str;
pub mod table;
mod trace;
mod value;

pub use error::{AccessError, AllocError, AttachError};
pub use heap::{
    CollectStats, GcStats, Heap, HeapConfig, RootId, GC_STRESS_ENV, STRESS_EXHAUSTIVE_LIVE,
    STRESS_GROWTH_DIVISOR,
};
pub use layouts::{
    ByteArrayData, BytesData, CellData, DictData, FrozenSetData, InstanceData, IntData, ListData,
    Opaque, OpaqueData, SetData, TupleData, TypeData,
};
pub use lock::{ObjectMutex, ObjectMutexGuard};
pub use mutator::{Mutator, ProviderId, RootScope};
pub use set_table::{PairAnswers, Pending, SetEntry, SetTable};
pub use str::{HashCache, StrData};
pub use table::{KeyEq, Lookup, Resolved, Table, Undecided};
pub use trace::{Component, Kind, Trace, Tracer};
pub use value::{AtomicValue, Handle, Value, ValueKind, SMALL_INT_MAX, SMALL_INT_MIN};
