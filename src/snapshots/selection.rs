//! Which snapshots the operator has chosen to delete together.

use super::store::SnapshotStore;
use crate::domain::model::{ServerRef, Snapshot};
use crate::domain::selection::selectable;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// The chosen snapshot ids (a `Copy` handle). Ids of snapshots that have
/// gone from the list meanwhile are ignored by [`Selection::chosen`].
#[derive(Clone, Copy)]
pub struct Selection(RwSignal<BTreeSet<u64>>);

/// Creates the page's selection and provides it to its rows.
pub fn provide_selection() -> Selection {
    let selection = Selection(RwSignal::new(BTreeSet::new()));
    provide_context(selection);
    selection
}

/// The selection provided by [`provide_selection`].
pub fn use_selection() -> Selection {
    expect_context()
}

impl Selection {
    /// Whether `id` is chosen (tracked).
    pub fn contains(&self, id: u64) -> bool {
        self.0.with(|ids| ids.contains(&id))
    }

    /// Chooses or leaves `id`.
    pub fn set(&self, id: u64, chosen: bool) {
        self.0.update(|ids| {
            if chosen {
                ids.insert(id);
            } else {
                ids.remove(&id);
            }
        });
    }

    /// Chooses or leaves all of `ids`.
    pub fn set_all(&self, ids: impl IntoIterator<Item = u64>, chosen: bool) {
        self.0.update(|all| {
            for id in ids {
                if chosen {
                    all.insert(id);
                } else {
                    all.remove(&id);
                }
            }
        });
    }

    /// Leaves everything.
    pub fn clear(&self) {
        self.0.update(BTreeSet::clear);
    }

    /// The chosen snapshots that are still listed and may be deleted, in
    /// list order (tracked). `waiting` tells a snapshot whose delete is
    /// already waiting: it is not chosen again; nor is one whose server is
    /// being restored.
    pub fn chosen(&self, store: SnapshotStore, waiting: impl Fn(u64) -> bool) -> Vec<Snapshot> {
        self.0.with(|ids| {
            store.snapshots.with(|all| {
                store.locks.with(|locks| {
                    all.iter()
                        .filter(|s| ids.contains(&s.id) && selectable(s) && !waiting(s.id))
                        .filter(|s| !locks.is_locked(s.server.id))
                        .cloned()
                        .collect()
                })
            })
        })
    }

    /// Leaves the snapshots of servers being restored, returning those
    /// servers (none when nothing chosen was theirs).
    pub fn drop_locked(&self, store: SnapshotStore) -> Vec<ServerRef> {
        let Some((ids, servers)) = self.0.try_with_untracked(|chosen| {
            store.snapshots.with_untracked(|all| {
                store
                    .locks
                    .with_untracked(|locks| locks.locked_out(all, chosen))
            })
        }) else {
            return Vec::new();
        };
        if !ids.is_empty() {
            self.set_all(ids, false);
        }
        servers
    }
}
