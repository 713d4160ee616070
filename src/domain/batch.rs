//! The rules of a batch of creates ("Snapshot several servers"): which
//! servers may be chosen, the default name, and the batch's course, where
//! each chosen server is asked exactly once and only a few at a time.

use super::time::name_stamp;
use super::validation::SNAPSHOTS_PER_SERVER;

/// How many creates of a batch may be waiting for an answer at once.
pub const MAX_IN_FLIGHT: usize = 4;

/// Whether a server with `total` snapshots has room for one more.
pub fn has_room(total: usize) -> bool {
    total < SNAPSHOTS_PER_SERVER
}

/// The default name shared by a batch, e.g. `pre-change-2026-12-01-1935` (UTC).
pub fn batch_default_name(now_unix: i64) -> String {
    format!("pre-change-{}", name_stamp(now_unix))
}

/// Where one server of a batch is. `F` is why a create did not lead to a
/// snapshot (the app's error value; this module does not look inside).
#[derive(Clone, Debug, PartialEq)]
pub enum Step<F> {
    /// Not asked yet.
    Waiting,
    /// Its request is on its way; no answer yet.
    Sent,
    /// The API started the snapshot with this id.
    Created(u64),
    /// No snapshot came of the request.
    Failed(F),
    /// The batch stopped before this server was asked: nothing was sent.
    NotAsked,
}

/// A batch: one row per chosen server, in the order they are sent.
#[derive(Clone, Debug, PartialEq)]
pub struct Batch<F> {
    rows: Vec<(u64, Step<F>)>,
    stopped: bool,
}

impl<F> Batch<F> {
    /// A batch for these servers (duplicates are asked once).
    pub fn new(server_ids: impl IntoIterator<Item = u64>) -> Self {
        let mut rows: Vec<(u64, Step<F>)> = Vec::new();
        for id in server_ids {
            if !rows.iter().any(|(seen, _)| *seen == id) {
                rows.push((id, Step::Waiting));
            }
        }
        Self {
            rows,
            stopped: false,
        }
    }

    /// Every server and where it is, in sending order.
    pub fn rows(&self) -> &[(u64, Step<F>)] {
        &self.rows
    }

    /// Requests sent and not yet answered.
    pub fn in_flight(&self) -> usize {
        self.rows
            .iter()
            .filter(|(_, step)| matches!(step, Step::Sent))
            .count()
    }

    /// The next server to ask, now marked as sent; `None` while
    /// [`MAX_IN_FLIGHT`] requests are unanswered, after a stop, or when every
    /// server has been asked.
    pub fn take_next(&mut self) -> Option<u64> {
        if self.stopped || self.in_flight() >= MAX_IN_FLIGHT {
            return None;
        }
        let (id, step) = self
            .rows
            .iter_mut()
            .find(|(_, step)| matches!(step, Step::Waiting))?;
        *step = Step::Sent;
        Some(*id)
    }

    /// Records the answer for a server that was sent; any other answer is
    /// ignored (a server is answered once).
    pub fn answer(&mut self, server_id: u64, outcome: Result<u64, F>) {
        if let Some((_, step)) = self
            .rows
            .iter_mut()
            .find(|(id, step)| *id == server_id && matches!(step, Step::Sent))
        {
            *step = match outcome {
                Ok(snapshot_id) => Step::Created(snapshot_id),
                Err(failure) => Step::Failed(failure),
            };
        }
    }

    /// Stops the batch: nothing more is sent, and the servers not asked yet
    /// are marked so. Requests already sent keep their answers.
    pub fn stop(&mut self) {
        self.stopped = true;
        for (_, step) in &mut self.rows {
            if matches!(step, Step::Waiting) {
                *step = Step::NotAsked;
            }
        }
    }

    /// Whether the batch was stopped.
    pub fn is_stopped(&self) -> bool {
        self.stopped
    }

    /// Whether every server has its final step (nothing waiting or in flight).
    pub fn is_finished(&self) -> bool {
        self.rows
            .iter()
            .all(|(_, step)| !matches!(step, Step::Waiting | Step::Sent))
    }

    /// The servers whose step matches `keep`, in sending order.
    pub fn servers_where(&self, keep: impl Fn(&Step<F>) -> bool) -> Vec<u64> {
        self.rows
            .iter()
            .filter(|(_, step)| keep(step))
            .map(|(id, _)| *id)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestBatch = Batch<&'static str>;

    #[test]
    fn full_servers_cannot_be_chosen() {
        assert!(has_room(0));
        assert!(has_room(SNAPSHOTS_PER_SERVER - 1));
        assert!(!has_room(SNAPSHOTS_PER_SERVER));
        assert!(!has_room(SNAPSHOTS_PER_SERVER + 2));
    }

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
        assert_eq!(batch.rows()[0].1, Step::Failed("refused"), "answered once");
        assert_eq!(batch.take_next(), Some(6));
        assert_eq!(batch.take_next(), None, "everyone has been asked");
        assert!(!batch.is_finished());
        for id in [2, 4, 5, 6] {
            batch.answer(id, Ok(100 + id));
        }
        assert!(batch.is_finished());
        assert_eq!(
            batch.servers_where(|s| matches!(s, Step::Created(_))),
            vec![2, 3, 4, 5, 6]
        );
    }

    #[test]
    fn an_answer_for_a_server_not_sent_is_ignored() {
        let mut batch = TestBatch::new([1, 2]);
        batch.answer(2, Ok(9));
        assert_eq!(batch.rows()[1].1, Step::Waiting);
    }

    #[test]
    fn a_stop_sends_nothing_more_and_keeps_what_was_sent() {
        let mut batch = TestBatch::new([1, 2, 3, 4, 5, 6]);
        while batch.take_next().is_some() {}
        batch.answer(1, Err("unauthorized"));
        batch.stop();
        assert!(batch.is_stopped());
        assert_eq!(batch.take_next(), None, "nothing is sent after a stop");
        assert_eq!(batch.servers_where(|s| *s == Step::NotAsked), vec![5, 6]);
        assert!(!batch.is_finished(), "2, 3 and 4 are still in flight");
        batch.answer(2, Ok(12));
        batch.answer(3, Ok(13));
        batch.answer(4, Err("no answer"));
        assert!(batch.is_finished());
        assert_eq!(
            batch.servers_where(|s| matches!(s, Step::Created(_))),
            vec![2, 3]
        );
    }
}
