//! Following work in progress: which servers to ask about, when, and what a
//! finished restore changes. Only the servers concerned are asked, one poll
//! at a time, and none while the tab is hidden (unless notifications are on)
//! or the browser is offline.

use super::{Sequencing, SnapshotStore};
use crate::api::ApiError;
use crate::domain::idle::own_snapshot_in_progress;
use crate::domain::locks::{RestoreLocks, RestorePhase};
use crate::domain::merge;
use crate::domain::model::ServerStatus;
use crate::domain::polling::{hidden_poll_delay_ms, poll_delay_ms};
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::time::Duration;

impl SnapshotStore {
    /// Servers with a snapshot in progress, and servers being restored
    /// (whoever started the restore) whose end the Servers API can tell:
    /// polling asks about both, so that a lock ends with its restore.
    fn work_in_progress(&self) -> (BTreeSet<u64>, BTreeSet<u64>) {
        let creating = self
            .snapshots
            .with_untracked(|all| merge::servers_in_progress(all));
        let restoring = self.locks.with_untracked(RestoreLocks::followable);
        (creating, restoring)
    }

    /// Whether a snapshot this tab created is in progress or a restore it
    /// sent is being followed.
    pub(super) fn follows_own_work(&self) -> bool {
        let restoring = self
            .restores
            .with_untracked(|r| r.values().any(|p| p.phase == RestorePhase::Restoring));
        restoring
            || self
                .seq
                .try_with_value(|s| {
                    self.snapshots
                        .with_untracked(|all| own_snapshot_in_progress(all, &s.own_creates))
                })
                .unwrap_or(false)
    }

    /// Schedules the next poll if anything is in progress; `restart` goes back
    /// to the quick first steps (after new work was started).
    pub(super) fn schedule_poll(&self, restart: bool) {
        let (creating, restoring) = self.work_in_progress();
        let store = *self;
        let _ = self.seq.try_update_value(|s| {
            s.cancel_poll_timer();
            if restart {
                s.poll_round = 0;
            }
            if (creating.is_empty() && restoring.is_empty()) || s.polling {
                return;
            }
            let delay = Duration::from_millis(u64::from(hidden_poll_delay_ms(
                poll_delay_ms(s.poll_round),
                !store.visible.get_untracked(),
            )));
            s.poll_round += 1;
            // Leptos's one-off timer: the delay changes each round, and
            // leptos-use's `use_timeout_fn` is made once, at set-up.
            s.poll_timer = set_timeout_with_handle(move || store.poll(), delay).ok();
        });
    }

    /// Polls at once (the tab became visible, or the browser came back online).
    pub(super) fn poll_soon(&self) {
        let store = *self;
        let _ = self.seq.try_update_value(|s| {
            s.cancel_poll_timer();
            s.poll_timer =
                set_timeout_with_handle(move || store.poll(), Duration::from_millis(300)).ok();
        });
    }

    /// Cancels the scheduled poll (the page is going).
    pub(super) fn stop_polling(&self) {
        let _ = self.seq.try_update_value(Sequencing::cancel_poll_timer);
    }

    /// Whether a hidden tab keeps polling: only with notifications on.
    fn polls_while_hidden(&self) -> bool {
        self.notifier.is_some_and(|n| n.is_on_untracked())
    }

    /// Asks only about the servers concerned by work in progress. One poll at a
    /// time; none while the browser is offline, nor while the tab is hidden
    /// unless notifications are on.
    fn poll(&self) {
        let hidden = !self.visible.try_get_untracked().unwrap_or(false);
        if !self.alive() || !self.online.get_untracked() || (hidden && !self.polls_while_hidden()) {
            return;
        }
        let busy = self
            .seq
            .try_update_value(|s| std::mem::replace(&mut s.polling, true))
            .unwrap_or(true);
        if busy {
            return;
        }
        let (creating, restoring) = self.work_in_progress();
        let store = *self;
        let Some(client) = self.client() else { return };
        leptos::task::spawn_local(async move {
            for server_id in creating {
                if !store.reload_server(&client, server_id).await {
                    return;
                }
            }
            for server_id in restoring {
                let result = client.get_server(server_id).await;
                if !store.alive() {
                    return;
                }
                match result {
                    Ok(server) if server.status != ServerStatus::Restoring => {
                        store.finish_restore(server_id, server.status)
                    }
                    Err(ApiError::Unauthorized) => return store.session.expire(None),
                    Err(ApiError::Forbidden { .. } | ApiError::NotFound { .. }) => {
                        store.untrack_restore(server_id)
                    }
                    _ => {}
                }
            }
            if store.alive() {
                store.seq.update_value(|s| s.polling = false);
                store.schedule_poll(false);
            }
        });
    }

    /// The server has left `restoring`: its lock ends, and a restore this
    /// tab started is announced as finished.
    fn finish_restore(&self, server_id: u64, status: ServerStatus) {
        self.set_server_status(server_id, status);
        let mut name = None;
        self.restores.update(|r| {
            if let Some(progress) = r.get_mut(&server_id) {
                if progress.phase != RestorePhase::Finished {
                    progress.phase = RestorePhase::Finished;
                    name = Some(progress.snapshot_name.clone());
                }
            }
        });
        if let Some(name) = name {
            self.announce_restore_finished(server_id, name);
        }
    }

    /// The Servers API will not tell about this server: its state is
    /// unknown, and a restore this tab started can no longer be followed
    /// (its lock then lasts as long as a restore usually takes).
    fn untrack_restore(&self, server_id: u64) {
        self.set_server_status(server_id, ServerStatus::Unknown);
        self.restores.update(|r| {
            if let Some(progress) = r.get_mut(&server_id) {
                progress.phase = RestorePhase::Untracked;
            }
        });
    }
}
