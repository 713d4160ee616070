//! "Snapshot several servers": the batch being sent and the runner that
//! sends it. The page keeps the batch, so closing the dialog does not stop
//! what was sent and opening it again shows the progress.

use super::store::{CreateFailure, SnapshotStore};
use crate::api::types::NewSnapshot;
use crate::api::ApiError;
use crate::domain::batch::{Batch, Step};
use crate::i18n::{Arg, Key, Msg};
use crate::idle::not_idle_while;
use leptos::prelude::*;

/// One batch: what is created, on which servers, and where each server is.
#[derive(Clone, Debug, PartialEq)]
pub struct BatchRun {
    pub name: String,
    pub description: String,
    /// The chosen servers' names, by id, as they were when the batch started.
    pub server_names: Vec<(u64, String)>,
    pub batch: Batch<CreateFailure>,
}

impl BatchRun {
    /// The name of a server of the batch.
    pub fn server_name(&self, server_id: u64) -> &str {
        self.server_names
            .iter()
            .find(|(id, _)| *id == server_id)
            .map_or("", |(_, name)| name.as_str())
    }

    /// The names of the servers whose step matches `keep`, as a list, or
    /// "none".
    fn names_where(&self, keep: impl Fn(&Step<CreateFailure>) -> bool) -> Arg {
        let names: Vec<&str> = self
            .batch
            .servers_where(keep)
            .into_iter()
            .map(|id| self.server_name(id))
            .collect();
        if names.is_empty() {
            Msg::from(Key::ListNone).into()
        } else {
            Arg::Text(names.join(", "))
        }
    }
}

/// The page's batch of creates, if one was started (a `Copy` handle).
#[derive(Clone, Copy)]
pub struct CreateBatch(RwSignal<Option<BatchRun>>);

/// Creates the batch state for a page and provides it to its dialogs.
pub fn provide_create_batch() -> CreateBatch {
    let batch = CreateBatch(RwSignal::new(None));
    // No idle sign-out while a batch is still being sent or followed.
    not_idle_while(move || {
        batch
            .0
            .with_untracked(|run| run.as_ref().is_some_and(|r| !r.batch.is_finished()))
    });
    provide_context(batch);
    batch
}

/// The batch state provided by [`provide_create_batch`].
pub fn use_create_batch() -> CreateBatch {
    expect_context()
}

impl CreateBatch {
    /// Reads the batch (tracked).
    pub fn with<R>(&self, f: impl FnOnce(Option<&BatchRun>) -> R) -> R {
        self.0.with(|run| f(run.as_ref()))
    }

    /// Forgets a finished batch, so the next dialog starts a new one.
    pub fn clear_finished(&self) {
        if !self
            .0
            .with_untracked(|run| run.as_ref().is_some_and(|r| !r.batch.is_finished()))
        {
            self.0.set(None);
        }
    }

    /// Starts a batch: one create per server, sent by [`Self::pump`]. Does
    /// nothing while another batch is running.
    pub fn start(
        &self,
        store: SnapshotStore,
        server_names: Vec<(u64, String)>,
        name: String,
        description: String,
    ) {
        let mut started = false;
        self.0.update(|run| {
            if run.as_ref().is_some_and(|r| !r.batch.is_finished()) {
                return;
            }
            let batch = Batch::new(server_names.iter().map(|(id, _)| *id));
            *run = Some(BatchRun {
                name,
                description,
                server_names,
                batch,
            });
            started = true;
        });
        if started {
            self.pump(store);
        }
    }

    /// Sends the next creates, up to the batch's limit of requests in flight;
    /// each answer sends the next one.
    fn pump(self, store: SnapshotStore) {
        loop {
            let next = self
                .0
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
                let result = store.create_once(&new).await;
                self.record(store, new.server_id, result.map(|s| s.id));
                self.pump(store);
            });
        }
    }

    /// Records one answer. A 401 stops the batch; once the requests already
    /// sent are answered, the session ends saying which servers got a
    /// snapshot and which were not asked.
    fn record(&self, store: SnapshotStore, server_id: u64, outcome: Result<u64, CreateFailure>) {
        let rejected = matches!(outcome, Err(CreateFailure::Refused(ApiError::Unauthorized)));
        let report = self
            .0
            .try_update(|run| {
                let run = run.as_mut()?;
                run.batch.answer(server_id, outcome);
                if rejected {
                    run.batch.stop();
                }
                (run.batch.is_stopped() && run.batch.is_finished()).then(|| {
                    Msg::batch_signed_out(
                        run.names_where(|s| matches!(s, Step::Created(_))),
                        run.names_where(|s| *s == Step::NotAsked),
                        run.names_where(|s| matches!(s, Step::Failed(_))),
                    )
                })
            })
            .flatten();
        if let Some(report) = report {
            store.session.expire(Some(report));
        }
    }
}
