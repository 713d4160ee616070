//! What the "New snapshot" form holds: the server chosen, the name and
//! description, and the snapshot "make room" would delete first.

use crate::api::types::NewSnapshot;
use crate::browser::now_ms;
use crate::domain::grouping::ServerGroup;
use crate::domain::model::Snapshot;
use crate::domain::validation::default_name;
use crate::snapshots::dialogs::fields::name_problem;
use crate::snapshots::dialogs::make_room::{room_candidate, RoomConfirm};
use crate::snapshots::store::SnapshotStore;
use leptos::prelude::*;

/// The form's state, shared by its parts.
#[derive(Clone, Copy)]
pub struct CreateForm {
    /// The server chosen, if any.
    pub selected: RwSignal<Option<u64>>,
    /// The chosen server with its snapshots.
    pub selected_group: Memo<Option<ServerGroup>>,
    /// Whether the chosen server is being restored: it takes no snapshot,
    /// and the dialog says why.
    pub locked: Memo<bool>,
    pub name: RwSignal<String>,
    /// Whether the user typed the name: then choosing another server keeps it.
    pub name_edited: RwSignal<bool>,
    pub description: RwSignal<String>,
    /// What is wrong with `name` by the console's own rule.
    pub name_problem: Memo<Option<String>>,
    /// At the limit, "make room" deletes this oldest completed snapshot first.
    pub room: Memo<Option<Snapshot>>,
    pub room_confirm: RoomConfirm,
}

impl CreateForm {
    /// The form with `server_id` chosen, else the first server that can
    /// take a snapshot, and a default name for it.
    pub fn new(store: SnapshotStore, server_id: Option<u64>) -> Self {
        // Every server's section, by name: the store's own, copied by no dialog.
        let choices = store.sections();
        let initial = choices.with_untracked(|groups| {
            server_id.or_else(|| {
                groups
                    .iter()
                    .find(|g| !g.is_full() && !store.is_locked_now(g.server.id))
                    .map(|g| g.server.id)
            })
        });
        let selected = RwSignal::new(initial);
        let selected_group = Memo::new(move |_| {
            let id = selected.get();
            choices.with(|groups| groups.iter().find(|g| Some(g.server.id) == id).cloned())
        });
        let locked = Memo::new(move |_| selected.get().is_some_and(|id| store.is_locked(id)));
        let name = RwSignal::new(selected_group.with_untracked(|g| default_for(g.as_ref())));
        let room = Memo::new(move |_| {
            selected_group.with(|g| g.as_ref().filter(|g| g.is_full()).and_then(room_candidate))
        });
        Self {
            selected,
            selected_group,
            locked,
            name,
            name_edited: RwSignal::new(false),
            description: RwSignal::new(String::new()),
            name_problem: name_problem(name),
            room,
            room_confirm: RoomConfirm::default(),
        }
    }

    /// The chosen server's name, or nothing (tracked).
    pub fn selected_name(&self) -> String {
        self.selected_group.with(|g| {
            g.as_ref()
                .map(|g| g.server.name.to_string())
                .unwrap_or_default()
        })
    }

    /// Chooses the server `id`; the name follows it until the user types one.
    pub fn choose(&self, id: Option<u64>) {
        self.selected.set(id);
        if !self.name_edited.get_untracked() {
            let name = self
                .selected_group
                .with_untracked(|g| default_for(g.as_ref()));
            self.name.set(name);
        }
    }

    /// Whether the chosen server is at the limit (tracked).
    pub fn at_limit(&self) -> bool {
        self.selected_group
            .with(|g| g.as_ref().is_some_and(ServerGroup::is_full))
    }

    /// Whether "make room" is confirmed: for the very snapshot named now,
    /// never for one named before (tracked).
    pub fn can_make_room(&self) -> bool {
        self.room.with(|old| {
            old.as_ref()
                .is_some_and(|old| self.room_confirm.confirms(std::slice::from_ref(old)))
        })
    }

    /// The snapshot to create, if the form asks for one now.
    pub fn request(&self) -> Option<NewSnapshot> {
        if self.name_problem.get_untracked().is_some() || self.locked.get_untracked() {
            return None;
        }
        Some(NewSnapshot {
            server_id: self.selected.get_untracked()?,
            name: self.name.get_untracked(),
            description: self.description.get_untracked().trim().to_string(),
        })
    }
}

/// The default name of a snapshot of `group`'s server.
fn default_for(group: Option<&ServerGroup>) -> String {
    default_name(
        group.map_or("snapshot", |g| &g.server.name),
        now_ms() / 1000,
    )
}
