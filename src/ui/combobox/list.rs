//! The combobox's list: only the options near its visible part are in the
//! page; the others keep their space as padding, so the scrollbar and the
//! wheel behave as with every option there.

use super::state::Combo;
use leptos::{ev, prelude::*};

/// The listbox of the options found, shown while the combobox is open and
/// something is found.
#[component]
pub fn OptionList<T: Clone + Send + Sync + 'static>(
    combo: Combo<T>,
    /// Chooses the active option.
    choose: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let len = move || combo.found.with(Vec::len);
    // Closed, nothing is rendered, nor read.
    let rows = move || {
        if !combo.open.get() {
            return Vec::new();
        }
        let range = combo.window();
        combo.found.with(|found| {
            combo.choices.with(|choices| {
                range
                    .filter_map(|pos| Some((pos, choices.get(*found.get(pos)?)?.clone())))
                    .collect::<Vec<_>>()
            })
        })
    };
    // Whole pixels (rows are measured in them): formatting a float would add
    // Rust's float printing to the wasm.
    let padding = move |rows: usize| format!("{}px", (rows as f64 * combo.row()).round() as u64);
    view! {
        // The listbox scrolls itself (axe and screen readers know it as the
        // combobox's popup); its inner box's padding keeps the space of the
        // options not rendered (a scroller's own padding would not scroll).
        <div
            id=combo.list_id()
            role="listbox"
            class="combo-popup"
            aria-labelledby=combo.label_id()
            aria-multiselectable=combo.multiple.then_some("true")
            hidden=move || !combo.open.get() || len() == 0
            node_ref=combo.list_ref
            on:scroll=move |_| combo.scrolled()
            // A press on the list keeps the focus in the field.
            on:mousedown=|event: ev::MouseEvent| event.prevent_default()
        >
            <div
                class="combo-list"
                // Closed, the list reads nothing: a closed picker costs nothing.
                style:padding-top=move || padding(if combo.open.get() { combo.window().start } else { 0 })
                style:padding-bottom=move || padding(if combo.open.get() { len() - combo.window().end } else { 0 })
            >
                // Rendered again as a whole when the window moves: a few dozen
                // options, and no keyed diff to carry in the wasm.
                {move || rows().into_iter().map(|(pos, choice)| view! {
                    <div
                        id=combo.option_id(pos)
                        role="option"
                        class="combo-option"
                        class:combo-active=move || combo.active.get() == Some(choice.id)
                        aria-selected=move || combo.chosen.run(choice.id).to_string()
                        aria-disabled=choice.disabled.then_some("true")
                        aria-setsize=len
                        aria-posinset=pos + 1
                        on:click=move |_| {
                            combo.set_active(Some(pos));
                            choose();
                        }
                    >
                        // Spaces between the parts: an option's name is read from its text.
                        <span class="combo-label" dir="auto">{choice.label}</span>
                        {(!choice.note.is_empty()).then(|| view! { " " <span class="combo-note">{choice.note}</span> })}
                        " "
                        <span class="combo-secondary" dir="auto">{choice.secondary}</span>
                    </div>
                }).collect_view()}
            </div>
        </div>
    }
}
