//! Runtime settings read from `config.json` beside `index.html`, so one build
//! can be deployed anywhere.

use crate::api::types::null_as_default;
use crate::i18n::{Key, Msg};
use gloo_net::http::Request;
use serde::Deserialize;

/// The deployment's settings. Every key may be missing or null; unknown keys
/// are ignored.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct AppConfig {
    /// Where the VPS.org API is; empty means this page's own origin (a portal
    /// that reverse-proxies `/api/`).
    #[serde(default, deserialize_with = "null_as_default")]
    pub api_base_url: String,
    /// Origins of portals allowed to hand the token over by `postMessage`
    /// when they embed the console (e.g. `https://portal.example.com`).
    #[serde(default, deserialize_with = "null_as_default")]
    pub allowed_portal_origins: Vec<String>,
    /// Minutes without input before the tab signs out (fractions allowed; 0
    /// turns it off); missing or null means [`DEFAULT_IDLE_MINUTES`].
    #[serde(default)]
    idle_sign_out_minutes: Option<f64>,
}

/// The idle sign-out when `config.json` does not set one.
pub const DEFAULT_IDLE_MINUTES: f64 = 30.0;

impl AppConfig {
    /// Minutes without input before signing out; 0 when off.
    pub fn idle_sign_out_minutes(&self) -> f64 {
        self.idle_sign_out_minutes.unwrap_or(DEFAULT_IDLE_MINUTES)
    }
}

/// Fetches and checks `config.json`. The error says what is wrong, for the
/// person who deployed the console.
pub async fn load_config() -> Result<AppConfig, Msg> {
    // Relative, so the console also works under a sub-path.
    let response = Request::get("config.json")
        .cache(web_sys::RequestCache::NoCache)
        .send()
        .await
        .map_err(|_| Msg::from(Key::ConfigNetwork))?;
    if !response.ok() {
        return Err(Msg::config_http(response.status().to_string()));
    }
    let text = response
        .text()
        .await
        .map_err(|_| Msg::from(Key::ConfigUnreadable))?;
    parse_config(&text)
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
    let base = &config.api_base_url;
    let has_scheme = base.starts_with("https://") || base.starts_with("http://");
    if !base.is_empty() && (!has_scheme || base.contains(['?', '#', ' '])) {
        return Err(Msg::config_bad_base(base));
    }
    if config
        .idle_sign_out_minutes
        .is_some_and(|m| !m.is_finite() || m < 0.0)
    {
        return Err(Msg::config_invalid(
            "idle_sign_out_minutes must be 0 (off) or more",
        ));
    }
    if let Some(bad) = config.allowed_portal_origins.iter().find(|o| !is_origin(o)) {
        return Err(Msg::config_bad_origin(bad));
    }
    Ok(config)
}

/// `scheme://host[:port]`, nothing more (what `MessageEvent.origin` holds).
fn is_origin(text: &str) -> bool {
    let Some((scheme, host)) = text.split_once("://") else {
        return false;
    };
    matches!(scheme, "http" | "https")
        && !host.is_empty()
        && !host.contains(['/', '?', '#', ' ', '*'])
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
            parse_config(r#"{"api_base_url": "https://admin.vps.org/", "theme": "dark"}"#).unwrap();
        assert_eq!(config.api_base_url, "https://admin.vps.org");
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
        ] {
            let text = format!(r#"{{"allowed_portal_origins": ["{bad}"]}}"#);
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
    fn null_keys_read_as_missing() {
        assert_eq!(
            parse_config(r#"{"api_base_url": null, "allowed_portal_origins": null, "idle_sign_out_minutes": null}"#).unwrap(),
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
