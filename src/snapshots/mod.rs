//! The snapshots feature: the page, its state (`store`), the server sections
//! and rows, and the dialogs.

mod actions;
mod batch;
mod bulk_delete;
mod dialogs;
mod export;
mod list_window;
mod page;
mod pending_deletes;
mod polling;
mod readiness;
mod selection;
mod server_filter;
mod server_section;
mod shortcuts;
mod snapshot_row;
mod store;

pub use page::SnapshotsPage;
