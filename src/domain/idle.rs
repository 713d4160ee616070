//! When an idle tab warns and signs out: pure timing rules, and what work
//! postpones it.

use super::model::Snapshot;
use std::collections::BTreeSet;

/// The usual warning: this long before signing out.
const WARNING_MS: f64 = 60_000.0;
/// For short settings the warning comes at this share of the wait instead,
/// so there is time to see it and no warning right after the last input.
const SHORT_WARNING_SHARE: f64 = 0.8;

/// When to warn and when to sign out, counted from the last input (ms).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IdlePlan {
    pub warn_after_ms: u64,
    pub sign_out_after_ms: u64,
    /// How much later, at most, both come while work this tab follows is in
    /// progress: a stuck snapshot must not keep an unattended tab signed in.
    pub defer_max_ms: u64,
}

/// The plan for `minutes` of idleness (fractions allowed), postponed by at
/// most `defer_max_minutes` while work is followed (0 or less: not at all);
/// `None` when `minutes` is 0 (off), negative or not a number.
pub fn idle_plan(minutes: f64, defer_max_minutes: f64) -> Option<IdlePlan> {
    if !minutes.is_finite() || minutes <= 0.0 {
        return None;
    }
    let total = minutes * 60_000.0;
    let warn = (total - WARNING_MS).max(total * SHORT_WARNING_SHARE);
    // `as` saturates: NaN gives 0, infinity the largest value.
    let defer = (defer_max_minutes * 60_000.0).max(0.0);
    Some(IdlePlan {
        warn_after_ms: warn as u64,
        sign_out_after_ms: total as u64,
        defer_max_ms: defer as u64,
    })
}

/// Where an idle tab stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdleState {
    Active,
    /// "Stay signed in?", with this long left.
    Warning {
        remaining_ms: u64,
    },
    SignOut,
}

/// The state after `idle_ms` without input. Work this tab follows (`busy`)
/// postpones the warning and the sign-out, since signing out would lose
/// track of it, but never by more than the plan's cap.
pub fn idle_state(plan: IdlePlan, idle_ms: u64, busy: bool) -> IdleState {
    let defer = if busy { plan.defer_max_ms } else { 0 };
    let warn_after = plan.warn_after_ms.saturating_add(defer);
    let sign_out_after = plan.sign_out_after_ms.saturating_add(defer);
    if idle_ms < warn_after {
        IdleState::Active
    } else if idle_ms < sign_out_after {
        IdleState::Warning {
            remaining_ms: sign_out_after - idle_ms,
        }
    } else {
        IdleState::SignOut
    }
}

/// Whether a snapshot this tab created (`own`, by id) is still in progress
/// in `snapshots`. Only these postpone the idle sign-out: a snapshot someone
/// else started is not work this tab follows.
pub fn own_snapshot_in_progress(snapshots: &[Snapshot], own: &BTreeSet<u64>) -> bool {
    !own.is_empty()
        && snapshots
            .iter()
            .any(|s| s.status.is_in_progress() && own.contains(&s.id))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The default cap, in minutes.
    const CAP: f64 = 240.0;

    #[test]
    fn zero_negative_or_nan_turn_it_off() {
        assert_eq!(idle_plan(0.0, CAP), None);
        assert_eq!(idle_plan(-5.0, CAP), None);
        assert_eq!(idle_plan(f64::NAN, CAP), None);
        assert_eq!(idle_plan(f64::INFINITY, CAP), None);
    }

    #[test]
    fn warns_one_minute_before_for_usual_settings() {
        let plan = idle_plan(30.0, CAP).unwrap();
        assert_eq!(plan.sign_out_after_ms, 1_800_000);
        assert_eq!(plan.warn_after_ms, 1_740_000);
    }

    #[test]
    fn short_settings_warn_at_eighty_percent() {
        // 0.05 min = 3 s, as the browser test uses.
        let plan = idle_plan(0.05, CAP).unwrap();
        assert_eq!(plan.sign_out_after_ms, 3_000);
        assert_eq!(plan.warn_after_ms, 2_400);
        let plan = idle_plan(2.0, CAP).unwrap();
        assert_eq!(plan.warn_after_ms, 96_000);
    }

    #[test]
    fn active_then_warning_then_sign_out() {
        let plan = idle_plan(30.0, CAP).unwrap();
        assert_eq!(idle_state(plan, 0, false), IdleState::Active);
        assert_eq!(idle_state(plan, 1_739_999, false), IdleState::Active);
        assert_eq!(
            idle_state(plan, 1_770_000, false),
            IdleState::Warning {
                remaining_ms: 30_000
            }
        );
        assert_eq!(idle_state(plan, 1_800_000, false), IdleState::SignOut);
        assert_eq!(idle_state(plan, u64::MAX, false), IdleState::SignOut);
    }

    #[test]
    fn work_followed_postpones_the_warning_and_the_sign_out_by_the_cap_at_most() {
        // 3 s of idleness, postponed by at most 6 s: as the browser test.
        let plan = idle_plan(0.05, 0.1).unwrap();
        assert_eq!(plan.defer_max_ms, 6_000);
        assert_eq!(
            idle_state(plan, 2_400, false),
            IdleState::Warning { remaining_ms: 600 }
        );
        assert_eq!(idle_state(plan, 3_000, false), IdleState::SignOut);
        assert_eq!(idle_state(plan, 3_000, true), IdleState::Active);
        assert_eq!(idle_state(plan, 8_399, true), IdleState::Active);
        assert_eq!(
            idle_state(plan, 8_400, true),
            IdleState::Warning { remaining_ms: 600 }
        );
        assert_eq!(idle_state(plan, 9_000, true), IdleState::SignOut);
        assert_eq!(idle_state(plan, u64::MAX, true), IdleState::SignOut);
    }

    #[test]
    fn the_default_cap_ends_a_defer_after_four_hours() {
        let plan = idle_plan(30.0, CAP).unwrap();
        let four_and_a_half_hours = 270 * 60_000;
        assert_eq!(
            idle_state(plan, four_and_a_half_hours - 1, true),
            IdleState::Warning { remaining_ms: 1 }
        );
        assert_eq!(
            idle_state(plan, four_and_a_half_hours, true),
            IdleState::SignOut
        );
    }

    #[test]
    fn a_cap_of_zero_negative_or_nan_defers_nothing() {
        for cap in [0.0, -1.0, f64::NAN] {
            let plan = idle_plan(0.05, cap).unwrap();
            assert_eq!(plan.defer_max_ms, 0, "{cap}");
            assert_eq!(idle_state(plan, 3_000, true), IdleState::SignOut, "{cap}");
        }
    }

    #[test]
    fn only_snapshots_this_tab_created_and_still_in_progress_count() {
        let running = |id| Snapshot::sample(id, 1, "in_progress", "2025-01-01T00:00:00Z", None);
        let done = |id| Snapshot::sample(id, 1, "completed", "2025-01-01T00:00:00Z", None);
        let list = [running(1), done(2)];
        assert!(
            !own_snapshot_in_progress(&list, &BTreeSet::new()),
            "started elsewhere"
        );
        assert!(
            !own_snapshot_in_progress(&list, &BTreeSet::from([2])),
            "ours, finished"
        );
        assert!(
            !own_snapshot_in_progress(&list, &BTreeSet::from([3])),
            "ours, not listed"
        );
        assert!(
            own_snapshot_in_progress(&list, &BTreeSet::from([1, 2])),
            "ours, in progress"
        );
    }
}
