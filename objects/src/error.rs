//! The errors of the object store: a handle that no longer names a live object, or names one of
//! another kind, and allocation failures. The interpreter turns them into Python exceptions
//! (`SystemError`, `MemoryError`); none of them is undefined behaviour.

use std::fmt;

use crate::trace::Kind;
use crate::value::{Handle, Value};

/// Why a handle could not be followed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccessError {
    /// The entity was freed (and perhaps its slot reused): the generation does not match.
    StaleHandle(Handle),
    /// The entity is live but its state is in another component table.
    WrongKind {
        handle: Handle,
        expected: Kind,
        found: Kind,
    },
    /// The value is an immediate (a float, a small int, `None`, ...), not an entity.
    NotAnEntity(Value),
}

impl fmt::Display for AccessError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AccessError::StaleHandle(h) => write!(f, "stale object handle {h:?}"),
            AccessError::WrongKind {
                handle,
                expected,
                found,
            } => write!(f, "object {handle:?} is a {found:?}, not a {expected:?}"),
            AccessError::NotAnEntity(v) => write!(f, "{v:?} is not a heap object"),
        }
    }
}

impl std::error::Error for AccessError {}

/// Why an allocation failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AllocError {
    /// The heap's entity index space (`HeapConfig::max_entities`) is used up.
    OutOfEntities,
    /// The system allocator refused a chunk.
    OutOfMemory,
    /// The type handle given for the new object is stale.
    StaleType(Handle),
}

impl fmt::Display for AllocError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AllocError::OutOfEntities => f.write_str("object store is full"),
            AllocError::OutOfMemory => f.write_str("out of memory"),
            AllocError::StaleType(h) => write!(f, "stale type handle {h:?}"),
        }
    }
}

impl std::error::Error for AllocError {}

/// Why a thread could not attach to a heap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttachError {
    /// This thread already holds a `Mutator` for this heap; a second one would deadlock the
    /// first collection (the collector would wait for the first to park).
    AlreadyAttached,
}

impl fmt::Display for AttachError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("this thread is already attached to the heap")
    }
}

impl std::error::Error for AttachError {}
