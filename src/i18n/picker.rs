//! The language menu.

use super::catalogue::language_name;
use super::context::use_i18n;
use super::lang::Lang;
use super::msg::Key;
use leptos::prelude::*;

/// The labelled language menu (sign-in page and top bar). Each language is
/// named in its own words, compiled in for every language.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let i18n = use_i18n();
    let select = NodeRef::<leptos::html::Select>::new();
    // The browser has already moved the menu to a language whose catalogue
    // then could not be fetched: back to the language shown.
    Effect::new(move |_| {
        if i18n.unavailable_note().is_some() {
            if let Some(select) = select.get_untracked() {
                select.set_value(i18n.lang_untracked().tag());
            }
        }
    });
    view! {
        <div class="language-picker">
            <label for="language">{i18n.text(Key::Language)}</label>
            <select
                id="language"
                node_ref=select
                on:change=move |event| {
                    if let Some(lang) = Lang::from_tag(&event_target_value(&event)) {
                        i18n.set_lang(lang);
                    }
                }
            >
                {Lang::ALL
                    .into_iter()
                    .map(|lang| view! {
                        <option value=lang.tag() lang=lang.tag() selected=move || i18n.lang() == lang>
                            {language_name(lang)}
                        </option>
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
