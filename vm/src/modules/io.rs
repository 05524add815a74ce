//! File objects of the `_io` module (CPython's Modules/_io/: `fileio.c`, `bufferedio.c`,
//! `textio.c`): `FileIO`, `BufferedReader`/`BufferedWriter`/`BufferedRandom` and
//! `TextIOWrapper`, one native object whose layer decides its behaviour, all layers of one
//! `open()` sharing the OS file. Text decoding, encoding and newline translation follow
//! `TextIOWrapper` (universal newlines on read, `newline` on write).
//! https://docs.python.org/3/library/io.html

use std::io::{Read, Seek, SeekFrom, Write};
use std::sync::Arc;

use parking_lot::Mutex;
use protopy_compiler::pystr::PyStr;
use protopy_objects::{AtomicValue, Trace, Tracer, Value};

use crate::runtime::Ty;
use crate::text::codecs::{self, Codec};
use crate::thread::{PyErr, PyResult, Vm};

/// Where the bytes go: a file, or one of the process's standard streams.
pub enum Stream {
    File(std::fs::File),
    Stdin,
    Stdout,
    Stderr,
}

/// The OS-level state every layer of one open file shares (`FileIO` plus the read-ahead of
/// the buffered layer).
pub struct Raw {
    /// None once closed.
    pub stream: Option<Stream>,
    /// Bytes read from the stream but not yet consumed (the buffered layer's read-ahead).
    pub rbuf: Vec<u8>,
}

/// Which object of the stack this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    Raw,
    Buffered,
    Text,
}

/// The decoding, encoding and newline state of a text layer.
pub struct TextState {
    pub codec: Codec,
    pub encoding: String,
    pub errors: String,
    /// `newline`: None for universal newlines.
    pub newline: Option<String>,
    /// Decoded text not yet returned, and how much of it has been.
    pub pending: Vec<char>,
    pub pos: usize,
    /// Newline kinds seen while reading with universal newlines: 1 `\r`, 2 `\n`, 4 `\r\n`.
    pub seen: u8,
    pub line_buffering: bool,
}

/// A file object of any layer.
pub struct IoObj {
    pub layer: Layer,
    pub raw: Arc<Mutex<Raw>>,
    pub text: Option<Arc<Mutex<TextState>>>,
    pub readable: bool,
    pub writable: bool,
    /// `mode` as reported by this layer (`'r'`, `'rb'`, ...).
    pub mode: String,
    pub name: AtomicValue,
    /// The text layer's `buffer`, the buffered layer's `raw` (made on first use).
    pub inner: AtomicValue,
}

impl Trace for IoObj {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.name.load());
        t.visit(self.inner.load());
    }
}

impl IoObj {
    /// The builtin type of this layer for a file opened readable/writable as given.
    pub fn ty(&self) -> Ty {
        match self.layer {
            Layer::Raw => Ty::FileIO,
            Layer::Text => Ty::TextIOWrapper,
            Layer::Buffered => match (self.readable, self.writable) {
                (true, true) => Ty::BufferedRandom,
                (false, true) => Ty::BufferedWriter,
                _ => Ty::BufferedReader,
            },
        }
    }
}

/// The parts of a file object that methods use, cloned out of the object.
pub struct Parts {
    pub layer: Layer,
    pub raw: Arc<Mutex<Raw>>,
    pub text: Option<Arc<Mutex<TextState>>>,
    pub readable: bool,
    pub writable: bool,
}

/// The file object `v`'s parts, or TypeError.
pub fn parts(vm: &mut Vm, v: Value) -> PyResult<Parts> {
    match vm.opaque::<IoObj>(v) {
        Some(o) => Ok(Parts {
            layer: o.layer,
            raw: o.raw.clone(),
            text: o.text.clone(),
            readable: o.readable,
            writable: o.writable,
        }),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("descriptor requires a file object, not '{t}'")))
        }
    }
}

/// `OSError` (or the subclass its errno maps to) for an OS error, with `errno`, `strerror` and
/// `filename` (CPython's `PyErr_SetFromErrnoWithFilenameObject`).
pub fn os_error(vm: &mut Vm, e: &std::io::Error, filename: Option<Value>) -> PyErr {
    let code = e.raw_os_error().unwrap_or(0);
    let text = e.to_string();
    let strerror = text.split(" (os error").next().unwrap_or(&text).to_string();
    let ty = match code {
        2 => Ty::FileNotFoundError,
        17 => Ty::FileExistsError,
        13 | 1 => Ty::PermissionError,
        21 => Ty::IsADirectoryError,
        20 => Ty::NotADirectoryError,
        110 => Ty::TimeoutError,
        _ => Ty::OSError,
    };
    let mark = vm.temps.len();
    let r = (|| {
        let errno = vm.new_i64(i64::from(code))?;
        let msg = vm.new_str(&strerror)?;
        vm.temps.push(msg);
        let mut args = vec![errno, msg];
        if let Some(f) = filename {
            args.push(f);
        }
        let e = vm.new_error_args(ty, args);
        vm.temps.push(e.exc);
        if let Some(d) = vm
            .opaque::<crate::types::exceptions::ExcData>(e.exc)
            .map(|d| d.dict)
        {
            use crate::types::dict::set_str;
            set_str(vm, d, "errno", errno)?;
            set_str(vm, d, "strerror", msg)?;
            set_str(vm, d, "filename", filename.unwrap_or(Value::NONE))?;
            set_str(vm, d, "filename2", Value::NONE)?;
        }
        Ok(e)
    })();
    vm.temps.truncate(mark);
    match r {
        Ok(e) | Err(e) => e,
    }
}

pub fn closed_error(vm: &mut Vm) -> PyErr {
    vm.value_error("I/O operation on closed file.")
}

/// `io.UnsupportedOperation(msg)`.
pub fn unsupported(vm: &mut Vm, msg: &str) -> PyErr {
    match super::io_open::unsupported_class(vm) {
        Ok(cls) => {
            let m = match vm.new_str(msg) {
                Ok(m) => m,
                Err(e) => return e,
            };
            match crate::protocols::call::call(vm, cls, crate::types::Args::new(vec![m])) {
                Ok(exc) => PyErr { exc },
                Err(e) => e,
            }
        }
        Err(e) => e,
    }
}

impl Raw {
    fn stream(&mut self) -> Option<&mut Stream> {
        self.stream.as_mut()
    }

    /// Reads up to `n` bytes (all remaining for None), read-ahead first.
    pub fn read(&mut self, n: Option<usize>) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::new();
        match n {
            Some(n) if self.rbuf.len() >= n => {
                out.extend(self.rbuf.drain(..n));
                return Ok(out);
            }
            _ => out.append(&mut self.rbuf),
        }
        let Some(s) = self.stream() else {
            return Ok(out);
        };
        match n {
            None => match s {
                Stream::File(f) => {
                    f.read_to_end(&mut out)?;
                }
                Stream::Stdin => {
                    std::io::stdin().lock().read_to_end(&mut out)?;
                }
                _ => {}
            },
            Some(n) => {
                let mut want = n - out.len();
                let mut buf = vec![0u8; want.min(1 << 16)];
                while want > 0 {
                    let cap = want.min(buf.len());
                    let got = match s {
                        Stream::File(f) => f.read(&mut buf[..cap])?,
                        Stream::Stdin => std::io::stdin().lock().read(&mut buf[..cap])?,
                        _ => 0,
                    };
                    if got == 0 {
                        break;
                    }
                    out.extend_from_slice(&buf[..got]);
                    want -= got;
                }
            }
        }
        Ok(out)
    }

    /// Reads one line (through `\n`), at most `limit` bytes.
    pub fn read_line(&mut self, limit: Option<usize>) -> std::io::Result<Vec<u8>> {
        let limit = limit.unwrap_or(usize::MAX);
        loop {
            let end = self.rbuf.iter().position(|&b| b == b'\n').map(|i| i + 1);
            if let Some(e) = end {
                let take = e.min(limit);
                return Ok(self.rbuf.drain(..take).collect());
            }
            if self.rbuf.len() >= limit {
                return Ok(self.rbuf.drain(..limit).collect());
            }
            let mut chunk = [0u8; 8192];
            let got = match self.stream() {
                Some(Stream::File(f)) => f.read(&mut chunk)?,
                Some(Stream::Stdin) => {
                    let mut line = Vec::new();
                    std::io::BufRead::read_until(&mut std::io::stdin().lock(), b'\n', &mut line)?;
                    self.rbuf.extend_from_slice(&line);
                    if line.is_empty() {
                        return Ok(std::mem::take(&mut self.rbuf));
                    }
                    continue;
                }
                _ => 0,
            };
            if got == 0 {
                let take = self.rbuf.len().min(limit);
                return Ok(self.rbuf.drain(..take).collect());
            }
            self.rbuf.extend_from_slice(&chunk[..got]);
        }
    }

    /// Drops the read-ahead, moving the OS position back to the logical one.
    fn unread(&mut self) -> std::io::Result<()> {
        let n = self.rbuf.len() as i64;
        if n > 0 {
            self.rbuf.clear();
            if let Some(Stream::File(f)) = self.stream() {
                f.seek(SeekFrom::Current(-n))?;
            }
        }
        Ok(())
    }

    pub fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.unread()?;
        match self.stream() {
            Some(Stream::File(f)) => f.write_all(b)?,
            Some(Stream::Stdout) => std::io::stdout().write_all(b)?,
            Some(Stream::Stderr) => std::io::stderr().write_all(b)?,
            _ => {}
        }
        Ok(b.len())
    }

    pub fn flush(&mut self) -> std::io::Result<()> {
        match self.stream() {
            Some(Stream::File(f)) => f.flush(),
            Some(Stream::Stdout) => std::io::stdout().flush(),
            Some(Stream::Stderr) => std::io::stderr().flush(),
            _ => Ok(()),
        }
    }

    /// `seek(offset, whence)`: the new absolute position.
    pub fn seek(&mut self, offset: i64, whence: i64) -> std::io::Result<u64> {
        let back = self.rbuf.len() as i64;
        self.rbuf.clear();
        let Some(Stream::File(f)) = self.stream() else {
            return Err(std::io::Error::from_raw_os_error(29));
        };
        let to = match whence {
            0 => {
                if offset < 0 {
                    return Err(std::io::Error::from_raw_os_error(22));
                }
                SeekFrom::Start(offset as u64)
            }
            1 => SeekFrom::Current(offset - back),
            _ => SeekFrom::End(offset),
        };
        f.seek(to)
    }

    pub fn tell(&mut self) -> std::io::Result<u64> {
        let back = self.rbuf.len() as u64;
        match self.stream() {
            Some(Stream::File(f)) => Ok(f.stream_position()?.saturating_sub(back)),
            _ => Err(std::io::Error::from_raw_os_error(29)),
        }
    }

    pub fn truncate(&mut self, size: Option<u64>) -> std::io::Result<u64> {
        self.unread()?;
        let Some(Stream::File(f)) = self.stream() else {
            return Err(std::io::Error::from_raw_os_error(22));
        };
        let size = match size {
            Some(s) => s,
            None => f.stream_position()?,
        };
        f.set_len(size)?;
        Ok(size)
    }
}

impl TextState {
    pub fn new(codec: Codec, encoding: String, errors: String, newline: Option<String>) -> Self {
        TextState {
            codec,
            encoding,
            errors,
            newline,
            pending: Vec::new(),
            pos: 0,
            seen: 0,
            line_buffering: false,
        }
    }

    /// Decodes `bytes` and applies the read side of `newline` to the pending text.
    pub fn feed(&mut self, bytes: &[u8]) -> Result<(), crate::text::error::TextError> {
        let s = codecs::decode(bytes, self.codec, &self.errors)?;
        let chars: Vec<char> = s.to_string_lossy().chars().collect();
        if self.pos > 0 {
            self.pending.drain(..self.pos);
            self.pos = 0;
        }
        if self.newline.is_none() {
            let mut i = 0;
            while i < chars.len() {
                match chars[i] {
                    '\r' if chars.get(i + 1) == Some(&'\n') => {
                        self.seen |= 4;
                        self.pending.push('\n');
                        i += 2;
                        continue;
                    }
                    '\r' => {
                        self.seen |= 1;
                        self.pending.push('\n');
                    }
                    '\n' => {
                        self.seen |= 2;
                        self.pending.push('\n');
                    }
                    c => self.pending.push(c),
                }
                i += 1;
            }
        } else {
            self.pending.extend(chars);
        }
        Ok(())
    }

    /// The end (exclusive) of the line starting at `pos` in the pending text, if complete.
    pub fn line_end(&self) -> Option<usize> {
        let p = &self.pending;
        let mut i = self.pos;
        while i < p.len() {
            match (self.newline.as_deref(), p[i]) {
                (None | Some("\n"), '\n') => return Some(i + 1),
                (Some(""), '\n') => return Some(i + 1),
                (Some(""), '\r') => {
                    return Some(if p.get(i + 1) == Some(&'\n') {
                        i + 2
                    } else {
                        i + 1
                    });
                }
                (Some("\r"), '\r') => return Some(i + 1),
                (Some("\r\n"), '\r') if p.get(i + 1) == Some(&'\n') => return Some(i + 2),
                _ => {}
            }
            i += 1;
        }
        None
    }

    /// Takes pending characters `pos..end` as a string.
    pub fn take(&mut self, end: usize) -> String {
        let end = end.min(self.pending.len());
        let s: String = self.pending[self.pos..end].iter().collect();
        self.pos = end;
        s
    }

    pub fn available(&self) -> usize {
        self.pending.len() - self.pos
    }

    /// Forgets the pending text (after a seek or before a write).
    pub fn reset(&mut self) {
        self.pending.clear();
        self.pos = 0;
    }

    /// Text to write, with `\n` translated as `newline` asks.
    pub fn translate_out(&self, s: &str) -> String {
        match self.newline.as_deref() {
            Some("\r") => s.replace('\n', "\r"),
            Some("\r\n") => s.replace('\n', "\r\n"),
            _ => s.to_string(),
        }
    }

    pub fn encode(&self, s: &str) -> Result<Vec<u8>, crate::text::error::TextError> {
        codecs::encode(&PyStr::from(s), self.codec, &self.errors)
    }
}

/// A codec error as the Python exception (`UnicodeDecodeError` with its five fields, ...).
pub fn text_error(vm: &mut Vm, e: crate::text::error::TextError) -> PyErr {
    crate::types::str_methods::text_err(vm, e)
}
