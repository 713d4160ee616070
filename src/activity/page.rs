//! The Activity page: every write this tab sent, newest first, with "Copy as
//! cURL" for each, and a CSV or JSON export of them all in the chosen zone.

use super::log::ActivityLog;
use super::table::ActivityTable;
use crate::browser::{download_export, ExportFormat as Format};
use crate::domain::export::{activity_csv, activity_json};
use crate::i18n::{use_i18n, Key, Msg};
use crate::time_zone::{use_time_zone, TimeZone, TimeZoneSwitch};
use crate::toasts::{use_toasts, Toasts, Tone};
use crate::ui::top_bar::TopBar;
use leptos::prelude::*;

/// The activity of this tab (signed in only; the route shows sign-in otherwise).
#[component]
pub fn ActivityPage() -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let zone = use_time_zone();
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
                <div class="activity-tools">
                    <TimeZoneSwitch/>
                    <button class="button" disabled=move || log.is_empty() on:click=move |_| export(&log, zone, toasts, Format::Csv)>
                        {i18n.text(Key::ActivityExportCsv)}
                    </button>
                    <button class="button" disabled=move || log.is_empty() on:click=move |_| export(&log, zone, toasts, Format::Json)>
                        {i18n.text(Key::ActivityExportJson)}
                    </button>
                </div>
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

/// Downloads the log as `vps-activity-<date>.csv` or `.json`, times in the
/// chosen zone, or says it could not.
fn export(log: &ActivityLog, zone: TimeZone, toasts: Toasts, format: Format) {
    let rows = log.export_rows(|at| untrack(|| zone.at(at)));
    let text = match format {
        Format::Csv => activity_csv(&rows),
        Format::Json => activity_json(&rows),
    };
    if download_export("vps-activity", format, &text).is_err() {
        toasts.push(Msg::from(Key::ExportFailed), Tone::Error);
    }
}
