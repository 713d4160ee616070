//! What the windowed list knows of its sections' heights: those measured,
//! the estimate for the others, and the space between two sections. Kept by
//! [`super::place::ListPlace`] beyond the list page, so that the list laid
//! out again on Back is laid out as it was left.

use super::list_window::Shown;
use super::section_observer::Measurement;
use crate::domain::grouping::ServerGroup;
use crate::domain::window::{Estimate, Layout};
use leptos::prelude::*;
use std::collections::HashMap;

/// A section's fixed part (header, count) and a row's height, in pixels, until
/// sections on screen have been measured.
const BASE_ESTIMATE: f64 = 90.0;
const ROW_ESTIMATE: f64 = 110.0;

/// Measured heights, by server id: the rows the section had then, and its height.
type Measured = HashMap<u64, (usize, f64)>;

/// What is known of the sections' heights: those measured, the estimate for
/// the others, and the space between two sections.
#[derive(Clone, Copy)]
pub(super) struct Heights {
    measured: RwSignal<Measured>,
    estimate: RwSignal<Estimate>,
    gap: RwSignal<f64>,
}

impl Heights {
    pub(super) fn new() -> Self {
        Self {
            measured: RwSignal::new(Measured::new()),
            estimate: RwSignal::new(Estimate::new(BASE_ESTIMATE, ROW_ESTIMATE)),
            gap: RwSignal::new(0.0),
        }
    }

    /// The positions of all `groups`, measured or estimated.
    pub(super) fn layout(self, groups: Memo<Vec<ServerGroup>>) -> Memo<Layout> {
        Memo::new(move |_| {
            let gap = self.gap.get();
            self.estimate.with(|estimate| {
                self.measured.with(|measured| {
                    groups.with(|all| {
                        Layout::new(
                            all.iter().map(|g| {
                                let rows = g.snapshots.len();
                                match measured.get(&g.server.id) {
                                    Some(&(then, height)) if then == rows => height,
                                    _ => estimate.height(rows),
                                }
                            }),
                            gap,
                        )
                    })
                })
            })
        })
    }

    /// Takes in the heights of sections the observer reported.
    pub(super) fn take(self, sizes: Vec<Measurement>, shown: Shown) {
        let rows_of = |id: u64| {
            shown.with_untracked(|s| {
                s.iter()
                    .find(|(_, g)| g.server.id == id)
                    .map(|(_, g)| g.snapshots.len())
            })
        };
        let mut changes = Vec::new();
        for Measurement { id, height } in sizes {
            let Some(id) = id else { continue };
            let Some(rows) = rows_of(id) else { continue };
            let old = self.measured.with_untracked(|m| m.get(&id).copied());
            if old.is_none_or(|(r, h)| r != rows || (h - height).abs() >= 1.0) {
                changes.push((id, rows, height, old));
            }
        }
        // The estimate learns from each section once: a section measured anew
        // (a row grew) must not move every estimated section below it.
        if changes.iter().any(|(_, _, _, old)| old.is_none()) {
            self.estimate.update(|e| {
                for (_, rows, height, _) in changes.iter().filter(|c| c.3.is_none()) {
                    e.learn(*rows, *height);
                }
            });
        }
        if !changes.is_empty() {
            self.measured.update(|m| {
                for (id, rows, height, _) in changes {
                    m.insert(id, (rows, height));
                }
            });
        }
    }

    /// Takes in the space between two rendered sections of `list`, if two are.
    pub(super) fn take_gap(self, list: &web_sys::HtmlDivElement) {
        if let Some(space) = space_between_sections(list) {
            if (self.gap.get_untracked() - space).abs() >= 0.5 {
                self.gap.set(space);
            }
        }
    }
}

/// The space between two rendered sections (the list's CSS gap), if two are.
fn space_between_sections(list: &web_sys::HtmlDivElement) -> Option<f64> {
    let first = list.first_element_child()?;
    let second = first.next_element_sibling()?;
    Some(second.get_bounding_client_rect().top() - first.get_bounding_client_rect().bottom())
}
