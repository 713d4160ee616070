//! The typed VPS.org API client: the only code that knows URLs and headers.
//! Status codes and error bodies are read in [`error`].

pub mod error;
mod http;
pub mod types;

pub use error::ApiError;

use crate::browser::now_ms;
use crate::domain::model::{Server, Snapshot};
use crate::json::{FromJson, Json};
use crate::session::Session;
use gloo_net::http::Method;
use leptos::prelude::{expect_context, provide_context};
use types::{CreatedSnapshot, NewSnapshot, Page, RestoreStarted};

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
    pub async fn list_snapshots(
        &self,
        server_id: Option<u64>,
    ) -> Result<Listed<Snapshot>, ApiError> {
        let path = match server_id {
            Some(id) => format!("/api/v1/snapshots/?server_id={id}"),
            None => "/api/v1/snapshots/".to_string(),
        };
        self.list_all(&path).await
    }

    /// Every server of the account (Servers API).
    pub async fn list_servers(&self) -> Result<Vec<Server>, ApiError> {
        Ok(self.list_all("/api/v1/servers/").await?.items)
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
        http::send_once(
            Method::POST,
            &self.url("/api/v1/snapshots/"),
            &token,
            Some(new.to_json()),
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

    /// Every item of a paginated list. An item that cannot be read is counted
    /// rather than failing the whole list: one odd row must not hide the rest.
    async fn list_all<T: FromJson>(&self, path: &str) -> Result<Listed<T>, ApiError> {
        let token = self.token()?;
        let mut url = self.url(path);
        let mut listed = Listed {
            items: Vec::new(),
            unreadable: 0,
        };
        for _ in 0..MAX_PAGES {
            // Each item is kept raw and decoded on its own, so that one
            // unreadable item is counted instead of failing the page.
            let page: Page<Json> = http::get_with_retry(&url, &token).await?.json(now_ms())?;
            for item in page.results {
                match T::from_json(item) {
                    Ok(item) => listed.items.push(item),
                    Err(_) => listed.unreadable += 1,
                }
            }
            match page.next {
                Some(next) => {
                    url =
                        follow_next(&self.base_url, &next).ok_or_else(|| ApiError::Undecodable {
                            detail: format!("the next page's address is not usable: {next}"),
                        })?
                }
                None => return Ok(listed),
            }
        }
        Err(ApiError::Undecodable {
            detail: "the list has too many pages".to_string(),
        })
    }
}

/// The URL of the next page on the API this client talks to. Only the path
/// and query of `next` are used: the token never goes to another site, and a
/// reverse proxy in front of the API (whose `next` names the provider's host)
/// keeps working.
fn follow_next(base_url: &str, next: &str) -> Option<String> {
    let path = match next.split_once("://") {
        Some((_, rest)) => &rest[rest.find('/')?..],
        None => next,
    };
    // "//host/..." would be read by the browser as another site.
    (path.starts_with('/') && !path.starts_with("//")).then(|| format!("{base_url}{path}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_next_on_the_configured_api_only() {
        let api = "https://admin.vps.org";
        assert_eq!(
            follow_next(api, "https://admin.vps.org/api/v1/snapshots/?page=2").as_deref(),
            Some("https://admin.vps.org/api/v1/snapshots/?page=2")
        );
        assert_eq!(
            follow_next(api, "/api/v1/snapshots/?page=2").as_deref(),
            Some("https://admin.vps.org/api/v1/snapshots/?page=2")
        );
        assert_eq!(
            follow_next(api, "https://evil.example/steal").as_deref(),
            Some("https://admin.vps.org/steal")
        );
        assert_eq!(follow_next(api, "//evil.example/x"), None);
        assert_eq!(follow_next(api, "https://evil.example"), None);
        assert_eq!(follow_next(api, "page=2"), None);
    }

    #[test]
    fn behind_a_proxy_next_stays_on_this_origin() {
        assert_eq!(
            follow_next(
                "",
                "https://admin.vps.org/api/v1/snapshots/?server_id=1&page=3"
            )
            .as_deref(),
            Some("/api/v1/snapshots/?server_id=1&page=3")
        );
        assert_eq!(follow_next("", "//evil.example/x"), None);
    }
}
