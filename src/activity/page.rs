//! The Activity page: every write this tab sent, newest first, with "Copy as
//! cURL" for each and a JSON export of them all.

use super::log::ActivityLog;
use super::table::ActivityTable;
use crate::browser::download;
use crate::i18n::{use_i18n, Key, Msg};
use crate::toasts::{use_toasts, Toasts, Tone};
use crate::ui::top_bar::TopBar;
use leptos::prelude::*;

/// The activity of this tab (signed in only; the route shows sign-in otherwise).
#[component]
pub fn ActivityPage() -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let log: ActivityLog = expect_context();
    let newest_first = Memo::new(move |_| {
        let mut entries = log.entries();
        entries.reverse();
        entries
    });

    view! {
        <TopBar brand_is_title=false href="./" link=Key::ActivityBackToSnapshots/>
        <main id="main" class="page activity">
            <div class="activity-head">
                <h1>{i18n.text(Key::ActivityTitle)}</h1>
                <button class="button" disabled=move || log.is_empty() on:click=move |_| export_json(&log, toasts)>
                    {i18n.text(Key::ActivityExportJson)}
                </button>
            </div>
            <p class="activity-intro">{i18n.text(Key::ActivityIntro)}</p>
            <Show
                when=move || !log.is_empty()
                fallback=move || view! { <p class="empty-state">{i18n.text(Key::ActivityEmpty)}</p> }
            >
                <ActivityTable entries=newest_first caption=Key::ActivityTitle/>
            </Show>
        </main>
    }
}

/// Downloads the log as `vps-activity.json`, or says it could not.
fn export_json(log: &ActivityLog, toasts: Toasts) {
    if download("vps-activity.json", "application/json", &log.to_json()).is_err() {
        toasts.push(Msg::from(Key::ExportFailed), Tone::Error);
    }
}
