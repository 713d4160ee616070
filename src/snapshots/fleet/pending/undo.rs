//! Undo: a delete still in its undo window is cancelled, and nothing is sent.

use super::{PendingDeletes, Then};
use crate::domain::batch::NoRoom;
use crate::i18n::Msg;
use crate::toasts::Tone;
use leptos::prelude::*;

impl PendingDeletes {
    /// Cancels the waiting delete of snapshot `id`: nothing is sent, and a
    /// "make room" create that depended on it is cancelled too (a batch of
    /// creates is told).
    pub fn undo(&self, id: u64) {
        let Some(entry) = self.entries.with_untracked(|e| e.get(&id).copied()) else {
            return;
        };
        if entry.deadline_ms.is_none() {
            return;
        }
        self.entries.update(|e| {
            e.remove(&id);
        });
        let undone = self
            .timers
            .try_update_value(|t| {
                let batch = t.batches.get_mut(&entry.batch)?;
                let at = batch.snapshots.iter().position(|s| s.id == id)?;
                let snapshot = batch.snapshots.remove(at);
                let teller = match batch.then {
                    Then::Tell(tell) => Some(tell),
                    _ => None,
                };
                if batch.snapshots.is_empty() {
                    if let Some(timer) = batch.timer.take() {
                        timer.clear();
                    }
                    t.batches.remove(&entry.batch);
                }
                Some((snapshot, teller))
            })
            .flatten();
        if let Some((snapshot, teller)) = undone {
            self.toasts
                .push(Msg::toast_delete_undone(&snapshot.name), Tone::Info);
            // Told outside the bookkeeping: the batch may undo more.
            if let Some(tell) = teller {
                tell.try_run((snapshot.server.id, Err(NoRoom::Undone)));
            }
        }
        self.stop_tick_when_idle();
    }

    /// Cancels every waiting delete, saying how many.
    pub fn undo_all(&self) {
        let cancelled = self.cancel_all();
        if cancelled > 0 {
            self.toasts
                .push(Msg::toast_deletes_cancelled(cancelled), Tone::Info);
        }
    }

    /// Forgets the failures shown.
    pub fn dismiss_failures(&self) {
        self.set_failures.set(Vec::new());
    }

    /// Cancels every delete not sent yet and returns how many, telling the
    /// batches of creates that waited for them; safe to call while the page
    /// is being torn down.
    pub(super) fn cancel_all(&self) -> usize {
        self.countdown.stop();
        let (cancelled, told) = self
            .timers
            .try_update_value(|t| {
                let (mut count, mut told) = (0, Vec::new());
                for (_, mut batch) in t.batches.drain() {
                    if let Some(timer) = batch.timer.take() {
                        timer.clear();
                    }
                    count += batch.snapshots.len();
                    if let Then::Tell(tell) = batch.then {
                        told.extend(batch.snapshots.iter().map(|s| (tell, s.server.id)));
                    }
                }
                (count, told)
            })
            .unwrap_or_default();
        let _ = self
            .entries
            .try_update(|e| e.retain(|_, entry| entry.deadline_ms.is_none()));
        for (tell, server_id) in told {
            tell.try_run((server_id, Err(NoRoom::Undone)));
        }
        cancelled
    }

    /// Of the batches being sent, the snapshots whose DELETE has not gone
    /// out yet. Asked as the page is torn down (a 401 elsewhere ended the
    /// session): those batches send no more, so these were never sent.
    pub(super) fn not_sent_yet(&self) -> usize {
        let in_flight = self
            .timers
            .try_with_value(|t| t.in_flight.clone())
            .unwrap_or_default();
        self.entries
            .try_with_untracked(|e| {
                e.iter()
                    .filter(|(id, entry)| entry.deadline_ms.is_none() && !in_flight.contains(id))
                    .count()
            })
            .unwrap_or_default()
    }
}
