//! One server's section: its name (a link to the server's page), hostname
//! and location, its count against the limit, what is happening to it, and
//! its snapshots.

use super::make_room::MakeRoomButton;
use super::snapshot_row::SnapshotRow;
use crate::clock::use_clock;
use crate::domain::grouping::ServerGroup;
use crate::domain::hidden::written_out;
use crate::domain::locks::RestorePhase;
use crate::domain::model::{ServerStatus, Snapshot};
use crate::domain::polling;
use crate::domain::validation::SNAPSHOTS_PER_SERVER;
use crate::i18n::{progress_msg, relative_msg, server_state_msg, use_i18n, Key, Msg};
use crate::snapshots::dialog_request::{use_dialogs, DialogRequest};
use crate::snapshots::fleet::SectionSelectAll;
use crate::snapshots::readiness::ReadinessLine;
use crate::snapshots::store::use_snapshot_store;
use crate::time_zone::TimeTip;
use leptos::{html, prelude::*};

/// The section of server `id`, the `position`-th of `set_size` in the list.
/// `group` changes only when this server's data does, and a changed snapshot
/// rebuilds only that snapshot's row.
#[component]
pub fn ServerGroupView(
    id: u64,
    group: Memo<Option<ServerGroup>>,
    position: Signal<usize>,
    set_size: Signal<usize>,
    /// The section's element, for the list to measure it.
    section_ref: NodeRef<html::Article>,
) -> impl IntoView {
    let store = use_snapshot_store();
    let i18n = use_i18n();
    // Derived, not memos: `group` only changes when this
    // server's data does.
    let name = Signal::derive(move || {
        group.with(|g| {
            g.as_ref()
                .map(|g| g.server.name.to_string())
                .unwrap_or_default()
        })
    });
    let total = Signal::derive(move || group.with(|g| g.as_ref().map_or(0, |g| g.total)));
    let at_limit =
        Signal::derive(move || group.with(|g| g.as_ref().is_some_and(ServerGroup::is_full)));
    // While the server is being restored, nothing may be taken, restored or
    // deleted on it; a memo, so its rows hear only of this server's lock.
    let locked = Memo::new(move |_| store.is_locked(id));
    // A server found among the rows read so far, while the account loads,
    // shows part of its snapshots: nothing that counts them (new snapshot,
    // make room) acts until it is read whole.
    let partial = move || store.is_partial(id);
    let held = Signal::derive(move || locked.get() || partial());
    let snapshots = Signal::derive(move || {
        group.with(|g| g.as_ref().map(|g| g.snapshots.to_vec()).unwrap_or_default())
    });
    let title_id = format!("server-{id}-title");
    // The note that says why the server is locked, for the controls it
    // disables to point to.
    let lock_id = format!("server-{id}-lock");
    let lock_note = {
        let lock_id = lock_id.clone();
        Signal::derive(move || locked.get().then(|| lock_id.clone()))
    };

    view! {
        <article
            node_ref=section_ref
            class="server-group"
            data-server-id=id
            aria-labelledby=title_id
            aria-posinset=position
            aria-setsize=set_size
        >
            <SectionHeader id title_id=title_id.clone() group name total at_limit snapshots locked=held lock_note/>
            <Show when=move || locked.get()>
                <p id=lock_id.clone() class="notice notice-busy server-lock">
                    {move || i18n.msg(&Msg::server_locked_restoring(name.get()))}
                </p>
            </Show>
            // Readiness needs all of a server's snapshots: a partial one says
            // that it is still loading instead.
            <Show when=partial fallback=move || view! { <ReadinessLine id/> }>
                <p class="notice notice-busy server-partial">{i18n.text(Key::ServerStillLoading)}</p>
            </Show>
            <Show when=move || at_limit.get()>
                <p class="notice notice-warn">
                    {move || i18n.msg(&Msg::group_limit_reached(SNAPSHOTS_PER_SERVER))}
                    " "
                    <MakeRoomButton id name locked=held lock_note/>
                </p>
            </Show>
            <RestoreLine id/>
            <Show when=move || total.get() == 0>
                <p class="empty">{i18n.text(Key::GroupEmpty)}</p>
            </Show>
            <ul class="snapshot-list">
                <For each=move || snapshots.get() key=|snapshot| snapshot.clone() let:snapshot>
                    <SnapshotRow snapshot locked=locked.into()/>
                </For>
            </ul>
        </article>
    }
}

/// A section's header (its title's id `title_id`): "select all", the
/// server's name, number and state, its count against the limit, and "New
/// snapshot" (disabled when full or `locked`, pointing to `lock_note`).
#[component]
fn SectionHeader(
    id: u64,
    title_id: String,
    group: Memo<Option<ServerGroup>>,
    name: Signal<String>,
    total: Signal<usize>,
    at_limit: Signal<bool>,
    snapshots: Signal<Vec<Snapshot>>,
    locked: Signal<bool>,
    lock_note: Signal<Option<String>>,
) -> impl IntoView {
    let dialogs = use_dialogs();
    let i18n = use_i18n();
    // A memo: a change elsewhere in the group (a row's status) must not
    // build the state's badge anew.
    let status = Memo::new(move |_| group.with(|g| g.as_ref().and_then(|g| g.status.clone())));
    view! {
        <header class="group-header">
            <div class="group-title">
                <SectionSelectAll server_name=name snapshots locked/>
                // Relative to the console's folder (the page's `<base href>`).
                <h2 id=title_id dir="auto"><a href=format!("servers/{id}")>{move || written_out(&name.get()).into_owned()}</a></h2>
                <span class="server-id">{format!("#{id}")}</span>
                {move || status.get().filter(|s| *s != ServerStatus::Unknown).map(|s| view! { <span class=format!("server-state state-{}", s.as_api())>{i18n.msg(&server_state_msg(&s))}</span> })}
                <ServerWhere id/>
            </div>
            <div class="group-meta">
                <span class="count" class:count-full=at_limit>
                    {move || i18n.msg(&Msg::group_count(total.get(), SNAPSHOTS_PER_SERVER))}
                </span>
                <button
                    class="button"
                    aria-label=move || i18n.msg(&Msg::new_snapshot_of(name.get()))
                    aria-describedby=lock_note
                    disabled=move || at_limit.get() || locked.get()
                    on:click=move |_| dialogs.open(DialogRequest::Create { server_id: Some(id) })
                >
                    {i18n.text(Key::NewSnapshot)}
                </button>
            </div>
        </header>
    }
}

/// Server `id`'s hostname and location, as the Servers API gave them, so
/// that two servers of the same name can be told apart (an empty one is not
/// shown); nothing when the API did not list the server.
#[component]
fn ServerWhere(id: u64) -> impl IntoView {
    let store = use_snapshot_store();
    // A memo: the header hears only of this server's details.
    let place = Memo::new(move |_| {
        store
            .server(id)
            .map(|s| (s.details.hostname, s.details.location))
    });
    move || {
        place.get().map(|(hostname, location)| {
            view! {
                <span class="server-where">
                    <span dir="auto">{written_out(&hostname).into_owned()}</span>
                    <span dir="auto">{written_out(&location).into_owned()}</span>
                </span>
            }
        })
    }
}

/// Where the restore this tab started on server `id` is: running (with its
/// progress), finished, or no longer followed; when it started is a
/// [`TimeTip`], like every time.
#[component]
fn RestoreLine(id: u64) -> impl IntoView {
    let store = use_snapshot_store();
    let clock = use_clock();
    let i18n = use_i18n();
    // Rebuilds the line only when the restore itself changes; the clock's
    // ticks update the words in place (a focused time keeps its focus).
    let restore = Memo::new(move |_| store.restore_of(id));
    move || {
        let (started, phase) =
            restore.with(|r| r.as_ref().map(|p| (p.started_ms / 1000, p.phase)))?;
        let text = move || {
            let Some(progress) = restore.get() else {
                return String::new();
            };
            let now = clock.now_secs();
            let snapshot = &progress.snapshot_name;
            let window = polling::RESTORE_WINDOW;
            let ago = relative_msg(now, started);
            let text = match progress.phase {
                RestorePhase::Restoring => Msg::restore_line_running(
                    snapshot,
                    ago,
                    progress_msg(polling::progress(now - started, window)),
                ),
                RestorePhase::Finished => Msg::restore_line_finished(snapshot, ago),
                RestorePhase::Untracked => Msg::restore_line_untracked(
                    snapshot,
                    ago,
                    window.min_minutes,
                    window.max_minutes,
                ),
            };
            i18n.msg(&text)
        };
        let class = if phase == RestorePhase::Finished {
            "notice notice-ok"
        } else {
            "notice notice-busy"
        };
        Some(view! { <p class=class><TimeTip at=started relative=Signal::derive(text)/></p> })
    }
}
