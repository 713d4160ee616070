//! A big account's first screen: its first servers read whole, a few at a
//! time, and shown before the whole list (`load.rs` starts it, and the
//! whole list's load behind it); a server chosen meanwhile is read whole too.

use super::SnapshotStore;
use crate::api::{ApiClient, ApiError, FirstPage};
use crate::browser::now_ms;
use crate::domain::model::{Server, Snapshot};
use crate::domain::progressive;
use leptos::prelude::*;

/// Servers of the first screen asked for at once (the four futures joined
/// below): a few, leaving the browser's other connections free.
const FIRST_SCREEN_IN_FLIGHT: usize = 4;

impl SnapshotStore {
    /// Shows the first servers of a big account with all their snapshots
    /// (`?server_id=`, a few at once), appended a few at a time in the
    /// list's order, before the whole list is read; returns the Servers
    /// API's first page, for the whole list of servers to go on from.
    /// `Err` when the session ended or a newer load was sent meanwhile.
    /// Without the Servers API, or for a server whose answer failed, the
    /// whole list shows it later.
    pub(super) async fn show_first_screen(
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
    pub(super) fn read_server(&self, id: u64) {
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
}
