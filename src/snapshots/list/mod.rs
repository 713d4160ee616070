//! The list page: the toolbar, the list of server sections (windowed) and
//! their rows, and the page's tools (readiness summary, export, shortcuts).

mod body;
mod export;
mod list_window;
mod make_room;
mod page;
mod section_observer;
mod server_filter;
mod server_section;
mod shortcuts;
mod snapshot_row;
mod sort_menus;
mod toolbar;

pub use page::SnapshotsPage;
