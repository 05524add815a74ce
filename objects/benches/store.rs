//! Object store benchmarks (`cargo bench -p protopy-objects`): allocation on one and two
//! threads, checked reads, and full collections, for comparison with the figures in
//! ARCHITECTURE.md (27 ns per entity for a chunked arena spawn; 2 threads x 1M in 0.032 s) and
//! docs/design/0002-object-store.md, where the results are recorded.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark that cannot allocate is void

use std::hint::black_box;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use protopy_objects::{CellData, Handle, Heap, HeapConfig, ListData, Mutator, TupleData, Value};

const N: usize = 1_000_000;

fn heap() -> Arc<Heap> {
    Heap::with_config(HeapConfig {
        gc_stress: Some(false),
        ..HeapConfig::default()
    })
    .unwrap()
}

fn alloc_cells(m: &Mutator, n: usize) -> Handle {
    let mut last = None;
    for _ in 0..n {
        last = Some(m.alloc(None, CellData::default()).unwrap());
    }
    last.unwrap()
}

fn alloc(c: &mut Criterion) {
    let mut g = c.benchmark_group("alloc");
    g.sample_size(10).throughput(Throughput::Elements(N as u64));
    // A cell holds one atomic word: the store's own cost, no inner allocation.
    g.bench_function("1M cells, 1 thread", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let heap = heap();
                let m = heap.attach().unwrap();
                let t = Instant::now();
                black_box(alloc_cells(&m, N));
                total += t.elapsed();
            }
            total
        })
    });
    // A 2-tuple also allocates its item array (one `malloc`).
    g.bench_function("1M 2-tuples, 1 thread", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let heap = heap();
                let m = heap.attach().unwrap();
                let t = Instant::now();
                for i in 0..N as i64 {
                    let items = [Value::from_i64(i).unwrap(), Value::NONE];
                    black_box(m.alloc(None, TupleData::new(items)).unwrap());
                }
                total += t.elapsed();
            }
            total
        })
    });
    g.throughput(Throughput::Elements(2 * N as u64));
    g.bench_function("2 threads x 1M cells", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let heap = heap();
                let start = Arc::new(Barrier::new(3));
                let threads: Vec<_> = (0..2)
                    .map(|_| {
                        let (heap, start) = (heap.clone(), start.clone());
                        std::thread::spawn(move || {
                            let m = heap.attach().unwrap();
                            start.wait();
                            black_box(alloc_cells(&m, N));
                        })
                    })
                    .collect();
                start.wait();
                let t = Instant::now();
                for th in threads {
                    th.join().unwrap();
                }
                total += t.elapsed();
            }
            total
        })
    });
    g.finish();
}

fn read(c: &mut Criterion) {
    let heap = heap();
    let m = heap.attach().unwrap();
    let handles: Vec<Handle> = (0..N)
        .map(|_| m.alloc(None, CellData::default()).unwrap())
        .collect();
    // A fixed pseudo-random visiting order, so reads miss the cache as real programs do.
    let order: Vec<Handle> = (0..N)
        .map(|i| handles[(i.wrapping_mul(2_654_435_761)) % N])
        .collect();
    let mut g = c.benchmark_group("read");
    g.sample_size(20).throughput(Throughput::Elements(N as u64));
    g.bench_function("get::<CellData>, generation checked", |b| {
        b.iter(|| {
            for &h in &order {
                black_box(m.get::<CellData>(h).unwrap().0.load());
            }
        })
    });
    g.bench_function(
        "get::<CellData>, generation checked, allocation order",
        |b| {
            b.iter(|| {
                for &h in &handles {
                    black_box(m.get::<CellData>(h).unwrap().0.load());
                }
            })
        },
    );
    g.bench_function("kind, generation checked", |b| {
        b.iter(|| {
            for &h in &order {
                black_box(m.kind(h).unwrap());
            }
        })
    });
    g.bench_function("kind, no generation check", |b| {
        b.iter(|| {
            for &h in &order {
                black_box(m.kind_unchecked(h.index).unwrap());
            }
        })
    });
    g.finish();
}

fn collect(c: &mut Criterion) {
    let mut g = c.benchmark_group("collect");
    g.sample_size(10).throughput(Throughput::Elements(N as u64));
    // 1M tuples all reachable from one rooted list: mark everything, free nothing.
    {
        let heap = heap();
        let mut m = heap.attach().unwrap();
        let items: Vec<Value> = (0..N)
            .map(|i| {
                let t = TupleData::new([Value::from_i64(i as i64).unwrap()]);
                Value::from_handle(m.alloc(None, t).unwrap())
            })
            .collect();
        let list = m.alloc(None, ListData::new(items)).unwrap();
        heap.add_root(Value::from_handle(list));
        g.bench_function("1M live tuples", |b| b.iter(|| black_box(m.collect())));
    }
    // 1M unreachable tuples: mark nothing, free everything.
    {
        let heap = heap();
        let mut m = heap.attach().unwrap();
        g.bench_function("1M garbage tuples", |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    for i in 0..N as i64 {
                        let t = TupleData::new([Value::from_i64(i).unwrap()]);
                        black_box(m.alloc(None, t).unwrap());
                    }
                    let t = Instant::now();
                    black_box(m.collect());
                    total += t.elapsed();
                }
                total
            })
        });
    }
    g.finish();
}

criterion_group!(benches, alloc, read, collect);
criterion_main!(benches);
