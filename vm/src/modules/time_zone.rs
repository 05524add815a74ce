//! The local time zone as the C library finds it (`TZ`, else `/etc/localtime`), read from TZif
//! files (RFC 8536) for `time.localtime` and friends. Zones whose current rules need the
//! daylight-saving part of a POSIX `TZ` string are not supported yet.

/// The offset in effect at some instant: seconds east of UTC, abbreviation, daylight flag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offset {
    pub utc_offset: i64,
    pub name: String,
    pub is_dst: bool,
}

impl Offset {
    fn utc() -> Offset {
        Offset {
            utc_offset: 0,
            name: "UTC".into(),
            is_dst: false,
        }
    }
}

/// A loaded zone: transition instants with the offset from each on, and the rule after the
/// last (a fixed offset, or `None` when it has daylight-saving rules).
pub struct Zone {
    transitions: Vec<(i64, Offset)>,
    initial: Offset,
    after: Option<Offset>,
}

impl Zone {
    fn fixed(o: Offset) -> Zone {
        Zone {
            transitions: Vec::new(),
            initial: o.clone(),
            after: Some(o),
        }
    }

    /// The offset at `t` seconds since the epoch; `None` when it needs rules not supported.
    pub fn offset_at(&self, t: i64) -> Option<Offset> {
        match self.transitions.iter().rposition(|&(at, _)| at <= t) {
            None => Some(self.initial.clone()),
            Some(i) if i + 1 < self.transitions.len() => Some(self.transitions[i].1.clone()),
            Some(_) => self.after.clone(),
        }
    }

    /// `(timezone offset, altzone offset, daylight)` as `time` reports them: from the offsets
    /// on January 1 and July 1 of year `now`'s (as `init_timezone`), or, where those need
    /// unsupported rules, from the last standard and daylight entries of the table.
    pub fn names(&self, now: i64) -> (Offset, Offset, bool) {
        let year_start = {
            let days = now.div_euclid(86_400);
            // Back to January 1 of the year: at most 365 days before.
            let mut d = days;
            while super::time::utc_day_fields(d).1 != 1 {
                d -= 1;
            }
            d
        };
        let jan = self.offset_at(year_start * 86_400);
        let jul = self.offset_at((year_start + 181) * 86_400);
        if let (Some(jan), Some(jul)) = (jan, jul) {
            let daylight = jan.utc_offset != jul.utc_offset;
            return if jan.utc_offset > jul.utc_offset {
                // Daylight time in January: the southern hemisphere.
                (jul, jan, daylight)
            } else {
                (jan, jul, daylight)
            };
        }
        let last = |dst: bool| {
            self.transitions
                .iter()
                .rev()
                .map(|(_, o)| o)
                .find(|o| o.is_dst == dst)
                .cloned()
        };
        let std = last(false).unwrap_or_else(|| self.initial.clone());
        match last(true) {
            Some(dst) => (std, dst, true),
            None => (std.clone(), std, false),
        }
    }
}

/// A POSIX `TZ` string with no daylight part (`UTC0`, `JST-9`, `<+0530>-5:30`).
fn parse_posix_fixed(s: &str) -> Option<Offset> {
    let b = s.as_bytes();
    let (name, rest) = if b.first() == Some(&b'<') {
        let end = s.find('>')?;
        (&s[1..end], &s[end + 1..])
    } else {
        let end = s
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(s.len());
        (&s[..end], &s[end..])
    };
    if name.len() < 3 {
        return None;
    }
    if rest.is_empty() {
        return None;
    }
    let (sign, digits) = match rest.as_bytes()[0] {
        b'-' => (1, &rest[1..]),
        b'+' => (-1, &rest[1..]),
        _ => (-1, rest),
    };
    let mut secs = 0i64;
    for (i, part) in digits.split(':').enumerate() {
        if i > 2 || part.is_empty() || !part.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let v: i64 = part.parse().ok()?;
        secs += v * [3600, 60, 1][i];
    }
    Some(Offset {
        utc_offset: sign * secs,
        name: name.to_string(),
        is_dst: false,
    })
}

fn be_i32(b: &[u8], at: usize) -> Option<i64> {
    Some(i64::from(i32::from_be_bytes(
        b.get(at..at + 4)?.try_into().ok()?,
    )))
}

fn be_i64(b: &[u8], at: usize) -> Option<i64> {
    Some(i64::from_be_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

/// Parses a TZif file.
fn parse_tzif(data: &[u8]) -> Option<Zone> {
    if data.get(..4)? != b"TZif" {
        return None;
    }
    let counts = |at: usize| -> Option<[usize; 6]> {
        let mut c = [0usize; 6];
        for (i, v) in c.iter_mut().enumerate() {
            *v = usize::try_from(be_i32(data, at + 20 + 4 * i)?).ok()?;
        }
        Some(c)
    };
    // [isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt]
    let v1 = counts(0)?;
    let v1_len = 44 + v1[3] * 5 + v1[4] * 6 + v1[5] + v1[2] * 8 + v1[1] + v1[0];
    let (base, c, time_size) = if *data.get(4)? >= b'2' {
        (v1_len, counts(v1_len)?, 8)
    } else {
        (0, v1, 4)
    };
    let [isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt] = c;
    // The counts must describe data that is there (a damaged file is not a zone).
    let needed = timecnt
        .checked_mul(time_size + 1)?
        .checked_add(typecnt.checked_mul(6)?)?
        .checked_add(charcnt)?;
    if base.checked_add(44)?.checked_add(needed)? > data.len() {
        return None;
    }
    let mut at = base + 44;
    let mut times = Vec::with_capacity(timecnt);
    for i in 0..timecnt {
        let t = if time_size == 8 {
            be_i64(data, at + 8 * i)?
        } else {
            be_i32(data, at + 4 * i)?
        };
        times.push(t);
    }
    at += timecnt * time_size;
    let idx = data.get(at..at + timecnt)?.to_vec();
    at += timecnt;
    let types_at = at;
    at += typecnt * 6;
    let chars = data.get(at..at + charcnt)?;
    at += charcnt + leapcnt * (time_size + 4) + isstdcnt + isutcnt;
    let ttinfo = |i: usize| -> Option<Offset> {
        let p = types_at + 6 * i;
        let off = be_i32(data, p)?;
        let dst = *data.get(p + 4)? != 0;
        let ni = usize::from(*data.get(p + 5)?);
        let end = chars.get(ni..)?.iter().position(|&c| c == 0)? + ni;
        Some(Offset {
            utc_offset: off,
            name: String::from_utf8_lossy(&chars[ni..end]).into_owned(),
            is_dst: dst,
        })
    };
    if typecnt == 0 {
        return None;
    }
    let mut transitions = Vec::with_capacity(timecnt);
    for (t, &i) in times.iter().zip(&idx) {
        transitions.push((*t, ttinfo(usize::from(i))?));
    }
    let initial = (0..typecnt)
        .filter_map(ttinfo)
        .find(|o| !o.is_dst)
        .or_else(|| ttinfo(0))?;
    // The footer: "\n<POSIX TZ string>\n" after a version 2+ block.
    let after = if time_size == 8 {
        let footer = data.get(at..).unwrap_or(&[]);
        let text = String::from_utf8_lossy(footer);
        let tz = text.trim_matches('\n');
        if tz.is_empty() {
            transitions.last().map(|(_, o)| o.clone())
        } else {
            parse_posix_fixed(tz)
        }
    } else {
        transitions.last().map(|(_, o)| o.clone())
    };
    let after = if transitions.is_empty() && after.is_none() {
        Some(initial.clone())
    } else {
        after
    };
    Some(Zone {
        transitions,
        initial,
        after,
    })
}

fn load_file(path: &str) -> Option<Zone> {
    std::fs::read(path).ok().and_then(|d| parse_tzif(&d))
}

/// The local zone; `None` when it cannot be determined in a supported way.
pub fn local_zone() -> Option<Zone> {
    match std::env::var("TZ") {
        Ok(tz) if tz.is_empty() => Some(Zone::fixed(Offset::utc())),
        Ok(tz) => {
            let name = tz.strip_prefix(':').unwrap_or(&tz);
            if name.starts_with('/') {
                return load_file(name);
            }
            if let Some(z) = load_file(&format!("/usr/share/zoneinfo/{name}")) {
                return Some(z);
            }
            parse_posix_fixed(name).map(Zone::fixed)
        }
        Err(_) => match load_file("/etc/localtime") {
            Some(z) => Some(z),
            None if !std::path::Path::new("/etc/localtime").exists() => {
                Some(Zone::fixed(Offset::utc()))
            }
            None => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posix_fixed_offsets() {
        let o = parse_posix_fixed("JST-9").unwrap_or_else(Offset::utc);
        assert_eq!((o.utc_offset, o.name.as_str()), (9 * 3600, "JST"));
        let o = parse_posix_fixed("<+0530>-5:30").unwrap_or_else(Offset::utc);
        assert_eq!(o.utc_offset, 5 * 3600 + 30 * 60);
        assert!(parse_posix_fixed("EST5EDT,M3.2.0,M11.1.0").is_none());
    }
}
