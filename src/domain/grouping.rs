//! Arranging snapshots into one section per server: filtered, searched (by
//! snapshot and by server) and sorted (the servers, and the snapshots in
//! each).

use super::model::{Server, ServerRef, ServerStatus, Snapshot};
use super::readiness::newest_completed;
use super::server_search::server_found;
use super::text::{cmp_natural, fold_case, folded_contains, natural_key};
use super::validation;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

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

/// One server's section of the list.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ServerGroup {
    pub server: ServerRef,
    /// The server's state when the Servers API told it.
    pub status: Option<ServerStatus>,
    /// The snapshots shown (after search), in the chosen order.
    pub snapshots: Vec<Snapshot>,
    /// All the server's snapshots, search or not: what counts against the limit.
    pub total: usize,
}

impl ServerGroup {
    /// A server's section before its snapshots are counted.
    fn empty(server: ServerRef, status: Option<ServerStatus>) -> Self {
        Self {
            server,
            status,
            snapshots: Vec::new(),
            total: 0,
        }
    }

    /// Whether the server is full (by all its snapshots, whatever the search
    /// shows): it takes no new snapshot until one is deleted.
    pub fn is_full(&self) -> bool {
        validation::is_full(self.total)
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

/// A section being gathered, with what the server sorts need of all its
/// snapshots (the search may show fewer).
struct Gathered {
    group: ServerGroup,
    /// The search found the server itself: all its snapshots are shown.
    found: bool,
    size_mb: u64,
    newest: Option<i64>,
}

impl Gathered {
    fn new(server: ServerRef, status: Option<ServerStatus>, found: bool) -> Self {
        Self {
            group: ServerGroup::empty(server, status),
            found,
            size_mb: 0,
            newest: None,
        }
    }
}

/// Every known server (from the Servers API when available, else from the
/// snapshots) with its snapshots, in the order `view` asks for. A search
/// shows the snapshots whose name or description it finds, and every
/// snapshot of a server it finds by name, number, hostname or IP (see
/// [`server_found`]); other servers are left out.
pub fn group_snapshots(
    snapshots: &[Snapshot],
    servers: Option<&[Server]>,
    view: &ListView,
) -> Vec<ServerGroup> {
    gather(snapshots, servers, view, true)
}

/// Every known server's section in the default order (by name), with its
/// `total` but no `snapshots`: what the toolbar's server picker shows,
/// without a copy of every snapshot.
pub fn server_totals(snapshots: &[Snapshot], servers: Option<&[Server]>) -> Vec<ServerGroup> {
    gather(snapshots, servers, &ListView::default(), false)
}

/// [`group_snapshots`], each section's snapshots kept only if `keep`.
fn gather(
    snapshots: &[Snapshot],
    servers: Option<&[Server]>,
    view: &ListView,
    keep: bool,
) -> Vec<ServerGroup> {
    let query = fold_case(view.query.trim());
    let searching = !query.is_empty();
    // Every server once, by id. The Servers API's entry (with its status) is
    // inserted first, so it wins over the name a snapshot carries. Whether
    // the search finds a server is worked out here, once per server, where
    // its details are at hand, instead of copying them into its section.
    let mut sections: HashMap<u64, Gathered, BuildHasherDefault<IdHasher>> = HashMap::default();
    for server in servers.unwrap_or_default() {
        sections.entry(server.id).or_insert_with(|| {
            let server_ref = ServerRef {
                id: server.id,
                name: server.name.as_str().into(),
            };
            let found = searching && server_found(&query, &server_ref, Some(&server.details));
            Gathered::new(server_ref, Some(server.status.clone()), found)
        });
    }

    let mut scratch = String::new();
    for snapshot in snapshots {
        let section = sections.entry(snapshot.server.id).or_insert_with(|| {
            let found = searching && server_found(&query, &snapshot.server, None);
            Gathered::new(snapshot.server.clone(), None, found)
        });
        section.group.total += 1;
        section.size_mb = section
            .size_mb
            .saturating_add(snapshot.size_mb.unwrap_or(0));
        section.newest = section.newest.max(snapshot.created);
        if keep && (!searching || section.found || matches_query(snapshot, &query, &mut scratch)) {
            section.group.snapshots.push(snapshot.clone());
        }
    }

    let mut list: Vec<Gathered> = sections
        .into_values()
        .filter(|s| view.server.is_none_or(|id| s.group.server.id == id))
        .filter(|s| !searching || s.found || !s.group.snapshots.is_empty())
        .collect();
    for section in &mut list {
        sort_snapshots(&mut section.group.snapshots, view.sort);
    }
    sort_sections(&mut list, view.server_sort, snapshots);
    list.into_iter().map(|s| s.group).collect()
}

/// Hashes the server ids of the sections' map with one multiplication:
/// SipHash, the default, was a fifth of a regrouping of 50,000 snapshots
/// (one lookup each). The ids come from the provider's API, not from
/// someone who could choose them to collide.
#[derive(Default)]
struct IdHasher(u64);

impl IdHasher {
    /// Fibonacci hashing's constant (2^64 / φ): spreads nearby ids apart.
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
}

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.write_u64(u64::from(byte));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(Self::K);
    }
}

/// Orders the sections by `sort`, then by name, then by number. Keys are
/// worked out once per server, not once per comparison: thousands of
/// servers make that count.
fn sort_sections(list: &mut [Gathered], sort: ServerSort, snapshots: &[Snapshot]) {
    // Readiness's own rule for a server's newest rollback point.
    let newest_completed = match sort {
        ServerSort::Readiness => newest_completed(snapshots),
        _ => HashMap::new(),
    };
    // One key type for every sort (smaller first): one sort in the wasm.
    let rank = |s: &Gathered| -> i128 {
        match sort {
            ServerSort::Name => 0,
            // No rollback point at all first, then the oldest.
            ServerSort::Readiness => newest_completed
                .get(&s.group.server.id)
                .map_or(i128::MIN, |&at| i128::from(at)),
            ServerSort::Count => -(s.group.total as i128),
            ServerSort::Size => -i128::from(s.size_mb),
            // Servers without any snapshot last.
            ServerSort::Newest => s.newest.map_or(i128::MAX, |at| -i128::from(at)),
        }
    };
    list.sort_by_cached_key(|s| {
        (
            rank(s),
            natural_key(&s.group.server.name),
            s.group.server.id,
        )
    });
}

/// Whether the snapshot's name or description contains `query` (folded
/// with [`fold_case`]), whatever their case and accents (`scratch`: see
/// [`folded_contains`]).
fn matches_query(snapshot: &Snapshot, query: &str, scratch: &mut String) -> bool {
    folded_contains(&snapshot.name, query, scratch)
        || folded_contains(&snapshot.description, query, scratch)
}

/// Orders snapshots by `key`; ties fall back to the newest id first.
fn sort_snapshots(snapshots: &mut [Snapshot], key: SortKey) {
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
    use crate::domain::model::SnapshotStatus;

    fn snap(
        id: u64,
        server: u64,
        name: &str,
        created: &str,
        size: Option<u64>,
        description: &str,
    ) -> Snapshot {
        Snapshot {
            id,
            server: ServerRef {
                id: server,
                name: format!("srv-{server}").into(),
            },
            name: name.into(),
            status: SnapshotStatus::Completed,
            size_mb: size,
            created_at: created.into(),
            created: crate::domain::time::parse_rfc3339(created),
            description: description.into(),
        }
    }

    fn sample() -> Vec<Snapshot> {
        vec![
            snap(1, 20, "alpha", "2025-01-01T00:00:00Z", Some(10), "weekly"),
            snap(
                2,
                10,
                "bravo",
                "2025-01-03T00:00:00Z",
                None,
                "before upgrade",
            ),
            snap(3, 10, "charlie", "2025-01-02T00:00:00Z", Some(99), ""),
        ]
    }

    fn ids(group: &ServerGroup) -> Vec<u64> {
        group.snapshots.iter().map(|s| s.id).collect()
    }

    #[test]
    fn server_totals_are_the_sections_without_their_snapshots() {
        let servers = vec![Server {
            id: 30,
            name: "empty".into(),
            status: ServerStatus::Active,
            details: Default::default(),
        }];
        let grouped = group_snapshots(&sample(), Some(&servers), &ListView::default());
        let totals = server_totals(&sample(), Some(&servers));
        let strip = |g: &ServerGroup| (g.server.clone(), g.status.clone(), g.total);
        assert_eq!(
            totals.iter().map(strip).collect::<Vec<_>>(),
            grouped.iter().map(strip).collect::<Vec<_>>()
        );
        assert!(totals.iter().all(|g| g.snapshots.is_empty()));
        assert_eq!(totals.iter().map(|g| g.total).sum::<usize>(), 3);
    }

    #[test]
    fn groups_by_server_newest_first() {
        let groups = group_snapshots(&sample(), None, &ListView::default());
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].server.id, 10);
        assert_eq!(ids(&groups[0]), vec![2, 3]);
        assert_eq!(groups[0].total, 2);
        assert_eq!(groups[1].status, None);
    }

    #[test]
    fn servers_without_snapshots_come_from_the_servers_api() {
        let servers = vec![
            Server {
                id: 30,
                name: "empty".into(),
                status: ServerStatus::from_api("stopped"),
                details: Default::default(),
            },
            Server {
                id: 10,
                name: "srv-10".into(),
                status: ServerStatus::Active,
                details: Default::default(),
            },
        ];
        let groups = group_snapshots(&sample(), Some(&servers), &ListView::default());
        let names: Vec<&str> = groups.iter().map(|g| &*g.server.name).collect();
        assert_eq!(names, vec!["empty", "srv-10", "srv-20"]);
        assert_eq!(groups[0].total, 0);
        assert_eq!(groups[0].status, Some(ServerStatus::from_api("stopped")));
    }

    #[test]
    fn the_servers_api_entry_wins_over_the_server_a_snapshot_names() {
        let servers = vec![Server {
            id: 10,
            name: "db-renamed".into(),
            status: ServerStatus::Active,
            details: Default::default(),
        }];
        let groups = group_snapshots(&sample(), Some(&servers), &ListView::default());
        let sections: Vec<(u64, &str, Option<ServerStatus>, usize)> = groups
            .iter()
            .map(|g| (g.server.id, &*g.server.name, g.status.clone(), g.total))
            .collect();
        assert_eq!(
            sections,
            vec![
                (10, "db-renamed", Some(ServerStatus::Active), 2),
                (20, "srv-20", None, 1)
            ]
        );
    }

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

    fn api_server(id: u64, name: &str, hostname: &str, ip: &str) -> Server {
        Server {
            id,
            name: name.into(),
            status: ServerStatus::Active,
            details: crate::domain::model::ServerDetails {
                hostname: hostname.into(),
                ip_address: ip.into(),
                ..Default::default()
            },
        }
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
    fn servers_sort_naturally_ignoring_case_and_accents() {
        let servers: Vec<Server> = ["srv-10000", "srv-10", "Srv-2", "srv-1000", "Ámbar", "zeta"]
            .iter()
            .enumerate()
            .map(|(i, name)| api_server(100 + i as u64, name, "", ""))
            .collect();
        let names: Vec<String> = group_snapshots(&[], Some(&servers), &ListView::default())
            .into_iter()
            .map(|g| g.server.name.to_string())
            .collect();
        assert_eq!(
            names,
            ["Ámbar", "Srv-2", "srv-10", "srv-1000", "srv-10000", "zeta"]
        );
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
