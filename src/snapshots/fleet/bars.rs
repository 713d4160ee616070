//! The page's bars of deleting many: the selection with "Delete selected",
//! the deletes waiting in their undo window, and the deletes that failed.

use super::pending::use_pending_deletes;
use super::selection::use_selection;
use crate::domain::model::Snapshot;
use crate::domain::selection::space_freed_mb;
use crate::i18n::{size_msg, use_i18n, Key, Msg};
use crate::snapshots::dialog_request::{use_dialogs, DialogRequest};
use leptos::prelude::*;

/// "N selected · X GB" with "Delete selected" and "Clear", while anything is chosen.
#[component]
pub fn SelectionBar() -> impl IntoView {
    let selection = use_selection();
    let pending = use_pending_deletes();
    let dialogs = use_dialogs();
    let i18n = use_i18n();
    let chosen = Memo::new(move |_| selection.chosen(|id| pending.is_pending(id)));
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
        let failures = pending.failures().get();
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
