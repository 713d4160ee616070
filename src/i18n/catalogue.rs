//! The message catalogues, and the formatter that puts a message into
//! words. `build.rs` compiles `locales/<tag>/console.ftl` into JSON of each
//! message's pieces, so the wasm carries no Fluent parser or runtime; the
//! text is the same as Fluent's (the tests compare it with fluent-bundle's).
//! English is compiled in (the first paint, and the fallback for a missing
//! message); another language's catalogue is fetched from
//! `locales/<tag>.json` when chosen (`context.rs`) and [`install`]ed. The
//! arguments come already isolated where they need it (`render` in
//! `mod.rs`), rather than every placeable as Fluent does: isolating
//! left-to-right text in the console's left-to-right languages changes
//! nothing on screen.

use super::lang::Lang;
use crate::domain::format::group_digits;
use serde::Deserialize;
use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

/// A part of a message's pattern.
#[derive(Deserialize)]
enum Piece {
    /// Text shown as it is.
    Text(String),
    /// `{ $name }`.
    Var(String),
    /// `{ other-message }`, in the same language.
    MsgRef(String),
    /// `{ $var -> [key] … *[other] … }`: the first variant whose key matches
    /// the variable, else the default one.
    Select {
        var: String,
        variants: Vec<(VariantKey, Vec<Piece>)>,
        default: usize,
    },
}

/// The key of a select expression's variant.
#[derive(Deserialize)]
enum VariantKey {
    /// `[5]`: exactly this whole number.
    Number(i64),
    /// `[one]`: numbers of this CLDR plural category, or this very text.
    Name(String),
}

/// A catalogue's messages, sorted by key.
type Catalogue = Vec<(String, Vec<Piece>)>;

include!(concat!(env!("OUT_DIR"), "/language_names.rs"));

/// The catalogues compiled into the wasm: English always; the tests read
/// the others natively, the same files the browser fetches.
fn compiled_in(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::En => Some(include_str!(concat!(env!("OUT_DIR"), "/en.json"))),
        #[cfg(test)]
        Lang::Es => Some(include_str!(concat!(env!("OUT_DIR"), "/es.json"))),
        #[cfg(test)]
        Lang::So => Some(include_str!(concat!(env!("OUT_DIR"), "/so.json"))),
        #[cfg(not(test))]
        _ => None,
    }
}

thread_local! {
    /// The catalogues read so far, by `Lang::ALL`'s order.
    static CATALOGUES: RefCell<[Option<Rc<Catalogue>>; 3]> = const { RefCell::new([None, None, None]) };
}

fn slot(lang: Lang) -> usize {
    Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)
}

/// Reads `json` (a `locales/<tag>.json` as build.rs writes it) as `lang`'s
/// catalogue.
pub(super) fn install(lang: Lang, json: &str) -> Result<(), serde_json::Error> {
    let catalogue: Catalogue = serde_json::from_str(json)?;
    CATALOGUES.with_borrow_mut(|all| all[slot(lang)] = Some(Rc::new(catalogue)));
    Ok(())
}

/// Whether `lang`'s catalogue is there to use.
pub(super) fn is_installed(lang: Lang) -> bool {
    catalogue(lang).is_some()
}

/// `lang`'s catalogue, read from the wasm the first time for English.
fn catalogue(lang: Lang) -> Option<Rc<Catalogue>> {
    if let Some(found) = CATALOGUES.with_borrow(|all| all[slot(lang)].clone()) {
        return Some(found);
    }
    // build.rs wrote it: it reads.
    install(lang, compiled_in(lang)?).ok()?;
    CATALOGUES.with_borrow(|all| all[slot(lang)].clone())
}

/// The language's name in its own words (`language-name`), compiled in for
/// every language: the language menu shows them all before any is fetched.
pub(super) fn language_name(lang: Lang) -> &'static str {
    LANGUAGE_NAMES
        .iter()
        .find(|(tag, _)| *tag == lang.tag())
        .map_or(lang.tag(), |(_, name)| name)
}

/// An argument's value, ready to be written.
pub(super) enum Value<'a> {
    /// Written as it is; a selector matches it against variant names.
    Text(Cow<'a, str>),
    /// Written with the language's thousands separator, as Fluent's
    /// JavaScript implementation writes numbers (`Intl.NumberFormat`); a
    /// selector chooses by its plural category.
    Int(i64),
}

/// The message `key` of `lang`'s catalogue in words, with `args` (the last
/// value of a name counts), or `None` if the catalogue lacks `key`.
/// `None` also while the language's catalogue is not installed.
pub(super) fn format(lang: Lang, key: &str, args: &[(&str, Value)]) -> Option<String> {
    let catalogue = catalogue(lang)?;
    let mut out = String::new();
    let context = Context {
        lang,
        catalogue: &catalogue,
        args,
    };
    context.write(&mut out, lookup(&catalogue, key)?);
    Some(out)
}

fn lookup<'c>(catalogue: &'c Catalogue, key: &str) -> Option<&'c [Piece]> {
    let at = catalogue
        .binary_search_by(|(k, _)| k.as_str().cmp(key))
        .ok()?;
    Some(&catalogue[at].1)
}

/// What a message is written with: its language, that language's
/// catalogue (for the messages it refers to) and the arguments.
struct Context<'a> {
    lang: Lang,
    catalogue: &'a Catalogue,
    args: &'a [(&'a str, Value<'a>)],
}

impl Context<'_> {
    fn write(&self, out: &mut String, pieces: &[Piece]) {
        let (lang, args) = (self.lang, self.args);
        for piece in pieces {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Var(name) => match value(args, name) {
                    Some(Value::Text(text)) => out.push_str(text),
                    Some(Value::Int(n)) => {
                        let (separator, min_digits) = lang.digit_grouping();
                        out.push_str(&group_digits(*n, separator, min_digits));
                    }
                    // Like Fluent: the placeable itself shows what is missing.
                    None => {
                        out.push_str("{$");
                        out.push_str(name);
                        out.push('}');
                    }
                },
                // build.rs has checked that the message exists.
                Piece::MsgRef(key) => {
                    if let Some(pattern) = lookup(self.catalogue, key) {
                        self.write(out, pattern);
                    }
                }
                Piece::Select {
                    var,
                    variants,
                    default,
                } => {
                    let chosen = value(args, var)
                        .and_then(|v| variants.iter().find(|(key, _)| key.matches(lang, v)))
                        .or_else(|| variants.get(*default));
                    if let Some((_, pattern)) = chosen {
                        self.write(out, pattern);
                    }
                }
            }
        }
    }
}

fn value<'v>(args: &'v [(&str, Value<'v>)], name: &str) -> Option<&'v Value<'v>> {
    args.iter().rev().find(|(n, _)| *n == name).map(|(_, v)| v)
}

impl VariantKey {
    fn matches(&self, lang: Lang, value: &Value) -> bool {
        match (self, value) {
            (Self::Number(key), Value::Int(n)) => key == n,
            (Self::Name(name), Value::Int(n)) => *name == plural_category(lang, *n),
            (Self::Name(name), Value::Text(text)) => name == text.as_ref(),
            (Self::Number(_), Value::Text(_)) => false,
        }
    }
}

/// The CLDR cardinal plural category of the whole number `n` in `lang`
/// (of its absolute value, as Fluent does).
fn plural_category(lang: Lang, n: i64) -> &'static str {
    let n = n.unsigned_abs();
    match lang {
        Lang::Es if n != 0 && n.is_multiple_of(1_000_000) => "many",
        _ if n == 1 => "one",
        _ => "other",
    }
}

#[cfg(test)]
pub(super) mod tests {
    //! The choice of variant for keys that no catalogue uses yet (exact
    //! numbers, `[many]`), against fluent-bundle's choice.

    use super::*;
    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

    /// Makes `bundle` write whole numbers as the console does in `lang`
    /// (`10,000`, `10.000`), as Fluent's JavaScript implementation does
    /// through `Intl.NumberFormat`: fluent-bundle writes them bare unless
    /// given a formatter.
    pub(in crate::i18n) fn group_numbers<R>(bundle: &mut FluentBundle<R>, lang: Lang) {
        let formatter: fn(&FluentValue, &_) -> Option<String> = match lang {
            Lang::En => grouped::<_, 0>,
            Lang::Es => grouped::<_, 1>,
            Lang::So => grouped::<_, 2>,
        };
        bundle.set_formatter(Some(formatter));
    }

    /// The formatter of the language `Lang::ALL[LANG]` (a formatter is a
    /// plain `fn`, so the language is a parameter of its type).
    fn grouped<M, const LANG: usize>(value: &FluentValue, _: &M) -> Option<String> {
        let FluentValue::Number(number) = value else {
            return None;
        };
        let (separator, min_digits) = Lang::ALL[LANG].digit_grouping();
        Some(group_digits(number.value as i64, separator, min_digits))
    }

    const ITEMS: &str = "items = { $n ->
        [0] no items
        [1] exactly one item
        [one] one item
        [many] many items
       *[other] { $n } items
    }
";

    /// What build.rs makes of `ITEMS`.
    const PIECES: &str = r#"[["items", [{"Select": {"var": "n", "default": 4, "variants": [
        [{"Number": 0}, [{"Text": "no items"}]],
        [{"Number": 1}, [{"Text": "exactly one item"}]],
        [{"Name": "one"}, [{"Text": "one item"}]],
        [{"Name": "many"}, [{"Text": "many items"}]],
        [{"Name": "other"}, [{"Var": "n"}, {"Text": " items"}]]
    ]}}]]]"#;

    fn ours(lang: Lang, n: Value) -> String {
        let catalogue: Catalogue = serde_json::from_str(PIECES).unwrap();
        let mut out = String::new();
        let context = Context {
            lang,
            catalogue: &catalogue,
            args: &[("n", n)],
        };
        context.write(&mut out, &catalogue[0].1);
        out
    }

    fn fluent(lang: Lang, n: FluentValue) -> String {
        let tag: unic_langid::LanguageIdentifier = lang.tag().parse().unwrap();
        let mut bundle = FluentBundle::new(vec![tag]);
        bundle.set_use_isolating(false);
        group_numbers(&mut bundle, lang);
        bundle
            .add_resource(FluentResource::try_new(ITEMS.to_string()).unwrap())
            .unwrap();
        let mut args = FluentArgs::new();
        args.set("n", n);
        let pattern = bundle.get_message("items").unwrap().value().unwrap();
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        text.into_owned()
    }

    #[test]
    fn exact_numbers_then_plural_forms_then_the_default_as_in_fluent() {
        for lang in Lang::ALL {
            for n in [0, 1, -1, 2, 5, 1_000_000, 2_000_000] {
                // fluent-bundle 0.16 has CLDR 36's Spanish rules; "many" for
                // millions came in a later CLDR.
                let expected = if lang == Lang::Es && n % 1_000_000 == 0 && n != 0 {
                    "many items".to_string()
                } else {
                    fluent(lang, n.into())
                };
                assert_eq!(ours(lang, Value::Int(n)), expected, "{} {n}", lang.tag());
            }
            // Text selects a variant by its name only.
            for text in ["one", "1", "many", "other", ""] {
                assert_eq!(
                    ours(lang, Value::Text(text.into())),
                    fluent(lang, text.into()),
                    "{} {text:?}",
                    lang.tag()
                );
            }
        }
        assert_eq!(ours(Lang::En, Value::Int(1)), "exactly one item");
        assert_eq!(ours(Lang::So, Value::Int(-1)), "one item");
        assert_eq!(ours(Lang::Es, Value::Int(0)), "no items");
        assert_eq!(ours(Lang::En, Value::Int(10_000)), "10,000 items");
        assert_eq!(ours(Lang::Es, Value::Int(10_000)), "10.000 items");
        assert_eq!(ours(Lang::Es, Value::Int(1_000)), "1000 items");
        assert_eq!(ours(Lang::So, Value::Int(10_000)), "10,000 items");
    }
}
