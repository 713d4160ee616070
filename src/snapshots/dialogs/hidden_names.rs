//! What a dialog says when a server or snapshot it names has a name that
//! holds hidden characters: the dialog shows such a name written out
//! (`web<U+202E>10-bd`), and the operator is told why it looks unlike the
//! name they may know.

use crate::domain::hidden::has_hidden;
use crate::i18n::{use_i18n, Msg};
use leptos::prelude::*;

/// One warning for each name of `servers` and `snapshots` that holds hidden
/// characters (each name once); nothing when none does. `boxed` shows them
/// as a notice of their own, for a dialog without a warning box.
#[component]
pub fn HiddenNamesWarning(
    #[prop(optional)] servers: Vec<String>,
    #[prop(optional)] snapshots: Vec<String>,
    #[prop(optional)] boxed: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let mut warnings: Vec<Msg> = Vec::new();
    let flagged = |names: Vec<String>| {
        let mut names: Vec<String> = names.into_iter().filter(|n| has_hidden(n)).collect();
        names.sort();
        names.dedup();
        names
    };
    warnings.extend(flagged(servers).into_iter().map(Msg::hidden_chars_server));
    warnings.extend(
        flagged(snapshots)
            .into_iter()
            .map(Msg::hidden_chars_snapshot),
    );
    let class = if boxed {
        "notice notice-warn hidden-chars"
    } else {
        "hidden-chars"
    };
    warnings
        .into_iter()
        .map(|msg| view! { <p class=class><strong>{i18n.text_msg(msg)}</strong></p> })
        .collect_view()
}
