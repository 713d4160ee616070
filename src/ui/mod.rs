//! Reusable view pieces that know no feature: the modal dialog frame, the
//! toast region, the status badge, the signed-in pages' top bar and the skip
//! link.

pub mod combobox;
pub mod modal;
pub mod skip_link;
pub mod status_badge;
pub mod toast_region;
pub mod top_bar;
