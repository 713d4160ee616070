//! The built web app (`--dist`), served at `/` like a single-page app: a GET
//! that matches no file gets `index.html`, so client-side routes survive a
//! reload.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tower::ServiceExt;
use tower_http::services::ServeDir;

use crate::SharedState;

/// What `/config.json` says when the build has none: call the API on the
/// same origin.
const DEFAULT_CONFIG: &str = "{\"api_base_url\": \"\"}";

/// Routes of the static side that are not plain files.
pub fn routes() -> Router<SharedState> {
    Router::new().route("/config.json", get(config_json))
}

/// Serves a file of the web app, or `index.html` for any GET that matches none.
pub async fn serve(state: &SharedState, req: Request) -> Response {
    let is_read = matches!(*req.method(), Method::GET | Method::HEAD);
    let res = match ServeDir::new(&state.config.dist).oneshot(req).await {
        Ok(res) => res.map(Body::new),
        Err(never) => match never {},
    };
    if res.status() == StatusCode::NOT_FOUND && is_read {
        return index_html(state).await;
    }
    let is_html = res
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html {
        html_headers(state, res).await
    } else {
        res
    }
}

/// The page names the hashed asset files of one build, so it is always
/// revalidated; and it is sent with the build's Content-Security-Policy
/// (`dist/csp-header.txt`, written by the build) as a real host would send it.
async fn html_headers(state: &SharedState, res: Response) -> Response {
    let mut res = no_cache(res);
    let policy = tokio::fs::read_to_string(state.config.dist.join("csp-header.txt")).await;
    if let Ok(policy) = policy {
        let header = format!(
            "{}; frame-ancestors {}",
            policy.trim(),
            state.config.frame_ancestors
        );
        if let Ok(value) = HeaderValue::from_str(&header) {
            res.headers_mut().insert(CONTENT_SECURITY_POLICY, value);
        }
    }
    res
}

/// `dist/index.html`, read on each request so a rebuild shows without restart.
async fn index_html(state: &SharedState) -> Response {
    let path = state.config.dist.join("index.html");
    match tokio::fs::read(&path).await {
        Ok(html) => html_headers(state, ([(CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response()).await,
        Err(_) => (
            StatusCode::NOT_FOUND,
            [(CONTENT_TYPE, "text/plain; charset=utf-8")],
            format!(
                "The web app is not built: {} is missing. Build it first (trunk build --release, or use scripts/run), \
                 then reload. The API itself is available under /api/v1/.\n",
                path.display()
            ),
        )
            .into_response(),
    }
}

/// `dist/config.json` if the build has one, else the same-origin default.
async fn config_json(State(state): State<SharedState>) -> Response {
    let body = tokio::fs::read(state.config.dist.join("config.json"))
        .await
        .unwrap_or_else(|_| DEFAULT_CONFIG.as_bytes().to_vec());
    no_cache(([(CONTENT_TYPE, "application/json")], body).into_response())
}

fn no_cache(mut res: Response) -> Response {
    res.headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    res
}
