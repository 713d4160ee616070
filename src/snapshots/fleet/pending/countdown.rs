//! The clock of the countdowns on rows whose delete waits: it ticks only
//! while one waits.

use crate::browser::now_ms;
use leptos::prelude::*;
use leptos_use_interval_fn::{use_interval_fn_with_options, UseIntervalFnOptions};

type Switch = Box<dyn Fn() + Send + Sync>;

/// The countdowns' clock (a `Copy` handle).
#[derive(Clone, Copy)]
pub(super) struct Countdown {
    now_ms: RwSignal<i64>,
    running: Signal<bool>,
    start: StoredValue<Switch>,
    stop: StoredValue<Switch>,
}

impl Countdown {
    /// A stopped clock; its timer goes with the component that made it.
    pub(super) fn new() -> Self {
        let now = RwSignal::new(now_ms());
        let timer = use_interval_fn_with_options(
            move || now.set(now_ms()),
            250,
            UseIntervalFnOptions::default().immediate(false),
        );
        Self {
            now_ms: now,
            running: timer.is_active,
            start: StoredValue::new(Box::new(timer.resume)),
            stop: StoredValue::new(Box::new(timer.pause)),
        }
    }

    /// The time in Unix ms, as of the last tick (tracked).
    pub(super) fn now_ms(&self) -> i64 {
        self.now_ms.get()
    }

    /// Sets the time now, and ticks from now on.
    pub(super) fn start(&self) {
        self.now_ms.set(now_ms());
        if !self.running.get_untracked() {
            self.start.with_value(|start| start());
        }
    }

    /// Stops ticking; safe while the page is being torn down.
    pub(super) fn stop(&self) {
        self.stop.try_with_value(|stop| stop());
    }
}
