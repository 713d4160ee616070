//! Where notices appear, announced politely to screen readers.

use crate::i18n::{use_i18n, Key};
use crate::toasts::{use_toasts, Tone};
use leptos::prelude::*;

/// The live region where notices appear, bottom right.
#[component]
pub fn ToastRegion() -> impl IntoView {
    let toasts = use_toasts();
    let i18n = use_i18n();
    view! {
        <div class="toasts" role="status" aria-live="polite">
            <For each=move || toasts.list() key=|toast| toast.id let:toast>
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
