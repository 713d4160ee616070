//! The views of deleting many and of the undo window: a row's checkbox and
//! countdown, a section's "select all", the selection bar, the waiting
//! deletes and the failures.

use super::dialogs::{use_dialogs, DialogRequest};
use super::pending_deletes::{use_pending_deletes, RowDelete};
use super::selection::use_selection;
use super::server_section::lock_note_id;
use super::store::{use_snapshot_store, SnapshotStore};
use crate::domain::model::Snapshot;
use crate::domain::selection::{make_room_candidate, selectable, space_freed_mb};
use crate::i18n::{size_msg, use_i18n, Key, Msg};
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};

/// A row's checkbox, labelled with the snapshot's name; a snapshot in
/// progress, whose delete is already confirmed, or whose server is being
/// restored (`locked`), cannot be chosen.
#[component]
pub fn RowSelect(snapshot: Snapshot, locked: Signal<bool>) -> impl IntoView {
    let selection = use_selection();
    let pending = use_pending_deletes();
    let i18n = use_i18n();
    let id = snapshot.id;
    let selectable = selectable(&snapshot);
    let can_choose = move || selectable && !locked.get() && !pending.is_pending(id);
    let label = Msg::select_snapshot(&snapshot.name, &snapshot.server.name);
    view! {
        <input
            type="checkbox"
            class="row-select"
            aria-label=i18n.text_msg(label)
            disabled=move || !can_choose()
            prop:checked=move || can_choose() && selection.contains(id)
            on:change=move |event| selection.set(id, event_target_checked(&event))
        />
    }
}

/// "Deleting in N s — Undo" on a row whose delete waits, "Deleting…" once
/// sent; both say so when a new snapshot of the server follows ("make room"),
/// unless `follow_said` (the place shown already says it).
#[component]
pub fn RowPendingDelete(snapshot: Snapshot, #[prop(optional)] follow_said: bool) -> impl IntoView {
    let pending = use_pending_deletes();
    let i18n = use_i18n();
    let id = snapshot.id;
    let undo_label = Msg::undo_aria(&snapshot.name, &snapshot.server.name);
    let server = snapshot.server.name;
    move || {
        let makes_room = !follow_said && pending.makes_room(id);
        pending.row_state(id).map(|state| {
            let undo_label = undo_label.clone();
            match state {
                RowDelete::Waiting(seconds) => view! {
                    <p class="notice notice-busy pending-delete">
                        <span>
                            {i18n.msg(&if makes_room {
                                Msg::deleting_in_then_create(seconds, &server)
                            } else {
                                Msg::deleting_in(seconds)
                            })}
                            " —"
                        </span>
                        <button class="button" aria-label=i18n.text_msg(undo_label) on:click=move |_| pending.undo(id)>
                            {i18n.text(Key::Undo)}
                        </button>
                    </p>
                }
                .into_any(),
                RowDelete::Sending => view! {
                    <p class="notice notice-busy pending-delete">
                        {i18n.msg(&if makes_room {
                            Msg::deleting_then_create(&server)
                        } else {
                            Msg::from(Key::Deleting)
                        })}
                    </p>
                }
                .into_any(),
            }
        })
    }
}

/// A section's "select all": chooses every snapshot of the server that may
/// be chosen, or leaves them all; none while the server is being restored
/// (`locked`).
#[component]
pub fn SectionSelectAll(
    server_name: Signal<String>,
    snapshots: Signal<Vec<Snapshot>>,
    locked: Signal<bool>,
) -> impl IntoView {
    let selection = use_selection();
    let pending = use_pending_deletes();
    let i18n = use_i18n();
    let choosable = move || {
        if locked.get() {
            return Vec::new();
        }
        snapshots.with(|all| {
            all.iter()
                .filter(|s| selectable(s) && !pending.is_pending(s.id))
                .map(|s| s.id)
                .collect::<Vec<_>>()
        })
    };
    let all_chosen = move || {
        let ids = choosable();
        !ids.is_empty() && ids.iter().all(|id| selection.contains(*id))
    };
    view! {
        <label class="select-all">
            <input
                type="checkbox"
                disabled=move || choosable().is_empty()
                prop:checked=all_chosen
                on:change=move |event| selection.set_all(choosable(), event_target_checked(&event))
            />
            <span class="visually-hidden">{move || i18n.msg(&Msg::select_all_of(server_name.get()))}</span>
        </label>
    }
}

/// "N selected · X GB" with "Delete selected" and "Clear", while anything is chosen.
#[component]
pub fn SelectionBar() -> impl IntoView {
    let store = use_snapshot_store();
    let selection = use_selection();
    let pending = use_pending_deletes();
    let dialogs = use_dialogs();
    let i18n = use_i18n();
    let chosen = Memo::new(move |_| selection.chosen(store, |id| pending.is_pending(id)));
    move || {
        let count = chosen.with(Vec::len);
        (count > 0).then(|| {
            let size = chosen.with(|c| size_msg(Some(space_freed_mb(c))));
            view! {
                <div class="selection-bar" role="region" aria-label=i18n.text(Key::DeleteSelected)>
                    <p class="selection-summary" aria-live="polite">{i18n.msg(&Msg::selection_summary(count, size))}</p>
                    <button class="button button-danger" on:click=move |_| dialogs.open(DialogRequest::DeleteMany(chosen.get_untracked()))>
                        {i18n.text(Key::DeleteSelected)}
                    </button>
                    <button class="button" on:click=move |_| selection.clear()>{i18n.text(Key::ClearSelection)}</button>
                </div>
            }
        })
    }
}

/// How many deletes wait, with "Undo all", while any does.
#[component]
pub fn PendingBanner() -> impl IntoView {
    let pending = use_pending_deletes();
    let i18n = use_i18n();
    view! {
        <div role="status" aria-live="polite">
            {move || {
                let count = pending.waiting_count();
                (count > 0).then(|| view! {
                    <p class="notice notice-busy pending-banner">
                        <span>{i18n.msg(&Msg::pending_summary(count))}</span>
                        " "
                        <button class="button" on:click=move |_| pending.undo_all()>{i18n.text(Key::UndoAll)}</button>
                    </p>
                })
            }}
        </div>
    }
}

/// The deletes that failed, each with its reason; they stay selected, so
/// trying them again is one click (through the undo window again).
#[component]
pub fn DeleteFailures() -> impl IntoView {
    let pending = use_pending_deletes();
    let i18n = use_i18n();
    move || {
        let failures = pending.failures.get();
        (!failures.is_empty()).then(|| {
            let count = failures.len();
            let again: Vec<Snapshot> = failures.iter().map(|f| f.snapshot.clone()).collect();
            view! {
                <div class="notice notice-warn delete-failures" role="alert">
                    <h2>{i18n.msg(&Msg::delete_failures_title(count))}</h2>
                    <ul>
                        {failures.into_iter().map(|f| {
                            let line = Msg::delete_failure_line(&f.snapshot.name, &f.snapshot.server.name, f.error.describe());
                            view! { <li>{i18n.text_msg(line)}</li> }
                        }).collect_view()}
                    </ul>
                    <button class="button button-danger" on:click=move |_| pending.schedule(again.clone(), None)>
                        {i18n.text(Key::RetryFailed)}
                    </button>
                    " "
                    <button class="button" on:click=move |_| pending.dismiss_failures()>{i18n.text(Key::DismissFailures)}</button>
                </div>
            }
        })
    }
}

/// The servers where "make room" has a snapshot to offer, worked out once
/// per change of the list (from the whole list, not the searched one: the
/// oldest may be hidden), so that each section only looks its server up.
/// None while that snapshot's delete already waits: the server has room
/// once it is sent, and a second "make room" would do nothing.
#[derive(Clone, Copy)]
pub struct RoomCandidates(Memo<HashSet<u64>>);

/// Provides [`RoomCandidates`] for the page's sections (after the pending
/// deletes).
pub fn provide_room_candidates(store: SnapshotStore) {
    let pending = use_pending_deletes();
    let servers = Memo::new(move |_| {
        store.snapshots.with(|all| {
            let mut by_server: HashMap<u64, Vec<&Snapshot>> = HashMap::new();
            for snapshot in all {
                by_server
                    .entry(snapshot.server.id)
                    .or_default()
                    .push(snapshot);
            }
            by_server
                .into_iter()
                .filter(|(_, own)| {
                    make_room_candidate(own).is_some_and(|old| !pending.is_pending(old.id))
                })
                .map(|(id, _)| id)
                .collect()
        })
    });
    provide_context(RoomCandidates(servers));
}

/// "Make room…" for server `id` at the limit, when one of its snapshots may
/// go: opens the create dialog for it, where the delete is confirmed.
/// Disabled while the server is being restored (`locked`), pointing to the
/// section's note that says so.
#[component]
pub fn MakeRoomButton(id: u64, name: Signal<String>, locked: Signal<bool>) -> impl IntoView {
    let RoomCandidates(candidates) = expect_context();
    let dialogs = use_dialogs();
    let i18n = use_i18n();
    // A memo: the button is rebuilt only when the answer changes, not on
    // every change of the list.
    let possible = Memo::new(move |_| candidates.with(|c| c.contains(&id)));
    move || {
        possible.get().then(|| {
            view! {
                <button
                    class="button"
                    aria-label=move || i18n.msg(&Msg::make_room_open_aria(name.get()))
                    aria-describedby=move || locked.get().then(|| lock_note_id(id))
                    disabled=move || locked.get()
                    on:click=move |_| dialogs.open(DialogRequest::Create { server_id: Some(id) })
                >
                    {i18n.text(Key::MakeRoomOpen)}
                </button>
            }
        })
    }
}
