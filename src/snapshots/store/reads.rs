//! The store as the page reads it: each signal read-only, the facts worked
//! out from them (a server's lock, a restore under way), whether the page
//! still lives, and who hears of status changes.

use super::{RestoreProgress, SnapshotStore};
use crate::api::{ApiClient, ApiError};
use crate::domain::grouping::ServerGroup;
use crate::domain::locks::RestoreLocks;
use crate::domain::model::{Server, Snapshot};
use crate::domain::progressive::LoadProgress;
use leptos::prelude::*;

/// What the page reads: every signal read-only.
impl SnapshotStore {
    /// The loaded snapshots, for the current server filter.
    pub fn snapshots(&self) -> ReadSignal<Vec<Snapshot>> {
        self.snapshots
    }

    /// Every known server's section, by name, each with all its snapshots
    /// newest first: what the list, its server filter and the create
    /// dialogs show their part of, worked out once for all of them.
    pub fn sections(&self) -> Memo<Vec<ServerGroup>> {
        self.sections
    }

    /// The account's servers, or `None` when the Servers API is unavailable.
    pub fn servers(&self) -> ReadSignal<Option<Vec<Server>>> {
        self.servers
    }

    /// Server `id` as the Servers API listed it, if it did (tracked).
    pub fn server(&self, id: u64) -> Option<Server> {
        self.servers
            .with(|all| all.iter().flatten().find(|s| s.id == id).cloned())
    }

    /// When the list last loaded successfully (Unix ms).
    pub fn loaded_at(&self) -> ReadSignal<Option<i64>> {
        self.loaded_at
    }

    /// Why the last load failed, while a later one has not fixed it.
    pub fn error(&self) -> ReadSignal<Option<ApiError>> {
        self.error
    }

    /// How many snapshots of the last load could not be read.
    pub fn unreadable(&self) -> ReadSignal<usize> {
        self.unreadable
    }

    /// Whether a load is under way.
    pub fn loading(&self) -> ReadSignal<bool> {
        self.loading
    }

    /// How far the whole account has loaded behind the first screen shown
    /// before it: search and the server filter see what has loaded
    /// ([`Self::with_sections`]), readiness only the servers shown, until it is
    /// done.
    pub fn progress(&self) -> ReadSignal<Option<LoadProgress>> {
        self.progress.read_only()
    }

    /// Whether the browser is online (tracked).
    pub fn is_online(&self) -> bool {
        self.online.get()
    }

    /// The restore this tab started on server `id`, if any (tracked).
    pub fn restore_of(&self, id: u64) -> Option<RestoreProgress> {
        self.restores.with(|r| r.get(&id).cloned())
    }

    /// The servers being restored, which nothing may change.
    pub fn locks(&self) -> Memo<RestoreLocks> {
        self.locks
    }

    /// Whether server `server_id` is being restored, so that nothing may be
    /// taken, restored or deleted on it (tracked).
    pub fn is_locked(&self, server_id: u64) -> bool {
        self.locks.with(|locks| locks.is_locked(server_id))
    }

    /// [`Self::is_locked`], untracked: the last check before a write.
    pub fn is_locked_now(&self, server_id: u64) -> bool {
        self.locks
            .try_with_untracked(|locks| locks.is_locked(server_id))
            .unwrap_or(false)
    }

    /// The API client, while the page lives.
    pub fn client(&self) -> Option<ApiClient> {
        self.client.try_get_value()
    }

    /// False once the page is gone: late answers are then dropped.
    pub fn alive(&self) -> bool {
        self.seq.try_with_value(|_| ()).is_some()
    }

    /// Calls `watcher` whenever a server's status may have changed (a load,
    /// a poll, a restore sent): a server may have become locked.
    pub fn on_status_change(&self, watcher: Callback<()>) {
        self.seq.update_value(|s| s.status_watchers.push(watcher));
    }
}
