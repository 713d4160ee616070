//! The app's clock for "2 minutes ago" and time-outs: the time in Unix
//! seconds, ticking often enough that relative times stay true.

use crate::browser::now_ms;
use leptos::prelude::*;
use leptos_use_interval_fn::use_interval_fn;

/// The ticking time (a `Copy` handle).
#[derive(Clone, Copy)]
pub struct Clock(RwSignal<i64>);

/// Creates the clock and provides it to the app; it ticks every 15 seconds
/// until the app goes.
pub fn provide_clock() -> Clock {
    let clock = Clock(RwSignal::new(now_ms() / 1000));
    use_interval_fn(move || clock.0.set(now_ms() / 1000), 15_000);
    provide_context(clock);
    clock
}

/// The clock provided by [`provide_clock`].
pub fn use_clock() -> Clock {
    expect_context()
}

impl Clock {
    /// The time in Unix seconds (tracked: the caller updates with the clock).
    pub fn now_secs(&self) -> i64 {
        self.0.get()
    }
}
