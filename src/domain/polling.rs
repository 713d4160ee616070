//! How often to ask about work in progress, and how to describe its progress
//! honestly (the API gives no percentage).

use super::format::{minutes, Elapsed};

/// The first waits are short so a quick job shows up quickly; then the app
/// backs off, never waiting longer than 30 s.
const POLL_DELAYS_MS: [u32; 7] = [3_000, 3_000, 5_000, 8_000, 13_000, 20_000, 30_000];

/// The wait before poll number `round` (0 for the first).
pub fn poll_delay_ms(round: u32) -> u32 {
    POLL_DELAYS_MS[(round as usize).min(POLL_DELAYS_MS.len() - 1)]
}

/// A hidden tab (polling only because notifications are on) asks no more
/// often than this.
pub const HIDDEN_POLL_MS: u32 = 30_000;

/// The wait before the next poll: `delay`, or slow while the tab is hidden.
pub fn hidden_poll_delay_ms(delay: u32, hidden: bool) -> u32 {
    if hidden {
        delay.max(HIDDEN_POLL_MS)
    } else {
        delay
    }
}

/// The time a kind of job usually takes, as the provider documents it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExpectedWindow {
    pub min_minutes: i64,
    pub max_minutes: i64,
}

/// Creating a snapshot: 3–10 minutes.
pub const SNAPSHOT_WINDOW: ExpectedWindow = ExpectedWindow {
    min_minutes: 3,
    max_minutes: 10,
};
/// Restoring a server: 5–15 minutes.
pub const RESTORE_WINDOW: ExpectedWindow = ExpectedWindow {
    min_minutes: 5,
    max_minutes: 15,
};

/// Elapsed time against the usual window, and whether it is taking longer
/// than usual (e.g. "4 min elapsed — usually 3–10 min").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub elapsed: Elapsed,
    pub window: ExpectedWindow,
    pub overdue: bool,
}

/// How far along a job is after `elapsed_secs` (a negative time, from clock
/// skew, counts as none).
pub fn progress(elapsed_secs: i64, window: ExpectedWindow) -> Progress {
    Progress {
        elapsed: minutes(elapsed_secs.max(0)),
        window,
        overdue: elapsed_secs >= window.max_minutes * 60,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hidden_tab_polls_every_thirty_seconds_at_most() {
        assert_eq!(hidden_poll_delay_ms(3_000, true), 30_000);
        assert_eq!(hidden_poll_delay_ms(3_000, false), 3_000);
        assert!((0..20).all(|r| hidden_poll_delay_ms(poll_delay_ms(r), true) >= 30_000));
    }

    #[test]
    fn starts_quick_then_backs_off_to_thirty_seconds() {
        assert_eq!(poll_delay_ms(0), 3_000);
        let delays: Vec<u32> = (0..20).map(poll_delay_ms).collect();
        assert!(delays.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(*delays.last().unwrap(), 30_000);
        assert!(delays.iter().all(|d| *d <= 30_000));
    }

    #[test]
    fn progress_is_stated_against_the_window() {
        let at = |secs, window| progress(secs, window);
        assert_eq!(
            at(20, SNAPSHOT_WINDOW),
            Progress {
                elapsed: Elapsed::UnderAMinute,
                window: SNAPSHOT_WINDOW,
                overdue: false
            }
        );
        assert_eq!(
            at(4 * 60 + 5, SNAPSHOT_WINDOW),
            Progress {
                elapsed: Elapsed::Minutes(4),
                window: SNAPSHOT_WINDOW,
                overdue: false
            }
        );
        assert_eq!(
            at(10 * 60 - 1, SNAPSHOT_WINDOW),
            Progress {
                elapsed: Elapsed::Minutes(9),
                window: SNAPSHOT_WINDOW,
                overdue: false
            }
        );
        assert_eq!(
            at(11 * 60, SNAPSHOT_WINDOW),
            Progress {
                elapsed: Elapsed::Minutes(11),
                window: SNAPSHOT_WINDOW,
                overdue: true
            }
        );
        assert_eq!(
            at(-5, RESTORE_WINDOW),
            Progress {
                elapsed: Elapsed::UnderAMinute,
                window: RESTORE_WINDOW,
                overdue: false
            }
        );
    }
}
