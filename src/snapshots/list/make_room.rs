//! "Make room…" in a full server's section: which servers have a snapshot
//! that may go, and the button that opens the create dialog to confirm it.

use crate::domain::model::Snapshot;
use crate::domain::selection::make_room_candidate;
use crate::i18n::{use_i18n, Key, Msg};
use crate::snapshots::dialog_request::{use_dialogs, DialogRequest};
use crate::snapshots::fleet::use_pending_deletes;
use crate::snapshots::store::SnapshotStore;
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};

/// The servers where "make room" has a snapshot to offer, worked out once
/// per change of the list (from the whole list, not the searched one: the
/// oldest may be hidden), so that each section only looks its server up.
/// None while that snapshot's delete already waits: the server has room
/// once it is sent, and a second "make room" would do nothing.
#[derive(Clone, Copy)]
pub struct RoomCandidates(Memo<HashSet<u64>>);

/// Provides [`RoomCandidates`] for the page's sections (after the pending
/// deletes).
pub fn provide_room_candidates(store: SnapshotStore) {
    let pending = use_pending_deletes();
    let servers = Memo::new(move |_| {
        store.snapshots().with(|all| {
            let mut by_server: HashMap<u64, Vec<&Snapshot>> = HashMap::new();
            for snapshot in all {
                by_server
                    .entry(snapshot.server.id)
                    .or_default()
                    .push(snapshot);
            }
            by_server
                .into_iter()
                .filter(|(_, own)| {
                    make_room_candidate(own).is_some_and(|old| !pending.is_pending(old.id))
                })
                .map(|(id, _)| id)
                .collect()
        })
    });
    provide_context(RoomCandidates(servers));
}

/// "Make room…" for server `id` at the limit, when one of its snapshots may
/// go: opens the create dialog for it, where the delete is confirmed.
/// Disabled while the server is being restored (`locked`), pointing to the
/// section's note that says so (`lock_note`, the note's id while it shows).
#[component]
pub fn MakeRoomButton(
    id: u64,
    name: Signal<String>,
    locked: Signal<bool>,
    lock_note: Signal<Option<String>>,
) -> impl IntoView {
    let RoomCandidates(candidates) = expect_context();
    let dialogs = use_dialogs();
    let i18n = use_i18n();
    // A memo: the button is rebuilt only when the answer changes, not on
    // every change of the list.
    let possible = Memo::new(move |_| candidates.with(|c| c.contains(&id)));
    move || {
        possible.get().then(|| {
            view! {
                <button
                    class="button"
                    aria-label=move || i18n.msg(&Msg::make_room_open_aria(name.get()))
                    aria-describedby=lock_note
                    disabled=move || locked.get()
                    on:click=move |_| dialogs.open(DialogRequest::Create { server_id: Some(id) })
                >
                    {i18n.text(Key::MakeRoomOpen)}
                </button>
            }
        })
    }
}
