//! The one table from keys to actions: dispatch reads it, and so do the
//! help screen and the footer's key hints.

use super::action::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key, with the modifiers that must be held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const fn plain(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

const fn ch(c: char) -> Key {
    plain(KeyCode::Char(c))
}

/// Every binding: key, action, and how the key is written for people.
pub const KEYMAP: &[(Key, Action, &str)] = &[
    (ch('j'), Action::LineDown, "j"),
    (plain(KeyCode::Down), Action::LineDown, "↓"),
    (ch('k'), Action::LineUp, "k"),
    (plain(KeyCode::Up), Action::LineUp, "↑"),
    (ch(' '), Action::PageDown, "Space"),
    (plain(KeyCode::PageDown), Action::PageDown, "PgDn"),
    (ch('b'), Action::PageUp, "b"),
    (plain(KeyCode::PageUp), Action::PageUp, "PgUp"),
    (ctrl('d'), Action::HalfPageDown, "Ctrl-d"),
    (ctrl('u'), Action::HalfPageUp, "Ctrl-u"),
    (ch('g'), Action::Top, "g"),
    (plain(KeyCode::Home), Action::Top, "Home"),
    (ch('G'), Action::Bottom, "G"),
    (plain(KeyCode::End), Action::Bottom, "End"),
    (plain(KeyCode::Tab), Action::FocusNext, "Tab"),
    (plain(KeyCode::BackTab), Action::FocusPrev, "Shift-Tab"),
    (plain(KeyCode::Enter), Action::Activate, "Enter"),
    (ch('n'), Action::Next, "n"),
    (ch('N'), Action::Previous, "N"),
    (ch('/'), Action::Search, "/"),
    (plain(KeyCode::Esc), Action::Cancel, "Esc"),
    (ch('?'), Action::Help, "?"),
    (ch('a'), Action::Articles, "a"),
    (ch(']'), Action::NextArticle, "]"),
    (ch('['), Action::PreviousArticle, "["),
    (ch('p'), Action::TogglePanel, "p"),
    (ch('q'), Action::Quit, "q"),
    (ctrl('c'), Action::Quit, "Ctrl-c"),
];

/// The action bound to a key press, if any. Shift is not compared: it is
/// part of the character ('G', 'N') or of the key (Shift-Tab is BackTab).
pub fn action_for(event: &KeyEvent) -> Option<Action> {
    let mods = event.modifiers - KeyModifiers::SHIFT;
    KEYMAP
        .iter()
        .find(|(key, _, _)| key.code == event.code && key.modifiers == mods)
        .map(|(_, action, _)| *action)
}

/// The keys bound to an action, written for people ("j/↓").
pub fn keys_for(action: Action) -> String {
    KEYMAP
        .iter()
        .filter(|(_, a, _)| *a == action)
        .map(|(_, _, label)| *label)
        .collect::<Vec<_>>()
        .join("/")
}

/// The first key bound to an action, for short hints.
pub fn first_key(action: Action) -> &'static str {
    KEYMAP
        .iter()
        .find(|(_, a, _)| *a == action)
        .map_or("", |(_, _, label)| *label)
}

/// The help screen's rows: actions that mirror each other share one, so
/// the whole list fits an 80×24 terminal.
pub const HELP_ROWS: &[(&[Action], &str)] = &[
    (
        &[Action::LineDown, Action::LineUp],
        "scroll a line, or move in a focused list",
    ),
    (&[Action::PageDown, Action::PageUp], "a page down / up"),
    (
        &[Action::HalfPageDown, Action::HalfPageUp],
        "half a page down / up",
    ),
    (
        &[Action::Top, Action::Bottom],
        "top / bottom (first / last in a list)",
    ),
    (
        &[Action::FocusNext, Action::FocusPrev],
        "focus: text → people → quotes",
    ),
    (&[Action::Activate], "jump to the selected person or quote"),
    (
        &[Action::Next, Action::Previous],
        "next / previous mention, quote or match",
    ),
    (
        &[Action::Search],
        "search the article (Enter keeps it, Esc ends it)",
    ),
    (&[Action::Cancel], "end search, clear marks, close a popup"),
    (&[Action::Articles], "article list"),
    (
        &[Action::NextArticle, Action::PreviousArticle],
        "next / previous article",
    ),
    (&[Action::TogglePanel], "show or hide the side panel"),
    (&[Action::Help], "this help"),
    (&[Action::Quit], "quit"),
];

/// The keys of a help row, written for people ("j/↓ k/↑").
pub fn help_keys(actions: &[Action]) -> String {
    actions
        .iter()
        .map(|a| keys_for(*a))
        .collect::<Vec<_>>()
        .join("  ")
}

/// Every action in table order, once.
pub fn actions() -> Vec<Action> {
    let mut out: Vec<Action> = Vec::new();
    for (_, action, _) in KEYMAP {
        if !out.contains(action) {
            out.push(*action);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn required_keys_are_bound() {
        let cases = [
            (
                key(KeyCode::Char('j'), KeyModifiers::NONE),
                Action::LineDown,
            ),
            (key(KeyCode::Down, KeyModifiers::NONE), Action::LineDown),
            (key(KeyCode::Char('G'), KeyModifiers::SHIFT), Action::Bottom),
            (
                key(KeyCode::BackTab, KeyModifiers::SHIFT),
                Action::FocusPrev,
            ),
            (key(KeyCode::Char('c'), KeyModifiers::CONTROL), Action::Quit),
            (
                key(KeyCode::Char(' '), KeyModifiers::NONE),
                Action::PageDown,
            ),
            (
                key(KeyCode::Char('N'), KeyModifiers::SHIFT),
                Action::Previous,
            ),
        ];
        for (event, action) in cases {
            assert_eq!(action_for(&event), Some(action), "{event:?}");
        }
        assert_eq!(
            action_for(&key(KeyCode::Char('x'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(
            action_for(&key(KeyCode::Char('j'), KeyModifiers::CONTROL)),
            None
        );
    }

    #[test]
    fn help_lists_every_action_with_its_keys() {
        let all = actions();
        assert!(all.contains(&Action::Quit));
        assert_eq!(keys_for(Action::Quit), "q/Ctrl-c");
        assert_eq!(keys_for(Action::LineDown), "j/↓");
    }

    #[test]
    fn every_bound_action_has_a_help_row() {
        for action in actions() {
            assert!(
                HELP_ROWS.iter().any(|(row, _)| row.contains(&action)),
                "{action:?} is missing from the help"
            );
        }
    }

    #[test]
    fn actions_have_stable_names_for_the_config() {
        let name = serde_json::to_string(&Action::NextArticle).unwrap();
        assert_eq!(name, "\"next_article\"");
    }
}
