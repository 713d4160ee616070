//! What is chosen in the several-servers dialog: the servers to snapshot,
//! and the full ones whose oldest completed snapshot goes first.

use crate::domain::grouping::ServerGroup;
use crate::domain::model::Snapshot;
use crate::snapshots::dialogs::make_room::room_candidate;
use crate::snapshots::fleet::use_pending_deletes;
use crate::snapshots::store::SnapshotStore;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// The servers chosen and what of them is sent: the ones with room, and a
/// snapshot to delete first for each full one that makes room.
#[derive(Clone, Copy)]
pub struct Picks {
    /// The servers ticked.
    pub chosen: RwSignal<BTreeSet<u64>>,
    /// Full servers whose oldest completed snapshot is to go first.
    pub room_chosen: RwSignal<BTreeSet<u64>>,
    /// The chosen servers a create is sent to now, with their names.
    pub with_room: Memo<Vec<(u64, String)>>,
    /// What is deleted first.
    pub making_room: Memo<Vec<Snapshot>>,
    /// How many snapshots `making_room` holds.
    pub room_count: Memo<usize>,
}

impl Picks {
    /// Nothing chosen yet, among `choices`.
    pub fn new(store: SnapshotStore, choices: Memo<Vec<ServerGroup>>) -> Self {
        let pending = use_pending_deletes();
        let chosen = RwSignal::new(BTreeSet::<u64>::new());
        let room_chosen = RwSignal::new(BTreeSet::<u64>::new());
        // A server that filled up, or is being restored, since it was chosen
        // is not sent.
        let with_room = Memo::new(move |_| {
            chosen_groups(store, choices, chosen, false, |g| {
                Some((g.server.id, g.server.name.to_string()))
            })
        });
        // The candidate of each full server chosen, as it is now, unless its
        // delete already waits or the server is being restored.
        let making_room = Memo::new(move |_| {
            chosen_groups(store, choices, room_chosen, true, |g| {
                room_candidate(g).filter(|old| !pending.is_pending(old.id))
            })
        });
        let room_count = Memo::new(move |_| making_room.with(Vec::len));
        Self {
            chosen,
            room_chosen,
            with_room,
            making_room,
            room_count,
        }
    }

    /// How many snapshots the batch would create (tracked).
    pub fn count(&self) -> usize {
        self.with_room.with(Vec::len) + self.room_count.get()
    }
}

/// What `pick` takes of each group of `choices` whose server is in `ids`,
/// full or not as `full` says, and not being restored (tracked).
fn chosen_groups<T>(
    store: SnapshotStore,
    choices: Memo<Vec<ServerGroup>>,
    ids: RwSignal<BTreeSet<u64>>,
    full: bool,
    pick: impl Fn(&ServerGroup) -> Option<T>,
) -> Vec<T> {
    store.locks().with(|locks| {
        ids.with(|ids| {
            choices.with(|groups| {
                groups
                    .iter()
                    .filter(|g| ids.contains(&g.server.id) && g.is_full() == full)
                    .filter(|g| !locks.is_locked(g.server.id))
                    .filter_map(&pick)
                    .collect()
            })
        })
    })
}
