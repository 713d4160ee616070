//! The theme settings of `config.json`: `theme` and `theme_colors`, the
//! colour names the console has and the values they may take.

use crate::i18n::Msg;
use serde::{Deserialize, Deserializer};

/// `theme_colors`: name and colour pairs, in the file's order. A list, not
/// a map type, which weighed more in the wasm for what is only iterated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ThemeColors(pub Vec<(String, String)>);

impl<'de> Deserialize<'de> for ThemeColors {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Pairs;
        impl<'de> serde::de::Visitor<'de> for Pairs {
            type Value = ThemeColors;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of colours")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<ThemeColors, A::Error> {
                let mut pairs = Vec::new();
                while let Some(pair) = map.next_entry()? {
                    pairs.push(pair);
                }
                Ok(ThemeColors(pairs))
            }
        }
        d.deserialize_map(Pairs)
    }
}

/// Which colours the console shows: `auto` follows `prefers-color-scheme`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

/// The colours style/main.css names, without their `--`: the keys
/// `theme_colors` may set (README "Themes" documents each).
pub const THEME_COLOR_NAMES: [&str; 45] = [
    "ink",
    "ink-soft",
    "line",
    "surface",
    "page",
    "brand",
    "brand-dark",
    "on-brand",
    "danger",
    "danger-dark",
    "danger-bg",
    "danger-border",
    "danger-ink",
    "ok",
    "ok-bg",
    "ok-border",
    "busy",
    "busy-bg",
    "warn-bg",
    "warn-border",
    "warn-ink",
    "info-bg",
    "info-border",
    "focus",
    "control-border",
    "field-border",
    "hover-bg",
    "disabled-ink",
    "disabled-bg",
    "disabled-border",
    "badge-bg",
    "badge-ink",
    "skeleton",
    "skeleton-shine",
    "code-bg",
    "shadow",
    "backdrop",
    "bar-bg",
    "bar-ink",
    "bar-line",
    "bar-hover",
    "toast-bg",
    "toast-ink",
    "toast-ok-bg",
    "toast-error-bg",
];

/// Checks `theme_colors`: only the console's colour names, each set to a
/// colour value.
pub(super) fn check_colours(colours: &ThemeColors) -> Result<(), Msg> {
    for (name, value) in &colours.0 {
        if !THEME_COLOR_NAMES.contains(&name.as_str()) {
            return Err(Msg::config_invalid(format!(
                "theme_colors: “{name}” is not a colour of the console (README, Themes)"
            )));
        }
        if !is_colour(value) {
            return Err(Msg::config_invalid(format!(
                "theme_colors.{name} must be a colour (#rgb, #rrggbb, #rrggbbaa, rgb(), rgba(), hsl() or hsla() with numbers), not “{value}”"
            )));
        }
    }
    Ok(())
}

/// Whether `text` is a colour value and nothing more: `#rgb`, `#rgba`,
/// `#rrggbb`, `#rrggbbaa`, or `rgb()`, `rgba()`, `hsl()`, `hsla()` of three
/// or four numbers (commas or spaces, `/` before the alpha). It ends up in a
/// custom property, where anything else (a `url()`, a `var()`, a `;`) could
/// bring in more than a colour.
fn is_colour(text: &str) -> bool {
    if let Some(hex) = text.strip_prefix('#') {
        return matches!(hex.len(), 3 | 4 | 6 | 8) && hex.bytes().all(|b| b.is_ascii_hexdigit());
    }
    let Some((function, rest)) = text.split_once('(') else {
        return false;
    };
    let Some(args) = rest.strip_suffix(')') else {
        return false;
    };
    let hue = match function {
        "rgb" | "rgba" => false,
        "hsl" | "hsla" => true,
        _ => return false,
    };
    let parts: Vec<&str> = args
        .split([',', ' ', '/'])
        .filter(|part| !part.is_empty())
        .collect();
    let number = |part: &str, units: &[&str]| {
        let digits = units
            .iter()
            .find_map(|unit| part.strip_suffix(unit))
            .unwrap_or(part);
        // Digits with at most one point (no `parse::<f64>()`: it would
        // bring a float parser into the wasm for this check alone).
        digits.bytes().any(|b| b.is_ascii_digit())
            && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && digits.bytes().filter(|&b| b == b'.').count() <= 1
    };
    let first_units: &[&str] = if hue { &["deg"] } else { &["%"] };
    let other_units: &[&str] = &["%"];
    matches!(parts.len(), 3 | 4)
        && parts
            .iter()
            .enumerate()
            .all(|(i, part)| number(part, if i == 0 { first_units } else { other_units }))
}

#[cfg(test)]
mod tests {
    use super::super::parse_config;
    use super::*;

    #[test]
    fn reads_the_theme() {
        assert_eq!(parse_config("{}").unwrap().theme, Theme::Auto);
        let theme = |text: &str| parse_config(text).map(|c| c.theme);
        assert_eq!(theme(r#"{"theme": null}"#), Ok(Theme::Auto));
        assert_eq!(theme(r#"{"theme": "light"}"#), Ok(Theme::Light));
        assert_eq!(theme(r#"{"theme": "dark"}"#), Ok(Theme::Dark));
        assert_eq!(theme(r#"{"theme": "auto"}"#), Ok(Theme::Auto));
        assert!(theme(r#"{"theme": "Dark"}"#).is_err());
        assert!(theme(r#"{"theme": "sepia"}"#).is_err());
    }

    /// A config.json that sets one theme colour.
    fn with_colour(name: &str, value: &str) -> String {
        serde_json::json!({ "theme_colors": { name: value } }).to_string()
    }

    #[test]
    fn theme_colors_take_colour_values() {
        for good in [
            "#fff",
            "#FFFA",
            "#1f4fbf",
            "#1f4fbf80",
            "rgb(31, 79, 191)",
            "rgb(31 79 191)",
            "rgba(31, 79, 191, 0.5)",
            "rgb(12% 30% 75% / 50%)",
            "hsl(221, 72%, 44%)",
            "hsla(221deg 72% 44% / 0.9)",
        ] {
            let config = parse_config(&with_colour("brand", good)).unwrap();
            assert_eq!(
                config.theme_colors,
                ThemeColors(vec![("brand".into(), good.into())]),
                "{good}"
            );
        }
    }

    #[test]
    fn anything_but_a_colour_is_an_error_that_names_the_key() {
        for bad in [
            "",
            "#ff",
            "#fffff",
            "#ggg",
            "blue; background: url(x)",
            "url(https://evil.example/x.png)",
            "var(--ink)",
            "rgb(1, 2)",
            "rgb(1, 2, 3, 4, 5)",
            "rgb(1, 2, calc(3))",
            "rgb(1, 2, 3",
            "rgb(1, 2, 3))",
            "hsl(1e3, 2%, 3%)",
            "rgb(-1, 2, 3)",
            "expression(alert(1))",
            "light-dark(#fff, #000)",
        ] {
            let error = parse_config(&with_colour("surface", bad)).unwrap_err();
            assert!(
                format!("{error:?}").contains("theme_colors.surface"),
                "{bad}: {error:?}"
            );
        }
        assert!(parse_config(r#"{"theme_colors": {"brand": 5}}"#).is_err());
        assert!(parse_config(r##"{"theme_colors": ["#fff"]}"##).is_err());
    }

    #[test]
    fn unknown_colour_names_are_an_error_that_names_them() {
        for bad in ["--brand", "Brand", "brand-color", "font-size"] {
            let error = parse_config(&with_colour(bad, "#fff")).unwrap_err();
            assert!(format!("{error:?}").contains(bad), "{bad}: {error:?}");
        }
    }

    #[test]
    fn theme_color_names_are_exactly_the_stylesheets() {
        let css = include_str!("../../style/main.css");
        let root = &css[css.find(":root {").unwrap()..];
        let root = &root[..root.find("\n}").unwrap()];
        let in_css: Vec<&str> = root
            .lines()
            .filter_map(|line| line.trim().strip_prefix("--")?.split_once(':'))
            .filter(|(_, value)| !value.contains("px"))
            .map(|(name, _)| name)
            .collect();
        assert_eq!(in_css, THEME_COLOR_NAMES.to_vec());
    }
}
