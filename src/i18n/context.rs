//! The app-wide language: chosen at start, switched by the user, kept for
//! the tab, and read by every view that shows text. A language other than
//! English is shown once its catalogue has been fetched (`locales/<tag>.json`,
//! see `catalogue.rs`); until then, or if it cannot be, the console stays in
//! the language it is in and says so.

use super::catalogue;
use super::lang::Lang;
use super::msg::{render, Key, Msg};
use crate::browser::session_storage;
use gloo_net::http::{Request, Response};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where the user's choice is kept for the tab (like the token).
const LANG_KEY: &str = "vps.lang";

/// The global where index.html's bootstrap (Trunk.toml) keeps the request
/// for the start-up language's catalogue, `[tag, request]`, if it sent one.
const STARTED_REQUEST: &str = "snapshotConsoleCatalogue";

/// The language to start in, with its catalogue fetched: the first screen
/// is shown in it rather than in English for a moment.
pub struct StartLanguage {
    chosen: Lang,
    fetched: bool,
}

/// Picks the language to start in (the tab's earlier choice, else the
/// browser's preferences, else English) and fetches its catalogue.
pub async fn load_start_language() -> StartLanguage {
    let chosen = initial_lang();
    StartLanguage {
        chosen,
        fetched: load_catalogue(chosen).await,
    }
}

/// The app-wide language (a `Copy` handle).
#[derive(Clone, Copy, Debug)]
pub struct I18n {
    lang: RwSignal<Lang>,
    /// The language last asked for, which a catalogue that arrives late
    /// must not override.
    wanted: StoredValue<Lang>,
    /// A language whose catalogue could not be fetched, to say so.
    unavailable: RwSignal<Option<Lang>>,
}

/// Provides the language to the app: `start`'s, or English if its catalogue
/// could not be fetched.
pub fn provide_i18n(start: StartLanguage) -> I18n {
    let lang = if start.fetched {
        start.chosen
    } else {
        Lang::En
    };
    let i18n = I18n {
        lang: RwSignal::new(lang),
        wanted: StoredValue::new(lang),
        unavailable: RwSignal::new((!start.fetched).then_some(start.chosen)),
    };
    set_document_lang(lang);
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

    /// Switches the language (once its catalogue is there), keeps the
    /// choice for the tab and sets `<html lang>`.
    pub fn set_lang(&self, lang: Lang) {
        self.wanted.set_value(lang);
        if catalogue::is_installed(lang) {
            self.apply(lang);
            return;
        }
        let i18n = *self;
        spawn_local(async move {
            let fetched = load_catalogue(lang).await;
            if i18n.wanted.try_get_value() != Some(lang) {
                return;
            }
            if fetched {
                i18n.apply(lang);
            } else {
                i18n.unavailable.set(Some(lang));
                // The menu shows the language it was moved to: the one
                // shown says what it is again.
                i18n.lang.notify();
            }
        });
    }

    fn apply(&self, lang: Lang) {
        if let Some(storage) = session_storage() {
            let _ = storage.set_item(LANG_KEY, lang.tag());
        }
        set_document_lang(lang);
        self.lang.set(lang);
    }

    /// What to say when a language's catalogue could not be fetched
    /// (tracked; `None` while nothing failed).
    pub fn unavailable_note(&self) -> Option<Msg> {
        let lang = self.unavailable.get()?;
        Some(Msg::language_unavailable(catalogue::language_name(lang)))
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

/// Fetches `lang`'s catalogue unless it is there; whether it is now.
async fn load_catalogue(lang: Lang) -> bool {
    if catalogue::is_installed(lang) {
        return true;
    }
    let response = match started_request(lang) {
        Some(request) => JsFuture::from(request)
            .await
            .ok()
            .and_then(|answer| answer.dyn_into::<web_sys::Response>().ok())
            .map(Response::from),
        // Relative, so the console also works under a sub-path.
        None => Request::get(&format!("locales/{}.json", lang.tag()))
            .send()
            .await
            .ok(),
    };
    let Some(response) = response.filter(Response::ok) else {
        return false;
    };
    match response.text().await {
        Ok(json) => catalogue::install(lang, &json).is_ok(),
        Err(_) => false,
    }
}

/// The bootstrap's request for `lang`'s catalogue, if it sent one (taken:
/// a later switch back to the language asks again only if it failed).
fn started_request(lang: Lang) -> Option<js_sys::Promise> {
    let window = web_sys::window()?;
    let key = JsValue::from_str(STARTED_REQUEST);
    let started: js_sys::Array = js_sys::Reflect::get(&window, &key).ok()?.dyn_into().ok()?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    (started.get(0).as_string()? == lang.tag())
        .then(|| started.get(1).dyn_into().ok())
        .flatten()
}

fn set_document_lang(lang: Lang) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
}
