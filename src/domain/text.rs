//! Comparing and searching names and descriptions in any language. Case is
//! folded with Unicode's rules and accents are dropped, so "e" finds "É" and
//! "é", "Ñandú" sorts with "nandu", and an operator need not know how a name
//! was written. Names sort naturally: a run of digits counts as one number,
//! so `srv-2` < `srv-10` < `srv-10000`. Otherwise the order is that of the
//! folded characters, not a language's dictionary order.
//!
//! Accents are dropped with a table of the Latin letters, not a Unicode
//! normalization crate: unicode-normalization's decomposition (`nfd()`,
//! then dropping combining marks) added 64,314 B gzip to the release build
//! (521,640 B against 457,326 B), ten times this change's share, while the
//! table is 400 bytes. It covers Latin-1, Latin Extended-A and -B (Spanish,
//! Somali's Latin alphabet, and the accented names of most European
//! languages, Romanian's ș and ț included) and combining accents typed after
//! a letter; other scripts keep their marks. The tests check the table
//! against unicode-normalization's decomposition.

use std::cmp::Ordering;
use std::iter::Peekable;
use std::str::Chars;

/// `text` folded for searching: each character in lower case without its
/// accent, and Greek final sigma as sigma (so "ΟΔΟΣ", "οδος" and "οδοσ"
/// agree).
pub fn fold_case(text: &str) -> String {
    folded(text).collect()
}

/// Whether `text`, folded (see [`fold_case`]), contains `query` (folded
/// already). A search reads every snapshot's name and description, so no
/// text is copied for it: ASCII text folds to its lower case, compared in
/// place; any other is folded into `scratch`, reused from one text to the
/// next.
pub fn folded_contains(text: &str, query: &str, scratch: &mut String) -> bool {
    if text.is_ascii() {
        // A folded query with other letters cannot be in ASCII text.
        let (text, query) = (text.as_bytes(), query.as_bytes());
        return query.is_empty()
            || text.windows(query.len()).any(|part| {
                part.iter()
                    .map(u8::to_ascii_lowercase)
                    .eq(query.iter().copied())
            });
    }
    scratch.clear();
    scratch.extend(folded(text));
    scratch.contains(query)
}

/// Orders two names naturally (numbers by value), ignoring case and accents;
/// names that differ only in the zeros before a number order by the folded
/// text, so that only names that fold alike are equal.
pub fn cmp_natural(a: &str, b: &str) -> Ordering {
    // Through the keys: one comparison in the wasm, not one per kind of
    // character iterator.
    natural_key(a).cmp(&natural_key(b))
}

/// A name's place in the natural order of [`cmp_natural`], worked out once:
/// for `sort_by_cached_key`, when thousands of names are sorted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NaturalKey(String);

/// The sort key of `name` (see [`NaturalKey`]).
pub fn natural_key(name: &str) -> NaturalKey {
    NaturalKey(fold_case(name))
}

impl Ord for NaturalKey {
    fn cmp(&self, other: &Self) -> Ordering {
        natural(self.0.chars(), other.0.chars()).then_with(|| self.0.cmp(&other.0))
    }
}

impl PartialOrd for NaturalKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The characters of `text` folded (see [`fold_case`]), without building a
/// string: sorting compares many names.
fn folded(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .flat_map(char::to_lowercase)
        .filter_map(without_accent)
}

/// The first letter the table folds, and the last.
const FOLDED_FROM: u32 = 0xC0;
const FOLDED_TO: u32 = 0x24F;

/// For each character from U+00C0 to U+024F, the letter it is without its
/// accent (its canonical decomposition's first character, in lower case), or
/// `.` where it has none (æ, ø, ß, ł, ×…).
const BASE_LETTERS: &[u8; (FOLDED_TO - FOLDED_FROM + 1) as usize] = b"\
aaaaaa.ceeeeiiii.nooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.y\
aaaaaaccccccccdd..eeeeeeeeeegggggggghh..iiiiiiiii...jjkk.llllll.\
...nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzz.\
................................oo.............uu...............\
.............aaiioouuuuuuuuuu.aaaa....ggkkoooo..j...gg..nnaa....\
aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............\
................";

/// `c` (already in lower case) without its accent; `None` for a combining
/// accent, which goes with it.
fn without_accent(c: char) -> Option<char> {
    let code = u32::from(c);
    match code {
        // Combining Diacritical Marks: an accent typed after its letter.
        0x300..=0x36F => None,
        FOLDED_FROM..=FOLDED_TO => match BASE_LETTERS[(code - FOLDED_FROM) as usize] {
            b'.' => Some(c),
            base => Some(char::from(base)),
        },
        _ if c == 'ς' => Some('σ'),
        _ => Some(c),
    }
}

/// Compares two folded texts naturally: character by character, except that
/// where both have digits the two runs of digits compare as numbers (of any
/// length: no overflow), leading zeros aside.
fn natural(a: Chars, b: Chars) -> Ordering {
    let (mut a, mut b) = (a.peekable(), b.peekable());
    loop {
        let order = match (a.peek(), b.peek()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                compare_numbers(&mut a, &mut b)
            }
            (Some(x), Some(y)) => {
                let order = x.cmp(y);
                a.next();
                b.next();
                order
            }
        };
        if order != Ordering::Equal {
            return order;
        }
    }
}

/// Compares the runs of digits at the start of `a` and `b` by value, and
/// consumes them: the longer number (without leading zeros) is larger, and
/// of two as long the first digit that differs decides.
fn compare_numbers(a: &mut Peekable<Chars>, b: &mut Peekable<Chars>) -> Ordering {
    while a.next_if_eq(&'0').is_some() {}
    while b.next_if_eq(&'0').is_some() {}
    let mut first_difference = Ordering::Equal;
    loop {
        match (
            a.next_if(char::is_ascii_digit),
            b.next_if(char::is_ascii_digit),
        ) {
            (Some(x), Some(y)) => first_difference = first_difference.then(x.cmp(&y)),
            (Some(_), None) => return Ordering::Greater,
            (None, Some(_)) => return Ordering::Less,
            (None, None) => return first_difference,
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn folded_contains_agrees_with_folding_the_text() {
        let texts = [
            "Snap-0101-2",
            "before UPDATE",
            "Café crème",
            "ΟΔΟΣ",
            "e\u{301}te\u{301}",
            "",
            "ab",
        ];
        let queries = [
            "snap", "0101-2", "update", "cafe", "crème", "οδοσ", "ete", "", "abc", "é",
        ];
        let mut scratch = String::new();
        for text in texts {
            for query in queries.map(fold_case) {
                assert_eq!(
                    folded_contains(text, &query, &mut scratch),
                    fold_case(text).contains(&query),
                    "{text:?} / {query:?}"
                );
            }
        }
    }
    use super::*;

    fn finds(text: &str, query: &str) -> bool {
        fold_case(text).contains(&fold_case(query))
    }

    #[test]
    fn finds_text_ignoring_case_in_english() {
        assert!(finds("Before MAJOR migration", "major"));
        assert!(finds("nightly", "NIGHT"));
        assert!(!finds("nightly", "weekly"));
    }

    #[test]
    fn finds_spanish_text_ignoring_case_and_accents() {
        assert!(finds("Copia antes de la MIGRACIÓN", "migración"));
        assert!(finds("copia antes de la migración", "MIGRACIÓN"));
        assert!(finds("Éxito del ÑANDÚ", "éxito del ñandú"));
        assert!(finds("¿Qué pasó con la base de datos?", "QUÉ PASÓ"));
        // Accents are ignored both ways: typed or not, in the text or not.
        assert!(finds("migración", "migracion"));
        assert!(finds("migracion", "MIGRACIÓN"));
        assert!(finds("Ñandú", "nandu"));
        assert!(finds("pingüino", "PINGUINO"));
    }

    #[test]
    fn finds_somali_text_ignoring_case() {
        assert!(finds("Kaydka ka hor CUSBOONAYSIINTA", "cusboonaysiinta"));
        assert!(finds("Xogta Muqdisho", "XOGTA MUQDISHO"));
    }

    #[test]
    fn finds_names_of_other_languages_without_their_accents() {
        // Æ and ø are letters of their own, not accented ones.
        assert!(finds("Ærøskøbing-backup", "ærøskøbing"));
        assert!(!finds("Ærøskøbing-backup", "aeroskobing"));
        assert!(finds("Zürich-db", "zurich"));
        assert!(finds("Łódź-web", "łodz"));
        assert!(finds("Ștefan-srv", "stefan"));
        assert!(finds("İstanbul", "istanbul"));
        // An accent typed as a combining mark after its letter.
        assert!(finds("Cafe\u{301}", "café"));
        assert!(finds("café", "cafe\u{301}"));
    }

    #[test]
    fn finds_text_in_other_scripts_ignoring_case() {
        assert!(finds("Резервная КОПИЯ", "копия"));
        assert!(finds("ΑΝΤΙΓΡΑΦΟ ΟΔΟΣ", "οδος"));
        assert!(finds("οδος", "ΟΔΟΣ"));
    }

    /// What unicode-normalization makes of `c`: its canonical decomposition
    /// in lower case, without combining marks.
    fn decomposed(c: char) -> String {
        use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
        c.to_lowercase()
            .collect::<String>()
            .nfd()
            .filter(|c| !is_combining_mark(*c))
            .collect()
    }

    #[test]
    fn the_table_drops_accents_as_unicode_decomposition_does() {
        for code in FOLDED_FROM..=FOLDED_TO {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let expected = decomposed(c);
            // Eight letters decompose to æ or ø with an accent, or to
            // letters outside the table: they keep their accent.
            if !expected.chars().all(|c| c.is_ascii_lowercase()) {
                continue;
            }
            assert_eq!(fold_case(&c.to_string()), expected, "U+{code:04X} {c}");
        }
        for code in 0x300..=0x36F {
            let mark = char::from_u32(code).unwrap_or_default();
            assert_eq!(fold_case(&format!("a{mark}")), "a", "U+{code:04X}");
        }
    }

    #[test]
    fn compares_ignoring_case_and_accents() {
        assert_eq!(cmp_natural("Web-01", "web-01"), Ordering::Equal);
        assert_eq!(cmp_natural("alpha", "Beta"), Ordering::Less);
        assert_eq!(cmp_natural("Zed", "apple"), Ordering::Greater);
        assert_eq!(cmp_natural("Ángel", "ángel"), Ordering::Equal);
        assert_eq!(cmp_natural("ÉLAN", "elan"), Ordering::Equal);
        assert_eq!(cmp_natural("Ñandú", "nANDU"), Ordering::Equal);
        assert_eq!(cmp_natural("árbol", "ARBOLES"), Ordering::Less);
        assert_eq!(cmp_natural("Éxito-2", "exito-1"), Ordering::Greater);
        // Accents no longer send a name after "z".
        assert_eq!(cmp_natural("Élan", "zeta"), Ordering::Less);
    }

    #[test]
    fn numbers_in_names_sort_by_value() {
        let mut names = vec![
            "srv-10000",
            "srv-10",
            "SRV-2",
            "srv-1000",
            "srv-1001",
            "srv-2a",
            "srv-",
            "srv-02",
            "srv-1",
        ];
        names.sort_by(|a, b| cmp_natural(a, b));
        assert_eq!(
            names,
            vec![
                "srv-",
                "srv-1",
                "srv-02",
                "SRV-2",
                "srv-2a",
                "srv-10",
                "srv-1000",
                "srv-1001",
                "srv-10000"
            ]
        );
        assert_eq!(cmp_natural("db-9-b", "db-10-a"), Ordering::Less);
        assert_eq!(cmp_natural("v1.10", "v1.9"), Ordering::Greater);
        // Longer than any integer type.
        assert_eq!(
            cmp_natural("n-123456789012345678901234567890", "n-99"),
            Ordering::Greater
        );
        assert_eq!(cmp_natural("n-007", "n-7"), Ordering::Less);
    }

    #[test]
    fn the_cached_key_orders_as_the_comparison() {
        let names = [
            "srv-10", "srv-2", "Srv-2", "srv-02", "Élan", "elan-1", "zeta", "", "9",
        ];
        for a in names {
            for b in names {
                assert_eq!(
                    natural_key(a).cmp(&natural_key(b)),
                    cmp_natural(a, b),
                    "{a:?} {b:?}"
                );
            }
        }
    }
}
