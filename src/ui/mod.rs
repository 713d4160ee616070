//! Reusable view pieces that know no feature: the modal dialog frame, the
//! toast region, the status badge and the signed-in pages' top bar.

pub mod combobox;
pub mod modal;
pub mod status_badge;
pub mod toast_region;
pub mod top_bar;
