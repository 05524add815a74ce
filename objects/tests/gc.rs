//! The object store on one thread (plus one blocking helper): allocation and slot reuse,
//! generation checks, tracing of every kind, roots of every sort, GC stress mode and deep
//! structures. Mirrors what CPython's Lib/test/test_gc.py checks of collection outcomes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // failing loudly is the point

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;

use common::{alloc_str, int, str_eq, str_hash, text};
use num_bigint::BigInt;
use protopy_objects::{
    AccessError, AllocError, AttachError, ByteArrayData, BytesData, CellData, DictData,
    FrozenSetData, Handle, Heap, HeapConfig, InstanceData, IntData, KeyEq, Kind, ListData,
    OpaqueData, SetData, SetTable, StrData, Trace, Tracer, TupleData, TypeData, Value,
};

fn heap() -> Arc<Heap> {
    Heap::with_config(HeapConfig {
        gc_stress: Some(false),
        ..HeapConfig::default()
    })
    .unwrap()
}

fn v(h: Handle) -> Value {
    Value::from_handle(h)
}

#[test]
fn shared_types_are_send_and_sync() {
    fn shared<T: Send + Sync>() {}
    shared::<Heap>();
    shared::<Arc<Heap>>();
    shared::<Value>();
    shared::<protopy_objects::AtomicValue>();
    shared::<protopy_objects::RootScope>();
    shared::<OpaqueData>();
}

#[test]
fn every_kind_allocates_and_reads_back() {
    let heap = heap();
    let m = heap.attach().unwrap();
    let s = alloc_str(&m, "héllo");
    let b = m.alloc(None, BytesData::new(*b"ab")).unwrap();
    let ba = m.alloc(None, ByteArrayData::default()).unwrap();
    let big = BigInt::from(1u64 << 60);
    let i = m.alloc(None, IntData(big.clone())).unwrap();
    let t = m.alloc(None, TupleData::new([int(1), v(s)])).unwrap();
    let l = m.alloc(None, ListData::new(vec![v(t)])).unwrap();
    let d = m.alloc(None, DictData::default()).unwrap();
    let st = m.alloc(None, SetData::default()).unwrap();
    let fs = m.alloc(None, FrozenSetData::default()).unwrap();
    let ty = m.alloc(None, TypeData::new(2)).unwrap();
    let inst = m
        .alloc(Some(ty), InstanceData::new(Value::NULL, 1))
        .unwrap();
    let c = m.alloc(None, CellData::default()).unwrap();
    let o = m.alloc(None, OpaqueData::new(Leaf)).unwrap();

    assert_eq!(m.get::<StrData>(s).unwrap().len(), 5);
    assert_eq!(&*m.get::<BytesData>(b).unwrap().bytes, b"ab");
    m.get::<ByteArrayData>(ba).unwrap().0.lock().push(7);
    assert_eq!(m.get::<IntData>(i).unwrap().0, big);
    assert_eq!(m.get::<TupleData>(t).unwrap().items[1], v(s));
    assert_eq!(m.get::<ListData>(l).unwrap().snapshot(), vec![v(t)]);
    assert!(m.get::<DictData>(d).unwrap().is_empty());
    assert!(m.get::<SetData>(st).unwrap().is_empty());
    assert!(m.get::<FrozenSetData>(fs).unwrap().table.is_empty());
    assert_eq!(m.type_of(inst).unwrap(), Some(ty));
    assert_eq!(m.type_of(ty).unwrap(), None);
    assert!(m.get::<CellData>(c).unwrap().0.load().is_null());
    assert!(m
        .get::<OpaqueData>(o)
        .unwrap()
        .downcast_ref::<Leaf>()
        .is_some());
    let kinds: Vec<Kind> = [s, b, ba, i, t, l, d, st, fs, inst, ty, c, o]
        .iter()
        .map(|&h| m.kind(h).unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
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
            Kind::Opaque
        ]
    );
    // The wrong kind, and an immediate, are errors.
    assert_eq!(
        m.get::<ListData>(t).unwrap_err(),
        AccessError::WrongKind {
            handle: t,
            expected: Kind::List,
            found: Kind::Tuple
        }
    );
    assert_eq!(
        m.get_value::<ListData>(Value::NONE).unwrap_err(),
        AccessError::NotAnEntity(Value::NONE)
    );
}

struct Leaf;
impl Trace for Leaf {
    fn trace(&self, _: &mut Tracer) {}
}

/// An interpreter-defined kind holding values (a function's defaults, say), counting drops.
struct Holder {
    values: Vec<Value>,
    drops: Arc<AtomicUsize>,
}

impl Trace for Holder {
    fn trace(&self, tracer: &mut Tracer) {
        tracer.visit_all(&self.values);
    }
}

impl Drop for Holder {
    fn drop(&mut self) {
        self.drops.fetch_add(1, Ordering::SeqCst);
    }
}

#[test]
fn freed_slot_is_reused_and_the_old_handle_is_stale() {
    let heap = heap();
    let mut m = heap.attach().unwrap();
    // Fill exactly one chunk of tuples, keep none.
    let first: Vec<Handle> = (0..512)
        .map(|i| m.alloc(None, TupleData::new([int(i)])).unwrap())
        .collect();
    assert_eq!(first[511].index, first[0].index + 511);
    let stats = m.collect();
    assert_eq!(stats.freed, 512);
    assert_eq!(stats.live, 0);
    // The next tuple reuses the first slot with the next generation.
    let again = m.alloc(None, TupleData::new([int(-1)])).unwrap();
    assert_eq!(again.index, first[0].index);
    assert_eq!(again.generation, first[0].generation + 1);
    assert_eq!(
        m.get::<TupleData>(first[0]).unwrap_err(),
        AccessError::StaleHandle(first[0])
    );
    assert!(!m.is_live(first[0]) && m.is_live(again));
    assert_eq!(m.get::<TupleData>(again).unwrap().items[0], int(-1));
    // Other kinds never land in a tuple chunk.
    let s = alloc_str(&m, "x");
    assert_ne!(s.index >> 9, again.index >> 9);
    // A handle into a chunk that does not exist is stale too.
    let wild = Handle {
        index: 0xFFFF_0000,
        generation: 0,
    };
    assert_eq!(m.kind(wild), Err(AccessError::StaleHandle(wild)));
    assert_eq!(m.kind_unchecked(wild.index), None);
}

#[test]
fn unreachable_cycle_is_freed_and_reachable_cycle_is_kept() {
    let heap = heap();
    let mut m = heap.attach().unwrap();
    let make_cycle = |m: &protopy_objects::Mutator| {
        let a = m.alloc(None, ListData::default()).unwrap();
        let b = m.alloc(None, ListData::new(vec![v(a)])).unwrap();
        m.get::<ListData>(a).unwrap().push(v(b));
        (a, b)
    };
    let (a1, b1) = make_cycle(&m);
    let (a2, b2) = make_cycle(&m);
    let root = heap.add_root(v(a1));
    let stats = m.collect();
    assert_eq!((stats.live, stats.freed), (2, 2));
    assert!(m.is_live(a1) && m.is_live(b1));
    assert!(!m.is_live(a2) && !m.is_live(b2));
    assert_eq!(heap.remove_root(root), Some(v(a1)));
    assert_eq!(m.collect().freed, 2);
    assert!(!m.is_live(a1) && !m.is_live(b1));
    assert_eq!(heap.count_live(), 0);
}

#[test]
fn every_kind_traces_what_it_holds() {
    let heap = heap();
    let mut m = heap.attach().unwrap();
    let drops = Arc::new(AtomicUsize::new(0));
    let leaf = alloc_str(&m, "leaf");
    let opaque = m
        .alloc(
            None,
            OpaqueData::new(Holder {
                values: vec![v(leaf)],
                drops: drops.clone(),
            }),
        )
        .unwrap();
    let cell = m.alloc(None, CellData::default()).unwrap();
    m.get::<CellData>(cell).unwrap().0.store(v(opaque));
    let ty = m.alloc(None, TypeData::new(1)).unwrap();
    m.get::<TypeData>(ty).unwrap().slots[0].store(v(cell));
    let name = alloc_str(&m, "C");
    m.get::<TypeData>(ty).unwrap().name.store(v(name));
    // The instance reaches its type only through its record's type field.
    let inst_dict = m.alloc(None, DictData::default()).unwrap();
    let inst = m
        .alloc(Some(ty), InstanceData::new(v(inst_dict), 1))
        .unwrap();
    let slot_val = m.alloc(None, BytesData::new(*b"s")).unwrap();
    m.get::<InstanceData>(inst).unwrap().slots[0].store(v(slot_val));
    let mut fs_table = SetTable::new();
    fs_table.add(1, v(inst), |_, _| KeyEq::NotEqual).unwrap();
    let fs = m.alloc(None, FrozenSetData::new(fs_table)).unwrap();
    let set = m.alloc(None, SetData::default()).unwrap();
    m.get::<SetData>(set)
        .unwrap()
        .add(2, v(fs), |_, _| KeyEq::NotEqual)
        .unwrap();
    let key = alloc_str(&m, "k");
    let dict = m.alloc(None, DictData::default()).unwrap();
    m.get::<DictData>(dict)
        .unwrap()
        .insert(str_hash("k"), v(key), v(set), str_eq(&m))
        .unwrap();
    let list = m.alloc(None, ListData::new(vec![v(dict)])).unwrap();
    let tuple = m.alloc(None, TupleData::new([v(list)])).unwrap();
    let all = [
        tuple, list, dict, key, set, fs, inst, inst_dict, slot_val, ty, name, cell, opaque, leaf,
    ];
    let garbage = m.alloc(None, IntData(BigInt::from(-1) << 100)).unwrap();

    let root = heap.add_root(v(tuple));
    let stats = m.collect();
    assert_eq!((stats.live, stats.freed), (all.len(), 1));
    for h in all {
        assert!(m.is_live(h), "{:?} ({:?}) was freed", h, m.kind(h));
    }
    assert!(!m.is_live(garbage));
    assert_eq!(drops.load(Ordering::SeqCst), 0);
    assert_eq!(text(&m, m.get::<TypeData>(ty).unwrap().name.load()), "C");

    heap.remove_root(root);
    assert_eq!(m.collect().freed, all.len());
    assert_eq!(
        drops.load(Ordering::SeqCst),
        1,
        "the opaque component was dropped"
    );
    assert_eq!(heap.count_live(), 0);
}

#[test]
fn root_scope_keeps_temporaries_alive_across_a_collection() {
    let heap = heap();
    let mut m = heap.attach().unwrap();
    let outer = m.root_scope();
    let a = alloc_str(&m, "a");
    assert_eq!(outer.push(v(a)), 0);
    let inner = m.root_scope();
    let b = alloc_str(&m, "b");
    inner.push(v(b));
    let unrooted = alloc_str(&m, "c");
    m.collect();
    assert!(m.is_live(a) && m.is_live(b) && !m.is_live(unrooted));
    // Scopes may close out of order.
    drop(outer);
    m.collect();
    assert!(!m.is_live(a) && m.is_live(b));
    assert_eq!(inner.values(), vec![v(b)]);
    assert!(inner.set(0, Value::NONE) && inner.get(0) == Some(Value::NONE));
    m.collect();
    assert!(!m.is_live(b));
    assert_eq!(inner.len(), 1);
}

#[test]
fn root_providers_and_safepoint_roots() {
    let heap = heap();
    let mut m = heap.attach().unwrap();
    let frame = alloc_str(&m, "frame local");
    let id = m.add_root_provider(move |t| t.visit(v(frame)));
    let extra = alloc_str(&m, "passed at the safepoint");
    let garbage = alloc_str(&m, "garbage");
    m.request_collection();
    m.safepoint_with(|t| t.visit(v(extra)));
    assert_eq!(heap.stats().collections, 1);
    assert!(m.is_live(frame) && m.is_live(extra) && !m.is_live(garbage));
    // No request: the safepoint does nothing.
    m.safepoint();
    assert_eq!(heap.stats().collections, 1);
    assert!(m.remove_root_provider(id));
    assert!(!m.remove_root_provider(id));
    m.collect();
    assert!(!m.is_live(frame) && !m.is_live(extra));
}

#[test]
fn blocking_lets_a_collection_proceed_while_a_thread_waits() {
    let heap = heap();
    let (go_tx, go_rx) = mpsc::channel::<()>();
    let (ready_tx, ready_rx) = mpsc::channel::<Handle>();
    let h2 = heap.clone();
    let waiter = std::thread::spawn(move || {
        let mut m = h2.attach().unwrap();
        let mine = alloc_str(&m, "held by the blocked thread's frame");
        m.add_root_provider(move |t| t.visit(v(mine)));
        ready_tx.send(mine).unwrap();
        // Blocks until the main thread has collected; the timeout turns a broken `blocking`
        // (a collection that waits for this thread) into a failure instead of a hang.
        let got = m.blocking(|| go_rx.recv_timeout(Duration::from_secs(20)));
        (got.is_ok(), m.is_live(mine))
    });
    let mut m = heap.attach().unwrap();
    // Waiting for another attached thread happens in `blocking`, as the protocol asks: the
    // waiter's attach (when it comes second) stops the world once.
    let mine = m.blocking(|| ready_rx.recv().unwrap());
    let garbage = alloc_str(&m, "garbage");
    let stats = m.collect();
    assert!(stats.freed >= 1 && !m.is_live(garbage));
    assert!(m.is_live(mine), "the blocked thread's roots were honoured");
    go_tx.send(()).unwrap();
    let (woke_by_message, still_live) = m.blocking(|| waiter.join().unwrap());
    assert!(
        woke_by_message,
        "the collection waited for the blocked thread"
    );
    assert!(still_live);
}

#[test]
fn gc_stress_collects_at_every_safepoint() {
    let heap = Heap::with_config(HeapConfig {
        gc_stress: Some(true),
        ..HeapConfig::default()
    })
    .unwrap();
    assert!(heap.gc_stress());
    let mut m = heap.attach().unwrap();
    let scope = m.root_scope();
    for i in 0..50 {
        let s = alloc_str(&m, &format!("s{i}"));
        if i % 2 == 0 {
            scope.push(v(s));
        }
        m.safepoint();
        assert_eq!(heap.stats().collections, i as u64 + 1);
        assert_eq!(heap.count_live(), (i / 2 + 1) as usize);
    }
}

#[test]
fn gc_stress_bounds_its_work_on_a_large_heap() {
    use protopy_objects::STRESS_GROWTH_DIVISOR;
    let limit = 2_000;
    let heap = Heap::with_config(HeapConfig {
        gc_stress: Some(true),
        stress_exhaustive_live: limit,
        ..HeapConfig::default()
    })
    .unwrap();
    let mut m = heap.attach().unwrap();
    // A chain growing by one tuple per safepoint, as `deep = [deep]` in a loop.
    let scope = m.root_scope();
    let at = scope.push(Value::NONE);
    for _ in 0..64 * limit {
        let head = m
            .alloc(None, TupleData::new([scope.get(at).unwrap()]))
            .unwrap();
        scope.set(at, v(head));
        m.safepoint();
    }
    let stats = heap.stats();
    // Exhaustive up to the limit, then one collection per `live / divisor` allocations: the
    // live count grows geometrically between collections (64 = 2^6 times the limit here).
    let geometric = 6 * (STRESS_GROWTH_DIVISOR as u64 + 1);
    assert!(stats.collections >= limit as u64, "{stats:?}");
    assert!(stats.collections <= limit as u64 + geometric, "{stats:?}");
    // Once the heap is small again, every safepoint collects again.
    scope.set(at, Value::NONE);
    m.collect();
    let before = heap.stats().collections;
    for _ in 0..10 {
        m.alloc(None, TupleData::new([int(1)])).unwrap();
        m.safepoint();
    }
    assert_eq!(heap.stats().collections, before + 10);
}

#[test]
fn allocation_past_the_threshold_requests_a_collection() {
    let heap = Heap::with_config(HeapConfig {
        gc_stress: Some(false),
        min_threshold: 1000,
        ..HeapConfig::default()
    })
    .unwrap();
    let mut m = heap.attach().unwrap();
    for i in 0..3000 {
        m.alloc(None, TupleData::new([int(i)])).unwrap();
        m.safepoint();
    }
    let stats = heap.stats();
    assert!(stats.collections >= 2, "{stats:?}");
    assert!(heap.count_live() < 1100, "garbage was reclaimed");
}

#[test]
fn deep_structures_mark_without_recursion() {
    let heap = heap();
    let mut m = heap.attach().unwrap();
    let mut head = Value::NONE;
    for _ in 0..200_000 {
        head = v(m.alloc(None, TupleData::new([head])).unwrap());
    }
    let root = heap.add_root(head);
    assert_eq!(m.collect().live, 200_000);
    heap.remove_root(root);
    assert_eq!(m.collect().freed, 200_000);
}

#[test]
fn types_are_checked_and_reassignable() {
    let heap = heap();
    let mut m = heap.attach().unwrap();
    let t1 = m.alloc(None, TypeData::new(0)).unwrap();
    let t2 = m.alloc(None, TypeData::new(0)).unwrap();
    let obj = m
        .alloc(Some(t1), InstanceData::new(Value::NULL, 0))
        .unwrap();
    m.set_type(obj, Some(t2)).unwrap();
    assert_eq!(m.type_of(obj), Ok(Some(t2)));
    let root = heap.add_root(v(obj));
    m.collect();
    // t2 is kept alive by the instance's type field; t1 is garbage now.
    assert!(m.is_live(t2) && !m.is_live(t1));
    assert_eq!(
        m.alloc(Some(t1), InstanceData::default()),
        Err(AllocError::StaleType(t1))
    );
    assert_eq!(m.set_type(obj, Some(t1)), Err(AccessError::StaleHandle(t1)));
    heap.remove_root(root);
}

#[test]
fn a_thread_attaches_once() {
    let heap = heap();
    let m = heap.attach().unwrap();
    assert_eq!(heap.attach().unwrap_err(), AttachError::AlreadyAttached);
    drop(m);
    assert!(heap.attach().is_ok());
    // Another heap is independent.
    let other = Heap::new();
    assert!(other.attach().is_ok());
}

#[test]
fn dropping_the_heap_drops_live_components() {
    let drops = Arc::new(AtomicUsize::new(0));
    {
        let heap = heap();
        let m = heap.attach().unwrap();
        for _ in 0..3 {
            m.alloc(
                None,
                OpaqueData::new(Holder {
                    values: vec![],
                    drops: drops.clone(),
                }),
            )
            .unwrap();
        }
    }
    assert_eq!(drops.load(Ordering::SeqCst), 3);
}

#[test]
fn unreachable_finalizable_entities_are_kept_and_queued_once() {
    let heap = heap();
    let mut m = heap.attach().unwrap();
    let inner = m.alloc(None, TupleData::new([int(1)])).unwrap();
    let outer = m.alloc(None, TupleData::new([v(inner)])).unwrap();
    let cycle = m.alloc(None, ListData::new(vec![])).unwrap();
    m.get::<ListData>(cycle).unwrap().0.lock().push(v(cycle));
    for h in [inner, outer, cycle] {
        m.register_finalizer(h);
    }
    let roots = [heap.add_root(v(outer)), heap.add_root(v(cycle))];
    m.collect();
    assert!(
        m.take_pending_finalizers().is_empty(),
        "reachable: not queued"
    );
    for r in roots {
        heap.remove_root(r);
    }

    // Unreachable: `outer` and the self-referencing list are queued and kept, with what they
    // reach; `inner`, reached from `outer`, waits for a later collection.
    m.collect();
    let mut pending = m.take_pending_finalizers();
    pending.sort_by_key(|p| p.to_bits());
    let mut expected = vec![v(outer), v(cycle)];
    expected.sort_by_key(|p| p.to_bits());
    assert_eq!(pending, expected);
    assert!(m.is_live(inner) && m.is_live(outer) && m.is_live(cycle));

    // Finalized (taken and dropped): freed now; `inner` is queued in turn.
    m.collect();
    assert!(!m.is_live(outer) && !m.is_live(cycle));
    assert_eq!(m.take_pending_finalizers(), vec![v(inner)]);
    m.collect();
    assert!(!m.is_live(inner));
    assert!(m.take_pending_finalizers().is_empty(), "queued once");
}

#[test]
fn pending_finalizers_stay_rooted_until_taken() {
    let heap = heap();
    let mut m = heap.attach().unwrap();
    let t = m.alloc(None, TupleData::new([int(1)])).unwrap();
    m.register_finalizer(t);
    m.collect();
    m.collect();
    m.collect();
    assert!(m.is_live(t));
    assert_eq!(m.take_pending_finalizers(), vec![v(t)]);
}
