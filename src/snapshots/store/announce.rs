//! What the user is told when work this tab follows ends: a toast, and a
//! system notification when they are on.

use super::SnapshotStore;
use crate::domain::model::Snapshot;
use crate::i18n::{size_msg, Arg, Key, Msg};
use crate::toasts::Tone;
use leptos::prelude::*;

/// What the user is told when work this tab follows ends.
impl SnapshotStore {
    /// A snapshot left `in_progress`: completed (with its size) or failed.
    /// One a batch created has no notice of its own (the batch's speaks).
    pub(super) fn announce_finished(&self, snapshot: &Snapshot) {
        let server = &snapshot.server.name;
        let (title, text, tone) = if snapshot.status.is_completed() {
            (
                Key::NotifySnapshotCompleteTitle,
                Msg::toast_snapshot_complete(&snapshot.name, server, size_msg(snapshot.size_mb)),
                Tone::Success,
            )
        } else {
            (
                Key::NotifySnapshotFailedTitle,
                Msg::toast_snapshot_failed(&snapshot.name, server),
                Tone::Error,
            )
        };
        self.notify(title, &text);
        if self
            .quiet
            .try_with_value(|quiet| quiet.contains(&snapshot.id))
            != Some(true)
        {
            self.toasts.push(text, tone);
        }
    }

    /// The end of this snapshot gets no notice of its own (a system
    /// notification still, when on): a batch's summary notice speaks for it.
    pub fn announce_quietly(&self, snapshot_id: u64) {
        let _ = self
            .quiet
            .try_update_value(|quiet| quiet.insert(snapshot_id));
    }

    /// A restore this tab followed has ended.
    pub(super) fn announce_restore_finished(&self, server_id: u64, snapshot: String) {
        let server = self.server_name(server_id);
        let text = Msg::toast_restore_finished(server, snapshot);
        self.notify(Key::NotifyRestoreFinishedTitle, &text);
        self.toasts.push(text, Tone::Success);
    }

    /// A system notification too, when the user turned them on.
    fn notify(&self, title: Key, text: &Msg) {
        if let Some(notifier) = self.notifier {
            notifier.show(&Msg::from(title), text);
        }
    }

    /// The name of a server, from the Servers API or its snapshots.
    fn server_name(&self, server_id: u64) -> Arg {
        self.known_server_name(server_id).map_or_else(
            || Msg::server_fallback(server_id.to_string()).into(),
            Arg::Text,
        )
    }
}
