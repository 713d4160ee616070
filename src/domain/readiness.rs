//! Rollback readiness: how fresh each server's newest completed snapshot is,
//! so an operator sees at a glance which servers could not be rolled back.

use super::model::Snapshot;
use std::collections::HashMap;

/// How many days a rollback point stays recent when `config.json` does not say.
pub const DEFAULT_STALE_AFTER_DAYS: u32 = 7;

const SECONDS_PER_DAY: i64 = 86_400;

/// The time of a rollback point whose time cannot be read.
pub const UNDATED: i64 = i64::MIN;

/// A server's rollback readiness.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Readiness {
    /// No completed snapshot: nothing to roll back to.
    None,
    /// The newest completed snapshot (Unix seconds; `None` when the API's
    /// time cannot be read) is older than the limit.
    Stale { at: Option<i64> },
    /// The newest completed snapshot (Unix seconds) is recent.
    Fresh { at: i64 },
}

impl Readiness {
    /// Whether the server lacks a recent rollback point (none, or stale).
    pub fn needs_attention(self) -> bool {
        !matches!(self, Self::Fresh { .. })
    }
}

/// The creation time (Unix seconds) of each server's newest completed
/// snapshot. A completed snapshot whose time cannot be read still counts as
/// a rollback point, but as one of unknown age: it is kept only if the
/// server has no dated one, at [`UNDATED`] (so it reads as stale).
pub fn newest_completed(snapshots: &[Snapshot]) -> HashMap<u64, i64> {
    let mut newest: HashMap<u64, i64> = HashMap::new();
    for (snapshot, at) in snapshots.iter().filter_map(|s| Some((s, rollback_at(s)?))) {
        let entry = newest.entry(snapshot.server.id).or_insert(at);
        *entry = (*entry).max(at);
    }
    newest
}

/// `snapshot` as a rollback point: its time, [`UNDATED`] when that cannot
/// be read, or `None` when it is not completed. A server's newest rollback
/// point is the largest of its snapshots'.
pub fn rollback_at(snapshot: &Snapshot) -> Option<i64> {
    snapshot
        .status
        .is_completed()
        .then(|| snapshot.created.unwrap_or(UNDATED))
}

/// The readiness of a server whose newest completed snapshot was taken at
/// `newest` (Unix seconds), seen at `now`, with rollback points older than
/// `stale_after_days` counting as stale.
pub fn readiness(newest: Option<i64>, now: i64, stale_after_days: u32) -> Readiness {
    match newest {
        None => Readiness::None,
        Some(UNDATED) => Readiness::Stale { at: None },
        Some(at) if now.saturating_sub(at) > i64::from(stale_after_days) * SECONDS_PER_DAY => {
            Readiness::Stale { at: Some(at) }
        }
        Some(at) => Readiness::Fresh { at },
    }
}

/// How many of `server_ids` lack a recent rollback point.
pub fn count_needing_attention(
    server_ids: impl IntoIterator<Item = u64>,
    newest: &HashMap<u64, i64>,
    now: i64,
    stale_after_days: u32,
) -> usize {
    server_ids
        .into_iter()
        .filter(|id| readiness(newest.get(id).copied(), now, stale_after_days).needs_attention())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::parse_rfc3339;

    const NOW: i64 = 1_736_965_800; // 2025-01-15T18:30:00Z

    fn snap(id: u64, server: u64, status: &str, created_at: &str) -> Snapshot {
        Snapshot::sample(id, server, status, created_at, Some(1))
    }

    #[test]
    fn keeps_the_newest_completed_snapshot_per_server() {
        let list = [
            snap(1, 10, "completed", "2025-01-08T12:00:00Z"),
            snap(2, 10, "completed", "2025-01-15T18:00:00Z"),
            // Newer, but not a rollback point.
            snap(3, 10, "in_progress", "2025-01-15T18:29:00Z"),
            snap(4, 10, "failed", "2025-01-15T18:29:30Z"),
            snap(5, 20, "failed", "2025-01-15T18:00:00Z"),
        ];
        let newest = newest_completed(&list);
        assert_eq!(
            newest.get(&10),
            parse_rfc3339("2025-01-15T18:00:00Z").as_ref()
        );
        assert_eq!(newest.get(&20), None);
    }

    #[test]
    fn an_undated_completed_snapshot_is_a_stale_rollback_point() {
        let newest = newest_completed(&[snap(1, 10, "completed", "yesterday")]);
        assert_eq!(newest.get(&10), Some(&UNDATED));
        assert_eq!(
            readiness(newest.get(&10).copied(), NOW, 7),
            Readiness::Stale { at: None }
        );
        let dated = newest_completed(&[
            snap(1, 10, "completed", "yesterday"),
            snap(2, 10, "completed", "2025-01-15T18:00:00Z"),
        ]);
        assert!(!readiness(dated.get(&10).copied(), NOW, 7).needs_attention());
    }

    #[test]
    fn none_stale_and_fresh() {
        assert_eq!(readiness(None, NOW, 7), Readiness::None);
        let week = 7 * SECONDS_PER_DAY;
        assert_eq!(
            readiness(Some(NOW - week), NOW, 7),
            Readiness::Fresh { at: NOW - week }
        );
        assert_eq!(
            readiness(Some(NOW - week - 1), NOW, 7),
            Readiness::Stale {
                at: Some(NOW - week - 1)
            }
        );
        // A clock behind the API's still reads as fresh.
        assert_eq!(
            readiness(Some(NOW + 60), NOW, 7),
            Readiness::Fresh { at: NOW + 60 }
        );
        // Zero days: anything older than now is stale.
        assert!(readiness(Some(NOW - 1), NOW, 0).needs_attention());
        assert!(!Readiness::Fresh { at: NOW }.needs_attention());
        assert!(Readiness::None.needs_attention());
    }

    #[test]
    fn counts_servers_without_a_recent_rollback_point() {
        let list = [
            snap(1, 10, "completed", "2025-01-15T18:00:00Z"),
            snap(2, 20, "completed", "2024-12-01T00:00:00Z"),
            snap(3, 30, "failed", "2025-01-15T18:00:00Z"),
        ];
        let newest = newest_completed(&list);
        // Server 40 has no snapshot at all.
        assert_eq!(
            count_needing_attention([10, 20, 30, 40], &newest, NOW, 7),
            3
        );
        assert_eq!(count_needing_attention([10], &newest, NOW, 7), 0);
        assert_eq!(count_needing_attention([20], &newest, NOW, 365), 0);
    }
}
