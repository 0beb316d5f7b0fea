//! Wrapping an article once per width, with an index from text offsets to
//! rows, so the reader can scroll by rows and jump to a quote's row.
//!
//! Words are found and lines filled by textwrap; widths are display columns
//! (unicode-width), so CJK, emoji and combining marks line up.

use crate::article::{Article, BlockKind};
use std::ops::Range;
use textwrap::WordSeparator;
use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};
use unicode_width::UnicodeWidthStr;

/// A word (or part of a long one) with the space after it, measured the way
/// the screen measures it: by grapheme, with unicode-width. (textwrap's own
/// words add up the widths of chars, which is wrong for "2\u{fe0f}" and
/// for emoji with modifiers, and it breaks long words between chars.)
#[derive(Debug)]
struct Piece<'a> {
    word: &'a str,
    whitespace: &'a str,
    width: usize,
}

impl Fragment for Piece<'_> {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.whitespace.width() as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// `word` cut at grapheme boundaries into parts no wider than `width` (a
/// single grapheme wider than that stays whole); the last part keeps the
/// space after the word.
fn pieces<'a>(word: &'a str, whitespace: &'a str, width: usize, out: &mut Vec<Piece<'a>>) {
    let total = word.width();
    if total <= width {
        out.push(Piece {
            word,
            whitespace,
            width: total,
        });
        return;
    }
    let (mut start, mut used) = (0, 0);
    for (i, g) in word.grapheme_indices(true) {
        let w = g.width();
        if used + w > width && used > 0 {
            out.push(Piece {
                word: &word[start..i],
                whitespace: "",
                width: used,
            });
            start = i;
            used = 0;
        }
        used += w;
    }
    out.push(Piece {
        word: &word[start..],
        whitespace,
        width: used,
    });
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Headline,
    Meta,
    Notice,
    Image,
    Caption,
    Subheading,
    Body,
    Blank,
}

/// One row of the wrapped article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub kind: LineKind,
    /// The text of the row as a range of the article text (empty for rows
    /// that show a `label` instead).
    pub range: Range<usize>,
    /// Text that is not part of the article text (metadata, notices).
    pub label: Option<String>,
}

/// The article wrapped to one width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedArticle {
    pub width: u16,
    pub lines: Vec<Line>,
    /// (start offset, row) of every text row, in text order.
    index: Vec<(usize, usize)>,
}

/// Columns taken by the marker drawn before an image's file name.
pub const IMAGE_PREFIX: &str = "▧ image: ";

/// Wrap `text` (one block) to `width` columns: ranges of each row.
/// Whether the line-breaking rules (UAX #14) allow breaks in `text` only
/// after its spaces, and after every run of them: true when every character
/// is a letter of a Latin, Greek or Cyrillic script, a digit, a space, or
/// punctuation that takes no break beside it (`.,;:`, quotation marks and
/// brackets; `!` and `?` only before a space or the end), and no mark sits
/// where the rules join it across a space (an opening bracket or „ before a
/// space, an opening quote alone before one, a closing mark after one).
/// Most news paragraphs are such, and finding their words by spaces skips
/// the rules' segmenter, the most of wrapping's time, with the same words.
fn breaks_only_at_spaces(text: &str) -> bool {
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let space_after = next == Some(' ');
        let word_before = prev.is_some_and(char::is_alphanumeric);
        let plain = match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | ' ' => true,
            '\'' | '"' => true,
            // Closing punctuation is never parted from what it closes, even
            // by a space.
            ',' | '.' | ';' | ':' | ')' => prev != Some(' '),
            '!' | '?' => prev != Some(' ') && next.is_none_or(|n| n == ' '),
            // Opening punctuation holds on to what follows, spaces and all.
            // (and may be parted from closing punctuation before it).
            '(' | '„' | '‚' => {
                !space_after
                    && !prev.is_some_and(|p| matches!(p, ',' | '.' | ';' | ':' | ')' | '!' | '?'))
            }
            // An opening quote holds on across spaces unless it closes a word.
            '“' | '‘' | '«' => !space_after || word_before,
            // A closing quote is never parted from what it closes.
            '”' | '’' | '»' => prev != Some(' '),
            '\u{d7}' | '\u{f7}' => false,
            '\u{c0}'..='\u{24f}' | '\u{370}'..='\u{3ff}' | '\u{400}'..='\u{4ff}' => {
                c.is_alphabetic()
            }
            _ => false,
        };
        if !plain {
            return false;
        }
        prev = Some(c);
    }
    true
}

/// Whether a grapheme may start at byte `at` of `text` (a char boundary).
/// Between two ASCII characters it always may (but inside "\r\n", which
/// wrapping never sees); elsewhere the segmentation rules are asked about
/// this one place, which costs far less than listing every grapheme.
fn is_grapheme_boundary(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    if at == 0 || at >= bytes.len() || (bytes[at - 1].is_ascii() && bytes[at].is_ascii()) {
        return true;
    }
    // The whole text is the one chunk, so no more context can be asked for.
    GraphemeCursor::new(at, text.len(), true)
        .is_boundary(text, 0)
        .unwrap_or(true)
}

pub fn wrap_ranges(text: &str, range: Range<usize>, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    // Line breaks and tabs inside a block are plain spaces when reflowed;
    // both are one byte, so offsets stay the same.
    let flat: String = text[range.clone()]
        .chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .collect();
    // Words as (start, end of word, end of the space after it) in `flat`.
    // The line-breaking rules may put a break inside what the screen draws
    // as one grapheme ("𐑍🏽": a letter and a skin-tone modifier; " \u{301}":
    // a space and a combining mark); such a word is joined to the one before
    // it.
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    let mut pos = 0;
    let separator = if breaks_only_at_spaces(&flat) {
        WordSeparator::AsciiSpace
    } else {
        WordSeparator::UnicodeBreakProperties
    };
    for w in separator.find_words(&flat) {
        let (start, word_end) = (pos, pos + w.word.len());
        pos = word_end + w.whitespace.len();
        let inside = start > 0 && !is_grapheme_boundary(&flat, start);
        match spans.last_mut() {
            Some(last) if inside && last.2 == start => *last = (last.0, word_end, pos),
            _ => spans.push((start, word_end, pos)),
        }
    }
    let mut words: Vec<Piece> = Vec::new();
    for (start, word_end, end) in spans {
        pieces(
            &flat[start..word_end],
            &flat[word_end..end],
            width,
            &mut words,
        );
    }
    // Words are consecutive slices of `flat`: their offsets add up.
    let mut starts = Vec::with_capacity(words.len());
    let mut pos = 0;
    for w in &words {
        starts.push(pos);
        pos += w.word.len() + w.whitespace.len();
    }
    let lines = wrap_first_fit(&words, &[width as f64]);
    let mut out = Vec::with_capacity(lines.len());
    let mut first = 0;
    for line in lines {
        if let Some(last) = line.last() {
            let last_index = first + line.len() - 1;
            let start = starts[first];
            let end = starts[last_index] + last.word.len();
            out.push(range.start + start..range.start + end);
        }
        first += line.len();
    }
    if out.is_empty() {
        out.push(range.start..range.start);
    }
    out
}

impl WrappedArticle {
    pub fn new(article: &Article, width: u16) -> WrappedArticle {
        let w = usize::from(width.max(1));
        let mut lines: Vec<Line> = Vec::new();
        let blank = || Line {
            kind: LineKind::Blank,
            range: 0..0,
            label: None,
        };
        let mut headline_done = false;
        for block in &article.blocks {
            let (kind, width) = match block.kind {
                BlockKind::Headline => (LineKind::Headline, w),
                BlockKind::Image => (
                    LineKind::Image,
                    w.saturating_sub(IMAGE_PREFIX.chars().count()),
                ),
                BlockKind::Caption => (LineKind::Caption, w),
                BlockKind::Subheading => (LineKind::Subheading, w),
                BlockKind::Paragraph => (LineKind::Body, w),
            };
            if !lines.is_empty() && !(block.kind == BlockKind::Caption) {
                lines.push(blank());
            }
            for range in wrap_ranges(&article.text, block.range.clone(), width) {
                lines.push(Line {
                    kind,
                    range,
                    label: None,
                });
            }
            if block.kind == BlockKind::Headline && !headline_done {
                headline_done = true;
                let mut labels = Vec::new();
                if let Some(meta) = article.meta.line() {
                    labels.push((LineKind::Meta, meta));
                }
                for warning in &article.warnings {
                    labels.push((LineKind::Notice, format!("Note: {warning}")));
                }
                for (kind, label) in labels {
                    for row in wrap_ranges(&label, 0..label.len(), w) {
                        lines.push(Line {
                            kind,
                            range: 0..0,
                            label: Some(label[row].to_string()),
                        });
                    }
                }
            }
        }
        let index = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.label.is_none() && l.kind != LineKind::Blank)
            .map(|(row, l)| (l.range.start, row))
            .collect();
        WrappedArticle {
            width,
            lines,
            index,
        }
    }

    /// The row that shows text offset `offset`.
    pub fn row_of(&self, offset: usize) -> usize {
        let i = self.index.partition_point(|&(start, _)| start <= offset);
        i.checked_sub(1).map_or(0, |k| self.index[k].1)
    }

    /// The text offset shown first on row `row` (or on the nearest text row
    /// after it), used to keep the place when the width changes.
    pub fn offset_at(&self, row: usize) -> Option<usize> {
        self.lines[row.min(self.lines.len().saturating_sub(1))..]
            .iter()
            .find(|l| l.label.is_none() && l.kind != LineKind::Blank)
            .map(|l| l.range.start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Format, parse};
    use unicode_width::UnicodeWidthStr;

    fn rows(text: &str, width: usize) -> Vec<&str> {
        wrap_ranges(text, 0..text.len(), width)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    /// The words of `text` as (word, whitespace) by a separator.
    fn words_by(separator: WordSeparator, text: &str) -> Vec<(String, String)> {
        separator
            .find_words(text)
            .map(|w| (w.word.to_string(), w.whitespace.to_string()))
            .collect()
    }

    #[test]
    fn text_said_to_break_only_at_spaces_gets_the_words_the_full_rules_give() {
        // Every plain paragraph of the sample articles, and random strings
        // of the characters the fast path takes.
        let mut texts: Vec<String> = crate::article::samples()
            .into_iter()
            .filter_map(|e| e.article.ok())
            .flat_map(|a| {
                a.blocks
                    .iter()
                    .map(|b| a.text[b.range.clone()].replace(['\n', '\t'], " "))
                    .collect::<Vec<_>>()
            })
            .filter(|t| breaks_only_at_spaces(t))
            .collect();
        assert!(texts.len() > 20, "most sample paragraphs are plain");
        let alphabet: Vec<char> = "aaeZ9  ,.;:'\"()„“”‚‘’«»!?äÖßéçłŁαΩжЯ    bcdxyz"
            .chars()
            .collect();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            let len = (seed >> 59) as usize + 1;
            let text: String = (0..len)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    alphabet[(seed >> 33) as usize % alphabet.len()]
                })
                .collect();
            if breaks_only_at_spaces(&text) {
                texts.push(text);
            }
        }
        assert!(texts.len() > 5000, "{} texts tried", texts.len());
        for text in &texts {
            assert_eq!(
                words_by(WordSeparator::AsciiSpace, text),
                words_by(WordSeparator::UnicodeBreakProperties, text),
                "{text:?}"
            );
        }
        // And what it must not take: breaks the rules allow without a space.
        for text in [
            "2010–2015",
            "and/or",
            "Wow!Yes",
            "5%of",
            "日本語",
            "e\u{301}",
        ] {
            assert!(!breaks_only_at_spaces(text), "{text:?}");
        }
    }

    #[test]
    fn one_boundary_asked_for_agrees_with_listing_every_grapheme() {
        let texts = [
            "plain ascii text, with a hyphen-word",
            "Ölminister Tareck El Aissami erklärte „so“",
            "ab \u{10451}\u{1F3FD} so x \u{301}\u{301} y",
            "👩‍🔬🎉 mixed 日本語 e\u{301} 🇩🇪🇫🇷",
        ];
        for text in texts {
            let all: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i).collect();
            for (at, _) in text.char_indices() {
                assert_eq!(
                    is_grapheme_boundary(text, at),
                    all.binary_search(&at).is_ok(),
                    "{text:?} at {at}"
                );
            }
        }
    }

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(
            rows("one two three four five", 9),
            vec!["one two", "three", "four five"]
        );
    }

    #[test]
    fn no_row_is_wider_than_the_pane_with_cjk_and_emoji() {
        let text = "日本語のテキストは空白なしで続きます。 Emoji 👩‍🔬🎉 mixed with naïve café e\u{301} text, \
                    and a verylongwordthatcannotfitanywhere at all.";
        for width in [1, 2, 5, 8, 13, 20, 40] {
            for row in rows(text, width) {
                assert!(
                    row.width() <= width.max(2),
                    "row {row:?} is {} wide at {width}",
                    row.width()
                );
            }
        }
    }

    #[test]
    fn a_combining_mark_after_a_space_stays_with_it() {
        // Found by the fuzz run: " \u{301}" is one grapheme on screen.
        for text in ["der \u{301} ", "a \u{fe0f}b c", "x \u{301}\u{301} y"] {
            for width in 1..6 {
                for row in rows(text, width) {
                    assert!(
                        row.is_empty() || !row.starts_with(['\u{301}', '\u{fe0f}']),
                        "{text:?} at {width}: row {row:?} starts with a bare mark"
                    );
                }
            }
        }
    }

    #[test]
    fn a_break_is_never_made_inside_a_grapheme() {
        // Found by the fuzz run: a Shavian letter with a skin-tone modifier
        // is one grapheme, but the line-breaking rules allow a break in it.
        for text in ["ab \u{10451}\u{1F3FD} so", "x\u{10451}\u{1F3FD}y z"] {
            for width in 1..8 {
                for row in rows(text, width) {
                    assert!(
                        !row.starts_with('\u{1F3FD}'),
                        "{text:?} at {width}: {row:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn no_word_is_lost() {
        let text = "Der venezolanische Ölminister Tareck El Aissami erklärte,\nBorissows Besuch diene dazu.";
        let joined = rows(text, 16).join(" ");
        let joined: Vec<&str> = joined.split_whitespace().collect();
        let original: Vec<&str> = text.split_whitespace().collect();
        assert_eq!(joined, original);
    }

    #[test]
    fn index_maps_offsets_to_rows() {
        let src = "Headline\n\nFirst paragraph with several words.\n\nSecond one.";
        let a = parse("a.txt", src.as_bytes(), Format::Text).unwrap();
        let w = WrappedArticle::new(&a, 12);
        let second = src.find("Second").unwrap();
        let row = w.row_of(second);
        assert_eq!(&src[w.lines[row].range.clone()], "Second one.");
        let several = src.find("several").unwrap();
        assert!(src[w.lines[w.row_of(several)].range.clone()].contains("several"));
        assert_eq!(w.offset_at(row), Some(second));
    }
}
