//! How sizes and times read on screen.

/// A size in human units: `5120` MB reads `5.0 GB`; an unknown size reads `—`.
pub fn size(size_mb: Option<u64>) -> String {
    match size_mb {
        None => "—".to_string(),
        Some(mb) if mb < 1024 => format!("{mb} MB"),
        Some(mb) if mb < 1024 * 1024 => format!("{:.1} GB", mb as f64 / 1024.0),
        Some(mb) => format!("{:.1} TB", mb as f64 / (1024.0 * 1024.0)),
    }
}

/// How long ago `then` was, seen from `now` (both Unix seconds), e.g. `2 days ago`.
/// A time slightly in the future (clock skew) reads `just now`.
pub fn relative_time(now: i64, then: i64) -> String {
    let ago = now - then;
    if ago < 45 {
        return "just now".to_string();
    }
    let (amount, unit) = match ago {
        ..3_600 => ((ago + 30) / 60, "minute"),
        3_600..86_400 => ((ago + 1_800) / 3_600, "hour"),
        86_400..2_592_000 => ((ago + 43_200) / 86_400, "day"),
        2_592_000..31_536_000 => ((ago + 1_296_000) / 2_592_000, "month"),
        _ => ((ago + 15_768_000) / 31_536_000, "year"),
    };
    let amount = amount.max(1);
    let plural = if amount == 1 { "" } else { "s" };
    format!("{amount} {unit}{plural} ago")
}

/// A duration in whole minutes for progress lines, e.g. `4 min` or `< 1 min`.
pub fn minutes(elapsed_secs: i64) -> String {
    if elapsed_secs < 60 {
        "< 1 min".to_string()
    } else {
        format!("{} min", elapsed_secs / 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_in_human_units() {
        assert_eq!(size(Some(5120)), "5.0 GB");
        assert_eq!(size(Some(4856)), "4.7 GB");
        assert_eq!(size(Some(512)), "512 MB");
        assert_eq!(size(Some(0)), "0 MB");
        assert_eq!(size(Some(3 * 1024 * 1024)), "3.0 TB");
        assert_eq!(size(None), "—");
    }

    #[test]
    fn relative_times_round_sensibly() {
        let now = 1_000_000_000;
        assert_eq!(relative_time(now, now + 100), "just now");
        assert_eq!(relative_time(now, now - 10), "just now");
        assert_eq!(relative_time(now, now - 60), "1 minute ago");
        assert_eq!(relative_time(now, now - 5 * 60), "5 minutes ago");
        assert_eq!(relative_time(now, now - 3_600), "1 hour ago");
        assert_eq!(relative_time(now, now - 2 * 86_400), "2 days ago");
        assert_eq!(relative_time(now, now - 65 * 86_400), "2 months ago");
        assert_eq!(relative_time(now, now - 800 * 86_400), "2 years ago");
    }

    #[test]
    fn minutes_never_say_zero() {
        assert_eq!(minutes(10), "< 1 min");
        assert_eq!(minutes(245), "4 min");
    }
}
