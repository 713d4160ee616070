//! The toolbar's two sort menus: the servers' order, and the snapshots'
//! order inside each server. Both live in the address (`url_state.rs`).

use crate::domain::list_view::{ServerSort, SortChoice, SortKey};
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// "Sort servers" and "Sort snapshots", each a `<select>` whose choice is
/// set with `set_server_sort` / `set_sort` (a new history entry).
#[component]
pub fn SortMenus(
    sort: Memo<SortKey>,
    set_sort: impl Fn(SortKey) + 'static,
    server_sort: Memo<ServerSort>,
    set_server_sort: impl Fn(ServerSort) + 'static,
) -> impl IntoView {
    view! {
        {sort_menu("server-sort", Key::LabelServerSort, server_sort, set_server_sort, server_sort_label)}
        {sort_menu("sort", Key::LabelSort, sort, set_sort, sort_label)}
    }
}

/// The menu of the choices `K`, `words` naming each: its choices and
/// callback handed to [`SortMenu`] as plain values, so that the menu's view
/// is in the wasm once for both kinds.
fn sort_menu<K: SortChoice + Send + Sync>(
    id: &'static str,
    label: Key,
    value: Memo<K>,
    set: impl Fn(K) + 'static,
    words: fn(K) -> Key,
) -> impl IntoView {
    let choices = K::ALL.iter().map(|&k| (k.as_str(), words(k))).collect();
    let value = Signal::derive(move || value.get().as_str());
    let pick = Box::new(move |name: &str| set(K::parse(name)));
    view! { <SortMenu id label value choices pick/> }
}

/// One sort menu: `choices` are (value, words), `pick` takes the value chosen.
#[component]
fn SortMenu(
    id: &'static str,
    label: Key,
    value: Signal<&'static str>,
    choices: Vec<(&'static str, Key)>,
    pick: Box<dyn Fn(&str)>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field field-inline">
            <label for=id>{i18n.text(label)}</label>
            // `prop:value` as well as `selected`: once the user has chosen,
            // the browser ignores `selected`, and Back must still move the menu.
            <select id=id on:change=move |event| pick(&event_target_value(&event)) prop:value=value>
                {choices
                    .into_iter()
                    .map(|(name, words)| view! {
                        <option value=name selected=move || value.get() == name>{i18n.text(words)}</option>
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The snapshot sort menu's words for `key`.
fn sort_label(key: SortKey) -> Key {
    match key {
        SortKey::Date => Key::SortDate,
        SortKey::Name => Key::SortName,
        SortKey::Size => Key::SortSize,
    }
}

/// The server sort menu's words for `key`.
fn server_sort_label(key: ServerSort) -> Key {
    match key {
        ServerSort::Name => Key::SortName,
        ServerSort::Readiness => Key::ServerSortReadiness,
        ServerSort::Count => Key::ServerSortCount,
        ServerSort::Size => Key::ServerSortSize,
        ServerSort::Newest => Key::ServerSortNewest,
    }
}
