//! `match` statement patterns (PEP 634): or, as, capture, wildcard, literal, value, group,
//! sequence, mapping and class patterns.
