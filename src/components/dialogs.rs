//! Which confirmation dialog is open, and the host that shows it.

use super::{
    create_dialog::CreateDialog, delete_dialog::DeleteDialog, restore_dialog::RestoreDialog,
};
use crate::api::types::Snapshot;
use leptos::prelude::*;

/// A dialog the user asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum DialogRequest {
    /// New snapshot, optionally for a preselected server.
    Create {
        server_id: Option<u64>,
    },
    Restore(Snapshot),
    Delete(Snapshot),
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
    pub fn open(&self, request: DialogRequest) {
        self.0.set(Some(request));
    }

    pub fn close(&self) {
        self.0.set(None);
    }
}

/// Renders the open dialog; at most one is open at a time.
#[component]
pub fn DialogHost() -> impl IntoView {
    let dialogs = use_dialogs();
    move || {
        dialogs.0.get().map(|request| match request {
            DialogRequest::Create { server_id } => view! { <CreateDialog server_id/> }.into_any(),
            DialogRequest::Restore(snapshot) => view! { <RestoreDialog snapshot/> }.into_any(),
            DialogRequest::Delete(snapshot) => view! { <DeleteDialog snapshot/> }.into_any(),
        })
    }
}
