//! Runs protopy's bytecode and compares what it prints with CPython 3.14 running the same
//! source. The bytecode is executed by a model interpreter, written in Python and run by the
//! reference interpreter (so builtins and objects are CPython's), that follows the opcode
//! semantics documented in `bytecode/opcodes.rs`: it checks that the code generator's output
//! means what the source means, before protopy's own interpreter exists. Skipped without a
//! reference interpreter (`PROTOPY_REFERENCE`, the cache of `cargo xtask reference`, or
//! /tmp/ref/pyw).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod codegen_support;

use codegen_support::model_vm::{literal, model_vm, SUMMARY};
use codegen_support::{reference, run_reference, stdlib};

/// Runs each source directly, with the model interpreter's conventions (a `#module NAME
/// PACKAGE MODES` header line sets the module's name and package; mode `s` prints a summary).
const DIRECT: &str = r##"
import sys, io, contextlib, builtins
out = []
for src in sys.stdin.read().split("\0"):
    buf = io.StringIO()
    name, package, modes = "__main__", None, ""
    if src.startswith("#module "):
        header = src.partition("\n")[0]
        _, name, package, modes = header.split(" ")
        package = None if package == "-" else package
    g = {"__name__": name, "__package__": package, "__builtins__": builtins}
    with contextlib.redirect_stdout(buf):
        try:
            exec(compile(src, "<s>", "exec"), g)
            if "s" in modes:
                summary(g)
        except BaseException as e:
            print(f"{type(e).__name__}: {e}")
    out.append(buf.getvalue())
sys.stdout.write("\0".join(out))
"##;

fn direct() -> String {
    format!("{SUMMARY}\n{DIRECT}")
}

#[test]
fn programs_behave_as_in_cpython() {
    let Some(python) = reference() else {
        eprintln!("no reference interpreter: skipped");
        return;
    };
    let sources: Vec<String> = PROGRAMS.iter().map(|(_, src)| src.to_string()).collect();
    let codes: Vec<String> = sources
        .iter()
        .map(|src| {
            literal(&protopy_compiler::compile_module(src, "<s>").expect("the program compiles"))
        })
        .collect();
    let expected = run_reference(&python, &direct(), &sources);
    let got = run_reference(&python, &model_vm(), &codes);
    let mut failures = Vec::new();
    for (((name, _), want), got) in PROGRAMS.iter().zip(&expected).zip(&got) {
        if want != got {
            failures.push(format!(
                "--- {name}\n    CPython:\n{want}\n    protopy bytecode:\n{got}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

const PROGRAMS: &[(&str, &str)] = &[
    (
        "p01_basics",
        r#"a, *b, c = range(6)
print(a, b, c)
x = [1, 2, 3, 4, 5]
x[1:3] = ['a']
x[0] += 10
x[-2:] += [9]
print(x, x[::2], x[1:], x[:2])
d = {'k': 1, **{'j': 2}, 'k': 3}
print(d, {*x, 1}, (*x, 0), [*'ab', *'cd'])
class O: pass
o = O(); o.v = 1; o.v *= 7; print(o.v)
del x[0], o.v
print(x, hasattr(o, 'v'))
print(1 < 2 < 3, 1 < 3 < 2, 1 == 1 != 2, 'a' in 'abc' not in ['x'])
print(not 0, -3, +4, ~5, 2 ** 3 ** 2, 7 // 2, 7 % 3, 7 / 2, 1 << 4, 256 >> 2, 6 & 3, 6 | 3, 6 ^ 3)
print(0 or 'x', 1 and 2, None or [] or 'z', 1 if 0 else 2)
print(f"{3.14159:.2f}|{'s'!r}|{10:>{4}}|{x=}|{'a' 'b'}")
(n := 5); print(n, [m := i for i in range(3)], m)
i = 10
print([i for i in range(3)], i)
def kw(a, b=2, /, c=3, *args, d, e=5, **kw): return (a, b, c, args, d, e, kw)
print(kw(1, d=4), kw(1, 2, 3, 4, 5, d=6, z=7), kw(*[1, 2], **{'d': 0, 'c': 9}))
print(sorted({3: 'a', 1: 'b'}.items(), key=lambda kv: kv[1]))
print(f(*[1], **{}) if (f := lambda *a, **k: (a, k)) else 0)
assert 1, 'never'
try:
    assert 0, 'message'
except AssertionError as e:
    print('assert', e)
import math as m2, os.path as p2
from collections import OrderedDict as OD
print(m2.floor(2.5), p2.basename('/a/b'), OD(a=1))
print(__debug__, ..., 10**30, 1.5e300 * 1e10, 2j * 2j)
"#,
    ),
    (
        "p02_control",
        r#"def f(n):
    out = []
    for i in range(n):
        if i % 2: continue
        if i > 6: break
        out.append(i)
    else:
        out.append('else')
    while n > 0:
        n -= 3
        if n == 4: break
    else:
        out.append('w-else')
    return out, n
print(f(5), f(20))
def g():
    for x in range(3):
        try:
            if x == 1: continue
            if x == 2: return 'ret', x
        finally:
            print('finally', x)
print(g())
def h():
    try:
        return 1
    finally:
        print('h-finally')
print(h())
def k():
    try:
        try:
            raise KeyError('a')
        except ValueError:
            print('no')
        except (KeyError, TypeError) as e:
            print('caught', repr(e))
            raise RuntimeError('wrapped') from e
        else:
            print('no else')
        finally:
            print('inner finally')
    except RuntimeError as e2:
        print('outer', e2, repr(e2.__cause__))
    else:
        print('no')
    try:
        pass
    except:
        pass
    else:
        print('else ran')
    try:
        1 / 0
    except:
        print('bare except')
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise
    except ZeroDivisionError as z:
        print('reraised', z)
    try:
        e2
    except NameError as ne:
        print('e2 unbound:', 'e2' in str(ne) or ne)
k()
def loop_with_finally():
    r = []
    for i in range(5):
        try:
            try:
                if i == 3:
                    break
                r.append(i)
            finally:
                r.append('f')
        except Exception:
            pass
    return r
print(loop_with_finally())
def return_in_except():
    try:
        raise ValueError
    except ValueError as e:
        return 'from except'
    finally:
        print('fin')
print(return_in_except())
def nested_loops():
    for a in range(3):
        for b in range(3):
            if b == 1: break
            if a == 2: return a, b
    return None
print(nested_loops())
"#,
    ),
    (
        "p03_functions",
        r#"def counter():
    count = 0
    def inc(by=1):
        nonlocal count
        count += by
        return count
    return inc
c = counter(); c(); c(5); print(c())
def deco(tag):
    def wrap(fn):
        def inner(*a, **k):
            return f"{tag}({fn(*a, **k)})"
        return inner
    return wrap
@deco('x')
@deco('y')
def hello(name='w'): return 'hi ' + name
print(hello(), hello('z'))
def gen(n):
    total = yield 'start'
    for i in range(n):
        got = yield i
        if got: total += got
    return total
g = gen(3)
print(next(g), g.send(10), g.send(1), g.send(2), end=' ')
try:
    g.send(3)
except StopIteration as e:
    print('stop', e.value)
def delegate():
    r = yield from gen(2)
    print('delegated result', r)
    yield from [7, 8]
d = delegate(); print(list(d))
def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print('gen closed')
gf = gen_finally(); next(gf); gf.close()
def stopper():
    yield 1
    raise StopIteration
try:
    list(stopper())
except RuntimeError as e:
    print('PEP 479:', e)
print(sum(x * x for x in range(5)), list(x for x in 'ab' if x != 'a'))
print({k: v for k, v in zip('ab', range(2))}, {x % 3 for x in range(9)})
print([[i * j for j in range(3)] for i in range(3)])
print([y for x in [[1, 2], [3]] for y in x if y > 1])
fs = [lambda: i for i in range(3)]; print([f() for f in fs])
fs2 = [lambda i=i: i for i in range(3)]; print([f() for f in fs2])
def outer():
    x = 1
    def mid():
        def inner():
            return x
        return inner
    x = 2
    return mid()()
print(outer())
g_ = 0
def set_global():
    global g_
    g_ = 42
set_global(); print(g_)
print((lambda a, /, b=2, *c, d, e=4, **f: (a, b, c, d, e, f))(1, d=3, z=0))
def ann(a: int, *b: str, c: 'x' = 1, **d: float) -> list: pass
print(ann.__annotations__)
def docd():
    """Doc string
       indented."""
print(repr(docd.__doc__))
def kwonly(*, a, b=2): return a, b
print(kwonly(a=1), kwonly(b=3, a=0))
"#,
    ),
    (
        "p04_classes",
        r#"class Base:
    kind = 'base'
    def __init__(self, v):
        self.v = v
    def describe(self):
        return f'{self.kind}:{self.v}'
    @classmethod
    def make(cls, v): return cls(v)
    @staticmethod
    def static(x): return x * 2
    @property
    def double(self): return self.v * 2
class Child(Base):
    """Child doc."""
    kind = 'child'
    def describe(self):
        return 'child ' + super().describe() + ' ' + __class__.__name__
    def __repr__(self): return f'Child({self.v!r})'
c = Child.make(3)
print(c.describe(), c.double, Child.static(4), c, Child.__doc__, Child.__qualname__, Child.__module__)
print(Child.__static_attributes__, Base.__static_attributes__, Child.__firstlineno__)
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns['added'] = kw.get('flag')
        return super().__new__(mcls, name, bases, ns)
class WithMeta(metaclass=Meta, flag='yes'):
    x: int = 1
print(WithMeta.added, type(WithMeta).__name__, WithMeta.x)
class Priv:
    __secret = 1
    def get(self): return self.__secret
print(Priv().get(), hasattr(Priv, '_Priv__secret'))
def factory():
    y = 10
    class Local:
        z = y + 1
        def m(self): return y
    return Local
L = factory(); print(L.z, L().m(), L.__qualname__)
class Ctx:
    def __init__(self, name, suppress=False): self.name = name; self.suppress = suppress
    def __enter__(self): print('enter', self.name); return self.name.upper()
    def __exit__(self, t, v, tb): print('exit', self.name, t.__name__ if t else None); return self.suppress
with Ctx('a') as a, Ctx('b') as b:
    print('body', a, b)
with Ctx('s', True):
    raise ValueError('swallowed')
try:
    with Ctx('n'):
        raise KeyError('kept')
except KeyError as e:
    print('propagated', e)
def with_return():
    with Ctx('r'):
        return 'returned'
print(with_return())
for i in range(2):
    with Ctx(str(i)):
        if i == 0: continue
        break
class Slots:
    __slots__ = ('a',)
    def __init__(self): self.a = 1
print(Slots().a)
class Deco:
    def __init__(self, f): self.f = f
    def __call__(self, *a): return ('deco', self.f(*a))
@Deco
def decorated(x): return x
print(decorated(5))
"#,
    ),
    (
        "p05_tricky",
        r#"def trace(tag, value):
    print('eval', tag)
    return value
class Box:
    def __init__(self): self.items = [1, 2, 3]; self.n = 0
b = Box()
trace('obj', b).n += trace('rhs', 5)
trace('seq', b.items)[trace('idx', 0)] += trace('val', 10)
trace('slice', b.items)[trace('lo', 1):trace('hi', 2)] += [trace('ext', 7)]
print(b.n, b.items)
print(trace('a', 1) < trace('b', 2) < trace('c', 0) < trace('d', 5))
x = 'outer'
try:
    [1 / (x - 1) for x in range(2)]
except ZeroDivisionError:
    print('restored', x)
def f():
    y = 'kept'
    try:
        [0 for y in (1, 2, None) if y + 1]
    except TypeError:
        pass
    return y
print(f())
def overriding():
    try:
        return 'try'
    finally:
        return 'finally'
print(overriding())
def gen():
    for i in range(3):
        try:
            got = yield i
            print('got', got)
        except KeyError as e:
            print('caught in gen', e)
            yield 'recovered'
        finally:
            print('gen finally', i)
g = gen()
print(next(g), g.send('s'), g.throw(KeyError('k')), next(g))
g.close()
def with_break():
    class CM:
        def __enter__(self): print('in'); return self
        def __exit__(self, *a): print('out', a[0]); return False
    for i in range(3):
        with CM():
            if i == 1:
                break
            print('iter', i)
    try:
        with CM():
            with CM():
                return 'nested return'
    finally:
        print('after')
print(with_break())
try:
    raise
except RuntimeError as e:
    print('no active:', e)
def unbound():
    v = 1
    del v
    try:
        print(v)
    except UnboundLocalError as e:
        print('unbound:', e)
unbound()
def big(*a, **k): return len(a), len(k)
print(big(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32))
print(big(a=1, b=2, c=3, d=4, e=5, f=6, g=7, h=8, i=9, j=10, k=11, l=12, m=13, n=14, o=15, p=16, q=17))
print(len({0: 0, 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8, 9: 9, 10: 10, 11: 11, 12: 12, 13: 13, 14: 14, 15: 15, 16: 16, 17: 17, 18: 18}))
print(len([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33]))
print(big(1, *[2, 3], 4, *(5,), k=1, **{'z': 2}, w=3))
try:
    big(**{'a': 1}, **{'a': 2})
except TypeError as e:
    print('dup kw', type(e).__name__)
first, *middle, last = 'hello'
print(first, middle, last)
[p, *q], r = [1, 2, 3], 4
print(p, q, r)
def scopes():
    total = 0
    vals = [total := total + v for v in range(4)]
    return total, vals
print(scopes())
class Outer:
    y = 5
    vals = [y for _ in range(2)] if False else None
    z = [i * 2 for i in range(3)]
    w = {k: None for k in 'ab'}
print(Outer.z, Outer.w)
y = 'global y'
class Sees:
    y = 'class y'
    seen = [y for _ in range(1)]
print(Sees.seen)
def make():
    items = []
    for i in range(3):
        items.append(lambda: i)
    return [f() for f in items], [(lambda j=j: j)() for j in range(3)]
print(make())
def gen_exp():
    n = 10
    return list(x + n for x in range(3) if x for _ in range(2))
print(gen_exp())
import sys
print(type(sys).__name__)
print(f"{'nested {}'.format(1)!r:>20}|{3!s:*^7}|{4.5!a}")
"#,
    ),
    (
        "p06_annotations",
        r#"x: int = 1
y: "str"
if False:
    z: float
print(__annotate__(1))
print(sorted(__conditional_annotations__))
def f(a: int, b: "B" = 2, *args: list, c: dict = {}, **kw: set) -> bool: pass
print(f.__annotations__)
def outer():
    T = 'local T'
    def inner(p: T) -> T: pass
    return inner.__annotations__
print(outer())
class K:
    a: int
    if len('x') == 2:
        b: str
    for _ in range(1):
        c: bytes
    d: list[K] = []
    def meth(self, p: 'K', q: int = 1) -> None: pass
print(K.__annotations__, K.meth.__annotations__)
"#,
    ),
    (
        "p07_more",
        r#"from string import *
print(ascii_lowercase[:3], capwords('a b'))
class A:
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
    @classmethod
    def who(cls): return cls.__name__
class B(A, tag='bee'):
    @classmethod
    def who(cls): return 'B<' + super().who() + '>'
print(B.tag, B.who())
def class_deco(cls):
    cls.decorated = True
    return cls
@class_deco
class C:
    data = [1, 2, 3]
    firsts = [d for d in data]
    def __eq__(self, other): return isinstance(other, C)
    __hash__ = None
print(C.decorated, C.firsts, C() == C())
def nonlocal_class():
    count = 0
    class K:
        def bump(self):
            nonlocal count
            count += 1
            return count
    k = K(); k.bump(); return k.bump()
print(nonlocal_class())
try:
    try:
        raise ValueError('v')
    except ValueError as err:
        pass
    print(err)
except NameError as ne:
    print('NameError after except')
module_var = 1
def drop():
    global module_var
    del module_var
drop()
print('module_var' in globals())
print(*[1, 2], sep='-', end='!\n')
print(b'%d-%s' % (1, b'x'), '%s=%r' % ('a', 'b'))
def kwonly_defaults(*, a=1, b): return a, b
print(kwonly_defaults(b=2))
def ret_gen():
    yield 1
    return 'value'
def wrap():
    v = yield from ret_gen()
    yield v
print(list(wrap()))
def chained(n):
    if 0 <= n < 10 > 5 != n:
        return 'in'
    return 'out'
print(chained(3), chained(5), chained(11))
def boolean_context(a, b, c):
    if a and not (b or c):
        return 1
    elif (a if b else c):
        return 2
    while not a:
        return 3
    return 4
print([boolean_context(*t) for t in [(1, 0, 0), (1, 1, 0), (0, 1, 1), (0, 0, 0), (1, 0, 1)]])
def try_else_finally():
    log = []
    for i in range(3):
        try:
            if i == 1:
                raise KeyError
            log.append('try')
        except KeyError:
            log.append('except')
            continue
        else:
            log.append('else')
        finally:
            log.append('finally')
    return log
print(try_else_finally())
x = 0
def augs():
    global x
    x += 5
    x **= 2
    x //= 3
    x %= 7
    x <<= 2
    x |= 1
    return x
print(augs())
print([i for i in range(10)][2:8:2], 'abcdef'[::-1], 'abc'[-1:])
s = 'str'
s += 'ing'; print(s)
"#,
    ),
    (
        "p08_future",
        r#"from __future__ import annotations
x: List[ int ] = 1
y: dict[str, 'a' | None]
class C:
    attr: Optional[C]
    def m(self, other: C, *args: *Ts) -> list[C]: pass
def f(a: lambda x, *y, z=1, **k: x, b: (1, 2), c: x[1:2, ::3], d: -x ** -y, e: not a or b and c,
      g: {1: 2, **k}, h: [i for i in j if i] if c else {i for i in k}, m: f'{x!r:>{w}} {y=}', n: x.y.z(1, *a, k=2, **kw)(),
      o: 1 .real, q: x if y else z, r: a < b <= c is not d not in e, s: ..., u: 1e400, v: 'it\'s', w: b'\x00',
      aa: (x for x in y), bb: f(x for x in y), cc: x[()], dd: x[1,], ee: {**a}, ff: 2 ** 3 ** 4, gg: (2 ** 3) ** 4, hh: (-1) ** 2,
      ii: await_ if 1 else 2, jj: a[b:c], kk: lambda: (yield), ll: lambda *, k: k, mm: lambda a, /, b: 0, nn: 1j, oo: -0.0) -> Foo[Bar]: pass
print(__annotations__)
print(C.__annotations__, C.m.__annotations__)
for k, v in f.__annotations__.items(): print(k, v)
"#,
    ),
    (
        "p09_async",
        r#"class Tick:
    def __await__(self):
        return (yield "tick")
class Cm:
    async def __aenter__(self):
        await Tick()
        return "cm"
    async def __aexit__(self, *exc):
        print("exit", exc[0])
async def agen(n):
    for i in range(n):
        await Tick()
        yield i
async def leaf(x):
    return await Tick() or x
async def main():
    got = []
    async with Cm() as c:
        async for v in agen(3):
            if v == 2:
                break
            got.append((c, v, await leaf(v)))
    try:
        async with Cm():
            raise KeyError("k")
    except KeyError as e:
        got.append(repr(e))
    got.append([x async for x in agen(2)])
    got.append([await leaf(y) for y in "ab"])
    return got
co = main()
try:
    while True:
        print("loop", co.send(None))
except StopIteration as e:
    print(e.value)
"#,
    ),
];

/// Standard-library modules compiled by protopy, run by the model interpreter, then
/// exercised; the output must equal CPython running the same modules from source.
const STDLIB_CHECKS: &[(&str, &str)] = &[
    ("textwrap.py", "print(fill('The quick brown fox jumps over the lazy dog ' * 3, width=30))\nprint(repr(dedent('  a\\n    b\\n')), shorten('Hello  world, again', 12))\n"),
    ("colorsys.py", "print(rgb_to_hsv(0.2, 0.4, 0.4), hls_to_rgb(0.5, 0.5, 0.5), yiq_to_rgb(*rgb_to_yiq(0.1, 0.2, 0.3)))\n"),
    ("fnmatch.py", "print(fnmatch('foo.py', '*.py'), filter(['a.c', 'b.h', 'c.c'], '*.c'), translate('[!a]?*'))\n"),
    ("shlex.py", "print(split('a \"b c\" d\\\\ e # x', comments=True), quote(\"it's\"), join(['a b', 'c']))\n"),
    ("difflib.py", "print(list(unified_diff(['a\\n', 'b\\n'], ['a\\n', 'c\\n'])), get_close_matches('appel', ['ape', 'apple', 'peach']))\nprint(SequenceMatcher(None, 'abcd', 'bcde').ratio())\n"),
    ("bisect.py", "import sys\nprint(bisect_left([1, 2, 4], 3), insort, sys.version_info[:2])\n"),
    ("heapq.py", "h = []\nfor v in [5, 1, 4]: heappush(h, v)\nprint(nsmallest(2, [5, 1, 3]), list(merge([1, 3], [2])))\n"),
    ("string/__init__.py", "print(Template('$who likes $what').substitute(who='tim', what='ham'), Formatter().format('{0}-{x}', 1, x=2), capwords('a b'))\n"),
    ("graphlib.py", "ts = TopologicalSorter({'a': {'b'}, 'b': {'c'}})\nprint(list(ts.static_order()))\n"),
    ("argparse.py", "p = ArgumentParser(prog='t')\np.add_argument('--n', type=int, default=1)\np.add_argument('files', nargs='*')\nprint(p.parse_args(['--n', '3', 'a', 'b']))\nprint(p.format_help())\n"),
    ("json/encoder.py", "print(JSONEncoder(indent=2, sort_keys=True).encode({'b': [1, 2.5, None], 'a': 'x\\u00e9'}))\n"),
    ("enum.py", "class Color(Enum):\n    RED = 1\n    GREEN = auto()\nclass Perm(IntFlag):\n    R = 4\n    W = 2\nprint(Color.GREEN, list(Color), Perm.R | Perm.W, Color(1).name)\n"),
    ("fractions.py", "print(Fraction(3, 4) + Fraction('1/3'), Fraction(0.125), round(Fraction(7, 2)))\n"),
    ("ipaddress.py", "n = ip_network('10.0.0.0/30')\nprint(list(n.hosts()), ip_address('::1').exploded, n.supernet())\n"),
    ("urllib/parse.py", "print(urlsplit('http://u@h:8/p?q=1#f'), quote('a b/é'), parse_qs('a=1&a=2&b=3'))\n"),
    ("calendar.py", "print(TextCalendar().formatmonth(2024, 2))\n"),
    ("statistics.py", "print(mean([1, 2, 3, 4]), median([3, 1, 2]), stdev([2, 4, 4, 4, 5, 5, 7, 9]))\n"),
    ("configparser.py", "c = ConfigParser()\nc.read_string('[s]\\na = 1\\nb = ${a}x\\n')\nprint(dict(c['s']), c.getint('s', 'a'))\n"),
    ("pprint.py", "print(pformat({'k': list(range(30)), 't': ('x' * 30, 'y' * 30)}, width=40))\n"),
];

#[test]
fn stdlib_modules_behave_as_in_cpython() {
    let Some(python) = reference() else {
        eprintln!("no reference interpreter: skipped");
        return;
    };
    let lib = stdlib(&python);
    let mut names = Vec::new();
    let mut sources = Vec::new();
    for (file, check) in STDLIB_CHECKS {
        let Ok(text) = std::fs::read_to_string(lib.join(file)) else {
            continue;
        };
        names.push(*file);
        sources.push(format!("{text}\n{check}"));
    }
    let codes: Vec<String> = sources
        .iter()
        .map(|src| {
            literal(&protopy_compiler::compile_module(src, "<s>").expect("the module compiles"))
        })
        .collect();
    let expected = run_reference(&python, &direct(), &sources);
    let got = run_reference(&python, &model_vm(), &codes);
    let mut failures = Vec::new();
    for ((name, want), got) in names.iter().zip(&expected).zip(&got) {
        if want != got {
            failures.push(format!(
                "--- {name}\n    CPython:\n{want}\n    protopy bytecode:\n{got}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every module of the reference `Lib/` that protopy compiles (tests, GUI and demo packages
/// aside) has its body run by the model interpreter: the outcome and the resulting names,
/// their kinds and the attributes of the classes defined must equal CPython's.
/// `cargo test -p protopy-compiler --release --test codegen_exec -- --ignored --nocapture`
#[test]
#[ignore]
fn module_bodies_run_as_in_cpython() {
    let Some(python) = reference() else {
        eprintln!("no reference interpreter: skipped");
        return;
    };
    let lib = stdlib(&python);
    let mut files = Vec::new();
    codegen_support::collect_py(&lib, &mut files);
    files.sort();
    const SKIP: [&str; 12] = [
        "test",
        "idlelib",
        "tkinter",
        "turtledemo",
        "lib2to3",
        "ensurepip",
        "venv",
        "__phello__",
        "site-packages",
        "dist-packages",
        "this.py",
        "antigravity.py",
    ];
    let mut items = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(&lib).unwrap_or(f);
        let rel_s = rel.display().to_string();
        if SKIP
            .iter()
            .any(|s| rel_s == *s || rel_s.starts_with(&format!("{s}/")))
            || rel_s.ends_with("__main__.py")
        {
            continue;
        }
        let Ok(bytes) = std::fs::read(f) else {
            continue;
        };
        let Ok(text) = protopy_compiler::source::decode_source(&bytes) else {
            continue;
        };
        let Ok(code) = protopy_compiler::compile_module(&text, &rel_s) else {
            continue;
        };
        let dotted = rel_s.trim_end_matches(".py").replace('/', ".");
        let (name, package) = match dotted.strip_suffix(".__init__") {
            Some(pkg) => (pkg.to_string(), pkg.to_string()),
            None => (
                dotted.clone(),
                dotted
                    .rsplit_once('.')
                    .map_or("-".to_string(), |(p, _)| p.to_string()),
            ),
        };
        let header = format!("#module {name} {package} s");
        items.push((
            rel_s,
            format!("{header}\n{text}"),
            format!("{header}\n{}", literal(&code)),
        ));
    }
    let mut differ = Vec::new();
    for chunk in items.chunks(40) {
        let sources: Vec<String> = chunk.iter().map(|(_, s, _)| s.clone()).collect();
        let codes: Vec<String> = chunk.iter().map(|(_, _, c)| c.clone()).collect();
        let expected = run_reference(&python, &direct(), &sources);
        let got = run_reference(&python, &model_vm(), &codes);
        for (((name, _, _), want), got) in chunk.iter().zip(&expected).zip(&got) {
            if want != got {
                let w: Vec<&str> = want.lines().collect();
                let g: Vec<&str> = got.lines().collect();
                let first = w
                    .iter()
                    .zip(&g)
                    .find(|(a, b)| a != b)
                    .map(|(a, b)| {
                        let (ta, tb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
                        let only_ref: Vec<&&str> = ta.iter().filter(|t| !tb.contains(t)).collect();
                        let only_got: Vec<&&str> = tb.iter().filter(|t| !ta.contains(t)).collect();
                        let head = |l: &str| l.chars().take(100).collect::<String>();
                        format!("\n    ref: {}\n    got: {}\n    only ref: {only_ref:?}, only got: {only_got:?}", head(a), head(b))
                    });
                differ.push(format!(
                    "{name}{}",
                    first.unwrap_or_else(|| format!(" ({} vs {} lines)", w.len(), g.len()))
                ));
            }
        }
    }
    println!("{} module bodies run, {} differ", items.len(), differ.len());
    for d in &differ {
        println!("  {d}");
    }
    assert!(differ.is_empty());
}
