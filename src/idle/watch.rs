//! The idle watch: the time since the last input, the work that postpones
//! the sign-out, and the tick that decides.

use crate::browser::now_ms;
use crate::domain::idle::{idle_plan, idle_state, IdleState};
use crate::i18n::{Key, Msg};
use crate::session::{EndReason, Session};
use leptos::{ev, prelude::*};
use leptos_use_interval_fn::use_interval_fn;

/// How often the idle time is checked, in milliseconds.
const TICK_MS: u64 = 500;

type BusyProbe = Box<dyn Fn() -> bool>;

/// The app-wide idle watch (a `Copy` handle).
#[derive(Clone, Copy)]
pub struct IdleWatch {
    last_input_ms: StoredValue<i64>,
    /// Drives the "Stay signed in" dialog.
    state: RwSignal<IdleState>,
    probes: StoredValue<Vec<(u64, BusyProbe)>, LocalStorage>,
    next_probe: StoredValue<u64>,
    /// Whether work was followed at the last tick.
    was_busy: StoredValue<bool>,
}

/// Starts watching for input when `minutes` is above 0, and provides the
/// watch (also when off, so features can register without checking). Work
/// followed postpones the sign-out by `defer_max_minutes` at most.
pub fn provide_idle(minutes: f64, defer_max_minutes: f64, session: Session) -> IdleWatch {
    let watch = IdleWatch {
        last_input_ms: StoredValue::new(now_ms()),
        state: RwSignal::new(IdleState::Active),
        probes: StoredValue::new_local(Vec::new()),
        next_probe: StoredValue::new(0),
        was_busy: StoredValue::new(false),
    };
    provide_context(watch);
    let Some(plan) = idle_plan(minutes, defer_max_minutes) else {
        return watch;
    };
    // While the warning shows, only "Stay signed in" counts: a stray key
    // or click must not hide the dialog without an answer.
    let input = move || {
        if !matches!(watch.state.get_untracked(), IdleState::Warning { .. }) {
            watch.last_input_ms.set_value(now_ms());
        }
    };
    // Not leptos-use's `use_idle`: the tick below must run anyway (the
    // countdown, work that defers the sign-out), and it counts pointer moves
    // and the tab showing again as input, and input during the warning,
    // which must not count. Leptos's own listener, not leptos-use's
    // `use_event_listener`: that one costs a watch per listener in the wasm.
    let listeners = [
        window_event_listener(ev::keydown, move |_| input()),
        window_event_listener(ev::pointerdown, move |_| input()),
        window_event_listener(ev::wheel, move |_| input()),
        window_event_listener(ev::touchstart, move |_| input()),
    ];
    on_cleanup(move || {
        for listener in listeners {
            listener.remove();
        }
    });
    use_interval_fn(
        move || {
            let now = now_ms();
            let busy = watch.is_busy();
            let was_busy = watch
                .was_busy
                .try_update_value(|was| std::mem::replace(was, busy))
                .unwrap_or(false);
            let work_ended = was_busy && !busy;
            if work_ended || session.token_signal().with_untracked(Option::is_none) {
                // The wait starts again when the work ends or at sign-in;
                // while work goes on it keeps counting, up to the cap.
                watch.last_input_ms.set_value(now);
            }
            let idle = (now - watch.last_input_ms.get_value()).max(0) as u64;
            match idle_state(plan, idle, busy) {
                IdleState::SignOut => {
                    watch.state.set(IdleState::Active);
                    session.end(EndReason::Idle);
                    session.tell(Msg::from(Key::IdleSignedOut));
                }
                state if state != watch.state.get_untracked() => watch.state.set(state),
                _ => {}
            }
        },
        TICK_MS,
    );
    watch
}

/// The watch provided by [`provide_idle`], if any.
pub fn use_idle() -> Option<IdleWatch> {
    use_context()
}

/// While the calling component lives, `busy` says whether work this tab
/// follows postpones the idle sign-out (by the cap at most).
pub fn not_idle_while(busy: impl Fn() -> bool + 'static) {
    let Some(idle) = use_idle() else { return };
    let probe = idle.register_busy(busy);
    on_cleanup(move || idle.unregister_busy(probe));
}

impl IdleWatch {
    /// The user is here: the wait starts again and the warning closes.
    pub fn stay(&self) {
        self.last_input_ms.set_value(now_ms());
        self.state.set(IdleState::Active);
    }

    /// Seconds left while the warning shows (tracked).
    pub fn warning_seconds(&self) -> Option<u64> {
        match self.state.get() {
            IdleState::Warning { remaining_ms } => Some(remaining_ms.div_ceil(1000)),
            _ => None,
        }
    }

    /// Registers a check that says whether work this tab follows is going
    /// on; while any says so, the sign-out waits (up to the cap). Returns an
    /// id for [`IdleWatch::unregister_busy`].
    pub fn register_busy(&self, probe: impl Fn() -> bool + 'static) -> u64 {
        let id = self
            .next_probe
            .try_update_value(|n| {
                *n += 1;
                *n
            })
            .unwrap_or_default();
        self.probes
            .update_value(|probes| probes.push((id, Box::new(probe))));
        id
    }

    /// Removes a check registered with [`IdleWatch::register_busy`].
    pub fn unregister_busy(&self, id: u64) {
        let _ = self
            .probes
            .try_update_value(|probes| probes.retain(|(p, _)| *p != id));
    }

    fn is_busy(&self) -> bool {
        self.probes
            .try_with_value(|probes| probes.iter().any(|(_, busy)| busy()))
            .unwrap_or(false)
    }
}
