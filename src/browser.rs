//! The few things the console asks the browser directly: the clock, the
//! tab's `sessionStorage`, whether the tab is visible and online, moving the
//! focus to an element, and downloading a file the page made.

use leptos::prelude::{document, window};

/// The browser's clock, in Unix milliseconds.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// The tab's `sessionStorage`, if the browser lets the page use it (a
/// sandboxed frame may not).
// Not leptos-use's `use_session_storage`: it writes later, through an
// effect, listens for storage events, and weighs more in the wasm than this
// whole change was allowed.
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

/// Moves the keyboard focus to the element with this `id`, if there is one.
pub fn focus_by_id(id: &str) {
    let element = document()
        .get_element_by_id(id)
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// A file format of an export.
#[derive(Clone, Copy)]
pub enum ExportFormat {
    Csv,
    Json,
}

/// Saves an export as `<base>-<date and time>.csv` or `.json` (the date
/// in UTC, as in default snapshot names).
pub fn download_export(
    base: &str,
    format: ExportFormat,
    text: &str,
) -> Result<(), wasm_bindgen::JsValue> {
    let stamp = crate::domain::time::name_stamp(now_ms() / 1000);
    let (extension, mime) = match format {
        ExportFormat::Csv => ("csv", "text/csv;charset=utf-8"),
        ExportFormat::Json => ("json", "application/json"),
    };
    download(&format!("{base}-{stamp}.{extension}"), mime, text)
}

/// Saves `text` as a file named `file_name` of type `mime`: a Blob behind a
/// temporary object URL, followed by a temporary `<a download>`. Needs no
/// change to the Content-Security-Policy.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.set_hidden(true);
    let body = document().body();
    if let Some(body) = &body {
        body.append_child(&link)?;
    }
    link.click();
    link.remove();
    // Revoked a moment later: the browser reads the Blob once the click's
    // download has started, not during `click()`.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}
