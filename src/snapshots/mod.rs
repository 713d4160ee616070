//! The snapshots feature: the page, its state (`store`), the server sections
//! and rows, and the dialogs.

mod actions;
mod dialogs;
mod export;
mod page;
mod readiness;
mod server_section;
mod shortcuts;
mod snapshot_row;
mod store;

pub use page::SnapshotsPage;
