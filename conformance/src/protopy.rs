//! Finding the `protopy` binary the harness runs: `PROTOPY_BIN` when set, else the vm crate's
//! binary built by `cargo build -p protopy-vm --bin protopy` for the same target directory and
//! profile as the caller. Building every time (a no-op when nothing changed) means a test never
//! runs a stale binary, and it works from a clean clone in `cargo test --workspace`, where cargo
//! builds a crate's binaries only for that crate's own integration tests.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The environment variable naming a protopy binary to use instead of building one.
pub const BIN_VAR: &str = "PROTOPY_BIN";

/// A cargo profile and the directory name its outputs go to (`dev` builds into `debug/`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    pub name: String,
    pub dir: String,
}

impl Profile {
    pub fn release() -> Profile {
        Profile {
            name: "release".to_string(),
            dir: "release".to_string(),
        }
    }

    /// The profile whose output directory is `dir` (`debug` is `dev`'s).
    pub fn from_dir(dir: &str) -> Profile {
        let name = if dir == "debug" { "dev" } else { dir };
        Profile {
            name: name.to_string(),
            dir: dir.to_string(),
        }
    }
}

/// For an executable cargo built (`<target>/<profile>/deps/<name>-<hash>` for tests,
/// `<target>/<profile>/<name>` for binaries): the target directory and the profile.
pub fn layout_of(exe: &Path) -> Option<(PathBuf, Profile)> {
    let mut dir = exe.parent()?;
    if dir.file_name()? == "deps" {
        dir = dir.parent()?;
    }
    let profile = dir.file_name()?.to_str()?.to_string();
    let target = dir.parent()?.to_path_buf();
    Some((target, Profile::from_dir(&profile)))
}

/// The cargo that runs us (`CARGO` at run time, else the one that built us, else `cargo`).
pub fn cargo() -> PathBuf {
    std::env::var_os("CARGO")
        .filter(|c| !c.is_empty())
        .map(PathBuf::from)
        .or_else(|| option_env!("CARGO").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("cargo"))
}

/// `PROTOPY_BIN`, if set.
pub fn from_env() -> Option<Result<PathBuf, String>> {
    let bin = std::env::var_os(BIN_VAR).filter(|b| !b.is_empty())?;
    let path = PathBuf::from(bin);
    Some(if path.is_file() {
        Ok(path)
    } else {
        Err(format!("{BIN_VAR}={} is not a file", path.display()))
    })
}

/// Builds the protopy binary for `profile` into `target` and returns its path.
pub fn build(repo: &Path, target: &Path, profile: &Profile) -> Result<PathBuf, String> {
    let cargo = cargo();
    let out = Command::new(&cargo)
        .current_dir(repo)
        .env("CARGO_TARGET_DIR", target)
        .args(["build", "--quiet", "-p", "protopy-vm", "--bin", "protopy"])
        .args(["--profile", &profile.name])
        .output()
        .map_err(|e| format!("cannot run {}: {e}", cargo.display()))?;
    let bin = target.join(&profile.dir).join(exe_name());
    if !out.status.success() {
        return Err(format!(
            "`cargo build -p protopy-vm --bin protopy --profile {}` failed ({}):\n{}",
            profile.name,
            out.status,
            String::from_utf8_lossy(&out.stderr).trim_end()
        ));
    }
    if !bin.is_file() {
        return Err(format!(
            "cargo built protopy but {} is missing",
            bin.display()
        ));
    }
    Ok(bin)
}

/// The binary for the test executable running now: `PROTOPY_BIN`, or a build for the same
/// target directory and profile as the test.
pub fn for_current_test(repo: &Path) -> Result<PathBuf, String> {
    if let Some(bin) = from_env() {
        return bin;
    }
    let exe =
        std::env::current_exe().map_err(|e| format!("cannot find the test executable: {e}"))?;
    let (target, profile) = layout_of(&exe).ok_or_else(|| {
        format!(
            "cannot tell the target directory from {}; set {BIN_VAR}",
            exe.display()
        )
    })?;
    build(repo, &target, &profile)
}

/// The release binary, for `cargo xtask`: `PROTOPY_BIN`, or a release build into
/// `CARGO_TARGET_DIR` (default `<repo>/target`).
pub fn release(repo: &Path) -> Result<PathBuf, String> {
    if let Some(bin) = from_env() {
        return bin;
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .filter(|t| !t.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| repo.join("target"));
    build(repo, &target, &Profile::release())
}

fn exe_name() -> String {
    format!("protopy{}", std::env::consts::EXE_SUFFIX)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_test_executable_names_its_target_and_profile() {
        let (target, profile) =
            layout_of(Path::new("/r/target/debug/deps/snapshots-0123abcd")).unwrap();
        assert_eq!(target, Path::new("/r/target"));
        assert_eq!(profile, Profile::from_dir("debug"));
        assert_eq!(profile.name, "dev");
        let (target, profile) = layout_of(Path::new("/t/release/xtask")).unwrap();
        assert_eq!(
            (target.as_path(), profile.name.as_str()),
            (Path::new("/t"), "release")
        );
        let (_, profile) = layout_of(Path::new("/t/profiling/deps/x-1")).unwrap();
        assert_eq!(
            (profile.name.as_str(), profile.dir.as_str()),
            ("profiling", "profiling")
        );
    }
}
