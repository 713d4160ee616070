//! Posting to the portal: only to the window that frames the console, and
//! only at an origin of `allowed_portal_origins`, each named exactly as the
//! `targetOrigin` (never `*`), so the browser delivers a message only when
//! the framing page is at that origin.

use std::sync::Arc;
use wasm_bindgen::JsValue;

/// Where messages to the portal go: the allowed origins (a `Send` handle,
/// so the API client's write listener can hold it).
#[derive(Clone, Debug)]
pub struct Outbox {
    origins: Arc<Vec<String>>,
}

impl Outbox {
    /// An outbox for these allowed origins (none: nothing is ever posted).
    pub fn new(origins: Vec<String>) -> Self {
        Self {
            origins: Arc::new(origins),
        }
    }

    /// Posts `message` to the framing window once per allowed origin; the
    /// browser drops the copies whose origin is not the parent's. Nothing
    /// is posted when the console is not framed.
    pub fn post(&self, message: &serde_json::Value) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let Some(parent) = window.parent().ok().flatten() else {
            return;
        };
        if js_sys::Object::is(&parent, &window) || self.origins.is_empty() {
            return;
        }
        // A plain object, as the portal's listener expects (not a string).
        let Ok(data) = js_sys::JSON::parse(&message.to_string()) else {
            return;
        };
        for origin in self.origins.iter() {
            let _ = parent.post_message(&data, origin);
        }
    }
}

/// A received message's data as JSON (`None` if it is not JSON-like, e.g.
/// a transferred object), for [`super::messages::inbound`].
pub fn as_json(data: &JsValue) -> Option<serde_json::Value> {
    let text = js_sys::JSON::stringify(data).ok()?.as_string()?;
    serde_json::from_str(&text).ok()
}
