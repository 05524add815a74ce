//! Python code from 4 OS threads on one heap (issue 3's bar for running without a GIL): every
//! thread appends to one shared list and writes into one shared dict, under frequent
//! collections; afterwards nothing is lost, duplicated or reordered within a thread, and nothing
//! crashed. The check itself runs as Python code too, and is repeated 100 times in a row.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // failing loudly is the point

use protopy_objects::HeapConfig;
use protopy_vm::api::Interpreter;
use protopy_vm::runtime::Config;

const THREADS: usize = 4;

const SETUP: &str = r#"
items = []
table = {}
latest = {}

def work(tid, n):
    for i in range(n):
        items.append((tid, i))
        table[(tid, i)] = i * 2
        latest[i % 7] = (tid, i)
        if i % 64 == 0:
            # Garbage on purpose: short-lived containers for the collector.
            junk = [[tid, i, str(i)] for _ in range(4)]
"#;

const CHECK: &str = r#"
expected = [(t, i) for t in range(THREADS) for i in range(N)]
problems = []
if len(items) != THREADS * N:
    problems.append(f"list has {len(items)} items, expected {THREADS * N}")
if sorted(items) != expected:
    problems.append("list items lost or duplicated")
for t in range(THREADS):
    mine = [i for (tt, i) in items if tt == t]
    if mine != list(range(N)):
        problems.append(f"thread {t}'s appends are out of order or missing")
if len(table) != THREADS * N:
    problems.append(f"dict has {len(table)} keys, expected {THREADS * N}")
for key in expected:
    if table.get(key) != key[1] * 2:
        problems.append(f"dict lost or corrupted {key!r}")
        break
if sorted(latest) != list(range(7)):
    problems.append(f"shared keys {sorted(latest)!r}")
for k in latest:
    t, i = latest[k]
    if i % 7 != k or not 0 <= t < THREADS:
        problems.append(f"shared key {k} holds {(t, i)!r}")
verdict = "ok" if not problems else "; ".join(problems)
"#;

/// One run: a fresh interpreter, `THREADS` threads of `n` iterations each; the verdict.
fn run_once(n: usize, heap: HeapConfig) -> String {
    let mut main = Interpreter::with_heap(Config::default(), heap).expect("interpreter starts");
    let ns = main.new_namespace("shared").expect("namespace");
    main.exec(SETUP, "<setup>", ns).expect("setup runs");
    let rt = main.runtime();
    let workers: Vec<_> = (0..THREADS)
        .map(|tid| {
            let rt = rt.clone();
            std::thread::spawn(move || {
                let mut me = Interpreter::attach(&rt).expect("thread attaches");
                me.exec(&format!("work({tid}, {n})\n"), "<worker>", ns)
            })
        })
        .collect();
    // The main thread stays attached: it waits as a blocked thread, letting workers collect.
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
    let check = format!("THREADS = {THREADS}\nN = {n}\n{CHECK}");
    main.exec(&check, "<check>", ns).expect("check runs");
    main.repr_of(ns, "verdict")
        .expect("verdict")
        .unwrap_or_else(|| "no verdict".to_string())
}

#[test]
fn four_threads_lose_nothing_100_times_in_a_row() {
    for run in 0..100 {
        // A low threshold makes collections happen while the threads run.
        let heap = HeapConfig {
            gc_stress: Some(false),
            min_threshold: 5_000,
            ..HeapConfig::default()
        };
        let verdict = run_once(1_000, heap);
        assert_eq!(verdict, "'ok'", "run {run}");
    }
}

#[test]
fn four_threads_lose_nothing_under_gc_stress() {
    for run in 0..2 {
        let heap = HeapConfig {
            gc_stress: Some(true),
            ..HeapConfig::default()
        };
        let verdict = run_once(100, heap);
        assert_eq!(verdict, "'ok'", "run {run}");
    }
}
