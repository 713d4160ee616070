//! The list's toolbar: server filter, search, sort, refresh and the create
//! buttons.

use super::server_filter::ServerFilter;
use super::sort_menus::SortMenus;
use crate::clock::use_clock;
use crate::domain::grouping::{ServerSort, SortKey};
use crate::i18n::{relative_msg, use_i18n, Key, Msg};
use crate::snapshots::dialog_request::{use_dialogs, DialogRequest};
use crate::snapshots::store::SnapshotStore;
use leptos::prelude::*;

/// Filter, search, sorts, refresh and "New snapshot". What the user types
/// in the search goes to `type_search`, and `end_search` is called when the
/// field is left or Enter pressed (see `url_state::use_search`).
#[allow(clippy::too_many_arguments)]
#[component]
pub fn Toolbar(
    store: SnapshotStore,
    server_filter: Memo<Option<u64>>,
    set_server_filter: impl Fn(Option<u64>) + 'static,
    search: Memo<String>,
    type_search: impl Fn(String) + 'static,
    end_search: impl Fn() + 'static,
    sort: Memo<SortKey>,
    set_sort: impl Fn(SortKey) + 'static,
    server_sort: Memo<ServerSort>,
    set_server_sort: impl Fn(ServerSort) + 'static,
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
                    on:input=move |event| type_search(event_target_value(&event))
                    // `change`: Enter, or the field left after a change.
                    on:change=move |_| end_search()
                />
            </div>
            <SortMenus sort set_sort server_sort set_server_sort/>
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
