//! The zone every time is shown and exported in: UTC or the browser's local
//! time, as chosen for this tab (kept in `sessionStorage`), and the switch
//! that chooses it. The local offset is read from the browser here; the
//! formatting is `domain::time`'s.

use crate::browser::session_storage;
use crate::clock::use_clock;
use crate::domain::time::Zone;
use crate::i18n::{exact_msg, relative_msg, use_i18n, Key, Msg};
use leptos::prelude::*;

const STORAGE_KEY: &str = "vps.time-zone";

/// The chosen zone (a `Copy` handle).
#[derive(Clone, Copy)]
pub struct TimeZone {
    utc: RwSignal<bool>,
}

/// Reads the tab's choice (UTC unless local time was chosen) and provides it.
pub fn provide_time_zone() -> TimeZone {
    let stored = session_storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    let zone = TimeZone {
        utc: RwSignal::new(stored.as_deref() != Some("local")),
    };
    provide_context(zone);
    zone
}

/// The zone provided by [`provide_time_zone`].
pub fn use_time_zone() -> TimeZone {
    expect_context()
}

impl TimeZone {
    /// The zone of the instant `unix_seconds` (tracked): local time's
    /// offset depends on the date (daylight saving time).
    pub fn at(self, unix_seconds: i64) -> Zone {
        if self.utc.get() {
            return Zone::Utc;
        }
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
            unix_seconds as f64 * 1000.0,
        ));
        // Minutes west of UTC, as JavaScript counts them.
        Zone::Offset(-(date.get_timezone_offset() as i32))
    }

    /// `unix_seconds` as an exact date and time in the zone (tracked).
    pub fn exact(self, unix_seconds: i64) -> Msg {
        exact_msg(unix_seconds, self.at(unix_seconds))
    }

    fn set_utc(self, utc: bool) {
        self.utc.set(utc);
        if let Some(storage) = session_storage() {
            let _ = storage.set_item(STORAGE_KEY, if utc { "utc" } else { "local" });
        }
    }
}

/// "Times in: Local time / UTC".
#[component]
pub fn TimeZoneSwitch() -> impl IntoView {
    let zone = use_time_zone();
    let i18n = use_i18n();
    view! {
        <div class="time-zone-picker">
            <label for="time-zone">{i18n.text(Key::TimeZoneLabel)}</label>
            <select id="time-zone" on:change=move |event| zone.set_utc(event_target_value(&event) == "utc")>
                <option value="local" prop:selected=move || !zone.utc.get()>{i18n.text(Key::TimeZoneLocal)}</option>
                <option value="utc" prop:selected=move || zone.utc.get()>{i18n.text(Key::TimeZoneUtc)}</option>
            </select>
        </div>
    }
}

/// A time: how long ago, in a button that shows the exact time (in the
/// chosen zone) on focus, tap or hover; the exact time is also part of its
/// name for screen readers.
#[component]
pub fn TimeTip(
    /// Unix seconds.
    at: i64,
    /// The relative words ("3 days ago"), kept up to date by the caller.
    #[prop(into)]
    relative: Signal<String>,
) -> impl IntoView {
    let zone = use_time_zone();
    let i18n = use_i18n();
    view! {
        <button type="button" class="time-tip">
            <time datetime=crate::domain::time::iso_utc(at)>{move || relative.get()}</time>
            <span class="time-exact visually-hidden">{move || i18n.msg(&zone.exact(at))}</span>
        </button>
    }
}

/// A time on its own (a row's, an Activity entry's, a restore's start, a
/// server's creation): how long ago, kept true by the app's clock, in a
/// [`TimeTip`] that gives the exact time.
#[component]
pub fn TimeAgo(
    /// Unix seconds.
    at: i64,
) -> impl IntoView {
    let clock = use_clock();
    let i18n = use_i18n();
    let relative = Signal::derive(move || i18n.msg(&relative_msg(clock.now_secs(), at)));
    view! { <TimeTip at relative/> }
}
