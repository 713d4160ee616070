//! The typed VPS.org API client: the only code that knows URLs and headers.
//! Status codes and error bodies are read in [`error`].

pub mod error;
mod http;
mod next_page;
pub mod types;
pub mod writes;

pub use error::ApiError;

use crate::browser::now_ms;
use crate::domain::model::{Server, Snapshot};
use error::Reply;
use gloo_net::http::Method;
use leptos::prelude::{expect_context, provide_context, GetUntracked, Signal};
use next_page::ListEndpoint;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use types::{NewSnapshot, Page, RestoreStarted};
use writes::{WriteKind, WriteObserver, WriteRecord, WriteSubject};

/// The list of snapshots (the Snapshots API).
const SNAPSHOTS_PATH: &str = "/api/v1/snapshots/";

/// A list is never followed past this many pages (a guard against a `next`
/// that loops).
const MAX_PAGES: usize = 500;

/// Provides the app-wide API client.
pub fn provide_api(client: ApiClient) {
    provide_context(client);
}

/// The client provided by [`provide_api`].
pub fn use_api() -> ApiClient {
    expect_context()
}

/// The readable items of a list, and how many were not.
#[derive(Clone, Debug, PartialEq)]
pub struct Listed<T> {
    pub items: Vec<T>,
    pub unreadable: usize,
}

/// Nothing listed yet (by hand: the derive would ask `T: Default`).
impl<T> Default for Listed<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            unreadable: 0,
        }
    }
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

/// The first page of the whole list, as the token check read it. Sign-in
/// hands it to the list ([`ApiClient::list_snapshots_after`]), so that
/// signing in downloads the list once.
#[derive(Debug)]
pub struct FirstPage {
    listed: Listed<Snapshot>,
    next: Option<String>,
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
    pub fn about(&self, server_name: &str, snapshot_name: &str) -> Self {
        let mut client = self.clone();
        client.subject = WriteSubject {
            server_name: Some(server_name.to_string()),
            snapshot_name: Some(snapshot_name.to_string()),
        };
        client
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    fn token(&self) -> Result<String, ApiError> {
        self.token
            .try_get_untracked()
            .flatten()
            .ok_or(ApiError::Unauthorized)
    }

    /// Checks a token the user typed, before it is kept: `Ok` when the API
    /// accepts it, with the page it read, the first of the list, for the
    /// list that follows.
    pub async fn check_token(&self, token: &str) -> Result<FirstPage, ApiError> {
        // Rows stay raw, as in `list_all`: one odd row must not block signing
        // in; the list counts it.
        let page: Page<Box<RawValue>> = http::get_with_retry(&self.url(SNAPSHOTS_PATH), token)
            .await?
            .json(now_ms())?;
        let mut listed = Listed::default();
        let next = read_page(page, &mut listed);
        Ok(FirstPage { listed, next })
    }

    /// Every snapshot (or one server's), following `next` through all pages.
    pub async fn list_snapshots(
        &self,
        server_id: Option<u64>,
    ) -> Result<Listed<Snapshot>, ApiError> {
        let query = server_id.map(|id| format!("?server_id={id}"));
        self.list_all(SNAPSHOTS_PATH, query.as_deref().unwrap_or_default())
            .await
    }

    /// Every snapshot, going on from the first page the token check read.
    pub async fn list_snapshots_after(
        &self,
        first: FirstPage,
    ) -> Result<Listed<Snapshot>, ApiError> {
        match first.next {
            Some(next) => {
                let url = self.next_page(SNAPSHOTS_PATH, &next)?;
                self.list_from(url, SNAPSHOTS_PATH, first.listed).await
            }
            None => Ok(first.listed),
        }
    }

    /// Every server of the account (Servers API).
    pub async fn list_servers(&self) -> Result<Vec<Server>, ApiError> {
        Ok(self.list_all("/api/v1/servers/", "").await?.items)
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
        let session = self.observer.as_ref().map(|o| (o.session)());
        let out = OutWrite::new(&self.writes_in_flight);
        let result = http::send_once(method.clone(), &url, token, body.clone()).await;
        drop(out);
        if let (Some(observer), Some(session)) = (&self.observer, session) {
            let (status, api_words) = match &result {
                Ok(reply) => (Some(reply.status), error::api_words(&reply.body)),
                Err(_) => (None, None),
            };
            (observer.observe)(WriteRecord {
                kind: sent.kind,
                sent_at_ms: started,
                method: method.to_string(),
                url,
                body,
                status,
                api_words,
                duration_ms: now_ms() - started,
                server_id: sent.server_id,
                server_name: self.subject.server_name.clone(),
                snapshot_id: sent.snapshot_id,
                snapshot_name: sent
                    .snapshot_name
                    .or_else(|| self.subject.snapshot_name.clone()),
                session,
            });
        }
        result
    }

    /// Every item of the paginated list at `path` (with `query`). An item
    /// that cannot be read is counted rather than failing the whole list:
    /// one odd row must not hide the rest.
    async fn list_all<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &str,
    ) -> Result<Listed<T>, ApiError> {
        let url = self.url(&format!("{path}{query}"));
        self.list_from(url, path, Listed::default()).await
    }

    /// The rest of the paginated list at `path` from `url` on, added to `listed`.
    async fn list_from<T: DeserializeOwned>(
        &self,
        mut url: String,
        path: &str,
        mut listed: Listed<T>,
    ) -> Result<Listed<T>, ApiError> {
        let token = self.token()?;
        for _ in 0..MAX_PAGES {
            let page = http::get_with_retry(&url, &token).await?.json(now_ms())?;
            match read_page(page, &mut listed) {
                Some(next) => url = self.next_page(path, &next)?,
                None => return Ok(listed),
            }
        }
        Err(ApiError::Undecodable {
            detail: "the list has too many pages".to_string(),
        })
    }

    /// The address of the next page of the list at `path`, when its `next`
    /// link may be followed (see [`next_page::next_page_url`]).
    fn next_page(&self, path: &str, next: &str) -> Result<String, ApiError> {
        let refused = || ApiError::NextPageRefused {
            next: next.to_string(),
        };
        let origin = self.origin().ok_or_else(refused)?;
        let list = ListEndpoint {
            base_url: &self.base_url,
            origin: &origin,
            path,
        };
        let parsed = next_page::parse_link(next, &list);
        next_page::next_page_url(next, parsed.as_ref(), &list).ok_or_else(refused)
    }

    /// The origin the requests go to, as the browser's URL parser writes it.
    fn origin(&self) -> Option<String> {
        let address = match self.base_url.as_str() {
            "" => web_sys::window()?.location().href().ok()?,
            base => base.to_string(),
        };
        Some(web_sys::Url::new(&address).ok()?.origin())
    }
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

/// Adds a page's items to `listed` and returns its `next`. Each item was kept
/// raw and is decoded on its own, so that one unreadable item is counted
/// instead of failing the page.
fn read_page<T: DeserializeOwned>(
    page: Page<Box<RawValue>>,
    listed: &mut Listed<T>,
) -> Option<String> {
    for raw in page.results {
        match serde_json::from_str(raw.get()) {
            Ok(item) => listed.items.push(item),
            Err(_) => listed.unreadable += 1,
        }
    }
    page.next
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn page(body: &str) -> Page<Box<RawValue>> {
        Reply {
            status: 200,
            retry_after: None,
            body: body.to_string(),
        }
        .json(0)
        .unwrap()
    }

    const ROW: &str = r#"{"id": 1, "server": {"id": 2, "name": "a"}, "name": "n", "status": "completed", "size_mb": 1, "created_at": "2025-01-01T00:00:00Z"}"#;

    #[test]
    fn an_unreadable_row_is_counted_not_fatal() {
        let body = format!(
            r#"{{"count": 5, "results": [{ROW}, {{"id": "801"}}, 7, null, {ROW}],
                "next": "/api/v1/snapshots/?page=2"}}"#
        );
        let mut listed = Listed::<Snapshot> {
            items: Vec::new(),
            unreadable: 0,
        };
        let next = read_page(page(&body), &mut listed);
        assert_eq!(next.as_deref(), Some("/api/v1/snapshots/?page=2"));
        assert_eq!((listed.items.len(), listed.unreadable), (2, 3));
        // The count carries over from page to page.
        assert_eq!(read_page(page(r#"{"results": [{}]}"#), &mut listed), None);
        assert_eq!((listed.items.len(), listed.unreadable), (2, 4));
    }

    proptest! {
        /// Any JSON-like row is read or counted, never a panic.
        #[test]
        fn any_row_is_read_or_counted(row in "[ \\[\\]{}:,\"\\\\a-z0-9.eE+-]{0,40}") {
            let body = format!(r#"{{"results": [{row}]}}"#);
            let decoded: Result<Page<Box<RawValue>>, ApiError> = Reply { status: 200, retry_after: None, body }.json(0);
            if let Ok(raw) = decoded {
                let rows = raw.results.len();
                let mut listed = Listed::<Snapshot> { items: Vec::new(), unreadable: 0 };
                read_page(raw, &mut listed);
                prop_assert_eq!(listed.items.len() + listed.unreadable, rows);
            }
        }
    }
}
