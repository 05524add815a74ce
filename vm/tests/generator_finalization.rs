//! Abandoned generators are closed by the collector (design record 0007): every generator left
//! suspended inside `try` has its `finally` run exactly once after it becomes unreachable, on
//! one thread or four, with frequent collections or under GC stress.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // failing loudly is the point

use protopy_objects::HeapConfig;
use protopy_vm::api::Interpreter;
use protopy_vm::runtime::Config;

const SETUP: &str = r#"
closed = []
def tracked(tag):
    try:
        yield tag
        yield tag
    finally:
        closed.append(tag)

def relay(tag):
    for x in tracked(tag):
        yield x

def abandon(tid, n):
    for i in range(n):
        g = tracked((tid, i)) if i % 2 else relay((tid, i))
        next(g)
        junk = [str(i) for _ in range(8)]
"#;

/// Allocates until the collections it causes have closed every abandoned generator.
const SETTLE: &str = r#"
for _ in range(40):
    for _ in range(2000):
        junk = [1]
    if len(closed) >= EXPECTED:
        break
verdict = "ok" if sorted(closed) == sorted(set(closed)) == [
    (t, i) for t in range(THREADS) for i in range(N)
] else f"closed {len(closed)} of {EXPECTED}, {len(closed) - len(set(closed))} twice"
"#;

fn run(threads: usize, n: usize, heap: HeapConfig) -> String {
    let mut main = Interpreter::with_heap(Config::default(), heap).expect("interpreter starts");
    let ns = main.new_namespace("shared").expect("namespace");
    main.exec(SETUP, "<setup>", ns).expect("setup runs");
    let rt = main.runtime();
    let workers: Vec<_> = (0..threads)
        .map(|tid| {
            let rt = rt.clone();
            std::thread::spawn(move || {
                let mut me = Interpreter::attach(&rt).expect("thread attaches");
                me.exec(&format!("abandon({tid}, {n})\n"), "<worker>", ns)
            })
        })
        .collect();
    let results: Vec<_> = main.blocking(|| {
        workers
            .into_iter()
            .map(|w| w.join().expect("a worker thread panicked"))
            .collect()
    });
    for r in results {
        if let Err(traceback) = r {
            return format!("a worker raised:\n{traceback}");
        }
    }
    let expected = threads * n;
    let settle = format!("THREADS = {threads}\nN = {n}\nEXPECTED = {expected}\n{SETTLE}");
    main.exec(&settle, "<settle>", ns).expect("settle runs");
    main.repr_of(ns, "verdict")
        .expect("verdict")
        .unwrap_or_else(|| "no verdict".to_string())
}

#[test]
fn abandoned_generators_are_closed_once_with_frequent_collections() {
    for threads in [1, 4] {
        let heap = HeapConfig {
            gc_stress: Some(false),
            min_threshold: 5_000,
            ..HeapConfig::default()
        };
        assert_eq!(run(threads, 300, heap), "'ok'", "{threads} thread(s)");
    }
}

#[test]
fn abandoned_generators_are_closed_once_under_gc_stress() {
    let heap = HeapConfig {
        gc_stress: Some(true),
        ..HeapConfig::default()
    };
    assert_eq!(run(4, 40, heap), "'ok'");
}
