//! The console's languages: English, Spanish and Somali, from Fluent message
//! catalogues (`locales/<tag>/console.ftl`, compiled by `build.rs`: English
//! into the build, the others into files fetched when chosen; see
//! `catalogue.rs`).
//!
//! Text is described by a [`Msg`] (a catalogue key and its arguments) and put
//! into words only when shown, in the language of the moment: views call
//! [`I18n::t`] or [`I18n::msg`], which read the language signal, so every text
//! on screen changes when the user picks another language. A key missing from
//! a catalogue falls back to English (the catalogue test makes sure none is).
//!
//! Text from outside the console in a message (names, the API's words: an
//! [`Arg::Text`] or [`Msg::raw`]) is placed as Fluent places a placeable,
//! between FSI and PDI, when it could reorder the words around it
//! (right-to-left letters, bidi controls), and hidden characters in it are
//! written out (`domain::hidden`): a name can never make a sentence read
//! other than it says, and every message is safe as plain text (a menu's
//! options, attributes, system notifications).

mod catalogue;
mod context;
mod errors;
mod lang;
mod msg;
mod picker;
#[cfg(test)]
mod tests;
mod texts;

pub use context::{load_start_language, provide_i18n, use_i18n, I18n, StartLanguage};
pub use msg::{Arg, Key, Msg};
pub use picker::LanguagePicker;
pub use texts::*;

// Other modules' tests put messages into words in a chosen language.
#[cfg(test)]
pub use {lang::Lang, msg::render};
