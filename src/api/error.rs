//! Turning HTTP answers into values: the one place that knows status codes and
//! the shapes of the API's error bodies. The API knows no messages: the
//! words for an `ApiError` are in `i18n/errors.rs`.

use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use std::collections::BTreeMap;

/// A failed API call, in terms the UI can put into words.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// 401: the token is missing, wrong, revoked or expired.
    Unauthorized,
    /// 403: the token may not use this endpoint.
    Forbidden { message: Option<String> },
    /// 404: the snapshot or server does not exist (any more).
    NotFound { message: Option<String> },
    /// 400: the API refused the request; `fields` holds per-field messages.
    Rejected {
        message: Option<String>,
        fields: Vec<FieldError>,
    },
    /// 429: too many requests; `retry_after_ms` when the API said how long to wait.
    RateLimited { retry_after_ms: Option<u64> },
    /// 5xx, or any other status the contract does not name.
    Server {
        status: u16,
        message: Option<String>,
        retry_after_ms: Option<u64>,
    },
    /// The request never got an answer (offline, DNS, connection dropped, CORS).
    Network,
    /// No answer within the time limit; the request was abandoned.
    Timeout,
    /// An answer came, but not the JSON the contract promises.
    Undecodable { detail: String },
    /// Not sent: the console sends no create, restore or delete for a server
    /// being restored (`domain::locks`).
    ServerRestoring,
    /// A list's `next` link leads elsewhere than the API's own list, so the
    /// list stopped there (the token goes nowhere else); `next` as written.
    NextPageRefused { next: String },
}

/// A message the API attached to one request field, e.g. `name`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl ApiError {
    /// Whether repeating the same request later may succeed. Only reads are
    /// ever repeated automatically.
    pub fn is_transient(&self) -> bool {
        match self {
            Self::Network | Self::Timeout | Self::RateLimited { .. } => true,
            Self::Server { status, .. } => *status >= 500,
            _ => false,
        }
    }

    /// How long the API asked us to wait before trying again, if it did.
    pub fn retry_after_ms(&self) -> Option<u64> {
        match self {
            Self::RateLimited { retry_after_ms } | Self::Server { retry_after_ms, .. } => {
                *retry_after_ms
            }
            _ => None,
        }
    }

    /// The API's message for one field, if it sent one.
    pub fn field_message(&self, field: &str) -> Option<&str> {
        match self {
            Self::Rejected { fields, .. } => fields
                .iter()
                .find(|f| f.field == field)
                .map(|f| f.message.as_str()),
            _ => None,
        }
    }
}

/// Everything the app keeps of an HTTP answer: enough to decode it or to
/// explain why it failed.
#[derive(Clone, Debug, PartialEq)]
pub struct Reply {
    pub status: u16,
    /// The raw `Retry-After` header, if any.
    pub retry_after: Option<String>,
    pub body: String,
}

impl Reply {
    /// Decodes a 2xx JSON body into `T`, or explains the failure.
    pub fn json<T: DeserializeOwned>(self, now_unix_ms: i64) -> Result<T, ApiError> {
        if !(200..300).contains(&self.status) {
            return Err(self.into_error(now_unix_ms));
        }
        // serde_json's message names the line and column, for developers.
        serde_json::from_str(&self.body).map_err(|e| ApiError::Undecodable {
            detail: e.to_string(),
        })
    }

    /// Accepts any 2xx answer and ignores its body (e.g. 204 after a delete).
    pub fn empty(self, now_unix_ms: i64) -> Result<(), ApiError> {
        if (200..300).contains(&self.status) {
            Ok(())
        } else {
            Err(self.into_error(now_unix_ms))
        }
    }

    /// Classifies a non-2xx answer, keeping the API's own words when it sent
    /// any in a JSON body (never raw HTML).
    pub fn into_error(self, now_unix_ms: i64) -> ApiError {
        let (message, fields) = parse_error_body(&self.body);
        let retry_after_ms = self
            .retry_after
            .as_deref()
            .and_then(|raw| crate::domain::retry::parse_retry_after_ms(raw, now_unix_ms));
        match self.status {
            400 => ApiError::Rejected { message, fields },
            401 => ApiError::Unauthorized,
            403 => ApiError::Forbidden { message },
            404 => ApiError::NotFound { message },
            429 => ApiError::RateLimited { retry_after_ms },
            status => ApiError::Server {
                status,
                message,
                retry_after_ms,
            },
        }
    }
}

/// The API's own words in a body (`detail`, `message` or `error`), if any:
/// what an activity record keeps of an answer.
pub fn api_words(body: &str) -> Option<String> {
    parse_error_body(body).0
}

/// Reads `{"detail": "..."}`, `{"message": "..."}` and field errors such as
/// `{"name": ["..."]}` out of an error body. Anything else yields nothing.
fn parse_error_body(body: &str) -> (Option<String>, Vec<FieldError>) {
    // A sorted map, so that the message chosen among several does not depend
    // on the order the server wrote them in. Raw values: each entry is read
    // on its own, and one of another shape is skipped, not fatal.
    let Ok(members) = serde_json::from_str::<BTreeMap<String, Box<RawValue>>>(body) else {
        return (None, Vec::new());
    };
    let mut message = None;
    let mut field_errors = Vec::new();
    for (key, value) in members {
        let Some(text) = error_text(&value) else {
            continue;
        };
        if text.trim().is_empty() {
            continue;
        }
        match key.as_str() {
            "detail" | "message" | "error" => message = Some(text),
            "non_field_errors" => message = Some(text),
            _ => field_errors.push(FieldError {
                field: key,
                message: text,
            }),
        }
    }
    (message, field_errors)
}

/// The words of one error entry: a string, or the strings of a list joined
/// (`["Too long.", "Invalid."]`). Anything else has none.
fn error_text(value: &RawValue) -> Option<String> {
    if let Ok(text) = serde_json::from_str::<String>(value.get()) {
        return Some(text);
    }
    let items = serde_json::from_str::<Vec<Box<RawValue>>>(value.get()).ok()?;
    let texts: Vec<String> = items
        .iter()
        .filter_map(|item| serde_json::from_str::<String>(item.get()).ok())
        .collect();
    Some(texts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::types::{Page, RestoreStarted};
    use crate::domain::model::{Server, ServerStatus, Snapshot, SnapshotStatus};

    fn english(error: &ApiError) -> String {
        crate::i18n::render(crate::i18n::Lang::En, &error.describe())
    }

    fn reply(status: u16, body: &str) -> Reply {
        Reply {
            status,
            retry_after: None,
            body: body.to_string(),
        }
    }

    // The example bodies from the provider's published page.
    const SEED_LIST: &str = r#"{"count": 2, "results": [
      {"id": 801, "server": {"id": 12345, "name": "web-server-01"}, "name": "pre-migration-snapshot",
       "status": "completed", "size_mb": 5120, "created_at": "2025-01-15T18:30:00Z", "description": "Before major migration"},
      {"id": 798, "server": {"id": 12345, "name": "web-server-01"}, "name": "weekly-snapshot-2025-01-08",
       "status": "completed", "size_mb": 4856, "created_at": "2025-01-08T12:00:00Z", "description": "Weekly snapshot"}]}"#;
    const SEED_CREATE: &str = r#"{"id": 802, "server": {"id": 12345, "name": "web-server-01"},
      "name": "before-update-snapshot", "status": "in_progress", "size_mb": null,
      "created_at": "2025-01-16T16:15:00Z", "description": "Snapshot before system update",
      "message": "Snapshot is being created. This may take 3-10 minutes depending on server size."}"#;
    const SEED_RESTORE: &str = r#"{"status": "success",
      "message": "Server is being restored from snapshot. This may take 5-15 minutes.",
      "snapshot": {"id": 801, "name": "pre-migration-snapshot", "created_at": "2025-01-15T18:30:00Z"},
      "server": {"id": 12345, "name": "web-server-01", "status": "restoring"}}"#;

    #[test]
    fn decodes_the_seed_list_example() {
        let page: Page<Snapshot> = reply(200, SEED_LIST).json(0).unwrap();
        assert_eq!(page.results.len(), 2);
        assert_eq!(page.next, None);
        let first = &page.results[0];
        assert_eq!(first.id, 801);
        assert_eq!(&*first.server.name, "web-server-01");
        assert_eq!(first.status, SnapshotStatus::Completed);
        assert_eq!(first.size_mb, Some(5120));
        assert_eq!(&*first.description, "Before major migration");
    }

    #[test]
    fn decodes_the_seed_create_example() {
        // Its `message` is an extra field, ignored like any other.
        let created: Snapshot = reply(201, SEED_CREATE).json(0).unwrap();
        assert_eq!(created.id, 802);
        assert_eq!(created.status, SnapshotStatus::InProgress);
        assert_eq!(created.size_mb, None);
    }

    #[test]
    fn decodes_the_seed_restore_example() {
        let started: RestoreStarted = reply(200, SEED_RESTORE).json(0).unwrap();
        let server = started.server.unwrap();
        assert_eq!((server.id, server.status.as_str()), (12345, "restoring"));
    }

    #[test]
    fn tolerates_unknown_status_extra_fields_and_missing_description() {
        let body = r#"{"results": [{"id": 1, "server": {"id": 2, "name": "a", "extra": true},
            "name": "n", "status": "failed", "size_mb": null, "created_at": "2025-01-01T00:00:00Z",
            "shiny_new_field": [1, 2]}], "next": "https://admin.vps.org/api/v1/snapshots/?page=2"}"#;
        let page: Page<Snapshot> = reply(200, body).json(0).unwrap();
        assert_eq!(
            page.results[0].status,
            SnapshotStatus::Other("failed".into())
        );
        assert_eq!(&*page.results[0].description, "");
        assert_eq!(
            page.next.as_deref(),
            Some("https://admin.vps.org/api/v1/snapshots/?page=2")
        );
    }

    #[test]
    fn a_negative_size_reads_as_unknown() {
        let body = r#"{"id": 1, "server": {"id": 2, "name": "a"}, "name": "n", "status": "completed",
            "size_mb": -5, "created_at": "2025-01-01T00:00:00Z"}"#;
        let snapshot: Snapshot = reply(200, body).json(0).unwrap();
        assert_eq!(snapshot.size_mb, None);
    }

    #[test]
    fn null_description_reads_as_empty() {
        let body = r#"{"id": 1, "server": {"id": 2, "name": "a"}, "name": "n", "status": "completed",
            "size_mb": 1, "created_at": "2025-01-01T00:00:00Z", "description": null}"#;
        let snapshot: Snapshot = reply(200, body).json(0).unwrap();
        assert_eq!(&*snapshot.description, "");
    }

    #[test]
    fn wrong_types_and_truncated_bodies_are_undecodable() {
        for body in [
            r#"{"count": 3, "results": [{"id": 1,"#,
            r#"{"results": [{"id": "801"}]}"#,
            "<html><body>Bad gateway</body></html>",
            "",
        ] {
            let result: Result<Page<Snapshot>, _> = reply(200, body).json(0);
            assert!(
                matches!(result, Err(ApiError::Undecodable { .. })),
                "{body}"
            );
        }
    }

    #[test]
    fn classifies_statuses() {
        assert_eq!(reply(401, "").into_error(0), ApiError::Unauthorized);
        assert_eq!(
            reply(404, r#"{"detail": "Snapshot not found."}"#).into_error(0),
            ApiError::NotFound {
                message: Some("Snapshot not found.".into())
            }
        );
        assert_eq!(
            reply(403, "").into_error(0),
            ApiError::Forbidden { message: None }
        );
        assert!(matches!(
            reply(502, "").into_error(0),
            ApiError::Server { status: 502, .. }
        ));
    }

    #[test]
    fn keeps_detail_and_field_messages_of_a_400() {
        let error = reply(
            400,
            r#"{"name": ["Bad name."], "detail": "Invalid.", "server_id": "Required."}"#,
        )
        .into_error(0);
        assert_eq!(error.field_message("name"), Some("Bad name."));
        assert_eq!(error.field_message("server_id"), Some("Required."));
        assert_eq!(
            english(&error),
            "Invalid. name: Bad name. server_id: Required."
        );
    }

    #[test]
    fn describes_errors_in_words_keeping_the_apis_own_verbatim() {
        use crate::i18n::{render, Lang};
        let error = reply(403, r#"{"detail": "Read-only token."}"#).into_error(0);
        assert_eq!(
            english(&error),
            "This token is not allowed to do that. The API said: “Read-only token.”"
        );
        assert_eq!(
            render(Lang::Es, &error.describe()),
            "Este token no tiene permiso para hacer eso. La API dijo: «Read-only token.»"
        );
        assert_eq!(
            english(&ApiError::Unauthorized),
            "The API rejected the token (it may have been revoked or expired)."
        );
        assert_eq!(
            english(&ApiError::Network),
            "Could not reach the API. Check your connection and try again."
        );
        let limit = reply(
            400,
            r#"{"detail": "Snapshot limit reached for this server."}"#,
        )
        .into_error(0);
        for lang in Lang::ALL {
            assert_eq!(
                render(lang, &limit.describe()),
                "Snapshot limit reached for this server."
            );
        }
        assert_eq!(
            english(&reply(400, "").into_error(0)),
            "The API refused the request."
        );
    }

    #[test]
    fn never_shows_an_html_error_page() {
        let error = reply(
            500,
            "<html><body><h1>Internal Server Error</h1></body></html>",
        )
        .into_error(0);
        assert_eq!(
            error,
            ApiError::Server {
                status: 500,
                message: None,
                retry_after_ms: None
            }
        );
        assert_eq!(
            english(&error),
            "The API had a problem (HTTP 500). Try again in a moment."
        );
    }

    #[test]
    fn reads_retry_after_on_429() {
        let error = Reply {
            status: 429,
            retry_after: Some("2".into()),
            body: String::new(),
        }
        .into_error(0);
        assert_eq!(
            error,
            ApiError::RateLimited {
                retry_after_ms: Some(2000)
            }
        );
        assert!(error.is_transient());
    }

    #[test]
    fn only_network_timeouts_429_and_5xx_are_transient() {
        assert!(ApiError::Network.is_transient());
        assert!(ApiError::Timeout.is_transient());
        assert!(reply(503, "").into_error(0).is_transient());
        assert!(!reply(400, "").into_error(0).is_transient());
        assert!(!reply(404, "").into_error(0).is_transient());
        assert!(!ApiError::Unauthorized.is_transient());
    }

    #[test]
    fn says_where_the_body_went_wrong() {
        let result: Result<Page<Snapshot>, _> =
            reply(200, "{\n  \"results\": [],\n  \"next\" 2\n}").json(0);
        let Err(ApiError::Undecodable { detail }) = result else {
            panic!("{result:?}");
        };
        assert!(detail.contains("line 3 column"), "{detail}");
    }

    #[test]
    fn deep_nesting_is_refused_without_overflowing() {
        let deep = "[".repeat(100_000);
        let result: Result<Page<Snapshot>, _> = reply(200, &deep).json(0);
        assert!(matches!(result, Err(ApiError::Undecodable { .. })));
        let in_a_row = format!(r#"{{"results": [{deep}"#);
        let result: Result<Page<Snapshot>, _> = reply(200, &in_a_row).json(0);
        assert!(matches!(result, Err(ApiError::Undecodable { .. })));
        let in_an_error = format!(r#"{{"detail": "x", "name": {deep}"#);
        assert_eq!(
            reply(400, &in_an_error).into_error(0),
            ApiError::Rejected {
                message: None,
                fields: Vec::new()
            }
        );
    }

    #[test]
    fn sizes_and_ids_are_whole_numbers() {
        let snapshot = |id: &str, size: &str| {
            let body = format!(
                r#"{{"id": {id}, "server": {{"id": 2, "name": "a"}}, "name": "n", "status": "completed",
                "size_mb": {size}, "created_at": "2025-01-01T00:00:00Z"}}"#
            );
            let decoded: Result<Snapshot, _> = reply(200, &body).json(0);
            decoded
        };
        assert_eq!(snapshot("1", "5120").unwrap().size_mb, Some(5120));
        assert_eq!(snapshot("1", "0").unwrap().size_mb, Some(0));
        assert!(snapshot("1", "1.5").is_err());
        assert!(snapshot("1", "\"7\"").is_err());
        assert!(snapshot("-1", "1").is_err());
        assert!(snapshot("1.0", "1").is_err());
    }

    #[test]
    fn reads_servers_leniently_but_needs_id_and_name() {
        let server: Server = reply(200, r#"{"id": 7, "name": "db", "status": null, "ip": "x"}"#)
            .json(0)
            .unwrap();
        assert_eq!(
            server,
            Server {
                id: 7,
                name: "db".into(),
                status: ServerStatus::Unknown,
                details: Default::default(),
            }
        );
        for (raw, status) in [
            ("active", ServerStatus::Active),
            ("restoring", ServerStatus::Restoring),
            ("suspended", ServerStatus::Other("suspended".into())),
        ] {
            let body = format!(r#"{{"id": 7, "name": "db", "status": "{raw}"}}"#);
            let server: Server = reply(200, &body).json(0).unwrap();
            assert_eq!(server.status, status);
        }
        for body in [r#"{"id": 7}"#, r#"{"name": "db"}"#] {
            let decoded: Result<Server, _> = reply(200, body).json(0);
            assert!(decoded.is_err(), "{body}");
        }
    }

    #[test]
    fn a_restore_answer_may_leave_everything_out() {
        let started: RestoreStarted = reply(200, r#"{"message": null}"#).json(0).unwrap();
        assert_eq!(started, RestoreStarted { server: None });
    }

    #[test]
    fn the_message_is_chosen_by_key_not_by_order() {
        // Sorted keys: detail < error < message < non_field_errors; the last wins.
        for body in [
            r#"{"detail": "D", "message": "M", "error": "E"}"#,
            r#"{"error": "E", "message": "M", "detail": "D"}"#,
        ] {
            assert_eq!(
                reply(404, body).into_error(0),
                ApiError::NotFound {
                    message: Some("M".into())
                },
                "{body}"
            );
        }
        let error = reply(
            400,
            r#"{"non_field_errors": ["A snapshot with this name exists.", "Pick another."], "detail": "D"}"#,
        )
        .into_error(0);
        assert_eq!(
            error,
            ApiError::Rejected {
                message: Some("A snapshot with this name exists. Pick another.".into()),
                fields: Vec::new()
            }
        );
    }

    #[test]
    fn blank_odd_and_non_object_error_bodies_yield_nothing() {
        let error = reply(
            400,
            r#"{"detail": "  ", "name": [], "count": 3, "nested": {"a": "b"}, "flag": true,
                "description": ["Too long.", 5, ["x"], "Invalid."]}"#,
        )
        .into_error(0);
        assert_eq!(
            error,
            ApiError::Rejected {
                message: None,
                fields: vec![FieldError {
                    field: "description".into(),
                    message: "Too long. Invalid.".into()
                }]
            }
        );
        for body in [r#"["Bad."]"#, r#""Bad.""#, "null", "{"] {
            assert_eq!(
                reply(403, body).into_error(0),
                ApiError::Forbidden { message: None },
                "{body}"
            );
        }
    }

    mod fuzz {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// Whatever the API sends, decoding yields a value or an `ApiError`, never a panic.
            #[test]
            fn any_answer_becomes_a_value_or_an_error(status in 100u16..600, body in any::<Vec<u8>>(), retry in proptest::option::of(".{0,40}")) {
                let reply = Reply { status, retry_after: retry, body: String::from_utf8_lossy(&body).into_owned() };
                let decoded: Result<Page<Snapshot>, ApiError> = reply.clone().json(0);
                if !(200..300).contains(&status) {
                    prop_assert!(decoded.is_err());
                }
                let _: Result<Snapshot, _> = reply.clone().json(0);
                let _: Result<RestoreStarted, _> = reply.clone().json(0);
                let _: Result<Server, _> = reply.clone().json(0);
                let _ = english(&reply.into_error(0));
            }

            /// Text close to JSON (the characters JSON is made of) reaches
            /// deeper into the decoder than random bytes; still no panic, and
            /// an error body of any shape yields at most words, never a panic.
            #[test]
            fn json_like_text_never_panics(status in prop_oneof![Just(200u16), Just(400), Just(404), Just(500)], body in "[ \\[\\]{}:,\"\\\\a-z0-9.eE+-]{0,40}") {
                let reply = reply(status, &body);
                let _: Result<Page<Snapshot>, _> = reply.clone().json(0);
                let _: Result<Snapshot, _> = reply.clone().json(0);
                let _ = english(&reply.into_error(0));
            }

            /// One character of the seed list changed anywhere: a value, a
            /// row counted as unreadable, or an `ApiError`, never a panic.
            #[test]
            fn a_damaged_seed_list_never_panics(at in 0usize..SEED_LIST.len(), with in "[ \\[\\]{}:,\"\\\\a0-9.-]") {
                let mut body = SEED_LIST.to_string();
                body.replace_range(at..at + 1, &with);
                let _: Result<Page<Snapshot>, _> = reply(200, &body).json(0);
                let _ = reply(400, &body).into_error(0);
            }

            /// A body cut short anywhere is reported as undecodable.
            #[test]
            fn truncated_bodies_are_undecodable(cut in 0usize..SEED_LIST.len() - 1) {
                let body = &SEED_LIST[..cut];
                let decoded: Result<Page<Snapshot>, ApiError> = reply(200, body).json(0);
                prop_assert!(matches!(decoded, Err(ApiError::Undecodable { .. })), "{:?}", decoded);
            }

            /// JSON of the right shape but wrong types never panics either.
            #[test]
            fn mistyped_fields_are_errors(id in prop_oneof![Just("\"801\"".to_string()), Just("null".to_string()), Just("-1".to_string()), Just("1.5".to_string()), Just("[]".to_string())]) {
                let body = format!(r#"{{"results": [{{"id": {id}, "server": {{"id": 1, "name": "a"}}, "name": "n", "status": "completed", "size_mb": 1, "created_at": "x"}}]}}"#);
                let decoded: Result<Page<Snapshot>, ApiError> = reply(200, &body).json(0);
                prop_assert!(matches!(decoded, Err(ApiError::Undecodable { .. })), "{:?}", decoded);
            }
        }
    }
}
