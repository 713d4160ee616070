//! The sign-in page: the token is checked with one real API call before it is kept.

use crate::api::{use_api, ApiError};
use crate::i18n::{use_i18n, Key, LanguagePicker, Msg};
use crate::session::use_session;
use leptos::{ev, prelude::*};

/// Asks for the API token and keeps it only once the API accepts it.
#[component]
pub fn SignInPage() -> impl IntoView {
    let session = use_session();
    let client = use_api();
    let i18n = use_i18n();
    let token = RwSignal::new(String::new());
    let missing = RwSignal::new(false);
    let check = Action::new_local(move |token: &String| {
        let (client, token) = (client.clone(), token.clone());
        async move {
            match client.check_token(&token).await {
                Ok(first_page) => {
                    session.sign_in(token, first_page);
                    None
                }
                Err(error) => Some(error),
            }
        }
    });
    let pending = check.pending();
    let error = move || {
        if missing.get() {
            return Some(i18n.t(Key::TokenMissing));
        }
        if pending.get() {
            return None;
        }
        check.value().get().flatten().map(|e| match e {
            ApiError::Unauthorized => i18n.t(Key::TokenRejected),
            other => i18n.msg(&Msg::token_check_failed(other.describe())),
        })
    };
    let submit = move |event: ev::SubmitEvent| {
        event.prevent_default();
        let candidate = token.get_untracked().trim().to_string();
        missing.set(candidate.is_empty());
        if candidate.is_empty() || pending.get_untracked() {
            return;
        }
        check.dispatch(candidate);
    };

    view! {
        <main class="sign-in" id="main">
            <LanguagePicker/>
            <h1 class="brand">{i18n.text(Key::Brand)}</h1>
            <form class="card sign-in-card" on:submit=submit novalidate>
                <h2>{i18n.text(Key::SignIn)}</h2>
                <p class="hint">{i18n.text(Key::SignInHint)}</p>
                <SessionEndNotices/>
                <TokenField token missing error=Signal::derive(error)/>
                <button type="submit" class="button button-primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t(Key::SigningIn) } else { i18n.t(Key::SignIn) }}
                </button>
            </form>
        </main>
    }
}

/// Why the last session ended, and the writes it left unanswered.
#[component]
fn SessionEndNotices() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    view! {
        {move || session.notice().map(|n| view! { <p class="notice notice-warn" role="alert">{i18n.text_msg(n)}</p> })}
        {move || match session.unanswered() {
            0 => None,
            count => Some(view! { <p class="notice notice-warn" role="alert">{i18n.text_msg(Msg::signed_out_unanswered(count))}</p> }),
        }}
    }
}

/// The token field with "Show", and the problem with the token (`error`);
/// typing clears `missing`.
#[component]
fn TokenField(
    token: RwSignal<String>,
    missing: RwSignal<bool>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let shown = RwSignal::new(false);
    view! {
        <div class="field">
            <label for="token">{i18n.text(Key::TokenLabel)}</label>
            <div class="token-row">
                <input
                    id="token"
                    name="token"
                    type=move || if shown.get() { "text" } else { "password" }
                    autocomplete="off"
                    spellcheck="false"
                    autofocus
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    aria-describedby="token-error"
                    prop:value=token
                    on:input=move |event| {
                        missing.set(false);
                        token.set(event_target_value(&event));
                    }
                />
                <button
                    type="button"
                    class="button"
                    aria-pressed=move || shown.get().to_string()
                    on:click=move |_| shown.update(|s| *s = !*s)
                >
                    {i18n.text(Key::ShowToken)}
                </button>
            </div>
            <p id="token-error" class="field-error" role="alert">{move || error.get()}</p>
        </div>
    }
}
