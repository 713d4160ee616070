//! Sorting and case-insensitive comparison, kept small for the wasm build.
//!
//! Every `slice::sort_by` call with its own closure compiles its own copy of
//! the sort algorithm (several KB of wasm each), so the app sorts through
//! [`sort_by`], which has one compiled sort for every caller. Names on VPS.org
//! (servers are host names, snapshot names are validated) are ASCII, so case is
//! folded for ASCII only, which also keeps Unicode's case tables out.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order (stable).
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_indices(&mut order, &|a, b| compare(&items[a], &items[b]));
    let mut taken: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| taken[i].take()));
}

/// The one instance of the sort algorithm: indices, compared through `compare`,
/// ties in index order (which makes it stable).
fn sort_indices(order: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_unstable_by(|&a, &b| compare(a, b).then(a.cmp(&b)));
}

/// `ids` sorted, each once: a set for the few ids the store tracks at a time
/// (look up with `binary_search`), without a `BTreeSet`'s code in the wasm.
pub fn id_set(ids: impl IntoIterator<Item = u64>) -> Vec<u64> {
    let mut ids: Vec<u64> = ids.into_iter().collect();
    sort_by(&mut ids, u64::cmp);
    ids.dedup();
    ids
}

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
    fn sorts_stably() {
        let mut items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        sort_by(&mut items, |x, y| x.0.cmp(&y.0));
        assert_eq!(
            items,
            vec![(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]
        );
    }

    #[test]
    fn sorts_empty_and_single() {
        let mut none: Vec<u8> = Vec::new();
        sort_by(&mut none, u8::cmp);
        assert!(none.is_empty());
        let mut one = vec![7];
        sort_by(&mut one, u8::cmp);
        assert_eq!(one, vec![7]);
    }

    #[test]
    fn id_sets_are_sorted_without_duplicates() {
        assert_eq!(id_set([5, 1, 5, 3, 1]), vec![1, 3, 5]);
        assert!(id_set([]).is_empty());
    }

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
