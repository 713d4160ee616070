//! The server filter of the toolbar.

use crate::i18n::{use_i18n, Key};
use crate::snapshots::server_picker::{facts_found, server_options, shown_server, PickFor};
use crate::snapshots::store::SnapshotStore;
use crate::ui::combobox::Combobox;
use leptos::prelude::*;

/// "Server: All servers / web-01 (#12345) / …", a picker found by name,
/// number, hostname or IP, each server with its count. Its options are
/// worked out only once it is opened: a closed picker costs nothing,
/// however many servers there are.
#[component]
pub fn ServerFilter(
    store: SnapshotStore,
    server_filter: Memo<Option<u64>>,
    set_server_filter: impl Fn(Option<u64>) + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let set_server_filter = StoredValue::new_local(set_server_filter);
    let choices = server_options(store, i18n, PickFor::Filter);
    let shown = move || match server_filter.get() {
        None => i18n.t(Key::AllServers),
        Some(id) => {
            server_name(store, id).map_or_else(|| format!("#{id}"), |name| shown_server(&name, id))
        }
    };
    view! {
        <Combobox
            id="server-filter"
            label=Key::LabelServer
            choices=choices.into()
            found=facts_found
            chosen=Callback::new(move |id| server_filter.get() == id)
            on_choose=Callback::new(move |id| set_server_filter.with_value(|set| set(id)))
            shown=Signal::derive(shown)
        />
    }
}

/// The name of server `id`, from the servers or else the snapshots, as its
/// section says it (tracked).
fn server_name(store: SnapshotStore, id: u64) -> Option<String> {
    store.sections().with(|sections| {
        sections
            .iter()
            .find(|g| g.server.id == id)
            .map(|g| g.server.name.to_string())
    })
}
