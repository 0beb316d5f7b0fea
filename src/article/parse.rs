//! Turning the bytes of one file into an [`Article`].

use super::sanitize::{sanitize, sanitize_line};
use super::{Article, Block, BlockKind, Meta};
use serde::Deserialize;
use std::ops::Range;
use thiserror::Error;

/// The article formats byline reads, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Json,
    /// An HTML page (`.html`, `.htm`): its main text.
    Html,
    /// An RSS or Atom feed (`.rss`, `.atom`, `.xml`): one article per item.
    Feed,
}

impl Format {
    /// The format for a file name; `None` for files that are not articles.
    pub fn from_name(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "html" | "htm" => Some(Format::Html),
            // `.xml` is a feed only when its root element says so; the
            // folder listing looks before taking one (see `feed::sniff`).
            "rss" | "atom" | "xml" => Some(Format::Feed),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum LoadError {
    #[error("cannot read: {0}")]
    Io(String),
    #[error("binary file (contains NUL bytes), not shown")]
    Binary,
    #[error("empty file")]
    Empty,
    #[error("not a byline JSON article: {0}")]
    Json(String),
    #[error("too large to read as markup ({} MB; at most {} MB)", .0 >> 20, MAX_MARKUP_BYTES >> 20)]
    TooLarge(u64),
    #[error("no article text found")]
    NoText,
    #[error("not a readable RSS or Atom feed: {0}")]
    Feed(String),
    #[error("the feed has no items")]
    NoItems,
    #[error("the item is no longer in the feed")]
    ItemGone,
}

/// The largest HTML page or feed that is read. Markup is parsed into a tree
/// of many times its size, and a feed is parsed whole to list its items, so
/// a file past this is refused with its size rather than read.
pub const MAX_MARKUP_BYTES: u64 = 32 << 20;

/// The warning for text whose control characters were made visible.
pub(super) const CONTROL_WARNING: &str = "control characters are shown as ^X or <U+…>";

impl Format {
    /// Whether files of this format are parsed as markup and so kept under
    /// [`MAX_MARKUP_BYTES`].
    pub fn is_markup(self) -> bool {
        matches!(self, Format::Html | Format::Feed)
    }
}

/// Parse the bytes of a file named `name` as an article of `format`.
pub fn parse(name: &str, bytes: &[u8], format: Format) -> Result<Article, LoadError> {
    if bytes.contains(&0) {
        return Err(LoadError::Binary);
    }
    if format.is_markup() && bytes.len() as u64 > MAX_MARKUP_BYTES {
        return Err(LoadError::TooLarge(bytes.len() as u64));
    }
    if format == Format::Feed {
        // A feed names its own encoding in its XML declaration, which
        // feed-rs reads: it gets the bytes as they are.
        return super::feed::first_article(name, bytes);
    }
    let mut warnings = Vec::new();
    // Checking first is much faster than the lossy decoder on the usual,
    // valid, text; only broken text pays for the repair.
    let decoded = match std::str::from_utf8(bytes) {
        Ok(valid) => std::borrow::Cow::Borrowed(valid),
        Err(_) => String::from_utf8_lossy(bytes),
    };
    if matches!(decoded, std::borrow::Cow::Owned(_)) {
        warnings.push("invalid UTF-8 was replaced by �".to_string());
    }
    // A byte-order mark becomes three spaces rather than nothing, so that
    // offsets in the text stay offsets in the file.
    let decoded = match decoded.strip_prefix('\u{feff}') {
        Some(rest) => std::borrow::Cow::Owned(format!("   {rest}")),
        None => decoded,
    };
    let text = sanitize(&decoded);
    if matches!(text, std::borrow::Cow::Owned(_)) {
        warnings.push(CONTROL_WARNING.to_string());
    }
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    let mut article = match format {
        Format::Text => parse_text(text.into_owned()),
        Format::Markdown => parse_markdown(&text),
        Format::Json => parse_json(&text)?,
        Format::Html => super::html::parse_document(&text)?,
        // Handled above, from the raw bytes.
        Format::Feed => return super::feed::first_article(name, bytes),
    };
    article.name = name.to_string();
    // The format's own repairs (entities that decoded to control
    // characters) join those of the bytes, each said once.
    for w in std::mem::take(&mut article.warnings) {
        if !warnings.contains(&w) {
            warnings.push(w);
        }
    }
    article.warnings = warnings;
    Ok(article)
}

pub(super) fn empty_article(
    format: Format,
    text: String,
    blocks: Vec<Block>,
    meta: Meta,
) -> Article {
    Article {
        name: String::new(),
        format,
        meta,
        text,
        blocks,
        warnings: Vec::new(),
    }
}

/// The paragraphs of `text` from `from` on: runs of lines separated by blank
/// lines, as trimmed byte ranges, each with the ranges of its lines.
fn paragraphs(text: &str, from: usize) -> Vec<(Range<usize>, Vec<Range<usize>>)> {
    let mut out: Vec<(Range<usize>, Vec<Range<usize>>)> = Vec::new();
    let mut current: Vec<Range<usize>> = Vec::new();
    let mut pos = from;
    for line in text[from..].split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let content = line.trim_end_matches('\n');
        if content.trim().is_empty() {
            if !current.is_empty() {
                out.push(close_paragraph(text, std::mem::take(&mut current)));
            }
        } else {
            current.push(trim_range(text, start..start + content.len()));
        }
    }
    if !current.is_empty() {
        out.push(close_paragraph(text, current));
    }
    out
}

fn close_paragraph(_text: &str, lines: Vec<Range<usize>>) -> (Range<usize>, Vec<Range<usize>>) {
    let start = lines.first().map_or(0, |l| l.start);
    let end = lines.last().map_or(0, |l| l.end);
    (start..end, lines)
}

/// Shrink a range so it neither starts nor ends with white space.
fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    start..end.max(start)
}

/// A line that is only an image file name, as news scrapes leave them.
fn is_image_name(line: &str) -> bool {
    let line = line.trim();
    !line.contains(char::is_whitespace)
        && matches!(
            line.rsplit_once('.')
                .map(|(_, e)| e.to_ascii_lowercase())
                .as_deref(),
            Some("jpg" | "jpeg" | "png" | "gif" | "webp" | "svg" | "avif")
        )
}

/// Plain text: first line the headline, then paragraphs separated by blank
/// lines; an image file-name line is followed by its caption, which scrapes
/// often repeat: the repeat is shown once.
fn parse_text(text: String) -> Article {
    let mut blocks = Vec::new();
    let paras = paragraphs(&text, 0);
    let mut iter = paras.into_iter().peekable();
    if let Some((_, lines)) = iter.next() {
        let mut lines = lines.into_iter();
        if let Some(first) = lines.next() {
            blocks.push(Block {
                kind: BlockKind::Headline,
                range: first,
            });
        }
        // Lines right under the headline without a blank line are a first paragraph.
        let rest: Vec<_> = lines.collect();
        if let (Some(a), Some(b)) = (rest.first(), rest.last()) {
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                range: a.start..b.end,
            });
        }
    }
    let mut last_caption: Option<String> = None;
    while let Some((range, lines)) = iter.next() {
        let first_line = &text[lines[0].clone()];
        if lines.len() == 1 && is_image_name(first_line) {
            blocks.push(Block {
                kind: BlockKind::Image,
                range,
            });
            if let Some((_, caption_lines)) = iter.next() {
                let caption = caption_lines[0].clone();
                let caption_text = text[caption.clone()].to_string();
                blocks.push(Block {
                    kind: BlockKind::Caption,
                    range: caption.clone(),
                });
                // Further lines of the caption paragraph that only repeat it
                // are dropped; anything else is kept as a paragraph.
                let extra: Vec<_> = caption_lines[1..]
                    .iter()
                    .filter(|l| text[(*l).clone()] != caption_text)
                    .cloned()
                    .collect();
                if let (Some(a), Some(b)) = (extra.first(), extra.last()) {
                    blocks.push(Block {
                        kind: BlockKind::Paragraph,
                        range: a.start..b.end,
                    });
                }
                last_caption = Some(caption_text);
            }
            continue;
        }
        if last_caption
            .take()
            .is_some_and(|c| c == text[range.clone()])
        {
            continue;
        }
        blocks.push(Block {
            kind: BlockKind::Paragraph,
            range,
        });
    }
    empty_article(Format::Text, text, blocks, Meta::default())
}

/// Builds an analysis text block by block, recording each block's range.
#[derive(Default)]
pub(super) struct TextBuilder {
    pub(super) text: String,
    pub(super) blocks: Vec<Block>,
    /// Some decoded text held control characters (now made visible).
    pub(super) had_controls: bool,
}

impl TextBuilder {
    /// Push text decoded from markup (HTML entities, XML character
    /// references): `&#27;` becomes ESC only in decoding, after the file's
    /// bytes were sanitised, so it is sanitised here, as it goes in.
    pub(super) fn push_decoded(&mut self, kind: BlockKind, content: &str) {
        let clean = sanitize(content);
        self.had_controls |= matches!(clean, std::borrow::Cow::Owned(_));
        self.push(kind, &clean);
    }

    /// The warnings for what pushing repaired.
    pub(super) fn warnings(&self) -> Vec<String> {
        if self.had_controls {
            vec![CONTROL_WARNING.to_string()]
        } else {
            Vec::new()
        }
    }

    pub(super) fn push(&mut self, kind: BlockKind, content: &str) {
        let content = content.trim();
        if content.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let start = self.text.len();
        self.text.push_str(content);
        self.blocks.push(Block {
            kind,
            range: start..self.text.len(),
        });
    }
}

/// Markdown, read for its prose: `#` headings, paragraphs, block quotes and
/// list items; images become placeholders; links keep their text; emphasis
/// and code marks are dropped.
fn parse_markdown(source: &str) -> Article {
    let mut out = TextBuilder::default();
    let mut paragraph = String::new();
    let mut have_headline = false;
    let mut in_code = false;
    let flush = |out: &mut TextBuilder, paragraph: &mut String| {
        out.push(BlockKind::Paragraph, &inline_markdown(paragraph));
        paragraph.clear();
    };
    for raw in source.lines() {
        let line = raw.trim_end();
        if line.trim_start().starts_with("```") {
            flush(&mut out, &mut paragraph);
            in_code = !in_code;
            continue;
        }
        if in_code {
            out.push(BlockKind::Paragraph, line);
            continue;
        }
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            flush(&mut out, &mut paragraph);
        } else if let Some(level) = heading_level(trimmed) {
            flush(&mut out, &mut paragraph);
            let title = inline_markdown(trimmed[level..].trim().trim_end_matches('#'));
            let kind = if !have_headline && level == 1 {
                have_headline = true;
                BlockKind::Headline
            } else {
                BlockKind::Subheading
            };
            out.push(kind, &title);
        } else if let Some(image) = markdown_image(trimmed) {
            flush(&mut out, &mut paragraph);
            out.push(BlockKind::Image, image.1);
            out.push(BlockKind::Caption, image.0);
        } else if let Some(item) = list_item(trimmed) {
            flush(&mut out, &mut paragraph);
            paragraph.push_str("• ");
            paragraph.push_str(item);
        } else {
            let content = trimmed.trim_start_matches('>').trim_start();
            if !paragraph.is_empty() {
                paragraph.push(' ');
            }
            paragraph.push_str(content);
        }
    }
    flush(&mut out, &mut paragraph);
    if !have_headline {
        // No `#` heading: the first block stands in as the headline.
        if let Some(first) = out.blocks.first_mut() {
            first.kind = BlockKind::Headline;
        }
    }
    empty_article(Format::Markdown, out.text, out.blocks, Meta::default())
}

fn heading_level(line: &str) -> Option<usize> {
    let level = line.bytes().take_while(|&b| b == b'#').count();
    ((1..=6).contains(&level) && line[level..].starts_with(' ')).then_some(level)
}

fn list_item(line: &str) -> Option<&str> {
    for marker in ["- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(marker) {
            return Some(rest);
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        return line[digits..].strip_prefix(". ");
    }
    None
}

/// `![alt](src)` on a line of its own: (alt, src).
fn markdown_image(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix("![")?;
    let (alt, rest) = rest.split_once("](")?;
    let src = rest.strip_suffix(')')?;
    Some((alt, src))
}

/// Drop inline Markdown marks: links keep their text, emphasis and code
/// marks go. Underscores inside words stay (snake_case is not emphasis).
fn inline_markdown(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let chars: Vec<char> = line.chars().collect();
    // Where the next ']' and ')' are from each position: found once, so a
    // line of many unclosed '[' stays linear, not quadratic.
    let next_of = |target: char| {
        let mut next = vec![None; chars.len() + 1];
        for k in (0..chars.len()).rev() {
            next[k] = if chars[k] == target {
                Some(k)
            } else {
                next[k + 1]
            };
        }
        next
    };
    let (next_bracket, next_paren) = (next_of(']'), next_of(')'));
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '*' | '`' => {}
            '_' => {
                let inner_word = i > 0
                    && i + 1 < chars.len()
                    && chars[i - 1].is_alphanumeric()
                    && chars[i + 1].is_alphanumeric();
                if inner_word {
                    out.push(c);
                }
            }
            '!' if chars.get(i + 1) == Some(&'[') => {}
            '[' => {
                // A link: keep the text, skip the target.
                if let Some(close) = next_bracket[i]
                    && chars.get(close + 1) == Some(&'(')
                    && let Some(end) = next_paren[close]
                {
                    out.extend(&chars[i + 1..close]);
                    i = end + 1;
                    continue;
                }
                out.push(c);
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

#[derive(Deserialize)]
struct JsonArticle {
    title: String,
    body: String,
    source: Option<String>,
    date: Option<String>,
    author: Option<String>,
    url: Option<String>,
}

/// JSON: an object with `title` and `body` (paragraphs separated by blank
/// lines) and optional `source`, `date`, `author`, `url`.
fn parse_json(source: &str) -> Result<Article, LoadError> {
    let doc: JsonArticle =
        serde_json::from_str(source).map_err(|e| LoadError::Json(sanitize_line(&e.to_string())))?;
    let mut out = TextBuilder::default();
    // JSON escapes (\u001b, \u0000, \u202e) decode to control characters
    // only now, after the file's bytes were sanitised: sanitise again.
    out.push(BlockKind::Headline, &sanitize_line(&doc.title));
    let body = sanitize(&doc.body.replace("\r\n", "\n")).into_owned();
    for (range, _) in paragraphs(&body, 0) {
        out.push(BlockKind::Paragraph, &body[range]);
    }
    let meta = Meta {
        source: doc.source,
        date: doc.date,
        author: doc.author,
        url: doc.url,
    };
    // Metadata is shown too, so it is sanitised like the text.
    let clean = |v: Option<String>| v.map(|s| sanitize_line(&s));
    let meta = Meta {
        source: clean(meta.source),
        date: clean(meta.date),
        author: clean(meta.author),
        url: clean(meta.url),
    };
    Ok(empty_article(Format::Json, out.text, out.blocks, meta))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(a: &Article) -> Vec<(BlockKind, &str)> {
        a.blocks
            .iter()
            .map(|b| (b.kind, &a.text[b.range.clone()]))
            .collect()
    }

    #[test]
    fn many_unclosed_link_brackets_take_linear_time() {
        // Was quadratic: 200,000 '[' took about 30 s (found by the
        // hostile-corpus end-to-end test).
        let src = format!(
            "# Brackets\n\n{}\n\n[a link](http://x) and ![img](y)",
            "[".repeat(200_000)
        );
        let start = std::time::Instant::now();
        let a = parse("b.md", src.as_bytes(), Format::Markdown).unwrap();
        assert!(start.elapsed() < std::time::Duration::from_secs(2));
        assert!(
            a.text.contains("a link and img"),
            "{}",
            &a.text[a.text.len() - 40..]
        );
    }

    #[test]
    fn a_byte_order_mark_keeps_offsets_those_of_the_file() {
        let src = "\u{feff}Headline\r\n\r\nShe said: \"Yes.\"\r\n";
        let a = parse("bom.txt", src.as_bytes(), Format::Text).unwrap();
        assert_eq!(a.text.len(), src.len());
        assert_eq!(kinds(&a)[0], (BlockKind::Headline, "Headline"));
        let yes = src.find("Yes").unwrap();
        assert_eq!(&a.text[yes..yes + 3], "Yes");
    }

    #[test]
    fn text_headline_image_and_repeated_caption() {
        let src = "Headline here\n\npic_one.jpg\n\nA caption.\nA caption.\n\nFirst para\ncontinues.\n\n\nSecond.\n";
        let a = parse("a.txt", src.as_bytes(), Format::Text).unwrap();
        assert_eq!(
            kinds(&a),
            vec![
                (BlockKind::Headline, "Headline here"),
                (BlockKind::Image, "pic_one.jpg"),
                (BlockKind::Caption, "A caption."),
                (BlockKind::Paragraph, "First para\ncontinues."),
                (BlockKind::Paragraph, "Second."),
            ]
        );
        assert_eq!(a.title(), "Headline here");
        // Offsets are offsets in the file.
        assert_eq!(&src[a.blocks[4].range.clone()], "Second.");
    }

    #[test]
    fn caption_repeated_as_its_own_paragraph_is_shown_once() {
        let src = "H\n\nx.png\n\nCap.\n\nCap.\n\nBody.";
        let a = parse("a.txt", src.as_bytes(), Format::Text).unwrap();
        let texts: Vec<_> = kinds(&a).into_iter().map(|(_, t)| t).collect();
        assert_eq!(texts, vec!["H", "x.png", "Cap.", "Body."]);
    }

    #[test]
    fn every_paragraph_is_kept() {
        let src = "H\n\nOne.\n\nOne.\n\nTwo.";
        let a = parse("a.txt", src.as_bytes(), Format::Text).unwrap();
        assert_eq!(a.blocks.len(), 4, "identical paragraphs are both kept");
    }

    #[test]
    fn markdown_headline_links_and_emphasis() {
        let src = "Intro line\n\n# The *Title*\n\nSome **bold** and a [link](https://x.org) in snake_case.\n> quoted\n\n## Sub\n\n- item one\n";
        let a = parse("a.md", src.as_bytes(), Format::Markdown).unwrap();
        assert_eq!(a.title(), "The Title");
        let k = kinds(&a);
        assert!(k.contains(&(
            BlockKind::Paragraph,
            "Some bold and a link in snake_case. quoted"
        )));
        assert!(k.contains(&(BlockKind::Subheading, "Sub")));
        assert!(k.contains(&(BlockKind::Paragraph, "• item one")));
    }

    #[test]
    fn json_article_with_metadata() {
        let src = r#"{"title":"T","body":"P1\n\nP2","source":"S","date":"2026-01-02","author":"A","url":"u"}"#;
        let a = parse("a.json", src.as_bytes(), Format::Json).unwrap();
        assert_eq!(a.title(), "T");
        assert_eq!(a.blocks.len(), 3);
        assert_eq!(a.meta.line().as_deref(), Some("S · 2026-01-02 · A"));
    }

    #[test]
    fn broken_inputs_are_errors_not_panics() {
        assert!(matches!(
            parse("a.json", b"{\"title\": 3}", Format::Json),
            Err(LoadError::Json(_))
        ));
        assert_eq!(
            parse("a.txt", b"a\0b", Format::Text),
            Err(LoadError::Binary)
        );
        assert_eq!(
            parse("a.txt", b" \n\n ", Format::Text),
            Err(LoadError::Empty)
        );
        let a = parse("a.txt", b"Head\xff line\n\nBody", Format::Text).unwrap();
        assert_eq!(a.warnings.len(), 1);
        // Nesting deeper than serde_json's limit is an error, not a stack overflow.
        let deep = format!(
            "{{\"title\": {}1{}}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert!(matches!(
            parse("a.json", deep.as_bytes(), Format::Json),
            Err(LoadError::Json(_))
        ));
    }
}
