//! The catalogues are complete and consistent, the compiled catalogues say
//! exactly what Fluent says, and the English text is the console's text as it
//! has always read.

use super::msg::MsgKind;
use super::*;
use crate::api::ApiError;
use crate::domain::format::decimal;
use crate::domain::model::Snapshot;
use crate::domain::polling::{progress, RESTORE_WINDOW, SNAPSHOT_WINDOW};
use crate::domain::time::Zone;
use crate::domain::validation::{check_name, MAX_NAME_LEN};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet, HashMap};

type Bundle = FluentBundle<FluentResource>;

/// The message `key` with no arguments, whatever its variables: the typed
/// constructors cannot build a message with missing, extra or repeated
/// arguments, which the comparison with fluent-bundle needs.
fn keyed(key: &'static str) -> Msg {
    Msg::with_args(key, Vec::new())
}

impl Msg {
    /// Adds `{ $name }` (tests only: see [`keyed`]).
    fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        if let MsgKind::Key { args, .. } = &mut self.0 {
            args.push((name, value.into()));
        }
        self
    }
}

/// The catalogue source of the language.
fn source(lang: Lang) -> String {
    let path = format!(
        "{}/locales/{}/console.ftl",
        env!("CARGO_MANIFEST_DIR"),
        lang.tag()
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The fluent-bundle bundle of `lang`, set up as the console used it before
/// its catalogues were compiled (no isolation marks).
fn build_bundle(lang: Lang) -> Bundle {
    bundle_with(lang, false)
}

/// The fluent-bundle bundle of `lang`, putting isolation marks around
/// placeables or not.
fn bundle_with(lang: Lang, isolating: bool) -> Bundle {
    let resource = FluentResource::try_new(source(lang)).unwrap_or_else(|(r, _)| r);
    let tag: unic_langid::LanguageIdentifier = lang.tag().parse().unwrap();
    let mut bundle = FluentBundle::new(vec![tag]);
    bundle.set_use_isolating(isolating);
    super::catalogue::tests::group_numbers(&mut bundle, lang);
    bundle.add_resource(resource).unwrap();
    bundle
}

/// `msg` in words by fluent-bundle, exactly as `render` did before the
/// catalogues were compiled: the reference for the compiled ones.
fn fluent_render(bundles: &HashMap<Lang, Bundle>, lang: Lang, msg: &Msg) -> String {
    let (key, args) = match &msg.0 {
        MsgKind::Raw(text) => return text.clone(),
        MsgKind::List(items) => {
            let items: Vec<String> = items
                .iter()
                .map(|item| fluent_render(bundles, lang, item))
                .collect();
            return items.join(", ");
        }
        MsgKind::Key { key, args } => (*key, args),
    };
    let mut values = FluentArgs::new();
    for (name, arg) in args {
        let value = match arg {
            Arg::Text(text) => FluentValue::from(text.clone()),
            Arg::Int(n) => FluentValue::from(*n),
            Arg::Decimal { scaled, decimals } => {
                FluentValue::from(decimal(*scaled, *decimals, lang.decimal_separator()))
            }
            Arg::Msg(inner) => FluentValue::from(fluent_render(bundles, lang, inner)),
        };
        values.set(*name, value);
    }
    let format_in = |lang: Lang| {
        let bundle = &bundles[&lang];
        let pattern = bundle.get_message(key)?.value()?;
        let mut errors = Vec::new();
        Some(
            bundle
                .format_pattern(pattern, Some(&values), &mut errors)
                .into_owned(),
        )
    };
    format_in(lang)
        .or_else(|| format_in(Lang::En))
        .unwrap_or_else(|| key.to_string())
}

/// Asserts that the console puts `msg` into the words `bundles` give it.
fn assert_says_what_fluent_says(bundles: &HashMap<Lang, Bundle>, lang: Lang, msg: &Msg) {
    assert_eq!(
        render(lang, msg),
        fluent_render(bundles, lang, msg),
        "{}: {msg:?}",
        lang.tag()
    );
}

/// Each message of a catalogue with the variables it uses (in its value,
/// its attributes, selectors and variants).
fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let resource = match FluentResource::try_new(source(lang)) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("{} catalogue does not parse: {errors:?}", lang.tag()),
    };
    let mut found = BTreeMap::new();
    for entry in resource.entries() {
        match entry {
            ast::Entry::Message(message) => {
                let mut variables = BTreeSet::new();
                if let Some(value) = &message.value {
                    pattern_variables(value, &mut variables);
                }
                for attribute in &message.attributes {
                    pattern_variables(&attribute.value, &mut variables);
                }
                let id = message.id.name.to_string();
                assert!(
                    found.insert(id.clone(), variables).is_none(),
                    "{}: message {id} is defined twice",
                    lang.tag()
                );
            }
            ast::Entry::Term(term) => {
                panic!("{}: unexpected term -{}", lang.tag(), term.id.name)
            }
            ast::Entry::Junk { content } => {
                panic!("{}: catalogue has junk: {content}", lang.tag())
            }
            _ => {}
        }
    }
    found
}

fn pattern_variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, out);
            }
            for named in &arguments.named {
                inline_variables(&named.value, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

#[test]
fn every_catalogue_has_exactly_the_english_messages_and_variables() {
    let english = messages(Lang::En);
    assert!(english.len() > 100, "the English catalogue looks truncated");
    for lang in [Lang::Es, Lang::So] {
        let other = messages(lang);
        let missing: Vec<&String> = english.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<&String> = other.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(
            missing.is_empty(),
            "{} lacks messages that English has: {missing:?}",
            lang.tag()
        );
        assert!(
            extra.is_empty(),
            "{} has messages that English does not: {extra:?}",
            lang.tag()
        );
        for (key, variables) in &english {
            assert_eq!(
                &other[key],
                variables,
                "{}: message {key} uses other variables than English",
                lang.tag()
            );
        }
    }
}

#[test]
fn every_message_says_what_fluent_says_with_any_arguments() {
    let bundles: HashMap<Lang, Bundle> = Lang::ALL.map(|l| (l, build_bundle(l))).into();
    // Plural categories (and Spanish "many"), exact numbers, text that looks
    // like markup or Fluent syntax or a variant name, and nested messages.
    let samples = [
        Arg::Int(0),
        Arg::Int(1),
        Arg::Int(2),
        Arg::Int(5),
        Arg::Int(1_000_000),
        Arg::Int(-1),
        Arg::from("<script>alert(1)</script>"),
        Arg::from("{ $x }"),
        Arg::from("one"),
        Arg::from(""),
        Arg::Decimal {
            scaled: 475,
            decimals: 2,
        },
        Arg::from(relative_msg(1_000_000, 1_000_000 - 86_400)),
    ];
    let mut compared = 0;
    for lang in Lang::ALL {
        for (key, variables) in messages(lang) {
            // `Msg` takes `&'static str` names, as written in the source.
            let key: &'static str = key.leak();
            let variables: Vec<&'static str> = variables.into_iter().map(|v| &*v.leak()).collect();
            // No arguments (missing variables), a variable set twice (the
            // last value counts), each sample for every variable, and each
            // variable with a different sample.
            let mut cases = vec![keyed(key)];
            if let Some(first) = variables.first() {
                cases.push(keyed(key).arg(first, 1usize).arg(first, "twice"));
            }
            for shift in 0..samples.len() {
                let same = variables
                    .iter()
                    .fold(keyed(key), |msg, v| msg.arg(v, samples[shift].clone()));
                let mixed = variables
                    .iter()
                    .enumerate()
                    .fold(keyed(key), |msg, (i, v)| {
                        msg.arg(v, samples[(i + shift) % samples.len()].clone())
                    });
                cases.extend([same, mixed]);
            }
            for msg in cases {
                assert_says_what_fluent_says(&bundles, lang, &msg);
                compared += 1;
            }
        }
    }
    let unknown = keyed("no-such-key").arg("count", 1usize);
    assert_eq!(
        render(Lang::So, &unknown),
        fluent_render(&bundles, Lang::So, &unknown)
    );
    assert!(
        compared > 3 * 100 * 25,
        "only {compared} renderings compared"
    );
}

#[test]
fn every_message_formats_without_errors_in_every_language() {
    for lang in Lang::ALL {
        let bundle = build_bundle(lang);
        for (key, variables) in messages(lang) {
            let mut args = FluentArgs::new();
            for variable in &variables {
                args.set(variable.clone(), FluentValue::from(2));
            }
            let pattern = bundle
                .get_message(&key)
                .and_then(|m| m.value())
                .unwrap_or_else(|| panic!("{}: {key} has no value", lang.tag()));
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
            assert!(
                errors.is_empty(),
                "{}: {key} fails to format: {errors:?}",
                lang.tag()
            );
            assert!(!text.trim().is_empty(), "{}: {key} is empty", lang.tag());
            assert!(
                !text.contains(['\u{2068}', '\u{2069}']),
                "{}: {key} has isolation marks",
                lang.tag()
            );
        }
    }
}

fn en(msg: &Msg) -> String {
    render(Lang::En, msg)
}

#[test]
fn english_sizes_and_times_read_as_before() {
    assert_eq!(en(&size_msg(Some(5120))), "5.0 GB");
    assert_eq!(en(&size_msg(Some(4856))), "4.7 GB");
    assert_eq!(en(&size_msg(Some(512))), "512 MB");
    assert_eq!(en(&size_msg(Some(3 * 1024 * 1024))), "3.0 TB");
    assert_eq!(en(&size_msg(None)), "—");

    let now = 1_000_000_000;
    assert_eq!(en(&relative_msg(now, now + 100)), "just now");
    assert_eq!(en(&relative_msg(now, now - 60)), "1 minute ago");
    assert_eq!(en(&relative_msg(now, now - 5 * 60)), "5 minutes ago");
    assert_eq!(en(&relative_msg(now, now - 3_600)), "1 hour ago");
    assert_eq!(en(&relative_msg(now, now - 2 * 86_400)), "2 days ago");
    assert_eq!(en(&relative_msg(now, now - 65 * 86_400)), "2 months ago");
    assert_eq!(en(&relative_msg(now, now - 800 * 86_400)), "2 years ago");

    assert_eq!(
        en(&exact_msg(1_736_965_800, Zone::Utc)),
        "2025-01-15 18:30:00 UTC"
    );
    assert_eq!(
        en(&exact_msg(1_736_965_800, Zone::Offset(-300))),
        "2025-01-15 13:30:00 UTC-05:00"
    );
    assert_eq!(
        en(&taken_msg(
            &Snapshot::sample(1, 1, "completed", "2025-01-15T18:30:00Z", None),
            1_736_965_800 + 2 * 86_400,
            |_| Zone::Utc
        )),
        "2025-01-15 18:30:00 UTC (2 days ago)"
    );
    assert_eq!(
        en(&taken_msg(
            &Snapshot::sample(1, 1, "completed", "yesterday", None),
            0,
            |_| Zone::Utc
        )),
        "yesterday"
    );
}

#[test]
fn english_progress_reads_as_before() {
    assert_eq!(
        en(&progress_msg(progress(20, SNAPSHOT_WINDOW))),
        "< 1 min elapsed — usually 3–10 min"
    );
    assert_eq!(
        en(&progress_msg(progress(4 * 60 + 5, SNAPSHOT_WINDOW))),
        "4 min elapsed — usually 3–10 min"
    );
    assert_eq!(
        en(&progress_msg(progress(11 * 60, SNAPSHOT_WINDOW))),
        "11 min elapsed — taking longer than usual (usually 3–10 min)"
    );
    assert_eq!(
        en(&progress_msg(progress(-5, RESTORE_WINDOW))),
        "< 1 min elapsed — usually 5–15 min"
    );
}

#[test]
fn english_name_problems_read_as_before() {
    let problem = |name: &str| en(&name_problem_msg(&check_name(name).unwrap_err()));
    assert_eq!(problem(""), "A name is required.");
    assert_eq!(problem("bad name!"), "Spaces are not allowed.");
    assert_eq!(problem("snap/1"), "“/” is not allowed.");
    assert_eq!(
        problem(&"a".repeat(MAX_NAME_LEN + 1)),
        "The name is longer than 64 characters."
    );
    assert_eq!(
        en(&name_rule_msg()),
        "Use letters, digits, hyphens (-) and underscores (_) only, at most 64 characters."
    );
}

#[test]
fn spanish_writes_a_decimal_comma_and_spanish_relative_times() {
    let es = |msg: &Msg| render(Lang::Es, msg);
    assert_eq!(es(&size_msg(Some(5120))), "5,0 GB");
    assert_eq!(es(&size_msg(Some(4856))), "4,7 GB");
    assert_eq!(es(&size_msg(Some(512))), "512 MB");
    let now = 1_000_000_000;
    assert_eq!(es(&relative_msg(now, now - 2 * 86_400)), "hace 2 días");
    assert_eq!(es(&relative_msg(now, now - 60)), "hace 1 minuto");
    assert_eq!(es(&relative_msg(now, now - 800 * 86_400)), "hace 2 años");
    assert_eq!(es(&relative_msg(now, now)), "ahora mismo");
    assert_eq!(
        es(&exact_msg(1_736_965_800, Zone::Utc)),
        "15/01/2025 18:30:00 UTC"
    );
    assert_eq!(es(&Msg::group_count(2usize, 5usize)), "2 / 5 instantáneas");
}

#[test]
fn somali_uses_its_plural_forms_and_a_decimal_point() {
    let so = |msg: &Msg| render(Lang::So, msg);
    assert_eq!(so(&size_msg(Some(5120))), "5.0 GB");
    let now = 1_000_000_000;
    assert_eq!(so(&relative_msg(now, now - 86_400)), "1 maalin ka hor");
    assert_eq!(
        so(&relative_msg(now, now - 2 * 86_400)),
        "2 maalmood ka hor"
    );
    assert_eq!(so(&relative_msg(now, now - 5 * 60)), "5 daqiiqo ka hor");
    assert_eq!(so(&Key::NewSnapshot.into()), "Sawir cusub");
}

#[test]
fn a_batch_summary_counts_created_refused_and_in_progress_leaving_out_zeros() {
    let summary = |lang, created: usize, refused: usize, left: usize| {
        render(
            lang,
            &Msg::create_many_summary(refused, left, created, 20usize),
        )
    };
    assert_eq!(
        summary(Lang::En, 12, 1, 7),
        "12 of 20 created, 1 refused, 7 in progress"
    );
    assert_eq!(summary(Lang::En, 20, 0, 0), "20 of 20 created");
    assert_eq!(
        summary(Lang::En, 12, 0, 7),
        "12 of 20 created, 7 in progress"
    );
    assert_eq!(
        summary(Lang::Es, 12, 1, 7),
        "Creadas: 12 de 20, rechazadas: 1, en curso: 7"
    );
    assert_eq!(
        summary(Lang::So, 12, 1, 0),
        "12 ka mid ah 20 waa la sameeyay, 1 waa la diiday"
    );
}

#[test]
fn nested_messages_and_raw_text_render_in_the_same_language() {
    let msg = Msg::toast_snapshot_complete(
        "pre-migration-snapshot",
        "web-server-01",
        size_msg(Some(5120)),
    );
    assert_eq!(
        render(Lang::En, &msg),
        "Snapshot “pre-migration-snapshot” of web-server-01 is complete (5.0 GB)."
    );
    assert_eq!(
        render(Lang::Es, &msg),
        "La instantánea «pre-migration-snapshot» de web-server-01 está completa (5,0 GB)."
    );
    // The API's words and names are never translated.
    let raw = Msg::raw("Snapshot limit reached for this server.");
    assert_eq!(
        render(Lang::So, &raw),
        "Snapshot limit reached for this server."
    );
    assert_eq!(
        render(Lang::En, &Msg::page_title_busy(1usize)),
        "(1) Snapshots — VPS.org"
    );
}

#[test]
fn right_to_left_text_in_any_message_is_isolated_as_fluent_isolates_it() {
    let bundles: HashMap<Lang, Bundle> = Lang::ALL.map(|l| (l, bundle_with(l, true))).into();
    let mut compared = 0;
    for lang in Lang::ALL {
        for (key, variables) in messages(lang) {
            if variables.is_empty() {
                continue;
            }
            let key: &'static str = key.leak();
            let msg = variables
                .into_iter()
                .fold(keyed(key), |msg, v| msg.arg(v.leak(), "שרת-01"));
            assert_says_what_fluent_says(&bundles, lang, &msg);
            compared += 1;
        }
    }
    assert!(compared > 3 * 100, "only {compared} messages compared");
}

#[test]
fn names_with_hidden_characters_are_written_out_and_isolated_in_messages() {
    let title = Msg::restore_title("web\u{202E}10-bd", "pre-migration-snapshot");
    assert_eq!(
        en(&title),
        "Restore \u{2068}web<U+202E>10-bd\u{2069} from “pre-migration-snapshot”?"
    );
    assert_eq!(
        render(Lang::Es, &Msg::delete_title("snap\u{2069}\u{202E}x")),
        "¿Eliminar la instantánea «\u{2068}snap<U+2069><U+202E>x\u{2069}»?"
    );
    // The API's own words, nested in another message, and lists of names.
    let error = ApiError::Rejected {
        message: Some("Server \u{202E}10-bd is busy.".into()),
        fields: Vec::new(),
    };
    assert_eq!(
        en(&Msg::delete_failed(error.describe())),
        "\u{2068}Server <U+202E>10-bd is busy.\u{2069} The snapshot was not deleted."
    );
    let names = Msg::list([Msg::quoted("a\u{200B}"), Msg::quoted("b"), Msg::raw("שרת")]);
    assert_eq!(
        en(&names),
        "“\u{2068}a<U+200B>\u{2069}”, “b”, \u{2068}שרת\u{2069}"
    );
    // Left-to-right names read exactly as before.
    assert_eq!(
        en(&Msg::restore_title("web-server-01", "nightly")),
        "Restore web-server-01 from “nightly”?"
    );
}

#[test]
fn an_unknown_key_shows_the_key_rather_than_nothing() {
    assert_eq!(render(Lang::Es, &keyed("no-such-key")), "no-such-key");
}

#[test]
fn languages_follow_the_browser_preferences() {
    assert_eq!(Lang::from_tag("es-MX"), Some(Lang::Es));
    assert_eq!(Lang::from_tag("SO_so"), Some(Lang::So));
    assert_eq!(Lang::from_tag("en"), Some(Lang::En));
    assert_eq!(Lang::from_tag("fr-FR"), None);
    assert_eq!(Lang::from_tag(""), None);
    assert_eq!(Lang::negotiate(["fr-FR", "es-ES", "en-US"]), Lang::Es);
    assert_eq!(Lang::negotiate(["de", "so"]), Lang::So);
    assert_eq!(Lang::negotiate(["de", "fr"]), Lang::En);
    assert_eq!(Lang::negotiate([]), Lang::En);
    for lang in Lang::ALL {
        assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
    }
}

/// Variables whose values carry parentheses of their own: when a snapshot
/// was taken ("… UTC (2 years ago)") and the API's errors ("… (HTTP 500) …").
const PARENTHESISED: [&str; 2] = ["taken", "error"];

/// Where `pattern` nests parentheses, in its own text or by putting a
/// [`PARENTHESISED`] variable inside them; `depth` is how many are open.
fn nested_parentheses(pattern: &ast::Pattern<&str>, mut depth: usize, out: &mut Vec<String>) {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => {
                for c in value.chars() {
                    match c {
                        '(' => {
                            depth += 1;
                            if depth > 1 {
                                out.push(format!("nested parentheses in “{value}”"));
                            }
                        }
                        ')' => depth = depth.saturating_sub(1),
                        _ => {}
                    }
                }
            }
            ast::PatternElement::Placeable { expression } => match expression {
                ast::Expression::Select { variants, .. } => {
                    for variant in variants {
                        nested_parentheses(&variant.value, depth, out);
                    }
                }
                ast::Expression::Inline(ast::InlineExpression::VariableReference { id })
                    if depth > 0 && PARENTHESISED.contains(&id.name) =>
                {
                    out.push(format!("${} inside parentheses", id.name));
                }
                ast::Expression::Inline(_) => {}
            },
        }
    }
}

#[test]
fn no_message_nests_parentheses() {
    // Why those variables are listed: their values do hold parentheses.
    let taken = Snapshot::sample(1, 1, "completed", "2025-01-10T02:00:00Z", None);
    assert!(en(&taken_msg(&taken, 1_800_000_000, |_| Zone::Utc)).contains('('));
    assert!(en(&crate::api::ApiError::Unauthorized.describe()).contains('('));
    let mut problems = Vec::new();
    for lang in Lang::ALL {
        let resource = FluentResource::try_new(source(lang)).unwrap_or_else(|(r, _)| r);
        for entry in resource.entries() {
            if let ast::Entry::Message(message) = entry {
                let mut found = Vec::new();
                if let Some(value) = &message.value {
                    nested_parentheses(value, 0, &mut found);
                }
                problems.extend(
                    found
                        .into_iter()
                        .map(|p| format!("{}: {}: {p}", lang.tag(), message.id.name)),
                );
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn every_documented_status_is_translated_and_an_unknown_one_stays_verbatim() {
    use crate::domain::model::{ServerStatus, SnapshotStatus};
    let snapshot_statuses = ["completed", "in_progress", "failed"]
        .map(|raw| (raw, snapshot_status_msg(&SnapshotStatus::from_api(raw))));
    let server_states = ["active", "stopped", "suspended", "restoring"]
        .map(|raw| (raw, server_state_msg(&ServerStatus::from_api(raw))));
    for (raw, msg) in snapshot_statuses.iter().chain(&server_states) {
        assert_ne!(msg, &Msg::raw(*raw), "{raw} has no words");
        for lang in [Lang::Es, Lang::So] {
            assert_ne!(
                render(lang, msg),
                en(msg),
                "{raw} is English in {}",
                lang.tag()
            );
        }
    }
    assert_eq!(
        render(
            Lang::Es,
            &snapshot_status_msg(&SnapshotStatus::from_api("failed"))
        ),
        "Fallida"
    );
    assert_eq!(
        render(
            Lang::So,
            &server_state_msg(&ServerStatus::from_api("stopped"))
        ),
        "joogsan"
    );
    for lang in Lang::ALL {
        let odd_snapshot = snapshot_status_msg(&SnapshotStatus::from_api("queued_for_gc"));
        assert_eq!(render(lang, &odd_snapshot), "queued_for_gc");
        let odd_server = server_state_msg(&ServerStatus::from_api("migrating"));
        assert_eq!(render(lang, &odd_server), "migrating");
    }
}

#[test]
fn a_failed_snapshot_says_why_it_cannot_be_restored_in_every_language() {
    use crate::domain::model::SnapshotStatus;
    let failed = not_restorable_msg(&SnapshotStatus::from_api("failed")).unwrap();
    assert_eq!(en(&failed), "Cannot be restored (status: failed).");
    assert_eq!(
        render(Lang::Es, &failed),
        "No se puede restaurar (estado: fallida)."
    );
    assert_eq!(not_restorable_msg(&SnapshotStatus::Completed), None);
    let odd = not_restorable_msg(&SnapshotStatus::from_api("queued_for_gc")).unwrap();
    assert_eq!(
        render(Lang::So, &odd),
        "Lama soo celin karo (xaaladda: queued_for_gc)."
    );
}

#[test]
fn the_undo_window_is_said_as_it_is_configured() {
    assert_eq!(
        en(&undo_window_msg(1, 10)),
        "The delete is sent 10 s after you confirm; you can undo it until then. Once sent, it cannot be undone."
    );
    assert_eq!(
        en(&undo_window_msg(1, 0)),
        "The delete is sent as soon as you confirm, and cannot be undone."
    );
    assert_eq!(
        en(&undo_window_msg(3, 0)),
        "The deletes are sent as soon as you confirm, and cannot be undone."
    );
    assert_eq!(
        render(Lang::Es, &undo_window_msg(2, 5)),
        "Las eliminaciones se envían 5 s después de confirmar; hasta entonces puede deshacerlas. Una vez enviadas, no se pueden deshacer."
    );
    assert_eq!(
        render(Lang::So, &undo_window_msg(1, 0)),
        "Tirtirka waxa la dirayaa isla markaad xaqiijiso, lamana celin karo."
    );
}
