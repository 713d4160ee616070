//! The list's toolbar: server filter, search, sort, refresh and the create
//! buttons, with the less used tools (several servers, export, shortcuts)
//! folded into a "More" menu on narrow screens.

use super::export::ExportButtons;
use super::server_filter::ServerFilter;
use super::shortcuts::ShortcutsButton;
use super::sort_menus::SortMenus;
use crate::browser::focus_by_id;
use crate::clock::use_clock;
use crate::domain::grouping::ServerGroup;
use crate::domain::list_view::{ServerSort, SortKey};
use crate::i18n::{relative_msg, use_i18n, Key, Msg};
use crate::snapshots::dialog_request::{use_dialogs, DialogRequest};
use crate::snapshots::store::SnapshotStore;
use crate::time_zone::TimeZoneSwitch;
use leptos::{ev, prelude::*};

/// Filter, search, sorts, refresh, "New snapshot" and the "More" tools
/// (exporting `groups`, the list as shown). What the user types
/// in the search goes to `type_search`, and `end_search` is called when the
/// field is left or Enter pressed (see `url_state::use_search`).
#[allow(clippy::too_many_arguments)]
#[component]
pub fn Toolbar(
    store: SnapshotStore,
    groups: Memo<Vec<ServerGroup>>,
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
    let more = RwSignal::new(false);
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
            <div class="toolbar-actions">
                <span class="updated" aria-live="polite">{updated}</span>
                <button class="button button-primary" on:click=move |_| dialogs.open(DialogRequest::Create { server_id: server_filter.get_untracked() })>
                    {i18n.text(Key::NewSnapshot)}
                </button>
                <MoreToggle open=more/>
                // Escape folds the tools back, focus back on "More".
                <div id="more-tools" class="more-tools" class:more-open=move || more.get() on:keydown=move |event: ev::KeyboardEvent| {
                    if event.key() == "Escape" && more.get_untracked() {
                        more.set(false);
                        focus_by_id("more-toggle");
                    }
                }>
                    // Before "New snapshot" on wide screens (`order`, style/main.css).
                    <button class="button refresh-button" disabled=move || store.loading().get() on:click=move |_| store.refresh()>
                        {move || if store.loading().get() { i18n.t(Key::Refreshing) } else { i18n.t(Key::Refresh) }}
                    </button>
                    <SortMenus sort set_sort server_sort set_server_sort/>
                    <button class="button create-many-open" on:click=move |_| dialogs.open(DialogRequest::CreateMany)>
                        {i18n.text(Key::CreateMany)}
                    </button>
                    <ExportButtons groups/>
                    <TimeZoneSwitch/>
                    <ShortcutsButton/>
                </div>
            </div>
        </div>
    }
}

/// The "More" button: on narrow screens it shows or hides the tools after
/// it (`open`): refresh, sorts, several servers, exports, time zone and
/// shortcuts; on wide ones it is hidden and the tools stand in the
/// toolbar (`display: contents`, style/main.css).
#[component]
fn MoreToggle(open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button
            type="button"
            id="more-toggle"
            class="button more-toggle"
            aria-expanded=move || open.get().to_string()
            aria-controls="more-tools"
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {i18n.text(Key::MoreTools)}
        </button>
    }
}
