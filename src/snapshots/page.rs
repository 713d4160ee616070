//! The main page: every snapshot grouped by server, with the filter, search,
//! sort and refresh controls, and the dialogs.

use super::batch::provide_create_batch;
use super::bulk_delete::{provide_room_candidates, DeleteFailures, PendingBanner, SelectionBar};
use super::dialogs::{provide_dialogs, use_dialogs, DialogHost, DialogRequest};
use super::export::ExportButtons;
use super::list_window::WindowedGroups;
use super::pending_deletes::provide_pending_deletes;
use super::readiness::{provide_readiness, ReadinessSummary};
use super::selection::provide_selection;
use super::server_filter::ServerFilter;
use super::shortcuts::{install_shortcuts, ShortcutsButton};
use super::store::{provide_snapshot_store, SnapshotStore};
use crate::api::use_api;
use crate::config::use_undo_window;
use crate::domain::grouping::{group_snapshots, ListView, ServerGroup, SortKey};
use crate::i18n::{relative_msg, use_i18n, I18n, Key, Msg};
use crate::notify::NotifySwitch;
use crate::ui::top_bar::TopBar;
use crate::url_state::{use_rollback_filter, use_server_filter};
use leptos::prelude::*;

/// The signed-in view of the account's snapshots.
#[component]
pub fn SnapshotsPage() -> impl IntoView {
    let i18n = use_i18n();
    let selection = provide_selection();
    let store = provide_snapshot_store(use_api(), selection);
    provide_dialogs();
    provide_pending_deletes(store, selection, use_undo_window().seconds);
    provide_room_candidates(store);
    provide_create_batch();
    let (server_filter, set_server_filter) = use_server_filter();
    let (only_missing, set_only_missing) = use_rollback_filter();
    let readiness = provide_readiness(store);
    let search = RwSignal::new(String::new());
    let sort = RwSignal::new(SortKey::Date);
    let groups = Memo::new(move |_| {
        let view = ListView {
            server: server_filter.get(),
            query: search.get(),
            sort: sort.get(),
        };
        let mut groups = store.snapshots.with(|s| {
            store
                .servers
                .with(|servers| group_snapshots(s, servers.as_deref(), &view))
        });
        if only_missing.get() {
            groups.retain(|g| readiness.of(g.server.id).needs_attention());
        }
        groups
    });
    install_shortcuts(store, server_filter);

    // (Re)load whenever the filter in the URL changes, Back button included.
    Effect::new(move |_| store.load(server_filter.get()));

    // The tab title counts work in progress, for an operator on another tab.
    Effect::new(move |_| {
        let running = store
            .snapshots
            .with(|all| all.iter().filter(|s| s.status.is_in_progress()).count());
        let title = if running > 0 {
            i18n.msg(&Msg::page_title_busy(running))
        } else {
            i18n.t(Key::PageTitle)
        };
        document().set_title(&title);
    });
    on_cleanup(move || document().set_title(&i18n.msg_untracked(&Msg::from(Key::PageTitle))));

    view! {
        <TopBar brand_is_title=true href="activity" link=Key::ActivityLink>
            <NotifySwitch/>
        </TopBar>
        <main id="main" class="page">
            <Show when=move || !store.online.get()>
                <p class="banner banner-offline" role="status">{i18n.text(Key::OfflineBanner)}</p>
            </Show>
            <Toolbar store server_filter set_server_filter search sort/>
            <StaleNotice store/>
            <PendingBanner/>
            <DeleteFailures/>
            <SelectionBar/>
            <div class="list-tools">
                <ReadinessSummary store server_filter only_missing set_only_missing/>
                <ExportButtons groups/>
                <ShortcutsButton/>
            </div>
            {move || {
                let unreadable = store.unreadable.get();
                (unreadable > 0).then(|| view! {
                    <p class="notice notice-warn" role="alert">
                        {move || i18n.msg(&Msg::unreadable_snapshots(unreadable))}
                    </p>
                })
            }}
            <ListBody store groups search only_missing/>
        </main>
        <DialogHost/>
    }
}

/// Filter, search, sort, refresh and "New snapshot".
#[component]
fn Toolbar(
    store: SnapshotStore,
    server_filter: Memo<Option<u64>>,
    set_server_filter: impl Fn(Option<u64>) + 'static,
    search: RwSignal<String>,
    sort: RwSignal<SortKey>,
) -> impl IntoView {
    let dialogs = use_dialogs();
    let i18n = use_i18n();
    let updated = move || {
        store.loaded_at.get().map(|at| {
            let time = relative_msg(store.now_secs.get(), at / 1000);
            i18n.msg(&Msg::updated(time))
        })
    };

    view! {
        <div class="toolbar" role="search">
            <div class="field field-inline">
                <ServerFilter store server_filter set_server_filter/>
            </div>
            <div class="field field-inline field-grow">
                <label for="search">{i18n.text(Key::LabelSearch)}</label>
                <input
                    id="search"
                    type="search"
                    placeholder=i18n.text(Key::SearchPlaceholder)
                    prop:value=search
                    on:input=move |event| search.set(event_target_value(&event))
                />
            </div>
            <div class="field field-inline">
                <label for="sort">{i18n.text(Key::LabelSort)}</label>
                <select id="sort" on:change=move |event| sort.set(SortKey::parse(&event_target_value(&event)))>
                    {SortKey::ALL
                        .into_iter()
                        .map(|key| view! { <option value=key.as_str() selected=move || sort.get() == key>{move || sort_label(i18n, key)}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="toolbar-actions">
                <span class="updated" aria-live="polite">{updated}</span>
                <button class="button" disabled=move || store.loading.get() on:click=move |_| store.refresh()>
                    {move || if store.loading.get() { i18n.t(Key::Refreshing) } else { i18n.t(Key::Refresh) }}
                </button>
                <button class="button button-primary" on:click=move |_| dialogs.open(DialogRequest::Create { server_id: server_filter.get_untracked() })>
                    {i18n.text(Key::NewSnapshot)}
                </button>
                <button class="button" on:click=move |_| dialogs.open(DialogRequest::CreateMany)>
                    {i18n.text(Key::CreateMany)}
                </button>
            </div>
        </div>
    }
}

/// The sort menu entry of `key`.
fn sort_label(i18n: I18n, key: SortKey) -> String {
    match key {
        SortKey::Date => i18n.t(Key::SortDate),
        SortKey::Name => i18n.t(Key::SortName),
        SortKey::Size => i18n.t(Key::SortSize),
    }
}

/// When a refresh failed but older data is on screen: say so, keep the data.
#[component]
fn StaleNotice(store: SnapshotStore) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let error = store.error.get()?;
        let loaded_at = store.loaded_at.get()?;
        let age = relative_msg(store.now_secs.get(), loaded_at / 1000);
        let text = Msg::stale_notice(error.describe(), age);
        Some(view! {
            <div class="notice notice-warn stale" role="alert">
                <p>{i18n.text_msg(text)}</p>
                <button class="button" on:click=move |_| store.refresh()>{i18n.text(Key::Retry)}</button>
            </div>
        })
    }
}

/// The list itself, or its loading, error and empty states.
#[component]
fn ListBody(
    store: SnapshotStore,
    groups: Memo<Vec<ServerGroup>>,
    search: RwSignal<String>,
    only_missing: Memo<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let empty = Memo::new(move |_| groups.with(Vec::is_empty));
    // Only the change from "not loaded" to "loaded" may rebuild this view: a
    // refresh that updates `loaded_at` must leave the rows in place.
    let loaded = Memo::new(move |_| store.loaded_at.with(Option::is_some));
    move || {
        if !loaded.get() {
            return match store.error.get() {
                Some(error) => view! {
                    <div class="error-state" role="alert">
                        <h2>{i18n.text(Key::LoadFailed)}</h2>
                        <p>{move || i18n.msg(&error.describe())}</p>
                        <button class="button button-primary" disabled=move || store.loading.get() on:click=move |_| store.refresh()>
                            {i18n.text(Key::Retry)}
                        </button>
                    </div>
                }
                .into_any(),
                None => view! { <LoadingSkeleton/> }.into_any(),
            };
        }
        view! {
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
