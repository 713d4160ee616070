//! An API failure in words for the user.

use super::msg::{Key, Msg};
use crate::api::ApiError;

impl ApiError {
    /// The failure in words for the user (a catalogue message). The API's own
    /// words (`detail`, field messages) are kept verbatim inside it.
    pub fn describe(&self) -> Msg {
        match self {
            Self::Unauthorized => Msg::from(Key::ErrorUnauthorized),
            Self::Forbidden { message } => with_detail(Msg::from(Key::ErrorForbidden), message),
            Self::NotFound { message } => with_detail(Msg::from(Key::ErrorNotFound), message),
            Self::Rejected { message, fields } => {
                let mut parts: Vec<String> = message.iter().cloned().collect();
                parts.extend(fields.iter().map(|e| format!("{}: {}", e.field, e.message)));
                if parts.is_empty() {
                    Msg::from(Key::ErrorRejected)
                } else {
                    Msg::raw(parts.join(" "))
                }
            }
            Self::RateLimited { .. } => Msg::from(Key::ErrorRateLimited),
            Self::Server {
                status, message, ..
            } => with_detail(Msg::error_server(status.to_string()), message),
            Self::Network => Msg::from(Key::ErrorNetwork),
            Self::Timeout => Msg::from(Key::ErrorTimeout),
            Self::Undecodable { .. } => Msg::from(Key::ErrorUndecodable),
            Self::ServerRestoring => Msg::from(Key::ErrorServerRestoring),
            Self::NextPageRefused { next } => Msg::error_next_page_refused(next),
        }
    }
}

fn with_detail(generic: Msg, detail: &Option<String>) -> Msg {
    match detail {
        Some(detail) => Msg::error_with_detail(generic, detail),
        None => generic,
    }
}
