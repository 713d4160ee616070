//! The messages between the console and the portal page that frames it
//! (README "Embedding in a portal"), as JSON values: built and read here,
//! where they are tested natively; posting and listening are
//! [`super::outbox`] and [`super::inbox`]. No message out ever holds the token.

use crate::api::writes::{WriteRecord, WriteStage};
use crate::config::Theme;
use crate::domain::time::iso_utc;
use crate::session::EndReason;
use crate::url_state::encode_value;
use serde_json::{json, Value};

/// The `type` of a token hand-over message:
/// `{"type": "vps-snapshots:token", "token": "…"}`.
pub const TOKEN: &str = "vps-snapshots:token";
const THEME: &str = "vps-snapshots:theme";
const NAVIGATE: &str = "vps-snapshots:navigate";

/// The console has started and listens: `{"type": "vps-snapshots:ready"}`.
pub fn ready() -> Value {
    json!({ "type": "vps-snapshots:ready" })
}

/// The session ended: `reason` is `button`, `expired` (the API refused the
/// token), `idle` or `new_token` (the portal handed over another).
pub fn signed_out(reason: EndReason) -> Value {
    json!({ "type": "vps-snapshots:signed-out", "reason": reason.name() })
}

/// The document's height in CSS pixels, for the portal to size its frame.
pub fn height(pixels: u32) -> Value {
    json!({ "type": "vps-snapshots:height", "height": pixels })
}

/// A write as it is sent (`outcome: "sent"`) and as it ends (`succeeded`,
/// `failed` with the API's status, or `unknown` when no answer came): what
/// and on which server, never the token, the address or the body.
pub fn activity(stage: WriteStage, write: &WriteRecord) -> Value {
    let (outcome, at_ms) = match (stage, write.status) {
        (WriteStage::Sent, _) => ("sent", write.sent_at_ms),
        (WriteStage::Ended, Some(200..=299)) => ("succeeded", write.sent_at_ms + write.duration_ms),
        (WriteStage::Ended, Some(_)) => ("failed", write.sent_at_ms + write.duration_ms),
        (WriteStage::Ended, None) => ("unknown", write.sent_at_ms + write.duration_ms),
    };
    json!({
        "type": "vps-snapshots:activity",
        "action": write.kind,
        "server_id": write.server_id,
        "server_name": write.server_name,
        "snapshot_id": write.snapshot_id,
        "snapshot_name": write.snapshot_name,
        "outcome": outcome,
        "status": write.status,
        "at": iso_utc(at_ms.div_euclid(1000)),
    })
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

/// Reads a portal's message; `None` for anything that is not a well-formed
/// theme or navigate message (they are ignored).
pub fn inbound(data: &Value) -> Option<Inbound> {
    match data.get("type")?.as_str()? {
        THEME => Theme::from_name(data.get("theme")?.as_str()?).map(Inbound::Theme),
        NAVIGATE => navigate_target(data).map(Inbound::Navigate),
        _ => None,
    }
}

/// Where a navigate message goes: `server_id` opens that server's page;
/// `filter` opens the list, with `filter.server_id` (one server) and
/// `filter.search` (the search box) if given, `{}` being the whole list.
fn navigate_target(data: &Value) -> Option<String> {
    if let Some(id) = data.get("server_id") {
        return Some(format!("/servers/{}", id.as_u64()?));
    }
    let filter = data.get("filter")?.as_object()?;
    let mut query = Vec::new();
    if let Some(id) = filter.get("server_id") {
        query.push(format!("server={}", id.as_u64()?));
    }
    if let Some(search) = filter.get("search") {
        query.push(format!("q={}", encode_value(search.as_str()?)));
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
            activity(WriteStage::Sent, &write),
            json!({
                "type": "vps-snapshots:activity", "action": "delete",
                "server_id": 12345, "server_name": "web-server-01",
                "snapshot_id": 798, "snapshot_name": "weekly",
                "outcome": "sent", "status": null, "at": "2025-01-15T18:30:00Z",
            })
        );
        write.status = Some(204);
        write.duration_ms = 2_500;
        let ended = activity(WriteStage::Ended, &write);
        assert_eq!(ended["outcome"], "succeeded");
        assert_eq!(ended["at"], "2025-01-15T18:30:02Z");
        write.status = Some(409);
        assert_eq!(activity(WriteStage::Ended, &write)["outcome"], "failed");
        write.status = None;
        assert_eq!(activity(WriteStage::Ended, &write)["outcome"], "unknown");
        let text = activity(WriteStage::Ended, &write).to_string();
        assert!(
            !text.contains("secret") && !text.contains("/api/"),
            "{text}"
        );
    }

    #[test]
    fn the_other_messages_out() {
        assert_eq!(ready(), json!({"type": "vps-snapshots:ready"}));
        assert_eq!(
            signed_out(EndReason::Idle),
            json!({"type": "vps-snapshots:signed-out", "reason": "idle"})
        );
        assert_eq!(
            height(812),
            json!({"type": "vps-snapshots:height", "height": 812})
        );
    }

    #[test]
    fn reads_theme_messages() {
        let theme = |v: Value| inbound(&v);
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
        let to = |v: Value| match inbound(&v) {
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
