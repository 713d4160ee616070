//! The coloured status label of a snapshot.

use crate::domain::model::SnapshotStatus;
use crate::i18n::{snapshot_status_msg, use_i18n};
use leptos::prelude::*;

/// "Completed", "In progress", "Failed", or an unknown status shown as the
/// API wrote it.
#[component]
pub fn StatusBadge(status: SnapshotStatus) -> impl IntoView {
    let i18n = use_i18n();
    let class = match status {
        SnapshotStatus::Completed => "badge badge-ok",
        SnapshotStatus::InProgress => "badge badge-busy",
        SnapshotStatus::Other(_) => "badge badge-other",
    };
    view! { <span class=class>{i18n.text_msg(snapshot_status_msg(&status))}</span> }
}
