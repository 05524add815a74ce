//! The outcome of one conformance case, shared by the snapshot and regrtest tracks, the
//! expectations manifest and the report.

use serde::{Deserialize, Serialize};
use std::fmt;

/// What happened to one case. `xfail`/`xpass` are the worker's names for a case the manifest
/// expected to fail that failed / passed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Pass,
    Fail,
    Error,
    Skip,
    Xfail,
    Xpass,
    Crash,
    Timeout,
}

impl Outcome {
    pub const ALL: [Outcome; 8] = [
        Outcome::Pass,
        Outcome::Fail,
        Outcome::Error,
        Outcome::Skip,
        Outcome::Xfail,
        Outcome::Xpass,
        Outcome::Crash,
        Outcome::Timeout,
    ];

    /// The case did what the reference does: it passed (`xpass` included).
    pub fn is_pass(self) -> bool {
        matches!(self, Outcome::Pass | Outcome::Xpass)
    }

    pub fn name(self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail => "fail",
            Outcome::Error => "error",
            Outcome::Skip => "skip",
            Outcome::Xfail => "xfail",
            Outcome::Xpass => "xpass",
            Outcome::Crash => "crash",
            Outcome::Timeout => "timeout",
        }
    }

    pub fn parse(name: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.name() == name)
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for o in Outcome::ALL {
            assert_eq!(Outcome::parse(o.name()), Some(o));
            assert_eq!(
                serde_json::to_string(&o).ok(),
                Some(format!("\"{}\"", o.name()))
            );
        }
        assert_eq!(Outcome::parse("passed"), None);
        assert!(Outcome::Xpass.is_pass() && !Outcome::Xfail.is_pass());
    }
}
