//! Which `next` link of a paginated list the client follows. Every request
//! carries the token, so a link that leads anywhere but the API's own list is
//! refused rather than followed. The browser's URL parser reads the link, as
//! `fetch` would ([`parse_link`]); the decision on what it read is pure
//! ([`next_page_url`]) and tested natively with the same (WHATWG) parser.

/// The provider's own origin. Behind a reverse proxy (`api_base_url` empty,
/// or another origin), the API still names itself in its links; only their
/// path and query are used, on the address the client is configured for.
pub const PROVIDER_ORIGIN: &str = "https://admin.vps.org";

/// A `next` link as the URL parser read it, resolved against the list's address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedLink {
    /// `scheme://host[:port]` as the parser writes it (lower case, no default port).
    pub origin: String,
    /// Whether it holds a user name or password (`https://user@host/`).
    pub has_credentials: bool,
    /// The path, percent-encoded, with `.` and `..` resolved.
    pub pathname: String,
    /// The query with its `?`, or empty.
    pub search: String,
}

/// A paginated list of the API, as the client asks for it.
#[derive(Clone, Copy, Debug)]
pub struct ListEndpoint<'a> {
    /// What the client puts before each path: empty (this page's origin) or
    /// the configured origin.
    pub base_url: &'a str,
    /// The origin the requests go to (this page's when `base_url` is empty).
    pub origin: &'a str,
    /// The list's path, e.g. `/api/v1/snapshots/`.
    pub path: &'a str,
}

impl ListEndpoint<'_> {
    /// The list's absolute address, which a relative link is read against.
    pub fn absolute(&self) -> String {
        format!("{}{}", self.origin, self.path)
    }
}

/// The address to ask for the next page of `list`, or `None` when the link
/// `raw` (as the parser read it: `parsed`) must not be followed: it is not on
/// the API's origin (or the provider's), not below the list's path, names
/// a user, or is empty (the same page again). Text the parser would read otherwise than it looks is refused
/// before: control characters and white space (a tab or line break inside
/// `//` is dropped), backslashes (read as `/`), and a scheme without `//`
/// (`https:evil` is relative or not depending on the page's own scheme).
pub fn next_page_url(
    raw: &str,
    parsed: Option<&ParsedLink>,
    list: &ListEndpoint,
) -> Option<String> {
    let ambiguous = raw
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || c == '\\');
    let scheme_end = raw.find(['/', '?', '#']).unwrap_or(raw.len());
    let bare_scheme = raw[..scheme_end].contains(':') && !raw[scheme_end..].starts_with("//");
    if raw.is_empty() || ambiguous || bare_scheme {
        return None;
    }
    let link = parsed?;
    let known_origin = link.origin == list.origin || link.origin == PROVIDER_ORIGIN;
    (known_origin && !link.has_credentials && link.pathname.starts_with(list.path))
        .then(|| format!("{}{}{}", list.base_url, link.pathname, link.search))
}

/// Reads `raw` with the browser's URL parser, relative to `list`'s address.
pub fn parse_link(raw: &str, list: &ListEndpoint) -> Option<ParsedLink> {
    let url = web_sys::Url::new_with_base(raw, &list.absolute()).ok()?;
    Some(ParsedLink {
        origin: url.origin(),
        has_credentials: !url.username().is_empty() || !url.password().is_empty(),
        pathname: url.pathname(),
        search: url.search(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SNAPSHOTS: &str = "/api/v1/snapshots/";

    /// What the browser's parser makes of `raw`: the `url` crate implements
    /// the same WHATWG URL standard.
    fn parse(raw: &str, list: &ListEndpoint) -> Option<ParsedLink> {
        let url = url::Url::parse(&list.absolute()).ok()?.join(raw).ok()?;
        Some(ParsedLink {
            origin: url.origin().ascii_serialization(),
            has_credentials: !url.username().is_empty() || url.password().is_some(),
            pathname: url.path().to_string(),
            search: url.query().map(|q| format!("?{q}")).unwrap_or_default(),
        })
    }

    fn follow(list: &ListEndpoint, raw: &str) -> Option<String> {
        next_page_url(raw, parse(raw, list).as_ref(), list)
    }

    /// The console on the demo's or a portal's origin, calling the API there.
    const SAME_ORIGIN: ListEndpoint = ListEndpoint {
        base_url: "",
        origin: "http://127.0.0.1:8080",
        path: SNAPSHOTS,
    };

    /// The console configured to call the provider itself.
    const PROVIDER: ListEndpoint = ListEndpoint {
        base_url: "https://admin.vps.org",
        origin: "https://admin.vps.org",
        path: SNAPSHOTS,
    };

    #[test]
    fn follows_the_lists_own_next_page_on_the_configured_origin() {
        assert_eq!(
            follow(&PROVIDER, "https://admin.vps.org/api/v1/snapshots/?page=2").as_deref(),
            Some("https://admin.vps.org/api/v1/snapshots/?page=2")
        );
        assert_eq!(
            follow(
                &SAME_ORIGIN,
                "http://127.0.0.1:8080/api/v1/snapshots/?server_id=1&page=3"
            )
            .as_deref(),
            Some("/api/v1/snapshots/?server_id=1&page=3")
        );
        for relative in ["/api/v1/snapshots/?page=2", "?page=2"] {
            assert_eq!(
                follow(&PROVIDER, relative).as_deref(),
                Some("https://admin.vps.org/api/v1/snapshots/?page=2"),
                "{relative}"
            );
        }
        // The parser's spelling of the same origin.
        assert_eq!(
            follow(
                &PROVIDER,
                "HTTPS://Admin.VPS.org:443/api/v1/snapshots/?page=2"
            )
            .as_deref(),
            Some("https://admin.vps.org/api/v1/snapshots/?page=2")
        );
    }

    #[test]
    fn behind_a_proxy_the_providers_link_is_followed_on_this_origin() {
        assert_eq!(
            follow(
                &SAME_ORIGIN,
                "https://admin.vps.org/api/v1/snapshots/?server_id=1&page=3"
            )
            .as_deref(),
            Some("/api/v1/snapshots/?server_id=1&page=3")
        );
        let servers = ListEndpoint {
            path: "/api/v1/servers/",
            ..SAME_ORIGIN
        };
        assert_eq!(
            follow(&servers, "https://admin.vps.org/api/v1/servers/?page=2").as_deref(),
            Some("/api/v1/servers/?page=2")
        );
    }

    #[test]
    fn a_link_the_browser_would_read_as_another_origin_is_refused() {
        for list in [SAME_ORIGIN, PROVIDER] {
            for raw in [
                "/\\evil.example/api/v1/snapshots/",
                "\\\\evil.example/api/v1/snapshots/",
                "/\t/evil.example/api/v1/snapshots/",
                "/\n/evil.example/api/v1/snapshots/",
                "\t//evil.example/api/v1/snapshots/",
                "//evil.example/api/v1/snapshots/",
                "https:evil.example/api/v1/snapshots/",
                "https:/evil.example/api/v1/snapshots/",
                "http:evil.example/api/v1/snapshots/",
                "https://evil.example/api/v1/snapshots/?page=2",
                "https://admin.vps.org.evil.example/api/v1/snapshots/",
                "https://admin.vps.org@evil.example/api/v1/snapshots/",
                "http://admin.vps.org/api/v1/snapshots/?page=2",
                "http://127.0.0.1:8081/api/v1/snapshots/?page=2",
                "javascript:alert(1)",
                "data:text/plain,x",
            ] {
                assert_eq!(follow(&list, raw), None, "{raw:?} from {}", list.origin);
            }
        }
    }

    #[test]
    fn a_link_with_a_user_or_outside_the_list_is_refused() {
        for raw in [
            "https://user:secret@admin.vps.org/api/v1/snapshots/?page=2",
            "https://user@admin.vps.org/api/v1/snapshots/?page=2",
            "https://admin.vps.org/api/v1/servers/?page=2",
            "https://admin.vps.org/api/v1/snapshots",
            "https://admin.vps.org/api/v1/snapshotsx/",
            "/api/v1/snapshots/../../../admin/",
            "/api/v1/snapshots/%2e%2e/%2e%2e/x",
            "/steal",
            "",
        ] {
            assert_eq!(follow(&PROVIDER, raw), None, "{raw:?}");
        }
        assert_eq!(
            next_page_url("/api/v1/snapshots/", None, &PROVIDER),
            None,
            "unparsable"
        );
    }
}
