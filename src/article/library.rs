//! Gathering articles from the paths given on the command line.

use super::Article;
use super::parse::{Format, LoadError, parse};
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
    Builtin(&'static [u8]),
    /// A folder that could not be listed, with why.
    Unlisted(LoadError),
}

/// One item of the article list before it is loaded.
#[derive(Debug, Clone)]
pub struct Source {
    /// File name, safe to show.
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
    /// Names the article in the saved reading state.
    pub fn key(&self) -> String {
        match &self.origin {
            Origin::File(path) => path_key(path),
            Origin::Builtin(_) => format!("builtin:{}", self.name),
            Origin::Unlisted(_) => format!("unlisted:{}", self.name),
        }
    }

    /// About how many bytes loading reads (0 when unknown).
    pub fn size_hint(&self) -> u64 {
        match &self.origin {
            Origin::File(path) => std::fs::metadata(path).map_or(0, |m| m.len()),
            Origin::Builtin(bytes) => bytes.len() as u64,
            Origin::Unlisted(_) => 0,
        }
    }

    /// Read and parse the article. Never fails: a file that cannot be read
    /// or parsed becomes an entry holding the reason.
    pub fn load(&self) -> Entry {
        match &self.origin {
            Origin::File(path) => Entry::load(path),
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

/// List every path without reading any file: a file is listed whatever its
/// extension; a folder contributes its article files (`.txt`, `.md`,
/// `.json`) in name order, not descending into subfolders. A folder that
/// cannot be listed becomes an item with its error, so one bad path never
/// hides the others.
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
                    sources.extend(files.into_iter().map(|p| Source {
                        name: file_name(&p),
                        origin: Origin::File(p),
                    }));
                }
                Err(e) => sources.push(Source {
                    name: sanitize_line(&path.to_string_lossy()),
                    origin: Origin::Unlisted(LoadError::Io(sanitize_line(&e.to_string()))),
                }),
            }
        } else {
            sources.push(Source {
                name: file_name(path),
                origin: Origin::File(path.clone()),
            });
        }
    }
    sources
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
}
