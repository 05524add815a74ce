//! The methods and attributes of `_io` file objects (CPython's Modules/_io/iobase.c,
//! fileio.c, bufferedio.c, textio.c): reading, writing, seeking, closing, iteration and the
//! context-manager protocol, for every layer.
//! https://docs.python.org/3/library/io.html#class-hierarchy

use protopy_objects::{BytesData, Value};

use super::io::{closed_error, os_error, parts, text_error, unsupported, IoObj, Layer, Parts};
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};
use crate::types::bytearray::ByteArray;
use crate::types::bytes::{buffer_bytes, want_buffer};
use crate::types::memoryview::MemoryView;
use crate::types::slice::new_slice;
use crate::types::{m, Args, Getter, NativeMethod, Setter};

fn new_bytes(vm: &mut Vm, b: Vec<u8>) -> PyResult<Value> {
    vm.alloc(Ty::Bytes, BytesData::new(b))
}

/// The parts of an open file (ValueError once closed).
fn open_parts(vm: &mut Vm, v: Value) -> PyResult<Parts> {
    let p = parts(vm, v)?;
    if p.raw.lock().stream.is_none() {
        return Err(closed_error(vm));
    }
    Ok(p)
}

fn readable_parts(vm: &mut Vm, v: Value) -> PyResult<Parts> {
    let p = open_parts(vm, v)?;
    if !p.readable {
        let msg = if p.layer == Layer::Text {
            "not readable"
        } else {
            "read"
        };
        return Err(unsupported(vm, msg));
    }
    Ok(p)
}

fn writable_parts(vm: &mut Vm, v: Value) -> PyResult<Parts> {
    let p = open_parts(vm, v)?;
    if !p.writable {
        let msg = if p.layer == Layer::Text {
            "not writable"
        } else {
            "write"
        };
        return Err(unsupported(vm, msg));
    }
    Ok(p)
}

/// An optional size argument: None or negative means "all".
fn size_arg(vm: &mut Vm, args: &Args, i: usize) -> PyResult<Option<usize>> {
    match args.get(i) {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => {
            let n = protocols::number::index_i64(vm, v)?;
            Ok((n >= 0).then_some(n as usize))
        }
    }
}

/// Fills a text layer's pending text from the stream: everything left for a file, a line for
/// stdin.
fn text_fill(vm: &mut Vm, p: &Parts, line: bool) -> PyResult<bool> {
    let bytes = {
        let mut raw = p.raw.lock();
        let is_stdin = matches!(raw.stream, Some(super::io::Stream::Stdin));
        if line && is_stdin {
            raw.read_line(None)
        } else {
            raw.read(None)
        }
    };
    let bytes = bytes.map_err(|e| os_error(vm, &e, None))?;
    if bytes.is_empty() {
        return Ok(false);
    }
    let Some(t) = &p.text else { return Ok(false) };
    let r = t.lock().feed(&bytes);
    r.map_err(|e| text_error(vm, e))?;
    Ok(true)
}

fn text_read(vm: &mut Vm, p: &Parts, n: Option<usize>) -> PyResult<String> {
    let Some(t) = p.text.clone() else {
        return Ok(String::new());
    };
    loop {
        let avail = t.lock().available();
        if n.is_some_and(|n| avail >= n) {
            break;
        }
        if !text_fill(vm, p, false)? {
            break;
        }
    }
    let mut t = t.lock();
    let end = match n {
        Some(n) => t.pos + n,
        None => t.pending.len(),
    };
    Ok(t.take(end))
}

fn text_readline(vm: &mut Vm, p: &Parts, limit: Option<usize>) -> PyResult<String> {
    let Some(t) = p.text.clone() else {
        return Ok(String::new());
    };
    loop {
        let (end, avail) = {
            let t = t.lock();
            (t.line_end(), t.available())
        };
        if let Some(e) = end {
            let mut t = t.lock();
            let e = match limit {
                Some(l) => e.min(t.pos + l),
                None => e,
            };
            return Ok(t.take(e));
        }
        if limit.is_some_and(|l| avail >= l) {
            let mut t = t.lock();
            let e = t.pos + limit.unwrap_or(0);
            return Ok(t.take(e));
        }
        if !text_fill(vm, p, true)? {
            let mut t = t.lock();
            let e = match limit {
                Some(l) => t.pos + l,
                None => t.pending.len(),
            };
            return Ok(t.take(e));
        }
    }
}

/// One line (text: str, binary: bytes); empty at the end.
fn readline_value(vm: &mut Vm, this: Value, limit: Option<usize>) -> PyResult<Value> {
    let p = readable_parts(vm, this)?;
    if p.layer == Layer::Text {
        let s = text_readline(vm, &p, limit)?;
        vm.new_str(&s)
    } else {
        let r = p.raw.lock().read_line(limit);
        let b = r.map_err(|e| os_error(vm, &e, None))?;
        new_bytes(vm, b)
    }
}

fn value_len(vm: &mut Vm, v: Value) -> usize {
    if let Some(d) = vm.str_data(v) {
        return d.len();
    }
    vm.m.get_value::<BytesData>(v)
        .map(|b| b.bytes.len())
        .unwrap_or(0)
}

/// `read(size=-1, /)`.
fn read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "read", 0, 1)?;
    let n = size_arg(vm, &args, 1)?;
    let p = readable_parts(vm, args.pos[0])?;
    if p.layer == Layer::Text {
        let s = text_read(vm, &p, n)?;
        return vm.new_str(&s);
    }
    let r = p.raw.lock().read(n);
    let b = r.map_err(|e| os_error(vm, &e, None))?;
    new_bytes(vm, b)
}

/// `readline(size=-1, /)`.
fn readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "readline", 0, 1)?;
    let n = size_arg(vm, &args, 1)?;
    readline_value(vm, args.pos[0], n)
}

/// `readlines(hint=-1, /)`.
fn readlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "readlines", 0, 1)?;
    let hint = size_arg(vm, &args, 1)?.filter(|&h| h > 0);
    let this = args.pos[0];
    let mark = vm.temps.len();
    let r = (|| {
        let mut lines = Vec::new();
        let mut total = 0;
        loop {
            let line = readline_value(vm, this, None)?;
            let n = value_len(vm, line);
            if n == 0 {
                break;
            }
            vm.temps.push(line);
            lines.push(line);
            total += n;
            if hint.is_some_and(|h| total >= h) {
                break;
            }
        }
        vm.new_list(lines)
    })();
    vm.temps.truncate(mark);
    r
}

/// `readinto(buffer, /)`: fills a writable buffer (a `bytearray` or a writable `memoryview`).
fn readinto(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "readinto", 1, 1)?;
    let p = readable_parts(vm, args.pos[0])?;
    let target = args.pos[1];
    let writable = vm.opaque::<ByteArray>(target).is_some()
        || vm.opaque::<MemoryView>(target).is_some_and(|m| !m.readonly);
    if !writable {
        let t = vm.type_name(target);
        return Err(vm.type_error(&format!(
            "readinto() argument must be read-write bytes-like object, not {t}"
        )));
    }
    let n = match buffer_bytes(vm, target)? {
        Some(b) => b.len(),
        None => 0,
    };
    let r = p.raw.lock().read(Some(n));
    let b = r.map_err(|e| os_error(vm, &e, None))?;
    let count = b.len();
    let mark = vm.temps.len();
    let r = (|| {
        let data = new_bytes(vm, b)?;
        vm.temps.push(data);
        let stop = vm.new_usize(count)?;
        vm.temps.push(stop);
        let key = new_slice(vm, Value::NONE, stop, Value::NONE)?;
        vm.temps.push(key);
        protocols::item::setitem(vm, target, key, data)
    })();
    vm.temps.truncate(mark);
    r?;
    vm.new_usize(count)
}

/// The bytes of a bytes-like object.
fn bytes_of(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    want_buffer(vm, v)
}

/// Writes one str or bytes object; returns the count CPython reports.
pub fn write_value(vm: &mut Vm, this: Value, v: Value) -> PyResult<usize> {
    let p = writable_parts(vm, this)?;
    if let Some(t) = p.text.clone() {
        let Some(s) = vm.rust_str(v) else {
            let tn = vm.type_name(v);
            return Err(vm.type_error(&format!("write() argument must be str, not {tn}")));
        };
        let n = vm.str_data(v).map(|d| d.len()).unwrap_or(0);
        let (bytes, flush) = {
            let mut t = t.lock();
            let had = t.available() > 0;
            t.reset();
            let out = t.translate_out(&s);
            let flush = t.line_buffering && (s.contains('\n') || s.contains('\r'));
            (t.encode(&out).map(|b| (b, had)), flush)
        };
        let (bytes, had_pending) = bytes.map_err(|e| text_error(vm, e))?;
        let r = {
            let mut raw = p.raw.lock();
            let _ = had_pending;
            raw.write(&bytes)
                .and_then(|_| if flush { raw.flush() } else { Ok(()) })
        };
        r.map_err(|e| os_error(vm, &e, None))?;
        return Ok(n);
    }
    let b = bytes_of(vm, v)?;
    let r = p.raw.lock().write(&b);
    r.map_err(|e| os_error(vm, &e, None))
}

/// `write(b_or_s, /)`.
fn write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "write", 1, 1)?;
    let n = write_value(vm, args.pos[0], args.pos[1])?;
    vm.new_usize(n)
}

/// `writelines(lines, /)`.
fn writelines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "writelines", 1, 1)?;
    let this = args.pos[0];
    open_parts(vm, this)?;
    let it = protocols::iter::get_iter(vm, args.pos[1])?;
    vm.temps.push(it);
    let r = (|| {
        while let Some(line) = protocols::iter::next(vm, it)? {
            vm.temps.push(line);
            let r = write_value(vm, this, line);
            vm.temps.pop();
            r?;
        }
        Ok(Value::NONE)
    })();
    vm.temps.pop();
    r
}

/// `seek(cookie, whence=0, /)`.
fn seek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "seek", 1, 2)?;
    let p = open_parts(vm, args.pos[0])?;
    let off = protocols::number::index_i64(vm, args.pos[1])?;
    let whence = match args.get(2) {
        Some(w) => protocols::number::index_i64(vm, w)?,
        None => 0,
    };
    if !(0..=2).contains(&whence) {
        return Err(vm.value_error(&format!("invalid whence ({whence}, should be 0, 1 or 2)")));
    }
    if let Some(t) = &p.text {
        if whence != 0 && off != 0 {
            let msg = if whence == 1 {
                "can't do nonzero cur-relative seeks"
            } else {
                "can't do nonzero end-relative seeks"
            };
            return Err(unsupported(vm, msg));
        }
        if off < 0 {
            return Err(vm.value_error(&format!("negative seek position {off}")));
        }
        let (tell, _) = text_tell(&p, t);
        t.lock().reset();
        let r = match whence {
            1 => p.raw.lock().seek(tell as i64, 0),
            _ => p.raw.lock().seek(off, whence),
        };
        let pos = r.map_err(|e| os_error(vm, &e, None))?;
        return vm.new_i64(pos as i64);
    }
    let r = p.raw.lock().seek(off, whence);
    let pos = r.map_err(|e| os_error(vm, &e, None))?;
    vm.new_i64(pos as i64)
}

/// A text layer's position: the raw position less the bytes of text read ahead.
fn text_tell(p: &Parts, t: &parking_lot::Mutex<super::io::TextState>) -> (u64, bool) {
    let raw = p.raw.lock().tell();
    let t = t.lock();
    let ahead: String = t.pending[t.pos..].iter().collect();
    let ahead = t.encode(&ahead).map(|b| b.len()).unwrap_or(0) as u64;
    match raw {
        Ok(r) => (r.saturating_sub(ahead), true),
        Err(_) => (0, false),
    }
}

/// `tell()`.
fn tell(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "tell", 0, 0)?;
    let p = open_parts(vm, args.pos[0])?;
    if let Some(t) = p.text.clone() {
        let (pos, ok) = text_tell(&p, &t);
        if !ok {
            return Err(unsupported(vm, "underlying stream is not seekable"));
        }
        return vm.new_i64(pos as i64);
    }
    let r = p.raw.lock().tell();
    let pos = r.map_err(|e| os_error(vm, &e, None))?;
    vm.new_i64(pos as i64)
}

/// `truncate(pos=None, /)`.
fn truncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "truncate", 0, 1)?;
    let p = writable_parts(vm, args.pos[0])?;
    let size = match args.get(1) {
        Some(v) if !v.is_none() => Some(protocols::number::index_i64(vm, v)?.max(0) as u64),
        _ => None,
    };
    let r = p.raw.lock().truncate(size);
    let n = r.map_err(|e| os_error(vm, &e, None))?;
    vm.new_i64(n as i64)
}

/// `flush()`.
fn flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "flush", 0, 0)?;
    let p = open_parts(vm, args.pos[0])?;
    let r = p.raw.lock().flush();
    r.map_err(|e| os_error(vm, &e, None))?;
    Ok(Value::NONE)
}

/// `close()`: flushes and closes the OS file; closing again does nothing.
fn close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "close", 0, 0)?;
    let p = parts(vm, args.pos[0])?;
    let r = {
        let mut raw = p.raw.lock();
        let r = raw.flush();
        if matches!(raw.stream, Some(super::io::Stream::File(_))) {
            raw.stream = None;
        }
        raw.rbuf.clear();
        r
    };
    r.map_err(|e| os_error(vm, &e, None))?;
    Ok(Value::NONE)
}

fn flag(vm: &mut Vm, args: Args, name: &str, f: fn(&Parts) -> bool) -> PyResult<Value> {
    args.check_method(vm, name, 0, 0)?;
    let p = open_parts(vm, args.pos[0])?;
    Ok(Value::from_bool(f(&p)))
}

fn readable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    flag(vm, args, "readable", |p| p.readable)
}

fn writable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    flag(vm, args, "writable", |p| p.writable)
}

fn seekable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    flag(vm, args, "seekable", |p| {
        matches!(p.raw.lock().stream, Some(super::io::Stream::File(_)))
    })
}

fn isatty(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use std::io::IsTerminal;
    flag(vm, args, "isatty", |p| match &p.raw.lock().stream {
        Some(super::io::Stream::File(f)) => f.is_terminal(),
        Some(super::io::Stream::Stdin) => std::io::stdin().is_terminal(),
        Some(super::io::Stream::Stdout) => std::io::stdout().is_terminal(),
        Some(super::io::Stream::Stderr) => std::io::stderr().is_terminal(),
        None => false,
    })
}

/// `fileno()`.
fn fileno(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "fileno", 0, 0)?;
    let p = open_parts(vm, args.pos[0])?;
    let fd = {
        use std::os::fd::AsRawFd;
        match &p.raw.lock().stream {
            Some(super::io::Stream::File(f)) => f.as_raw_fd(),
            Some(super::io::Stream::Stdin) => 0,
            Some(super::io::Stream::Stdout) => 1,
            _ => 2,
        }
    };
    vm.new_i64(i64::from(fd))
}

fn enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__enter__", 0, 0)?;
    open_parts(vm, args.pos[0])?;
    Ok(args.pos[0])
}

fn exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    close(vm, Args::new(vec![args.pos[0]]))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__iter__", 0, 0)?;
    open_parts(vm, args.pos[0])?;
    Ok(args.pos[0])
}

fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__next__", 0, 0)?;
    let line = readline_value(vm, args.pos[0], None)?;
    if value_len(vm, line) == 0 {
        return Err(vm.new_error_args(Ty::StopIteration, vec![]));
    }
    Ok(line)
}

/// `repr(file)`: `<_io.TextIOWrapper name='x' mode='r' encoding='UTF-8'>`.
fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = file_repr(vm, args.pos[0])?;
    vm.new_str(&s)
}

/// The text of `repr(file)`.
pub fn file_repr(vm: &mut Vm, this: Value) -> PyResult<String> {
    let Some(o) = vm.opaque::<IoObj>(this) else {
        return Err(vm.type_error("not a file object"));
    };
    let (layer, name, mode, text) = (o.layer, o.name.load(), o.mode.clone(), o.text.clone());
    let ty = vm.type_name(this);
    let closed = parts(vm, this)?.raw.lock().stream.is_none();
    let mut out = format!("<_io.{ty}");
    if closed && layer != Layer::Text {
        out.push_str(" [closed]");
    } else {
        let n = protocols::repr::repr(vm, name)?;
        out.push_str(&format!(" name={n}"));
        match layer {
            Layer::Raw => out.push_str(&format!(" mode='{mode}' closefd=True")),
            Layer::Buffered => {}
            Layer::Text => {
                let enc = text.map(|t| t.lock().encoding.clone()).unwrap_or_default();
                out.push_str(&format!(" mode='{mode}' encoding='{enc}'"));
            }
        }
    }
    out.push('>');
    Ok(out)
}

pub const METHODS: &[NativeMethod] = &[
    m("__enter__", enter, "($self, /)"),
    m("__exit__", exit, "($self, /, *args)"),
    m("__iter__", iter, "($self, /)"),
    m("__next__", next, "($self, /)"),
    m("__repr__", repr, "($self, /)"),
    m("close", close, "($self, /)"),
    m("fileno", fileno, "($self, /)"),
    m("flush", flush, "($self, /)"),
    m("isatty", isatty, "($self, /)"),
    m("read", read, "($self, size=-1, /)"),
    m("readable", readable, "($self, /)"),
    m("readinto", readinto, "($self, buffer, /)"),
    m("readline", readline, "($self, size=-1, /)"),
    m("readlines", readlines, "($self, hint=-1, /)"),
    m("seek", seek, "($self, cookie, whence=0, /)"),
    m("seekable", seekable, "($self, /)"),
    m("tell", tell, "($self, /)"),
    m("truncate", truncate, "($self, pos=None, /)"),
    m("writable", writable, "($self, /)"),
    m("write", write, "($self, b, /)"),
    m("writelines", writelines, "($self, lines, /)"),
];

fn get_closed(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let p = parts(vm, v)?;
    let closed = p.raw.lock().stream.is_none();
    Ok(Value::from_bool(closed))
}

fn get_name(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(vm
        .opaque::<IoObj>(v)
        .map(|o| o.name.load())
        .unwrap_or(Value::NONE))
}

fn get_mode(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let mode = vm.opaque::<IoObj>(v).map(|o| o.mode.clone());
    match mode {
        Some(m) => vm.new_str(&m),
        None => Err(vm.attribute_error("mode")),
    }
}

fn text_field(
    vm: &mut Vm,
    v: Value,
    f: fn(&super::io::TextState) -> Option<String>,
) -> PyResult<Value> {
    let p = parts(vm, v)?;
    let Some(t) = p.text else {
        return Err(vm.attribute_error("not a text file"));
    };
    let s = f(&t.lock());
    match s {
        Some(s) => vm.new_str(&s),
        None => Ok(Value::NONE),
    }
}

fn get_encoding(vm: &mut Vm, v: Value) -> PyResult<Value> {
    text_field(vm, v, |t| Some(t.encoding.clone()))
}

fn get_errors(vm: &mut Vm, v: Value) -> PyResult<Value> {
    text_field(vm, v, |t| Some(t.errors.clone()))
}

fn get_line_buffering(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let p = parts(vm, v)?;
    let lb = p.text.map(|t| t.lock().line_buffering).unwrap_or(false);
    Ok(Value::from_bool(lb))
}

/// `newlines`: None, one kind, or a tuple of the kinds seen.
fn get_newlines(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let p = parts(vm, v)?;
    let seen = p.text.map(|t| t.lock().seen).unwrap_or(0);
    let mut kinds = Vec::new();
    for (bit, s) in [(1u8, "\r"), (2, "\n"), (4, "\r\n")] {
        if seen & bit != 0 {
            kinds.push(vm.new_str(s)?);
            vm.temps.push(kinds[kinds.len() - 1]);
        }
    }
    let n = kinds.len();
    let r = match n {
        0 => Ok(Value::NONE),
        1 => Ok(kinds[0]),
        _ => vm.new_tuple(kinds),
    };
    vm.temps.truncate(vm.temps.len() - n);
    r
}

/// `buffer` of a text file, `raw` of a buffered one: the layer below, sharing the OS file.
fn get_inner(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let Some(o) = vm.opaque::<IoObj>(v) else {
        return Err(vm.attribute_error("inner"));
    };
    let cur = o.inner.load();
    if !cur.is_null() && !cur.is_none() {
        return Ok(cur);
    }
    let layer = match o.layer {
        Layer::Text => Layer::Buffered,
        Layer::Buffered => Layer::Raw,
        Layer::Raw => return Err(vm.attribute_error("'_io.FileIO' object has no attribute 'raw'")),
    };
    let mode = binary_mode(&o.mode, o.readable, o.writable);
    let inner = IoObj {
        layer,
        raw: o.raw.clone(),
        text: None,
        readable: o.readable,
        writable: o.writable,
        mode,
        name: protopy_objects::AtomicValue::new(o.name.load()),
        inner: protopy_objects::AtomicValue::new(Value::NONE),
    };
    let ty = inner.ty();
    let obj = vm.new_opaque(ty, inner)?;
    if let Some(o) = vm.opaque::<IoObj>(v) {
        o.inner.store(obj);
    }
    Ok(obj)
}

/// The `mode` of the binary layers under a text file opened with `mode`.
pub fn binary_mode(mode: &str, readable: bool, writable: bool) -> String {
    let letter = mode.chars().find(|c| "rwax".contains(*c)).unwrap_or('r');
    if readable && writable {
        let letter = if letter == 'w' { 'r' } else { letter };
        format!("{letter}b+")
    } else {
        format!("{letter}b")
    }
}

pub const TEXT_GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    ("buffer", get_inner, None),
    ("closed", get_closed, None),
    ("encoding", get_encoding, None),
    ("errors", get_errors, None),
    ("line_buffering", get_line_buffering, None),
    ("mode", get_mode, None),
    ("name", get_name, None),
    ("newlines", get_newlines, None),
];

pub const BUFFERED_GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    ("closed", get_closed, None),
    ("mode", get_mode, None),
    ("name", get_name, None),
    ("raw", get_inner, None),
];

pub const RAW_GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    ("closed", get_closed, None),
    ("mode", get_mode, None),
    ("name", get_name, None),
];
