//! What the console needs from its address beyond what leptos_router does:
//! the router's base, which is wherever the console is served from, and the
//! list's filters, search and sorts (`?server=<id>`, `?rollback=missing`,
//! `?q=`, `?sort=`, `?server_sort=`), so that the list as the user arranged
//! it survives a reload, can be bookmarked, and Back undoes each change.

use crate::domain::list_view::SortChoice;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// The query parameter that holds the server filter.
const SERVER_PARAM: &str = "server";

/// The query parameter of the quick filter "servers without a recent
/// rollback point", and its one value.
const ROLLBACK_PARAM: &str = "rollback";
const ROLLBACK_MISSING: &str = "missing";

/// The query parameter of the list's search.
const SEARCH_PARAM: &str = "q";

/// The query parameters of the snapshot sort and of the server sort.
pub const SORT_PARAM: &str = "sort";
pub const SERVER_SORT_PARAM: &str = "server_sort";

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
        set_param(SERVER_PARAM, server.map(|id| id.to_string()), false);
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
        set_param(
            ROLLBACK_PARAM,
            on.then(|| ROLLBACK_MISSING.to_string()),
            false,
        );
    };
    (only_missing, set_only_missing)
}

/// A sort menu's choice in the address (parameter `name`: [`SORT_PARAM`]
/// or [`SERVER_SORT_PARAM`]; the default is left out), as a memo that
/// follows Back and Forward, and the function that changes it with a new
/// history entry. Must be called inside the `<Router>`.
pub fn use_sort_param<K: SortChoice + Send + Sync>(
    name: &'static str,
) -> (Memo<K>, impl Fn(K) + Clone + 'static) {
    let query = use_query_map();
    let sort =
        Memo::new(move |_| query.with(|q| q.get_str(name).map(K::parse).unwrap_or_default()));
    let set_param = use_set_param();
    let set_sort = move |key: K| {
        set_param(
            name,
            (key != K::default()).then(|| key.as_str().to_string()),
            false,
        );
    };
    (sort, set_sort)
}

/// The list's search in the address (`?q=`), as a memo that follows Back
/// and Forward; the function that writes what the user types; and the one
/// to call when the user leaves the field (or presses Enter).
///
/// One search is one history entry, so that Back undoes it at once: its
/// first keystroke pushes an entry and the next ones replace it, until the
/// field is left. Replacing keeps the address current at every keystroke (a
/// reload keeps what is typed), where waiting for a pause would lose the
/// last letters to a reload and still leave an entry per pause. Must be
/// called inside the `<Router>`.
pub fn use_search() -> (
    Memo<String>,
    impl Fn(String) + Clone + 'static,
    impl Fn() + Clone + 'static,
) {
    let location = use_location();
    // Read from the address as written, decoded once: the router's own map
    // decodes twice, and would turn a search for `%41` into `A`.
    let text = Memo::new(move |_| {
        location
            .search
            .with(|query| param_value(query, SEARCH_PARAM))
            .unwrap_or_default()
    });
    let set_param = use_set_param();
    // What this search wrote last; `None` when no search is being typed.
    let typing = StoredValue::new(None::<String>);
    let type_text = move |new: String| {
        // Nothing to write (the router would push no entry either, and this
        // search would then rewrite the entry before it).
        if text.with_untracked(|now| *now == new) {
            return;
        }
        // The entry is this search's own while the address still holds what
        // it wrote; after Back (or any other change) the next keystroke
        // starts a new entry instead of rewriting that one.
        let replace = typing.with_value(|last| {
            last.as_deref()
                .is_some_and(|last| text.with_untracked(|now| now == last))
        });
        let value = (!new.is_empty()).then(|| encode_value(&new));
        set_param(SEARCH_PARAM, value, replace);
        typing.set_value(Some(new));
    };
    let finish = move || typing.set_value(None);
    (text, type_text, finish)
}

/// A function that sets (or, with `None`, removes) one query parameter of
/// the address, keeping the others as written: with a new history entry,
/// or, with `replace`, in the current one.
fn use_set_param() -> impl Fn(&str, Option<String>, bool) + Clone + 'static {
    let location = use_location();
    let navigate = use_navigate();
    move |name: &str, value: Option<String>, replace: bool| {
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
            replace,
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

/// `text` as a query parameter's value: every byte but letters, digits and
/// `-._~` percent-encoded (UTF-8), so that a search for `a&b=c#d`, `50%` or
/// `a+b` comes back as typed.
pub fn encode_value(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
        }
    }
    out
}

/// A query parameter's value as written in the address, decoded once as the
/// browser's `URLSearchParams` does: `+` is a space, `%XX` a byte, and an
/// escape that is not one stays as written.
fn decode_value(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let digit = |at: usize| char::from(*bytes.get(at)?).to_digit(16);
        let escaped = match bytes[i] {
            b'%' => digit(i + 1)
                .zip(digit(i + 2))
                .map(|(high, low)| (high * 16 + low) as u8),
            _ => None,
        };
        match (escaped, bytes[i]) {
            (Some(byte), _) => {
                out.push(byte);
                i += 3;
            }
            (None, b'+') => {
                out.push(b' ');
                i += 1;
            }
            (None, byte) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The value of parameter `name` in the query string `query` (without
/// `?`), decoded; of the last one if it is there more than once, as the
/// router reads it.
fn param_value(query: &str, name: &str) -> Option<String> {
    query
        .rsplit('&')
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| decode_value(value))
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
    fn a_search_comes_back_from_the_address_as_typed() {
        for typed in [
            "web-01",
            "#12345",
            "203.0.113.10",
            "a&b=c#d",
            "50% off",
            "a+b",
            "%41",
            "migración ñandú",
            "\u{202E}evil",
            "  spaced  ",
        ] {
            let query = with_param("tab=ops", SEARCH_PARAM, Some(&encode_value(typed)));
            assert_eq!(
                param_value(&query, SEARCH_PARAM).as_deref(),
                Some(typed),
                "{query}"
            );
            assert!(query.starts_with("tab=ops&q="), "{query}");
        }
        assert_eq!(encode_value("web 01/ñ"), "web%2001%2F%C3%B1");
    }

    #[test]
    fn reads_a_search_written_by_others() {
        assert_eq!(
            param_value("q=web+server", SEARCH_PARAM).as_deref(),
            Some("web server")
        );
        assert_eq!(
            param_value("a=1&q=x&q=y", SEARCH_PARAM).as_deref(),
            Some("y")
        );
        assert_eq!(param_value("q", SEARCH_PARAM).as_deref(), Some(""));
        assert_eq!(param_value("qq=1&sort=name", SEARCH_PARAM), None);
        // Broken escapes stay as written; bytes that are no UTF-8 are replaced.
        assert_eq!(
            param_value("q=100%&x", SEARCH_PARAM).as_deref(),
            Some("100%")
        );
        assert_eq!(
            param_value("q=%zz%4", SEARCH_PARAM).as_deref(),
            Some("%zz%4")
        );
        assert_eq!(
            param_value("q=%FF", SEARCH_PARAM).as_deref(),
            Some("\u{FFFD}")
        );
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
