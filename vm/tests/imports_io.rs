//! The import system, `open()` and `exec`/`eval` driven through the `protopy` binary: a package
//! with relative imports on `--path`, a file written and read back, and code run in given
//! namespaces. Expected output is what CPython 3.14 prints for the same programs.

use std::path::PathBuf;
use std::process::{Command, Output};

#[allow(clippy::expect_used)] // failing to set up the test's files is a broken test setup
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("protopy-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("pkg")).expect("scratch directory");
    dir
}

#[allow(clippy::expect_used)]
fn write(path: PathBuf, text: &str) {
    std::fs::write(path, text).expect("scratch file");
}

#[allow(clippy::expect_used)]
fn protopy(dir: &PathBuf, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_protopy"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the protopy binary runs")
}

#[test]
fn packages_and_relative_imports_from_path() {
    let dir = scratch("imports");
    let lib = dir.join("lib");
    std::fs::create_dir_all(lib.join("pkg")).ok();
    write(
        lib.join("pkg/__init__.py"),
        "from .sub import VALUE as renamed\n",
    );
    write(
        lib.join("pkg/sub.py"),
        "VALUE = 41 + 1\ndef where():\n    return __name__, __package__\n",
    );
    write(
        dir.join("main.py"),
        "import sys\nimport pkg\nfrom pkg.sub import where\n\
         print(pkg.renamed, where(), 'pkg.sub' in sys.modules, pkg.sub.__spec__.parent)\n\
         try:\n    import pkg.missing\nexcept ModuleNotFoundError as e:\n    print(e, e.name)\n",
    );
    let lib_arg = lib.display().to_string();
    let out = protopy(&dir, &["--path", &lib_arg, "main.py"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        stdout,
        "42 ('pkg.sub', 'pkg') True pkg\nNo module named 'pkg.missing' pkg.missing\n"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn files_written_and_read_back() {
    let dir = scratch("io");
    write(
        dir.join("main.py"),
        "f = open('data.txt', 'w', newline='\\r\\n')\nprint(f.write('a\\nb\\n'), f.mode)\nf.close()\n\
         f = open('data.txt')\nprint(f.readlines(), f.newlines)\nf.close()\n\
         f = open('data.txt', 'rb')\nprint(f.read(), type(f).__name__)\nf.close()\n\
         try:\n    f.read()\nexcept ValueError as e:\n    print(e)\n",
    );
    let out = protopy(&dir, &["main.py"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        stdout,
        "4 w\n['a\\n', 'b\\n'] \r\n\nb'a\\r\\nb\\r\\n' BufferedReader\nI/O operation on closed file.\n"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn exec_and_eval_use_the_given_namespaces() {
    let dir = scratch("exec");
    let out = protopy(
        &dir,
        &[
            "-c",
            "g = {'k': 3}\nexec('def f():\\n    return k * 2\\nr = f()', g)\n\
             print(g['r'], eval('k + 1', g), eval('x', {}, {'x': 'local'}))\n\
             exec(compile('1 + 1', '<s>', 'single'))",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "6 4 local\n2\n");
    let _ = std::fs::remove_dir_all(&dir);
}
