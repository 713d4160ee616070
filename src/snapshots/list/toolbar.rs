//! The list's toolbar: server filter, search, sort, refresh and the create
//! buttons.

use super::server_filter::ServerFilter;
use crate::clock::use_clock;
use crate::domain::grouping::SortKey;
use crate::i18n::{relative_msg, use_i18n, I18n, Key, Msg};
use crate::snapshots::dialog_request::{use_dialogs, DialogRequest};
use crate::snapshots::store::SnapshotStore;
use leptos::prelude::*;

/// Filter, search, sort, refresh and "New snapshot".
#[component]
pub fn Toolbar(
    store: SnapshotStore,
    server_filter: Memo<Option<u64>>,
    set_server_filter: impl Fn(Option<u64>) + 'static,
    search: RwSignal<String>,
    sort: RwSignal<SortKey>,
) -> impl IntoView {
    let dialogs = use_dialogs();
    let i18n = use_i18n();
    let clock = use_clock();
    let updated = move || {
        store.loaded_at().get().map(|at| {
            let time = relative_msg(clock.now_secs(), at / 1000);
            i18n.msg(&Msg::updated(time))
        })
    };

    view! {
        <div class="toolbar" role="search">
            <div class="field field-inline">
                <ServerFilter store server_filter set_server_filter/>
            </div>
            <div class="field field-inline field-grow">
                <label for="search">{i18n.text(Key::LabelSearch)}</label>
                <input
                    id="search"
                    type="search"
                    placeholder=i18n.text(Key::SearchPlaceholder)
                    prop:value=search
                    on:input=move |event| search.set(event_target_value(&event))
                />
            </div>
            <div class="field field-inline">
                <label for="sort">{i18n.text(Key::LabelSort)}</label>
                <select id="sort" on:change=move |event| sort.set(SortKey::parse(&event_target_value(&event)))>
                    {SortKey::ALL
                        .into_iter()
                        .map(|key| view! { <option value=key.as_str() selected=move || sort.get() == key>{move || sort_label(i18n, key)}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="toolbar-actions">
                <span class="updated" aria-live="polite">{updated}</span>
                <button class="button" disabled=move || store.loading().get() on:click=move |_| store.refresh()>
                    {move || if store.loading().get() { i18n.t(Key::Refreshing) } else { i18n.t(Key::Refresh) }}
                </button>
                <button class="button button-primary" on:click=move |_| dialogs.open(DialogRequest::Create { server_id: server_filter.get_untracked() })>
                    {i18n.text(Key::NewSnapshot)}
                </button>
                <button class="button" on:click=move |_| dialogs.open(DialogRequest::CreateMany)>
                    {i18n.text(Key::CreateMany)}
                </button>
            </div>
        </div>
    }
}

/// The sort menu entry of `key`.
fn sort_label(i18n: I18n, key: SortKey) -> String {
    match key {
        SortKey::Date => i18n.t(Key::SortDate),
        SortKey::Name => i18n.t(Key::SortName),
        SortKey::Size => i18n.t(Key::SortSize),
    }
}
