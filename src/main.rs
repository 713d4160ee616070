//! The VPS.org snapshot console: a Leptos app compiled to WebAssembly.

mod activity;
mod api;
mod app;
mod browser;
mod clock;
mod config;
mod domain;
mod i18n;
mod idle;
mod notify;
mod portal;
mod session;
mod sign_in;
mod snapshots;
mod time_zone;
mod toasts;
mod ui;
mod url_state;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

fn main() {
    install_panic_page();
    // The settings and the language's catalogue first: no page can be shown
    // without them, and index.html has already asked for them while the
    // WebAssembly downloaded. One mount then renders the first page, with no
    // "loading" step in between.
    wasm_bindgen_futures::spawn_local(async {
        let (config, language) = futures::join!(config::load_config(), i18n::load_start_language());
        mount_to_body(move || view! { <app::App config language/> });
    });
}

/// A panic is a bug; if one happens anyway, it is logged and the user gets a
/// page with a Reload link instead of a frozen one. (The browser follows the
/// link itself: after a panic, nothing the app still runs can be trusted.)
/// The page is built with DOM calls, never from an HTML string, which Trusted
/// Types would refuse.
fn install_panic_page() {
    std::panic::set_hook(Box::new(|info| {
        leptos::logging::error!("The console panicked: {info}");
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            // Nothing more can go wrong that a page could report.
            let _ = show_panic_page(&document);
        }
    }));
}

/// Fixed text in the console's three languages (those of [`PANIC_LANGS`]):
/// the message catalogues may not be usable any more.
const PANIC_TITLE: [&str; 3] = [
    "Something went wrong",
    "Algo salió mal",
    "Wax baa khaldamay",
];
const PANIC_TEXT: [&str; 3] = [
    "The console hit an unexpected error. Nothing more will be sent to the API from this page.",
    "La consola encontró un error inesperado. No se enviará nada más a la API desde esta página.",
    "Konsoolku wuxuu la kulmay qalad lama filaan ah. Wax kale looma diri doono API-ga boggan.",
];
const PANIC_RELOAD: [&str; 3] = ["Reload", "Recargar", "Dib u soo rar"];
const PANIC_LANGS: [&str; 3] = ["en", "es", "so"];

/// Replaces the page with the panic message and its Reload link.
fn show_panic_page(document: &web_sys::Document) -> Result<(), JsValue> {
    let body = document.body().ok_or(JsValue::NULL)?;
    let main = document.create_element("main")?;
    main.set_class_name("page-message card");
    main.set_attribute("role", "alert")?;
    let title = in_three_languages(document, "h1", PANIC_TITLE)?;
    main.append_with_node_1(&title)?;
    for (text, lang) in PANIC_TEXT.into_iter().zip(PANIC_LANGS) {
        let paragraph = document.create_element("p")?;
        paragraph.set_attribute("lang", lang)?;
        paragraph.set_text_content(Some(text));
        main.append_with_node_1(&paragraph)?;
    }
    let reload = in_three_languages(document, "a", PANIC_RELOAD)?;
    reload.set_class_name("button button-primary");
    reload.set_attribute("href", "")?;
    // A target of its own: the router, still listening, would otherwise
    // take the click for a move within the app instead of a reload.
    reload.set_attribute("target", "_self")?;
    main.append_with_node_1(&reload)?;
    body.set_text_content(None);
    body.append_with_node_1(&main)?;
    Ok(())
}

/// A `tag` element reading "English · Spanish · Somali", each in a `<span>`
/// marked with its language.
fn in_three_languages(
    document: &web_sys::Document,
    tag: &str,
    texts: [&str; 3],
) -> Result<web_sys::Element, JsValue> {
    let element = document.create_element(tag)?;
    for (i, (text, lang)) in texts.into_iter().zip(PANIC_LANGS).enumerate() {
        if i > 0 {
            element.append_with_str_1(" · ")?;
        }
        let span = document.create_element("span")?;
        span.set_attribute("lang", lang)?;
        span.set_text_content(Some(text));
        element.append_with_node_1(&span)?;
    }
    Ok(element)
}
