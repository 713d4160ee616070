//! The activity feature: every write this tab sent (create, restore, delete),
//! kept for the session, with "Copy as cURL" and a JSON export.

mod log;
mod page;

pub use log::provide_activity;
pub use page::ActivityPage;
