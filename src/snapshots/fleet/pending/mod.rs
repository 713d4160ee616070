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

mod countdown;
mod outcomes;
mod send;
mod undo;

use super::selection::Selection;
use crate::api::{types::NewSnapshot, ApiError};
use crate::domain::batch::NoRoom;
use crate::domain::model::Snapshot;
use crate::domain::selection::seconds_left;
use crate::i18n::Msg;
use crate::idle::not_idle_while;
use crate::session::{use_session, Session};
use crate::snapshots::actions::SnapshotActions;
use crate::toasts::{use_toasts, Toasts, Tone};
use countdown::Countdown;
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};

/// How each delete of "make room" in a batch of creates went, told by the
/// snapshot's server id as soon as it is known.
pub type RoomTeller = Callback<(u64, Result<(), NoRoom<ApiError>>)>;

/// What follows the deletion of snapshots confirmed together.
enum Then {
    /// Nothing: the deletes are reported.
    Report,
    /// "Make room" in the create dialog: this create, sent only once the
    /// delete succeeded.
    Create(NewSnapshot),
    /// "Make room" in a batch of creates: the batch is told of each delete
    /// (and of an undo), and sends each create itself.
    Tell(RoomTeller),
}

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
    actions: SnapshotActions,
    selection: Selection,
    toasts: Toasts,
    session: Session,
    /// The undo window; 0 sends at once.
    seconds: u64,
    entries: RwSignal<HashMap<u64, Entry>>,
    /// The clock of the countdowns: it ticks only while a delete waits.
    countdown: Countdown,
    /// Deletes of the last batches that failed: listed, and kept selected.
    failures: ReadSignal<Vec<DeleteFailure>>,
    set_failures: WriteSignal<Vec<DeleteFailure>>,
    timers: StoredValue<Timers>,
}

/// Creates the waiting deletes of the page, with the `beforeunload` question
/// while one waits; leaving the page cancels every delete not yet sent, and a
/// page shown again from the back/forward cache says so.
pub fn provide_pending_deletes(
    actions: SnapshotActions,
    selection: Selection,
    seconds: u64,
) -> PendingDeletes {
    let toasts = use_toasts();
    let (failures, set_failures) = signal(Vec::new());
    let pending = PendingDeletes {
        actions,
        selection,
        toasts,
        session: use_session(),
        seconds,
        entries: RwSignal::new(HashMap::new()),
        countdown: Countdown::new(),
        failures,
        set_failures,
        timers: StoredValue::new(Timers::default()),
    };
    // Leptos's own listeners, as in `portal.rs` (leptos-use's cost more).
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
            toasts.push(Msg::toast_deletes_not_sent_left(cancelled), Tone::Error);
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
            toasts.push(Msg::toast_deletes_cancelled(cancelled), Tone::Info);
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
            Some(deadline) => RowDelete::Waiting(seconds_left(deadline, self.countdown.now_ms())),
            None => RowDelete::Sending,
        })
    }

    /// Deletes of the last batches that failed: listed, and kept selected.
    pub fn failures(&self) -> ReadSignal<Vec<DeleteFailure>> {
        self.failures
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
}
