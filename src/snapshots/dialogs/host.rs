//! Shows the dialog the page asked for.

use super::create::CreateDialog;
use super::create_many::CreateManyDialog;
use super::delete::DeleteDialog;
use super::delete_many::DeleteManyDialog;
use super::restore::RestoreDialog;
use super::shortcuts::ShortcutsDialog;
use crate::snapshots::dialog_request::{use_dialogs, DialogRequest};
use leptos::prelude::*;

/// Renders the open dialog; at most one is open at a time.
#[component]
pub fn DialogHost() -> impl IntoView {
    let dialogs = use_dialogs();
    move || {
        dialogs.current().map(|request| match request {
            DialogRequest::Create { server_id } => view! { <CreateDialog server_id/> }.into_any(),
            DialogRequest::CreateMany => view! { <CreateManyDialog/> }.into_any(),
            DialogRequest::Restore(snapshot) => view! { <RestoreDialog snapshot/> }.into_any(),
            DialogRequest::Delete(snapshot) => view! { <DeleteDialog snapshot/> }.into_any(),
            DialogRequest::DeleteMany(snapshots) => {
                view! { <DeleteManyDialog snapshots/> }.into_any()
            }
            DialogRequest::Shortcuts => view! { <ShortcutsDialog/> }.into_any(),
        })
    }
}
