//! Reading the paginated lists: numbered pages side by side, any other list
//! followed through its `next` link (when that link may be followed), each
//! row decoded on its own.

use super::client::{ApiClient, MAX_PAGES, SNAPSHOTS_PATH};
use super::error::ApiError;
use super::http;
use super::next_page::{self, ListEndpoint};
use super::page_numbers::NumberedPages;
use super::types::Page;
use crate::browser::now_ms;
use crate::domain::model::{Server, Snapshot};
use crate::domain::progressive;
use futures::stream::{self, StreamExt};
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use std::collections::HashSet;

/// The Servers API's list.
const SERVERS_PATH: &str = "/api/v1/servers/";

/// Numbered pages asked for at once: a few, so a big account loads several
/// times faster without flooding the API (or the browser's six connections
/// per host, which the polls need too).
const PAGES_IN_FLIGHT: usize = 4;

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

/// Told how many rows of a list have been read so far, after each page.
pub type Progress<'a> = &'a dyn Fn(usize);

/// A list's row as far as reading the list goes: its id, so that a row met
/// twice while pages are read side by side is noticed.
pub trait Row: DeserializeOwned {
    fn id(&self) -> u64;
}

impl Row for Snapshot {
    fn id(&self) -> u64 {
        self.id
    }
}

impl Row for Server {
    fn id(&self) -> u64 {
        self.id
    }
}

/// What the first page of a list tells about the rest.
#[derive(Debug)]
struct Head {
    /// Where the first page was asked for.
    url: String,
    count: Option<u64>,
    len: usize,
    next: Option<String>,
}

/// The first page of the whole list, as the token check read it. Sign-in
/// hands it to the list ([`ApiClient::list_snapshots_after`]), so that
/// signing in downloads the list once.
#[derive(Debug)]
pub struct FirstPage {
    listed: Listed<Snapshot>,
    head: Head,
}

impl FirstPage {
    /// Rows read, and how many the whole list says it has (if it says).
    pub fn progress(&self) -> (usize, Option<u64>) {
        (
            self.listed.items.len() + self.listed.unreadable,
            self.head.count,
        )
    }

    /// Whether the rest of the list takes long enough that the first
    /// screen is worth reading on its own first (see
    /// [`progressive::first_screen_first`]).
    pub fn long_list(&self) -> bool {
        self.head.next.is_some()
            && progressive::first_screen_first(self.head.count, self.head.len, PAGES_IN_FLIGHT)
    }
}

impl ApiClient {
    /// Checks a token the user typed, before it is kept: `Ok` when the API
    /// accepts it, with the page it read, the first of the list, for the
    /// list that follows.
    pub async fn check_token(&self, token: &str) -> Result<FirstPage, ApiError> {
        // Rows stay raw, as in `list_all`: one odd row must not block signing
        // in; the list counts it.
        let (listed, head) = first_page(self.url(SNAPSHOTS_PATH), token).await?;
        Ok(FirstPage { listed, head })
    }

    /// Every snapshot of one server, through all pages.
    pub async fn list_snapshots(&self, server_id: u64) -> Result<Listed<Snapshot>, ApiError> {
        self.list_all(SNAPSHOTS_PATH, &format!("?server_id={server_id}"), &|_| {})
            .await
    }

    /// Every snapshot of the account, going on from the first page the
    /// token check read when given; `progress` is told the rows read after
    /// each page.
    pub async fn list_account(
        &self,
        first: Option<FirstPage>,
        progress: Progress<'_>,
    ) -> Result<Listed<Snapshot>, ApiError> {
        match first {
            Some(first) => {
                self.rest_of_list(first.head, SNAPSHOTS_PATH, first.listed, progress)
                    .await
            }
            None => self.list_all(SNAPSHOTS_PATH, "", progress).await,
        }
    }

    /// Every server of the account (Servers API).
    pub async fn list_servers(&self) -> Result<Vec<Server>, ApiError> {
        Ok(self.list_all(SERVERS_PATH, "", &|_| {}).await?.items)
    }

    /// The servers on the first page of the Servers API: those a first
    /// screen may show before the whole account is read.
    pub async fn first_servers(&self) -> Result<Vec<Server>, ApiError> {
        let (listed, _) = first_page::<Server>(self.url(SERVERS_PATH), &self.token()?).await?;
        Ok(listed.items)
    }

    /// Every item of the paginated list at `path` (with `query`). An item
    /// that cannot be read is counted rather than failing the whole list:
    /// one odd row must not hide the rest.
    async fn list_all<T: Row>(
        &self,
        path: &str,
        query: &str,
        progress: Progress<'_>,
    ) -> Result<Listed<T>, ApiError> {
        let (listed, head) =
            first_page(self.url(&format!("{path}{query}")), &self.token()?).await?;
        self.rest_of_list(head, path, listed, progress).await
    }

    /// The pages after the first, added to `listed`: side by side when the
    /// pages are numbered and every page keeps to the numbers, else (or
    /// when they turn out not to) one after another through `next`.
    async fn rest_of_list<T: Row>(
        &self,
        head: Head,
        path: &str,
        mut listed: Listed<T>,
        progress: Progress<'_>,
    ) -> Result<Listed<T>, ApiError> {
        let Some(next) = head.next else {
            return Ok(listed);
        };
        let next_url = self.next_page(path, &next)?;
        if let Some(pages) = NumberedPages::detect(&head.url, &next_url, head.count, head.len) {
            let read = listed.items.len() + listed.unreadable;
            let numbered_progress = |rest: usize| progress(read + rest);
            if let Some(rest) = self
                .numbered_pages(&pages, path, &numbered_progress)
                .await?
            {
                if !repeats_a_row(&listed.items, &rest.items) {
                    listed.items.extend(rest.items);
                    listed.unreadable += rest.unreadable;
                    return Ok(listed);
                }
            }
        }
        self.list_from(next_url, path, listed, progress).await
    }

    /// Pages 2 and on of `pages`, at most [`PAGES_IN_FLIGHT`] asked for at
    /// once (each with the reads' retries, so a 429 is waited out); `None`
    /// as soon as a page does not keep to the numbers.
    async fn numbered_pages<T: Row>(
        &self,
        pages: &NumberedPages,
        path: &str,
        progress: Progress<'_>,
    ) -> Result<Option<Listed<T>>, ApiError> {
        if pages.pages > MAX_PAGES as u64 {
            return Ok(None);
        }
        let token = self.token()?;
        let token = &token;
        let mut answers = stream::iter(2..=pages.pages)
            .map(|n| {
                let url = pages.url(n);
                async move { (n, http::get_with_retry(&url, token).await) }
            })
            .buffered(PAGES_IN_FLIGHT);
        let mut listed = Listed::default();
        while let Some((n, reply)) = answers.next().await {
            let page: Page<Box<RawValue>> = reply?.json(now_ms())?;
            let (count, len) = (page.count, page.results.len());
            let next_url = match read_page(page, &mut listed) {
                None => None,
                Some(next) => match self.next_page(path, &next) {
                    Ok(url) => Some(url),
                    Err(_) => return Ok(None),
                },
            };
            if !pages.page_fits(n, count, len, next_url.as_deref()) {
                return Ok(None);
            }
            progress(listed.items.len() + listed.unreadable);
        }
        Ok(Some(listed))
    }

    /// The rest of the paginated list at `path` from `url` on, added to
    /// `listed`, one page after another.
    async fn list_from<T: Row>(
        &self,
        mut url: String,
        path: &str,
        mut listed: Listed<T>,
        progress: Progress<'_>,
    ) -> Result<Listed<T>, ApiError> {
        let token = self.token()?;
        for _ in 0..MAX_PAGES {
            let page = http::get_with_retry(&url, &token).await?.json(now_ms())?;
            let next = read_page(page, &mut listed);
            progress(listed.items.len() + listed.unreadable);
            match next {
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

/// The first page of the list at `url`, and what it tells of the rest.
async fn first_page<T: Row>(url: String, token: &str) -> Result<(Listed<T>, Head), ApiError> {
    let page: Page<Box<RawValue>> = http::get_with_retry(&url, token).await?.json(now_ms())?;
    let (count, len) = (page.count, page.results.len());
    let mut listed = Listed::default();
    let next = read_page(page, &mut listed);
    Ok((
        listed,
        Head {
            url,
            count,
            len,
            next,
        },
    ))
}

/// Whether a row of `rest` has the id of another row: a list that changed
/// while its pages were read side by side.
fn repeats_a_row<T: Row>(first: &[T], rest: &[T]) -> bool {
    let mut seen = HashSet::with_capacity(first.len() + rest.len());
    !first.iter().chain(rest).all(|row| seen.insert(row.id()))
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

    #[test]
    fn a_row_met_twice_is_noticed_across_pages_and_within_one() {
        let rows = |ids: &[u64]| -> Vec<Server> {
            ids.iter()
                .map(|&id| {
                    serde_json::from_str(&format!(r#"{{"id": {id}, "name": "s"}}"#)).unwrap()
                })
                .collect()
        };
        assert!(!repeats_a_row(&rows(&[1, 2]), &rows(&[3, 4])));
        assert!(repeats_a_row(&rows(&[1, 2]), &rows(&[3, 2])));
        assert!(repeats_a_row(&rows(&[1]), &rows(&[3, 3])));
        assert!(!repeats_a_row::<Server>(&[], &[]));
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
