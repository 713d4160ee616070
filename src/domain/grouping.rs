//! Arranging snapshots into one group per server, filtered, searched and sorted.

use super::model::{Server, ServerRef, ServerStatus, Snapshot};
use super::text::{cmp_ignoring_case, fold_case};
use super::validation;
use std::collections::HashMap;

/// How the snapshots inside each server group are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// Newest first (the default).
    #[default]
    Date,
    /// Alphabetically by name.
    Name,
    /// Largest first; unknown sizes last.
    Size,
}

impl SortKey {
    /// Every key, in the order the sort menu lists them.
    pub const ALL: [SortKey; 3] = [SortKey::Date, SortKey::Name, SortKey::Size];

    /// The value of its option in the sort menu (`<select>`). The sort is not
    /// kept in the URL: a reload shows the default order.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Date => "date",
            Self::Name => "name",
            Self::Size => "size",
        }
    }

    /// Reads a key back from the menu's value; anything unknown is the default.
    pub fn parse(text: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == text)
            .unwrap_or_default()
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
}

/// Every known server (from the Servers API when available, else from the
/// snapshots) with its snapshots, ordered by server name.
pub fn group_snapshots(
    snapshots: &[Snapshot],
    servers: Option<&[Server]>,
    view: &ListView,
) -> Vec<ServerGroup> {
    // Every server once, by id. The Servers API's entry (with its status) is
    // inserted first, so it wins over the name a snapshot carries.
    let mut groups: HashMap<u64, ServerGroup> = HashMap::new();
    for server in servers.unwrap_or_default() {
        groups.entry(server.id).or_insert_with(|| {
            let server_ref = ServerRef {
                id: server.id,
                name: server.name.clone(),
            };
            ServerGroup::empty(server_ref, Some(server.status.clone()))
        });
    }

    let query = fold_case(view.query.trim());
    for snapshot in snapshots {
        let group = groups
            .entry(snapshot.server.id)
            .or_insert_with(|| ServerGroup::empty(snapshot.server.clone(), None));
        group.total += 1;
        if query.is_empty() || matches_query(snapshot, &query) {
            group.snapshots.push(snapshot.clone());
        }
    }

    let mut list: Vec<ServerGroup> = groups
        .into_values()
        .filter(|g| view.server.is_none_or(|id| g.server.id == id))
        .filter(|g| query.is_empty() || !g.snapshots.is_empty())
        .collect();
    for group in &mut list {
        sort_snapshots(&mut group.snapshots, view.sort);
    }
    // Keys worked out once per server, not once per comparison: thousands of
    // servers make that count.
    list.sort_by_cached_key(|g| (fold_case(&g.server.name), g.server.id));
    list
}

/// Whether the snapshot's name or description contains `query` (case
/// folded with [`fold_case`]), whatever their case.
fn matches_query(snapshot: &Snapshot, query: &str) -> bool {
    fold_case(&snapshot.name).contains(query) || fold_case(&snapshot.description).contains(query)
}

/// Orders snapshots by `key`; ties fall back to the newest id first.
fn sort_snapshots(snapshots: &mut [Snapshot], key: SortKey) {
    let newest_id_first = |a: &Snapshot, b: &Snapshot| b.id.cmp(&a.id);
    match key {
        SortKey::Date => {
            snapshots.sort_by(|a, b| b.created.cmp(&a.created).then(newest_id_first(a, b)))
        }
        SortKey::Name => snapshots
            .sort_by(|a, b| cmp_ignoring_case(&a.name, &b.name).then(newest_id_first(a, b))),
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
                name: format!("srv-{server}"),
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
        let names: Vec<&str> = groups.iter().map(|g| g.server.name.as_str()).collect();
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
            .map(|g| {
                (
                    g.server.id,
                    g.server.name.as_str(),
                    g.status.clone(),
                    g.total,
                )
            })
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
        for key in SortKey::ALL {
            assert_eq!(SortKey::parse(key.as_str()), key);
        }
        assert_eq!(SortKey::parse("bogus"), SortKey::Date);
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
