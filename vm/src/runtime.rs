//! The state every thread shares (CPython's `PyInterpreterState`, Include/internal/pycore_interp.h):
//! the heap, the builtin type objects made at start-up with their method tables, interned
//! strings, `sys.modules` and the `builtins` module.

use std::collections::HashMap;
use std::sync::Arc;

use parking_lot::Mutex;
use protopy_objects::{
    AllocError, AttachError, DictData, Handle, Heap, HeapConfig, Mutator, StrData, Table,
    TupleData, TypeData, Value,
};

/// Type flags kept in `TypeData::flags`.
pub mod tyflags {
    /// A class made by a `class` statement (its attributes may be set).
    pub const HEAPTYPE: u64 = 1;
    /// Bits 8..24: the `Ty` whose layout instances use (their native base).
    pub const LAYOUT_SHIFT: u64 = 8;
    pub const LAYOUT_MASK: u64 = 0xFFFF << LAYOUT_SHIFT;
    /// Instances are exceptions (a subclass of BaseException).
    pub const EXCEPTION: u64 = 2;
    /// Instances have no `__dict__` (`__slots__` without `"__dict__"`).
    pub const NO_DICT: u64 = 4;
    /// Bits 32..48: how many `__slots__` values instances hold.
    pub const SLOTS_SHIFT: u64 = 32;
    pub const SLOTS_MASK: u64 = 0xFFFF << SLOTS_SHIFT;
}

macro_rules! builtin_types {
    ($($id:ident = $name:literal : $base:ident),* $(,)?) => {
        /// The builtin types, bases before subclasses.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u16)]
        pub enum Ty { $($id),* }

        impl Ty {
            pub const ALL: &'static [Ty] = &[$(Ty::$id),*];
            /// `__name__`.
            pub fn name(self) -> &'static str {
                match self { $(Ty::$id => $name),* }
            }
            /// The single base (`object`'s is itself).
            pub fn base(self) -> Ty {
                match self { $(Ty::$id => Ty::$base),* }
            }
        }
    };
}

builtin_types! {
    Object = "object": Object,
    Type = "type": Object,
    NoneType = "NoneType": Object,
    Int = "int": Object,
    Bool = "bool": Int,
    Float = "float": Object,
    Complex = "complex": Object,
    Str = "str": Object,
    Bytes = "bytes": Object,
    ByteArray = "bytearray": Object,
    List = "list": Object,
    Tuple = "tuple": Object,
    Dict = "dict": Object,
    Set = "set": Object,
    FrozenSet = "frozenset": Object,
    Range = "range": Object,
    Slice = "slice": Object,
    Function = "function": Object,
    Method = "method": Object,
    BuiltinFunction = "builtin_function_or_method": Object,
    Code = "code": Object,
    Cell = "cell": Object,
    Module = "module": Object,
    Generator = "generator": Object,
    Coroutine = "coroutine": Object,
    CoroutineWrapper = "coroutine_wrapper": Object,
    AsyncGenerator = "async_generator": Object,
    AsyncGenASend = "async_generator_asend": Object,
    AsyncGenAThrow = "async_generator_athrow": Object,
    AsyncGenWrappedValue = "async_generator_wrapped_value": Object,
    AnextAwaitable = "anext_awaitable": Object,
    NotImplementedType = "NotImplementedType": Object,
    Ellipsis = "ellipsis": Object,
    Property = "property": Object,
    ClassMethod = "classmethod": Object,
    StaticMethod = "staticmethod": Object,
    Super = "super": Object,
    GetSet = "getset_descriptor": Object,
    Traceback = "traceback": Object,
    Iterator = "iterator": Object,
    ListIterator = "list_iterator": Object,
    ListReverseIterator = "list_reverseiterator": Object,
    TupleIterator = "tuple_iterator": Object,
    RangeIterator = "range_iterator": Object,
    LongRangeIterator = "longrange_iterator": Object,
    StrIterator = "str_ascii_iterator": Object,
    BytesIterator = "bytes_iterator": Object,
    ByteArrayIterator = "bytearray_iterator": Object,
    MemoryIterator = "memory_iterator": Object,
    DictKeyIterator = "dict_keyiterator": Object,
    DictValueIterator = "dict_valueiterator": Object,
    DictItemIterator = "dict_itemiterator": Object,
    SetIterator = "set_iterator": Object,
    DictKeys = "dict_keys": Object,
    DictValues = "dict_values": Object,
    DictItems = "dict_items": Object,
    Enumerate = "enumerate": Object,
    Zip = "zip": Object,
    Map = "map": Object,
    Filter = "filter": Object,
    Reversed = "reversed": Object,
    CallableIterator = "callable_iterator": Object,
    MemoryView = "memoryview": Object,
    MemberDescriptor = "member_descriptor": Object,
    MappingProxy = "mappingproxy": Object,
    Template = "Template": Object,
    Interpolation = "Interpolation": Object,
    FileIO = "FileIO": Object,
    BufferedReader = "BufferedReader": Object,
    BufferedWriter = "BufferedWriter": Object,
    BufferedRandom = "BufferedRandom": Object,
    TextIOWrapper = "TextIOWrapper": Object,
    Union = "Union": Object,
    GenericAlias = "GenericAlias": Object,
    MethodDescriptor = "method_descriptor": Object,
    WrapperDescriptor = "wrapper_descriptor": Object,
    MethodWrapper = "method-wrapper": Object,
    BaseException = "BaseException": Object,
    GeneratorExit = "GeneratorExit": BaseException,
    KeyboardInterrupt = "KeyboardInterrupt": BaseException,
    SystemExit = "SystemExit": BaseException,
    Exception = "Exception": BaseException,
    ArithmeticError = "ArithmeticError": Exception,
    FloatingPointError = "FloatingPointError": ArithmeticError,
    OverflowError = "OverflowError": ArithmeticError,
    ZeroDivisionError = "ZeroDivisionError": ArithmeticError,
    AssertionError = "AssertionError": Exception,
    AttributeError = "AttributeError": Exception,
    BufferError = "BufferError": Exception,
    EOFError = "EOFError": Exception,
    ImportError = "ImportError": Exception,
    ModuleNotFoundError = "ModuleNotFoundError": ImportError,
    LookupError = "LookupError": Exception,
    IndexError = "IndexError": LookupError,
    KeyError = "KeyError": LookupError,
    MemoryError = "MemoryError": Exception,
    NameError = "NameError": Exception,
    UnboundLocalError = "UnboundLocalError": NameError,
    OSError = "OSError": Exception,
    FileNotFoundError = "FileNotFoundError": OSError,
    FileExistsError = "FileExistsError": OSError,
    PermissionError = "PermissionError": OSError,
    IsADirectoryError = "IsADirectoryError": OSError,
    NotADirectoryError = "NotADirectoryError": OSError,
    TimeoutError = "TimeoutError": OSError,
    ReferenceError = "ReferenceError": Exception,
    RuntimeError = "RuntimeError": Exception,
    NotImplementedError = "NotImplementedError": RuntimeError,
    RecursionError = "RecursionError": RuntimeError,
    PythonFinalizationError = "PythonFinalizationError": RuntimeError,
    StopAsyncIteration = "StopAsyncIteration": Exception,
    StopIteration = "StopIteration": Exception,
    SyntaxError = "SyntaxError": Exception,
    IndentationError = "IndentationError": SyntaxError,
    TabError = "TabError": IndentationError,
    SystemError = "SystemError": Exception,
    TypeError = "TypeError": Exception,
    ValueError = "ValueError": Exception,
    UnicodeError = "UnicodeError": ValueError,
    UnicodeDecodeError = "UnicodeDecodeError": UnicodeError,
    UnicodeEncodeError = "UnicodeEncodeError": UnicodeError,
    UnicodeTranslateError = "UnicodeTranslateError": UnicodeError,
    Warning = "Warning": Exception,
    DeprecationWarning = "DeprecationWarning": Warning,
    PendingDeprecationWarning = "PendingDeprecationWarning": Warning,
    RuntimeWarning = "RuntimeWarning": Warning,
    SyntaxWarning = "SyntaxWarning": Warning,
    UserWarning = "UserWarning": Warning,
    FutureWarning = "FutureWarning": Warning,
    ImportWarning = "ImportWarning": Warning,
    UnicodeWarning = "UnicodeWarning": Warning,
    BytesWarning = "BytesWarning": Warning,
    ResourceWarning = "ResourceWarning": Warning,
    EncodingWarning = "EncodingWarning": Warning,
    ConnectionError = "ConnectionError": OSError,
    BrokenPipeError = "BrokenPipeError": ConnectionError,
    ConnectionAbortedError = "ConnectionAbortedError": ConnectionError,
    ConnectionRefusedError = "ConnectionRefusedError": ConnectionError,
    ConnectionResetError = "ConnectionResetError": ConnectionError,
    BlockingIOError = "BlockingIOError": OSError,
    ChildProcessError = "ChildProcessError": OSError,
    InterruptedError = "InterruptedError": OSError,
    ProcessLookupError = "ProcessLookupError": OSError,
    Frame = "frame": Object,
    ClassMethodDescriptor = "classmethod_descriptor": Object,
    TypeVar = "TypeVar": Object,
    ParamSpec = "ParamSpec": Object,
    TypeVarTuple = "TypeVarTuple": Object,
    TypeAliasType = "TypeAliasType": Object,
    NoDefaultType = "NoDefaultType": Object,
    Generic = "Generic": Object,
}

impl Ty {
    /// Whether the type is `BaseException` or below it.
    pub fn is_exception(self) -> bool {
        let mut t = self;
        loop {
            match t {
                Ty::BaseException => return true,
                Ty::Object => return false,
                _ => t = t.base(),
            }
        }
    }

    /// Types that user classes may not subclass (CPython's missing `Py_TPFLAGS_BASETYPE`).
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Ty::Bool
                | Ty::NoneType
                | Ty::Range
                | Ty::Slice
                | Ty::Function
                | Ty::Method
                | Ty::BuiltinFunction
                | Ty::Code
                | Ty::Cell
                | Ty::Generator
                | Ty::Coroutine
                | Ty::CoroutineWrapper
                | Ty::AsyncGenerator
                | Ty::AsyncGenASend
                | Ty::AsyncGenAThrow
                | Ty::AsyncGenWrappedValue
                | Ty::AnextAwaitable
                | Ty::NotImplementedType
                | Ty::Ellipsis
                | Ty::GetSet
                | Ty::Traceback
                | Ty::MemoryView
                | Ty::MemberDescriptor
                | Ty::MappingProxy
                | Ty::Frame
                | Ty::Template
                | Ty::Interpolation
                | Ty::Union
                | Ty::GenericAlias
                | Ty::MethodDescriptor
                | Ty::WrapperDescriptor
                | Ty::MethodWrapper
                | Ty::ClassMethodDescriptor
                | Ty::TypeVar
                | Ty::ParamSpec
                | Ty::TypeVarTuple
                | Ty::TypeAliasType
                | Ty::NoDefaultType
        )
    }

    /// The native layout of the type's instances: its own, except for a type whose instances
    /// are plain objects (`typing.Generic`, a base for classes only).
    pub fn instance_layout(self) -> Ty {
        match self {
            Ty::Generic => Ty::Object,
            t => t,
        }
    }

    /// The module a builtin type reports in `__module__`.
    pub fn from_index(i: u16) -> Option<Ty> {
        Ty::ALL.get(i as usize).copied()
    }
}

/// Where the interpreter finds things; filled from the command line.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// Directories searched by `import` (the script's directory first).
    pub path: Vec<String>,
}

/// The state shared by every thread of one interpreter.
pub struct Runtime {
    pub heap: Arc<Heap>,
    types: Vec<Handle>,
    pub builtins: Value,
    pub sys_modules: Value,
    pub sys: Mutex<Value>,
    interned: Mutex<HashMap<Box<[u8]>, Value>>,
    pub config: Mutex<Config>,
    pub recursion_limit: std::sync::atomic::AtomicUsize,
    /// Each class's direct subclasses, by handle and untraced: a dead subclass's handle goes
    /// stale and is skipped (`type.__subclasses__`, the weak references of CPython's
    /// `tp_subclasses`).
    pub subclasses: Mutex<HashMap<Handle, Vec<Handle>>>,
}

/// Why the runtime could not start.
#[derive(Debug)]
pub enum StartError {
    Alloc(AllocError),
    Attach(AttachError),
}

impl From<AllocError> for StartError {
    fn from(e: AllocError) -> Self {
        StartError::Alloc(e)
    }
}

impl Runtime {
    /// Creates the heap, the builtin types with their method tables and the builtins module.
    /// Returns the runtime and the mutator of the calling thread, which made them.
    pub fn new(config: Config) -> Result<(Arc<Runtime>, Mutator), StartError> {
        Runtime::with_heap(config, HeapConfig::default())
    }

    /// [`Runtime::new`] on a heap configured by `heap` (GC stress, thresholds).
    pub fn with_heap(
        config: Config,
        heap: HeapConfig,
    ) -> Result<(Arc<Runtime>, Mutator), StartError> {
        let heap = Heap::with_config(heap)?;
        let m = heap.attach().map_err(StartError::Attach)?;
        let mut types = Vec::with_capacity(Ty::ALL.len());
        for _ in Ty::ALL {
            let h = m.alloc(None, TypeData::new(0))?;
            heap.add_root(Value::from_handle(h));
            types.push(h);
        }
        let type_type = types[Ty::Type as usize];
        for (i, &ty) in Ty::ALL.iter().enumerate() {
            let h = types[i];
            let _ = m.set_type(h, Some(type_type));
            let name = alloc_str(&m, types[Ty::Str as usize], ty.name())?;
            let mut mro = vec![Value::from_handle(h)];
            let mut t = ty;
            while t != Ty::Object {
                t = t.base();
                mro.push(Value::from_handle(types[t as usize]));
            }
            let bases: Vec<Value> = if ty == Ty::Object {
                vec![]
            } else {
                vec![Value::from_handle(types[ty.base() as usize])]
            };
            let bases = m.alloc(Some(types[Ty::Tuple as usize]), TupleData::new(bases))?;
            let mro = m.alloc(Some(types[Ty::Tuple as usize]), TupleData::new(mro))?;
            let dict = m.alloc(Some(types[Ty::Dict as usize]), DictData::new(Table::new()))?;
            let td = m
                .get::<TypeData>(h)
                .map_err(|_| StartError::Alloc(AllocError::OutOfMemory))?;
            td.name.store(name);
            td.qualname.store(name);
            td.bases.store(Value::from_handle(bases));
            td.mro.store(Value::from_handle(mro));
            td.dict.store(Value::from_handle(dict));
            let mut flags = (ty.instance_layout() as u64) << tyflags::LAYOUT_SHIFT;
            if ty.is_exception() {
                flags |= tyflags::EXCEPTION;
            }
            td.flags.store(flags, std::sync::atomic::Ordering::Relaxed);
        }
        let dict_ty = types[Ty::Dict as usize];
        let builtins = m.alloc(Some(dict_ty), DictData::new(Table::new()))?;
        let sys_modules = m.alloc(Some(dict_ty), DictData::new(Table::new()))?;
        heap.add_root(Value::from_handle(builtins));
        heap.add_root(Value::from_handle(sys_modules));
        let rt = Runtime {
            heap,
            types,
            builtins: Value::from_handle(builtins),
            sys_modules: Value::from_handle(sys_modules),
            sys: Mutex::new(Value::NONE),
            interned: Mutex::new(HashMap::new()),
            config: Mutex::new(config),
            recursion_limit: std::sync::atomic::AtomicUsize::new(1000),
            subclasses: Mutex::new(HashMap::new()),
        };
        Ok((Arc::new(rt), m))
    }

    /// The type object of a builtin type.
    pub fn ty(&self, ty: Ty) -> Handle {
        self.types[ty as usize]
    }

    /// The builtin type a type handle is, if it is one.
    pub fn builtin_of(&self, h: Handle) -> Option<Ty> {
        self.types
            .iter()
            .position(|&t| t == h)
            .and_then(|i| Ty::from_index(i as u16))
    }

    /// The interned str for `s`, made on first use and kept alive for the runtime's life.
    pub fn intern(&self, m: &Mutator, s: &[u8]) -> Result<Value, AllocError> {
        let mut map = self.interned.lock();
        if let Some(&v) = map.get(s) {
            return Ok(v);
        }
        let data =
            StrData::from_generalized_utf8(s.to_vec()).map_err(|_| AllocError::OutOfMemory)?;
        let h = m.alloc(Some(self.ty(Ty::Str)), data)?;
        let v = Value::from_handle(h);
        self.heap.add_root(v);
        map.insert(s.into(), v);
        Ok(v)
    }
}

fn alloc_str(m: &Mutator, str_ty: Handle, s: &str) -> Result<Value, AllocError> {
    let data = StrData::from_generalized_utf8(s.as_bytes().to_vec())
        .map_err(|_| AllocError::OutOfMemory)?;
    Ok(Value::from_handle(m.alloc(Some(str_ty), data)?))
}
