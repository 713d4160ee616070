//! Idle sign-out: after `idle_sign_out_minutes` without input in the tab the
//! token is forgotten and the sign-in page says why; shortly before, a dialog
//! offers to stay signed in. Work this tab follows postpones it, by
//! `idle_defer_max_minutes` at most: features say so through
//! [`not_idle_while`].

mod warning;
mod watch;

pub use warning::IdleWarning;
pub use watch::{not_idle_while, provide_idle};
