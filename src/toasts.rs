//! The app-wide list of short notices ("Snapshot … is complete"); the
//! region that shows them is `ui::toast_region`.

use crate::i18n::Msg;
use leptos::prelude::*;
use std::time::Duration;

/// How a notice reads: good news, neutral, or a problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Info,
    Success,
    Error,
}

/// One notice on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    pub id: u64,
    /// Put into words when shown, so it follows a change of language.
    pub text: Msg,
    pub tone: Tone,
}

/// The app-wide list of notices (a `Copy` handle).
#[derive(Clone, Copy)]
pub struct Toasts {
    list: RwSignal<Vec<Toast>>,
    next_id: StoredValue<u64>,
}

/// Creates the notice list and provides it to the app.
pub fn provide_toasts() -> Toasts {
    let toasts = Toasts {
        list: RwSignal::new(Vec::new()),
        next_id: StoredValue::new(0),
    };
    provide_context(toasts);
    toasts
}

/// The notice list provided by [`provide_toasts`].
pub fn use_toasts() -> Toasts {
    expect_context()
}

impl Toasts {
    /// Shows a notice. Good news fades after a while; problems stay until dismissed.
    pub fn push(&self, text: Msg, tone: Tone) {
        let Some(id) = self.next_id.try_update_value(|n| {
            *n += 1;
            *n
        }) else {
            return;
        };
        self.list.update(|list| list.push(Toast { id, text, tone }));
        if tone != Tone::Error {
            let toasts = *self;
            // Not leptos-use's `use_timeout_fn`: a hook is made once per
            // component, these timers one per notice.
            set_timeout(move || toasts.dismiss(id), Duration::from_secs(10));
        }
    }

    /// The notices on screen, oldest first (tracked).
    pub fn list(&self) -> Vec<Toast> {
        self.list.get()
    }

    /// Takes a notice off the screen.
    pub fn dismiss(&self, id: u64) {
        self.list.update(|list| list.retain(|t| t.id != id));
    }
}
