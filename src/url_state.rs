//! What the console needs from its address beyond what leptos_router does:
//! the router's base, which is wherever the console is served from, and the
//! `?server=<id>` filter of the list, so that a filtered list survives a
//! reload, can be bookmarked, and Back undoes the filter.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// The query parameter that holds the server filter.
const SERVER_PARAM: &str = "server";

/// The query parameter of the quick filter "servers without a recent
/// rollback point", and its one value.
const ROLLBACK_PARAM: &str = "rollback";
const ROLLBACK_MISSING: &str = "missing";

/// The router's base: the console's folder, which index.html's first script
/// worked out from the address and the routes it knows and
/// set as the page's `<base href>` before any asset was asked for, so that
/// one build works at `/` and under any sub-path, from any route.
pub fn router_base() -> String {
    // Without a `<base>` (another index.html), the document's own address.
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    let origin = window().location().origin().unwrap_or_default();
    folder_of(path_of(base.strip_prefix(&origin).unwrap_or(&base))).to_string()
}

/// The path of `url` (already without its origin): without its query and
/// fragment.
fn path_of(url: &str) -> &str {
    url.split(['?', '#']).next().unwrap_or_default()
}

/// The folder of `path` as leptos_router wants a base: without its final
/// `/`, and empty at the site root. `/ops/snapshots/` and
/// `/ops/snapshots/index.html` are both in `/ops/snapshots`.
fn folder_of(path: &str) -> &str {
    &path[..path.rfind('/').unwrap_or(0)]
}

/// The `?server=` filter of the address, as a memo that follows Back and
/// Forward, and the function that changes it with a new history entry (so
/// Back undoes it). Must be called inside the `<Router>`.
pub fn use_server_filter() -> (Memo<Option<u64>>, impl Fn(Option<u64>) + Clone + 'static) {
    let query = use_query_map();
    // A memo: Back over an entry that differs only in its hash (the skip
    // link's `#main`) must not load the list again.
    let filter =
        Memo::new(move |_| query.with(|q| q.get_str(SERVER_PARAM).and_then(|id| id.parse().ok())));
    let set_param = use_set_param();
    let set_filter = move |server: Option<u64>| {
        set_param(SERVER_PARAM, server.map(|id| id.to_string()));
    };
    (filter, set_filter)
}

/// The `?rollback=missing` quick filter (only servers without a recent
/// rollback point), as a memo that follows Back and Forward, and the
/// function that turns it on or off with a new history entry. Must be
/// called inside the `<Router>`.
pub fn use_rollback_filter() -> (Memo<bool>, impl Fn(bool) + Clone + 'static) {
    let query = use_query_map();
    let only_missing =
        Memo::new(move |_| query.with(|q| q.get_str(ROLLBACK_PARAM) == Some(ROLLBACK_MISSING)));
    let set_param = use_set_param();
    let set_only_missing = move |on: bool| {
        set_param(ROLLBACK_PARAM, on.then(|| ROLLBACK_MISSING.to_string()));
    };
    (only_missing, set_only_missing)
}

/// A function that sets (or, with `None`, removes) one query parameter of
/// the address with a new history entry, keeping the others as written.
fn use_set_param() -> impl Fn(&str, Option<String>) + Clone + 'static {
    let location = use_location();
    let navigate = use_navigate();
    move |name: &str, value: Option<String>| {
        let query = with_param(&location.search.get_untracked(), name, value.as_deref());
        let mut url = location.pathname.get_untracked();
        if !query.is_empty() {
            url = format!("{url}?{query}");
        }
        let options = NavigateOptions {
            // `url` is the whole path already: resolved, it would get the
            // base a second time.
            resolve: false,
            // The controls are at the top of the list, which stays where it is.
            scroll: false,
            ..NavigateOptions::default()
        };
        navigate(&url, options);
    }
}

/// The query string `query` (without `?`) with `value` as parameter
/// `name` (`None`: without it). The other parameters, which may be a portal's, are
/// kept as they were written, and in their order: the router's own query
/// map (and `query_signal`, which writes through it) decodes each value a
/// second time, so a portal's `%2525` would come back as `%25`.
fn with_param(query: &str, name: &str, value: Option<&str>) -> String {
    let mut pairs: Vec<String> = query
        .split('&')
        .filter(|pair| !pair.is_empty() && pair.split('=').next() != Some(name))
        .map(String::from)
        .collect();
    if let Some(value) = value {
        pairs.push(format!("{name}={value}"));
    }
    pairs.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_server(query: &str, server: Option<u64>) -> String {
        with_param(
            query,
            SERVER_PARAM,
            server.map(|id| id.to_string()).as_deref(),
        )
    }

    #[test]
    fn sets_and_clears_the_rollback_filter_beside_the_server_filter() {
        assert_eq!(
            with_param("server=5", ROLLBACK_PARAM, Some(ROLLBACK_MISSING)),
            "server=5&rollback=missing"
        );
        assert_eq!(
            with_param("rollback=missing&server=5", ROLLBACK_PARAM, None),
            "server=5"
        );
        assert_eq!(
            with_server("rollback=missing", Some(7)),
            "rollback=missing&server=7"
        );
    }

    #[test]
    fn the_base_is_read_from_a_path_without_its_query_and_fragment() {
        assert_eq!(path_of("/ops/snapshots/"), "/ops/snapshots/");
        assert_eq!(path_of("/ops/x?server=5&a=/b#main"), "/ops/x");
        assert_eq!(path_of("/#main"), "/");
        assert_eq!(
            folder_of(path_of("/ops/snapshots/?a=/b/c")),
            "/ops/snapshots"
        );
    }

    #[test]
    fn the_base_is_the_folder_of_the_page() {
        assert_eq!(folder_of("/"), "");
        assert_eq!(folder_of("/index.html"), "");
        assert_eq!(folder_of("/ops/snapshots/"), "/ops/snapshots");
        assert_eq!(folder_of("/ops/snapshots/index.html"), "/ops/snapshots");
        assert_eq!(folder_of("/ops/snapshots/no-such-page"), "/ops/snapshots");
        // Without the final `/` the last name is a page in `/ops`.
        assert_eq!(folder_of("/ops/snapshots"), "/ops");
        assert_eq!(folder_of(""), "");
    }

    #[test]
    fn sets_and_clears_the_filter() {
        assert_eq!(with_server("", Some(12346)), "server=12346");
        assert_eq!(with_server("server=12346", Some(7)), "server=7");
        assert_eq!(with_server("server=12346", None), "");
        assert_eq!(with_server("", None), "");
    }

    #[test]
    fn keeps_other_parameters_as_written() {
        let portal = "tab=ops&return=%2Fportal%3Fx%3D1%2525&flag";
        assert_eq!(with_server(portal, Some(5)), format!("{portal}&server=5"));
        assert_eq!(
            with_server("tab=ops&server=5&lang=es", Some(6)),
            "tab=ops&lang=es&server=6"
        );
        assert_eq!(
            with_server("tab=ops&server=5&lang=es", None),
            "tab=ops&lang=es"
        );
        // Every copy goes, and so do empty pieces and a value that is no id.
        assert_eq!(
            with_server("server=1&&server=x&servers=2", None),
            "servers=2"
        );
    }
}
