//! Arranging snapshots into one group per server, filtered, searched and sorted.

use super::model::{Server, ServerRef, ServerStatus, Snapshot};
use super::order::{cmp_ignoring_case, contains_ignoring_case, sort_by};
use super::time::parse_rfc3339;

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

    /// The value used in the URL and the `<select>`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Date => "date",
            Self::Name => "name",
            Self::Size => "size",
        }
    }

    /// Reads a key back from the URL; anything unknown is the default.
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
    // Every server once, by id, the Servers API's entry (with its status)
    // winning: it comes first and the sort keeps equal ids in order.
    let listed = servers.unwrap_or_default().iter().map(|server| {
        (
            ServerRef {
                id: server.id,
                name: server.name.clone(),
            },
            Some(server.status.clone()),
        )
    });
    let seen = snapshots.iter().map(|s| (s.server.clone(), None));
    let mut groups: Vec<ServerGroup> = listed
        .chain(seen)
        .map(|(server, status)| ServerGroup {
            server,
            status,
            snapshots: Vec::new(),
            total: 0,
        })
        .collect();
    sort_by(&mut groups, |a, b| a.server.id.cmp(&b.server.id));
    groups.dedup_by_key(|g| g.server.id);

    let query = view.query.trim();
    for snapshot in snapshots {
        let found = groups.binary_search_by_key(&snapshot.server.id, |g| g.server.id);
        if let Ok(group) = found.map(|index| &mut groups[index]) {
            group.total += 1;
            if query.is_empty() || matches_query(snapshot, query) {
                group.snapshots.push(snapshot.clone());
            }
        }
    }

    let mut list: Vec<ServerGroup> = groups
        .into_iter()
        .filter(|g| view.server.is_none_or(|id| g.server.id == id))
        .filter(|g| query.is_empty() || !g.snapshots.is_empty())
        .collect();
    for group in &mut list {
        sort_snapshots(&mut group.snapshots, view.sort);
    }
    sort_by(&mut list, |a, b| {
        cmp_ignoring_case(&a.server.name, &b.server.name).then(a.server.id.cmp(&b.server.id))
    });
    list
}

fn matches_query(snapshot: &Snapshot, query: &str) -> bool {
    contains_ignoring_case(&snapshot.name, query)
        || contains_ignoring_case(&snapshot.description, query)
}

/// Orders snapshots by `key`; ties fall back to the newest id first.
fn sort_snapshots(snapshots: &mut Vec<Snapshot>, key: SortKey) {
    sort_by(snapshots, |a, b| {
        let primary = match key {
            SortKey::Date => parse_rfc3339(&b.created_at).cmp(&parse_rfc3339(&a.created_at)),
            SortKey::Name => cmp_ignoring_case(&a.name, &b.name),
            SortKey::Size => b.size_mb.cmp(&a.size_mb),
        };
        primary.then(b.id.cmp(&a.id))
    });
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
            },
            Server {
                id: 10,
                name: "srv-10".into(),
                status: ServerStatus::Active,
            },
        ];
        let groups = group_snapshots(&sample(), Some(&servers), &ListView::default());
        let names: Vec<&str> = groups.iter().map(|g| g.server.name.as_str()).collect();
        assert_eq!(names, vec!["empty", "srv-10", "srv-20"]);
        assert_eq!(groups[0].total, 0);
        assert_eq!(groups[0].status, Some(ServerStatus::from_api("stopped")));
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
    fn sorts_by_name_and_size() {
        let mut list = sample();
        sort_snapshots(&mut list, SortKey::Name);
        assert_eq!(list.iter().map(|s| s.id).collect::<Vec<_>>(), vec![1, 2, 3]);
        sort_snapshots(&mut list, SortKey::Size);
        assert_eq!(list.iter().map(|s| s.id).collect::<Vec<_>>(), vec![3, 1, 2]);
    }

    #[test]
    fn sort_keys_round_trip_through_the_url() {
        for key in SortKey::ALL {
            assert_eq!(SortKey::parse(key.as_str()), key);
        }
        assert_eq!(SortKey::parse("bogus"), SortKey::Date);
    }
}
