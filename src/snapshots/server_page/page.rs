//! The server page's layout: its server's details, section and activity.

use super::details::ServerDetailsCard;
use super::state::ServerFacts;
use crate::activity::ServerActivity;
use crate::i18n::{use_i18n, Key, Msg};
use crate::snapshots::dialogs::DialogHost;
use crate::snapshots::fleet::{DeleteFailures, PendingBanner, SelectionBar};
use crate::snapshots::list::{
    provide_page_state, use_list_place, LoadFailed, OfflineBanner, ServerGroupView, StaleNotice,
};
use crate::ui::top_bar::TopBar;
use leptos::{html, prelude::*};
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The page of the server numbered in the address (`…/servers/{id}`).
#[component]
pub fn ServerPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get_str("id").unwrap_or_default().to_string()));
    // Another server's page (a link between two of them) is built anew.
    move || {
        let raw = id.get();
        match raw.parse::<u64>() {
            Ok(id) => view! { <ServerPageOf id/> }.into_any(),
            Err(_) => view! { <PageFrame><UnknownServer id=raw/></PageFrame> }.into_any(),
        }
    }
}

/// Server `id`'s page, with the list's state (store, actions, dialogs)
/// for its one section.
#[component]
fn ServerPageOf(id: u64) -> impl IntoView {
    let i18n = use_i18n();
    let (store, _) = provide_page_state();
    let facts = ServerFacts::load(store, id);
    let title = move || i18n.msg(&Msg::server_page_title(facts.name()));
    let content = move || {
        let failed = store
            .error()
            .get()
            .filter(|_| store.loaded_at().with(Option::is_none));
        if facts.is_unknown() {
            view! { <UnknownServer id=id.to_string()/> }.into_any()
        } else if let Some(error) = failed.filter(|_| facts.group.with(Option::is_none)) {
            view! { <LoadFailed store error/> }.into_any()
        } else if facts.is_loading() {
            view! { <p class="empty-state" role="status">{i18n.text(Key::ServerPageLoading)}</p> }
                .into_any()
        } else {
            view! { <ServerSections facts/> }.into_any()
        }
    };
    view! {
        <Title text=title/>
        <PageFrame>
            <OfflineBanner store/>
            <StaleNotice store/>
            <PendingBanner/>
            <DeleteFailures/>
            <SelectionBar/>
            {content}
        </PageFrame>
        <DialogHost/>
    }
}

/// The server's name, details, section of the list and activity.
#[component]
fn ServerSections(facts: ServerFacts) -> impl IntoView {
    let id = facts.id;
    let name = Memo::new(move |_| facts.name());
    // Not in a feed: the section is the page's only one.
    let one = Signal::stored(1);
    let section_ref = NodeRef::<html::Article>::new();
    view! {
        <h1 class="server-page-title" dir="auto">{move || name.get()}</h1>
        <ServerDetailsCard facts/>
        <ServerGroupView id group=facts.group position=one set_size=one section_ref/>
        <ServerActivity server_id=id/>
    }
}

/// "No server #N", with the link back to the list.
#[component]
fn UnknownServer(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let heading = Msg::server_page_unknown(id);
    view! {
        <div class="page-message card">
            <h1>{i18n.text_msg(heading)}</h1>
            <p>{i18n.text(Key::ServerPageUnknownHint)}</p>
        </div>
    }
}

/// The top bar and the page's `<main>`, which starts with the link back to
/// the list as it was left (its filter in the address, its scroll kept).
#[component]
fn PageFrame(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let back = use_list_place()
        .and_then(|place| place.list_address())
        .unwrap_or_else(|| "./".to_string());
    view! {
        <TopBar brand_is_title=false href="./" link=Key::ActivityBackToSnapshots/>
        <main id="main" class="page server-page">
            <p class="back-link"><a href=back>{i18n.text(Key::ServerPageBack)}</a></p>
            {children()}
        </main>
    }
}
