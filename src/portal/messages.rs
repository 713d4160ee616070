//! The messages between the console and the portal page that frames it
//! (README "Embedding in a portal"), as JSON values: built and read here,
//! where they are tested natively; posting and listening are
//! [`super::outbox`] and [`super::inbox`]. No message out ever holds the token.

use crate::api::writes::{WriteKind, WriteRecord, WriteStage};
use crate::config::Theme;
use crate::domain::time::iso_utc;
use crate::session::EndReason;
use crate::url_state::encode_value;

/// The `type` of a token hand-over message:
/// `{"type": "vps-snapshots:token", "token": "…"}`.
pub const TOKEN: &str = "vps-snapshots:token";
const THEME: &str = "vps-snapshots:theme";
const NAVIGATE: &str = "vps-snapshots:navigate";

/// One field of a message, as JavaScript has it. (Not `serde_json::Value`:
/// its serializer cost the wasm more than this whole feature may.)
#[derive(Clone, Debug, PartialEq)]
pub enum Field {
    Text(String),
    Number(f64),
    /// `null`, or missing.
    Null,
    /// An object, array or boolean: present, but not read as a value.
    Other,
}

impl From<Option<String>> for Field {
    fn from(text: Option<String>) -> Self {
        text.map_or(Self::Null, Self::Text)
    }
}

impl From<Option<u64>> for Field {
    fn from(number: Option<u64>) -> Self {
        number.map_or(Self::Null, |n| Self::Number(n as f64))
    }
}

impl From<&str> for Field {
    fn from(text: &str) -> Self {
        Self::Text(text.to_string())
    }
}

/// A message out: its fields, `type` first.
pub type Message = Vec<(&'static str, Field)>;

/// The console has started and listens: `{"type": "vps-snapshots:ready"}`.
pub fn ready() -> Message {
    vec![("type", "vps-snapshots:ready".into())]
}

/// The session ended: `reason` is `button`, `expired` (the API refused the
/// token), `idle` or `new_token` (the portal handed over another).
pub fn signed_out(reason: EndReason) -> Message {
    vec![
        ("type", "vps-snapshots:signed-out".into()),
        ("reason", reason.name().into()),
    ]
}

/// The document's height in CSS pixels, for the portal to size its frame.
pub fn height(pixels: u32) -> Message {
    vec![
        ("type", "vps-snapshots:height".into()),
        ("height", Field::Number(f64::from(pixels))),
    ]
}

/// A write as it is sent (`outcome: "sent"`) and as it ends (`succeeded`,
/// `failed` with the API's status, or `unknown` when no answer came): what
/// and on which server, never the token, the address or the body.
pub fn activity(stage: WriteStage, write: &WriteRecord) -> Message {
    let (outcome, at_ms) = match (stage, write.status) {
        (WriteStage::Sent, _) => ("sent", write.sent_at_ms),
        (WriteStage::Ended, Some(200..=299)) => ("succeeded", write.sent_at_ms + write.duration_ms),
        (WriteStage::Ended, Some(_)) => ("failed", write.sent_at_ms + write.duration_ms),
        (WriteStage::Ended, None) => ("unknown", write.sent_at_ms + write.duration_ms),
    };
    let action = match write.kind {
        WriteKind::Create => "create",
        WriteKind::Restore => "restore",
        WriteKind::Delete => "delete",
    };
    vec![
        ("type", "vps-snapshots:activity".into()),
        ("action", action.into()),
        ("server_id", write.server_id.into()),
        ("server_name", write.server_name.clone().into()),
        ("snapshot_id", write.snapshot_id.into()),
        ("snapshot_name", write.snapshot_name.clone().into()),
        ("outcome", outcome.into()),
        ("status", write.status.map(u64::from).into()),
        ("at", Field::Text(iso_utc(at_ms.div_euclid(1000)))),
    ]
}

/// What a portal's message (other than the token) asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inbound {
    /// `{"type": "vps-snapshots:theme", "theme": "dark"}` (or `light`, `auto`).
    Theme(Theme),
    /// `{"type": "vps-snapshots:navigate", …}`: the console's address to
    /// open, from its folder (`/servers/12`, `/?server=12&q=web`).
    Navigate(String),
}

/// Reads a portal's message through `get`, which gives the field at a
/// path of names (`["filter", "server_id"]`); `None` for anything that is
/// not a well-formed theme or navigate message (it is ignored).
pub fn inbound(get: impl Fn(&[&str]) -> Field) -> Option<Inbound> {
    let text = |path: &[&str]| match get(path) {
        Field::Text(text) => Some(text),
        _ => None,
    };
    match text(&["type"])?.as_str() {
        THEME => Theme::from_name(&text(&["theme"])?).map(Inbound::Theme),
        NAVIGATE => navigate_target(&get).map(Inbound::Navigate),
        _ => None,
    }
}

/// An id: a whole number from 0 to 2^53.
fn id(field: Field) -> Option<u64> {
    match field {
        Field::Number(n) if n.fract() == 0.0 && (0.0..=9_007_199_254_740_992.0).contains(&n) => {
            Some(n as u64)
        }
        _ => None,
    }
}

/// Where a navigate message goes: `server_id` opens that server's page;
/// `filter` opens the list, with `filter.server_id` (one server) and
/// `filter.search` (the search box) if given, `{}` being the whole list.
fn navigate_target(get: &impl Fn(&[&str]) -> Field) -> Option<String> {
    match get(&["server_id"]) {
        Field::Null => {}
        server => return Some(format!("/servers/{}", id(server)?)),
    }
    if get(&["filter"]) != Field::Other {
        return None;
    }
    let mut query = Vec::new();
    match get(&["filter", "server_id"]) {
        Field::Null => {}
        server => query.push(format!("server={}", id(server)?)),
    }
    match get(&["filter", "search"]) {
        Field::Null => {}
        Field::Text(search) => query.push(format!("q={}", encode_value(&search))),
        _ => return None,
    }
    Some(match query.is_empty() {
        true => "/".to_string(),
        false => format!("/?{}", query.join("&")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    /// A message out as the JSON the portal receives.
    fn as_json(message: Message) -> Value {
        let mut object = serde_json::Map::new();
        for (name, field) in message {
            let value = match field {
                Field::Text(text) => json!(text),
                Field::Number(n) => json!(n as u64),
                Field::Null => Value::Null,
                Field::Other => unreachable!("not sent"),
            };
            object.insert(name.to_string(), value);
        }
        Value::Object(object)
    }

    /// Reads `data` as the browser side does (objects are `Other`).
    fn read(data: &Value) -> Option<Inbound> {
        inbound(|path| {
            let value = path.iter().try_fold(data, |value, name| value.get(name));
            match value {
                None | Some(Value::Null) => Field::Null,
                Some(Value::String(text)) => Field::Text(text.clone()),
                Some(Value::Number(n)) => Field::Number(n.as_f64().unwrap_or(f64::NAN)),
                Some(_) => Field::Other,
            }
        })
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
        assert_eq!(as_json(ready()), json!({"type": "vps-snapshots:ready"}));
        assert_eq!(
            as_json(signed_out(EndReason::Idle)),
            json!({"type": "vps-snapshots:signed-out", "reason": "idle"})
        );
        assert_eq!(
            as_json(height(812)),
            json!({"type": "vps-snapshots:height", "height": 812})
        );
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
            json!({"type": NAVIGATE, "server_id": "../../evil"}),
            json!({"type": NAVIGATE, "filter": {"server_id": 1.5}}),
            json!({"type": NAVIGATE, "filter": {"search": 5}}),
            json!({"type": NAVIGATE, "filter": "server=12"}),
        ] {
            assert_eq!(to(bad.clone()), None, "{bad}");
        }
    }
}
