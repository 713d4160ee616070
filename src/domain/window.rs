//! Which sections of a long list are near the viewport: the arithmetic of the
//! windowed list, kept pure so it is tested natively.
//!
//! Positions are in pixels from the top of the list. Each section has a height
//! (measured once it has been on screen, estimated before) and sections are
//! separated by a fixed gap.

use std::ops::Range;

/// Where each section starts and ends.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    tops: Vec<f64>,
    bottoms: Vec<f64>,
}

impl Layout {
    /// Lays out sections of the given heights, `gap` apart.
    pub fn new(heights: impl IntoIterator<Item = f64>, gap: f64) -> Self {
        let mut layout = Self::default();
        let mut top = 0.0;
        for height in heights {
            layout.tops.push(top);
            let bottom = top + height.max(0.0);
            layout.bottoms.push(bottom);
            top = bottom + gap;
        }
        layout
    }

    /// How many sections there are.
    pub fn len(&self) -> usize {
        self.tops.len()
    }

    /// The height of the whole list.
    pub fn total(&self) -> f64 {
        self.bottoms.last().copied().unwrap_or(0.0)
    }

    /// The space to leave above the rendered `range`.
    pub fn space_before(&self, range: &Range<usize>) -> f64 {
        self.tops.get(range.start).copied().unwrap_or(0.0)
    }

    /// The space to leave below the rendered `range`.
    pub fn space_after(&self, range: &Range<usize>) -> f64 {
        match range
            .end
            .checked_sub(1)
            .and_then(|last| self.bottoms.get(last))
        {
            Some(bottom) => self.total() - bottom,
            None => 0.0,
        }
    }

    /// The sections that overlap `top..bottom`. At least one when the list
    /// has any: a page scrolled past the end of a list that just got shorter
    /// shows its last section until the browser brings the scroll back.
    pub fn sections_in(&self, top: f64, bottom: f64) -> Range<usize> {
        let len = self.len();
        if len == 0 {
            return 0..0;
        }
        let start = self.bottoms.partition_point(|&end| end <= top).min(len - 1);
        let end = self
            .tops
            .partition_point(|&begin| begin < bottom)
            .clamp(start + 1, len);
        start..end
    }
}

/// How far beyond the viewport sections are kept, in pixels above and below.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Margins {
    pub before: f64,
    pub after: f64,
}

impl Layout {
    /// The sections to render for a view of `top..bottom`: `current` while it
    /// still holds every section within `near` of the view, so that small
    /// moves (a scroll, a row growing) change nothing; else every section
    /// within `far`.
    pub fn window(
        &self,
        current: Option<&Range<usize>>,
        top: f64,
        bottom: f64,
        near: Margins,
        far: Margins,
    ) -> Range<usize> {
        let needed = self.sections_in(top - near.before, bottom + near.after);
        match current {
            Some(current)
                if current.start <= needed.start
                    && needed.end <= current.end
                    && current.end <= self.len() =>
            {
                current.clone()
            }
            _ => self.sections_in(top - far.before, bottom + far.after),
        }
    }
}

/// A section's height before it has been measured, learnt from the sections
/// measured so far: a fixed part (header, notices) plus a part per row.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    /// The fixed part of a section.
    pub base: f64,
    /// The height of one row, until rows have been measured.
    pub default_row: f64,
    measured_height: f64,
    measured_rows: usize,
    measured_sections: usize,
}

impl Estimate {
    /// An estimate that knows only its defaults.
    pub fn new(base: f64, default_row: f64) -> Self {
        Self {
            base,
            default_row,
            measured_height: 0.0,
            measured_rows: 0,
            measured_sections: 0,
        }
    }

    /// Learns from a section of `rows` rows that measured `height`.
    pub fn learn(&mut self, rows: usize, height: f64) {
        self.measured_height += height;
        self.measured_rows += rows;
        self.measured_sections += 1;
    }

    /// The expected height of a section of `rows` rows.
    pub fn height(&self, rows: usize) -> f64 {
        let row = if self.measured_rows == 0 {
            self.default_row
        } else {
            let fixed = self.base * self.measured_sections as f64;
            ((self.measured_height - fixed) / self.measured_rows as f64).max(1.0)
        };
        self.base + row * rows as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_laid_out_with_gaps() {
        let layout = Layout::new([100.0, 50.0, 200.0], 10.0);
        assert_eq!(layout.len(), 3);
        assert_eq!(layout.total(), 370.0);
        // Section 1 alone: 110 above it, 210 below (gap + section 2).
        assert_eq!(layout.space_before(&(1..2)), 110.0);
        assert_eq!(layout.space_after(&(1..2)), 210.0);
        // Everything rendered: no space around.
        assert_eq!(layout.space_before(&(0..3)), 0.0);
        assert_eq!(layout.space_after(&(0..3)), 0.0);
        // Rendered height + spaces always make the whole list.
        let rendered = 50.0;
        assert_eq!(
            layout.space_before(&(1..2)) + rendered + layout.space_after(&(1..2)),
            layout.total()
        );
    }

    #[test]
    fn the_window_holds_every_section_it_overlaps() {
        let layout = Layout::new([100.0; 10], 10.0);
        // Sections start at 0, 110, 220, …
        assert_eq!(layout.sections_in(0.0, 50.0), 0..1);
        assert_eq!(layout.sections_in(0.0, 110.0), 0..1);
        assert_eq!(layout.sections_in(0.0, 111.0), 0..2);
        // A window in a gap still shows the next section.
        assert_eq!(layout.sections_in(105.0, 108.0), 1..2);
        assert_eq!(layout.sections_in(250.0, 560.0), 2..6);
        assert_eq!(layout.sections_in(-500.0, 5000.0), 0..10);
    }

    #[test]
    fn a_window_past_the_end_shows_the_last_section() {
        let layout = Layout::new([100.0; 3], 10.0);
        assert_eq!(layout.sections_in(5000.0, 6000.0), 2..3);
        assert_eq!(Layout::new([], 10.0).sections_in(0.0, 100.0), 0..0);
        assert_eq!(Layout::default().space_after(&(0..0)), 0.0);
    }

    #[test]
    fn the_window_stays_while_it_covers_the_view() {
        let layout = Layout::new([100.0; 100], 0.0);
        let near = Margins {
            before: 100.0,
            after: 200.0,
        };
        let far = Margins {
            before: 300.0,
            after: 600.0,
        };
        let first = layout.window(None, 1000.0, 1500.0, near, far);
        assert_eq!(first, 7..21);
        // A small scroll keeps it.
        assert_eq!(
            layout.window(Some(&first), 1100.0, 1600.0, near, far),
            first
        );
        // Scrolled so far that the near margin leaves it: a new window.
        assert_eq!(
            layout.window(Some(&first), 1900.0, 2400.0, near, far),
            16..30
        );
        // A window past the end of a list that got shorter is redone.
        let short = Layout::new([100.0; 10], 0.0);
        assert_eq!(short.window(Some(&first), 0.0, 500.0, near, far), 0..10);
    }

    #[test]
    fn estimates_learn_the_row_height() {
        let mut estimate = Estimate::new(80.0, 100.0);
        assert_eq!(estimate.height(3), 380.0);
        estimate.learn(2, 80.0 + 2.0 * 60.0);
        estimate.learn(4, 80.0 + 4.0 * 60.0);
        assert_eq!(estimate.height(3), 260.0);
        estimate.learn(2, 80.0 + 2.0 * 150.0);
        // (120 + 240 + 300) / 8 rows = 82.5 per row.
        assert_eq!(estimate.height(2), 245.0);
        assert_eq!(estimate.height(0), 80.0);
    }
}
