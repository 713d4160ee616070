//! The activity feature: every write this tab sent (create, restore, delete),
//! kept for the session, with "Copy as cURL" and a JSON export; and what it
//! sent for one server, for that server's page.

mod log;
mod page;
mod server;
mod table;

pub use log::provide_activity;
pub use page::ActivityPage;
pub use server::ServerActivity;
