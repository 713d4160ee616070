//! The coloured status label of a snapshot.

use crate::domain::model::SnapshotStatus;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// "Completed", "In progress", or an unknown status shown as the API wrote it.
#[component]
pub fn StatusBadge(status: SnapshotStatus) -> impl IntoView {
    let i18n = use_i18n();
    let class = match status {
        SnapshotStatus::Completed => "badge badge-ok",
        SnapshotStatus::InProgress => "badge badge-busy",
        SnapshotStatus::Other(_) => "badge badge-other",
    };
    let text = move || match &status {
        SnapshotStatus::Completed => i18n.t(Key::StatusCompleted),
        SnapshotStatus::InProgress => i18n.t(Key::StatusInProgress),
        SnapshotStatus::Other(raw) => raw.clone(),
    };
    view! { <span class=class>{text}</span> }
}
