//! The dialogs of the snapshots page: what is open (`request`), the host that
//! shows it, and one file per dialog.

mod create;
mod create_many;
mod delete;
mod delete_many;
mod fields;
mod hidden_names;
mod host;
mod locked;
mod make_room;
mod request;
mod restore;
mod shortcuts;

pub use host::DialogHost;
pub use request::{provide_dialogs, use_dialogs, DialogRequest, Dialogs};
