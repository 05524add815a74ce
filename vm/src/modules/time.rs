//! The `time` module (CPython's Modules/timemodule.c): the clocks, `sleep`, and UTC broken-down
//! time (`gmtime`, `struct_time`, `strftime`, `asctime`), and local time (`localtime`, `mktime`,
//! `ctime`) through `time_zone.rs`. https://docs.python.org/3/library/time.html

use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use protopy_objects::{Handle, Value};

use super::native_module::{new_native_module, set_attr};
use super::time_zone;
use crate::numeric::{self, Int};
use crate::protocols::{self, number::num_err};
use crate::thread::{PyResult, Vm};
use crate::types::{sm, structseq, Args, NativeMethod};

const FIELDS: [&str; 9] = [
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
];

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const DAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The start of the monotonic and performance clocks.
fn origin() -> Instant {
    static ORIGIN: OnceLock<Instant> = OnceLock::new();
    *ORIGIN.get_or_init(Instant::now)
}

fn since_epoch() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
}

fn no_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<()> {
    args.check(vm, name, 0, 0)
}

fn nanos(vm: &Vm, d: Duration) -> PyResult<Value> {
    vm.new_int(Int::from_bigint(d.as_nanos().into()))
}

/// `time.time()`.
fn time(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args, "time")?;
    Ok(Value::from_f64(since_epoch().as_secs_f64()))
}
fn time_ns(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args, "time_ns")?;
    nanos(vm, since_epoch())
}
/// `time.monotonic()` and `time.perf_counter()`: one steady clock.
fn monotonic(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args, "monotonic")?;
    Ok(Value::from_f64(origin().elapsed().as_secs_f64()))
}
fn monotonic_ns(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args, "monotonic_ns")?;
    nanos(vm, origin().elapsed())
}
fn perf_counter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args, "perf_counter")?;
    Ok(Value::from_f64(origin().elapsed().as_secs_f64()))
}
fn perf_counter_ns(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args, "perf_counter_ns")?;
    nanos(vm, origin().elapsed())
}

/// The CPU time of the process, from Linux's `/proc/self/stat` (user + system clock ticks).
fn cpu_time(vm: &mut Vm) -> PyResult<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok();
    let ticks = stat.and_then(|s| {
        // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
        let rest = &s[s.rfind(')')? + 1..];
        let f: Vec<&str> = rest.split_whitespace().collect();
        let u: u64 = f.get(11)?.parse().ok()?;
        let st: u64 = f.get(12)?.parse().ok()?;
        Some(u + st)
    });
    match ticks {
        // Linux reports in USER_HZ, 100 per second on every architecture it supports.
        Some(t) => Ok(Duration::from_millis(t * 10)),
        None => Err(crate::ops::not_yet(
            vm,
            "time.process_time() on this system",
        )),
    }
}
fn process_time(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args, "process_time")?;
    Ok(Value::from_f64(cpu_time(vm)?.as_secs_f64()))
}
fn process_time_ns(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args, "process_time_ns")?;
    let d = cpu_time(vm)?;
    nanos(vm, d)
}

/// A number of seconds as a float (`_PyTime_FromSecondsObject`).
fn seconds_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(f) = v.as_f64() {
        if f.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        return Ok(f);
    }
    let i = protocols::number::index(vm, v)?;
    numeric::int_convert::int_to_f64(&i).map_err(|e| num_err(vm, e))
}

/// `time.sleep(secs)`.
fn sleep(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "sleep", 1, 1)?;
    let s = seconds_arg(vm, args.pos[0])?;
    if s < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    let d = Duration::try_from_secs_f64(s).map_err(|_| {
        vm.new_error(
            crate::runtime::Ty::OverflowError,
            "sleep length is too large",
        )
    })?;
    vm.blocking(|| std::thread::sleep(d));
    Ok(Value::NONE)
}

/// The year and yday (1-based) of day `days` since the epoch.
pub fn utc_day_fields(days: i64) -> (i64, i64) {
    let f = utc_fields(days * 86_400);
    (f[0], f[7])
}

/// Broken-down UTC time: `[year, mon, mday, hour, min, sec, wday, yday, isdst]`.
fn utc_fields(secs: i64) -> [i64; 9] {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Days since 1970-01-01 to a civil date (proleptic Gregorian).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let mday = doy - (153 * mp + 2) / 5 + 1;
    let mon = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(mon <= 2);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const CUMULATIVE: [i64; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let yday = CUMULATIVE[(mon - 1) as usize] + mday + i64::from(leap && mon > 2);
    // 1970-01-01 was a Thursday (3 with Monday as 0).
    let wday = (days + 3).rem_euclid(7);
    [
        year,
        mon,
        mday,
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        wday,
        yday,
        0,
    ]
}

/// The `struct_time` type this runtime's `time` module made.
fn struct_time_type(vm: &mut Vm) -> PyResult<Handle> {
    let modules = vm.rt.sys_modules;
    let m = crate::types::dict::get_str(vm, modules, "time")?;
    let d = m.and_then(|m| vm.opaque::<crate::types::module::Module>(m).map(|m| m.dict));
    let t = match d {
        Some(d) => crate::types::dict::get_str(vm, d, "struct_time")?,
        None => None,
    };
    match t.and_then(|t| t.as_handle()) {
        Some(h) if crate::types::typeobj::is_type(vm, Value::from_handle(h)) => Ok(h),
        _ => Err(vm.type_error("time.struct_time is missing")),
    }
}

/// A timestamp argument as whole seconds (floored), the current time for None.
fn timestamp_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<i64> {
    let Some(v) = v.filter(|v| !v.is_none()) else {
        return Ok(since_epoch().as_secs() as i64);
    };
    let out_of_range = |vm: &mut Vm| {
        vm.new_error(
            crate::runtime::Ty::OverflowError,
            "timestamp out of range for platform time_t",
        )
    };
    if let Some(f) = v.as_f64() {
        if f.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        if !f.is_finite() || f.abs() > 1e17 {
            return Err(out_of_range(vm));
        }
        return Ok(f.floor() as i64);
    }
    match protocols::number::index(vm, v)? {
        Int::Small(n) if n.unsigned_abs() < 100_000_000_000_000_000 => Ok(n),
        _ => Err(out_of_range(vm)),
    }
}

/// `time.gmtime([secs])`.
fn gmtime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "gmtime", 0, 1)?;
    let t = timestamp_arg(vm, args.get(0))?;
    struct_time_of(vm, utc_fields(t))
}

/// The nine fields of a time tuple argument (`gettmarg`), checked as `checktm` does.
fn time_tuple(vm: &mut Vm, v: Option<Value>, fname: &str) -> PyResult<[i64; 9]> {
    let Some(v) = v.filter(|v| !v.is_none()) else {
        return local_fields(vm, since_epoch().as_secs() as i64);
    };
    let Some(items) = vm.tuple_items(v).map(|s| s.to_vec()) else {
        return Err(vm.type_error("Tuple or struct_time argument required"));
    };
    if items.len() != 9 {
        return Err(vm.type_error(&format!("{fname}(): illegal time tuple argument")));
    }
    let mut out = [0i64; 9];
    for (o, x) in out.iter_mut().zip(items) {
        *o = protocols::number::index_i64(vm, x)?;
    }
    let checks: [(usize, i64, i64, &str); 7] = [
        (1, 0, 12, "month out of range"),
        (2, 0, 31, "day of month out of range"),
        (3, 0, 23, "hour out of range"),
        (4, 0, 59, "minute out of range"),
        (5, 0, 61, "seconds out of range"),
        (6, -1, i64::MAX, "day of week out of range"),
        (7, 0, 366, "day of year out of range"),
    ];
    for (i, lo, hi, msg) in checks {
        if out[i] < lo || out[i] > hi {
            return Err(vm.value_error(msg));
        }
    }
    // Out-of-range values CPython normalises: month and day 0 become 1, weekday wraps.
    out[1] = out[1].max(1);
    out[2] = out[2].max(1);
    out[7] = out[7].max(1);
    // C's weekday counts from Sunday: (wday + 1) % 7, back to Monday-based.
    out[6] = (out[6].saturating_add(1) % 7 + 6) % 7;
    Ok(out)
}

/// `strftime` of the C library for the directives with a locale-independent ("C" locale)
/// meaning.
fn format_time(vm: &mut Vm, fmt: &str, t: &[i64; 9]) -> PyResult<String> {
    let [year, mon, mday, hour, min, sec, wday, yday, _] = *t;
    let mut out = String::new();
    let mut chars = fmt.chars();
    let month = |names: &[&'static str; 12]| names[(mon - 1).clamp(0, 11) as usize];
    let sunday_week = (yday - 1 + 7 - (wday + 1) % 7) / 7;
    let monday_week = (yday - 1 + 7 - wday) / 7;
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(d) = chars.next() else {
            out.push('%');
            break;
        };
        let hour12 = if hour % 12 == 0 { 12 } else { hour % 12 };
        let piece = match d {
            '%' => "%".to_string(),
            'Y' => year.to_string(),
            'y' => format!("{:02}", year.rem_euclid(100)),
            'C' => format!("{:02}", year.div_euclid(100)),
            'm' => format!("{mon:02}"),
            'd' => format!("{mday:02}"),
            'e' => format!("{mday:2}"),
            'H' => format!("{hour:02}"),
            'I' => format!("{hour12:02}"),
            'M' => format!("{min:02}"),
            'S' => format!("{sec:02}"),
            'p' => if hour < 12 { "AM" } else { "PM" }.to_string(),
            'a' => DAYS[wday as usize].to_string(),
            'A' => DAY_NAMES[wday as usize].to_string(),
            'b' | 'h' => month(&MONTHS).to_string(),
            'B' => month(&MONTH_NAMES).to_string(),
            'j' => format!("{yday:03}"),
            'w' => ((wday + 1) % 7).to_string(),
            'u' => (wday + 1).to_string(),
            'U' => format!("{sunday_week:02}"),
            'W' => format!("{monday_week:02}"),
            'D' | 'x' => format!("{mon:02}/{mday:02}/{:02}", year.rem_euclid(100)),
            'F' => format!("{year}-{mon:02}-{mday:02}"),
            'T' | 'X' => format!("{hour:02}:{min:02}:{sec:02}"),
            'R' => format!("{hour:02}:{min:02}"),
            'r' => format!(
                "{hour12:02}:{min:02}:{sec:02} {}",
                if hour < 12 { "AM" } else { "PM" }
            ),
            'c' => format!(
                "{} {} {mday:2} {hour:02}:{min:02}:{sec:02} {year}",
                DAYS[wday as usize],
                month(&MONTHS)
            ),
            'n' => "\n".to_string(),
            't' => "\t".to_string(),
            other => {
                return Err(crate::ops::not_yet(
                    vm,
                    &format!("the strftime directive %{other}"),
                ))
            }
        };
        out.push_str(&piece);
    }
    Ok(out)
}

/// `time.strftime(format[, t])`.
fn strftime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "strftime", 1, 2)?;
    let Some(fmt) = vm.rust_str(args.pos[0]) else {
        let t = vm.type_name(args.pos[0]);
        return Err(vm.type_error(&format!("strftime() argument 1 must be str, not {t}")));
    };
    let t = time_tuple(vm, args.get(1), "strftime")?;
    let s = format_time(vm, &fmt, &t)?;
    vm.new_str(&s)
}

/// `time.asctime([t])`.
fn asctime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "asctime", 0, 1)?;
    let t = time_tuple(vm, args.get(0), "asctime")?;
    let s = format_time(vm, "%a %b %e %H:%M:%S %Y", &t)?;
    vm.new_str(&s)
}

/// The local offset at `t`, or SystemError where the zone's rules are not supported.
fn local_offset(vm: &mut Vm, t: i64) -> PyResult<time_zone::Offset> {
    match time_zone::local_zone().and_then(|z| z.offset_at(t)) {
        Some(o) => Ok(o),
        None => Err(crate::ops::not_yet(
            vm,
            "local time in a zone with daylight-saving rules",
        )),
    }
}

/// Local broken-down time at `t`.
fn local_fields(vm: &mut Vm, t: i64) -> PyResult<[i64; 9]> {
    let o = local_offset(vm, t)?;
    let mut f = utc_fields(t + o.utc_offset);
    f[8] = i64::from(o.is_dst);
    Ok(f)
}

fn struct_time_of(vm: &mut Vm, fields: [i64; 9]) -> PyResult<Value> {
    let ty = struct_time_type(vm)?;
    let items = fields
        .iter()
        .map(|&n| vm.new_i64(n))
        .collect::<PyResult<Vec<_>>>()?;
    structseq::new_instance(vm, ty, items)
}

/// `time.localtime([secs])`.
fn localtime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "localtime", 0, 1)?;
    let t = timestamp_arg(vm, args.get(0))?;
    let f = local_fields(vm, t)?;
    struct_time_of(vm, f)
}

/// Seconds since the epoch of a UTC civil time (`timegm`).
fn timegm(f: &[i64; 9]) -> i64 {
    let (y, m) = if f[1] <= 2 {
        (f[0] - 1, f[1] + 9)
    } else {
        (f[0], f[1] - 3)
    };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let doy = (153 * m + 2) / 5 + f[2] - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    days * 86_400 + f[3] * 3600 + f[4] * 60 + f[5]
}

/// `time.mktime(t)`: the inverse of `localtime`.
fn mktime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "mktime", 1, 1)?;
    let f = time_tuple(vm, args.get(0), "mktime")?;
    let wall = timegm(&f);
    // The offset at the answer: start from the offset at the wall time read as UTC.
    let mut t = wall - local_offset(vm, wall)?.utc_offset;
    t = wall - local_offset(vm, t)?.utc_offset;
    Ok(Value::from_f64(t as f64))
}

/// `time.ctime([secs])`.
fn ctime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "ctime", 0, 1)?;
    let t = timestamp_arg(vm, args.get(0))?;
    let f = local_fields(vm, t)?;
    let s = format_time(vm, "%a %b %e %H:%M:%S %Y", &f)?;
    vm.new_str(&s)
}

pub const FUNCTIONS: &[NativeMethod] = &[
    sm(
        "asctime",
        asctime,
        "($module, time_tuple=<unrepresentable>, /)",
    ),
    sm("ctime", ctime, ""),
    sm("gmtime", gmtime, "($module, seconds=None, /)"),
    sm("localtime", localtime, ""),
    sm("mktime", mktime, ""),
    sm("monotonic", monotonic, "($module, /)"),
    sm("monotonic_ns", monotonic_ns, "($module, /)"),
    sm("perf_counter", perf_counter, "($module, /)"),
    sm("perf_counter_ns", perf_counter_ns, "($module, /)"),
    sm("process_time", process_time, "($module, /)"),
    sm("process_time_ns", process_time_ns, "($module, /)"),
    sm("sleep", sleep, "($module, seconds, /)"),
    sm("strftime", strftime, ""),
    sm("time", time, "($module, /)"),
    sm("time_ns", time_ns, "($module, /)"),
];

pub fn install(vm: &mut Vm) -> PyResult<()> {
    origin();
    let (m, d) = new_native_module(vm, "time", FUNCTIONS)?;
    vm.temps.push(m);
    let r = (|| {
        let ty = structseq::new_type(vm, "time", "struct_time", &FIELDS)?;
        if let Some(zone) = time_zone::local_zone() {
            let (std, alt, daylight) = zone.names(since_epoch().as_secs() as i64);
            let v = vm.new_i64(-std.utc_offset)?;
            set_attr(vm, d, "timezone", v)?;
            let v = vm.new_i64(-alt.utc_offset)?;
            set_attr(vm, d, "altzone", v)?;
            let v = vm.new_i64(i64::from(daylight))?;
            set_attr(vm, d, "daylight", v)?;
            let a = vm.new_str(&std.name)?;
            vm.temps.push(a);
            let b = vm.new_str(&alt.name);
            let names = b.and_then(|b| vm.new_tuple(vec![a, b]));
            vm.temps.pop();
            set_attr(vm, d, "tzname", names?)?;
        }
        set_attr(vm, d, "struct_time", Value::from_handle(ty))
    })();
    vm.temps.pop();
    r
}

#[cfg(test)]
mod tests {
    use super::{timegm, utc_fields};

    #[test]
    fn civil_dates_round_trip() {
        assert_eq!(utc_fields(0), [1970, 1, 1, 0, 0, 0, 3, 1, 0]);
        assert_eq!(
            utc_fields(1_700_000_000),
            [2023, 11, 14, 22, 13, 20, 1, 318, 0]
        );
        assert_eq!(utc_fields(-1), [1969, 12, 31, 23, 59, 59, 2, 365, 0]);
        // 2000-02-29, a leap day in a century year divisible by 400.
        assert_eq!(utc_fields(951_782_400)[..3], [2000, 2, 29]);
        for t in [-86_400 * 366 * 500, -1, 0, 951_782_400, 4_102_444_800] {
            assert_eq!(timegm(&utc_fields(t)), t);
        }
    }
}
