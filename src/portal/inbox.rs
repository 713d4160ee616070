//! Listening to the portal: only messages from the window that frames the
//! console, at an origin listed in `config.json` (`allowed_portal_origins`),
//! are read; anything else is ignored. The portal may hand over the token
//! (checked with the API before it is kept, like a typed one; a token handed
//! over while signed in ends the current session first, as signing out
//! does), switch the theme, and open a page of the console.

use super::messages::{self, Inbound};
use super::theme::apply_theme;
use crate::api::ApiClient;
use crate::i18n::{Key, Msg};
use crate::session::{EndReason, Session};
use crate::toasts::{use_toasts, Tone};
use leptos::{ev, prelude::*};
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use web_sys::MessageEvent;

/// Listens for the portal's messages while the app runs. Must be called
/// inside the `<Router>` (navigate messages open pages).
pub fn listen_to_portal(allowed_origins: Vec<String>, session: Session, client: ApiClient) {
    if allowed_origins.is_empty() {
        return;
    }
    let toasts = use_toasts();
    let navigate = use_navigate();
    // Leptos's own listener: leptos-use's `use_event_listener` costs a watch
    // per listener in the wasm.
    let handle = window_event_listener(ev::message, move |event| {
        if !from_parent(&event) || !allowed_origins.contains(&event.origin()) {
            return;
        }
        // Read as JSON text into typed data; what JSON cannot say (a cyclic
        // object, a BigInt) is not a message the console knows.
        let Some(json) = js_sys::JSON::stringify(&event.data())
            .ok()
            .and_then(|json| json.as_string())
        else {
            return;
        };
        match messages::inbound(&json) {
            Some(Inbound::Token(token)) => take_token(token, session, &client, toasts),
            Some(Inbound::Theme(theme)) => apply_theme(theme),
            Some(Inbound::Navigate(path)) => navigate(&path, NavigateOptions::default()),
            None => {}
        }
    });
    on_cleanup(move || handle.remove());
}

/// Signs in with a token the portal handed over, once the API accepts it.
fn take_token(token: String, session: Session, client: &ApiClient, toasts: crate::toasts::Toasts) {
    if session.is_signed_in_untracked() {
        // Nothing of the current session may go out under the new token:
        // ending it cancels its waiting deletes (and says so), as a
        // sign-out does, before the new token is even checked.
        session.end(EndReason::NewToken);
        toasts.push(Msg::from(Key::PortalSessionEnded), Tone::Info);
    }
    let client = client.clone();
    leptos::task::spawn_local(async move {
        match client.check_token(&token).await {
            Ok(first_page) => session.sign_in(token, first_page),
            Err(error) => session.tell(Msg::portal_sign_in_failed(error.describe())),
        }
    });
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
