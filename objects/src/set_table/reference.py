"""Generates the reference for set_table/tests.rs (`reference_sequences`, an ignored test).

Run under the reference CPython 3.14 with PYTHONHASHSEED=0:
    PYTHONHASHSEED=0 python3.14 reference.py SEED STEPS > /tmp/set_reference.txt
Random operation sequences on four sets of small, large and negative ints and strings; after
each operation the slot order of the set it changed. Format, one record a line:
    elem ID HASH REPR   an element (the Rust side stands it in by the small int ID)
    seq NAME            a new sequence: four empty sets 0..3
    OP ARGS...          an operation (see `apply` in tests.rs)
    popped ID           what the previous pop returned
    state SET IDS...    the iteration order of SET after the previous operation
"""
import random
import sys

seed, steps = int(sys.argv[1]), int(sys.argv[2])
rng = random.Random(seed)
ids = {}
out = []


def eid(x):
    if x not in ids:
        ids[x] = len(ids)
        out.append(f"elem {ids[x]} {hash(x)} {x!r}")
    return ids[x]


def pool(kind):
    if kind == "small":
        return lambda: rng.randrange(0, 200)
    if kind == "neg":
        return lambda: rng.choice([-1, -2, rng.randrange(-300, 300), -rng.randrange(2**40)])
    if kind == "large":
        return lambda: rng.choice([rng.randrange(2**64), rng.randrange(2**61 - 5, 2**61 + 5),
                                   rng.randrange(2**20) * 2**61, rng.randrange(10**30)])
    if kind == "str":
        alphabet = "abcdefghij"
        return lambda: "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 4)))
    parts = [pool(k) for k in ("small", "neg", "large", "str")]
    return lambda: rng.choice(parts)()


def sequence(name, kind, steps, max_bulk):
    out.append(f"seq {name}")
    gen = pool(kind)
    sets = [set() for _ in range(4)]

    def items(n):
        return [gen() for _ in range(rng.randrange(n + 1))]

    def state(k):
        out.append(f"state {k} " + " ".join(str(eid(x)) for x in sets[k]))

    for _ in range(steps):
        op = rng.choice(["add"] * 8 + ["discard"] * 4 + ["pop"] * 2 + [
            "clear", "copy", "build", "fromdict", "ext", "update", "updatedict", "or",
            "and", "sub", "xor", "ior", "iand", "isub", "ixor", "andlist", "sublist",
            "subdict", "xorlist", "xordict"])
        s, t = rng.randrange(4), rng.randrange(4)
        if op == "add":
            x = gen()
            out.append(f"add {s} {eid(x)}")
            sets[s].add(x)
        elif op == "discard":
            x = rng.choice(list(sets[s])) if sets[s] and rng.random() < 0.7 else gen()
            out.append(f"discard {s} {eid(x)}")
            sets[s].discard(x)
        elif op == "pop":
            if not sets[s]:
                continue
            out.append(f"pop {s}")
            out.append(f"popped {eid(sets[s].pop())}")
        elif op == "clear":
            out.append(f"clear {s}")
            sets[s].clear()
        elif op == "copy":
            out.append(f"copy {s} {t}")
            sets[s] = sets[t].copy()
        elif op in ("build", "fromdict", "ext", "updatedict", "andlist", "sublist", "subdict",
                    "xorlist", "xordict"):
            xs = items(max_bulk)
            line = " ".join(str(eid(x)) for x in xs)
            if op == "build":
                sets[s] = set(xs)
            elif op == "fromdict":
                sets[s] = set(dict.fromkeys(xs))
            elif op == "ext":
                sets[s].update(xs)
            elif op == "updatedict":
                sets[s].update(dict.fromkeys(xs))
            elif op == "andlist":
                sets[s] = sets[t].intersection(xs)
            elif op == "sublist":
                sets[s].difference_update(xs)
            elif op == "subdict":
                sets[s] = sets[t].difference(dict.fromkeys(xs))
            elif op == "xorlist":
                sets[s].symmetric_difference_update(xs)
            elif op == "xordict":
                sets[s].symmetric_difference_update(dict.fromkeys(xs))
            out.append(f"{op} {s} {t} {line}".rstrip())
        elif op in ("or", "and", "sub", "xor"):
            a, b = rng.randrange(4), rng.randrange(4)
            out.append(f"{op} {s} {a} {b}")
            x, y = sets[a], sets[b]
            sets[s] = {"or": x.__or__, "and": x.__and__, "sub": x.__sub__,
                       "xor": x.__xor__}[op](y)
        else:
            out.append(f"{op} {s} {t}")
            x, y = sets[s], sets[t]
            if op == "update":
                x.update(y)
            elif op == "ior":
                x |= y
            elif op == "iand":
                x &= y
            elif op == "isub":
                x -= y
            elif op == "ixor":
                x ^= y
        state(s)


for n in range(steps):
    kind = ["small", "neg", "large", "str", "mixed"][n % 5]
    sequence(f"{kind}-{n}", kind, rng.choice([50, 200, 1000]), rng.choice([5, 30, 300]))
# Past CPython's 50,000-element growth switch.
out.append("seq big")
big = set()
xs = list(range(0, 240_000, 3))
rng.shuffle(xs)
for i in range(0, len(xs), 20_000):
    chunk = xs[i:i + 20_000]
    big.update(chunk)
    out.append("ext 0 0 " + " ".join(str(eid(x)) for x in chunk))
    out.append("state 0 " + " ".join(str(eid(x)) for x in big))
    for x in chunk[:5000]:
        big.discard(x)
    out.append("sublist 0 0 " + " ".join(str(eid(x)) for x in chunk[:5000]))
    out.append("state 0 " + " ".join(str(eid(x)) for x in big))
print("\n".join(out))
