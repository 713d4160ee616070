//! When to try a failed read again. Writes are never retried automatically:
//! the user is told what happened and decides.

use super::time::parse_http_date;

/// How many times a read is tried in all, first try included.
pub const MAX_ATTEMPTS: u32 = 4;
/// The first back-off step; later steps double it.
const BASE_DELAY_MS: u64 = 500;
/// No single wait is longer than this.
const MAX_DELAY_MS: u64 = 8_000;
/// A read gives up once this much time has gone by since its first try.
const MAX_TOTAL_MS: u64 = 20_000;

/// The wait before the next try of a read that failed with a transient error,
/// or `None` to give up.
///
/// `failed_attempts` counts the tries so far (1 after the first failure),
/// `elapsed_ms` is the time since the first try, `retry_after_ms` what the API
/// asked for, and `random` a number in `[0, 1)` for jitter, so that many
/// browsers do not retry in lockstep.
pub fn next_delay_ms(
    failed_attempts: u32,
    elapsed_ms: u64,
    retry_after_ms: Option<u64>,
    random: f64,
) -> Option<u64> {
    if failed_attempts >= MAX_ATTEMPTS {
        return None;
    }
    let delay = match retry_after_ms {
        // The server said how long: honour it exactly, never sooner.
        Some(wait) => wait,
        None => {
            let ceiling =
                (BASE_DELAY_MS << (failed_attempts.saturating_sub(1)).min(10)).min(MAX_DELAY_MS);
            // "Equal jitter": at least half the step, at most all of it.
            ceiling / 2 + (ceiling as f64 / 2.0 * random.clamp(0.0, 1.0)) as u64
        }
    };
    (elapsed_ms + delay <= MAX_TOTAL_MS).then_some(delay)
}

/// Reads a `Retry-After` header (seconds, or an HTTP date) as milliseconds
/// from `now_unix_ms`.
pub fn parse_retry_after_ms(raw: &str, now_unix_ms: i64) -> Option<u64> {
    let raw = raw.trim();
    if let Ok(seconds) = raw.parse::<u64>() {
        return Some(seconds.saturating_mul(1000));
    }
    let at_ms = parse_http_date(raw)? * 1000;
    Some(at_ms.saturating_sub(now_unix_ms).max(0) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backs_off_exponentially_within_jitter_bounds() {
        assert_eq!(next_delay_ms(1, 0, None, 0.0), Some(250));
        assert_eq!(next_delay_ms(1, 0, None, 1.0), Some(500));
        assert_eq!(next_delay_ms(2, 0, None, 0.0), Some(500));
        assert_eq!(next_delay_ms(3, 0, None, 0.999), Some(1_999));
    }

    #[test]
    fn gives_up_after_the_last_attempt_or_the_time_budget() {
        assert_eq!(next_delay_ms(MAX_ATTEMPTS, 0, None, 0.5), None);
        assert_eq!(next_delay_ms(1, 19_900, None, 0.5), None);
        assert_eq!(next_delay_ms(1, 0, Some(30_000), 0.5), None);
    }

    #[test]
    fn honours_retry_after() {
        assert_eq!(next_delay_ms(1, 0, Some(2_000), 0.0), Some(2_000));
        assert_eq!(next_delay_ms(1, 0, Some(2_000), 1.0), Some(2_000));
    }

    #[test]
    fn reads_retry_after_in_both_forms() {
        assert_eq!(parse_retry_after_ms("2", 0), Some(2_000));
        assert_eq!(parse_retry_after_ms(" 120 ", 0), Some(120_000));
        let date = "Wed, 21 Oct 2015 07:28:00 GMT";
        assert_eq!(parse_retry_after_ms(date, 1_445_412_475_000), Some(5_000));
        assert_eq!(parse_retry_after_ms(date, 1_445_412_490_000), Some(0));
        assert_eq!(parse_retry_after_ms("-1", 0), None);
        assert_eq!(parse_retry_after_ms("later", 0), None);
    }

    #[test]
    fn any_input_gives_a_bounded_answer() {
        for attempt in 0..10 {
            for elapsed in [0, 1_000, 19_999, u64::MAX / 2] {
                if let Some(delay) = next_delay_ms(attempt, elapsed, None, 0.7) {
                    assert!(delay <= MAX_DELAY_MS && elapsed + delay <= MAX_TOTAL_MS);
                }
            }
        }
    }
}
