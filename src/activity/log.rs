//! The activity log: the writes this tab sent, as a signal mirrored in
//! `sessionStorage` under one key, so a reload keeps it and the end of the
//! session clears it. A write answered after its session ended is not
//! logged: it belongs to no session shown any more.

use crate::api::writes::{WriteObserver, WriteRecord};
use crate::browser::session_storage;
use crate::domain::export::ActivityRow;
use crate::domain::time::{iso_in, Zone};
use crate::session::Session;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

const STORAGE_KEY: &str = "vps.activity";
/// Older entries are dropped beyond this many.
const MAX_ENTRIES: usize = 500;

/// One recorded write, numbered for the list's keys. Not flattened: serde's
/// flatten buffers every field and costs the wasm far more than a nested
/// object costs the stored text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityEntry {
    pub id: u64,
    pub write: WriteRecord,
}

/// The app-wide activity log (a `Copy` handle).
#[derive(Clone, Copy)]
pub struct ActivityLog {
    entries: RwSignal<Vec<ActivityEntry>>,
    session: Session,
}

/// Creates the log from `sessionStorage`, cleared whenever `session` ends,
/// and provides it to the app.
pub fn provide_activity(session: Session) -> ActivityLog {
    // An unreadable stored log (another version, edited by hand) starts empty
    // rather than failing the page.
    let stored = session_storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    let log = ActivityLog {
        entries: RwSignal::new(stored),
        session,
    };
    session.on_end(move || log.clear());
    provide_context(log);
    log
}

impl ActivityLog {
    /// The entries, oldest first (tracked).
    pub fn entries(&self) -> Vec<ActivityEntry> {
        self.entries.get()
    }

    /// Whether nothing was recorded yet (tracked).
    pub fn is_empty(&self) -> bool {
        self.entries.with(Vec::is_empty)
    }

    /// What the API client tells of each write: recorded here, numbered
    /// with the session it was sent in.
    pub fn observer(self) -> WriteObserver {
        let session = self.session;
        WriteObserver::new(move || session.number(), move |write| self.record(write))
    }

    /// Adds a write, keeping the last [`MAX_ENTRIES`]; one sent in a session
    /// that has ended since (answered after a sign-out) is dropped.
    fn record(&self, write: WriteRecord) {
        if write.session != self.session.number() {
            return;
        }
        let _ = self.entries.try_update(|entries| {
            let id = entries.last().map_or(1, |e| e.id + 1);
            entries.push(ActivityEntry { id, write });
            let excess = entries.len().saturating_sub(MAX_ENTRIES);
            entries.drain(..excess);
        });
        self.save();
    }

    /// Forgets every entry (the session has ended).
    fn clear(&self) {
        let _ = self.entries.try_set(Vec::new());
        if let Some(storage) = session_storage() {
            let _ = storage.remove_item(STORAGE_KEY);
        }
    }

    /// The writes, oldest first, as the export's rows, their times in the
    /// zone `zone` gives for each.
    pub fn export_rows(self, zone: impl Fn(i64) -> Zone) -> Vec<ActivityRow> {
        self.entries.with_untracked(|entries| {
            entries
                .iter()
                .map(|e| {
                    let w = &e.write;
                    let at = w.sent_at_ms.div_euclid(1000);
                    ActivityRow {
                        time: iso_in(at, zone(at)),
                        action: w.kind.name(),
                        server_id: w.server_id,
                        server_name: w.server_name.clone(),
                        snapshot_id: w.snapshot_id,
                        snapshot_name: w.snapshot_name.clone(),
                        method: w.method.clone(),
                        url: w.url.clone(),
                        status: w.status,
                        api_words: w.api_words.clone(),
                        duration_ms: w.duration_ms,
                        body: w.body.clone(),
                    }
                })
                .collect()
        })
    }

    fn save(&self) {
        let Some(text) = self
            .entries
            .try_with_untracked(|entries| serde_json::to_string(entries).ok())
            .flatten()
        else {
            return;
        };
        if let Some(storage) = session_storage() {
            // Full or unavailable storage: the log still works until a reload.
            let _ = storage.set_item(STORAGE_KEY, &text);
        }
    }
}
