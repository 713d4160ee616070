//! Each server's rollback readiness: its freshest rollback point, and
//! whether it needs attention.

use crate::clock::{use_clock, Clock};
use crate::config::use_stale_after_days;
use crate::domain::readiness::{count_needing_attention, newest_completed, readiness, Readiness};
use crate::snapshots::store::SnapshotStore;
use leptos::prelude::*;
use std::collections::HashMap;

/// Each server's rollback readiness (a `Copy` handle).
#[derive(Clone, Copy)]
pub struct RollbackReadiness {
    /// The newest completed snapshot of each server: changes only when a
    /// snapshot completes or a rollback point goes, not on every poll.
    newest: Memo<HashMap<u64, i64>>,
    clock: Clock,
    stale_after_days: u32,
}

/// Creates the readiness of the store's servers and provides it to the
/// server sections.
pub fn provide_readiness(store: SnapshotStore) -> RollbackReadiness {
    let readiness = RollbackReadiness {
        newest: Memo::new(move |_| store.snapshots().with(|all| newest_completed(all))),
        clock: use_clock(),
        stale_after_days: use_stale_after_days(),
    };
    provide_context(readiness);
    readiness
}

/// The readiness provided by [`provide_readiness`].
pub fn use_readiness() -> RollbackReadiness {
    expect_context()
}

impl RollbackReadiness {
    /// Server `id`'s readiness now (tracked).
    pub fn of(&self, id: u64) -> Readiness {
        let newest = self.newest.with(|all| all.get(&id).copied());
        readiness(newest, self.clock.now_secs(), self.stale_after_days)
    }

    /// The age in days past which a rollback point is stale.
    pub fn stale_after_days(&self) -> i64 {
        i64::from(self.stale_after_days)
    }

    /// How many of the servers `ids` need attention now (tracked).
    pub fn count_needing_attention(&self, ids: Vec<u64>) -> usize {
        let now = self.clock.now_secs();
        self.newest
            .with(|newest| count_needing_attention(ids, newest, now, self.stale_after_days))
    }
}
