//! What a dialog says while the server it acts on is being restored.

use crate::i18n::{use_i18n, Msg};
use leptos::prelude::*;

/// "`server` is being restored: …" while `locked`, announced as it appears
/// (the server may start restoring while the dialog is open); the dialog
/// keeps its confirmation disabled meanwhile.
#[component]
pub fn LockedNotice(server: Signal<String>, locked: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        locked.get().then(|| {
            view! {
                <p class="notice notice-warn" role="alert">
                    {move || i18n.msg(&Msg::server_locked_restoring(server.get()))}
                </p>
            }
        })
    }
}
