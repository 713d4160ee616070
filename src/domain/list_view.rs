//! What the list shows of the account's sections (`grouping`): one server
//! or all, what a search finds (by snapshot and by server), and the order
//! of the servers and of the snapshots in each.

use super::grouping::ServerGroup;
use super::model::{Server, ServerDetails, Snapshot};
use super::server_search::server_found;
use super::text::{cmp_natural, fold_case, folded_contains, natural_key};
use std::collections::HashMap;

/// A sort menu's choices, kept in the address by name.
pub trait SortChoice: Copy + Default + PartialEq + 'static {
    /// Every choice, in the order the menu lists them.
    const ALL: &'static [Self];

    /// The choice's name in the menu's `<option value>` and the address.
    fn as_str(self) -> &'static str;

    /// Reads a choice back from its name; anything unknown is the default.
    fn parse(text: &str) -> Self {
        Self::ALL
            .iter()
            .copied()
            .find(|k| k.as_str() == text)
            .unwrap_or_default()
    }
}

/// How the snapshots inside each server group are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// Newest first (the default).
    #[default]
    Date,
    /// By name, naturally (see [`cmp_natural`]).
    Name,
    /// Largest first; unknown sizes last.
    Size,
}

impl SortChoice for SortKey {
    const ALL: &'static [Self] = &[Self::Date, Self::Name, Self::Size];

    fn as_str(self) -> &'static str {
        match self {
            Self::Date => "date",
            Self::Name => "name",
            Self::Size => "size",
        }
    }
}

/// How the servers' sections are ordered. Ties go by name, then number.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ServerSort {
    /// By name, naturally (the default).
    #[default]
    Name,
    /// Rollback readiness, worst first: servers without a rollback point,
    /// then by their newest completed snapshot, oldest first (so the stale
    /// ones, then the fresh ones).
    Readiness,
    /// Most snapshots first.
    Count,
    /// Largest total size of snapshots first.
    Size,
    /// The newest snapshot (any status) first; servers without any last.
    Newest,
}

impl SortChoice for ServerSort {
    const ALL: &'static [Self] = &[
        Self::Name,
        Self::Readiness,
        Self::Count,
        Self::Size,
        Self::Newest,
    ];

    fn as_str(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Readiness => "readiness",
            Self::Count => "count",
            Self::Size => "size",
            Self::Newest => "newest",
        }
    }
}

/// What the user chose to see.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListView {
    pub server: Option<u64>,
    pub query: String,
    pub sort: SortKey,
    pub server_sort: ServerSort,
}

/// The sections `view` shows of `sections` (every server's, by name, newest
/// first: see [`super::grouping::account_sections`]), in its order. A
/// search shows the snapshots whose name or description it finds, and every
/// snapshot of a server it finds by name, number, hostname or IP (see
/// [`server_found`], with the Servers API's details of `servers`); other
/// servers are left out. A section shown whole, newest first, is the
/// account's own: nothing of it is copied.
pub fn shown_groups(
    sections: &[ServerGroup],
    servers: Option<&[Server]>,
    view: &ListView,
) -> Vec<ServerGroup> {
    let query = fold_case(view.query.trim());
    let searching = !query.is_empty();
    let details: HashMap<u64, &ServerDetails> = servers
        .filter(|_| searching)
        .unwrap_or_default()
        .iter()
        .map(|s| (s.id, &s.details))
        .collect();
    let mut scratch = String::new();
    let mut list = Vec::new();
    for g in sections
        .iter()
        .filter(|g| view.server.is_none_or(|id| g.server.id == id))
    {
        let mut group = g.clone();
        if searching && !server_found(&query, &g.server, details.get(&g.server.id).copied()) {
            group.snapshots = g
                .snapshots
                .iter()
                .filter(|s| matches_query(s, &query, &mut scratch))
                .cloned()
                .collect();
            if group.snapshots.is_empty() {
                continue;
            }
        }
        list.push(in_order(group, view.sort));
    }
    sort_sections(&mut list, view.server_sort);
    list
}

/// `group` (newest first) with its snapshots in `sort`'s order.
fn in_order(mut group: ServerGroup, sort: SortKey) -> ServerGroup {
    if sort != SortKey::Date {
        let mut snapshots = group.snapshots.to_vec();
        sort_snapshots(&mut snapshots, sort);
        group.snapshots = snapshots.into();
    }
    group
}

/// Orders the sections (by name, as they come) by `sort`, then by name,
/// then by number.
fn sort_sections(list: &mut [ServerGroup], sort: ServerSort) {
    // One key type for every sort (smaller first): one sort in the wasm.
    let rank = |g: &ServerGroup| -> i128 {
        match sort {
            ServerSort::Name => 0,
            // No rollback point at all first, then the oldest.
            ServerSort::Readiness => g.rollback.map_or(i128::MIN, i128::from),
            ServerSort::Count => -(g.total as i128),
            ServerSort::Size => -i128::from(g.size_mb),
            // Servers without any snapshot last.
            ServerSort::Newest => g.newest.map_or(i128::MAX, |at| -i128::from(at)),
        }
    };
    if sort != ServerSort::Name {
        order_sections(list, rank);
    }
}

/// Orders `list` by `rank` (smaller first), then by name (naturally, see
/// [`natural_key`]), then by number. Keys are worked out once per server,
/// not once per comparison: thousands of servers make that count. One key
/// type for every order: one sort in the wasm.
pub(super) fn order_sections(list: &mut [ServerGroup], rank: impl Fn(&ServerGroup) -> i128) {
    list.sort_by_cached_key(|g| (rank(g), natural_key(&g.server.name), g.server.id));
}

/// Whether the snapshot's name or description contains `query` (folded
/// with [`fold_case`]), whatever their case and accents (`scratch`: see
/// [`folded_contains`]).
fn matches_query(snapshot: &Snapshot, query: &str, scratch: &mut String) -> bool {
    folded_contains(&snapshot.name, query, scratch)
        || folded_contains(&snapshot.description, query, scratch)
}

/// Orders snapshots by `key`; ties fall back to the newest id first.
pub(super) fn sort_snapshots(snapshots: &mut [Snapshot], key: SortKey) {
    let newest_id_first = |a: &Snapshot, b: &Snapshot| b.id.cmp(&a.id);
    match key {
        SortKey::Date => {
            snapshots.sort_by(|a, b| b.created.cmp(&a.created).then(newest_id_first(a, b)))
        }
        SortKey::Name => {
            snapshots.sort_by(|a, b| cmp_natural(&a.name, &b.name).then(newest_id_first(a, b)))
        }
        SortKey::Size => {
            snapshots.sort_by(|a, b| b.size_mb.cmp(&a.size_mb).then(newest_id_first(a, b)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::grouping::group_snapshots;
    use crate::domain::grouping::tests::{api_server, ids, sample, snap};
    use crate::domain::model::{ServerRef, SnapshotStatus};
    #[test]
    fn filters_to_one_server() {
        let view = ListView {
            server: Some(20),
            ..ListView::default()
        };
        let groups = group_snapshots(&sample(), None, &view);
        assert_eq!(groups.len(), 1);
        assert_eq!(ids(&groups[0]), vec![1]);
    }

    #[test]
    fn search_matches_name_or_description_and_keeps_the_count() {
        let view = ListView {
            query: "  UPGRADE ".into(),
            ..ListView::default()
        };
        let groups = group_snapshots(&sample(), None, &view);
        assert_eq!(groups.len(), 1);
        assert_eq!(ids(&groups[0]), vec![2]);
        assert_eq!(groups[0].total, 2);
    }

    #[test]
    fn search_and_name_sort_ignore_case_in_any_language() {
        let list = vec![
            snap(
                1,
                10,
                "élan-b",
                "2025-01-01T00:00:00Z",
                None,
                "Antes de la MIGRACIÓN",
            ),
            snap(
                2,
                10,
                "Élan-a",
                "2025-01-02T00:00:00Z",
                None,
                "kaydka ka hor",
            ),
            snap(3, 10, "ÉXODO", "2025-01-03T00:00:00Z", None, "nightly"),
        ];
        let search = |query: &str| {
            let view = ListView {
                query: query.into(),
                ..ListView::default()
            };
            group_snapshots(&list, None, &view)
                .first()
                .map(ids)
                .unwrap_or_default()
        };
        assert_eq!(search("migración"), vec![1]);
        assert_eq!(search("KAYDKA KA HOR"), vec![2]);
        assert_eq!(search("ÉLAN"), vec![2, 1]);

        let mut sorted = list.clone();
        sort_snapshots(&mut sorted, SortKey::Name);
        assert_eq!(
            sorted.iter().map(|s| s.id).collect::<Vec<_>>(),
            vec![2, 1, 3]
        );
    }

    #[test]
    fn sorts_by_name_and_size() {
        let mut list = sample();
        sort_snapshots(&mut list, SortKey::Name);
        assert_eq!(list.iter().map(|s| s.id).collect::<Vec<_>>(), vec![1, 2, 3]);
        sort_snapshots(&mut list, SortKey::Size);
        assert_eq!(list.iter().map(|s| s.id).collect::<Vec<_>>(), vec![3, 1, 2]);
    }

    #[test]
    fn sort_keys_round_trip_through_the_menu() {
        for &key in SortKey::ALL {
            assert_eq!(SortKey::parse(key.as_str()), key);
        }
        assert_eq!(SortKey::parse("bogus"), SortKey::Date);
        for &key in ServerSort::ALL {
            assert_eq!(ServerSort::parse(key.as_str()), key);
        }
        assert_eq!(ServerSort::parse(""), ServerSort::Name);
    }

    /// The sections of `view` over `sample()` and three servers of the
    /// Servers API: (server id, snapshot ids shown).
    fn sections(servers: &[Server], view: &ListView) -> Vec<(u64, Vec<u64>)> {
        group_snapshots(&sample(), Some(servers), view)
            .iter()
            .map(|g| (g.server.id, ids(g)))
            .collect()
    }

    fn searched(query: &str) -> ListView {
        ListView {
            query: query.into(),
            ..ListView::default()
        }
    }

    #[test]
    fn search_finds_a_server_by_hostname_ip_name_or_number_with_all_its_snapshots() {
        let servers = [
            api_server(10, "Web-Main", "web.Example.com", "203.0.113.10"),
            api_server(20, "db-main", "db.example.com", "198.51.100.7"),
            api_server(30, "weekly-spare", "spare.example.org", "192.0.2.1"),
        ];
        // Server 10 by its hostname (case ignored): its whole section, even
        // the snapshot whose name and description do not match.
        assert_eq!(
            sections(&servers, &searched("WEB.EXAMPLE")),
            vec![(10, vec![2, 3])]
        );
        assert_eq!(
            sections(&servers, &searched("198.51.100")),
            vec![(20, vec![1])]
        );
        assert_eq!(sections(&servers, &searched("#30")), vec![(30, vec![])]);
        assert_eq!(
            sections(&servers, &searched("web-main")),
            vec![(10, vec![2, 3])]
        );
        // A snapshot match in one server beside a server match in another.
        assert_eq!(
            sections(&servers, &searched("weekly")),
            vec![(20, vec![1]), (30, vec![])]
        );
        assert_eq!(
            sections(&servers, &searched("main")),
            vec![(20, vec![1]), (10, vec![2, 3])]
        );
        // A server known from its snapshots only is found by name and number.
        assert_eq!(
            group_snapshots(&sample(), None, &searched("srv-2"))
                .iter()
                .map(|g| g.server.id)
                .collect::<Vec<_>>(),
            vec![20]
        );
        // The server filter still applies.
        let view = ListView {
            server: Some(20),
            ..searched("main")
        };
        assert_eq!(sections(&servers, &view), vec![(20, vec![1])]);
    }

    #[test]
    fn servers_sort_by_readiness_count_size_and_newest() {
        let mut list = sample();
        // Server 10: newest completed on Jan 3; 20: on Jan 1; 30: one
        // failed snapshot only; 40: no snapshot at all; 50: the newest
        // completed, undated (unknown age).
        list.push(snap(4, 30, "x", "2025-01-09T00:00:00Z", Some(500), ""));
        list[3].status = SnapshotStatus::Other("failed".into());
        list.push(snap(5, 50, "y", "yesterday", Some(1), ""));
        let servers: Vec<Server> = [(10, "b"), (20, "a"), (30, "c"), (40, "d"), (50, "e")]
            .iter()
            .map(|(id, name)| api_server(*id, name, "", ""))
            .collect();
        let order = |server_sort| {
            let view = ListView {
                server_sort,
                ..ListView::default()
            };
            group_snapshots(&list, Some(&servers), &view)
                .iter()
                .map(|g| g.server.id)
                .collect::<Vec<_>>()
        };
        assert_eq!(order(ServerSort::Name), vec![20, 10, 30, 40, 50]);
        // None (30, 40, by name), then undated (50), then oldest first.
        assert_eq!(order(ServerSort::Readiness), vec![30, 40, 50, 20, 10]);
        assert_eq!(order(ServerSort::Count), vec![10, 20, 30, 50, 40]);
        // 30: 500 MB; 10: 99 MB (and an unknown size); 20: 10 MB.
        assert_eq!(order(ServerSort::Size), vec![30, 10, 20, 50, 40]);
        // Undated snapshots and servers without any come last.
        assert_eq!(order(ServerSort::Newest), vec![30, 10, 20, 40, 50]);
    }

    #[test]
    fn finds_a_server_by_name_ignoring_case_or_by_number() {
        let group = ServerGroup::empty(
            ServerRef {
                id: 12346,
                name: "DB-Server-01".into(),
            },
            None,
        );
        // As the pickers hand the query over: trimmed and folded.
        let finds = |query: &str| {
            crate::domain::server_search::server_found(
                &fold_case(query.trim()),
                &group.server,
                None,
            )
        };
        for query in [
            "",
            "  ",
            "db-server",
            "SERVER-01",
            " server ",
            "1234",
            "#12346",
            "#",
        ] {
            assert!(finds(query), "{query:?} finds it");
        }
        for query in ["web", "12347", "#99", "db server"] {
            assert!(!finds(query), "{query:?} does not");
        }
    }
}
