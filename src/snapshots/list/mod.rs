//! The list page: the toolbar, the list of server sections (windowed) and
//! their rows, and the page's tools (readiness summary, export, shortcuts);
//! where the user was in it (`place.rs`), for Back; and what a server's page
//! takes from it (its state, a section, the load's states).

mod body;
mod export;
mod heights;
mod list_window;
mod make_room;
mod page;
mod place;
mod section_observer;
mod server_filter;
mod server_section;
mod shortcuts;
mod snapshot_row;
mod sort_menus;
mod toolbar;

pub use body::{LoadFailed, OfflineBanner, StaleNotice};
pub use page::{provide_page_state, SnapshotsPage};
pub use place::{provide_list_place, use_list_place};
pub use server_section::ServerGroupView;
