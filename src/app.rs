//! The app shell: settings, app-wide state, and the router.

use crate::activity::{provide_activity, ActivityPage};
use crate::api::{provide_api, ApiClient};
use crate::clock::provide_clock;
use crate::config::{provide_stale_after_days, provide_undo_window, AppConfig};
use crate::i18n::{provide_i18n, use_i18n, Key, Msg, StartLanguage};
use crate::idle::{provide_idle, IdleWarning};
use crate::notify::provide_notifier;
use crate::portal::{apply_config_theme, connect_portal, report_writes};
use crate::session::{provide_session, use_session};
use crate::sign_in::SignInPage;
use crate::snapshots::{provide_list_place, ServerPage, SnapshotsPage};
use crate::time_zone::provide_time_zone;
use crate::toasts::{provide_toasts, Tone};
use crate::ui::skip_link::SkipLink;
use crate::ui::toast_region::ToastRegion;
use crate::url_state::router_base;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

/// The whole console, with its settings from `config.json` (or why they
/// could not be read), in the language it starts in.
#[component]
pub fn App(config: Result<AppConfig, Msg>, language: StartLanguage) -> impl IntoView {
    let i18n = provide_i18n(language);
    provide_meta_context();
    let session = provide_session();
    let toasts = provide_toasts();
    // A language that could not be fetched, said once per failure.
    Effect::new(move |_| {
        if let Some(note) = i18n.unavailable_note() {
            toasts.push(note, Tone::Error);
        }
    });
    provide_clock();
    provide_time_zone();
    provide_notifier(i18n);
    let activity = provide_activity(session);
    view! {
        // The tab's title on every page, in the chosen language; a page may
        // set its own (the list's counts work in progress) while it shows.
        <Title text=move || i18n.t(Key::PageTitle)/>
        <Router base=router_base()>
            <SkipLink/>
            // Inside the router, whose context the pages need.
            {match config {
                Ok(config) => {
                    apply_config_theme(&config);
                    let client = ApiClient::new(&config.api_base_url, session.token_signal())
                        .observe_writes(report_writes(activity.observer(), &config));
                    let answers_due = client.clone();
                    session.on_end(move || session.note_unanswered(answers_due.writes_in_flight()));
                    provide_undo_window(&config);
                    provide_stale_after_days(&config);
                    provide_idle(
                        config.idle_sign_out_minutes(),
                        config.idle_defer_max_minutes(),
                        session,
                    );
                    connect_portal(&config, session, client.clone());
                    provide_api(client);
                    view! { <Shell/> <IdleWarning/> }.into_any()
                }
                Err(problem) => view! { <ConfigProblem problem/> }.into_any(),
            }}
            <ToastRegion/>
        </Router>
    }
}

/// The console's pages, once the settings are known: one route per page,
/// by its name in the console's folder (the router's base), each behind
/// the one sign-in guard ([`signed_in`]).
#[component]
fn Shell() -> impl IntoView {
    // Flat, each page behind the guard: nested `<Routes>` with the guard as
    // a layout around an `<Outlet>` read as well, but made the wasm markedly
    // bigger each time it was tried (bench/README.md has the last figure).
    // Worth measuring again when a page nests.
    // Where the user was in the list, kept while another page shows (Back).
    provide_list_place();
    // Each route, with or without a final `/`: index.html's first script
    // knows the same names, to find the console's folder from them.
    view! {
        <FlatRoutes fallback=|| view! { <NotFound/> }>
            <Route path=path!("/") view=|| signed_in(snapshots_page)/>
            // A portal's link may name the folder's index.html.
            <Route path=path!("/index.html") view=|| signed_in(snapshots_page)/>
            <Route path=path!("/activity") view=|| signed_in(activity_page)/>
            <Route path=path!("/servers/:id") view=|| signed_in(server_page)/>
        </FlatRoutes>
    }
}

/// `page` when signed in, the sign-in page otherwise. The URL (and its
/// `?server=` filter) stays the same across sign-in, so the page asked for
/// appears once signed in.
fn signed_in(page: fn() -> AnyView) -> impl IntoView {
    let session = use_session();
    move || {
        if session.is_signed_in() {
            page()
        } else {
            view! { <SignInPage/> }.into_any()
        }
    }
}

/// The list page, built in a function of its own. Inlined into the guard,
/// the list's code would be compiled by the browser with the sign-in page's,
/// before the sign-in form can show (WebAssembly functions are compiled on
/// their first call).
#[inline(never)]
fn snapshots_page() -> AnyView {
    view! { <SnapshotsPage/> }.into_any()
}

/// The Activity page, for [`signed_in`].
fn activity_page() -> AnyView {
    view! { <ActivityPage/> }.into_any()
}

/// A server's page, for [`signed_in`] (not inlined, as the list page).
#[inline(never)]
fn server_page() -> AnyView {
    view! { <ServerPage/> }.into_any()
}

/// Shown instead of a blank page when `config.json` is missing or broken.
#[component]
fn ConfigProblem(problem: Msg) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <main id="main" class="page-message card" role="alert">
            <h1>{i18n.text(Key::ConfigProblemTitle)}</h1>
            <p>{i18n.text_msg(problem)}</p>
            <p>{i18n.text(Key::ConfigProblemHint)}</p>
            <button class="button" on:click=|_| { let _ = window().location().reload(); }>{i18n.text(Key::Reload)}</button>
        </main>
    }
}

/// An unknown address in the console's folder, with a link to the folder
/// (relative, so it works under any sub-path).
#[component]
fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <main id="main" class="page-message card">
            <h1>{i18n.text(Key::NotFoundTitle)}</h1>
            <p><a href="./">{i18n.text(Key::NotFoundLink)}</a></p>
        </main>
    }
}
