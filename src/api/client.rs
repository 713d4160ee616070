//! The client: where requests go, with which token, and the writes, each
//! sent once and reported to the activity log.

use super::error::{ApiError, Reply};
use super::http;
use super::types::{NewSnapshot, RestoreStarted};
use super::writes::{WriteKind, WriteObserver, WriteRecord, WriteStage, WriteSubject};
use crate::browser::now_ms;
use crate::domain::model::{Server, Snapshot};
use gloo_net::http::Method;
use leptos::prelude::{expect_context, provide_context, GetUntracked, Signal};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// The list of snapshots (the Snapshots API).
pub(super) const SNAPSHOTS_PATH: &str = "/api/v1/snapshots/";

/// A list is never followed past this many pages (a guard against a `next`
/// that loops).
pub(super) const MAX_PAGES: usize = 5000;

/// Provides the app-wide API client.
pub fn provide_api(client: ApiClient) {
    provide_context(client);
}

/// The client provided by [`provide_api`].
pub fn use_api() -> ApiClient {
    expect_context()
}

/// Talks to the API at the configured base URL with the signed-in token.
#[derive(Clone, Debug)]
pub struct ApiClient {
    /// Scheme, host and port of the API, or empty for this page's origin.
    base_url: String,
    /// The token of the moment (`None` once signed out), read at each request.
    token: Signal<Option<String>>,
    /// Told about every write, e.g. by the activity log.
    observer: Option<WriteObserver>,
    /// The names of what the next write concerns, as the caller knows them.
    subject: WriteSubject,
    /// How many writes are out without an answer yet (shared by clones).
    writes_in_flight: Arc<AtomicUsize>,
}

/// Counts one write as out for as long as it lives: dropped when its answer
/// came, or when the wait for it was given up.
struct OutWrite(Arc<AtomicUsize>);

impl OutWrite {
    fn new(count: &Arc<AtomicUsize>) -> Self {
        count.fetch_add(1, Ordering::Relaxed);
        Self(Arc::clone(count))
    }
}

impl Drop for OutWrite {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

impl ApiClient {
    /// A client for `base_url` (empty: same origin) that signs requests with
    /// `token` (the session's).
    pub fn new(base_url: &str, token: Signal<Option<String>>) -> Self {
        Self {
            base_url: base_url.trim_end_matches('/').to_string(),
            token,
            observer: None,
            subject: WriteSubject::default(),
            writes_in_flight: Arc::default(),
        }
    }

    /// How many writes (create, restore, delete) have been sent and not
    /// answered yet: if the session ends now, nobody will learn how they
    /// ended.
    pub fn writes_in_flight(&self) -> usize {
        self.writes_in_flight.load(Ordering::Relaxed)
    }

    /// This client, telling `observer` about every write it sends.
    pub fn observe_writes(mut self, observer: WriteObserver) -> Self {
        self.observer = Some(observer);
        self
    }

    /// A copy of this client whose writes are recorded with these names.
    pub fn about(&self, server_id: u64, server_name: &str, snapshot_name: &str) -> Self {
        let mut client = self.clone();
        client.subject = WriteSubject {
            server_id: Some(server_id),
            server_name: Some(server_name.to_string()),
            snapshot_name: Some(snapshot_name.to_string()),
        };
        client
    }

    /// Scheme, host and port of the API, or empty for this page's origin.
    pub(super) fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The address of `path` on the API.
    pub(super) fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// The signed-in token, or `Unauthorized` when there is none (nothing
    /// is sent then).
    pub(super) fn token(&self) -> Result<String, ApiError> {
        self.token
            .try_get_untracked()
            .flatten()
            .ok_or(ApiError::Unauthorized)
    }

    /// One server (Servers API), e.g. to follow a restore.
    pub async fn get_server(&self, id: u64) -> Result<Server, ApiError> {
        let token = self.token()?;
        http::get_with_retry(&self.url(&format!("/api/v1/servers/{id}/")), &token)
            .await?
            .json(now_ms())
    }

    /// Starts a snapshot. Sent once: never retried automatically.
    /// The API's own estimate in its answer ("This may take 3-10 minutes") is
    /// not kept: the row gives the console's, with the time elapsed.
    pub async fn create_snapshot(&self, new: &NewSnapshot) -> Result<Snapshot, ApiError> {
        let token = self.token()?;
        // Cannot fail for this struct of numbers and strings; still not unwrapped.
        let body = serde_json::to_string(new).map_err(|e| ApiError::Undecodable {
            detail: format!("the request could not be written: {e}"),
        })?;
        let sent = Sent {
            kind: WriteKind::Create,
            server_id: Some(new.server_id),
            snapshot_id: None,
            snapshot_name: Some(new.name.clone()),
        };
        self.send_write(sent, Method::POST, SNAPSHOTS_PATH, &token, Some(body))
            .await?
            .json(now_ms())
    }

    /// Starts restoring the snapshot's server from it. Sent once.
    pub async fn restore_snapshot(&self, snapshot_id: u64) -> Result<RestoreStarted, ApiError> {
        let token = self.token()?;
        let path = format!("/api/v1/snapshots/{snapshot_id}/restore/");
        let sent = Sent::on_snapshot(WriteKind::Restore, snapshot_id);
        self.send_write(sent, Method::POST, &path, &token, None)
            .await?
            .json(now_ms())
    }

    /// Deletes a snapshot for good. Sent once.
    pub async fn delete_snapshot(&self, snapshot_id: u64) -> Result<(), ApiError> {
        let token = self.token()?;
        let path = format!("/api/v1/snapshots/{snapshot_id}/");
        let sent = Sent::on_snapshot(WriteKind::Delete, snapshot_id);
        self.send_write(sent, Method::DELETE, &path, &token, None)
            .await?
            .empty(now_ms())
    }

    /// Sends a write once and tells the observer what was sent and answered:
    /// every create, restore and delete passes here.
    async fn send_write(
        &self,
        sent: Sent,
        method: Method,
        path: &str,
        token: &str,
        body: Option<String>,
    ) -> Result<Reply, ApiError> {
        let url = self.url(path);
        let started = now_ms();
        // Read before the wait: the session may end while the answer is due.
        let mut record = self.observer.as_ref().map(|o| WriteRecord {
            kind: sent.kind,
            sent_at_ms: started,
            method: method.to_string(),
            url: url.clone(),
            body: body.clone(),
            status: None,
            api_words: None,
            duration_ms: 0,
            // A delete's or restore's path names the snapshot only.
            server_id: sent.server_id.or(self.subject.server_id),
            server_name: self.subject.server_name.clone(),
            snapshot_id: sent.snapshot_id,
            snapshot_name: sent
                .snapshot_name
                .or_else(|| self.subject.snapshot_name.clone()),
            session: (o.session)(),
        });
        let stages = self.observer.as_ref().and_then(|o| o.stages.clone());
        if let (Some(listener), Some(record)) = (&stages, &record) {
            listener(WriteStage::Sent, record);
        }
        let out = OutWrite::new(&self.writes_in_flight);
        let result = http::send_once(method, &url, token, body).await;
        drop(out);
        if let (Some(observer), Some(mut record)) = (&self.observer, record.take()) {
            if let Ok(reply) = &result {
                record.status = Some(reply.status);
                record.api_words = super::error::api_words(&reply.body);
                // A create's snapshot is known once answered.
                record.snapshot_id = record.snapshot_id.or_else(|| created_id(&reply.body));
            }
            record.duration_ms = now_ms() - started;
            if let Some(listener) = &stages {
                listener(WriteStage::Ended, &record);
            }
            (observer.observe)(record);
        }
        result
    }
}

/// The id in a create's answer, for the record (the caller reads the rest
/// as a snapshot). Read as the error bodies are, which costs no new decoder.
fn created_id(body: &str) -> Option<u64> {
    let members =
        serde_json::from_str::<BTreeMap<String, Box<serde_json::value::RawValue>>>(body).ok()?;
    members.get("id")?.get().parse().ok()
}

/// What a write method knows about its own request, for the record.
struct Sent {
    kind: WriteKind,
    server_id: Option<u64>,
    snapshot_id: Option<u64>,
    snapshot_name: Option<String>,
}

impl Sent {
    fn on_snapshot(kind: WriteKind, snapshot_id: u64) -> Self {
        Self {
            kind,
            server_id: None,
            snapshot_id: Some(snapshot_id),
            snapshot_name: None,
        }
    }
}
