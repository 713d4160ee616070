//! Runtime settings read from `config.json` beside `index.html`, so one build
//! can be deployed anywhere.

use crate::api::types::null_as_default;
use crate::i18n::{Key, Msg};
use gloo_net::http::{Request, Response};
use leptos::prelude::*;
use serde::{Deserialize, Deserializer};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

mod theme;
pub use theme::{Theme, ThemeColors};

/// How long a confirmed delete waits, undoable, when `config.json` does not say.
pub const DEFAULT_DELETE_UNDO_SECONDS: u64 = 10;
/// The longest undo window `config.json` may ask for.
pub const MAX_DELETE_UNDO_SECONDS: u64 = 600;

/// The deployment's settings. Every key may be missing or null; unknown keys
/// are ignored.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct AppConfig {
    /// Where the VPS.org API is; empty means this page's own origin (a portal
    /// that reverse-proxies `/api/`).
    #[serde(default, deserialize_with = "null_as_default")]
    pub api_base_url: String,
    /// Origins of portals allowed to hand the token over by `postMessage`
    /// when they embed the console (e.g. `https://portal.example.com`).
    #[serde(default, deserialize_with = "null_as_default")]
    pub allowed_portal_origins: Vec<String>,
    /// Seconds a confirmed delete waits, and can be undone, before it is
    /// sent; 0 sends it at once.
    #[serde(default = "default_undo", deserialize_with = "null_as_default_undo")]
    pub delete_undo_seconds: u64,
    /// After how many days a server's newest completed snapshot no longer
    /// counts as a recent rollback point (missing or null: the default).
    #[serde(default)]
    pub stale_after_days: Option<u32>,
    /// Minutes without input before the tab signs out (fractions allowed; 0
    /// turns it off); missing or null means [`DEFAULT_IDLE_MINUTES`].
    #[serde(default)]
    idle_sign_out_minutes: Option<f64>,
    /// Minutes by which work this tab follows may postpone the idle sign-out
    /// at most (fractions allowed; 0: not at all); missing or null means
    /// [`DEFAULT_IDLE_DEFER_MAX_MINUTES`].
    #[serde(default)]
    idle_defer_max_minutes: Option<f64>,
    /// Light, dark, or the user's colour scheme (missing or null: `auto`).
    #[serde(default, deserialize_with = "null_as_default")]
    pub theme: Theme,
    /// Colours set over the theme's, by name (README "Themes"): a portal's
    /// brand colours. Only known names and colour values are accepted.
    #[serde(default, deserialize_with = "null_as_default")]
    pub theme_colors: ThemeColors,
}

impl Default for AppConfig {
    fn default() -> Self {
        Self {
            api_base_url: String::new(),
            allowed_portal_origins: Vec::new(),
            delete_undo_seconds: DEFAULT_DELETE_UNDO_SECONDS,
            stale_after_days: None,
            idle_sign_out_minutes: None,
            idle_defer_max_minutes: None,
            theme: Theme::Auto,
            theme_colors: ThemeColors::default(),
        }
    }
}

fn default_undo() -> u64 {
    DEFAULT_DELETE_UNDO_SECONDS
}

/// `null` means "not set": the default window, not none at all.
fn null_as_default_undo<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    Ok(Option::<u64>::deserialize(d)?.unwrap_or(DEFAULT_DELETE_UNDO_SECONDS))
}

/// The undo window of deletes, from the settings (a `Copy` context).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UndoWindow {
    pub seconds: u64,
}

/// Provides the undo window of `config` to the pages.
pub fn provide_undo_window(config: &AppConfig) {
    provide_context(UndoWindow {
        seconds: config.delete_undo_seconds,
    });
}

/// The undo window provided by [`provide_undo_window`].
pub fn use_undo_window() -> UndoWindow {
    expect_context()
}

/// The rollback-readiness limit of `config.json`, as a context for the pages.
#[derive(Clone, Copy, Debug)]
pub struct StaleAfterDays(pub u32);

/// Provides the readiness limit of `config` to the pages below.
pub fn provide_stale_after_days(config: &AppConfig) {
    let days = config
        .stale_after_days
        .unwrap_or(crate::domain::readiness::DEFAULT_STALE_AFTER_DAYS);
    leptos::prelude::provide_context(StaleAfterDays(days));
}

/// The readiness limit provided by [`provide_stale_after_days`].
pub fn use_stale_after_days() -> u32 {
    leptos::prelude::use_context::<StaleAfterDays>()
        .map_or(crate::domain::readiness::DEFAULT_STALE_AFTER_DAYS, |d| d.0)
}

/// The idle sign-out when `config.json` does not set one.
pub const DEFAULT_IDLE_MINUTES: f64 = 30.0;
/// How long work may postpone the idle sign-out when `config.json` does not say.
pub const DEFAULT_IDLE_DEFER_MAX_MINUTES: f64 = 240.0;

impl AppConfig {
    /// Minutes without input before signing out; 0 when off.
    pub fn idle_sign_out_minutes(&self) -> f64 {
        self.idle_sign_out_minutes.unwrap_or(DEFAULT_IDLE_MINUTES)
    }

    /// Minutes by which work this tab follows may postpone the idle sign-out.
    pub fn idle_defer_max_minutes(&self) -> f64 {
        self.idle_defer_max_minutes
            .unwrap_or(DEFAULT_IDLE_DEFER_MAX_MINUTES)
    }
}

/// The global where index.html's bootstrap (Trunk.toml) keeps the request
/// for `config.json` it sent while the WebAssembly was compiling.
const STARTED_REQUEST: &str = "snapshotConsoleConfig";

/// Reads and checks `config.json`. The error says what is wrong, for the
/// person who deployed the console.
pub async fn load_config() -> Result<AppConfig, Msg> {
    let response = match started_request() {
        // Answered by now, usually: the app does not wait for a request it
        // would only send once running.
        Some(request) => JsFuture::from(request)
            .await
            .ok()
            .and_then(|answer| answer.dyn_into::<web_sys::Response>().ok())
            .map(Response::from),
        // Relative, so the console also works under a sub-path.
        None => Request::get("config.json")
            .cache(web_sys::RequestCache::NoCache)
            .send()
            .await
            .ok(),
    }
    .ok_or_else(|| Msg::from(Key::ConfigNetwork))?;
    if !response.ok() {
        return Err(Msg::config_http(response.status().to_string()));
    }
    let text = response
        .text()
        .await
        .map_err(|_| Msg::from(Key::ConfigUnreadable))?;
    parse_config(&text)
}

/// The bootstrap's request for `config.json`, if it sent one.
fn started_request() -> Option<js_sys::Promise> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &JsValue::from_str(STARTED_REQUEST))
        .ok()?
        .dyn_into()
        .ok()
}

/// Parses and validates the text of `config.json`.
pub fn parse_config(text: &str) -> Result<AppConfig, Msg> {
    // serde would also read the settings from an array, by position; a
    // config.json that is not an object is a mistake worth reporting.
    if !text.trim_start().starts_with('{') {
        return Err(Msg::config_invalid("expected an object"));
    }
    let mut config: AppConfig =
        serde_json::from_str(text).map_err(|e| Msg::config_invalid(e.to_string()))?;
    config.api_base_url = config.api_base_url.trim().trim_end_matches('/').to_string();
    check_api_base(&config.api_base_url)?;
    if config.delete_undo_seconds > MAX_DELETE_UNDO_SECONDS {
        return Err(Msg::config_invalid(format!(
            "delete_undo_seconds must be at most {MAX_DELETE_UNDO_SECONDS}"
        )));
    }
    let not_minutes = |m: Option<f64>| m.is_some_and(|m| !m.is_finite() || m < 0.0);
    if not_minutes(config.idle_sign_out_minutes) {
        return Err(Msg::config_invalid(
            "idle_sign_out_minutes must be 0 (off) or more",
        ));
    }
    if not_minutes(config.idle_defer_max_minutes) {
        return Err(Msg::config_invalid(
            "idle_defer_max_minutes must be 0 (work never postpones the idle sign-out) or more",
        ));
    }
    if let Some(bad) = config.allowed_portal_origins.iter().find(|o| !is_origin(o)) {
        return Err(Msg::config_bad_origin(bad));
    }
    theme::check_colours(&config.theme_colors)?;
    Ok(config)
}

/// `scheme://host[:port]`, nothing more (what `MessageEvent.origin` holds:
/// never a user part, so an entry with one would silently match nothing).
fn is_origin(text: &str) -> bool {
    let Some((scheme, host)) = text.split_once("://") else {
        return false;
    };
    matches!(scheme, "http" | "https")
        && !host.is_empty()
        && !host.contains(['/', '\\', '?', '#', ' ', '*', '@'])
}

/// The hosts whose API may be reached over plain `http://`: this machine,
/// where nothing travels over a network (a local demo or tunnel).
const LOOPBACK_HOSTS: [&str; 2] = ["localhost", "127.0.0.1"];

/// An `api_base_url` is empty (this page's origin) or an origin; it is
/// `https://`, since every request carries the token, except on this machine.
fn check_api_base(base: &str) -> Result<(), Msg> {
    if base.is_empty() {
        return Ok(());
    }
    let origin = base
        .split_once("://")
        .and_then(|(scheme, authority)| Some((scheme, host_of(authority)?)));
    match origin {
        Some(("https", _)) => Ok(()),
        Some(("http", host)) if LOOPBACK_HOSTS.iter().any(|h| host.eq_ignore_ascii_case(h)) => {
            Ok(())
        }
        Some(("http", _)) => Err(Msg::config_base_not_https(base)),
        _ => Err(Msg::config_bad_base(base)),
    }
}

/// The host of `host`, `host:port` or `[IPv6]:port`; `None` when there is
/// more (a path, a query, a fragment, a user name) or the port is not a number.
fn host_of(authority: &str) -> Option<&str> {
    let (host, port) = match authority.strip_prefix('[') {
        Some(rest) => {
            let (_, after) = rest.split_once(']')?;
            let host = &authority[..authority.len() - after.len()];
            let port = match after {
                "" => None,
                _ => Some(after.strip_prefix(':')?),
            };
            (host, port)
        }
        None => match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        },
    };
    let clean_host = !host.is_empty()
        && !host.contains(|c: char| "/?#@\\%*".contains(c) || c.is_whitespace() || c.is_control());
    let clean_port =
        port.is_none_or(|p| (1..=5).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    (clean_host && clean_port).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_or_absent_base_means_same_origin() {
        assert_eq!(parse_config("{}").unwrap().api_base_url, "");
        assert_eq!(
            parse_config(r#"{"api_base_url": ""}"#)
                .unwrap()
                .api_base_url,
            ""
        );
    }

    #[test]
    fn trims_a_trailing_slash_and_ignores_unknown_keys() {
        let config =
            parse_config(r#"{"api_base_url": "https://admin.vps.org/", "motd": "hi"}"#).unwrap();
        assert_eq!(config.api_base_url, "https://admin.vps.org");
    }

    /// A config.json that sets only `api_base_url`.
    fn with_base(value: &str) -> String {
        serde_json::json!({ "api_base_url": value }).to_string()
    }

    #[test]
    fn the_api_is_reached_over_https_except_on_this_machine() {
        let base = |value: &str| parse_config(&with_base(value)).map(|c| c.api_base_url);
        for good in [
            "https://admin.vps.org",
            "https://api.example.com:8443",
            "https://[2001:db8::1]:443",
            "http://localhost",
            "http://LOCALHOST:8080",
            "http://127.0.0.1:3000",
        ] {
            assert_eq!(base(good).as_deref(), Ok(good), "{good}");
        }
        for plain in [
            "http://admin.vps.org",
            "http://localhost.evil.example",
            "http://127.0.0.1.nip.io:80",
            "http://10.0.0.1",
            "http://[::2]",
        ] {
            assert_eq!(
                base(plain),
                Err(Msg::config_base_not_https(plain)),
                "{plain}"
            );
        }
    }

    #[test]
    fn the_api_base_is_an_origin_and_nothing_more() {
        for bad in [
            "https://admin.vps.org/api",
            "https://user@admin.vps.org",
            "http://user:pass@localhost",
            "https://admin.vps.org:443x",
            "https://admin.vps.org:",
            "https://:443",
            "https://[::1",
            "ftp://admin.vps.org",
            "https:admin.vps.org",
            "https://admin.vps.org\\evil.example",
            "https://admin.vps.org evil",
        ] {
            assert_eq!(
                parse_config(&with_base(bad)),
                Err(Msg::config_bad_base(bad)),
                "{bad}"
            );
        }
    }

    #[test]
    fn reads_allowed_portal_origins() {
        let config = parse_config(r#"{"allowed_portal_origins": ["https://portal.example.com", "http://127.0.0.1:8081"]}"#).unwrap();
        assert_eq!(config.allowed_portal_origins.len(), 2);
        for bad in [
            "*",
            "https://portal.example.com/",
            "portal.example.com",
            "https://*.example.com",
            "javascript://x",
            "https://user@portal.example.com",
        ] {
            let text = format!(r#"{{"allowed_portal_origins": ["{bad}"]}}"#);
            assert!(parse_config(&text).is_err(), "{bad}");
        }
    }

    #[test]
    fn reads_the_readiness_limit() {
        assert_eq!(parse_config("{}").unwrap().stale_after_days, None);
        assert_eq!(
            parse_config(r#"{"stale_after_days": null}"#)
                .unwrap()
                .stale_after_days,
            None
        );
        assert_eq!(
            parse_config(r#"{"stale_after_days": 3}"#)
                .unwrap()
                .stale_after_days,
            Some(3)
        );
        for bad in ["-1", "1.5", "\"7\""] {
            let text = format!(r#"{{"stale_after_days": {bad}}}"#);
            assert!(parse_config(&text).is_err(), "{bad}");
        }
    }

    #[test]
    fn idle_sign_out_defaults_to_thirty_minutes_and_accepts_fractions_or_off() {
        assert_eq!(parse_config("{}").unwrap().idle_sign_out_minutes(), 30.0);
        let minutes = |text: &str| parse_config(text).map(|c| c.idle_sign_out_minutes());
        assert_eq!(minutes(r#"{"idle_sign_out_minutes": null}"#), Ok(30.0));
        assert_eq!(minutes(r#"{"idle_sign_out_minutes": 0}"#), Ok(0.0));
        assert_eq!(minutes(r#"{"idle_sign_out_minutes": 0.05}"#), Ok(0.05));
        assert!(minutes(r#"{"idle_sign_out_minutes": -1}"#).is_err());
        assert!(minutes(r#"{"idle_sign_out_minutes": "30"}"#).is_err());
    }

    #[test]
    fn idle_defer_cap_defaults_to_four_hours_and_accepts_fractions_or_zero() {
        let cap = |text: &str| parse_config(text).map(|c| c.idle_defer_max_minutes());
        assert_eq!(cap("{}"), Ok(240.0));
        assert_eq!(cap(r#"{"idle_defer_max_minutes": null}"#), Ok(240.0));
        assert_eq!(cap(r#"{"idle_defer_max_minutes": 0}"#), Ok(0.0));
        assert_eq!(cap(r#"{"idle_defer_max_minutes": 0.1}"#), Ok(0.1));
        assert!(cap(r#"{"idle_defer_max_minutes": -1}"#).is_err());
        assert!(cap(r#"{"idle_defer_max_minutes": "240"}"#).is_err());
    }

    #[test]
    fn null_keys_read_as_missing() {
        assert_eq!(
            parse_config(r#"{"api_base_url": null, "allowed_portal_origins": null, "stale_after_days": null, "idle_sign_out_minutes": null, "idle_defer_max_minutes": null, "theme": null, "theme_colors": null}"#).unwrap(),
            AppConfig::default()
        );
    }

    proptest::proptest! {
        /// Whatever config.json holds, the result is a config or a message.
        #[test]
        fn any_file_is_a_config_or_a_message(text in "[ \\[\\]{}:,\"\\\\a-z0-9./_-]{0,40}|\\PC{0,40}") {
            let _ = parse_config(&text);
        }
    }

    #[test]
    fn reads_the_undo_window() {
        assert_eq!(parse_config("{}").unwrap().delete_undo_seconds, 10);
        let read = |text: &str| parse_config(text).map(|c| c.delete_undo_seconds);
        assert_eq!(read(r#"{"delete_undo_seconds": null}"#), Ok(10));
        assert_eq!(read(r#"{"delete_undo_seconds": 0}"#), Ok(0));
        assert_eq!(read(r#"{"delete_undo_seconds": 600}"#), Ok(600));
        assert!(read(r#"{"delete_undo_seconds": 601}"#).is_err());
        assert!(read(r#"{"delete_undo_seconds": -1}"#).is_err());
        assert!(read(r#"{"delete_undo_seconds": 2.5}"#).is_err());
        assert!(read(r#"{"delete_undo_seconds": "10"}"#).is_err());
    }

    #[test]
    fn rejects_broken_files() {
        assert!(parse_config("").is_err());
        assert!(parse_config("<html>").is_err());
        assert!(parse_config(r#"{"api_base_url": 5}"#).is_err());
        assert!(parse_config(r#"{"allowed_portal_origins": "https://a.example"}"#).is_err());
        assert!(parse_config("[]").is_err());
        assert!(parse_config(r#"["https://admin.vps.org"]"#).is_err());
        assert!(parse_config(r#"{"api_base_url": "admin.vps.org"}"#).is_err());
        assert!(parse_config(r#"{"api_base_url": "javascript:alert(1)"}"#).is_err());
    }
}
