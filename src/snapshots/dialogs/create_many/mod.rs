//! The "Snapshot several servers" dialog: choose servers (a full one may
//! make room), one name for all, then follow each server's create in a
//! progress table. `choose.rs` is the form, `progress.rs` the table.

mod choose;
mod finder;
mod picks;
mod progress;
mod server_choice;

use crate::domain::batch::MAX_IN_FLIGHT;
use crate::i18n::{use_i18n, Key, Msg};
use crate::snapshots::dialog_request::use_dialogs;
use crate::snapshots::fleet::use_create_batch;
use crate::ui::modal::Modal;
use choose::ChooseServers;
use leptos::prelude::*;
use progress::BatchProgress;

/// Lists every server as a checkbox and creates one snapshot of each chosen
/// one; while or after the batch runs, shows its progress instead.
#[component]
pub fn CreateManyDialog() -> impl IntoView {
    let dialogs = use_dialogs();
    let batch = use_create_batch();
    let i18n = use_i18n();
    let started = Memo::new(move |_| batch.with(|run| run.is_some()));
    let close = Callback::new(move |()| {
        batch.clear_finished();
        dialogs.close();
    });
    view! {
        <Modal title_id="many-title" description_id="many-purpose" on_close=close busy=Signal::stored(false)>
            <h2 id="many-title">{i18n.text(Key::CreateMany)}</h2>
            <p id="many-purpose" class="dialog-lead">
                {move || i18n.msg(&Msg::create_many_purpose(MAX_IN_FLIGHT))}
            </p>
            {move || if started.get() {
                view! { <BatchProgress close/> }.into_any()
            } else {
                view! { <ChooseServers close/> }.into_any()
            }}
        </Modal>
    }
}
