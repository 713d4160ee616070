//! Opt-in system notifications: when a snapshot completes or fails or a
//! restore finishes, even while the tab is hidden. On only after the browser
//! granted permission; the choice is kept for the tab in `sessionStorage`.

mod notifier;
mod switch;

pub use notifier::{provide_notifier, use_notifier, Notifier};
pub use switch::NotifySwitch;
