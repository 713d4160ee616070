//! The request a confirmation dialog sends for one snapshot (a restore, or a
//! delete without an undo window). The restore and delete dialogs share it.

use crate::api::ApiError;
use crate::domain::model::Snapshot;
use crate::snapshots::dialog_request::use_dialogs;
use leptos::prelude::*;
use std::future::Future;

/// The request for one snapshot; its value is why it failed, if it did.
pub type SnapshotAction = Action<Snapshot, Option<ApiError>>;

/// Sends `send` for the snapshot dispatched and closes the dialog once it
/// succeeded; otherwise the dialog stays, to show why.
pub fn closing_action<Fut>(send: impl Fn(Snapshot) -> Fut + 'static) -> SnapshotAction
where
    Fut: Future<Output = Result<(), ApiError>> + 'static,
{
    let dialogs = use_dialogs();
    Action::new_local(move |snapshot: &Snapshot| {
        let sent = send(snapshot.clone());
        async move {
            let result = sent.await;
            if result.is_ok() {
                dialogs.close();
            }
            result.err()
        }
    })
}
