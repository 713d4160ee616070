//! Names and other text from the API that may not read as they are stored:
//! bidi controls that reorder the characters around them ("Trojan Source":
//! `web`, U+202E, `10-bd` reads "webdb-01"), and characters that show
//! nothing or pass for a plain space. The console shows such text written
//! out (`web<U+202E>10-bd`) and isolated from the words around it, and the
//! dialogs that name it say so.

use std::borrow::Cow;
use std::fmt::Write;

/// FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: what Fluent puts around
/// a placeable, so that its direction is its own.
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// Whether `c` is hidden: a bidi control (embeddings and overrides
/// U+202A–U+202E, isolates U+2066–U+2069, the marks U+200E, U+200F and
/// U+061C), or a character that shows nothing or looks like a plain space:
/// control and format characters (zero-width spaces and joiners, word
/// joiner, byte order mark, soft hyphen, tags…), line and paragraph
/// separators, spaces other than U+0020, variation selectors and blank
/// fillers.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00A0}'
                | '\u{00AD}'
                | '\u{034F}'
                | '\u{0600}'..='\u{0605}'
                | '\u{061C}'
                | '\u{06DD}'
                | '\u{070F}'
                | '\u{0890}'..='\u{0891}'
                | '\u{08E2}'
                | '\u{115F}'..='\u{1160}'
                | '\u{1680}'
                | '\u{17B4}'..='\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                // Spaces, zero-width characters, LRM and RLM.
                | '\u{2000}'..='\u{200F}'
                // Line and paragraph separators, embeddings and overrides,
                // narrow no-break space.
                | '\u{2028}'..='\u{202F}'
                // Medium space, word joiner, invisible operators, isolates
                // and the deprecated format characters.
                | '\u{205F}'..='\u{206F}'
                | '\u{2800}'
                | '\u{3000}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{110BD}'
                | '\u{110CD}'
                | '\u{13430}'..='\u{1343F}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0001}'
                | '\u{E0020}'..='\u{E007F}'
                | '\u{E0100}'..='\u{E01EF}'
        )
}

/// Whether `text` holds a hidden character (see [`is_hidden`]).
pub fn has_hidden(text: &str) -> bool {
    // Printable ASCII is never hidden: the usual name is checked a byte at a
    // time (a picker writes out ten thousand of them when it opens).
    !text.bytes().all(|b| matches!(b, b' '..=b'~')) && text.chars().any(is_hidden)
}

/// `text` with each hidden character written out as its code point, e.g.
/// `web<U+202E>10-bd`; text without any is returned as it is.
pub fn written_out(text: &str) -> Cow<'_, str> {
    if !has_hidden(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_hidden(c) {
            let _ = write!(out, "<U+{:04X}>", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `text` ready to be placed among other words in plain text (a message, a
/// menu's option, a notification): [`written_out`], and between FSI and PDI
/// when it holds hidden characters or right-to-left letters, so that it can
/// neither reorder the words around it nor be reordered by them.
/// Left-to-right text without hidden characters, which nothing in the
/// console's left-to-right languages can reorder, is returned as it is.
pub fn isolated(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| is_hidden(c) || is_right_to_left(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(format!("{FSI}{}{PDI}", written_out(text)))
}

/// Whether `typed` confirms `name`: the name exactly as stored, or as
/// [`written_out`] shows it.
pub fn confirms_name(typed: &str, name: &str) -> bool {
    typed == name || (has_hidden(name) && typed == written_out(name))
}

/// Whether `c` belongs to a right-to-left script (Hebrew, Arabic, Syriac,
/// Thaana, N'Ko and the others of those blocks): a whole block counts, the
/// few neutral characters in it too, which only isolates a little more.
fn is_right_to_left(c: char) -> bool {
    matches!(
        c,
        '\u{0590}'..='\u{08FF}'
            | '\u{FB1D}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}'
            | '\u{10800}'..='\u{10FFF}'
            | '\u{1E800}'..='\u{1EFFF}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every bidi control the console must catch.
    const BIDI_CONTROLS: &[char] = &[
        '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}',
        '\u{2068}', '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}',
    ];

    /// Characters that show nothing, or pass for a plain space.
    const INVISIBLE: &[char] = &[
        '\u{200B}',
        '\u{200C}',
        '\u{200D}',
        '\u{2060}',
        '\u{FEFF}',
        '\u{00AD}',
        '\u{0000}',
        '\t',
        '\n',
        '\r',
        '\u{007F}',
        '\u{0085}',
        '\u{2028}',
        '\u{2029}',
        '\u{00A0}',
        '\u{2007}',
        '\u{202F}',
        '\u{3000}',
        '\u{FE0F}',
        '\u{E0041}',
        '\u{E0100}',
        '\u{3164}',
        '\u{034F}',
        '\u{180E}',
        '\u{2062}',
        '\u{206F}',
    ];

    #[test]
    fn bidi_controls_and_invisible_characters_are_hidden() {
        for &c in BIDI_CONTROLS.iter().chain(INVISIBLE) {
            assert!(is_hidden(c), "U+{:04X}", u32::from(c));
            assert!(has_hidden(&format!("web{c}01")), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn names_in_any_script_are_not_hidden() {
        for name in [
            "web-server-01",
            "db_nightly 5",
            "Copia-MIGRACIÓN-ñandú",
            "Xogta-Muqdisho",
            "Резервная-копия",
            "שרת-01",
            "خادم-٣",
            "サーバー",
            "🚀-deploy",
            "",
        ] {
            assert!(!has_hidden(name), "{name:?}");
            assert_eq!(written_out(name), name);
            assert!(matches!(written_out(name), Cow::Borrowed(_)));
        }
    }

    #[test]
    fn hidden_characters_are_written_out_as_code_points() {
        assert_eq!(written_out("web\u{202E}10-bd"), "web<U+202E>10-bd");
        assert_eq!(
            written_out("\u{200B}a\u{2069}\u{202E}b\u{FEFF}"),
            "<U+200B>a<U+2069><U+202E>b<U+FEFF>"
        );
        assert_eq!(written_out("x\u{E0041}\tz"), "x<U+E0041><U+0009>z");
        assert_eq!(written_out("web\u{00A0}01"), "web<U+00A0>01");
    }

    #[test]
    fn left_to_right_text_is_placed_as_it_is() {
        for text in [
            "web-server-01",
            "Copia «MIGRACIÓN»",
            "2025-01-15",
            "(#12345)",
            "",
        ] {
            assert!(matches!(isolated(text), Cow::Borrowed(t) if t == text));
        }
    }

    #[test]
    fn right_to_left_text_is_isolated() {
        assert_eq!(isolated("שרת-01"), "\u{2068}שרת-01\u{2069}");
        assert_eq!(isolated("web-خادم"), "\u{2068}web-خادم\u{2069}");
    }

    #[test]
    fn hidden_characters_are_written_out_and_isolated() {
        assert_eq!(
            isolated("web\u{202E}10-bd"),
            "\u{2068}web<U+202E>10-bd\u{2069}"
        );
        // A PDI of its own cannot close the isolate early: it is written out.
        assert_eq!(
            isolated("a\u{2069}\u{202E}b"),
            "\u{2068}a<U+2069><U+202E>b\u{2069}"
        );
    }

    #[test]
    fn isolated_text_holds_no_control_but_its_own_isolate() {
        let all: String = BIDI_CONTROLS.iter().chain(INVISIBLE).collect();
        for text in [all.as_str(), "a\u{2066}b\u{2029}c", "\u{202B}שרת\u{202C}"] {
            let placed = isolated(text);
            let inner = placed
                .strip_prefix('\u{2068}')
                .and_then(|p| p.strip_suffix('\u{2069}'))
                .unwrap_or_else(|| panic!("not isolated: {placed:?}"));
            assert!(!has_hidden(inner), "{inner:?}");
        }
    }

    #[test]
    fn a_name_is_confirmed_as_stored_or_as_written_out() {
        let name = "web\u{202E}10-bd";
        assert!(confirms_name("web<U+202E>10-bd", name));
        assert!(confirms_name(name, name));
        assert!(!confirms_name("web10-bd", name));
        assert!(!confirms_name("webdb-01", name));
        assert!(!confirms_name("web<U+202e>10-bd", name));
        assert!(confirms_name("web-server-01", "web-server-01"));
        assert!(!confirms_name("web-server-0", "web-server-01"));
        // A plain name is not confirmed by a written-out text it does not hold.
        assert!(!confirms_name("web<U+0041>", "webA"));
    }
}
