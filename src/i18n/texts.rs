//! The domain's structured values (sizes, times, progress, name problems) as
//! messages of the catalogues.

use super::{Arg, Msg};
use crate::domain::format::{self, Elapsed, RelativeTime, SizeUnit, TimeUnit};
use crate::domain::polling::{ExpectedWindow, Progress};
use crate::domain::time;
use crate::domain::validation::{NameProblem, MAX_NAME_LEN};

/// A size in MB in human units (`5.0 GB`, `5,0 GB`), or `—` when unknown.
pub fn size_msg(size_mb: Option<u64>) -> Msg {
    let Some(size) = format::size(size_mb) else {
        return Msg::new("size-unknown");
    };
    let key = match size.unit {
        SizeUnit::Mb => "size-mb",
        SizeUnit::Gb => "size-gb",
        SizeUnit::Tb => "size-tb",
    };
    Msg::new(key).arg(
        "amount",
        Arg::Decimal {
            value: size.value,
            decimals: size.decimals,
        },
    )
}

/// How long ago `then` was, seen from `now` (Unix seconds): `2 days ago`.
pub fn relative_msg(now: i64, then: i64) -> Msg {
    match format::relative_time(now, then) {
        RelativeTime::JustNow => Msg::new("time-just-now"),
        RelativeTime::Ago { amount, unit } => {
            let key = match unit {
                TimeUnit::Minute => "time-minutes-ago",
                TimeUnit::Hour => "time-hours-ago",
                TimeUnit::Day => "time-days-ago",
                TimeUnit::Month => "time-months-ago",
                TimeUnit::Year => "time-years-ago",
            };
            Msg::new(key).arg("count", amount)
        }
    }
}

/// An exact UTC time, e.g. `2025-01-15 18:30:00 UTC`.
pub fn utc_msg(unix_seconds: i64) -> Msg {
    let t = time::utc_parts(unix_seconds);
    Msg::new("datetime-utc")
        .arg("year", format!("{:04}", t.year))
        .arg("month", format!("{:02}", t.month))
        .arg("day", format!("{:02}", t.day))
        .arg("hour", format!("{:02}", t.hour))
        .arg("minute", format!("{:02}", t.minute))
        .arg("second", format!("{:02}", t.second))
}

/// When something was taken: the exact time and how long ago, or the API's
/// text if it is not a time.
pub fn taken_msg(created_at: &str, now: i64) -> Msg {
    match time::parse_rfc3339(created_at) {
        Some(at) => Msg::new("taken-at")
            .arg("exact", utc_msg(at))
            .arg("relative", relative_msg(now, at)),
        None => Msg::raw(created_at),
    }
}

fn elapsed_msg(elapsed: Elapsed) -> Msg {
    match elapsed {
        Elapsed::UnderAMinute => Msg::new("elapsed-under-minute"),
        Elapsed::Minutes(n) => Msg::new("elapsed-minutes").arg("count", n),
    }
}

/// Elapsed time against the usual window: `4 min elapsed — usually 3–10 min`.
pub fn progress_msg(progress: Progress) -> Msg {
    let key = if progress.overdue {
        "progress-overdue"
    } else {
        "progress"
    };
    window_args(Msg::new(key), progress.window).arg("elapsed", elapsed_msg(progress.elapsed))
}

/// Sets `$min` and `$max` to the window's minutes.
pub fn window_args(msg: Msg, window: ExpectedWindow) -> Msg {
    msg.arg("min", window.min_minutes)
        .arg("max", window.max_minutes)
}

/// What is wrong with a snapshot name.
pub fn name_problem_msg(problem: &NameProblem) -> Msg {
    match problem {
        NameProblem::Empty => Msg::new("name-empty"),
        NameProblem::TooLong => Msg::new("name-too-long").arg("max", MAX_NAME_LEN),
        NameProblem::BadCharacter(' ') => Msg::new("name-space"),
        NameProblem::BadCharacter(c) => Msg::new("name-bad-char").arg("char", c.to_string()),
    }
}

/// The provider's naming rule.
pub fn name_rule_msg() -> Msg {
    Msg::new("name-rule").arg("max", MAX_NAME_LEN)
}
