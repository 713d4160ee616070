//! The page's keyboard shortcuts (`n`, `/`, `r`, `g a`, `?`): one `keydown`
//! listener on the window for the page's lifetime, and the button that lists
//! them.

use crate::browser::{focus_by_id, now_ms};
use crate::domain::shortcuts::{KeySequence, Shortcut};
use crate::i18n::{use_i18n, Key};
use crate::snapshots::dialog_request::{use_dialogs, DialogRequest, Dialogs};
use crate::snapshots::store::SnapshotStore;
use leptos::{ev, prelude::*};
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

/// Listens for the shortcuts until the page goes. `server_filter` preselects
/// the server of a new snapshot, as the toolbar's button does.
pub fn install_shortcuts(store: SnapshotStore, server_filter: Memo<Option<u64>>) {
    let dialogs = use_dialogs();
    let navigate = use_navigate();
    let keys = StoredValue::new(KeySequence::default());
    let listener = window_event_listener(ev::keydown, move |event| {
        if !for_shortcuts(&event, dialogs) {
            keys.update_value(KeySequence::reset);
            return;
        }
        let key = event.key();
        let Some(Some(shortcut)) = keys.try_update_value(|k| k.press(&key, now_ms())) else {
            return;
        };
        // The key has done its work: it must not also type into the field
        // that now has focus (the search, the new snapshot's name).
        event.prevent_default();
        match shortcut {
            Shortcut::NewSnapshot => dialogs.open(DialogRequest::Create {
                server_id: server_filter.get_untracked(),
            }),
            Shortcut::FocusSearch => focus_by_id("search"),
            Shortcut::Refresh => {
                if !store.loading().get_untracked() {
                    store.refresh();
                }
            }
            // Resolved against the router's base (the console's folder), not
            // the current address, which may end in `index.html`.
            Shortcut::GoToActivity => navigate("/activity", NavigateOptions::default()),
            Shortcut::ShowShortcuts => dialogs.open(DialogRequest::Shortcuts),
        }
    });
    on_cleanup(move || listener.remove());
}

/// Whether a key press may be a shortcut: not while typing in a field, not
/// with Ctrl, Alt or Meta (the browser's and the system's own), not while a
/// dialog is open, not a held key repeating.
fn for_shortcuts(event: &web_sys::KeyboardEvent, dialogs: Dialogs) -> bool {
    if event.default_prevented()
        || event.repeat()
        || event.is_composing()
        || event.ctrl_key()
        || event.alt_key()
        || event.meta_key()
    {
        return false;
    }
    let typing = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|e| {
            matches!(e.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA")
                || e.is_content_editable()
        });
    // Any open `<dialog>`, this page's or another feature's.
    let dialog_open = dialogs.is_open()
        || document()
            .query_selector("dialog[open]")
            .ok()
            .flatten()
            .is_some();
    !typing && !dialog_open
}

/// Opens the list of shortcuts.
#[component]
pub fn ShortcutsButton() -> impl IntoView {
    let dialogs = use_dialogs();
    let i18n = use_i18n();
    view! {
        <button type="button" class="button shortcuts-button" aria-keyshortcuts="?" on:click=move |_| dialogs.open(DialogRequest::Shortcuts)>
            {i18n.text(Key::ShortcutsButton)}
        </button>
    }
}
