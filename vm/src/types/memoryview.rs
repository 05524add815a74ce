//! `memoryview` (CPython's Objects/memoryobject.c) over the builtin buffers, `bytes` and
//! `bytearray`: shape and strides for slices and casts, item packing for the native
//! single-character formats (struct's native mode, little-endian hosts), release and the
//! context manager. A view made directly over a bytearray counts as one export of it until
//! released (CPython's managed buffer, without reference counting to end the slices' holds).
//! https://docs.python.org/3/library/stdtypes.html#memoryview

use std::sync::atomic::{AtomicBool, Ordering};

use protopy_objects::{BytesData, Trace, Tracer, Value};

use super::bytearray::ByteArray;
use super::slicing;
use super::{Args, Getter, NativeMethod, Setter};
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// A memoryview's state.
pub struct MemoryView {
    /// The exporting object (a bytes or bytearray).
    pub obj: Value,
    /// Whether this view holds the export of a bytearray (made over the object itself).
    pub root: bool,
    pub offset: isize,
    pub shape: Vec<usize>,
    pub strides: Vec<isize>,
    pub format: String,
    pub itemsize: usize,
    pub readonly: bool,
    pub released: AtomicBool,
}

impl Trace for MemoryView {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.obj);
    }
}

impl MemoryView {
    fn derived(&self, offset: isize, shape: Vec<usize>, strides: Vec<isize>) -> MemoryView {
        MemoryView {
            obj: self.obj,
            root: false,
            offset,
            shape,
            strides,
            format: self.format.clone(),
            itemsize: self.itemsize,
            readonly: self.readonly,
            released: AtomicBool::new(false),
        }
    }

    fn nbytes(&self) -> usize {
        self.shape.iter().product::<usize>() * self.itemsize
    }

    fn c_contiguous(&self) -> bool {
        let mut expect = self.itemsize as isize;
        for (&n, &s) in self.shape.iter().zip(&self.strides).rev() {
            if n > 1 && s != expect {
                return false;
            }
            if n == 0 {
                return true;
            }
            expect *= n as isize;
        }
        true
    }

    /// The byte offsets of the items in logical (C) order.
    fn item_offsets(&self) -> Vec<isize> {
        let mut out = vec![self.offset];
        for (&n, &s) in self.shape.iter().zip(&self.strides) {
            out = out
                .iter()
                .flat_map(|&base| (0..n).map(move |k| base + k as isize * s))
                .collect();
        }
        out
    }
}

/// The size of a native single-character format, or None.
fn format_size(f: &str) -> Option<usize> {
    let f = f.strip_prefix('@').unwrap_or(f);
    Some(match f {
        "B" | "b" | "c" | "?" => 1,
        "H" | "h" | "e" => 2,
        "I" | "i" | "f" => 4,
        "L" | "l" | "Q" | "q" | "N" | "n" | "d" | "P" => 8,
        _ => return None,
    })
}

fn is_byte_format(f: &str) -> bool {
    matches!(f, "B" | "b" | "c")
}

fn view(vm: &Vm, v: Value) -> Option<&MemoryView> {
    vm.opaque::<MemoryView>(v)
}

/// The view's fields, or `ValueError` once released.
fn live(vm: &mut Vm, v: Value) -> PyResult<MemoryView> {
    let snap = view(vm, v).map(|m| {
        let mut d = m.derived(m.offset, m.shape.clone(), m.strides.clone());
        d.root = m.root;
        (m.released.load(Ordering::SeqCst), d)
    });
    match snap {
        Some((false, m)) => Ok(m),
        Some((true, _)) => Err(vm.value_error("operation forbidden on released memoryview object")),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!(
                "descriptor requires a 'memoryview' object but received a '{t}'"
            )))
        }
    }
}

/// The exporter's whole buffer.
fn raw(vm: &Vm, obj: Value) -> Vec<u8> {
    if let Ok(b) = vm.m.get_value::<BytesData>(obj) {
        return b.bytes.to_vec();
    }
    vm.opaque::<ByteArray>(obj)
        .map(|b| b.data.lock().clone())
        .unwrap_or_default()
}

fn gone(vm: &mut Vm) -> crate::thread::PyErr {
    vm.new_error(Ty::BufferError, "memoryview: underlying buffer was resized")
}

/// The bytes of the items at `offsets`.
fn gather(vm: &mut Vm, m: &MemoryView, offsets: &[isize]) -> PyResult<Vec<u8>> {
    let data = raw(vm, m.obj);
    let mut out = Vec::with_capacity(offsets.len() * m.itemsize);
    for &o in offsets {
        let (Ok(a), Some(end)) = (usize::try_from(o), (o as usize).checked_add(m.itemsize)) else {
            return Err(gone(vm));
        };
        match data.get(a..end) {
            Some(s) => out.extend_from_slice(s),
            None => return Err(gone(vm)),
        }
    }
    Ok(out)
}

/// The contents of a memoryview in logical order (`tobytes()`).
pub fn contents(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    let m = live(vm, v)?;
    let offs = m.item_offsets();
    gather(vm, &m, &offs)
}

/// One item unpacked as a Python value.
fn unpack(vm: &mut Vm, format: &str, b: &[u8]) -> PyResult<Value> {
    let f = format.strip_prefix('@').unwrap_or(format);
    let mut w = [0u8; 8];
    w[..b.len().min(8)].copy_from_slice(&b[..b.len().min(8)]);
    let u = u64::from_le_bytes(w);
    let signed = |bits: u32| ((u << (64 - bits)) as i64) >> (64 - bits);
    match f {
        "c" => super::bytes::new_bytes(vm, b.to_vec()),
        "?" => Ok(Value::from_bool(u != 0)),
        "f" => Ok(Value::from_f64(f64::from(f32::from_bits(u as u32)))),
        "d" => Ok(Value::from_f64(f64::from_bits(u))),
        "b" | "h" | "i" | "l" | "q" | "n" => vm.new_i64(signed(8 * b.len() as u32)),
        _ => match i64::try_from(u) {
            Ok(n) => vm.new_i64(n),
            Err(_) => vm.new_int(crate::numeric::Int::from_bigint(u.into())),
        },
    }
}

/// Packs a Python value as one item of `format`.
fn pack(vm: &mut Vm, format: &str, itemsize: usize, v: Value) -> PyResult<Vec<u8>> {
    let f = format.strip_prefix('@').unwrap_or(format);
    let invalid_type =
        |vm: &mut Vm| vm.type_error(&format!("memoryview: invalid type for format '{f}'"));
    match f {
        "c" => match vm.m.get_value::<BytesData>(v) {
            Ok(b) if b.bytes.len() == 1 => Ok(b.bytes.to_vec()),
            Ok(_) => Err(vm.value_error(&format!("memoryview: invalid value for format '{f}'"))),
            Err(_) => Err(invalid_type(vm)),
        },
        "f" | "d" => {
            let x = match (v.as_f64(), vm.int_of(v)) {
                (Some(x), _) => x,
                (None, Some(i)) => crate::numeric::int_convert::int_to_f64(&i)
                    .map_err(|e| protocols::number::num_err(vm, e))?,
                _ => return Err(invalid_type(vm)),
            };
            Ok(if f == "f" {
                (x as f32).to_le_bytes().to_vec()
            } else {
                x.to_le_bytes().to_vec()
            })
        }
        "?" => {
            let t = protocols::truth(vm, v)?;
            Ok(vec![u8::from(t)])
        }
        _ => {
            let Some(i) = vm.int_of(v) else {
                return Err(invalid_type(vm));
            };
            let bits = 8 * itemsize as u32;
            let signed = matches!(f, "b" | "h" | "i" | "l" | "q" | "n");
            let n: Option<i128> = match i {
                crate::numeric::Int::Small(n) => Some(i128::from(n)),
                crate::numeric::Int::Big(b) => num_traits::ToPrimitive::to_i128(&b),
            };
            let (lo, hi) = if signed {
                (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
            } else {
                (0, (1i128 << bits) - 1)
            };
            match n {
                Some(n) if (lo..=hi).contains(&n) => {
                    Ok((n as u128).to_le_bytes()[..itemsize].to_vec())
                }
                _ => Err(vm.value_error(&format!("memoryview: invalid value for format '{f}'"))),
            }
        }
    }
}

/// `memoryview(object)`.
fn memoryview_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let params = super::argbind::Params {
        func: "memoryview",
        names: &["object"],
        posonly: 0,
        required: 1,
    };
    let a = params.bind(vm, &args, true)?;
    let obj = a[0].unwrap_or(Value::NONE);
    new_view(vm, obj)
}

/// A new view of a bytes-like object.
pub fn new_view(vm: &mut Vm, obj: Value) -> PyResult<Value> {
    if view(vm, obj).is_some() {
        let m = live(vm, obj)?;
        let d = m.derived(m.offset, m.shape.clone(), m.strides.clone());
        return vm.new_opaque(Ty::MemoryView, d);
    }
    let (len, readonly) = if let Ok(b) = vm.m.get_value::<BytesData>(obj) {
        (b.bytes.len(), true)
    } else if let Some(b) = vm.opaque::<ByteArray>(obj) {
        (b.data.lock().len(), false)
    } else {
        let t = vm.type_name(obj);
        return Err(vm.type_error(&format!(
            "memoryview: a bytes-like object is required, not '{t}'"
        )));
    };
    let m = MemoryView {
        obj,
        root: !readonly,
        offset: 0,
        shape: vec![len],
        strides: vec![1],
        format: "B".into(),
        itemsize: 1,
        readonly,
        released: AtomicBool::new(false),
    };
    let v = vm.new_opaque(Ty::MemoryView, m)?;
    if let Some(b) = vm.opaque::<ByteArray>(obj) {
        b.exports.fetch_add(1, Ordering::SeqCst);
    }
    Ok(v)
}

/// `m[key]`.
pub fn getitem(vm: &mut Vm, v: Value, key: Value) -> PyResult<Value> {
    let m = live(vm, v)?;
    if m.shape.is_empty() {
        return Err(vm.type_error("invalid indexing of 0-dim memory"));
    }
    if slicing::is_slice(vm, key) {
        let si = slicing::indices(vm, key, m.shape[0])?;
        let mut shape = m.shape.clone();
        let mut strides = m.strides.clone();
        shape[0] = si.len;
        strides[0] *= si.step;
        let offset = m.offset + si.start * m.strides[0];
        let d = m.derived(offset, shape, strides);
        return vm.new_opaque(Ty::MemoryView, d);
    }
    if !slicing::is_index(vm, key)? {
        return Err(vm.type_error("memoryview: invalid slice key"));
    }
    if m.shape.len() > 1 {
        return Err(vm.new_error(
            Ty::NotImplementedError,
            "multi-dimensional sub-views are not implemented",
        ));
    }
    let i = slicing::item_index(vm, key, m.shape[0], "index out of bounds on dimension 1")?;
    let off = m.offset + i as isize * m.strides[0];
    let b = gather(vm, &m, &[off])?;
    unpack(vm, &m.format, &b)
}

/// `m[key] = value`.
pub fn setitem(vm: &mut Vm, v: Value, key: Value, value: Value) -> PyResult<()> {
    let m = live(vm, v)?;
    if m.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    if value.is_null() {
        return Err(vm.type_error("cannot delete memory"));
    }
    if m.shape.len() != 1 {
        return Err(vm.new_error(
            Ty::NotImplementedError,
            "memoryview assignments are currently restricted to ndim = 1",
        ));
    }
    let (offsets, bytes) = if slicing::is_slice(vm, key) {
        let si = slicing::indices(vm, key, m.shape[0])?;
        let src = match view(vm, value).map(|s| (s.format.clone(), s.itemsize)) {
            Some((f, size)) => {
                if f != m.format || size != m.itemsize {
                    return Err(vm.value_error(
                        "memoryview assignment: lvalue and rvalue have different structures",
                    ));
                }
                contents(vm, value)?
            }
            None => super::bytes::want_buffer(vm, value)?,
        };
        if src.len() != si.len * m.itemsize {
            return Err(vm.value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        let offs: Vec<isize> = slicing::positions(si)
            .map(|i| m.offset + i as isize * m.strides[0])
            .collect();
        (offs, src)
    } else if slicing::is_index(vm, key)? {
        let i = slicing::item_index(vm, key, m.shape[0], "index out of bounds on dimension 1")?;
        let b = pack(vm, &m.format, m.itemsize, value)?;
        (vec![m.offset + i as isize * m.strides[0]], b)
    } else {
        return Err(vm.type_error("memoryview: invalid slice key"));
    };
    let ok = vm.opaque::<ByteArray>(m.obj).is_some_and(|ba| {
        let mut d = ba.data.lock();
        let fits = offsets
            .iter()
            .all(|&o| o >= 0 && (o as usize) + m.itemsize <= d.len());
        if fits {
            for (k, &o) in offsets.iter().enumerate() {
                let o = o as usize;
                d[o..o + m.itemsize].copy_from_slice(&bytes[k * m.itemsize..(k + 1) * m.itemsize]);
            }
        }
        fits
    });
    if !ok {
        return Err(gone(vm));
    }
    Ok(())
}

/// `len(m)`.
pub fn len(vm: &mut Vm, v: Value) -> PyResult<usize> {
    let m = live(vm, v)?;
    match m.shape.first() {
        Some(&n) => Ok(n),
        None => Err(vm.type_error("0-dim memory has no length")),
    }
}

/// Whether two bytes-like objects (at least one a memoryview) hold equal items.
pub fn equal(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    let released =
        |vm: &Vm, x: Value| view(vm, x).is_some_and(|m| m.released.load(Ordering::SeqCst));
    if released(vm, a) || released(vm, b) {
        return Ok(a == b);
    }
    let shape_fmt = |vm: &mut Vm, x: Value| -> PyResult<(Vec<usize>, String)> {
        match view(vm, x) {
            Some(m) => Ok((m.shape.clone(), m.format.clone())),
            None => {
                let n = super::bytes::buffer_bytes(vm, x)?.map_or(0, |b| b.len());
                Ok((vec![n], "B".into()))
            }
        }
    };
    let (sa, fa) = shape_fmt(vm, a)?;
    let (sb, fb) = shape_fmt(vm, b)?;
    if sa != sb {
        return Ok(false);
    }
    if fa == fb {
        let x = super::bytes::buffer_bytes(vm, a)?.unwrap_or_default();
        let y = super::bytes::buffer_bytes(vm, b)?.unwrap_or_default();
        return Ok(x == y);
    }
    let x = tolist_value(vm, a)?;
    vm.temps.push(x);
    let y = tolist_value(vm, b);
    let r = match y {
        Ok(y) => {
            vm.temps.push(y);
            let r = protocols::compare::eq(vm, x, y);
            vm.temps.pop();
            r
        }
        Err(e) => Err(e),
    };
    vm.temps.pop();
    r
}

fn tolist_value(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if view(vm, v).is_some() {
        return tolist(vm, Args::new(vec![v]));
    }
    let b = super::bytes::buffer_bytes(vm, v)?.unwrap_or_default();
    let items: Vec<Value> = b
        .iter()
        .map(|&c| Value::from_i64(i64::from(c)).unwrap_or(Value::NONE))
        .collect();
    vm.new_list(items)
}

/// `repr(m)`.
pub fn repr(vm: &Vm, v: Value) -> String {
    let released = view(vm, v).is_some_and(|m| m.released.load(Ordering::SeqCst));
    let addr = v.to_bits() & 0xFFFF_FFFF_FFFF;
    if released {
        format!("<released memory at {addr:#x}>")
    } else {
        format!("<memory at {addr:#x}>")
    }
}

fn this(args: &Args) -> Value {
    args.pos.first().copied().unwrap_or(Value::NONE)
}

fn tobytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = super::argbind::bind(vm, &args, "tobytes", &["order"], 0, 0)?;
    let _ = a;
    let b = contents(vm, this(&args))?;
    super::bytes::new_bytes(vm, b)
}

fn tolist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = live(vm, this(&args))?;
    let offs = m.item_offsets();
    let data = gather(vm, &m, &offs)?;
    let mark = vm.temps.len();
    let r = (|| {
        let mut items = Vec::with_capacity(offs.len());
        for chunk in data.chunks(m.itemsize.max(1)) {
            let x = unpack(vm, &m.format, chunk)?;
            vm.temps.push(x);
            items.push(x);
        }
        nest(vm, &items, &m.shape)
    })();
    vm.temps.truncate(mark);
    r
}

/// Nested lists of `items` in the shape `shape`.
fn nest(vm: &mut Vm, items: &[Value], shape: &[usize]) -> PyResult<Value> {
    match shape {
        [] => Ok(items.first().copied().unwrap_or(Value::NONE)),
        [_] => vm.new_list(items.to_vec()),
        [n, rest @ ..] => {
            let per = rest.iter().product::<usize>();
            let mut rows = Vec::with_capacity(*n);
            for k in 0..*n {
                let row = nest(vm, &items[k * per..(k + 1) * per], rest)?;
                vm.temps.push(row);
                rows.push(row);
            }
            vm.new_list(rows)
        }
    }
}

fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = contents(vm, this(&args))?;
    super::bytes_methods::hex_of(vm, &b, &args)
}

/// Releases the view (and its hold on a bytearray).
fn release_view(vm: &mut Vm, v: Value) {
    let Some(m) = view(vm, v) else { return };
    if m.released.swap(true, Ordering::SeqCst) {
        return;
    }
    if m.root {
        if let Some(b) = vm.opaque::<ByteArray>(m.obj) {
            b.exports.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

fn release(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "release", 0, 0)?;
    release_view(vm, this(&args));
    Ok(Value::NONE)
}

fn enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__enter__", 0, 0)?;
    live(vm, this(&args))?;
    Ok(this(&args))
}

fn exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    release_view(vm, this(&args));
    Ok(Value::NONE)
}

fn toreadonly(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "toreadonly", 0, 0)?;
    let m = live(vm, this(&args))?;
    let mut d = m.derived(m.offset, m.shape.clone(), m.strides.clone());
    d.readonly = true;
    vm.new_opaque(Ty::MemoryView, d)
}

fn cast(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = super::argbind::bind(vm, &args, "cast", &["format", "shape"], 0, 1)?;
    let m = live(vm, this(&args))?;
    let Some(fmt) = a[0].and_then(|f| vm.rust_str(f)) else {
        let t = a[0].map(|f| vm.type_name(f)).unwrap_or_default();
        return Err(vm.type_error(&format!("cast() argument 'format' must be str, not {t}")));
    };
    if !m.c_contiguous() {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    if fmt.strip_prefix('@').unwrap_or(&fmt) == "e" {
        return Err(crate::ops::not_yet(vm, "memoryview format 'e'"));
    }
    let Some(size) = format_size(&fmt) else {
        return Err(vm.value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    let fmt = fmt.strip_prefix('@').unwrap_or(&fmt).to_string();
    let src = m.format.strip_prefix('@').unwrap_or(&m.format).to_string();
    if !is_byte_format(&src) && !is_byte_format(&fmt) {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let nbytes = m.nbytes();
    let shape = match a[1] {
        Some(s) if !s.is_none() => {
            let items = match vm.tuple_items(s).map(<[Value]>::to_vec) {
                Some(t) => t,
                None => match vm.list_data(s) {
                    Some(l) => l.snapshot(),
                    None => return Err(vm.type_error("shape must be a list or a tuple")),
                },
            };
            let mut shape = Vec::with_capacity(items.len());
            for x in items {
                let n = super::str_methods::isize_arg(vm, x)?;
                if n <= 0 {
                    return Err(
                        vm.value_error("memoryview.cast(): elements of shape must be integers > 0")
                    );
                }
                shape.push(n as usize);
            }
            if shape.iter().product::<usize>() * size != nbytes {
                return Err(vm.type_error("memoryview: product(shape) * itemsize != buffer size"));
            }
            shape
        }
        _ => {
            if nbytes % size != 0 {
                return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
            }
            vec![nbytes / size]
        }
    };
    let mut strides = vec![0isize; shape.len()];
    let mut acc = size as isize;
    for (k, &n) in shape.iter().enumerate().rev() {
        strides[k] = acc;
        acc *= n as isize;
    }
    let mut d = m.derived(m.offset, shape, strides);
    d.format = fmt;
    d.itemsize = size;
    vm.new_opaque(Ty::MemoryView, d)
}

fn dunder_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = len(vm, this(&args))?;
    vm.new_usize(n)
}

fn dunder_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__getitem__", 1, 1)?;
    getitem(vm, args.pos[0], args.pos[1])
}

fn dunder_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__setitem__", 2, 2)?;
    setitem(vm, args.pos[0], args.pos[1], args.pos[2])?;
    Ok(Value::NONE)
}

fn dunder_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = live(vm, this(&args))?;
    if !m.readonly {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    if !is_byte_format(m.format.strip_prefix('@').unwrap_or(&m.format)) {
        return Err(vm.value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
    }
    let b = contents(vm, this(&args))?;
    vm.new_i64(protocols::strhash::hash_bytes(&b))
}

pub const METHODS: &[NativeMethod] = &[
    super::sm("__new__", memoryview_new, ""),
    super::m("__enter__", enter, "($self, /)"),
    super::m("__exit__", exit, "($self, /, *exc_info)"),
    super::m("__getitem__", dunder_getitem, "($self, key, /)"),
    super::m("__hash__", dunder_hash, "($self, /)"),
    super::m("__len__", dunder_len, "($self, /)"),
    super::m("__setitem__", dunder_setitem, "($self, key, value, /)"),
    super::m("cast", cast, "($self, /, format, shape=<unrepresentable>)"),
    super::m("hex", hex, ""),
    super::m("release", release, "($self, /)"),
    super::m("tobytes", tobytes, "($self, /, order='C')"),
    super::m("tolist", tolist, "($self, /)"),
    super::m("toreadonly", toreadonly, "($self, /)"),
];

macro_rules! getter {
    ($($name:ident => |$vm:ident, $m:ident| $e:expr),* $(,)?) => {$(
        fn $name($vm: &mut Vm, v: Value) -> PyResult<Value> {
            let $m = live($vm, v)?;
            $e
        }
    )*};
}

fn int_tuple(vm: &mut Vm, xs: impl Iterator<Item = i64>) -> PyResult<Value> {
    let items: Vec<Value> = xs
        .map(|n| Value::from_i64(n).unwrap_or(Value::NONE))
        .collect();
    vm.new_tuple(items)
}

getter!(
    get_obj => |_vm, m| Ok(m.obj),
    get_nbytes => |vm, m| vm.new_usize(m.nbytes()),
    get_readonly => |_vm, m| Ok(Value::from_bool(m.readonly)),
    get_itemsize => |vm, m| vm.new_usize(m.itemsize),
    get_format => |vm, m| vm.new_str(&m.format),
    get_ndim => |vm, m| vm.new_usize(m.shape.len()),
    get_shape => |vm, m| int_tuple(vm, m.shape.iter().map(|&n| n as i64)),
    get_strides => |vm, m| int_tuple(vm, m.strides.iter().map(|&n| n as i64)),
    get_suboffsets => |vm, _m| vm.new_tuple(Vec::new()),
    get_c_contiguous => |_vm, m| Ok(Value::from_bool(m.c_contiguous())),
    get_f_contiguous => |_vm, m| Ok(Value::from_bool(m.shape.len() <= 1 && m.c_contiguous())),
    get_contiguous => |_vm, m| Ok(Value::from_bool(m.c_contiguous())),
);

pub const GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    ("c_contiguous", get_c_contiguous, None),
    ("contiguous", get_contiguous, None),
    ("f_contiguous", get_f_contiguous, None),
    ("format", get_format, None),
    ("itemsize", get_itemsize, None),
    ("nbytes", get_nbytes, None),
    ("ndim", get_ndim, None),
    ("obj", get_obj, None),
    ("readonly", get_readonly, None),
    ("shape", get_shape, None),
    ("strides", get_strides, None),
    ("suboffsets", get_suboffsets, None),
];
