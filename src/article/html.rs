//! HTML pages: the main text of a news page, without what surrounds it.
//!
//! Parsing is scraper's (html5ever underneath, the parser Servo uses). It
//! follows the HTML standard's error recovery, so any input, however
//! broken, gives the tree a browser would build, and it decodes character
//! references (`&amp;`, `&#8222;`) once. The tree is an arena (ego-tree):
//! it is walked here with its traversal iterator and never by recursion, so
//! a page nested 100,000 elements deep neither overflows the stack nor
//! takes long to drop, and every pass over it is linear.
//!
//! The main text is the largest `<article>`, else `<main>`, else `<body>`.
//! Navigation and page furniture, scripts, styles, forms and embedded media
//! are dropped. Block elements (paragraphs, list items, block quotes,
//! headings, captions) become the article's blocks, their white space
//! collapsed as a browser shows it. Decoded text is sanitised as it enters
//! the article ([`TextBuilder::push_decoded`]): `&#27;` is ESC only after
//! decoding, so the sanitising of the file's bytes cannot have caught it.

use super::parse::{Format, LoadError, TextBuilder, empty_article};
use super::sanitize::sanitize_line;
use super::{Article, BlockKind, Meta};
use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::node::Element;
use scraper::{ElementRef, Html, Node};

/// Elements whose content is never article text: navigation and page
/// furniture, code and styles, forms, and embedded media and graphics
/// (their text is fallback messages or controls, not prose).
const DROPPED: &[&str] = &[
    "nav", "header", "footer", "aside", "script", "style", "noscript", "form", "template", "svg",
    "iframe", "button", "select", "textarea", "canvas", "video", "audio", "object", "embed",
    "math", "dialog",
];

/// ARIA roles that say the same as the dropped elements, for pages built
/// of `<div>`s.
const DROPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
];

/// Elements that begin and end a block of text; everything else (`a`,
/// `em`, `span`, …) is inline and runs on within its block.
const BLOCKS: &[&str] = &[
    "html",
    "body",
    "main",
    "article",
    "section",
    "div",
    "p",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hgroup",
    "figure",
    "figcaption",
    "pre",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "caption",
    "hr",
    "address",
    "details",
    "summary",
    "center",
    "fieldset",
    "legend",
    "picture",
];

fn is_dropped(el: &Element) -> bool {
    DROPPED.contains(&el.name())
        || el.attr("hidden").is_some()
        || el
            .attr("aria-hidden")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        || el.attr("role").is_some_and(|role| {
            role.split_ascii_whitespace()
                .any(|r| DROPPED_ROLES.iter().any(|d| r.eq_ignore_ascii_case(d)))
        })
}

fn is_block(name: &str) -> bool {
    BLOCKS.contains(&name)
}

/// Collapse white space as HTML shows it: runs of ASCII white space become
/// one space, and the ends are trimmed. Soft hyphens and zero-width spaces
/// are hints for breaking lines in a browser; in a terminal they would only
/// split words (`Bürger\u{ad}meisterin` would not be the role noun), so
/// they go.
pub(super) fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        match c {
            '\u{ad}' | '\u{200b}' | '\u{2060}' | '\u{feff}' => {}
            ' ' | '\t' | '\n' | '\r' | '\u{c}' => space = true,
            _ => {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
    }
    out
}

/// A label from markup (an attribute, a title): collapsed and made safe to
/// show on one line; `None` when nothing is left.
pub(super) fn clean_label(text: &str) -> Option<String> {
    let clean = sanitize_line(&collapse(text));
    let clean = clean.trim();
    (!clean.is_empty()).then(|| clean.to_string())
}

/// Where the text of a block is heading for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Context {
    Heading,
    Caption,
}

/// Turns a subtree into blocks of text in one pass.
struct Walker {
    blocks: Vec<(BlockKind, String)>,
    /// Inline text of the block being read, not yet collapsed.
    buf: String,
    /// Open headings and captions, innermost last.
    contexts: Vec<(NodeId, Context)>,
    /// A list item began and has not had its first block yet.
    bullet: bool,
    /// How many `<figure>`s are open: images are shown only inside one,
    /// since loose `<img>`s are mostly icons, logos and trackers.
    figures: usize,
    /// The marks a `<q>` is shown with, by the page's language.
    marks: (&'static str, &'static str),
}

impl Walker {
    fn new(lang: Option<&str>) -> Walker {
        let german = lang.is_some_and(|l| {
            l.trim()
                .get(..2)
                .is_some_and(|p| p.eq_ignore_ascii_case("de"))
        });
        Walker {
            blocks: Vec::new(),
            buf: String::new(),
            contexts: Vec::new(),
            bullet: false,
            figures: 0,
            marks: if german {
                ("„", "“")
            } else {
                ("“", "”")
            },
        }
    }

    /// Read the blocks under `root`, leaving out the element `skip` (the
    /// headline, which is shown as such) and everything dropped.
    fn walk(&mut self, root: ElementRef, skip: Option<NodeId>) {
        let mut skipping: Option<NodeId> = None;
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) => {
                    if skipping.is_some() {
                        continue;
                    }
                    match node.value() {
                        Node::Text(text) => self.buf.push_str(text),
                        Node::Element(el) => {
                            let id = node.id();
                            if id != root.id() && (is_dropped(el) || Some(id) == skip) {
                                skipping = Some(id);
                            } else {
                                self.open(id, el);
                            }
                        }
                        _ => {}
                    }
                }
                Edge::Close(node) => {
                    if let Some(id) = skipping {
                        if id == node.id() {
                            skipping = None;
                        }
                        continue;
                    }
                    if let Node::Element(el) = node.value() {
                        self.close(node.id(), el);
                    }
                }
            }
        }
        self.flush();
    }

    fn open(&mut self, id: NodeId, el: &Element) {
        let name = el.name();
        match name {
            "br" | "td" | "th" => self.buf.push(' '),
            "q" => self.buf.push_str(self.marks.0),
            "img" if self.figures > 0 => {
                self.flush();
                if let Some(file) = image_name(el) {
                    self.blocks.push((BlockKind::Image, file));
                }
            }
            _ if is_block(name) => {
                self.flush();
                match name {
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                        self.contexts.push((id, Context::Heading));
                    }
                    "figcaption" => self.contexts.push((id, Context::Caption)),
                    "figure" => self.figures += 1,
                    "li" => self.bullet = true,
                    _ => {}
                }
            }
            _ => {}
        }
    }

    fn close(&mut self, id: NodeId, el: &Element) {
        let name = el.name();
        match name {
            "td" | "th" => self.buf.push(' '),
            "q" => self.buf.push_str(self.marks.1),
            _ if is_block(name) => {
                self.flush();
                if self.contexts.last().is_some_and(|(open, _)| *open == id) {
                    self.contexts.pop();
                }
                match name {
                    "figure" => self.figures = self.figures.saturating_sub(1),
                    "li" => self.bullet = false,
                    _ => {}
                }
            }
            _ => {}
        }
    }

    /// End the block being read.
    fn flush(&mut self) {
        let text = collapse(&self.buf);
        self.buf.clear();
        if text.is_empty() {
            return;
        }
        let after_image = matches!(
            self.blocks.last(),
            Some((BlockKind::Image | BlockKind::Caption, _))
        );
        let kind = match self.contexts.last().map(|(_, c)| *c) {
            Some(Context::Heading) => BlockKind::Subheading,
            // A caption is drawn hanging under its image; one without an
            // image (a video's, whose player was dropped) reads as prose.
            Some(Context::Caption) if after_image => BlockKind::Caption,
            _ => BlockKind::Paragraph,
        };
        let text = if self.bullet && kind == BlockKind::Paragraph {
            self.bullet = false;
            format!("• {text}")
        } else {
            text
        };
        self.blocks.push((kind, text));
    }
}

/// The file name an image placeholder shows: the last part of its
/// address, without query or fragment. Inline `data:` images have none.
fn image_name(el: &Element) -> Option<String> {
    let src = el.attr("src").or_else(|| el.attr("data-src"))?.trim();
    if src.is_empty()
        || src
            .get(..5)
            .is_some_and(|s| s.eq_ignore_ascii_case("data:"))
    {
        return None;
    }
    let path = src.split(['?', '#']).next().unwrap_or(src);
    let file = path
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or(path);
    (!file.is_empty()).then(|| file.to_string())
}

/// The text under `el`, dropped elements left out, collapsed.
fn text_of(el: ElementRef) -> String {
    let mut out = String::new();
    let mut skipping: Option<NodeId> = None;
    for edge in el.traverse() {
        match edge {
            Edge::Open(node) if skipping.is_none() => match node.value() {
                Node::Text(text) => out.push_str(text),
                Node::Element(e) if node.id() != el.id() && is_dropped(e) => {
                    skipping = Some(node.id());
                }
                Node::Element(e)
                    if is_block(e.name()) || matches!(e.name(), "br" | "td" | "th") =>
                {
                    out.push(' ');
                }
                _ => {}
            },
            Edge::Close(node) if skipping == Some(node.id()) => skipping = None,
            // Blocks inside a heading (as broken pages nest them) stay
            // apart as words.
            Edge::Close(node)
                if skipping.is_none()
                    && node
                        .value()
                        .as_element()
                        .is_some_and(|e| is_block(e.name())) =>
            {
                out.push(' ');
            }
            _ => {}
        }
    }
    collapse(&out)
}

/// Visit the elements under `scope` in document order, passing over the
/// subtrees of dropped elements (a `<header>` is entered when `header_ok`)
/// and of those for which `visit` returns `Skip`; stops at the first
/// `Found`.
fn find<'a, T>(
    scope: ElementRef<'a>,
    header_ok: bool,
    mut visit: impl FnMut(ElementRef<'a>) -> Visit<T>,
) -> Option<T> {
    let mut skipping: Option<NodeId> = None;
    for edge in scope.traverse() {
        match edge {
            Edge::Open(node) if skipping.is_none() => {
                let Some(el) = ElementRef::wrap(node) else {
                    continue;
                };
                let value = el.value();
                if node.id() != scope.id()
                    && is_dropped(value)
                    && !(header_ok && value.name() == "header")
                {
                    skipping = Some(node.id());
                    continue;
                }
                match visit(el) {
                    Visit::Found(t) => return Some(t),
                    Visit::Skip => skipping = Some(node.id()),
                    Visit::Enter => {}
                }
            }
            Edge::Close(node) if skipping == Some(node.id()) => skipping = None,
            _ => {}
        }
    }
    None
}

enum Visit<T> {
    Found(T),
    Enter,
    /// Pass over this element's subtree.
    Skip,
}

/// The first `<h1>` under `scope` that has text, outside page furniture;
/// with `header_ok`, one in a `<header>` counts too (an article's own
/// header holds its headline, a page's header the site's name).
fn find_h1(scope: ElementRef, header_ok: bool) -> Option<(NodeId, String)> {
    find(scope, header_ok, |el| {
        if el.value().name() != "h1" {
            return Visit::Enter;
        }
        let text = text_of(el);
        if text.is_empty() {
            // Nothing under it has text either: no need to look inside.
            Visit::Skip
        } else {
            Visit::Found((el.id(), text))
        }
    })
}

/// The element holding the main text: the `<article>` with the most text
/// (a page may hold teasers as articles too), else the first `<main>`,
/// else `<body>`. Articles inside an article are part of it (comments),
/// not candidates of their own, which keeps this one linear pass.
fn main_root(doc: &Html) -> ElementRef<'_> {
    let html = doc.root_element();
    let mut best: Option<(usize, ElementRef)> = None;
    let mut current: Option<(usize, ElementRef)> = None;
    let mut skipping: Option<NodeId> = None;
    for edge in html.traverse() {
        match edge {
            Edge::Open(node) if skipping.is_none() => match node.value() {
                Node::Text(text) => {
                    if let Some((len, _)) = &mut current {
                        *len += text.trim().len();
                    }
                }
                Node::Element(e) if is_dropped(e) => skipping = Some(node.id()),
                Node::Element(e) if e.name() == "article" && current.is_none() => {
                    current = ElementRef::wrap(node).map(|el| (0, el));
                }
                _ => {}
            },
            Edge::Close(node) if skipping == Some(node.id()) => skipping = None,
            Edge::Close(node) if current.is_some_and(|(_, el)| el.id() == node.id()) => {
                if let Some((len, el)) = current.take()
                    && best.is_none_or(|(b, _)| len > b)
                {
                    best = Some((len, el));
                }
            }
            _ => {}
        }
    }
    if let Some((_, article)) = best {
        return article;
    }
    let main = find(html, false, |el| {
        if el.value().name() == "main" {
            Visit::Found(el)
        } else {
            Visit::Enter
        }
    });
    main.or_else(|| html.child_elements().find(|el| el.value().name() == "body"))
        .unwrap_or(html)
}

/// The page's `<title>` (not an SVG's).
fn page_title(doc: &Html) -> Option<String> {
    find(doc.root_element(), true, |el| {
        if el.value().name() == "title" {
            Visit::Found(text_of(el))
        } else {
            Visit::Enter
        }
    })
    .filter(|t| !t.is_empty())
}

/// A `<title>` often ends with the site's name ("Headline | Site"): it
/// goes when the site's name is known.
fn strip_site(title: String, site: Option<&str>) -> String {
    let Some(site) = site.filter(|s| !s.is_empty()) else {
        return title;
    };
    for sep in [" | ", " - ", " – ", " — ", " · ", " :: "] {
        if let Some(rest) = title.strip_suffix(site)
            && let Some(head) = rest.strip_suffix(sep)
            && !head.trim().is_empty()
        {
            return head.trim().to_string();
        }
    }
    title
}

/// What the page's `<meta>`, `<link>` and `<time>` elements say.
fn metadata(doc: &Html, root: ElementRef) -> Meta {
    let mut meta = Meta::default();
    let mut og_url = None;
    let mut published = None;
    for el in doc
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
    {
        let value = el.value();
        let attr = |name: &str| value.attr(name);
        let is =
            |name: &str, wanted: &str| attr(name).is_some_and(|v| v.eq_ignore_ascii_case(wanted));
        match value.name() {
            "meta" => {
                let content = attr("content").and_then(clean_label);
                if content.is_none() {
                    continue;
                }
                if is("name", "author") && meta.author.is_none() {
                    meta.author = content;
                } else if is("property", "article:published_time") && published.is_none() {
                    published = content;
                } else if is("property", "og:url") && og_url.is_none() {
                    og_url = content;
                } else if is("property", "og:site_name") && meta.source.is_none() {
                    meta.source = content;
                }
            }
            "link" if meta.url.is_none() => {
                let canonical = attr("rel").is_some_and(|rel| {
                    rel.split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                });
                if canonical {
                    meta.url = attr("href").and_then(clean_label);
                }
            }
            _ => {}
        }
    }
    meta.url = meta.url.or(og_url);
    // A `<time datetime>` in the article is its date more surely than
    // one elsewhere on the page.
    let time_in = |scope: ElementRef| {
        scope
            .descendants()
            .filter_map(ElementRef::wrap)
            .filter(|el| el.value().name() == "time")
            .find_map(|el| el.value().attr("datetime").and_then(clean_label))
    };
    meta.date = published
        .or_else(|| time_in(root))
        .or_else(|| time_in(doc.root_element()));
    meta
}

/// How deep elements may nest before their tags are left out.
///
/// html5ever follows the standard's tree building, which checks "in scope"
/// by walking the stack of open elements: each tag costs time in
/// proportion to how deep it is, so 100,000 unclosed `<div>`s take
/// minutes. Browsers stop nesting at a depth (Blink at 512); this stops
/// lower, before parsing, since a news page's text sits a few dozen
/// elements deep and a 7 MB page of paragraphs 256 deep already takes 4 s
/// to parse. Past it a page keeps its text and loses its structure.
const MAX_DEPTH: usize = 128;

/// Elements that never have an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame", "basefont", "bgsound", "image",
];

/// Elements the parser closes by itself when the next one opens: they do
/// not stack up, so they are not counted.
const SELF_ENDING: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
    "colgroup", "caption", "rb", "rt", "rp", "rtc", "html", "head", "body",
];

/// Elements whose content is text up to their end tag, not markup.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

fn one_of(name: &str, names: &[&str]) -> bool {
    names.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// What one tag does to the nesting depth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Open,
    Close,
    Neither,
}

/// The tags of `source` as (start, end, step), found by a quick scan: it
/// knows comments, void and raw-text elements and SVG's self-closing
/// tags, not the whole tree-building algorithm, and errs towards counting
/// less.
fn tags(source: &str) -> Vec<(usize, usize, Step)> {
    let bytes = source.as_bytes();
    let find = |from: usize, needle: &[u8]| {
        bytes
            .get(from..)
            .and_then(|rest| rest.windows(needle.len()).position(|w| w == needle))
            .map(|i| from + i)
    };
    let mut out = Vec::new();
    let mut foreign = 0usize;
    let mut i = 0;
    while let Some(lt) = bytes
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| b == b'<'))
        .map(|p| i + p)
    {
        let rest = &bytes[lt..];
        if rest.starts_with(b"<!--") {
            match find(lt + 4, b"-->") {
                Some(end) => i = end + 3,
                None => break,
            }
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            match find(lt, b">") {
                Some(end) => i = end + 1,
                None => break,
            }
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_len = bytes.get(name_start..).map_or(0, |r| {
            r.iter().take_while(|b| b.is_ascii_alphanumeric()).count()
        });
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            // "a < b" is text.
            i = lt + 1;
            continue;
        }
        // The tag ends at the first '>' outside quoted attribute values.
        let mut quote = None;
        let mut end = None;
        for (k, &b) in bytes.iter().enumerate().skip(name_start + name_len) {
            match (quote, b) {
                (None, b'"' | b'\'') => quote = Some(b),
                (Some(q), _) if q == b => quote = None,
                (None, b'>') => {
                    end = Some(k);
                    break;
                }
                _ => {}
            }
        }
        let Some(gt) = end else { break };
        let name = &source[name_start..name_start + name_len];
        let self_closing = bytes[gt - 1] == b'/';
        let foreign_root = one_of(name, &["svg", "math"]);
        let step = if one_of(name, VOID) || one_of(name, SELF_ENDING) {
            Step::Neither
        } else if closing {
            if foreign_root {
                foreign = foreign.saturating_sub(1);
            }
            Step::Close
        } else if self_closing && (foreign > 0 || foreign_root) {
            // `<path/>` closes itself in SVG; `<div/>` does not in HTML.
            Step::Neither
        } else {
            if foreign_root {
                foreign += 1;
            }
            Step::Open
        };
        out.push((lt, gt + 1, step));
        i = gt + 1;
        if !closing && one_of(name, RAW_TEXT) {
            // Skip to its end tag, whatever case it is in.
            let lower = format!("</{}", name.to_ascii_lowercase());
            let at = source[i..]
                .char_indices()
                .filter(|(_, c)| *c == '<')
                .map(|(k, _)| i + k)
                .find(|&k| {
                    source
                        .get(k..k + lower.len())
                        .is_some_and(|t| t.eq_ignore_ascii_case(&lower))
                });
            match at {
                Some(at) => i = at,
                None => break,
            }
        }
    }
    out
}

/// `source` with the tags nested deeper than [`MAX_DEPTH`] left out (a
/// space each, so words stay apart), their text kept; borrowed when
/// nothing nests that deep, as on every ordinary page.
fn limit_depth(source: &str) -> std::borrow::Cow<'_, str> {
    let tags = tags(source);
    let mut depth = 0usize;
    let mut deep = Vec::new();
    for &(start, end, step) in &tags {
        match step {
            Step::Open => {
                depth += 1;
                if depth > MAX_DEPTH {
                    deep.push((start, end));
                }
            }
            Step::Close => {
                if depth > MAX_DEPTH {
                    deep.push((start, end));
                }
                depth = depth.saturating_sub(1);
            }
            Step::Neither => {}
        }
    }
    if deep.is_empty() {
        return std::borrow::Cow::Borrowed(source);
    }
    let mut out = String::with_capacity(source.len());
    let mut at = 0;
    for (start, end) in deep {
        out.push_str(&source[at..start]);
        out.push(' ');
        at = end;
    }
    out.push_str(&source[at..]);
    std::borrow::Cow::Owned(out)
}

/// Build an article the way the JSON and Markdown loaders do: headline and
/// blocks joined by blank lines, each block a byte range of that text.
/// Without a headline, the first block of prose stands in for it, as in
/// Markdown. Every string is sanitised on the way in.
pub(super) fn assemble(
    format: Format,
    headline: Option<&str>,
    blocks: Vec<(BlockKind, String)>,
    meta: Meta,
) -> Result<Article, LoadError> {
    let mut out = TextBuilder::default();
    if let Some(headline) = headline {
        out.push_decoded(BlockKind::Headline, &collapse(headline));
    }
    let has_headline = !out.blocks.is_empty();
    for (kind, text) in blocks {
        out.push_decoded(kind, &text);
    }
    if !has_headline
        && let Some(first) = out.blocks.first_mut()
        && matches!(first.kind, BlockKind::Paragraph | BlockKind::Subheading)
    {
        first.kind = BlockKind::Headline;
    }
    if out.blocks.is_empty() {
        return Err(LoadError::NoText);
    }
    let warnings = out.warnings();
    let mut article = empty_article(format, out.text, out.blocks, meta);
    article.warnings = warnings;
    Ok(article)
}

/// A whole HTML page (already sanitised as bytes) as an article.
pub(super) fn parse_document(source: &str) -> Result<Article, LoadError> {
    let doc = Html::parse_document(&limit_depth(source));
    let html = doc.root_element();
    let root = main_root(&doc);
    let meta = metadata(&doc, root);
    // An `<h1>` in an article's own header is its headline; one in the
    // page's header is more often the site's name than the `<title>` is.
    let own_header = matches!(root.value().name(), "article" | "main");
    let h1 = find_h1(root, false)
        .or_else(|| own_header.then(|| find_h1(root, true)).flatten())
        .or_else(|| find_h1(html, false));
    let (skip, headline) = match h1 {
        Some((id, text)) => (Some(id), Some(text)),
        None => match page_title(&doc) {
            Some(title) => (None, Some(strip_site(title, meta.source.as_deref()))),
            None => match find_h1(html, true) {
                Some((id, text)) => (Some(id), Some(text)),
                None => (None, None),
            },
        },
    };
    let mut walker = Walker::new(html.value().attr("lang"));
    walker.walk(root, skip);
    assemble(Format::Html, headline.as_deref(), walker.blocks, meta)
}

/// The blocks of an HTML fragment (a feed item's content), every heading
/// a subheading. `lang` chooses the marks a `<q>` is shown with.
pub(super) fn fragment_blocks(fragment: &str, lang: Option<&str>) -> Vec<(BlockKind, String)> {
    let doc = Html::parse_fragment(&limit_depth(fragment));
    let mut walker = Walker::new(lang);
    walker.walk(doc.root_element(), None);
    walker.blocks
}

/// The text of an HTML fragment on one line (a feed's title of type html).
pub(super) fn fragment_text(fragment: &str) -> String {
    text_of(Html::parse_fragment(&limit_depth(fragment)).root_element())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse::parse;

    fn html(src: &str) -> Article {
        parse("page.html", src.as_bytes(), Format::Html).expect("loads")
    }

    fn kinds(a: &Article) -> Vec<(BlockKind, &str)> {
        a.blocks
            .iter()
            .map(|b| (b.kind, &a.text[b.range.clone()]))
            .collect()
    }

    const PAGE: &str = r#"<!doctype html>
<html lang="de"><head>
  <title>Neue Brücke für Altstadt | Tagesblatt</title>
  <meta name="author" content="Jan  Berger">
  <meta property="article:published_time" content="2026-03-04T09:30:00+01:00">
  <meta property="og:site_name" content="Tagesblatt">
  <meta property="og:url" content="https://example.org/og">
  <link rel="canonical" href="https://example.org/bruecke">
  <style>p { color: red }</style>
  <script>var x = "<p>not text</p>";</script>
</head>
<body>
  <header><a href="/">Tagesblatt</a><nav><ul><li>Politik</li><li>Sport</li></ul></nav></header>
  <main>
    <article>
      <header><h1>Neue   Brücke
        für die Altstadt</h1><p class="byline">Von Jan Berger</p></header>
      <p>Die Stadt baut eine neue Brücke über den Fluss.
         Die Arbeiten beginnen im Mai.</p>
      <h2>Kosten</h2>
      <p>Sie kostet &euro;&nbsp;12&nbsp;Mio. &amp; mehr, sagt <q>die Planerin</q>.</p>
      <figure><img src="/img/bruecke.jpg?w=800" alt="Brücke"><figcaption>Die alte Brücke.</figcaption></figure>
      <ul><li>Erstens</li><li>Zweitens <b>fett</b></li></ul>
      <blockquote><p>„Wir bauen weiter“, sagte Bürgermeisterin Anna Keller.</p></blockquote>
      <aside>Lesen Sie auch: Anderes</aside>
      <form><label>Newsletter</label><button>Abonnieren</button></form>
      <noscript>Bitte JavaScript aktivieren</noscript>
    </article>
  </main>
  <footer>© Tagesblatt</footer>
</body></html>"#;

    #[test]
    fn a_news_page_keeps_its_text_and_drops_the_rest() {
        let a = html(PAGE);
        assert_eq!(a.format, Format::Html);
        assert_eq!(
            kinds(&a),
            vec![
                (BlockKind::Headline, "Neue Brücke für die Altstadt"),
                (
                    BlockKind::Paragraph,
                    "Die Stadt baut eine neue Brücke über den Fluss. Die Arbeiten beginnen im Mai."
                ),
                (BlockKind::Subheading, "Kosten"),
                (
                    BlockKind::Paragraph,
                    "Sie kostet €\u{a0}12\u{a0}Mio. & mehr, sagt „die Planerin“."
                ),
                (BlockKind::Image, "bruecke.jpg"),
                (BlockKind::Caption, "Die alte Brücke."),
                (BlockKind::Paragraph, "• Erstens"),
                (BlockKind::Paragraph, "• Zweitens fett"),
                (
                    BlockKind::Paragraph,
                    "„Wir bauen weiter“, sagte Bürgermeisterin Anna Keller."
                ),
            ]
        );
        for gone in [
            "Politik",
            "Newsletter",
            "Abonnieren",
            "JavaScript",
            "©",
            "not text",
            "color",
        ] {
            assert!(!a.text.contains(gone), "{gone} should be dropped");
        }
        assert_eq!(
            a.meta,
            Meta {
                source: Some("Tagesblatt".into()),
                date: Some("2026-03-04T09:30:00+01:00".into()),
                author: Some("Jan Berger".into()),
                url: Some("https://example.org/bruecke".into()),
            }
        );
        // Blocks are byte ranges of the text, joined by blank lines.
        assert!(
            a.text
                .starts_with("Neue Brücke für die Altstadt\n\nDie Stadt")
        );
        assert!(a.warnings.is_empty());
    }

    #[test]
    fn headline_from_title_when_there_is_no_h1() {
        let a = html(
            "<html><head><title>Rates rise  again - The Ledger</title>\
             <meta property='og:site_name' content='The Ledger'></head>\
             <body><p>The bank raised rates.</p></body></html>",
        );
        assert_eq!(a.title(), "Rates rise again");
        assert_eq!(
            kinds(&a)[1],
            (BlockKind::Paragraph, "The bank raised rates.")
        );
    }

    #[test]
    fn the_largest_article_is_the_main_text_and_a_site_h1_is_passed_over() {
        let a = html(
            "<body><header><h1>Site Name</h1></header>\
             <article><h2>Teaser</h2><p>Short.</p></article>\
             <article><h1>The Story</h1><p>A much longer paragraph of the story itself.</p>\
             <article><p>A comment inside it.</p></article></article>\
             <time datetime='2025-01-02'>2 Jan</time></body>",
        );
        assert_eq!(a.title(), "The Story");
        let texts: Vec<_> = kinds(&a).into_iter().map(|(_, t)| t).collect();
        assert_eq!(
            texts,
            vec![
                "The Story",
                "A much longer paragraph of the story itself.",
                "A comment inside it."
            ]
        );
        assert_eq!(a.meta.date.as_deref(), Some("2025-01-02"));
        let b =
            html("<body><header><h1>Site</h1></header><div><h1>Real</h1><p>x y</p></div></body>");
        assert_eq!(b.title(), "Real");
        // A page header's h1 gives way to the title, but beats nothing.
        let site = "<body><header><h1>Site</h1></header><p>Text.</p></body>";
        assert_eq!(
            html(&format!("<title>Story</title>{site}")).title(),
            "Story"
        );
        assert_eq!(html(site).title(), "Site");
    }

    #[test]
    fn divs_roles_and_hidden_elements() {
        let a = html(
            "<body><div role='navigation'>Home · News</div>\
             <div>Loose text in a div.<div>Inner block.</div>tail</div>\
             <div hidden>Secret</div><span aria-hidden='true'>icon</span>\
             <table><tr><td>Berlin</td><td>3,6 Mio.</td></tr></table></body>",
        );
        let texts: Vec<_> = kinds(&a).into_iter().map(|(_, t)| t).collect();
        assert_eq!(
            texts,
            vec![
                "Loose text in a div.",
                "Inner block.",
                "tail",
                "Berlin 3,6 Mio."
            ]
        );
        assert_eq!(
            a.blocks[0].kind,
            BlockKind::Headline,
            "first block stands in"
        );
    }

    #[test]
    fn entities_that_decode_to_control_characters_are_made_visible() {
        let a = html(
            "<title>T&#27;]0;x&#7;</title><h1>Head&#x1b;[31m</h1>\
             <p>a&#27;]0;title&#7;b &#155;c &#x202e;d</p>\
             <meta name=author content='Eve&#27;[2J'>",
        );
        assert!(
            !a.text.chars().any(|c| c.is_control() && c != '\n'),
            "{:?}",
            a.text
        );
        assert_eq!(a.title(), "Head^[[31m");
        assert!(a.text.contains("a^[]0;title^Gb"), "{:?}", a.text);
        // &#155; is a Windows-1252 reference (›) by the HTML standard.
        assert!(a.text.contains("›c <U+202E>d"), "{:?}", a.text);
        assert_eq!(a.meta.author.as_deref(), Some("Eve^[[2J"));
        assert_eq!(a.warnings, vec![crate::article::parse::CONTROL_WARNING]);
    }

    #[test]
    fn soft_hyphens_and_zero_width_spaces_go() {
        let a = html("<h1>X</h1><p>Bürger&shy;meisterin Anna&#8203;Keller</p>");
        assert_eq!(kinds(&a)[1].1, "Bürgermeisterin AnnaKeller");
    }

    #[test]
    fn broken_and_empty_pages() {
        // Unclosed and stray tags are repaired the way browsers do.
        let a = html("<h1>Title</h1><p>one<p>two</i></b><div><p>three");
        let texts: Vec<_> = kinds(&a).into_iter().map(|(_, t)| t).collect();
        assert_eq!(texts, vec!["Title", "one", "two", "three"]);
        // An unclosed heading holds what follows, as in a browser; its
        // blocks stay apart as words.
        assert_eq!(html("<h1>Title<p>one<p>two").title(), "Title one two");
        for empty in [
            "<html><head><script>x()</script></head><body><nav>Menu</nav></body></html>",
            "<p>   &nbsp; </p>",
            "<!-- only a comment -->",
        ] {
            assert_eq!(
                parse("e.html", empty.as_bytes(), Format::Html),
                Err(LoadError::NoText),
                "{empty}"
            );
        }
        assert_eq!(
            parse("e.html", b"<p>a\0b</p>", Format::Html),
            Err(LoadError::Binary)
        );
        // Plain text given as HTML is one paragraph.
        assert_eq!(html("just words").title(), "just words");
    }

    #[test]
    fn deep_nesting_and_many_tags_stay_fast() {
        let start = std::time::Instant::now();
        let deep = format!(
            "<h1>Deep</h1>{}<p>bottom</p>{}",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let a = html(&deep);
        assert!(a.title() == "Deep" && a.text.ends_with("bottom"));
        // Many headlines in page furniture, 100 deep: each is passed over
        // without walking up its ancestors.
        let furniture = format!(
            "{}{}<h1>Found</h1><p>x</p>",
            "<div>".repeat(100),
            "<nav><h1>n</h1></nav>".repeat(5_000)
        );
        assert!(html(&furniture).title() == "Found");
        let articles = format!("{}<p>end</p>", "<article><p>a</p>".repeat(5_000));
        assert!(html(&articles).text.contains("end"));
        let formatting = "<b><i><u><s>x".repeat(5_000);
        assert!(html(&formatting).text.starts_with('x'));
        assert!(
            start.elapsed() < std::time::Duration::from_secs(20),
            "{:?}",
            start.elapsed()
        );
    }

    #[test]
    fn nesting_past_the_limit_is_flattened_and_ordinary_pages_are_untouched() {
        assert!(matches!(limit_depth(PAGE), std::borrow::Cow::Borrowed(_)));
        let svg = format!("<svg>{}</svg><p>x</p>", "<path d='M0 0'/>".repeat(2000));
        assert!(matches!(limit_depth(&svg), std::borrow::Cow::Borrowed(_)));
        let unclosed_p = format!("{}<div>end</div>", "<p>para".repeat(5000));
        assert!(matches!(
            limit_depth(&unclosed_p),
            std::borrow::Cow::Borrowed(_)
        ));
        let scripts = format!("<script>{}</SCRIPT><p>x</p>", "<div>".repeat(5000));
        assert!(matches!(
            limit_depth(&scripts),
            std::borrow::Cow::Borrowed(_)
        ));
        let comment = format!("<!--{}--><p>x</p>", "<div>".repeat(5000));
        assert!(matches!(
            limit_depth(&comment),
            std::borrow::Cow::Borrowed(_)
        ));
        let deep = format!(
            "{}<p>bottom</p>{}",
            "<div a='>'>".repeat(600),
            "</div>".repeat(600)
        );
        let flat = limit_depth(&deep);
        assert_eq!(flat.matches("<div").count(), MAX_DEPTH);
        assert_eq!(flat.matches("</div>").count(), MAX_DEPTH);
        assert!(flat.contains("<p>bottom</p>"));
    }

    #[test]
    fn fragments_and_titles_from_feeds() {
        let blocks = fragment_blocks(
            "<p>First &amp; <em>second</em>.</p>Loose <q>quoted</q><h1>Sub</h1>",
            Some("en-GB"),
        );
        assert_eq!(
            blocks,
            vec![
                (BlockKind::Paragraph, "First & second.".to_string()),
                (BlockKind::Paragraph, "Loose “quoted”".to_string()),
                (BlockKind::Subheading, "Sub".to_string()),
            ]
        );
        assert_eq!(
            fragment_text("Tom &amp; <b>Jerry</b>\n again"),
            "Tom & Jerry again"
        );
    }

    #[test]
    fn image_names() {
        let name = |src: &str| {
            let doc = Html::parse_fragment(&format!("<img src='{src}'>"));
            doc.root_element()
                .descendants()
                .filter_map(ElementRef::wrap)
                .find(|e| e.value().name() == "img")
                .and_then(|e| image_name(e.value()))
        };
        assert_eq!(name("https://x.org/a/b.png#f").as_deref(), Some("b.png"));
        assert_eq!(name("pic.jpg").as_deref(), Some("pic.jpg"));
        assert_eq!(name("data:image/png;base64,AAAA"), None);
        assert_eq!(name(""), None);
    }
}
