//! One `ResizeObserver` for all rendered sections of the list. (leptos-use's
//! `use_resize_observer` watches a target given up front; sections come and
//! go as the list scrolls, and one observer for all keeps that cheap.)

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

/// A section's height, by the server id in its `data-server-id` (none for the list).
pub struct Measurement {
    pub id: Option<u64>,
    pub height: f64,
}

/// A `ResizeObserver` reporting the heights of the elements it watches.
#[derive(Clone, Copy)]
pub struct SectionObserver(StoredValue<Option<ObserverParts>, LocalStorage>);

struct ObserverParts {
    observer: web_sys::ResizeObserver,
    // Kept alive as long as the observer.
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl SectionObserver {
    /// An observer that hands `on_sizes` the heights of the elements it
    /// watches, after each layout that changed them.
    pub fn new(on_sizes: impl Fn(Vec<Measurement>) + 'static) -> Self {
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let sizes = entries
                .iter()
                .filter_map(|entry| entry.dyn_into::<web_sys::ResizeObserverEntry>().ok())
                .map(|entry| entry.target())
                // A section just removed reports a size of 0: not its height.
                .filter(|target| target.is_connected())
                .map(|target| Measurement {
                    id: target
                        .get_attribute("data-server-id")
                        .and_then(|id| id.parse().ok()),
                    height: target.get_bounding_client_rect().height(),
                })
                .collect();
            on_sizes(sizes);
        });
        let parts = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref())
            .ok()
            .map(|observer| ObserverParts {
                observer,
                _callback: callback,
            });
        Self(StoredValue::new_local(parts))
    }

    /// Watches `element`.
    pub fn observe(&self, element: &web_sys::Element) {
        self.0.with_value(|parts| {
            if let Some(parts) = parts {
                parts.observer.observe(element);
            }
        });
    }

    /// Stops watching `element`.
    pub fn unobserve(&self, element: &web_sys::Element) {
        self.0.try_with_value(|parts| {
            if let Some(parts) = parts {
                parts.observer.unobserve(element);
            }
        });
    }

    /// Stops watching everything.
    pub fn disconnect(&self) {
        self.0.try_with_value(|parts| {
            if let Some(parts) = parts {
                parts.observer.disconnect();
            }
        });
    }
}
