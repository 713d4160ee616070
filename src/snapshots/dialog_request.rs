//! Which dialog of the snapshots page is open (`dialogs/host.rs` shows it).

use crate::domain::model::Snapshot;
use leptos::prelude::*;

/// A dialog the user asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum DialogRequest {
    /// New snapshot, optionally for a preselected server.
    Create {
        server_id: Option<u64>,
    },
    /// One snapshot of each of several servers, from one dialog.
    CreateMany,
    Restore(Snapshot),
    Delete(Snapshot),
    /// Delete several snapshots with one confirmation.
    DeleteMany(Vec<Snapshot>),
    /// The list of keyboard shortcuts.
    Shortcuts,
}

/// The page's open dialog, if any (a `Copy` handle).
#[derive(Clone, Copy)]
pub struct Dialogs(RwSignal<Option<DialogRequest>>);

/// Creates the dialog state for a page and provides it to its rows.
pub fn provide_dialogs() -> Dialogs {
    let dialogs = Dialogs(RwSignal::new(None));
    provide_context(dialogs);
    dialogs
}

/// The dialog state provided by [`provide_dialogs`].
pub fn use_dialogs() -> Dialogs {
    expect_context()
}

impl Dialogs {
    /// The open dialog (tracked).
    pub fn current(&self) -> Option<DialogRequest> {
        self.0.get()
    }

    /// Whether a dialog is open (untracked, for event handlers).
    pub fn is_open(&self) -> bool {
        self.0.with_untracked(Option::is_some)
    }

    /// Opens a dialog (closing any other).
    pub fn open(&self, request: DialogRequest) {
        self.0.set(Some(request));
    }

    /// Closes the open dialog.
    pub fn close(&self) {
        self.0.set(None);
    }
}
