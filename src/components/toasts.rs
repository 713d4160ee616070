//! Short notices ("Snapshot … is complete") announced politely to screen readers.

use crate::i18n::{use_i18n, Key, Msg};
use leptos::prelude::*;
use std::time::Duration;

/// How a notice reads: good news, neutral, or a problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Info,
    Success,
    Error,
}

#[derive(Clone, Debug, PartialEq)]
struct Toast {
    id: u64,
    /// Put into words when shown, so it follows a change of language.
    text: Msg,
    tone: Tone,
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
            set_timeout(move || toasts.dismiss(id), Duration::from_secs(10));
        }
    }

    fn dismiss(&self, id: u64) {
        self.list.update(|list| list.retain(|t| t.id != id));
    }
}

/// The live region where notices appear, bottom right.
#[component]
pub fn ToastRegion() -> impl IntoView {
    let toasts = use_toasts();
    let i18n = use_i18n();
    view! {
        <div class="toasts" role="status" aria-live="polite">
            <For each=move || toasts.list.get() key=|toast| toast.id let:toast>
                <div class=match toast.tone {
                    Tone::Info => "toast",
                    Tone::Success => "toast toast-success",
                    Tone::Error => "toast toast-error",
                }>
                    <p>{move || i18n.msg(&toast.text)}</p>
                    <button
                        class="icon-button"
                        aria-label=i18n.text(Key::DismissNotice)
                        on:click=move |_| toasts.dismiss(toast.id)
                    >
                        "×"
                    </button>
                </div>
            </For>
        </div>
    }
}
