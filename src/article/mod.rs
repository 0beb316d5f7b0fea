//! The article model and the loaders that build it from files.
//!
//! An article keeps one analysis text (`Article::text`). Every block and every
//! span that extraction finds is a byte range into that text, so the reading
//! pane, the side panel and `byline extract` all speak about the same bytes.
//! For plain-text files the analysis text is the file itself (after control
//! characters are made visible, which only hostile files contain), so offsets
//! are offsets in the file; Markdown, JSON, HTML and feed articles are
//! rebuilt as plain text first and their offsets refer to that text.

mod feed;
mod html;
mod library;
mod parse;
mod sanitize;

pub use library::{
    Entry, Origin, Source, collect, is_listed_in_folder, list, path_key, sample_sources, samples,
};
pub use parse::{Format, LoadError, MAX_MARKUP_BYTES, parse};
pub use sanitize::{sanitize, sanitize_line};

use std::ops::Range;

/// What a block of the article is, which decides how it is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Headline,
    /// An image file name; drawn as a placeholder.
    Image,
    Caption,
    Subheading,
    Paragraph,
}

/// One block of the article: its kind and where its text lies in `Article::text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub range: Range<usize>,
}

/// Facts about an article that its format may carry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub source: Option<String>,
    pub date: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
}

impl Meta {
    /// The metadata line shown under the headline, if anything is known.
    pub fn line(&self) -> Option<String> {
        let date = self.date.as_deref().map(day_of);
        let parts: Vec<&str> = [self.source.as_deref(), date, self.author.as_deref()]
            .into_iter()
            .flatten()
            .filter(|p| !p.trim().is_empty())
            .collect();
        (!parts.is_empty()).then(|| parts.join(" · "))
    }
}

/// The day of an ISO 8601 time stamp ("2026-11-20T08:00:00+01:00" →
/// "2026-11-20"): a reader wants the day, not the second. Other forms stay
/// as given.
fn day_of(date: &str) -> &str {
    let b = date.as_bytes();
    let iso = b.len() > 10
        && b[4] == b'-'
        && b[7] == b'-'
        && matches!(b[10], b'T' | b' ')
        && b[..10]
            .iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if iso { &date[..10] } else { date }
}

#[cfg(test)]
mod meta_tests {
    use super::*;

    #[test]
    fn the_meta_line_shows_the_day_of_a_time_stamp() {
        let meta = |date: &str| Meta {
            source: Some("Kieler Bote".into()),
            date: Some(date.into()),
            ..Meta::default()
        };
        assert_eq!(
            meta("2026-11-20T08:00:00+01:00").line().as_deref(),
            Some("Kieler Bote · 2026-11-20")
        );
        assert_eq!(
            meta("Wed, 01 May 2024 10:00:00 GMT").line().as_deref(),
            Some("Kieler Bote · Wed, 01 May 2024 10:00:00 GMT")
        );
        assert_eq!(
            meta("2024-05-01").line().as_deref(),
            Some("Kieler Bote · 2024-05-01")
        );
        assert_eq!(
            meta("ü2024-05-01T1").line().as_deref(),
            Some("Kieler Bote · ü2024-05-01T1")
        );
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The file name (or sample name) the article came from.
    pub name: String,
    pub format: Format,
    pub meta: Meta,
    /// The analysis text; all ranges point into it.
    pub text: String,
    pub blocks: Vec<Block>,
    /// Things the loader had to repair, shown to the reader.
    pub warnings: Vec<String>,
}

impl Article {
    /// The headline, or the file name when the article has none.
    pub fn title(&self) -> &str {
        self.blocks
            .iter()
            .find(|b| b.kind == BlockKind::Headline)
            .map(|b| &self.text[b.range.clone()])
            .unwrap_or(&self.name)
    }

    /// The text of one block.
    pub fn block_text(&self, block: &Block) -> &str {
        &self.text[block.range.clone()]
    }

    /// The blocks whose text is article prose (everything but image file names):
    /// what extraction and search read.
    pub fn prose_ranges(&self) -> Vec<Range<usize>> {
        self.blocks
            .iter()
            .filter(|b| b.kind != BlockKind::Image)
            .map(|b| b.range.clone())
            .collect()
    }
}
