//! Reading the paginated lists: every page followed through its `next`
//! link (when that link may be followed), each row decoded on its own.

use super::client::{ApiClient, MAX_PAGES, SNAPSHOTS_PATH};
use super::error::ApiError;
use super::http;
use super::next_page::{self, ListEndpoint};
use super::types::Page;
use crate::browser::now_ms;
use crate::domain::model::{Server, Snapshot};
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

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

/// The first page of the whole list, as the token check read it. Sign-in
/// hands it to the list ([`ApiClient::list_snapshots_after`]), so that
/// signing in downloads the list once.
#[derive(Debug)]
pub struct FirstPage {
    listed: Listed<Snapshot>,
    next: Option<String>,
}

impl ApiClient {
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
            base_url: self.base_url(),
            origin: &origin,
            path,
        };
        let parsed = next_page::parse_link(next, &list);
        next_page::next_page_url(next, parsed.as_ref(), &list).ok_or_else(refused)
    }

    /// The origin the requests go to, as the browser's URL parser writes it.
    fn origin(&self) -> Option<String> {
        let address = match self.base_url() {
            "" => web_sys::window()?.location().href().ok()?,
            base => base.to_string(),
        };
        Some(web_sys::Url::new(&address).ok()?.origin())
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
    use crate::api::error::Reply;
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
