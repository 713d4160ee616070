//! A picker for long lists: a WAI-ARIA 1.2 combobox with a listbox popup
//! (the APG "list autocomplete" pattern). Typing filters; Down, Up, Page
//! Down, Page Up, Home and End move the active option
//! (`aria-activedescendant`: the focus stays in the field), Enter chooses
//! it, Escape closes the list; the number of options found is said
//! politely. Only the options near the visible part of the list are in the
//! page (`list.rs`, arithmetic in `domain::listbox`), so ten thousand cost
//! what twenty do. The caller owns the value: it says which options are
//! chosen and is told what is chosen.

mod list;
mod state;

use crate::i18n::{use_i18n, Key, Msg};
use leptos::{ev, html, prelude::*};
use list::OptionList;
use state::Combo;

/// One option: what choosing it tells the caller (`id`; `None` is an option
/// such as "All servers", found only while nothing is typed), what it
/// shows (`label`, `secondary` below it, `note` beside it: text only, never
/// markup) and `data`, what the caller's match function reads.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice<T> {
    pub id: Option<u64>,
    pub label: String,
    pub secondary: String,
    pub note: String,
    /// Shown, with its note saying why, but not choosable (`aria-disabled`).
    pub disabled: bool,
    pub data: T,
}

/// The combobox: a labelled text field with the list of `choices` below it
/// while open.
#[component]
pub fn Combobox<T: Clone + Send + Sync + 'static>(
    /// The field's id; the label's, the list's and the options' derive from it.
    id: &'static str,
    label: Key,
    choices: Signal<Vec<Choice<T>>>,
    /// Whether an option's data matches the query (trimmed and folded with
    /// `domain::text::fold_case`).
    found: fn(&str, &T) -> bool,
    /// Whether the option with that id is chosen (tracked).
    chosen: Callback<Option<u64>, bool>,
    /// Told the id of the option chosen.
    on_choose: Callback<Option<u64>>,
    /// What the field shows while the user is not typing: the choice.
    #[prop(into)]
    shown: Signal<String>,
    /// Several may be chosen: the list stays open and Enter toggles.
    #[prop(optional)]
    multiple: bool,
    /// The query, when the caller also filters something with it; kept
    /// when the list closes.
    #[prop(optional)]
    query: Option<RwSignal<String>>,
    #[prop(optional)] placeholder: Option<Key>,
    #[prop(into, optional)] disabled: Signal<bool>,
    /// Takes the focus when its dialog opens.
    #[prop(optional)]
    autofocus: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let combo = Combo::new(id, choices, found, chosen, multiple, query);
    let input_ref = NodeRef::<html::Input>::new();
    let choose = move || {
        if let Some(choice) = combo.active_choice().filter(|c| !c.disabled) {
            on_choose.run(choice.id);
            combo.after_choice();
        }
    };
    // What the field shows is selected, so that typing replaces it.
    let select_text = move || {
        if let Some(input) = input_ref.get_untracked() {
            input.select();
        }
    };
    let on_key = move |event: ev::KeyboardEvent| {
        if combo.key(&event.key(), event.alt_key()) {
            event.prevent_default();
            if !combo.editing.get_untracked() {
                select_text();
            }
        } else if event.key() == "Enter" && combo.open.get_untracked() {
            event.prevent_default();
            choose();
        } else if event.key() == "Escape" && combo.open.get_untracked() {
            // Closes the list, not the dialog around it.
            event.prevent_default();
            event.stop_propagation();
            combo.close();
        }
    };
    let value = move || {
        if combo.editing.get() {
            combo.query.get()
        } else {
            shown.get()
        }
    };
    let count = move || {
        combo
            .open
            .get()
            .then(|| i18n.msg(&Msg::combobox_found(combo.found.with(Vec::len))))
    };
    view! {
        <label for=id id=combo.label_id()>{i18n.text(label)}</label>
        <div class="combo">
            <input
                node_ref=input_ref
                id=id
                type="text"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                dir="auto"
                aria-autocomplete="list"
                aria-controls=combo.list_id()
                aria-expanded=move || combo.open.get().to_string()
                aria-activedescendant=move || combo.active_id()
                placeholder=placeholder.map(|key| i18n.text(key))
                disabled=disabled
                autofocus=autofocus
                prop:value=value
                on:input=move |event| combo.typed(event_target_value(&event))
                on:keydown=on_key
                // Reaching for the field works the options out, before a key asks for them.
                on:focus=move |_| {
                    select_text();
                    combo.found.with_untracked(|_| ());
                }
                on:click=move |_| combo.show()
                // Options never take the focus (see `list.rs`): leaving the field is leaving.
                on:blur=move |_| combo.close()
            />
            <OptionList combo choose/>
            <span class="visually-hidden" role="status">{count}</span>
        </div>
    }
}
