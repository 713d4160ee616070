//! What the server page knows of its server: the Servers API's answer for
//! it (asked once), and its group of the snapshot list (live, from the
//! store, which polls it while work is in progress).

use crate::api::ApiError;
use crate::domain::grouping::{group_snapshots, ServerGroup};
use crate::domain::list_view::ListView;
use crate::domain::model::{Server, ServerStatus};
use crate::snapshots::store::SnapshotStore;
use leptos::prelude::*;

/// The server page's facts about server `id` (a `Copy` handle).
#[derive(Clone, Copy)]
pub(super) struct ServerFacts {
    pub id: u64,
    /// `GET /api/v1/servers/{id}/`, once answered.
    answer: RwSignal<Option<Result<Server, ApiError>>>,
    /// The server's section of the list: `None` until something names it.
    pub group: Memo<Option<ServerGroup>>,
    store: SnapshotStore,
}

impl ServerFacts {
    /// Loads server `id`'s snapshots into `store` and asks the Servers API
    /// for the server.
    pub fn load(store: SnapshotStore, id: u64) -> Self {
        let answer: RwSignal<Option<Result<Server, ApiError>>> = RwSignal::new(None);
        let group = Memo::new(move |_| {
            let view = ListView {
                server: Some(id),
                ..ListView::default()
            };
            // The one server the Servers API gave, when it did not list them all.
            let one = answer.with(|a| a.as_ref().and_then(|a| a.as_ref().ok()).cloned());
            store.snapshots().with(|snapshots| {
                store.servers().with(|servers| {
                    let servers = servers
                        .as_deref()
                        .or(one.as_ref().map(std::slice::from_ref));
                    group_snapshots(snapshots, servers, &view)
                        .into_iter()
                        .find(|g| g.server.id == id)
                })
            })
        });
        store.load(Some(id));
        if let Some(client) = store.client() {
            leptos::task::spawn_local(async move {
                let result = client.get_server(id).await;
                // A 401 ends the session through the store's own load.
                let _ = answer.try_set(Some(result));
            });
        }
        Self {
            id,
            answer,
            group,
            store,
        }
    }

    /// The server as the Servers API described it: its own answer, else
    /// its entry in the list of servers (tracked).
    pub fn server(self) -> Option<Server> {
        let own = self
            .answer
            .with(|a| a.as_ref().and_then(|a| a.as_ref().ok()).cloned());
        own.or_else(|| self.store.server(self.id))
    }

    /// Why the Servers API told nothing of the server, once it has answered
    /// (tracked).
    pub fn missing(self) -> Option<ApiError> {
        if self.server().is_some() {
            return None;
        }
        self.answer
            .with(|a| a.as_ref().and_then(|a| a.as_ref().err()).cloned())
    }

    /// The server's name: from its section, else the Servers API, else its
    /// number (tracked).
    pub fn name(self) -> String {
        self.group
            .with(|g| g.as_ref().map(|g| g.server.name.to_string()))
            .or_else(|| self.server().map(|s| s.name))
            .unwrap_or_else(|| format!("#{}", self.id))
    }

    /// The server's state: live from the store, else as the Servers API said.
    pub fn status(self) -> ServerStatus {
        self.group
            .with(|g| g.as_ref().and_then(|g| g.status.clone()))
            .or_else(|| self.server().map(|s| s.status))
            .unwrap_or_default()
    }

    /// Whether nothing names this server: the list has loaded without it and
    /// the Servers API did not know it either (tracked).
    pub fn is_unknown(self) -> bool {
        self.store.loaded_at().with(Option::is_some)
            && self.group.with(Option::is_none)
            && self.answer.with(|a| a.as_ref().is_some_and(Result::is_err))
    }

    /// Whether the page still waits for its first answers (tracked).
    pub fn is_loading(self) -> bool {
        self.group.with(Option::is_none)
            && (self.store.loaded_at().with(Option::is_none) || self.answer.with(Option::is_none))
    }
}
