//! The "Did you mean" suggestions an uncaught `NameError` or `AttributeError` prints
//! (Lib/traceback.py `_compute_suggestion_error`, with the weighted edit distance of
//! Python/suggestions.c), and the hint to import a standard-library module named like a
//! missing name.

use protopy_objects::Value;

use crate::protocols;
use crate::runtime::Ty;
use crate::thread::Vm;
use crate::types::tbobject::{FrameObj, TbData};
use crate::types::{dict, typeobj};

/// Cost of inserting, deleting or replacing a character; a change of case only costs 1.
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
/// No suggestion among more candidates than this, or for longer names (in UTF-8 bytes).
const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;

/// What to append to the message of `exc` (a `NameError` or `AttributeError` with a `name`):
/// `. Did you mean: 'x'?` and, for a name that is a standard-library module, the import hint.
pub fn suffix(vm: &mut Vm, exc: Value) -> String {
    let is_name = vm.is_instance_ty(exc, Ty::NameError);
    if !is_name && !vm.is_instance_ty(exc, Ty::AttributeError) {
        return String::new();
    }
    vm.temps.push(exc);
    let name = protocols::attr::getattr_str(vm, exc, "name").ok();
    let out = match name.and_then(|n| vm.rust_str(n)) {
        Some(name) => {
            let suggestion = if is_name {
                name_suggestion(vm, exc, &name)
            } else {
                attribute_suggestion(vm, exc, &name)
            };
            let mut s = suggestion
                .map(|s| format!(". Did you mean: '{s}'?"))
                .unwrap_or_default();
            if is_name && STDLIB_MODULE_NAMES.binary_search(&name.as_str()).is_ok() {
                if s.is_empty() {
                    s = format!(". Did you forget to import '{name}'?");
                } else {
                    s.push_str(&format!(" Or did you forget to import '{name}'?"));
                }
            }
            s
        }
        None => String::new(),
    };
    vm.temps.pop();
    out
}

/// The frame object of the innermost traceback entry of `exc`.
fn innermost_frame(vm: &Vm, exc: Value) -> Option<Value> {
    let d = vm.opaque::<crate::types::exceptions::ExcData>(exc)?;
    let mut tb = *d.traceback.lock();
    let mut frame = None;
    while let Some(t) = vm.opaque::<TbData>(tb) {
        frame = Some(t.frame);
        tb = t.next.load();
    }
    frame.filter(|&f| vm.opaque::<FrameObj>(f).is_some())
}

/// The str keys of a dict.
fn str_keys(vm: &Vm, d: Value) -> Vec<String> {
    vm.dict_data(d)
        .map(|d| d.items())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(k, _)| vm.rust_str(k))
        .collect()
}

/// The value of local `self` in a frame's locals dict, if any.
fn frame_self(vm: &mut Vm, locals: Option<Value>) -> Option<Value> {
    let locals = locals?;
    vm.dict_data(locals)?;
    dict::get_str(vm, locals, "self").ok().flatten()
}

fn name_suggestion(vm: &mut Vm, exc: Value, name: &str) -> Option<String> {
    let frame = innermost_frame(vm, exc)?;
    let (globals, builtins) = vm
        .opaque::<FrameObj>(frame)
        .map(|f| (f.globals, f.builtins))?;
    let locals = crate::types::tbobject::frame_locals(vm, frame)
        .ok()
        .flatten();
    let mut candidates = Vec::new();
    for d in [locals.unwrap_or(Value::NULL), globals, builtins] {
        if !d.is_null() {
            candidates.extend(str_keys(vm, d));
        }
    }
    vm.temps.extend(locals);
    let this = frame_self(vm, locals);
    if let Some(this) = this {
        vm.temps.push(this);
        let has = vm
            .intern(name)
            .and_then(|n| protocols::attr::getattr_opt(vm, this, n));
        vm.temps.pop();
        if matches!(has, Ok(Some(_))) {
            vm.temps
                .truncate(vm.temps.len() - usize::from(locals.is_some()));
            return Some(format!("self.{name}"));
        }
    }
    vm.temps
        .truncate(vm.temps.len() - usize::from(locals.is_some()));
    best_match(&candidates, name)
}

fn attribute_suggestion(vm: &mut Vm, exc: Value, name: &str) -> Option<String> {
    let obj = protocols::attr::getattr_str(vm, exc, "obj").ok()?;
    let mut candidates = dir_names(vm, obj);
    candidates.sort();
    let mut hide_underscored = !name.starts_with('_');
    if hide_underscored {
        if let Some(frame) = innermost_frame(vm, exc) {
            let locals = crate::types::tbobject::frame_locals(vm, frame)
                .ok()
                .flatten();
            if frame_self(vm, locals) == Some(obj) {
                hide_underscored = false;
            }
        }
    }
    if hide_underscored {
        candidates.retain(|c| !c.starts_with('_'));
    }
    best_match(&candidates, name)
}

/// The attribute names `dir(obj)` lists by default: a module's own names; a class's and its
/// bases' attributes; an instance's `__dict__` and its class's attributes.
fn dir_names(vm: &mut Vm, obj: Value) -> Vec<String> {
    if vm.opaque::<crate::types::module::Module>(obj).is_some() {
        return protocols::attr::instance_dict(vm, obj)
            .map(|d| str_keys(vm, d))
            .unwrap_or_default();
    }
    let mut names = Vec::new();
    let class = if typeobj::is_type(vm, obj) {
        obj.as_handle()
    } else {
        if let Some(d) = protocols::attr::instance_dict(vm, obj) {
            names.extend(str_keys(vm, d));
        }
        Some(vm.type_of(obj))
    };
    if let Some(cls) = class {
        for t in typeobj::mro(vm, cls) {
            if let Some(h) = t.as_handle() {
                let d = typeobj::type_dict(vm, h);
                names.extend(str_keys(vm, d));
            }
        }
    }
    names.sort();
    names.dedup();
    names
}

/// The candidate closest to `name` by weighted edit distance, if close enough: at most a
/// third of the characters involved changed, earlier candidates winning ties.
fn best_match(candidates: &[String], name: &str) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&str, usize)> = None;
    for c in candidates {
        if c == name {
            continue;
        }
        let mut max = (name.len() + c.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max = max.min(d.saturating_sub(1));
        }
        let d = distance(name.as_bytes(), c.as_bytes(), max);
        if d > max {
            continue;
        }
        if best.is_none_or(|(_, b)| d < b) {
            best = Some((c, d));
        }
    }
    best.map(|(c, _)| c.to_string())
}

fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The weighted Levenshtein distance of two byte strings, or `max + 1` once it must exceed
/// `max`.
fn distance(a: &[u8], b: &[u8], max: usize) -> usize {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max + 1;
    }
    let (a, b) = if b.len() < a.len() { (b, a) } else { (a, b) };
    if (b.len() - a.len()) * MOVE_COST > max {
        return max + 1;
    }
    // One row of the matrix: row[i] is the cost of turning b[..j] into a[..=i].
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (j, &cb) in b.iter().enumerate() {
        let mut diagonal = j * MOVE_COST;
        result = diagonal;
        let mut minimum = usize::MAX;
        for (i, &ca) in a.iter().enumerate() {
            let substitute = diagonal + substitution_cost(cb, ca);
            diagonal = row[i];
            result = (result.min(diagonal) + MOVE_COST).min(substitute);
            row[i] = result;
            minimum = minimum.min(result);
        }
        if minimum > max {
            return max + 1;
        }
    }
    result
}

/// `sys.stdlib_module_names` of CPython 3.14, sorted.
const STDLIB_MODULE_NAMES: &[&str] = &[
    "__future__",
    "_abc",
    "_aix_support",
    "_android_support",
    "_apple_support",
    "_ast",
    "_ast_unparse",
    "_asyncio",
    "_bisect",
    "_blake2",
    "_bz2",
    "_codecs",
    "_codecs_cn",
    "_codecs_hk",
    "_codecs_iso2022",
    "_codecs_jp",
    "_codecs_kr",
    "_codecs_tw",
    "_collections",
    "_collections_abc",
    "_colorize",
    "_compat_pickle",
    "_contextvars",
    "_csv",
    "_ctypes",
    "_curses",
    "_curses_panel",
    "_datetime",
    "_dbm",
    "_decimal",
    "_elementtree",
    "_frozen_importlib",
    "_frozen_importlib_external",
    "_functools",
    "_gdbm",
    "_hashlib",
    "_heapq",
    "_hmac",
    "_imp",
    "_interpchannels",
    "_interpqueues",
    "_interpreters",
    "_io",
    "_ios_support",
    "_json",
    "_locale",
    "_lsprof",
    "_lzma",
    "_markupbase",
    "_md5",
    "_multibytecodec",
    "_multiprocessing",
    "_opcode",
    "_opcode_metadata",
    "_operator",
    "_osx_support",
    "_overlapped",
    "_pickle",
    "_posixshmem",
    "_posixsubprocess",
    "_py_abc",
    "_py_warnings",
    "_pydatetime",
    "_pydecimal",
    "_pyio",
    "_pylong",
    "_pyrepl",
    "_queue",
    "_random",
    "_remote_debugging",
    "_scproxy",
    "_sha1",
    "_sha2",
    "_sha3",
    "_signal",
    "_sitebuiltins",
    "_socket",
    "_sqlite3",
    "_sre",
    "_ssl",
    "_stat",
    "_statistics",
    "_string",
    "_strptime",
    "_struct",
    "_suggestions",
    "_symtable",
    "_sysconfig",
    "_thread",
    "_threading_local",
    "_tkinter",
    "_tokenize",
    "_tracemalloc",
    "_types",
    "_typing",
    "_uuid",
    "_warnings",
    "_weakref",
    "_weakrefset",
    "_winapi",
    "_wmi",
    "_zoneinfo",
    "_zstd",
    "abc",
    "annotationlib",
    "antigravity",
    "argparse",
    "array",
    "ast",
    "asyncio",
    "atexit",
    "base64",
    "bdb",
    "binascii",
    "bisect",
    "builtins",
    "bz2",
    "cProfile",
    "calendar",
    "cmath",
    "cmd",
    "code",
    "codecs",
    "codeop",
    "collections",
    "colorsys",
    "compileall",
    "compression",
    "concurrent",
    "configparser",
    "contextlib",
    "contextvars",
    "copy",
    "copyreg",
    "csv",
    "ctypes",
    "curses",
    "dataclasses",
    "datetime",
    "dbm",
    "decimal",
    "difflib",
    "dis",
    "doctest",
    "email",
    "encodings",
    "ensurepip",
    "enum",
    "errno",
    "faulthandler",
    "fcntl",
    "filecmp",
    "fileinput",
    "fnmatch",
    "fractions",
    "ftplib",
    "functools",
    "gc",
    "genericpath",
    "getopt",
    "getpass",
    "gettext",
    "glob",
    "graphlib",
    "grp",
    "gzip",
    "hashlib",
    "heapq",
    "hmac",
    "html",
    "http",
    "idlelib",
    "imaplib",
    "importlib",
    "inspect",
    "io",
    "ipaddress",
    "itertools",
    "json",
    "keyword",
    "linecache",
    "locale",
    "logging",
    "lzma",
    "mailbox",
    "marshal",
    "math",
    "mimetypes",
    "mmap",
    "modulefinder",
    "msvcrt",
    "multiprocessing",
    "netrc",
    "nt",
    "ntpath",
    "nturl2path",
    "numbers",
    "opcode",
    "operator",
    "optparse",
    "os",
    "pathlib",
    "pdb",
    "pickle",
    "pickletools",
    "pkgutil",
    "platform",
    "plistlib",
    "poplib",
    "posix",
    "posixpath",
    "pprint",
    "profile",
    "pstats",
    "pty",
    "pwd",
    "py_compile",
    "pyclbr",
    "pydoc",
    "pydoc_data",
    "pyexpat",
    "queue",
    "quopri",
    "random",
    "re",
    "readline",
    "reprlib",
    "resource",
    "rlcompleter",
    "runpy",
    "sched",
    "secrets",
    "select",
    "selectors",
    "shelve",
    "shlex",
    "shutil",
    "signal",
    "site",
    "smtplib",
    "socket",
    "socketserver",
    "sqlite3",
    "sre_compile",
    "sre_constants",
    "sre_parse",
    "ssl",
    "stat",
    "statistics",
    "string",
    "stringprep",
    "struct",
    "subprocess",
    "symtable",
    "sys",
    "sysconfig",
    "syslog",
    "tabnanny",
    "tarfile",
    "tempfile",
    "termios",
    "textwrap",
    "this",
    "threading",
    "time",
    "timeit",
    "tkinter",
    "token",
    "tokenize",
    "tomllib",
    "trace",
    "traceback",
    "tracemalloc",
    "tty",
    "turtle",
    "turtledemo",
    "types",
    "typing",
    "unicodedata",
    "unittest",
    "urllib",
    "uuid",
    "venv",
    "warnings",
    "wave",
    "weakref",
    "webbrowser",
    "winreg",
    "winsound",
    "wsgiref",
    "xml",
    "xmlrpc",
    "zipapp",
    "zipfile",
    "zipimport",
    "zlib",
    "zoneinfo",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_weigh_case_changes_less() {
        assert_eq!(distance(b"balanse", b"balance", 100), 2);
        assert_eq!(distance(b"Foo", b"foo", 100), 1);
        assert_eq!(distance(b"abc", b"abcd", 100), 2);
        assert_eq!(distance(b"abc", b"xyz", 3), 4);
    }

    #[test]
    fn best_match_prefers_the_closest_then_the_first() {
        let c = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            best_match(&c(&["balance", "owner"]), "balanse").as_deref(),
            Some("balance")
        );
        assert_eq!(
            best_match(&c(&["outer"]), "later").as_deref(),
            Some("outer")
        );
        assert_eq!(best_match(&c(&["zzzzzz"]), "a"), None);
        assert!(STDLIB_MODULE_NAMES.windows(2).all(|w| w[0] < w[1]));
    }
}
