//! HTML pages and RSS/Atom feeds as article sources, end to end: files
//! written to a folder, listed, loaded, and read by extraction.

use byline::article::{self, BlockKind, Entry, Format, LoadError, Source};
use std::path::Path;

const PAGE: &str = r#"<!DOCTYPE html>
<html lang="de">
<head>
  <meta charset="utf-8">
  <title>Neue Brücke für die Altstadt – Stadtanzeiger</title>
  <meta name="author" content="Jan Berger">
  <meta property="article:published_time" content="2026-03-04T09:30:00+01:00">
  <meta property="og:site_name" content="Stadtanzeiger">
  <link rel="canonical" href="https://example.org/lokales/bruecke">
  <style>body { font-family: serif }</style>
  <script>document.title = "<p>kein Text</p>";</script>
</head>
<body>
  <header><a href="/">Stadtanzeiger</a>
    <nav><ul><li><a href="/politik">Politik</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  </header>
  <main>
    <article>
      <h1>Neue Brücke für die Altstadt&#27;]0;gekapert&#7;</h1>
      <p>Die Stadt baut eine neue Brücke über die Ilm.
         Die Arbeiten sollen im Mai beginnen und zwei Jahre dauern.</p>
      <p>„Wir bauen weiter, auch wenn es teurer wird“, sagte Bürgermeisterin
         Anna Keller am Montag im Rathaus.</p>
      <h2>Kosten</h2>
      <p>Die Brücke kostet 12&nbsp;Millionen Euro &amp; damit mehr als geplant.</p>
      <aside>Lesen Sie auch: Der Streit um den Radweg</aside>
      <form><input type="email"><button>Newsletter abonnieren</button></form>
    </article>
  </main>
  <footer>© Stadtanzeiger</footer>
</body>
</html>
"#;

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Wire Desk</title>
    <link>https://example.net/</link>
    <description>Short news</description>
    <item>
      <title>Council approves budget</title>
      <link>https://example.net/budget</link>
      <guid>https://example.net/budget</guid>
      <pubDate>Mon, 02 Mar 2026 14:00:00 GMT</pubDate>
      <dc:creator>Sam Reed</dc:creator>
      <description>&lt;p&gt;The council approved the budget on Monday.&lt;/p&gt;&lt;p&gt;It passed by nine votes to four.&lt;/p&gt;</description>
    </item>
    <item>
      <title>Library reopens</title>
      <link>https://example.net/library</link>
      <guid>https://example.net/library</guid>
      <description>The library reopened after repairs.</description>
    </item>
  </channel>
</rss>
"#;

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>The Ledger</title>
  <id>urn:example:ledger</id>
  <updated>2026-02-01T10:15:00Z</updated>
  <entry>
    <title>Bank raises rates</title>
    <id>urn:example:ledger:1</id>
    <link rel="alternate" href="https://example.com/rates"/>
    <published>2026-02-01T10:15:00Z</published>
    <author><name>Ada Quant</name></author>
    <content type="html">&lt;p&gt;The central bank raised its main rate.&lt;/p&gt;&lt;h2&gt;Why&lt;/h2&gt;&lt;p&gt;Prices rose faster than expected.&lt;/p&gt;</content>
  </entry>
</feed>
"#;

fn write(dir: &Path, name: &str, content: &[u8]) {
    std::fs::write(dir.join(name), content).expect("write a test file");
}

fn load_all(sources: &[Source]) -> Vec<Entry> {
    sources.iter().map(Source::load).collect()
}

fn blocks(a: &article::Article) -> Vec<(BlockKind, &str)> {
    a.blocks.iter().map(|b| (b.kind, a.block_text(b))).collect()
}

#[test]
fn html_rss_and_atom_files_load_as_articles() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "bruecke.html", PAGE.as_bytes());
    write(dir.path(), "wire.rss", RSS.as_bytes());
    write(dir.path(), "ledger.atom", ATOM.as_bytes());
    // Not articles, or not readable ones: none stops the others.
    write(
        dir.path(),
        "sitemap.xml",
        b"<?xml version=\"1.0\"?><urlset><url/></urlset>",
    );
    write(
        dir.path(),
        "broken.rss",
        b"<rss version=\"2.0\"><channel><item><title>cut",
    );
    write(
        dir.path(),
        "empty.atom",
        b"<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>",
    );
    write(
        dir.path(),
        "binary.htm",
        &[0x89, b'P', b'N', b'G', 0, 0, 0, 13],
    );

    let sources = article::list(&[dir.path().to_path_buf()]);
    let names: Vec<&str> = sources.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "binary.htm",
            "broken.rss",
            "bruecke.html",
            "empty.atom",
            "ledger.atom #1",
            "wire.rss #1",
            "wire.rss #2",
        ]
    );
    let keys: std::collections::HashSet<String> = sources.iter().map(Source::key).collect();
    assert_eq!(
        keys.len(),
        sources.len(),
        "each entry has its own state key"
    );

    let entries = load_all(&sources);
    assert_eq!(entries[0].article, Err(LoadError::Binary));
    assert!(matches!(entries[1].article, Err(LoadError::Feed(_))));
    assert_eq!(entries[3].article, Err(LoadError::NoItems));
    for e in &entries[..2] {
        // The error reads as a sentence in the list.
        let message = e.article.as_ref().err().map(ToString::to_string);
        assert!(message.is_some_and(|m| m.len() > 5));
    }

    // The page.
    let page = entries[2].article.as_ref().expect("the page loads");
    assert_eq!(page.format, Format::Html);
    assert_eq!(
        blocks(page),
        vec![
            (
                BlockKind::Headline,
                "Neue Brücke für die Altstadt^[]0;gekapert^G"
            ),
            (
                BlockKind::Paragraph,
                "Die Stadt baut eine neue Brücke über die Ilm. Die Arbeiten sollen im Mai beginnen und zwei Jahre dauern."
            ),
            (
                BlockKind::Paragraph,
                "„Wir bauen weiter, auch wenn es teurer wird“, sagte Bürgermeisterin Anna Keller am Montag im Rathaus."
            ),
            (BlockKind::Subheading, "Kosten"),
            (
                BlockKind::Paragraph,
                "Die Brücke kostet 12\u{a0}Millionen Euro & damit mehr als geplant."
            ),
        ]
    );
    // The injected OSC sequence is shown, never passed on.
    assert!(
        !page.text.chars().any(|c| c.is_control() && c != '\n'),
        "control character in {:?}",
        page.text
    );
    assert!(!page.text.contains('\u{1b}') && !page.text.contains('\u{7}'));
    assert!(
        page.warnings
            .iter()
            .any(|w| w.contains("control characters"))
    );
    for dropped in [
        "Politik",
        "Lesen Sie auch",
        "Newsletter",
        "©",
        "kein Text",
        "serif",
    ] {
        assert!(!page.text.contains(dropped), "{dropped} was kept");
    }
    assert_eq!(page.meta.source.as_deref(), Some("Stadtanzeiger"));
    assert_eq!(page.meta.author.as_deref(), Some("Jan Berger"));
    assert_eq!(page.meta.date.as_deref(), Some("2026-03-04T09:30:00+01:00"));
    assert_eq!(
        page.meta.url.as_deref(),
        Some("https://example.org/lokales/bruecke")
    );
    // Blocks are byte ranges of one plain text, joined by blank lines.
    let joined: Vec<&str> = page.blocks.iter().map(|b| page.block_text(b)).collect();
    assert_eq!(page.text, joined.join("\n\n"));

    // Extraction reads it like any other article.
    let found = byline::extract::extract(&page.text, &page.prose_ranges());
    assert!(
        found.people.iter().any(|p| p.name == "Anna Keller"),
        "people: {:?}",
        found.people.iter().map(|p| &p.name).collect::<Vec<_>>()
    );
    let quote = found
        .quotes
        .iter()
        .find(|q| page.text[q.range.clone()].starts_with("Wir bauen weiter"))
        .expect("the quote is found");
    assert_eq!(found.speaker_name(quote), Some("Anna Keller"));

    // The Atom entry.
    let ledger = entries[4].article.as_ref().expect("the entry loads");
    assert_eq!(ledger.format, Format::Feed);
    assert_eq!(
        blocks(ledger),
        vec![
            (BlockKind::Headline, "Bank raises rates"),
            (
                BlockKind::Paragraph,
                "The central bank raised its main rate."
            ),
            (BlockKind::Subheading, "Why"),
            (BlockKind::Paragraph, "Prices rose faster than expected."),
        ]
    );
    assert_eq!(ledger.meta.source.as_deref(), Some("The Ledger"));
    assert_eq!(ledger.meta.author.as_deref(), Some("Ada Quant"));
    assert_eq!(ledger.meta.date.as_deref(), Some("2026-02-01 10:15 UTC"));
    assert_eq!(
        ledger.meta.url.as_deref(),
        Some("https://example.com/rates")
    );

    // The RSS items, one article each.
    let budget = entries[5].article.as_ref().expect("the first item loads");
    assert_eq!(
        blocks(budget),
        vec![
            (BlockKind::Headline, "Council approves budget"),
            (
                BlockKind::Paragraph,
                "The council approved the budget on Monday."
            ),
            (BlockKind::Paragraph, "It passed by nine votes to four."),
        ]
    );
    assert_eq!(budget.meta.source.as_deref(), Some("Wire Desk"));
    assert_eq!(budget.meta.author.as_deref(), Some("Sam Reed"));
    assert_eq!(budget.meta.date.as_deref(), Some("2026-03-02 14:00 UTC"));
    assert_eq!(
        budget.meta.url.as_deref(),
        Some("https://example.net/budget")
    );
    let library = entries[6].article.as_ref().expect("the second item loads");
    assert_eq!(library.title(), "Library reopens");
    assert_eq!(
        library.meta.url.as_deref(),
        Some("https://example.net/library")
    );

    // Nothing was written to the article files.
    assert_eq!(
        std::fs::read(dir.path().join("bruecke.html")).expect("read"),
        PAGE.as_bytes()
    );
}

#[test]
fn files_given_by_name_are_read_by_their_format() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "page.htm", PAGE.as_bytes());
    write(dir.path(), "feed.xml", RSS.as_bytes());
    write(dir.path(), "other.xml", b"<config><x/></config>");
    let paths: Vec<_> = ["page.htm", "feed.xml", "other.xml"]
        .iter()
        .map(|n| dir.path().join(n))
        .collect();
    let sources = article::list(&paths);
    let names: Vec<&str> = sources.iter().map(|s| s.name.as_str()).collect();
    // A non-feed .xml given by name is listed, with its error.
    assert_eq!(
        names,
        vec!["page.htm", "feed.xml #1", "feed.xml #2", "other.xml"]
    );
    let entries = load_all(&sources);
    assert!(entries[0].article.is_ok());
    assert_eq!(
        entries[2].article.as_ref().map(|a| a.title()),
        Ok("Library reopens")
    );
    assert!(matches!(entries[3].article, Err(LoadError::Feed(_))));
}
