//! The message catalogues as static tables, and the formatter that puts a
//! message into words. `build.rs` compiles `locales/<tag>/console.ftl` into
//! the tables, so the wasm carries no Fluent parser or runtime; the text is
//! the same as Fluent's (the tests compare it with fluent-bundle's). The
//! arguments come already isolated where they need it (`render` in
//! `mod.rs`), rather than every placeable as Fluent does: isolating
//! left-to-right text in the console's left-to-right languages changes
//! nothing on screen.

use super::lang::Lang;
use crate::domain::format::group_digits;
use std::borrow::Cow;

/// A part of a message's pattern.
enum Piece {
    /// Text shown as it is.
    Text(&'static str),
    /// `{ $name }`.
    Var(&'static str),
    /// `{ other-message }`, in the same language.
    MsgRef(&'static str),
    /// `{ $var -> [key] … *[other] … }`: the first variant whose key matches
    /// the variable, else the default one.
    Select {
        var: &'static str,
        variants: &'static [(VariantKey, &'static [Piece])],
        default: usize,
    },
}

/// The key of a select expression's variant.
enum VariantKey {
    /// `[5]`: exactly this whole number.
    // Only the tests have one until a catalogue uses such a key.
    #[cfg_attr(not(test), allow(dead_code))]
    Number(i64),
    /// `[one]`: numbers of this CLDR plural category, or this very text.
    Name(&'static str),
}

/// A catalogue's messages, sorted by key.
type Catalogue = &'static [(&'static str, &'static [Piece])];

include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));

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
pub(super) fn format(lang: Lang, key: &str, args: &[(&str, Value)]) -> Option<String> {
    let mut out = String::new();
    write(&mut out, lang, lookup(lang, key)?, args);
    Some(out)
}

fn lookup(lang: Lang, key: &str) -> Option<&'static [Piece]> {
    let catalogue: Catalogue = match lang {
        Lang::En => EN,
        Lang::Es => ES,
        Lang::So => SO,
    };
    let at = catalogue.binary_search_by(|(k, _)| (*k).cmp(key)).ok()?;
    Some(catalogue[at].1)
}

fn write(out: &mut String, lang: Lang, pieces: &[Piece], args: &[(&str, Value)]) {
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
                if let Some(pattern) = lookup(lang, key) {
                    write(out, lang, pattern, args);
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
                    write(out, lang, pattern, args);
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
            (Self::Name(name), Value::Text(text)) => name == text,
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
    static PIECES: &[Piece] = &[Piece::Select {
        var: "n",
        variants: &[
            (VariantKey::Number(0), &[Piece::Text("no items")]),
            (VariantKey::Number(1), &[Piece::Text("exactly one item")]),
            (VariantKey::Name("one"), &[Piece::Text("one item")]),
            (VariantKey::Name("many"), &[Piece::Text("many items")]),
            (
                VariantKey::Name("other"),
                &[Piece::Var("n"), Piece::Text(" items")],
            ),
        ],
        default: 4,
    }];

    fn ours(lang: Lang, n: Value) -> String {
        let mut out = String::new();
        write(&mut out, lang, PIECES, &[("n", n)]);
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
