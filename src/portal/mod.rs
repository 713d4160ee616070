//! The console in a portal's frame (README "Embedding in a portal"): the
//! theme and colours config.json asks for, and the messages exchanged with
//! the framing page at an allowed origin: the token, theme and navigate in;
//! ready, signed-out, every write's activity, and the height out.

mod height;
mod inbox;
mod messages;
mod outbox;
mod theme;

use crate::api::writes::WriteObserver;
use crate::api::ApiClient;
use crate::config::AppConfig;
use crate::session::Session;
use outbox::Outbox;

/// Shows the theme and colours of `config` (framed or not).
pub fn apply_config_theme(config: &AppConfig) {
    theme::apply_theme(config.theme);
    theme::apply_colours(&config.theme_colors);
}

/// `observer`, also telling the portal of each write as it is sent and as
/// it ends (nothing when no portal origin is allowed).
pub fn report_writes(observer: WriteObserver, config: &AppConfig) -> WriteObserver {
    if config.allowed_portal_origins.is_empty() {
        return observer;
    }
    let outbox = Outbox::new(config.allowed_portal_origins.clone());
    observer.on_stages(move |stage, write| outbox.post(&messages::activity(stage, write)))
}

/// Talks with the portal that frames the console, if `config` allows one:
/// listens for its messages, and tells it the console is ready, each
/// sign-out and its reason, and the page's height. Must be called inside
/// the `<Router>`.
pub fn connect_portal(config: &AppConfig, session: Session, client: ApiClient) {
    let origins = config.allowed_portal_origins.clone();
    if origins.is_empty() || !framed() {
        return;
    }
    let outbox = Outbox::new(origins.clone());
    inbox::listen_to_portal(origins, session, client);
    theme::mark_embedded();
    height::report_height(outbox.clone());
    let ended = outbox.clone();
    session.on_end(move || ended.post(&messages::signed_out(session.end_reason())));
    outbox.post(&messages::Message::Ready);
}

/// Whether the console runs in a frame (a portal's `<iframe>`).
fn framed() -> bool {
    web_sys::window().is_some_and(|w| {
        w.parent()
            .ok()
            .flatten()
            .is_some_and(|parent| !js_sys::Object::is(&parent, &w))
    })
}
