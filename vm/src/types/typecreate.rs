//! Class creation (CPython's `builtin___build_class__` in Python/bltinmodule.c and `type_new`
//! in Objects/typeobject.c): the metaclass calculation, `__prepare__`, the class body, class
//! keyword arguments, `__slots__`, implicit classmethods and staticmethods, `__set_name__` and
//! `__init_subclass__`.

use protopy_objects::{CellData, Handle, Value};

use super::descr::{ClassMethod, StaticMethod};
use super::{dict, function, typeobj, Args};
use crate::protocols::{self, attr, call};
use crate::runtime::{tyflags, Ty};
use crate::thread::{PyResult, Vm};

/// The most derived metaclass of `meta` and the metaclasses of `bases`
/// (`_PyType_CalculateMetaclass`).
pub fn calculate_meta(vm: &mut Vm, meta: Handle, bases: &[Value]) -> PyResult<Handle> {
    let mut winner = meta;
    for &b in bases {
        let t = vm.type_of(b);
        if typeobj::is_subtype(vm, winner, t) {
            continue;
        }
        if typeobj::is_subtype(vm, t, winner) {
            winner = t;
            continue;
        }
        return Err(vm.type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) \
             subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// `__build_class__(func, name, /, *bases, metaclass=None, **kwds)`.
pub fn build_class(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    if args.pos.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let explicit = args.take_kw(vm, "metaclass");
    let kwds = std::mem::take(&mut args.kw);
    let (func, name) = (args.pos[0], args.pos[1]);
    if vm.opaque::<function::Function>(func).is_none() {
        return Err(vm.type_error("__build_class__: func must be a function"));
    }
    if vm.str_data(name).is_none() {
        return Err(vm.type_error("__build_class__: name is not a string"));
    }
    let bases = args.pos[2..].to_vec();
    let mark = vm.temps.len();
    vm.temps.extend_from_slice(&[func, name]);
    vm.temps.extend(kwds.iter().flat_map(|&(k, v)| [k, v]));
    let r = build_class_inner(vm, func, name, bases, explicit, kwds);
    vm.temps.truncate(mark);
    r
}

fn build_class_inner(
    vm: &mut Vm,
    func: Value,
    name: Value,
    orig_bases: Vec<Value>,
    explicit: Option<Value>,
    kwds: Vec<(Value, Value)>,
) -> PyResult<Value> {
    let orig_t = vm.new_tuple(orig_bases.clone())?;
    vm.temps.push(orig_t);
    let bases = update_bases(vm, &orig_bases, orig_t)?;
    let changed = bases != orig_bases;
    let bases_t = vm.new_tuple(bases.clone())?;
    vm.temps.push(bases_t);
    let mut meta = match explicit {
        Some(m) => m,
        None => match bases.first() {
            Some(&b) => Value::from_handle(vm.type_of(b)),
            None => vm.ty_val(Ty::Type),
        },
    };
    if let Some(h) = meta.as_handle().filter(|_| typeobj::is_type(vm, meta)) {
        meta = Value::from_handle(calculate_meta(vm, h, &bases)?);
    }
    vm.temps.push(meta);
    let ns = match attr::getattr_opt(vm, meta, vm.intern("__prepare__")?)? {
        Some(prep) => {
            let a = Args {
                pos: vec![name, bases_t],
                kw: kwds.clone(),
            };
            call::call(vm, prep, a)?
        }
        None => vm.new_dict()?,
    };
    vm.temps.push(ns);
    if !is_mapping(vm, ns) {
        let m = if typeobj::is_type(vm, meta) {
            meta.as_handle()
                .map(|h| typeobj::type_name(vm, h))
                .unwrap_or_default()
        } else {
            "<metaclass>".into()
        };
        let t = vm.type_name(ns);
        return Err(vm.type_error(&format!("{m}.__prepare__() must return a mapping, not {t}")));
    }
    let mut frame = function::bind_frame(vm, func, Args::default())?;
    frame.locals = ns;
    let (_, r) = crate::eval::run_frame(vm, frame);
    r?;
    if changed {
        let k = vm.intern("__orig_bases__")?;
        protocols::item::setitem(vm, ns, k, orig_t)?;
    }
    let cls = call::call(
        vm,
        meta,
        Args {
            pos: vec![name, bases_t, ns],
            kw: kwds,
        },
    )?;
    vm.temps.push(cls);
    let cell = match protocols::item::getitem(vm, ns, vm.intern("__classcell__")?) {
        Ok(c) => Some(c),
        Err(e) if vm.err_is(&e, Ty::KeyError) => None,
        Err(e) => return Err(e),
    };
    if let Some(cell) = cell.filter(|_| typeobj::is_type(vm, cls)) {
        // `type.__new__` filled the cell; a metaclass that dropped `__classcell__` did not.
        let cur =
            vm.m.get_value::<CellData>(cell)
                .map_or(Value::NULL, |c| c.0.load());
        if cur != cls {
            let n = vm.rust_str(name).unwrap_or_default();
            let r = protocols::repr::repr(vm, cls)?;
            if cur.is_null() {
                return Err(vm.new_error(
                    Ty::RuntimeError,
                    &format!(
                        "__class__ not set defining '{n}' as {r}. Was __classcell__ propagated \
                         to type.__new__?"
                    ),
                ));
            }
            let c = protocols::repr::repr(vm, cur)?;
            return Err(vm.type_error(&format!("__class__ set to {c} defining '{n}' as {r}")));
        }
    }
    Ok(cls)
}

/// Replaces bases that are not classes by what their `__mro_entries__(bases)` returns
/// (`update_bases`, PEP 560). The new values are rooted in `vm.temps` until the caller's mark.
fn update_bases(vm: &mut Vm, bases: &[Value], bases_t: Value) -> PyResult<Vec<Value>> {
    let mut out = Vec::with_capacity(bases.len());
    let me = vm.intern("__mro_entries__")?;
    for &b in bases {
        if typeobj::is_type(vm, b) {
            out.push(b);
            continue;
        }
        let Some(f) = attr::getattr_opt(vm, b, me)? else {
            out.push(b);
            continue;
        };
        let r = call::call(vm, f, Args::new(vec![bases_t]))?;
        let Some(items) = vm.tuple_items(r).map(|s| s.to_vec()) else {
            return Err(vm.type_error("__mro_entries__ must return a tuple"));
        };
        vm.temps.push(r);
        out.extend(items);
    }
    Ok(out)
}

fn is_mapping(vm: &mut Vm, v: Value) -> bool {
    if vm.is_instance_ty(v, Ty::Dict) {
        return true;
    }
    let ty = vm.type_of(v);
    let Ok(n) = vm.intern("__getitem__") else {
        return false;
    };
    typeobj::lookup(vm, ty, n).is_some()
}

/// Wraps plain functions named `__new__` (staticmethod), `__init_subclass__` and
/// `__class_getitem__` (classmethod) in a new class's namespace.
pub fn implicit_wrappers(vm: &mut Vm, dict: Value) -> PyResult<()> {
    for (name, class) in [
        ("__new__", false),
        ("__init_subclass__", true),
        ("__class_getitem__", true),
    ] {
        let Some(f) = dict::get_str(vm, dict, name)? else {
            continue;
        };
        if vm.opaque::<function::Function>(f).is_none() {
            continue;
        }
        let w = if class {
            vm.new_opaque(Ty::ClassMethod, ClassMethod::new(f))?
        } else {
            vm.new_opaque(Ty::StaticMethod, StaticMethod::new(f))?
        };
        let k = vm.intern(name)?;
        dict::set_item(vm, dict, k, w)?;
    }
    Ok(())
}

/// Whether `s` is a Python identifier.
fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next()
        .is_some_and(|c| c == '_' || protopy_compiler::ident::is_id_start(c))
        && cs.all(|c| c == '_' || protopy_compiler::ident::is_id_continue(c))
}

/// The private-name mangling of `name` inside class `cls` (`_Py_Mangle`).
fn mangle(cls: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = cls.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// The layout a new class's `__slots__` give it: (flags to add, slot count, slot names), and
/// whether the class brings the `__dict__` and `__weakref__` attributes its bases lack.
pub struct SlotLayout {
    pub no_dict: bool,
    pub count: usize,
    pub new_slots: Vec<(String, usize)>,
    pub add_dict: bool,
    pub add_weak: bool,
}

/// Whether `ty` or a class it inherits from defines attribute `name`.
fn inherits(vm: &mut Vm, ty: Handle, name: &str) -> PyResult<bool> {
    let n = vm.intern(name)?;
    Ok(typeobj::lookup(vm, ty, n).is_some())
}

/// Whether instances of a class of layout `lay` cannot take a `__weakref__` slot: the builtin
/// already keeps weak references (`tp_weaklistoffset`) or its size varies (`tp_itemsize`).
fn native_weak_or_varsize(lay: Ty) -> bool {
    matches!(
        lay,
        Ty::Int
            | Ty::Bool
            | Ty::Tuple
            | Ty::Bytes
            | Ty::Set
            | Ty::FrozenSet
            | Ty::Type
            | Ty::Module
            | Ty::Function
    )
}

/// Reads `__slots__` from a new class's namespace (`type_new_slots`): the names, CPython's
/// errors, whether instances keep a `__dict__`, and where each new slot sits.
pub fn slot_layout(
    vm: &mut Vm,
    name: &str,
    bases: &[Value],
    lay: Ty,
    dict: Value,
) -> PyResult<SlotLayout> {
    let mut base_count = 0;
    let mut base_dict = false;
    let mut base_weak = native_weak_or_varsize(lay);
    let mut slotted_base: Option<Handle> = None;
    for &b in bases {
        let Some(h) = b.as_handle() else { continue };
        let n = super::subclass::slot_count(vm, h);
        if n > 0 {
            if slotted_base
                .is_some_and(|s| !typeobj::is_subtype(vm, h, s) && !typeobj::is_subtype(vm, s, h))
            {
                return Err(vm.type_error("multiple bases have instance lay-out conflict"));
            }
            if n > base_count {
                slotted_base = Some(h);
                base_count = n;
            }
        }
        if super::subclass::has_dict(vm, h) || inherits(vm, h, "__dict__")? {
            base_dict = true;
        }
        if inherits(vm, h, "__weakref__")? {
            base_weak = true;
        }
    }
    let Some(slots) = dict::get_str(vm, dict, "__slots__")? else {
        return Ok(SlotLayout {
            no_dict: false,
            count: base_count,
            new_slots: Vec::new(),
            add_dict: !base_dict,
            add_weak: !base_weak,
        });
    };
    let items = if vm.str_data(slots).is_some() {
        vec![slots]
    } else {
        protocols::iter::collect(vm, slots)?
    };
    let mut names = Vec::new();
    let mut want_dict = false;
    let mut want_weak = false;
    for it in items {
        let Some(s) = vm.rust_str(it) else {
            let t = vm.type_name(it);
            return Err(vm.type_error(&format!("__slots__ items must be strings, not '{t}'")));
        };
        if !is_identifier(&s) {
            return Err(vm.type_error("__slots__ must be identifiers"));
        }
        if s == "__dict__" {
            if want_dict || base_dict {
                return Err(vm.type_error("__dict__ slot disallowed: we already got one"));
            }
            want_dict = true;
            continue;
        }
        if s == "__weakref__" && lay == Ty::Object {
            if want_weak || base_weak {
                return Err(vm.type_error("__weakref__ slot disallowed: we already got one"));
            }
            want_weak = true;
            continue;
        }
        names.push(mangle(name, &s));
    }
    if !names.is_empty() && lay != Ty::Object {
        return Err(vm.type_error(&format!(
            "nonempty __slots__ not supported for subtype of '{}'",
            lay.name()
        )));
    }
    let mut new_slots = Vec::new();
    for (i, n) in names.iter().enumerate() {
        if dict::get_str(vm, dict, n)?.is_some() {
            return Err(
                vm.value_error(&format!("'{n}' in __slots__ conflicts with class variable"))
            );
        }
        new_slots.push((n.clone(), base_count + i));
    }
    let count = base_count + names.len();
    Ok(SlotLayout {
        no_dict: !want_dict && !base_dict,
        count,
        new_slots,
        add_dict: want_dict,
        add_weak: want_weak,
    })
}

/// Applies a slot layout to the new class `h`: flags and a `member_descriptor` per slot.
pub fn install_slots(vm: &mut Vm, h: Handle, dict: Value, layout: SlotLayout) -> PyResult<()> {
    let mut flags = typeobj::flags(vm, h);
    if layout.no_dict {
        flags |= tyflags::NO_DICT;
    }
    flags = (flags & !tyflags::SLOTS_MASK) | ((layout.count as u64) << tyflags::SLOTS_SHIFT);
    typeobj::set_flags(vm, h, flags);
    for (name, index) in layout.new_slots {
        let n = vm.new_str(&name)?;
        vm.temps.push(n);
        let d = vm.new_opaque(
            Ty::MemberDescriptor,
            super::descr::Member {
                name: n,
                index,
                owner: Value::from_handle(h),
            },
        );
        vm.temps.pop();
        let d = d?;
        let k = vm.intern(&name)?;
        dict::set_item(vm, dict, k, d)?;
    }
    let getsets: [(&'static str, super::Getter, Option<super::Setter>, bool); 2] = [
        (
            "__dict__",
            super::object::get_dict,
            Some(super::object::set_dict),
            layout.add_dict,
        ),
        (
            "__weakref__",
            super::object::get_weakref,
            None,
            layout.add_weak,
        ),
    ];
    for (name, get, set, wanted) in getsets {
        if !wanted {
            continue;
        }
        let g = super::descr::GetSet {
            name,
            get,
            set,
            owner: Ty::Object,
        };
        let g = vm.new_opaque(Ty::GetSet, g)?;
        let k = vm.intern(name)?;
        dict::set_item(vm, dict, k, g)?;
    }
    if dict::get_str(vm, dict, "__doc__")?.is_none() {
        dict::set_str(vm, dict, "__doc__", Value::NONE)?;
    }
    Ok(())
}

/// Calls `__set_name__(cls, name)` on each attribute whose type has one.
fn set_names(vm: &mut Vm, cls: Value, sn: Value, items: Vec<(Value, Value)>) -> PyResult<()> {
    for (k, v) in items {
        if let Some(f) = attr::lookup_type_attr(vm, vm.type_of(v), sn) {
            call::call(vm, f, Args::new(vec![v, cls, k]))?;
        }
    }
    Ok(())
}

/// After a class is made: `__set_name__` on its attributes, then the parent's
/// `__init_subclass__` with the class keyword arguments (`type_new_set_names`,
/// `type_new_init_subclass`).
pub fn after_new(vm: &mut Vm, cls: Value, kwds: Vec<(Value, Value)>) -> PyResult<()> {
    let Some(h) = cls.as_handle() else {
        return Ok(());
    };
    let d = typeobj::type_dict(vm, h);
    let sn = vm.intern("__set_name__")?;
    let items = dict::items(vm, d);
    let mark = vm.temps.len();
    vm.temps.extend(items.iter().flat_map(|&(k, v)| [k, v]));
    let r = set_names(vm, cls, sn, items);
    vm.temps.truncate(mark);
    r?;
    let sup = super::superobj::new_super(vm, cls, cls)?;
    vm.temps.push(sup);
    let r = (|| {
        let isn = vm.intern("__init_subclass__")?;
        let f = attr::getattr(vm, sup, isn)?;
        call::call(
            vm,
            f,
            Args {
                pos: vec![],
                kw: kwds,
            },
        )
    })();
    vm.temps.pop();
    r.map(|_| ())
}
