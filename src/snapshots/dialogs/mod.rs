//! The dialogs of the snapshots page: what is open (`request`), the host that
//! shows it, and one file per dialog.

mod create;
mod delete;
mod host;
mod request;
mod restore;
mod shortcuts;

pub use host::DialogHost;
pub use request::{provide_dialogs, use_dialogs, DialogRequest, Dialogs};
