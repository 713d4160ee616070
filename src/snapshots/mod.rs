//! The snapshots feature, by concern, each giving the others one handle:
//! - `store/`: the snapshot list as signals: loading, changes, polling;
//! - `actions/`: create, restore and delete, sent once, and what is told;
//! - `fleet/`: many at once: selection, waiting deletes, batch of creates;
//! - `readiness/`: each server's freshest rollback point;
//! - `dialog_request.rs`: which dialog is open; `server_picker.rs`: the
//!   servers as the pickers offer them; `dialogs/`: the dialogs;
//! - `list/`: the page itself, its sections and rows;
//! - `server_page/`: one server's page, built from the list's state and
//!   its section (and the activity feature's `ServerActivity`).
//!
//! Arrows point down that list, from `server_page/` (which uses `list/`) to
//! `store/`.

mod actions;
mod dialog_request;
mod dialogs;
mod fleet;
mod list;
mod readiness;
mod server_page;
mod server_picker;
mod store;

pub use list::{provide_list_place, SnapshotsPage};
pub use server_page::ServerPage;
