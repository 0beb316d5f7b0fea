//! Gathering articles from the paths given on the command line.

use super::Article;
use super::feed;
use super::parse::{Format, LoadError, MAX_MARKUP_BYTES, parse};
use super::sanitize::sanitize_line;
use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/samples.rs"));

/// One item of the article list: a loaded article or the reason it is not.
#[derive(Debug, Clone)]
pub struct Entry {
    /// File name, safe to show.
    pub name: String,
    /// Where it came from; `None` for built-in samples.
    pub path: Option<PathBuf>,
    pub article: Result<Article, LoadError>,
}

impl Entry {
    fn from_bytes(name: &str, path: Option<PathBuf>, bytes: &[u8]) -> Entry {
        let format = Format::from_name(name).unwrap_or(Format::Text);
        let name = sanitize_line(name);
        Entry {
            article: parse(&name, bytes, format),
            name,
            path,
        }
    }

    fn load(path: &Path) -> Entry {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.to_string_lossy().into_owned());
        // Markup too large to parse is refused by its size, before it is
        // read into memory.
        if Format::from_name(&name).is_some_and(Format::is_markup)
            && let Ok(meta) = std::fs::metadata(path)
            && meta.len() > MAX_MARKUP_BYTES
        {
            return Entry {
                name: sanitize_line(&name),
                path: Some(path.to_path_buf()),
                article: Err(LoadError::TooLarge(meta.len())),
            };
        }
        match std::fs::read(path) {
            Ok(bytes) => Entry::from_bytes(&name, Some(path.to_path_buf()), &bytes),
            Err(e) => Entry {
                name: sanitize_line(&name),
                path: Some(path.to_path_buf()),
                article: Err(LoadError::Io(sanitize_line(&e.to_string()))),
            },
        }
    }
}

/// Where an article comes from, known before anything is read: listing a
/// folder of 10,000 files must not wait for reading them.
#[derive(Debug, Clone)]
pub enum Origin {
    File(PathBuf),
    /// One item of an RSS or Atom feed file: its position when listed and
    /// its id (see [`Source::key`]), by which it is found again if the
    /// feed changed.
    FeedItem {
        path: PathBuf,
        index: usize,
        id: String,
    },
    Builtin(&'static [u8]),
    /// A folder that could not be listed, with why.
    Unlisted(LoadError),
}

/// One item of the article list before it is loaded.
#[derive(Debug, Clone)]
pub struct Source {
    /// File name (for a feed item, `file.rss #3`), safe to show.
    pub name: String,
    pub origin: Origin,
}

/// The key that names a file in the saved reading state: its absolute path.
pub fn path_key(path: &Path) -> String {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

impl Source {
    /// Names the article in the saved reading state. A feed item's key is
    /// its file's key, `#`, and the item's id (else its link, else its
    /// position), so it stays the same when new items come in front.
    pub fn key(&self) -> String {
        match &self.origin {
            Origin::File(path) => path_key(path),
            Origin::FeedItem { path, id, .. } => format!("{}#{id}", path_key(path)),
            Origin::Builtin(_) => format!("builtin:{}", self.name),
            Origin::Unlisted(_) => format!("unlisted:{}", self.name),
        }
    }

    /// About how many bytes loading reads (0 when unknown).
    pub fn size_hint(&self) -> u64 {
        match &self.origin {
            // A feed item's loading reads the whole feed.
            Origin::File(path) | Origin::FeedItem { path, .. } => {
                std::fs::metadata(path).map_or(0, |m| m.len())
            }
            Origin::Builtin(bytes) => bytes.len() as u64,
            Origin::Unlisted(_) => 0,
        }
    }

    /// Read and parse the article. Never fails: a file that cannot be read
    /// or parsed becomes an entry holding the reason.
    pub fn load(&self) -> Entry {
        match &self.origin {
            Origin::File(path) => Entry::load(path),
            Origin::FeedItem { path, index, id } => feed::load_item(path, *index, id, &self.name),
            Origin::Builtin(bytes) => Entry::from_bytes(&self.name, None, bytes),
            Origin::Unlisted(e) => Entry {
                name: self.name.clone(),
                path: None,
                article: Err(e.clone()),
            },
        }
    }
}

/// The sample articles built into the binary, not yet parsed.
pub fn sample_sources() -> Vec<Source> {
    SAMPLES
        .iter()
        .map(|(name, bytes)| Source {
            name: sanitize_line(name),
            origin: Origin::Builtin(bytes),
        })
        .collect()
}

/// The sample articles built into the binary.
pub fn samples() -> Vec<Entry> {
    sample_sources().iter().map(Source::load).collect()
}

/// List every path, reading no file but feeds: a file is listed whatever
/// its extension; a folder contributes its article files (`.txt`, `.md`,
/// `.json`, `.html`, `.htm`, `.rss`, `.atom`, and `.xml` that begins like a
/// feed) in name order, not descending into subfolders. A feed is read and
/// parsed to list one entry per item. A folder that cannot be listed
/// becomes an item with its error, so one bad path never hides the others.
pub fn list(paths: &[PathBuf]) -> Vec<Source> {
    let mut sources = Vec::new();
    for path in paths {
        if path.is_dir() {
            match std::fs::read_dir(path) {
                Ok(dir) => {
                    let mut files: Vec<PathBuf> = dir
                        .filter_map(|e| e.ok())
                        .map(|e| e.path())
                        .filter(|p| {
                            // Lossy: a name that is not UTF-8 still counts
                            // by its extension.
                            p.file_name()
                                .map(|n| n.to_string_lossy())
                                .and_then(|n| Format::from_name(&n))
                                .is_some()
                        })
                        .filter(|p| p.is_file())
                        .collect();
                    files.sort();
                    for p in files {
                        sources.extend(file_sources(p, true));
                    }
                }
                Err(e) => sources.push(Source {
                    name: sanitize_line(&path.to_string_lossy()),
                    origin: Origin::Unlisted(LoadError::Io(sanitize_line(&e.to_string()))),
                }),
            }
        } else {
            sources.extend(file_sources(path.clone(), false));
        }
    }
    sources
}

/// Whether listing a folder would take the file at `path`: an article
/// format by its name and, for `.xml`, a feed by its root element (read
/// from the file's start). For a watcher deciding whether a new file in a
/// folder is an article.
pub fn is_listed_in_folder(path: &Path) -> bool {
    let name = file_name(path);
    match Format::from_name(&name) {
        Some(Format::Feed) => !feed::sources(path, &name, true).is_empty(),
        Some(_) => path.is_file(),
        None => false,
    }
}

/// The list entries of one file: its items if it is a feed, else itself.
fn file_sources(path: PathBuf, in_folder: bool) -> Vec<Source> {
    let name = file_name(&path);
    if Format::from_name(&name) == Some(Format::Feed) {
        return feed::sources(&path, &name, in_folder);
    }
    vec![Source {
        name,
        origin: Origin::File(path),
    }]
}

fn file_name(path: &Path) -> String {
    sanitize_line(
        &path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.to_string_lossy().into_owned()),
    )
}

/// List and load every path (see [`list`]).
pub fn collect(paths: &[PathBuf]) -> Vec<Entry> {
    list(paths).iter().map(Source::load).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_are_built_in_and_the_seed_comes_first() {
        let s = samples();
        assert!(s.len() >= 6, "at least six samples, got {}", s.len());
        let first = s[0].article.as_ref().expect("seed loads");
        assert!(first.title().starts_with("Venezuela und Russland"));
        assert!(s.iter().all(|e| e.article.is_ok()), "every sample loads");
    }

    #[test]
    #[cfg(unix)]
    fn a_file_name_that_is_not_utf8_is_listed() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
        std::fs::write(dir.path().join(name), "Head\n\nBody.").unwrap();
        let entries = collect(&[dir.path().to_path_buf()]);
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].name, "caf\u{fffd}.txt");
        assert!(entries[0].article.is_ok());
    }

    #[test]
    fn folder_with_a_bad_file_still_loads_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Head\n\nBody.").unwrap();
        std::fs::write(dir.path().join("b.json"), "{not json").unwrap();
        std::fs::write(dir.path().join("c.jpg"), [0u8, 1, 2]).unwrap();
        std::fs::write(dir.path().join("d.md"), "# T\n\nText.").unwrap();
        let entries = collect(&[dir.path().to_path_buf(), dir.path().join("missing.txt")]);
        let names: Vec<_> = entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, vec!["a.txt", "b.json", "d.md", "missing.txt"]);
        assert!(entries[0].article.is_ok());
        assert!(matches!(entries[1].article, Err(LoadError::Json(_))));
        assert!(entries[2].article.is_ok());
        assert!(matches!(entries[3].article, Err(LoadError::Io(_))));
    }

    #[test]
    fn folders_list_pages_and_feed_items_and_pass_over_other_xml() {
        let dir = tempfile::tempdir().unwrap();
        let rss = "<rss version=\"2.0\"><channel><title>F</title>\
            <item><title>One</title><guid>1</guid><description>First.</description></item>\
            <item><title>Two</title><guid>2</guid><description>Second.</description></item>\
            </channel></rss>";
        std::fs::write(dir.path().join("a.html"), "<h1>Page</h1><p>Text.</p>").unwrap();
        std::fs::write(dir.path().join("b.htm"), "<title>Old</title><p>Text.</p>").unwrap();
        std::fs::write(dir.path().join("c.rss"), rss).unwrap();
        std::fs::write(dir.path().join("d.xml"), rss).unwrap();
        std::fs::write(dir.path().join("e.xml"), "<?xml version=\"1.0\"?><urlset/>").unwrap();
        std::fs::write(dir.path().join("f.atom"), "").unwrap();
        std::fs::write(dir.path().join("g.html"), [0u8, 159, 146, 150]).unwrap();
        std::fs::write(dir.path().join("h.txt"), "Head\n\nBody.").unwrap();
        let sources = list(&[dir.path().to_path_buf()]);
        let names: Vec<&str> = sources.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "a.html", "b.htm", "c.rss #1", "c.rss #2", "d.xml #1", "d.xml #2", "f.atom",
                "g.html", "h.txt"
            ]
        );
        let keys: std::collections::HashSet<String> = sources.iter().map(Source::key).collect();
        assert_eq!(keys.len(), sources.len(), "every entry has its own key");
        let entries: Vec<Entry> = sources.iter().map(Source::load).collect();
        let titles: Vec<Result<&str, &LoadError>> = entries
            .iter()
            .map(|e| e.article.as_ref().map(|a| a.title()))
            .collect();
        assert_eq!(
            titles,
            vec![
                Ok("Page"),
                Ok("Old"),
                Ok("One"),
                Ok("Two"),
                Ok("One"),
                Ok("Two"),
                Err(&LoadError::Empty),
                Err(&LoadError::Binary),
                Ok("Head"),
            ]
        );
        assert!(
            sources
                .iter()
                .all(|s| s.size_hint() > 0 || s.name == "f.atom")
        );
        assert!(is_listed_in_folder(&dir.path().join("d.xml")));
        assert!(!is_listed_in_folder(&dir.path().join("e.xml")));
        assert!(is_listed_in_folder(&dir.path().join("a.html")));
        assert!(!is_listed_in_folder(&dir.path().join("missing.html")));
    }
}
