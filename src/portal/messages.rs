//! The messages between the console and the portal page that frames it
//! (README "Embedding in a portal"), as typed serde data: written and read
//! as JSON here, where they are tested natively; posting and listening are
//! [`super::outbox`] and [`super::inbox`]. No message out ever holds the token.

use crate::api::writes::{WriteRecord, WriteStage};
use crate::config::Theme;
use crate::domain::time::iso_utc;
use crate::session::EndReason;
use crate::url_state::encode_value;
use serde::{Deserialize, Serialize};

const TOKEN: &str = "vps-snapshots:token";
const THEME: &str = "vps-snapshots:theme";
const NAVIGATE: &str = "vps-snapshots:navigate";

/// A message out, its `type` first; `None` fields are sent as `null`.
#[derive(Debug, Serialize)]
#[serde(tag = "type")]
pub enum Message {
    /// The console has started and listens.
    #[serde(rename = "vps-snapshots:ready")]
    Ready,
    /// The session ended: `reason` is `button`, `expired` (the API refused
    /// the token), `idle` or `new_token` (the portal handed over another).
    #[serde(rename = "vps-snapshots:signed-out")]
    SignedOut { reason: &'static str },
    /// The document's height in CSS pixels, for the portal to size its frame.
    #[serde(rename = "vps-snapshots:height")]
    Height { height: u32 },
    /// A write: what and on which server, never the token, address or body.
    #[serde(rename = "vps-snapshots:activity")]
    Activity {
        action: &'static str,
        server_id: Option<u64>,
        server_name: Option<String>,
        snapshot_id: Option<u64>,
        snapshot_name: Option<String>,
        outcome: &'static str,
        status: Option<u16>,
        at: String,
    },
}

/// The session ended, and why.
pub fn signed_out(reason: EndReason) -> Message {
    Message::SignedOut {
        reason: reason.name(),
    }
}

/// A write as it is sent (`outcome: "sent"`) and as it ends (`succeeded`,
/// `failed` with the API's status, or `unknown` when no answer came).
pub fn activity(stage: WriteStage, write: &WriteRecord) -> Message {
    let ended_at_ms = write.sent_at_ms + write.duration_ms;
    let (outcome, at_ms) = match (stage, write.status) {
        (WriteStage::Sent, _) => ("sent", write.sent_at_ms),
        (WriteStage::Ended, Some(200..=299)) => ("succeeded", ended_at_ms),
        (WriteStage::Ended, Some(_)) => ("failed", ended_at_ms),
        (WriteStage::Ended, None) => ("unknown", ended_at_ms),
    };
    Message::Activity {
        action: write.kind.name(),
        server_id: write.server_id,
        server_name: write.server_name.clone(),
        snapshot_id: write.snapshot_id,
        snapshot_name: write.snapshot_name.clone(),
        outcome,
        status: write.status,
        at: iso_utc(at_ms.div_euclid(1000)),
    }
}

/// A portal's message as received: the fields any message in may have
/// (others are ignored). A field of the wrong kind fails the whole message.
#[derive(Deserialize)]
struct Envelope {
    #[serde(rename = "type")]
    kind: String,
    theme: Option<Theme>,
    server_id: Option<u64>,
    filter: Option<Filter>,
    token: Option<String>,
}

/// The `filter` of a navigate message.
#[derive(Deserialize)]
struct Filter {
    server_id: Option<u64>,
    search: Option<String>,
}

/// What a portal's message asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inbound {
    /// `{"type": "vps-snapshots:token", "token": "…"}`: sign in with it.
    Token(String),
    /// `{"type": "vps-snapshots:theme", "theme": "dark"}` (or `light`, `auto`).
    Theme(Theme),
    /// `{"type": "vps-snapshots:navigate", …}`: the console's address to
    /// open, from its folder (`/servers/12`, `/?server=12&q=web`).
    Navigate(String),
}

/// Reads a portal's message, given as JSON text; `None` for anything that
/// is not a well-formed token, theme or navigate message (it is ignored).
pub fn inbound(json: &str) -> Option<Inbound> {
    let message: Envelope = serde_json::from_str(json).ok()?;
    match message.kind.as_str() {
        TOKEN => Some(message.token?.trim().to_string())
            .filter(|token| !token.is_empty())
            .map(Inbound::Token),
        THEME => message.theme.map(Inbound::Theme),
        NAVIGATE => navigate_target(message).map(Inbound::Navigate),
        _ => None,
    }
}

/// An id: a whole number from 0 to 2^53 (what a JavaScript number holds
/// exactly).
fn id(number: u64) -> Option<u64> {
    (number <= 1 << 53).then_some(number)
}

/// Where a navigate message goes: `server_id` opens that server's page;
/// `filter` opens the list, with `filter.server_id` (one server) and
/// `filter.search` (the search box) if given, `{}` being the whole list.
fn navigate_target(message: Envelope) -> Option<String> {
    if let Some(server) = message.server_id {
        return Some(format!("/servers/{}", id(server)?));
    }
    let filter = message.filter?;
    let mut query = Vec::new();
    if let Some(server) = filter.server_id {
        query.push(format!("server={}", id(server)?));
    }
    if let Some(search) = filter.search {
        query.push(format!("q={}", encode_value(&search)));
    }
    Some(match query.is_empty() {
        true => "/".to_string(),
        false => format!("/?{}", query.join("&")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::writes::WriteKind;
    use serde_json::{json, Value};

    /// A message out as the JSON the portal receives.
    fn as_json(message: Message) -> Value {
        serde_json::to_value(message).expect("a message is JSON")
    }

    /// Reads `data` as the browser side does: as its JSON text.
    fn read(data: &Value) -> Option<Inbound> {
        inbound(&data.to_string())
    }

    fn a_delete() -> WriteRecord {
        WriteRecord {
            kind: WriteKind::Delete,
            sent_at_ms: 1_736_965_800_000,
            method: "DELETE".into(),
            url: "/api/v1/snapshots/798/".into(),
            body: Some("secret-looking body".into()),
            status: None,
            api_words: None,
            duration_ms: 0,
            server_id: Some(12345),
            server_name: Some("web-server-01".into()),
            snapshot_id: Some(798),
            snapshot_name: Some("weekly".into()),
            session: 3,
        }
    }

    #[test]
    fn a_write_is_told_when_sent_and_when_it_ends_without_address_or_body() {
        let mut write = a_delete();
        assert_eq!(
            as_json(activity(WriteStage::Sent, &write)),
            json!({
                "type": "vps-snapshots:activity", "action": "delete",
                "server_id": 12345, "server_name": "web-server-01",
                "snapshot_id": 798, "snapshot_name": "weekly",
                "outcome": "sent", "status": null, "at": "2025-01-15T18:30:00Z",
            })
        );
        write.status = Some(204);
        write.duration_ms = 2_500;
        let ended = as_json(activity(WriteStage::Ended, &write));
        assert_eq!(ended["outcome"], "succeeded");
        assert_eq!(ended["at"], "2025-01-15T18:30:02Z");
        write.status = Some(409);
        assert_eq!(
            as_json(activity(WriteStage::Ended, &write))["outcome"],
            "failed"
        );
        write.status = None;
        assert_eq!(
            as_json(activity(WriteStage::Ended, &write))["outcome"],
            "unknown"
        );
        let text = as_json(activity(WriteStage::Ended, &write)).to_string();
        assert!(
            !text.contains("secret") && !text.contains("/api/"),
            "{text}"
        );
    }

    #[test]
    fn the_other_messages_out() {
        assert_eq!(
            as_json(Message::Ready),
            json!({"type": "vps-snapshots:ready"})
        );
        assert_eq!(
            as_json(signed_out(EndReason::Idle)),
            json!({"type": "vps-snapshots:signed-out", "reason": "idle"})
        );
        assert_eq!(
            as_json(Message::Height { height: 812 }),
            json!({"type": "vps-snapshots:height", "height": 812})
        );
    }

    #[test]
    fn reads_token_messages() {
        assert_eq!(
            inbound(r#"{"type": "vps-snapshots:token", "token": " abc ", "extra": [1]}"#),
            Some(Inbound::Token("abc".into()))
        );
        for bad in [
            r#"{"type": "vps-snapshots:token", "token": "  "}"#,
            r#"{"type": "vps-snapshots:token", "token": 5}"#,
            r#"{"type": "vps-snapshots:token"}"#,
            r#"{"type": "other", "token": "abc"}"#,
            r#""vps-snapshots:token""#,
            "not json",
        ] {
            assert_eq!(inbound(bad), None, "{bad}");
        }
    }

    #[test]
    fn reads_theme_messages() {
        let theme = |v: Value| read(&v);
        assert_eq!(
            theme(json!({"type": THEME, "theme": "dark"})),
            Some(Inbound::Theme(Theme::Dark))
        );
        assert_eq!(
            theme(json!({"type": THEME, "theme": "auto"})),
            Some(Inbound::Theme(Theme::Auto))
        );
        assert_eq!(theme(json!({"type": THEME, "theme": "purple"})), None);
        assert_eq!(theme(json!({"type": THEME})), None);
        assert_eq!(theme(json!("vps-snapshots:theme")), None);
        assert_eq!(theme(json!({"type": "other", "theme": "dark"})), None);
    }

    #[test]
    fn reads_navigate_messages() {
        let to = |v: Value| match read(&v) {
            Some(Inbound::Navigate(path)) => Some(path),
            _ => None,
        };
        assert_eq!(
            to(json!({"type": NAVIGATE, "server_id": 12})).as_deref(),
            Some("/servers/12")
        );
        assert_eq!(
            to(json!({"type": NAVIGATE, "filter": {"server_id": 12}})).as_deref(),
            Some("/?server=12")
        );
        assert_eq!(
            to(json!({"type": NAVIGATE, "filter": {"server_id": 12, "search": "web 01&x"}}))
                .as_deref(),
            Some("/?server=12&q=web%2001%26x")
        );
        assert_eq!(
            to(json!({"type": NAVIGATE, "filter": {}})).as_deref(),
            Some("/")
        );
        for bad in [
            json!({"type": NAVIGATE}),
            json!({"type": NAVIGATE, "server_id": "12"}),
            json!({"type": NAVIGATE, "server_id": -1}),
            json!({"type": NAVIGATE, "server_id": 9_007_199_254_740_994_u64}),
            json!({"type": NAVIGATE, "filter": null}),
            json!({"type": NAVIGATE, "server_id": "../../evil"}),
            json!({"type": NAVIGATE, "filter": {"server_id": 1.5}}),
            json!({"type": NAVIGATE, "filter": {"search": 5}}),
            json!({"type": NAVIGATE, "filter": "server=12"}),
        ] {
            assert_eq!(to(bad.clone()), None, "{bad}");
        }
    }
}
