//! Wire types of the VPS.org API, as its documentation shows them, and how
//! they become the domain's model.
//!
//! Decoding is lenient where the contract is open (unknown fields are ignored,
//! `description` may be absent or null, `status` may hold values we do not
//! know) and strict where the app depends on a field (`id`, `server`, `name`).

use crate::domain::model::{Server, ServerRef, ServerStatus, Snapshot, SnapshotStatus};
use crate::json::{quote, FromJson, Json};

impl FromJson for ServerRef {
    fn from_json(json: Json) -> Result<Self, String> {
        let mut fields = json.into_object()?;
        Ok(Self {
            id: fields.required("id")?,
            name: fields.required("name")?,
        })
    }
}

impl FromJson for SnapshotStatus {
    fn from_json(json: Json) -> Result<Self, String> {
        json.into_string().map(|raw| Self::from_api(&raw))
    }
}

impl FromJson for Snapshot {
    fn from_json(json: Json) -> Result<Self, String> {
        let mut fields = json.into_object()?;
        Ok(Self {
            id: fields.required("id")?,
            server: fields.required("server")?,
            name: fields.required("name")?,
            status: fields.required("status")?,
            // A negative size is no size: shown as unknown rather than
            // failing the row.
            size_mb: fields
                .optional::<i64>("size_mb")?
                .and_then(|mb| u64::try_from(mb).ok()),
            created_at: fields.required("created_at")?,
            description: fields.optional("description")?.unwrap_or_default(),
        })
    }
}

/// The answer to a create: the new snapshot plus the API's advice on timing.
#[derive(Clone, Debug, PartialEq)]
pub struct CreatedSnapshot {
    pub snapshot: Snapshot,
    pub message: Option<String>,
}

impl FromJson for CreatedSnapshot {
    fn from_json(json: Json) -> Result<Self, String> {
        let mut fields = json.into_object()?;
        let message = fields.optional("message")?;
        let snapshot = Snapshot::from_json(Json::Object(fields))?;
        Ok(Self { snapshot, message })
    }
}

/// What the app sends to create a snapshot.
#[derive(Clone, Debug, PartialEq)]
pub struct NewSnapshot {
    pub server_id: u64,
    pub name: String,
    /// Left out of the request when empty.
    pub description: String,
}

impl NewSnapshot {
    /// The request body.
    pub fn to_json(&self) -> String {
        let mut body = format!(
            "{{\"server_id\":{},\"name\":{}",
            self.server_id,
            quote(&self.name)
        );
        if !self.description.is_empty() {
            body.push_str(",\"description\":");
            body.push_str(&quote(&self.description));
        }
        body.push('}');
        body
    }
}

impl FromJson for Server {
    fn from_json(json: Json) -> Result<Self, String> {
        let mut fields = json.into_object()?;
        Ok(Self {
            id: fields.required("id")?,
            name: fields.required("name")?,
            status: ServerStatus::from_api(
                &fields.optional::<String>("status")?.unwrap_or_default(),
            ),
        })
    }
}

/// The answer to a restore request.
#[derive(Clone, Debug, PartialEq)]
pub struct RestoreStarted {
    pub message: Option<String>,
    pub server: Option<RestoringServer>,
}

impl FromJson for RestoreStarted {
    fn from_json(json: Json) -> Result<Self, String> {
        let mut fields = json.into_object()?;
        Ok(Self {
            message: fields.optional("message")?,
            server: fields.optional("server")?,
        })
    }
}

/// The server part of a restore answer.
#[derive(Clone, Debug, PartialEq)]
pub struct RestoringServer {
    pub id: u64,
    pub status: String,
}

impl FromJson for RestoringServer {
    fn from_json(json: Json) -> Result<Self, String> {
        let mut fields = json.into_object()?;
        Ok(Self {
            id: fields.required("id")?,
            status: fields.optional("status")?.unwrap_or_default(),
        })
    }
}

/// One page of a paginated list (`count` + `results`, and `next` when more
/// pages exist).
#[derive(Clone, Debug, PartialEq)]
pub struct Page<T> {
    pub results: Vec<T>,
    pub next: Option<String>,
}

impl<T: FromJson> FromJson for Page<T> {
    fn from_json(json: Json) -> Result<Self, String> {
        let mut fields = json.into_object()?;
        Ok(Self {
            results: fields.required("results")?,
            next: fields.optional("next")?,
        })
    }
}
