//! One server's section: its name, its count against the limit, what is
//! happening to it, and its snapshots.

use super::dialogs::{use_dialogs, DialogRequest};
use super::snapshot_row::SnapshotRow;
use crate::domain::grouping::ServerGroup;
use crate::domain::validation::SNAPSHOTS_PER_SERVER;
use crate::domain::{polling, time};
use crate::store::{use_snapshot_store, RestorePhase};
use leptos::prelude::*;

/// The section of server `id`. It reads its own slice of `groups`, so a change
/// elsewhere in the list does not touch it, and a changed snapshot rebuilds
/// only that snapshot's row.
#[component]
pub fn ServerGroupView(id: u64, groups: Memo<Vec<ServerGroup>>) -> impl IntoView {
    let store = use_snapshot_store();
    let dialogs = use_dialogs();
    let group =
        Memo::new(move |_| groups.with(|all| all.iter().find(|g| g.server.id == id).cloned()));
    let name = Memo::new(move |_| {
        group.with(|g| {
            g.as_ref()
                .map(|g| g.server.name.clone())
                .unwrap_or_default()
        })
    });
    let total = Memo::new(move |_| group.with(|g| g.as_ref().map_or(0, |g| g.total)));
    let at_limit = move || total.get() >= SNAPSHOTS_PER_SERVER;
    let status = Memo::new(move |_| group.with(|g| g.as_ref().and_then(|g| g.status.clone())));
    let snapshots =
        move || group.with(|g| g.as_ref().map(|g| g.snapshots.clone()).unwrap_or_default());
    let title_id = format!("server-{id}-title");

    let restore_line = move || {
        let progress = store.restores.with(|r| r.get(&id).cloned())?;
        let started = time::format_utc(progress.started_ms / 1000);
        let elapsed = store.now_secs.get() - progress.started_ms / 1000;
        let text = match progress.phase {
            RestorePhase::Restoring => format!(
                "Restoring from “{}” since {started}: {}",
                progress.snapshot_name,
                polling::progress_text(elapsed, polling::RESTORE_WINDOW)
            ),
            RestorePhase::Finished => format!("Restored from “{}” (started {started}).", progress.snapshot_name),
            RestorePhase::Untracked => format!(
                "Restore from “{}” started {started}. This console cannot see when it ends (no access to the Servers API); it usually takes 5–15 minutes.",
                progress.snapshot_name
            ),
        };
        let class = if progress.phase == RestorePhase::Finished {
            "notice notice-ok"
        } else {
            "notice notice-busy"
        };
        Some(view! { <p class=class>{text}</p> })
    };

    view! {
        <section class="server-group" data-server-id=id aria-labelledby=title_id>
            <header class="group-header">
                <div class="group-title">
                    <h2 id=title_id.clone()>{move || name.get()}</h2>
                    <span class="server-id">{format!("#{id}")}</span>
                    {move || status.get().map(|s| view! { <span class=format!("server-state state-{s}")>{server_state_label(&s)}</span> })}
                </div>
                <div class="group-meta">
                    <span class="count" class:count-full=at_limit>
                        {move || format!("{} / {SNAPSHOTS_PER_SERVER} snapshots", total.get())}
                    </span>
                    <button
                        class="button"
                        aria-label=move || format!("New snapshot of {}", name.get())
                        disabled=at_limit
                        on:click=move |_| dialogs.open(DialogRequest::Create { server_id: Some(id) })
                    >
                        "New snapshot"
                    </button>
                </div>
            </header>
            <Show when=at_limit>
                <p class="notice notice-warn">
                    "Limit reached: this server has 5 snapshots. Delete one before taking a new one."
                </p>
            </Show>
            {restore_line}
            <Show when=move || total.get() == 0>
                <p class="empty">"No snapshots yet. Take one before your next risky change."</p>
            </Show>
            <ul class="snapshot-list">
                <For each=snapshots key=|snapshot| snapshot.clone() let:snapshot>
                    <SnapshotRow snapshot/>
                </For>
            </ul>
        </section>
    }
}

/// The server's state in words.
pub fn server_state_label(status: &str) -> String {
    match status {
        "active" => "running".to_string(),
        other => other.to_string(),
    }
}
