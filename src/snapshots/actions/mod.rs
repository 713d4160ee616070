//! The use cases of the snapshots page: create (`create.rs`), restore and
//! delete, each sent exactly once and never for a server being restored,
//! and what the user is told about them.

mod create;

use super::store::SnapshotStore;
use crate::api::ApiError;
use crate::domain::model::Snapshot;
use crate::i18n::Msg;
use crate::session::{use_session, Session};
use crate::toasts::{use_toasts, Toasts, Tone};
use leptos::prelude::*;

/// The mutations (a `Copy` handle). Each sends its request exactly once
/// (never retried), then updates the list; a 401 signs out, saying what did
/// not happen.
#[derive(Clone, Copy)]
pub struct SnapshotActions {
    store: SnapshotStore,
    session: Session,
    toasts: Toasts,
}

/// Creates the page's actions on its store and provides them to its views.
pub fn provide_actions(store: SnapshotStore) -> SnapshotActions {
    let actions = SnapshotActions {
        store,
        session: use_session(),
        toasts: use_toasts(),
    };
    provide_context(actions);
    actions
}

/// The actions provided by [`provide_actions`].
pub fn use_actions() -> SnapshotActions {
    expect_context()
}

impl SnapshotActions {
    /// Starts restoring the snapshot's server from it.
    pub async fn restore(&self, snapshot: &Snapshot) -> Result<(), ApiError> {
        if self.store.is_locked_now(snapshot.server.id) {
            return Err(ApiError::ServerRestoring);
        }
        let client = self.store.client().ok_or(ApiError::Network)?;
        let client = client.about(snapshot.server.id, &snapshot.server.name, &snapshot.name);
        match client.restore_snapshot(snapshot.id).await {
            Ok(_) => {
                self.store.start_restore(snapshot);
                self.toasts.push(
                    Msg::toast_restore_started(&snapshot.server.name),
                    Tone::Info,
                );
                Ok(())
            }
            Err(ApiError::Unauthorized) => {
                self.session
                    .expire(Some(Msg::outcome_not_restored(&snapshot.server.name)));
                Err(ApiError::Unauthorized)
            }
            Err(error) => Err(error),
        }
    }

    /// Deletes a snapshot. A 404 means it is gone already: the row goes too.
    pub async fn delete(&self, snapshot: &Snapshot) -> Result<(), ApiError> {
        match self.send_delete(snapshot).await {
            Ok(Deleted::Now) => {
                self.toasts
                    .push(Msg::toast_deleted(&snapshot.name), Tone::Success);
                Ok(())
            }
            Ok(Deleted::AlreadyGone) => {
                self.toasts
                    .push(Msg::toast_already_deleted(&snapshot.name), Tone::Info);
                Ok(())
            }
            Err(ApiError::Unauthorized) => {
                self.session
                    .expire(Some(Msg::outcome_not_deleted(&snapshot.name)));
                Err(ApiError::Unauthorized)
            }
            Err(error) => Err(error),
        }
    }

    /// Sends one DELETE and removes the row once the snapshot is gone. It
    /// tells nobody and does not sign out: the caller, which may be deleting
    /// many, says what happened.
    pub async fn send_delete(&self, snapshot: &Snapshot) -> Result<Deleted, ApiError> {
        if self.store.is_locked_now(snapshot.server.id) {
            return Err(ApiError::ServerRestoring);
        }
        let client = self.store.client().ok_or(ApiError::Network)?;
        // The names are for the activity record only; the path has the id.
        let client = client.about(snapshot.server.id, &snapshot.server.name, &snapshot.name);
        let deleted = match client.delete_snapshot(snapshot.id).await {
            Ok(()) => Deleted::Now,
            Err(ApiError::NotFound { .. }) => Deleted::AlreadyGone,
            Err(error) => return Err(error),
        };
        self.store.remove(snapshot);
        Ok(deleted)
    }
}

/// Why a create did not lead to a new snapshot.
#[derive(Clone, Debug, PartialEq)]
pub enum CreateFailure {
    /// The API answered with a refusal (400, 404, …).
    Refused(ApiError),
    /// No answer came, and the list confirms nothing was created.
    NotCreated(ApiError),
    /// No answer came, and the list could not be checked either.
    Unknown(ApiError),
}

/// What a DELETE found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deleted {
    /// The snapshot was deleted now.
    Now,
    /// It had already been deleted (404).
    AlreadyGone,
}
