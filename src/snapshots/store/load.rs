//! Loading the list: the whole account or one server, newest answer wins.
//! A big account shows its first servers first, each read on its own, and
//! loads the whole list behind them (`behind.rs` keeps what it has read so
//! far for search and the server filter until it is all there).

use super::SnapshotStore;
use crate::api::{ApiClient, ApiError, FirstPage, Listed, Told};
use crate::browser::now_ms;
use crate::domain::merge;
use crate::domain::model::{Server, Snapshot};
use crate::domain::progressive::{self, LoadProgress};
use leptos::prelude::*;
use std::cell::Cell;

/// Servers of the first screen asked for at once (the four futures joined
/// below): a few, leaving the browser's other connections free.
const FIRST_SCREEN_IN_FLIGHT: usize = 4;

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

    /// Shows the first servers of a big account with all their snapshots
    /// (`?server_id=`, a few at once), appended a few at a time in the
    /// list's order, before the whole list is read; returns the Servers
    /// API's first page, for the whole list of servers to go on from.
    /// `Err` when the session ended or a newer load was sent meanwhile.
    /// Without the Servers API, or for a server whose answer failed, the
    /// whole list shows it later.
    async fn show_first_screen(
        &self,
        client: &ApiClient,
        load: u64,
    ) -> Result<Option<FirstPage<Server>>, ()> {
        let page = match client.first_servers().await {
            Ok(page) => page,
            Err(ApiError::Unauthorized) => {
                self.session.expire(None);
                return Err(());
            }
            Err(_) => return Ok(None),
        };
        let servers = progressive::first_screen(page.items().to_vec());
        // The servers known are those shown (or chosen meanwhile), until the
        // whole list is read.
        self.set_servers.update(|known| {
            known.get_or_insert_with(Vec::new);
        });
        // A few at a time, each few shown as soon as it is read: below the
        // sections already shown, as the list orders them by name.
        for few in servers.chunks(FIRST_SCREEN_IN_FLIGHT) {
            // Numbered when asked: the whole list, asked later, must not
            // overwrite these answers with older ones. Four futures of one
            // type joined, rather than `join_all`, whose general case would
            // cost the download more.
            let read = |i: usize| {
                let asked = few.get(i).map(|server| (server, self.next_seq()));
                async move {
                    let (server, seq) = asked?;
                    Some((server, seq, client.list_snapshots(server.id).await))
                }
            };
            let (a, b, c, d) = futures::future::join4(read(0), read(1), read(2), read(3)).await;
            for (server, seq, answer) in [a, b, c, d].into_iter().flatten() {
                if self.seq.try_with_value(|s| s.order.is_latest_load(load)) != Some(true) {
                    return Err(());
                }
                match answer {
                    Ok(listed) => self.show_whole(seq, server.clone(), listed.items),
                    Err(ApiError::Unauthorized) => {
                        self.session.expire(None);
                        return Err(());
                    }
                    Err(_) => {}
                }
            }
        }
        Ok(Some(page))
    }

    /// Reads server `id` whole (`?server_id=`) and shows it, while the
    /// whole account loads behind a first screen: the server chosen in the
    /// filter meanwhile. If that fails, the whole list shows it later.
    fn read_server(&self, id: u64) {
        let store = *self;
        let Some(client) = self.client() else { return };
        leptos::task::spawn_local(async move {
            let seq = store.next_seq();
            let (snapshots, server) =
                futures::join!(client.list_snapshots(id), client.get_server(id));
            if !store.alive() {
                return;
            }
            match (snapshots, server) {
                (Ok(listed), Ok(server)) => store.show_whole(seq, server, listed.items),
                (Err(ApiError::Unauthorized), _) | (_, Err(ApiError::Unauthorized)) => {
                    store.session.expire(None)
                }
                _ => {}
            }
        });
    }

    /// Shows `server` with all its snapshots, read by request `seq`, before
    /// the whole list has come.
    fn show_whole(&self, seq: u64, server: Server, snapshots: Vec<Snapshot>) {
        self.set_servers.update(|known| {
            let known = known.get_or_insert_with(Vec::new);
            match known.iter_mut().find(|s| s.id == server.id) {
                Some(shown) => *shown = server.clone(),
                None => known.push(server.clone()),
            }
        });
        self.apply_server(seq, server.id, snapshots);
        if self.loaded_at.get_untracked().is_none() {
            self.set_loaded_at.set(Some(now_ms()));
        }
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
    fn apply_server(&self, seq: u64, server_id: u64, list: Vec<Snapshot>) {
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
