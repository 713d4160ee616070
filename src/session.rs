//! The signed-in session: the API token, kept in `sessionStorage` only, so a
//! reload keeps it and a new tab or a closed browser asks again.

use crate::api::FirstPage;
use crate::browser::session_storage;
use crate::i18n::{Key, Msg};
use leptos::prelude::*;

const TOKEN_KEY: &str = "vps.token";

/// Why a session ended, as the portal is told (`vps-snapshots:signed-out`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EndReason {
    /// The user's "Sign out".
    #[default]
    Button,
    /// The API refused the token (401: expired or revoked).
    Expired,
    /// No input for `idle_sign_out_minutes`.
    Idle,
    /// The portal handed over another token.
    NewToken,
}

impl EndReason {
    /// The reason as the portal's message writes it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Button => "button",
            Self::Expired => "expired",
            Self::Idle => "idle",
            Self::NewToken => "new_token",
        }
    }
}

/// The app-wide session. The token itself is never logged or shown.
#[derive(Clone, Copy, Debug)]
pub struct Session {
    token: RwSignal<Option<String>>,
    /// Why the user was sent back to the sign-in page, if they did not sign out.
    notice: RwSignal<Option<Msg>>,
    /// How many writes of the session that ended last were still waiting
    /// for their answer: whether they were done is unknown.
    unanswered: RwSignal<usize>,
    /// What else ends with the session (e.g. the activity log), registered
    /// by the app so the session imports no feature.
    on_end: StoredValue<Vec<Box<dyn Fn()>>, LocalStorage>,
    /// Which session this is: a new number at each sign-in and each end, so
    /// that what a session started can be told from what the next one did.
    number: StoredValue<u64>,
    /// The first page of the list that signing in read, until the list
    /// takes it.
    first_page: StoredValue<Option<FirstPage>>,
    /// Why the last session ended, for the [`Session::on_end`] hooks.
    end_reason: StoredValue<EndReason>,
}

/// Creates the session from `sessionStorage` and provides it to the app.
pub fn provide_session() -> Session {
    let stored = session_storage()
        .and_then(|s| s.get_item(TOKEN_KEY).ok().flatten())
        .filter(|t| !t.is_empty());
    let session = Session {
        token: RwSignal::new(stored),
        notice: RwSignal::new(None),
        unanswered: RwSignal::new(0),
        on_end: StoredValue::new_local(Vec::new()),
        number: StoredValue::new(0),
        first_page: StoredValue::new(None),
        end_reason: StoredValue::new(EndReason::Button),
    };
    provide_context(session);
    session
}

/// The session provided by [`provide_session`].
pub fn use_session() -> Session {
    expect_context()
}

impl Session {
    /// The token as a signal, for the API client (which reads it untracked
    /// at each request). Never shown or logged.
    pub fn token_signal(&self) -> Signal<Option<String>> {
        self.token.into()
    }

    /// Whether a token is kept (tracked).
    pub fn is_signed_in(&self) -> bool {
        self.token.with(Option::is_some)
    }

    /// The reason the last session ended, if it was not a sign-out (tracked).
    pub fn notice(&self) -> Option<Msg> {
        self.notice.get()
    }

    /// How many writes were still unanswered when the last session ended
    /// (tracked); 0 once signed in again.
    pub fn unanswered(&self) -> usize {
        self.unanswered.get()
    }

    /// Notes, as the session ends (from an [`Session::on_end`] hook), how
    /// many of its writes are still unanswered.
    pub fn note_unanswered(&self, writes: usize) {
        self.unanswered.set(writes);
    }

    /// The number of the current session (or of the time signed out since
    /// the last one), untracked.
    pub fn number(&self) -> u64 {
        self.number.try_get_value().unwrap_or_default()
    }

    /// Whether a token is kept, untracked.
    pub fn is_signed_in_untracked(&self) -> bool {
        self.token.with_untracked(Option::is_some)
    }

    /// Keeps a token the API has accepted, with the first page of the list
    /// its check read.
    pub fn sign_in(&self, token: String, first_page: FirstPage) {
        self.next_number();
        self.first_page.set_value(Some(first_page));
        if let Some(storage) = session_storage() {
            // If storage is unavailable (e.g. a sandboxed frame) the session
            // still works until the page is reloaded.
            let _ = storage.set_item(TOKEN_KEY, &token);
        }
        self.notice.set(None);
        self.unanswered.set(0);
        self.token.set(Some(token));
    }

    /// Forgets the token at the user's request.
    pub fn sign_out(&self) {
        self.end(EndReason::Button);
    }

    /// Forgets the token for `reason` (the user's request, idleness, a
    /// portal's new token), with no message on the sign-in page.
    pub fn end(&self, reason: EndReason) {
        self.forget(reason);
        self.notice.set(None);
    }

    /// Why the last session ended (untracked), for the end hooks.
    pub fn end_reason(&self) -> EndReason {
        self.end_reason.try_get_value().unwrap_or_default()
    }

    /// Forgets a token the API no longer accepts, saying why and, when the
    /// user was doing something, what did not happen.
    pub fn expire(&self, outcome: Option<Msg>) {
        let text = match outcome {
            Some(outcome) => Msg::signed_out_rejected_outcome(outcome),
            None => Msg::from(Key::SignedOutRejected),
        };
        self.forget(EndReason::Expired);
        self.notice.set(Some(text));
    }

    /// Shows a message on the sign-in page (e.g. a token handed over by a
    /// portal was rejected).
    pub fn tell(&self, text: Msg) {
        self.notice.set(Some(text));
    }

    /// The first page of the list read at sign-in, once: the first list
    /// loaded after signing in goes on from it, and a page kept any longer
    /// would be stale.
    pub fn take_first_page(&self) -> Option<FirstPage> {
        self.first_page.try_update_value(Option::take).flatten()
    }

    /// Runs `hook` each time the token is forgotten (sign-out or expiry).
    pub fn on_end(&self, hook: impl Fn() + 'static) {
        self.on_end.update_value(|hooks| hooks.push(Box::new(hook)));
    }

    fn next_number(&self) {
        let _ = self.number.try_update_value(|n| *n += 1);
    }

    fn forget(&self, reason: EndReason) {
        self.end_reason.set_value(reason);
        if let Some(storage) = session_storage() {
            let _ = storage.remove_item(TOKEN_KEY);
        }
        self.next_number();
        self.first_page.set_value(None);
        self.token.set(None);
        self.on_end
            .with_value(|hooks| hooks.iter().for_each(|hook| hook()));
    }
}
