//! Arranging the account's snapshots into one section per server, every
//! server by name with all its snapshots newest first: what the list and
//! every server picker start from. What a view shows of it (one server, a
//! search, another order) is `list_view`'s.

use super::list_view::{order_sections, shown_groups, sort_snapshots, ListView, SortKey};
use super::model::{Server, ServerRef, ServerStatus, Snapshot};
use super::readiness::rollback_at;
use super::validation;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

/// One server's section of the list.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ServerGroup {
    pub server: ServerRef,
    /// The server's state when the Servers API told it.
    pub status: Option<ServerStatus>,
    /// The snapshots shown (after search), in the chosen order. Shared: a
    /// view that shows a section whole holds the account's own list of it,
    /// not a copy.
    pub snapshots: Arc<[Snapshot]>,
    /// All the server's snapshots, search or not: what counts against the limit.
    pub total: usize,
    /// The total size of all its snapshots (unknown sizes as 0).
    pub size_mb: u64,
    /// When its newest snapshot (any status) was taken.
    pub newest: Option<i64>,
    /// Its newest rollback point, by readiness's rule (see [`rollback_at`]).
    pub rollback: Option<i64>,
}

impl ServerGroup {
    /// A server's section before its snapshots are counted.
    pub(super) fn empty(server: ServerRef, status: Option<ServerStatus>) -> Self {
        Self {
            server,
            status,
            snapshots: Arc::new([]),
            total: 0,
            size_mb: 0,
            newest: None,
            rollback: None,
        }
    }

    /// Whether the server is full (by all its snapshots, whatever the search
    /// shows): it takes no new snapshot until one is deleted.
    pub fn is_full(&self) -> bool {
        validation::is_full(self.total)
    }
}

/// Every known server (from the Servers API when available, else from the
/// snapshots) with all its snapshots, in the order `view` asks for, as
/// [`shown_groups`] shows them.
pub fn group_snapshots(
    snapshots: &[Snapshot],
    servers: Option<&[Server]>,
    view: &ListView,
) -> Vec<ServerGroup> {
    shown_groups(&account_sections(snapshots, servers), servers, view)
}

/// Every known server's section (from the Servers API when available, else
/// from the snapshots), by name (naturally, then by number), each with all
/// its snapshots newest first. Worked out once for the list, its filter and
/// the create dialogs, whatever they show of it.
pub fn account_sections(snapshots: &[Snapshot], servers: Option<&[Server]>) -> Vec<ServerGroup> {
    // Every server once, by id, with its snapshots gathered beside it. The
    // Servers API's entry (with its status) is inserted first, so it wins
    // over the name a snapshot carries.
    let mut sections: HashMap<u64, (ServerGroup, Vec<Snapshot>), BuildHasherDefault<IdHasher>> =
        HashMap::default();
    for server in servers.unwrap_or_default() {
        sections.entry(server.id).or_insert_with(|| {
            let server_ref = ServerRef {
                id: server.id,
                name: server.name.as_str().into(),
            };
            (
                ServerGroup::empty(server_ref, Some(server.status.clone())),
                Vec::new(),
            )
        });
    }
    for snapshot in snapshots {
        let (group, own) = sections.entry(snapshot.server.id).or_insert_with(|| {
            (
                ServerGroup::empty(snapshot.server.clone(), None),
                Vec::new(),
            )
        });
        group.total += 1;
        group.size_mb = group.size_mb.saturating_add(snapshot.size_mb.unwrap_or(0));
        group.newest = group.newest.max(snapshot.created);
        group.rollback = group.rollback.max(rollback_at(snapshot));
        own.push(snapshot.clone());
    }
    let mut list: Vec<ServerGroup> = sections
        .into_values()
        .map(|(mut group, mut own)| {
            sort_snapshots(&mut own, SortKey::Date);
            group.snapshots = own.into();
            group
        })
        .collect();
    order_sections(&mut list, |_| 0);
    list
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::list_view::ListView;
    use crate::domain::model::{ServerStatus, SnapshotStatus};
    pub(crate) fn snap(
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

    pub(crate) fn sample() -> Vec<Snapshot> {
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

    pub(crate) fn ids(group: &ServerGroup) -> Vec<u64> {
        group.snapshots.iter().map(|s| s.id).collect()
    }

    pub(crate) fn api_server(id: u64, name: &str, hostname: &str, ip: &str) -> Server {
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

    #[test]
    fn account_sections_hold_every_snapshot_newest_first_with_the_sorts_figures() {
        let servers = vec![api_server(30, "empty", "", "")];
        let sections = account_sections(&sample(), Some(&servers));
        let figures = sections
            .iter()
            .map(|g| (g.server.id, ids(g), g.total, g.size_mb, g.newest))
            .collect::<Vec<_>>();
        let day = |d: &str| crate::domain::time::parse_rfc3339(&format!("2025-01-0{d}T00:00:00Z"));
        assert_eq!(
            figures,
            vec![
                (30, vec![], 0, 0, None),
                (10, vec![2, 3], 2, 99, day("3")),
                (20, vec![1], 1, 10, day("1")),
            ]
        );
        assert_eq!(sections[1].rollback, day("3"));
        assert_eq!(sections[0].rollback, None);
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
}
