//! Readiness on the page: a server's line, and the summary with its switch.

use super::state::use_readiness;
use crate::clock::use_clock;
use crate::domain::grouping::ServerGroup;
use crate::domain::readiness::Readiness;
use crate::i18n::{relative_msg, use_i18n, Key, Msg};
use crate::snapshots::store::SnapshotStore;
use crate::time_zone::TimeTip;
use leptos::prelude::*;

/// "Last rollback point 3 days ago" in a server's header, exact time on
/// focus, tap or hover, and in words when there is none or it is stale.
#[component]
pub fn ReadinessLine(id: u64) -> impl IntoView {
    let readiness = use_readiness();
    let i18n = use_i18n();
    let clock = use_clock();
    let days = readiness.stale_after_days();
    // Rebuilds the line only when the readiness itself changes; the clock's
    // ticks update the words in place.
    let state = Memo::new(move |_| readiness.of(id));
    move || {
        let relative = move |at| relative_msg(clock.now_secs(), at);
        let (class, at) = match state.get() {
            Readiness::Fresh { at } => ("readiness readiness-fresh", Some(at)),
            Readiness::Stale { at } => ("readiness readiness-stale", at),
            Readiness::None => ("readiness readiness-none", None),
        };
        let text = move || {
            let msg = match state.get() {
                Readiness::Fresh { at } => Msg::readiness_fresh(relative(at)),
                Readiness::Stale { at: Some(at) } => Msg::readiness_stale(days, relative(at)),
                Readiness::Stale { at: None } => Msg::from(Key::ReadinessUndated),
                Readiness::None => Msg::from(Key::ReadinessNone),
            };
            i18n.msg(&msg)
        };
        match at {
            Some(at) => view! {
                <p class=class>
                    <TimeTip at relative=Signal::derive(text)/>
                </p>
            }
            .into_any(),
            None => view! { <p class=class>{text}</p> }.into_any(),
        }
    }
}

/// How many of the servers shown (by the server filter and the search)
/// lack a recent rollback point, and the switch that shows only those.
/// `groups` is the list as shown, the quick filter included;
/// `shown_servers` how many servers it has without the quick filter.
#[component]
pub fn ReadinessSummary(
    store: SnapshotStore,
    groups: Memo<Vec<ServerGroup>>,
    shown_servers: Memo<usize>,
    only_missing: Memo<bool>,
    set_only_missing: impl Fn(bool) + 'static,
) -> impl IntoView {
    let readiness = use_readiness();
    let i18n = use_i18n();
    let days = readiness.stale_after_days();
    let counts = Memo::new(move |_| {
        let missing = if only_missing.get() {
            // The quick filter keeps exactly those.
            groups.with(Vec::len)
        } else {
            // A server found among the rows read so far, while the account
            // loads, is not judged on part of its snapshots.
            let ids = groups.with(|groups| {
                let whole = groups.iter().filter(|g| !store.is_partial(g.server.id));
                whole.map(|g| g.server.id).collect()
            });
            readiness.count_needing_attention(ids)
        };
        (missing, shown_servers.get())
    });
    let loaded = Memo::new(move |_| store.loaded_at().with(Option::is_some));
    let text = move || {
        let (missing, total) = counts.get();
        if missing == 0 {
            i18n.msg(&Msg::readiness_summary_ok(days))
        } else {
            i18n.msg(&Msg::readiness_summary(missing, total, days))
        }
    };

    view! {
        <div
            class={move || if counts.get().0 > 0 { "readiness-summary readiness-summary-warn" } else { "readiness-summary" }}
            hidden=move || !loaded.get()
        >
            <p aria-live="polite">{text}</p>
            // Shown while it can narrow the list, or while it is on.
            <label class="switch" hidden=move || !(only_missing.get() || counts.get().0 > 0)>
                <input
                    id="rollback-filter"
                    type="checkbox"
                    prop:checked=move || only_missing.get()
                    on:change=move |event| set_only_missing(event_target_checked(&event))
                />
                {i18n.text(Key::ReadinessShowMissing)}
            </label>
        </div>
    }
}
