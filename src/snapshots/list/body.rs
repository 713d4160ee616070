//! The list's states: loading, failed, empty, stale, and the list itself.

use super::list_window::WindowedGroups;
use crate::api::ApiError;
use crate::clock::use_clock;
use crate::domain::grouping::ServerGroup;
use crate::i18n::{relative_msg, use_i18n, Key, Msg};
use crate::snapshots::store::SnapshotStore;
use leptos::prelude::*;

/// While the browser is offline: say that the list cannot be refreshed.
#[component]
pub fn OfflineBanner(store: SnapshotStore) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show when=move || !store.is_online()>
            <p class="banner banner-offline" role="status">{i18n.text(Key::OfflineBanner)}</p>
        </Show>
    }
}

/// How far a big account has loaded behind its first screen, and that
/// search and the filter see only what has loaded, readiness only the
/// servers shown, until then.
/// Once all is loaded it says so in the same place, the longer text kept
/// invisible under it, so that nothing below moves. Not a live region: it
/// changes several times a second as the pages come.
#[component]
pub fn LoadProgressLine(store: SnapshotStore) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let p = store.progress().get()?;
        Some(view! {
            <div class="load-progress">
                <p class="load-progress-text">
                    <span class:gone=p.done>{i18n.msg(&Msg::list_progress(p.loaded, p.total))}</span>
                    <span class:gone=!p.done>{i18n.msg(&Msg::list_progress_done(p.total))}</span>
                </p>
                <progress class:gone=p.done max=p.total value=p.loaded aria-label=i18n.t(Key::ListProgressLabel)></progress>
            </div>
        })
    }
}

/// When a refresh failed but older data is on screen: say so, keep the data.
#[component]
pub fn StaleNotice(store: SnapshotStore) -> impl IntoView {
    let i18n = use_i18n();
    let clock = use_clock();
    move || {
        let error = store.error().get()?;
        let loaded_at = store.loaded_at().get()?;
        let age = relative_msg(clock.now_secs(), loaded_at / 1000);
        let text = Msg::stale_notice(error.describe(), age);
        Some(view! {
            <div class="notice notice-warn stale" role="alert">
                <p>{i18n.text_msg(text)}</p>
                <button class="button" on:click=move |_| store.refresh()>{i18n.text(Key::Retry)}</button>
            </div>
        })
    }
}

/// A first load that failed: why, and "Retry".
#[component]
pub fn LoadFailed(store: SnapshotStore, error: ApiError) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="error-state" role="alert">
            <h2>{i18n.text(Key::LoadFailed)}</h2>
            <p>{move || i18n.msg(&error.describe())}</p>
            <button class="button button-primary" disabled=move || store.loading().get() on:click=move |_| store.refresh()>
                {i18n.text(Key::Retry)}
            </button>
        </div>
    }
}

/// The list itself, or its loading, error and empty states.
#[component]
pub fn ListBody(
    store: SnapshotStore,
    groups: Memo<Vec<ServerGroup>>,
    search: Memo<String>,
    only_missing: Memo<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let empty = Memo::new(move |_| groups.with(Vec::is_empty));
    // While searching: how many servers and snapshots are shown, in a live
    // region that stays in the page, so that each change is announced; and,
    // for a big account loading behind its first screen, whether the search
    // saw the whole account yet.
    let shown = move || {
        if search.with(|s| s.trim().is_empty()) {
            return String::new();
        }
        let scope = store.progress().get().map(|p| {
            let scope = if p.done {
                Msg::search_complete(p.total)
            } else {
                Msg::search_partial(p.loaded, p.total)
            };
            i18n.msg(&scope)
        });
        let found = (!empty.get()).then(|| {
            let (servers, snapshots) = groups.with(|groups| {
                let snapshots = groups.iter().map(|g| g.snapshots.len()).sum::<usize>();
                (groups.len(), snapshots)
            });
            i18n.msg(&Msg::list_shown(
                Msg::count_servers(servers),
                Msg::count_snapshots(snapshots),
            ))
        });
        scope.into_iter().chain(found).collect::<Vec<_>>().join(" ")
    };
    // Only the change from "not loaded" to "loaded" may rebuild this view: a
    // refresh that updates `loaded_at` must leave the rows in place.
    let loaded = Memo::new(move |_| store.loaded_at().with(Option::is_some));
    move || {
        if !loaded.get() {
            return match store.error().get() {
                Some(error) => view! { <LoadFailed store error/> }.into_any(),
                None => view! { <LoadingSkeleton/> }.into_any(),
            };
        }
        view! {
            <p class="list-shown" role="status">{shown}</p>
            <Show when=move || empty.get()>
                <p class="empty-state">
                    {move || if !search.with(|s| s.trim().is_empty()) {
                        i18n.msg(&Msg::no_match(search.get().trim()))
                    } else if only_missing.get() {
                        i18n.t(Key::ReadinessFilterEmpty)
                    } else {
                        i18n.t(Key::ListEmpty)
                    }}
                </p>
            </Show>
            <WindowedGroups groups/>
        }
        .into_any()
    }
}

/// Placeholder shapes while the first load runs, so nothing jumps.
#[component]
fn LoadingSkeleton() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="skeleton" aria-busy="true" role="status">
            <span class="visually-hidden">{i18n.text(Key::LoadingSnapshots)}</span>
            {(0..3).map(|_| view! { <div class="skeleton-card" aria-hidden="true"></div> }).collect_view()}
        </div>
    }
}
