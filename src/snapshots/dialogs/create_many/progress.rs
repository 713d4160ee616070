//! The batch's progress in the several-servers dialog: a row per server with
//! where its create is, in words, and a summary.

use crate::api::ApiError;
use crate::domain::batch::{NoRoom, Row, Step};
use crate::domain::hidden::written_out;
use crate::domain::model::SnapshotStatus;
use crate::i18n::{size_msg, snapshot_status_msg, use_i18n, Key, Msg};
use crate::snapshots::actions::CreateFailure;
use crate::snapshots::dialogs::create_shared::failure_text;
use crate::snapshots::fleet::RowPendingDelete;
use crate::snapshots::fleet::{use_create_batch, BatchRun};
use crate::snapshots::store::{use_snapshot_store, SnapshotStore};
use leptos::{html, prelude::*};

/// The batch's progress: one row per server, and a summary.
#[component]
pub fn BatchProgress(close: Callback<()>) -> impl IntoView {
    let store = use_snapshot_store();
    let batch = use_create_batch();
    let i18n = use_i18n();
    let server_ids = Memo::new(move |_| {
        batch.with(|run| {
            run.map(|r| {
                r.batch
                    .rows()
                    .iter()
                    .map(|row| row.server_id)
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
        })
    });
    // The form and its focused button are gone: focus moves here, inside the
    // dialog, so keyboard use (and Escape) goes on.
    let close_button = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = close_button.get() {
            let _ = button.focus();
        }
    });
    let summary = move || {
        let text = batch.with(|run| run.map(BatchRun::summary))?;
        Some(i18n.msg(&text))
    };
    view! {
        <p class="batch-summary" role="status">{summary}</p>
        <table class="batch-table">
            <caption class="visually-hidden">{i18n.text(Key::CreateManyProgress)}</caption>
            <thead>
                <tr>
                    <th scope="col">{i18n.text(Key::LabelServer)}</th>
                    <th scope="col">{i18n.text(Key::CreateManyProgress)}</th>
                </tr>
            </thead>
            <tbody>
                <For each=move || server_ids.get() key=|id| *id let:id>
                    <tr data-server-id=id>
                        <th scope="row" dir="auto">{move || batch.with(|run| run.map(|r| written_out(r.server_name(id)).into_owned()))}</th>
                        <td>
                            {move || batch.with(|run| run.and_then(|r| step_msg(store, r, id))).map(|m| i18n.msg(&m))}
                            // While the old snapshot's delete waits, Undo is here too
                            // (the step above says the new snapshot follows).
                            {batch.with_untracked(|run| run.and_then(|r| r.room_snapshot(id).cloned()))
                                .map(|old| view! { <RowPendingDelete snapshot=old follow_said=true/> })}
                        </td>
                    </tr>
                </For>
            </tbody>
        </table>
        <p class="hint">{i18n.text(Key::CreateManyCloseNote)}</p>
        <div class="dialog-actions">
            <button type="button" class="button button-primary" autofocus node_ref=close_button on:click=move |_| close.run(())>
                {i18n.text(Key::Close)}
            </button>
        </div>
    }
}

/// Where one server of the batch is, in words; a started snapshot is
/// followed in the list, as single creates are.
fn step_msg(store: SnapshotStore, run: &BatchRun, server_id: u64) -> Option<Msg> {
    let row = run.batch.row(server_id)?;
    if let Some(msg) = run
        .room_snapshot(server_id)
        .and_then(|old| room_step_msg(row, &old.name))
    {
        return Some(msg);
    }
    Some(match &row.step {
        Step::MakingRoom | Step::RoomNotMade(_) => return None,
        Step::Waiting => Msg::from(Key::StepWaiting),
        Step::Sent => Msg::from(Key::StepSent),
        Step::NotAsked => Msg::from(Key::StepNotAsked),
        Step::Failed(CreateFailure::Unknown(_)) => Msg::from(Key::StepNoAnswer),
        Step::Failed(failure) => failure_text(failure),
        Step::Created(snapshot_id) => {
            let status = store.snapshots().with(|all| {
                all.iter()
                    .find(|s| s.id == *snapshot_id)
                    .map(|s| (s.status.clone(), s.size_mb))
            });
            match status {
                Some((SnapshotStatus::InProgress, _)) => Msg::from(Key::StepInProgress),
                Some((SnapshotStatus::Completed, size)) => Msg::step_completed(size_msg(size)),
                Some((status @ SnapshotStatus::Other(_), _)) => {
                    Msg::step_ended(snapshot_status_msg(&status))
                }
                // Gone from the list meanwhile (deleted, or another filter).
                None => Msg::from(Key::StepStarted),
            }
        }
    })
}

/// Where a server making room is, when its old snapshot `old` decides what
/// it is told: the delete is awaited or did not happen, or it went and the
/// new snapshot did not come of it.
fn room_step_msg(row: &Row<CreateFailure, ApiError>, old: &str) -> Option<Msg> {
    Some(match &row.step {
        Step::MakingRoom => Msg::step_making_room(old),
        Step::RoomNotMade(NoRoom::Undone) => Msg::step_room_undone(old),
        Step::RoomNotMade(NoRoom::Failed(error)) => {
            Msg::step_room_not_deleted(old, error.describe())
        }
        Step::NotAsked if row.made_room => Msg::step_room_not_asked(old),
        Step::Failed(CreateFailure::Unknown(error)) if row.made_room => {
            Msg::step_room_create_unknown(old, error.describe())
        }
        Step::Failed(CreateFailure::Refused(error) | CreateFailure::NotCreated(error))
            if row.made_room =>
        {
            Msg::step_room_create_failed(old, error.describe())
        }
        _ => return None,
    })
}
