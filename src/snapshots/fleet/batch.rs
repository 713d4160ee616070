//! "Snapshot several servers": the batch being sent and the runner that
//! sends it. The page keeps the batch, so closing the dialog does not stop
//! what was sent and opening it again shows the progress. A server that
//! makes room has its old snapshot deleted through the undo window first;
//! its create is sent only once that DELETE succeeded.

use super::batch_run::{BatchRun, CreateSteps};
use super::pending::{use_pending_deletes, PendingDeletes, RoomTeller};
use crate::api::types::NewSnapshot;
use crate::api::ApiError;
use crate::domain::batch::{Batch, NoRoom, Step};
use crate::domain::model::Snapshot;
use crate::idle::not_idle_while;
use crate::session::{use_session, Session};
use crate::snapshots::actions::{use_actions, CreateFailure, SnapshotActions};
use crate::snapshots::dialog_request::{use_dialogs, DialogRequest};
use crate::snapshots::store::{use_snapshot_store, SnapshotStore};
use crate::toasts::{use_toasts, Toasts, Tone};
use leptos::prelude::*;

/// The page's batch of creates, if one was started (a `Copy` handle).
#[derive(Clone, Copy)]
pub struct CreateBatch {
    runner: Runner,
    /// Where the deletes of "make room" report to the batch.
    tell: RoomTeller,
}

/// The batch and what sends it.
#[derive(Clone, Copy)]
struct Runner {
    run: RwSignal<Option<BatchRun>>,
    actions: SnapshotActions,
    store: SnapshotStore,
    session: Session,
    pending: PendingDeletes,
    toasts: Toasts,
    /// The batch's one notice (its id), kept up to date rather than one
    /// notice per server.
    notice: StoredValue<Option<u64>>,
    /// Opens the batch's table (the notice's "Details").
    details: Callback<()>,
}

/// Creates the batch state for a page (after its actions and waiting deletes)
/// and provides it to its dialogs.
pub fn provide_create_batch() -> CreateBatch {
    let dialogs = use_dialogs();
    let runner = Runner {
        run: RwSignal::new(None),
        actions: use_actions(),
        store: use_snapshot_store(),
        session: use_session(),
        pending: use_pending_deletes(),
        toasts: use_toasts(),
        notice: StoredValue::new(None),
        details: Callback::new(move |()| dialogs.open(DialogRequest::CreateMany)),
    };
    // No idle sign-out while a batch is still being sent or followed.
    not_idle_while(move || {
        runner
            .run
            .with_untracked(|run| run.as_ref().is_some_and(unfinished))
    });
    let tell = RoomTeller::new(move |(server_id, outcome)| runner.room_result(server_id, outcome));
    let batch = CreateBatch { runner, tell };
    provide_context(batch);
    batch
}

/// The batch state provided by [`provide_create_batch`].
pub fn use_create_batch() -> CreateBatch {
    expect_context()
}

fn unfinished(run: &BatchRun) -> bool {
    !run.batch.is_finished()
}

impl CreateBatch {
    /// Reads the batch, untracked.
    pub fn with_untracked<R>(&self, f: impl FnOnce(Option<&BatchRun>) -> R) -> R {
        self.runner.run.with_untracked(|run| f(run.as_ref()))
    }

    /// Reads the batch (tracked).
    pub fn with<R>(&self, f: impl FnOnce(Option<&BatchRun>) -> R) -> R {
        self.runner.run.with(|run| f(run.as_ref()))
    }

    /// Forgets a finished batch, so the next dialog starts a new one; its
    /// notice goes too (its "Details" would have nothing to open).
    pub fn clear_finished(&self) {
        let run = self.runner.run;
        if !run.with_untracked(|run| run.as_ref().is_some_and(unfinished)) {
            run.set(None);
            if let Some(id) = self.runner.notice.get_value() {
                self.runner.toasts.dismiss(id);
            }
        }
    }

    /// Starts a batch: one create per server, sent by [`Runner::pump`]; the
    /// servers of `making_room` (one old snapshot each) first have that
    /// snapshot deleted through the undo window. Does nothing while another
    /// batch is running.
    pub fn start(
        &self,
        server_names: Vec<(u64, String)>,
        making_room: Vec<Snapshot>,
        name: String,
        description: String,
    ) {
        let mut started = false;
        self.runner.run.update(|run| {
            if run.as_ref().is_some_and(unfinished) {
                return;
            }
            let room_ids: Vec<u64> = making_room.iter().map(|s| s.server.id).collect();
            let batch = Batch::new(server_names.iter().map(|(id, _)| *id)).making_room(&room_ids);
            *run = Some(BatchRun {
                name,
                description,
                server_names,
                making_room: making_room.clone(),
                batch,
            });
            started = true;
        });
        if started {
            if !making_room.is_empty() {
                self.runner
                    .pending
                    .schedule_making_room(making_room, self.tell);
            }
            self.runner.notice.set_value(None);
            self.runner.tell_progress();
            self.runner.pump();
        }
    }
}

impl Runner {
    /// Sends the next creates, up to the batch's limit of requests in flight;
    /// each answer sends the next one.
    fn pump(self) {
        loop {
            let next = self
                .run
                .try_update(|run| {
                    let run = run.as_mut()?;
                    let server_id = run.batch.take_next()?;
                    Some(NewSnapshot {
                        server_id,
                        name: run.name.clone(),
                        description: run.description.clone(),
                    })
                })
                .flatten();
            let Some(new) = next else { break };
            leptos::task::spawn_local(async move {
                let result = self.actions.create_once(&new).await;
                let rejected =
                    matches!(result, Err(CreateFailure::Refused(ApiError::Unauthorized)));
                if let Ok(snapshot) = &result {
                    // The batch's notice speaks for it.
                    self.store.announce_quietly(snapshot.id);
                }
                self.update(rejected, |batch| {
                    batch.answer(new.server_id, result.map(|s| s.id));
                });
                self.pump();
            });
        }
    }

    /// Records how the delete of a server making room went: deleted, its
    /// create may go; a 401 stops the batch as a create's would.
    fn room_result(self, server_id: u64, outcome: Result<(), NoRoom<ApiError>>) {
        let rejected = matches!(outcome, Err(NoRoom::Failed(ApiError::Unauthorized)));
        self.update(rejected, |batch| batch.room_result(server_id, outcome));
        self.pump();
    }

    /// Changes the batch with `change`, stopping it when the token was
    /// `rejected`. Once a stopped batch has nothing in flight, the session
    /// ends saying which servers got a snapshot and which were not asked.
    fn update(self, rejected: bool, change: impl FnOnce(&mut CreateSteps)) {
        let mut waiting_deletes = Vec::new();
        let report = self
            .run
            .try_update(|run| {
                let run = run.as_mut()?;
                change(&mut run.batch);
                if rejected && !run.batch.is_stopped() {
                    run.batch.stop();
                    waiting_deletes = run
                        .batch
                        .servers_where(|r| r.step == Step::MakingRoom)
                        .into_iter()
                        .filter_map(|id| run.room_snapshot(id).map(|s| s.id))
                        .collect();
                }
                run.signed_out_report()
            })
            .flatten();
        // A stop sends nothing more: the deletes still in their undo window
        // are undone (each then reports here; one already sent is answered).
        for snapshot_id in waiting_deletes {
            self.pending.undo(snapshot_id);
        }
        self.tell_progress();
        if let Some(report) = report {
            self.session.expire(Some(report));
        }
    }

    /// Shows the batch's summary in its one notice, with "Details" opening
    /// its table; a problem once it has ended stays until dismissed.
    fn tell_progress(self) {
        let Some(Some((text, failed))) = self.run.try_with_untracked(|run| {
            run.as_ref().map(|run| {
                let failed = run.batch.is_finished()
                    && !run
                        .batch
                        .servers_where(|r| !matches!(r.step, Step::Created(_)))
                        .is_empty();
                (run.summary(), failed)
            })
        }) else {
            return;
        };
        let tone = if failed { Tone::Error } else { Tone::Info };
        let id = self
            .toasts
            .show(self.notice.get_value(), text, tone, Some(self.details));
        self.notice.set_value(id);
    }
}
