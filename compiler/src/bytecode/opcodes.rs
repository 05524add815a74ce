//! The instruction set, declared once: every opcode with its doc line, argument kind, stack effect
//! and control flow. Mirrors CPython 3.14's `Python/bytecodes.c` and the `dis` documentation
//! (https://docs.python.org/3.14/library/dis.html#python-bytecode-instructions), simplified where
//! specialization, inline caches and tracing do not change semantics (see docs/design/0003).
//!
//! Stack notation in the docs: `STACK[-1]` is the top. `pops => pushes` counts may use the
//! argument; `Branch`/`Jump` opcodes give the effect on the jump edge in parentheses when it
//! differs from the fall-through edge. Jump arguments are absolute instruction indices.

/// How an instruction's argument is read (what the disassembler prints beside it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// The argument is unused (always 0).
    None,
    /// A plain count or flag.
    Int,
    /// An index into `consts`.
    Const,
    /// An index into `names`.
    Name,
    /// `names[arg >> 1]`; bit 0 set: also push NULL (`LOAD_GLOBAL`).
    Global,
    /// `names[arg >> 1]`; bit 0 set: method load pushing `(method, self)` or `(attr, NULL)`.
    Attr,
    /// An index into the fast locals (`varnames` first: see `CodeObject::localsplus_name`).
    Local,
    /// An index into the fast locals naming a cell or free variable slot.
    Deref,
    /// An absolute instruction index.
    Jump,
    /// A `BINARY_OP` operator (`BINARY_OPS`).
    BinOp,
    /// A rich comparison (`COMPARE_OPS`).
    Cmp,
    /// 0: the plain test, 1: inverted (`is not`, `not in`).
    Invert,
    /// A `CALL_INTRINSIC_1` function (`INTRINSICS_1`).
    Intrinsic1,
    /// A `CALL_INTRINSIC_2` function (`INTRINSICS_2`).
    Intrinsic2,
    /// A `CONVERT_VALUE` conversion (1 `str`, 2 `repr`, 3 `ascii`).
    Convert,
    /// A `SET_FUNCTION_ATTRIBUTE` flag (`FUNCTION_ATTRIBUTES`).
    FuncAttr,
    /// A `LOAD_SPECIAL` method (`SPECIAL_METHODS`).
    Special,
    /// A `LOAD_COMMON_CONSTANT` value (`COMMON_CONSTANTS`).
    Common,
    /// `UNPACK_EX`: targets before the star in the low byte, after it in the rest.
    UnpackEx,
}

/// Where control goes after an instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// Falls through to the next instruction.
    Next,
    /// Always jumps to its target.
    Jump,
    /// Falls through or jumps to its target.
    Branch,
    /// Leaves the frame (return or raise): no successor.
    Exit,
    /// Pseudo: starts an exception-table region whose handler is the target. The jump-edge
    /// effect `(p => q)` describes the handler entry: the stack is cut to the depth here minus
    /// `p`, then `q - 1` (0 or 1) lasti value(s) and the exception are pushed.
    Setup,
    /// Pseudo: ends the innermost region started by a `Setup`.
    PopBlock,
}

/// Values popped and pushed by one instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StackEffect {
    pub pops: u32,
    pub pushes: u32,
}

macro_rules! opcodes {
    ($(
        $(#[doc = $doc:literal])+
        $name:ident ($arg:tt : $kind:ident) $pops:expr => $pushes:expr, $flow:ident
            $(($jpops:expr => $jpushes:expr))?;
    )*) => {
        /// A bytecode operation. The discriminant is the encoded byte.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Opcode {
            $( $(#[doc = $doc])+ $name, )*
        }

        impl Opcode {
            /// Every opcode, in encoding order.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name),*];

            /// The opcode's name as `dis` prints it.
            pub fn name(self) -> &'static str {
                match self { $(Opcode::$name => stringify!($name),)* }
            }

            /// The opcode's documentation line(s).
            pub fn doc(self) -> &'static str {
                match self { $(Opcode::$name => concat!($($doc),+),)* }
            }

            pub fn arg_kind(self) -> ArgKind {
                match self { $(Opcode::$name => ArgKind::$kind,)* }
            }

            pub fn flow(self) -> Flow {
                match self { $(Opcode::$name => Flow::$flow,)* }
            }

            /// The effect on the fall-through edge.
            #[allow(unused_variables, clippy::identity_op)]
            pub fn stack_effect(self, arg: u32) -> StackEffect {
                match self {
                    $(Opcode::$name => {
                        let $arg = arg;
                        StackEffect { pops: $pops, pushes: $pushes }
                    })*
                }
            }

            /// The effect on the jump edge (the fall-through effect unless the table says
            /// otherwise).
            #[allow(unused_variables, clippy::identity_op)]
            pub fn jump_effect(self, arg: u32) -> StackEffect {
                match self {
                    $(Opcode::$name => {
                        let $arg = arg;
                        opcodes!(@jump ($pops => $pushes) $(($jpops => $jpushes))?)
                    })*
                }
            }

            /// Decodes an opcode byte.
            pub fn from_u8(byte: u8) -> Option<Opcode> {
                Opcode::ALL.get(byte as usize).copied()
            }
        }
    };
    (@jump ($p:expr => $q:expr)) => { StackEffect { pops: $p, pushes: $q } };
    (@jump ($p:expr => $q:expr) ($jp:expr => $jq:expr)) => { StackEffect { pops: $jp, pushes: $jq } };
}

opcodes! {
    // ---- stack manipulation ----
    /// Does nothing (keeps a line number alive).
    NOP(_: None) 0 => 0, Next;
    /// Removes `STACK[-1]`.
    POP_TOP(_: None) 1 => 0, Next;
    /// Pushes NULL: the empty `self_or_null` slot of a call, or an absent `**kwargs`.
    PUSH_NULL(_: None) 0 => 1, Next;
    /// Pushes a copy of `STACK[-i]` (`i >= 1`).
    COPY(i: Int) i => i + 1, Next;
    /// Swaps `STACK[-1]` and `STACK[-i]` (`i >= 2`).
    SWAP(i: Int) i => i, Next;

    // ---- loads and stores ----
    /// Pushes `consts[arg]`.
    LOAD_CONST(_: Const) 0 => 1, Next;
    /// Pushes the int `arg` (0..=255).
    LOAD_SMALL_INT(_: Int) 0 => 1, Next;
    /// Pushes a builtin the compiler needs (`AssertionError`, `NotImplementedError`, ...).
    LOAD_COMMON_CONSTANT(_: Common) 0 => 1, Next;
    /// Pushes `names[arg]` looked up in locals, then globals, then builtins (`NameError`).
    LOAD_NAME(_: Name) 0 => 1, Next;
    /// `locals[names[arg]] = STACK.pop()`.
    STORE_NAME(_: Name) 1 => 0, Next;
    /// `del locals[names[arg]]` (`NameError` when absent).
    DELETE_NAME(_: Name) 0 => 0, Next;
    /// Pushes global or builtin `names[arg >> 1]`, then NULL when bit 0 is set.
    LOAD_GLOBAL(a: Global) 0 => 1 + (a & 1), Next;
    /// `globals[names[arg]] = STACK.pop()`.
    STORE_GLOBAL(_: Name) 1 => 0, Next;
    /// `del globals[names[arg]]`.
    DELETE_GLOBAL(_: Name) 0 => 0, Next;
    /// Pushes fast local `arg` (`UnboundLocalError` when unbound).
    LOAD_FAST(_: Local) 0 => 1, Next;
    /// Pushes fast local `arg`, or NULL when unbound, and unbinds it (inlined comprehensions).
    LOAD_FAST_AND_CLEAR(_: Local) 0 => 1, Next;
    /// Pops into fast local `arg`; a NULL value unbinds it.
    STORE_FAST(_: Local) 1 => 0, Next;
    /// Unbinds fast local `arg` (`UnboundLocalError` when unbound).
    DELETE_FAST(_: Local) 0 => 0, Next;
    /// Replaces slot `arg` by a new cell holding its current value (or an empty cell).
    MAKE_CELL(_: Deref) 0 => 0, Next;
    /// Copies the function's closure tuple into the last `arg` slots (the free variables).
    COPY_FREE_VARS(_: Int) 0 => 0, Next;
    /// Pushes the cell object in slot `arg` itself (to build a closure tuple).
    LOAD_CLOSURE(_: Deref) 0 => 1, Next;
    /// Pushes the contents of the cell in slot `arg` (`NameError`/`UnboundLocalError` if empty).
    LOAD_DEREF(_: Deref) 0 => 1, Next;
    /// Pops into the cell in slot `arg`.
    STORE_DEREF(_: Deref) 1 => 0, Next;
    /// Empties the cell in slot `arg`.
    DELETE_DEREF(_: Deref) 0 => 0, Next;
    /// Pops a mapping; pushes `mapping[name]` for the cell/free variable in slot `arg` if the
    /// key is present, else that cell's contents.
    LOAD_FROM_DICT_OR_DEREF(_: Deref) 1 => 1, Next;
    /// Pops a mapping; pushes `mapping[names[arg]]` if present, else the global or builtin.
    LOAD_FROM_DICT_OR_GLOBALS(_: Name) 1 => 1, Next;
    /// Pushes the locals mapping (a class body's namespace).
    LOAD_LOCALS(_: None) 0 => 1, Next;

    // ---- attributes and subscripts ----
    /// Replaces `STACK[-1]` by `getattr(STACK[-1], names[arg >> 1])`; with bit 0 set pushes
    /// `(unbound method, self)` when the attribute is a plain method, else `(attr, NULL)`.
    LOAD_ATTR(a: Attr) 1 => 1 + (a & 1), Next;
    /// `STACK[-1].name = STACK[-2]` (both popped).
    STORE_ATTR(_: Name) 2 => 0, Next;
    /// `del STACK.pop().name`.
    DELETE_ATTR(_: Name) 1 => 0, Next;
    /// `STACK[-2][STACK[-1]] = STACK[-3]` (all popped).
    STORE_SUBSCR(_: None) 3 => 0, Next;
    /// `del STACK[-2][STACK[-1]]` (both popped).
    DELETE_SUBSCR(_: None) 2 => 0, Next;
    /// Pops `end`, `start`, `container`; pushes `container[start:end]`.
    BINARY_SLICE(_: None) 3 => 1, Next;
    /// Pops `end`, `start`, `container`, `value`; `container[start:end] = value`.
    STORE_SLICE(_: None) 4 => 0, Next;
    /// Pops 2 or 3 values (`start, stop[, step]`); pushes `slice(...)`.
    BUILD_SLICE(n: Int) n => 1, Next;
    /// Pops `owner`; pushes the special method `arg` looked up on its type, then `owner`
    /// (`TypeError` when missing: the `with` protocol).
    LOAD_SPECIAL(_: Special) 1 => 2, Next;

    // ---- operators ----
    /// `STACK[-1] = -STACK[-1]`.
    UNARY_NEGATIVE(_: None) 1 => 1, Next;
    /// `STACK[-1] = not STACK[-1]` (truth-tests its operand).
    UNARY_NOT(_: None) 1 => 1, Next;
    /// `STACK[-1] = ~STACK[-1]`.
    UNARY_INVERT(_: None) 1 => 1, Next;
    /// Pops `rhs`, `lhs`; pushes `lhs OP rhs` for operator `arg` (13..=25 in place, 26 `[]`).
    BINARY_OP(_: BinOp) 2 => 1, Next;
    /// Pops `rhs`, `lhs`; pushes the rich comparison `arg` of them.
    COMPARE_OP(_: Cmp) 2 => 1, Next;
    /// Pops `rhs`, `lhs`; pushes `lhs is rhs` (`is not` when `arg` is 1).
    IS_OP(_: Invert) 2 => 1, Next;
    /// Pops `rhs`, `lhs`; pushes `lhs in rhs` (`not in` when `arg` is 1).
    CONTAINS_OP(_: Invert) 2 => 1, Next;
    /// `STACK[-1] = intrinsic(STACK[-1])` for the one-argument intrinsic `arg`.
    CALL_INTRINSIC_1(_: Intrinsic1) 1 => 1, Next;
    /// Pops `v1`, `v2`; pushes `intrinsic(v2, v1)` for the two-argument intrinsic `arg`.
    CALL_INTRINSIC_2(_: Intrinsic2) 2 => 1, Next;

    // ---- building values ----
    /// Pops `n` values; pushes a tuple of them (first pushed first).
    BUILD_TUPLE(n: Int) n => 1, Next;
    /// Pops `n` values; pushes a list of them.
    BUILD_LIST(n: Int) n => 1, Next;
    /// Pops `n` values; pushes a set of them.
    BUILD_SET(n: Int) n => 1, Next;
    /// Pops `n` key/value pairs (key pushed first); pushes a dict (later keys win).
    BUILD_MAP(n: Int) 2 * n => 1, Next;
    /// Pops `n` strings; pushes their concatenation.
    BUILD_STRING(n: Int) n => 1, Next;
    /// Pops `v`; `list.append(STACK[-i], v)`.
    LIST_APPEND(_: Int) 1 => 0, Next;
    /// Pops `v`; `set.add(STACK[-i], v)`.
    SET_ADD(_: Int) 1 => 0, Next;
    /// Pops `value`, `key`; `dict.__setitem__(STACK[-i], key, value)`.
    MAP_ADD(_: Int) 2 => 0, Next;
    /// Pops an iterable; `list.extend(STACK[-i], iterable)`.
    LIST_EXTEND(_: Int) 1 => 0, Next;
    /// Pops an iterable; `set.update(STACK[-i], iterable)`.
    SET_UPDATE(_: Int) 1 => 0, Next;
    /// Pops a mapping; `dict.update(STACK[-i], mapping)` (`{**m}`).
    DICT_UPDATE(_: Int) 1 => 0, Next;
    /// Pops a mapping; like `DICT_UPDATE` but raises on duplicate keys (`f(**m)`).
    DICT_MERGE(_: Int) 1 => 0, Next;
    /// Pops a sequence; pushes its `n` items, last item first (`ValueError` on a length mismatch).
    UNPACK_SEQUENCE(n: Int) 1 => n, Next;
    /// Pops an iterable; pushes `after` items, a list of the middle, then `before` items
    /// (the first item on top).
    UNPACK_EX(a: UnpackEx) 1 => (a & 0xFF) + (a >> 8) + 1, Next;
    /// `STACK[-1] = format(STACK[-1])` (left alone when already a `str`).
    FORMAT_SIMPLE(_: None) 1 => 1, Next;
    /// Pops `spec`, `value`; pushes `format(value, spec)`.
    FORMAT_WITH_SPEC(_: None) 2 => 1, Next;
    /// `STACK[-1] = str/repr/ascii(STACK[-1])` for conversion `arg` (`!s`, `!r`, `!a`).
    CONVERT_VALUE(_: Convert) 1 => 1, Next;
    /// Pops `format_spec` (when bit 0 of `arg` is set), `expression`, `value`; pushes a
    /// `string.templatelib.Interpolation` with conversion `arg >> 2` (0 none, 1 `s`, 2 `r`,
    /// 3 `a`).
    BUILD_INTERPOLATION(a: Int) 2 + (a & 1) => 1, Next;
    /// Pops `interpolations`, `strings` (tuples); pushes a `string.templatelib.Template`.
    BUILD_TEMPLATE(_: None) 2 => 1, Next;

    // ---- calls and functions ----
    /// Stack: `callable, self_or_null, arg1..argN`; pushes the result of calling `callable`
    /// with `self` (when not NULL) prepended to the `n` arguments.
    CALL(n: Int) 2 + n => 1, Next;
    /// Like `CALL`, with a tuple of keyword names on top naming the last arguments.
    CALL_KW(n: Int) 3 + n => 1, Next;
    /// Stack: `callable, NULL, args, kwargs dict or NULL`; pushes `callable(*args, **kwargs)`.
    /// `args` is a tuple, or any iterable when it comes from a lone `*arg`.
    CALL_FUNCTION_EX(_: None) 4 => 1, Next;
    /// Pops a code object; pushes a new function with the current globals.
    MAKE_FUNCTION(_: None) 1 => 1, Next;
    /// Pops `func`, `value`; sets the attribute `arg` of `func` to `value`; pushes `func`.
    SET_FUNCTION_ATTRIBUTE(_: FuncAttr) 2 => 1, Next;
    /// Pops the return value and leaves the frame.
    RETURN_VALUE(_: None) 1 => 0, Exit;
    /// Pushes `builtins.__build_class__`.
    LOAD_BUILD_CLASS(_: None) 0 => 1, Next;
    /// Creates `__annotations__` in the locals when missing (module and class bodies under
    /// `from __future__ import annotations`).
    SETUP_ANNOTATIONS(_: None) 0 => 0, Next;

    // ---- iteration and generators ----
    /// `STACK[-1] = iter(STACK[-1])`.
    GET_ITER(_: None) 1 => 1, Next;
    /// Pushes `next(STACK[-1])`; when the iterator is exhausted pops it and jumps to `arg`.
    FOR_ITER(_: Jump) 1 => 2, Branch (1 => 0);
    /// `STACK[-1] = iter(STACK[-1])` unless it is a generator (`yield from`).
    GET_YIELD_FROM_ITER(_: None) 1 => 1, Next;
    /// Pops a value and suspends the generator, yielding it; on resumption pushes the value
    /// sent in. Argument 1 marks the yield of a `yield from` loop, whose sub-iterator is then
    /// `STACK[-1]`: `throw()` and `close()` are delegated to it.
    YIELD_VALUE(_: Int) 1 => 1, Next;
    /// Stack: `receiver, value`; sends `value` to `receiver` (`next` when it is None) and
    /// replaces `value` by the result; when the receiver returns, replaces `value` by the
    /// return value and jumps to `arg`.
    SEND(_: Jump) 2 => 2, Branch;
    /// Pops `value`, `receiver`; pushes `value`.
    END_SEND(_: None) 2 => 1, Next;
    /// Stack: `sub_iter, last_sent, exc`; if `exc` is a `StopIteration` replaces the three by
    /// `None, exc.value`, else re-raises `exc`.
    CLEANUP_THROW(_: None) 3 => 2, Next;

    // ---- coroutines and asynchronous iteration ----
    /// `STACK[-1] = awaitable iterator of STACK[-1]`: a coroutine itself, else the iterator
    /// its type's `__await__()` returns. `arg` names the source for the error message:
    /// 0 `await`, 1 the `__aenter__` of `async with`, 2 its `__aexit__`.
    GET_AWAITABLE(_: Int) 1 => 1, Next;
    /// `STACK[-1] = type(STACK[-1]).__aiter__(STACK[-1])`, which must have `__anext__`
    /// (`async for`).
    GET_AITER(_: None) 1 => 1, Next;
    /// Pushes the awaitable of `STACK[-1].__anext__()` (the async iterator is kept).
    GET_ANEXT(_: None) 1 => 2, Next;
    /// Stack: `aiter, exc`; ends an `async for` loop: pops both when `exc` is a
    /// `StopAsyncIteration`, else re-raises `exc`.
    END_ASYNC_FOR(_: None) 2 => 0, Next;

    // ---- jumps ----
    /// Jumps forward to `arg`.
    JUMP_FORWARD(_: Jump) 0 => 0, Jump;
    /// Jumps backward to `arg` (a safepoint: may run the GC or raise `KeyboardInterrupt`).
    JUMP_BACKWARD(_: Jump) 0 => 0, Jump;
    /// Jumps backward to `arg` without a safepoint (`yield from` loops, handler exits).
    JUMP_BACKWARD_NO_INTERRUPT(_: Jump) 0 => 0, Jump;
    /// Pops `STACK[-1]`; jumps to `arg` when it is false (truth-tested).
    POP_JUMP_IF_FALSE(_: Jump) 1 => 0, Branch;
    /// Pops `STACK[-1]`; jumps to `arg` when it is true (truth-tested).
    POP_JUMP_IF_TRUE(_: Jump) 1 => 0, Branch;
    /// Pops `STACK[-1]`; jumps to `arg` when it is None.
    POP_JUMP_IF_NONE(_: Jump) 1 => 0, Branch;
    /// Pops `STACK[-1]`; jumps to `arg` when it is not None.
    POP_JUMP_IF_NOT_NONE(_: Jump) 1 => 0, Branch;

    // ---- exceptions ----
    /// `raise` (0), `raise STACK[-1]` (1) or `raise STACK[-2] from STACK[-1]` (2).
    RAISE_VARARGS(n: Int) n => 0, Exit;
    /// Re-raises `STACK[-1]`. With a nonzero `arg`, the int in `STACK[-1 - arg]` (a lasti) is
    /// the instruction the traceback names; the handler is still looked up from this RERAISE.
    RERAISE(n: Int) 1 + n => 0, Exit;
    /// Pops `exc`; pushes the current handled exception (or None), then `exc`, which becomes
    /// the handled exception (`sys.exception()`).
    PUSH_EXC_INFO(_: None) 1 => 2, Next;
    /// Pops a value and restores it as the handled exception.
    POP_EXCEPT(_: None) 1 => 0, Next;
    /// Pops a type (or tuple of types) and pushes whether `STACK[-1]` (the exception, kept)
    /// matches it (`TypeError` for non-exception classes).
    CHECK_EXC_MATCH(_: None) 2 => 2, Next;
    /// Stack: `exit, self, lasti, prev_exc, exc`; pushes `exit(self, type(exc), exc,
    /// exc.__traceback__)` (`self` omitted when NULL).
    WITH_EXCEPT_START(_: None) 5 => 6, Next;

    // ---- imports ----
    /// Pops `fromlist`, `level`; pushes `__import__(names[arg], globals, locals, fromlist, level)`.
    IMPORT_NAME(_: Name) 2 => 1, Next;
    /// Pushes attribute `names[arg]` of the module `STACK[-1]` (kept), falling back to the
    /// submodule in `sys.modules` (`ImportError` when missing).
    IMPORT_FROM(_: Name) 1 => 2, Next;

    // ---- pattern matching (`match` statements) ----
    /// Pushes whether `STACK[-1]` (kept) is a sequence to `match` (list, tuple, range and their
    /// subclasses; never str, bytes or bytearray).
    MATCH_SEQUENCE(_: None) 1 => 2, Next;
    /// Pushes whether `STACK[-1]` (kept) is a mapping to `match` (a dict or dict subclass).
    MATCH_MAPPING(_: None) 1 => 2, Next;
    /// Pushes `len(STACK[-1])` (kept).
    GET_LEN(_: None) 1 => 2, Next;
    /// With `subject, keys` (kept), pushes the tuple of the subject's values for the keys, or
    /// None when one is missing.
    MATCH_KEYS(_: None) 2 => 3, Next;
    /// Pops `subject, cls, names`; pushes the tuple of `arg` positional sub-pattern values then
    /// the attributes `names` when the subject is an instance of `cls` that has them, else None.
    MATCH_CLASS(_: Int) 3 => 1, Next;

    // ---- pseudo-instructions: only inside the compiler, never in a `CodeObject` ----
    /// Pseudo: protects what follows until the matching `POP_BLOCK`; the handler `arg` gets the
    /// exception alone (`try` bodies).
    SETUP_FINALLY(_: Jump) 0 => 0, Setup (0 => 1);
    /// Pseudo: like `SETUP_FINALLY`, the handler also gets the raising instruction (lasti).
    SETUP_CLEANUP(_: Jump) 0 => 0, Setup (0 => 2);
    /// Pseudo: like `SETUP_CLEANUP`, excluding the `__enter__` result on top from the depth.
    SETUP_WITH(_: Jump) 0 => 0, Setup (1 => 2);
    /// Pseudo: ends the innermost `SETUP_*` region.
    POP_BLOCK(_: None) 0 => 0, PopBlock;
}

impl Opcode {
    /// Whether the opcode only exists inside the compiler.
    pub fn is_pseudo(self) -> bool {
        matches!(self.flow(), Flow::Setup | Flow::PopBlock)
    }

    /// Whether the argument is an instruction index.
    pub fn is_jump(self) -> bool {
        self.arg_kind() == ArgKind::Jump
    }
}

/// `BINARY_OP` operators, by argument (CPython's `NB_*` numbering).
pub const BINARY_OPS: [&str; 27] = [
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^", "+=", "&=", "//=", "<<=",
    "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=", "[]",
];

/// `BINARY_OP` argument of subscription (`container[key]`).
pub const NB_SUBSCR: u32 = 26;
/// Offset from a binary operator to its in-place form.
pub const NB_INPLACE: u32 = 13;

/// `COMPARE_OP` operators, by argument (CPython's `Py_LT`..`Py_GE`).
pub const COMPARE_OPS: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// `CALL_INTRINSIC_1` functions, by argument (CPython's numbering; unused ones are listed so the
/// numbers stay CPython's).
pub const INTRINSICS_1: [&str; 12] = [
    "INTRINSIC_1_INVALID",
    "INTRINSIC_PRINT",
    "INTRINSIC_IMPORT_STAR",
    "INTRINSIC_STOPITERATION_ERROR",
    "INTRINSIC_ASYNC_GEN_WRAP",
    "INTRINSIC_UNARY_POSITIVE",
    "INTRINSIC_LIST_TO_TUPLE",
    "INTRINSIC_TYPEVAR",
    "INTRINSIC_PARAMSPEC",
    "INTRINSIC_TYPEVARTUPLE",
    "INTRINSIC_SUBSCRIPT_GENERIC",
    "INTRINSIC_TYPEALIAS",
];

/// `TypeVar(name)` (PEP 695).
pub const INTRINSIC_TYPEVAR: u32 = 7;
/// `ParamSpec(name)`.
pub const INTRINSIC_PARAMSPEC: u32 = 8;
/// `TypeVarTuple(name)`.
pub const INTRINSIC_TYPEVARTUPLE: u32 = 9;
/// `Generic[*params]`, the base a generic class gets.
pub const INTRINSIC_SUBSCRIPT_GENERIC: u32 = 10;
/// `TypeAliasType` from `(name, type_params, evaluate_value)`.
pub const INTRINSIC_TYPEALIAS: u32 = 11;

/// `CALL_INTRINSIC_2` functions, by argument (CPython's numbering).
pub const INTRINSICS_2: [&str; 6] = [
    "INTRINSIC_2_INVALID",
    "INTRINSIC_PREP_RERAISE_STAR",
    "INTRINSIC_TYPEVAR_WITH_BOUND",
    "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS",
    "INTRINSIC_SET_FUNCTION_TYPE_PARAMS",
    "INTRINSIC_SET_TYPEPARAM_DEFAULT",
];

/// `TypeVar(name)` with its lazily evaluated bound (`(name, evaluate_bound)`).
pub const INTRINSIC_TYPEVAR_WITH_BOUND: u32 = 2;
/// `TypeVar(name)` with lazily evaluated constraints.
pub const INTRINSIC_TYPEVAR_WITH_CONSTRAINTS: u32 = 3;
/// `(function, type_params)`: sets `function.__type_params__`, pushes the function.
pub const INTRINSIC_SET_FUNCTION_TYPE_PARAMS: u32 = 4;
/// `(type_param, evaluate_default)`: gives the parameter its lazily evaluated default.
pub const INTRINSIC_SET_TYPEPARAM_DEFAULT: u32 = 5;

/// `from module import *` into the current locals; pushes None.
pub const INTRINSIC_IMPORT_STAR: u32 = 2;
/// Turns a `StopIteration` escaping a generator into `RuntimeError` (PEP 479).
pub const INTRINSIC_STOPITERATION_ERROR: u32 = 3;
/// Marks a value yielded by an async generator itself (not by an `await` inside it).
pub const INTRINSIC_ASYNC_GEN_WRAP: u32 = 4;
/// Unary `+`.
pub const INTRINSIC_UNARY_POSITIVE: u32 = 5;
/// `tuple(list)`.
pub const INTRINSIC_LIST_TO_TUPLE: u32 = 6;

/// `CONVERT_VALUE` conversions, by argument.
pub const CONVERSIONS: [&str; 4] = ["", "str", "repr", "ascii"];

/// `SET_FUNCTION_ATTRIBUTE` flags (one per instruction).
pub const FUNCTION_ATTRIBUTES: [(u32, &str); 5] = [
    (1, "defaults"),
    (2, "kwdefaults"),
    (4, "annotations"),
    (8, "closure"),
    (16, "annotate"),
];
pub const FN_DEFAULTS: u32 = 1;
pub const FN_KWDEFAULTS: u32 = 2;
pub const FN_CLOSURE: u32 = 8;
pub const FN_ANNOTATE: u32 = 16;

/// `LOAD_SPECIAL` methods, by argument.
pub const SPECIAL_METHODS: [&str; 4] = ["__enter__", "__exit__", "__aenter__", "__aexit__"];

/// `LOAD_COMMON_CONSTANT` values, by argument.
pub const COMMON_CONSTANTS: [&str; 7] = [
    "AssertionError",
    "NotImplementedError",
    "builtins.tuple",
    "builtins.all",
    "builtins.any",
    "builtins.list",
    "builtins.set",
];
pub const COMMON_ASSERTION_ERROR: u32 = 0;
pub const COMMON_NOT_IMPLEMENTED_ERROR: u32 = 1;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_consistent() {
        assert!(Opcode::ALL.len() < 256);
        for (i, &op) in Opcode::ALL.iter().enumerate() {
            assert_eq!(op as usize, i);
            assert_eq!(Opcode::from_u8(i as u8), Some(op));
            assert!(!op.doc().is_empty(), "{} has no doc", op.name());
            let branches = matches!(op.flow(), Flow::Jump | Flow::Branch | Flow::Setup);
            assert_eq!(
                op.is_jump(),
                branches,
                "{}: jump argument and flow disagree",
                op.name()
            );
        }
    }

    #[test]
    fn effects_follow_the_argument() {
        assert_eq!(
            Opcode::CALL.stack_effect(3),
            StackEffect { pops: 5, pushes: 1 }
        );
        assert_eq!(Opcode::LOAD_GLOBAL.stack_effect(5).pushes, 2);
        assert_eq!(Opcode::UNPACK_EX.stack_effect(1 | (2 << 8)).pushes, 4);
        assert_eq!(
            Opcode::FOR_ITER.jump_effect(0),
            StackEffect { pops: 1, pushes: 0 }
        );
        assert_eq!(
            Opcode::FOR_ITER.stack_effect(0),
            StackEffect { pops: 1, pushes: 2 }
        );
        assert_eq!(
            Opcode::SETUP_WITH.jump_effect(0),
            StackEffect { pops: 1, pushes: 2 }
        );
    }
}
