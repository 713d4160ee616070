//! Posting to the portal: only to the window that frames the console, and
//! only at an origin of `allowed_portal_origins`, each named exactly as the
//! `targetOrigin` (never `*`), so the browser delivers a message only when
//! the framing page is at that origin.

use super::messages::{Field, Message};
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
        let data = js_sys::Object::new();
        for (name, field) in message {
            let value = match field {
                Field::Text(text) => JsValue::from_str(text),
                Field::Number(n) => JsValue::from_f64(*n),
                Field::Null | Field::Other => JsValue::NULL,
            };
            let _ = js_sys::Reflect::set(&data, &JsValue::from_str(name), &value);
        }
        for origin in self.origins.iter() {
            let _ = parent.post_message(&data, origin);
        }
    }
}

/// The field at `path` (`["filter", "server_id"]`) of a received message's
/// data, for [`super::messages::inbound`].
pub fn field_of(data: &JsValue, path: &[&str]) -> Field {
    let value = path.iter().try_fold(data.clone(), |value, name| {
        if !value.is_object() {
            return None;
        }
        js_sys::Reflect::get(&value, &JsValue::from_str(name)).ok()
    });
    match value {
        Some(value) if value.is_object() => Field::Other,
        Some(value) => match (value.as_string(), value.as_f64()) {
            (Some(text), _) => Field::Text(text),
            (_, Some(n)) => Field::Number(n),
            _ if value.is_null() || value.is_undefined() => Field::Null,
            _ => Field::Other,
        },
        None => Field::Null,
    }
}
