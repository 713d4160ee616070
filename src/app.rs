//! The app shell: settings, app-wide state, and the router.

use crate::api::{provide_api, ApiClient};
use crate::components::toasts::{provide_toasts, ToastRegion};
use crate::config::load_config;
use crate::i18n::{provide_i18n, use_i18n, Msg};
use crate::pages::{sign_in::SignInPage, snapshots::SnapshotsPage};
use crate::portal::listen_for_portal_token;
use crate::session::{provide_session, use_session};
use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

/// The whole console.
#[component]
pub fn App() -> impl IntoView {
    let i18n = provide_i18n();
    let session = provide_session();
    provide_toasts();
    let config = LocalResource::new(load_config);

    view! {
        <a class="skip-link" href="#main">{i18n.text("skip-to-content")}</a>
        <Suspense fallback=move || view! { <p class="page-message" role="status">{i18n.text("loading-console")}</p> }>
            {move || Suspend::new(async move {
                match config.await {
                    Ok(config) => {
                        let client = ApiClient::new(&config.api_base_url, session);
                        listen_for_portal_token(config.allowed_portal_origins, session, client.clone());
                        provide_api(client);
                        view! { <Shell/> }.into_any()
                    }
                    Err(problem) => view! { <ConfigProblem problem/> }.into_any(),
                }
            })}
        </Suspense>
        <ToastRegion/>
    }
}

/// The routes, once the settings are known.
#[component]
fn Shell() -> impl IntoView {
    view! {
        <Router base=app_base_path()>
            <Routes fallback=|| view! { <NotFound/> }>
                <Route path=path!("/") view=Home/>
            </Routes>
        </Router>
    }
}

/// The folder the console is served from (`""` at the site root,
/// `/ops/snapshots` under a sub-path), so one build works anywhere.
fn app_base_path() -> String {
    let path = window().location().pathname().unwrap_or_default();
    path[..path.rfind('/').unwrap_or(0)].to_string()
}

/// The snapshot list when signed in, the sign-in page otherwise. The URL (and
/// its `?server=` filter) stays the same across sign-in.
#[component]
fn Home() -> impl IntoView {
    let session = use_session();
    move || {
        if session.is_signed_in() {
            view! { <SnapshotsPage/> }.into_any()
        } else {
            view! { <SignInPage/> }.into_any()
        }
    }
}

/// Shown instead of a blank page when `config.json` is missing or broken.
#[component]
fn ConfigProblem(problem: Msg) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <main id="main" class="page-message card" role="alert">
            <h1>{i18n.text("config-problem-title")}</h1>
            <p>{i18n.text_msg(problem)}</p>
            <p>{i18n.text("config-problem-hint")}</p>
            <button class="button" on:click=|_| { let _ = window().location().reload(); }>{i18n.text("reload")}</button>
        </main>
    }
}

/// An unknown address inside the app.
#[component]
fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <main id="main" class="page-message card">
            <h1>{i18n.text("not-found-title")}</h1>
            <p><a href=format!("{}/", app_base_path())>{i18n.text("not-found-link")}</a></p>
        </main>
    }
}
