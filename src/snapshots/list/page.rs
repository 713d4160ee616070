//! The main page: every snapshot grouped by server, with the filter, search,
//! sort and refresh controls, and the dialogs.

use super::body::{ListBody, LoadProgressLine, OfflineBanner, StaleNotice};
use super::make_room::provide_room_candidates;
use super::shortcuts::install_shortcuts;
use super::toolbar::Toolbar;
use crate::api::use_api;
use crate::config::use_undo_window;
use crate::domain::list_view::{shown_groups, ListView, ServerSort, SortKey};
use crate::i18n::{use_i18n, Key, Msg};
use crate::notify::NotifySwitch;
use crate::snapshots::actions::provide_actions;
use crate::snapshots::dialog_request::provide_dialogs;
use crate::snapshots::dialogs::DialogHost;
use crate::snapshots::fleet::{
    provide_create_batch, provide_pending_deletes, provide_selection, DeleteFailures,
    PendingBanner, SelectionBar,
};
use crate::snapshots::readiness::{provide_readiness, ReadinessSummary, RollbackReadiness};
use crate::snapshots::store::{always_new, provide_snapshot_store, SnapshotStore};
use crate::ui::top_bar::TopBar;
use crate::url_state::{
    use_rollback_filter, use_search, use_server_filter, use_sort_param, SERVER_SORT_PARAM,
    SORT_PARAM,
};
use leptos::prelude::*;
use leptos_meta::Title;

/// What a page of snapshots provides to the sections, rows, dialogs and
/// bars below it (the list page, and a server's page): the store and every
/// concern's handle.
pub fn provide_page_state() -> (SnapshotStore, RollbackReadiness) {
    let store = provide_snapshot_store(use_api());
    let actions = provide_actions(store);
    let selection = provide_selection(store);
    provide_dialogs();
    provide_pending_deletes(actions, selection, use_undo_window().seconds);
    provide_room_candidates(store);
    provide_create_batch();
    let readiness = provide_readiness(store);
    (store, readiness)
}

/// The signed-in view of the account's snapshots.
#[component]
pub fn SnapshotsPage() -> impl IntoView {
    let i18n = use_i18n();
    let (store, readiness) = provide_page_state();
    let (server_filter, set_server_filter) = use_server_filter();
    let (only_missing, set_only_missing) = use_rollback_filter();
    let (search, type_search, end_search) = use_search();
    let (sort, set_sort) = use_sort_param::<SortKey>(SORT_PARAM);
    let (server_sort, set_server_sort) = use_sort_param::<ServerSort>(SERVER_SORT_PARAM);
    let grouped = move || {
        let view = ListView {
            server: server_filter.get(),
            query: search.get(),
            sort: sort.get(),
            server_sort: server_sort.get(),
        };
        // While the whole account loads behind the first screen, a search or
        // a server chosen sees every row read so far; the list as a whole
        // keeps to the servers shown, so that nothing moves under the user.
        let all_read = view.server.is_some() || !view.query.trim().is_empty();
        store.with_sections(all_read, |sections| {
            store
                .servers()
                .with(|servers| shown_groups(sections, servers.as_deref(), &view))
        })
    };
    let groups = Memo::new_with_compare(
        move |_| {
            let mut groups = grouped();
            if only_missing.get() {
                groups.retain(|g| {
                    readiness.of(g.server.id).needs_attention() && !store.is_partial(g.server.id)
                });
            }
            groups
        },
        always_new,
    );
    // How many servers the filter and the search show, the quick filter
    // aside: the readiness summary's total. Without the quick filter that is
    // the list itself; with it, the list is grouped once more without it,
    // rather than copying the whole list on every poll in the usual case.
    let shown_servers = Memo::new(move |_| {
        if only_missing.get() {
            grouped().len()
        } else {
            groups.with(Vec::len)
        }
    });
    install_shortcuts(store, server_filter);

    // (Re)load whenever the filter in the URL changes, Back button included.
    Effect::new(move |_| store.load(server_filter.get()));

    // The tab title counts work in progress, for an operator on another
    // tab; the app's own title comes back when the page goes.
    let title = move || {
        let running = store
            .snapshots()
            .with(|all| all.iter().filter(|s| s.status.is_in_progress()).count());
        if running > 0 {
            i18n.msg(&Msg::page_title_busy(running))
        } else {
            i18n.t(Key::PageTitle)
        }
    };

    view! {
        <Title text=title/>
        <TopBar brand_is_title=true href="activity" link=Key::ActivityLink>
            <NotifySwitch/>
        </TopBar>
        <main id="main" class="page">
            <OfflineBanner store/>
            <Toolbar store groups server_filter set_server_filter search type_search end_search sort set_sort server_sort set_server_sort/>
            <LoadProgressLine store/>
            <StaleNotice store/>
            <PendingBanner/>
            <DeleteFailures/>
            <SelectionBar/>
            <div class="list-tools">
                <ReadinessSummary store groups shown_servers only_missing set_only_missing/>
            </div>
            {move || {
                let unreadable = store.unreadable().get();
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
