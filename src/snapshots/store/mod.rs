//! The snapshot list as reactive state: loaded (`load.rs`), changed in place
//! after a create, restore or delete (`changes.rs`), polled while work is in
//! progress (`polling.rs`), and what the user is told when that work ends
//! (`announce.rs`).
//!
//! The rules that merge list answers (numbering, stale answers dropped) are
//! pure functions in `domain::merge`. Other parts of the page read the list
//! through [`SnapshotStore`]'s methods; only this folder writes it.

mod announce;
mod behind;
mod changes;
mod first_screen;
mod load;
mod polling;
mod reads;

use crate::api::{ApiClient, ApiError};
use crate::browser::{now_ms, online, tab_visible};
use crate::clock::{use_clock, Clock};
use crate::domain::grouping::{account_sections, ServerGroup};
use crate::domain::locks::{RestoreLocks, RestorePhase, SentRestore};
use crate::domain::merge::AnswerOrder;
use crate::domain::model::{Server, Snapshot};
use crate::domain::progressive::LoadProgress;
use crate::idle::not_idle_while;
use crate::notify::{use_notifier, Notifier};
use crate::session::{use_session, Session};
use crate::toasts::{use_toasts, Toasts};
use leptos::prelude::*;
use std::collections::{BTreeSet, HashMap, HashSet};

/// A restore this tab started, followed until the server leaves `restoring`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RestoreProgress {
    /// The snapshot restored from.
    pub snapshot_id: u64,
    pub snapshot_name: String,
    pub started_ms: i64,
    pub phase: RestorePhase,
}

impl RestoreProgress {
    /// The restore of server `server_id`, as the locks see it.
    fn sent(&self, server_id: u64) -> SentRestore {
        SentRestore {
            server_id,
            snapshot_id: self.snapshot_id,
            started_ms: self.started_ms,
            phase: self.phase,
        }
    }
}

/// Bookkeeping that never drives the view.
#[derive(Default)]
struct Sequencing {
    order: AnswerOrder,
    poll_round: u32,
    poll_timer: Option<TimeoutHandle>,
    polling: bool,
    /// Whether the list holds the whole account (the last load was unfiltered),
    /// so that any server filter can be shown from it at once.
    covers_all: bool,
    /// Whether the whole account is loading behind a first screen: a server
    /// chosen meanwhile is read on its own, and the load goes on.
    behind: bool,
    /// Whether the rows read behind a first screen are to be handed over
    /// (see `behind.rs`).
    rows_due: bool,
    /// The snapshots this tab created: only these postpone the idle sign-out.
    own_creates: BTreeSet<u64>,
    /// Told whenever a server's status may have changed (see
    /// [`SnapshotStore::on_status_change`]).
    status_watchers: Vec<Callback<()>>,
}

impl Sequencing {
    /// Cancels the scheduled poll, if any.
    fn cancel_poll_timer(&mut self) {
        if let Some(timer) = self.poll_timer.take() {
            timer.clear();
        }
    }
}

/// The page's snapshot state (a `Copy` handle).
#[derive(Clone, Copy)]
pub struct SnapshotStore {
    client: StoredValue<ApiClient>,
    // Held here because async tasks run outside the component tree, where
    // contexts cannot be looked up.
    session: Session,
    toasts: Toasts,
    /// System notifications, when the app offers them.
    notifier: Option<Notifier>,
    // Each signal the page reads comes as a pair: the page gets the reading
    // half (see the methods below), and only this folder has the writing one.
    snapshots: ReadSignal<Vec<Snapshot>>,
    set_snapshots: WriteSignal<Vec<Snapshot>>,
    servers: ReadSignal<Option<Vec<Server>>>,
    set_servers: WriteSignal<Option<Vec<Server>>>,
    loaded_at: ReadSignal<Option<i64>>,
    set_loaded_at: WriteSignal<Option<i64>>,
    error: ReadSignal<Option<ApiError>>,
    set_error: WriteSignal<Option<ApiError>>,
    unreadable: ReadSignal<usize>,
    set_unreadable: WriteSignal<usize>,
    loading: ReadSignal<bool>,
    set_loading: WriteSignal<bool>,
    /// How far the whole account has loaded behind a first screen (`None`
    /// when no first screen was shown before it).
    progress: RwSignal<Option<LoadProgress>>,
    /// The rows of a load of the whole list read so far (kept here, not in
    /// the API too, so that 50,000 rows are held once), until it ends; read
    /// through `sections_read`.
    set_partial: WriteSignal<Vec<Snapshot>>,
    /// Whether the whole account is still loading behind a first screen
    /// (`progress` not done): a signal of its own, so that what asks hears
    /// only of its start and end, not of each page's progress.
    loading_behind: ReadSignal<bool>,
    set_loading_behind: WriteSignal<bool>,
    /// Restores started in this tab, by server id.
    restores: RwSignal<HashMap<u64, RestoreProgress>>,
    /// The servers being restored, which nothing may change.
    locks: Memo<RestoreLocks>,
    /// Every server's section, by name, newest first (worked out once read).
    sections: Memo<Vec<ServerGroup>>,
    /// The same of every row read so far, while the account loads behind.
    sections_read: Memo<Vec<ServerGroup>>,
    /// Whether the tab is visible and the browser online: polling waits otherwise.
    visible: RwSignal<bool>,
    online: RwSignal<bool>,
    filter: RwSignal<Option<u64>>,
    seq: StoredValue<Sequencing>,
    /// Snapshots whose end gets no notice of their own (see `announce.rs`).
    quiet: StoredValue<HashSet<u64>>,
}

/// Creates the store for the snapshots page, with its polling and its
/// listeners tied to the page's lifetime.
pub fn provide_snapshot_store(client: ApiClient) -> SnapshotStore {
    let (snapshots, set_snapshots) = signal(Vec::new());
    let (servers, set_servers) = signal(None);
    let (loaded_at, set_loaded_at) = signal(None);
    let (error, set_error) = signal(None);
    let (unreadable, set_unreadable) = signal(0);
    let (loading, set_loading) = signal(false);
    let (partial, set_partial) = signal(Vec::new());
    let restores = RwSignal::new(HashMap::new());
    let (loading_behind, set_loading_behind) = signal(false);
    let store = SnapshotStore {
        client: StoredValue::new(client),
        session: use_session(),
        toasts: use_toasts(),
        notifier: use_notifier(),
        snapshots,
        set_snapshots,
        servers,
        set_servers,
        loaded_at,
        set_loaded_at,
        error,
        set_error,
        unreadable,
        set_unreadable,
        loading,
        set_loading,
        progress: RwSignal::new(None),
        set_partial,
        loading_behind,
        set_loading_behind,
        restores,
        locks: restore_locks(servers, restores, use_clock()),
        sections: Memo::new_with_compare(
            move |_| {
                snapshots
                    .with(|all| servers.with(|servers| account_sections(all, servers.as_deref())))
            },
            always_new,
        ),
        sections_read: behind::sections_read(servers, snapshots, partial, loading_behind),
        visible: RwSignal::new(tab_visible()),
        online: RwSignal::new(online()),
        filter: RwSignal::new(None),
        seq: StoredValue::new(Sequencing::default()),
        quiet: StoredValue::new(HashSet::new()),
    };
    // Leptos's own listeners: leptos-use has no online/offline hook, and its
    // `use_document_visibility` is a signal, where a change must start a poll.
    let on_visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
        store.visible.set(tab_visible());
        store.poll_soon();
    });
    let on_online = window_event_listener(leptos::ev::online, move |_| {
        store.online.set(true);
        store.poll_soon();
    });
    let on_offline = window_event_listener(leptos::ev::offline, move |_| store.online.set(false));
    // A create or restore this tab sent postpones the idle sign-out; work
    // started elsewhere does not.
    not_idle_while(move || store.follows_own_work());
    on_cleanup(move || {
        on_visibility.remove();
        on_online.remove();
        on_offline.remove();
        store.stop_polling();
    });
    provide_context(store);
    store
}

/// The store provided by [`provide_snapshot_store`].
pub fn use_snapshot_store() -> SnapshotStore {
    expect_context()
}

/// The locks of servers being restored, from their statuses and the
/// restores this tab sent. The clock is read only while a restore's end
/// cannot be seen (its lock then times out).
fn restore_locks(
    servers: ReadSignal<Option<Vec<Server>>>,
    restores: RwSignal<HashMap<u64, RestoreProgress>>,
    clock: Clock,
) -> Memo<RestoreLocks> {
    Memo::new(move |_| {
        restores.with(|restores| {
            let untracked = restores
                .values()
                .any(|p| p.phase == RestorePhase::Untracked);
            let now = if untracked {
                clock.now_secs().saturating_mul(1000)
            } else {
                now_ms()
            };
            let sent = restores.iter().map(|(id, p)| p.sent(*id));
            servers.with(|servers| RestoreLocks::new(servers.iter().flatten(), sent, now))
        })
    })
}

/// Whether a memo's new value is news: always, for a list that changes with
/// the account. Comparing 50,000 snapshots with the last ones, to find them
/// equal after a refresh, cost as much as working them out again; what
/// reads the list compares only what it shows.
pub fn always_new<T>(_: Option<&T>, _: Option<&T>) -> bool {
    true
}

impl SnapshotStore {
    /// The number of the next request, for the newest answer to win.
    fn next_seq(&self) -> u64 {
        self.seq
            .try_update_value(|s| s.order.next())
            .unwrap_or_default()
    }
}
