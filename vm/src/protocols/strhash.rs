//! The hash of `str` and `bytes` (Python/pyhash.c): SipHash-1-3 over the bytes of CPython's
//! internal representation (1, 2 or 4 bytes per code point, little-endian), with the zero key of
//! `PYTHONHASHSEED=0`, so set and dict orders match the reference run.

use protopy_objects::StrData;

struct Sip {
    v0: u64,
    v1: u64,
    v2: u64,
    v3: u64,
}

impl Sip {
    fn round(&mut self) {
        self.v0 = self.v0.wrapping_add(self.v1);
        self.v1 = self.v1.rotate_left(13) ^ self.v0;
        self.v0 = self.v0.rotate_left(32);
        self.v2 = self.v2.wrapping_add(self.v3);
        self.v3 = self.v3.rotate_left(16) ^ self.v2;
        self.v0 = self.v0.wrapping_add(self.v3);
        self.v3 = self.v3.rotate_left(21) ^ self.v0;
        self.v2 = self.v2.wrapping_add(self.v1);
        self.v1 = self.v1.rotate_left(17) ^ self.v2;
        self.v2 = self.v2.rotate_left(32);
    }
}

/// SipHash-1-3 with key (0, 0).
fn siphash13(data: &[u8]) -> u64 {
    let (k0, k1) = (0u64, 0u64);
    let mut s = Sip {
        v0: k0 ^ 0x736f6d6570736575,
        v1: k1 ^ 0x646f72616e646f6d,
        v2: k0 ^ 0x6c7967656e657261,
        v3: k1 ^ 0x7465646279746573,
    };
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let m = u64::from_le_bytes(w);
        s.v3 ^= m;
        s.round();
        s.v0 ^= m;
    }
    let rest = chunks.remainder();
    let mut t: u64 = (data.len() as u64 & 0xff) << 56;
    for (i, &b) in rest.iter().enumerate() {
        t |= (b as u64) << (8 * i);
    }
    s.v3 ^= t;
    s.round();
    s.v0 ^= t;
    s.v2 ^= 0xff;
    s.round();
    s.round();
    s.round();
    s.v0 ^ s.v1 ^ s.v2 ^ s.v3
}

fn finish(data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    let h = siphash13(data) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(bytes)`.
pub fn hash_bytes(b: &[u8]) -> i64 {
    finish(b)
}

/// `hash(str)`.
pub fn hash_str(s: &StrData) -> i64 {
    if s.is_ascii() {
        return finish(s.as_bytes());
    }
    let max = s.code_points().max().unwrap_or(0);
    let mut buf = Vec::with_capacity(s.len() * 4);
    for cp in s.code_points() {
        if max < 256 {
            buf.push(cp as u8);
        } else if max < 65536 {
            buf.extend_from_slice(&(cp as u16).to_le_bytes());
        } else {
            buf.extend_from_slice(&cp.to_le_bytes());
        }
    }
    finish(&buf)
}
