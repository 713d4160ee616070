//! The dialogs of the snapshots page: the host that shows the one asked for
//! (`dialog_request.rs` says which), one file per dialog (a folder for the
//! two create dialogs, whose parts import only each other and the shared
//! files here), and what several dialogs share: `fields.rs`,
//! `hidden_names.rs`, `locked.rs`, `make_room.rs`, `create_shared.rs`,
//! `snapshot_action.rs`.

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
mod snapshot_action;

pub use host::DialogHost;
