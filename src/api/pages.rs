//! Reading the pages of a list after its first: numbered pages side by side,
//! any other list followed through its `next` link (when that link may be
//! followed), each row decoded on its own and told as its page comes.

use super::client::{ApiClient, MAX_PAGES};
use super::error::ApiError;
use super::http;
use super::list::{FirstPage, Listed, Row, Told};
use super::next_page::{self, ListEndpoint};
use super::page_numbers::NumberedPages;
use super::types::Page;
use crate::browser::now_ms;
use futures::stream::{self, StreamExt};
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use std::collections::HashSet;

/// Numbered pages asked for at once: a few, so a big account loads several
/// times faster without flooding the API (or the browser's six connections
/// per host, which the polls need too).
pub(super) const PAGES_IN_FLIGHT: usize = 4;

/// What the first page of a list tells about the rest.
#[derive(Debug)]
pub(super) struct Head {
    /// Where the first page was asked for.
    pub url: String,
    pub count: Option<u64>,
    pub len: usize,
    pub next: Option<String>,
}

impl ApiClient {
    /// Tells `tell` the rows of `first`, then those of each page after it
    /// of the list at `path`: side by side when the pages are numbered and
    /// every page keeps to the numbers, else one after another through
    /// `next`. When numbered pages turn out not to keep to the numbers (or
    /// a row comes twice), [`Told::Again`] voids what was told, and the
    /// list is told again from `first`, following `next`.
    pub(super) async fn read_rest<T: Row>(
        &self,
        first: FirstPage<T>,
        path: &str,
        tell: &dyn Fn(Told<T>),
    ) -> Result<(), ApiError> {
        let FirstPage { listed, head } = first;
        let Some(next) = head.next else {
            tell(Told::Page(listed));
            return Ok(());
        };
        let next_url = self.next_page(path, &next)?;
        if let Some(pages) = NumberedPages::detect(&head.url, &next_url, head.count, head.len) {
            let mut ids = HashSet::new();
            all_new(&mut ids, &listed.items);
            // Kept (a hundred rows or so) to be told again if the numbers fail.
            tell(Told::Page(listed.clone()));
            if self.numbered_pages(&pages, path, &mut ids, tell).await? {
                return Ok(());
            }
            tell(Told::Again);
        }
        tell(Told::Page(listed));
        self.list_from(next_url, path, tell).await
    }

    /// Tells pages 2 and on of `pages`, at most [`PAGES_IN_FLIGHT`] asked
    /// for at once (each with the reads' retries, so a 429 is waited out),
    /// in order; false as soon as a page does not keep to the numbers or
    /// repeats a row of `ids` (the rows told so far), before it is told.
    async fn numbered_pages<T: Row>(
        &self,
        pages: &NumberedPages,
        path: &str,
        ids: &mut HashSet<u64>,
        tell: &dyn Fn(Told<T>),
    ) -> Result<bool, ApiError> {
        if pages.pages > MAX_PAGES as u64 {
            return Ok(false);
        }
        let token = self.token()?;
        let token = &token;
        let mut answers = stream::iter(2..=pages.pages)
            .map(|n| {
                let url = pages.url(n);
                async move { (n, http::get_with_retry(&url, token).await) }
            })
            .buffered(PAGES_IN_FLIGHT);
        while let Some((n, reply)) = answers.next().await {
            let page: Page<Box<RawValue>> = reply?.json(now_ms())?;
            let (count, len) = (page.count, page.results.len());
            let mut listed = Listed::default();
            let next_url = match read_page(page, &mut listed) {
                None => None,
                Some(next) => match self.next_page(path, &next) {
                    Ok(url) => Some(url),
                    Err(_) => return Ok(false),
                },
            };
            if !pages.page_fits(n, count, len, next_url.as_deref()) || !all_new(ids, &listed.items)
            {
                return Ok(false);
            }
            tell(Told::Page(listed));
        }
        Ok(true)
    }

    /// Tells the pages of the list at `path` from `url` on, one after another.
    async fn list_from<T: Row>(
        &self,
        mut url: String,
        path: &str,
        tell: &dyn Fn(Told<T>),
    ) -> Result<(), ApiError> {
        let token = self.token()?;
        for _ in 0..MAX_PAGES {
            let page = http::get_with_retry(&url, &token).await?.json(now_ms())?;
            let mut listed = Listed::default();
            let next = read_page(page, &mut listed);
            tell(Told::Page(listed));
            match next {
                Some(next) => url = self.next_page(path, &next)?,
                None => return Ok(()),
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

/// Whether every row of `rows` is new to `ids` (the rows met so far), each
/// added up to the first that is not: a row met twice means the list
/// changed while its pages were read side by side.
fn all_new<T: Row>(ids: &mut HashSet<u64>, rows: &[T]) -> bool {
    rows.iter().all(|row| ids.insert(row.id()))
}

/// Adds a page's items to `listed` and returns its `next`. Each item was kept
/// raw and is decoded on its own, so that one unreadable item is counted
/// instead of failing the page.
pub(super) fn read_page<T: DeserializeOwned>(
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
    use crate::domain::model::{Server, Snapshot};
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
        let mut ids = HashSet::new();
        assert!(all_new(&mut ids, &rows(&[1, 2])));
        assert!(all_new(&mut ids, &rows(&[3, 4])));
        assert!(!all_new(&mut ids, &rows(&[5, 2])));
        assert!(!all_new(&mut ids, &rows(&[6, 6])));
        assert!(all_new::<Server>(&mut HashSet::new(), &[]));
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
