//! What both create dialogs share: what a create that led to no snapshot is
//! told. Its own file so that neither dialog imports from the other.

use crate::api::ApiError;
use crate::i18n::{Key, Msg};
use crate::snapshots::actions::CreateFailure;

/// What the user is told when a create led to no snapshot.
pub fn failure_text(failure: &CreateFailure) -> Msg {
    match failure {
        CreateFailure::Refused(ApiError::NotFound { .. }) => Msg::from(Key::CreateServerGone),
        CreateFailure::Refused(error @ ApiError::Rejected { message: None, .. }) => {
            Msg::create_refused_plain(error.describe())
        }
        CreateFailure::Refused(error) => Msg::create_refused(error.describe()),
        CreateFailure::NotCreated(error) => Msg::create_not_created(error.describe()),
        CreateFailure::Unknown(error) => Msg::create_unknown(error.describe()),
    }
}
