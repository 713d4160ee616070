//! Loading the list: the whole account or one server, newest answer wins.
//! A big account shows its first servers first, each read on its own, and
//! loads the whole list behind them (`first_screen.rs` shows those servers,
//! `behind.rs` keeps what the load has read so far for search and the
//! server filter until it is all there).

use super::SnapshotStore;
use crate::api::{ApiClient, ApiError, FirstPage, Listed, Told};
use crate::browser::now_ms;
use crate::domain::merge;
use crate::domain::model::Snapshot;
use crate::domain::progressive::LoadProgress;
use leptos::prelude::*;
use std::cell::Cell;

impl SnapshotStore {
    /// Loads everything for the server filter (`None`: all servers), keeping
    /// what is shown on screen if the load fails.
    ///
    /// Once the whole account is loaded, a filter is shown from it at once and
    /// only refreshed in the background: switching servers never empties the
    /// page. While it loads behind a first screen, it goes on loading
    /// whatever is chosen meanwhile: a server chosen is read whole at once.
    pub fn load(&self, filter: Option<u64>) {
        let store = *self;
        if self.seq.try_with_value(|s| s.behind) == Some(true) {
            self.filter.set(filter);
            if let Some(id) = filter {
                self.read_server(id);
            }
            return;
        }
        let covers_all = self.seq.try_with_value(|s| s.covers_all) == Some(true);
        if self.filter.get_untracked() != filter {
            self.filter.set(filter);
            if !covers_all {
                self.set_snapshots.set(Vec::new());
                self.set_loaded_at.set(None);
            }
        }
        self.set_loading.set(true);
        // The first load after signing in goes on from the page the token
        // check read, unless it is one server's. Taken either way: later, it
        // would be stale.
        let first_page = self.session.take_first_page().filter(|_| filter.is_none());
        // Right after signing in, a big account's first servers first.
        let nothing_shown = self.loaded_at.get_untracked().is_none();
        let first_screen = first_page
            .as_ref()
            .filter(|f| nothing_shown && f.long_list())
            .map(FirstPage::progress);
        // Behind a first screen, or going on after one (Retry).
        let behind = filter.is_none() && (first_screen.is_some() || self.loading_behind_now());
        let Some(seq) = self.seq.try_update_value(|s| {
            s.behind = behind;
            s.order.start_load()
        }) else {
            return;
        };
        let Some(client) = self.client() else { return };
        if let Some((read, Some(total))) = first_screen {
            self.set_progress(Some(LoadProgress::started(read, total)));
        }
        if filter.is_some() {
            // The whole account's load, if one ran, is no longer shown.
            self.set_progress(None);
        }
        // Rows kept aside by an earlier load of the whole list are stale.
        self.set_partial.set(Vec::new());
        leptos::task::spawn_local(async move {
            let mut first_servers = None;
            if first_screen.is_some() {
                match store.show_first_screen(&client, seq).await {
                    Ok(page) => first_servers = page,
                    Err(()) => return,
                }
            }
            // The whole list's rows are told page by page and kept aside
            // (once: not here and in the API too) until all are read.
            let unreadable = Cell::new(0);
            let tell = |told: Told<Snapshot>| store.told(seq, told, &unreadable, behind);
            let one_server = filter.filter(|_| covers_all);
            let servers = async {
                match one_server {
                    // The other servers are known already.
                    Some(id) => client.get_server(id).await.map(|s| vec![s]),
                    None => client.list_servers(first_servers).await,
                }
            };
            let snapshots = async {
                match filter {
                    Some(id) => client.list_snapshots(id).await,
                    None => client
                        .list_account(first_page, &tell)
                        .await
                        .map(|()| Listed {
                            items: Vec::new(),
                            unreadable: unreadable.get(),
                        }),
                }
            };
            let (snapshots, servers) = futures::join!(snapshots, servers);
            // A newer load (Refresh, another filter) was sent meanwhile: this
            // answer, success or failure, no longer says anything.
            let latest = store.seq.try_update_value(|s| {
                let latest = s.order.is_latest_load(seq);
                s.behind &= !latest;
                latest
            });
            if latest != Some(true) {
                return;
            }
            store.set_loading.set(false);
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
                            let items = match filter {
                                Some(_) => items,
                                None => store
                                    .set_partial
                                    .try_update(std::mem::take)
                                    .unwrap_or_default(),
                            };
                            if store.progress.get_untracked().is_some() {
                                let read = items.len() + unreadable;
                                store.set_progress(Some(LoadProgress::finished(read)));
                            }
                            store.set_unreadable.set(unreadable);
                            store.apply_all(seq, items);
                            store.seq.update_value(|s| s.covers_all = filter.is_none());
                        }
                    }
                    store.set_error.set(None);
                    store.set_loaded_at.set(Some(now_ms()));
                    store.schedule_poll(true);
                }
                Err(ApiError::Unauthorized) => store.session.expire(None),
                Err(error) => {
                    // Rows read so far stay for search only behind a first screen.
                    if !behind {
                        store.set_partial.update_untracked(Vec::clear);
                    }
                    store.set_error.set(Some(error));
                }
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
        self.set_snapshots
            .update(|current| merge::merge_all(current, list, &keep));
    }

    /// Shows one server's fresh list, unless something newer is already shown,
    /// and announces snapshots that finished meanwhile.
    pub(super) fn apply_server(&self, seq: u64, server_id: u64, list: Vec<Snapshot>) {
        let accepted = self
            .seq
            .try_update_value(|s| s.order.accept_server(seq, server_id));
        if accepted != Some(true) {
            return;
        }
        let mut finished = Vec::new();
        self.set_snapshots
            .update(|all| finished = merge::merge_server(all, server_id, list));
        for snapshot in &finished {
            self.announce_finished(snapshot);
        }
    }

    /// Reloads one server's snapshots in the background.
    pub fn refresh_server(&self, server_id: u64) {
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
        let result = client.list_snapshots(server_id).await;
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
}
