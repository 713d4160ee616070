//! The restore confirmation: says exactly what will be overwritten, offers a
//! safety snapshot first, and asks for the server's name before acting.

use super::dialogs::use_dialogs;
use super::modal::Modal;
use crate::api::{now_ms, types::NewSnapshot, types::Snapshot, ApiError};
use crate::domain::validation::{default_name, SNAPSHOTS_PER_SERVER};
use crate::domain::{format, time};
use crate::store::{use_snapshot_store, CreateFailure};
use leptos::prelude::*;

/// Confirms restoring `snapshot`'s server from it.
#[component]
pub fn RestoreDialog(snapshot: Snapshot) -> impl IntoView {
    let store = use_snapshot_store();
    let dialogs = use_dialogs();
    let server = snapshot.server.clone();
    let server_id = server.id;
    let taken = time::parse_rfc3339(&snapshot.created_at);
    let taken_text = match taken {
        Some(at) => format!(
            "{} ({})",
            time::format_utc(at),
            format::relative_time(now_ms() / 1000, at)
        ),
        None => snapshot.created_at.clone(),
    };
    let server_snapshots = Memo::new(move |_| {
        store.snapshots.with(|all| {
            all.iter()
                .filter(|s| s.server.id == server_id)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let room_left = move || server_snapshots.with(|s| s.len() < SNAPSHOTS_PER_SERVER);
    let snapshot_running =
        move || server_snapshots.with(|s| s.iter().any(|s| s.status.is_in_progress()));

    let restore = Action::new_local(move |snapshot: &Snapshot| {
        let snapshot = snapshot.clone();
        async move {
            let result = store.restore(&snapshot).await;
            if result.is_ok() {
                dialogs.close();
            }
            result.err()
        }
    });
    let safety = Action::new_local(move |new: &NewSnapshot| {
        let new = new.clone();
        async move { store.create(new).await.err() }
    });
    let pending = Signal::derive(move || restore.pending().get() || safety.pending().get());
    let typed = RwSignal::new(String::new());
    let name_matches = {
        let name = server.name.clone();
        move || typed.with(|t| *t == name)
    };
    let can_confirm = {
        let name_matches = name_matches.clone();
        move || name_matches() && !pending.get() && !snapshot_running()
    };
    let confirm = {
        let (can_confirm, snapshot) = (can_confirm.clone(), snapshot.clone());
        move |_| {
            // Exactly one request, however the button is clicked.
            if can_confirm() && !restore.pending().get_untracked() {
                restore.dispatch(snapshot.clone());
            }
        }
    };
    let take_safety_snapshot = {
        let (server_name, snapshot_name) = (server.name.clone(), snapshot.name.clone());
        move |_| {
            if safety.pending().get_untracked() || !room_left() || snapshot_running() {
                return;
            }
            safety.dispatch(NewSnapshot {
                server_id,
                name: default_name(&format!("pre-restore-{server_name}"), now_ms() / 1000),
                description: format!("Safety snapshot before restoring from {snapshot_name}"),
            });
        }
    };

    let error = move || {
        if restore.pending().get() {
            return None;
        }
        restore.value().get().flatten().map(|e| match e {
            ApiError::Rejected { .. } => format!("The API refused the restore: the server is not in a valid state for it. {e}"),
            ApiError::NotFound { .. } => "This snapshot no longer exists, so nothing was restored. Refresh the list.".to_string(),
            ApiError::Network | ApiError::Timeout => format!(
                "{e} The restore may or may not have started: check the server's state before trying again."
            ),
            other => format!("{other} The server was not restored."),
        })
    };
    let safety_error = move || {
        safety.value().get().flatten().map(|failure| match failure {
            CreateFailure::Refused(e) | CreateFailure::NotCreated(e) => {
                format!("The safety snapshot was not created: {e}")
            }
            CreateFailure::Unknown(e) => {
                format!("{e} It is not known whether the safety snapshot was created.")
            }
        })
    };
    let safety_box = {
        let server_name = server.name.clone();
        move || {
            if snapshot_running() {
                view! {
                    <p class="notice notice-busy">
                        {format!("A snapshot of {server_name} is in progress. Restore once it has completed, so it is not cut short.")}
                    </p>
                }
                .into_any()
            } else if room_left() {
                view! {
                    <div class="notice notice-info">
                        <p>{format!("Take a safety snapshot of {server_name} first, so its current state can be brought back.")}</p>
                        <button type="button" class="button" disabled=move || pending.get() on:click=take_safety_snapshot.clone()>
                            {move || if safety.pending().get() { "Starting snapshot…" } else { "Take a safety snapshot" }}
                        </button>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <p class="notice notice-warn">
                        {format!("{server_name} has {SNAPSHOTS_PER_SERVER} / {SNAPSHOTS_PER_SERVER} snapshots, so there is no room for a safety snapshot.")}
                    </p>
                }
                .into_any()
            }
        }
    };

    view! {
        <Modal
            title_id="restore-title"
            description_id="restore-warning"
            role="alertdialog"
            on_close=Callback::new(move |()| dialogs.close())
            busy=pending
        >
            <h2 id="restore-title">{format!("Restore {} from “{}”?", server.name, snapshot.name)}</h2>
            <div id="restore-warning" class="danger-box">
                <p>
                    <strong>{format!("All current data on {} (#{}) will be replaced", server.name, server.id)}</strong>
                    {format!(" by the snapshot “{}”, taken {taken_text}. This cannot be undone.", snapshot.name)}
                </p>
                <p>"The server is stopped automatically before the restore begins. A restore usually takes 5–15 minutes."</p>
            </div>
            {safety_box}
            {move || safety_error().map(|e| view! { <p class="alert" role="alert">{e}</p> })}
            {move || error().map(|e| view! { <p class="alert" role="alert">{e}</p> })}
            <div class="field">
                <label for="restore-confirm">
                    "To confirm, type the server name " <strong class="typed-name">{server.name.clone()}</strong>
                </label>
                <input
                    id="restore-confirm"
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=typed
                    on:input=move |event| typed.set(event_target_value(&event))
                />
            </div>
            <div class="dialog-actions">
                <button type="button" class="button" autofocus disabled=move || pending.get() on:click=move |_| dialogs.close()>
                    "Cancel"
                </button>
                <button type="button" class="button button-danger" disabled=move || !can_confirm() on:click=confirm>
                    {move || if restore.pending().get() { "Restoring…" } else { "Restore server" }}
                </button>
            </div>
        </Modal>
    }
}
