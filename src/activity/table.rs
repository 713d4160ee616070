//! The table of writes, newest first, with "Copy as cURL" for each: the
//! Activity page's, and a server page's for that server.

use super::log::ActivityEntry;
use crate::api::writes::WriteKind;
use crate::domain::curl::{absolute_url, curl_command};
use crate::domain::hidden::written_out;
use crate::i18n::{use_i18n, Key, Msg};
use crate::time_zone::TimeAgo;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The writes `entries`, in their order, under the (hidden) `caption`.
#[component]
pub(super) fn ActivityTable(entries: Memo<Vec<ActivityEntry>>, caption: Key) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-scroll">
            <table class="activity-table">
                <caption class="visually-hidden">{i18n.text(caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.text(Key::ActivityColTime)}</th>
                        <th scope="col">{i18n.text(Key::ActivityColAction)}</th>
                        <th scope="col">{i18n.text(Key::ActivityColServer)}</th>
                        <th scope="col">{i18n.text(Key::ActivityColSnapshot)}</th>
                        <th scope="col">{i18n.text(Key::ActivityColOutcome)}</th>
                        <th scope="col">{i18n.text(Key::ActivityColDuration)}</th>
                        <th scope="col"><span class="visually-hidden">{i18n.text(Key::ActivityColCommand)}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || entries.get() key=|entry| entry.id let:entry>
                        <ActivityRow entry/>
                    </For>
                </tbody>
            </table>
        </div>
    }
}

/// One write: what, on what, how it ended, and its command.
#[component]
fn ActivityRow(entry: ActivityEntry) -> impl IntoView {
    let i18n = use_i18n();
    let write = entry.write;
    let action = match write.kind {
        WriteKind::Create => Key::ActivityCreate,
        WriteKind::Restore => Key::ActivityRestore,
        WriteKind::Delete => Key::ActivityDelete,
    };
    let server = name_or_id(write.server_name.clone(), write.server_id);
    let snapshot = name_or_id(write.snapshot_name.clone(), write.snapshot_id);
    let outcome = match write.status {
        Some(status) => Msg::activity_status(status.to_string()),
        None => Msg::from(Key::ActivityNoAnswer),
    };
    let failed = write.status.is_none_or(|s| !(200..300).contains(&s));
    let origin = window().location().origin().unwrap_or_default();
    let command = curl_command(
        &write.method,
        &absolute_url(&origin, &write.url),
        write.body.as_deref(),
    );
    // Shown, selected, when the clipboard refuses the text.
    let fallback = RwSignal::new(false);
    let copied = RwSignal::new(false);
    let field = NodeRef::<leptos::html::Textarea>::new();
    let copy = {
        let command = command.clone();
        move |_| {
            let command = command.clone();
            leptos::task::spawn_local(async move {
                let ok = copy_text(&command).await;
                let _ = copied.try_set(ok);
                let _ = fallback.try_set(!ok);
                if !ok {
                    // Once shown: selected, ready for Ctrl+C.
                    request_animation_frame(move || {
                        if let Some(field) = field.get_untracked() {
                            let _ = field.focus();
                            field.select();
                        }
                    });
                }
            });
        }
    };

    view! {
        <tr class="activity-row" class:activity-failed=failed>
            // `data-label`: a card's field names on narrow screens, where the
            // table's head is not shown (style/main.css).
            <td data-label=i18n.text(Key::ActivityColTime)><TimeAgo at=write.sent_at_ms / 1000/></td>
            <td data-label=i18n.text(Key::ActivityColAction)>{i18n.text(action)}</td>
            <td class="activity-name" data-label=i18n.text(Key::ActivityColServer) dir="auto">{server}</td>
            <td class="activity-name" data-label=i18n.text(Key::ActivityColSnapshot) dir="auto">{snapshot}</td>
            <td class="activity-outcome" data-label=i18n.text(Key::ActivityColOutcome)>
                <span>{i18n.text_msg(outcome)}</span>
                {write.api_words.map(|words| view! { <span class="activity-words" dir="auto">{written_out(&words).into_owned()}</span> })}
            </td>
            <td class="activity-duration" data-label=i18n.text(Key::ActivityColDuration)>{i18n.text_msg(Msg::activity_duration(write.duration_ms.to_string()))}</td>
            <td class="activity-command">
                <button class="button button-small" on:click=copy>{i18n.text(Key::ActivityCopyCurl)}</button>
                <span class="activity-copied" role="status">
                    {move || copied.get().then(|| i18n.t(Key::ActivityCopied))}
                </span>
                <Show when=move || fallback.get()>
                    <label class="activity-fallback">
                        <span>{i18n.text(Key::ActivityCopyFallback)}</span>
                        <textarea readonly rows="3" node_ref=field prop:value=command.clone()></textarea>
                    </label>
                </Show>
            </td>
        </tr>
    }
}

/// A name from the record (hidden characters written out), else `#id`,
/// else a dash.
fn name_or_id(name: Option<String>, id: Option<u64>) -> String {
    name.map(|name| written_out(&name).into_owned())
        .or_else(|| id.map(|id| format!("#{id}")))
        .unwrap_or_else(|| "–".to_string())
}

/// Puts `text` on the clipboard; false when the browser refuses (no
/// permission, an embedding frame without `clipboard-write`, no API).
// Not leptos-use's `use_clipboard`: it does not say when the browser
// refuses, which the fallback needs.
async fn copy_text(text: &str) -> bool {
    // Through `Reflect`: `navigator.clipboard` is missing on insecure origins.
    let navigator = window().navigator();
    let Ok(clipboard) = js_sys::Reflect::get(&navigator, &"clipboard".into()) else {
        return false;
    };
    let Some(write) = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return false;
    };
    let Some(promise) = write
        .call1(&clipboard, &text.into())
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
