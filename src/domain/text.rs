//! Comparing and searching names and descriptions in any language: case is
//! folded with Unicode's rules, so "é" finds "É" and "Ñandú" sorts with
//! "ñandú". Accents still count ("e" does not find "é"), and the order is
//! that of the folded characters, not a language's dictionary order.

use std::cmp::Ordering;

/// `text` with its case folded, for searching: each character in lower case,
/// and Greek final sigma as sigma (so "ΟΔΟΣ", "οδος" and "οδοσ" agree).
pub fn fold_case(text: &str) -> String {
    folded(text).collect()
}

/// Orders two texts alphabetically, ignoring case.
pub fn cmp_ignoring_case(a: &str, b: &str) -> Ordering {
    folded(a).cmp(folded(b))
}

/// The characters of `text` with case folded (see [`fold_case`]), without
/// building a string: sorting compares many names.
fn folded(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ς' { 'σ' } else { c })
}

#[cfg(test)]
mod tests {
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
    fn finds_spanish_text_ignoring_case() {
        assert!(finds("Copia antes de la MIGRACIÓN", "migración"));
        assert!(finds("copia antes de la migración", "MIGRACIÓN"));
        assert!(finds("Éxito del ÑANDÚ", "éxito del ñandú"));
        assert!(finds("¿Qué pasó con la base de datos?", "QUÉ PASÓ"));
        // Accents are part of the letter: only case is ignored.
        assert!(!finds("migración", "migracion"));
    }

    #[test]
    fn finds_somali_text_ignoring_case() {
        assert!(finds("Kaydka ka hor CUSBOONAYSIINTA", "cusboonaysiinta"));
        assert!(finds("Xogta Muqdisho", "XOGTA MUQDISHO"));
    }

    #[test]
    fn finds_text_in_other_scripts_ignoring_case() {
        assert!(finds("Резервная КОПИЯ", "копия"));
        assert!(finds("ΑΝΤΙΓΡΑΦΟ ΟΔΟΣ", "οδος"));
        assert!(finds("οδος", "ΟΔΟΣ"));
    }

    #[test]
    fn compares_ignoring_case() {
        assert_eq!(cmp_ignoring_case("Web-01", "web-01"), Ordering::Equal);
        assert_eq!(cmp_ignoring_case("alpha", "Beta"), Ordering::Less);
        assert_eq!(cmp_ignoring_case("Zed", "apple"), Ordering::Greater);
    }

    #[test]
    fn compares_accented_letters_ignoring_case() {
        assert_eq!(cmp_ignoring_case("Ángel", "ángel"), Ordering::Equal);
        assert_eq!(cmp_ignoring_case("ÉLAN", "élan"), Ordering::Equal);
        assert_eq!(cmp_ignoring_case("Ñandú", "ñANDÚ"), Ordering::Equal);
        assert_eq!(cmp_ignoring_case("árbol", "ÁRBOLES"), Ordering::Less);
        assert_eq!(cmp_ignoring_case("Éxito-2", "éxito-1"), Ordering::Greater);
    }
}
