//! The snapshot list as reactive state: loaded, refreshed, polled while work
//! is in progress, and updated in place after a create, restore or delete.
//!
//! The rules that merge list answers (numbering, stale answers dropped) are
//! pure functions in `domain::merge`; this file holds the signals, the
//! listeners and the loads; `polling.rs` follows work in progress.

use super::selection::Selection;
use crate::api::{ApiClient, ApiError, Listed};
use crate::browser::{now_ms, online, tab_visible};
use crate::domain::locks::{RestoreLocks, RestorePhase, SentRestore};
use crate::domain::merge::{self, AnswerOrder};
use crate::domain::model::{Server, ServerStatus, Snapshot};
use crate::i18n::Msg;
use crate::idle::not_idle_while;
use crate::notify::{use_notifier, Notifier};
use crate::session::{use_session, Session};
use crate::toasts::{use_toasts, Toasts, Tone};
use leptos::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::time::Duration;

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

/// Why a create did not lead to a new snapshot.
#[derive(Clone, Debug, PartialEq)]
pub enum CreateFailure {
    /// The API answered with a refusal (400, 404, …).
    Refused(ApiError),
    /// No answer came, and the list confirms nothing was created.
    NotCreated(ApiError),
    /// No answer came, and the list could not be checked either.
    Unknown(ApiError),
}

/// Bookkeeping that never drives the view.
#[derive(Default)]
pub(super) struct Sequencing {
    pub(super) order: AnswerOrder,
    pub(super) poll_round: u32,
    pub(super) poll_timer: Option<TimeoutHandle>,
    pub(super) polling: bool,
    /// Whether the list holds the whole account (the last load was unfiltered),
    /// so that any server filter can be shown from it at once.
    covers_all: bool,
    /// The snapshots this tab created: only these postpone the idle sign-out.
    pub(super) own_creates: BTreeSet<u64>,
}

impl Sequencing {
    /// Cancels the scheduled poll, if any.
    pub(super) fn cancel_poll_timer(&mut self) {
        if let Some(timer) = self.poll_timer.take() {
            timer.clear();
        }
    }
}

/// The page's snapshot state (a `Copy` handle).
#[derive(Clone, Copy)]
pub struct SnapshotStore {
    pub(super) client: StoredValue<ApiClient>,
    // Held here because async tasks run outside the component tree, where
    // contexts cannot be looked up.
    pub(super) session: Session,
    pub(super) toasts: Toasts,
    /// The snapshots chosen to delete together: a lock takes its server's out.
    pub(super) selection: Selection,
    /// System notifications, when the app offers them.
    pub(super) notifier: Option<Notifier>,
    /// The loaded snapshots, for the current server filter.
    pub snapshots: RwSignal<Vec<Snapshot>>,
    /// The account's servers, or `None` when the Servers API is unavailable.
    pub servers: RwSignal<Option<Vec<Server>>>,
    /// When the list last loaded successfully (Unix ms).
    pub loaded_at: RwSignal<Option<i64>>,
    /// Why the last load failed, while it is not fixed by a later one.
    pub error: RwSignal<Option<ApiError>>,
    /// How many snapshots of the last load could not be read (and are not shown).
    pub unreadable: RwSignal<usize>,
    pub loading: RwSignal<bool>,
    /// Restores started in this tab, by server id.
    pub restores: RwSignal<HashMap<u64, RestoreProgress>>,
    /// The servers being restored, which nothing may change (see
    /// [`SnapshotStore::is_locked`]).
    pub locks: Memo<RestoreLocks>,
    /// Whether the tab is visible and the browser online: polling waits otherwise.
    pub visible: RwSignal<bool>,
    pub online: RwSignal<bool>,
    /// The time in Unix seconds, ticking so "2 minutes ago" stays true.
    pub now_secs: RwSignal<i64>,
    filter: RwSignal<Option<u64>>,
    pub(super) seq: StoredValue<Sequencing>,
}

/// Creates the store for the snapshots page, with its polling and its
/// listeners tied to the page's lifetime.
pub fn provide_snapshot_store(client: ApiClient, selection: Selection) -> SnapshotStore {
    let servers = RwSignal::new(None);
    let restores = RwSignal::new(HashMap::new());
    let now_secs = RwSignal::new(now_ms() / 1000);
    let store = SnapshotStore {
        client: StoredValue::new(client),
        session: use_session(),
        toasts: use_toasts(),
        selection,
        notifier: use_notifier(),
        snapshots: RwSignal::new(Vec::new()),
        servers,
        loaded_at: RwSignal::new(None),
        error: RwSignal::new(None),
        unreadable: RwSignal::new(0),
        loading: RwSignal::new(false),
        restores,
        locks: restore_locks(servers, restores, now_secs),
        visible: RwSignal::new(tab_visible()),
        online: RwSignal::new(online()),
        now_secs,
        filter: RwSignal::new(None),
        seq: StoredValue::new(Sequencing::default()),
    };
    let on_visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
        store.visible.set(tab_visible());
        store.poll_soon();
    });
    let on_online = window_event_listener(leptos::ev::online, move |_| {
        store.online.set(true);
        store.poll_soon();
    });
    let on_offline = window_event_listener(leptos::ev::offline, move |_| store.online.set(false));
    let clock = set_interval_with_handle(
        move || store.now_secs.set(now_ms() / 1000),
        Duration::from_secs(15),
    )
    .ok();
    // A create or restore this tab sent postpones the idle sign-out; work
    // started elsewhere does not.
    not_idle_while(move || store.follows_own_work());
    on_cleanup(move || {
        if let Some(clock) = clock {
            clock.clear();
        }
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
    servers: RwSignal<Option<Vec<Server>>>,
    restores: RwSignal<HashMap<u64, RestoreProgress>>,
    now_secs: RwSignal<i64>,
) -> Memo<RestoreLocks> {
    Memo::new(move |_| {
        restores.with(|restores| {
            let untracked = restores
                .values()
                .any(|p| p.phase == RestorePhase::Untracked);
            let now = if untracked {
                now_secs.get().saturating_mul(1000)
            } else {
                now_ms()
            };
            let sent = restores.iter().map(|(id, p)| p.sent(*id));
            servers.with(|servers| RestoreLocks::new(servers.iter().flatten(), sent, now))
        })
    })
}

impl SnapshotStore {
    /// False once the page is gone: late answers are then dropped.
    pub(super) fn alive(&self) -> bool {
        self.seq.try_with_value(|_| ()).is_some()
    }

    fn next_seq(&self) -> u64 {
        self.seq
            .try_update_value(|s| s.order.next())
            .unwrap_or_default()
    }

    pub(super) fn client(&self) -> Option<ApiClient> {
        self.client.try_get_value()
    }

    /// Loads everything for the server filter (`None`: all servers), keeping
    /// what is shown on screen if the load fails.
    ///
    /// Once the whole account is loaded, a filter is shown from it at once and
    /// only refreshed in the background: switching servers never empties the
    /// page.
    pub fn load(&self, filter: Option<u64>) {
        let store = *self;
        let covers_all = self.seq.try_with_value(|s| s.covers_all) == Some(true);
        if self.filter.get_untracked() != filter {
            self.filter.set(filter);
            if !covers_all {
                self.snapshots.set(Vec::new());
                self.loaded_at.set(None);
            }
        }
        self.loading.set(true);
        let Some(seq) = self.seq.try_update_value(|s| s.order.start_load()) else {
            return;
        };
        let Some(client) = self.client() else { return };
        // The first load after signing in goes on from the page the token
        // check read, unless it is one server's. Taken either way: later, it
        // would be stale.
        let first_page = self.session.take_first_page().filter(|_| filter.is_none());
        leptos::task::spawn_local(async move {
            let one_server = filter.filter(|_| covers_all);
            let servers = async {
                match one_server {
                    // The other servers are known already.
                    Some(id) => client.get_server(id).await.map(|s| vec![s]),
                    None => client.list_servers().await,
                }
            };
            let snapshots = async {
                match first_page {
                    Some(first) => client.list_snapshots_after(first).await,
                    None => client.list_snapshots(filter).await,
                }
            };
            let (snapshots, servers) = futures::join!(snapshots, servers);
            // A newer load (Refresh, another filter) was sent meanwhile: this
            // answer, success or failure, no longer says anything.
            let latest = store.seq.try_with_value(|s| s.order.is_latest_load(seq));
            if latest != Some(true) {
                return;
            }
            store.loading.set(false);
            match (servers, one_server) {
                (Ok(list), None) => store.set_servers(Some(list)),
                (Ok(list), Some(_)) => list
                    .into_iter()
                    .for_each(|server| store.set_server_status(server.id, server.status)),
                // Without the Servers API the list still works from snapshots.
                (Err(ApiError::Unauthorized), _) | (Err(_), Some(_)) => {}
                (Err(_), None) => store.set_servers(None),
            }
            match snapshots {
                Ok(Listed { items, unreadable }) => {
                    match one_server {
                        Some(id) => store.apply_server(seq, id, items),
                        None => {
                            store.unreadable.set(unreadable);
                            store.apply_all(seq, items);
                            store.seq.update_value(|s| s.covers_all = filter.is_none());
                        }
                    }
                    store.error.set(None);
                    store.loaded_at.set(Some(now_ms()));
                    store.schedule_poll(true);
                }
                Err(ApiError::Unauthorized) => store.session.expire(None),
                Err(error) => store.error.set(Some(error)),
            }
        });
    }

    /// Reloads the current view (the Refresh and Retry buttons).
    pub fn refresh(&self) {
        self.load(self.filter.get_untracked());
    }

    /// Shows a whole-list answer, except for servers that already show a newer one.
    fn apply_all(&self, seq: u64, list: Vec<Snapshot>) {
        let Some(Some(keep)) = self.seq.try_update_value(|s| s.order.accept_all(seq)) else {
            return;
        };
        self.snapshots
            .update(|current| merge::merge_all(current, list, &keep));
    }

    /// Shows one server's fresh list, unless something newer is already shown,
    /// and announces snapshots that finished meanwhile.
    fn apply_server(&self, seq: u64, server_id: u64, list: Vec<Snapshot>) {
        let accepted = self
            .seq
            .try_update_value(|s| s.order.accept_server(seq, server_id));
        if accepted != Some(true) {
            return;
        }
        let mut finished = Vec::new();
        self.snapshots
            .update(|all| finished = merge::merge_server(all, server_id, list));
        for snapshot in &finished {
            self.announce_finished(snapshot);
        }
    }

    /// Reloads one server's snapshots in the background.
    pub(super) fn refresh_server(&self, server_id: u64) {
        let store = *self;
        let Some(client) = self.client() else { return };
        leptos::task::spawn_local(async move {
            store.reload_server(&client, server_id).await;
        });
    }

    /// Reloads one server's snapshots; false when the token was rejected (and
    /// the session has ended). Other failures leave the list as it is.
    pub(super) async fn reload_server(&self, client: &ApiClient, server_id: u64) -> bool {
        let seq = self.next_seq();
        let result = client.list_snapshots(Some(server_id)).await;
        if !self.alive() {
            return false;
        }
        match result {
            Ok(listed) => self.apply_server(seq, server_id, listed.items),
            Err(ApiError::Unauthorized) => {
                self.session.expire(None);
                return false;
            }
            // A failed poll is tried again at the next round.
            Err(_) => {}
        }
        true
    }

    /// Marks a server as changed by this tab now, so that answers to requests
    /// sent before the change are dropped.
    fn touch_server(&self, server_id: u64) {
        self.seq.update_value(|s| s.order.touch(server_id));
    }

    /// Shows a snapshot the API has just started creating, and polls until it ends.
    pub(super) fn insert_created(&self, snapshot: Snapshot) {
        // The answer may come after the page is gone (a 401 elsewhere signed
        // out meanwhile): there is no list left to show it in.
        if !self.alive() {
            return;
        }
        self.touch_server(snapshot.server.id);
        self.seq.update_value(|s| {
            s.own_creates.insert(snapshot.id);
        });
        self.snapshots
            .update(|all| merge::insert_created(all, snapshot));
        self.schedule_poll(true);
    }

    /// Removes a deleted snapshot from the list.
    pub(super) fn remove(&self, snapshot: &Snapshot) {
        if !self.alive() {
            return;
        }
        self.touch_server(snapshot.server.id);
        self.snapshots
            .update(|all| all.retain(|s| s.id != snapshot.id));
    }

    /// Follows a restore the API has accepted, from `snapshot`: its server
    /// is locked until the restore ends.
    pub(super) fn start_restore(&self, snapshot: &Snapshot) {
        if !self.alive() {
            return;
        }
        let phase = if self.servers.with_untracked(Option::is_some) {
            RestorePhase::Restoring
        } else {
            RestorePhase::Untracked
        };
        self.restores.update(|r| {
            r.insert(
                snapshot.server.id,
                RestoreProgress {
                    snapshot_id: snapshot.id,
                    snapshot_name: snapshot.name.clone(),
                    started_ms: now_ms(),
                    phase,
                },
            );
        });
        self.set_server_status(snapshot.server.id, ServerStatus::Restoring);
        self.schedule_poll(true);
    }

    /// Whether server `server_id` is being restored, so that nothing may be
    /// taken, restored or deleted on it (tracked).
    pub fn is_locked(&self, server_id: u64) -> bool {
        self.locks.with(|locks| locks.is_locked(server_id))
    }

    /// [`Self::is_locked`], untracked: the last check before a write.
    pub(super) fn is_locked_now(&self, server_id: u64) -> bool {
        self.locks
            .try_with_untracked(|locks| locks.is_locked(server_id))
            .unwrap_or(false)
    }

    /// Takes in the Servers API's list (`None`: not available).
    fn set_servers(&self, servers: Option<Vec<Server>>) {
        self.servers.set(servers);
        self.drop_locked_from_selection();
    }

    pub(super) fn set_server_status(&self, server_id: u64, status: ServerStatus) {
        self.servers.update(|servers| {
            if let Some(server) = servers.iter_mut().flatten().find(|s| s.id == server_id) {
                server.status = status;
            }
        });
        self.drop_locked_from_selection();
    }

    /// Where a server may have become locked: its snapshots chosen before
    /// leave the selection, and the user is told which servers and why. A
    /// second call finds nothing more to take out, so this is said once.
    fn drop_locked_from_selection(&self) {
        let servers = self.selection.drop_locked(*self);
        if servers.is_empty() {
            return;
        }
        let count = servers.len();
        let names: Vec<String> = servers.into_iter().map(|s| s.name).collect();
        self.toasts.push(
            Msg::toast_selection_dropped_restoring(count, names.join(", ")),
            Tone::Info,
        );
    }
}
