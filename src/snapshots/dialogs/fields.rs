//! Form fields that several dialogs share.

use crate::domain::validation::{check_name, MAX_DESCRIPTION_LEN, MAX_NAME_LEN};
use crate::i18n::{name_problem_msg, name_rule_msg, use_i18n, Key, Msg};
use leptos::prelude::*;

/// What is wrong with `name` by the console's own rule, in words (tracked).
pub fn name_problem(name: RwSignal<String>) -> Memo<Option<String>> {
    let i18n = use_i18n();
    Memo::new(move |_| {
        check_name(&name.get())
            .err()
            .map(|p| i18n.msg(&name_problem_msg(&p)))
    })
}

/// The name of a new snapshot, with the naming rule below it and what is
/// wrong with it: `problem` (from [`name_problem`]), else `api_error` (the
/// API's message for the field). `id` names the input; its rule and error
/// are `{id}-rule` and `{id}-error`. `on_edit` runs on each keystroke.
#[component]
pub fn NameField(
    id: &'static str,
    name: RwSignal<String>,
    problem: Memo<Option<String>>,
    #[prop(optional)] autofocus: bool,
    #[prop(optional, into)] api_error: Option<Signal<Option<String>>>,
    #[prop(optional, into)] on_edit: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (rule_id, error_id) = (format!("{id}-rule"), format!("{id}-error"));
    let error = move || problem.get().or_else(|| api_error.and_then(|e| e.get()));
    view! {
        <div class="field">
            <label for=id>{i18n.text(Key::LabelName)}</label>
            <input
                id=id
                type="text"
                autocomplete="off"
                spellcheck="false"
                autofocus=autofocus
                maxlength=MAX_NAME_LEN
                aria-describedby=format!("{rule_id} {error_id}")
                aria-invalid=move || error().is_some().to_string()
                prop:value=name
                on:input=move |event| {
                    name.set(event_target_value(&event));
                    if let Some(on_edit) = on_edit {
                        on_edit.run(());
                    }
                }
            />
            <p id=rule_id class="hint">{move || i18n.msg(&name_rule_msg())}</p>
            <p id=error_id class="field-error" aria-live="polite">{error}</p>
        </div>
    }
}

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
/// the confirmation that they mean exactly that many: it shows `value` and
/// hands each change to `on_input`.
#[component]
pub fn TypedCountField(
    id: &'static str,
    count: usize,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_input: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id>{move || i18n.msg(&Msg::delete_many_confirm_label(count))}</label>
            <input
                id=id
                type="text"
                inputmode="numeric"
                autocomplete="off"
                prop:value=value
                on:input=move |event| on_input.run(event_target_value(&event))
            />
        </div>
    }
}

/// Whether `typed` is the number of snapshots to delete, `count`: the
/// confirmation [`TypedCountField`] asks for.
pub fn typed_count_matches(typed: &str, count: usize) -> bool {
    typed.trim().parse::<usize>().ok() == Some(count)
}
