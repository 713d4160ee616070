//! "Export CSV" and "Export JSON": the list as shown (server filter, quick
//! filter and search applied) as a file, its times in the chosen zone.

use crate::browser::{download_export, ExportFormat as Format};
use crate::domain::export::{to_csv, to_json, ExportRow};
use crate::domain::grouping::ServerGroup;
use crate::i18n::{use_i18n, Key, Msg};
use crate::time_zone::use_time_zone;
use crate::toasts::{use_toasts, Tone};
use leptos::prelude::*;

/// The export buttons for the groups on screen.
#[component]
pub fn ExportButtons(groups: Memo<Vec<ServerGroup>>) -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let zone = use_time_zone();
    let export = move |format: Format| {
        let rows: Vec<ExportRow> = groups.with_untracked(|all| {
            all.iter()
                .flat_map(|g| {
                    g.snapshots
                        .iter()
                        .map(|s| ExportRow::of(s, |at| zone.at(at)))
                })
                .collect()
        });
        let text = match format {
            Format::Csv => to_csv(&rows),
            Format::Json => to_json(&rows),
        };
        if download_export("snapshots", format, &text).is_err() {
            toasts.push(Msg::from(Key::ExportFailed), Tone::Error);
        }
    };

    view! {
        <div class="export" role="group" aria-label=i18n.text(Key::ExportLabel)>
            <button type="button" class="button" on:click=move |_| export(Format::Csv)>
                {i18n.text(Key::ExportCsv)}
            </button>
            <button type="button" class="button" on:click=move |_| export(Format::Json)>
                {i18n.text(Key::ExportJson)}
            </button>
        </div>
    }
}
