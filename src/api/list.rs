//! The paginated lists as the rest of the app asks for them: one server's
//! snapshots, the whole account's (told page by page, going on from the
//! token check's page), the servers (going on from the first screen's
//! page). How the pages after the first are read is in `pages.rs`.

use super::client::{ApiClient, SNAPSHOTS_PATH};
use super::error::ApiError;
use super::http;
use super::pages::{read_page, Head, PAGES_IN_FLIGHT};
use super::types::Page;
use crate::browser::now_ms;
use crate::domain::model::{Server, Snapshot};
use crate::domain::progressive;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use std::cell::RefCell;

/// The Servers API's list.
const SERVERS_PATH: &str = "/api/v1/servers/";

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

impl<T> Listed<T> {
    /// Rows read, readable or not.
    pub fn read(&self) -> usize {
        self.items.len() + self.unreadable
    }
}

/// What reading a long list tells, page by page, to whoever keeps its rows
/// (the list is then held once, by them, and usable before its last page).
pub enum Told<T> {
    /// The rows of one more page, in the list's order.
    Page(Listed<T>),
    /// The pages told so far no longer count: the list did not keep to its
    /// page numbers, and is told again from its first page, one page after
    /// another.
    Again,
}

/// A list's row as far as reading the list goes: its id, so that a row met
/// twice while pages are read side by side is noticed.
pub trait Row: DeserializeOwned + Clone {
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

/// The first page of a list, read on its own: the token check's page of
/// the snapshots, which sign-in hands to the list, and the Servers API's
/// page the first screen shows; the whole list goes on from it, so that
/// no page is read twice.
#[derive(Debug)]
pub struct FirstPage<T = Snapshot> {
    pub(super) listed: Listed<T>,
    pub(super) head: Head,
}

impl<T> FirstPage<T> {
    /// Rows read, and how many the whole list says it has (if it says).
    pub fn progress(&self) -> (usize, Option<u64>) {
        (self.listed.read(), self.head.count)
    }

    /// The page's readable rows.
    pub fn items(&self) -> &[T] {
        &self.listed.items
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
        // Rows stay raw, as in every list: one odd row must not block
        // signing in; the list counts it.
        first_page(self.url(SNAPSHOTS_PATH), token).await
    }

    /// Every snapshot of one server, through all pages.
    pub async fn list_snapshots(&self, server_id: u64) -> Result<Listed<Snapshot>, ApiError> {
        let url = self.url(&format!("{SNAPSHOTS_PATH}?server_id={server_id}"));
        let first = first_page(url, &self.token()?).await?;
        self.gather(first, SNAPSHOTS_PATH).await
    }

    /// Every snapshot of the account, going on from the first page the
    /// token check read when given, each page told to `tell` as it is read
    /// (and not kept here).
    pub async fn list_account(
        &self,
        first: Option<FirstPage>,
        tell: &dyn Fn(Told<Snapshot>),
    ) -> Result<(), ApiError> {
        let first = match first {
            Some(first) => first,
            None => first_page(self.url(SNAPSHOTS_PATH), &self.token()?).await?,
        };
        self.read_rest(first, SNAPSHOTS_PATH, tell).await
    }

    /// Every server of the account (Servers API), going on from its first
    /// page when that was read already ([`Self::first_servers`]).
    pub async fn list_servers(
        &self,
        first: Option<FirstPage<Server>>,
    ) -> Result<Vec<Server>, ApiError> {
        let first = match first {
            Some(first) => first,
            None => self.first_servers().await?,
        };
        Ok(self.gather(first, SERVERS_PATH).await?.items)
    }

    /// The first page of the Servers API: the servers a first screen may
    /// show before the whole account is read.
    pub async fn first_servers(&self) -> Result<FirstPage<Server>, ApiError> {
        first_page(self.url(SERVERS_PATH), &self.token()?).await
    }

    /// `first` and every page after it of the list at `path`, gathered. An
    /// item that cannot be read is counted rather than failing the whole
    /// list: one odd row must not hide the rest.
    async fn gather<T: Row>(&self, first: FirstPage<T>, path: &str) -> Result<Listed<T>, ApiError> {
        let all = RefCell::new(Listed::default());
        self.read_rest(first, path, &|told| {
            let mut all = all.borrow_mut();
            match told {
                Told::Page(page) => {
                    all.items.extend(page.items);
                    all.unreadable += page.unreadable;
                }
                Told::Again => *all = Listed::default(),
            }
        })
        .await?;
        Ok(all.into_inner())
    }
}

/// The first page of the list at `url`, and what it tells of the rest.
async fn first_page<T: Row>(url: String, token: &str) -> Result<FirstPage<T>, ApiError> {
    let page: Page<Box<RawValue>> = http::get_with_retry(&url, token).await?.json(now_ms())?;
    let (count, len) = (page.count, page.results.len());
    let mut listed = Listed::default();
    let next = read_page(page, &mut listed);
    Ok(FirstPage {
        listed,
        head: Head {
            url,
            count,
            len,
            next,
        },
    })
}
