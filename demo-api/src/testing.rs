//! Test mode (`--test-mode`): the `/__test/` control routes, the request log
//! and fault injection. Browser tests use these to start from a known state,
//! to see exactly what the app sent, and to make the "API" misbehave.

use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Request, State};
use axum::http::header::{CONTENT_TYPE, COOKIE, RETRY_AFTER};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, MethodRouter};
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::api::detail;
use crate::{is_test_path, ConnectionKiller, SharedState};

/// Bodies larger than this are refused (413) in test mode; the app never
/// sends more than a few hundred bytes.
const MAX_BODY_BYTES: usize = 1024 * 1024;

/// The body of the `malformed_json` fault: JSON cut off in the middle.
const TRUNCATED_JSON: &str = "{\"count\": 3, \"results\": [{\"id\": 1,";

/// The control routes (each also without the trailing slash).
pub fn routes() -> Router<SharedState> {
    let routes: [(&str, MethodRouter<SharedState>); 9] = [
        ("/__test/reset", post(reset)),
        ("/__test/requests", get(requests)),
        ("/__test/faults", post(add_fault).delete(clear_faults)),
        ("/__test/revoke", post(revoke)),
        ("/__test/config", post(change_config)),
        ("/__test/snapshot-status", post(force_snapshot_status)),
        ("/__test/rename", post(rename)),
        ("/__test/server-status", post(force_server_status)),
        ("/__test/release", post(release)),
    ];
    routes
        .into_iter()
        .fold(Router::new(), |router, (path, method_router)| {
            router
                .route(&format!("{path}/"), method_router.clone())
                .route(path, method_router)
        })
}

/// One request as `GET /__test/requests` lists it. The token itself is
/// never stored, only whether it was valid.
#[derive(Clone, Debug, Serialize)]
pub struct LoggedRequest {
    #[serde(skip)]
    seq: u64,
    pub method: String,
    pub path: String,
    pub query: String,
    pub body: String,
    /// The status sent; 0 while no answer has been sent (in flight, or dropped).
    pub status: u16,
    pub auth: bool,
    /// Whether a `Cookie` header came with it (its value is not kept).
    pub cookie: bool,
    /// When the request arrived, in milliseconds since the Unix epoch: a
    /// harness on the same machine can order it against its own clicks.
    pub at_ms: u64,
    /// When its answer was ready, likewise (0 until then): with `at_ms`,
    /// how many requests were in flight at once.
    pub answered_ms: u64,
    /// The queued fault that hit this request (its `kind`), if one did.
    pub fault: Option<&'static str>,
}

/// A queued fault, as posted to `/__test/faults`.
#[derive(Clone, Debug, Deserialize)]
pub struct Fault {
    /// Applies to paths starting with this (all paths if empty or absent).
    #[serde(default)]
    pub path_prefix: String,
    /// Applies only to requests with this query (`page=3`; the same
    /// parameters in any order), if given.
    #[serde(default)]
    pub query: Option<String>,
    /// Applies only to requests whose query has this parameter (`page`:
    /// every numbered page but the first), if given.
    #[serde(default)]
    pub with_param: Option<String>,
    /// Applies to this method only (any if absent).
    #[serde(default)]
    pub method: Option<String>,
    /// How many matching requests it hits before it is removed.
    #[serde(default = "one")]
    pub times: u32,
    #[serde(flatten)]
    pub kind: FaultKind,
}

fn one() -> u32 {
    1
}

/// What a fault does to a request, chosen by its `"kind"`.
#[derive(Clone, Debug, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FaultKind {
    /// 500 with an HTML page, as a crashed proxy would answer.
    Html500,
    /// 200 `application/json` with a truncated body.
    MalformedJson,
    /// Waits, then answers normally.
    Slow { delay_ms: u64 },
    /// Waits until `POST /__test/release` (or a reset), then answers
    /// normally: a test holds the later pages of a list back.
    Hold,
    /// 429 with `Retry-After` when given (a string or a number).
    RateLimit {
        #[serde(default)]
        retry_after: Option<Value>,
    },
    /// Any status with a JSON body (a generic `detail` by default).
    Status {
        status: u16,
        #[serde(default)]
        body: Option<String>,
    },
    /// Closes the connection without any answer.
    Drop,
    /// The real list page, with a `count` one higher: the list changed
    /// while it was being read.
    CountChanged,
    /// The real list page, with this `next` link instead of its own.
    Next { next: Value },
    /// The real list page, its last row replaced by a copy of its first.
    DuplicateRow,
}

impl FaultKind {
    /// The fault's `kind`, as posted and as the request log names it.
    fn name(&self) -> &'static str {
        match self {
            FaultKind::Html500 => "html500",
            FaultKind::MalformedJson => "malformed_json",
            FaultKind::Slow { .. } => "slow",
            FaultKind::Hold => "hold",
            FaultKind::RateLimit { .. } => "rate_limit",
            FaultKind::Status { .. } => "status",
            FaultKind::Drop => "drop",
            FaultKind::CountChanged => "count_changed",
            FaultKind::Next { .. } => "next",
            FaultKind::DuplicateRow => "duplicate_row",
        }
    }

    /// The answer of a fault that replaces the real one (not `slow`/`drop`).
    fn response(&self) -> Response {
        match self {
            FaultKind::Html500 => (
                StatusCode::INTERNAL_SERVER_ERROR,
                [(CONTENT_TYPE, "text/html; charset=utf-8")],
                "<html><body><h1>Internal Server Error</h1></body></html>",
            )
                .into_response(),
            FaultKind::MalformedJson => {
                ([(CONTENT_TYPE, "application/json")], TRUNCATED_JSON).into_response()
            }
            FaultKind::RateLimit { retry_after } => {
                let mut res = detail(StatusCode::TOO_MANY_REQUESTS, "Request was throttled.");
                let value = match retry_after {
                    Some(Value::String(s)) => HeaderValue::from_str(s).ok(),
                    Some(Value::Number(n)) => HeaderValue::from_str(&n.to_string()).ok(),
                    _ => None,
                };
                if let Some(value) = value {
                    res.headers_mut().insert(RETRY_AFTER, value);
                }
                res
            }
            FaultKind::Status { status, body } => {
                let status =
                    StatusCode::from_u16(*status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
                // These statuses must not carry a body.
                if status == StatusCode::NO_CONTENT || status == StatusCode::NOT_MODIFIED {
                    return status.into_response();
                }
                let body = body.clone().unwrap_or_else(|| {
                    let reason = status.canonical_reason().unwrap_or("Injected error");
                    serde_json::json!({ "detail": format!("{reason}.") }).to_string()
                });
                (status, [(CONTENT_TYPE, "application/json")], body).into_response()
            }
            // Handled by the middleware; never asked for a response.
            FaultKind::Slow { .. }
            | FaultKind::Hold
            | FaultKind::Drop
            | FaultKind::CountChanged
            | FaultKind::Next { .. }
            | FaultKind::DuplicateRow => StatusCode::OK.into_response(),
        }
    }

    /// Changes a real list page as the fault says; `None` for faults that
    /// replace the answer instead.
    fn rewrite(&self, mut page: Value) -> Option<Value> {
        match self {
            FaultKind::CountChanged => {
                let count = page["count"].as_u64().unwrap_or(0);
                page["count"] = Value::from(count + 1);
            }
            FaultKind::Next { next } => page["next"] = next.clone(),
            FaultKind::DuplicateRow => {
                if let Some(rows) = page["results"].as_array_mut() {
                    if let (Some(first), Some(_)) = (rows.first().cloned(), rows.last()) {
                        let last = rows.len() - 1;
                        rows[last] = first;
                    }
                }
            }
            _ => return None,
        }
        Some(page)
    }
}

/// A real answer changed by a rewriting fault ([`FaultKind::rewrite`]).
async fn rewritten(res: Response, fault: &FaultKind) -> Response {
    let (parts, body) = res.into_parts();
    let Ok(bytes) = to_bytes(body, usize::MAX).await else {
        return detail(StatusCode::INTERNAL_SERVER_ERROR, "Unreadable answer.");
    };
    match serde_json::from_slice(&bytes)
        .ok()
        .and_then(|page| fault.rewrite(page))
    {
        Some(page) => (parts.status, Json(page)).into_response(),
        None => Response::from_parts(parts, Body::from(bytes)),
    }
}

/// The request log and the fault queue.
#[derive(Debug, Default)]
pub struct Controls {
    log: Mutex<Vec<LoggedRequest>>,
    faults: Mutex<Vec<Fault>>,
    /// Never reset, so that a request in flight across a reset cannot
    /// update a newer entry.
    next_seq: Mutex<u64>,
    /// How many times held requests were released: a `hold` waits until
    /// this passes the value it saw.
    releases: Mutex<u64>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Controls {
    /// Forgets the logged requests and the queued faults.
    pub fn clear(&self) {
        lock(&self.log).clear();
        self.release();
        lock(&self.faults).clear();
    }

    /// Lets every held request go on, and holds no more.
    pub fn release(&self) {
        lock(&self.faults).retain(|f| !matches!(f.kind, FaultKind::Hold));
        *lock(&self.releases) += 1;
    }

    /// Waits until the held requests are released after `seen`.
    async fn held(&self, seen: u64) {
        while *lock(&self.releases) <= seen {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    /// Every request logged since the last reset, in order of arrival.
    pub fn requests(&self) -> Vec<LoggedRequest> {
        lock(&self.log).clone()
    }

    /// Queues a fault behind those already queued.
    pub fn add_fault(&self, fault: Fault) {
        lock(&self.faults).push(fault);
    }

    /// Forgets the queued faults (the log stays).
    pub fn clear_faults(&self) {
        lock(&self.faults).clear();
    }

    fn log_start(&self, mut entry: LoggedRequest) -> u64 {
        let mut next_seq = lock(&self.next_seq);
        *next_seq += 1;
        entry.seq = *next_seq;
        lock(&self.log).push(entry);
        *next_seq
    }

    fn log_status(&self, seq: u64, status: u16) {
        let at = unix_ms();
        self.update_entry(seq, |entry| {
            entry.status = status;
            entry.answered_ms = at;
        });
    }

    fn log_fault(&self, seq: u64, fault: &FaultKind) {
        self.update_entry(seq, |entry| entry.fault = Some(fault.name()));
    }

    fn update_entry(&self, seq: u64, change: impl FnOnce(&mut LoggedRequest)) {
        if let Some(entry) = lock(&self.log).iter_mut().rev().find(|e| e.seq == seq) {
            change(entry);
        }
    }

    /// The first queued fault matching the request, counted as used once.
    fn take_fault(&self, method: &Method, path: &str, query: &str) -> Option<FaultKind> {
        let mut faults = lock(&self.faults);
        let index = faults.iter().position(|f| {
            path.starts_with(&f.path_prefix)
                && f.query.as_deref().is_none_or(|q| same_query(q, query))
                && f.with_param.as_deref().is_none_or(|p| has_param(query, p))
                && f.method
                    .as_deref()
                    .is_none_or(|m| m.eq_ignore_ascii_case(method.as_str()))
        })?;
        let fault = &mut faults[index];
        fault.times = fault.times.saturating_sub(1);
        let kind = fault.kind.clone();
        if fault.times == 0 {
            faults.remove(index);
        }
        Some(kind)
    }
}

/// Middleware (test mode only): logs every non-`/__test/` request with its
/// final status, and applies the first matching queued fault.
pub async fn log_and_inject(
    State(state): State<SharedState>,
    req: Request,
    next: Next,
) -> Response {
    let path = req.uri().path().to_owned();
    if is_test_path(&path) {
        return next.run(req).await;
    }
    let method = req.method().clone();
    let auth = state.token_ok(req.headers());
    let cookie = req.headers().contains_key(COOKIE);
    let query = req.uri().query().unwrap_or("").to_owned();
    let (parts, body) = req.into_parts();
    // Read the whole body so it can be logged, then hand it on.
    let body = to_bytes(body, MAX_BODY_BYTES).await;
    let seq = state.controls.log_start(LoggedRequest {
        seq: 0,
        method: method.to_string(),
        path: path.clone(),
        query: query.clone(),
        body: body
            .as_ref()
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default(),
        status: 0,
        auth,
        cookie,
        at_ms: unix_ms(),
        answered_ms: 0,
        fault: None,
    });
    let res = match body {
        Err(_) => detail(StatusCode::PAYLOAD_TOO_LARGE, "Request body too large."),
        Ok(body) => {
            let req = Request::from_parts(parts, Body::from(body));
            let fault = state.controls.take_fault(&method, &path, &query);
            if let Some(fault) = &fault {
                state.controls.log_fault(seq, fault);
            }
            match fault {
                None => next.run(req).await,
                Some(FaultKind::Slow { delay_ms }) => {
                    tokio::time::sleep(Duration::from_millis(delay_ms)).await;
                    next.run(req).await
                }
                Some(FaultKind::Hold) => {
                    let seen = *lock(&state.controls.releases);
                    state.controls.held(seen).await;
                    next.run(req).await
                }
                Some(FaultKind::Drop) => match req.extensions().get::<ConnectionKiller>() {
                    Some(killer) => {
                        killer.kill();
                        // The connection task now drops this future together
                        // with the socket; the log keeps status 0.
                        return std::future::pending().await;
                    }
                    // Only in-process tests without a socket get here.
                    None => detail(StatusCode::INTERNAL_SERVER_ERROR, "No connection to drop."),
                },
                Some(
                    kind @ (FaultKind::CountChanged
                    | FaultKind::Next { .. }
                    | FaultKind::DuplicateRow),
                ) => rewritten(next.run(req).await, &kind).await,
                Some(kind) => kind.response(),
            }
        }
    };
    state.controls.log_status(seq, res.status().as_u16());
    res
}

/// Whether two query strings hold the same parameters, in any order (the
/// app's HTTP client may add an empty one: `page=3&`).
fn same_query(a: &str, b: &str) -> bool {
    let pairs = |query: &'_ str| {
        let mut pairs: Vec<String> = query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(str::to_owned)
            .collect();
        pairs.sort_unstable();
        pairs
    };
    pairs(a) == pairs(b)
}

/// Whether `query` has the parameter `name` (with any value).
fn has_param(query: &str, name: &str) -> bool {
    query
        .split('&')
        .any(|pair| pair.split('=').next() == Some(name))
}

/// Now, in milliseconds since the Unix epoch (0 if the clock is before it).
fn unix_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// Parses a JSON body into `T`, or answers 400 with serde's reason.
fn parse<T: DeserializeOwned>(body: &Bytes) -> Result<T, Box<Response>> {
    serde_json::from_slice(body).map_err(|err| {
        Box::new(detail(
            StatusCode::BAD_REQUEST,
            &format!("Invalid body: {err}"),
        ))
    })
}

/// `POST /__test/release`: the held requests go on, and no more are held.
async fn release(State(state): State<SharedState>) -> StatusCode {
    state.controls.release();
    StatusCode::NO_CONTENT
}

/// `POST /__test/reset`
async fn reset(State(state): State<SharedState>) -> StatusCode {
    state.reset();
    StatusCode::NO_CONTENT
}

/// `GET /__test/requests`
async fn requests(State(state): State<SharedState>) -> Json<Vec<LoggedRequest>> {
    Json(state.controls.requests())
}

/// `POST /__test/faults` with a [`Fault`].
async fn add_fault(State(state): State<SharedState>, body: Bytes) -> Response {
    let fault: Fault = match parse(&body) {
        Ok(fault) => fault,
        Err(res) => return *res,
    };
    if fault.times == 0 {
        return detail(StatusCode::BAD_REQUEST, "times must be at least 1.");
    }
    if let FaultKind::Status { status, .. } = fault.kind {
        if !(200..=599).contains(&status) {
            return detail(StatusCode::BAD_REQUEST, "status must be within 200..=599.");
        }
    }
    state.controls.add_fault(fault);
    StatusCode::NO_CONTENT.into_response()
}

/// `DELETE /__test/faults`: no more faults (those queued are dropped).
async fn clear_faults(State(state): State<SharedState>) -> StatusCode {
    state.controls.clear_faults();
    StatusCode::NO_CONTENT
}

/// `POST /__test/revoke`: the token answers 401 until the next reset.
async fn revoke(State(state): State<SharedState>) -> StatusCode {
    state.store().token_revoked = true;
    StatusCode::NO_CONTENT
}

/// Body of `POST /__test/config`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigChange {
    snapshot_delay_ms: Option<u64>,
    restore_delay_ms: Option<u64>,
    page_size: Option<usize>,
    servers_forbidden: Option<bool>,
    /// `"numbers"` (`page=N`, the default) or `"cursor"`.
    pagination: Option<Pagination>,
}

/// How list pages link to each other.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Pagination {
    Numbers,
    Cursor,
}

/// `POST /__test/config`: changes delays, page size, pagination or whether
/// the Servers API answers 403, live.
async fn change_config(State(state): State<SharedState>, body: Bytes) -> Response {
    let change: ConfigChange = match parse(&body) {
        Ok(change) => change,
        Err(res) => return *res,
    };
    if change.page_size == Some(0) {
        return detail(StatusCode::BAD_REQUEST, "page_size must be at least 1.");
    }
    let mut store = state.store();
    if let Some(ms) = change.snapshot_delay_ms {
        store.settings.snapshot_delay = Duration::from_millis(ms);
    }
    if let Some(ms) = change.restore_delay_ms {
        store.settings.restore_delay = Duration::from_millis(ms);
    }
    if let Some(size) = change.page_size {
        store.settings.page_size = size;
    }
    if let Some(forbidden) = change.servers_forbidden {
        store.settings.servers_forbidden = forbidden;
    }
    if let Some(pagination) = change.pagination {
        store.settings.cursor_pages = matches!(pagination, Pagination::Cursor);
    }
    StatusCode::NO_CONTENT.into_response()
}

/// Body of `POST /__test/snapshot-status`. `size_mb` absent keeps the size;
/// `null` clears it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StatusChange {
    id: i64,
    status: String,
    #[serde(default, deserialize_with = "present")]
    size_mb: Option<Option<i64>>,
}

/// Tells a field given as `null` (`Some(None)`) from one left out (`None`).
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<i64>>, D::Error> {
    Option::<i64>::deserialize(d).map(Some)
}

/// `POST /__test/snapshot-status`: forces a snapshot's status (and size).
/// The forced status is final: a forced `in_progress` never completes.
async fn force_snapshot_status(State(state): State<SharedState>, body: Bytes) -> Response {
    let change: StatusChange = match parse(&body) {
        Ok(change) => change,
        Err(res) => return *res,
    };
    let mut store = state.store();
    let Some(snap) = store.snapshots.get_mut(&change.id) else {
        return detail(StatusCode::NOT_FOUND, "Snapshot not found.");
    };
    snap.status = change.status;
    snap.creating_since = None;
    if let Some(size_mb) = change.size_mb {
        snap.size_mb = size_mb;
    }
    StatusCode::NO_CONTENT.into_response()
}

/// Body of `POST /__test/rename`: a server or a snapshot, and its new name.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Rename {
    server_id: Option<i64>,
    snapshot_id: Option<i64>,
    name: String,
}

/// `POST /__test/rename`: gives a server or a snapshot any name at all, one
/// the API's own checks would refuse (hidden or right-to-left characters),
/// as the provider's other tools might have.
async fn rename(State(state): State<SharedState>, body: Bytes) -> Response {
    let change: Rename = match parse(&body) {
        Ok(change) => change,
        Err(res) => return *res,
    };
    let mut store = state.store();
    let name = match (change.server_id, change.snapshot_id) {
        (Some(id), None) => store.servers.get_mut(&id).map(|s| &mut s.name),
        (None, Some(id)) => store.snapshots.get_mut(&id).map(|s| &mut s.name),
        _ => {
            return detail(
                StatusCode::BAD_REQUEST,
                "Give either server_id or snapshot_id.",
            )
        }
    };
    match name {
        Some(name) => {
            *name = change.name;
            StatusCode::NO_CONTENT.into_response()
        }
        None => detail(StatusCode::NOT_FOUND, "Not found."),
    }
}

/// Body of `POST /__test/server-status`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ServerStatusChange {
    id: i64,
    status: String,
}

/// `POST /__test/server-status`: forces a server's status, as if changed
/// from elsewhere (e.g. `restoring` by another console). The forced status
/// is final: a restore in progress is forgotten, and a forced `restoring`
/// lasts until the next forced status or reset.
async fn force_server_status(State(state): State<SharedState>, body: Bytes) -> Response {
    let change: ServerStatusChange = match parse(&body) {
        Ok(change) => change,
        Err(res) => return *res,
    };
    let mut store = state.store();
    let Some(server) = store.servers.get_mut(&change.id) else {
        return detail(StatusCode::NOT_FOUND, "Server not found.");
    };
    server.status = change.status;
    server.restore = None;
    StatusCode::NO_CONTENT.into_response()
}
