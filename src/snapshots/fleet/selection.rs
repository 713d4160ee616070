//! Which snapshots the operator has chosen to delete together.

use crate::domain::model::{ServerRef, Snapshot};
use crate::domain::selection::selectable;
use crate::i18n::Msg;
use crate::snapshots::store::SnapshotStore;
use crate::toasts::{use_toasts, Tone};
use leptos::prelude::*;
use std::collections::BTreeSet;

/// The chosen snapshot ids (a `Copy` handle). Ids of snapshots that have
/// gone from the list meanwhile are ignored by [`Selection::chosen`].
#[derive(Clone, Copy)]
pub struct Selection {
    ids: RwSignal<BTreeSet<u64>>,
    store: SnapshotStore,
}

/// Creates the page's selection of the store's snapshots and provides it to
/// its rows. Where a server becomes locked, its snapshots chosen before
/// leave the selection, and the user is told which servers and why (once:
/// a second look finds nothing more to take out).
pub fn provide_selection(store: SnapshotStore) -> Selection {
    let selection = Selection {
        ids: RwSignal::new(BTreeSet::new()),
        store,
    };
    let toasts = use_toasts();
    store.on_status_change(Callback::new(move |()| {
        let servers = selection.drop_locked();
        if servers.is_empty() {
            return;
        }
        let count = servers.len();
        let names: Vec<String> = servers.into_iter().map(|s| s.name.to_string()).collect();
        toasts.push(
            Msg::toast_selection_dropped_restoring(count, names.join(", ")),
            Tone::Info,
        );
    }));
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
        self.ids.with(|ids| ids.contains(&id))
    }

    /// Chooses or leaves `id`.
    pub fn set(&self, id: u64, chosen: bool) {
        self.ids.update(|ids| {
            if chosen {
                ids.insert(id);
            } else {
                ids.remove(&id);
            }
        });
    }

    /// Chooses or leaves all of `ids`.
    pub fn set_all(&self, ids: impl IntoIterator<Item = u64>, chosen: bool) {
        self.ids.update(|all| {
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
        self.ids.update(BTreeSet::clear);
    }

    /// The chosen snapshots that are still listed and may be deleted, in
    /// list order (tracked). `waiting` tells a snapshot whose delete is
    /// already waiting: it is not chosen again; nor is one whose server is
    /// being restored.
    pub fn chosen(&self, waiting: impl Fn(u64) -> bool) -> Vec<Snapshot> {
        self.ids.with(|ids| {
            self.store.snapshots().with(|all| {
                self.store.locks().with(|locks| {
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
    fn drop_locked(&self) -> Vec<ServerRef> {
        let Some((ids, servers)) = self.ids.try_with_untracked(|chosen| {
            self.store.snapshots().with_untracked(|all| {
                self.store
                    .locks()
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
