//! The bar at the top of every signed-in page.

use crate::i18n::{use_i18n, Key, LanguagePicker};
use crate::session::use_session;
use leptos::prelude::*;

/// The console's name, a link to the other page, any page's own controls,
/// the language menu and "Sign out".
#[component]
pub fn TopBar(
    /// Whether the console's name is the page's `<h1>` (a page with a
    /// title of its own shows it as a plain paragraph).
    brand_is_title: bool,
    /// The other page, relative to the console's folder so that it works
    /// under any sub-path.
    href: &'static str,
    /// The text of that link.
    link: Key,
    /// The page's own controls, before the language menu.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let brand = if brand_is_title {
        view! { <h1 class="brand">{i18n.text(Key::Brand)}</h1> }.into_any()
    } else {
        view! { <p class="brand">{i18n.text(Key::Brand)}</p> }.into_any()
    };
    view! {
        <header class="topbar">
            {brand}
            <div class="topbar-actions">
                <a class="topbar-link" href=href>{i18n.text(link)}</a>
                {children.map(|children| children())}
                <LanguagePicker/>
                <button class="button button-quiet" on:click=move |_| session.sign_out()>{i18n.text(Key::SignOut)}</button>
            </div>
        </header>
    }
}
