//! A big account shown a part at a time: which servers the first screen
//! reads on their own, whether that is worth it, and how far the whole list
//! has come meanwhile.

use super::model::Server;
use super::text::cmp_natural;

/// Servers whose snapshots are read one by one (`?server_id=`) before the
/// whole list: more than a tall screen shows, few enough to come in a few
/// round trips.
pub const FIRST_SCREEN_SERVERS: usize = 12;

/// Round trips before a first screen shows its first rows: the Servers
/// API's first page, then the first few servers, read at once.
const FIRST_ROWS_ROUNDS: u64 = 2;

/// Whether the whole list is long enough for the first screen to be read on
/// its own first: when the pages after the first take more round trips
/// (`in_flight` at a time) than the first screen's first rows do. The whole
/// list must also be read and laid out in full before it shows, which only
/// adds to its wait. Without a `count` the length is unknown, and the list
/// loads as a whole.
pub fn first_screen_first(count: Option<u64>, page_len: usize, in_flight: usize) -> bool {
    let (Some(count), Ok(page_len)) = (count, u64::try_from(page_len)) else {
        return false;
    };
    if page_len == 0 {
        return false;
    }
    let rest = count.div_ceil(page_len).saturating_sub(1);
    rest.div_ceil(in_flight.max(1) as u64) > FIRST_ROWS_ROUNDS
}

/// The servers the first screen shows, of those the Servers API listed
/// first: the first by name (the list's default order), so that the
/// sections shown first are likely the first of the whole list too.
pub fn first_screen(mut servers: Vec<Server>) -> Vec<Server> {
    // Picked one by one rather than sorted: a page holds a hundred servers
    // or so, and a sort of its own would cost the download more.
    let mut first = Vec::with_capacity(FIRST_SCREEN_SERVERS);
    while first.len() < FIRST_SCREEN_SERVERS {
        let next = (0..servers.len()).min_by(|&a, &b| {
            let (a, b) = (&servers[a], &servers[b]);
            cmp_natural(&a.name, &b.name).then(a.id.cmp(&b.id))
        });
        let Some(next) = next else { break };
        first.push(servers.swap_remove(next));
    }
    first
}

/// How far the whole list has loaded, while the first screen is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoadProgress {
    /// Rows read so far (never more than `total`).
    pub loaded: usize,
    /// Rows the list said it has.
    pub total: usize,
    /// Whether the whole list has loaded.
    pub done: bool,
}

impl LoadProgress {
    /// A list of `total` rows, of which the first page's `loaded` are read.
    pub fn started(loaded: usize, total: u64) -> Self {
        let total = usize::try_from(total).unwrap_or(usize::MAX);
        Self {
            loaded: loaded.min(total),
            total,
            done: false,
        }
    }

    /// `loaded` rows read: the count the user sees never passes the total
    /// (a list that grew while it was read) nor goes back (a list read again
    /// one page after another, after numbered pages did not fit).
    pub fn read(self, loaded: usize) -> Self {
        Self {
            loaded: loaded.min(self.total).max(self.loaded),
            ..self
        }
    }

    /// The whole list read: `loaded` rows, which are now the total.
    pub fn finished(loaded: usize) -> Self {
        Self {
            loaded,
            total: loaded,
            done: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_list_longer_than_the_first_screen_shows_it_first() {
        // 900 rows of 100: 8 pages after the first, 2 rounds of 4, no more
        // than the first screen's first rows take.
        assert!(!first_screen_first(Some(900), 100, 4));
        assert!(!first_screen_first(Some(500), 100, 4));
        // 1,000 rows: 9 pages after the first, 3 rounds.
        assert!(first_screen_first(Some(1_000), 100, 4));
        // 50,000 rows: 499 pages after the first.
        assert!(first_screen_first(Some(50_000), 100, 4));
        // One page only, or none after the first.
        assert!(!first_screen_first(Some(100), 100, 4));
        assert!(!first_screen_first(Some(0), 100, 4));
        // Unknown length, empty pages, nothing in flight: no crash, no first screen
        // where the length is not known.
        assert!(!first_screen_first(None, 100, 4));
        assert!(!first_screen_first(Some(50_000), 0, 4));
        assert!(first_screen_first(Some(50_000), 100, 0));
    }

    fn server(id: u64, name: &str) -> Server {
        Server {
            id,
            name: name.into(),
            status: crate::domain::model::ServerStatus::Active,
            details: Default::default(),
        }
    }

    #[test]
    fn the_first_screen_takes_the_first_servers_by_name() {
        let servers: Vec<Server> = (1..=30)
            .rev()
            .map(|i| server(i, &format!("srv-{i}")))
            .collect();
        let names: Vec<String> = first_screen(servers).into_iter().map(|s| s.name).collect();
        let expected: Vec<String> = (1..=FIRST_SCREEN_SERVERS)
            .map(|i| format!("srv-{i}"))
            .collect();
        assert_eq!(names, expected);
        assert!(first_screen(Vec::new()).is_empty());
    }

    #[test]
    fn progress_counts_up_to_the_total_and_never_back() {
        let start = LoadProgress::started(100, 50_000);
        assert_eq!(
            (start.loaded, start.total, start.done),
            (100, 50_000, false)
        );
        let later = start.read(12_000);
        assert_eq!(later.loaded, 12_000);
        // Read again from the start (numbered pages fell back): not back.
        assert_eq!(later.read(200).loaded, 12_000);
        // A list that grew meanwhile: capped at the total said.
        assert_eq!(later.read(50_100).loaded, 50_000);
        assert_eq!(
            LoadProgress::finished(50_001),
            LoadProgress {
                loaded: 50_001,
                total: 50_001,
                done: true
            }
        );
        // A first page longer than the count it says.
        assert_eq!(LoadProgress::started(100, 10).loaded, 10);
    }
}
