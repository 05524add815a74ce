//! The model interpreter: protopy's bytecode executed by a Python program that the reference
//! CPython runs (so builtins and objects are CPython's), following the opcode semantics of
//! `bytecode/opcodes.rs`. `literal` writes a code object in the form it reads.

use std::fmt::Write as _;

use protopy_compiler::bytecode::{CodeObject, Const};
use protopy_compiler::literals::{repr_bytes, repr_complex, repr_float, repr_str};
use protopy_compiler::pystr::PyStr;

/// A code object as a Python literal (`ast.literal_eval` reads it back).
pub fn literal(code: &CodeObject) -> String {
    let strs = |v: &[String]| {
        let parts: Vec<String> = v
            .iter()
            .map(|s| repr_str(&PyStr::from(s.as_str())))
            .collect();
        format!("[{}]", parts.join(", "))
    };
    let mut out = String::from("{");
    let _ = write!(
        out,
        "'name': {}, ",
        repr_str(&PyStr::from(code.name.as_str()))
    );
    let _ = write!(
        out,
        "'qualname': {}, ",
        repr_str(&PyStr::from(code.qualname.as_str()))
    );
    let _ = write!(
        out,
        "'argcount': {}, 'posonlyargcount': {}, 'kwonlyargcount': {}, 'flags': {}, ",
        code.argcount, code.posonlyargcount, code.kwonlyargcount, code.flags
    );
    let instrs: Vec<String> = code
        .instructions
        .iter()
        .map(|i| format!("('{}', {})", i.op.name(), i.arg))
        .collect();
    let _ = write!(out, "'code': [{}], ", instrs.join(", "));
    let consts: Vec<String> = code.consts.iter().map(const_literal).collect();
    let _ = write!(out, "'consts': [{}], ", consts.join(", "));
    let _ = write!(
        out,
        "'names': {}, 'varnames': {}, ",
        strs(&code.names),
        strs(&code.varnames)
    );
    let _ = write!(
        out,
        "'cellvars': {}, 'freevars': {}, ",
        strs(&code.cellvars),
        strs(&code.freevars)
    );
    let rows: Vec<String> = code
        .exception_table
        .iter()
        .map(|e| {
            let lasti = if e.push_lasti { "True" } else { "False" };
            format!(
                "({}, {}, {}, {}, {lasti})",
                e.start, e.end, e.target, e.depth
            )
        })
        .collect();
    let _ = write!(out, "'exc': [{}]}}", rows.join(", "));
    out
}

fn const_literal(c: &Const) -> String {
    match c {
        Const::None => "None".into(),
        Const::Bool(b) => if *b { "True" } else { "False" }.into(),
        Const::Ellipsis => "...".into(),
        Const::Int(i) => i.to_string(),
        Const::Float(f) if f.is_finite() => repr_float(*f),
        Const::Float(f) => format!("('__float__', '{}')", repr_float(*f)),
        Const::Complex { real, imag } => repr_complex(*real, *imag),
        Const::Str(s) => repr_str(s),
        Const::Bytes(b) => repr_bytes(b),
        Const::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(const_literal).collect();
            format!(
                "({}{})",
                parts.join(", "),
                if parts.len() == 1 { "," } else { "" }
            )
        }
        Const::FrozenSet(items) => {
            let parts: Vec<String> = items.iter().map(const_literal).collect();
            format!(
                "('__frozenset__', ({}{}))",
                parts.join(", "),
                if parts.len() == 1 { "," } else { "" }
            )
        }
        Const::Code(code) => format!("('__code__', {})", literal(code)),
    }
}

/// The model interpreter (run by the reference CPython).
const MODEL_VM: &str = r##"
import ast, builtins, sys, types, operator

NULL = type("NULL", (), {"__repr__": lambda s: "NULL"})()

BINOPS = [operator.add, operator.and_, operator.floordiv, operator.lshift, operator.matmul,
          operator.mul, operator.mod, operator.or_, operator.pow, operator.rshift, operator.sub,
          operator.truediv, operator.xor, operator.iadd, operator.iand, operator.ifloordiv,
          operator.ilshift, operator.imatmul, operator.imul, operator.imod, operator.ior,
          operator.ipow, operator.irshift, operator.isub, operator.itruediv, operator.ixor,
          operator.getitem]
CMPS = [operator.lt, operator.le, operator.eq, operator.ne, operator.gt, operator.ge]
SPECIAL = ["__enter__", "__exit__", "__aenter__", "__aexit__"]
COMMON = [AssertionError, NotImplementedError, tuple, all, any, list, set]


class Code:
    __module__ = "builtins"

    def __init__(self, d):
        self.__dict__.update(d)
        self.consts = [convert(c) for c in d["consts"]]
        ncells_extra = [c for c in self.cellvars if c not in self.varnames]
        self.nlocalsplus = len(self.varnames) + len(ncells_extra) + len(self.freevars)
        self.co_name, self.co_qualname, self.co_filename = self.name, self.qualname, "<s>"
        self.co_varnames, self.co_freevars, self.co_cellvars = tuple(self.varnames), tuple(self.freevars), tuple(self.cellvars)
        self.co_argcount, self.co_kwonlyargcount = self.argcount, self.kwonlyargcount
        self.co_posonlyargcount, self.co_flags, self.co_firstlineno = self.posonlyargcount, self.flags, 1


def convert(c):
    if isinstance(c, tuple) and len(c) == 2 and c[0] == "__code__":
        return Code(c[1])
    if isinstance(c, tuple) and len(c) == 2 and c[0] == "__float__":
        return float(c[1])
    if isinstance(c, tuple) and len(c) == 2 and c[0] == "__frozenset__":
        return frozenset(convert(x) for x in c[1])
    if isinstance(c, tuple):
        return tuple(convert(x) for x in c)
    return c


class Function:
    def __init__(self, code, globals):
        self.code = code
        self.globals = globals
        self.defaults = ()
        self.kwdefaults = {}
        self.closure = ()
        self.annotate = None
        self.__name__ = code.name
        self.__qualname__ = code.qualname
        self.__doc__ = code.consts[0] if code.flags & 0x4000000 else None
        self.__module__ = globals.get("__name__")
        self.__dict__["__wrapped_vm__"] = True

    def __repr__(self):
        return f"<function {self.__qualname__}>"

    __globals__ = property(lambda self: self.globals)
    __builtins__ = property(lambda self: builtins.__dict__)
    __defaults__ = property(lambda self: self.defaults or None)
    __kwdefaults__ = property(lambda self: self.kwdefaults or None)
    __closure__ = property(lambda self: self.closure or None)
    __code__ = property(lambda self: self.code)
    __type_params__ = ()
    __annotate__ = property(lambda self: self.annotate, lambda self, v: setattr(self, "annotate", v))

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return types.MethodType(self, obj)

    @property
    def __annotations__(self):
        return self.annotate(1) if self.annotate is not None else {}

    def __call__(self, *args, **kwargs):
        frame = Frame(self.code, self.globals, None, self.closure)
        bind(self, frame, args, kwargs)
        if self.code.flags & 0x20:
            return Generator(execute(frame), self.__name__)
        if self.code.flags & 0x80:
            return Coroutine(execute(frame), self.__name__)
        if self.code.flags & 0x200:
            return AsyncGenerator(Generator(execute(frame), self.__name__))
        return run(frame)


def bind(fn, frame, args, kwargs):
    code = fn.code
    npos = code.argcount
    nkw = code.kwonlyargcount
    names = code.varnames
    slots = frame.fast
    varargs = code.flags & 0x4
    varkw = code.flags & 0x8
    for i, a in enumerate(args[:npos]):
        slots[i] = a
    extra = args[npos:]
    if extra and not varargs:
        raise TypeError(f"{fn.__name__}() takes {npos} positional arguments but {len(args)} were given")
    kwdict = {} if varkw else None
    for k, v in kwargs.items():
        if k in names[code.posonlyargcount:npos + nkw]:
            i = names.index(k)
            if slots[i] is not NULL:
                raise TypeError(f"{fn.__name__}() got multiple values for argument '{k}'")
            slots[i] = v
        elif varkw:
            kwdict[k] = v
        else:
            raise TypeError(f"{fn.__name__}() got an unexpected keyword argument '{k}'")
    defaults = fn.defaults or ()
    for i in range(npos):
        if slots[i] is NULL:
            d = i - (npos - len(defaults))
            if d >= 0:
                slots[i] = defaults[d]
            else:
                raise TypeError(f"{fn.__name__}() missing required positional argument: '{names[i]}'")
    for i in range(npos, npos + nkw):
        if slots[i] is NULL:
            if names[i] in (fn.kwdefaults or {}):
                slots[i] = fn.kwdefaults[names[i]]
            else:
                raise TypeError(f"{fn.__name__}() missing required keyword-only argument: '{names[i]}'")
    i = npos + nkw
    if varargs:
        slots[i] = tuple(extra)
        i += 1
    if varkw:
        slots[i] = kwdict


class Frame:
    def __init__(self, code, globals, locals, closure):
        self.code = code
        self.globals = globals
        self.locals = locals
        self.closure = closure
        self.fast = [NULL] * code.nlocalsplus
        self.stack = []

    def name_of(self, slot):
        c = self.code
        if slot < len(c.varnames):
            return c.varnames[slot]
        rest = [x for x in c.cellvars if x not in c.varnames] + list(c.freevars)
        return rest[slot - len(c.varnames)]


class Generator:
    def __init__(self, gen, name):
        self.gen = gen
        self.started = False
        self.__name__ = name

    def __iter__(self):
        return self

    def __next__(self):
        return self.send(None)

    def send(self, value):
        if not self.started:
            self.started = True
            return next(self.gen)
        return self.gen.send(value)

    def throw(self, *args):
        self.started = True
        return self.gen.throw(*args)

    def close(self):
        return self.gen.close()


class Coroutine(Generator):
    def __iter__(self):
        raise TypeError("'coroutine' object is not iterable")

    def __await__(self):
        return self


class Wrapped:
    """A value an async generator yielded itself (INTRINSIC_ASYNC_GEN_WRAP)."""
    def __init__(self, value):
        self.value = value


class AsyncGenerator:
    def __init__(self, gen):
        self.gen = gen
        self.__name__ = gen.__name__

    def __aiter__(self):
        return self

    def __anext__(self):
        return self.asend(None)

    def asend(self, value):
        return AsyncStep(self.gen, value)

    def aclose(self):
        return AsyncStep(self.gen, GeneratorExit)


class AsyncStep:
    """The awaitable of one async generator step: values the generator yields itself
    complete it, values its awaits yield pass through."""
    def __init__(self, gen, value):
        self.gen, self.value = gen, value

    def __await__(self):
        return self.run()

    def run(self):
        closing = self.value is GeneratorExit
        try:
            r = self.gen.throw(GeneratorExit) if closing else self.gen.send(self.value)
            while not isinstance(r, Wrapped):
                r = self.gen.send((yield r))
        except StopIteration:
            if closing:
                return None
            raise StopAsyncIteration from None
        except GeneratorExit:
            if closing:
                return None
            raise
        if closing:
            raise RuntimeError("async generator ignored GeneratorExit")
        return r.value


def awaitable(v):
    if isinstance(v, Coroutine):
        return v
    return type(v).__await__(v)


handled = [None]


def run(frame):
    g = execute(frame)
    try:
        next(g)
    except StopIteration as e:
        return e.value
    except Escape as e:
        raise e.args[0] from None
    raise SystemError("yield outside a generator")


def build_class(func, name, *bases, metaclass=None, **kwds):
    orig = bases
    bases = types.resolve_bases(bases)
    meta, ns, kwds = types.prepare_class(name, bases, dict(kwds, **({"metaclass": metaclass} if metaclass else {})))
    frame = Frame(func.code, func.globals, ns, func.closure)
    cell = run(frame)
    if bases is not orig and bases != orig:
        ns["__orig_bases__"] = orig
    annotate = ns.pop("__annotate_func__", None)
    originals = {k: ns.get(k) for k in ("__init_subclass__", "__class_getitem__", "__new__")}
    cls = meta(name, bases, ns, **kwds)
    # What `type.__new__` does to plain functions, which model functions are not.
    for implicit, wrap in (("__init_subclass__", classmethod), ("__class_getitem__", classmethod), ("__new__", staticmethod)):
        f = cls.__dict__.get(implicit) if isinstance(cls, type) else None
        if isinstance(f, Function) and f is originals[implicit]:
            setattr(cls, implicit, wrap(f))
    if annotate is not None:
        cls.__annotate__ = annotate
    return cls


def lookup_name(frame, name):
    if frame.locals is not None and name in frame.locals:
        return frame.locals[name]
    if name in frame.globals:
        return frame.globals[name]
    if name == "__build_class__":
        return build_class
    if hasattr(builtins, name):
        return getattr(builtins, name)
    raise NameError(f"name '{name}' is not defined")


def lookup_global(frame, name):
    if name in frame.globals:
        return frame.globals[name]
    if hasattr(builtins, name):
        return getattr(builtins, name)
    raise NameError(f"name '{name}' is not defined")


def frame_locals(frame):
    if frame.locals is not None:
        return frame.locals
    return {frame.name_of(i): (v.cell_contents if isinstance(v, types.CellType) else v)
            for i, v in enumerate(frame.fast) if v is not NULL}


FRAMES = []


def frame_module_name(depth=0):
    # Called from a builtin: depth 1 is the innermost model frame.
    index = len(FRAMES) - max(depth, 1)
    return FRAMES[index].globals.get("__name__") if index >= 0 else "__main__"


sys._getframemodulename = frame_module_name


def do_call(frame, func, args, kwargs):
    if not args and not kwargs:
        if func is globals:
            return frame.globals
        if func is locals or func is vars:
            return frame_locals(frame)
        if func is dir:
            return sorted(frame_locals(frame))
    if func is super and not args and not kwargs:
        cls = None
        for i, n in enumerate(frame.code.freevars):
            if n == "__class__":
                cls = frame.fast[len(frame.fast) - len(frame.code.freevars) + i].cell_contents
        first = frame.fast[0]
        if isinstance(first, types.CellType):
            first = first.cell_contents
        return super(cls, first)
    return func(*args, **kwargs)


def execute(frame):
    FRAMES.append(frame)
    try:
        result = yield from execute_frame(frame)
    finally:
        FRAMES.remove(frame)
    return result


def execute_frame(frame):
    code = frame.code
    instrs = code.code
    stack = frame.stack
    fast = frame.fast
    names = code.names
    pc = 0
    while True:
        op, arg = instrs[pc]
        pc += 1
        try:
            if op == "NOP": pass
            elif op == "POP_TOP": stack.pop()
            elif op == "PUSH_NULL": stack.append(NULL)
            elif op == "COPY": stack.append(stack[-arg])
            elif op == "SWAP": stack[-1], stack[-arg] = stack[-arg], stack[-1]
            elif op == "LOAD_CONST":
                c = code.consts[arg]
                stack.append(c)
            elif op == "LOAD_SMALL_INT": stack.append(arg)
            elif op == "LOAD_COMMON_CONSTANT": stack.append(COMMON[arg])
            elif op == "LOAD_NAME": stack.append(lookup_name(frame, names[arg]))
            elif op == "STORE_NAME": frame.locals[names[arg]] = stack.pop()
            elif op == "DELETE_NAME": del frame.locals[names[arg]]
            elif op == "LOAD_GLOBAL":
                stack.append(lookup_global(frame, names[arg >> 1]))
                if arg & 1: stack.append(NULL)
            elif op == "STORE_GLOBAL": frame.globals[names[arg]] = stack.pop()
            elif op == "DELETE_GLOBAL": del frame.globals[names[arg]]
            elif op == "LOAD_FAST":
                v = fast[arg]
                if v is NULL:
                    raise UnboundLocalError(f"cannot access local variable '{frame.name_of(arg)}' where it is not associated with a value")
                stack.append(v)
            elif op == "LOAD_FAST_AND_CLEAR":
                stack.append(fast[arg]); fast[arg] = NULL
            elif op == "STORE_FAST": fast[arg] = stack.pop()
            elif op == "DELETE_FAST":
                if fast[arg] is NULL:
                    raise UnboundLocalError(f"cannot access local variable '{frame.name_of(arg)}' where it is not associated with a value")
                fast[arg] = NULL
            elif op == "MAKE_CELL":
                v = fast[arg]
                fast[arg] = types.CellType() if v is NULL else types.CellType(v)
            elif op == "COPY_FREE_VARS":
                for i, c in enumerate(frame.closure):
                    fast[len(fast) - arg + i] = c
            elif op == "LOAD_CLOSURE": stack.append(fast[arg])
            elif op == "LOAD_DEREF":
                try:
                    stack.append(fast[arg].cell_contents)
                except ValueError:
                    raise NameError(f"cannot access free variable '{frame.name_of(arg)}'") from None
            elif op == "STORE_DEREF": fast[arg].cell_contents = stack.pop()
            elif op == "DELETE_DEREF": del fast[arg].cell_contents
            elif op == "LOAD_FROM_DICT_OR_DEREF":
                m = stack.pop(); n = frame.name_of(arg)
                stack.append(m[n] if n in m else fast[arg].cell_contents)
            elif op == "LOAD_FROM_DICT_OR_GLOBALS":
                m = stack.pop(); n = names[arg]
                stack.append(m[n] if n in m else lookup_global(frame, n))
            elif op == "LOAD_LOCALS": stack.append(frame.locals)
            elif op == "LOAD_ATTR":
                o = stack.pop()
                stack.append(getattr(o, names[arg >> 1]))
                if arg & 1: stack.append(NULL)
            elif op == "STORE_ATTR":
                o = stack.pop(); v = stack.pop(); setattr(o, names[arg], v)
            elif op == "DELETE_ATTR": delattr(stack.pop(), names[arg])
            elif op == "STORE_SUBSCR":
                k = stack.pop(); c = stack.pop(); v = stack.pop(); c[k] = v
            elif op == "DELETE_SUBSCR":
                k = stack.pop(); c = stack.pop(); del c[k]
            elif op == "BINARY_SLICE":
                e = stack.pop(); s = stack.pop(); c = stack.pop(); stack.append(c[s:e])
            elif op == "STORE_SLICE":
                e = stack.pop(); s = stack.pop(); c = stack.pop(); v = stack.pop(); c[s:e] = v
            elif op == "BUILD_SLICE":
                parts = stack[-arg:]; del stack[-arg:]; stack.append(slice(*parts))
            elif op == "LOAD_SPECIAL":
                o = stack.pop()
                m = getattr(type(o), SPECIAL[arg], None)
                if m is None:
                    raise TypeError(f"'{type(o).__name__}' object does not support the context manager protocol")
                stack.append(m); stack.append(o)
            elif op == "UNARY_NEGATIVE": stack.append(-stack.pop())
            elif op == "UNARY_NOT": stack.append(not stack.pop())
            elif op == "UNARY_INVERT": stack.append(~stack.pop())
            elif op == "BINARY_OP":
                r = stack.pop(); l = stack.pop(); stack.append(BINOPS[arg](l, r))
            elif op == "COMPARE_OP":
                r = stack.pop(); l = stack.pop(); stack.append(CMPS[arg](l, r))
            elif op == "IS_OP":
                r = stack.pop(); l = stack.pop(); stack.append((l is r) != bool(arg))
            elif op == "CONTAINS_OP":
                r = stack.pop(); l = stack.pop(); stack.append((l in r) != bool(arg))
            elif op == "CALL_INTRINSIC_1":
                v = stack.pop()
                if arg == 2:
                    mod = v
                    for k in getattr(mod, "__all__", [k for k in dir(mod) if not k.startswith("_")]):
                        frame.locals[k] = getattr(mod, k)
                    stack.append(None)
                elif arg == 3:
                    if isinstance(v, StopIteration):
                        err = RuntimeError("generator raised StopIteration")
                        err.__cause__ = v
                        stack.append(err)
                    else:
                        stack.append(v)
                elif arg == 4: stack.append(Wrapped(v))
                elif arg == 5: stack.append(+v)
                elif arg == 6: stack.append(tuple(v))
                else: raise SystemError(f"intrinsic {arg}")
            elif op in ("BUILD_TUPLE", "BUILD_LIST", "BUILD_SET", "BUILD_STRING"):
                items = stack[len(stack) - arg:]; del stack[len(stack) - arg:]
                stack.append({"BUILD_TUPLE": tuple, "BUILD_LIST": list, "BUILD_SET": set, "BUILD_STRING": "".join}[op](items))
            elif op == "BUILD_MAP":
                items = stack[len(stack) - 2 * arg:]; del stack[len(stack) - 2 * arg:]
                d = {}
                for i in range(0, len(items), 2): d[items[i]] = items[i + 1]
                stack.append(d)
            elif op == "LIST_APPEND": v = stack.pop(); stack[-arg].append(v)
            elif op == "SET_ADD": v = stack.pop(); stack[-arg].add(v)
            elif op == "MAP_ADD": v = stack.pop(); k = stack.pop(); stack[-arg][k] = v
            elif op == "LIST_EXTEND": v = stack.pop(); stack[-arg].extend(v)
            elif op == "SET_UPDATE": v = stack.pop(); stack[-arg].update(v)
            elif op == "DICT_UPDATE": v = stack.pop(); stack[-arg].update(v)
            elif op == "DICT_MERGE":
                v = stack.pop(); d = stack[-arg]
                for k in v.keys():
                    if k in d: raise TypeError(f"got multiple values for keyword argument '{k}'")
                    d[k] = v[k]
            elif op == "UNPACK_SEQUENCE":
                items = list(stack.pop())
                if len(items) != arg:
                    raise ValueError(f"unpack: expected {arg}, got {len(items)}")
                stack.extend(reversed(items))
            elif op == "UNPACK_EX":
                before, after = arg & 0xFF, arg >> 8
                items = list(stack.pop())
                if len(items) < before + after:
                    raise ValueError("not enough values to unpack")
                mid = items[before:len(items) - after]
                stack.extend(reversed(items[:before] + [mid] + items[len(items) - after:]))
            elif op == "FORMAT_SIMPLE":
                v = stack.pop(); stack.append(v if type(v) is str else format(v))
            elif op == "FORMAT_WITH_SPEC":
                s = stack.pop(); v = stack.pop(); stack.append(format(v, s))
            elif op == "CONVERT_VALUE":
                stack.append([None, str, repr, ascii][arg](stack.pop()))
            elif op == "CALL":
                args = stack[len(stack) - arg:]; del stack[len(stack) - arg:]
                self_ = stack.pop(); func = stack.pop()
                if self_ is not NULL: args = [self_] + args
                stack.append(do_call(frame, func, args, {}))
            elif op == "CALL_KW":
                kwnames = stack.pop()
                args = stack[len(stack) - arg:]; del stack[len(stack) - arg:]
                self_ = stack.pop(); func = stack.pop()
                if self_ is not NULL: args = [self_] + args
                nk = len(kwnames)
                kw = dict(zip(kwnames, args[len(args) - nk:]))
                stack.append(do_call(frame, func, args[:len(args) - nk], kw))
            elif op == "CALL_FUNCTION_EX":
                kw = stack.pop(); args = stack.pop(); stack.pop(); func = stack.pop()
                stack.append(do_call(frame, func, tuple(args), {} if kw is NULL else kw))
            elif op == "MAKE_FUNCTION": stack.append(Function(stack.pop(), frame.globals))
            elif op == "SET_FUNCTION_ATTRIBUTE":
                f = stack.pop(); v = stack.pop()
                if arg == 1: f.defaults = v
                elif arg == 2: f.kwdefaults = v
                elif arg == 8: f.closure = v
                elif arg == 16: f.annotate = v
                stack.append(f)
            elif op == "RETURN_VALUE":
                return stack.pop()
            elif op == "LOAD_BUILD_CLASS": stack.append(build_class)
            elif op == "SETUP_ANNOTATIONS":
                if "__annotations__" not in frame.locals: frame.locals["__annotations__"] = {}
            elif op == "GET_ITER": stack.append(iter(stack.pop()))
            elif op == "FOR_ITER":
                try:
                    stack.append(next(stack[-1]))
                except StopIteration:
                    stack.pop(); pc = arg
            elif op == "GET_YIELD_FROM_ITER":
                v = stack.pop()
                stack.append(v if isinstance(v, (Generator, types.GeneratorType)) else iter(v))
            elif op == "YIELD_VALUE":
                v = stack.pop()
                try:
                    sent = yield v
                except BaseException as e:
                    stack.append(None)
                    raise e
                stack.append(sent)
            elif op == "SEND":
                v = stack.pop(); r = stack[-1]
                try:
                    stack.append(next(r) if v is None else r.send(v))
                except StopIteration as e:
                    stack.append(e.value); pc = arg
            elif op == "GET_AWAITABLE": stack.append(awaitable(stack.pop()))
            elif op == "GET_AITER": v = stack.pop(); stack.append(type(v).__aiter__(v))
            elif op == "GET_ANEXT": stack.append(awaitable(type(stack[-1]).__anext__(stack[-1])))
            elif op == "END_ASYNC_FOR":
                exc = stack.pop(); stack.pop()
                if not isinstance(exc, StopAsyncIteration):
                    raise exc
            elif op == "END_SEND":
                v = stack.pop(); stack.pop(); stack.append(v)
            elif op == "CLEANUP_THROW":
                exc = stack.pop(); stack.pop(); stack.pop()
                if isinstance(exc, StopIteration):
                    stack.append(None); stack.append(exc.value)
                else:
                    raise exc
            elif op in ("JUMP_FORWARD", "JUMP_BACKWARD", "JUMP_BACKWARD_NO_INTERRUPT"): pc = arg
            elif op == "POP_JUMP_IF_FALSE":
                if not stack.pop(): pc = arg
            elif op == "POP_JUMP_IF_TRUE":
                if stack.pop(): pc = arg
            elif op == "POP_JUMP_IF_NONE":
                if stack.pop() is None: pc = arg
            elif op == "POP_JUMP_IF_NOT_NONE":
                if stack.pop() is not None: pc = arg
            elif op == "RAISE_VARARGS":
                if arg == 0:
                    if handled[-1] is None: raise RuntimeError("No active exception to reraise")
                    raise handled[-1]
                cause = stack.pop() if arg == 2 else NULL
                exc = stack.pop()
                if isinstance(exc, type): exc = exc()
                if cause is not NULL:
                    if isinstance(cause, type): cause = cause()
                    exc.__cause__ = cause
                if handled[-1] is not None and handled[-1] is not exc:
                    exc.__context__ = handled[-1]
                raise exc
            elif op == "RERAISE":
                # `lasti` (below) only fixes the traceback's line; the handler is the one
                # covering this RERAISE.
                raise stack.pop()
            elif op == "PUSH_EXC_INFO":
                exc = stack.pop(); stack.append(handled[-1]); stack.append(exc); handled[-1] = exc
            elif op == "POP_EXCEPT": handled[-1] = stack.pop()
            elif op == "CHECK_EXC_MATCH":
                t = stack.pop(); stack.append(isinstance(stack[-1], t))
            elif op == "WITH_EXCEPT_START":
                exc = stack[-1]; self_ = stack[-4]; ex = stack[-5]
                args = (type(exc), exc, exc.__traceback__)
                stack.append(ex(*args) if self_ is NULL else ex(self_, *args))
            elif op == "IMPORT_NAME":
                fromlist = stack.pop(); level = stack.pop()
                stack.append(__import__(names[arg], frame.globals, frame.locals, fromlist, level))
            elif op == "IMPORT_FROM":
                mod = stack[-1]
                try:
                    stack.append(getattr(mod, names[arg]))
                except AttributeError:
                    full = f"{getattr(mod, '__name__', '?')}.{names[arg]}"
                    if full in sys.modules:
                        stack.append(sys.modules[full])
                    else:
                        raise ImportError(f"cannot import name '{names[arg]}' from '{getattr(mod, '__name__', '?')}' ({getattr(mod, '__file__', 'unknown location')})") from None
            else:
                raise SystemError(f"unknown opcode {op}")
        except BaseException as e:
            at = pc - 1
            for (start, end, target, depth, lasti) in code.exc:
                if start <= at < end:
                    del stack[depth:]
                    if lasti: stack.append(at)
                    stack.append(e)
                    pc = target
                    break
            else:
                if isinstance(e, StopIteration):
                    # A Python generator (this loop) may not raise StopIteration.
                    raise Escape(e)
                raise


class Escape(Exception):
    pass


def main():
    data = sys.stdin.read().split("\0")
    out = []
    import io, contextlib
    for item in data:
        buf = io.StringIO()
        name, package, modes = "__main__", None, ""
        if item.startswith("#module "):
            header, _, item = item.partition("\n")
            _, name, package, modes = header.split(" ")
            package = None if package == "-" else package
        g = {"__name__": name, "__package__": package, "__builtins__": builtins}
        with contextlib.redirect_stdout(buf):
            try:
                code = Code(ast.literal_eval(item))
                run(Frame(code, g, g, ()))
                if "s" in modes:
                    summary(g)
            except BaseException as e:
                print(f"{type(e).__name__}: {e}")
        out.append(buf.getvalue())
    sys.stdout.write("\0".join(out))


if __name__ == "__main__":
    main()
"##;

/// Prints a module namespace: names, kinds, and the attributes of classes defined in it
/// (identical for CPython's objects and the model's).
pub const SUMMARY: &str = r##"
def summary(g):
    """The module's names, kinds, and class attributes (for module-body comparisons)."""
    def kind(v):
        t = type(v).__name__
        return {"Function": "function", "Generator": "generator", "MethodType": "method"}.get(t, t)
    lines = []
    for k in sorted(g):
        if k.startswith("__") or k == "summary":
            continue
        v = g[k]
        line = f"{k}: {kind(v)}"
        if isinstance(v, type) and v.__module__ in (g.get("__name__"), "__main__"):
            attrs = sorted(a for a in vars(v) if a not in ("__dict__", "__weakref__", "__annotate_func__", "__annotate__", "__annotations_cache__"))
            line += " " + " ".join(f"{a}={kind(vars(v)[a])}" for a in attrs)
        lines.append(line)
    print("\n".join(lines))


"##;

/// The model interpreter's whole script.
pub fn model_vm() -> String {
    format!("{SUMMARY}\n{MODEL_VM}")
}
