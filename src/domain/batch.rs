//! The rules of a batch of creates ("Snapshot several servers"): the
//! default name, and the batch's course, where each chosen server is asked
//! exactly once and only a few at a time, and a server that makes room is
//! asked only once its old snapshot is deleted. (Which servers are full is
//! `ServerGroup::is_full`'s to say.)

use super::time::name_stamp;

/// How many creates of a batch may be waiting for an answer at once.
pub const MAX_IN_FLIGHT: usize = 4;

/// The default name shared by a batch, e.g. `pre-change-2026-12-01-1935` (UTC).
pub fn batch_default_name(now_unix: i64) -> String {
    format!("pre-change-{}", name_stamp(now_unix))
}

/// Why the old snapshot of a server making room was not deleted. `D` is the
/// app's error value for a delete.
#[derive(Clone, Debug, PartialEq)]
pub enum NoRoom<D> {
    /// The operator undid the delete (or it was cancelled): nothing was sent.
    Undone,
    /// The DELETE was refused or got no answer.
    Failed(D),
}

/// Where one server of a batch is. `F` is why a create did not lead to a
/// snapshot, `D` why a delete failed (the app's error values; this module
/// does not look inside).
#[derive(Clone, Debug, PartialEq)]
pub enum Step<F, D = F> {
    /// Its old snapshot is being deleted to make room (the undo window, then
    /// the DELETE); the create waits for it.
    MakingRoom,
    /// The old snapshot was not deleted, so the create was not sent.
    RoomNotMade(NoRoom<D>),
    /// Not asked yet.
    Waiting,
    /// Its request is on its way; no answer yet.
    Sent,
    /// The API started the snapshot with this id.
    Created(u64),
    /// No snapshot came of the request.
    Failed(F),
    /// The batch stopped before this server was asked: no create was sent.
    NotAsked,
}

/// One server of a batch.
#[derive(Clone, Debug, PartialEq)]
pub struct Row<F, D = F> {
    pub server_id: u64,
    pub step: Step<F, D>,
    /// Whether its old snapshot was deleted to make room (the DELETE
    /// succeeded, or found it already gone).
    pub made_room: bool,
}

/// A batch: one row per chosen server, in the order they are sent.
#[derive(Clone, Debug, PartialEq)]
pub struct Batch<F, D = F> {
    rows: Vec<Row<F, D>>,
    stopped: bool,
}

impl<F, D> Batch<F, D> {
    /// A batch for these servers (duplicates are asked once).
    pub fn new(server_ids: impl IntoIterator<Item = u64>) -> Self {
        let mut rows: Vec<Row<F, D>> = Vec::new();
        for server_id in server_ids {
            if !rows.iter().any(|row| row.server_id == server_id) {
                rows.push(Row {
                    server_id,
                    step: Step::Waiting,
                    made_room: false,
                });
            }
        }
        Self {
            rows,
            stopped: false,
        }
    }

    /// The same batch where the servers `making_room` are asked only once
    /// their old snapshot is deleted ([`Self::room_made`]).
    #[must_use]
    pub fn making_room(mut self, making_room: &[u64]) -> Self {
        for row in &mut self.rows {
            if making_room.contains(&row.server_id) && matches!(row.step, Step::Waiting) {
                row.step = Step::MakingRoom;
            }
        }
        self
    }

    /// Every server and where it is, in sending order.
    pub fn rows(&self) -> &[Row<F, D>] {
        &self.rows
    }

    /// The row of a server, if it is in the batch.
    pub fn row(&self, server_id: u64) -> Option<&Row<F, D>> {
        self.rows.iter().find(|row| row.server_id == server_id)
    }

    /// Requests sent and not yet answered.
    pub fn in_flight(&self) -> usize {
        self.rows
            .iter()
            .filter(|row| matches!(row.step, Step::Sent))
            .count()
    }

    /// The next server to ask, now marked as sent; `None` while
    /// [`MAX_IN_FLIGHT`] requests are unanswered, after a stop, or when every
    /// server that may be asked has been.
    pub fn take_next(&mut self) -> Option<u64> {
        if self.stopped || self.in_flight() >= MAX_IN_FLIGHT {
            return None;
        }
        let row = self
            .rows
            .iter_mut()
            .find(|row| matches!(row.step, Step::Waiting))?;
        row.step = Step::Sent;
        Some(row.server_id)
    }

    /// Records the answer for a server that was sent; any other answer is
    /// ignored (a server is answered once).
    pub fn answer(&mut self, server_id: u64, outcome: Result<u64, F>) {
        if let Some(row) = self
            .rows
            .iter_mut()
            .find(|row| row.server_id == server_id && matches!(row.step, Step::Sent))
        {
            row.step = match outcome {
                Ok(snapshot_id) => Step::Created(snapshot_id),
                Err(failure) => Step::Failed(failure),
            };
        }
    }

    /// Records how the delete of a server making room went: deleted, it may
    /// now be asked (or, after a stop, it is not asked); not deleted, it is
    /// never asked. Ignored for a server not making room.
    pub fn room_result(&mut self, server_id: u64, outcome: Result<(), NoRoom<D>>) {
        let stopped = self.stopped;
        let Some(row) = self
            .rows
            .iter_mut()
            .find(|row| row.server_id == server_id && matches!(row.step, Step::MakingRoom))
        else {
            return;
        };
        row.made_room = outcome.is_ok();
        row.step = match outcome {
            Ok(()) if stopped => Step::NotAsked,
            Ok(()) => Step::Waiting,
            Err(why) => Step::RoomNotMade(why),
        };
    }

    /// Stops the batch: nothing more is sent, and the servers not asked yet
    /// are marked so. Requests already sent keep their answers, and a
    /// server still making room keeps waiting for its delete's outcome.
    pub fn stop(&mut self) {
        self.stopped = true;
        for row in &mut self.rows {
            if matches!(row.step, Step::Waiting) {
                row.step = Step::NotAsked;
            }
        }
    }

    /// Whether the batch was stopped.
    pub fn is_stopped(&self) -> bool {
        self.stopped
    }

    /// Whether every server has its final step (nothing waiting, in flight
    /// or making room).
    pub fn is_finished(&self) -> bool {
        self.rows
            .iter()
            .all(|row| !matches!(row.step, Step::Waiting | Step::Sent | Step::MakingRoom))
    }

    /// The servers whose row matches `keep`, in sending order.
    pub fn servers_where(&self, keep: impl Fn(&Row<F, D>) -> bool) -> Vec<u64> {
        self.rows
            .iter()
            .filter(|row| keep(row))
            .map(|row| row.server_id)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestBatch = Batch<&'static str>;

    #[test]
    fn the_default_name_is_valid_and_in_utc() {
        // 2026-12-01 19:35 UTC
        let name = batch_default_name(1_796_153_700);
        assert_eq!(name, "pre-change-2026-12-01-1935");
        assert_eq!(super::super::validation::check_name(&name), Ok(()));
    }

    #[test]
    fn never_more_than_four_in_flight_and_each_server_asked_once() {
        let mut batch = TestBatch::new([1, 2, 3, 4, 5, 6, 2]);
        assert_eq!(batch.rows().len(), 6, "a server listed twice is asked once");
        let first: Vec<u64> = std::iter::from_fn(|| batch.take_next()).collect();
        assert_eq!(first, vec![1, 2, 3, 4]);
        assert_eq!(batch.in_flight(), MAX_IN_FLIGHT);
        assert_eq!(batch.take_next(), None);

        batch.answer(3, Ok(103));
        assert_eq!(batch.take_next(), Some(5));
        assert_eq!(batch.take_next(), None);
        batch.answer(1, Err("refused"));
        batch.answer(1, Ok(101));
        assert_eq!(
            batch.rows()[0].step,
            Step::Failed("refused"),
            "answered once"
        );
        assert_eq!(batch.take_next(), Some(6));
        assert_eq!(batch.take_next(), None, "everyone has been asked");
        assert!(!batch.is_finished());
        for id in [2, 4, 5, 6] {
            batch.answer(id, Ok(100 + id));
        }
        assert!(batch.is_finished());
        assert_eq!(
            batch.servers_where(|r| matches!(r.step, Step::Created(_))),
            vec![2, 3, 4, 5, 6]
        );
    }

    #[test]
    fn an_answer_for_a_server_not_sent_is_ignored() {
        let mut batch = TestBatch::new([1, 2]);
        batch.answer(2, Ok(9));
        assert_eq!(batch.rows()[1].step, Step::Waiting);
    }

    #[test]
    fn a_stop_sends_nothing_more_and_keeps_what_was_sent() {
        let mut batch = TestBatch::new([1, 2, 3, 4, 5, 6]);
        while batch.take_next().is_some() {}
        batch.answer(1, Err("unauthorized"));
        batch.stop();
        assert!(batch.is_stopped());
        assert_eq!(batch.take_next(), None, "nothing is sent after a stop");
        assert_eq!(
            batch.servers_where(|r| r.step == Step::NotAsked),
            vec![5, 6]
        );
        assert!(!batch.is_finished(), "2, 3 and 4 are still in flight");
        batch.answer(2, Ok(12));
        batch.answer(3, Ok(13));
        batch.answer(4, Err("no answer"));
        assert!(batch.is_finished());
        assert_eq!(
            batch.servers_where(|r| matches!(r.step, Step::Created(_))),
            vec![2, 3]
        );
    }

    #[test]
    fn a_server_making_room_is_asked_only_once_its_old_snapshot_is_deleted() {
        let mut batch = TestBatch::new([1, 2, 3]).making_room(&[1, 3]);
        assert_eq!(batch.rows()[0].step, Step::MakingRoom);
        assert_eq!(
            batch.take_next(),
            Some(2),
            "the server with room goes at once"
        );
        assert_eq!(batch.take_next(), None, "the others wait for their deletes");
        assert!(!batch.is_finished());

        batch.room_result(3, Ok(()));
        assert_eq!(
            batch.row(3).map(|r| (&r.step, r.made_room)),
            Some((&Step::Waiting, true))
        );
        assert_eq!(batch.take_next(), Some(3));
        batch.room_result(3, Err(NoRoom::Undone));
        assert_eq!(
            batch.row(3).map(|r| &r.step),
            Some(&Step::Sent),
            "told once"
        );
        batch.answer(3, Err("refused"));
        assert_eq!(
            batch.row(3).map(|r| (&r.step, r.made_room)),
            Some((&Step::Failed("refused"), true)),
            "the old snapshot is gone and the new one was not taken"
        );

        batch.room_result(1, Err(NoRoom::Failed("server error")));
        assert_eq!(
            batch.row(1).map(|r| (&r.step, r.made_room)),
            Some((&Step::RoomNotMade(NoRoom::Failed("server error")), false))
        );
        assert_eq!(
            batch.take_next(),
            None,
            "a server whose delete failed is never asked"
        );
        batch.answer(1, Ok(11));
        assert_eq!(
            batch.row(1).map(|r| &r.step),
            Some(&Step::RoomNotMade(NoRoom::Failed("server error")))
        );
        batch.answer(2, Ok(12));
        assert!(batch.is_finished());
    }

    #[test]
    fn an_undone_delete_cancels_that_server_only() {
        let mut batch = TestBatch::new([1, 2]).making_room(&[1]);
        assert_eq!(batch.take_next(), Some(2));
        batch.room_result(1, Err(NoRoom::Undone));
        assert_eq!(
            batch.row(1).map(|r| &r.step),
            Some(&Step::RoomNotMade(NoRoom::Undone))
        );
        batch.room_result(2, Ok(()));
        assert_eq!(
            batch.row(2).map(|r| (&r.step, r.made_room)),
            Some((&Step::Sent, false)),
            "a server not making room ignores delete outcomes"
        );
        batch.answer(2, Ok(12));
        assert!(batch.is_finished());
    }

    #[test]
    fn after_a_stop_a_server_making_room_is_not_asked_and_says_whether_its_old_snapshot_went() {
        let mut batch = TestBatch::new([1, 2, 3, 4]).making_room(&[1, 2, 3]);
        assert_eq!(batch.take_next(), Some(4));
        batch.answer(4, Err("unauthorized"));
        batch.stop();
        assert!(!batch.is_finished(), "the deletes have not settled yet");
        batch.room_result(1, Ok(()));
        batch.room_result(2, Err(NoRoom::Undone));
        assert_eq!(batch.take_next(), None, "nothing is sent after a stop");
        assert!(!batch.is_finished());
        batch.room_result(3, Err(NoRoom::Failed("unauthorized")));
        assert!(batch.is_finished());
        assert_eq!(
            batch.row(1).map(|r| (&r.step, r.made_room)),
            Some((&Step::NotAsked, true))
        );
        assert_eq!(batch.servers_where(|r| r.made_room), vec![1]);
        assert_eq!(
            batch.servers_where(|r| matches!(r.step, Step::RoomNotMade(_))),
            vec![2, 3]
        );
    }
}
