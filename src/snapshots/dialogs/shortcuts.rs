//! The list of keyboard shortcuts (`?`).

use crate::domain::shortcuts::Shortcut;
use crate::i18n::{use_i18n, Key};
use crate::snapshots::dialog_request::use_dialogs;
use crate::ui::modal::Modal;
use leptos::prelude::*;

/// Lists every shortcut with its keys.
#[component]
pub fn ShortcutsDialog() -> impl IntoView {
    let dialogs = use_dialogs();
    let i18n = use_i18n();
    let close = move || dialogs.close();
    let rows = Shortcut::ALL
        .into_iter()
        .map(|(shortcut, keys)| {
            let keys = keys
                .iter()
                .enumerate()
                .map(|(i, key)| {
                    view! {
                        {(i > 0).then(|| view! { " " {i18n.text(Key::ShortcutsThen)} " " })}
                        <kbd>{*key}</kbd>
                    }
                })
                .collect_view();
            view! {
                <div class="shortcut">
                    <dt>{keys}</dt>
                    <dd>{i18n.text(label(shortcut))}</dd>
                </div>
            }
        })
        .collect_view();

    view! {
        <Modal
            title_id="shortcuts-title"
            description_id="shortcuts-intro"
            on_close=Callback::new(move |()| close())
            busy=Signal::derive(|| false)
        >
            <h2 id="shortcuts-title">{i18n.text(Key::ShortcutsTitle)}</h2>
            <p id="shortcuts-intro">{i18n.text(Key::ShortcutsIntro)}</p>
            <dl class="shortcut-list">{rows}</dl>
            <div class="dialog-actions">
                <button type="button" class="button button-primary" autofocus on:click=move |_| close()>
                    {i18n.text(Key::ShortcutsClose)}
                </button>
            </div>
        </Modal>
    }
}

/// What a shortcut does, in words.
fn label(shortcut: Shortcut) -> Key {
    match shortcut {
        Shortcut::NewSnapshot => Key::ShortcutNewSnapshot,
        Shortcut::FocusSearch => Key::ShortcutFocusSearch,
        Shortcut::Refresh => Key::ShortcutRefresh,
        Shortcut::GoToActivity => Key::ShortcutActivity,
        Shortcut::ShowShortcuts => Key::ShortcutHelp,
    }
}
