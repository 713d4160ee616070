//! Reusable pieces of the UI, one per file.

pub mod create_dialog;
pub mod delete_dialog;
pub mod dialogs;
pub mod modal;
pub mod restore_dialog;
pub mod server_group;
pub mod snapshot_row;
pub mod status_badge;
pub mod toasts;
