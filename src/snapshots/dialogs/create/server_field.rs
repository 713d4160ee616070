//! The server picker of the "New snapshot" dialog.

use super::form::CreateForm;
use crate::i18n::{use_i18n, Key};
use crate::snapshots::server_picker::{facts_found, server_options, shown_server, PickFor};
use crate::snapshots::store::use_snapshot_store;
use crate::ui::combobox::Combobox;
use leptos::prelude::*;

/// The picker of every server, each with its count or why it cannot be
/// chosen (full, being restored: listed, not choosable), and the API's
/// message for the field (`api_error`). A refresh that rebuilds the options
/// never moves the choice: the form holds it.
#[component]
pub fn ServerField(
    form: CreateForm,
    pending: Memo<bool>,
    api_error: Signal<Option<String>>,
) -> impl IntoView {
    let store = use_snapshot_store();
    let i18n = use_i18n();
    let selected = form.selected;
    let options = server_options(store, i18n, PickFor::Create);
    let shown = move || {
        form.selected_group.with(|g| {
            g.as_ref()
                .map(|g| shown_server(&g.server.name, g.server.id))
                .unwrap_or_default()
        })
    };
    view! {
        <div class="field">
            <Combobox
                id="create-server"
                label=Key::LabelServer
                choices=options.into()
                found=facts_found
                chosen=Callback::new(move |id| selected.get() == id)
                on_choose=Callback::new(move |id| form.choose(id))
                shown=Signal::derive(shown)
                placeholder=Key::ChooseServer
                disabled=pending
            />
            {move || api_error.get().map(|e| view! { <p class="field-error">{e}</p> })}
        </div>
    }
}
