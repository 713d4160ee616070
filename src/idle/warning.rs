//! The "Stay signed in" dialog shown shortly before an idle sign-out.

use super::watch::use_idle;
use crate::i18n::{use_i18n, Key, Msg};
use crate::session::use_session;
use crate::ui::modal::Modal;
use leptos::prelude::*;

/// Offers to stay signed in while the idle warning is on; closing it
/// (Escape, a click outside) also counts as staying.
#[component]
pub fn IdleWarning() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let Some(idle) = use_idle() else {
        return ().into_any();
    };
    let seconds = Memo::new(move |_| idle.warning_seconds());
    view! {
        <Show when=move || seconds.get().is_some()>
            <Modal
                title_id="idle-title"
                description_id="idle-text"
                role="alertdialog"
                on_close=Callback::new(move |()| idle.stay())
                busy=false
            >
                <h2 id="idle-title">{i18n.text(Key::IdleWarningTitle)}</h2>
                <p id="idle-text" aria-live="polite">
                    {move || seconds.get().map(|s| i18n.msg(&Msg::idle_warning_text(s.to_string())))}
                </p>
                <div class="dialog-actions">
                    <button class="button" on:click=move |_| session.sign_out()>{i18n.text(Key::SignOut)}</button>
                    <button class="button button-primary" autofocus on:click=move |_| idle.stay()>
                        {i18n.text(Key::IdleStay)}
                    </button>
                </div>
            </Modal>
        </Show>
    }
    .into_any()
}
