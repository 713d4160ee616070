//! Form fields that several dialogs share.

use crate::domain::validation::MAX_DESCRIPTION_LEN;
use crate::i18n::{use_i18n, Key, Msg};
use leptos::prelude::*;

/// The optional description of a new snapshot, with its character count.
/// `id` names the textarea (its count is `{id}-count`); `children` go below
/// the count (e.g. the API's message for the field).
#[component]
pub fn DescriptionField(
    id: &'static str,
    description: RwSignal<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let count_id = format!("{id}-count");
    view! {
        <div class="field">
            <label for=id>{i18n.text(Key::LabelDescription)} " " <span class="optional">{i18n.text(Key::Optional)}</span></label>
            <textarea
                id=id
                rows="2"
                maxlength=MAX_DESCRIPTION_LEN
                aria-describedby=count_id.clone()
                prop:value=description
                on:input=move |event| description.set(event_target_value(&event))
            ></textarea>
            <p id=count_id class="hint">
                {move || {
                    let count = description.with(|d| d.chars().count());
                    i18n.msg(&Msg::char_count(count, MAX_DESCRIPTION_LEN))
                }}
            </p>
            {children.map(|children| children())}
        </div>
    }
}

/// The field where the operator types how many snapshots will be deleted,
/// the confirmation that they mean exactly that many.
#[component]
pub fn TypedCountField(id: &'static str, count: usize, typed: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id>{move || i18n.msg(&Msg::delete_many_confirm_label(count))}</label>
            <input
                id=id
                type="text"
                inputmode="numeric"
                autocomplete="off"
                prop:value=typed
                on:input=move |event| typed.set(event_target_value(&event))
            />
        </div>
    }
}

/// Whether `typed` is the number of snapshots to delete, `count`: the
/// confirmation [`TypedCountField`] asks for.
pub fn typed_count_matches(typed: &str, count: usize) -> bool {
    typed.trim().parse::<usize>().ok() == Some(count)
}
