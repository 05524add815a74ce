//! Code objects, functions, bound methods and builtin functions (Objects/codeobject.c,
//! Objects/funcobject.c, Objects/classobject.c, Objects/methodobject.c), and binding call
//! arguments to parameters with CPython's error messages (Python/ceval.c,
//! `initialize_locals`).

use std::sync::Arc;

use protopy_compiler::bytecode::{flags, CodeObject, Const};
use protopy_objects::{AtomicValue, Trace, Tracer, Value};

use super::{Args, Binding, NativeFn, NativeMethod};
use crate::eval::frame::Frame;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// A code object with its constants and names made into values.
pub struct CodeData {
    pub co: CodeObject,
    pub consts: Vec<Value>,
    pub names: Vec<Value>,
}

impl CodeData {
    pub fn empty() -> CodeData {
        CodeData {
            co: CodeObject {
                name: String::new(),
                qualname: String::new(),
                filename: String::new(),
                first_line: 0,
                argcount: 0,
                posonlyargcount: 0,
                kwonlyargcount: 0,
                flags: 0,
                instructions: vec![],
                locations: vec![],
                consts: vec![],
                names: vec![],
                varnames: vec![],
                cellvars: vec![],
                freevars: vec![],
                exception_table: vec![],
                max_stack_depth: 0,
            },
            consts: vec![],
            names: vec![],
        }
    }
}

/// The payload of a `code` entity.
pub struct Code(pub Arc<CodeData>);

impl Trace for Code {
    fn trace(&self, t: &mut Tracer) {
        t.visit_all(&self.0.consts);
        t.visit_all(&self.0.names);
    }
}

/// Makes a runtime code object from the compiler's.
pub fn new_code(vm: &mut Vm, co: CodeObject) -> PyResult<Value> {
    let mark = vm.temps.len();
    let mut consts = Vec::with_capacity(co.consts.len());
    for c in &co.consts {
        let v = const_value(vm, c)?;
        vm.temps.push(v);
        consts.push(v);
    }
    let mut names = Vec::with_capacity(co.names.len());
    for n in &co.names {
        names.push(vm.intern(n)?);
    }
    let r = vm.new_opaque(Ty::Code, Code(Arc::new(CodeData { co, consts, names })));
    vm.temps.truncate(mark);
    r
}

fn const_value(vm: &mut Vm, c: &Const) -> PyResult<Value> {
    Ok(match c {
        Const::None => Value::NONE,
        Const::Bool(b) => Value::from_bool(*b),
        Const::Ellipsis => Value::ELLIPSIS,
        Const::Int(i) => vm.new_int(i.clone())?,
        Const::Float(f) => Value::from_f64(*f),
        Const::Complex { real, imag } => super::float::new_complex(vm, *real, *imag)?,
        Const::Str(s) => {
            if s.as_str().is_some_and(|t| {
                t.len() < 40 && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
            }) {
                vm.intern(s.as_str().unwrap_or_default())?
            } else {
                vm.new_pystr(s)?
            }
        }
        Const::Bytes(b) => vm.alloc(Ty::Bytes, protopy_objects::BytesData::new(b.clone()))?,
        Const::Tuple(items) => {
            let mark = vm.temps.len();
            let mut vs = Vec::with_capacity(items.len());
            for it in items {
                let v = const_value(vm, it)?;
                vm.temps.push(v);
                vs.push(v);
            }
            let t = vm.new_tuple(vs);
            vm.temps.truncate(mark);
            t?
        }
        Const::FrozenSet(items) => {
            let mark = vm.temps.len();
            let mut vs = Vec::with_capacity(items.len());
            for it in items {
                let v = const_value(vm, it)?;
                vm.temps.push(v);
                vs.push(v);
            }
            let s = super::set::new_frozenset(vm, &vs);
            vm.temps.truncate(mark);
            s?
        }
        Const::Code(co) => new_code(vm, (**co).clone())?,
    })
}

/// A Python function.
pub struct Function {
    pub code: Value,
    pub data: Arc<CodeData>,
    pub globals: Value,
    pub builtins: Value,
    pub name: AtomicValue,
    pub qualname: AtomicValue,
    pub defaults: AtomicValue,
    pub kwdefaults: AtomicValue,
    pub closure: AtomicValue,
    pub dict: AtomicValue,
    pub doc: AtomicValue,
    pub module: AtomicValue,
    pub annotate: AtomicValue,
    /// The `__annotations__` dict once computed (NULL before).
    pub annotations: AtomicValue,
    /// `__type_params__` (NULL: the empty tuple).
    pub type_params: AtomicValue,
}

impl Trace for Function {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.code);
        t.visit(self.globals);
        t.visit(self.builtins);
        for a in [
            &self.name,
            &self.qualname,
            &self.defaults,
            &self.kwdefaults,
            &self.closure,
            &self.dict,
            &self.doc,
            &self.module,
            &self.annotate,
            &self.annotations,
            &self.type_params,
        ] {
            a.trace(t);
        }
    }
}

/// `MAKE_FUNCTION`: a function of `code` with `globals`.
pub fn new_function(vm: &mut Vm, code: Value, globals: Value) -> PyResult<Value> {
    let Some(c) = vm.opaque::<Code>(code) else {
        return Err(vm.type_error("expected a code object"));
    };
    let data = c.0.clone();
    let name = vm.new_str(&data.co.name)?;
    vm.temps.push(name);
    let qualname = vm.new_str(&data.co.qualname)?;
    vm.temps.push(qualname);
    let doc = if data.co.flags & flags::HAS_DOCSTRING != 0 {
        data.consts.first().copied().unwrap_or(Value::NONE)
    } else {
        Value::NONE
    };
    let module = super::dict::get_str(vm, globals, "__name__")?.unwrap_or(Value::NONE);
    let dict = vm.new_dict()?;
    vm.temps.push(dict);
    let f = Function {
        code,
        data,
        globals,
        builtins: vm.rt.builtins,
        name: AtomicValue::new(name),
        qualname: AtomicValue::new(qualname),
        defaults: AtomicValue::new(Value::NULL),
        kwdefaults: AtomicValue::new(Value::NULL),
        closure: AtomicValue::new(Value::NULL),
        dict: AtomicValue::new(dict),
        doc: AtomicValue::new(doc),
        module: AtomicValue::new(module),
        annotate: AtomicValue::new(Value::NONE),
        annotations: AtomicValue::new(Value::NULL),
        type_params: AtomicValue::new(Value::NULL),
    };
    let r = vm.new_opaque(Ty::Function, f);
    vm.temps.truncate(vm.temps.len() - 3);
    r
}

/// A bound method (`types.MethodType`).
pub struct BoundMethod {
    pub func: Value,
    pub obj: Value,
}

impl Trace for BoundMethod {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.func);
        t.visit(self.obj);
    }
}

/// A builtin function or method, possibly bound to its receiver.
pub struct Native {
    pub name: &'static str,
    pub func: NativeFn,
    pub sig: &'static str,
    pub owner: Option<Ty>,
    pub module: Option<&'static str>,
    pub binding: Binding,
    pub bound: Value,
}

impl Trace for Native {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.bound);
    }
}

pub fn new_native(vm: &mut Vm, meth: &NativeMethod, owner: Option<Ty>) -> PyResult<Value> {
    vm.new_opaque(
        Ty::BuiltinFunction,
        Native {
            name: meth.name,
            func: meth.func,
            sig: meth.sig,
            owner,
            module: None,
            binding: meth.binding,
            bound: Value::NULL,
        },
    )
}

/// A module-level builtin function.
pub fn new_module_native(
    vm: &mut Vm,
    meth: &NativeMethod,
    module: &'static str,
) -> PyResult<Value> {
    vm.new_opaque(
        Ty::BuiltinFunction,
        Native {
            name: meth.name,
            func: meth.func,
            sig: meth.sig,
            owner: None,
            module: Some(module),
            binding: Binding::Static,
            bound: Value::NULL,
        },
    )
}

/// Binds `args` to `func`'s parameters in a new frame (`initialize_locals`).
pub fn bind_frame(vm: &mut Vm, func: Value, args: Args) -> PyResult<Frame> {
    let Some(f) = vm.opaque::<Function>(func) else {
        return Err(vm.type_error("not a function"));
    };
    let data = f.data.clone();
    let (code, globals, builtins) = (f.code, f.globals, f.builtins);
    let defaults = f.defaults.load();
    // Error messages name the function by its current `__qualname__`.
    let qualname = f.qualname.load();
    let kwdefaults = f.kwdefaults.load();
    let argc = data.co.argcount as usize;
    let posonly = data.co.posonlyargcount as usize;
    let kwonly = data.co.kwonlyargcount as usize;
    let varargs = data.co.flags & flags::VARARGS != 0;
    let varkw = data.co.flags & flags::VARKEYWORDS != 0;
    // The common call: exactly the positional parameters, nothing else to bind. (One clone of
    // the code's `Arc` per call: its atomic increment was most of a call's binding cost.)
    if args.kw.is_empty() && !varargs && !varkw && kwonly == 0 && args.pos.len() == argc {
        let pool = &mut vm.frame_pool;
        let mut frame = Frame::pooled(pool, code, data, globals, builtins, Value::NULL);
        frame.func = func;
        frame.fast[..argc].copy_from_slice(&args.pos);
        return Ok(frame);
    }
    let pool = &mut vm.frame_pool;
    let mut frame = Frame::pooled(pool, code, data.clone(), globals, builtins, Value::NULL);
    let co = &data.co;
    frame.func = func;
    let qn = vm.rust_str(qualname).unwrap_or_else(|| co.qualname.clone());
    let npos = args.pos.len();
    for (i, &v) in args.pos.iter().take(argc).enumerate() {
        frame.fast[i] = v;
    }
    let mut slot = argc + kwonly;
    if varargs {
        let extra = if npos > argc {
            args.pos[argc..].to_vec()
        } else {
            vec![]
        };
        frame.fast[slot] = vm.new_tuple(extra)?;
        slot += 1;
    } else if npos > argc {
        let ndef = vm.tuple_items(defaults).map(|d| d.len()).unwrap_or(0);
        let kwgiven = args
            .kw
            .iter()
            .filter(|(k, _)| {
                let k = vm.rust_str(*k).unwrap_or_default();
                co.varnames[argc..argc + kwonly].contains(&k)
            })
            .count();
        let takes = if ndef > 0 {
            format!("from {} to {} positional arguments", argc - ndef, argc)
        } else {
            format!(
                "{} positional argument{}",
                argc,
                if argc == 1 { "" } else { "s" }
            )
        };
        let given = if kwgiven > 0 {
            format!(
                "{} positional argument{} (and {} keyword-only argument{}) were given",
                npos,
                if npos == 1 { "" } else { "s" },
                kwgiven,
                if kwgiven == 1 { "" } else { "s" }
            )
        } else {
            format!("{} {} given", npos, if npos == 1 { "was" } else { "were" })
        };
        return Err(vm.type_error(&format!("{qn}() takes {takes} but {given}")));
    }
    let kwdict = if varkw {
        let d = vm.new_dict()?;
        frame.fast[slot] = d;
        d
    } else {
        Value::NULL
    };
    let mut posonly_as_kw = Vec::new();
    for &(k, v) in &args.kw {
        let name = vm.rust_str(k).unwrap_or_default();
        let idx = co.varnames[..argc + kwonly].iter().position(|n| *n == name);
        match idx {
            Some(i) if i >= posonly => {
                if !frame.fast[i].is_null() {
                    return Err(
                        vm.type_error(&format!("{qn}() got multiple values for argument '{name}'"))
                    );
                }
                frame.fast[i] = v;
            }
            _ => {
                if varkw {
                    super::dict::set_item(vm, kwdict, k, v)?;
                } else if idx.is_some() {
                    posonly_as_kw.push(name);
                } else {
                    return Err(vm.type_error(&format!(
                        "{qn}() got an unexpected keyword argument '{name}'"
                    )));
                }
            }
        }
    }
    if !posonly_as_kw.is_empty() {
        return Err(vm.type_error(&format!(
            "{qn}() got some positional-only arguments passed as keyword arguments: '{}'",
            posonly_as_kw.join(", ")
        )));
    }
    // defaults
    let defs = vm
        .tuple_items(defaults)
        .map(|d| d.to_vec())
        .unwrap_or_default();
    let first_def = argc - defs.len().min(argc);
    let mut missing = Vec::new();
    for i in npos.min(argc)..argc {
        if frame.fast[i].is_null() {
            if i >= first_def {
                frame.fast[i] = defs[i - first_def];
            } else {
                missing.push(co.varnames[i].clone());
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_error(vm, &qn, &missing, "positional"));
    }
    let mut missing = Vec::new();
    for i in argc..argc + kwonly {
        if frame.fast[i].is_null() {
            let name = co.varnames[i].clone();
            let d = if kwdefaults.is_null() || kwdefaults.is_none() {
                None
            } else {
                super::dict::get_str(vm, kwdefaults, &name)?
            };
            match d {
                Some(v) => frame.fast[i] = v,
                None => missing.push(name),
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_error(vm, &qn, &missing, "keyword-only"));
    }
    Ok(frame)
}

fn missing_error(vm: &mut Vm, qn: &str, names: &[String], kind: &str) -> crate::thread::PyErr {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    let n = names.len();
    vm.type_error(&format!(
        "{qn}() missing {n} required {kind} argument{}: {list}",
        if n == 1 { "" } else { "s" }
    ))
}

fn n_name(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let n = vm.opaque::<Native>(v).map(|n| n.name).unwrap_or("");
    vm.new_str(n)
}
fn n_qualname(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let (n, owner) = vm
        .opaque::<Native>(v)
        .map(|n| (n.name, n.owner))
        .unwrap_or(("", None));
    match owner {
        Some(t) => vm.new_str(&format!("{}.{}", t.name(), n)),
        None => vm.new_str(n),
    }
}
fn n_self(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let (b, module) = vm
        .opaque::<Native>(v)
        .map(|n| (n.bound, n.module))
        .unwrap_or((Value::NONE, None));
    if b.is_null() {
        if let Some(m) = module {
            let mods = vm.rt.sys_modules;
            return Ok(super::dict::get_str(vm, mods, m)?.unwrap_or(Value::NONE));
        }
        return Ok(Value::NONE);
    }
    Ok(b)
}
fn n_module(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match vm.opaque::<Native>(v).and_then(|n| n.module) {
        Some(m) => vm.new_str(m),
        None => Ok(Value::NONE),
    }
}

/// `__objclass__`: the class defining a method descriptor (an unbound builtin method).
fn n_objclass(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let owner = vm
        .opaque::<Native>(v)
        .filter(|n| n.bound.is_null() && n.binding == Binding::Method)
        .and_then(|n| n.owner);
    match owner {
        Some(t) => Ok(vm.ty_val(t)),
        None => {
            let t = vm.type_name(v);
            Err(vm.attribute_error(&format!("'{t}' object has no attribute '__objclass__'")))
        }
    }
}

/// The docstring registered for a native function, from the table beside its module's function
/// table (`builtins::DOCS`); natives without one (methods of types too, so far) have none.
pub fn native_doc(module: Option<&str>, name: &str) -> Option<&'static str> {
    let table: &[(&str, &str)] = match module {
        Some("builtins") => crate::builtins::DOCS,
        _ => &[],
    };
    table.iter().find(|(n, _)| *n == name).map(|&(_, d)| d)
}

/// `__doc__` of a builtin function or method descriptor (None when it has no docstring).
fn n_doc(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let doc = vm
        .opaque::<Native>(v)
        .and_then(|n| native_doc(n.module, n.name));
    match doc {
        Some(d) => vm.new_str(d),
        None => Ok(Value::NONE),
    }
}

/// `__text_signature__`: the signature text of the native's table entry, None when it has none.
fn n_text_signature(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match vm.opaque::<Native>(v).map(|n| n.sig) {
        Some(sig) if !sig.is_empty() => vm.new_str(sig),
        _ => Ok(Value::NONE),
    }
}

pub const NATIVE_GETSETS: &[(&str, super::Getter, Option<super::Setter>)] = &[
    ("__doc__", n_doc, None),
    ("__text_signature__", n_text_signature, None),
    ("__name__", n_name, None),
    ("__qualname__", n_qualname, None),
    ("__self__", n_self, None),
    ("__module__", n_module, None),
    ("__objclass__", n_objclass, None),
];
