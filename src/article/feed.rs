//! RSS and Atom feeds: every item is an article of its own.
//!
//! feed-rs reads RSS 0.9x, 1.0 (RDF) and 2.0 and Atom, in the encoding the
//! XML declaration names, with a streaming XML reader (quick-xml) that
//! keeps a depth count rather than recursing. An item's content or
//! summary is HTML more often than not; its text is taken by the HTML
//! loader's walker, so a feed item reads like a page.
//!
//! The list shows one entry per item, so a feed is parsed when it is
//! listed, and each item's loading reads the file again (it may have
//! changed) and finds its item. Parsing is the costly part and the same
//! bytes give the same items, so the last few parses are kept, by the
//! bytes' hash: loading the 500 items of a large feed parses it once, not
//! 500 times.

use super::html::{assemble, clean_label, collapse, fragment_blocks, fragment_text};
use super::library::{Entry, Origin, Source};
use super::parse::{Format, LoadError, MAX_MARKUP_BYTES};
use super::sanitize::sanitize_line;
use super::{Article, BlockKind, Meta};
use std::hash::{BuildHasher, Hasher, RandomState};
use std::io::Read;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

/// What a feed holds, as text, before its items become articles.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Feed {
    title: Option<String>,
    /// What reading it had to repair, shown with each item.
    warnings: Vec<String>,
    /// The feed's language (`de-DE`), which chooses the marks of `<q>`.
    lang: Option<String>,
    items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Item {
    /// Names the item for the saved reading state, unique in its feed:
    /// its id (RSS `guid`, Atom `id`), else its link, else its position.
    /// An id stays the same when new items are put in front of it.
    ident: String,
    title: Option<String>,
    body: Option<Body>,
    url: Option<String>,
    date: Option<String>,
    author: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Body {
    Html(String),
    Plain(String),
}

/// How many parsed feeds are kept, and how many bytes of feeds at most:
/// the cache lives as long as the reader, and a feed's items take about
/// as much memory as its file.
const CACHED_FEEDS: usize = 4;
const CACHED_BYTES: usize = 48 << 20;

type Parsed = Arc<OnceLock<Result<Feed, LoadError>>>;

/// Parsed feeds by the length and hash of their bytes. Each is a cell
/// filled by whoever asks first; others asking for the same bytes meanwhile
/// wait for that parse instead of repeating it.
static CACHE: Mutex<Vec<(usize, u64, Parsed)>> = Mutex::new(Vec::new());

/// One random key for the process, so that no crafted file can collide
/// with another's hash and be shown in its place.
fn hash(bytes: &[u8]) -> u64 {
    static KEYS: OnceLock<RandomState> = OnceLock::new();
    let mut hasher = KEYS.get_or_init(RandomState::new).build_hasher();
    hasher.write(bytes);
    hasher.finish()
}

/// Call `f` with the feed in `bytes`, parsed at most once while cached.
fn with_bytes<T>(bytes: &[u8], f: impl FnOnce(&Feed) -> T) -> Result<T, LoadError> {
    let key = (bytes.len(), hash(bytes));
    let cell = {
        let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
        match cache.iter().position(|(len, h, _)| (*len, *h) == key) {
            Some(i) => {
                // Most recently used last.
                let hit = cache.remove(i);
                let cell = Arc::clone(&hit.2);
                cache.push(hit);
                cell
            }
            None => {
                while !cache.is_empty()
                    && (cache.len() >= CACHED_FEEDS
                        || cache.iter().map(|c| c.0).sum::<usize>() + key.0 > CACHED_BYTES)
                {
                    cache.remove(0);
                }
                let cell: Parsed = Arc::default();
                cache.push((key.0, key.1, Arc::clone(&cell)));
                cell
            }
        }
    };
    match cell.get_or_init(|| parse_feed(bytes)) {
        Ok(feed) => Ok(f(feed)),
        Err(e) => Err(e.clone()),
    }
}

/// Read the feed file at `path` and call `f` with its feed.
fn with_file<T>(path: &Path, f: impl FnOnce(&Feed) -> T) -> Result<T, LoadError> {
    let io = |e: std::io::Error| LoadError::Io(sanitize_line(&e.to_string()));
    let len = std::fs::metadata(path).map_err(io)?.len();
    if len > MAX_MARKUP_BYTES {
        return Err(LoadError::TooLarge(len));
    }
    let mut bytes = Vec::new();
    // Never more than the limit, even if the file grew since.
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_MARKUP_BYTES + 1).read_to_end(&mut bytes))
        .map_err(io)?;
    if bytes.len() as u64 > MAX_MARKUP_BYTES {
        return Err(LoadError::TooLarge(bytes.len() as u64));
    }
    with_bytes(&bytes, f)
}

/// Parse the bytes of a feed into its items, as text.
fn parse_feed(bytes: &[u8]) -> Result<Feed, LoadError> {
    if bytes.contains(&0) {
        return Err(LoadError::Binary);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty);
    }
    // A feed in UTF-8 with a stray invalid byte is read with a
    // replacement, as the other formats are, rather than refused whole;
    // one that declares another encoding is left to feed-rs to decode.
    let mut warnings = Vec::new();
    let utf8 = declared_encoding(bytes)
        .is_none_or(|e| e.eq_ignore_ascii_case("utf-8") || e.eq_ignore_ascii_case("utf8"));
    let repaired;
    let bytes = match String::from_utf8_lossy(bytes) {
        std::borrow::Cow::Owned(text) if utf8 => {
            warnings.push("invalid UTF-8 was replaced by �".to_string());
            repaired = text;
            repaired.as_bytes()
        }
        _ => bytes,
    };
    // feed-rs makes up a random id for an item without id or link; an
    // empty one here tells that the feed gave none, and the item is named
    // by its position instead, which is the same on every reading.
    let parser = feed_rs::parser::Builder::new()
        .id_generator(|_, _, _| String::new())
        .build();
    let feed = parser.parse(bytes).map_err(|e| match e {
        feed_rs::parser::ParseFeedError::ParseError(
            feed_rs::parser::ParseErrorKind::NoFeedRoot,
        ) => LoadError::Feed("no <rss version=\"2.0\">, <feed> or <rdf:RDF> root element".into()),
        other => LoadError::Feed(sanitize_line(&other.to_string())),
    })?;
    if feed.entries.is_empty() {
        return Err(LoadError::NoItems);
    }
    let text_of = |t: &feed_rs::model::Text| {
        if is_plain(t.content_type.as_ref()) {
            collapse(&t.content)
        } else {
            fragment_text(&t.content)
        }
    };
    let people = |people: &[feed_rs::model::Person]| {
        let names: Vec<&str> = people
            .iter()
            .filter_map(|p| p.name.as_deref())
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .collect();
        clean_label(&names.join(", "))
    };
    let feed_author = people(&feed.authors);
    let mut seen = std::collections::HashSet::new();
    let items = feed
        .entries
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let link = entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or_else(|| entry.links.first())
                .map(|l| l.href.trim())
                .filter(|l| !l.is_empty());
            let mut ident = match entry.id.trim() {
                "" => link.map_or_else(|| format!("item {}", i + 1), str::to_string),
                id => id.to_string(),
            };
            while !seen.insert(ident.clone()) {
                ident = format!("{ident} #{}", i + 1);
            }
            let content = entry.content.as_ref().and_then(|c| {
                let body = c.body.as_deref().filter(|b| !b.trim().is_empty())?;
                Some(body_of(c.content_type.as_ref(), body))
            });
            let summary = entry
                .summary
                .as_ref()
                .filter(|s| !s.content.trim().is_empty())
                .map(|s| body_of(s.content_type.as_ref(), &s.content));
            Item {
                ident,
                title: entry.title.as_ref().map(text_of),
                body: content.or(summary),
                url: link.and_then(clean_label),
                date: entry.published.or(entry.updated).map(|d| {
                    // Feeds without a time of day give midnight.
                    if d.format("%H:%M:%S").to_string() == "00:00:00" {
                        d.format("%Y-%m-%d").to_string()
                    } else {
                        d.format("%Y-%m-%d %H:%M UTC").to_string()
                    }
                }),
                author: people(&entry.authors).or_else(|| feed_author.clone()),
            }
        })
        .collect();
    Ok(Feed {
        title: feed
            .title
            .as_ref()
            .map(text_of)
            .and_then(|t| clean_label(&t)),
        warnings,
        lang: feed.language.clone(),
        items,
    })
}

/// The encoding named in the XML declaration, if there is one.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let head = head.strip_prefix(b"<?xml")?;
    let end = head.windows(2).position(|w| w == b"?>")?;
    let decl = String::from_utf8_lossy(&head[..end]);
    let rest = &decl[decl.find("encoding")? + "encoding".len()..];
    let rest = rest.trim_start().strip_prefix('=')?.trim_start();
    let quote = rest.chars().next().filter(|q| *q == '"' || *q == '\'')?;
    let value = &rest[1..];
    Some(value[..value.find(quote)?].to_string())
}

fn is_plain(content_type: &str) -> bool {
    content_type
        .get(..10)
        .is_some_and(|t| t.eq_ignore_ascii_case("text/plain"))
}

fn body_of(content_type: &str, text: &str) -> Body {
    if is_plain(content_type) {
        Body::Plain(text.to_string())
    } else {
        // text/html, and XHTML, which the HTML parser reads as well.
        Body::Html(text.to_string())
    }
}

/// Plain text: paragraphs separated by blank lines, each on one line.
fn plain_blocks(text: &str) -> Vec<(BlockKind, String)> {
    let mut blocks = Vec::new();
    let mut paragraph = String::new();
    for line in text.lines().chain(std::iter::once("")) {
        if line.trim().is_empty() {
            let p = collapse(&paragraph);
            if !p.is_empty() {
                blocks.push((BlockKind::Paragraph, p));
            }
            paragraph.clear();
        } else {
            paragraph.push(' ');
            paragraph.push_str(line);
        }
    }
    blocks
}

/// One item as an article named `name`.
fn article(feed: &Feed, item: &Item, name: &str) -> Result<Article, LoadError> {
    let blocks = match &item.body {
        Some(Body::Html(html)) => fragment_blocks(html, feed.lang.as_deref()),
        Some(Body::Plain(text)) => plain_blocks(text),
        None => Vec::new(),
    };
    let meta = Meta {
        source: feed.title.clone(),
        date: item.date.clone(),
        author: item.author.clone(),
        url: item.url.clone(),
    };
    let mut article = assemble(Format::Feed, item.title.as_deref(), blocks, meta)?;
    article.name = name.to_string();
    for w in &feed.warnings {
        if !article.warnings.contains(w) {
            article.warnings.push(w.clone());
        }
    }
    Ok(article)
}

/// The feed's first item, for a feed file read as one article (what
/// [`super::parse`] gives for [`Format::Feed`]).
pub(super) fn first_article(name: &str, bytes: &[u8]) -> Result<Article, LoadError> {
    with_bytes(bytes, |feed| match feed.items.first() {
        Some(item) => article(feed, item, name),
        None => Err(LoadError::NoItems),
    })?
}

/// The list name of the item at `index` of the feed file named `file`.
fn item_name(file: &str, index: usize) -> String {
    format!("{file} #{}", index + 1)
}

/// Whether the file begins like a feed: its first element, past the XML
/// declaration, comments and doctype, is `<rss>`, `<feed>` or `<rdf:RDF>`.
/// Reads no more than the first 64 KiB.
fn looks_like_feed(path: &Path) -> bool {
    let mut head = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(64 << 10).read_to_end(&mut head));
    read.is_ok() && root_is_feed(&String::from_utf8_lossy(&head))
}

fn root_is_feed(text: &str) -> bool {
    let mut rest = text.trim_start_matches('\u{feff}');
    loop {
        rest = rest.trim_start();
        let skip_to = |rest: &str, end: &str| rest.find(end).map(|i| i + end.len());
        let next = if rest.starts_with("<?") {
            skip_to(rest, "?>")
        } else if rest.starts_with("<!--") {
            skip_to(rest, "-->")
        } else if rest.starts_with("<!") {
            // A doctype, whose internal subset in [...] may hold '>'.
            let from = match (rest.find('['), rest.find('>')) {
                (Some(open), Some(close)) if open < close => {
                    rest[open..].find(']').map(|i| open + i)
                }
                _ => Some(0),
            };
            from.and_then(|from| skip_to(&rest[from..], ">").map(|n| from + n))
        } else if let Some(tag) = rest.strip_prefix('<') {
            let name = tag
                .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .next()
                .unwrap_or("");
            let local = name.rsplit(':').next().unwrap_or(name);
            return matches!(local, "rss" | "feed" | "RDF");
        } else {
            return false;
        };
        match next {
            Some(n) => rest = &rest[n..],
            None => return false,
        }
    }
}

/// The list entries of the feed file at `path`, named `name`: one per item.
/// A feed that cannot be read or parsed is one entry whose loading gives
/// the reason. A `.xml` file in a folder is taken only if it begins like a
/// feed (a sitemap or a configuration file is no article); given by name,
/// it is read as a feed whatever it holds.
pub(super) fn sources(path: &Path, name: &str, in_folder: bool) -> Vec<Source> {
    let xml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xml"));
    if in_folder && xml && !looks_like_feed(path) {
        return Vec::new();
    }
    match with_file(path, |feed| {
        feed.items
            .iter()
            .map(|item| item.ident.clone())
            .collect::<Vec<_>>()
    }) {
        Ok(idents) => idents
            .into_iter()
            .enumerate()
            .map(|(index, id)| Source {
                name: item_name(name, index),
                origin: Origin::FeedItem {
                    path: path.to_path_buf(),
                    index,
                    id,
                },
            })
            .collect(),
        Err(_) => vec![Source {
            name: name.to_string(),
            origin: Origin::File(path.to_path_buf()),
        }],
    }
}

/// Read the feed file again and load its item `id`, found at `index` when
/// the feed has not changed, else wherever it went.
pub(super) fn load_item(path: &Path, index: usize, id: &str, name: &str) -> Entry {
    let article = with_file(path, |feed| {
        let found = match feed.items.get(index) {
            Some(item) if item.ident == id => Some(item),
            _ => feed.items.iter().find(|item| item.ident == id),
        };
        match found {
            Some(item) => article(feed, item, name),
            None => Err(LoadError::ItemGone),
        }
    });
    Entry {
        name: name.to_string(),
        path: Some(path.to_path_buf()),
        article: article.and_then(|a| a),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse::parse;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Stadtanzeiger &amp; Land</title>
  <link>https://example.org/</link>
  <description>Nachrichten</description>
  <language>de-DE</language>
  <item>
    <title>Brücke wird gebaut</title>
    <link>https://example.org/bruecke</link>
    <guid isPermaLink="false">tag:example.org,2026:1</guid>
    <pubDate>Wed, 04 Mar 2026 09:30:00 +0100</pubDate>
    <dc:creator>Jan Berger</dc:creator>
    <description>Kurzfassung.</description>
    <content:encoded><![CDATA[<p>Die Stadt baut.</p><nav>Menü</nav><p>Sie sagt <q>ja</q>.</p>]]></content:encoded>
  </item>
  <item>
    <title>Nur eine Zusammenfassung</title>
    <link>https://example.org/zwei</link>
    <description>&lt;p&gt;Erster Absatz.&lt;/p&gt;&lt;p&gt;Zweiter &amp;amp; letzter.&lt;/p&gt;</description>
  </item>
  <item>
    <description>Ohne Titel und ohne Link.</description>
  </item>
</channel>
</rss>"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">The &lt;b&gt;Ledger&lt;/b&gt;</title>
  <id>urn:uuid:feed</id>
  <updated>2026-02-01T00:00:00Z</updated>
  <author><name>Desk</name></author>
  <entry>
    <title>Rates rise</title>
    <id>urn:uuid:1</id>
    <link rel="alternate" href="https://example.com/rates"/>
    <published>2026-02-01T10:15:00Z</published>
    <author><name>Ada Quant</name></author>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The bank raised rates.</p><h2>Why</h2><p>Prices.</p></div></content>
  </entry>
  <entry>
    <title>Plain summary</title>
    <id>urn:uuid:2</id>
    <updated>2026-01-31T00:00:00Z</updated>
    <summary type="text">Line one
continues.

Second paragraph.</summary>
  </entry>
</feed>"#;

    fn feed(src: &str) -> Feed {
        parse_feed(src.as_bytes()).expect("parses")
    }

    fn texts(a: &Article) -> Vec<(BlockKind, &str)> {
        a.blocks
            .iter()
            .map(|b| (b.kind, &a.text[b.range.clone()]))
            .collect()
    }

    #[test]
    fn rss_items_become_articles() {
        let f = feed(RSS);
        assert_eq!(f.title.as_deref(), Some("Stadtanzeiger & Land"));
        assert_eq!(f.items.len(), 3);
        let idents: Vec<&str> = f.items.iter().map(|i| i.ident.as_str()).collect();
        assert_eq!(
            idents,
            vec![
                "tag:example.org,2026:1",
                "https://example.org/zwei",
                "item 3"
            ]
        );
        let a = article(&f, &f.items[0], "news.rss #1").expect("loads");
        assert_eq!(a.format, Format::Feed);
        assert_eq!(a.name, "news.rss #1");
        assert_eq!(
            texts(&a),
            vec![
                (BlockKind::Headline, "Brücke wird gebaut"),
                (BlockKind::Paragraph, "Die Stadt baut."),
                // The feed's language chooses the marks of <q>.
                (BlockKind::Paragraph, "Sie sagt „ja“."),
            ]
        );
        assert_eq!(
            a.meta,
            Meta {
                source: Some("Stadtanzeiger & Land".into()),
                date: Some("2026-03-04 08:30 UTC".into()),
                author: Some("Jan Berger".into()),
                url: Some("https://example.org/bruecke".into()),
            }
        );
        // An escaped HTML description is HTML.
        let b = article(&f, &f.items[1], "news.rss #2").expect("loads");
        assert_eq!(
            texts(&b)[1..],
            [
                (BlockKind::Paragraph, "Erster Absatz."),
                (BlockKind::Paragraph, "Zweiter & letzter.")
            ]
        );
        // No title: the first paragraph stands in, as in Markdown.
        let c = article(&f, &f.items[2], "news.rss #3").expect("loads");
        assert_eq!(c.title(), "Ohne Titel und ohne Link.");
        assert_eq!(c.meta.url, None);
    }

    #[test]
    fn atom_entries_become_articles() {
        let f = feed(ATOM);
        assert_eq!(f.title.as_deref(), Some("The Ledger"));
        let a = article(&f, &f.items[0], "ledger.atom #1").expect("loads");
        assert_eq!(
            texts(&a),
            vec![
                (BlockKind::Headline, "Rates rise"),
                (BlockKind::Paragraph, "The bank raised rates."),
                (BlockKind::Subheading, "Why"),
                (BlockKind::Paragraph, "Prices."),
            ]
        );
        assert_eq!(a.meta.date.as_deref(), Some("2026-02-01 10:15 UTC"));
        assert_eq!(a.meta.author.as_deref(), Some("Ada Quant"));
        assert_eq!(a.meta.url.as_deref(), Some("https://example.com/rates"));
        let b = article(&f, &f.items[1], "ledger.atom #2").expect("loads");
        assert_eq!(
            texts(&b)[1..],
            [
                (BlockKind::Paragraph, "Line one continues."),
                (BlockKind::Paragraph, "Second paragraph.")
            ]
        );
        // A date without a time of day; the feed's author stands in.
        assert_eq!(b.meta.date.as_deref(), Some("2026-01-31"));
        assert_eq!(b.meta.author.as_deref(), Some("Desk"));
    }

    #[test]
    fn rdf_feeds_are_read() {
        let rdf = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
  <channel rdf:about="https://example.net/"><title>Net</title><link>https://example.net/</link><description>d</description></channel>
  <item rdf:about="https://example.net/1"><title>One</title><link>https://example.net/1</link><description>First.</description></item>
</rdf:RDF>"#;
        let f = feed(rdf);
        let a = article(&f, &f.items[0], "n.xml #1").expect("loads");
        assert_eq!(a.title(), "One");
        assert_eq!(a.meta.source.as_deref(), Some("Net"));
    }

    #[test]
    fn control_characters_from_references_are_made_visible() {
        // &#27; is not allowed in XML 1.0, but parsers let it through: it
        // must not reach the text raw.
        let src = RSS
            .replace("Brücke wird gebaut", "Brücke&#27;]0;owned&#7;")
            // In CDATA, so these are HTML's references, decoded by the
            // HTML parser (which reads &#x9b; as Windows-1252's ›).
            .replace("Die Stadt baut.", "Die &#27;[2J Stadt&#x9b;31m baut.")
            .replace("Jan Berger", "Jan&#27;[31m");
        let f = parse_feed(src.as_bytes()).expect("quick-xml lets them through");
        let a = article(&f, &f.items[0], "x.rss #1").expect("loads");
        assert!(
            !a.text.chars().any(|c| c.is_control() && c != '\n'),
            "{:?}",
            a.text
        );
        assert!(a.title().contains("^[]0;owned^G"), "{}", a.title());
        assert!(a.text.contains("Die ^[[2J Stadt›31m baut."), "{}", a.text);
        assert_eq!(a.meta.author.as_deref(), Some("Jan^[[31m"));
        assert!(a.warnings.iter().any(|w| w.contains("control")));
    }

    #[test]
    fn invalid_utf8_and_other_encodings() {
        let mut latin1 = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>T</title><item><title>Gr".to_vec();
        latin1.extend(b"\xfc\xdfe</title></item></channel></rss>");
        let f = parse_feed(&latin1).expect("parses");
        assert_eq!(f.items[0].title.as_deref(), Some("Grüße"));
        let mut broken = RSS.as_bytes().to_vec();
        let at = RSS.find("Brücke wird").expect("there");
        broken[at] = 0xff;
        let f = parse_feed(&broken).expect("read with a replacement");
        let a = article(&f, &f.items[0], "b.rss #1").expect("loads");
        assert_eq!(a.title(), "\u{fffd}rücke wird gebaut");
        assert_eq!(a.warnings, vec!["invalid UTF-8 was replaced by �"]);
        assert_eq!(
            declared_encoding(b"<?xml version='1.0' encoding = 'windows-1252' ?><rss>").as_deref(),
            Some("windows-1252")
        );
        assert_eq!(declared_encoding(b"<rss>"), None);
    }

    #[test]
    fn broken_feeds_are_errors() {
        assert_eq!(parse_feed(b""), Err(LoadError::Empty));
        assert_eq!(parse_feed(b" \n "), Err(LoadError::Empty));
        assert_eq!(parse_feed(b"<rss\0"), Err(LoadError::Binary));
        assert_eq!(
            parse_feed(b"<rss version=\"2.0\"><channel><title>T</title></channel></rss>"),
            Err(LoadError::NoItems)
        );
        assert_eq!(
            parse_feed(b"<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title></feed>"),
            Err(LoadError::NoItems)
        );
        for bad in [
            "<html><body>not a feed</body></html>",
            "just text",
            "<rss version=\"2.0\"><channel><item><title>cut off",
            "<?xml version=\"1.0\"?><urlset><url>x</url></urlset>",
        ] {
            assert!(
                matches!(
                    parse_feed(bad.as_bytes()),
                    Err(LoadError::Feed(_)) | Err(LoadError::NoItems)
                ),
                "{bad}: {:?}",
                parse_feed(bad.as_bytes())
            );
        }
        // An item with nothing in it.
        let empty_item =
            "<rss version=\"2.0\"><channel><title>T</title><item></item></channel></rss>";
        let f = feed(empty_item);
        assert_eq!(article(&f, &f.items[0], "e.rss #1"), Err(LoadError::NoText));
        // Through parse(): the first item, or the feed's error.
        assert_eq!(
            parse("f.rss", RSS.as_bytes(), Format::Feed).map(|a| a.title().to_string()),
            Ok("Brücke wird gebaut".to_string())
        );
        assert_eq!(
            parse("f.rss", b"<x/>", Format::Feed).map(|_| ()),
            Err(LoadError::Feed(
                "no <rss version=\"2.0\">, <feed> or <rdf:RDF> root element".into()
            ))
        );
    }

    #[test]
    fn deeply_nested_feeds_do_not_overflow() {
        let deep = format!(
            "<rss version=\"2.0\"><channel><title>T</title><item><title>I</title>{}x{}</item></channel></rss>",
            "<a>".repeat(100_000),
            "</a>".repeat(100_000)
        );
        // Whatever feed-rs makes of it, it is an answer, not a crash.
        let _ = parse_feed(deep.as_bytes());
        let deep_html = format!(
            "<rss version=\"2.0\"><channel><item><title>I</title><description>{}x</description></item></channel></rss>",
            "&lt;div&gt;".repeat(100_000)
        );
        let f = feed(&deep_html);
        let a = article(&f, &f.items[0], "d.rss #1").expect("loads");
        assert!(a.text.ends_with('x'));
    }

    #[test]
    fn items_without_ids_are_named_by_position_and_ids_stay_unique() {
        let src = "<rss version=\"2.0\"><channel><title>T</title>\
            <item><title>A</title><guid>same</guid></item>\
            <item><title>B</title><guid>same</guid></item>\
            <item><title>C</title></item>\
            <item><title>D</title><link>https://x.org/d</link></item>\
            </channel></rss>";
        let idents: Vec<String> = feed(src).items.into_iter().map(|i| i.ident).collect();
        assert_eq!(idents, vec!["same", "same #2", "item 3", "https://x.org/d"]);
        // The same on every reading (feed-rs alone would make up random ids).
        let again: Vec<String> = feed(src).items.into_iter().map(|i| i.ident).collect();
        assert_eq!(idents, again);
    }

    #[test]
    fn the_root_element_tells_a_feed() {
        assert!(root_is_feed("<rss version=\"2.0\">"));
        assert!(root_is_feed(
            "\u{feff}<?xml version=\"1.0\"?>\n<!-- <html> -->\n<!DOCTYPE rss [<!ENTITY x \"<y>\">]>\n<rss>"
        ));
        assert!(root_is_feed("<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
        assert!(root_is_feed("<rdf:RDF xmlns:rdf=\"x\">"));
        assert!(!root_is_feed("<?xml version=\"1.0\"?><urlset>"));
        assert!(!root_is_feed("<!-- unclosed"));
        assert!(!root_is_feed("plain text"));
        assert!(!root_is_feed(""));
    }

    #[test]
    fn items_are_listed_found_again_when_the_feed_changes_and_gone_when_removed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("news.rss");
        std::fs::write(&path, RSS).expect("write");
        let sources = sources(&path, "news.rss", false);
        assert_eq!(sources.len(), 3);
        let names: Vec<&str> = sources.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, vec!["news.rss #1", "news.rss #2", "news.rss #3"]);
        let keys: std::collections::HashSet<String> = sources.iter().map(Source::key).collect();
        assert_eq!(keys.len(), 3, "distinct keys");
        let file_key = crate::article::path_key(&path);
        assert!(keys.iter().all(|k| k.starts_with(&format!("{file_key}#"))));
        let second = sources[1].load();
        assert_eq!(second.name, "news.rss #2");
        assert_eq!(second.path.as_deref(), Some(path.as_path()));
        assert_eq!(
            second.article.as_ref().map(|a| a.title()),
            Ok("Nur eine Zusammenfassung")
        );
        // A new item in front: the second is found by its id.
        let newer = RSS.replacen(
            "<item>",
            "<item><title>Neu</title><guid>neu</guid></item><item>",
            1,
        );
        std::fs::write(&path, newer).expect("write");
        assert_eq!(
            sources[1].load().article.as_ref().map(|a| a.title()),
            Ok("Nur eine Zusammenfassung")
        );
        // Removed.
        let fewer = RSS.replace("https://example.org/zwei", "https://example.org/drei");
        std::fs::write(&path, fewer).expect("write");
        assert_eq!(sources[1].load().article, Err(LoadError::ItemGone));
        // Unreadable now.
        std::fs::remove_file(&path).expect("remove");
        assert!(matches!(sources[0].load().article, Err(LoadError::Io(_))));
    }

    #[test]
    fn a_broken_or_huge_feed_is_one_entry_with_its_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let broken = dir.path().join("broken.atom");
        std::fs::write(&broken, "<feed><entry><title>cut").expect("write");
        let s = sources(&broken, "broken.atom", true);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].name, "broken.atom");
        assert!(matches!(s[0].load().article, Err(LoadError::Feed(_))));
        let huge = dir.path().join("huge.rss");
        std::fs::File::create(&huge)
            .and_then(|f| f.set_len(MAX_MARKUP_BYTES + 1))
            .expect("sparse file");
        let s = sources(&huge, "huge.rss", true);
        assert_eq!(s.len(), 1);
        assert_eq!(
            s[0].load().article,
            Err(LoadError::TooLarge(MAX_MARKUP_BYTES + 1))
        );
        // An .xml in a folder that is no feed is not an article.
        let sitemap = dir.path().join("sitemap.xml");
        std::fs::write(&sitemap, "<?xml version=\"1.0\"?><urlset/>").expect("write");
        assert!(sources(&sitemap, "sitemap.xml", true).is_empty());
        // Given by name, it is one, with its error.
        let named = sources(&sitemap, "sitemap.xml", false);
        assert_eq!(named.len(), 1);
        assert!(matches!(named[0].load().article, Err(LoadError::Feed(_))));
    }
}
