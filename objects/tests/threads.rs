//! The GIL-less correctness bar (ARCHITECTURE.md, "Threads without a GIL"): OS threads append to
//! one shared list and update one shared dict while collections run; afterwards nothing is lost
//! and nothing crashed. Mirrors the intent of CPython's Lib/test/test_free_threading/.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // failing loudly is the point

mod common;

use std::sync::Arc;
use std::time::Instant;

use common::{alloc_str, int, str_eq, str_hash, text};
use protopy_objects::{DictData, Handle, Heap, HeapConfig, ListData, Lookup, TupleData, Value};

/// Own keys per thread (`t{tid}:{i % OWN_KEYS}`, last write wins).
const OWN_KEYS: usize = 50;
/// Shared keys (`shared:{k}`), each a counter every thread increments.
const SHARED_KEYS: usize = 5;
/// A thread bumps a shared counter every this many appends.
const SHARED_EVERY: usize = 10;

struct Run {
    threads: usize,
    per_thread: usize,
    stress: bool,
    /// Each thread requests a collection every this many appends.
    request_every: usize,
}

fn run(cfg: &Run) -> u64 {
    let heap = Heap::with_config(HeapConfig {
        gc_stress: Some(cfg.stress),
        min_threshold: 2_000,
        ..HeapConfig::default()
    })
    .unwrap();
    let mut main = heap.attach().unwrap();
    let list = main.alloc(None, ListData::default()).unwrap();
    let dict = main.alloc(None, DictData::default()).unwrap();
    heap.add_root(Value::from_handle(list));
    heap.add_root(Value::from_handle(dict));

    let workers: Vec<_> = (0..cfg.threads)
        .map(|tid| {
            let heap = heap.clone();
            let (per_thread, request_every) = (cfg.per_thread, cfg.request_every);
            std::thread::spawn(move || worker(&heap, list, dict, tid, per_thread, request_every))
        })
        .collect();
    // The main thread stays attached, so it waits for the workers as a blocked thread would.
    main.blocking(|| {
        for w in workers {
            w.join().expect("a worker panicked");
        }
    });
    main.collect();
    check(&main, list, dict, cfg);
    heap.stats().collections
}

fn worker(
    heap: &Arc<Heap>,
    list: Handle,
    dict: Handle,
    tid: usize,
    n: usize,
    request_every: usize,
) {
    let mut m = heap.attach().unwrap();
    for i in 0..n {
        // An entity, so a lost root would show as a stale handle in the check.
        let item = m
            .alloc(None, TupleData::new([int(tid as i64), int(i as i64)]))
            .unwrap();
        m.get::<ListData>(list)
            .unwrap()
            .push(Value::from_handle(item));

        let d = m.get::<DictData>(dict).unwrap();
        let name = format!("t{tid}:{}", i % OWN_KEYS);
        let key = Value::from_handle(alloc_str(&m, &name));
        d.insert(str_hash(&name), key, int(i as i64), str_eq(&m))
            .unwrap();
        if i % SHARED_EVERY == 0 {
            let name = format!("shared:{}", (i / SHARED_EVERY) % SHARED_KEYS);
            let key = Value::from_handle(alloc_str(&m, &name));
            let bump = |old: Option<Value>| int(old.and_then(Value::as_small_int).unwrap_or(0) + 1);
            d.upsert(str_hash(&name), key, str_eq(&m), bump).unwrap();
        }
        if i % request_every == 0 {
            m.request_collection();
        }
        m.safepoint();
    }
}

fn check(m: &protopy_objects::Mutator, list: Handle, dict: Handle, cfg: &Run) {
    let items = m.get::<ListData>(list).unwrap().snapshot();
    assert_eq!(items.len(), cfg.threads * cfg.per_thread);
    let mut next = vec![0i64; cfg.threads];
    for item in items {
        let t = m
            .get_value::<TupleData>(item)
            .expect("a list item was freed");
        let (tid, i) = (
            t.items[0].as_small_int().unwrap(),
            t.items[1].as_small_int().unwrap(),
        );
        // Each thread's values appear in the order it appended them.
        assert_eq!(i, next[tid as usize], "thread {tid} out of order");
        next[tid as usize] += 1;
    }
    assert!(next.iter().all(|&n| n == cfg.per_thread as i64));

    let d = m.get::<DictData>(dict).unwrap();
    let n = cfg.per_thread;
    let mut expected = Vec::new();
    for tid in 0..cfg.threads {
        for r in 0..OWN_KEYS.min(n) {
            // The last i below n with i % OWN_KEYS == r.
            let last = (n - 1 - r) / OWN_KEYS * OWN_KEYS + r;
            expected.push((format!("t{tid}:{r}"), last as i64));
        }
    }
    for k in 0..SHARED_KEYS {
        let per_thread = (0..n)
            .filter(|i| i % SHARED_EVERY == 0 && (i / SHARED_EVERY) % SHARED_KEYS == k)
            .count();
        if per_thread > 0 {
            expected.push((format!("shared:{k}"), (per_thread * cfg.threads) as i64));
        }
    }
    assert_eq!(d.len(), expected.len());
    for (name, want) in expected {
        let probe = Value::from_handle(alloc_str(m, &name));
        match d.get(str_hash(&name), probe, str_eq(m)) {
            Lookup::Found { key, value } => {
                assert_eq!(text(m, key), name);
                assert_eq!(value, int(want), "{name}");
            }
            other => panic!("{name}: {other:?}"),
        }
    }
}

#[test]
fn four_threads_one_list_one_dict_100_times() {
    let t = Instant::now();
    let mut collections = 0;
    for _ in 0..100 {
        collections += run(&Run {
            threads: 4,
            per_thread: 1_000,
            stress: false,
            request_every: 250,
        });
    }
    assert!(collections >= 100);
    eprintln!(
        "100 runs of 4 x 1,000: {:?}, {collections} collections",
        t.elapsed()
    );
}

#[test]
fn four_threads_ten_thousand_appends_each() {
    let t = Instant::now();
    let collections = run(&Run {
        threads: 4,
        per_thread: 10_000,
        stress: false,
        request_every: 1_000,
    });
    assert!(collections >= 4);
    eprintln!("4 x 10,000: {:?}, {collections} collections", t.elapsed());
}

#[test]
fn four_threads_under_gc_stress() {
    let t = Instant::now();
    let collections = run(&Run {
        threads: 4,
        per_thread: 2_000,
        stress: true,
        request_every: usize::MAX,
    });
    // Every safepoint of every thread collects (a parked thread's safepoint shares one).
    assert!(collections >= 2_000, "{collections}");
    eprintln!(
        "4 x 2,000 under GC stress: {:?}, {collections} collections",
        t.elapsed()
    );
}
