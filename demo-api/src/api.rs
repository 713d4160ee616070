//! The VPS.org routes under `/api/v1/`, answered the way the provider does
//! (Django REST Framework style errors: `{"detail": ...}` or field lists).

use std::time::Instant;

use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, Request, State};
use axum::http::header::{CONTENT_TYPE, HOST, WWW_AUTHENTICATE};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, MethodRouter};
use axum::{Json, Router};
use serde_json::{json, Map, Value};

use crate::state::{CreateError, RestoreError, Settings};
use crate::{is_api_path, SharedState};

const REQUIRED: &str = "This field is required.";
const NOT_INTEGER: &str = "A valid integer is required.";
const NOT_STRING: &str = "Not a valid string.";
const BAD_NAME: &str =
    "Name may contain only letters, digits, hyphens and underscores (at most 64 characters).";
const LONG_DESCRIPTION: &str = "Ensure this field has no more than 500 characters.";
const CREATING: &str =
    "Snapshot is being created. This may take 3-10 minutes depending on server size.";

/// Query parameters in their order of arrival (repeats allowed).
type Params = Query<Vec<(String, String)>>;

/// The API routes. Each path answers with and without its trailing slash.
pub fn routes() -> Router<SharedState> {
    let routes: [(&str, MethodRouter<SharedState>); 5] = [
        (
            "/api/v1/snapshots/",
            get(list_snapshots).post(create_snapshot),
        ),
        (
            "/api/v1/snapshots/{id}/",
            axum::routing::delete(delete_snapshot),
        ),
        ("/api/v1/snapshots/{id}/restore/", post(restore_snapshot)),
        ("/api/v1/servers/", get(list_servers)),
        ("/api/v1/servers/{id}/", get(get_server)),
    ];
    routes
        .into_iter()
        .fold(Router::new(), |router, (path, method_router)| {
            router
                .route(path, method_router.clone())
                .route(path.trim_end_matches('/'), method_router)
        })
}

/// A `{"detail": message}` answer, the API's usual error shape.
pub fn detail(status: StatusCode, message: &str) -> Response {
    (status, Json(json!({ "detail": message }))).into_response()
}

/// Middleware: every `/api/` request needs the Bearer token (checked before
/// routing, so unknown API paths also answer 401 without it).
pub async fn require_token(State(state): State<SharedState>, req: Request, next: Next) -> Response {
    if is_api_path(req.uri().path()) && !state.token_ok(req.headers()) {
        let mut res = detail(
            StatusCode::UNAUTHORIZED,
            "Invalid or missing authentication token.",
        );
        res.headers_mut()
            .insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        return res;
    }
    next.run(req).await
}

/// Middleware: every `/api/` answer waits `--latency-ms` first, so that the
/// console can be judged as on a real network, not only on localhost.
pub async fn add_latency(State(state): State<SharedState>, req: Request, next: Next) -> Response {
    let latency = state.config.settings.latency;
    if is_api_path(req.uri().path()) && !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    next.run(req).await
}

/// Middleware: axum answers a wrong method with an empty 405; give it a JSON
/// body like the real API (keeping the `Allow` header).
pub async fn json_method_not_allowed(req: Request, next: Next) -> Response {
    let method = req.method().clone();
    let res = next.run(req).await;
    if res.status() != StatusCode::METHOD_NOT_ALLOWED {
        return res;
    }
    let (mut parts, _) = res.into_parts();
    let body = json!({ "detail": format!("Method \"{method}\" not allowed.") }).to_string();
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    parts
        .headers
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    Response::from_parts(parts, Body::from(body))
}

/// `GET /api/v1/snapshots/[?server_id=N][&page=K]`
async fn list_snapshots(
    State(state): State<SharedState>,
    Query(params): Params,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let server_id = match param(&params, "server_id") {
        None => None,
        Some(raw) => match raw.trim().parse::<i64>() {
            Ok(id) => Some(id),
            Err(_) => return field_errors([("server_id", NOT_INTEGER)]),
        },
    };
    let store = state.store();
    let snapshots = store.list_snapshots(server_id);
    paginate(
        &snapshots,
        |s| store.snapshot_json(s),
        &params,
        &uri,
        &headers,
        &store.settings,
    )
}

/// `POST /api/v1/snapshots/` with `{"server_id", "name", "description"?}`.
async fn create_snapshot(State(state): State<SharedState>, body: Bytes) -> Response {
    let Ok(Value::Object(fields)) = serde_json::from_slice::<Value>(&body) else {
        return detail(StatusCode::BAD_REQUEST, "Invalid JSON body.");
    };
    // Like DRF, report every invalid field at once.
    let mut errors = Map::new();
    let server_id = match fields.get("server_id") {
        None | Some(Value::Null) => Err(REQUIRED),
        Some(Value::Number(n)) => n.as_i64().ok_or(NOT_INTEGER),
        Some(Value::String(s)) => s.trim().parse::<i64>().map_err(|_| NOT_INTEGER),
        Some(_) => Err(NOT_INTEGER),
    };
    let name = match fields.get("name") {
        None | Some(Value::Null) => Err(REQUIRED),
        Some(Value::String(s)) if s.is_empty() => Err(REQUIRED),
        Some(Value::String(s)) if !valid_name(s) => Err(BAD_NAME),
        Some(Value::String(s)) => Ok(s.as_str()),
        Some(_) => Err(NOT_STRING),
    };
    let description = match fields.get("description") {
        None | Some(Value::Null) => Ok(""),
        Some(Value::String(s)) if s.chars().count() > 500 => Err(LONG_DESCRIPTION),
        Some(Value::String(s)) => Ok(s.as_str()),
        Some(_) => Err(NOT_STRING),
    };
    for (field, result) in [
        ("server_id", server_id.map(|_| ())),
        ("name", name.map(|_| ())),
        ("description", description.map(|_| ())),
    ] {
        if let Err(message) = result {
            errors.insert(field.into(), json!([message]));
        }
    }
    let (Ok(server_id), Ok(name), Ok(description)) = (server_id, name, description) else {
        return (StatusCode::BAD_REQUEST, Json(Value::Object(errors))).into_response();
    };

    let mut store = state.store();
    match store.create_snapshot(server_id, name, description, Instant::now()) {
        Ok(id) => {
            let mut value = store.snapshot_json(&store.snapshots[&id]);
            if let Some(obj) = value.as_object_mut() {
                obj.insert("message".into(), json!(CREATING));
            }
            (StatusCode::CREATED, Json(value)).into_response()
        }
        Err(CreateError::ServerNotFound) => detail(StatusCode::NOT_FOUND, "Server not found."),
        Err(CreateError::LimitReached(server_name)) => detail(
            StatusCode::BAD_REQUEST,
            &format!(
                "Snapshot limit reached: server {server_name} already has 5 snapshots. \
                 Delete one before creating another."
            ),
        ),
    }
}

/// `POST /api/v1/snapshots/{id}/restore/` (any body is ignored).
async fn restore_snapshot(State(state): State<SharedState>, Path(id): Path<String>) -> Response {
    let Ok(id) = id.parse::<i64>() else {
        return detail(StatusCode::NOT_FOUND, "Not found.");
    };
    match state.store().restore(id, Instant::now()) {
        Ok(body) => Json(body).into_response(),
        Err(RestoreError::SnapshotNotFound) => detail(StatusCode::NOT_FOUND, "Snapshot not found."),
        Err(RestoreError::InvalidState) => detail(
            StatusCode::BAD_REQUEST,
            "Server is not in a valid state for restoration.",
        ),
    }
}

/// `DELETE /api/v1/snapshots/{id}/` → 204 with an empty body.
async fn delete_snapshot(State(state): State<SharedState>, Path(id): Path<String>) -> Response {
    let Ok(id) = id.parse::<i64>() else {
        return detail(StatusCode::NOT_FOUND, "Not found.");
    };
    if state.store().delete_snapshot(id) {
        StatusCode::NO_CONTENT.into_response()
    } else {
        detail(StatusCode::NOT_FOUND, "Snapshot not found.")
    }
}

/// `GET /api/v1/servers/[?status=S][&location=L][&page=K]`
async fn list_servers(
    State(state): State<SharedState>,
    Query(params): Params,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let status = param(&params, "status");
    let location = param(&params, "location");
    let store = state.store();
    if store.settings.servers_forbidden {
        return forbidden();
    }
    let servers: Vec<_> = store
        .servers
        .values()
        .filter(|s| status.is_none_or(|v| s.status == v))
        .filter(|s| location.is_none_or(|v| s.location == v))
        .collect();
    paginate(
        &servers,
        |s| json!(s),
        &params,
        &uri,
        &headers,
        &store.settings,
    )
}

/// `GET /api/v1/servers/{id}/`
async fn get_server(State(state): State<SharedState>, Path(id): Path<String>) -> Response {
    let store = state.store();
    if store.settings.servers_forbidden {
        return forbidden();
    }
    match id.parse::<i64>().ok().and_then(|id| store.servers.get(&id)) {
        Some(server) => Json(json!(server)).into_response(),
        None => detail(StatusCode::NOT_FOUND, "Server not found."),
    }
}

/// The Servers API's answer to a token without its permission
/// (`--servers-forbidden`).
fn forbidden() -> Response {
    detail(
        StatusCode::FORBIDDEN,
        "You do not have permission to perform this action.",
    )
}

/// Letters, digits, `-` and `_` only, 1 to 64 characters.
pub fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The last value of a query parameter, ignoring empty ones (as filters do).
fn param<'a>(params: &'a [(String, String)], key: &str) -> Option<&'a str> {
    params
        .iter()
        .rev()
        .find(|(k, v)| k == key && !v.is_empty())
        .map(|(_, v)| v.as_str())
}

/// A 400 with DRF-style field errors, e.g. `{"server_id": ["..."]}`.
fn field_errors<const N: usize>(errors: [(&str, &str); N]) -> Response {
    let map: Map<String, Value> = errors
        .into_iter()
        .map(|(field, message)| (field.to_string(), json!([message])))
        .collect();
    (StatusCode::BAD_REQUEST, Json(Value::Object(map))).into_response()
}

/// One page of `items` as `{"count", "next", "previous", "results"}`, with
/// absolute `next`/`previous` links (as DRF's PageNumberPagination builds).
/// Only the items on the page are rendered, which keeps `--large` lists fast.
fn paginate<T>(
    items: &[T],
    render: impl Fn(&T) -> Value,
    params: &[(String, String)],
    uri: &Uri,
    headers: &HeaderMap,
    settings: &Settings,
) -> Response {
    let page_size = settings.page_size.max(1);
    let count = items.len();
    let pages = count.div_ceil(page_size).max(1);
    let (key, asked) = if settings.cursor_pages {
        let cursor = param(params, CURSOR);
        (
            CURSOR,
            cursor.map(|c| c.strip_prefix(CURSOR_PREFIX).unwrap_or("")),
        )
    } else {
        (PAGE, param(params, PAGE))
    };
    let page = match asked.map(|p| p.trim().parse::<usize>()) {
        None => 1,
        Some(Ok(p)) if (1..=pages).contains(&p) => p,
        Some(_) => return detail(StatusCode::NOT_FOUND, "Invalid page."),
    };
    let start = (page - 1) * page_size;
    let results: Vec<Value> = items[start..count.min(start + page_size)]
        .iter()
        .map(render)
        .collect();
    let link = |page: usize| {
        let value = if settings.cursor_pages {
            format!("{CURSOR_PREFIX}{page}")
        } else {
            page.to_string()
        };
        page_link(uri, headers, key, Some(&value))
    };
    let next = (page < pages).then(|| link(page + 1));
    // Like DRF, the link back to the first page carries no `page` at all.
    let previous = (page > 1).then(|| match page {
        2 => page_link(uri, headers, key, None),
        _ => link(page - 1),
    });
    let mut body = json!({
        "next": next,
        "previous": previous,
        "results": results,
    });
    // Like DRF's cursor pagination, cursor pages do not count the list.
    if !settings.cursor_pages {
        body["count"] = json!(count);
    }
    Json(body).into_response()
}

/// The request's own absolute URL with `page` replaced (or removed), the
/// other query parameters kept as they came.
fn page_link(uri: &Uri, headers: &HeaderMap, key: &str, page: Option<&str>) -> String {
    let host = headers
        .get(HOST)
        .and_then(|h| h.to_str().ok())
        .or_else(|| uri.authority().map(|a| a.as_str()))
        .unwrap_or("localhost");
    let mut query: Vec<String> = uri
        .query()
        .unwrap_or("")
        .split('&')
        .filter(|pair| !pair.is_empty() && pair.split('=').next() != Some(key))
        .map(str::to_owned)
        .collect();
    if let Some(page) = page {
        query.push(format!("{key}={page}"));
    }
    let query = if query.is_empty() {
        String::new()
    } else {
        format!("?{}", query.join("&"))
    };
    // The provider is only served over https: reached under its name (as
    // behind docs/nginx.conf), the demo writes its links as the provider does.
    let scheme = if host == PROVIDER_HOST {
        "https"
    } else {
        "http"
    };
    format!("{scheme}://{host}{}{query}", uri.path())
}

/// The provider's host name, which a reverse proxy sends as `Host`.
const PROVIDER_HOST: &str = "admin.vps.org";
/// The query parameters of numbered and of cursor pages.
const PAGE: &str = "page";
const CURSOR: &str = "cursor";
/// What the demo's cursors start with ("p=" in base64, as DRF's would),
/// so they do not read as page numbers.
const CURSOR_PREFIX: &str = "cD0";
