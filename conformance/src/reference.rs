//! The reference CPython 3.14 (ARCHITECTURE.md, "The reference CPython 3.14"): fetched from
//! Debian `sid` with `apt-get download` into a private cache and run through the unpacked loader,
//! or the interpreter named by `PROTOPY_REFERENCE`.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The Debian suite and architecture the reference comes from.
const SUITE: &str = "sid";
const ARCH: &str = "amd64";

/// The interpreter, its standard library, and the shared libraries it needs.
pub const PACKAGES: &[&str] = &[
    "python3.14-minimal",
    "libpython3.14-minimal",
    "libpython3.14-stdlib",
    "libpython3.14-testsuite",
    "libc6",
    "libexpat1",
    "zlib1g",
    "libffi8",
    "libssl3t64",
    "libsqlite3-0",
    "libbz2-1.0",
    "liblzma5",
    "libzstd1",
    "libmpdec4",
    "libuuid1",
    "libncursesw6",
    "libtinfo6",
    "libreadline8t64",
    "libgcc-s1",
];

/// The environment variable naming an existing CPython 3.14 interpreter to use instead.
pub const OVERRIDE_VAR: &str = "PROTOPY_REFERENCE";
/// The environment variable naming the cache directory (default `<repo>/.cache`).
pub const CACHE_VAR: &str = "PROTOPY_CACHE";

/// A usable reference interpreter.
#[derive(Clone, Debug)]
pub struct Reference {
    /// What to execute: the wrapper script of a fetched reference, or `PROTOPY_REFERENCE`.
    pub python: PathBuf,
    /// Its standard library directory (CPython's `Lib/`, with `test/` when the test suite is there).
    pub stdlib: PathBuf,
    /// `platform.python_version()`, e.g. `3.14.0`.
    pub version: String,
}

/// The repository root (this crate's parent directory).
pub fn repo_root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| here.to_path_buf())
}

/// The cache directory: `PROTOPY_CACHE`, or `<repo>/.cache`.
pub fn cache_dir() -> PathBuf {
    match std::env::var_os(CACHE_VAR) {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => repo_root().join(".cache"),
    }
}

/// The reference: `PROTOPY_REFERENCE` if set, else the cached fetch, fetching it when needed.
pub fn ensure() -> Result<Reference, String> {
    ensure_with(&mut |line| eprintln!("{line}"))
}

/// [`ensure`], reporting progress through `log`.
pub fn ensure_with(log: &mut dyn FnMut(&str)) -> Result<Reference, String> {
    if let Some(python) = std::env::var_os(OVERRIDE_VAR).filter(|p| !p.is_empty()) {
        return from_interpreter(Path::new(&python)).map_err(|e| {
            format!(
                "{OVERRIDE_VAR}={}: {e}\n{OVERRIDE_VAR} must name a CPython 3.14 interpreter (unset it to fetch one \
                 with `cargo xtask reference`)",
                Path::new(&python).display()
            )
        });
    }
    fetch(&cache_dir().join("reference"), log).map_err(|e| {
        format!(
            "could not obtain the reference CPython 3.14: {e}\n\
             `cargo xtask reference` needs `apt-get` and `dpkg` (a Debian-like system) and access to \
             Debian's package archive. Alternatively point {OVERRIDE_VAR} at a CPython 3.14 \
             interpreter whose standard library includes Lib/test, e.g.\n    \
             export {OVERRIDE_VAR}=/usr/bin/python3.14"
        )
    })
}

/// Asks an existing interpreter for its version and standard library directory.
pub fn from_interpreter(python: &Path) -> Result<Reference, String> {
    let script = "import platform, sysconfig\nprint(platform.python_version())\nprint(sysconfig.get_path('stdlib'))";
    let out = Command::new(python)
        .args(["-I", "-c", script])
        .output()
        .map_err(|e| format!("cannot run {}: {e}", python.display()))?;
    if !out.status.success() {
        return Err(format!(
            "{} failed ({}): {}",
            python.display(),
            out.status,
            tail(&out.stderr)
        ));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    let version = lines.next().unwrap_or("").trim().to_string();
    let stdlib = PathBuf::from(lines.next().unwrap_or("").trim());
    if !version.starts_with("3.14.") && version != "3.14" {
        return Err(format!(
            "{} is Python {version:?}, not 3.14",
            python.display()
        ));
    }
    if !stdlib.is_dir() {
        return Err(format!(
            "its standard library {} is not a directory",
            stdlib.display()
        ));
    }
    Ok(Reference {
        python: python.to_path_buf(),
        stdlib,
        version,
    })
}

/// What the stamp file records: a fetch is reused only when it was made for this very list.
fn stamp_key() -> String {
    format!("debian {SUITE} {ARCH}: {}", PACKAGES.join(" "))
}

/// Fetches (or reuses) the reference under `dir`: `root/` (the unpacked packages),
/// `bin/python3.14` (the wrapper script) and `stamp`.
pub fn fetch(dir: &Path, log: &mut dyn FnMut(&str)) -> Result<Reference, String> {
    let root = dir.join("root");
    let wrapper = dir.join("bin").join("python3.14");
    let stamp = dir.join("stamp");
    let stdlib = root.join("usr/lib/python3.14");
    if let Ok(text) = fs::read_to_string(&stamp) {
        let mut lines = text.lines();
        if lines.next() == Some(stamp_key().as_str())
            && wrapper.is_file()
            && root.join("usr/bin/python3.14").is_file()
        {
            let version = lines.next().unwrap_or("3.14").to_string();
            // A fetch made before the launchers changed gets the current ones.
            write_wrapper(&wrapper, &root)?;
            return Ok(Reference {
                python: wrapper,
                stdlib,
                version,
            });
        }
    }
    for tool in ["apt-get", "dpkg"] {
        if !on_path(tool) {
            return Err(format!("`{tool}` is not on PATH"));
        }
    }
    // Everything is built in a staging directory of this process, then moved into place, so
    // that a concurrent fetch or an interrupted one never leaves a half-unpacked root behind.
    let staging = dir.join(format!("staging-{}", std::process::id()));
    let result = fetch_into(&staging, log).and_then(|()| {
        let _ = fs::remove_file(&stamp);
        if root.exists() {
            fs::remove_dir_all(&root)
                .map_err(|e| format!("cannot remove the old {}: {e}", root.display()))?;
        }
        fs::rename(staging.join("root"), &root)
            .map_err(|e| format!("cannot move the unpacked root into {}: {e}", root.display()))?;
        write_wrapper(&wrapper, &root)?;
        let version = check_version(&wrapper)?;
        fs::write(&stamp, format!("{}\n{version}\n", stamp_key()))
            .map_err(|e| format!("cannot write {}: {e}", stamp.display()))?;
        Ok(Reference {
            python: wrapper.clone(),
            stdlib: stdlib.clone(),
            version,
        })
    });
    let _ = fs::remove_dir_all(&staging);
    result
}

fn fetch_into(staging: &Path, log: &mut dyn FnMut(&str)) -> Result<(), String> {
    let apt = staging.join("apt");
    let debs = staging.join("debs");
    let root = staging.join("root");
    for d in [
        apt.join("lists/partial"),
        apt.join("cache/archives/partial"),
        debs.clone(),
        root.clone(),
    ] {
        fs::create_dir_all(&d).map_err(|e| format!("cannot create {}: {e}", d.display()))?;
    }
    let sources = apt.join("sources.list");
    fs::write(
        &sources,
        format!("deb [trusted=yes] http://deb.debian.org/debian {SUITE} main\n"),
    )
    .map_err(|e| format!("cannot write {}: {e}", sources.display()))?;
    let options = [
        format!("Dir::Etc::SourceList={}", sources.display()),
        "Dir::Etc::SourceParts=/dev/null".to_string(),
        format!("Dir::State::Lists={}", apt.join("lists").display()),
        "Dir::State::Status=/dev/null".to_string(),
        format!("Dir::Cache={}", apt.join("cache").display()),
        "Debug::NoLocking=1".to_string(),
        format!("APT::Architecture={ARCH}"),
        "Acquire::Languages=none".to_string(),
    ];
    let apt_get = |args: &[&str], cwd: &Path| -> Result<Output, String> {
        let mut cmd = Command::new("apt-get");
        cmd.current_dir(cwd).arg("-q");
        for o in &options {
            cmd.arg("-o").arg(o);
        }
        cmd.args(args);
        let out = cmd
            .output()
            .map_err(|e| format!("cannot run apt-get: {e}"))?;
        if out.status.success() {
            Ok(out)
        } else {
            Err(format!(
                "`apt-get {}` failed ({}):\n{}",
                args.join(" "),
                out.status,
                tail(&out.stderr)
            ))
        }
    };
    log(&format!(
        "reference: apt-get update (Debian {SUITE}, private lists in {})",
        apt.display()
    ));
    apt_get(&["update"], staging)?;
    log(&format!(
        "reference: apt-get download {} packages",
        PACKAGES.len()
    ));
    let mut args = vec!["download"];
    args.extend_from_slice(PACKAGES);
    apt_get(&args, &debs)?;
    let mut files: Vec<PathBuf> = fs::read_dir(&debs)
        .map_err(|e| format!("cannot list {}: {e}", debs.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "deb"))
        .collect();
    files.sort();
    for pkg in PACKAGES {
        let prefix = format!("{pkg}_");
        if !files.iter().any(|f| {
            f.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix))
        }) {
            return Err(format!("package {pkg} was not downloaded"));
        }
    }
    log(&format!(
        "reference: unpacking {} packages with dpkg -x",
        files.len()
    ));
    for deb in &files {
        let out = Command::new("dpkg")
            .arg("-x")
            .arg(deb)
            .arg(&root)
            .output()
            .map_err(|e| format!("cannot run dpkg: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "`dpkg -x {}` failed ({}):\n{}",
                deb.display(),
                out.status,
                tail(&out.stderr)
            ));
        }
    }
    Ok(())
}

/// The launcher inside the unpacked root, beside the real binary: `sys.executable` names it.
const IN_ROOT_LAUNCHER: &str = "usr/bin/python3.14-ref";

/// The two launcher scripts: `<root>/usr/bin/python3.14-ref` runs the unpacked interpreter
/// through the unpacked loader with `--argv0` set to its own path, so that `sys.executable` names
/// the launcher (subprocesses that start `sys.executable`, and theirs, go through the loader too)
/// and the prefix is found from `usr/bin/`; `<dir>/bin/python3.14` (what the tools run) starts it.
fn launchers(root: &Path) -> Result<(PathBuf, String, String), String> {
    let root =
        fs::canonicalize(root).map_err(|e| format!("cannot resolve {}: {e}", root.display()))?;
    let root_text = root
        .to_str()
        .ok_or_else(|| format!("{} is not valid UTF-8", root.display()))?;
    let libdir = format!("{root_text}/usr/lib/x86_64-linux-gnu");
    let in_root = root.join(IN_ROOT_LAUNCHER);
    let inner = format!(
        "#!/bin/sh\n# CPython 3.14 from Debian {SUITE}, unpacked by `cargo xtask reference`: the unpacked loader\n\
         # runs it, with argv[0] naming this script so that sys.executable does too.\n\
         exec {} --argv0 \"$0\" --library-path {} {} \"$@\"\n",
        sh_quote(&format!("{libdir}/ld-linux-x86-64.so.2")),
        sh_quote(&libdir),
        sh_quote(&format!("{root_text}/usr/bin/python3.14")),
    );
    let outer = format!(
        "#!/bin/sh\n# CPython 3.14 from Debian {SUITE}, unpacked by `cargo xtask reference`.\nexec {} \"$@\"\n",
        sh_quote(&in_root.to_string_lossy()),
    );
    Ok((in_root, inner, outer))
}

/// Writes the launchers (see [`launchers`]) unless they already hold the right text.
fn write_wrapper(wrapper: &Path, root: &Path) -> Result<(), String> {
    let (in_root, inner, outer) = launchers(root)?;
    for (path, text) in [(in_root.as_path(), inner), (wrapper, outer)] {
        if fs::read_to_string(path).is_ok_and(|old| old == text) {
            continue;
        }
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        let mut f =
            fs::File::create(path).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        f.write_all(text.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        make_executable(path)?;
    }
    Ok(())
}

#[cfg(unix)]
fn make_executable(path: &Path) -> Result<(), String> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o755))
        .map_err(|e| format!("cannot chmod {}: {e}", path.display()))
}

#[cfg(not(unix))]
fn make_executable(_path: &Path) -> Result<(), String> {
    Ok(())
}

/// Runs the interpreter and checks that it is CPython 3.14; returns its full version.
fn check_version(python: &Path) -> Result<String, String> {
    let out = Command::new(python)
        .args([
            "-I",
            "-c",
            "import platform; print(platform.python_implementation(), platform.python_version())",
        ])
        .output()
        .map_err(|e| format!("cannot run {}: {e}", python.display()))?;
    let text = String::from_utf8_lossy(&out.stdout);
    match text.trim().split_once(' ') {
        Some(("CPython", version)) if out.status.success() && version.starts_with("3.14") => {
            Ok(version.to_string())
        }
        _ => Err(format!(
            "{} does not report CPython 3.14 (status {}, stdout {:?}):\n{}",
            python.display(),
            out.status,
            text.trim(),
            tail(&out.stderr)
        )),
    }
}

fn on_path(tool: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(tool).is_file()))
}

/// Single-quotes `s` for `sh`.
fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// The last few lines of a command's output, for error messages.
fn tail(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(15)..].join("\n")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn quoting_survives_single_quotes() {
        assert_eq!(sh_quote("/a b/c"), "'/a b/c'");
        assert_eq!(sh_quote("it's"), "'it'\\''s'");
    }

    #[test]
    fn stamp_key_names_every_package() {
        let key = stamp_key();
        assert!(PACKAGES.iter().all(|p| key.contains(p)));
        assert!(key.starts_with("debian sid amd64"));
    }

    #[test]
    fn the_launchers_name_themselves_as_argv0() {
        let dir =
            std::env::temp_dir().join(format!("protopy-launcher-test-{}", std::process::id()));
        let root = dir.join("root");
        fs::create_dir_all(root.join("usr/bin")).unwrap();
        let wrapper = dir.join("bin/python3.14");
        write_wrapper(&wrapper, &root).unwrap();
        let inner = fs::read_to_string(root.join(IN_ROOT_LAUNCHER)).unwrap();
        assert!(
            inner.contains("ld-linux-x86-64.so.2' --argv0 \"$0\" --library-path "),
            "{inner}"
        );
        let outer = fs::read_to_string(&wrapper).unwrap();
        assert!(
            outer.contains("/root/usr/bin/python3.14-ref' \"$@\""),
            "{outer}"
        );
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_missing_interpreter_is_a_clear_error() {
        let err = from_interpreter(Path::new("/nonexistent/python3.14")).unwrap_err();
        assert!(err.contains("cannot run /nonexistent/python3.14"), "{err}");
    }
}
