//! The builtin types, one file per type, each with its method table (CPython's `Objects/`
//! directory and its `PyMethodDef` arrays). Native functions take [`Args`] and are declared in
//! plain `(name, fn, signature)` tables ([`NativeMethod`]).

pub mod annotations;
pub mod argbind;
pub mod bytearray;
pub mod bytes;
pub mod bytes_methods;
pub mod cell;
pub mod code;
pub mod complex;
pub mod descr;
pub mod dict;
pub mod dict_views;
pub mod exc_kinds;
pub mod exc_oserror;
pub mod exceptions;
pub mod float;
pub mod function;
pub mod function_attrs;
pub mod generic;
pub mod generic_alias;
pub mod int;
pub mod iter;
pub mod iter_tools;
pub mod list;
pub mod list_slice;
pub mod lookup_cache;
pub mod mappingproxy;
pub mod memoryview;
pub mod method;
pub mod module;
pub mod num_slots;
pub mod object;
pub mod percent_args;
pub mod range;
pub mod richcmp;
pub mod set;
pub mod slice;
pub mod slicing;
pub mod str;
pub mod str_codec;
pub mod str_fast;
pub mod str_methods;
pub mod str_ops;
pub mod structseq;
pub mod subclass;
pub mod superobj;
pub mod table_iter;
pub mod tbobject;
pub mod template;
pub mod tuple;
pub mod typealias;
pub mod typecreate;
pub mod typeobj;
pub mod typevar;
pub mod union;

use protopy_objects::Value;

use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// The arguments of a native call: positional values, then keyword (name, value) pairs. For a
/// method, `pos[0]` is the receiver.
#[derive(Clone, Debug, Default)]
pub struct Args {
    pub pos: Vec<Value>,
    pub kw: Vec<(Value, Value)>,
}

impl Args {
    pub fn new(pos: Vec<Value>) -> Args {
        Args {
            pos,
            kw: Vec::new(),
        }
    }

    /// Positional argument `i`, if given.
    pub fn get(&self, i: usize) -> Option<Value> {
        self.pos.get(i).copied()
    }

    /// Takes the keyword argument `name` out of the keywords.
    pub fn take_kw(&mut self, vm: &Vm, name: &str) -> Option<Value> {
        let i = self.kw.iter().position(|&(k, _)| {
            vm.str_data(k)
                .is_some_and(|d| d.as_bytes() == name.as_bytes())
        })?;
        Some(self.kw.remove(i).1)
    }

    /// Checks the positional count against `min..=max` and that no keyword is left, with
    /// CPython's messages for builtin functions.
    pub fn check(&self, vm: &mut Vm, name: &str, min: usize, max: usize) -> PyResult<()> {
        if let Some(&(k, _)) = self.kw.first() {
            let k = vm.rust_str(k).unwrap_or_default();
            if max == 0 && min == 0 && self.kw.len() == 1 && self.pos.is_empty() {
                return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
            }
            return Err(vm.type_error(&format!(
                "{name}() got an unexpected keyword argument '{k}'"
            )));
        }
        let n = self.pos.len();
        if n < min || n > max {
            let msg = if min == max {
                match min {
                    0 => format!("{name}() takes no arguments ({n} given)"),
                    1 => format!("{name}() takes exactly one argument ({n} given)"),
                    _ => format!("{name} expected {min} arguments, got {n}"),
                }
            } else if n < min {
                format!(
                    "{name} expected at least {min} argument{}, got {n}",
                    if min == 1 { "" } else { "s" }
                )
            } else {
                format!(
                    "{name} expected at most {max} argument{}, got {n}",
                    if max == 1 { "" } else { "s" }
                )
            };
            return Err(vm.type_error(&msg));
        }
        Ok(())
    }

    /// Like [`Args::check`] for a method: the receiver is not counted.
    pub fn check_method(&self, vm: &mut Vm, name: &str, min: usize, max: usize) -> PyResult<()> {
        if let Some(&(k, _)) = self.kw.first() {
            if self.kw.len() == 1 {
                let k = vm.rust_str(k).unwrap_or_default();
                let _ = k;
            }
            return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
        }
        let n = self.pos.len().saturating_sub(1);
        if n < min || n > max {
            let msg = if min == max {
                match min {
                    0 => format!("{name}() takes no arguments ({n} given)"),
                    1 => format!("{name}() takes exactly one argument ({n} given)"),
                    _ => format!("{name} expected {min} arguments, got {n}"),
                }
            } else if n < min {
                format!(
                    "{name} expected at least {min} argument{}, got {n}",
                    if min == 1 { "" } else { "s" }
                )
            } else {
                format!(
                    "{name} expected at most {max} argument{}, got {n}",
                    if max == 1 { "" } else { "s" }
                )
            };
            return Err(vm.type_error(&msg));
        }
        Ok(())
    }
}

/// A native function: `fn(vm, args) -> result`.
pub type NativeFn = fn(&mut Vm, Args) -> PyResult<Value>;

/// How a native method binds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Binding {
    /// An instance method: the receiver is prepended.
    Method,
    /// A classmethod: the class is prepended.
    Class,
    /// A staticmethod (or a plain function in a module).
    Static,
}

/// One entry of a method table: name, function, signature text (`__text_signature__`).
#[derive(Clone, Copy)]
pub struct NativeMethod {
    pub name: &'static str,
    pub func: NativeFn,
    pub sig: &'static str,
    pub binding: Binding,
}

/// An instance method entry.
pub const fn m(name: &'static str, func: NativeFn, sig: &'static str) -> NativeMethod {
    NativeMethod {
        name,
        func,
        sig,
        binding: Binding::Method,
    }
}

/// A classmethod entry.
pub const fn cm(name: &'static str, func: NativeFn, sig: &'static str) -> NativeMethod {
    NativeMethod {
        name,
        func,
        sig,
        binding: Binding::Class,
    }
}

/// A staticmethod entry.
pub const fn sm(name: &'static str, func: NativeFn, sig: &'static str) -> NativeMethod {
    NativeMethod {
        name,
        func,
        sig,
        binding: Binding::Static,
    }
}

/// A read-only (or writable) attribute computed natively (`PyGetSetDef`).
pub type Getter = fn(&mut Vm, Value) -> PyResult<Value>;
pub type Setter = fn(&mut Vm, Value, Value) -> PyResult<()>;

/// The method table of a builtin type.
pub fn methods_of(ty: Ty) -> &'static [NativeMethod] {
    match ty {
        Ty::Object => object::METHODS,
        Ty::Type => typeobj::METHODS,
        Ty::Int => int::METHODS,
        Ty::Bool => int::BOOL_METHODS,
        Ty::Float => float::METHODS,
        Ty::Complex => complex::METHODS,
        Ty::Str => str::METHODS,
        Ty::Bytes => bytes::METHODS,
        Ty::ByteArray => bytearray::METHODS,
        Ty::MemoryView => memoryview::METHODS,
        Ty::Template => template::TEMPLATE_METHODS,
        Ty::Interpolation => template::INTERPOLATION_METHODS,
        Ty::List => list::METHODS,
        Ty::Tuple => tuple::METHODS,
        Ty::Dict => dict::METHODS,
        Ty::Set => set::SET_METHODS,
        Ty::FrozenSet => set::FROZENSET_METHODS,
        _ if ty.is_exception() => exc_kinds::methods_for(ty),
        Ty::Property => descr::PROPERTY_METHODS,
        Ty::Range => range::METHODS,
        Ty::Slice => slice::METHODS,
        Ty::Generator => crate::eval::generator::METHODS,
        Ty::Coroutine => crate::eval::coroutine::METHODS,
        Ty::CoroutineWrapper => crate::eval::coroutine::WRAPPER_METHODS,
        Ty::AsyncGenerator => crate::eval::asyncgen::METHODS,
        Ty::AsyncGenASend | Ty::AsyncGenAThrow | Ty::AnextAwaitable => {
            crate::eval::asyncgen::AWAITABLE_METHODS
        }
        Ty::Code => code::METHODS,
        Ty::Cell => cell::METHODS,
        Ty::Function => function_attrs::METHODS,
        Ty::Method => method::METHODS,
        Ty::Module => module::METHODS,
        Ty::FileIO
        | Ty::BufferedReader
        | Ty::BufferedWriter
        | Ty::BufferedRandom
        | Ty::TextIOWrapper => crate::modules::io_methods::METHODS,
        _ if iter::is_iterator_type(ty) => iter::METHODS,
        _ => &[],
    }
}

/// Further method tables of types whose methods span two files.
pub fn more_methods_of(ty: Ty) -> &'static [NativeMethod] {
    match ty {
        Ty::Str => str_methods::METHODS,
        Ty::Bytes | Ty::ByteArray => bytes_methods::METHODS,
        Ty::Super => superobj::METHODS,
        Ty::Int => num_slots::INT_SLOTS,
        Ty::Float => num_slots::FLOAT_SLOTS,
        Ty::Complex => num_slots::COMPLEX_SLOTS,
        Ty::Enumerate => iter_tools::ENUMERATE_METHODS,
        Ty::Zip => iter_tools::ZIP_METHODS,
        Ty::Map => iter_tools::MAP_METHODS,
        Ty::Filter => iter_tools::FILTER_METHODS,
        Ty::Reversed => iter_tools::REVERSED_METHODS,
        Ty::List | Ty::Tuple | Ty::Dict | Ty::Set | Ty::FrozenSet => richcmp::METHODS,
        Ty::DictKeys | Ty::DictItems => dict_views::SETLIKE_METHODS,
        Ty::DictValues => dict_views::VALUES_METHODS,
        Ty::Object => richcmp::OBJECT_METHODS,
        Ty::ClassMethod => descr::CLASSMETHOD_METHODS,
        Ty::ClassMethodDescriptor => descr::CLASSMETHOD_DESCRIPTOR_METHODS,
        Ty::TypeVar => typevar::TYPEVAR_METHODS,
        Ty::ParamSpec => typevar::PARAMSPEC_METHODS,
        Ty::TypeVarTuple => typevar::TYPEVARTUPLE_METHODS,
        Ty::NoDefaultType => typevar::NO_DEFAULT_METHODS,
        Ty::TypeAliasType => typealias::METHODS,
        Ty::Generic => generic::METHODS,
        Ty::StaticMethod => descr::STATICMETHOD_METHODS,
        Ty::MemberDescriptor => descr::MEMBER_METHODS,
        Ty::MappingProxy => mappingproxy::METHODS,
        Ty::Function => descr::FUNCTION_METHODS,
        Ty::Union => union::METHODS,
        Ty::GenericAlias => generic_alias::METHODS,
        Ty::MethodDescriptor | Ty::WrapperDescriptor => descr::METHOD_DESCRIPTOR_METHODS,
        Ty::NoneType => object::NONE_METHODS,
        Ty::NotImplementedType | Ty::Ellipsis => object::SINGLETON_METHODS,
        _ => &[],
    }
}

/// The attribute getters of a builtin type.
pub fn getsets_of(ty: Ty) -> &'static [(&'static str, Getter, Option<Setter>)] {
    match ty {
        _ if ty.is_exception() => exc_kinds::getsets_for(ty),
        Ty::Object => object::GETSETS,
        Ty::Function => function_attrs::GETSETS,
        Ty::Int | Ty::Bool => int::GETSETS,
        Ty::Float => float::GETSETS,
        Ty::Complex => complex::GETSETS,
        Ty::Range => range::GETSETS,
        Ty::Slice => slice::GETSETS,
        Ty::Type => typeobj::GETSETS,
        Ty::Property => descr::PROPERTY_GETSETS,
        Ty::Traceback => tbobject::TRACEBACK_GETSETS,
        Ty::Frame => tbobject::FRAME_GETSETS,
        Ty::BuiltinFunction | Ty::MethodDescriptor | Ty::WrapperDescriptor | Ty::MethodWrapper => {
            function::NATIVE_GETSETS
        }
        Ty::Module => module::GETSETS,
        Ty::Code => code::GETSETS,
        Ty::TextIOWrapper => crate::modules::io_methods::TEXT_GETSETS,
        Ty::BufferedReader | Ty::BufferedWriter | Ty::BufferedRandom => {
            crate::modules::io_methods::BUFFERED_GETSETS
        }
        Ty::FileIO => crate::modules::io_methods::RAW_GETSETS,
        Ty::Generator => crate::eval::generator::GETSETS,
        Ty::Coroutine => crate::eval::coroutine::GETSETS,
        Ty::AsyncGenerator => crate::eval::asyncgen::GETSETS,
        Ty::MemoryView => memoryview::GETSETS,
        Ty::ClassMethod | Ty::StaticMethod => descr::WRAPPER_GETSETS,
        Ty::ClassMethodDescriptor => descr::CLASSMETHOD_DESCRIPTOR_GETSETS,
        Ty::TypeVar => typevar::TYPEVAR_GETSETS,
        Ty::ParamSpec => typevar::PARAMSPEC_GETSETS,
        Ty::TypeVarTuple => typevar::TYPEVARTUPLE_GETSETS,
        Ty::TypeAliasType => typealias::GETSETS,
        Ty::MemberDescriptor => descr::MEMBER_GETSETS,
        Ty::Super => superobj::GETSETS,
        Ty::Union => union::GETSETS,
        Ty::GenericAlias => generic_alias::GETSETS,
        Ty::Method => method::GETSETS,
        Ty::Cell => cell::GETSETS,
        Ty::DictKeys | Ty::DictValues | Ty::DictItems => dict_views::GETSETS,
        _ => &[],
    }
}

/// Further attribute getters of types whose attributes span two files.
pub fn more_getsets_of(ty: Ty) -> &'static [(&'static str, Getter, Option<Setter>)] {
    match ty {
        Ty::Type => annotations::TYPE_GETSETS,
        Ty::Template => template::TEMPLATE_GETSETS,
        Ty::Interpolation => template::INTERPOLATION_GETSETS,
        _ => &[],
    }
}

/// Fills every builtin type's `__dict__` from its tables; called once at start-up.
/// The module a builtin type reports as its `__module__`.
pub fn builtin_module(ty: Ty) -> &'static str {
    match ty {
        Ty::Union
        | Ty::TypeVar
        | Ty::ParamSpec
        | Ty::TypeVarTuple
        | Ty::TypeAliasType
        | Ty::Generic => "typing",
        Ty::GenericAlias => "types",
        _ => "builtins",
    }
}

pub fn install_all(vm: &mut Vm) -> PyResult<()> {
    for &ty in Ty::ALL {
        let dict = typeobj::type_dict(vm, vm.ty(ty));
        let wrappers = subclass::slot_wrappers_of(ty);
        let generic = generic_alias::class_getitem_of(ty);
        let tables = wrappers.iter().chain(generic).chain(methods_of(ty));
        for meth in tables.chain(more_methods_of(ty)) {
            let f = function::new_native(vm, meth, Some(ty))?;
            let f = match meth.binding {
                Binding::Method => {
                    // An unbound method of a type: `method_descriptor`, or
                    // `wrapper_descriptor` for the special methods of type slots.
                    let kind = descr::method_descriptor_type(meth.name);
                    if let Some(h) = f.as_handle() {
                        let _ = vm.m.set_type(h, Some(vm.ty(kind)));
                    }
                    f
                }
                Binding::Class => {
                    vm.new_opaque(Ty::ClassMethodDescriptor, descr::ClassMethod::new(f))?
                }
                Binding::Static => vm.new_opaque(Ty::StaticMethod, descr::StaticMethod::new(f))?,
            };
            let k = vm.intern(meth.name)?;
            dict::set_item(vm, dict, k, f)?;
        }
        for &(name, get, set) in getsets_of(ty).iter().chain(more_getsets_of(ty)) {
            let g = vm.new_opaque(
                Ty::GetSet,
                descr::GetSet {
                    name,
                    get,
                    set,
                    owner: ty,
                },
            )?;
            let k = vm.intern(name)?;
            dict::set_item(vm, dict, k, g)?;
        }
        // Every builtin type has a `__doc__` (None where no docstring is registered), unless
        // its instances have their own `__doc__` getter.
        let k = vm.intern("__doc__")?;
        if dict::get_item(vm, dict, k)?.is_none() {
            dict::set_item(vm, dict, k, Value::NONE)?;
        }
        if matches!(ty, Ty::List | Ty::Dict | Ty::Set) {
            // Mutable containers are unhashable (`PyObject_HashNotImplemented`).
            let k = vm.intern("__hash__")?;
            dict::set_item(vm, dict, k, Value::NONE)?;
        }
        // A type's own `__module__` getter (functions') wins over the class attribute.
        let k = vm.intern("__module__")?;
        if dict::get_item(vm, dict, k)?.is_none() {
            let modname = vm.intern(builtin_module(ty))?;
            dict::set_item(vm, dict, k, modname)?;
        }
    }
    Ok(())
}
