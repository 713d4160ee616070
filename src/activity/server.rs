//! What this tab sent for one server, on that server's page.

use super::log::ActivityLog;
use super::table::ActivityTable;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// The writes this tab sent for server `server_id`, newest first, or a line
/// saying there are none.
#[component]
pub fn ServerActivity(server_id: u64) -> impl IntoView {
    let i18n = use_i18n();
    let log: ActivityLog = expect_context();
    let entries = Memo::new(move |_| {
        let mut entries = log.entries();
        entries.retain(|entry| entry.write.server_id == Some(server_id));
        entries.reverse();
        entries
    });
    view! {
        <section class="server-activity" aria-labelledby="server-activity-title">
            <h2 id="server-activity-title">{i18n.text(Key::ServerPageActivity)}</h2>
            <Show
                when=move || !entries.with(Vec::is_empty)
                fallback=move || view! { <p class="empty-state">{i18n.text(Key::ServerPageActivityEmpty)}</p> }
            >
                <ActivityTable entries caption=Key::ServerPageActivity/>
            </Show>
        </section>
    }
}
