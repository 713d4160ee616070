//! The rules a new snapshot must meet before the app sends it.

use super::time::name_stamp;

/// The longest snapshot name the console sends.
pub const MAX_NAME_LEN: usize = 64;
/// The longest description the console sends.
pub const MAX_DESCRIPTION_LEN: usize = 500;
/// The provider's limit of snapshots per server.
pub const SNAPSHOTS_PER_SERVER: usize = 5;

/// Whether a server with `count` snapshots is full: the provider takes no
/// new snapshot of it until one is deleted. Every view asks this (through
/// [`ServerGroup::is_full`](super::grouping::ServerGroup::is_full) when it
/// has a group), so the rule is decided in one place.
pub fn is_full(count: usize) -> bool {
    count >= SNAPSHOTS_PER_SERVER
}

/// Why a snapshot name cannot be sent (put into words by `crate::i18n`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NameProblem {
    Empty,
    TooLong,
    BadCharacter(char),
}

/// Checks a snapshot name against the provider's rule.
pub fn check_name(name: &str) -> Result<(), NameProblem> {
    if name.is_empty() {
        return Err(NameProblem::Empty);
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
    {
        return Err(NameProblem::BadCharacter(bad));
    }
    if name.chars().count() > MAX_NAME_LEN {
        return Err(NameProblem::TooLong);
    }
    Ok(())
}

/// A valid default name from the server's name and the time, e.g.
/// `web-server-01-2026-11-24-1530`.
pub fn default_name(server_name: &str, now_unix: i64) -> String {
    let stamp = name_stamp(now_unix);
    let base: String = server_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .take(MAX_NAME_LEN - stamp.len() - 1)
        .collect();
    if base.is_empty() {
        format!("snapshot-{stamp}")
    } else {
        format!("{base}-{stamp}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_documented_alphabet() {
        assert_eq!(check_name("before-update_snapshot-2"), Ok(()));
        assert_eq!(check_name(&"a".repeat(MAX_NAME_LEN)), Ok(()));
    }

    #[test]
    fn rejects_what_the_api_would_refuse() {
        assert_eq!(check_name(""), Err(NameProblem::Empty));
        assert_eq!(
            check_name("my snapshot"),
            Err(NameProblem::BadCharacter(' '))
        );
        assert_eq!(check_name("snap/1"), Err(NameProblem::BadCharacter('/')));
        assert_eq!(check_name("café"), Err(NameProblem::BadCharacter('é')));
        assert_eq!(check_name("<script>"), Err(NameProblem::BadCharacter('<')));
        assert_eq!(
            check_name(&"a".repeat(MAX_NAME_LEN + 1)),
            Err(NameProblem::TooLong)
        );
    }

    #[test]
    fn a_server_is_full_at_the_limit() {
        assert!(!is_full(0));
        assert!(!is_full(SNAPSHOTS_PER_SERVER - 1));
        assert!(is_full(SNAPSHOTS_PER_SERVER));
        assert!(is_full(SNAPSHOTS_PER_SERVER + 2));
    }

    #[test]
    fn default_names_are_valid() {
        assert_eq!(
            default_name("web-server-01", 1_736_965_800),
            "web-server-01-2025-01-15-1830"
        );
        assert_eq!(default_name("db 1 (eu)", 0), "db-1--eu--1970-01-01-0000");
        assert_eq!(default_name("", 0), "snapshot-1970-01-01-0000");
        assert_eq!(check_name(&default_name(&"x".repeat(200), 0)), Ok(()));
        assert_eq!(check_name(&default_name("ünïcode", 0)), Ok(()));
    }
}
