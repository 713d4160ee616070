//! Reusable view pieces that know no feature: the modal dialog frame, the
//! toast region and the status badge.

pub mod modal;
pub mod status_badge;
pub mod toast_region;
