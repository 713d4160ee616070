//! The skip link, first in every page.

use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// "Skip to content": to `#main` of the page shown. Its address is written
/// out in full, because the page's `<base href>` (the console's folder, set
/// by index.html) would make a bare `#main` lead to the folder's page.
/// `target`: the browser, not the router, follows the link, so the keyboard
/// focus moves into the page as a skip link must. Inside the `<Router>`.
#[component]
pub fn SkipLink() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let href = move || {
        let search = location.search.get();
        let query = if search.is_empty() { "" } else { "?" };
        format!("{}{query}{search}#main", location.pathname.get())
    };
    view! {
        <a class="skip-link" href=href target="_self">{i18n.text(Key::SkipToContent)}</a>
    }
}
