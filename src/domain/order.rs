//! Case-insensitive comparison.

use std::cmp::Ordering;

/// Orders two texts alphabetically, ignoring (ASCII) case.
pub fn cmp_ignoring_case(a: &str, b: &str) -> Ordering {
    a.bytes()
        .map(|b| b.to_ascii_lowercase())
        .cmp(b.bytes().map(|b| b.to_ascii_lowercase()))
}

/// Whether `text` contains `needle`, ignoring (ASCII) case.
pub fn contains_ignoring_case(text: &str, needle: &str) -> bool {
    text.to_ascii_lowercase()
        .contains(&needle.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compares_ignoring_case() {
        assert_eq!(cmp_ignoring_case("Web-01", "web-01"), Ordering::Equal);
        assert_eq!(cmp_ignoring_case("alpha", "Beta"), Ordering::Less);
        assert_eq!(cmp_ignoring_case("Zed", "apple"), Ordering::Greater);
    }

    #[test]
    fn finds_text_ignoring_case() {
        assert!(contains_ignoring_case("Before MAJOR migration", "major"));
        assert!(contains_ignoring_case("nightly", "NIGHT"));
        assert!(!contains_ignoring_case("nightly", "weekly"));
    }
}
