//! Everything a key can ask for. Keys, the help screen and (later) the
//! configuration all speak in these actions.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    LineDown,
    LineUp,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    FocusNext,
    FocusPrev,
    Activate,
    Next,
    Previous,
    Search,
    Cancel,
    Help,
    Articles,
    /// Everyone named in the library, with their quotes across articles.
    People,
    /// In the article list: the next order (file, date, title).
    SortArticles,
    NextArticle,
    PreviousArticle,
    TogglePanel,
    /// Open the article's link in a browser (or show it, over SSH).
    OpenLink,
    /// Copy the selected quote with its speaker (OSC 52, when allowed).
    CopyQuote,
    ToggleMouse,
    Quit,
}
