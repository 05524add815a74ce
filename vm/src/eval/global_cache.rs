//! The `LOAD_GLOBAL` cache (CPython's `LOAD_GLOBAL_MODULE` and `LOAD_GLOBAL_BUILTIN`, which
//! check the dict key versions of globals and builtins): per thread, keyed by (globals,
//! builtins, name), each entry valid while the globals epoch is unchanged. Every globals and
//! builtins table a lookup reads is watched (`Table::watch_globals`), so any insert, replace,
//! removal, clear or drop of one moves the epoch and every entry misses once.

use protopy_objects::Value;

use crate::thread::{PyResult, Vm};
use crate::types::dict;

const SIZE: usize = 512;

#[derive(Clone, Copy)]
struct Entry {
    globals: u64,
    builtins: u64,
    name: u64,
    epoch: u64,
    value: Value,
}

const EMPTY: Entry = Entry {
    globals: u64::MAX,
    builtins: u64::MAX,
    name: u64::MAX,
    epoch: u64::MAX,
    value: Value::NULL,
};

/// A thread's cached global and builtin names.
pub struct GlobalCache {
    entries: Box<[Entry]>,
}

impl Default for GlobalCache {
    fn default() -> Self {
        GlobalCache {
            entries: vec![EMPTY; SIZE].into_boxed_slice(),
        }
    }
}

fn slot(globals: u64, builtins: u64, name: u64) -> usize {
    crate::types::lookup_cache::slot_of(globals, name, builtins, SIZE.trailing_zeros())
}

/// Marks a globals or builtins dict watched; false when `d` is no dict.
fn watch(vm: &Vm, d: Value) -> bool {
    match vm.dict_data(d) {
        Some(data) => {
            let mut t = data.lock();
            if !t.is_watched_globals() {
                t.watch_globals();
            }
            true
        }
        None => false,
    }
}

/// The global or builtin `name` of the running frame, from the cache or found and cached;
/// `Ok(None)`: neither has it.
pub fn lookup(vm: &mut Vm, name: Value) -> PyResult<Option<Value>> {
    let (g, b) = (vm.f().globals, vm.f().builtins);
    let (gb, bb, nb) = (g.to_bits(), b.to_bits(), name.to_bits());
    let i = slot(gb, bb, nb);
    let epoch = protopy_objects::table::globals_epoch();
    let e = vm.global_cache.entries[i];
    if e.globals == gb && e.builtins == bb && e.name == nb && e.epoch == epoch {
        return Ok(Some(e.value));
    }
    // Watch first: a change between the epoch read above and the lookup below then leaves
    // the entry stale, never wrong.
    let cacheable = watch(vm, g) && watch(vm, b);
    let epoch = protopy_objects::table::globals_epoch();
    let found = match dict::get_item(vm, g, name)? {
        Some(v) => Some(v),
        None => dict::get_item(vm, b, name)?,
    };
    if let (true, Some(value)) = (cacheable, found) {
        vm.global_cache.entries[i] = Entry {
            globals: gb,
            builtins: bb,
            name: nb,
            epoch,
            value,
        };
    }
    Ok(found)
}
