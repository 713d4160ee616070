//! The domain's structured values (sizes, times, progress, name problems) as
//! messages of the catalogues.

use super::{Arg, Key, Msg};
use crate::domain::format::{self, Elapsed, RelativeTime, SizeUnit, TimeUnit};
use crate::domain::model::Snapshot;
use crate::domain::polling::Progress;
use crate::domain::time;
use crate::domain::validation::{NameProblem, MAX_NAME_LEN};

/// A size in MB in human units (`5.0 GB`, `5,0 GB`), or `—` when unknown.
pub fn size_msg(size_mb: Option<u64>) -> Msg {
    let Some(size) = format::size(size_mb) else {
        return Msg::from(Key::SizeUnknown);
    };
    let amount = Arg::Decimal {
        value: size.value,
        decimals: size.decimals,
    };
    match size.unit {
        SizeUnit::Mb => Msg::size_mb(amount),
        SizeUnit::Gb => Msg::size_gb(amount),
        SizeUnit::Tb => Msg::size_tb(amount),
    }
}

/// How long ago `then` was, seen from `now` (Unix seconds): `2 days ago`.
pub fn relative_msg(now: i64, then: i64) -> Msg {
    match format::relative_time(now, then) {
        RelativeTime::JustNow => Msg::from(Key::TimeJustNow),
        RelativeTime::Ago { amount, unit } => match unit {
            TimeUnit::Minute => Msg::time_minutes_ago(amount),
            TimeUnit::Hour => Msg::time_hours_ago(amount),
            TimeUnit::Day => Msg::time_days_ago(amount),
            TimeUnit::Month => Msg::time_months_ago(amount),
            TimeUnit::Year => Msg::time_years_ago(amount),
        },
    }
}

/// An exact UTC time, e.g. `2025-01-15 18:30:00 UTC`.
pub fn utc_msg(unix_seconds: i64) -> Msg {
    let t = time::utc_parts(unix_seconds);
    Msg::datetime_utc(
        format!("{:04}", t.year),
        format!("{:02}", t.month),
        format!("{:02}", t.day),
        format!("{:02}", t.hour),
        format!("{:02}", t.minute),
        format!("{:02}", t.second),
    )
}

/// When a snapshot was taken: the exact time and how long ago, or the API's
/// text if it is not a time.
pub fn taken_msg(snapshot: &Snapshot, now: i64) -> Msg {
    match snapshot.created {
        Some(at) => Msg::taken_at(utc_msg(at), relative_msg(now, at)),
        None => Msg::raw(&snapshot.created_at),
    }
}

fn elapsed_msg(elapsed: Elapsed) -> Msg {
    match elapsed {
        Elapsed::UnderAMinute => Msg::from(Key::ElapsedUnderMinute),
        Elapsed::Minutes(n) => Msg::elapsed_minutes(n),
    }
}

/// Elapsed time against the usual window: `4 min elapsed — usually 3–10 min`.
pub fn progress_msg(progress: Progress) -> Msg {
    let (elapsed, window) = (elapsed_msg(progress.elapsed), progress.window);
    if progress.overdue {
        Msg::progress_overdue(elapsed, window.min_minutes, window.max_minutes)
    } else {
        Msg::progress(elapsed, window.min_minutes, window.max_minutes)
    }
}

/// What is wrong with a snapshot name.
pub fn name_problem_msg(problem: &NameProblem) -> Msg {
    match problem {
        NameProblem::Empty => Msg::from(Key::NameEmpty),
        NameProblem::TooLong => Msg::name_too_long(MAX_NAME_LEN),
        NameProblem::BadCharacter(' ') => Msg::from(Key::NameSpace),
        NameProblem::BadCharacter(c) => Msg::name_bad_char(c.to_string()),
    }
}

/// The provider's naming rule.
pub fn name_rule_msg() -> Msg {
    Msg::name_rule(MAX_NAME_LEN)
}
