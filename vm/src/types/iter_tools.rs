//! The lazy builtin iterators `enumerate`, `zip`, `map`, `filter` and `reversed` (CPython's
//! Objects/enumobject.c and Python/bltinmodule.c `zip`/`map`/`filter`).

use protopy_objects::ObjectMutex as Mutex;
use protopy_objects::{Trace, Tracer, Value};

use super::{sm, Args, NativeMethod};
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// The state of one of the lazy iterators.
pub enum Lazy {
    Enumerate {
        it: Value,
        count: Mutex<i64>,
    },
    Zip {
        its: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        its: Vec<Value>,
        strict: bool,
    },
    Filter {
        func: Value,
        it: Value,
    },
    Reversed {
        items: Value,
        left: Mutex<usize>,
    },
}

impl Trace for Lazy {
    fn trace(&self, t: &mut Tracer) {
        match self {
            Lazy::Enumerate { it, .. } => t.visit(*it),
            Lazy::Zip { its, .. } => t.visit_all(its),
            Lazy::Map { func, its, .. } => {
                t.visit(*func);
                t.visit_all(its);
            }
            Lazy::Filter { func, it } => {
                t.visit(*func);
                t.visit(*it);
            }
            Lazy::Reversed { items, .. } => t.visit(*items),
        }
    }
}

fn iters(vm: &mut Vm, vals: &[Value]) -> PyResult<Vec<Value>> {
    let mark = vm.temps.len();
    let mut out = Vec::with_capacity(vals.len());
    for &v in vals {
        match protocols::iter::get_iter(vm, v) {
            Ok(i) => {
                vm.temps.push(i);
                out.push(i);
            }
            Err(e) => {
                vm.temps.truncate(mark);
                return Err(e);
            }
        }
    }
    vm.temps.truncate(mark);
    Ok(out)
}

fn new_lazy(vm: &mut Vm, ty: Ty, l: Lazy) -> PyResult<Value> {
    vm.new_opaque(ty, l)
}

/// `enumerate(iterable, start=0)`.
fn enumerate_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let start = args.take_kw(vm, "start");
    let iterable = args.take_kw(vm, "iterable");
    let mut pos = args.pos[1.min(args.pos.len())..].to_vec();
    if let Some(i) = iterable {
        pos.insert(0, i);
    }
    if let Some(s) = start {
        pos.push(s);
    }
    let a = Args::new(pos);
    a.check(vm, "enumerate", 1, 2)?;
    let count = match a.get(1) {
        Some(s) => protocols::number::index_i64(vm, s)?,
        None => 0,
    };
    let it = protocols::iter::get_iter(vm, a.pos[0])?;
    new_lazy(
        vm,
        Ty::Enumerate,
        Lazy::Enumerate {
            it,
            count: Mutex::new(count),
        },
    )
}

/// `zip(*iterables, strict=False)`.
fn zip_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let strict = match args.take_kw(vm, "strict") {
        Some(s) => protocols::truth(vm, s)?,
        None => false,
    };
    let its = iters(vm, &args.pos[1.min(args.pos.len())..])?;
    new_lazy(vm, Ty::Zip, Lazy::Zip { its, strict })
}

/// `map(function, iterable, *iterables, strict=False)`.
fn map_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let strict = match args.take_kw(vm, "strict") {
        Some(s) => protocols::truth(vm, s)?,
        None => false,
    };
    if let Some(&(k, _)) = args.kw.first() {
        let k = vm.rust_str(k).unwrap_or_default();
        return Err(vm.type_error(&format!("map() got an unexpected keyword argument '{k}'")));
    }
    if args.pos.len() < 3 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let its = iters(vm, &args.pos[2..])?;
    new_lazy(
        vm,
        Ty::Map,
        Lazy::Map {
            func: args.pos[1],
            its,
            strict,
        },
    )
}

/// `filter(function, iterable)`.
fn filter_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = Args::new(args.pos[1.min(args.pos.len())..].to_vec());
    a.check(vm, "filter", 2, 2)?;
    let it = protocols::iter::get_iter(vm, a.pos[1])?;
    new_lazy(vm, Ty::Filter, Lazy::Filter { func: a.pos[0], it })
}

/// `reversed(sequence)`.
fn reversed_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = Args::new(args.pos[1.min(args.pos.len())..].to_vec());
    a.check(vm, "reversed", 1, 1)?;
    let seq = a.pos[0];
    let (items, ty) = match super::iter::reversed_items(vm, seq)? {
        super::iter::Reversal::Done(r) => return Ok(r),
        super::iter::Reversal::Items(items, ty) => (items, ty),
    };
    let n = items.len();
    let items = vm.new_tuple(items)?;
    vm.temps.push(items);
    let r = new_lazy(
        vm,
        ty,
        Lazy::Reversed {
            items,
            left: Mutex::new(n),
        },
    );
    vm.temps.pop();
    r
}

/// How many items a `reversed` iterator has left; None for other values.
pub fn reversed_left(vm: &Vm, it: Value) -> Option<usize> {
    match vm.opaque::<Lazy>(it)? {
        Lazy::Reversed { left, .. } => Some(*left.lock()),
        _ => None,
    }
}

/// One item from each of `its` (pushed on `vm.temps`, which the caller truncates), or None
/// when one is exhausted (none for an empty `its`). With `strict`, iterators of unequal
/// lengths raise CPython's `ValueError` (`zip_next`/`map_next` in Python/bltinmodule.c).
fn next_of_each(
    vm: &mut Vm,
    name: &str,
    its: &[Value],
    strict: bool,
) -> PyResult<Option<Vec<Value>>> {
    if its.is_empty() {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(its.len());
    for (i, &it) in its.iter().enumerate() {
        let Some(v) = protocols::iter::next(vm, it)? else {
            if !strict {
                return Ok(None);
            }
            let plural = |i: usize| {
                if i == 1 {
                    " ".to_string()
                } else {
                    "s 1-".to_string()
                }
            };
            if i > 0 {
                let msg = format!(
                    "{name}() argument {} is shorter than argument{}{i}",
                    i + 1,
                    plural(i)
                );
                return Err(vm.value_error(&msg));
            }
            for (j, &other) in its.iter().enumerate().skip(1) {
                if protocols::iter::next(vm, other)?.is_some() {
                    let msg = format!(
                        "{name}() argument {} is longer than argument{}{j}",
                        j + 1,
                        plural(j)
                    );
                    return Err(vm.value_error(&msg));
                }
            }
            return Ok(None);
        };
        vm.temps.push(v);
        out.push(v);
    }
    Ok(Some(out))
}

/// `next()` of a lazy iterator: `Some(None)` when exhausted, None when `iter` is not one.
pub fn lazy_next(vm: &mut Vm, iter: Value) -> PyResult<Option<Option<Value>>> {
    let Some(l) = vm.opaque::<Lazy>(iter) else {
        return Ok(None);
    };
    let item = match l {
        Lazy::Enumerate { it, count } => {
            let (it, n) = (*it, *count.lock());
            match protocols::iter::next(vm, it)? {
                None => None,
                Some(v) => {
                    if let Some(Lazy::Enumerate { count, .. }) = vm.opaque::<Lazy>(iter) {
                        *count.lock() = n + 1;
                    }
                    vm.temps.push(v);
                    let i = vm.new_i64(n);
                    let t = i.and_then(|i| vm.new_tuple(vec![i, v]));
                    vm.temps.pop();
                    Some(t?)
                }
            }
        }
        Lazy::Zip { its, strict } => {
            let (its, strict) = (its.clone(), *strict);
            let mark = vm.temps.len();
            let r = match next_of_each(vm, "zip", &its, strict) {
                Ok(Some(items)) => vm.new_tuple(items).map(Some),
                Ok(None) => Ok(None),
                Err(e) => Err(e),
            };
            vm.temps.truncate(mark);
            r?
        }
        Lazy::Map { func, its, strict } => {
            let (func, its, strict) = (*func, its.clone(), *strict);
            let mark = vm.temps.len();
            let r = match next_of_each(vm, "map", &its, strict) {
                Ok(Some(args)) => protocols::call::call(vm, func, Args::new(args)).map(Some),
                Ok(None) => Ok(None),
                Err(e) => Err(e),
            };
            vm.temps.truncate(mark);
            r?
        }
        Lazy::Filter { func, it } => {
            let (func, it) = (*func, *it);
            loop {
                let Some(v) = protocols::iter::next(vm, it)? else {
                    break None;
                };
                vm.temps.push(v);
                let keep = if func.is_none() {
                    protocols::truth(vm, v)
                } else {
                    protocols::call::call(vm, func, Args::new(vec![v]))
                        .and_then(|r| protocols::truth(vm, r))
                };
                vm.temps.pop();
                if keep? {
                    break Some(v);
                }
            }
        }
        Lazy::Reversed { items, left } => {
            let mut g = left.lock();
            if *g == 0 {
                None
            } else {
                *g -= 1;
                let i = *g;
                drop(g);
                let items = *items;
                vm.tuple_items(items).and_then(|t| t.get(i).copied())
            }
        }
    };
    Ok(Some(item))
}

pub const ENUMERATE_METHODS: &[NativeMethod] = &[sm("__new__", enumerate_new, "")];
pub const ZIP_METHODS: &[NativeMethod] = &[sm("__new__", zip_new, "")];
pub const MAP_METHODS: &[NativeMethod] = &[sm("__new__", map_new, "")];
pub const FILTER_METHODS: &[NativeMethod] = &[sm("__new__", filter_new, "")];
pub const REVERSED_METHODS: &[NativeMethod] = &[sm("__new__", reversed_new, "")];
