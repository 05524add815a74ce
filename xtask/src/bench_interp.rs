//! `cargo xtask bench interp`: the interpreter benchmark set (`xtask/benchmarks/*.py`) run side
//! by side under protopy (release build) and the reference CPython 3.14, alternating, best of N
//! runs per program; wall time and peak resident memory of each process. Writes
//! `docs/benchmarks.md` with protopy/CPython ratios and their geometric mean.

use protopy_conformance::{protopy, reference};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

/// A program may run this long before it is stopped and reported as too slow.
const RUN_LIMIT: Duration = Duration::from_secs(120);

/// What one process run measured.
#[derive(Clone, Debug)]
struct Run {
    seconds: f64,
    /// User plus system CPU time of the process.
    cpu: f64,
    /// Peak resident set size in KiB (`ru_maxrss` from `wait4`).
    max_rss_kib: u64,
    stdout: Vec<u8>,
    status: Option<i32>,
    stderr_tail: String,
}

/// The result of one benchmark program.
struct Outcome {
    name: String,
    what: String,
    cpython: Result<Measured, String>,
    protopy: Result<Measured, String>,
}

#[derive(Clone, Copy)]
struct Measured {
    best: f64,
    best_cpu: f64,
    max_rss_kib: u64,
}

pub fn interp(runs: usize, only: &[String], out: Option<PathBuf>) -> Result<ExitCode, String> {
    let runs = runs.max(1);
    let repo = reference::repo_root();
    let r = reference::ensure()?;
    eprintln!("bench interp: building protopy (cargo build --release -p protopy-vm)");
    let bin = protopy::release(&repo)?;
    let load = load_average();
    let programs = programs(&repo.join("xtask/benchmarks"), only)?;
    let mut outcomes = Vec::new();
    for path in &programs {
        let name = stem(path);
        eprintln!("bench interp: {name} ({runs} runs each, alternating)");
        let mut cpy: Vec<Run> = Vec::new();
        let mut ours: Vec<Run> = Vec::new();
        let mut cpy_err = None;
        let mut ours_err = None;
        for _ in 0..runs {
            if cpy_err.is_none() {
                match run_once(&r.python, path) {
                    Ok(run) => cpy.push(run),
                    Err(e) => cpy_err = Some(e),
                }
            }
            if ours_err.is_none() {
                match run_once(&bin, path) {
                    Ok(run) => ours.push(run),
                    Err(e) => ours_err = Some(e),
                }
            }
        }
        let cpython = summarize(&cpy, cpy_err, None);
        let expected = cpy.first().map(|run| run.stdout.as_slice());
        let protopy = summarize(&ours, ours_err, expected);
        outcomes.push(Outcome {
            name,
            what: description(path),
            cpython,
            protopy,
        });
    }
    let md = markdown(&outcomes, runs, &r.version, load.as_deref());
    let out = out.unwrap_or_else(|| repo.join("docs/benchmarks.md"));
    crate::write(&out, &md)?;
    print_summary(&outcomes);
    println!("  wrote {}", out.display());
    Ok(ExitCode::SUCCESS)
}

/// The benchmark programs, sorted; `only` picks some by file stem.
fn programs(dir: &Path, only: &[String]) -> Result<Vec<PathBuf>, String> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .filter(|p| only.is_empty() || only.iter().any(|o| *o == stem(p)))
        .collect();
    found.sort();
    if found.is_empty() {
        return Err(format!("no benchmark programs in {}", dir.display()));
    }
    Ok(found)
}

fn stem(p: &Path) -> String {
    p.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The program's first comment line: what it measures.
fn description(p: &Path) -> String {
    std::fs::read_to_string(p)
        .ok()
        .and_then(|t| {
            t.lines()
                .next()
                .and_then(|l| l.strip_prefix("# "))
                .map(str::to_string)
        })
        .unwrap_or_default()
}

/// Best time and peak memory of the runs, or why there is none (a failed run, or output that
/// differs from CPython's).
fn summarize(
    runs: &[Run],
    err: Option<String>,
    expected: Option<&[u8]>,
) -> Result<Measured, String> {
    if let Some(e) = err {
        return Err(e);
    }
    let first = runs.first().ok_or("no run")?;
    if first.status != Some(0) {
        return Err(format!(
            "exit status {}: {}",
            first
                .status
                .map_or("(signal)".to_string(), |s| s.to_string()),
            first.stderr_tail
        ));
    }
    if let Some(want) = expected {
        if first.stdout != want {
            return Err("output differs from CPython's".to_string());
        }
    }
    Ok(Measured {
        best: runs.iter().map(|r| r.seconds).fold(f64::INFINITY, f64::min),
        best_cpu: runs.iter().map(|r| r.cpu).fold(f64::INFINITY, f64::min),
        max_rss_kib: runs.iter().map(|r| r.max_rss_kib).max().unwrap_or(0),
    })
}

/// Runs `program script` once in the script's directory, with a clean environment, through a
/// probe: this binary re-invoked as `xtask bench-probe`, whose only child is the program, so that
/// `getrusage(RUSAGE_CHILDREN)` in the probe is that child's peak RSS (no `unsafe` needed).
fn run_once(program: &Path, script: &Path) -> Result<Run, String> {
    let me = std::env::current_exe().map_err(|e| format!("cannot find xtask itself: {e}"))?;
    let output = Command::new(me)
        .arg("bench-probe")
        .arg(program)
        .arg(script)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run the probe: {e}"))?;
    // The probe's last stderr line is `probe <seconds> <cpu seconds> <max_rss_kib> <status>`.
    let text = String::from_utf8_lossy(&output.stderr);
    let mut lines: Vec<&str> = text.lines().collect();
    let report = lines.pop().unwrap_or("");
    let fields: Vec<&str> = report.split_whitespace().collect();
    let [tag, seconds, cpu, rss, status] = fields.as_slice() else {
        return Err(format!("the probe failed: {report}"));
    };
    if *tag != "probe" {
        return Err(format!("the probe failed: {report}"));
    }
    if *status == "timeout" {
        return Err(format!("stopped after {} s", RUN_LIMIT.as_secs()));
    }
    Ok(Run {
        seconds: seconds.parse().map_err(|_| "bad probe time")?,
        cpu: cpu.parse().map_err(|_| "bad probe CPU time")?,
        max_rss_kib: rss.parse().map_err(|_| "bad probe memory")?,
        stdout: output.stdout,
        status: status.parse().ok(),
        stderr_tail: lines.last().unwrap_or(&"").to_string(),
    })
}

/// `xtask bench-probe PROGRAM SCRIPT`: runs the one child, passes its stdout and stderr through,
/// and ends stderr with `probe <seconds> <cpu seconds> <max_rss_kib> <exit code | signal |
/// timeout>`.
pub fn probe(program: &Path, script: &Path) -> ExitCode {
    let dir = script.parent().unwrap_or(Path::new("."));
    let started = Instant::now();
    let child = Command::new(program)
        .arg(script)
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::inherit())
        .stderr(Stdio::inherit())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            eprintln!("cannot run {}: {e}", program.display());
            return ExitCode::FAILURE;
        }
    };
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                break status
                    .code()
                    .map_or("signal".to_string(), |c| c.to_string())
            }
            Ok(None) if started.elapsed() > RUN_LIMIT => {
                let _ = child.kill();
                let _ = child.wait();
                break "timeout".to_string();
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(1)),
            Err(e) => {
                eprintln!("cannot wait for {}: {e}", program.display());
                return ExitCode::FAILURE;
            }
        }
    };
    let seconds = started.elapsed().as_secs_f64();
    let usage = nix::sys::resource::getrusage(nix::sys::resource::UsageWho::RUSAGE_CHILDREN);
    let (cpu, rss) = usage.map_or((0.0, 0), |u| {
        let t = |tv: nix::sys::time::TimeVal| tv.tv_sec() as f64 + tv.tv_usec() as f64 / 1e6;
        (
            t(u.user_time()) + t(u.system_time()),
            u.max_rss().max(0) as u64,
        )
    });
    eprintln!("probe {seconds:.6} {cpu:.6} {rss} {status}");
    ExitCode::SUCCESS
}

fn load_average() -> Option<String> {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
}

/// The geometric mean of the wall-time ratios of the benchmarks both interpreters ran correctly.
fn geomean(outcomes: &[Outcome]) -> Option<(f64, usize)> {
    geomean_of(outcomes, |m| m.best)
}

/// The same over CPU time (less sensitive to other work on the machine).
fn geomean_cpu(outcomes: &[Outcome]) -> Option<(f64, usize)> {
    geomean_of(outcomes, |m| m.best_cpu.max(1e-3))
}

fn geomean_of(outcomes: &[Outcome], time: impl Fn(&Measured) -> f64) -> Option<(f64, usize)> {
    let ratios: Vec<f64> = outcomes
        .iter()
        .filter_map(|o| match (&o.cpython, &o.protopy) {
            (Ok(c), Ok(p)) if time(c) > 0.0 => Some(time(p) / time(c)),
            _ => None,
        })
        .collect();
    if ratios.is_empty() {
        return None;
    }
    let mean = ratios.iter().map(|r| r.ln()).sum::<f64>() / ratios.len() as f64;
    Some((mean.exp(), ratios.len()))
}

fn markdown(outcomes: &[Outcome], runs: usize, version: &str, load: Option<&str>) -> String {
    let mut md = String::new();
    let _ = writeln!(md, "# Benchmarks\n");
    let _ = writeln!(
        md,
        "`cargo xtask bench interp --runs {runs}`: each program of `xtask/benchmarks/` run as a whole \
         process under protopy (release build) and under the reference CPython {version}, alternating, \
         {runs} runs each; the best wall time (start-up included), the best CPU time (user plus \
         system, less sensitive to other work on the machine) and the highest peak resident memory \
         (`ru_maxrss`) are kept. A ratio above 1 means protopy is slower or bigger. A program whose \
         output differs from CPython's is not timed.\n"
    );
    let _ = writeln!(
        md,
        "| benchmark | what | CPython (s) | protopy (s) | time ratio | CPU time ratio | CPython peak (MiB) | protopy peak (MiB) | memory ratio |"
    );
    let _ = writeln!(md, "|---|---|---:|---:|---:|---:|---:|---:|---:|");
    for o in outcomes {
        let (ct, cm) = match &o.cpython {
            Ok(m) => (format!("{:.3}", m.best), mib(m.max_rss_kib)),
            Err(e) => (format!("failed: {e}"), String::new()),
        };
        let (pt, pm, tr, cr, mr) = match (&o.protopy, &o.cpython) {
            (Ok(p), Ok(c)) => (
                format!("{:.3}", p.best),
                mib(p.max_rss_kib),
                format!("{:.2}x", p.best / c.best),
                format!("{:.2}x", p.best_cpu / c.best_cpu.max(1e-3)),
                format!("{:.2}x", p.max_rss_kib as f64 / c.max_rss_kib.max(1) as f64),
            ),
            (Ok(p), Err(_)) => (
                format!("{:.3}", p.best),
                mib(p.max_rss_kib),
                String::new(),
                String::new(),
                String::new(),
            ),
            (Err(e), _) => (
                format!("failed: {e}"),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ),
        };
        let _ = writeln!(
            md,
            "| {} | {} | {ct} | {pt} | {tr} | {cr} | {cm} | {pm} | {mr} |",
            o.name,
            o.what.replace('|', "\\|")
        );
    }
    match geomean(outcomes) {
        Some((g, n)) => {
            let _ = writeln!(
                md,
                "\nGeometric mean of the time ratios over the {n} of {} programs both ran: **{g:.2}x** (CPU time: {:.2}x).",
                outcomes.len(),
                geomean_cpu(outcomes).map_or(f64::NAN, |(c, _)| c)
            );
        }
        None => {
            let _ = writeln!(md, "\nNo program ran correctly under both interpreters.");
        }
    }
    let _ = writeln!(md, "\nMachine: {}.", crate::bench::machine());
    if let Some(load) = load {
        let _ = writeln!(md, "Load average (1 min) when the run started: {load}.");
    }
    let _ = writeln!(
        md,
        "\nThe parser's own benchmark is [benchmarks/parse.md](benchmarks/parse.md); the plan to get \
         ahead of CPython is design record [0006](design/0006-specialization.md)."
    );
    md
}

fn mib(kib: u64) -> String {
    format!("{:.1}", kib as f64 / 1024.0)
}

fn print_summary(outcomes: &[Outcome]) {
    println!("interpreter benchmarks (best wall time; protopy/CPython):");
    for o in outcomes {
        match (&o.cpython, &o.protopy) {
            (Ok(c), Ok(p)) => println!(
                "  {:<18} CPython {:7.3} s  protopy {:7.3} s  {:6.2}x  CPU {:6.2}x  memory {:5.2}x",
                o.name,
                c.best,
                p.best,
                p.best / c.best,
                p.best_cpu / c.best_cpu.max(1e-3),
                p.max_rss_kib as f64 / c.max_rss_kib.max(1) as f64
            ),
            (Err(e), _) => println!("  {:<18} CPython failed: {e}", o.name),
            (_, Err(e)) => println!("  {:<18} protopy failed: {e}", o.name),
        }
    }
    if let Some((g, n)) = geomean(outcomes) {
        let cpu = geomean_cpu(outcomes).map_or(f64::NAN, |(c, _)| c);
        println!("  geometric mean over {n} programs: {g:.2}x (CPU time {cpu:.2}x)");
    }
}
