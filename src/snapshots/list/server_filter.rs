//! The server filter menu of the toolbar.

use crate::domain::hidden::isolated;
use crate::domain::text::fold_case;
use crate::i18n::{use_i18n, Key};
use crate::snapshots::store::SnapshotStore;
use leptos::prelude::*;

/// Up to this many servers, the menu is filled at once.
const EAGER_OPTIONS: usize = 1000;

/// "Server: All servers / web-01 (#12345) / …". Past [`EAGER_OPTIONS`]
/// servers, the menu is filled with every server only once the user reaches
/// for it (focus or pointer): an account of ten thousand servers would
/// otherwise spend a long moment building options nobody has asked to see.
/// Until then it holds "All servers" and the server shown.
#[component]
pub fn ServerFilter(
    store: SnapshotStore,
    server_filter: Memo<Option<u64>>,
    set_server_filter: impl Fn(Option<u64>) + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    // Servers for the filter: all of them when the Servers API answers, else
    // those seen in snapshots.
    let choices = Memo::new(move |_| {
        let mut choices: Vec<(u64, String)> = store.servers().with(|servers| match servers {
            Some(servers) => servers.iter().map(|s| (s.id, s.name.clone())).collect(),
            None => store.snapshots().with(|all| {
                all.iter()
                    .map(|s| (s.server.id, s.server.name.clone()))
                    .collect()
            }),
        });
        choices.sort_by_cached_key(|(id, name)| (fold_case(name), *id));
        choices.dedup();
        choices
    });
    let asked = RwSignal::new(false);
    let want = move || {
        if !asked.get_untracked() {
            asked.set(true);
        }
    };
    let offered = Memo::new(move |_| {
        let all = asked.get() || choices.with(Vec::len) <= EAGER_OPTIONS;
        let current = server_filter.get();
        choices.with(|choices| {
            choices
                .iter()
                .filter(|(id, _)| all || current == Some(*id))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let options = move || {
        // A new filter (Back, a click) moves the menu through `prop:value`.
        let current = server_filter.get_untracked();
        offered.with(|offered| {
            offered
                .iter()
                .map(|(id, name)| {
                    view! {
                        <option value=id.to_string() selected=current == Some(*id)>
                            // An option holds no markup: the name is isolated as text.
                            {format!("{} (#{id})", isolated(name))}
                        </option>
                    }
                })
                .collect_view()
        })
    };
    // "All servers" has the value "", which is no id: `None`.
    let on_change = move |event| set_server_filter(event_target_value(&event).parse().ok());

    view! {
        <label for="server-filter">{i18n.text(Key::LabelServer)}</label>
        // `prop:value`, not an attribute: once the user has picked an option
        // the browser ignores attributes, and Back must still move the menu.
        <select
            id="server-filter"
            on:change=on_change
            on:focus=move |_| want()
            on:pointerdown=move |_| want()
            prop:value=move || server_filter.get().map(|id| id.to_string()).unwrap_or_default()
        >
            <option value="">{i18n.text(Key::AllServers)}</option>
            {options}
        </select>
    }
}
