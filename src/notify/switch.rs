//! The "Notify me" switch, with a plain word when permission is refused.

use super::notifier::{use_notifier, NotifyProblem};
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// A switch (`role="switch"`) that asks for permission when turned on. A
/// button rather than a checkbox: it shows only what the notifier decided,
/// never a state the browser refused.
#[component]
pub fn NotifySwitch() -> impl IntoView {
    let i18n = use_i18n();
    let Some(notifier) = use_notifier() else {
        return ().into_any();
    };
    let asking = RwSignal::new(false);
    let toggle = move |_| {
        if notifier.is_on_untracked() {
            notifier.turn_off();
        } else if !asking.get_untracked() {
            asking.set(true);
            leptos::task::spawn_local(async move {
                notifier.turn_on().await;
                let _ = asking.try_set(false);
            });
        }
    };
    view! {
        <div class="notify">
            <button
                type="button"
                class="notify-switch"
                role="switch"
                aria-checked=move || if notifier.is_on() { "true" } else { "false" }
                disabled=move || asking.get()
                on:click=toggle
            >
                {track()}
                {i18n.text(Key::NotifyMe)}
            </button>
            <span class="notify-problem" role="status">
                {move || notifier.problem().map(|problem| i18n.t(match problem {
                    NotifyProblem::Denied => Key::NotifyDenied,
                    NotifyProblem::Unsupported => Key::NotifyUnsupported,
                }))}
            </span>
        </div>
    }
    .into_any()
}

/// The switch's track, drawn by CSS. Its own `view!`: nested in the button's,
/// this static span would be made from an HTML string (`innerHTML`), which
/// the page's Trusted Types policy refuses.
fn track() -> impl IntoView {
    view! { <span class="notify-track" aria-hidden="true"></span> }
}
