//! One snapshot in its server's list, with its Restore and Delete buttons.

use super::dialogs::{use_dialogs, DialogRequest};
use super::status_badge::StatusBadge;
use crate::api::types::{Snapshot, SnapshotStatus};
use crate::domain::{format, polling, time};
use crate::store::use_snapshot_store;
use leptos::prelude::*;

/// A snapshot's row. The row is rebuilt only when the snapshot itself changes.
#[component]
pub fn SnapshotRow(snapshot: Snapshot) -> impl IntoView {
    let store = use_snapshot_store();
    let dialogs = use_dialogs();
    let created = time::parse_rfc3339(&snapshot.created_at);
    let exact = created
        .map(time::format_utc)
        .unwrap_or_else(|| snapshot.created_at.clone());
    let relative = move || match created {
        Some(at) => format::relative_time(store.now_secs.get(), at),
        None => "unknown time".to_string(),
    };
    let in_progress = snapshot.status.is_in_progress();
    let progress = move || {
        let elapsed = store.now_secs.get() - created.unwrap_or_else(|| store.now_secs.get());
        polling::progress_text(elapsed, polling::SNAPSHOT_WINDOW)
    };
    let message = store
        .create_messages
        .with_untracked(|m| m.get(&snapshot.id).cloned());
    let restore_note = match &snapshot.status {
        SnapshotStatus::Completed => None,
        SnapshotStatus::InProgress => Some("Can be restored once completed.".to_string()),
        SnapshotStatus::Other(status) => Some(format!("Cannot be restored (status: {status}).")),
    };
    let restore_label = format!("Restore {} from {}", snapshot.server.name, snapshot.name);
    let delete_label = format!(
        "Delete snapshot {} of {}",
        snapshot.name, snapshot.server.name
    );
    let (for_restore, for_delete) = (snapshot.clone(), snapshot.clone());

    view! {
        <li class="snapshot" data-snapshot-id=snapshot.id>
            <div class="snapshot-head">
                <h3 class="snapshot-name">{snapshot.name.clone()}</h3>
                <StatusBadge status=snapshot.status.clone()/>
            </div>
            <dl class="snapshot-facts">
                <div>
                    <dt>"Size"</dt>
                    <dd class="snapshot-size">{format::size(snapshot.size_mb)}</dd>
                </div>
                <div>
                    <dt>"Created"</dt>
                    <dd>
                        <time datetime=snapshot.created_at.clone() title=exact>{relative}</time>
                    </dd>
                </div>
            </dl>
            {(!snapshot.description.is_empty())
                .then(|| view! { <p class="snapshot-description">{snapshot.description.clone()}</p> })}
            {in_progress
                .then(|| {
                    view! {
                        <p class="snapshot-progress">
                            {message.map(|m| format!("{m} "))}
                            <span class="elapsed">{progress}</span>
                        </p>
                    }
                })}
            <div class="snapshot-actions">
                {restore_note.map(|note| view! { <span class="note">{note}</span> })}
                <button
                    class="button"
                    aria-label=restore_label
                    disabled=!snapshot.status.is_completed()
                    on:click=move |_| dialogs.open(DialogRequest::Restore(for_restore.clone()))
                >
                    "Restore"
                </button>
                <button
                    class="button button-danger-quiet"
                    aria-label=delete_label
                    on:click=move |_| dialogs.open(DialogRequest::Delete(for_delete.clone()))
                >
                    "Delete"
                </button>
            </div>
        </li>
    }
}
