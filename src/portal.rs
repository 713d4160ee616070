//! Signing in from an embedding portal: the portal page that frames the
//! console may send the token with `postMessage`. Only origins listed in
//! `config.json` (`allowed_portal_origins`) are listened to; the token is
//! checked with the API before it is kept, like a typed one.

use crate::api::ApiClient;
use crate::i18n::Msg;
use crate::session::Session;
use leptos::{ev, prelude::*};
use wasm_bindgen::JsValue;

/// The `type` of a token hand-over message:
/// `{"type": "vps-snapshots:token", "token": "…"}`.
pub const TOKEN_MESSAGE: &str = "vps-snapshots:token";

/// Listens for token hand-overs from the allowed portal origins while the app runs.
pub fn listen_for_portal_token(allowed_origins: Vec<String>, session: Session, client: ApiClient) {
    if allowed_origins.is_empty() {
        return;
    }
    let handle = window_event_listener(ev::message, move |event| {
        if !allowed_origins.contains(&event.origin()) {
            return;
        }
        let Some(token) = token_from(&event.data()) else {
            return;
        };
        let client = client.clone();
        leptos::task::spawn_local(async move {
            match client.check_token(&token).await {
                Ok(()) => session.sign_in(token),
                Err(error) => session.tell(Msg::portal_sign_in_failed(error.describe())),
            }
        });
    });
    on_cleanup(move || handle.remove());
}

/// The token of a well-formed hand-over message, if `data` is one.
fn token_from(data: &JsValue) -> Option<String> {
    let field = |name: &str| {
        js_sys::Reflect::get(data, &JsValue::from_str(name))
            .ok()?
            .as_string()
    };
    if field("type")? != TOKEN_MESSAGE {
        return None;
    }
    field("token")
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
}
