//! How sizes and times read on screen, as values: the words come from the
//! message catalogues (see `crate::i18n`).

/// The unit a size is shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SizeUnit {
    Mb,
    Gb,
    Tb,
}

/// A size in human units: `scaled` is the amount in steps of
/// `10^-decimals` (47 with one decimal is 4.7), in `unit`. Whole numbers all
/// the way: sizes are whole MB, and formatting floats would add kilobytes of
/// code to the wasm for this one use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HumanSize {
    pub scaled: u64,
    pub decimals: u32,
    pub unit: SizeUnit,
}

/// `scaled / 10^decimals` with `decimals` digits after `separator`, e.g.
/// `decimal(50, 1, ',')` is `5,0`.
pub fn decimal(scaled: u64, decimals: u32, separator: char) -> String {
    if decimals == 0 {
        return scaled.to_string();
    }
    let step = 10u64.pow(decimals);
    let (whole, fraction) = (scaled / step, scaled % step);
    format!(
        "{whole}{separator}{fraction:0width$}",
        width = decimals as usize
    )
}

/// The whole number `n` with `separator` between each group of three
/// digits, when it has at least `min_digits` digits (CLDR's minimum grouping:
/// Spanish writes 1000 but 10.000): `group_digits(10000, ',', 4)` is
/// `10,000`.
pub fn group_digits(n: i64, separator: char, min_digits: usize) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        let left = digits.len() - i;
        if i > 0 && left.is_multiple_of(3) && digits.len() >= min_digits {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

/// `numerator / denominator` rounded to the nearest whole number, a tie to
/// the even one (as `format!` rounds a float).
fn divide_rounded(numerator: u64, denominator: u64) -> u64 {
    let (quotient, remainder) = (numerator / denominator, numerator % denominator);
    match (2 * remainder).cmp(&denominator) {
        std::cmp::Ordering::Less => quotient,
        std::cmp::Ordering::Greater => quotient + 1,
        std::cmp::Ordering::Equal => quotient + quotient % 2,
    }
}

/// `mb` in tenths of units of `unit_mb`, rounded. Whole units and the rest
/// apart, so that no size overflows.
fn tenths(mb: u64, unit_mb: u64) -> u64 {
    (mb / unit_mb) * 10 + divide_rounded(mb % unit_mb * 10, unit_mb)
}

/// A size in human units: `5120` MB is 5.0 GB; `None` when the size is unknown.
pub fn size(size_mb: Option<u64>) -> Option<HumanSize> {
    let mb = size_mb?;
    Some(match mb {
        ..1024 => HumanSize {
            scaled: mb,
            decimals: 0,
            unit: SizeUnit::Mb,
        },
        1024..1_048_576 => HumanSize {
            scaled: tenths(mb, 1024),
            decimals: 1,
            unit: SizeUnit::Gb,
        },
        _ => HumanSize {
            scaled: tenths(mb, 1024 * 1024),
            decimals: 1,
            unit: SizeUnit::Tb,
        },
    })
}

/// The unit of a relative time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeUnit {
    Minute,
    Hour,
    Day,
    Month,
    Year,
}

/// How long ago something happened, rounded to one unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelativeTime {
    /// Less than 45 seconds ago, or slightly in the future (clock skew).
    JustNow,
    /// `amount` (at least 1) `unit`s ago.
    Ago { amount: i64, unit: TimeUnit },
}

/// How long ago `then` was, seen from `now` (both Unix seconds), e.g. 2 days.
pub fn relative_time(now: i64, then: i64) -> RelativeTime {
    let ago = now - then;
    if ago < 45 {
        return RelativeTime::JustNow;
    }
    let (amount, unit) = match ago {
        ..3_600 => ((ago + 30) / 60, TimeUnit::Minute),
        3_600..86_400 => ((ago + 1_800) / 3_600, TimeUnit::Hour),
        86_400..2_592_000 => ((ago + 43_200) / 86_400, TimeUnit::Day),
        2_592_000..31_536_000 => ((ago + 1_296_000) / 2_592_000, TimeUnit::Month),
        _ => ((ago + 15_768_000) / 31_536_000, TimeUnit::Year),
    };
    RelativeTime::Ago {
        amount: amount.max(1),
        unit,
    }
}

/// A duration in whole minutes for progress lines: never "0 min".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Elapsed {
    UnderAMinute,
    Minutes(i64),
}

/// `elapsed_secs` in whole minutes.
pub fn minutes(elapsed_secs: i64) -> Elapsed {
    if elapsed_secs < 60 {
        Elapsed::UnderAMinute
    } else {
        Elapsed::Minutes(elapsed_secs / 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(size_mb: u64, separator: char) -> (String, SizeUnit) {
        let size = size(Some(size_mb)).unwrap();
        (decimal(size.scaled, size.decimals, separator), size.unit)
    }

    #[test]
    fn sizes_read_in_human_units() {
        assert_eq!(shown(5120, '.'), ("5.0".into(), SizeUnit::Gb));
        assert_eq!(shown(4856, '.'), ("4.7".into(), SizeUnit::Gb));
        assert_eq!(shown(512, '.'), ("512".into(), SizeUnit::Mb));
        assert_eq!(shown(1023, '.'), ("1023".into(), SizeUnit::Mb));
        assert_eq!(shown(0, '.'), ("0".into(), SizeUnit::Mb));
        assert_eq!(shown(3 * 1024 * 1024, '.'), ("3.0".into(), SizeUnit::Tb));
        assert_eq!(size(None), None);
    }

    #[test]
    fn sizes_take_the_decimal_separator_given() {
        assert_eq!(shown(5120, ','), ("5,0".into(), SizeUnit::Gb));
        assert_eq!(shown(4856, ','), ("4,7".into(), SizeUnit::Gb));
        assert_eq!(shown(512, ','), ("512".into(), SizeUnit::Mb));
    }

    #[test]
    fn whole_numbers_are_grouped_by_thousands() {
        assert_eq!(group_digits(0, ',', 4), "0");
        assert_eq!(group_digits(999, ',', 4), "999");
        assert_eq!(group_digits(1000, ',', 4), "1,000");
        assert_eq!(group_digits(10000, ',', 4), "10,000");
        assert_eq!(group_digits(-1234567, ',', 4), "-1,234,567");
        assert_eq!(group_digits(i64::MIN, ',', 4), "-9,223,372,036,854,775,808");
        // Spanish: no separator in four digits.
        assert_eq!(group_digits(1000, '.', 5), "1000");
        assert_eq!(group_digits(9999, '.', 5), "9999");
        assert_eq!(group_digits(10000, '.', 5), "10.000");
        assert_eq!(group_digits(123456, '.', 5), "123.456");
    }

    #[test]
    fn decimals_are_written_with_the_separator() {
        assert_eq!(decimal(12, 1, '.'), "1.2");
        assert_eq!(decimal(48, 1, ','), "4,8");
        assert_eq!(decimal(5, 1, ','), "0,5");
        assert_eq!(decimal(1005, 2, '.'), "10.05");
        assert_eq!(decimal(0, 0, '.'), "0");
    }

    #[test]
    fn sizes_round_half_to_even_as_before() {
        // 1280 MB is exactly 1.25 GB, 4864 MB exactly 4.75 GB: ties, to the
        // even digit, as `format!("{:.1}")` rounded the float.
        for (mb, expected) in [
            (1280, "1.2"),
            (4864, "4.8"),
            (1331, "1.3"),
            (1_048_575, "1024.0"),
            (u64::MAX, "17592186044416.0"),
        ] {
            assert_eq!(shown(mb, '.').0, expected, "{mb} MB");
        }
    }

    #[test]
    fn sizes_match_the_float_formatting_they_replace() {
        for mb in (1024..3_000_000).step_by(37) {
            let unit = if mb < 1_048_576 {
                1024.0
            } else {
                1024.0 * 1024.0
            };
            let expected = format!("{:.1}", mb as f64 / unit);
            assert_eq!(shown(mb, '.').0, expected, "{mb} MB");
        }
    }

    #[test]
    fn relative_times_round_sensibly() {
        let now = 1_000_000_000;
        let ago = |amount, unit| RelativeTime::Ago { amount, unit };
        assert_eq!(relative_time(now, now + 100), RelativeTime::JustNow);
        assert_eq!(relative_time(now, now - 10), RelativeTime::JustNow);
        assert_eq!(relative_time(now, now - 60), ago(1, TimeUnit::Minute));
        assert_eq!(relative_time(now, now - 5 * 60), ago(5, TimeUnit::Minute));
        assert_eq!(relative_time(now, now - 3_600), ago(1, TimeUnit::Hour));
        assert_eq!(relative_time(now, now - 2 * 86_400), ago(2, TimeUnit::Day));
        assert_eq!(
            relative_time(now, now - 65 * 86_400),
            ago(2, TimeUnit::Month)
        );
        assert_eq!(
            relative_time(now, now - 800 * 86_400),
            ago(2, TimeUnit::Year)
        );
    }

    #[test]
    fn minutes_never_say_zero() {
        assert_eq!(minutes(10), Elapsed::UnderAMinute);
        assert_eq!(minutes(59), Elapsed::UnderAMinute);
        assert_eq!(minutes(245), Elapsed::Minutes(4));
    }
}
