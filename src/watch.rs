//! Watching the folders and files being read, so that new and changed
//! articles appear without a restart.
//!
//! The watcher only reports paths; the reader decides what they mean (a new
//! article, a changed one, one that went away) and reads them on its
//! loader thread. Events come in bursts (an editor writes a file in several
//! steps), so the reader waits for a short quiet spell before acting.

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long the reader waits after the last event before reading again.
pub const QUIET: Duration = Duration::from_millis(150);

/// Keeps watching while it lives.
pub struct Watching {
    _watcher: RecommendedWatcher,
}

/// Watch `paths` (folders one level deep, like the list; files themselves)
/// and call `changed` with the paths of every creation, change or removal.
/// Paths that cannot be watched are passed over; an error only when none
/// can be.
pub fn watch(
    paths: &[PathBuf],
    changed: impl Fn(Vec<PathBuf>) + Send + 'static,
) -> Result<Watching, notify::Error> {
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && matches!(
                event.kind,
                EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
            )
            && !event.paths.is_empty()
        {
            changed(event.paths);
        }
    })?;
    let mut last_error = None;
    let mut watched = 0;
    for path in paths {
        match watcher.watch(path, RecursiveMode::NonRecursive) {
            Ok(()) => watched += 1,
            Err(e) => last_error = Some(e),
        }
    }
    match last_error {
        Some(e) if watched == 0 => Err(e),
        _ => Ok(Watching { _watcher: watcher }),
    }
}

/// Whether a new file at `path` is one the list would show: not hidden,
/// not an editor's backup, and taken by folder listing (an article format
/// by its name; for `.xml`, a feed by its root element, so a sitemap is not
/// listed).
pub fn is_article_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    !name.starts_with('.') && !name.ends_with('~') && crate::article::is_listed_in_folder(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[test]
    fn reports_a_new_file_in_a_watched_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (tx, rx) = mpsc::channel();
        let _watching = watch(&[dir.path().to_path_buf()], move |paths| {
            let _ = tx.send(paths);
        })
        .expect("watches");
        let file = dir.path().join("new.txt");
        std::fs::write(&file, "Headline\n\nText.").expect("writes");
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        let mut seen = false;
        while !seen && std::time::Instant::now() < deadline {
            if let Ok(paths) = rx.recv_timeout(Duration::from_millis(200)) {
                seen = paths.iter().any(|p| p.file_name() == file.file_name());
            }
        }
        assert!(seen, "no event for the new file");
        assert!(is_article_file(&file));
        assert!(!is_article_file(&dir.path().join(".new.txt.swp")));
        assert!(!is_article_file(&dir.path().join("missing.txt")));
        let sitemap = dir.path().join("sitemap.xml");
        std::fs::write(&sitemap, "<urlset><url><loc>x</loc></url></urlset>").expect("writes");
        assert!(!is_article_file(&sitemap), "an .xml that is not a feed");
    }

    #[test]
    fn a_path_that_cannot_be_watched_is_an_error_when_it_is_the_only_one() {
        assert!(watch(&[PathBuf::from("/no/such/folder")], |_| {}).is_err());
    }
}
