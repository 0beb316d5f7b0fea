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
    NextArticle,
    PreviousArticle,
    TogglePanel,
    Quit,
}

impl Action {
    /// What the action does, as the help screen says it.
    pub fn description(self) -> &'static str {
        match self {
            Action::LineDown => "scroll down a line / next item in a list",
            Action::LineUp => "scroll up a line / previous item in a list",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::HalfPageDown => "half a page down",
            Action::HalfPageUp => "half a page up",
            Action::Top => "top / first item",
            Action::Bottom => "bottom / last item",
            Action::FocusNext => "focus next: text, people, quotes",
            Action::FocusPrev => "focus previous",
            Action::Activate => "jump to the selected person or quote",
            Action::Next => "next mention, quote or search match",
            Action::Previous => "previous mention, quote or search match",
            Action::Search => "search the article",
            Action::Cancel => "end search, clear highlight, close popup",
            Action::Help => "this help",
            Action::Articles => "article list",
            Action::NextArticle => "next article",
            Action::PreviousArticle => "previous article",
            Action::TogglePanel => "show or hide the side panel",
            Action::Quit => "quit",
        }
    }
}
