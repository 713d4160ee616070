//! Lists whose pages are numbered (`?page=2`, `?page=3`, …, as the
//! provider's pagination writes them): once the first page shows the
//! pattern, the other pages can be asked for side by side instead of one
//! after another. Every page is checked against the pattern, so a list that
//! does not keep to it (a cursor, a moved link, a count that changed while
//! loading) is read the safe way, by following `next`.

/// The pages of a list whose page `n` is at `url(n)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberedPages {
    /// The address of page 2 up to its number, and after it.
    before: String,
    after: String,
    count: u64,
    page_len: usize,
    /// How many pages the list has.
    pub pages: u64,
}

impl NumberedPages {
    /// The pattern, when the first page (asked for at `first_url`, with
    /// `count` rows in the list and `page_len` on the page) links to
    /// `next_url`, the same address with `page=2`. Both addresses are the
    /// client's own (after [`super::next_page::next_page_url`]).
    pub fn detect(
        first_url: &str,
        next_url: &str,
        count: Option<u64>,
        page_len: usize,
    ) -> Option<Self> {
        let count = count?;
        let (first_path, first_query) = first_url.split_once('?').unwrap_or((first_url, ""));
        let (next_path, next_query) = next_url.split_once('?')?;
        let page_len_u64 = u64::try_from(page_len).ok().filter(|len| *len > 0)?;
        let pages = count.div_ceil(page_len_u64);
        if first_path != next_path || pages < 2 {
            return None;
        }
        // The one `page=2` pair of the link, and where its number is.
        let mut number_at = None;
        let mut others = Vec::new();
        let mut offset = next_path.len() + 1;
        for pair in next_query.split('&') {
            if pair == "page=2" && number_at.is_none() {
                number_at = Some(offset + "page=".len());
            } else if !pair.is_empty() {
                others.push(pair);
            }
            offset += pair.len() + 1;
        }
        let number_at = number_at?;
        // The link keeps the first address's other parameters, in any order.
        let mut asked: Vec<&str> = first_query
            .split('&')
            .filter(|pair| !pair.is_empty() && !pair.starts_with("page="))
            .collect();
        asked.sort_unstable();
        others.sort_unstable();
        (asked == others).then(|| Self {
            before: next_url[..number_at].to_string(),
            after: next_url[number_at + 1..].to_string(),
            count,
            page_len,
            pages,
        })
    }

    /// The address of page `n`.
    pub fn url(&self, n: u64) -> String {
        format!("{}{n}{}", self.before, self.after)
    }

    /// Whether page `n`'s answer keeps to the pattern: the same count, a
    /// full page (the last one holding the rest), and a `next` to page
    /// `n + 1` (none on the last page). `next_url` is the client's address
    /// for the page's `next`, `None` when it had none or it may not be
    /// followed.
    pub fn page_fits(
        &self,
        n: u64,
        count: Option<u64>,
        page_len: usize,
        next_url: Option<&str>,
    ) -> bool {
        let last = n == self.pages;
        let expected_len = if last {
            self.count - (self.pages - 1) * self.page_len as u64
        } else {
            self.page_len as u64
        };
        let expected_next = (!last).then(|| self.url(n + 1));
        count == Some(self.count)
            && page_len as u64 == expected_len
            && next_url == expected_next.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &str = "/api/v1/snapshots/";

    fn plan(count: u64, len: usize) -> Option<NumberedPages> {
        NumberedPages::detect(LIST, &format!("{LIST}?page=2"), Some(count), len)
    }

    #[test]
    fn page_numbers_are_read_from_the_first_link() {
        let pages = plan(250, 100).unwrap();
        assert_eq!(pages.pages, 3);
        assert_eq!(pages.url(3), format!("{LIST}?page=3"));
        assert_eq!(pages.url(17), format!("{LIST}?page=17"));
    }

    #[test]
    fn the_other_parameters_are_kept_as_the_api_wrote_them() {
        let pages = NumberedPages::detect(
            "https://api.test/api/v1/snapshots/?server_id=7&ordering=x",
            "https://api.test/api/v1/snapshots/?ordering=x&page=2&server_id=7",
            Some(301),
            100,
        )
        .unwrap();
        assert_eq!(pages.pages, 4);
        assert_eq!(
            pages.url(4),
            "https://api.test/api/v1/snapshots/?ordering=x&page=4&server_id=7"
        );
    }

    #[test]
    fn anything_but_page_two_of_the_same_list_is_no_pattern() {
        let detect = |next: &str, count: Option<u64>, len: usize| {
            NumberedPages::detect(LIST, next, count, len)
        };
        let page2 = format!("{LIST}?page=2");
        // A cursor, another page, another list, other parameters.
        assert_eq!(detect(&format!("{LIST}?cursor=cD0y"), Some(250), 100), None);
        assert_eq!(detect(&format!("{LIST}?page=3"), Some(250), 100), None);
        assert_eq!(detect("/api/v1/servers/?page=2", Some(250), 100), None);
        assert_eq!(
            detect(&format!("{LIST}?page=2&status=x"), Some(250), 100),
            None
        );
        assert_eq!(detect(&format!("{LIST}?page=22"), Some(250), 100), None);
        assert_eq!(detect(LIST, Some(250), 100), None);
        // No count, an empty page, or a count that leaves no second page.
        assert_eq!(detect(&page2, None, 100), None);
        assert_eq!(detect(&page2, Some(250), 0), None);
        assert_eq!(detect(&page2, Some(100), 100), None);
    }

    #[test]
    fn each_page_must_keep_to_the_pattern() {
        let pages = plan(250, 100).unwrap();
        let page3 = format!("{LIST}?page=3");
        assert!(pages.page_fits(2, Some(250), 100, Some(&page3)));
        assert!(pages.page_fits(3, Some(250), 50, None));
        // A changed count, a short or long page, a link elsewhere or missing.
        assert!(!pages.page_fits(2, Some(251), 100, Some(&page3)));
        assert!(!pages.page_fits(2, None, 100, Some(&page3)));
        assert!(!pages.page_fits(2, Some(250), 99, Some(&page3)));
        assert!(!pages.page_fits(3, Some(250), 51, None));
        assert!(!pages.page_fits(2, Some(250), 100, Some(&format!("{LIST}?page=5"))));
        assert!(!pages.page_fits(2, Some(250), 100, None));
        assert!(!pages.page_fits(3, Some(250), 50, Some(&format!("{LIST}?page=4"))));
    }
}
