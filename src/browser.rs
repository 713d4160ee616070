//! The few things the console asks the browser directly: the clock, the
//! tab's `sessionStorage`, and whether the tab is visible and online.

use leptos::prelude::{document, window};

/// The browser's clock, in Unix milliseconds.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// The tab's `sessionStorage`, if the browser lets the page use it (a
/// sandboxed frame may not).
pub fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Whether the tab is shown (not in the background or minimised).
pub fn tab_visible() -> bool {
    !document().hidden()
}

/// Whether the browser believes it is online.
pub fn online() -> bool {
    window().navigator().on_line()
}
