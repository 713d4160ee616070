//! The arithmetic of a combobox's list of options (`ui/combobox`): which
//! options a query finds, where a key moves the active option, and which few
//! options are rendered around the visible part of a list of thousands.
//! Kept pure so it is tested natively.
//!
//! Positions are indices in the list of options found; pixels are from the
//! top of the list, every option being one row of the same height.

use std::ops::Range;

/// Options rendered above and below the visible ones, so that a move by one
/// or a short scroll finds its option already in the page.
pub const OVERSCAN: usize = 4;
/// At most this many options are rendered, however tall the list: the open
/// list stays a few dozen nodes whatever the number of options.
pub const MAX_RENDERED: usize = 24;
/// Options a Page Up or Page Down moves by.
pub const PAGE: usize = 10;

/// A key that moves the active option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Next,
    Previous,
    First,
    Last,
    PageDown,
    PageUp,
}

impl Move {
    /// The move a key (`KeyboardEvent.key`) asks for, if any. Home and End
    /// move in the list only while it is open (the caller decides).
    pub fn from_key(key: &str) -> Option<Self> {
        Some(match key {
            "ArrowDown" => Self::Next,
            "ArrowUp" => Self::Previous,
            "Home" => Self::First,
            "End" => Self::Last,
            "PageDown" => Self::PageDown,
            "PageUp" => Self::PageUp,
            _ => return None,
        })
    }
}

/// The positions of `items` that `found` finds with `query`, in order.
pub fn found_positions<T>(items: &[T], found: impl Fn(&T) -> bool) -> Vec<usize> {
    items
        .iter()
        .enumerate()
        .filter(|(_, item)| found(item))
        .map(|(at, _)| at)
        .collect()
}

/// The active option after `step` in a list of `len` options; `None` when
/// the list is empty. With no active option, Next starts at the first and
/// Previous at the last. Arrows stop at the ends (no wrapping: at 10,000
/// options, a wrap is a jump the user did not ask for).
pub fn moved(active: Option<usize>, len: usize, step: Move) -> Option<usize> {
    let last = len.checked_sub(1)?;
    Some(match (active, step) {
        (_, Move::First) => 0,
        (_, Move::Last) => last,
        (None, Move::Next | Move::PageDown) => 0,
        (None, Move::Previous | Move::PageUp) => last,
        (Some(at), Move::Next) => (at + 1).min(last),
        (Some(at), Move::Previous) => at.saturating_sub(1).min(last),
        (Some(at), Move::PageDown) => (at + PAGE).min(last),
        (Some(at), Move::PageUp) => at.saturating_sub(PAGE).min(last),
    })
}

/// The options rendered when the list, `viewport` pixels tall with rows of
/// `row` pixels, is scrolled by `scroll_top`: the visible ones and
/// [`OVERSCAN`] on each side, [`MAX_RENDERED`] at most.
pub fn rendered(scroll_top: f64, viewport: f64, row: f64, len: usize) -> Range<usize> {
    if len == 0 {
        return 0..0;
    }
    let row = row.max(1.0);
    let first_visible = (scroll_top.max(0.0) / row).floor() as usize;
    let visible = (viewport.max(0.0) / row).ceil() as usize + 1;
    let start = first_visible.min(len - 1).saturating_sub(OVERSCAN);
    let end = (first_visible + visible + OVERSCAN)
        .min(start + MAX_RENDERED)
        .min(len);
    start..end
}

/// The scroll position that shows the option at `active` whole, moving as
/// little as possible from `scroll_top`.
pub fn scroll_to_show(active: usize, row: f64, scroll_top: f64, viewport: f64) -> f64 {
    let top = active as f64 * row;
    let bottom = top + row;
    if top < scroll_top {
        top
    } else if bottom > scroll_top + viewport {
        (bottom - viewport).max(0.0)
    } else {
        scroll_top
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_moves() {
        assert_eq!(Move::from_key("ArrowDown"), Some(Move::Next));
        assert_eq!(Move::from_key("ArrowUp"), Some(Move::Previous));
        assert_eq!(Move::from_key("Home"), Some(Move::First));
        assert_eq!(Move::from_key("End"), Some(Move::Last));
        assert_eq!(Move::from_key("PageDown"), Some(Move::PageDown));
        assert_eq!(Move::from_key("PageUp"), Some(Move::PageUp));
        assert_eq!(Move::from_key("Enter"), None);
        assert_eq!(Move::from_key("a"), None);
    }

    #[test]
    fn finds_positions_in_order() {
        let names = ["web-1", "db-1", "web-2"];
        assert_eq!(found_positions(&names, |n| n.starts_with("web")), [0, 2]);
        assert!(found_positions(&names, |_| false).is_empty());
    }

    #[test]
    fn arrows_move_by_one_and_stop_at_the_ends() {
        assert_eq!(moved(Some(3), 10, Move::Next), Some(4));
        assert_eq!(moved(Some(3), 10, Move::Previous), Some(2));
        assert_eq!(moved(Some(9), 10, Move::Next), Some(9));
        assert_eq!(moved(Some(0), 10, Move::Previous), Some(0));
    }

    #[test]
    fn with_no_active_option_down_starts_at_the_first_and_up_at_the_last() {
        assert_eq!(moved(None, 10, Move::Next), Some(0));
        assert_eq!(moved(None, 10, Move::Previous), Some(9));
        assert_eq!(moved(None, 10, Move::PageDown), Some(0));
        assert_eq!(moved(None, 10, Move::PageUp), Some(9));
    }

    #[test]
    fn home_end_and_pages() {
        assert_eq!(moved(Some(5000), 10_000, Move::First), Some(0));
        assert_eq!(moved(Some(5), 10_000, Move::Last), Some(9_999));
        assert_eq!(moved(Some(5), 10_000, Move::PageDown), Some(15));
        assert_eq!(moved(Some(5), 10_000, Move::PageUp), Some(0));
        assert_eq!(moved(Some(9_995), 10_000, Move::PageDown), Some(9_999));
    }

    #[test]
    fn an_empty_list_has_no_active_option() {
        for step in [Move::Next, Move::Previous, Move::First, Move::Last] {
            assert_eq!(moved(Some(3), 0, step), None);
            assert_eq!(moved(None, 0, step), None);
        }
    }

    #[test]
    fn an_active_option_past_a_shorter_list_comes_back_into_it() {
        assert_eq!(moved(Some(50), 10, Move::Previous), Some(9));
        assert_eq!(moved(Some(50), 10, Move::Next), Some(9));
    }

    #[test]
    fn renders_the_visible_rows_and_a_few_around_them() {
        // 8 rows of 40 px visible, scrolled to row 100.
        let range = rendered(4000.0, 320.0, 40.0, 10_000);
        assert_eq!(range, 96..113);
        assert!(range.len() <= MAX_RENDERED);
        // At the top and at the very end.
        assert_eq!(rendered(0.0, 320.0, 40.0, 10_000), 0..13);
        assert_eq!(rendered(399_680.0, 320.0, 40.0, 10_000), 9_988..10_000);
    }

    #[test]
    fn renders_at_most_a_few_dozen_however_tall_the_list() {
        let range = rendered(0.0, 100_000.0, 40.0, 10_000);
        assert_eq!(range, 0..MAX_RENDERED);
    }

    #[test]
    fn renders_short_and_empty_lists_whole() {
        assert_eq!(rendered(0.0, 320.0, 40.0, 3), 0..3);
        assert_eq!(rendered(0.0, 320.0, 40.0, 0), 0..0);
        // Scrolled past the end of a list that got shorter.
        assert_eq!(rendered(4000.0, 320.0, 40.0, 3), 0..3);
        // No height measured yet.
        assert_eq!(rendered(0.0, 0.0, 0.0, 50), 0..5);
    }

    #[test]
    fn scrolls_only_as_far_as_the_active_option_needs() {
        // Visible: rows 10..18 (400..720 px).
        assert_eq!(scroll_to_show(12, 40.0, 400.0, 320.0), 400.0);
        assert_eq!(scroll_to_show(9, 40.0, 400.0, 320.0), 360.0);
        assert_eq!(scroll_to_show(18, 40.0, 400.0, 320.0), 440.0);
        assert_eq!(scroll_to_show(9_999, 40.0, 0.0, 320.0), 399_680.0);
        assert_eq!(scroll_to_show(0, 40.0, 399_680.0, 320.0), 0.0);
    }
}
