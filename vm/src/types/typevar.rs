//! PEP 695/696 type parameters: `TypeVar`, `ParamSpec` and `TypeVarTuple` (CPython's
//! Objects/typevarobject.c), made by `def f[T]`, `class C[T]` and `type X[T] = ...` through the
//! `CALL_INTRINSIC_1`/`CALL_INTRINSIC_2` intrinsics, or by calling the types (`_typing`). A
//! bound, constraints or default written in a type parameter list is evaluated lazily, on first
//! access, by the function the compiler made for it.
//! https://docs.python.org/3/library/typing.html#typing.TypeVar

use protopy_objects::{AtomicValue, Trace, Tracer, Value};

use super::{m, Args, Getter, NativeMethod, Setter};
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// Which of the three kinds of type parameter an object is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamKind {
    TypeVar,
    ParamSpec,
    TypeVarTuple,
}

impl ParamKind {
    fn ty(self) -> Ty {
        match self {
            ParamKind::TypeVar => Ty::TypeVar,
            ParamKind::ParamSpec => Ty::ParamSpec,
            ParamKind::TypeVarTuple => Ty::TypeVarTuple,
        }
    }
}

/// A type parameter. The `bound`, `constraints` and `default` slots hold the value once known
/// (NULL before); the `evaluate_*` slots hold the functions that compute them lazily (NULL when
/// the value was given eagerly or not at all).
pub struct TypeParamObj {
    pub kind: ParamKind,
    pub name: Value,
    pub bound: AtomicValue,
    pub evaluate_bound: AtomicValue,
    pub constraints: AtomicValue,
    pub evaluate_constraints: AtomicValue,
    pub default: AtomicValue,
    pub evaluate_default: AtomicValue,
    pub covariant: bool,
    pub contravariant: bool,
    pub infer_variance: bool,
}

impl Trace for TypeParamObj {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.name);
        for a in [
            &self.bound,
            &self.evaluate_bound,
            &self.constraints,
            &self.evaluate_constraints,
            &self.default,
            &self.evaluate_default,
        ] {
            a.trace(t);
        }
    }
}

/// `typing.NoDefault`, the `__default__` of a type parameter without one.
pub struct NoDefault;

impl Trace for NoDefault {
    fn trace(&self, _: &mut Tracer) {}
}

/// The `NoDefault` singleton (made with `_typing`, found again through it).
pub fn no_default(vm: &mut Vm) -> PyResult<Value> {
    let module = crate::import::sys_modules_get(vm, "_typing")?;
    let dict = module.and_then(|m| vm.opaque::<super::module::Module>(m).map(|m| m.dict));
    let found = match dict {
        Some(d) => super::dict::get_str(vm, d, "NoDefault")?,
        None => None,
    };
    found.ok_or_else(|| vm.new_error(Ty::SystemError, "typing.NoDefault is missing"))
}

/// A new type parameter of `kind` named `name` (`infer_variance` for those of PEP 695).
pub fn new_type_param(
    vm: &mut Vm,
    kind: ParamKind,
    name: Value,
    covariant: bool,
    contravariant: bool,
    infer_variance: bool,
) -> PyResult<Value> {
    vm.new_opaque(
        kind.ty(),
        TypeParamObj {
            kind,
            name,
            bound: AtomicValue::new(Value::NULL),
            evaluate_bound: AtomicValue::new(Value::NULL),
            constraints: AtomicValue::new(Value::NULL),
            evaluate_constraints: AtomicValue::new(Value::NULL),
            default: AtomicValue::new(Value::NULL),
            evaluate_default: AtomicValue::new(Value::NULL),
            covariant,
            contravariant,
            infer_variance,
        },
    )
}

/// The slots of a type parameter, read at once.
#[derive(Clone, Copy)]
struct Snapshot {
    kind: ParamKind,
    name: Value,
    default: Value,
    evaluate_default: Value,
    covariant: bool,
    contravariant: bool,
    infer_variance: bool,
}

fn not_a_param(vm: &mut Vm, v: Value) -> crate::thread::PyErr {
    let t = vm.type_name(v);
    vm.type_error(&format!(
        "descriptor requires a type parameter but received a '{t}'"
    ))
}

fn snapshot(vm: &mut Vm, v: Value) -> PyResult<Snapshot> {
    match vm.opaque::<TypeParamObj>(v) {
        Some(p) => Ok(Snapshot {
            kind: p.kind,
            name: p.name,
            default: p.default.load(),
            evaluate_default: p.evaluate_default.load(),
            covariant: p.covariant,
            contravariant: p.contravariant,
            infer_variance: p.infer_variance,
        }),
        None => Err(not_a_param(vm, v)),
    }
}

/// A lazily evaluated slot and the slot of the function computing it.
#[derive(Clone, Copy)]
enum Slot {
    Bound,
    Constraints,
    Default,
}

impl Slot {
    fn of(self, p: &TypeParamObj) -> (&AtomicValue, &AtomicValue) {
        match self {
            Slot::Bound => (&p.bound, &p.evaluate_bound),
            Slot::Constraints => (&p.constraints, &p.evaluate_constraints),
            Slot::Default => (&p.default, &p.evaluate_default),
        }
    }
}

/// Stores `value` in `slot` (0: the value, 1: its function) of type parameter `tp`.
fn store(vm: &Vm, tp: Value, slot: Slot, function: bool, value: Value) {
    if let Some(p) = vm.opaque::<TypeParamObj>(tp) {
        let (v, f) = slot.of(p);
        if function { f } else { v }.store(value);
    }
}

/// A lazily evaluated slot: the value, else the result of its function (kept), else `absent`.
fn lazy(vm: &mut Vm, v: Value, slot: Slot, absent: Value) -> PyResult<Value> {
    let Some((value, evaluate)) = vm.opaque::<TypeParamObj>(v).map(|p| {
        let (value, evaluate) = slot.of(p);
        (value.load(), evaluate.load())
    }) else {
        return Err(not_a_param(vm, v));
    };
    if !value.is_null() {
        return Ok(value);
    }
    if evaluate.is_null() {
        return Ok(absent);
    }
    vm.temps.push(v);
    let r = protocols::call::call(vm, evaluate, Args::new(vec![]));
    vm.temps.pop();
    let r = r?;
    store(vm, v, slot, false, r);
    Ok(r)
}

fn get_name(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(snapshot(vm, v)?.name)
}
fn get_bound(vm: &mut Vm, v: Value) -> PyResult<Value> {
    lazy(vm, v, Slot::Bound, Value::NONE)
}
fn get_constraints(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let empty = vm.new_tuple(vec![])?;
    lazy(vm, v, Slot::Constraints, empty)
}
fn get_default(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let absent = no_default(vm)?;
    lazy(vm, v, Slot::Default, absent)
}
fn get_covariant(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(snapshot(vm, v)?.covariant))
}
fn get_contravariant(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(snapshot(vm, v)?.contravariant))
}
fn get_infer_variance(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(snapshot(vm, v)?.infer_variance))
}
/// The function evaluating a slot lazily, None when there is none.
fn evaluator(vm: &mut Vm, v: Value, slot: Slot) -> PyResult<Value> {
    match vm.opaque::<TypeParamObj>(v).map(|p| slot.of(p).1.load()) {
        Some(f) if f.is_null() => Ok(Value::NONE),
        Some(f) => Ok(f),
        None => Err(not_a_param(vm, v)),
    }
}
fn get_evaluate_bound(vm: &mut Vm, v: Value) -> PyResult<Value> {
    evaluator(vm, v, Slot::Bound)
}
fn get_evaluate_constraints(vm: &mut Vm, v: Value) -> PyResult<Value> {
    evaluator(vm, v, Slot::Constraints)
}
fn get_evaluate_default(vm: &mut Vm, v: Value) -> PyResult<Value> {
    evaluator(vm, v, Slot::Default)
}

/// `has_default()`.
fn has_default(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "has_default", 0, 0)?;
    let p = snapshot(vm, args.pos[0])?;
    let (default, evaluate) = (p.default, p.evaluate_default);
    if !evaluate.is_null() {
        return Ok(Value::TRUE);
    }
    let none = no_default(vm)?;
    Ok(Value::from_bool(!default.is_null() && default != none))
}

/// `repr(T)`: the name, after `~`, `+` or `-` for a variance not inferred (`*` is never
/// shown: a `TypeVarTuple` reprs as its name).
fn tp_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = snapshot(vm, args.pos[0])?;
    let (kind, name) = (p.kind, p.name);
    let prefix = if kind == ParamKind::TypeVarTuple || p.infer_variance {
        ""
    } else if p.covariant {
        "+"
    } else if p.contravariant {
        "-"
    } else {
        "~"
    };
    let name = vm.rust_str(name).unwrap_or_default();
    vm.new_str(&format!("{prefix}{name}"))
}

/// `__reduce__`: type parameters pickle by name.
fn tp_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__reduce__", 0, 0)?;
    Ok(snapshot(vm, args.pos[0])?.name)
}

/// `class C(T)`: type parameters are not classes.
fn tp_mro_entries(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = vm.type_name(args.pos[0]);
    Err(vm.type_error(&format!("Cannot subclass an instance of {t}")))
}

/// Takes keyword `name` out of `args`, or `default`.
fn kw_or(vm: &Vm, args: &mut Args, name: &str, default: Value) -> Value {
    args.take_kw(vm, name).unwrap_or(default)
}

/// The `name` argument of a constructor (by position or keyword): a str. Afterwards it is
/// `args.pos[1]`.
fn name_arg(vm: &mut Vm, args: &mut Args, what: &str) -> PyResult<Value> {
    if let Some(n) = args.take_kw(vm, "name") {
        if args.pos.len() > 1 {
            return Err(vm.type_error(&format!(
                "argument for {what}() given by name ('name') and position (1)"
            )));
        }
        args.pos.push(n);
    }
    match args.get(1) {
        Some(n) if vm.str_data(n).is_some() => Ok(n),
        Some(n) => {
            let t = vm.type_name(n);
            Err(vm.type_error(&format!("{what}() argument 'name' must be str, not {t}")))
        }
        None => Err(vm.type_error(&format!(
            "{what}() missing required argument 'name' (pos 1)"
        ))),
    }
}

/// Sets an eagerly given default (`default=` of a constructor) unless it is `NoDefault`.
fn set_given_default(vm: &mut Vm, tp: Value, default: Option<Value>) -> PyResult<()> {
    if let Some(d) = default {
        let none = no_default(vm)?;
        if d != none {
            store(vm, tp, Slot::Default, false, d);
        }
    }
    Ok(())
}

fn variance(vm: &mut Vm, args: &mut Args) -> PyResult<(bool, bool, bool)> {
    let mut flags = [false; 3];
    for (i, name) in ["covariant", "contravariant", "infer_variance"]
        .iter()
        .enumerate()
    {
        let v = kw_or(vm, args, name, Value::FALSE);
        flags[i] = protocols::truth(vm, v)?;
    }
    let [co, contra, infer] = flags;
    if co && contra {
        return Err(vm.value_error("Bivariant types are not supported."));
    }
    if infer && (co || contra) {
        return Err(vm.value_error("Variance cannot be specified with infer_variance."));
    }
    Ok((co, contra, infer))
}

/// `TypeVar(name, *constraints, bound=None, covariant=False, contravariant=False,
/// infer_variance=False, default=typing.NoDefault)`.
fn typevar_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let name = name_arg(vm, &mut args, "typevar")?;
    let bound = args.take_kw(vm, "bound").filter(|b| !b.is_none());
    let default = args.take_kw(vm, "default");
    let (co, contra, infer) = variance(vm, &mut args)?;
    let constraints = args.pos.split_off(2);
    if let Some(&(k, _)) = args.kw.first() {
        let k = vm.rust_str(k).unwrap_or_default();
        return Err(vm.type_error(&format!(
            "typevar() got an unexpected keyword argument '{k}'"
        )));
    }
    if constraints.len() == 1 {
        return Err(vm.type_error("A single constraint is not allowed"));
    }
    if bound.is_some() && !constraints.is_empty() {
        return Err(vm.type_error("Constraints cannot be combined with bound=..."));
    }
    let tuple = if constraints.is_empty() {
        Value::NULL
    } else {
        vm.new_tuple(constraints)?
    };
    vm.temps.extend_from_slice(&[name, tuple]);
    let r = (|| {
        let tp = new_type_param(vm, ParamKind::TypeVar, name, co, contra, infer)?;
        vm.temps.push(tp);
        if let Some(b) = bound {
            store(vm, tp, Slot::Bound, false, b);
        }
        store(vm, tp, Slot::Constraints, false, tuple);
        let r = set_given_default(vm, tp, default);
        vm.temps.pop();
        r.map(|_| tp)
    })();
    vm.temps.truncate(vm.temps.len() - 2);
    r
}

/// `ParamSpec(name, *, bound=None, covariant=False, contravariant=False, infer_variance=False,
/// default=typing.NoDefault)`.
fn paramspec_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let name = name_arg(vm, &mut args, "paramspec")?;
    let bound = args.take_kw(vm, "bound").filter(|b| !b.is_none());
    let default = args.take_kw(vm, "default");
    let (co, contra, infer) = variance(vm, &mut args)?;
    args.check(vm, "paramspec", 2, 2)?;
    let tp = new_type_param(vm, ParamKind::ParamSpec, name, co, contra, infer)?;
    vm.temps.push(tp);
    if let Some(b) = bound {
        store(vm, tp, Slot::Bound, false, b);
    }
    let r = set_given_default(vm, tp, default);
    vm.temps.pop();
    r.map(|_| tp)
}

/// `TypeVarTuple(name, *, default=typing.NoDefault)`.
fn typevartuple_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let name = name_arg(vm, &mut args, "typevartuple")?;
    let default = args.take_kw(vm, "default");
    args.check(vm, "typevartuple", 2, 2)?;
    let tp = new_type_param(vm, ParamKind::TypeVarTuple, name, false, false, false)?;
    vm.temps.push(tp);
    let r = set_given_default(vm, tp, default);
    vm.temps.pop();
    r.map(|_| tp)
}

const fn new(func: super::NativeFn) -> NativeMethod {
    NativeMethod {
        name: "__new__",
        func,
        sig: "",
        binding: super::Binding::Static,
    }
}

pub const TYPEVAR_METHODS: &[NativeMethod] = &[
    new(typevar_new),
    m("__repr__", tp_repr, "($self, /)"),
    m("has_default", has_default, "($self, /)"),
    m("__reduce__", tp_reduce, "($self, /)"),
    m("__mro_entries__", tp_mro_entries, "($self, bases, /)"),
    m("__or__", super::union::union_or, "($self, value, /)"),
    m("__ror__", super::union::union_ror, "($self, value, /)"),
];

pub const PARAMSPEC_METHODS: &[NativeMethod] = &[
    new(paramspec_new),
    m("__repr__", tp_repr, "($self, /)"),
    m("has_default", has_default, "($self, /)"),
    m("__reduce__", tp_reduce, "($self, /)"),
    m("__mro_entries__", tp_mro_entries, "($self, bases, /)"),
    m("__or__", super::union::union_or, "($self, value, /)"),
    m("__ror__", super::union::union_ror, "($self, value, /)"),
];

pub const TYPEVARTUPLE_METHODS: &[NativeMethod] = &[
    new(typevartuple_new),
    m("__repr__", tp_repr, "($self, /)"),
    m("has_default", has_default, "($self, /)"),
    m("__reduce__", tp_reduce, "($self, /)"),
    m("__mro_entries__", tp_mro_entries, "($self, bases, /)"),
];

pub const TYPEVAR_GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    ("__name__", get_name, None),
    ("__bound__", get_bound, None),
    ("__constraints__", get_constraints, None),
    ("__default__", get_default, None),
    ("__covariant__", get_covariant, None),
    ("__contravariant__", get_contravariant, None),
    ("__infer_variance__", get_infer_variance, None),
    ("evaluate_bound", get_evaluate_bound, None),
    ("evaluate_constraints", get_evaluate_constraints, None),
    ("evaluate_default", get_evaluate_default, None),
];

pub const PARAMSPEC_GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    ("__name__", get_name, None),
    ("__bound__", get_bound, None),
    ("__default__", get_default, None),
    ("__covariant__", get_covariant, None),
    ("__contravariant__", get_contravariant, None),
    ("__infer_variance__", get_infer_variance, None),
    ("evaluate_default", get_evaluate_default, None),
];

pub const TYPEVARTUPLE_GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    ("__name__", get_name, None),
    ("__default__", get_default, None),
    ("evaluate_default", get_evaluate_default, None),
];

fn no_default_repr(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    vm.new_str("typing.NoDefault")
}

fn no_default_reduce(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    vm.new_str("NoDefault")
}

pub const NO_DEFAULT_METHODS: &[NativeMethod] = &[
    m("__repr__", no_default_repr, "($self, /)"),
    m("__reduce__", no_default_reduce, "($self, /)"),
];

/// The one-argument intrinsics of PEP 695: a new `TypeVar` (7), `ParamSpec` (8) or
/// `TypeVarTuple` (9) named `v`, whose variance is inferred.
pub fn new_from_intrinsic(vm: &mut Vm, which: u32, v: Value) -> PyResult<Value> {
    let kind = match which {
        7 => ParamKind::TypeVar,
        8 => ParamKind::ParamSpec,
        _ => ParamKind::TypeVarTuple,
    };
    new_type_param(vm, kind, v, false, false, kind != ParamKind::TypeVarTuple)
}

/// The two-argument intrinsics: `(name, evaluate_bound)` (2), `(name, evaluate_constraints)`
/// (3), `(function, type_params)` (4) and `(type_param, evaluate_default)` (5).
pub fn intrinsic_2(vm: &mut Vm, which: u32, a: Value, b: Value) -> PyResult<Value> {
    match which {
        2 | 3 => {
            let tp = new_type_param(vm, ParamKind::TypeVar, a, false, false, true)?;
            let slot = if which == 2 {
                Slot::Bound
            } else {
                Slot::Constraints
            };
            store(vm, tp, slot, true, b);
            Ok(tp)
        }
        4 => {
            if let Some(f) = vm.opaque::<super::function::Function>(a) {
                f.type_params.store(b);
            }
            Ok(a)
        }
        5 => {
            store(vm, a, Slot::Default, true, b);
            Ok(a)
        }
        _ => Err(crate::ops::not_yet(vm, "this intrinsic")),
    }
}
