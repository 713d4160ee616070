//! The console's languages: English, Spanish and Somali, from Fluent message
//! catalogues (`locales/<tag>/console.ftl`, compiled into the build by
//! `build.rs`; see `catalogue.rs`).
//!
//! Text is described by a [`Msg`] (a catalogue key and its arguments) and put
//! into words only when shown, in the language of the moment: views call
//! [`I18n::t`] or [`I18n::msg`], which read the language signal, so every text
//! on screen changes when the user picks another language. A key missing from
//! a catalogue falls back to English (the catalogue test makes sure none is).

mod catalogue;
#[cfg(test)]
mod tests;
mod texts;

pub use texts::*;

use crate::domain::format::decimal;
use catalogue::Value;
use leptos::prelude::*;

/// Where the user's choice is kept for the tab (like the token).
const LANG_KEY: &str = "vps.lang";

/// A language of the console.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Es,
    So,
}

impl Lang {
    /// Every language, in the order the language menu lists them.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Es, Lang::So];

    /// The BCP 47 tag, as used in `<html lang>` and `sessionStorage`.
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Es => "es",
            Self::So => "so",
        }
    }

    /// The language of a BCP 47 tag such as `es-MX` or `so_SO` (by its
    /// primary subtag), if the console speaks it.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Self::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The first language of the browser's preference list that the console
    /// speaks, or English.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Self {
        preferred
            .into_iter()
            .find_map(Self::from_tag)
            .unwrap_or_default()
    }

    /// The decimal separator of the language (CLDR): `5,0 GB` in Spanish,
    /// `5.0 GB` in English and Somali.
    pub fn decimal_separator(self) -> char {
        match self {
            Self::Es => ',',
            Self::En | Self::So => '.',
        }
    }
}

/// A text to show: a catalogue key with its arguments, or text that is shown
/// as it is (the API's own words, names). Independent of the language.
#[derive(Clone, Debug, PartialEq)]
pub struct Msg(MsgKind);

#[derive(Clone, Debug, PartialEq)]
enum MsgKind {
    Key {
        key: &'static str,
        args: Vec<(&'static str, Arg)>,
    },
    Raw(String),
}

/// A value for a message's `{ $variable }`.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// Shown as it is (names, the API's words, ids).
    Text(String),
    /// A whole number: Fluent's plural selectors choose by it.
    Int(i64),
    /// A decimal number with a fixed number of decimals, written with the
    /// language's decimal separator.
    Decimal { value: f64, decimals: usize },
    /// Another message, put into words in the same language.
    Msg(Box<Msg>),
}

impl Msg {
    /// The message `key` of the catalogues.
    pub fn new(key: &'static str) -> Self {
        Self(MsgKind::Key {
            key,
            args: Vec::new(),
        })
    }

    /// Text shown as it is in every language (e.g. the API's message).
    pub fn raw(text: impl Into<String>) -> Self {
        Self(MsgKind::Raw(text.into()))
    }

    /// Sets `{ $name }`.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        if let MsgKind::Key { args, .. } = &mut self.0 {
            args.push((name, value.into()));
        }
        self
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Self::Text(text.to_string())
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Self::Text(text.clone())
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Self::Int(n)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Self::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<Msg> for Arg {
    fn from(msg: Msg) -> Self {
        Self::Msg(Box::new(msg))
    }
}

/// `msg` in words in `lang` (English when `lang`'s catalogue lacks the key;
/// the key itself when English lacks it too).
pub fn render(lang: Lang, msg: &Msg) -> String {
    let (key, args) = match &msg.0 {
        MsgKind::Raw(text) => return text.clone(),
        MsgKind::Key { key, args } => (*key, args),
    };
    let values: Vec<(&str, Value)> = args
        .iter()
        .map(|(name, arg)| {
            let value = match arg {
                Arg::Text(text) => Value::Text(text.into()),
                Arg::Int(n) => Value::Int(*n),
                Arg::Decimal { value, decimals } => {
                    Value::Text(decimal(*value, *decimals, lang.decimal_separator()).into())
                }
                Arg::Msg(inner) => Value::Text(render(lang, inner).into()),
            };
            (*name, value)
        })
        .collect();
    catalogue::format(lang, key, &values)
        .or_else(|| catalogue::format(Lang::En, key, &values))
        .unwrap_or_else(|| key.to_string())
}

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
        if let Some(storage) = storage() {
            let _ = storage.set_item(LANG_KEY, lang.tag());
        }
        set_document_lang(lang);
        self.lang.set(lang);
    }

    /// The message `key` in the current language (tracked).
    pub fn t(&self, key: &'static str) -> String {
        self.msg(&Msg::new(key))
    }

    /// The message `key` with arguments in the current language (tracked).
    pub fn t_args(&self, key: &'static str, args: &[(&'static str, Arg)]) -> String {
        let msg = args.iter().fold(Msg::new(key), |msg, (name, value)| {
            msg.arg(name, value.clone())
        });
        self.msg(&msg)
    }

    /// `msg` in the current language (tracked).
    pub fn msg(&self, msg: &Msg) -> String {
        render(self.lang.get(), msg)
    }

    /// The message `key` as reactive text for a view. Every call returns the
    /// same closure type, so the view code for it exists once in the wasm.
    pub fn text(self, key: &'static str) -> impl Fn() -> String + Copy + 'static {
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
    let chosen = storage()
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

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// The labelled language menu (sign-in page and top bar). Each language is
/// named in its own words.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="language-picker">
            <label for="language">{i18n.text("language")}</label>
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
                        <option value=lang.tag() lang=lang.tag() selected=move || i18n.lang() == lang>
                            {render(lang, &Msg::new("language-name"))}
                        </option>
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
