//! What a combobox holds: the query, whether its list is open, the active
//! option, and where its list is scrolled; what each key does to them.

use super::Choice;
use crate::domain::listbox::{found_positions, moved, rendered, scroll_to_show, Move};
use crate::domain::text::fold_case;
use leptos::{html, prelude::*};
use std::ops::Range;

/// Row and list heights until the list is measured (its CSS sizes).
const ROW_PX: f64 = 52.0;
const LIST_PX: f64 = 320.0;

/// The state of one combobox, shared by its field and its list.
pub struct Combo<T: Send + Sync + 'static> {
    pub id: &'static str,
    pub choices: Signal<Vec<Choice<T>>>,
    pub query: RwSignal<String>,
    /// Whether the field shows the query (the user is typing) rather than the choice.
    pub editing: RwSignal<bool>,
    pub open: RwSignal<bool>,
    /// The active option, by its choice's id (`Some(None)`: the option
    /// without one), so that it stays the same option while the options
    /// change under it (a big account still loading behind the list).
    pub active: RwSignal<Option<Option<u64>>>,
    /// The options the query finds, as positions in `choices`.
    pub found: Memo<Vec<usize>>,
    pub chosen: Callback<Option<u64>, bool>,
    pub multiple: bool,
    /// Whether the caller owns the query: it is kept when the list closes.
    keep_query: bool,
    pub scroll_top: RwSignal<f64>,
    /// The measured heights of a row and of the list.
    sizes: StoredValue<(f64, f64)>,
    /// The listbox, which scrolls.
    pub list_ref: NodeRef<html::Div>,
}

impl<T: Send + Sync + 'static> Clone for Combo<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Combo<T> {}

impl<T: Clone + Send + Sync + 'static> Combo<T> {
    /// Closed, nothing typed.
    pub fn new(
        id: &'static str,
        choices: Signal<Vec<Choice<T>>>,
        found: fn(&str, &T) -> bool,
        chosen: Callback<Option<u64>, bool>,
        multiple: bool,
        query: Option<RwSignal<String>>,
    ) -> Self {
        let keep_query = query.is_some();
        let query = query.unwrap_or_default();
        // Read only while the list is open: a closed picker computes nothing.
        let found = Memo::new(move |_| {
            let folded = query.with(|q| fold_case(q.trim()));
            choices.with(|choices| {
                found_positions(choices, |c| match c.id {
                    Some(_) => found(&folded, &c.data),
                    None => folded.is_empty(),
                })
            })
        });
        Self {
            id,
            choices,
            query,
            editing: RwSignal::new(keep_query),
            open: RwSignal::new(false),
            active: RwSignal::new(None),
            found,
            chosen,
            multiple,
            keep_query,
            scroll_top: RwSignal::new(0.0),
            sizes: StoredValue::new((ROW_PX, LIST_PX)),
            list_ref: NodeRef::new(),
        }
    }

    /// The id of the label, which names the list too.
    pub fn label_id(&self) -> String {
        format!("{}-label", self.id)
    }

    /// The id of the list.
    pub fn list_id(&self) -> String {
        format!("{}-list", self.id)
    }

    /// The id of the option at `pos` of `found`.
    pub fn option_id(&self, pos: usize) -> String {
        format!("{}-opt-{pos}", self.id)
    }

    /// `aria-activedescendant`: the active option while open (tracked).
    pub fn active_id(&self) -> Option<String> {
        self.open
            .get()
            .then(|| self.active_pos())
            .flatten()
            .map(|pos| self.option_id(pos))
    }

    /// The active option, if any.
    pub fn active_choice(&self) -> Option<Choice<T>> {
        let key = self.active.get_untracked()?;
        self.choices
            .with_untracked(|c| c.iter().find(|c| c.id == key).cloned())
    }

    /// The active option's position in `found` (tracked).
    fn active_pos(&self) -> Option<usize> {
        let key = self.active.get()?;
        self.found.with(|found| {
            self.choices.with(|choices| {
                found
                    .iter()
                    .position(|&at| choices.get(at).is_some_and(|c| c.id == key))
            })
        })
    }

    /// Makes the option at `pos` of `found` the active one.
    pub fn set_active(&self, pos: Option<usize>) {
        let at = pos.and_then(|pos| self.found.with_untracked(|found| found.get(pos).copied()));
        let key = at.and_then(|at| self.choices.with_untracked(|c| c.get(at).map(|c| c.id)));
        self.active.set(key);
    }

    /// The user typed `text`: the list opens on what it finds, the first active.
    pub fn typed(&self, text: String) {
        self.query.set(text);
        self.editing.set(true);
        self.open.set(true);
        let any = self.found.with_untracked(|f| !f.is_empty());
        self.set_active(any.then_some(0));
        self.scroll_to(0.0);
    }

    /// Opens the list with the chosen option active and in view.
    pub fn show(&self) {
        if self.open.get_untracked() {
            return;
        }
        self.open.set(true);
        let chosen = self.chosen;
        let pos = self.found.with_untracked(|found| {
            self.choices.with_untracked(|choices| {
                found
                    .iter()
                    .position(|&at| choices.get(at).is_some_and(|c| chosen.run(c.id)))
            })
        });
        self.set_active(pos);
        self.scroll_to(0.0);
        if let Some(pos) = pos {
            self.reveal(pos);
        }
    }

    /// A key pressed in the field; whether it was a move (then the page must
    /// not act on it). Closed, Down and Up open the list; Home, End and the
    /// pages then stay with the text.
    pub fn key(&self, key: &str, alt: bool) -> bool {
        let Some(step) = Move::from_key(key) else {
            return false;
        };
        if !self.open.get_untracked() {
            if !matches!(step, Move::Next | Move::Previous) {
                return false;
            }
            self.show();
            if alt || self.active.get_untracked().is_some() {
                return true;
            }
        }
        let len = self.found.with_untracked(Vec::len);
        let next = moved(untrack(|| self.active_pos()), len, step);
        self.set_active(next);
        if let Some(pos) = next {
            self.reveal(pos);
        }
        true
    }

    /// Closes the list; the field shows the choice again.
    pub fn close(&self) {
        self.open.set(false);
        self.active.set(None);
        if !self.keep_query {
            self.editing.set(false);
            self.query.set(String::new());
        }
    }

    /// After a choice: a single choice closes the list, several keep it open.
    pub fn after_choice(&self) {
        if !self.multiple {
            self.close();
        }
    }

    /// The options to render now (tracked).
    pub fn window(&self) -> Range<usize> {
        let (row, list) = self.sizes.get_value();
        rendered(self.scroll_top.get(), list, row, self.found.with(Vec::len))
    }

    /// The row height (tracked with the window, for the list's padding).
    pub fn row(&self) -> f64 {
        self.sizes.get_value().0
    }

    /// The list was scrolled (by the user or by [`Self::reveal`]).
    pub fn scrolled(&self) {
        self.measure();
        if let Some(list) = self.list_ref.get_untracked() {
            self.scroll_top.set(f64::from(list.scroll_top()));
        }
    }

    /// Scrolls the list so the option at `pos` is in view.
    fn reveal(&self, pos: usize) {
        self.measure();
        let (row, list) = self.sizes.get_value();
        let top = scroll_to_show(pos, row, self.scroll_top.get_untracked(), list);
        self.scroll_to(top);
    }

    /// Scrolls to `top`: the window follows at once, the element once the
    /// options of that window are in it.
    fn scroll_to(&self, top: f64) {
        if self.scroll_top.get_untracked() != top {
            self.scroll_top.set(top);
        }
        let list = self.list_ref;
        request_animation_frame(move || {
            if let Some(list) = list.get_untracked() {
                list.set_scroll_top(top as i32);
            }
        });
    }

    /// Reads the heights of a row and of the list, once they are shown.
    fn measure(&self) {
        let Some(list) = self.list_ref.get_untracked() else {
            return;
        };
        let row = list
            .first_element_child()
            .and_then(|inner| inner.first_element_child())
            .map_or(0, |first| first.client_height());
        let height = list.client_height();
        if row > 0 && height > 0 {
            self.sizes.set_value((f64::from(row), f64::from(height)));
        }
    }
}
