//! The theme on the page: `data-theme` on the root element (style/main.css
//! turns it into a `color-scheme`) and the portal's colours as custom
//! properties on it. They are set through the CSSOM (`style.setProperty`),
//! which the CSP's `style-src 'self'` allows, unlike a `style` attribute.

use crate::config::{Theme, ThemeColors};
use wasm_bindgen::JsCast;

/// The root element (`<html>`), if the page has one.
fn root() -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .document_element()?
        .dyn_into()
        .ok()
}

/// Shows `theme`: light, dark, or (auto) the user's colour scheme.
pub fn apply_theme(theme: Theme) {
    let Some(root) = root() else {
        return;
    };
    let _ = match theme {
        Theme::Auto => root.remove_attribute("data-theme"),
        Theme::Light => root.set_attribute("data-theme", "light"),
        Theme::Dark => root.set_attribute("data-theme", "dark"),
    };
}

/// Sets config.json's `theme_colors` (names checked, values colours only)
/// over the stylesheet's, in both themes.
pub fn apply_colours(colours: &ThemeColors) {
    let Some(root) = root() else {
        return;
    };
    let style = root.style();
    for (name, value) in &colours.0 {
        let _ = style.set_property(&format!("--{name}"), value);
    }
}

/// Marks the page as framed by a portal: style/main.css then lets the
/// page be as tall as its content, so the reported height can shrink.
pub fn mark_embedded() {
    if let Some(root) = root() {
        let _ = root.set_attribute("data-embedded", "");
    }
}
