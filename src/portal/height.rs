//! Telling the portal the console's height, so it can size its frame to
//! it: a `ResizeObserver` on the root element and on each open dialog
//! (in the top layer, outside the document's height), at most every
//! [`MIN_GAP_MS`], and only when the height changed.

use super::messages;
use super::outbox::Outbox;
use crate::browser::now_ms;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The shortest time between two height messages.
const MIN_GAP_MS: i64 = 250;
/// The room a dialog keeps around it (style/main.css: `.modal` margins).
const DIALOG_ROOM: f64 = 24.0;

/// Reports the height to the portal from now on, for the app's lifetime.
pub fn report_height(outbox: Outbox) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.document_element() else {
        return;
    };
    let state = Rc::new(Report::default());
    let send = {
        let state = Rc::clone(&state);
        move || state.send(&outbox)
    };
    let send = Rc::new(send);
    let on_resize = {
        let send = Rc::clone(&send);
        Closure::<dyn Fn()>::new(move || send())
    };
    let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(&root);
    // A dialog opening or closing: its `toggle` event does not bubble, so
    // it is caught on its way down.
    let on_toggle = {
        let observer = observer.clone();
        Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
            if let Some(dialog) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                observer.observe(&dialog);
            }
            send();
        })
    };
    let _ = document.add_event_listener_with_callback_and_bool(
        "toggle",
        on_toggle.as_ref().unchecked_ref(),
        true,
    );
    // For the app's lifetime, as the page itself.
    on_resize.forget();
    on_toggle.forget();
}

/// The last height told and whether a message is already scheduled.
#[derive(Default)]
struct Report {
    last: Cell<u32>,
    last_at_ms: Cell<i64>,
    scheduled: Cell<bool>,
}

impl Report {
    /// Sends the height now, or once [`MIN_GAP_MS`] has passed since the last.
    fn send(self: &Rc<Self>, outbox: &Outbox) {
        if self.scheduled.get() {
            return;
        }
        let wait = self.last_at_ms.get() + MIN_GAP_MS - now_ms();
        if wait > 0 {
            self.scheduled.set(true);
            let state = Rc::clone(self);
            let outbox = outbox.clone();
            set_timeout(
                move || {
                    state.scheduled.set(false);
                    state.send(&outbox);
                },
                Duration::from_millis(wait as u64),
            );
            return;
        }
        let height = current_height();
        if height != self.last.get() {
            self.last.set(height);
            self.last_at_ms.set(now_ms());
            outbox.post(&messages::Message::Height { height });
        }
    }
}

/// The page's height: its content's, or an open dialog's whole content
/// and its margins if that is taller (the dialog scrolls inside a frame
/// shorter than it).
fn current_height() -> u32 {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return 0;
    };
    let content = document
        .document_element()
        .map_or(0.0, |root| root.get_bounding_client_rect().height());
    let dialogs = document
        .query_selector_all("dialog[open]")
        .ok()
        .map(|list| {
            (0..list.length())
                .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
                .map(|dialog| f64::from(dialog.scroll_height()) + DIALOG_ROOM * 2.0)
                .fold(0.0, f64::max)
        })
        .unwrap_or(0.0);
    content.max(dialogs).ceil() as u32
}
