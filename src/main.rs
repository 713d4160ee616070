//! The VPS.org snapshot console: a Leptos app compiled to WebAssembly.

mod activity;
mod api;
mod app;
mod browser;
mod config;
mod domain;
mod i18n;
mod idle;
mod notify;
mod portal;
mod session;
mod sign_in;
mod snapshots;
mod toasts;
mod ui;
mod url_state;

use leptos::prelude::*;

fn main() {
    install_panic_page();
    // The settings first: no page can be shown without them, and index.html
    // has already asked for them while the WebAssembly downloaded. One mount
    // then renders the first page, with no "loading" step in between.
    wasm_bindgen_futures::spawn_local(async {
        let config = config::load_config().await;
        mount_to_body(move || view! { <app::App config/> });
    });
}

/// A panic is a bug; if one happens anyway, it is logged and the user gets a
/// page with a Reload link instead of a frozen one. (The link is plain HTML:
/// after a panic the WebAssembly instance cannot run handlers any more.)
fn install_panic_page() {
    std::panic::set_hook(Box::new(|info| {
        leptos::logging::error!("The console panicked: {info}");
        let Some(body) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
        else {
            return;
        };
        // Fixed text in the console's three languages: the message catalogues
        // may not be usable any more.
        body.set_inner_html(
            "<main class=\"page-message card\" role=\"alert\">\
             <h1>Something went wrong · <span lang=\"es\">Algo salió mal</span> · <span lang=\"so\">Wax baa khaldamay</span></h1>\
             <p>The console hit an unexpected error. Nothing more will be sent to the API from this page.</p>\
             <p lang=\"es\">La consola encontró un error inesperado. No se enviará nada más a la API desde esta página.</p>\
             <p lang=\"so\">Konsoolku wuxuu la kulmay qalad lama filaan ah. Wax kale looma diri doono API-ga boggan.</p>\
             <a class=\"button button-primary\" href=\"\">Reload · <span lang=\"es\">Recargar</span> · <span lang=\"so\">Dib u soo rar</span></a></main>",
        );
    }));
}
