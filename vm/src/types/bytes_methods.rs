//! The methods `bytes` and `bytearray` share (CPython's Objects/bytes_methods.c and the
//! `stringlib` templates instantiated for bytes): each returns the receiver's own type. The
//! searching and padding algorithms run on the bytes seen as Latin-1 text through `text/`;
//! the ASCII-only ones (case, predicates, whitespace) are here.
//! https://docs.python.org/3/library/stdtypes.html#bytes-and-bytearray-operations

use protopy_compiler::pystr::PyStr;
use protopy_objects::Value;

use super::argbind::bind;
use super::bytes::{buffer_bytes, new_of, sub_arg, want_buffer};
use super::slicing::opt_bound;
use super::str_methods::{isize_arg, text_err};
use super::{Args, NativeMethod};
use crate::protocols;
use crate::runtime::Ty;
use crate::text::{self, index::Text, transform::StripSide};
use crate::thread::{PyResult, Vm};

/// The receiver's contents and type (`Ty::Bytes` or `Ty::ByteArray`).
fn recv(vm: &mut Vm, args: &Args) -> PyResult<(Vec<u8>, Ty)> {
    let v = args.pos.first().copied().unwrap_or(Value::NONE);
    let kind = vm.layout_of(v);
    if !matches!(kind, Ty::Bytes | Ty::ByteArray) {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!(
            "descriptor requires a 'bytes' object but received a '{t}'"
        )));
    }
    Ok((buffer_bytes(vm, v)?.unwrap_or_default(), kind))
}

/// Bytes as Latin-1 text (one code point per byte).
pub fn latin1(b: &[u8]) -> PyStr {
    b.iter().map(|&c| u32::from(c)).collect()
}

/// Latin-1 text back to bytes.
pub fn unlatin1(s: &PyStr) -> Vec<u8> {
    s.code_points().map(|c| c as u8).collect()
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

macro_rules! map_method {
    ($($name:ident => $f:expr),* $(,)?) => {$(
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            args.check_method(vm, stringify!($name), 0, 0)?;
            let (b, kind) = recv(vm, &args)?;
            let f: fn(&[u8]) -> Vec<u8> = $f;
            new_of(vm, kind, f(&b))
        }
    )*};
}

map_method!(
    lower => |b| b.to_ascii_lowercase(),
    upper => |b| b.to_ascii_uppercase(),
    swapcase => |b| b.iter().map(|&c| if c.is_ascii_alphabetic() { c ^ 0x20 } else { c }).collect(),
    capitalize => |b| b.iter().enumerate().map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect(),
    title => title_bytes,
);

fn title_bytes(b: &[u8]) -> Vec<u8> {
    let mut prev_cased = false;
    b.iter()
        .map(|&c| {
            let r = if c.is_ascii_alphabetic() {
                if prev_cased {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                }
            } else {
                c
            };
            prev_cased = c.is_ascii_alphabetic();
            r
        })
        .collect()
}

macro_rules! predicate {
    ($($name:ident => $f:expr),* $(,)?) => {$(
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            args.check_method(vm, stringify!($name), 0, 0)?;
            let (b, _) = recv(vm, &args)?;
            let f: fn(&[u8]) -> bool = $f;
            Ok(Value::from_bool(f(&b)))
        }
    )*};
}

predicate!(
    isalnum => |b| !b.is_empty() && b.iter().all(u8::is_ascii_alphanumeric),
    isalpha => |b| !b.is_empty() && b.iter().all(u8::is_ascii_alphabetic),
    isascii => |b| b.is_ascii(),
    isdigit => |b| !b.is_empty() && b.iter().all(u8::is_ascii_digit),
    isspace => |b| !b.is_empty() && b.iter().all(|&c| is_space(c)),
    islower => |b| b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase),
    isupper => |b| b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase),
    istitle => istitle_bytes,
);

fn istitle_bytes(b: &[u8]) -> bool {
    let (mut cased, mut prev_cased) = (false, false);
    for &c in b {
        if c.is_ascii_uppercase() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

/// The receiver, the searched bytes, `start` and `end` of `find` and friends.
type SearchArgs = (Vec<u8>, Vec<u8>, Option<isize>, Option<isize>);

fn search_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<SearchArgs> {
    args.check_method(vm, name, 1, 3)?;
    let (b, _) = recv(vm, args)?;
    let sub = sub_arg(vm, args.pos[1])?;
    let start = opt_bound(vm, args.get(2))?;
    let end = opt_bound(vm, args.get(3))?;
    Ok((b, sub, start, end))
}

fn find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (b, sub, s, e) = search_args(vm, &args, "find")?;
    let t = latin1(&b);
    vm.new_i64(text::search::find(Text::new(&t), &latin1(&sub), s, e) as i64)
}

fn rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (b, sub, s, e) = search_args(vm, &args, "rfind")?;
    let t = latin1(&b);
    vm.new_i64(text::search::rfind(Text::new(&t), &latin1(&sub), s, e) as i64)
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (b, sub, s, e) = search_args(vm, &args, "index")?;
    let t = latin1(&b);
    match text::search::find(Text::new(&t), &latin1(&sub), s, e) {
        -1 => Err(vm.value_error("subsection not found")),
        i => vm.new_i64(i as i64),
    }
}

fn rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (b, sub, s, e) = search_args(vm, &args, "rindex")?;
    let t = latin1(&b);
    match text::search::rfind(Text::new(&t), &latin1(&sub), s, e) {
        -1 => Err(vm.value_error("subsection not found")),
        i => vm.new_i64(i as i64),
    }
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (b, sub, s, e) = search_args(vm, &args, "count")?;
    let t = latin1(&b);
    vm.new_usize(text::search::count(Text::new(&t), &latin1(&sub), s, e))
}

fn affix(vm: &mut Vm, args: Args, name: &str, ends: bool) -> PyResult<Value> {
    args.check_method(vm, name, 1, 3)?;
    let (b, _) = recv(vm, &args)?;
    let start = opt_bound(vm, args.get(2))?;
    let end = opt_bound(vm, args.get(3))?;
    let arg = args.pos[1];
    let (cands, tuple) = match vm.tuple_items(arg) {
        Some(t) => (t.to_vec(), true),
        None => (vec![arg], false),
    };
    let t = latin1(&b);
    for c in cands {
        let Some(p) = buffer_bytes(vm, c)? else {
            let tn = vm.type_name(c);
            return Err(vm.type_error(&if tuple {
                format!("a bytes-like object is required, not '{tn}'")
            } else {
                format!("{name} first arg must be bytes or a tuple of bytes, not {tn}")
            }));
        };
        let p = latin1(&p);
        let hit = if ends {
            text::search::endswith(Text::new(&t), &p, start, end)
        } else {
            text::search::startswith(Text::new(&t), &p, start, end)
        };
        if hit {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, args, "startswith", false)
}

fn endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, args, "endswith", true)
}

/// A list of new bytes or bytearrays.
fn parts_list(vm: &mut Vm, kind: Ty, parts: Vec<Vec<u8>>) -> PyResult<Value> {
    let mark = vm.temps.len();
    let mut vals = Vec::with_capacity(parts.len());
    for p in parts {
        match new_of(vm, kind, p) {
            Ok(v) => {
                vm.temps.push(v);
                vals.push(v);
            }
            Err(e) => {
                vm.temps.truncate(mark);
                return Err(e);
            }
        }
    }
    let r = vm.new_list(vals);
    vm.temps.truncate(mark);
    r
}

/// Splits on runs of ASCII whitespace, at most `max` times (negative: no limit).
fn split_whitespace(b: &[u8], max: isize, right: bool) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut left = if max < 0 { usize::MAX } else { max as usize };
    if right {
        let mut end = b.len();
        loop {
            while end > 0 && is_space(b[end - 1]) {
                end -= 1;
            }
            if end == 0 {
                break;
            }
            if left == 0 {
                out.push(b[..end].to_vec());
                break;
            }
            let mut start = end;
            while start > 0 && !is_space(b[start - 1]) {
                start -= 1;
            }
            out.push(b[start..end].to_vec());
            left -= 1;
            end = start;
        }
        out.reverse();
    } else {
        let mut i = 0;
        loop {
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            if i == b.len() {
                break;
            }
            if left == 0 {
                out.push(b[i..].to_vec());
                break;
            }
            let start = i;
            while i < b.len() && !is_space(b[i]) {
                i += 1;
            }
            out.push(b[start..i].to_vec());
            left -= 1;
        }
    }
    out
}

fn split_impl(vm: &mut Vm, args: Args, name: &str, right: bool) -> PyResult<Value> {
    let a = bind(vm, &args, name, &["sep", "maxsplit"], 0, 0)?;
    let (b, kind) = recv(vm, &args)?;
    let sep = match a[0] {
        Some(v) if !v.is_none() => Some(want_buffer(vm, v)?),
        _ => None,
    };
    let max = match a[1] {
        Some(v) => isize_arg(vm, v)?,
        None => -1,
    };
    let parts = match sep {
        None => split_whitespace(&b, max, right),
        Some(sep) => {
            let (t, s) = (latin1(&b), latin1(&sep));
            let r = if right {
                text::split::rsplit(&t, Some(&s), max)
            } else {
                text::split::split(&t, Some(&s), max)
            };
            r.map_err(|e| text_err(vm, e))?
                .iter()
                .map(unlatin1)
                .collect()
        }
    };
    parts_list(vm, kind, parts)
}

fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, args, "split", false)
}

fn rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, args, "rsplit", true)
}

fn splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind(vm, &args, "splitlines", &["keepends"], 0, 0)?;
    let (b, kind) = recv(vm, &args)?;
    let keep = match a[0] {
        Some(v) => protocols::truth(vm, v)?,
        None => false,
    };
    let mut parts = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let start = i;
        while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
            i += 1;
        }
        let mut eol = i;
        if i < b.len() {
            if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                i += 2;
            } else {
                i += 1;
            }
            if keep {
                eol = i;
            }
        }
        parts.push(b[start..eol].to_vec());
    }
    parts_list(vm, kind, parts)
}

fn strip_impl(vm: &mut Vm, args: Args, name: &str, side: StripSide) -> PyResult<Value> {
    args.check_method(vm, name, 0, 1)?;
    let (b, kind) = recv(vm, &args)?;
    let chars = match args.get(1) {
        Some(v) if !v.is_none() => Some(want_buffer(vm, v)?),
        _ => None,
    };
    let keep = |c: &u8| match &chars {
        Some(set) => !set.contains(c),
        None => !is_space(*c),
    };
    let mut start = 0;
    let mut end = b.len();
    if side != StripSide::Right {
        while start < end && !keep(&b[start]) {
            start += 1;
        }
    }
    if side != StripSide::Left {
        while end > start && !keep(&b[end - 1]) {
            end -= 1;
        }
    }
    new_of(vm, kind, b[start..end].to_vec())
}

fn strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, "strip", StripSide::Both)
}

fn lstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, "lstrip", StripSide::Left)
}

fn rstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, "rstrip", StripSide::Right)
}

fn replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind(vm, &args, "replace", &["old", "new", "count"], 3, 2)?;
    let (b, kind) = recv(vm, &args)?;
    let old = want_buffer(vm, a[0].unwrap_or(Value::NONE))?;
    let new = want_buffer(vm, a[1].unwrap_or(Value::NONE))?;
    let count = match a[2] {
        Some(v) => isize_arg(vm, v)?,
        None => -1,
    };
    let r = text::transform::replace(&latin1(&b), &latin1(&old), &latin1(&new), count)
        .map_err(|e| text_err(vm, e))?;
    new_of(vm, kind, unlatin1(&r))
}

fn justify(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    args.check_method(vm, name, 1, 2)?;
    let (b, kind) = recv(vm, &args)?;
    let width = isize_arg(vm, args.pos[1])?;
    let fill = match args.get(2) {
        None => b' ',
        Some(v) => match (vm.layout_of(v), buffer_bytes(vm, v)?) {
            (Ty::Bytes | Ty::ByteArray, Some(f)) if f.len() == 1 => f[0],
            (Ty::Bytes | Ty::ByteArray, Some(f)) => {
                let t = vm.type_name(v);
                return Err(vm.type_error(&format!(
                    "{name}(): argument 2 must be a byte string of length 1, not a {t} object of length {}",
                    f.len()
                )));
            }
            _ => {
                let t = vm.type_name(v);
                return Err(vm.type_error(&format!(
                    "{name}() argument 2 must be a byte string of length 1, not {t}"
                )));
            }
        },
    };
    let t = latin1(&b);
    let r = match name {
        "center" => text::transform::center(&t, width, u32::from(fill)),
        "ljust" => text::transform::ljust(&t, width, u32::from(fill)),
        _ => text::transform::rjust(&t, width, u32::from(fill)),
    };
    let r = r.map_err(|e| text_err(vm, e))?;
    new_of(vm, kind, unlatin1(&r))
}

fn center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    justify(vm, args, "center")
}

fn ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    justify(vm, args, "ljust")
}

fn rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    justify(vm, args, "rjust")
}

fn zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "zfill", 1, 1)?;
    let (b, kind) = recv(vm, &args)?;
    let width = isize_arg(vm, args.pos[1])?;
    let r = text::transform::zfill(&latin1(&b), width).map_err(|e| text_err(vm, e))?;
    new_of(vm, kind, unlatin1(&r))
}

fn expandtabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind(vm, &args, "expandtabs", &["tabsize"], 0, 0)?;
    let (b, kind) = recv(vm, &args)?;
    let tabsize = match a[0] {
        Some(v) => isize_arg(vm, v)?,
        None => 8,
    };
    let r = text::transform::expandtabs(&latin1(&b), tabsize).map_err(|e| text_err(vm, e))?;
    new_of(vm, kind, unlatin1(&r))
}

fn partition_impl(vm: &mut Vm, args: Args, name: &str, right: bool) -> PyResult<Value> {
    args.check_method(vm, name, 1, 1)?;
    let (b, kind) = recv(vm, &args)?;
    let sep = want_buffer(vm, args.pos[1])?;
    let (t, s) = (latin1(&b), latin1(&sep));
    let r = if right {
        text::split::rpartition(&t, &s)
    } else {
        text::split::partition(&t, &s)
    };
    let parts = r.map_err(|e| text_err(vm, e))?;
    let mark = vm.temps.len();
    let mut vals = Vec::with_capacity(3);
    for p in &parts {
        match new_of(vm, kind, unlatin1(p)) {
            Ok(v) => {
                vm.temps.push(v);
                vals.push(v);
            }
            Err(e) => {
                vm.temps.truncate(mark);
                return Err(e);
            }
        }
    }
    let r = vm.new_tuple(vals);
    vm.temps.truncate(mark);
    r
}

fn partition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, args, "partition", false)
}

fn rpartition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, args, "rpartition", true)
}

fn removeprefix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "removeprefix", 1, 1)?;
    let (b, kind) = recv(vm, &args)?;
    let p = want_buffer(vm, args.pos[1])?;
    let r = b.strip_prefix(p.as_slice()).unwrap_or(&b).to_vec();
    new_of(vm, kind, r)
}

fn removesuffix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "removesuffix", 1, 1)?;
    let (b, kind) = recv(vm, &args)?;
    let p = want_buffer(vm, args.pos[1])?;
    let r = b.strip_suffix(p.as_slice()).unwrap_or(&b).to_vec();
    new_of(vm, kind, r)
}

fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "join", 1, 1)?;
    let (sep, kind) = recv(vm, &args)?;
    if !super::str_methods::is_iterable(vm, args.pos[1]) {
        return Err(vm.type_error("can only join an iterable"));
    }
    let items = protocols::iter::collect(vm, args.pos[1])?;
    let mark = vm.temps.len();
    vm.temps.extend_from_slice(&items);
    let mut out = Vec::new();
    let mut r = Ok(());
    for (i, &v) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match buffer_bytes(vm, v) {
            Ok(Some(b)) => out.extend_from_slice(&b),
            Ok(None) => {
                let t = vm.type_name(v);
                r = Err(vm.type_error(&format!(
                    "sequence item {i}: expected a bytes-like object, {t} found"
                )));
                break;
            }
            Err(e) => {
                r = Err(e);
                break;
            }
        }
    }
    vm.temps.truncate(mark);
    r?;
    new_of(vm, kind, out)
}

fn decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (b, _) = recv(vm, &args)?;
    super::str_codec::decode_method(vm, &args, &b)
}

/// The 256-byte table of `translate`, or None.
fn table_arg(vm: &mut Vm, v: Value) -> PyResult<Option<Vec<u8>>> {
    if v.is_none() {
        return Ok(None);
    }
    let t = want_buffer(vm, v)?;
    if t.len() != 256 {
        return Err(vm.value_error("translation table must be 256 characters long"));
    }
    Ok(Some(t))
}

fn translate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind(vm, &args, "translate", &["table", "delete"], 1, 1)?;
    let (b, kind) = recv(vm, &args)?;
    let table = table_arg(vm, a[0].unwrap_or(Value::NONE))?;
    let delete = match a[1] {
        Some(d) => want_buffer(vm, d)?,
        None => Vec::new(),
    };
    let out = b
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| table.as_ref().map_or(c, |t| t[c as usize]))
        .collect();
    new_of(vm, kind, out)
}

/// `bytes.maketrans(frm, to, /)` (static).
fn maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "maketrans", 2, 2)?;
    let frm = want_buffer(vm, args.pos[0])?;
    let to = want_buffer(vm, args.pos[1])?;
    if frm.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (f, t) in frm.into_iter().zip(to) {
        table[f as usize] = t;
    }
    super::bytes::new_bytes(vm, table)
}

/// `hex(sep=<unrepresentable>, bytes_per_sep=1)` of bytes-like contents.
pub fn hex_of(vm: &mut Vm, data: &[u8], args: &Args) -> PyResult<Value> {
    let a = bind(vm, args, "hex", &["sep", "bytes_per_sep"], 0, 0)?;
    let sep = match a[0] {
        None => None,
        Some(v) => {
            let s: Vec<u32> = if let Some(s) = vm.pystr(v) {
                s.code_points().collect()
            } else if let Some(b) = buffer_bytes(vm, v)? {
                b.iter().map(|&c| u32::from(c)).collect()
            } else {
                let t = vm.type_name(v);
                return Err(vm.type_error(&format!("object of type '{t}' has no len()")));
            };
            if s.len() != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            if s[0] > 0x7f {
                return Err(vm.value_error("sep must be ASCII."));
            }
            Some(s[0] as u8 as char)
        }
    };
    let per = match a[1] {
        Some(v) => isize_arg(vm, v)?,
        None => 1,
    };
    let digits: Vec<String> = data.iter().map(|b| format!("{b:02x}")).collect();
    let out = match sep {
        Some(sep) if per != 0 && !data.is_empty() => {
            let n = per.unsigned_abs();
            let groups: Vec<String> = if per > 0 {
                // Groups are counted from the right.
                let first = data.len() % n;
                let mut g = Vec::new();
                if first > 0 {
                    g.push(digits[..first].concat());
                }
                g.extend(digits[first..].chunks(n).map(|c| c.concat()));
                g
            } else {
                digits.chunks(n).map(|c| c.concat()).collect()
            };
            groups.join(&sep.to_string())
        }
        _ => digits.concat(),
    };
    vm.new_str(&out)
}

fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (b, _) = recv(vm, &args)?;
    hex_of(vm, &b, &args)
}

/// `bytes.fromhex(string, /)` and `bytearray.fromhex` (classmethods).
fn fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "fromhex", 1, 1)?;
    let cls = args.pos[0];
    let arg = args.pos[1];
    let units: Vec<u32> = if let Some(s) = vm.pystr(arg) {
        s.code_points().collect()
    } else if let Some(b) = buffer_bytes(vm, arg)? {
        b.iter().map(|&c| u32::from(c)).collect()
    } else {
        let t = vm.type_name(arg);
        return Err(vm.type_error(&format!(
            "fromhex() argument must be str or bytes-like, not {t}"
        )));
    };
    let hexval = |c: u32| char::from_u32(c).and_then(|ch| ch.to_digit(16));
    let mut out = Vec::new();
    let mut i = 0;
    while i < units.len() {
        let c = units[i];
        if c < 0x80 && is_space(c as u8) {
            i += 1;
            continue;
        }
        let Some(hi) = hexval(c) else {
            return Err(vm.value_error(&format!(
                "non-hexadecimal number found in fromhex() arg at position {i}"
            )));
        };
        let Some(&c2) = units.get(i + 1) else {
            return Err(
                vm.value_error("fromhex() arg must contain an even number of hexadecimal digits")
            );
        };
        let Some(lo) = hexval(c2) else {
            return Err(vm.value_error(&format!(
                "non-hexadecimal number found in fromhex() arg at position {}",
                i + 1
            )));
        };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    let Some(h) = cls.as_handle() else {
        return Err(vm.type_error("fromhex() needs a class"));
    };
    let layout = super::typeobj::layout(vm, h);
    let v = new_of(vm, layout, out)?;
    if h == vm.ty(layout) {
        return Ok(v);
    }
    vm.temps.push(v);
    let r = protocols::call::call(vm, cls, Args::new(vec![v]));
    vm.temps.pop();
    r
}

fn dunder_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__len__", 0, 0)?;
    let (b, _) = recv(vm, &args)?;
    vm.new_usize(b.len())
}

fn dunder_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__getitem__", 1, 1)?;
    recv(vm, &args)?;
    super::bytes::getitem(vm, args.pos[0], args.pos[1])
}

fn dunder_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__contains__", 1, 1)?;
    recv(vm, &args)?;
    super::bytes::contains(vm, args.pos[0], args.pos[1]).map(Value::from_bool)
}

/// `__add__`, `__mul__`, `__rmul__`, `__mod__` through the operators' implementation.
fn binary_dunder(vm: &mut Vm, args: Args, name: &str, op: u32) -> PyResult<Value> {
    args.check_method(vm, name, 1, 1)?;
    recv(vm, &args)?;
    let r = super::bytes::binary(vm, args.pos[0], args.pos[1], op, false);
    match r {
        Ok(Some(v)) => Ok(v),
        Ok(None) => Ok(Value::NOT_IMPLEMENTED),
        Err(e) => Err(e),
    }
}

fn dunder_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binary_dunder(vm, args, "__add__", 0)
}

fn dunder_mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(&n) = args.pos.get(1) {
        isize_arg(vm, n)?;
    }
    binary_dunder(vm, args, "__mul__", 5)
}

fn dunder_mod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binary_dunder(vm, args, "__mod__", 6)
}

pub const METHODS: &[NativeMethod] = &[
    super::m("__add__", dunder_add, "($self, value, /)"),
    super::m("__contains__", dunder_contains, "($self, key, /)"),
    super::m("__getitem__", dunder_getitem, "($self, key, /)"),
    super::m("__len__", dunder_len, "($self, /)"),
    super::m("__mod__", dunder_mod, "($self, value, /)"),
    super::m("__mul__", dunder_mul, "($self, value, /)"),
    super::m("__rmul__", dunder_mul, "($self, value, /)"),
    super::m("capitalize", capitalize, "($self, /)"),
    super::m("center", center, "($self, width, fillchar=b' ', /)"),
    super::m("count", count, ""),
    super::m(
        "decode",
        decode,
        "($self, /, encoding='utf-8', errors='strict')",
    ),
    super::m("endswith", endswith, ""),
    super::m("expandtabs", expandtabs, "($self, /, tabsize=8)"),
    super::m("find", find, ""),
    super::cm("fromhex", fromhex, "($type, string, /)"),
    super::m("hex", hex, ""),
    super::m("index", index, ""),
    super::m("isalnum", isalnum, "($self, /)"),
    super::m("isalpha", isalpha, "($self, /)"),
    super::m("isascii", isascii, "($self, /)"),
    super::m("isdigit", isdigit, "($self, /)"),
    super::m("islower", islower, "($self, /)"),
    super::m("isspace", isspace, "($self, /)"),
    super::m("istitle", istitle, "($self, /)"),
    super::m("isupper", isupper, "($self, /)"),
    super::m("join", join, "($self, iterable_of_bytes, /)"),
    super::m("ljust", ljust, "($self, width, fillchar=b' ', /)"),
    super::m("lower", lower, "($self, /)"),
    super::m("lstrip", lstrip, "($self, bytes=None, /)"),
    super::sm("maketrans", maketrans, "(frm, to, /)"),
    super::m("partition", partition, "($self, sep, /)"),
    super::m("removeprefix", removeprefix, "($self, prefix, /)"),
    super::m("removesuffix", removesuffix, "($self, suffix, /)"),
    super::m("replace", replace, "($self, old, new, count=-1, /)"),
    super::m("rfind", rfind, ""),
    super::m("rindex", rindex, ""),
    super::m("rjust", rjust, "($self, width, fillchar=b' ', /)"),
    super::m("rpartition", rpartition, "($self, sep, /)"),
    super::m("rsplit", rsplit, "($self, /, sep=None, maxsplit=-1)"),
    super::m("rstrip", rstrip, "($self, bytes=None, /)"),
    super::m("split", split, "($self, /, sep=None, maxsplit=-1)"),
    super::m("splitlines", splitlines, "($self, /, keepends=False)"),
    super::m("startswith", startswith, ""),
    super::m("strip", strip, "($self, bytes=None, /)"),
    super::m("swapcase", swapcase, "($self, /)"),
    super::m("title", title, "($self, /)"),
    super::m("translate", translate, "($self, table, /, delete=b'')"),
    super::m("upper", upper, "($self, /)"),
    super::m("zfill", zfill, "($self, width, /)"),
];
