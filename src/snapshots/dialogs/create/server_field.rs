//! The server menu of the "New snapshot" dialog.

use super::form::CreateForm;
use crate::domain::grouping::ServerGroup;
use crate::domain::validation;
use crate::i18n::{use_i18n, Key, Msg};
use crate::snapshots::store::{use_snapshot_store, SnapshotStore};
use leptos::prelude::*;

/// The menu of every server, each with its count or why it cannot be
/// chosen, and the API's message for the field (`api_error`).
#[component]
pub fn ServerField(
    form: CreateForm,
    pending: Memo<bool>,
    api_error: Signal<Option<String>>,
) -> impl IntoView {
    let store = use_snapshot_store();
    let i18n = use_i18n();
    let (selected, choices) = (form.selected, form.choices);
    view! {
        <div class="field">
            <label for="create-server">{i18n.text(Key::LabelServer)}</label>
            // The menu follows `selected` through `prop:value`: one
            // property instead of a reactive `selected` on each of
            // what may be thousands of options (with 10,000 servers,
            // each change took about a second). An option built, or
            // built again by a refresh, carries the choice of that
            // moment, so it never moves the menu away from it.
            <select
                id="create-server"
                on:change=move |event| form.choose(event_target_value(&event).parse::<u64>().ok())
                disabled=move || pending.get()
                prop:value=move || selected.get().map(|id| id.to_string()).unwrap_or_default()
            >
                {move || (selected.get().is_none()).then(|| view! { <option value="" selected>{i18n.text(Key::ChooseServer)}</option> })}
                <For each=move || locked_choices(store, choices) key=|(g, locked)| (g.server.id, g.total, *locked) let:choice>
                    <option value=choice.0.server.id selected=selected.get_untracked() == Some(choice.0.server.id) disabled=choice.0.is_full() || choice.1>
                        {let label = server_choice_label(&choice.0, choice.1); i18n.text_msg(label)}
                    </option>
                </For>
            </select>
            {move || api_error.get().map(|e| view! { <p class="field-error">{e}</p> })}
        </div>
    }
}

/// The servers as the create dialogs offer them, each with whether it is
/// being restored (tracked): such a server is listed but cannot be chosen.
fn locked_choices(
    store: SnapshotStore,
    choices: Memo<Vec<ServerGroup>>,
) -> Vec<(ServerGroup, bool)> {
    store.locks().with(|locks| {
        choices.with(|groups| {
            groups
                .iter()
                .map(|g| (g.clone(), locks.is_locked(g.server.id)))
                .collect()
        })
    })
}

/// A server in the menu, with its count, or why it cannot be chosen.
fn server_choice_label(group: &ServerGroup, locked: bool) -> Msg {
    let (server, id) = (&group.server.name, group.server.id.to_string());
    let (count, limit) = (group.total, validation::SNAPSHOTS_PER_SERVER);
    if locked {
        Msg::server_choice_restoring(server, id)
    } else if group.is_full() {
        Msg::server_choice_full(server, id, count, limit)
    } else {
        Msg::server_choice(server, id, count, limit)
    }
}
