//! The one table from keys to actions: dispatch reads it, and so do the
//! help screen and the footer's key hints.

use super::action::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key, with the modifiers that must be held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

/// The default bindings.
pub const KEYMAP: &[(Key, Action)] = &[
    (ch('j'), Action::LineDown),
    (plain(KeyCode::Down), Action::LineDown),
    (ch('k'), Action::LineUp),
    (plain(KeyCode::Up), Action::LineUp),
    (ch(' '), Action::PageDown),
    (plain(KeyCode::PageDown), Action::PageDown),
    (ch('b'), Action::PageUp),
    (plain(KeyCode::PageUp), Action::PageUp),
    (ctrl('d'), Action::HalfPageDown),
    (ctrl('u'), Action::HalfPageUp),
    (ch('g'), Action::Top),
    (plain(KeyCode::Home), Action::Top),
    (ch('G'), Action::Bottom),
    (plain(KeyCode::End), Action::Bottom),
    (plain(KeyCode::Tab), Action::FocusNext),
    (plain(KeyCode::BackTab), Action::FocusPrev),
    (plain(KeyCode::Enter), Action::Activate),
    (ch('n'), Action::Next),
    (ch('N'), Action::Previous),
    (ch('/'), Action::Search),
    (plain(KeyCode::Esc), Action::Cancel),
    (ch('?'), Action::Help),
    (ch('a'), Action::Articles),
    (ch('s'), Action::SortArticles),
    (ch('P'), Action::People),
    (ch(']'), Action::NextArticle),
    (ch('['), Action::PreviousArticle),
    (ch('p'), Action::TogglePanel),
    (ch('o'), Action::OpenLink),
    (ch('y'), Action::CopyQuote),
    (ch('m'), Action::ToggleMouse),
    (ch('q'), Action::Quit),
    (ctrl('c'), Action::Quit),
];

/// The bindings in use: the defaults above, changed by the configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<(Key, Action)>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            bindings: KEYMAP.to_vec(),
        }
    }
}

impl Keymap {
    /// Bind `action` to exactly `keys`: its old keys are dropped, and each
    /// key leaves whatever action it had.
    pub fn rebind(&mut self, action: Action, keys: &[Key]) {
        self.bindings
            .retain(|(k, a)| *a != action && !keys.contains(k));
        self.bindings.extend(keys.iter().map(|k| (*k, action)));
    }

    /// The action bound to a key press, if any. Shift is not compared for
    /// characters: it is part of the character ('G', 'N').
    pub fn action_for(&self, event: &KeyEvent) -> Option<Action> {
        let key = Key::from_event(event);
        self.bindings
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, action)| *action)
    }

    /// The keys bound to an action, written for people ("j/↓").
    pub fn keys_for(&self, action: Action) -> String {
        self.bindings
            .iter()
            .filter(|(_, a)| *a == action)
            .map(|(k, _)| k.label())
            .collect::<Vec<_>>()
            .join("/")
    }

    /// The first key bound to an action, for short hints ("" if none).
    pub fn first_key(&self, action: Action) -> String {
        self.bindings
            .iter()
            .find(|(_, a)| *a == action)
            .map_or_else(String::new, |(k, _)| k.label())
    }

    /// The keys of a help row, written for people ("j/↓  k/↑").
    pub fn help_keys(&self, actions: &[Action]) -> String {
        actions
            .iter()
            .map(|a| self.keys_for(*a))
            .collect::<Vec<_>>()
            .join("  ")
    }
}

impl Key {
    /// The key of a key press, in the form bindings are written in.
    pub fn from_event(event: &KeyEvent) -> Key {
        let mut modifiers = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        // Shift is part of a character ('G') and of BackTab; elsewhere
        // (Shift-Up) it is a modifier of its own.
        if event.modifiers.contains(KeyModifiers::SHIFT)
            && !matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab)
        {
            modifiers |= KeyModifiers::SHIFT;
        }
        Key {
            code: event.code,
            modifiers,
        }
    }

    /// How the key is written for people: "j", "↓", "Space", "Ctrl-d".
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Down => "↓".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => other.to_string(),
        };
        let mut out = String::new();
        for (name, m) in [
            ("Ctrl-", KeyModifiers::CONTROL),
            ("Alt-", KeyModifiers::ALT),
            ("Shift-", KeyModifiers::SHIFT),
        ] {
            if self.modifiers.contains(m) {
                out.push_str(name);
            }
        }
        out.push_str(&base);
        out
    }

    /// How the key is written in the configuration: "j", "down", "space",
    /// "ctrl-d". [`Key::parse`] reads it back.
    pub fn config_name(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("f{n}"),
            code => NAMED
                .iter()
                .find(|(_, c)| *c == code)
                .map_or_else(|| "?".to_string(), |(name, _)| (*name).to_string()),
        };
        let mut out = String::new();
        for (name, m) in MODIFIERS {
            if self.modifiers.contains(*m) {
                out.push_str(name);
                out.push('-');
            }
        }
        out.push_str(&base);
        out
    }

    /// Read a key as written in the configuration: modifiers (`ctrl-`,
    /// `alt-`, `shift-`) then a key name (`enter`, `pgdn`, `f5`, `space`…)
    /// or one character. Names are not case-sensitive; characters are.
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        'outer: loop {
            for (name, m) in MODIFIERS {
                if let Some(after) = strip_prefix_ignore_case(rest, name)
                    && let Some(after) = after.strip_prefix('-')
                    && !after.is_empty()
                {
                    modifiers |= *m;
                    rest = after;
                    continue 'outer;
                }
            }
            break;
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            (None, _) => return Err(format!("empty key `{text}`")),
            _ => {
                let lower = rest.to_ascii_lowercase();
                if let Some((_, code)) = NAMED.iter().chain(ALIASES).find(|(n, _)| *n == lower) {
                    *code
                } else if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok())
                    && (1..=24).contains(&n)
                {
                    KeyCode::F(n)
                } else {
                    return Err(format!("unknown key `{text}`"));
                }
            }
        };
        // Shift with a character is the character itself ('G', not shift-g).
        if let KeyCode::Char(c) = code
            && modifiers.contains(KeyModifiers::SHIFT)
        {
            modifiers -= KeyModifiers::SHIFT;
            let c = c.to_uppercase().next().unwrap_or(c);
            return Ok(Key {
                code: KeyCode::Char(c),
                modifiers,
            });
        }
        if code == KeyCode::Tab && modifiers.contains(KeyModifiers::SHIFT) {
            return Ok(plain(KeyCode::BackTab));
        }
        Ok(Key { code, modifiers })
    }
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

const MODIFIERS: &[(&str, KeyModifiers)] = &[
    ("ctrl", KeyModifiers::CONTROL),
    ("alt", KeyModifiers::ALT),
    ("shift", KeyModifiers::SHIFT),
];

/// Named keys, as the configuration writes them.
const NAMED: &[(&str, KeyCode)] = &[
    ("space", KeyCode::Char(' ')),
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pgup", KeyCode::PageUp),
    ("pgdn", KeyCode::PageDown),
];

/// Other spellings the configuration accepts.
const ALIASES: &[(&str, KeyCode)] = &[
    ("return", KeyCode::Enter),
    ("escape", KeyCode::Esc),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("del", KeyCode::Delete),
];

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
    (
        &[Action::Articles, Action::SortArticles],
        "article list; in it, sort (file, date, title), / filters",
    ),
    (
        &[Action::People],
        "people in all articles, with their quotes",
    ),
    (
        &[Action::NextArticle, Action::PreviousArticle],
        "next / previous article",
    ),
    (
        &[Action::TogglePanel, Action::ToggleMouse],
        "side panel on / off; mouse on / off (off: select text)",
    ),
    (
        &[Action::OpenLink, Action::CopyQuote],
        "open the article's link / copy the selected quote",
    ),
    (&[Action::Help], "this help"),
    (&[Action::Quit], "quit"),
];

/// Every action in table order, once.
pub fn actions() -> Vec<Action> {
    let mut out: Vec<Action> = Vec::new();
    for (_, action) in KEYMAP {
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
        let map = Keymap::default();
        for (event, action) in cases {
            assert_eq!(map.action_for(&event), Some(action), "{event:?}");
        }
        assert_eq!(
            map.action_for(&key(KeyCode::Char('x'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(
            map.action_for(&key(KeyCode::Char('j'), KeyModifiers::CONTROL)),
            None
        );
    }

    #[test]
    fn help_lists_every_action_with_its_keys() {
        let all = actions();
        assert!(all.contains(&Action::Quit));
        let map = Keymap::default();
        assert_eq!(map.keys_for(Action::Quit), "q/Ctrl-c");
        assert_eq!(map.keys_for(Action::LineDown), "j/↓");
        assert_eq!(map.keys_for(Action::PageDown), "Space/PgDn");
        assert_eq!(map.keys_for(Action::HalfPageDown), "Ctrl-d");
        assert_eq!(map.keys_for(Action::FocusPrev), "Shift-Tab");
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

    #[test]
    fn config_names_read_back_as_the_same_key() {
        for (k, _) in KEYMAP {
            assert_eq!(Key::parse(&k.config_name()), Ok(*k), "{}", k.config_name());
        }
        let f5 = Key::parse("F5").unwrap();
        assert_eq!(f5.code, KeyCode::F(5));
        assert_eq!(Key::parse("shift-g"), Ok(ch('G')));
        assert_eq!(
            Key::parse("Ctrl-Alt-x").map(|k| k.label()),
            Ok("Ctrl-Alt-x".into())
        );
        assert_eq!(Key::parse("shift-tab"), Ok(plain(KeyCode::BackTab)));
        assert_eq!(Key::parse("-"), Ok(ch('-')));
        assert!(Key::parse("hyper-x").is_err());
        assert!(Key::parse("").is_err());
        assert!(Key::parse("f99").is_err());
    }

    #[test]
    fn rebinding_moves_keys_between_actions() {
        let mut map = Keymap::default();
        map.rebind(Action::Quit, &[ch('x')]);
        let x = key(KeyCode::Char('x'), KeyModifiers::NONE);
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(map.action_for(&x), Some(Action::Quit));
        assert_eq!(map.action_for(&q), None, "the old key is free");
        // A key taken from another action leaves it.
        map.rebind(Action::Help, &[ch('j')]);
        let j = key(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(map.action_for(&j), Some(Action::Help));
        assert_eq!(map.keys_for(Action::LineDown), "↓");
    }

    #[test]
    fn shift_counts_for_keys_that_are_not_characters() {
        let mut map = Keymap::default();
        map.rebind(Action::PageUp, &[Key::parse("shift-up").unwrap()]);
        let shift_up = key(KeyCode::Up, KeyModifiers::SHIFT);
        let up = key(KeyCode::Up, KeyModifiers::NONE);
        assert_eq!(map.action_for(&shift_up), Some(Action::PageUp));
        assert_eq!(map.action_for(&up), Some(Action::LineUp));
    }
}
