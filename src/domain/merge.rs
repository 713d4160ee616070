//! How list answers become the list on screen.
//!
//! Answers arrive out of order: a slow whole-list load, a poll of one server,
//! this tab's own create or delete. Every request is numbered when it is sent
//! ([`AnswerOrder`]); an answer older than what a server already shows is
//! dropped, so a late answer can never overwrite newer data or bring back a
//! deleted snapshot, and an answer about one server never erases another's.

use super::model::Snapshot;
use std::collections::{BTreeSet, HashMap};

/// The numbering of list requests and, per server, the newest answer shown.
#[derive(Debug, Default)]
pub struct AnswerOrder {
    next: u64,
    /// The number of the newest answer shown for each server.
    shown: HashMap<u64, u64>,
    /// The number of the newest whole-list answer shown.
    shown_all: u64,
    /// The number of the newest load sent: only its answer counts.
    latest_load: u64,
}

impl AnswerOrder {
    /// A new number, for a request about to be sent.
    pub fn next(&mut self) -> u64 {
        self.next += 1;
        self.next
    }

    /// A new number for a load (Refresh, a new filter), which supersedes
    /// every load sent before it.
    pub fn start_load(&mut self) -> u64 {
        self.latest_load = self.next();
        self.latest_load
    }

    /// Whether `seq` is the newest load: the answer of an older one, success
    /// or failure, no longer says anything.
    pub fn is_latest_load(&self, seq: u64) -> bool {
        seq == self.latest_load
    }

    /// Marks `server_id` as changed by this tab now (a create, a delete):
    /// answers to requests sent before are dropped for that server.
    pub fn touch(&mut self, server_id: u64) {
        let seq = self.next();
        self.shown.insert(server_id, seq);
    }

    /// Takes a whole-list answer numbered `seq`: `None` when a newer one is
    /// already shown, else the servers that already show something newer
    /// (whose rows must be kept as they are).
    pub fn accept_all(&mut self, seq: u64) -> Option<BTreeSet<u64>> {
        if seq < self.shown_all {
            return None;
        }
        self.shown_all = seq;
        Some(
            self.shown
                .iter()
                .filter(|(_, shown)| **shown > seq)
                .map(|(id, _)| *id)
                .collect(),
        )
    }

    /// Takes an answer about one server: false when something newer is
    /// already shown for it.
    pub fn accept_server(&mut self, seq: u64, server_id: u64) -> bool {
        let shown = self
            .shown
            .get(&server_id)
            .copied()
            .unwrap_or(0)
            .max(self.shown_all);
        if seq <= shown {
            return false;
        }
        self.shown.insert(server_id, seq);
        true
    }
}

/// Puts a whole-list answer on screen, except for the servers in `keep`,
/// whose rows stay as they are.
pub fn merge_all(current: &mut Vec<Snapshot>, fresh: Vec<Snapshot>, keep: &BTreeSet<u64>) {
    let kept: Vec<Snapshot> = current
        .drain(..)
        .filter(|s| keep.contains(&s.server.id))
        .collect();
    current.extend(fresh.into_iter().filter(|s| !keep.contains(&s.server.id)));
    current.extend(kept);
}

/// Puts one server's fresh list on screen and returns the snapshots that
/// were in progress and no longer are (to announce). Rows that did not
/// change are left untouched, so they keep their place and their DOM; new
/// ones go at the end, oldest id first.
pub fn merge_server(
    current: &mut Vec<Snapshot>,
    server_id: u64,
    fresh: Vec<Snapshot>,
) -> Vec<Snapshot> {
    let mut fresh: HashMap<u64, Snapshot> = fresh.into_iter().map(|s| (s.id, s)).collect();
    let mut finished = Vec::new();
    current.retain_mut(|shown| {
        if shown.server.id != server_id {
            return true;
        }
        let Some(new) = fresh.remove(&shown.id) else {
            return false;
        };
        if shown.status.is_in_progress() && !new.status.is_in_progress() {
            finished.push(new.clone());
        }
        if *shown != new {
            *shown = new;
        }
        true
    });
    let mut added: Vec<Snapshot> = fresh.into_values().collect();
    added.sort_by_key(|s| s.id);
    current.extend(added);
    finished
}

/// Shows a snapshot the API has just started creating (once, however often
/// it is reported).
pub fn insert_created(current: &mut Vec<Snapshot>, snapshot: Snapshot) {
    current.retain(|s| s.id != snapshot.id);
    current.push(snapshot);
}

/// The servers with a snapshot in progress.
pub fn servers_in_progress(snapshots: &[Snapshot]) -> BTreeSet<u64> {
    snapshots
        .iter()
        .filter(|s| s.status.is_in_progress())
        .map(|s| s.server.id)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::grouping::group_snapshots;
    use crate::domain::list_view::ListView;
    use crate::domain::model::SnapshotStatus;

    fn snap(id: u64, server: u64, status: SnapshotStatus) -> Snapshot {
        let raw = match status {
            SnapshotStatus::InProgress => "in_progress",
            SnapshotStatus::Completed => "completed",
            SnapshotStatus::Other(_) => "failed",
        };
        Snapshot::sample(id, server, raw, "2025-01-01T00:00:00Z", None)
    }

    fn done(id: u64, server: u64) -> Snapshot {
        snap(id, server, SnapshotStatus::Completed)
    }

    fn ids(list: &[Snapshot]) -> Vec<u64> {
        let mut ids: Vec<u64> = list.iter().map(|s| s.id).collect();
        ids.sort();
        ids
    }

    #[test]
    fn only_the_newest_load_counts() {
        let mut order = AnswerOrder::default();
        let first = order.start_load();
        let second = order.start_load();
        assert!(!order.is_latest_load(first));
        assert!(order.is_latest_load(second));
    }

    #[test]
    fn a_stale_whole_list_answer_is_dropped() {
        let mut order = AnswerOrder::default();
        let old = order.next();
        let new = order.next();
        assert_eq!(order.accept_all(new), Some(BTreeSet::new()));
        assert_eq!(order.accept_all(old), None);
    }

    #[test]
    fn a_stale_poll_of_one_server_is_dropped() {
        let mut order = AnswerOrder::default();
        let old = order.next();
        let new = order.next();
        assert!(order.accept_server(new, 1));
        assert!(!order.accept_server(old, 1));
        // Another server is not affected by server 1's numbers.
        assert!(order.accept_server(old, 2));
    }

    #[test]
    fn a_poll_sent_before_a_whole_list_answer_is_dropped() {
        let mut order = AnswerOrder::default();
        let poll = order.next();
        let load = order.next();
        assert!(order.accept_all(load).is_some());
        assert!(!order.accept_server(poll, 7));
    }

    #[test]
    fn a_deleted_row_never_comes_back_from_a_late_poll() {
        let mut order = AnswerOrder::default();
        let mut shown = vec![done(1, 10), done(2, 10)];
        // A poll is sent, then the user deletes snapshot 2.
        let poll = order.next();
        order.touch(10);
        shown.retain(|s| s.id != 2);
        // The poll's answer, from before the delete, still lists it.
        assert!(!order.accept_server(poll, 10));
        assert_eq!(ids(&shown), vec![1]);
        // A whole-list load sent before the delete keeps server 10 as it is.
        let mut order = AnswerOrder::default();
        let load = order.next();
        order.touch(10);
        let keep = order.accept_all(load).unwrap_or_default();
        merge_all(
            &mut shown,
            vec![done(1, 10), done(2, 10), done(3, 20)],
            &keep,
        );
        assert_eq!(ids(&shown), vec![1, 3]);
    }

    #[test]
    fn a_filtered_answer_does_not_erase_other_servers() {
        let mut shown = vec![done(1, 10), done(2, 20), done(3, 20)];
        let finished = merge_server(&mut shown, 10, vec![done(1, 10), done(4, 10)]);
        assert!(finished.is_empty());
        assert_eq!(ids(&shown), vec![1, 2, 3, 4]);
        // One server's empty answer empties only that server.
        merge_server(&mut shown, 20, Vec::new());
        assert_eq!(ids(&shown), vec![1, 4]);
    }

    #[test]
    fn a_server_answer_keeps_unchanged_rows_in_place_and_reports_finished_work() {
        let mut shown = vec![
            snap(5, 10, SnapshotStatus::InProgress),
            done(2, 10),
            done(9, 20),
        ];
        let fresh = vec![done(7, 10), done(2, 10), done(5, 10), done(6, 10)];
        let finished = merge_server(&mut shown, 10, fresh);
        assert_eq!(ids(&finished), vec![5]);
        let order: Vec<u64> = shown.iter().map(|s| s.id).collect();
        assert_eq!(order, vec![5, 2, 9, 6, 7], "new rows last, by id");
        assert!(shown[0].status.is_completed());
    }

    #[test]
    fn a_created_snapshot_is_shown_once() {
        let mut shown = vec![done(1, 10)];
        insert_created(&mut shown, snap(2, 10, SnapshotStatus::InProgress));
        insert_created(&mut shown, snap(2, 10, SnapshotStatus::InProgress));
        assert_eq!(ids(&shown), vec![1, 2]);
        assert_eq!(servers_in_progress(&shown), BTreeSet::from([10]));
    }

    #[test]
    fn counts_and_limits_stay_per_server_after_merges() {
        let mut shown: Vec<Snapshot> = (1..=5).map(|id| done(id, 10)).collect();
        shown.push(done(6, 20));
        // A poll of server 20 adds one; server 10 stays at the limit.
        merge_server(&mut shown, 20, vec![done(6, 20), done(7, 20)]);
        let groups = group_snapshots(&shown, None, &ListView::default());
        let totals: Vec<(u64, usize)> = groups.iter().map(|g| (g.server.id, g.total)).collect();
        assert_eq!(totals, vec![(10, 5), (20, 2)]);
        assert!(groups[0].is_full());
        assert!(!groups[1].is_full());
        // A search shows fewer rows but the count against the limit stays.
        let view = ListView {
            query: "snap-7".into(),
            ..ListView::default()
        };
        let searched = group_snapshots(&shown, None, &view);
        assert_eq!(searched.len(), 1);
        assert_eq!((searched[0].snapshots.len(), searched[0].total), (1, 2));
    }
}
