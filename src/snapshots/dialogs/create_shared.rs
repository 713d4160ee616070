//! What both create dialogs share: the servers they offer and what a create
//! that led to no snapshot is told. Its own file so that neither dialog
//! imports from the other.

use crate::api::ApiError;
use crate::domain::grouping::{group_snapshots, ListView, ServerGroup, SortKey};
use crate::i18n::{Key, Msg};
use crate::snapshots::actions::CreateFailure;
use crate::snapshots::store::SnapshotStore;
use leptos::prelude::*;

/// Every server with its snapshots (newest first), as the create dialogs
/// offer them.
pub fn server_choices(store: SnapshotStore) -> Memo<Vec<ServerGroup>> {
    Memo::new(move |_| {
        let view = ListView {
            sort: SortKey::Date,
            ..ListView::default()
        };
        store.snapshots().with(|s| {
            store
                .servers()
                .with(|servers| group_snapshots(s, servers.as_deref(), &view))
        })
    })
}

/// What the user is told when a create led to no snapshot.
pub fn failure_text(failure: &CreateFailure) -> Msg {
    match failure {
        CreateFailure::Refused(ApiError::NotFound { .. }) => Msg::from(Key::CreateServerGone),
        CreateFailure::Refused(error @ ApiError::Rejected { message: None, .. }) => {
            Msg::create_refused_plain(error.describe())
        }
        CreateFailure::Refused(error) => Msg::create_refused(error.describe()),
        CreateFailure::NotCreated(error) => Msg::create_not_created(error.describe()),
        CreateFailure::Unknown(error) => Msg::create_unknown(error.describe()),
    }
}
