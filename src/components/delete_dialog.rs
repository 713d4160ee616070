//! The delete confirmation: names what goes, and warns when it is the
//! server's last rollback point.

use super::dialogs::use_dialogs;
use super::modal::Modal;
use crate::api::{now_ms, types::Snapshot, ApiError};
use crate::domain::{format, time};
use crate::store::use_snapshot_store;
use leptos::prelude::*;

/// Confirms deleting `snapshot` for good.
#[component]
pub fn DeleteDialog(snapshot: Snapshot) -> impl IntoView {
    let store = use_snapshot_store();
    let dialogs = use_dialogs();
    let taken = match time::parse_rfc3339(&snapshot.created_at) {
        Some(at) => format!(
            "{} ({})",
            time::format_utc(at),
            format::relative_time(now_ms() / 1000, at)
        ),
        None => snapshot.created_at.clone(),
    };
    let is_last_rollback_point = snapshot.status.is_completed()
        && store.snapshots.with_untracked(|all| {
            !all.iter().any(|s| {
                s.server.id == snapshot.server.id && s.id != snapshot.id && s.status.is_completed()
            })
        });

    let delete = Action::new_local(move |snapshot: &Snapshot| {
        let snapshot = snapshot.clone();
        async move {
            let result = store.delete(&snapshot).await;
            if result.is_ok() {
                dialogs.close();
            }
            result.err()
        }
    });
    let pending = delete.pending();
    let error = move || {
        if pending.get() {
            return None;
        }
        delete.value().get().flatten().map(|e| match e {
            ApiError::Network | ApiError::Timeout => {
                format!("{e} The snapshot may not have been deleted: refresh the list to check.")
            }
            other => format!("{other} The snapshot was not deleted."),
        })
    };
    let confirm = {
        let snapshot = snapshot.clone();
        move |_| {
            if !pending.get_untracked() {
                delete.dispatch(snapshot.clone());
            }
        }
    };

    view! {
        <Modal
            title_id="delete-title"
            description_id="delete-warning"
            role="alertdialog"
            on_close=Callback::new(move |()| dialogs.close())
            busy=pending
        >
            <h2 id="delete-title">{format!("Delete snapshot “{}”?", snapshot.name)}</h2>
            <div id="delete-warning" class="danger-box">
                <p>
                    {format!(
                        "The snapshot “{}” of {} (#{}), taken {taken}, will be deleted permanently. This cannot be undone.",
                        snapshot.name,
                        snapshot.server.name,
                        snapshot.server.id,
                    )}
                </p>
                {is_last_rollback_point.then(|| view! {
                    <p><strong>{format!("This is the last completed snapshot of {}: after it is deleted, the server has no rollback point.", snapshot.server.name)}</strong></p>
                })}
            </div>
            {move || error().map(|e| view! { <p class="alert" role="alert">{e}</p> })}
            <div class="dialog-actions">
                <button type="button" class="button" autofocus disabled=move || pending.get() on:click=move |_| dialogs.close()>
                    "Cancel"
                </button>
                <button type="button" class="button button-danger" disabled=move || pending.get() on:click=confirm>
                    {move || if pending.get() { "Deleting…" } else { "Delete snapshot" }}
                </button>
            </div>
        </Modal>
    }
}
