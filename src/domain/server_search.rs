//! Finding a server by what an operator knows of it: its name, its number
//! (with or without "#"), its hostname or its IP address. One rule for the
//! list's search, the server pickers and the several-servers dialog.

use super::model::{ServerDetails, ServerRef};
use super::text::fold_case;

/// Whether `query`, already trimmed and folded with [`fold_case`] (searches
/// fold it once for all servers), finds `server`; `details` when the
/// Servers API told them. An empty query, or "#" alone (a number being
/// typed), finds every server.
pub fn server_found(query: &str, server: &ServerRef, details: Option<&ServerDetails>) -> bool {
    if query.is_empty() {
        return true;
    }
    let number = query.strip_prefix('#').unwrap_or(query);
    fold_case(&server.name).contains(query)
        || server.id.to_string().contains(number)
        || details.is_some_and(|details| {
            fold_case(&details.hostname).contains(query) || details.ip_address.contains(query)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn web01() -> (ServerRef, ServerDetails) {
        (
            ServerRef {
                id: 12345,
                name: "Web-Server-01".into(),
            },
            ServerDetails {
                hostname: "web01.Example.com".into(),
                ip_address: "203.0.113.10".into(),
                ..ServerDetails::default()
            },
        )
    }

    fn finds(query: &str) -> bool {
        let (server, details) = web01();
        server_found(&fold_case(query.trim()), &server, Some(&details))
    }

    #[test]
    fn finds_a_server_by_name_whatever_the_case() {
        assert!(finds("web-server"));
        assert!(finds("SERVER-01"));
        assert!(!finds("db-"));
    }

    #[test]
    fn finds_a_server_by_number_with_or_without_hash() {
        assert!(finds("12345"));
        assert!(finds("#123"));
        assert!(!finds("#999"));
    }

    #[test]
    fn finds_a_server_by_hostname_or_ip() {
        assert!(finds("example.com"));
        assert!(finds("WEB01.EXAMPLE"));
        assert!(finds("203.0.113.10"));
        assert!(finds("113.1"));
        assert!(!finds("198.51.100"));
    }

    #[test]
    fn without_details_only_name_and_number_count() {
        let (server, _) = web01();
        assert!(server_found("web", &server, None));
        assert!(!server_found("example.com", &server, None));
        assert!(server_found("", &server, None));
    }
}
