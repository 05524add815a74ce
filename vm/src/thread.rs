//! One interpreter thread (CPython's `PyThreadState`, Include/cpython/pystate.h): its mutator,
//! its frame stack (reported to the GC at every safepoint), native temporaries, the handled
//! exception and the recursion depth; plus the allocation and error helpers every file uses.

use std::sync::Arc;

use protopy_compiler::pystr::PyStr;
use protopy_objects::{
    AllocError, DictData, Handle, IntData, ListData, Mutator, Opaque, OpaqueData, StrData, Table,
    TupleData, Value, ValueKind,
};

use crate::eval::frame::Frame;
use crate::numeric::Int;
use crate::runtime::{Runtime, Ty};

/// A raised Python exception: the exception instance.
#[derive(Clone, Copy, Debug)]
pub struct PyErr {
    pub exc: Value,
}

pub type PyResult<T> = Result<T, PyErr>;

/// An interpreter thread.
pub struct Vm {
    pub rt: Arc<Runtime>,
    pub m: Mutator,
    pub frames: Vec<Frame>,
    /// Values native code holds across calls into Python (truncated back by their users).
    pub temps: Vec<Value>,
    /// The exception being handled (`sys.exception()`), or None.
    pub handled: Value,
    /// Python call depth, checked against the recursion limit.
    pub depth: usize,
    /// Native recursion depth (see [`Vm::enter_native`]).
    pub native_depth: usize,
    /// Objects whose repr/str is in progress (the recursion guard of `Py_ReprEnter`).
    pub repr_guard: Vec<Value>,
    /// Set by `RERAISE` and bare `raise`: the unwind adds no traceback entry.
    pub reraising: bool,
    /// This thread's async generator hooks (`sys.set_asyncgen_hooks`): firstiter, finalizer
    /// (None when unset), then the `asyncgen_hooks` struct sequence type (NULL until made).
    pub asyncgen_hooks: [Value; 3],
    /// `sys.set_coroutine_origin_tracking_depth` of this thread.
    pub coroutine_origin_depth: u32,
    /// Set while this thread closes generators the collector queued.
    pub finalizing: bool,
    /// Cached type attribute lookups (`types::lookup_cache`).
    pub lookup_cache: crate::types::lookup_cache::LookupCache,
    /// Cached attribute loads and stores on instances (`eval::attr_cache`).
    pub attr_cache: crate::eval::attr_cache::AttrCache,
    /// Buffers of finished frames, for the next calls (`eval::frame::FramePool`).
    pub frame_pool: crate::eval::frame::FramePool,
    /// Cached global and builtin names (`eval::global_cache`).
    pub global_cache: crate::eval::global_cache::GlobalCache,
    /// This thread's copy of the interned strings it has asked for: no lock, fast hash.
    intern_cache: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, Value>>,
}

impl Vm {
    /// A thread of `rt` running on the calling OS thread with mutator `m`.
    pub fn with_mutator(rt: Arc<Runtime>, m: Mutator) -> Vm {
        Vm {
            rt,
            m,
            frames: Vec::new(),
            temps: Vec::new(),
            handled: Value::NONE,
            depth: 0,
            native_depth: 0,
            repr_guard: Vec::new(),
            reraising: false,
            asyncgen_hooks: [Value::NONE, Value::NONE, Value::NULL],
            coroutine_origin_depth: 0,
            finalizing: false,
            lookup_cache: Default::default(),
            attr_cache: Default::default(),
            global_cache: Default::default(),
            frame_pool: Default::default(),
            intern_cache: Default::default(),
        }
    }

    /// Attaches the calling OS thread to `rt`'s heap.
    pub fn attach(rt: &Arc<Runtime>) -> Result<Vm, protopy_objects::AttachError> {
        let m = rt.heap.attach()?;
        Ok(Vm::with_mutator(rt.clone(), m))
    }

    /// Lets a requested collection run; every live value is in a frame or in `temps`. After a
    /// collection, closes the generators it found abandoned (`eval::gen_finalize`).
    pub fn safepoint(&mut self) {
        let Vm {
            m,
            frames,
            temps,
            handled,
            repr_guard,
            asyncgen_hooks,
            ..
        } = self;
        let collected = m.safepoint_with(|t| {
            for f in frames.iter() {
                f.trace_into(t);
            }
            t.visit_all(temps);
            t.visit(*handled);
            t.visit_all(repr_guard);
            t.visit_all(asyncgen_hooks);
        });
        if collected {
            crate::eval::gen_finalize::run_pending(self);
        }
    }

    /// Runs `f` (which blocks) letting other threads collect meanwhile.
    pub fn blocking<R>(&mut self, f: impl FnOnce() -> R) -> R {
        let scope = self.m.root_scope();
        for fr in &self.frames {
            fr.for_each_value(|v| {
                scope.push(v);
            });
        }
        for &v in &self.temps {
            scope.push(v);
        }
        scope.push(self.handled);
        for &v in &self.asyncgen_hooks {
            scope.push(v);
        }
        let r = self.m.blocking(f);
        drop(scope);
        r
    }

    /// Enters a level of native recursion (repr, hashing or comparison of nested containers),
    /// which CPython 3.14 bounds by the machine stack rather than by the recursion limit:
    /// RecursionError when the stack runs low. The caller calls [`Vm::exit_native`] when done.
    pub fn enter_native(&mut self, what: &str) -> PyResult<()> {
        /// Stack kept free for the level about to run (Python frames grow their own).
        const RESERVE: usize = 256 * 1024;
        let low = stacker::remaining_stack().is_some_and(|left| left < RESERVE);
        if low {
            return Err(self.new_error(
                Ty::RecursionError,
                &format!("maximum recursion depth exceeded{what}"),
            ));
        }
        self.native_depth += 1;
        Ok(())
    }

    /// Leaves a level entered with [`Vm::enter_native`].
    pub fn exit_native(&mut self) {
        self.native_depth = self.native_depth.saturating_sub(1);
    }

    // ---- types ----

    pub fn ty(&self, ty: Ty) -> Handle {
        self.rt.ty(ty)
    }

    pub fn ty_val(&self, ty: Ty) -> Value {
        Value::from_handle(self.rt.ty(ty))
    }

    /// `type(v)`.
    pub fn type_of(&self, v: Value) -> Handle {
        match v.kind() {
            ValueKind::Float(_) => self.ty(Ty::Float),
            ValueKind::SmallInt(_) => self.ty(Ty::Int),
            ValueKind::None | ValueKind::Null => self.ty(Ty::NoneType),
            ValueKind::Bool(_) => self.ty(Ty::Bool),
            ValueKind::NotImplemented => self.ty(Ty::NotImplementedType),
            ValueKind::Ellipsis => self.ty(Ty::Ellipsis),
            ValueKind::Handle(h) => self
                .m
                .type_of(h)
                .ok()
                .flatten()
                .unwrap_or_else(|| self.ty(Ty::Object)),
        }
    }

    /// The builtin type whose layout `v` has (`int` for an int subclass instance, ...).
    pub fn layout_of(&self, v: Value) -> Ty {
        match v.kind() {
            ValueKind::Float(_) => Ty::Float,
            ValueKind::SmallInt(_) => Ty::Int,
            ValueKind::None | ValueKind::Null => Ty::NoneType,
            ValueKind::Bool(_) => Ty::Bool,
            ValueKind::NotImplemented => Ty::NotImplementedType,
            ValueKind::Ellipsis => Ty::Ellipsis,
            ValueKind::Handle(_) => crate::types::typeobj::layout(self, self.type_of(v)),
        }
    }

    /// Whether `v`'s type is exactly the builtin `ty`.
    pub fn is_exact(&self, v: Value, ty: Ty) -> bool {
        self.type_of(v) == self.ty(ty)
    }

    /// `isinstance(v, ty)` for a builtin type.
    pub fn is_instance_ty(&self, v: Value, ty: Ty) -> bool {
        crate::types::typeobj::is_subtype(self, self.type_of(v), self.ty(ty))
    }

    // ---- allocation ----

    fn fail_alloc(&self, e: AllocError) -> PyErr {
        let _ = e;
        PyErr {
            exc: self.ty_val(Ty::MemoryError),
        }
    }

    pub fn alloc<T: protopy_objects::Component>(&self, ty: Ty, data: T) -> PyResult<Value> {
        self.alloc_typed(self.ty(ty), data)
    }

    pub fn alloc_typed<T: protopy_objects::Component>(
        &self,
        ty: Handle,
        data: T,
    ) -> PyResult<Value> {
        self.m
            .alloc(Some(ty), data)
            .map(Value::from_handle)
            .map_err(|e| self.fail_alloc(e))
    }

    pub fn new_opaque(&self, ty: Ty, data: impl Opaque) -> PyResult<Value> {
        self.alloc(ty, OpaqueData::new(data))
    }

    pub fn new_str(&self, s: &str) -> PyResult<Value> {
        match StrData::from_generalized_utf8(s.as_bytes().to_vec()) {
            Ok(d) => self.alloc(Ty::Str, d),
            Err(_) => Err(self.fail_alloc(AllocError::OutOfMemory)),
        }
    }

    pub fn new_pystr(&self, s: &PyStr) -> PyResult<Value> {
        match StrData::from_generalized_utf8(s.as_bytes().to_vec()) {
            Ok(d) => self.alloc(Ty::Str, d),
            Err(_) => Err(self.fail_alloc(AllocError::OutOfMemory)),
        }
    }

    /// The interned str for an identifier.
    pub fn intern(&self, s: &str) -> PyResult<Value> {
        if let Some(&v) = self.intern_cache.borrow().get(s) {
            return Ok(v);
        }
        let v = self
            .rt
            .intern(&self.m, s.as_bytes())
            .map_err(|e| self.fail_alloc(e))?;
        // Interned strings live as long as the runtime, so the copy never dangles.
        self.intern_cache.borrow_mut().insert(s.into(), v);
        Ok(v)
    }

    pub fn new_int(&self, i: Int) -> PyResult<Value> {
        match i {
            Int::Small(n) => self.new_i64(n),
            Int::Big(b) => match Value::from_i64_big(&b) {
                Some(v) => Ok(v),
                None => self.alloc(Ty::Int, IntData(b)),
            },
        }
    }

    pub fn new_i64(&self, n: i64) -> PyResult<Value> {
        match Value::from_i64(n) {
            Some(v) => Ok(v),
            None => self.alloc(Ty::Int, IntData(n.into())),
        }
    }

    pub fn new_usize(&self, n: usize) -> PyResult<Value> {
        self.new_int(Int::from_bigint(n.into()))
    }

    pub fn new_tuple(&self, items: Vec<Value>) -> PyResult<Value> {
        self.alloc(Ty::Tuple, TupleData::new(items))
    }

    pub fn new_list(&self, items: Vec<Value>) -> PyResult<Value> {
        self.alloc(Ty::List, ListData::new(items))
    }

    pub fn new_dict(&self) -> PyResult<Value> {
        self.alloc(Ty::Dict, DictData::new(Table::new()))
    }

    // ---- reading ----

    /// The str data of a str (or str subclass) value.
    pub fn str_data(&self, v: Value) -> Option<&StrData> {
        self.m.get_value::<StrData>(v).ok()
    }

    /// A str value's contents as a `PyStr`.
    pub fn pystr(&self, v: Value) -> Option<PyStr> {
        self.str_data(v).map(|d| match d.as_str() {
            Some(s) => PyStr::from(s),
            None => d.code_points().collect(),
        })
    }

    /// A str value's contents as Rust text (lone surrogates replaced).
    pub fn rust_str(&self, v: Value) -> Option<String> {
        self.str_data(v).map(|d| d.to_string_lossy())
    }

    pub fn tuple_items(&self, v: Value) -> Option<&[Value]> {
        self.m.get_value::<TupleData>(v).ok().map(|t| &*t.items)
    }

    pub fn list_data(&self, v: Value) -> Option<&ListData> {
        self.m.get_value::<ListData>(v).ok()
    }

    pub fn dict_data(&self, v: Value) -> Option<&DictData> {
        self.m.get_value::<DictData>(v).ok()
    }

    /// The interpreter-defined object `v` is, as `T`.
    pub fn opaque<T: 'static>(&self, v: Value) -> Option<&T> {
        self.m
            .get_value::<OpaqueData>(v)
            .ok()
            .and_then(|o| o.downcast_ref::<T>())
    }

    /// An int value (small, big or bool) as an `Int`.
    pub fn int_of(&self, v: Value) -> Option<Int> {
        match v.kind() {
            ValueKind::SmallInt(n) => Some(Int::Small(n)),
            ValueKind::Bool(b) => Some(Int::Small(b as i64)),
            ValueKind::Handle(_) => self
                .m
                .get_value::<IntData>(v)
                .ok()
                .map(|d| Int::from_bigint(d.0.clone())),
            _ => None,
        }
    }

    // ---- errors ----

    /// A new exception of builtin type `ty` with one str argument.
    pub fn new_error(&mut self, ty: Ty, msg: &str) -> PyErr {
        match self.new_str(msg) {
            Ok(s) => self.new_error_args(ty, vec![s]),
            Err(e) => e,
        }
    }

    /// A new exception of builtin type `ty` with `args`.
    pub fn new_error_args(&mut self, ty: Ty, args: Vec<Value>) -> PyErr {
        match crate::types::exceptions::new_exception(self, self.ty(ty), args) {
            Ok(exc) => PyErr { exc },
            Err(e) => e,
        }
    }

    pub fn type_error(&mut self, msg: &str) -> PyErr {
        self.new_error(Ty::TypeError, msg)
    }

    pub fn value_error(&mut self, msg: &str) -> PyErr {
        self.new_error(Ty::ValueError, msg)
    }

    pub fn index_error(&mut self, msg: &str) -> PyErr {
        self.new_error(Ty::IndexError, msg)
    }

    pub fn attribute_error(&mut self, msg: &str) -> PyErr {
        self.new_error(Ty::AttributeError, msg)
    }

    /// `type(v).__name__`.
    pub fn type_name(&self, v: Value) -> String {
        crate::types::typeobj::type_name(self, self.type_of(v))
    }

    /// Whether the error is an instance of the builtin exception `ty`.
    pub fn err_is(&self, e: &PyErr, ty: Ty) -> bool {
        self.is_instance_ty(e.exc, ty)
    }
}

/// Conversions of big ints to small values when they fit.
trait FromBig {
    fn from_i64_big(b: &num_bigint::BigInt) -> Option<Value>;
}

impl FromBig for Value {
    fn from_i64_big(b: &num_bigint::BigInt) -> Option<Value> {
        use num_traits::ToPrimitive;
        b.to_i64().and_then(Value::from_i64)
    }
}
