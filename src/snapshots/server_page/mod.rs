//! A server's own page (`…/servers/{id}`): what the Servers API tells of it,
//! its section of the list (snapshots, every action, rollback readiness),
//! and what this tab sent for it. Where the Servers API cannot be read, the
//! page works from the snapshot list and says what is missing.

mod details;
mod page;
mod state;

pub use page::ServerPage;
