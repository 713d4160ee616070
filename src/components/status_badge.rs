//! The coloured status label of a snapshot.

use crate::api::types::SnapshotStatus;
use leptos::prelude::*;

/// "Completed", "In progress", or an unknown status shown as the API wrote it.
#[component]
pub fn StatusBadge(status: SnapshotStatus) -> impl IntoView {
    let (class, text) = match status {
        SnapshotStatus::Completed => ("badge badge-ok", "Completed".to_string()),
        SnapshotStatus::InProgress => ("badge badge-busy", "In progress".to_string()),
        SnapshotStatus::Other(raw) => ("badge badge-other", raw),
    };
    view! { <span class=class>{text}</span> }
}
