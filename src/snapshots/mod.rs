//! The snapshots feature: the page, its state (`store`), the server sections
//! and rows, and the dialogs.

mod actions;
mod batch;
mod bulk_delete;
mod dialogs;
mod page;
mod pending_deletes;
mod selection;
mod server_section;
mod snapshot_row;
mod store;

pub use page::SnapshotsPage;
