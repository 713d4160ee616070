//! What follows confirmed deletes once sent: the report of a plain delete,
//! the create of "make room" in the create dialog, and the outcomes told to
//! a batch of creates that makes room.

use super::{DeleteFailure, PendingDeletes, RoomTeller};
use crate::api::{types::NewSnapshot, ApiError};
use crate::domain::batch::NoRoom;
use crate::domain::model::Snapshot;
use crate::i18n::{Key, Msg};
use crate::snapshots::actions::{CreateFailure, Deleted};
use crate::toasts::Tone;
use leptos::prelude::*;

impl PendingDeletes {
    /// Says what a batch did: one toast for what went, and the failures
    /// listed and selected again.
    pub(super) fn report(&self, deleted: &[(&Snapshot, Deleted)], failed: Vec<DeleteFailure>) {
        let toasts = self.toasts;
        match deleted {
            [] => {}
            [(snapshot, Deleted::Now)] if failed.is_empty() => {
                toasts.push(Msg::toast_deleted(&snapshot.name), Tone::Success)
            }
            [(snapshot, Deleted::AlreadyGone)] if failed.is_empty() => {
                toasts.push(Msg::toast_already_deleted(&snapshot.name), Tone::Info)
            }
            _ => toasts.push(Msg::toast_deleted_many(deleted.len()), Tone::Success),
        }
        if failed.is_empty() {
            return;
        }
        self.selection
            .set_all(failed.iter().map(|f| f.snapshot.id), true);
        self.set_failures.update(|f| f.extend(failed));
    }

    /// "Make room": the create is sent only once the delete succeeded.
    pub(super) async fn make_room_then_create(
        &self,
        old: &[Snapshot],
        failed: &[DeleteFailure],
        new: NewSnapshot,
    ) {
        let toasts = self.toasts;
        let old_name = names(old.iter());
        if let Some(failure) = failed.first() {
            let text = Msg::toast_make_room_not_deleted(old_name, failure.error.describe());
            toasts.push(text, Tone::Error);
            return;
        }
        let text = match self.actions.create(new.clone()).await {
            Ok(snapshot) => {
                let text = Msg::toast_creating(&snapshot.name, &snapshot.server.name);
                return toasts.push(text, Tone::Info);
            }
            Err(CreateFailure::Refused(error) | CreateFailure::NotCreated(error)) => {
                Msg::toast_make_room_create_failed(old_name, &new.name, error.describe())
            }
            Err(CreateFailure::Unknown(error)) => {
                Msg::toast_make_room_create_unknown(old_name, &new.name, error.describe())
            }
        };
        toasts.push(text, Tone::Error);
    }
}

/// Tells a batch of creates how the delete of `left[0]` went; after a 401,
/// the snapshots after it are not sent, which it hears as undone.
pub(super) fn tell_batch(tell: RoomTeller, left: &[Snapshot], result: &Result<Deleted, ApiError>) {
    let Some((snapshot, rest)) = left.split_first() else {
        return;
    };
    let outcome = match result {
        Ok(_) => Ok(()),
        Err(error) => Err(NoRoom::Failed(error.clone())),
    };
    tell.try_run((snapshot.server.id, outcome));
    if matches!(result, Err(ApiError::Unauthorized)) {
        for s in rest {
            tell.try_run((s.server.id, Err(NoRoom::Undone)));
        }
    }
}

/// Snapshot names for a sentence: quoted, comma-separated, or "none".
pub(super) fn names<'a>(snapshots: impl Iterator<Item = &'a Snapshot>) -> Msg {
    let quoted: Vec<Msg> = snapshots.map(|s| Msg::quoted(&s.name)).collect();
    if quoted.is_empty() {
        Msg::from(Key::NoneListed)
    } else {
        Msg::list(quoted)
    }
}
