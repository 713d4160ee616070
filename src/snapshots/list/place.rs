//! Where the user was in the list, kept while another page of the console
//! shows (a server's page, Activity), so that Back comes to the same place.
//! The list page is built anew on its return and its data reloaded; the
//! browser's own scroll restoration comes before the list has its height,
//! and a windowed list laid out from fresh estimates would put another
//! server at the same offset.

use super::heights::Heights;
use leptos::prelude::*;

/// The list's section heights, and its last scroll position with the
/// address (path and query) it was at: an app-wide `Copy` handle.
#[derive(Clone, Copy)]
pub struct ListPlace {
    heights: Heights,
    left_at: StoredValue<Option<(String, f64)>>,
}

/// Provides the list's place to every page: above the router's pages, so
/// that it outlives the list page.
pub fn provide_list_place() {
    provide_context(ListPlace {
        heights: Heights::new(),
        left_at: StoredValue::new(None),
    });
}

/// The list's place, when the app provides one.
pub fn use_list_place() -> Option<ListPlace> {
    use_context()
}

impl ListPlace {
    /// The heights measured while the list was shown before.
    pub(super) fn heights(self) -> Heights {
        self.heights
    }

    /// For a list just built: where it was last scrolled to at this same
    /// address, if it was. Taken once.
    pub(super) fn take_scroll(self) -> Option<f64> {
        let here = address();
        self.left_at
            .try_update_value(Option::take)
            .flatten()
            .filter(|(at, _)| *at == here)
            .map(|(_, y)| y)
    }

    /// Notes the list's scroll position, at the address shown.
    pub(super) fn note(self) {
        let y = window().scroll_y().unwrap_or_default();
        self.left_at.set_value(Some((address(), y)));
    }

    /// The list's address (path and query) as it was left, for a link back
    /// to it.
    pub fn list_address(self) -> Option<String> {
        self.left_at
            .with_value(|at| at.as_ref().map(|(address, _)| address.clone()))
    }
}

/// The page's path and query, as the browser has them.
fn address() -> String {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let query = location.search().unwrap_or_default();
    format!("{path}{query}")
}
