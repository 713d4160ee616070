//! One batch of creates as the page keeps it: what is created, on which
//! servers, where each server is, and the words that tell it (the
//! summary, the sign-in page's report).

use crate::api::ApiError;
use crate::domain::batch::{Batch, Row, Step};
use crate::domain::model::Snapshot;
use crate::i18n::{Key, Msg};
use crate::snapshots::actions::CreateFailure;

/// The course of a batch of creates, with the app's failures.
pub type CreateSteps = Batch<CreateFailure, ApiError>;

/// One batch: what is created, on which servers, and where each server is.
#[derive(Clone, Debug, PartialEq)]
pub struct BatchRun {
    pub name: String,
    pub description: String,
    /// The chosen servers' names, by id, as they were when the batch started.
    pub server_names: Vec<(u64, String)>,
    /// The snapshot each server making room deletes first.
    pub making_room: Vec<Snapshot>,
    pub batch: CreateSteps,
}

impl BatchRun {
    /// The name of a server of the batch.
    pub fn server_name(&self, server_id: u64) -> &str {
        self.server_names
            .iter()
            .find(|(id, _)| *id == server_id)
            .map_or("", |(_, name)| name.as_str())
    }

    /// The old snapshot a server of the batch deletes to make room, if any.
    pub fn room_snapshot(&self, server_id: u64) -> Option<&Snapshot> {
        self.making_room.iter().find(|s| s.server.id == server_id)
    }

    /// The names of the servers whose row matches `keep`, as a list, or
    /// "none".
    fn names_where(&self, keep: impl Fn(&Row<CreateFailure, ApiError>) -> bool) -> Msg {
        let names: Vec<Msg> = self
            .batch
            .servers_where(keep)
            .into_iter()
            .map(|id| Msg::raw(self.server_name(id)))
            .collect();
        if names.is_empty() {
            Msg::from(Key::ListNone)
        } else {
            Msg::list(names)
        }
    }

    /// The batch in numbers: "12 of 20 created, 1 refused, 7 in progress",
    /// a part left out when it is zero.
    pub fn summary(&self) -> Msg {
        let b = &self.batch;
        let created = b
            .servers_where(|r| matches!(r.step, Step::Created(_)))
            .len();
        let refused = b
            .servers_where(|r| {
                matches!(
                    r.step,
                    Step::Failed(_) | Step::NotAsked | Step::RoomNotMade(_)
                )
            })
            .len();
        let left = b
            .servers_where(|r| matches!(r.step, Step::Waiting | Step::Sent | Step::MakingRoom))
            .len();
        Msg::create_many_summary(refused, left, created, b.rows().len())
    }

    /// What the sign-in page says of a batch a 401 stopped, once nothing is
    /// in flight any more.
    pub(super) fn signed_out_report(&self) -> Option<Msg> {
        if !(self.batch.is_stopped() && self.batch.is_finished()) {
            return None;
        }
        let started = self.names_where(|r| matches!(r.step, Step::Created(_)));
        let not_asked = self.names_where(|r| {
            matches!(r.step, Step::RoomNotMade(_)) || (r.step == Step::NotAsked && !r.made_room)
        });
        let failed = self.names_where(|r| matches!(r.step, Step::Failed(_)));
        if self.making_room.is_empty() {
            return Some(Msg::batch_signed_out(started, not_asked, failed));
        }
        let room_gone = self.names_where(|r| r.made_room && !matches!(r.step, Step::Created(_)));
        Some(Msg::batch_signed_out_room(
            started, not_asked, failed, room_gone,
        ))
    }
}
