//! Signing in from an embedding portal: the portal page that frames the
//! console may send the token with `postMessage`. Only messages from the
//! window that frames the console, on an origin listed in `config.json`
//! (`allowed_portal_origins`), are listened to; the token is checked with the
//! API before it is kept, like a typed one. A token handed over while signed
//! in ends the current session first, as signing out does.

use crate::api::ApiClient;
use crate::i18n::{Key, Msg};
use crate::session::Session;
use crate::toasts::{use_toasts, Tone};
use leptos::{ev, prelude::*};
use wasm_bindgen::JsValue;
use web_sys::MessageEvent;

/// The `type` of a token hand-over message:
/// `{"type": "vps-snapshots:token", "token": "…"}`.
pub const TOKEN_MESSAGE: &str = "vps-snapshots:token";

/// Listens for token hand-overs from the allowed portal origins while the app runs.
pub fn listen_for_portal_token(allowed_origins: Vec<String>, session: Session, client: ApiClient) {
    if allowed_origins.is_empty() {
        return;
    }
    let toasts = use_toasts();
    // Leptos's own listener: leptos-use's `use_event_listener` costs a watch
    // per listener in the wasm.
    let handle = window_event_listener(ev::message, move |event| {
        if !from_parent(&event) || !allowed_origins.contains(&event.origin()) {
            return;
        }
        let Some(token) = token_from(&event.data()) else {
            return;
        };
        if session.is_signed_in_untracked() {
            // Nothing of the current session may go out under the new token:
            // ending it cancels its waiting deletes (and says so), as a
            // sign-out does, before the new token is even checked.
            session.sign_out();
            toasts.push(Msg::from(Key::PortalSessionEnded), Tone::Info);
        }
        let client = client.clone();
        leptos::task::spawn_local(async move {
            match client.check_token(&token).await {
                Ok(first_page) => session.sign_in(token, first_page),
                Err(error) => session.tell(Msg::portal_sign_in_failed(error.describe())),
            }
        });
    });
    on_cleanup(move || handle.remove());
}

/// Whether `event` comes from the window that frames this one: another
/// window of an allowed origin (a popup, a sibling frame) is not the portal.
fn from_parent(event: &MessageEvent) -> bool {
    let parent = web_sys::window().and_then(|w| w.parent().ok().flatten());
    match (event.source(), parent) {
        (Some(source), Some(parent)) => js_sys::Object::is(&source, &parent),
        _ => false,
    }
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
