//! The domain's structured values (sizes, times, progress, name problems) as
//! messages of the catalogues.

use super::msg::{Arg, Key, Msg};
use crate::domain::format::{self, Elapsed, RelativeTime, SizeUnit, TimeUnit};
use crate::domain::model::{ServerStatus, Snapshot, SnapshotStatus};
use crate::domain::polling::Progress;
use crate::domain::time;
use crate::domain::validation::{NameProblem, MAX_NAME_LEN};

/// A size in MB in human units (`5.0 GB`, `5,0 GB`), or `—` when unknown.
pub fn size_msg(size_mb: Option<u64>) -> Msg {
    let Some(size) = format::size(size_mb) else {
        return Msg::from(Key::SizeUnknown);
    };
    let amount = Arg::Decimal {
        scaled: size.scaled,
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

/// An exact time in `zone`, e.g. `2025-01-15 18:30:00 UTC` or
/// `2025-01-15 19:30:00 UTC+01:00`.
pub fn exact_msg(unix_seconds: i64, zone: time::Zone) -> Msg {
    let t = time::date_parts(unix_seconds, zone);
    Msg::datetime_at(
        format!("{:04}", t.year),
        format!("{:02}", t.month),
        format!("{:02}", t.day),
        format!("{:02}", t.hour),
        format!("{:02}", t.minute),
        format!("{:02}", t.second),
        zone.label(),
    )
}

/// When a snapshot was taken: the exact time (in the zone `zone` gives for
/// it) and how long ago, or the API's text if it is not a time.
pub fn taken_msg(snapshot: &Snapshot, now: i64, zone: impl Fn(i64) -> time::Zone) -> Msg {
    match snapshot.created {
        Some(at) => Msg::taken_at(exact_msg(at, zone(at)), relative_msg(now, at)),
        None => Msg::raw(&*snapshot.created_at),
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

/// The status the API gives a snapshot that was not created. The contract
/// leaves statuses other than `in_progress` and `completed` open, so the
/// model keeps it verbatim; the console still says it in every language.
const SNAPSHOT_FAILED: &str = "failed";

/// A snapshot's status in words: the statuses the console knows are
/// translated, any other is shown as the API wrote it.
pub fn snapshot_status_msg(status: &SnapshotStatus) -> Msg {
    match status {
        SnapshotStatus::Completed => Msg::from(Key::StatusCompleted),
        SnapshotStatus::InProgress => Msg::from(Key::StatusInProgress),
        SnapshotStatus::Other(raw) if raw == SNAPSHOT_FAILED => Msg::from(Key::StatusFailed),
        SnapshotStatus::Other(raw) => Msg::raw(raw),
    }
}

/// Why a snapshot with this status cannot be restored; `None` when it can.
pub fn not_restorable_msg(status: &SnapshotStatus) -> Option<Msg> {
    Some(match status {
        SnapshotStatus::Completed => return None,
        SnapshotStatus::InProgress => Msg::from(Key::RestoreNoteInProgress),
        SnapshotStatus::Other(raw) if raw == SNAPSHOT_FAILED => Msg::from(Key::RestoreNoteFailed),
        SnapshotStatus::Other(raw) => Msg::restore_note_other(raw),
    })
}

/// A server's state in words: the states the Servers API documents are
/// translated, any other is shown as the API wrote it.
pub fn server_state_msg(status: &ServerStatus) -> Msg {
    match status {
        ServerStatus::Active => Msg::from(Key::ServerStateActive),
        ServerStatus::Restoring => Msg::from(Key::ServerStateRestoring),
        // The other values of the Servers API's documented `status` filter.
        other => match other.as_api() {
            "stopped" => Msg::from(Key::ServerStateStopped),
            "suspended" => Msg::from(Key::ServerStateSuspended),
            raw => Msg::raw(raw),
        },
    }
}

/// What a delete confirmation says of the undo window of `seconds`, for
/// `count` snapshots.
pub fn undo_window_msg(count: usize, seconds: i64) -> Msg {
    if count == 1 {
        Msg::undo_window_one(seconds)
    } else {
        Msg::undo_window_many(seconds)
    }
}

/// The provider's naming rule.
pub fn name_rule_msg() -> Msg {
    Msg::name_rule(MAX_NAME_LEN)
}
