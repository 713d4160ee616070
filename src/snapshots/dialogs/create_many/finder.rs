//! Finding servers in the several-servers dialog: the filter of a long list
//! (a server picker: Enter on a server found chooses it), what it finds, and
//! how much of that is listed.

use crate::browser::focus_by_id;
use crate::domain::grouping::ServerGroup;
use crate::domain::model::ServerDetails;
use crate::domain::server_search::server_found;
use crate::domain::text::fold_case;
use crate::i18n::{use_i18n, Key, Msg};
use crate::snapshots::server_picker::{facts_found, server_options, PickFor};
use crate::snapshots::store::SnapshotStore;
use crate::ui::combobox::Combobox;
use leptos::prelude::*;
use std::collections::{BTreeSet, HashMap};

/// From this many servers on, the list of servers has a filter.
const FILTER_FROM: usize = 10;
/// The servers listed at first, and how many more each "List more" adds:
/// ten thousand checkboxes would hold the tab for seconds.
const LISTED_AT_ONCE: usize = 200;

/// The filter over `choices` and the part of what it finds that is listed.
#[derive(Clone, Copy)]
pub struct Finder {
    choices: Memo<Vec<ServerGroup>>,
    long_list: Memo<bool>,
    filter: RwSignal<String>,
    query: Memo<String>,
    /// Whether the filter leaves out anything (tracked).
    pub filtering: Memo<bool>,
    /// The servers the filter finds, as positions in `choices`.
    found: Memo<Vec<usize>>,
    listed: RwSignal<usize>,
    unlisted: Memo<usize>,
}

impl Finder {
    /// Nothing typed yet, the first servers listed.
    pub fn new(store: SnapshotStore, choices: Memo<Vec<ServerGroup>>) -> Self {
        // What the filter leaves of the list: all of it while the filter is
        // empty, or not shown (the list became short), so nothing is hidden
        // without a visible reason.
        let long_list = Memo::new(move |_| choices.with(Vec::len) >= FILTER_FROM);
        let filter = RwSignal::new(String::new());
        let query = Memo::new(move |_| {
            if long_list.get() {
                filter.with(|q| q.trim().to_string())
            } else {
                String::new()
            }
        });
        let filtering = Memo::new(move |_| query.with(|q| !q.is_empty()));
        // By name, number, hostname or IP, as the picker finds them. Nothing
        // typed finds every server: the dialog then opens without reading
        // (or, as before, copying) ten thousand servers' details.
        let found = Memo::new(move |_| {
            let folded = query.with(|query| fold_case(query));
            choices.with(|groups| {
                if folded.is_empty() {
                    return (0..groups.len()).collect();
                }
                store.servers().with(|servers| {
                    let details: HashMap<u64, &ServerDetails> = servers
                        .iter()
                        .flatten()
                        .map(|s| (s.id, &s.details))
                        .collect();
                    groups
                        .iter()
                        .enumerate()
                        .filter(|(_, g)| {
                            server_found(&folded, &g.server, details.get(&g.server.id).copied())
                        })
                        .map(|(at, _)| at)
                        .collect::<Vec<_>>()
                })
            })
        });
        let listed = RwSignal::new(LISTED_AT_ONCE);
        let unlisted = Memo::new(move |_| found.with(Vec::len).saturating_sub(listed.get()));
        Self {
            choices,
            long_list,
            filter,
            query,
            filtering,
            found,
            listed,
            unlisted,
        }
    }

    /// Whether the filter finds nothing (tracked).
    pub fn found_none(&self) -> bool {
        self.found.with(Vec::is_empty)
    }

    /// The servers listed, each with whether it is being restored: listed,
    /// but not choosable (tracked).
    pub fn listed_groups(&self, store: SnapshotStore) -> Vec<(ServerGroup, bool)> {
        let count = self.listed.get();
        store.locks().with(|locks| {
            self.found.with(|found| {
                self.choices.with(|groups| {
                    found
                        .iter()
                        .take(count)
                        .filter_map(|&at| groups.get(at))
                        .map(|g| (g.clone(), locks.is_locked(g.server.id)))
                        .collect::<Vec<_>>()
                })
            })
        })
    }

    /// Every server found, listed yet or not, that has room and is not being
    /// restored.
    pub fn found_with_room(&self, store: SnapshotStore) -> Vec<u64> {
        store.locks().with_untracked(|locks| {
            self.found.with_untracked(|found| {
                self.choices.with_untracked(|groups| {
                    found
                        .iter()
                        .filter_map(|&at| groups.get(at))
                        .filter(|g| !g.is_full() && !locks.is_locked(g.server.id))
                        .map(|g| g.server.id)
                        .collect()
                })
            })
        })
    }

    /// Lists the next servers found.
    fn list_more(&self) {
        let first_new = self.listed.get_untracked();
        self.listed.update(|n| *n += LISTED_AT_ONCE);
        // The button may go: focus moves to the first server just listed.
        let id = self.found.with_untracked(|found| {
            self.choices.with_untracked(|groups| {
                found
                    .get(first_new)
                    .and_then(|&at| groups.get(at))
                    .map(|g| g.server.id)
            })
        });
        if let Some(id) = id {
            // Once the new rows are in the page.
            request_animation_frame(move || focus_by_id(&format!("many-server-{id}")));
        }
    }
}

/// The filter's field, in a long list only: what it finds is listed below,
/// and offered in its picker, where Enter chooses a server or leaves it.
#[component]
pub fn FilterField(
    store: SnapshotStore,
    finder: Finder,
    chosen: RwSignal<BTreeSet<u64>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let filter = finder.filter;
    let options = server_options(store, i18n, PickFor::Create);
    let toggle = move |id: Option<u64>| {
        if let Some(id) = id {
            chosen.update(|c| {
                if !c.remove(&id) {
                    c.insert(id);
                }
            });
        }
    };
    move || {
        finder.long_list.get().then(|| {
            view! {
                <div class="field server-choices-filter">
                    // In a long list, finding the servers comes first.
                    <Combobox
                        id="many-filter"
                        label=Key::CreateManyFilter
                        choices=options.into()
                        found=facts_found
                        chosen=Callback::new(move |id: Option<u64>| id.is_some_and(|id| chosen.with(|c| c.contains(&id))))
                        on_choose=Callback::new(toggle)
                        shown=filter
                        multiple=true
                        query=filter
                        placeholder=Key::CreateManyFilterHint
                        autofocus=true
                    />
                </div>
            }
        })
    }
}

/// Says the filter found nothing, when it did.
#[component]
pub fn FoundNone(finder: Finder) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        (finder.filtering.get() && finder.found_none()).then(|| view! {
            <p class="hint">{move || i18n.msg(&Msg::create_many_filter_none(finder.query.get()))}</p>
        })
    }
}

/// How many of the servers found are listed, and a button that lists more.
#[component]
pub fn ListMore(finder: Finder) -> impl IntoView {
    let i18n = use_i18n();
    let unlisted = finder.unlisted;
    move || {
        (unlisted.get() > 0).then(|| {
            let (shown, total) = (finder.listed.get(), finder.found.with(Vec::len));
            view! {
                <div class="server-choices-more">
                    <p class="hint">{move || i18n.msg(&Msg::create_many_partial(shown, total))}</p>
                    <button type="button" class="button" on:click=move |_| finder.list_more()>
                        {move || i18n.msg(&Msg::create_many_list_more(unlisted.get().min(LISTED_AT_ONCE)))}
                    </button>
                </div>
            }
        })
    }
}
