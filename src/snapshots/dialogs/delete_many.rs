//! The confirmation of deleting many snapshots: lists each by server, says
//! the space freed, warns when a server would lose its last rollback point,
//! and asks for the number of snapshots to be typed.

use super::fields::{typed_count_matches, TypedCountField};
use super::hidden_names::HiddenNamesWarning;
use super::locked::LockedNotice;
use crate::domain::hidden::written_out;
use crate::domain::model::{ServerRef, Snapshot};
use crate::domain::selection::{servers_losing_last_completed, space_freed_mb};
use crate::i18n::{size_msg, undo_window_msg, use_i18n, Msg};
use crate::snapshots::dialog_request::use_dialogs;
use crate::snapshots::fleet::use_pending_deletes;
use crate::snapshots::store::use_snapshot_store;
use crate::ui::modal::{ConfirmActions, Modal};
use leptos::prelude::*;
use std::collections::BTreeSet;

/// Confirms deleting `snapshots` (at least one); they are then deleted
/// through the undo window.
#[component]
pub fn DeleteManyDialog(snapshots: Vec<Snapshot>) -> impl IntoView {
    let store = use_snapshot_store();
    let pending = use_pending_deletes();
    let dialogs = use_dialogs();
    let i18n = use_i18n();
    let count = snapshots.len();
    let ids: BTreeSet<u64> = snapshots.iter().map(|s| s.id).collect();
    let losing = store
        .snapshots()
        .with_untracked(|all| servers_losing_last_completed(all, &ids));
    let size = size_msg(Some(space_freed_mb(&snapshots)));
    let by_server = group_by_server(&snapshots);
    let server_names: Vec<String> = by_server
        .iter()
        .map(|(server, _)| server.name.to_string())
        .collect();
    let snapshot_names: Vec<String> = snapshots.iter().map(|s| s.name.to_string()).collect();
    // A server may start restoring while the dialog is open: then nothing is
    // deleted until the operator has chosen again.
    let server_ids: Vec<u64> = by_server.iter().map(|(s, _)| s.id).collect();
    let any_locked = Memo::new(move |_| server_ids.iter().any(|id| store.is_locked(*id)));
    let typed = RwSignal::new(String::new());
    let matches = move || typed.with(|t| typed_count_matches(t, count));
    let confirm = move |()| {
        if matches() && !any_locked.get_untracked() {
            pending.schedule(snapshots.clone(), None);
            dialogs.close();
        }
    };

    view! {
        <Modal
            title_id="delete-many-title"
            description_id="delete-many-warning"
            role="alertdialog"
            on_close=Callback::new(move |()| dialogs.close())
            busy=Signal::derive(|| false)
        >
            <h2 id="delete-many-title">{move || i18n.msg(&Msg::delete_many_title(count))}</h2>
            <div id="delete-many-warning" class="danger-box">
                <p>{i18n.text_msg(Msg::delete_many_lead(size))}</p>
                {losing.into_iter().map(|server| {
                    let text = Msg::delete_many_last_point(&server.name);
                    view! { <p><strong>{i18n.text_msg(text)}</strong></p> }
                }).collect_view()}
                <HiddenNamesWarning servers=server_names snapshots=snapshot_names/>
            </div>
            <SnapshotsByServer by_server/>
            <p class="hint">{i18n.text_msg(undo_window_msg(count, pending.window_seconds()))}</p>
            <TypedCountField id="delete-many-count" count value=typed on_input=move |text: String| typed.set(text)/>
            <ConfirmActions
                busy=Signal::derive(|| false)
                can_confirm=Signal::derive(move || matches() && !any_locked.get())
                confirm_label=Signal::derive(move || i18n.msg(&Msg::delete_many_confirm(count)))
                on_cancel=Callback::new(move |()| dialogs.close())
                on_confirm=Callback::new(confirm)
            />
        </Modal>
    }
}

/// The snapshots to delete under their servers' names, each server with
/// what it says while being restored.
#[component]
fn SnapshotsByServer(by_server: Vec<(ServerRef, Vec<Snapshot>)>) -> impl IntoView {
    let store = use_snapshot_store();
    let i18n = use_i18n();
    view! {
        <div class="delete-many-list">
            {by_server.into_iter().map(|(server, list)| view! {
                <h3 dir="auto">{written_out(&server.name).into_owned()}</h3>
                <LockedNotice server=Signal::stored(server.name.to_string()) locked=Signal::derive(move || store.is_locked(server.id))/>
                <ul>
                    {list.into_iter().map(|s| {
                        let size = size_msg(s.size_mb);
                        view! { <li><span class="snapshot-name" dir="auto">{written_out(&s.name).into_owned()}</span> " · " {i18n.text_msg(size)}</li> }
                    }).collect_view()}
                </ul>
            }).collect_view()}
        </div>
    }
}

/// `snapshots` by server, in the order the servers first appear.
fn group_by_server(snapshots: &[Snapshot]) -> Vec<(ServerRef, Vec<Snapshot>)> {
    let mut by_server: Vec<(ServerRef, Vec<Snapshot>)> = Vec::new();
    for snapshot in snapshots {
        let server = &snapshot.server;
        match by_server.iter_mut().find(|(s, _)| s.id == server.id) {
            Some((_, list)) => list.push(snapshot.clone()),
            None => by_server.push((server.clone(), vec![snapshot.clone()])),
        }
    }
    by_server
}
