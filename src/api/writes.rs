//! What the client tells an observer about each write it sends (create,
//! restore, delete), so that a feature can keep a record without `api/`
//! knowing it. The token is never part of a record.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// Which write was sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WriteKind {
    Create,
    Restore,
    Delete,
}

impl WriteKind {
    /// Its name in exports and portal messages, as serde writes it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Create => "create",
            Self::Restore => "restore",
            Self::Delete => "delete",
        }
    }
}

/// One write as it was sent and answered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WriteRecord {
    pub kind: WriteKind,
    /// When it was sent (Unix ms).
    pub sent_at_ms: i64,
    pub method: String,
    /// The address as sent: a path alone when the API is this page's origin.
    pub url: String,
    /// The JSON body, if any.
    pub body: Option<String>,
    /// The HTTP status, or `None` when no answer came.
    pub status: Option<u16>,
    /// The API's own words (`detail`, `message`, `error`), if it sent any.
    pub api_words: Option<String>,
    pub duration_ms: i64,
    pub server_id: Option<u64>,
    pub server_name: Option<String>,
    pub snapshot_id: Option<u64>,
    pub snapshot_name: Option<String>,
    /// The session it was sent in, as the observer numbers them, so that a
    /// late answer is never put down to the next session. Not stored or
    /// exported: it means nothing after a reload.
    #[serde(skip)]
    pub session: u64,
}

/// The names a caller knows for the next write (the path has ids only).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WriteSubject {
    pub server_id: Option<u64>,
    pub server_name: Option<String>,
    pub snapshot_name: Option<String>,
}

/// Where a write is, for a [`WriteObserver::on_stages`] listener.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteStage {
    /// Just sent: the record has no status or duration yet.
    Sent,
    /// Answered, or no answer came.
    Ended,
}

/// A listener told of each write as it is sent and as it ends.
type StageListener = Arc<dyn Fn(WriteStage, &WriteRecord) + Send + Sync>;

/// Called once per write, after its answer (or the lack of one).
#[derive(Clone)]
pub struct WriteObserver {
    /// The number of the session of the moment, read when a write is sent.
    pub(super) session: Arc<dyn Fn() -> u64 + Send + Sync>,
    pub(super) observe: Arc<dyn Fn(WriteRecord) + Send + Sync>,
    /// Also told when each write is sent, and when it ends (the portal).
    pub(super) stages: Option<StageListener>,
}

impl WriteObserver {
    /// Wraps the function that numbers the session of the moment and the one
    /// that receives each record.
    pub fn new(
        session: impl Fn() -> u64 + Send + Sync + 'static,
        observe: impl Fn(WriteRecord) + Send + Sync + 'static,
    ) -> Self {
        Self {
            session: Arc::new(session),
            observe: Arc::new(observe),
            stages: None,
        }
    }

    /// This observer, also telling `listener` of each write as it is sent
    /// and as it ends (before `observe` gets the record).
    pub fn on_stages(
        mut self,
        listener: impl Fn(WriteStage, &WriteRecord) + Send + Sync + 'static,
    ) -> Self {
        self.stages = Some(Arc::new(listener));
        self
    }
}

impl fmt::Debug for WriteObserver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("WriteObserver")
    }
}

#[cfg(test)]
mod tests {
    use super::WriteKind;

    #[test]
    fn a_writes_name_is_the_one_serde_writes() {
        for kind in [WriteKind::Create, WriteKind::Restore, WriteKind::Delete] {
            let json = serde_json::to_string(&kind).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", kind.name()));
        }
    }
}
