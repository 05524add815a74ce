//! Child processes under a time limit, for the snapshot cases and the regrtest worker: each runs
//! in its own process group, so that a timeout (or a child that leaves grandchildren holding its
//! pipes) is cleaned up by killing the whole group.

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The most bytes kept of each captured stream; the rest is counted and dropped.
pub const CAPTURE_LIMIT: usize = 1 << 20;

/// How a child process ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// It exited with this status.
    Code(i32),
    /// A signal killed it.
    Signal(i32),
    /// It ran past its time limit and was killed.
    Timeout,
}

impl Exit {
    pub fn from_status(status: ExitStatus) -> Exit {
        if let Some(code) = status.code() {
            return Exit::Code(code);
        }
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt;
            if let Some(signal) = status.signal() {
                return Exit::Signal(signal);
            }
        }
        Exit::Code(-1)
    }

    /// `exit status 1`, `killed by signal 11 (SIGSEGV)`, `timed out`.
    pub fn describe(self) -> String {
        match self {
            Exit::Code(code) => format!("exit status {code}"),
            Exit::Signal(signal) => format!("killed by signal {signal} ({})", signal_name(signal)),
            Exit::Timeout => "timed out".to_string(),
        }
    }
}

/// The conventional name of a Linux signal number.
pub fn signal_name(signal: i32) -> &'static str {
    match signal {
        1 => "SIGHUP",
        2 => "SIGINT",
        3 => "SIGQUIT",
        4 => "SIGILL",
        5 => "SIGTRAP",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        13 => "SIGPIPE",
        14 => "SIGALRM",
        15 => "SIGTERM",
        _ => "signal",
    }
}

/// What a captured run produced.
#[derive(Clone, Debug)]
pub struct Captured {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// Bytes dropped beyond [`CAPTURE_LIMIT`] (stdout, stderr).
    pub dropped: (usize, usize),
    pub exit: Exit,
    pub duration: Duration,
}

/// Makes `cmd` the leader of a new process group (Unix), so [`kill_group`] reaches its children.
pub fn own_group(cmd: &mut Command) {
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    #[cfg(not(unix))]
    let _ = cmd;
}

/// Kills `child` and, on Unix, every process of its group.
pub fn kill_group(child: &mut Child) {
    #[cfg(unix)]
    {
        // The group id is the leader's pid (see `own_group`). `kill` is a separate program because
        // this workspace has no unsafe code to call kill(2) with.
        let _ = Command::new("kill")
            .args(["-s", "KILL", "--", &format!("-{}", child.id())])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    let _ = child.kill();
}

/// Waits for `child` for at most `limit`; kills its group when the limit passes.
pub fn wait_limited(child: &mut Child, started: Instant, limit: Duration) -> std::io::Result<Exit> {
    let mut pause = Duration::from_millis(1);
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Exit::from_status(status));
        }
        if started.elapsed() >= limit {
            kill_group(child);
            let _ = child.wait();
            return Ok(Exit::Timeout);
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(20));
    }
}

/// Runs `cmd` with stdin from `/dev/null`, capturing stdout and stderr, for at most `limit`.
pub fn run_captured(cmd: &mut Command, limit: Duration) -> Result<Captured, String> {
    own_group(cmd);
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let started = Instant::now();
    let program = cmd.get_program().to_string_lossy().into_owned();
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot run {program}: {e}"))?;
    let (tx, rx) = mpsc::channel::<(usize, Vec<u8>, usize)>();
    let mut readers = 0;
    if let Some(out) = child.stdout.take() {
        spawn_reader(0, out, tx.clone());
        readers += 1;
    }
    if let Some(err) = child.stderr.take() {
        spawn_reader(1, err, tx.clone());
        readers += 1;
    }
    drop(tx);
    let exit = wait_limited(&mut child, started, limit)
        .map_err(|e| format!("cannot wait for {program}: {e}"))?;
    let duration = started.elapsed();
    let mut streams: [(Vec<u8>, usize); 2] = [(Vec::new(), 0), (Vec::new(), 0)];
    for _ in 0..readers {
        // A grandchild may still hold a pipe open: give it a moment, then kill the group.
        let got = match rx.recv_timeout(Duration::from_millis(500)) {
            Ok(got) => Some(got),
            Err(_) => {
                kill_group(&mut child);
                rx.recv_timeout(Duration::from_secs(5)).ok()
            }
        };
        if let Some((which, bytes, dropped)) = got {
            streams[which] = (bytes, dropped);
        }
    }
    let [(stdout, out_dropped), (stderr, err_dropped)] = streams;
    Ok(Captured {
        stdout,
        stderr,
        dropped: (out_dropped, err_dropped),
        exit,
        duration,
    })
}

fn spawn_reader(
    which: usize,
    mut stream: impl Read + Send + 'static,
    tx: mpsc::Sender<(usize, Vec<u8>, usize)>,
) {
    std::thread::spawn(move || {
        let mut kept = Vec::new();
        let mut dropped = 0;
        let mut buf = [0u8; 8192];
        loop {
            match stream.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    let room = CAPTURE_LIMIT.saturating_sub(kept.len());
                    kept.extend_from_slice(&buf[..n.min(room)]);
                    dropped += n.saturating_sub(room);
                }
            }
        }
        let _ = tx.send((which, kept, dropped));
    });
}

/// The last non-empty line of a log, trimmed (the exception line of a traceback, a panic's
/// message, a usage error).
pub fn last_line(bytes: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(bytes);
    text.lines()
        .rev()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(|l| l.chars().take(300).collect())
}

/// The tail of a file (at most `max` bytes), for diagnostics.
pub fn file_tail(path: &Path, max: u64) -> Vec<u8> {
    use std::io::{Seek, SeekFrom};
    let Ok(mut f) = std::fs::File::open(path) else {
        return Vec::new();
    };
    let len = f.metadata().map(|m| m.len()).unwrap_or(0);
    let _ = f.seek(SeekFrom::Start(len.saturating_sub(max)));
    let mut out = Vec::new();
    let _ = f.read_to_end(&mut out);
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn captures_both_streams_and_the_status() {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "echo out; echo err >&2; exit 3"]);
        let c = run_captured(&mut cmd, Duration::from_secs(10)).unwrap();
        assert_eq!(c.stdout, b"out\n");
        assert_eq!(c.stderr, b"err\n");
        assert_eq!(c.exit, Exit::Code(3));
    }

    #[test]
    fn a_hung_child_and_its_children_are_killed() {
        let mut cmd = Command::new("sh");
        // The background sleep holds stdout open after the shell is killed.
        cmd.args(["-c", "sleep 30 & sleep 30"]);
        let started = Instant::now();
        let c = run_captured(&mut cmd, Duration::from_millis(300)).unwrap();
        assert_eq!(c.exit, Exit::Timeout);
        assert!(started.elapsed() < Duration::from_secs(10));
    }

    #[test]
    fn signals_are_named() {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "kill -SEGV $$"]);
        let c = run_captured(&mut cmd, Duration::from_secs(10)).unwrap();
        assert_eq!(c.exit, Exit::Signal(11));
        assert_eq!(c.exit.describe(), "killed by signal 11 (SIGSEGV)");
    }

    #[test]
    fn the_last_line_skips_blank_lines() {
        assert_eq!(
            last_line(b"Traceback:\n  x\nValueError: bad\n\n").as_deref(),
            Some("ValueError: bad")
        );
        assert_eq!(last_line(b"\n \n"), None);
    }
}
