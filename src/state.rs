//! What byline remembers between runs: the last article open, where each
//! article was left, and which have been read.
//!
//! JSON in `$XDG_STATE_HOME/byline/state.json` (or
//! `~/.local/state/byline/state.json`), written whole to a temporary file
//! and renamed over the old one, so a crash never leaves half a file. A file
//! that cannot be read as state is reported and set aside, never fatal.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Where an article was left.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// Byte offset in the article's text of the first row shown: an offset,
    /// not a row, so that the place survives a different terminal width.
    #[serde(default)]
    pub offset: usize,
    #[serde(default)]
    pub read: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// The key (see `article::Source::key`) of the article open last.
    #[serde(default)]
    pub last: Option<String>,
    #[serde(default)]
    pub articles: BTreeMap<String, Place>,
}

/// Where the state is kept.
pub fn default_path() -> Option<PathBuf> {
    crate::config::xdg_file(
        std::env::var_os("XDG_STATE_HOME"),
        std::env::var_os("HOME"),
        ".local/state",
        "state.json",
    )
}

/// Read the state at `path`. A missing file is an empty state; a file that
/// is not state is renamed to `state.json.corrupt` (so the next save does
/// not destroy it) and reported in the second value.
pub fn load(path: &Path) -> (State, Option<String>) {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return (State::default(), None),
        Err(e) => {
            return (
                State::default(),
                Some(format!("cannot read {}: {e}", path.display())),
            );
        }
    };
    match serde_json::from_slice(&bytes) {
        Ok(state) => (state, None),
        Err(e) => {
            let aside = path.with_extension("json.corrupt");
            let kept = std::fs::rename(path, &aside).is_ok();
            let note = if kept {
                format!("; kept as {}", aside.display())
            } else {
                String::new()
            };
            (
                State::default(),
                Some(format!(
                    "{} is not byline state ({e}), starting afresh{note}",
                    path.display()
                )),
            )
        }
    }
}

/// Write the state atomically: a temporary file beside it, then a rename.
pub fn save(path: &Path, state: &State) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let json = serde_json::to_vec_pretty(state).map_err(io::Error::other)?;
    let temporary = path.with_extension(format!("json.{}.tmp", std::process::id()));
    let written = std::fs::File::create(&temporary).and_then(|mut f| {
        f.write_all(&json)?;
        f.write_all(b"\n")?;
        f.sync_all()
    });
    if let Err(e) = written.and_then(|()| std::fs::rename(&temporary, path)) {
        let _ = std::fs::remove_file(&temporary);
        return Err(e);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> State {
        let mut s = State {
            last: Some("/news/b.txt".into()),
            ..State::default()
        };
        s.articles.insert(
            "/news/b.txt".into(),
            Place {
                offset: 1234,
                read: true,
            },
        );
        s
    }

    #[test]
    fn saved_state_loads_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("byline").join("state.json");
        save(&path, &sample()).unwrap();
        assert_eq!(load(&path), (sample(), None));
        // No temporary file is left beside it.
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("state.json")]);
    }

    #[test]
    fn a_missing_file_is_an_empty_state() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            load(&dir.path().join("none.json")),
            (State::default(), None)
        );
    }

    #[test]
    fn a_corrupt_file_is_reported_and_set_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        std::fs::write(&path, "{ not json").unwrap();
        let (state, problem) = load(&path);
        assert_eq!(state, State::default());
        let problem = problem.expect("reported");
        assert!(problem.contains("not byline state"), "{problem}");
        assert!(!path.exists());
        let aside = dir.path().join("state.json.corrupt");
        assert_eq!(std::fs::read_to_string(aside).unwrap(), "{ not json");
    }

    #[test]
    fn unknown_and_missing_fields_are_tolerated() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        std::fs::write(&path, r#"{"articles": {"a": {"read": true}}, "future": 1}"#).unwrap();
        let (state, problem) = load(&path);
        assert_eq!(problem, None);
        assert_eq!(
            state.articles["a"],
            Place {
                offset: 0,
                read: true
            }
        );
    }
}
