//! The app's pages, one per file.

pub mod sign_in;
pub mod snapshots;
