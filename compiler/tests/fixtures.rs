//! Parser fixtures: every `tests/fixtures/ok/*.py` must dump exactly as CPython 3.14's
//! `ast.dump(ast.parse(src), include_attributes=True)`, and every `err/*.py` must fail with
//! CPython's exception type, message, line and offset. The expected outputs are insta snapshots
//! recorded from the reference interpreter by `tests/fixtures/record.py`; one test per fixture.

use libtest_mimic::{Arguments, Failed, Trial};
use protopy_compiler::{ErrorKind, SyntaxError};
use std::path::{Path, PathBuf};

fn main() {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut trials = Vec::new();
    for kind in ["ok", "err"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(kind))
            .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.retain(|p| p.extension().is_some_and(|e| e == "py"));
        files.sort();
        for path in files {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let name = format!("{kind}__{stem}");
            let snapshots = root.join("snapshots");
            trials.push(Trial::test(name.clone(), move || {
                check(&path, &name, kind == "ok", &snapshots)
            }));
        }
    }
    assert!(
        trials.len() >= 60,
        "fixtures are missing: found {}",
        trials.len()
    );
    libtest_mimic::run(&args, trials).exit();
}

fn check(path: &Path, name: &str, expect_ok: bool, snapshots: &Path) -> Result<(), Failed> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let output = match protopy_compiler::dump_source_bytes(&bytes, true) {
        Ok(dump) if expect_ok => dump + "\n",
        Ok(_) => return Err("protopy accepted a source CPython rejects".into()),
        Err(err) => describe_error(&err, &bytes),
    };
    let result = std::panic::catch_unwind(|| {
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(snapshots);
        settings.set_prepend_module_to_snapshot(false);
        settings.bind(|| insta::assert_snapshot!(name.to_string(), output));
    });
    result.map_err(|_| {
        Failed::from(format!(
            "{name}: protopy's output differs from CPython's (see the diff above)"
        ))
    })
}

/// The error as `record.py` prints CPython's: type and message, then line and 1-based offset.
fn describe_error(err: &SyntaxError, bytes: &[u8]) -> String {
    if err.kind == ErrorKind::MemoryError || err.msg.ends_with("cannot contain null bytes") {
        return format!("{}: {}\nline None, offset None\n", err.kind.name(), err.msg);
    }
    let text = String::from_utf8_lossy(bytes).replace("\r\n", "\n");
    let line = text
        .split('\n')
        .nth((err.lineno as usize).saturating_sub(1))
        .unwrap_or("");
    format!(
        "{}: {}\nline {}, offset {}\n",
        err.kind.name(),
        err.msg,
        err.lineno,
        err.char_offset(line)
    )
}
