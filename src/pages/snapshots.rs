//! The main page: every snapshot grouped by server, with the filter, search,
//! sort and refresh controls, and the dialogs.

use crate::api::use_api;
use crate::components::dialogs::{provide_dialogs, use_dialogs, DialogHost, DialogRequest};
use crate::components::server_group::ServerGroupView;
use crate::domain::format::relative_time;
use crate::domain::grouping::{group_snapshots, ListView, ServerGroup, SortKey};
use crate::session::use_session;
use crate::store::{provide_snapshot_store, SnapshotStore};
use leptos::{ev, prelude::*};
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

const TITLE: &str = "Snapshots — VPS.org";

/// The signed-in view of the account's snapshots.
#[component]
pub fn SnapshotsPage() -> impl IntoView {
    let session = use_session();
    let store = provide_snapshot_store(use_api());
    provide_dialogs();
    let query = use_query_map();
    let server_filter =
        Memo::new(move |_| query.with(|q| q.get("server").and_then(|s| s.parse::<u64>().ok())));
    let search = RwSignal::new(String::new());
    let sort = RwSignal::new(SortKey::Date);
    let groups = Memo::new(move |_| {
        let view = ListView {
            server: server_filter.get(),
            query: search.get(),
            sort: sort.get(),
        };
        store.snapshots.with(|s| {
            store
                .servers
                .with(|servers| group_snapshots(s, servers.as_deref(), &view))
        })
    });

    // (Re)load whenever the filter in the URL changes, Back button included.
    Effect::new(move |_| store.load(server_filter.get()));

    // The tab title counts work in progress, for an operator on another tab.
    Effect::new(move |_| {
        let running = store
            .snapshots
            .with(|all| all.iter().filter(|s| s.status.is_in_progress()).count());
        let title = if running > 0 {
            format!("({running}) {TITLE}")
        } else {
            TITLE.to_string()
        };
        document().set_title(&title);
    });
    on_cleanup(|| document().set_title(TITLE));

    view! {
        <header class="topbar">
            <h1 class="brand">"VPS.org snapshots"</h1>
            <button class="button button-quiet" on:click=move |_| session.sign_out()>"Sign out"</button>
        </header>
        <main id="main" class="page">
            <Show when=move || !store.online.get()>
                <p class="banner banner-offline" role="status">
                    "You are offline. Updates are paused and will resume when the connection is back."
                </p>
            </Show>
            <Toolbar store server_filter search sort/>
            <StaleNotice store/>
            {move || {
                let unreadable = store.unreadable.get();
                (unreadable > 0).then(|| view! {
                    <p class="notice notice-warn" role="alert">
                        {format!("{unreadable} snapshot(s) in the API's answer could not be read and are not shown. Refresh, or check them in the provider's panel.")}
                    </p>
                })
            }}
            <ListBody store groups search/>
        </main>
        <DialogHost/>
    }
}

/// Filter, search, sort, refresh and "New snapshot".
#[component]
fn Toolbar(
    store: SnapshotStore,
    server_filter: Memo<Option<u64>>,
    search: RwSignal<String>,
    sort: RwSignal<SortKey>,
) -> impl IntoView {
    let dialogs = use_dialogs();
    let navigate = use_navigate();
    // Servers for the filter: all of them when the Servers API answers, else
    // those seen in snapshots.
    let filter_choices = Memo::new(move |_| {
        let mut choices: Vec<(u64, String)> = match store.servers.get() {
            Some(servers) => servers.into_iter().map(|s| (s.id, s.name)).collect(),
            None => store.snapshots.with(|all| {
                all.iter()
                    .map(|s| (s.server.id, s.server.name.clone()))
                    .collect()
            }),
        };
        choices.sort_by(|a, b| {
            a.1.to_lowercase()
                .cmp(&b.1.to_lowercase())
                .then(a.0.cmp(&b.0))
        });
        choices.dedup();
        choices
    });
    let on_filter = move |event: ev::Event| {
        // The full path as the browser sees it, sub-path included.
        let path = window().location().pathname().unwrap_or_default();
        let target = match event_target_value(&event).parse::<u64>() {
            Ok(id) => format!("{path}?server={id}"),
            Err(_) => path,
        };
        navigate(
            &target,
            NavigateOptions {
                resolve: false,
                ..Default::default()
            },
        );
    };
    let updated = move || {
        store
            .loaded_at
            .get()
            .map(|at| format!("Updated {}", relative_time(store.now_secs.get(), at / 1000)))
    };

    view! {
        <div class="toolbar" role="search">
            <div class="field field-inline">
                <label for="server-filter">"Server"</label>
                <select id="server-filter" on:change=on_filter>
                    <option value="" selected=move || server_filter.get().is_none()>"All servers"</option>
                    <For each=move || filter_choices.get() key=|choice| choice.clone() let:choice>
                        <option value=choice.0 selected=move || server_filter.get() == Some(choice.0)>
                            {format!("{} (#{})", choice.1, choice.0)}
                        </option>
                    </For>
                </select>
            </div>
            <div class="field field-inline field-grow">
                <label for="search">"Search"</label>
                <input
                    id="search"
                    type="search"
                    placeholder="Name or description"
                    prop:value=search
                    on:input=move |event| search.set(event_target_value(&event))
                />
            </div>
            <div class="field field-inline">
                <label for="sort">"Sort by"</label>
                <select id="sort" on:change=move |event| sort.set(SortKey::parse(&event_target_value(&event)))>
                    {SortKey::ALL
                        .into_iter()
                        .map(|key| view! { <option value=key.as_str() selected=move || sort.get() == key>{key.label()}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="toolbar-actions">
                <span class="updated" aria-live="polite">{updated}</span>
                <button class="button" disabled=move || store.loading.get() on:click=move |_| store.refresh()>
                    {move || if store.loading.get() { "Refreshing…" } else { "Refresh" }}
                </button>
                <button class="button button-primary" on:click=move |_| dialogs.open(DialogRequest::Create { server_id: server_filter.get_untracked() })>
                    "New snapshot"
                </button>
            </div>
        </div>
    }
}

/// When a refresh failed but older data is on screen: say so, keep the data.
#[component]
fn StaleNotice(store: SnapshotStore) -> impl IntoView {
    move || {
        let error = store.error.get()?;
        let loaded_at = store.loaded_at.get()?;
        let age = relative_time(store.now_secs.get(), loaded_at / 1000);
        Some(view! {
            <div class="notice notice-warn stale" role="alert">
                <p>{format!("Could not refresh: {error} Showing the list as it was {age}.")}</p>
                <button class="button" on:click=move |_| store.refresh()>"Retry"</button>
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
) -> impl IntoView {
    let group_ids =
        Memo::new(move |_| groups.with(|all| all.iter().map(|g| g.server.id).collect::<Vec<_>>()));
    move || {
        let loaded = store.loaded_at.with(Option::is_some);
        if !loaded {
            return match store.error.get() {
                Some(error) => view! {
                    <div class="error-state" role="alert">
                        <h2>"The snapshots could not be loaded"</h2>
                        <p>{error.to_string()}</p>
                        <button class="button button-primary" disabled=move || store.loading.get() on:click=move |_| store.refresh()>
                            "Retry"
                        </button>
                    </div>
                }
                .into_any(),
                None => view! { <LoadingSkeleton/> }.into_any(),
            };
        }
        view! {
            <Show when=move || group_ids.with(Vec::is_empty)>
                <p class="empty-state">
                    {move || if search.with(|s| s.trim().is_empty()) {
                        "This account has no servers or snapshots yet.".to_string()
                    } else {
                        format!("No snapshot matches “{}”.", search.get().trim())
                    }}
                </p>
            </Show>
            <div class="groups">
                <For each=move || group_ids.get() key=|id| *id let:id>
                    <ServerGroupView id groups/>
                </For>
            </div>
        }
        .into_any()
    }
}

/// Placeholder shapes while the first load runs, so nothing jumps.
#[component]
fn LoadingSkeleton() -> impl IntoView {
    view! {
        <div class="skeleton" aria-busy="true" role="status">
            <span class="visually-hidden">"Loading snapshots…"</span>
            {(0..3).map(|_| view! { <div class="skeleton-card" aria-hidden="true"></div> }).collect_view()}
        </div>
    }
}
