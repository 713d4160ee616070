//! Timestamps: the API's RFC 3339 strings and HTTP dates, as Unix seconds.

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The calendar date of a day count since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn number(text: &str) -> Option<i64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn unix_seconds(
    year: i64,
    month: i64,
    day: i64,
    hour: i64,
    minute: i64,
    second: i64,
) -> Option<i64> {
    let valid = (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && (0..=23).contains(&hour)
        && (0..=59).contains(&minute)
        && (0..=60).contains(&second);
    valid.then(|| days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second)
}

/// Parses an RFC 3339 timestamp such as `2025-01-15T18:30:00Z` or
/// `2025-01-15T19:30:00.123+01:00` into Unix seconds.
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    let text = text.trim();
    let (date, rest) = text.split_at_checked(10)?;
    let mut date_parts = date.split('-');
    let year = number(date_parts.next()?)?;
    let month = number(date_parts.next()?)?;
    let day = number(date_parts.next()?)?;
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let (clock, zone) = rest.split_at_checked(8)?;
    let mut clock_parts = clock.split(':');
    let hour = number(clock_parts.next()?)?;
    let minute = number(clock_parts.next()?)?;
    let second = number(clock_parts.next()?)?;
    // Fractions of a second do not matter here.
    let zone = match zone.strip_prefix('.') {
        Some(fraction) => fraction.trim_start_matches(|c: char| c.is_ascii_digit()),
        None => zone,
    };
    let offset = match zone {
        "Z" | "z" => 0,
        _ => {
            let sign = match zone.chars().next()? {
                '+' => 1,
                '-' => -1,
                _ => return None,
            };
            let (h, m) = zone.get(1..)?.split_once(':')?;
            sign * (number(h)? * 3600 + number(m)? * 60)
        }
    };
    Some(unix_seconds(year, month, day, hour, minute, second)? - offset)
}

/// Parses an HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`) into Unix seconds.
pub fn parse_http_date(text: &str) -> Option<i64> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let mut parts = text.split_whitespace();
    let _weekday = parts.next()?;
    let day = number(parts.next()?)?;
    let month_name = parts.next()?;
    let month = MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(month_name))? as i64
        + 1;
    let year = number(parts.next()?)?;
    let mut clock = parts.next()?.split(':');
    let hour = number(clock.next()?)?;
    let minute = number(clock.next()?)?;
    let second = number(clock.next()?)?;
    if parts.next()? != "GMT" {
        return None;
    }
    unix_seconds(year, month, day, hour, minute, second)
}

/// The zone times are shown and exported in: UTC, or local time, given as
/// its offset east of UTC in minutes at the instant shown (the browser's
/// offset changes with daylight saving time; it is read at the edge).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zone {
    Utc,
    Offset(i32),
}

impl Zone {
    /// How the zone is written after a time: `UTC`, `UTC+01:00`, `UTC-05:30`.
    pub fn label(self) -> String {
        match self {
            Zone::Utc => "UTC".to_string(),
            Zone::Offset(_) => format!("UTC{}", self.suffix()),
        }
    }

    /// The ISO 8601 suffix: `Z`, `+01:00`, `-05:30`.
    fn suffix(self) -> String {
        match self {
            Zone::Utc => "Z".to_string(),
            Zone::Offset(minutes) => {
                let sign = if minutes < 0 { '-' } else { '+' };
                let minutes = minutes.unsigned_abs();
                format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
            }
        }
    }

    fn offset_seconds(self) -> i64 {
        match self {
            Zone::Utc => 0,
            Zone::Offset(minutes) => i64::from(minutes) * 60,
        }
    }
}

/// A calendar date and time of day (in some zone).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateParts {
    pub year: i64,
    pub month: i64,
    pub day: i64,
    pub hour: i64,
    pub minute: i64,
    pub second: i64,
}

/// Unix seconds as a date and time in `zone`, for an exact time on screen.
pub fn date_parts(unix_seconds: i64, zone: Zone) -> DateParts {
    let local = unix_seconds + zone.offset_seconds();
    let (year, month, day) = civil_from_days(local.div_euclid(86_400));
    let secs = local.rem_euclid(86_400);
    DateParts {
        year,
        month,
        day,
        hour: secs / 3600,
        minute: secs % 3600 / 60,
        second: secs % 60,
    }
}

/// Unix seconds as ISO 8601 in `zone`, e.g. `2025-01-15T18:30:00Z` or
/// `2025-01-15T19:30:00+01:00`.
pub fn iso_in(unix_seconds: i64, zone: Zone) -> String {
    let t = date_parts(unix_seconds, zone);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}",
        t.year,
        t.month,
        t.day,
        t.hour,
        t.minute,
        t.second,
        zone.suffix()
    )
}

/// Unix seconds as ISO 8601 in UTC, e.g. `2025-01-15T18:30:00Z`.
pub fn iso_utc(unix_seconds: i64) -> String {
    iso_in(unix_seconds, Zone::Utc)
}

/// A compact UTC stamp for default snapshot names, e.g. `2026-11-24-1530`.
pub fn name_stamp(unix_seconds: i64) -> String {
    let (year, month, day) = civil_from_days(unix_seconds.div_euclid(86_400));
    let secs = unix_seconds.rem_euclid(86_400);
    format!(
        "{year:04}-{month:02}-{day:02}-{:02}{:02}",
        secs / 3600,
        secs % 3600 / 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_times_in_a_zone() {
        let at = 1_736_965_800; // 2025-01-15T18:30:00Z
        assert_eq!(iso_in(at, Zone::Utc), "2025-01-15T18:30:00Z");
        assert_eq!(iso_in(at, Zone::Offset(60)), "2025-01-15T19:30:00+01:00");
        assert_eq!(iso_in(at, Zone::Offset(-330)), "2025-01-15T13:00:00-05:30");
        // Across midnight, both ways.
        assert_eq!(iso_in(at, Zone::Offset(345)), "2025-01-16T00:15:00+05:45");
        assert_eq!(
            iso_in(1_736_899_200, Zone::Offset(-60)),
            "2025-01-14T23:00:00-01:00"
        );
        assert_eq!(Zone::Utc.label(), "UTC");
        assert_eq!(Zone::Offset(-300).label(), "UTC-05:00");
        assert_eq!(Zone::Offset(0).label(), "UTC+00:00");
        assert_eq!(date_parts(at, Zone::Offset(60)).hour, 19);
    }

    #[test]
    fn parses_the_api_format() {
        assert_eq!(parse_rfc3339("2025-01-15T18:30:00Z"), Some(1_736_965_800));
        assert_eq!(parse_rfc3339("1970-01-01T00:00:00Z"), Some(0));
    }

    #[test]
    fn parses_fractions_and_offsets() {
        assert_eq!(
            parse_rfc3339("2025-01-15T19:30:00.250+01:00"),
            Some(1_736_965_800)
        );
        assert_eq!(
            parse_rfc3339("2025-01-15T13:30:00-05:00"),
            Some(1_736_965_800)
        );
    }

    #[test]
    fn rejects_garbage() {
        for text in [
            "",
            "yesterday",
            "2025-13-01T00:00:00Z",
            "2025-01-15",
            "2025-01-15T18:30:00",
            "2025-01-15T18:30:00Q",
            "2025-01-15T1é:30:00Z",
        ] {
            assert_eq!(parse_rfc3339(text), None, "{text}");
        }
    }

    #[test]
    fn writes_iso_utc_that_reads_back() {
        assert_eq!(iso_utc(1_736_965_800), "2025-01-15T18:30:00Z");
        for t in [0, 1_736_965_800, 4_102_444_799] {
            assert_eq!(parse_rfc3339(&iso_utc(t)), Some(t));
        }
    }

    #[test]
    fn parses_http_dates() {
        assert_eq!(
            parse_http_date("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(1_445_412_480)
        );
        assert_eq!(parse_http_date("Wed, 21 Oct 2015 07:28:00 PST"), None);
        assert_eq!(parse_http_date("soon"), None);
    }

    #[test]
    fn formats_utc() {
        assert_eq!(
            date_parts(1_736_965_800, Zone::Utc),
            DateParts {
                year: 2025,
                month: 1,
                day: 15,
                hour: 18,
                minute: 30,
                second: 0
            }
        );
        assert_eq!(date_parts(-1, Zone::Utc).year, 1969);
        assert_eq!(name_stamp(1_736_965_800), "2025-01-15-1830");
    }

    #[test]
    fn round_trips_dates_across_centuries() {
        for days in [-800_000, -1, 0, 59, 60, 11_016, 730_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
