//! Where notices appear, announced politely to screen readers: the newest
//! three, and how many more there are.

use crate::i18n::{use_i18n, Key, Msg};
use crate::toasts::{use_toasts, Tone};
use leptos::prelude::*;

/// At most this many notices are on screen; the others are counted.
const SHOWN: usize = 3;

/// The live region where notices appear, at the bottom, clear of the rows'
/// buttons. An open dialog has one of its own (`in_dialog`): a modal
/// `<dialog>` is drawn above the page and makes the rest of it inert, so
/// the page's region hides while one is open (style/main.css).
#[component]
pub fn ToastRegion(#[prop(optional)] in_dialog: bool) -> impl IntoView {
    let toasts = use_toasts();
    let i18n = use_i18n();
    let shown = move || {
        let mut list = toasts.list();
        let hidden = list.len().saturating_sub(SHOWN);
        list.drain(..hidden);
        list
    };
    let more = move || toasts.list().len().saturating_sub(SHOWN);
    view! {
        <div class="toasts" class:toasts-in-dialog=in_dialog role="status" aria-live="polite">
            <For each=shown key=|toast| toast.id let:toast>
                <div class=match toast.tone {
                    Tone::Info => "toast",
                    Tone::Success => "toast toast-success",
                    Tone::Error => "toast toast-error",
                }>
                    <p>{move || i18n.msg(&toast.text)}</p>
                    {toast.details.map(|details| view! {
                        <button type="button" class="button button-small toast-details" on:click=move |_| details.run(())>
                            {i18n.text(Key::ToastDetails)}
                        </button>
                    })}
                    <button
                        class="icon-button"
                        aria-label=i18n.text(Key::DismissNotice)
                        on:click=move |_| toasts.dismiss(toast.id)
                    >
                        "×"
                    </button>
                </div>
            </For>
            {move || (more() > 0).then(|| view! {
                <p class="toasts-more">{move || i18n.msg(&Msg::toasts_more(more()))}</p>
            })}
        </div>
    }
}
