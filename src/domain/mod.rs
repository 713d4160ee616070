//! Pure logic with no browser or network in it, unit-tested natively.

pub mod batch;
pub mod curl;
pub mod export;
pub mod format;
pub mod grouping;
pub mod hidden;
pub mod idle;
pub mod list_view;
pub mod listbox;
pub mod locks;
pub mod merge;
pub mod model;
pub mod polling;
pub mod progressive;
pub mod readiness;
pub mod retry;
pub mod selection;
pub mod server_search;
pub mod shortcuts;
pub mod text;
pub mod time;
pub mod validation;
pub mod window;
