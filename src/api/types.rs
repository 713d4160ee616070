//! Wire types of the VPS.org API, as its documentation shows them, and how
//! they become the domain's model (`domain::model`).
//!
//! Decoding is lenient where the contract is open (unknown fields are ignored,
//! `description` may be absent or null, `status` may hold values we do not
//! know) and strict where the app depends on a field (`id`, `server`, `name`).

use crate::domain::model::{
    Plan, Server, ServerDetails, ServerRef, ServerStatus, Snapshot, SnapshotStatus,
};
use crate::domain::time::parse_rfc3339;
use serde::{Deserialize, Deserializer, Serialize};

/// A snapshot as the API writes it. Decoding is lenient where the contract
/// is open and strict where the app depends on a field.
#[derive(Deserialize)]
struct SnapshotWire {
    id: u64,
    server: ServerRefWire,
    name: String,
    status: String,
    #[serde(default, deserialize_with = "size_or_unknown")]
    size_mb: Option<u64>,
    created_at: String,
    #[serde(default, deserialize_with = "null_as_default")]
    description: String,
}

/// The server embedded in a snapshot.
#[derive(Deserialize)]
struct ServerRefWire {
    id: u64,
    name: String,
}

/// A server as the Servers API lists it (only the fields this app uses).
#[derive(Deserialize)]
struct ServerWire {
    id: u64,
    name: String,
    #[serde(default, deserialize_with = "null_as_default")]
    status: String,
    #[serde(default, deserialize_with = "null_as_default")]
    hostname: String,
    #[serde(default, deserialize_with = "null_as_default")]
    ip_address: String,
    #[serde(default, deserialize_with = "null_as_default")]
    location: String,
    // A plan or OS that cannot be read is left out, not the whole server.
    #[serde(default, deserialize_with = "or_none")]
    plan: Option<PlanWire>,
    #[serde(default, deserialize_with = "or_none")]
    os: Option<OsWire>,
    #[serde(default, deserialize_with = "null_as_default")]
    created_at: String,
}

/// A server's plan on the wire.
#[derive(Deserialize)]
struct PlanWire {
    #[serde(default, deserialize_with = "null_as_default")]
    name: String,
    vcpus: u32,
    memory: u64,
    storage: u64,
}

/// A server's operating system on the wire.
#[derive(Deserialize)]
struct OsWire {
    name: String,
}

impl From<SnapshotWire> for Snapshot {
    fn from(wire: SnapshotWire) -> Self {
        Self {
            id: wire.id,
            server: ServerRef {
                id: wire.server.id,
                name: wire.server.name.into(),
            },
            name: wire.name.into(),
            status: SnapshotStatus::from_api(&wire.status),
            size_mb: wire.size_mb,
            created: parse_rfc3339(&wire.created_at),
            created_at: wire.created_at.into(),
            description: wire.description.into(),
        }
    }
}

impl From<ServerWire> for Server {
    fn from(wire: ServerWire) -> Self {
        Self {
            id: wire.id,
            name: wire.name,
            status: ServerStatus::from_api(&wire.status),
            details: ServerDetails {
                hostname: wire.hostname,
                ip_address: wire.ip_address,
                location: wire.location,
                plan: wire.plan.map(|plan| Plan {
                    name: plan.name,
                    vcpus: plan.vcpus,
                    memory_mb: plan.memory,
                    storage_gb: plan.storage,
                }),
                os: wire.os.map(|os| os.name).unwrap_or_default(),
                created_at: wire.created_at,
            },
        }
    }
}

// The model is read straight off the wire, through the wire types above, so
// `domain::model` stays free of the API's field names and quirks.
impl<'de> Deserialize<'de> for Snapshot {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        SnapshotWire::deserialize(deserializer).map(Into::into)
    }
}

impl<'de> Deserialize<'de> for Server {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        ServerWire::deserialize(deserializer).map(Into::into)
    }
}

/// What the app sends to create a snapshot.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NewSnapshot {
    pub server_id: u64,
    pub name: String,
    /// Left out of the request when empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
}

/// The answer to a restore request. Its `message`, the API's own estimate
/// in English, is not read: the dialog gave the console's, in the user's
/// language.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct RestoreStarted {
    #[serde(default)]
    pub server: Option<RestoringServer>,
}

/// The server part of a restore answer.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct RestoringServer {
    pub id: u64,
    #[serde(default, deserialize_with = "null_as_default")]
    pub status: String,
}

/// One page of a paginated list (`count` + `results`, and `next` when more
/// pages exist).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Page<T> {
    pub results: Vec<T>,
    #[serde(default)]
    pub next: Option<String>,
    /// Rows in the whole list; an odd value is as good as none: the list is
    /// then read by following `next`.
    #[serde(default, deserialize_with = "or_none")]
    pub count: Option<u64>,
}

/// A negative size is no size: shown as unknown rather than failing the row.
fn size_or_unknown<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u64>, D::Error> {
    Option::<i64>::deserialize(deserializer).map(|size| size.and_then(|mb| u64::try_from(mb).ok()))
}

/// Reads `null` like a missing field, as the type's default: serde's
/// `default` alone covers only the missing field.
pub fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Option::<T>::deserialize(deserializer).map(Option::unwrap_or_default)
}

/// Reads a part the app can do without: `None` when it is missing, `null`
/// or not of the expected shape, so one odd field does not cost the server.
fn or_none<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    serde_json::Value::deserialize(deserializer).map(|value| serde_json::from_value(value).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_snapshot_leaves_out_an_empty_description() {
        let mut new = NewSnapshot {
            server_id: 12345,
            name: "before \"update\"\n".into(),
            description: String::new(),
        };
        assert_eq!(
            serde_json::to_string(&new).unwrap(),
            r#"{"server_id":12345,"name":"before \"update\"\n"}"#
        );
        new.description = "Snapshot é".into();
        assert_eq!(
            serde_json::to_string(&new).unwrap(),
            r#"{"server_id":12345,"name":"before \"update\"\n","description":"Snapshot é"}"#
        );
    }

    #[test]
    fn a_server_brings_its_details_as_the_servers_api_writes_them() {
        let server: Server = serde_json::from_str(
            r#"{"id": 12345, "name": "web-server-01", "hostname": "web01.example.com",
                "status": "active", "ip_address": "203.0.113.10", "location": "us-west",
                "plan": {"id": 1, "name": "Standard VPS", "vcpus": 2, "memory": 4096, "storage": 80},
                "os": {"id": 5, "name": "Ubuntu 22.04 LTS"},
                "created_at": "2025-01-10T14:30:00Z", "updated_at": "2025-01-15T10:20:00Z"}"#,
        )
        .unwrap();
        assert_eq!(server.details.hostname, "web01.example.com");
        assert_eq!(server.details.ip_address, "203.0.113.10");
        assert_eq!(server.details.location, "us-west");
        assert_eq!(
            server.details.plan,
            Some(Plan {
                name: "Standard VPS".into(),
                vcpus: 2,
                memory_mb: 4096,
                storage_gb: 80
            })
        );
        assert_eq!(server.details.os, "Ubuntu 22.04 LTS");
        assert_eq!(server.details.created_at, "2025-01-10T14:30:00Z");
    }

    #[test]
    fn a_server_without_details_or_with_odd_ones_is_still_read() {
        let bare: Server = serde_json::from_str(r#"{"id": 1, "name": "a"}"#).unwrap();
        assert_eq!(bare.details, ServerDetails::default());
        let odd: Server = serde_json::from_str(
            r#"{"id": 1, "name": "a", "hostname": null, "plan": "big", "os": 5,
                "ip_address": "2001:db8::1"}"#,
        )
        .unwrap();
        assert_eq!(odd.details.hostname, "");
        assert_eq!(odd.details.plan, None);
        assert_eq!(odd.details.os, "");
        assert_eq!(odd.details.ip_address, "2001:db8::1");
    }
}
