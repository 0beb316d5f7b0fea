//! The article list as the reader sees it: sorted, filtered, with one
//! article selected. Rows are slot indices, so the list can be re-sorted as
//! headlines and dates arrive without losing the selection.

use super::Slot;
use std::cmp::Reverse;

/// The order of the article list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// As given: folder order, by file name.
    #[default]
    File,
    /// Newest first; articles without a date last.
    Date,
    /// By headline, A to Z.
    Title,
}

impl Sort {
    /// The next order, as `s` cycles through them.
    pub fn next(self) -> Sort {
        match self {
            Sort::File => Sort::Date,
            Sort::Date => Sort::Title,
            Sort::Title => Sort::File,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::File => "file",
            Sort::Date => "date",
            Sort::Title => "title",
        }
    }
}

/// The open article list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleList {
    /// Slot indices in the order shown, after sorting and filtering.
    pub rows: Vec<usize>,
    /// Position in `rows` of the selected article.
    pub selected: usize,
    pub sort: Sort,
    /// Only articles whose headline, source or file name contain this
    /// (ignoring case) are shown.
    pub filter: String,
    /// The filter is being typed.
    pub editing: bool,
}

/// A date as (year, month, day) from the forms news metadata uses:
/// ISO 8601 ("2024-05-01T10:00Z"), RFC 2822 as in RSS ("Wed, 01 May 2024
/// 10:00:00 GMT"), German ("1.5.2024", "01.05.2024") and English ("May 1,
/// 2024", "1 May 2024").
pub fn parse_date(text: &str) -> Option<(u16, u8, u8)> {
    let text = text.trim();
    let valid = |y: u16, m: u8, d: u8| {
        ((1000..=9999).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then_some((y, m, d))
    };
    // ISO: YYYY-MM-DD at the start.
    if let (Some(y), Some(m), Some(d)) = (text.get(0..4), text.get(5..7), text.get(8..10))
        && text.get(4..5) == Some("-")
        && text.get(7..8) == Some("-")
        && let (Ok(y), Ok(m), Ok(d)) = (y.parse(), m.parse(), d.parse())
    {
        return valid(y, m, d);
    }
    // German: D.M.YYYY
    let first = text.split_whitespace().next().unwrap_or("");
    let parts: Vec<&str> = first.trim_end_matches(',').split('.').collect();
    if parts.len() == 3
        && let (Ok(d), Ok(m), Ok(y)) = (parts[0].parse(), parts[1].parse(), parts[2].parse())
    {
        return valid(y, m, d);
    }
    // Words: a month name, a day and a year in any order.
    let (mut year, mut month, mut day) = (None, None, None);
    for word in text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
    {
        if let Ok(n) = word.parse::<u16>() {
            if n >= 1000 && year.is_none() {
                year = Some(n);
            } else if (1..=31).contains(&n) && day.is_none() {
                day = u8::try_from(n).ok();
            }
        } else if month.is_none() {
            month = month_number(word);
        } else if word.contains(':') {
            break;
        }
    }
    valid(year?, month?, day?)
}

fn month_number(word: &str) -> Option<u8> {
    const MONTHS: [&[&str]; 12] = [
        &["jan", "january", "januar", "jänner"],
        &["feb", "february", "februar"],
        &["mar", "march", "mär", "märz", "maerz"],
        &["apr", "april"],
        &["may", "mai"],
        &["jun", "june", "juni"],
        &["jul", "july", "juli"],
        &["aug", "august"],
        &["sep", "sept", "september"],
        &["oct", "october", "okt", "oktober"],
        &["nov", "november"],
        &["dec", "december", "dez", "dezember"],
    ];
    let lower = word.to_lowercase();
    MONTHS
        .iter()
        .position(|names| names.contains(&lower.as_str()))
        .and_then(|i| u8::try_from(i + 1).ok())
}

/// What the list knows about a slot: headline, source and date, or the file
/// name while it is not read yet.
pub(crate) fn headline(slot: &Slot) -> &str {
    match slot.entry.as_ref().map(|e| &e.article) {
        Some(Ok(a)) => a.title(),
        _ => &slot.name,
    }
}

pub(crate) fn source(slot: &Slot) -> Option<&str> {
    match slot.entry.as_ref().map(|e| &e.article) {
        Some(Ok(a)) => a.meta.source.as_deref(),
        _ => None,
    }
}

pub(crate) fn date(slot: &Slot) -> Option<&str> {
    match slot.entry.as_ref().map(|e| &e.article) {
        Some(Ok(a)) => a.meta.date.as_deref(),
        _ => None,
    }
}

/// How a date is shown in the list: ISO when it can be read, else as given.
pub fn date_label(slot: &Slot) -> String {
    match date(slot) {
        Some(d) => match parse_date(d) {
            Some((y, m, day)) => format!("{y:04}-{m:02}-{day:02}"),
            None => d.to_string(),
        },
        None => String::new(),
    }
}

fn matches(slot: &Slot, needle: &str) -> bool {
    needle.is_empty()
        || [Some(headline(slot)), source(slot), Some(slot.name.as_str())]
            .into_iter()
            .flatten()
            .any(|h| h.to_lowercase().contains(needle))
}

impl ArticleList {
    /// The list over `slots` with `current` selected (or the first row when
    /// the filter hides it).
    pub fn new(slots: &[Slot], current: usize, sort: Sort, filter: String) -> ArticleList {
        let mut list = ArticleList {
            rows: Vec::new(),
            selected: 0,
            sort,
            filter,
            editing: false,
        };
        list.rebuild(slots, Some(current));
        list
    }

    /// The slot selected, if any row is shown.
    pub fn selected_slot(&self) -> Option<usize> {
        self.rows.get(self.selected).copied()
    }

    /// Sorts and filters again (after a change of order or filter, or when
    /// headlines and dates have arrived), keeping `keep` selected if shown.
    pub fn rebuild(&mut self, slots: &[Slot], keep: Option<usize>) {
        let needle = self.filter.to_lowercase();
        let mut rows: Vec<usize> = (0..slots.len())
            .filter(|&i| matches(&slots[i], &needle))
            .collect();
        match self.sort {
            Sort::File => {}
            Sort::Date => {
                rows.sort_by_cached_key(|&i| Reverse(date(&slots[i]).and_then(parse_date)))
            }
            Sort::Title => rows.sort_by_cached_key(|&i| headline(&slots[i]).to_lowercase()),
        }
        self.selected = keep
            .and_then(|k| rows.iter().position(|&r| r == k))
            .unwrap_or(0);
        self.rows = rows;
    }

    /// Sorts and filters again, keeping the selected article selected.
    pub fn refresh(&mut self, slots: &[Slot]) {
        let keep = self.selected_slot();
        self.rebuild(slots, keep);
    }
}

impl super::Selectable for ArticleList {
    fn step(&mut self, delta: isize) {
        let last = self.rows.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    fn to_end(&mut self, last: bool) {
        self.selected = if last {
            self.rows.len().saturating_sub(1)
        } else {
            0
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Selectable;
    use crate::article::{Entry, Format, parse};

    fn slot(name: &str, title: &str, date: Option<&str>, source: Option<&str>) -> Slot {
        let mut a =
            parse(name, format!("{title}\n\nText.").as_bytes(), Format::Text).expect("parses");
        a.meta.date = date.map(str::to_string);
        a.meta.source = source.map(str::to_string);
        Slot {
            name: name.to_string(),
            key: name.to_string(),
            entry: Some(Entry {
                name: name.to_string(),
                path: None,
                article: Ok(a),
            }),
        }
    }

    #[test]
    fn reads_the_dates_news_uses() {
        for (text, want) in [
            ("2024-05-01", (2024, 5, 1)),
            ("2024-05-01T10:00:00+02:00", (2024, 5, 1)),
            ("Wed, 01 May 2024 10:00:00 GMT", (2024, 5, 1)),
            ("1.5.2024", (2024, 5, 1)),
            ("01.05.2024, 10:00 Uhr", (2024, 5, 1)),
            ("May 1, 2024", (2024, 5, 1)),
            ("1 May 2024", (2024, 5, 1)),
            ("1. März 2024", (2024, 3, 1)),
        ] {
            assert_eq!(parse_date(text), Some(want), "{text}");
        }
        for bad in ["", "yesterday", "2024-13-01", "32.1.2024", "May 2024"] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn sorts_by_date_and_title_and_keeps_the_selection() {
        let slots = vec![
            slot("a.txt", "Zebra crossing", Some("2024-01-05"), None),
            slot("b.txt", "apples", None, None),
            slot(
                "c.txt",
                "Market day",
                Some("Wed, 01 May 2024 10:00:00 GMT"),
                None,
            ),
        ];
        let mut list = ArticleList::new(&slots, 0, Sort::File, String::new());
        assert_eq!(list.rows, [0, 1, 2]);
        list.sort = Sort::Date;
        list.refresh(&slots);
        assert_eq!(list.rows, [2, 0, 1], "newest first, undated last");
        assert_eq!(
            list.selected_slot(),
            Some(0),
            "the same article stays selected"
        );
        list.sort = Sort::Title;
        list.refresh(&slots);
        assert_eq!(list.rows, [1, 2, 0], "case does not matter");
    }

    #[test]
    fn filters_on_headline_source_and_file_name() {
        let slots = vec![
            slot("a.txt", "Harbour strike", None, Some("Kieler Nachrichten")),
            slot("b.txt", "Wind farm", None, None),
            slot("strike-notes.txt", "Notes", None, None),
        ];
        let list = ArticleList::new(&slots, 1, Sort::File, "STRIKE".into());
        assert_eq!(list.rows, [0, 2]);
        assert_eq!(
            list.selected, 0,
            "the current article is hidden: the first row"
        );
        let list = ArticleList::new(&slots, 1, Sort::File, "kieler".into());
        assert_eq!(list.rows, [0]);
        let mut list = ArticleList::new(&slots, 0, Sort::File, "nothing".into());
        assert!(list.rows.is_empty());
        assert_eq!(list.selected_slot(), None);
        list.step(1);
        assert_eq!(list.selected, 0);
    }
}
