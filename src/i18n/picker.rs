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
    view! {
        <div class="language-picker">
            <label for="language">{i18n.text(Key::Language)}</label>
            <select
                id="language"
                on:change=move |event| {
                    if let Some(lang) = Lang::from_tag(&event_target_value(&event)) {
                        i18n.set_lang(lang);
                    }
                }
            >
                {Lang::ALL
                    .into_iter()
                    .map(|lang| view! {
                        // A property: it also moves the menu back when the language
                        // chosen could not be fetched (`I18n::set_lang`).
                        <option value=lang.tag() lang=lang.tag() prop:selected=move || i18n.lang() == lang>
                            {language_name(lang)}
                        </option>
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
