//! Creating a snapshot: sent once; when no answer comes, the server's list
//! says whether it was created.

use super::{CreateFailure, SnapshotActions};
use crate::api::types::NewSnapshot;
use crate::api::ApiError;
use crate::domain::model::Snapshot;
use crate::i18n::Msg;
use leptos::prelude::*;
use std::collections::BTreeSet;

impl SnapshotActions {
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
    pub async fn create_once(&self, new: &NewSnapshot) -> Result<Snapshot, CreateFailure> {
        if self.store.is_locked_now(new.server_id) {
            return Err(CreateFailure::Refused(ApiError::ServerRestoring));
        }
        let client = self
            .store
            .client()
            .ok_or(CreateFailure::Refused(ApiError::Network))?;
        // The name is for the activity record only; the path has the id.
        let client = match self.store.known_server_name(new.server_id) {
            Some(server) => client.about(new.server_id, &server, &new.name),
            None => client,
        };
        let error = match client.create_snapshot(new).await {
            Ok(snapshot) => {
                self.store.insert_created(snapshot.clone());
                return Ok(snapshot);
            }
            Err(ApiError::Unauthorized) => {
                return Err(CreateFailure::Refused(ApiError::Unauthorized));
            }
            Err(error @ (ApiError::Network | ApiError::Timeout)) => error,
            Err(error) => {
                // A refusal may mean the list is out of date (e.g. the limit was
                // reached from elsewhere): show the server as the API sees it.
                self.store.refresh_server(new.server_id);
                return Err(CreateFailure::Refused(error));
            }
        };
        let known: BTreeSet<u64> = self
            .store
            .snapshots()
            .try_with_untracked(|all| all.iter().map(|s| s.id).collect())
            .unwrap_or_default();
        match client.list_snapshots(new.server_id).await {
            Ok(listed) => match listed
                .items
                .into_iter()
                .find(|s| *s.name == *new.name && !known.contains(&s.id))
            {
                Some(snapshot) => {
                    self.store.insert_created(snapshot.clone());
                    Ok(snapshot)
                }
                None => Err(CreateFailure::NotCreated(error)),
            },
            Err(_) => Err(CreateFailure::Unknown(error)),
        }
    }
}
