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
        let parts: Vec<&str> = [&self.source, &self.date, &self.author]
            .into_iter()
            .filter_map(|p| p.as_deref())
            .filter(|p| !p.trim().is_empty())
            .collect();
        (!parts.is_empty()).then(|| parts.join(" · "))
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
