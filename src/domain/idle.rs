//! When an idle tab warns and signs out: pure timing rules.

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
}

/// The plan for `minutes` of idleness (fractions allowed); `None` when the
/// setting is 0 (off), negative or not a number.
pub fn idle_plan(minutes: f64) -> Option<IdlePlan> {
    if !minutes.is_finite() || minutes <= 0.0 {
        return None;
    }
    let total = minutes * 60_000.0;
    let warn = (total - WARNING_MS).max(total * SHORT_WARNING_SHARE);
    Some(IdlePlan {
        warn_after_ms: warn as u64,
        sign_out_after_ms: total as u64,
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

/// The state after `idle_ms` without input. Work being followed (`busy`)
/// keeps the tab active: signing out then would lose track of it.
pub fn idle_state(plan: IdlePlan, idle_ms: u64, busy: bool) -> IdleState {
    if busy || idle_ms < plan.warn_after_ms {
        IdleState::Active
    } else if idle_ms < plan.sign_out_after_ms {
        IdleState::Warning {
            remaining_ms: plan.sign_out_after_ms - idle_ms,
        }
    } else {
        IdleState::SignOut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_negative_or_nan_turn_it_off() {
        assert_eq!(idle_plan(0.0), None);
        assert_eq!(idle_plan(-5.0), None);
        assert_eq!(idle_plan(f64::NAN), None);
        assert_eq!(idle_plan(f64::INFINITY), None);
    }

    #[test]
    fn warns_one_minute_before_for_usual_settings() {
        let plan = idle_plan(30.0).unwrap();
        assert_eq!(plan.sign_out_after_ms, 1_800_000);
        assert_eq!(plan.warn_after_ms, 1_740_000);
    }

    #[test]
    fn short_settings_warn_at_eighty_percent() {
        // 0.05 min = 3 s, as the browser test uses.
        let plan = idle_plan(0.05).unwrap();
        assert_eq!(plan.sign_out_after_ms, 3_000);
        assert_eq!(plan.warn_after_ms, 2_400);
        let plan = idle_plan(2.0).unwrap();
        assert_eq!(plan.warn_after_ms, 96_000);
    }

    #[test]
    fn active_then_warning_then_sign_out() {
        let plan = idle_plan(30.0).unwrap();
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
    fn never_while_work_is_followed() {
        let plan = idle_plan(0.05).unwrap();
        assert_eq!(idle_state(plan, 10_000_000, true), IdleState::Active);
    }
}
