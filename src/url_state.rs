//! What the console keeps in its address: whether the path is the console's
//! page at all, and the `?server=<id>` filter of the list, so that a filtered
//! list survives a reload, can be bookmarked, and Back undoes the filter. A
//! one-page console needs no more routing than this (a router cost about
//! 40 kB of gzipped wasm).

use leptos::{ev, prelude::*};
use wasm_bindgen::JsValue;
use web_sys::UrlSearchParams;

/// The query parameter that holds the server filter.
const SERVER_PARAM: &str = "server";

/// Whether the address is the console's page: the folder it is served from
/// (`/`, `/ops/snapshots/`, whatever its name), or its `index.html` (which a
/// portal's link may name). Any other name in that folder is a page that does
/// not exist.
pub fn is_console_page() -> bool {
    window()
        .location()
        .pathname()
        .is_ok_and(|path| path.ends_with('/') || path.ends_with("/index.html"))
}

/// The `?server=` filter of the address, as a signal that follows Back and
/// Forward, and the function that changes it with a new history entry (so
/// Back undoes it). Listens to `popstate` as long as the calling component
/// lives.
pub fn use_server_filter() -> (
    ReadSignal<Option<u64>>,
    impl Fn(Option<u64>) + Copy + 'static,
) {
    let (filter, set_filter) = signal(server_in_address());
    let on_popstate = window_event_listener(ev::popstate, move |_| {
        // Only a new filter may reload the list: Back over the entry that the
        // skip link's `#main` added keeps it.
        let server = server_in_address();
        set_filter.maybe_update(|current| std::mem::replace(current, server) != server);
    });
    on_cleanup(move || on_popstate.remove());
    let push = move |server: Option<u64>| {
        // The list follows the menu even if the browser refuses the entry.
        if let Err(error) = push_server(server) {
            leptos::logging::warn!("The server filter is not in the address: {error:?}");
        }
        set_filter.set(server);
    };
    (filter, push)
}

/// The server id of the address's query, if it holds a valid one.
fn server_in_address() -> Option<u64> {
    let search = window().location().search().ok()?;
    UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(SERVER_PARAM)?
        .parse()
        .ok()
}

/// Adds a history entry with `server` as the filter (`None`: all servers).
/// It keeps the path, which names the console's folder wherever it is served,
/// and the other query parameters, which may be a portal's.
fn push_server(server: Option<u64>) -> Result<(), JsValue> {
    let location = window().location();
    let params = UrlSearchParams::new_with_str(&location.search()?)?;
    match server {
        Some(id) => params.set(SERVER_PARAM, &id.to_string()),
        None => params.delete(SERVER_PARAM),
    }
    let mut url = location.pathname()?;
    let query = String::from(params.to_string());
    if !query.is_empty() {
        url = format!("{url}?{query}");
    }
    window()
        .history()?
        .push_state_with_url(&JsValue::NULL, "", Some(&url))
}
