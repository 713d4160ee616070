//! Which snapshots the operator has chosen to delete together.

use super::store::SnapshotStore;
use crate::domain::model::Snapshot;
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
    /// already waiting: it is not chosen again.
    pub fn chosen(&self, store: SnapshotStore, waiting: impl Fn(u64) -> bool) -> Vec<Snapshot> {
        self.0.with(|ids| {
            store.snapshots.with(|all| {
                all.iter()
                    .filter(|s| ids.contains(&s.id) && selectable(s) && !waiting(s.id))
                    .cloned()
                    .collect()
            })
        })
    }
}
