//! The typed VPS.org API client: the only code that knows URLs and headers.
//! Status codes and error bodies are read in [`error`].

pub mod error;
mod http;
pub mod types;

pub use error::ApiError;
pub use http::now_ms;

use crate::session::Session;
use gloo_net::http::Method;
use leptos::prelude::{expect_context, provide_context};
use types::{CreatedSnapshot, NewSnapshot, Page, RestoreStarted, Server, Snapshot};

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

/// Talks to the API at the configured base URL with the session's token.
#[derive(Clone, Debug)]
pub struct ApiClient {
    /// Scheme, host and port of the API, or empty for this page's origin.
    base_url: String,
    session: Session,
}

impl ApiClient {
    /// A client for `base_url` (empty: same origin) that signs requests with
    /// the session's token.
    pub fn new(base_url: &str, session: Session) -> Self {
        Self {
            base_url: base_url.trim_end_matches('/').to_string(),
            session,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    fn token(&self) -> Result<String, ApiError> {
        self.session.token().ok_or(ApiError::Unauthorized)
    }

    /// Checks a token the user typed, before it is kept: `Ok` when the API
    /// accepts it.
    pub async fn check_token(&self, token: &str) -> Result<(), ApiError> {
        http::get_with_retry(&self.url("/api/v1/snapshots/"), token)
            .await?
            .json::<Page<Snapshot>>(now_ms())
            .map(|_| ())
    }

    /// Every snapshot (or one server's), following `next` through all pages.
    pub async fn list_snapshots(&self, server_id: Option<u64>) -> Result<Vec<Snapshot>, ApiError> {
        let path = match server_id {
            Some(id) => format!("/api/v1/snapshots/?server_id={id}"),
            None => "/api/v1/snapshots/".to_string(),
        };
        self.list_all(&path).await
    }

    /// Every server of the account (Servers API).
    pub async fn list_servers(&self) -> Result<Vec<Server>, ApiError> {
        self.list_all("/api/v1/servers/").await
    }

    /// One server (Servers API), e.g. to follow a restore.
    pub async fn get_server(&self, id: u64) -> Result<Server, ApiError> {
        let token = self.token()?;
        http::get_with_retry(&self.url(&format!("/api/v1/servers/{id}/")), &token)
            .await?
            .json(now_ms())
    }

    /// Starts a snapshot. Sent once: never retried automatically.
    pub async fn create_snapshot(&self, new: &NewSnapshot) -> Result<CreatedSnapshot, ApiError> {
        let token = self.token()?;
        let body = serde_json::to_string(new).map_err(|e| ApiError::Undecodable {
            detail: e.to_string(),
        })?;
        http::send_once(
            Method::POST,
            &self.url("/api/v1/snapshots/"),
            &token,
            Some(body),
        )
        .await?
        .json(now_ms())
    }

    /// Starts restoring the snapshot's server from it. Sent once.
    pub async fn restore_snapshot(&self, snapshot_id: u64) -> Result<RestoreStarted, ApiError> {
        let token = self.token()?;
        let url = self.url(&format!("/api/v1/snapshots/{snapshot_id}/restore/"));
        http::send_once(Method::POST, &url, &token, None)
            .await?
            .json(now_ms())
    }

    /// Deletes a snapshot for good. Sent once.
    pub async fn delete_snapshot(&self, snapshot_id: u64) -> Result<(), ApiError> {
        let token = self.token()?;
        let url = self.url(&format!("/api/v1/snapshots/{snapshot_id}/"));
        http::send_once(Method::DELETE, &url, &token, None)
            .await?
            .empty(now_ms())
    }

    async fn list_all<T: serde::de::DeserializeOwned>(
        &self,
        path: &str,
    ) -> Result<Vec<T>, ApiError> {
        let token = self.token()?;
        let first_url = self.url(path);
        let mut url = first_url.clone();
        let mut items = Vec::new();
        for _ in 0..MAX_PAGES {
            let page: Page<T> = http::get_with_retry(&url, &token).await?.json(now_ms())?;
            items.extend(page.results);
            match page.next {
                Some(next) => {
                    url = follow_next(&first_url, &next).ok_or_else(|| ApiError::Undecodable {
                        detail: "the next page is on another site".to_string(),
                    })?
                }
                None => return Ok(items),
            }
        }
        Err(ApiError::Undecodable {
            detail: "the list has too many pages".to_string(),
        })
    }
}

/// The URL of the next page, or `None` when `next` points to another site:
/// the token is never sent anywhere but the API.
fn follow_next(current_url: &str, next: &str) -> Option<String> {
    if next.starts_with('/') && !next.starts_with("//") {
        // Relative to the API's origin (or to this page's when the base is empty).
        return Some(format!("{}{next}", origin_of(current_url)));
    }
    let origin = origin_of(current_url);
    let same_origin =
        !origin.is_empty() && next.starts_with(&origin) && next[origin.len()..].starts_with('/');
    let same_page_origin =
        origin.is_empty() && page_origin().is_some_and(|o| next.starts_with(&format!("{o}/")));
    (same_origin || same_page_origin).then(|| next.to_string())
}

/// `scheme://host:port` of an absolute URL, or empty for a path.
fn origin_of(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
            format!("{scheme}://{host}")
        }
        None => String::new(),
    }
}

fn page_origin() -> Option<String> {
    web_sys::window()?.location().origin().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_next_only_on_the_same_origin() {
        let api = "https://admin.vps.org/api/v1/snapshots/";
        assert_eq!(
            follow_next(api, "https://admin.vps.org/api/v1/snapshots/?page=2").as_deref(),
            Some("https://admin.vps.org/api/v1/snapshots/?page=2")
        );
        assert_eq!(
            follow_next(api, "/api/v1/snapshots/?page=2").as_deref(),
            Some("https://admin.vps.org/api/v1/snapshots/?page=2")
        );
        assert_eq!(follow_next(api, "https://evil.example/steal"), None);
        assert_eq!(
            follow_next(api, "https://admin.vps.org.evil.example/x"),
            None
        );
        assert_eq!(follow_next(api, "//evil.example/x"), None);
    }

    #[test]
    fn relative_next_stays_relative_for_a_same_origin_api() {
        assert_eq!(
            follow_next("/api/v1/snapshots/", "/api/v1/snapshots/?page=3").as_deref(),
            Some("/api/v1/snapshots/?page=3")
        );
    }
}
