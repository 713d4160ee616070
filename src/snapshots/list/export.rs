//! "Export CSV" and "Export JSON": the list as shown (server filter, quick
//! filter and search applied) as a file.

use crate::browser::{download, now_ms};
use crate::domain::export::{to_csv, to_json, ExportRow};
use crate::domain::grouping::ServerGroup;
use crate::domain::time::name_stamp;
use crate::i18n::{use_i18n, Key, Msg};
use crate::toasts::{use_toasts, Tone};
use leptos::prelude::*;

/// A file format of the export.
#[derive(Clone, Copy)]
enum Format {
    Csv,
    Json,
}

/// The export buttons for the groups on screen.
#[component]
pub fn ExportButtons(groups: Memo<Vec<ServerGroup>>) -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let export = move |format: Format| {
        let rows: Vec<ExportRow> = groups.with_untracked(|all| {
            all.iter()
                .flat_map(|g| g.snapshots.iter().map(ExportRow::of))
                .collect()
        });
        let stamp = name_stamp(now_ms() / 1000);
        let (name, mime, text) = match format {
            Format::Csv => (
                format!("snapshots-{stamp}.csv"),
                "text/csv;charset=utf-8",
                to_csv(&rows),
            ),
            Format::Json => (
                format!("snapshots-{stamp}.json"),
                "application/json",
                to_json(&rows),
            ),
        };
        if download(&name, mime, &text).is_err() {
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
