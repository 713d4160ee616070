//! Posting to the portal: only to the window that frames the console, and
//! only at an origin of `allowed_portal_origins`, each named exactly as the
//! `targetOrigin` (never `*`), so the browser delivers a message only when
//! the framing page is at that origin.

use super::messages::Message;
use std::sync::Arc;

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
    pub fn post(&self, message: &Message) {
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
        let Some(data) = serde_json::to_string(message)
            .ok()
            .and_then(|json| js_sys::JSON::parse(&json).ok())
        else {
            return;
        };
        for origin in self.origins.iter() {
            let _ = parent.post_message(&data, origin);
        }
    }
}
