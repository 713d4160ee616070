//! Sending confirmed deletes: each batch waits for the undo window (a
//! countdown ticks on its rows), then one DELETE per snapshot is sent, one at
//! a time, never retried.

use super::outcomes::{names, tell_batch};
use super::{Batch, DeleteFailure, Entry, PendingDeletes, RoomTeller, Then};
use crate::api::{types::NewSnapshot, ApiError};
use crate::browser::now_ms;
use crate::domain::model::Snapshot;
use crate::i18n::Msg;
use leptos::prelude::*;
use std::time::Duration;

impl PendingDeletes {
    /// Deletes `snapshots` once the undo window has passed (at once when it
    /// is 0), then creates `then` if every delete succeeded. Snapshots whose
    /// delete is already confirmed are left out: nothing is sent twice.
    pub fn schedule(&self, snapshots: Vec<Snapshot>, then: Option<NewSnapshot>) {
        self.schedule_then(snapshots, then.map_or(Then::Report, Then::Create));
    }

    /// Deletes `snapshots` (at most one per server) to make room for a batch
    /// of creates, as [`Self::schedule`] does, telling `tell` how each went.
    /// Snapshots whose delete is already confirmed are left out and not told
    /// of: the caller offers "make room" only for others ([`Self::is_pending`]).
    pub fn schedule_making_room(&self, snapshots: Vec<Snapshot>, tell: RoomTeller) {
        self.schedule_then(snapshots, Then::Tell(tell));
    }

    fn schedule_then(&self, snapshots: Vec<Snapshot>, then: Then) {
        let snapshots: Vec<Snapshot> = self.entries.with_untracked(|e| {
            snapshots
                .into_iter()
                .filter(|s| !e.contains_key(&s.id))
                .collect()
        });
        if snapshots.is_empty() {
            return;
        }
        let ids: Vec<u64> = snapshots.iter().map(|s| s.id).collect();
        self.selection.set_all(ids.iter().copied(), false);
        self.set_failures
            .update(|f| f.retain(|x| !ids.contains(&x.snapshot.id)));
        let Some(batch) = self.timers.try_update_value(|t| {
            t.next_batch += 1;
            t.next_batch
        }) else {
            return;
        };
        let window_ms = i64::try_from(self.seconds.saturating_mul(1000)).unwrap_or(i64::MAX);
        let deadline_ms = (self.seconds > 0).then(|| now_ms().saturating_add(window_ms));
        let makes_room = !matches!(then, Then::Report);
        self.entries.update(|e| {
            for id in &ids {
                let entry = Entry {
                    batch,
                    deadline_ms,
                    makes_room,
                };
                e.insert(*id, entry);
            }
        });
        let this = *self;
        let timer = if self.seconds == 0 {
            None
        } else {
            set_timeout_with_handle(move || this.send(batch), Duration::from_secs(self.seconds))
                .ok()
        };
        self.timers.update_value(|t| {
            t.batches.insert(
                batch,
                Batch {
                    snapshots,
                    then,
                    timer,
                },
            );
        });
        if self.seconds == 0 {
            self.send(batch);
        } else {
            self.countdown.start();
        }
    }

    /// Stops the countdowns' clock once no delete waits any more.
    pub(super) fn stop_tick_when_idle(&self) {
        if self
            .entries
            .with_untracked(|e| e.values().all(|e| e.deadline_ms.is_none()))
        {
            self.countdown.stop();
        }
    }

    /// The undo window of `batch` has ended: send its deletes.
    fn send(&self, batch: u64) {
        let Some(Some(batch)) = self.timers.try_update_value(|t| t.batches.remove(&batch)) else {
            return;
        };
        self.entries.update(|e| {
            for snapshot in &batch.snapshots {
                if let Some(entry) = e.get_mut(&snapshot.id) {
                    entry.deadline_ms = None;
                }
            }
        });
        self.stop_tick_when_idle();
        let this = *self;
        leptos::task::spawn_local(async move { this.run(batch.snapshots, batch.then).await });
    }

    fn alive(&self) -> bool {
        self.timers.try_with_value(|_| ()).is_some()
    }

    /// One DELETE per snapshot, one at a time. A 401 stops the batch.
    async fn run(self, snapshots: Vec<Snapshot>, then: Then) {
        let mut deleted = Vec::new();
        let mut failed = Vec::new();
        for (at, snapshot) in snapshots.iter().enumerate() {
            let _ = self
                .timers
                .try_update_value(|t| t.in_flight.insert(snapshot.id));
            let result = self.actions.send_delete(snapshot).await;
            if !self.alive() {
                return;
            }
            self.timers.update_value(|t| {
                t.in_flight.remove(&snapshot.id);
            });
            self.entries.update(|e| {
                e.remove(&snapshot.id);
            });
            if let Then::Tell(tell) = then {
                tell_batch(tell, &snapshots[at..], &result);
            }
            match result {
                Ok(how) => deleted.push((snapshot, how)),
                Err(ApiError::Unauthorized) => {
                    let kept = &snapshots[at..];
                    self.entries.update(|e| {
                        for s in kept {
                            e.remove(&s.id);
                        }
                    });
                    if matches!(then, Then::Tell(_)) {
                        // The batch of creates stops and says what happened.
                        return;
                    }
                    let outcome = Msg::outcome_delete_stopped(
                        names(deleted.iter().map(|(s, _)| *s)),
                        names(kept.iter()),
                    );
                    self.session.expire(Some(outcome));
                    return;
                }
                Err(error) => failed.push(DeleteFailure {
                    snapshot: snapshot.clone(),
                    error,
                }),
            }
        }
        match then {
            Then::Report => self.report(&deleted, failed),
            Then::Create(new) => self.make_room_then_create(&snapshots, &failed, new).await,
            // Each outcome was told as it came; the batch's table shows them.
            Then::Tell(_) => {}
        }
    }
}
