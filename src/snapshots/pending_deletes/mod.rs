//! Deletes the operator has confirmed but the console has not sent yet.
//!
//! A delete cannot be undone on the API, so each confirmed delete (one
//! snapshot or many) waits for the undo window first; Undo cancels it and
//! nothing is sent. When the window ends, one DELETE per snapshot is sent, one
//! at a time, never retried. Leaving the page asks first, and a page that is
//! closed or signed out anyway sends nothing. A page left anyway cancels them
//! as it goes (`pagehide`): one the browser shows again from its
//! back/forward cache must not resume their timers, and says they were not
//! sent.

mod outcomes;

pub use outcomes::RoomTeller;

use super::selection::Selection;
use super::store::SnapshotStore;
use crate::api::{types::NewSnapshot, ApiError};
use crate::browser::now_ms;
use crate::domain::batch::NoRoom;
use crate::domain::model::Snapshot;
use crate::domain::selection::seconds_left;
use crate::i18n::Msg;
use crate::idle::not_idle_while;
use crate::toasts::Tone;
use leptos::prelude::*;
use outcomes::{names, tell_batch, Then};
use std::collections::{HashMap, HashSet};
use std::time::Duration;

/// Where a snapshot's delete is, as its row shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowDelete {
    /// Waiting, with whole seconds left: Undo is still possible.
    Waiting(i64),
    /// Sent, not answered yet.
    Sending,
}

/// A delete that failed, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct DeleteFailure {
    pub snapshot: Snapshot,
    pub error: ApiError,
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Entry {
    batch: u64,
    /// `None` once sent.
    deadline_ms: Option<i64>,
    /// A new snapshot of the server follows the delete ("make room").
    makes_room: bool,
}

/// Snapshots confirmed together, with what follows their deletion.
struct Batch {
    snapshots: Vec<Snapshot>,
    then: Then,
    timer: Option<TimeoutHandle>,
}

/// Bookkeeping that never drives the view.
#[derive(Default)]
struct Timers {
    next_batch: u64,
    batches: HashMap<u64, Batch>,
    tick: Option<IntervalHandle>,
    /// How many waiting deletes leaving the page cancelled, told if the
    /// page is shown again.
    cancelled_on_leaving: usize,
    /// The snapshots whose DELETE is out, not answered yet: of a batch being
    /// sent, the others have not been sent.
    in_flight: HashSet<u64>,
}

/// The page's waiting deletes (a `Copy` handle).
#[derive(Clone, Copy)]
pub struct PendingDeletes {
    store: SnapshotStore,
    selection: Selection,
    /// The undo window; 0 sends at once.
    pub seconds: u64,
    entries: RwSignal<HashMap<u64, Entry>>,
    /// The clock of the countdowns: it ticks only while a delete waits.
    now_ms: RwSignal<i64>,
    /// Deletes of the last batches that failed: listed, and kept selected.
    pub failures: RwSignal<Vec<DeleteFailure>>,
    timers: StoredValue<Timers>,
}

/// Creates the waiting deletes of the page, with the `beforeunload` question
/// while one waits; leaving the page cancels every delete not yet sent, and a
/// page shown again from the back/forward cache says so.
pub fn provide_pending_deletes(
    store: SnapshotStore,
    selection: Selection,
    seconds: u64,
) -> PendingDeletes {
    let pending = PendingDeletes {
        store,
        selection,
        seconds,
        entries: RwSignal::new(HashMap::new()),
        now_ms: RwSignal::new(now_ms()),
        failures: RwSignal::new(Vec::new()),
        timers: StoredValue::new(Timers::default()),
    };
    let on_unload = window_event_listener(leptos::ev::beforeunload, move |event| {
        if pending.entries.with_untracked(|e| !e.is_empty()) {
            // Both: the standard way, and the one older browsers need.
            event.prevent_default();
            event.set_return_value("");
        }
    });
    let on_hide = window_event_listener(leptos::ev::pagehide, move |_| {
        let cancelled = pending.cancel_all();
        pending
            .timers
            .update_value(|t| t.cancelled_on_leaving += cancelled);
    });
    let on_show = window_event_listener(leptos::ev::pageshow, move |event| {
        let cancelled = pending
            .timers
            .try_update_value(|t| std::mem::take(&mut t.cancelled_on_leaving))
            .unwrap_or_default();
        if event.persisted() && cancelled > 0 {
            // Stays until dismissed: the operator may believe them deleted.
            store
                .toasts
                .push(Msg::toast_deletes_not_sent_left(cancelled), Tone::Error);
        }
    });
    // Deletes waiting or being sent postpone the idle sign-out.
    not_idle_while(move || pending.entries.with_untracked(|e| !e.is_empty()));
    on_cleanup(move || {
        on_unload.remove();
        on_hide.remove();
        on_show.remove();
        let cancelled = pending.not_sent_yet() + pending.cancel_all();
        if cancelled > 0 {
            store
                .toasts
                .push(Msg::toast_deletes_cancelled(cancelled), Tone::Info);
        }
    });
    provide_context(pending);
    pending
}

/// The waiting deletes provided by [`provide_pending_deletes`].
pub fn use_pending_deletes() -> PendingDeletes {
    expect_context()
}

impl PendingDeletes {
    /// Where the delete of snapshot `id` is, if it was confirmed (tracked).
    pub fn row_state(&self, id: u64) -> Option<RowDelete> {
        let entry = self.entries.with(|e| e.get(&id).copied())?;
        Some(match entry.deadline_ms {
            Some(deadline) => RowDelete::Waiting(seconds_left(deadline, self.now_ms.get())),
            None => RowDelete::Sending,
        })
    }

    /// The undo window in whole seconds, for messages.
    pub fn window_seconds(&self) -> i64 {
        i64::try_from(self.seconds).unwrap_or(i64::MAX)
    }

    /// Whether a new snapshot of its server follows the confirmed delete of
    /// snapshot `id`: it makes room (tracked).
    pub fn makes_room(&self, id: u64) -> bool {
        self.entries
            .with(|e| e.get(&id).is_some_and(|entry| entry.makes_room))
    }

    /// Whether snapshot `id` has a confirmed delete (tracked).
    pub fn is_pending(&self, id: u64) -> bool {
        self.entries.with(|e| e.contains_key(&id))
    }

    /// How many deletes still wait, Undo possible (tracked).
    pub fn waiting_count(&self) -> usize {
        self.entries
            .with(|e| e.values().filter(|e| e.deadline_ms.is_some()).count())
    }

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
        self.failures
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
            self.now_ms.set(now_ms());
            self.start_tick();
        }
    }

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
            self.store
                .toasts
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
            self.store
                .toasts
                .push(Msg::toast_deletes_cancelled(cancelled), Tone::Info);
        }
    }

    /// Forgets the failures shown.
    pub fn dismiss_failures(&self) {
        self.failures.set(Vec::new());
    }

    /// Cancels every delete not sent yet and returns how many, telling the
    /// batches of creates that waited for them; safe to call while the page
    /// is being torn down.
    fn cancel_all(&self) -> usize {
        let (cancelled, told) = self
            .timers
            .try_update_value(|t| {
                if let Some(tick) = t.tick.take() {
                    tick.clear();
                }
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
    fn not_sent_yet(&self) -> usize {
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

    fn start_tick(&self) {
        let this = *self;
        self.timers.update_value(|t| {
            if t.tick.is_none() {
                t.tick = set_interval_with_handle(
                    move || this.now_ms.set(now_ms()),
                    Duration::from_millis(250),
                )
                .ok();
            }
        });
    }

    fn stop_tick_when_idle(&self) {
        if self
            .entries
            .with_untracked(|e| e.values().all(|e| e.deadline_ms.is_none()))
        {
            let _ = self.timers.try_update_value(|t| {
                if let Some(tick) = t.tick.take() {
                    tick.clear();
                }
            });
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
            let result = self.store.send_delete(snapshot).await;
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
                    self.store.session.expire(Some(outcome));
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
