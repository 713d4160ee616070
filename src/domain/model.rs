//! The console's model of an account: servers and their snapshots, as the
//! rest of the app sees them (`api::types` reads them off the wire).
//!
//! A snapshot's texts are shared (`Arc<str>`): the list, its sections and the
//! pickers each hold the snapshots they show, and at 50,000 snapshots a copy
//! of every text per holder cost megabytes and an allocation per text on
//! every regrouping.

use std::sync::Arc;

/// The server a snapshot belongs to, as embedded in a snapshot.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ServerRef {
    pub id: u64,
    pub name: Arc<str>,
}

/// Where a snapshot is in its life. Unknown values are kept verbatim so the
/// UI can show them as text instead of failing.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SnapshotStatus {
    InProgress,
    Completed,
    Other(String),
}

impl SnapshotStatus {
    /// Parses the API's status string.
    pub fn from_api(raw: &str) -> Self {
        match raw {
            "in_progress" => Self::InProgress,
            "completed" => Self::Completed,
            other => Self::Other(other.to_string()),
        }
    }

    /// The status as the API writes it.
    pub fn as_api(&self) -> &str {
        match self {
            Self::InProgress => "in_progress",
            Self::Completed => "completed",
            Self::Other(raw) => raw,
        }
    }

    /// Still being created.
    pub fn is_in_progress(&self) -> bool {
        matches!(self, Self::InProgress)
    }

    /// Done, and usable to restore from.
    pub fn is_completed(&self) -> bool {
        matches!(self, Self::Completed)
    }
}

/// One snapshot of a server.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Snapshot {
    pub id: u64,
    pub server: ServerRef,
    pub name: Arc<str>,
    pub status: SnapshotStatus,
    pub size_mb: Option<u64>,
    pub created_at: Arc<str>,
    /// `created_at` in Unix seconds, read once when the snapshot arrives
    /// (sorting and grouping thousands of snapshots would read it over and
    /// over); `None` when it cannot be read.
    pub created: Option<i64>,
    pub description: Arc<str>,
}

/// A server as the Servers API lists it (only the fields this app uses).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Server {
    pub id: u64,
    pub name: String,
    pub status: ServerStatus,
    pub details: ServerDetails,
}

/// What the Servers API tells of a server beyond its name and state, so an
/// operator can tell `web-01` in one place from `web-01` in another. Each
/// text is empty, and the plan `None`, where the API did not say.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ServerDetails {
    pub hostname: String,
    pub ip_address: String,
    pub location: String,
    pub plan: Option<Plan>,
    /// The operating system's name.
    pub os: String,
    /// As the API wrote it (RFC 3339).
    pub created_at: String,
}

/// A server's hardware plan.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Plan {
    pub name: String,
    pub vcpus: u32,
    pub memory_mb: u64,
    pub storage_gb: u64,
}

/// A server's state as the Servers API says it. The console acts on
/// `active` (running: a snapshot may be inconsistent) and `restoring`; any
/// other state is kept verbatim and shown as the API wrote it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum ServerStatus {
    Active,
    Restoring,
    Other(String),
    /// The Servers API did not say.
    #[default]
    Unknown,
}

impl ServerStatus {
    /// Parses the API's status string (empty: not said).
    pub fn from_api(raw: &str) -> Self {
        match raw {
            "active" => Self::Active,
            "restoring" => Self::Restoring,
            "" => Self::Unknown,
            other => Self::Other(other.to_string()),
        }
    }

    /// The state as the API writes it (empty when it did not say).
    pub fn as_api(&self) -> &str {
        match self {
            Self::Active => "active",
            Self::Restoring => "restoring",
            Self::Other(raw) => raw,
            Self::Unknown => "",
        }
    }
}

#[cfg(test)]
impl Snapshot {
    /// A snapshot for tests: `snap-{id}` of server `srv-{server}`, with no
    /// description.
    pub fn sample(
        id: u64,
        server: u64,
        status: &str,
        created_at: &str,
        size_mb: Option<u64>,
    ) -> Self {
        Self {
            id,
            server: ServerRef {
                id: server,
                name: format!("srv-{server}").into(),
            },
            name: format!("snap-{id}").into(),
            status: SnapshotStatus::from_api(status),
            size_mb,
            created_at: created_at.into(),
            created: crate::domain::time::parse_rfc3339(created_at),
            description: "".into(),
        }
    }
}
