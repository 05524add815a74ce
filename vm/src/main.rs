//! The `protopy` command line (https://docs.python.org/3.14/using/cmdline.html). Exit statuses:
//! 0 success, 64 usage error, 65 module or script not found, 70 uncaught exception, and the
//! code given to `sys.exit()`.

use clap::Parser as _;
use protopy_vm::report::format_syntax_error;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

const EXIT_USAGE: u8 = 64;
const EXIT_NOT_FOUND: u8 = 65;
const EXIT_EXCEPTION: u8 = 70;
/// The command line's allocator (the library leaves the choice to its embedder): mimalloc's
/// per-thread free lists serve the interpreter's many short-lived buffers far faster than the
/// system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The status a shell reports for death by `SIGINT`, used if the signal could not end us.
const EXIT_SIGINT: u8 = 130;

#[derive(clap::Parser, Debug)]
#[command(
    name = "protopy",
    version,
    about = "A Python 3.14 runtime without a global interpreter lock"
)]
struct Cli {
    /// Program passed in as a string (terminates the option list).
    #[arg(short = 'c', value_name = "CODE", conflicts_with_all = ["module", "script"])]
    code: Option<String>,
    /// Run a library module as a script (terminates the option list).
    #[arg(
        short = 'm',
        long = "module",
        value_name = "MODULE",
        conflicts_with = "script"
    )]
    module: Option<String>,
    /// Run this file as the main script.
    #[arg(long = "script", value_name = "FILE")]
    script_opt: Option<PathBuf>,
    /// Add a directory to the module search path (repeatable).
    #[arg(long = "path", value_name = "DIR")]
    path: Vec<PathBuf>,
    /// CPython 3.14 standard library directory.
    #[arg(long = "stdlib", value_name = "DIR")]
    stdlib: Option<PathBuf>,
    /// Print `ast.dump(ast.parse(source))` for the script, as CPython 3.14 prints it.
    #[arg(long = "dump-ast")]
    dump_ast: bool,
    /// With --dump-ast: add positions, as `ast.dump(..., include_attributes=True)`.
    #[arg(long = "include-attributes", requires = "dump_ast")]
    include_attributes: bool,
    /// Print the bytecode the script compiles to, in the spirit of `python -m dis`.
    #[arg(long = "dis", conflicts_with = "dump_ast")]
    dis: bool,
    /// The script, then its arguments.
    #[arg(value_name = "SCRIPT", trailing_var_arg = true)]
    script: Vec<String>,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    ExitCode::SUCCESS
                }
                _ => ExitCode::from(EXIT_USAGE),
            };
        }
    };
    ExitCode::from(run_on_big_stack(cli))
}

/// The interpreter's stack: deep native recursion (the repr or hash of deeply nested
/// containers) is bounded by the stack left, as in CPython 3.14, so the main thread's 8 MiB
/// would stop it much earlier than CPython's C code stops. Only the pages used are committed.
const INTERPRETER_STACK: usize = 32 << 20;

/// Runs [`run`] on a thread with [`INTERPRETER_STACK`] (on the calling thread if none can start).
fn run_on_big_stack(cli: Cli) -> u8 {
    let cli = std::sync::Arc::new(std::sync::Mutex::new(Some(cli)));
    let shared = std::sync::Arc::clone(&cli);
    let spawned = std::thread::Builder::new()
        .name("main".into())
        .stack_size(INTERPRETER_STACK)
        .spawn(move || {
            let cli = shared.lock().ok().and_then(|mut c| c.take());
            cli.map(run)
        });
    match spawned {
        Ok(handle) => match handle.join() {
            Ok(Some(status)) => status,
            _ => EXIT_EXCEPTION,
        },
        Err(_) => match cli.lock().ok().and_then(|mut c| c.take()) {
            Some(cli) => run(cli),
            None => EXIT_EXCEPTION,
        },
    }
}

/// Where the program's source comes from.
enum Source {
    File(PathBuf),
    Code(String),
}

fn run(cli: Cli) -> u8 {
    let script_from_option = cli.script_opt.is_some();
    let source = if let Some(code) = cli.code {
        Source::Code(code)
    } else if let Some(module) = cli.module {
        return not_implemented(&format!(
            "running modules (-m {module}) needs the import system, which is not built yet"
        ));
    } else if let Some(path) = cli
        .script_opt
        .or_else(|| cli.script.first().map(PathBuf::from))
    {
        Source::File(path)
    } else {
        return not_implemented("the interactive REPL is not built yet");
    };
    let (filename, bytes) = match &source {
        Source::Code(code) => ("<string>".to_string(), code.clone().into_bytes()),
        Source::File(path) => match std::fs::read(path) {
            Ok(bytes) => (display_path(path), bytes),
            Err(e) => {
                eprintln!(
                    "protopy: can't open file '{}': {}",
                    display_path(path),
                    os_error_text(&e)
                );
                return EXIT_NOT_FOUND;
            }
        },
    };
    let decoded = match &source {
        Source::Code(code) => Ok(code.replace("\r\n", "\n").replace('\r', "\n")),
        Source::File(_) => protopy_compiler::source::decode_source(&bytes),
    };
    let text = match decoded {
        Ok(text) => text,
        Err(err) => {
            eprint!("{}", format_syntax_error(&err, &filename, None));
            return EXIT_EXCEPTION;
        }
    };
    let module = match protopy_compiler::parse_module(&text) {
        Ok(module) => module,
        Err(err) => {
            eprint!("{}", format_syntax_error(&err, &filename, Some(&text)));
            return EXIT_EXCEPTION;
        }
    };
    if cli.dump_ast {
        let lines = protopy_compiler::text::LineIndex::new(&text);
        let dump =
            protopy_compiler::ast::dump::dump_module(&module, &lines, cli.include_attributes);
        let mut out = std::io::stdout().lock();
        return match writeln!(out, "{dump}").and_then(|()| out.flush()) {
            Ok(()) => 0,
            Err(_) => EXIT_EXCEPTION,
        };
    }
    if cli.dis {
        let code = match protopy_compiler::codegen::compile(&module, &text, &filename) {
            Ok(code) => code,
            Err(err) => {
                eprint!("{}", format_syntax_error(&err, &filename, Some(&text)));
                return EXIT_EXCEPTION;
            }
        };
        let listing = protopy_compiler::bytecode::disassemble(&code);
        let mut out = std::io::stdout().lock();
        return match write!(out, "{listing}").and_then(|()| out.flush()) {
            Ok(()) => 0,
            Err(_) => EXIT_EXCEPTION,
        };
    }
    eprint!(
        "{}",
        protopy_vm::report::compile_warnings_text(
            &module,
            &text,
            &filename,
            matches!(source, Source::File(_))
        )
    );
    let code = match protopy_compiler::codegen::compile(&module, &text, &filename) {
        Ok(code) => code,
        Err(err) => {
            eprint!("{}", format_syntax_error(&err, &filename, Some(&text)));
            return EXIT_EXCEPTION;
        }
    };
    let argv = match &source {
        Source::Code(_) => std::iter::once("-c".to_string())
            .chain(cli.script.iter().cloned())
            .collect(),
        Source::File(path) => {
            let first = path.display().to_string();
            std::iter::once(first)
                .chain(
                    cli.script
                        .iter()
                        .skip(usize::from(!script_from_option))
                        .cloned(),
                )
                .collect()
        }
    };
    let mut path: Vec<String> = match &source {
        Source::Code(_) => vec![String::new()],
        Source::File(p) => {
            let dir = std::path::absolute(p)
                .ok()
                .and_then(|a| a.parent().map(std::path::Path::to_path_buf))
                .unwrap_or_default();
            let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
            vec![dir.display().to_string()]
        }
    };
    path.extend(cli.path.iter().map(|p| display_path(p)));
    path.extend(cli.stdlib.iter().map(|p| display_path(p)));
    execute(code, &text, &filename, argv, path)
}

/// Runs compiled code as `__main__`: 0, `sys.exit`'s status, or 70 after a traceback.
fn execute(
    code: protopy_compiler::bytecode::CodeObject,
    text: &str,
    filename: &str,
    argv: Vec<String>,
    path: Vec<String>,
) -> u8 {
    let config = protopy_vm::runtime::Config { argv, path };
    let mut interp = match protopy_vm::api::Interpreter::new(config) {
        Ok(i) => i,
        Err(msg) => {
            eprintln!("protopy: {msg}");
            return EXIT_EXCEPTION;
        }
    };
    let (status, stderr_text, interrupted) = match interp.run_main(code, text, filename) {
        protopy_vm::api::Outcome::Exit(status, text) => (status, text, false),
        protopy_vm::api::Outcome::Interrupted(text) => (EXIT_SIGINT, text, true),
    };
    // The process ends here: the OS takes the heap back at once, where dropping it would
    // visit every entity (a tenth of a short program's time). Nothing is lost: file objects
    // write through to the OS on every write, and stdout is flushed just below.
    std::mem::forget(interp);
    let _ = std::io::stdout().flush();
    if !stderr_text.is_empty() {
        eprint!("{stderr_text}");
    }
    if interrupted {
        let _ = std::io::stderr().flush();
        raise_sigint();
    }
    status
}

/// Ends the process by `SIGINT`, as CPython does after an uncaught `KeyboardInterrupt`
/// (returns only if the signal is ignored).
fn raise_sigint() {
    #[cfg(unix)]
    {
        use nix::sys::signal::{raise, signal, SigHandler, Signal};
        // The default action first, as CPython's `exit_sigint` does: a process started with
        // SIGINT ignored (a shell's background job) still dies by the signal.
        // SAFETY: installing `SIG_DFL` runs no handler code of ours; nothing else in the
        // process relies on SIGINT's disposition at exit.
        #[allow(unsafe_code)]
        let _ = unsafe { signal(Signal::SIGINT, SigHandler::SigDfl) };
        let _ = raise(Signal::SIGINT);
    }
}

/// An OS error as CPython words it: `[Errno 2] No such file or directory`.
fn os_error_text(e: &std::io::Error) -> String {
    let text = e.to_string();
    match e.raw_os_error() {
        Some(code) => {
            let strerror = text.split(" (os error").next().unwrap_or(&text);
            format!("[Errno {code}] {strerror}")
        }
        None => text,
    }
}

/// CPython shows the script path made absolute.
fn display_path(path: &std::path::Path) -> String {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}

fn not_implemented(what: &str) -> u8 {
    eprintln!("NotImplementedError: {what}");
    EXIT_EXCEPTION
}
