//! The app-wide language: chosen at start, switched by the user, kept for
//! the tab, and read by every view that shows text.

use super::lang::Lang;
use super::msg::{render, Key, Msg};
use crate::browser::session_storage;
use leptos::prelude::*;

/// Where the user's choice is kept for the tab (like the token).
const LANG_KEY: &str = "vps.lang";

/// The app-wide language (a `Copy` handle).
#[derive(Clone, Copy, Debug)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

/// Picks the language (the tab's earlier choice, else the browser's
/// preferences, else English) and provides it to the app.
pub fn provide_i18n() -> I18n {
    let i18n = I18n {
        lang: RwSignal::new(initial_lang()),
    };
    set_document_lang(i18n.lang.get_untracked());
    provide_context(i18n);
    i18n
}

/// The language provided by [`provide_i18n`].
pub fn use_i18n() -> I18n {
    expect_context()
}

impl I18n {
    /// The current language (tracked).
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// Switches the language, keeps the choice for the tab and sets `<html lang>`.
    pub fn set_lang(&self, lang: Lang) {
        if let Some(storage) = session_storage() {
            let _ = storage.set_item(LANG_KEY, lang.tag());
        }
        set_document_lang(lang);
        self.lang.set(lang);
    }

    /// The message `key` in the current language (tracked).
    pub fn t(&self, key: Key) -> String {
        self.msg(&key.into())
    }

    /// `msg` in the current language (tracked).
    pub fn msg(&self, msg: &Msg) -> String {
        render(self.lang.get(), msg)
    }

    /// The message `key` as reactive text for a view. Every call returns the
    /// same closure type, so the view code for it exists once in the wasm.
    pub fn text(self, key: Key) -> impl Fn() -> String + Copy + 'static {
        move || self.t(key)
    }

    /// `msg` as reactive text for a view (one closure type for every call).
    pub fn text_msg(self, msg: Msg) -> impl Fn() -> String + Clone + 'static {
        move || self.msg(&msg)
    }

    /// `msg` in the current language, for event handlers and async tasks.
    pub fn msg_untracked(&self, msg: &Msg) -> String {
        render(self.lang.try_get_untracked().unwrap_or_default(), msg)
    }
}

fn initial_lang() -> Lang {
    let chosen = session_storage()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .and_then(|tag| Lang::from_tag(&tag));
    chosen.unwrap_or_else(|| {
        let languages: Vec<String> = window()
            .navigator()
            .languages()
            .iter()
            .filter_map(|l| l.as_string())
            .collect();
        Lang::negotiate(languages.iter().map(String::as_str))
    })
}

fn set_document_lang(lang: Lang) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
}
