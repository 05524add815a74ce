//! The text CPython 3.14 prints for an uncaught exception (Lib/traceback.py's
//! `print_exception(exc, limit=BUILTIN_EXCEPTION_LIMIT)`, which Python/pythonrun.c calls through
//! `_print_exception_bltin`), without colour as for a stderr that is not a terminal: the chain of
//! causes and contexts, each with its frames, source lines and PEP 657 underlines, then
//! `Type: message` and the notes, with the `SyntaxWarning`s that parsing the source lines raises
//! where CPython writes them. Exception groups are not handled.
//!
//! Pure and runtime-independent: the interpreter describes each exception ([`ExceptionSummary`])
//! and passes a line reader shaped like `linecache.getline`; this module returns the text.
//!
//! Files: `mod.rs` (chains and the final line), `frames.rs` (frames and underlines), `anchors.rs`
//! (the expression anchors and when carets are shown), `warnings.rs` (`ast.parse` and its
//! `SyntaxWarning`s), `syntax.rs` (`SyntaxError`'s report),
//! `pytext.rs` (the `str`/`textwrap` operations involved), `width.rs` (generated: wide characters,
//! by `gen_width.py`).

mod anchors;
mod frames;
mod pytext;
mod syntax;
mod warnings;
mod width;

#[cfg(test)]
mod compare_tests;
#[cfg(test)]
#[rustfmt::skip]
mod test_cases;
#[cfg(test)]
mod tests;

pub use frames::{apply_builtin_limit, format_frame, format_frames, Frame, StackText};
pub use syntax::{format_syntax_error, SyntaxColumn, SyntaxErrorInfo};
pub use warnings::{SyntaxWarning, SyntaxWarnings};

/// An exception's `__notes__`, as the traceback module reads it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Notes {
    /// No `__notes__` attribute, or `None`.
    #[default]
    Absent,
    /// A sequence other than `str` or `bytes`: `str()` of each note (or `<note str() failed>`).
    Items(Vec<String>),
    /// Anything else: its `repr()` (or `<__notes__ repr() failed>`).
    Other(String),
}

/// What the traceback module reads from one exception (a `TracebackException`, flattened). Links
/// to other exceptions are indices into the slice given to [`format_exception`], so that the
/// interpreter can describe cycles; it may describe only the exceptions reachable from the one
/// printed. Strings are passed as they will be written: text that stderr's encoding cannot hold is
/// escaped by the caller.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExceptionSummary {
    /// The type as printed: `qualname`, prefixed with the module unless it is `builtins` or
    /// `__main__` (see [`type_display_name`]).
    pub type_name: String,
    /// `str(exc)` (or `<exception str() failed>`), with any suggestion already appended
    /// (`. Did you mean: 'x'?`).
    pub message: String,
    pub notes: Notes,
    /// The traceback's frames, outermost first.
    pub frames: Vec<Frame>,
    /// Set for instances of `SyntaxError` and its subclasses, whose last lines differ.
    pub syntax_error: Option<SyntaxErrorInfo>,
    /// `__cause__`, `__context__` and `__suppress_context__`.
    pub cause: Option<usize>,
    pub context: Option<usize>,
    pub suppress_context: bool,
}

/// `TracebackException.exc_type_str`: the type's `__qualname__`, prefixed with its `__module__`
/// unless that is `builtins` or `__main__` (`None`, a module that is not a `str`, prints as
/// `<unknown>`).
pub fn type_display_name(module: Option<&str>, qualname: &str) -> String {
    match module {
        Some("builtins" | "__main__") => qualname.to_owned(),
        Some(module) => format!("{module}.{qualname}"),
        None => format!("<unknown>.{qualname}"),
    }
}

const CAUSE_MESSAGE: &str =
    "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MESSAGE: &str =
    "\nDuring handling of the above exception, another exception occurred:\n\n";

/// The interpreter's state that the traceback module consults.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// `sys.tracebacklimit`, when set (see [`apply_builtin_limit`]).
    pub tracebacklimit: Option<i64>,
    /// What the warnings filters do with the `SyntaxWarning`s of parsing source lines.
    pub syntax_warnings: SyntaxWarnings,
}

/// The text `print_exception(exceptions[root], limit=BUILTIN_EXCEPTION_LIMIT)` writes to stderr,
/// which is what the interpreter prints for an uncaught exception, `SyntaxWarning`s included
/// where CPython writes them (after each `Traceback` header). `getline` reads source lines as
/// `linecache.getline` does, returning `None` for a missing line.
pub fn format_exception<L>(
    exceptions: &[ExceptionSummary],
    root: usize,
    options: &Options,
    getline: &L,
) -> String
where
    L: Fn(&str, u32) -> Option<String> + ?Sized,
{
    let mut out = String::new();
    for (message, index) in printed_chain(exceptions, root).into_iter().rev() {
        let Some(exc) = exceptions.get(index) else {
            continue;
        };
        if let Some(message) = message {
            out.push_str(message);
        }
        let frames = apply_builtin_limit(&exc.frames, options.tracebacklimit);
        if !frames.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            let stack = format_frames(frames, getline, options.syntax_warnings);
            for warning in &stack.warnings {
                out.push_str(&warning.to_string());
            }
            out.push_str(&stack.text);
        }
        out.push_str(&format_exception_only(exc));
    }
    out
}

/// The exceptions printed, from `root` to the oldest, each with the message that links it to the
/// next one (printed above it). Mirrors `TracebackException.__init__` with `compact=True` and `format`:
/// an exception is followed by its cause, or, without one and unless its context is suppressed,
/// by its context; an exception already in the chain ends it.
fn printed_chain(
    exceptions: &[ExceptionSummary],
    root: usize,
) -> Vec<(Option<&'static str>, usize)> {
    let mut chain = vec![(None, root)];
    let mut seen = vec![false; exceptions.len()];
    if let Some(flag) = seen.get_mut(root) {
        *flag = true;
    }
    let mut current = root;
    while let Some(exc) = exceptions.get(current) {
        let fresh = |link: Option<usize>| link.filter(|&i| seen.get(i) == Some(&false));
        let next = match fresh(exc.cause) {
            Some(cause) => (CAUSE_MESSAGE, cause),
            None => match fresh(exc.context).filter(|_| !exc.suppress_context) {
                Some(context) => (CONTEXT_MESSAGE, context),
                None => break,
            },
        };
        if let Some(last) = chain.last_mut() {
            last.0 = Some(next.0);
        }
        chain.push((None, next.1));
        seen[next.1] = true;
        current = next.1;
    }
    chain
}

/// `TracebackException.format_exception_only()` at the top level: the final `Type: message` line
/// (or the `SyntaxError` report), then the notes.
pub fn format_exception_only(exc: &ExceptionSummary) -> String {
    let mut out = match &exc.syntax_error {
        Some(info) => format_syntax_error(info, &exc.type_name),
        None => final_line(&exc.type_name, &exc.message),
    };
    match &exc.notes {
        Notes::Absent => {}
        Notes::Items(notes) => {
            for note in notes {
                for line in note.split('\n') {
                    out.push_str(line);
                    out.push('\n');
                }
            }
        }
        Notes::Other(repr) => {
            out.push_str(repr);
            out.push('\n');
        }
    }
    out
}

/// `_format_final_exc_line`: `Type: message`, or just `Type` for an empty message.
pub fn final_line(type_name: &str, message: &str) -> String {
    if message.is_empty() {
        format!("{type_name}\n")
    } else {
        format!("{type_name}: {message}\n")
    }
}
