//! A row's and a section's part in deleting many and in the undo window: the
//! checkbox, the countdown with Undo, and "select all".

use super::pending::{use_pending_deletes, RowDelete};
use super::selection::use_selection;
use crate::domain::model::Snapshot;
use crate::domain::selection::selectable;
use crate::i18n::{use_i18n, Key, Msg};
use leptos::prelude::*;

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
