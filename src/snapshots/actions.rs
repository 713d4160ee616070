//! The use cases of the snapshots page: create, restore and delete, each sent
//! exactly once and never for a server being restored, and what the user is
//! told about them and about work that ends (toasts).

use super::store::{CreateFailure, SnapshotStore};
use crate::api::types::NewSnapshot;
use crate::api::ApiError;
use crate::domain::model::Snapshot;
use crate::i18n::{size_msg, Arg, Key, Msg};
use crate::toasts::Tone;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// The mutations. Each sends its request exactly once (never retried), then
/// updates the list; a 401 signs out, saying what did not happen.
impl SnapshotStore {
    /// Creates a snapshot. When no answer comes, the server's list is checked
    /// so the user learns whether it exists before trying again.
    pub async fn create(&self, new: NewSnapshot) -> Result<Snapshot, CreateFailure> {
        let result = self.create_once(&new).await;
        if matches!(result, Err(CreateFailure::Refused(ApiError::Unauthorized))) {
            self.session
                .expire(Some(Msg::outcome_not_created(&new.name)));
        }
        result
    }

    /// Sends one create, as [`Self::create`] does, but leaves a 401 to the
    /// caller (a batch stops and says more than one create would).
    pub(super) async fn create_once(&self, new: &NewSnapshot) -> Result<Snapshot, CreateFailure> {
        if self.is_locked_now(new.server_id) {
            return Err(CreateFailure::Refused(ApiError::ServerRestoring));
        }
        let client = self
            .client()
            .ok_or(CreateFailure::Refused(ApiError::Network))?;
        // The name is for the activity record only; the path has the id.
        let client = match self.known_server_name(new.server_id) {
            Some(server) => client.about(&server, &new.name),
            None => client,
        };
        let error = match client.create_snapshot(new).await {
            Ok(snapshot) => {
                self.insert_created(snapshot.clone());
                return Ok(snapshot);
            }
            Err(ApiError::Unauthorized) => {
                return Err(CreateFailure::Refused(ApiError::Unauthorized));
            }
            Err(error @ (ApiError::Network | ApiError::Timeout)) => error,
            Err(error) => {
                // A refusal may mean the list is out of date (e.g. the limit was
                // reached from elsewhere): show the server as the API sees it.
                self.refresh_server(new.server_id);
                return Err(CreateFailure::Refused(error));
            }
        };
        let known: BTreeSet<u64> = self
            .snapshots
            .try_with_untracked(|all| all.iter().map(|s| s.id).collect())
            .unwrap_or_default();
        match client.list_snapshots(Some(new.server_id)).await {
            Ok(listed) => match listed
                .items
                .into_iter()
                .find(|s| s.name == new.name && !known.contains(&s.id))
            {
                Some(snapshot) => {
                    self.insert_created(snapshot.clone());
                    Ok(snapshot)
                }
                None => Err(CreateFailure::NotCreated(error)),
            },
            Err(_) => Err(CreateFailure::Unknown(error)),
        }
    }

    /// Starts restoring the snapshot's server from it.
    pub async fn restore(&self, snapshot: &Snapshot) -> Result<(), ApiError> {
        if self.is_locked_now(snapshot.server.id) {
            return Err(ApiError::ServerRestoring);
        }
        let client = self.client().ok_or(ApiError::Network)?;
        let client = client.about(&snapshot.server.name, &snapshot.name);
        match client.restore_snapshot(snapshot.id).await {
            Ok(_) => {
                self.start_restore(snapshot);
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
        if self.is_locked_now(snapshot.server.id) {
            return Err(ApiError::ServerRestoring);
        }
        let client = self.client().ok_or(ApiError::Network)?;
        // The names are for the activity record only; the path has the id.
        let client = client.about(&snapshot.server.name, &snapshot.name);
        let deleted = match client.delete_snapshot(snapshot.id).await {
            Ok(()) => Deleted::Now,
            Err(ApiError::NotFound { .. }) => Deleted::AlreadyGone,
            Err(error) => return Err(error),
        };
        self.remove(snapshot);
        Ok(deleted)
    }
}

/// What a DELETE found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deleted {
    /// The snapshot was deleted now.
    Now,
    /// It had already been deleted (404).
    AlreadyGone,
}

/// What the user is told when work this tab follows ends.
impl SnapshotStore {
    /// A snapshot left `in_progress`: completed (with its size) or failed.
    pub(super) fn announce_finished(&self, snapshot: &Snapshot) {
        let server = &snapshot.server.name;
        let (title, text, tone) = if snapshot.status.is_completed() {
            (
                Key::NotifySnapshotCompleteTitle,
                Msg::toast_snapshot_complete(&snapshot.name, server, size_msg(snapshot.size_mb)),
                Tone::Success,
            )
        } else {
            (
                Key::NotifySnapshotFailedTitle,
                Msg::toast_snapshot_failed(&snapshot.name, server),
                Tone::Error,
            )
        };
        self.notify(title, &text);
        self.toasts.push(text, tone);
    }

    /// A restore this tab followed has ended.
    pub(super) fn announce_restore_finished(&self, server_id: u64, snapshot: String) {
        let server = self.server_name(server_id);
        let text = Msg::toast_restore_finished(server, snapshot);
        self.notify(Key::NotifyRestoreFinishedTitle, &text);
        self.toasts.push(text, Tone::Success);
    }

    /// A system notification too, when the user turned them on.
    fn notify(&self, title: Key, text: &Msg) {
        if let Some(notifier) = self.notifier {
            notifier.show(&Msg::from(title), text);
        }
    }

    /// The name of a server, from the Servers API or its snapshots.
    fn server_name(&self, server_id: u64) -> Arg {
        self.known_server_name(server_id).map_or_else(
            || Msg::server_fallback(server_id.to_string()).into(),
            Arg::Text,
        )
    }

    /// The name of a server, if the page has seen it.
    fn known_server_name(&self, server_id: u64) -> Option<String> {
        let from_servers = self.servers.with_untracked(|s| {
            s.iter()
                .flatten()
                .find(|s| s.id == server_id)
                .map(|s| s.name.clone())
        });
        from_servers.or_else(|| {
            self.snapshots.with_untracked(|all| {
                all.iter()
                    .find(|s| s.server.id == server_id)
                    .map(|s| s.server.name.clone())
            })
        })
    }
}
