//! What a load of the whole account has read behind a first screen: its
//! rows kept aside as they come, how far it has come, and what search and
//! the server filter see of them until it is all there (`load.rs` starts
//! and ends the load).

use super::SnapshotStore;
use crate::api::Told;
use crate::domain::grouping::{account_sections, ServerGroup};
use crate::domain::model::{Server, Snapshot};
use crate::domain::progressive::LoadProgress;
use leptos::prelude::*;
use std::cell::Cell;
use std::collections::HashSet;
use std::time::Duration;

/// How often the rows read behind a first screen are handed to search and
/// the server filter, and the progress line told how far the load has come:
/// each hand-over groups the whole of them again, and each new figure is
/// laid out and painted, so not at every one of hundreds of pages.
const ROWS_SHOWN_EVERY: Duration = Duration::from_millis(300);

impl SnapshotStore {
    /// A page of the whole list loaded by load `seq` (`unreadable`: its
    /// rows that could not be read so far), while that load is the latest:
    /// kept aside, counted, and, `behind` a first screen, handed to search,
    /// the server filter and the progress line.
    pub(super) fn told(
        &self,
        seq: u64,
        told: Told<Snapshot>,
        unreadable: &Cell<usize>,
        behind: bool,
    ) {
        if self.seq.try_with_value(|s| s.order.is_latest_load(seq)) != Some(true) {
            return;
        }
        let read = self.set_partial.try_update_untracked(|rows| {
            match told {
                Told::Page(page) => {
                    unreadable.set(unreadable.get() + page.unreadable);
                    rows.extend(page.items);
                }
                Told::Again => {
                    unreadable.set(0);
                    rows.clear();
                }
            }
            rows.len() + unreadable.get()
        });
        self.progress.try_update_untracked(|progress| {
            if let (Some(p), Some(read)) = (progress.as_mut().filter(|p| !p.done), read) {
                *p = p.read(read);
            }
        });
        if behind {
            self.hand_over_rows();
        }
    }

    /// Tells search, the server filter and the progress line of the rows
    /// read behind the first screen, at most every [`ROWS_SHOWN_EVERY`].
    fn hand_over_rows(&self) {
        let due = self
            .seq
            .try_update_value(|s| std::mem::replace(&mut s.rows_due, true));
        if due != Some(false) {
            return;
        }
        let store = *self;
        set_timeout(
            move || {
                if store.seq.try_update_value(|s| s.rows_due = false).is_some() {
                    store.set_partial.notify();
                    store.progress.notify();
                }
            },
            ROWS_SHOWN_EVERY,
        );
    }

    /// Says how far the whole account has loaded behind a first screen
    /// (`None`: no first screen).
    pub(super) fn set_progress(&self, progress: Option<LoadProgress>) {
        let behind = progress.is_some_and(|p| !p.done);
        if self.loading_behind.get_untracked() != behind {
            self.set_loading_behind.set(behind);
        }
        self.progress.set(progress);
    }

    /// Whether the whole account is still loading behind a first screen
    /// (tracked).
    fn loading_behind(&self) -> bool {
        self.loading_behind.get()
    }

    /// [`Self::loading_behind`], untracked.
    pub(super) fn loading_behind_now(&self) -> bool {
        self.loading_behind.get_untracked()
    }

    /// Calls `f` with every server's section (see [`Self::sections`]) or,
    /// when `all_read` and the whole account is still loading behind a first
    /// screen, with the sections of every row read so far (tracked).
    pub fn with_sections<R>(&self, all_read: bool, f: impl FnOnce(&Vec<ServerGroup>) -> R) -> R {
        if all_read && self.loading_behind() {
            self.sections_read.with(f)
        } else {
            self.sections.with(f)
        }
    }

    /// Whether server `id` is shown from part of its snapshots: found among
    /// the rows read so far while the whole account loads, not read whole
    /// (tracked). Its count is then not all it has.
    pub fn is_partial(&self, id: u64) -> bool {
        self.loading_behind() && !self.whole_servers().contains(&id)
    }

    /// The servers read whole so far (tracked).
    fn whole_servers(&self) -> HashSet<u64> {
        whole_servers(self.servers, self.snapshots)
    }
}

/// The servers read whole so far (tracked): while the account loads behind
/// a first screen, those the Servers API listed are the ones shown, and a
/// snapshot is only on screen with all its server's.
fn whole_servers(
    servers: ReadSignal<Option<Vec<Server>>>,
    snapshots: ReadSignal<Vec<Snapshot>>,
) -> HashSet<u64> {
    let mut whole: HashSet<u64> =
        servers.with(|servers| servers.iter().flatten().map(|s| s.id).collect());
    snapshots.with(|shown| whole.extend(shown.iter().map(|s| s.server.id)));
    whole
}

/// Every server's section of every row read so far, while the whole account
/// loads behind a first screen (empty otherwise): the rows shown and, of the
/// servers not read whole, those read so far. What a search and the server
/// filter see meanwhile.
pub(super) fn sections_read(
    servers: ReadSignal<Option<Vec<Server>>>,
    snapshots: ReadSignal<Vec<Snapshot>>,
    partial: ReadSignal<Vec<Snapshot>>,
    loading_behind: ReadSignal<bool>,
) -> Memo<Vec<ServerGroup>> {
    Memo::new_with_compare(
        move |_| {
            if !loading_behind.get() {
                return Vec::new();
            }
            let whole = whole_servers(servers, snapshots);
            let rows: Vec<Snapshot> = snapshots.with(|shown| {
                partial.with(|read| {
                    let others = read.iter().filter(|s| !whole.contains(&s.server.id));
                    shown.iter().chain(others).cloned().collect()
                })
            });
            servers.with(|servers| account_sections(&rows, servers.as_deref()))
        },
        super::always_new,
    )
}
