//! The delete confirmation: names what goes, says when the delete is sent
//! (the undo window), and warns when it is the server's last rollback point.

use super::hidden_names::HiddenNamesWarning;
use super::locked::LockedNotice;
use super::snapshot_action::{closing_action, SnapshotAction};
use crate::api::ApiError;
use crate::browser::now_ms;
use crate::domain::model::Snapshot;
use crate::i18n::{taken_msg, undo_window_msg, use_i18n, Key, Msg};
use crate::snapshots::actions::use_actions;
use crate::snapshots::dialog_request::use_dialogs;
use crate::snapshots::fleet::use_pending_deletes;
use crate::snapshots::store::use_snapshot_store;
use crate::time_zone::use_time_zone;
use crate::ui::modal::{ConfirmActions, Modal};
use leptos::prelude::*;

/// Confirms deleting `snapshot` for good.
#[component]
pub fn DeleteDialog(snapshot: Snapshot) -> impl IntoView {
    let store = use_snapshot_store();
    let dialogs = use_dialogs();
    let pending_deletes = use_pending_deletes();
    let i18n = use_i18n();

    // The server may start restoring while the dialog is open.
    let server_id = snapshot.server.id;
    let locked = Memo::new(move |_| store.is_locked(server_id));

    let delete = delete_action();
    let pending = delete.pending();
    let error = move || {
        if pending.get() {
            return None;
        }
        delete.value().get().flatten().map(|e| {
            let msg = match e {
                ApiError::Network | ApiError::Timeout => Msg::delete_maybe(e.describe()),
                _ => Msg::delete_failed(e.describe()),
            };
            i18n.msg(&msg)
        })
    };
    let title = {
        let msg = Msg::delete_title(&snapshot.name);
        i18n.text_msg(msg)
    };
    let confirm = {
        let snapshot = snapshot.clone();
        move |_| {
            if pending.get_untracked() || locked.get_untracked() {
                return;
            }
            // With an undo window the delete waits on its row; without one
            // it is sent from here, and the dialog shows how it went.
            if pending_deletes.window_seconds() > 0 {
                pending_deletes.schedule(vec![snapshot.clone()], None);
                dialogs.close();
            } else {
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
            <h2 id="delete-title">{title}</h2>
            <DeleteWarning snapshot=snapshot.clone()/>
            <LockedNotice server=Signal::stored(snapshot.server.name.to_string()) locked=locked.into()/>
            {move || error().map(|e| view! { <p class="alert" role="alert">{e}</p> })}
            <ConfirmActions
                busy=pending
                can_confirm=Signal::derive(move || !pending.get() && !locked.get())
                confirm_label=Signal::derive(move || i18n.t(if pending.get() { Key::Deleting } else { Key::DeleteSnapshot }))
                on_cancel=Callback::new(move |()| dialogs.close())
                on_confirm=Callback::new(confirm)
            />
        </Modal>
    }
}

/// What goes, when the delete is sent, and whether the server loses its
/// last rollback point with it.
#[component]
fn DeleteWarning(snapshot: Snapshot) -> impl IntoView {
    let store = use_snapshot_store();
    let pending_deletes = use_pending_deletes();
    let i18n = use_i18n();
    let zone = use_time_zone();
    let taken = taken_msg(&snapshot, now_ms() / 1000, |at| zone.at(at));
    let is_last_rollback_point = snapshot.status.is_completed()
        && store.snapshots().with_untracked(|all| {
            !all.iter().any(|s| {
                s.server.id == snapshot.server.id && s.id != snapshot.id && s.status.is_completed()
            })
        });
    let warning = {
        let msg = Msg::delete_warning(
            &snapshot.name,
            &snapshot.server.name,
            snapshot.server.id.to_string(),
            taken,
        );
        i18n.text_msg(msg)
    };
    let undo_window = i18n.text_msg(undo_window_msg(1, pending_deletes.window_seconds()));
    let last_point = {
        let msg = Msg::delete_last_point(&snapshot.server.name);
        i18n.text_msg(msg)
    };
    view! {
        <div id="delete-warning" class="danger-box">
            <p>{warning}</p>
            <p>{undo_window}</p>
            {is_last_rollback_point.then(|| view! {
                <p><strong>{last_point}</strong></p>
            })}
            <HiddenNamesWarning servers=vec![snapshot.server.name.to_string()] snapshots=vec![snapshot.name.to_string()]/>
        </div>
    }
}

/// Sends the delete at once (no undo window); once done, closes the dialog.
fn delete_action() -> SnapshotAction {
    let actions = use_actions();
    closing_action(move |snapshot| async move { actions.delete(&snapshot).await })
}
