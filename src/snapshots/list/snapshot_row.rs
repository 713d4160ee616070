//! One snapshot in its server's list, with its Restore and Delete buttons.

use crate::clock::use_clock;
use crate::domain::hidden::written_out;
use crate::domain::model::Snapshot;
use crate::domain::polling;
use crate::i18n::{not_restorable_msg, progress_msg, size_msg, use_i18n, Key, Msg};
use crate::snapshots::dialog_request::{use_dialogs, DialogRequest};
use crate::snapshots::fleet::{use_pending_deletes, RowPendingDelete, RowSelect};
use crate::snapshots::store::use_snapshot_store;
use crate::time_zone::TimeAgo;
use crate::ui::status_badge::StatusBadge;
use leptos::prelude::*;

/// A snapshot's row. The row is rebuilt only when the snapshot itself changes;
/// `locked` (its server is being restored) disables its checkbox, Restore
/// and Delete, and says why; the snapshot restored from is marked.
#[component]
pub fn SnapshotRow(snapshot: Snapshot, locked: Signal<bool>) -> impl IntoView {
    let store = use_snapshot_store();
    let i18n = use_i18n();
    let id = snapshot.id;
    let source = {
        let snapshot = snapshot.clone();
        move || store.locks().with(|locks| locks.is_source(&snapshot))
    };
    view! {
        <li class="snapshot" data-snapshot-id=id>
            <div class="snapshot-head">
                <RowSelect snapshot=snapshot.clone() locked/>
                <h3 class="snapshot-name" dir="auto">{written_out(&snapshot.name).into_owned()}</h3>
                <StatusBadge status=snapshot.status.clone()/>
                <Show when=source>
                    <span class="badge badge-busy restore-source">{i18n.text(Key::RestoreSourceBadge)}</span>
                </Show>
            </div>
            <RowFacts snapshot=snapshot.clone()/>
            <RowPendingDelete snapshot=snapshot.clone()/>
            <RowActions snapshot locked/>
        </li>
    }
}

/// A row's size, age (exact time on focus, tap or hover), description, and the progress
/// of a snapshot being taken.
#[component]
fn RowFacts(snapshot: Snapshot) -> impl IntoView {
    let clock = use_clock();
    let i18n = use_i18n();
    let created = snapshot.created;
    let progress = move || {
        let now = clock.now_secs();
        let elapsed = now - created.unwrap_or(now);
        i18n.msg(&progress_msg(polling::progress(
            elapsed,
            polling::SNAPSHOT_WINDOW,
        )))
    };
    view! {
        <dl class="snapshot-facts">
            <div>
                <dt>{i18n.text(Key::LabelSize)}</dt>
                <dd class="snapshot-size">{i18n.text_msg(size_msg(snapshot.size_mb))}</dd>
            </div>
            <div>
                <dt>{i18n.text(Key::LabelCreated)}</dt>
                <dd>
                    {match created {
                        Some(at) => view! { <TimeAgo at/> }.into_any(),
                        // Not a time the console can read: the API's words.
                        None => view! { <span title=snapshot.created_at.clone()>{i18n.text(Key::TimeUnknown)}</span> }.into_any(),
                    }}
                </dd>
            </div>
        </dl>
        {(!snapshot.description.is_empty())
            .then(|| view! { <p class="snapshot-description" dir="auto">{snapshot.description.clone()}</p> })}
        {snapshot.status.is_in_progress()
            .then(|| {
                view! {
                    <p class="snapshot-progress">
                        <span class="elapsed">{progress}</span>
                    </p>
                }
            })}
    }
}

/// A row's Restore and Delete, with the note that says why they are
/// disabled (`locked`, or a snapshot that cannot be restored).
#[component]
fn RowActions(snapshot: Snapshot, locked: Signal<bool>) -> impl IntoView {
    let dialogs = use_dialogs();
    let pending = use_pending_deletes();
    let i18n = use_i18n();
    let id = snapshot.id;
    let status_note = not_restorable_msg(&snapshot.status);
    let restore_note = move || {
        if locked.get() {
            Some(Msg::from(Key::RestoreNoteServerRestoring))
        } else {
            status_note.clone()
        }
    };
    let note_id = format!("snapshot-{id}-note");
    // The buttons point to the note that says why they are disabled.
    let described_by = {
        let note_id = note_id.clone();
        move || locked.get().then(|| note_id.clone())
    };
    let completed = snapshot.status.is_completed();
    let restore_label = Msg::restore_aria(&snapshot.server.name, &snapshot.name);
    let delete_label = Msg::delete_aria(&snapshot.name, &snapshot.server.name);
    let for_delete = snapshot.clone();
    view! {
        <div class="snapshot-actions">
            {move || restore_note().map(|note| view! { <span id=note_id.clone() class="note">{i18n.text_msg(note)}</span> })}
            <button
                class="button"
                aria-label=i18n.text_msg(restore_label)
                aria-describedby=described_by.clone()
                disabled=move || !completed || locked.get() || pending.is_pending(id)
                on:click=move |_| dialogs.open(DialogRequest::Restore(snapshot.clone()))
            >
                {i18n.text(Key::Restore)}
            </button>
            <button
                class="button button-danger-quiet"
                aria-label=i18n.text_msg(delete_label)
                aria-describedby=described_by
                disabled=move || locked.get() || pending.is_pending(id)
                on:click=move |_| dialogs.open(DialogRequest::Delete(for_delete.clone()))
            >
                {i18n.text(Key::Delete)}
            </button>
        </div>
    }
}
