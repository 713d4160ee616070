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
#[derive(Clone)]
pub struct Toast {
    pub id: u64,
    /// Put into words when shown, so it follows a change of language.
    pub text: Msg,
    pub tone: Tone,
    /// What its "Details" button opens, if it has one.
    pub details: Option<Callback<()>>,
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
        self.show(None, text, tone, None);
    }

    /// Shows the notice `id` (from an earlier call) with new words in
    /// place, or a new one if it is gone (or `id` is `None`); with a "Details" button running
    /// `details`. Returns its id: a batch keeps one notice up to date.
    pub fn show(
        &self,
        id: Option<u64>,
        text: Msg,
        tone: Tone,
        details: Option<Callback<()>>,
    ) -> Option<u64> {
        let new_id = self.next_id.try_update_value(|n| {
            *n += 1;
            *n
        })?;
        let toast = Toast {
            id: new_id,
            text,
            tone,
            details,
        };
        // An update takes a new id in place: the old one's fade timer then
        // finds nothing, and the new words fade in full time.
        self.list
            .update(|list| match list.iter_mut().find(|t| Some(t.id) == id) {
                Some(old) => *old = toast,
                None => list.push(toast),
            });
        let id = new_id;
        if tone != Tone::Error {
            let toasts = *self;
            // Not leptos-use's `use_timeout_fn`: a hook is made once per
            // component, these timers one per notice.
            set_timeout(move || toasts.dismiss(id), Duration::from_secs(10));
        }
        Some(id)
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
