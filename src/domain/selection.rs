//! The rules of deleting several snapshots at once and of making room at the
//! limit: what may be chosen, the space a delete frees, which servers would
//! lose their last rollback point, which snapshot "make room" deletes (and
//! whether a typed confirmation still names it), and the countdown of the
//! undo window.

use super::model::{ServerRef, Snapshot};
use std::borrow::Borrow;
use std::collections::{BTreeMap, BTreeSet};

/// Whether a snapshot may be chosen for deletion: one still being created
/// cannot be deleted safely.
pub fn selectable(snapshot: &Snapshot) -> bool {
    !snapshot.status.is_in_progress()
}

/// The space freed by deleting `snapshots`, in MB (unknown sizes count as 0).
pub fn space_freed_mb<'a>(snapshots: impl IntoIterator<Item = &'a Snapshot>) -> u64 {
    snapshots
        .into_iter()
        .map(|s| s.size_mb.unwrap_or(0))
        .fold(0, u64::saturating_add)
}

/// The servers that have a completed snapshot now and would have none once
/// the snapshots `deleting` (ids) are gone: their last rollback point. In
/// the order of their first snapshot in `all`.
pub fn servers_losing_last_completed(all: &[Snapshot], deleting: &BTreeSet<u64>) -> Vec<ServerRef> {
    // One pass over the list, not one per server: at 50,000 snapshots on
    // 10,000 servers that was half a billion comparisons. Only a server with
    // a snapshot being deleted can lose anything: for each, in the order of
    // its first snapshot, whether it has a completed one and keeps one.
    let touched: BTreeSet<u64> = all
        .iter()
        .filter(|s| deleting.contains(&s.id))
        .map(|s| s.server.id)
        .collect();
    let mut servers: Vec<(&ServerRef, bool, bool)> = Vec::new();
    let mut place: BTreeMap<u64, usize> = BTreeMap::new();
    for snapshot in all.iter().filter(|s| touched.contains(&s.server.id)) {
        let at = *place.entry(snapshot.server.id).or_insert_with(|| {
            servers.push((&snapshot.server, false, false));
            servers.len() - 1
        });
        if snapshot.status.is_completed() {
            let (_, any, kept) = &mut servers[at];
            *any = true;
            *kept |= !deleting.contains(&snapshot.id);
        }
    }
    servers
        .into_iter()
        .filter(|(_, any, kept)| *any && !*kept)
        .map(|(server, _, _)| server.clone())
        .collect()
}

/// The snapshot "make room" would delete from one server's snapshots: the
/// oldest completed one; never one in progress or in another state, and
/// never the only completed one (the server's last rollback point).
/// Takes the snapshots themselves or references to them.
pub fn make_room_candidate<S: Borrow<Snapshot>>(server_snapshots: &[S]) -> Option<&Snapshot> {
    let completed: Vec<&Snapshot> = server_snapshots
        .iter()
        .map(Borrow::borrow)
        .filter(|s| s.status.is_completed())
        .collect();
    if completed.len() < 2 {
        return None;
    }
    // Unreadable dates sort last: the console only offers to delete a
    // snapshot it knows to be the oldest.
    completed
        .into_iter()
        .min_by_key(|s| (s.created.unwrap_or(i64::MAX), s.id))
}

/// Whether a "make room" confirmation typed while `named` were the
/// snapshots to go holds for deleting `now`: the very same snapshots, in any
/// order. A confirmation never carries over to a snapshot it did not name.
pub fn same_snapshots(named: &[Snapshot], now: &[Snapshot]) -> bool {
    named.len() == now.len() && named.iter().all(|n| now.iter().any(|s| s.id == n.id))
}

/// The snapshots a typed "make room" confirmation named that another
/// snapshot of the same server has replaced since (the list changed under
/// the dialog), each with the one that would go now.
pub fn replaced_candidates<'a>(
    named: &'a [Snapshot],
    now: &'a [Snapshot],
) -> Vec<(&'a Snapshot, &'a Snapshot)> {
    named
        .iter()
        .filter_map(|old| {
            now.iter()
                .find(|s| s.server.id == old.server.id && s.id != old.id)
                .map(|new| (old, new))
        })
        .collect()
}

/// Whole seconds left before a delete waiting until `deadline_ms` is sent,
/// seen at `now_ms` (rounded up, so the last second reads "1 s", never "0 s").
pub fn seconds_left(deadline_ms: i64, now_ms: i64) -> i64 {
    let left = deadline_ms.saturating_sub(now_ms).max(0);
    left / 1000 + i64::from(left % 1000 != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(id: u64, server: u64, status: &str, at: &str, size: Option<u64>) -> Snapshot {
        Snapshot::sample(id, server, status, at, size)
    }

    const OLD: &str = "2025-01-01T00:00:00Z";
    const MID: &str = "2025-06-01T00:00:00Z";
    const NEW: &str = "2025-12-01T00:00:00Z";

    #[test]
    fn in_progress_snapshots_cannot_be_chosen() {
        assert!(selectable(&snap(1, 1, "completed", OLD, None)));
        assert!(selectable(&snap(2, 1, "failed", OLD, None)));
        assert!(!selectable(&snap(3, 1, "in_progress", OLD, None)));
    }

    #[test]
    fn space_freed_adds_known_sizes() {
        let all = [
            snap(1, 1, "completed", OLD, Some(1024)),
            snap(2, 1, "completed", OLD, None),
            snap(3, 2, "completed", OLD, Some(512)),
        ];
        assert_eq!(space_freed_mb(&all), 1536);
        assert_eq!(space_freed_mb(&[]), 0);
        let huge = [
            snap(1, 1, "completed", OLD, Some(u64::MAX)),
            snap(2, 1, "completed", OLD, Some(1)),
        ];
        assert_eq!(space_freed_mb(&huge), u64::MAX);
    }

    #[test]
    fn warns_only_for_servers_left_without_a_completed_snapshot() {
        let all = [
            snap(1, 1, "completed", OLD, None),
            snap(2, 1, "completed", NEW, None),
            snap(3, 2, "completed", OLD, None),
            snap(4, 2, "in_progress", NEW, None),
            snap(5, 3, "failed", OLD, None),
        ];
        let ids = |ids: &[u64]| ids.iter().copied().collect::<BTreeSet<u64>>();
        assert!(servers_losing_last_completed(&all, &ids(&[1])).is_empty());
        let both = servers_losing_last_completed(&all, &ids(&[1, 2]));
        assert_eq!(both.iter().map(|s| s.id).collect::<Vec<_>>(), [1]);
        // An in-progress snapshot is no rollback point yet.
        let server2 = servers_losing_last_completed(&all, &ids(&[3]));
        assert_eq!(server2.iter().map(|s| s.id).collect::<Vec<_>>(), [2]);
        // A server that had no completed snapshot loses none.
        assert!(servers_losing_last_completed(&all, &ids(&[5])).is_empty());
        let every = servers_losing_last_completed(&all, &ids(&[1, 2, 3, 5]));
        assert_eq!(every.iter().map(|s| s.id).collect::<Vec<_>>(), [1, 2]);
    }

    #[test]
    fn servers_losing_their_last_point_keep_the_order_of_their_first_snapshot() {
        // Interleaved servers: the order is that of each server's first
        // snapshot in the list, not that of the ids being deleted.
        let all = [
            snap(1, 7, "completed", OLD, None),
            snap(2, 3, "completed", OLD, None),
            snap(3, 7, "in_progress", NEW, None),
            snap(4, 3, "completed", NEW, None),
        ];
        let deleting: BTreeSet<u64> = [4, 2, 1].into_iter().collect();
        let losing = servers_losing_last_completed(&all, &deleting);
        assert_eq!(losing.iter().map(|s| s.id).collect::<Vec<_>>(), [7, 3]);
    }

    #[test]
    fn a_large_account_is_read_once() {
        // 10,000 servers of 5 snapshots: a section's five chosen (that
        // server loses its last point), and one of another server's five.
        let all: Vec<Snapshot> = (0..50_000u64)
            .map(|i| snap(i, i / 5, "completed", OLD, None))
            .collect();
        let deleting: BTreeSet<u64> = [100, 101, 102, 103, 104, 7].into_iter().collect();
        let losing = servers_losing_last_completed(&all, &deleting);
        assert_eq!(losing.iter().map(|s| s.id).collect::<Vec<_>>(), [20]);
    }

    #[test]
    fn make_room_takes_the_oldest_completed_one() {
        let server = [
            snap(5, 1, "completed", NEW, None),
            snap(4, 1, "in_progress", OLD, None),
            snap(3, 1, "failed", OLD, None),
            snap(2, 1, "completed", MID, None),
            snap(1, 1, "completed", "not a date", None),
        ];
        assert_eq!(make_room_candidate(&server).map(|s| s.id), Some(2));
    }

    #[test]
    fn make_room_never_takes_the_only_completed_one() {
        let server = [
            snap(1, 1, "completed", OLD, None),
            snap(2, 1, "in_progress", NEW, None),
            snap(3, 1, "failed", NEW, None),
        ];
        assert_eq!(make_room_candidate(&server), None);
        assert_eq!(make_room_candidate::<Snapshot>(&[]), None);
    }

    #[test]
    fn make_room_breaks_ties_by_id() {
        let server = [
            snap(9, 1, "completed", OLD, None),
            snap(7, 1, "completed", OLD, None),
        ];
        assert_eq!(make_room_candidate(&server).map(|s| s.id), Some(7));
    }

    /// The oldest completed snapshots of servers 10 and 20, then the one of
    /// server 10 that follows once the first is gone.
    fn named_then_replaced() -> [Snapshot; 3] {
        [
            snap(1, 10, "completed", OLD, None),
            snap(2, 20, "completed", OLD, None),
            snap(3, 10, "completed", MID, None),
        ]
    }

    #[test]
    fn a_make_room_confirmation_holds_only_for_the_snapshots_it_named() {
        let [a, b, c] = named_then_replaced();
        let named = [a.clone(), b.clone()];
        assert!(
            same_snapshots(&named, &[b.clone(), a.clone()]),
            "in any order"
        );
        assert!(
            !same_snapshots(&named, &[c.clone(), b.clone()]),
            "another snapshot of server 10"
        );
        assert!(!same_snapshots(&named, std::slice::from_ref(&a)), "fewer");
        assert!(
            !same_snapshots(std::slice::from_ref(&a), &[a.clone(), b.clone()]),
            "more"
        );
        assert!(
            !same_snapshots(&[], std::slice::from_ref(&a)),
            "nothing typed"
        );
        assert!(same_snapshots(&[], &[]));
    }

    #[test]
    fn a_replaced_candidate_is_named_with_its_successor() {
        let [a, b, c] = named_then_replaced();
        let named = [a.clone(), b.clone()];
        let ids = |pairs: Vec<(&Snapshot, &Snapshot)>| {
            pairs.iter().map(|(o, n)| (o.id, n.id)).collect::<Vec<_>>()
        };
        assert_eq!(
            ids(replaced_candidates(&named, &[c.clone(), b.clone()])),
            [(1, 3)]
        );
        assert!(replaced_candidates(&named, &named).is_empty(), "unchanged");
        // A server the operator no longer chose replaces nothing.
        assert!(replaced_candidates(&named, std::slice::from_ref(&b)).is_empty());
        assert!(replaced_candidates(&[], &[c]).is_empty(), "nothing typed");
    }

    #[test]
    fn seconds_left_rounds_up_and_stops_at_zero() {
        assert_eq!(seconds_left(10_000, 0), 10);
        assert_eq!(seconds_left(10_000, 1), 10);
        assert_eq!(seconds_left(10_000, 9_001), 1);
        assert_eq!(seconds_left(10_000, 10_000), 0);
        assert_eq!(seconds_left(10_000, 20_000), 0);
        assert_eq!(seconds_left(i64::MAX, i64::MIN), i64::MAX / 1000 + 1);
    }
}
