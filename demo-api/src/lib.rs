//! A local imitation of the VPS.org snapshots and servers API, with seeded
//! sample data, that also serves the built web app on the same origin.
//!
//! - [`state`]: the in-memory store, the seed data and the timed transitions;
//! - [`api`]: the VPS.org routes under `/api/v1/`, the token check;
//! - [`testing`]: the `/__test/` control routes, fault injection, request log;
//! - [`static_files`]: the web app (`dist/`) with a single-page-app fallback.
//!
//! [`serve`] runs its own accept loop (instead of `axum::serve`) so that a
//! handler can close its connection without answering: the `drop` fault.

pub mod api;
pub mod state;
pub mod static_files;
pub mod testing;

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE, RETRY_AFTER};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::Response;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::Notify;
use tower::ServiceExt;
use tower_http::cors::{Any, CorsLayer};

use state::{Seed, Settings, Store};

/// Everything fixed at startup (the CLI's choices).
#[derive(Clone, Debug)]
pub struct Config {
    /// The built web app's folder.
    pub dist: PathBuf,
    /// The one API token accepted.
    pub token: String,
    /// Delays and page size; `/__test/reset` returns to these.
    pub settings: Settings,
    /// The data set to start from and to return to on reset.
    pub seed: Seed,
    /// Enables the `/__test/` routes, the request log and fault injection.
    pub test_mode: bool,
    /// The `frame-ancestors` sources added to the app's Content-Security-Policy:
    /// who may embed the console in a frame.
    pub frame_ancestors: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            dist: PathBuf::from("dist"),
            token: "demo-token-0123456789abcdef".into(),
            settings: Settings::default(),
            seed: Seed::Demo,
            test_mode: false,
            frame_ancestors: "'self'".into(),
        }
    }
}

/// The state every handler shares.
#[derive(Debug)]
pub struct AppState {
    pub config: Config,
    store: Mutex<Store>,
    /// Request log and queued faults (used in test mode only).
    pub controls: testing::Controls,
}

/// How handlers hold the state.
pub type SharedState = Arc<AppState>;

impl AppState {
    /// Fresh state holding the configured seed.
    pub fn new(config: Config) -> SharedState {
        let store = Store::new(config.seed, config.settings.clone());
        Arc::new(AppState {
            config,
            store: Mutex::new(store),
            controls: testing::Controls::default(),
        })
    }

    /// Locks the store, first applying the transitions that are due, so that
    /// every reader sees snapshots completed and restores finished on time.
    pub fn store(&self) -> MutexGuard<'_, Store> {
        // A panic elsewhere while holding the lock leaves plain data behind,
        // which is still fine to use for a demo.
        let mut store = self.store.lock().unwrap_or_else(PoisonError::into_inner);
        store.tick(Instant::now());
        store
    }

    /// True if the request carries `Authorization: Bearer <the token>` and
    /// the token has not been revoked.
    pub fn token_ok(&self, headers: &HeaderMap) -> bool {
        let Some(value) = headers.get(AUTHORIZATION).and_then(|v| v.to_str().ok()) else {
            return false;
        };
        let Some((scheme, token)) = value.trim().split_once(' ') else {
            return false;
        };
        scheme.eq_ignore_ascii_case("bearer")
            && token.trim() == self.config.token
            && !self.store().token_revoked
    }

    /// Back to the seed and the CLI settings; clears the log, the faults and
    /// the revocation.
    pub fn reset(&self) {
        *self.store() = Store::new(self.config.seed, self.config.settings.clone());
        self.controls.clear();
    }
}

/// True for paths that belong to the API (and so need the token).
pub fn is_api_path(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

/// True for the test control paths (never logged, never faulted).
pub fn is_test_path(path: &str) -> bool {
    path == "/__test" || path.starts_with("/__test/")
}

/// The whole application: API, test routes (in test mode) and static files.
pub fn router(state: SharedState) -> Router {
    let mut app = api::routes().merge(static_files::routes());
    if state.config.test_mode {
        app = app.merge(testing::routes());
    }
    // Layers run outside-in in the reverse order they are added here.
    let mut app = app
        .fallback(fallback)
        .layer(from_fn(api::json_method_not_allowed))
        .layer(from_fn_with_state(state.clone(), api::require_token));
    if state.config.test_mode {
        // Outside the token check, so that 401s are logged and faults can
        // hit any request.
        app = app.layer(from_fn_with_state(state.clone(), testing::log_and_inject));
    }
    // Outside the faults too: a faulted answer crosses the same network.
    let app = app.layer(from_fn_with_state(state.clone(), api::add_latency));
    // Outermost, so that even faulted answers carry CORS headers.
    app.layer(cors()).with_state(state)
}

/// Any origin may call the API: lets the app be pointed at the demo from elsewhere.
fn cors() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::POST, Method::DELETE, Method::OPTIONS])
        .allow_headers([AUTHORIZATION, CONTENT_TYPE])
        .expose_headers([RETRY_AFTER])
        .max_age(Duration::from_secs(600))
}

/// Unknown API and test paths get a JSON 404; everything else is a file of
/// the web app (or the app itself, for client-side routes).
async fn fallback(State(state): State<SharedState>, req: Request) -> Response {
    let path = req.uri().path();
    if is_api_path(path) || is_test_path(path) {
        return api::detail(StatusCode::NOT_FOUND, "Not found.");
    }
    static_files::serve(&state, req).await
}

/// Lets a handler close the connection its request came on, without any
/// answer (the `drop` fault). Present as a request extension when served
/// by [`serve`].
#[derive(Clone, Debug)]
pub struct ConnectionKiller(Arc<Notify>);

impl ConnectionKiller {
    /// Asks the connection task to close the socket now.
    pub fn kill(&self) {
        // notify_one keeps a permit if the task is not waiting yet.
        self.0.notify_one();
    }
}

/// Serves `router` on `listener` forever, HTTP/1.1 only.
///
/// `keep_alive: false` answers every request with `Connection: close`. Test
/// mode uses it because browsers silently resend a request whose *reused*
/// connection closed without an answer, which would hide the `drop` fault.
pub async fn serve(listener: TcpListener, router: Router, keep_alive: bool) {
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _peer)) => stream,
            Err(err) => {
                // E.g. out of file descriptors: wait a little rather than spin.
                eprintln!("demo-api: accept failed: {err}");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let router = router.clone();
        tokio::spawn(async move {
            let killer = ConnectionKiller(Arc::new(Notify::new()));
            let handle = killer.clone();
            let service = hyper::service::service_fn(move |mut req: hyper::Request<Incoming>| {
                req.extensions_mut().insert(handle.clone());
                router.clone().oneshot(req)
            });
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .keep_alive(keep_alive)
                .serve_connection(TokioIo::new(stream), service);
            tokio::select! {
                // Errors here are the client's (reset, bad request): nothing to do.
                _ = connection => {}
                // Dropping `connection` closes the socket with nothing sent.
                _ = killer.0.notified() => {}
            }
        });
    }
}
