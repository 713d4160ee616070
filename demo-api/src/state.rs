//! The in-memory store: servers, snapshots, the seed data and the timed
//! transitions (a new snapshot completes, a restore finishes).
//!
//! Transitions are applied lazily: every access goes through [`Store::tick`],
//! which compares the stored start `Instant` with the *current* delay. So a
//! delay changed live (by `/__test/config`) also applies to work in flight,
//! and no background task can race with a reset.

use std::collections::BTreeMap;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::Serialize;
use serde_json::{json, Value};

/// The most snapshots one server may hold (any status), as the provider documents.
pub const MAX_SNAPSHOTS_PER_SERVER: usize = 5;

/// Ids of snapshots created through the API start here (the seed uses lower ids).
pub const FIRST_NEW_SNAPSHOT_ID: i64 = 900;

/// Settings that tests may change live and that a reset restores from the CLI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// How long a new snapshot stays `in_progress`.
    pub snapshot_delay: Duration,
    /// How long a server stays `restoring`.
    pub restore_delay: Duration,
    /// Items per page of the list endpoints.
    pub page_size: usize,
    /// Added to every API answer, as a network between the browser and the
    /// provider would (0: answers as fast as this machine can).
    pub latency: Duration,
    /// Page links carry an opaque `cursor=` instead of `page=N` and lists
    /// have no `count`, as the provider's cursor pagination would write
    /// them: clients must follow `next` one page at a time.
    pub cursor_pages: bool,
    /// Whether the Servers API (`/api/v1/servers/…`) answers 403, as for a
    /// token that may read snapshots but not servers.
    pub servers_forbidden: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            snapshot_delay: Duration::from_millis(20_000),
            restore_delay: Duration::from_millis(30_000),
            page_size: 100,
            latency: Duration::ZERO,
            cursor_pages: false,
            servers_forbidden: false,
        }
    }
}

/// Which data set the store starts from (and returns to on reset).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seed {
    /// The fixed sample data the browser tests depend on.
    Demo,
    /// Many generated servers and snapshots, for a benchmark.
    Large { servers: usize, snapshots: usize },
}

/// A server's hardware plan, as the Servers API shows it.
#[derive(Clone, Debug, Serialize)]
pub struct Plan {
    pub id: i64,
    pub name: &'static str,
    pub vcpus: u32,
    pub memory: u32,
    pub storage: u32,
}

/// A server's operating system, as the Servers API shows it.
#[derive(Clone, Debug, Serialize)]
pub struct Os {
    pub id: i64,
    pub name: &'static str,
}

/// A server, serialized exactly as `GET /api/v1/servers/{id}/` answers.
#[derive(Clone, Debug, Serialize)]
pub struct Server {
    pub id: i64,
    pub name: String,
    pub hostname: String,
    pub status: String,
    pub ip_address: String,
    pub location: String,
    pub plan: Plan,
    pub os: Os,
    pub created_at: String,
    pub updated_at: String,
    /// Set while a restore runs; not part of the JSON.
    #[serde(skip)]
    pub restore: Option<PendingRestore>,
}

/// A restore in progress: when it started and the status to return to.
#[derive(Clone, Debug)]
pub struct PendingRestore {
    pub started: Instant,
    pub previous_status: String,
}

/// A snapshot. Rendered to JSON by [`Store::snapshot_json`], because the
/// JSON embeds the server's name.
#[derive(Clone, Debug)]
pub struct Snapshot {
    pub id: i64,
    pub server_id: i64,
    pub name: String,
    pub status: String,
    pub size_mb: Option<i64>,
    pub created_at: String,
    /// `None` leaves the field out of the JSON (the API may omit it).
    pub description: Option<String>,
    /// Set while the snapshot is being created by the API.
    pub creating_since: Option<Instant>,
}

/// Why a snapshot could not be created.
#[derive(Debug, PartialEq, Eq)]
pub enum CreateError {
    ServerNotFound,
    /// The server already holds [`MAX_SNAPSHOTS_PER_SERVER`]; carries its name.
    LimitReached(String),
}

/// Why a restore could not start.
#[derive(Debug, PartialEq, Eq)]
pub enum RestoreError {
    SnapshotNotFound,
    InvalidState,
}

/// All mutable data of the demo. Guarded by one mutex in `AppState`.
#[derive(Debug)]
pub struct Store {
    pub servers: BTreeMap<i64, Server>,
    pub snapshots: BTreeMap<i64, Snapshot>,
    pub settings: Settings,
    /// Set by `/__test/revoke`: the token is then rejected until a reset.
    pub token_revoked: bool,
    next_snapshot_id: i64,
}

impl Store {
    /// A store holding `seed`, with the given live settings.
    pub fn new(seed: Seed, settings: Settings) -> Store {
        let (servers, snapshots) = match seed {
            Seed::Demo => demo_seed(),
            Seed::Large { servers, snapshots } => large_seed(servers, snapshots),
        };
        let highest = snapshots.iter().map(|s| s.id).max().unwrap_or(0);
        Store {
            servers: servers.into_iter().map(|s| (s.id, s)).collect(),
            snapshots: snapshots.into_iter().map(|s| (s.id, s)).collect(),
            settings,
            token_revoked: false,
            next_snapshot_id: FIRST_NEW_SNAPSHOT_ID.max(highest + 1),
        }
    }

    /// Applies every transition that is due at `now`.
    pub fn tick(&mut self, now: Instant) {
        let snapshot_delay = self.settings.snapshot_delay;
        for snap in self.snapshots.values_mut() {
            if let Some(since) = snap.creating_since {
                if now.saturating_duration_since(since) >= snapshot_delay {
                    snap.creating_since = None;
                    snap.status = "completed".into();
                    snap.size_mb = Some(completed_size_mb(snap.id));
                }
            }
        }
        let restore_delay = self.settings.restore_delay;
        for server in self.servers.values_mut() {
            let done = server
                .restore
                .as_ref()
                .is_some_and(|r| now.saturating_duration_since(r.started) >= restore_delay);
            if done {
                if let Some(restore) = server.restore.take() {
                    server.status = restore.previous_status;
                    server.updated_at = now_rfc3339();
                }
            }
        }
    }

    /// Snapshots, newest id first, optionally of one server only.
    pub fn list_snapshots(&self, server_id: Option<i64>) -> Vec<&Snapshot> {
        self.snapshots
            .values()
            .rev()
            .filter(|s| server_id.is_none_or(|id| s.server_id == id))
            .collect()
    }

    /// The snapshot as the API shows it, with its server's id and name.
    pub fn snapshot_json(&self, snap: &Snapshot) -> Value {
        let server_name = self
            .servers
            .get(&snap.server_id)
            .map(|s| s.name.as_str())
            .unwrap_or("");
        let mut value = json!({
            "id": snap.id,
            "server": {"id": snap.server_id, "name": server_name},
            "name": snap.name,
            "status": snap.status,
            "size_mb": snap.size_mb,
            "created_at": snap.created_at,
        });
        if let (Some(description), Some(obj)) = (&snap.description, value.as_object_mut()) {
            obj.insert("description".into(), json!(description));
        }
        value
    }

    /// Starts creating a snapshot (status `in_progress`) and returns its id.
    pub fn create_snapshot(
        &mut self,
        server_id: i64,
        name: &str,
        description: &str,
        now: Instant,
    ) -> Result<i64, CreateError> {
        let server = self
            .servers
            .get(&server_id)
            .ok_or(CreateError::ServerNotFound)?;
        let existing = self
            .snapshots
            .values()
            .filter(|s| s.server_id == server_id)
            .count();
        if existing >= MAX_SNAPSHOTS_PER_SERVER {
            return Err(CreateError::LimitReached(server.name.clone()));
        }
        let id = self.next_snapshot_id;
        self.next_snapshot_id += 1;
        self.snapshots.insert(
            id,
            Snapshot {
                id,
                server_id,
                name: name.into(),
                status: "in_progress".into(),
                size_mb: None,
                created_at: now_rfc3339(),
                description: Some(description.into()),
                creating_since: Some(now),
            },
        );
        Ok(id)
    }

    /// Starts restoring the snapshot's server; returns the API's 200 body.
    pub fn restore(&mut self, snapshot_id: i64, now: Instant) -> Result<Value, RestoreError> {
        let snap = self
            .snapshots
            .get(&snapshot_id)
            .ok_or(RestoreError::SnapshotNotFound)?;
        let server = self
            .servers
            .get_mut(&snap.server_id)
            .ok_or(RestoreError::InvalidState)?;
        if snap.status != "completed" || matches!(server.status.as_str(), "restoring" | "suspended")
        {
            return Err(RestoreError::InvalidState);
        }
        let previous_status = std::mem::replace(&mut server.status, "restoring".into());
        server.restore = Some(PendingRestore {
            started: now,
            previous_status,
        });
        server.updated_at = now_rfc3339();
        Ok(json!({
            "status": "success",
            "message": "Server is being restored from snapshot. This may take 5-15 minutes.",
            "snapshot": {"id": snap.id, "name": snap.name, "created_at": snap.created_at},
            "server": {"id": server.id, "name": server.name, "status": server.status},
        }))
    }

    /// Deletes a snapshot; false if there was none with that id.
    pub fn delete_snapshot(&mut self, id: i64) -> bool {
        self.snapshots.remove(&id).is_some()
    }
}

/// The size a snapshot reports once completed: plausible and deterministic.
pub fn completed_size_mb(id: i64) -> i64 {
    3000 + (id * 37).rem_euclid(4000)
}

/// The current time as RFC 3339 UTC with seconds precision, e.g. `2025-01-16T16:15:00Z`.
pub fn now_rfc3339() -> String {
    humantime::format_rfc3339_seconds(SystemTime::now()).to_string()
}

fn rfc3339_from_unix(secs: u64) -> String {
    humantime::format_rfc3339_seconds(UNIX_EPOCH + Duration::from_secs(secs)).to_string()
}

const STANDARD: Plan = Plan {
    id: 1,
    name: "Standard VPS",
    vcpus: 2,
    memory: 4096,
    storage: 80,
};
const PERFORMANCE: Plan = Plan {
    id: 2,
    name: "Performance VPS",
    vcpus: 4,
    memory: 8192,
    storage: 160,
};
const STARTER: Plan = Plan {
    id: 3,
    name: "Starter VPS",
    vcpus: 1,
    memory: 2048,
    storage: 40,
};
const UBUNTU: Os = Os {
    id: 5,
    name: "Ubuntu 22.04 LTS",
};
const DEBIAN: Os = Os {
    id: 3,
    name: "Debian 12",
};
const ROCKY: Os = Os {
    id: 7,
    name: "Rocky Linux 9",
};

#[allow(clippy::too_many_arguments)]
fn server(
    id: i64,
    name: &str,
    status: &str,
    hostname: &str,
    location: &str,
    ip: &str,
    plan: Plan,
    os: Os,
    created_at: &str,
    updated_at: &str,
) -> Server {
    Server {
        id,
        name: name.into(),
        hostname: hostname.into(),
        status: status.into(),
        ip_address: ip.into(),
        location: location.into(),
        plan,
        os,
        created_at: created_at.into(),
        updated_at: updated_at.into(),
        restore: None,
    }
}

fn snapshot(
    id: i64,
    server_id: i64,
    name: &str,
    status: &str,
    size_mb: Option<i64>,
    created_at: &str,
    description: Option<&str>,
) -> Snapshot {
    Snapshot {
        id,
        server_id,
        name: name.into(),
        status: status.into(),
        size_mb,
        created_at: created_at.into(),
        description: description.map(Into::into),
        creating_since: None,
    }
}

/// The fixed sample data. Browser tests depend on every value here.
#[rustfmt::skip]
fn demo_seed() -> (Vec<Server>, Vec<Snapshot>) {
    let servers = vec![
        server(12345, "web-server-01", "active", "web01.example.com", "us-west",
            "203.0.113.10", STANDARD, UBUNTU, "2025-01-10T14:30:00Z", "2025-01-15T10:20:00Z"),
        server(12346, "db-server-01", "active", "db01.example.com", "us-east",
            "203.0.113.11", PERFORMANCE, DEBIAN, "2024-11-02T09:00:00Z", "2025-01-14T02:05:00Z"),
        server(12347, "staging-01", "stopped", "staging.example.com", "eu-central",
            "203.0.113.12", STARTER, UBUNTU, "2024-12-01T08:00:00Z", "2025-01-05T08:30:00Z"),
        server(12348, "build-runner-01", "active", "ci.example.com", "us-west",
            "203.0.113.13", PERFORMANCE, UBUNTU, "2024-12-20T16:45:00Z", "2025-01-12T11:00:00Z"),
        server(12349, "legacy-app-01", "active", "legacy.example.com", "eu-central",
            "203.0.113.14", STARTER, ROCKY, "2023-06-15T12:00:00Z", "2025-01-09T10:30:00Z"),
    ];
    let hostile = r#"<img src=x onerror="window.__xss=1"><script>window.__xss=1</script> & "quotes""#;
    let snapshots = vec![
        snapshot(801, 12345, "pre-migration-snapshot", "completed", Some(5120),
            "2025-01-15T18:30:00Z", Some("Before major migration")),
        snapshot(798, 12345, "weekly-snapshot-2025-01-08", "completed", Some(4856),
            "2025-01-08T12:00:00Z", Some("Weekly snapshot")),
        snapshot(815, 12346, "db-nightly-5", "completed", Some(20480),
            "2025-01-14T02:00:00Z", Some("Nightly")),
        snapshot(814, 12346, "db-nightly-4", "completed", Some(20210),
            "2025-01-13T02:00:00Z", Some("Nightly")),
        snapshot(813, 12346, "db-nightly-3", "completed", Some(19980),
            "2025-01-12T02:00:00Z", Some("Nightly")),
        snapshot(812, 12346, "before-schema-change", "completed", Some(19500),
            "2025-01-11T09:15:00Z", Some(hostile)),
        snapshot(811, 12346, "db-nightly-1", "completed", Some(18900),
            "2025-01-10T02:00:00Z", Some("")),
        snapshot(820, 12347, "staging-baseline", "completed", Some(2048),
            "2025-01-05T08:00:00Z", Some("Clean staging image")),
        // No description at all: exercises the optional field.
        snapshot(830, 12349, "legacy-upgrade", "failed", None, "2025-01-09T10:00:00Z", None),
    ];
    (servers, snapshots)
}

/// `servers` servers named `srv-0001`… and `snapshots` snapshots dealt round
/// the servers (`snap-0001-1`, `snap-0002-1`, …), at most 5 per server.
fn large_seed(servers: usize, snapshots: usize) -> (Vec<Server>, Vec<Snapshot>) {
    const LOCATIONS: [&str; 3] = ["us-west", "us-east", "eu-central"];
    const JAN_1_2025: u64 = 1_735_689_600;
    let server_list = (1..=servers)
        .map(|i| {
            let plan = [STANDARD, PERFORMANCE, STARTER][i % 3].clone();
            let status = if i % 10 == 0 { "stopped" } else { "active" };
            server(
                10_000 + i as i64,
                &format!("srv-{i:04}"),
                status,
                &format!("srv-{i:04}.example.com"),
                LOCATIONS[i % 3],
                &format!("203.0.113.{}", i % 254 + 1),
                plan,
                UBUNTU,
                "2024-12-01T00:00:00Z",
                "2025-01-01T00:00:00Z",
            )
        })
        .collect();
    let snapshot_list = (0..snapshots.min(servers * MAX_SNAPSHOTS_PER_SERVER))
        .map(|k| {
            let server_index = k % servers + 1;
            let nth = k / servers + 1;
            let id = k as i64 + 1;
            snapshot(
                id,
                10_000 + server_index as i64,
                &format!("snap-{server_index:04}-{nth}"),
                "completed",
                Some(completed_size_mb(id)),
                &rfc3339_from_unix(JAN_1_2025 + k as u64 * 3600),
                Some("Generated for the benchmark"),
            )
        })
        .collect();
    (server_list, snapshot_list)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> Store {
        Store::new(Seed::Demo, Settings::default())
    }

    #[test]
    fn new_snapshot_completes_after_the_delay() {
        let mut store = demo();
        let t0 = Instant::now();
        let id = store.create_snapshot(12345, "x", "", t0).unwrap();
        assert_eq!(id, FIRST_NEW_SNAPSHOT_ID);
        store.tick(t0 + Duration::from_millis(19_999));
        assert_eq!(store.snapshots[&id].status, "in_progress");
        assert_eq!(store.snapshots[&id].size_mb, None);
        store.tick(t0 + Duration::from_millis(20_000));
        assert_eq!(store.snapshots[&id].status, "completed");
        assert_eq!(store.snapshots[&id].size_mb, Some(completed_size_mb(id)));
    }

    #[test]
    fn limit_of_five_counts_every_status() {
        let mut store = demo();
        let now = Instant::now();
        assert_eq!(
            store.create_snapshot(12346, "x", "", now),
            Err(CreateError::LimitReached("db-server-01".into()))
        );
        for n in 0..3 {
            store
                .create_snapshot(12345, &format!("n{n}"), "", now)
                .unwrap();
        }
        // Three in progress plus two completed: full.
        assert_eq!(
            store.create_snapshot(12345, "x", "", now),
            Err(CreateError::LimitReached("web-server-01".into()))
        );
        assert_eq!(
            store.create_snapshot(1, "x", "", now),
            Err(CreateError::ServerNotFound)
        );
    }

    #[test]
    fn restore_round_trip_returns_to_previous_status() {
        let mut store = demo();
        let t0 = Instant::now();
        let body = store.restore(820, t0).unwrap();
        assert_eq!(body["server"]["status"], "restoring");
        assert_eq!(store.servers[&12347].status, "restoring");
        // A second restore while restoring is refused.
        assert_eq!(store.restore(820, t0), Err(RestoreError::InvalidState));
        store.tick(t0 + Duration::from_millis(30_000));
        assert_eq!(store.servers[&12347].status, "stopped");
        assert_eq!(store.restore(830, t0), Err(RestoreError::InvalidState)); // failed snapshot
        assert_eq!(store.restore(1, t0), Err(RestoreError::SnapshotNotFound));
        store.servers.get_mut(&12345).unwrap().status = "suspended".into();
        assert_eq!(store.restore(801, t0), Err(RestoreError::InvalidState));
    }

    #[test]
    fn large_seed_is_deterministic_and_respects_the_limit() {
        let store = Store::new(
            Seed::Large {
                servers: 3,
                snapshots: 14,
            },
            Settings::default(),
        );
        assert_eq!(store.servers.len(), 3);
        assert_eq!(store.snapshots.len(), 14);
        assert_eq!(store.servers[&10_001].name, "srv-0001");
        assert_eq!(store.snapshots[&1].name, "snap-0001-1");
        assert_eq!(store.snapshots[&14].name, "snap-0002-5");
        for id in store.servers.keys() {
            assert!(store.list_snapshots(Some(*id)).len() <= MAX_SNAPSHOTS_PER_SERVER);
        }
    }
}
