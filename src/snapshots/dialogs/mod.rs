//! The dialogs of the snapshots page: the host that shows the one asked for
//! (`dialog_request.rs` says which), and one file per dialog.

mod create;
mod create_many;
mod create_shared;
mod delete;
mod delete_many;
mod fields;
mod hidden_names;
mod host;
mod locked;
mod make_room;
mod restore;
mod shortcuts;

pub use host::DialogHost;
