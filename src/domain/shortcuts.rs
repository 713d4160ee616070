//! The page's keyboard shortcuts: which key, or two-key sequence, does what.

/// What a shortcut does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    NewSnapshot,
    FocusSearch,
    Refresh,
    GoToActivity,
    ShowShortcuts,
}

impl Shortcut {
    /// Every shortcut with its keys as shown to the user (one key per
    /// element, pressed one after the other), in the order the help lists them.
    pub const ALL: [(Shortcut, &'static [&'static str]); 5] = [
        (Shortcut::NewSnapshot, &["n"]),
        (Shortcut::FocusSearch, &["/"]),
        (Shortcut::Refresh, &["r"]),
        (Shortcut::GoToActivity, &["g", "a"]),
        (Shortcut::ShowShortcuts, &["?"]),
    ];
}

/// How long after `g` its second key may come.
pub const SEQUENCE_TIMEOUT_MS: i64 = 1500;

/// Turns key presses (`KeyboardEvent.key`) into shortcuts, remembering a
/// pending `g`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeySequence {
    /// When `g` was pressed, while its second key may still come.
    g_at: Option<i64>,
}

impl KeySequence {
    /// The shortcut that `key`, pressed at `now_ms`, completes, if any. Any
    /// other key ends a pending sequence.
    pub fn press(&mut self, key: &str, now_ms: i64) -> Option<Shortcut> {
        let after_g = self
            .g_at
            .take()
            .is_some_and(|at| (0..=SEQUENCE_TIMEOUT_MS).contains(&(now_ms - at)));
        if after_g {
            return (key == "a").then_some(Shortcut::GoToActivity);
        }
        match key {
            "n" => Some(Shortcut::NewSnapshot),
            "/" => Some(Shortcut::FocusSearch),
            "r" => Some(Shortcut::Refresh),
            "?" => Some(Shortcut::ShowShortcuts),
            "g" => {
                self.g_at = Some(now_ms);
                None
            }
            _ => None,
        }
    }

    /// Forgets a pending `g` (a key that was not for the shortcuts).
    pub fn reset(&mut self) {
        self.g_at = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_keys() {
        let mut keys = KeySequence::default();
        assert_eq!(keys.press("n", 0), Some(Shortcut::NewSnapshot));
        assert_eq!(keys.press("/", 0), Some(Shortcut::FocusSearch));
        assert_eq!(keys.press("r", 0), Some(Shortcut::Refresh));
        assert_eq!(keys.press("?", 0), Some(Shortcut::ShowShortcuts));
        for other in ["N", "R", "a", "x", "Enter", "Escape", " "] {
            assert_eq!(keys.press(other, 0), None, "{other}");
        }
    }

    #[test]
    fn g_then_a() {
        let mut keys = KeySequence::default();
        assert_eq!(keys.press("g", 1000), None);
        assert_eq!(keys.press("a", 1200), Some(Shortcut::GoToActivity));
        // Alone, `a` does nothing.
        assert_eq!(keys.press("a", 1300), None);
    }

    #[test]
    fn a_sequence_ends_with_another_key_a_pause_or_a_reset() {
        let mut keys = KeySequence::default();
        keys.press("g", 0);
        // The key after `g` is consumed, even one that is a shortcut alone.
        assert_eq!(keys.press("r", 10), None);
        assert_eq!(keys.press("a", 20), None);

        keys.press("g", 0);
        assert_eq!(keys.press("a", SEQUENCE_TIMEOUT_MS + 1), None);

        keys.press("g", 0);
        keys.reset();
        assert_eq!(keys.press("a", 10), None);

        // After a pause, the next key counts on its own.
        keys.press("g", 0);
        assert_eq!(
            keys.press("n", SEQUENCE_TIMEOUT_MS + 1),
            Some(Shortcut::NewSnapshot)
        );
    }

    #[test]
    fn every_shortcut_is_listed_once_and_reachable() {
        for (shortcut, sequence) in Shortcut::ALL {
            let mut keys = KeySequence::default();
            let got = sequence.iter().fold(None, |_, key| keys.press(key, 0));
            assert_eq!(got, Some(shortcut), "{sequence:?}");
        }
    }
}
