//! The list of server sections, windowed: only the sections near the viewport
//! are in the page. The space of the others is kept above and below, so the
//! scrollbar, scrolling and the page's height behave as if all were there, and
//! an account of thousands of servers costs the page a screenful of sections.
//!
//! The list is a WAI-ARIA feed: each section says its place in the whole list
//! (`aria-posinset` of `aria-setsize`), so a screen reader still knows it.
//! (No `aria-busy` during a refresh: the rows stay in place, and the Refresh
//! button and "Updated …" already say it.)

use super::heights::Heights;
use super::place::{use_list_place, ListPlace};
use super::section_observer::{Measurement, SectionObserver};
use super::server_section::ServerGroupView;
use crate::domain::grouping::ServerGroup;
use crate::domain::window::{Layout, Margins};
use leptos::{ev, html, prelude::*};
use leptos_router::hooks::use_location;
use std::ops::Range;

/// How far beyond the viewport sections are rendered: a number of viewport
/// heights, and at least some pixels (a small frame in a portal). Enough for
/// Tab to reach the next rows and for a flick of the wheel, and a short list
/// is rendered whole. The rendered sections stay as they are until the view
/// comes within half of that of their end.
const AHEAD: (f64, f64) = (2.0, 2400.0);
const BEHIND: (f64, f64) = (1.0, 1200.0);

/// The windowed list of `groups`, in their order.
#[component]
pub fn WindowedGroups(groups: Memo<Vec<ServerGroup>>) -> impl IntoView {
    let list_ref = NodeRef::<html::Div>::new();
    let place = use_list_place();
    let heights = place.map_or_else(Heights::new, ListPlace::heights);
    // The part of the list in view, in pixels from its top.
    let view_box = RwSignal::new((0.0, viewport_height()));
    let layout = heights.layout(groups);
    let range = window_range(layout, view_box);
    let shown = shown_groups(groups, range);
    let set_size = Memo::new(move |_| groups.with(Vec::len));

    let sync_view = move || {
        // Not once the list has left the page (the next page's scroll).
        let Some(list) = list_ref.get_untracked().filter(|list| list.is_connected()) else {
            return;
        };
        let top = -list.get_bounding_client_rect().top();
        let next = (top, top + viewport_height());
        if view_box.get_untracked() != next {
            view_box.set(next);
        }
        // Where the list is, for Back: after every scroll, and after every
        // measurement (the browser's scroll anchoring moves the page then).
        place.inspect(|place| place.note());
    };
    let on_scroll = window_event_listener(ev::scroll, move |_| sync_view());
    if let Some(place) = place {
        restore_scroll(place, list_ref);
    }
    let on_resize = window_event_listener(ev::resize, move |_| sync_view());

    // One observer measures every rendered section, and the list, whose top
    // moves when a notice above it appears. Its reports come after layout, so
    // reading positions there costs no extra layout.
    let observer = SectionObserver::new(move |sizes: Vec<Measurement>| {
        heights.take(sizes, shown);
        if let Some(list) = list_ref.get_untracked() {
            heights.take_gap(&list);
        }
        sync_view();
    });
    list_ref.on_load(move |list| observer.observe(&list));
    on_cleanup(move || {
        on_scroll.remove();
        on_resize.remove();
        observer.disconnect();
    });

    view! {
        <div
            node_ref=list_ref
            class="groups"
            role="feed"
            style:padding-top=move || css_pixels(layout.with(|l| l.space_before(&range.get())))
            style:padding-bottom=move || css_pixels(layout.with(|l| l.space_after(&range.get())))
        >
            <For each=move || shown.with(|s| s.iter().map(|(_, g)| g.server.id).collect::<Vec<_>>()) key=|id| *id let:id>
                <WindowedSection id shown set_size observer/>
            </For>
        </div>
    }
}

/// Scrolls a list just built back to where it was at this address, once
/// it is laid out (the heights it had then give it the same layout), and
/// notes its place whenever the address changes (a filter).
fn restore_scroll(place: ListPlace, list_ref: NodeRef<html::Div>) {
    let location = use_location();
    if let Some(y) = place.take_scroll() {
        list_ref.on_load(move |_| {
            request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, y));
        });
    }
    Effect::new(move |_| {
        location.pathname.track();
        location.search.track();
        if list_ref
            .get_untracked()
            .is_some_and(|list| list.is_connected())
        {
            place.note();
        }
    });
}

/// The rendered groups, each with its place in the whole list (from 1).
pub(super) type Shown = Memo<Vec<(usize, ServerGroup)>>;

/// The section of server `id` among the `shown` ones, measured by `observer`
/// while it is in the page.
#[component]
fn WindowedSection(
    id: u64,
    shown: Shown,
    set_size: Memo<usize>,
    observer: SectionObserver,
) -> impl IntoView {
    let group =
        Memo::new(move |_| shown.with(|s| s.iter().find(|(_, g)| g.server.id == id).cloned()));
    let section_ref = NodeRef::<html::Article>::new();
    section_ref.on_load(move |section| observer.observe(&section));
    let position = Signal::derive(move || group.with(|g| g.as_ref().map_or(0, |(p, _)| *p)));
    let group = Memo::new(move |_| group.with(|g| g.as_ref().map(|(_, g)| g.clone())));
    on_cleanup(move || {
        if let Some(section) = section_ref.get_untracked() {
            observer.unobserve(&section);
        }
    });
    view! { <ServerGroupView id group position set_size=set_size.into() section_ref/> }
}

/// The sections to render: those in view and some beyond, kept until the
/// view comes near their end (see [`AHEAD`]).
fn window_range(layout: Memo<Layout>, view_box: RwSignal<(f64, f64)>) -> Memo<Range<usize>> {
    Memo::new(move |current: Option<&Range<usize>>| {
        let (top, bottom) = view_box.get();
        let screen = bottom - top;
        let beyond = |(screens, pixels): (f64, f64)| (screens * screen).max(pixels);
        let far = Margins {
            before: beyond(BEHIND),
            after: beyond(AHEAD),
        };
        let near = Margins {
            before: far.before / 2.0,
            after: far.after / 2.0,
        };
        layout.with(|l| l.window(current, top, bottom, near, far))
    })
}

/// The groups of `range`, each with its place in the whole list.
fn shown_groups(groups: Memo<Vec<ServerGroup>>, range: Memo<Range<usize>>) -> Shown {
    Memo::new(move |_| {
        let range: Range<usize> = range.get();
        groups.with(|all| {
            all.get(range.clone())
                .unwrap_or_default()
                .iter()
                .zip(range.start..)
                .map(|(group, index)| (index + 1, group.clone()))
                .collect::<Vec<_>>()
        })
    })
}

/// `pixels` as a CSS length, the number written by the browser: Rust's float
/// formatting would add kilobytes to the wasm for this one use.
fn css_pixels(pixels: f64) -> String {
    let number = js_sys::Number::from(pixels)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default();
    format!("{number}px")
}

/// The height of the browser's viewport.
fn viewport_height() -> f64 {
    window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0)
}
