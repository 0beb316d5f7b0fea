//! The configuration file: key bindings, theme, text and panel layout.
//!
//! TOML, read from `$XDG_CONFIG_HOME/byline/config.toml` (or
//! `~/.config/byline/config.toml`), or the file given with `--config`. A
//! mistake in one entry is reported with its line and the entry is left
//! out; every other entry still applies, and a file that is not TOML at all
//! leaves the defaults. `byline --print-default-config` prints the file
//! below, with every action and its default keys.

use crate::app::Action;
use crate::app::keymap::{HELP_ROWS, KEYMAP, Key, Keymap, actions};
use crate::layout::{MAX_TEXT_WIDTH, Prefs, Side};
use crate::ui::ThemeName;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use toml_edit::{Document, Item, Table};

/// Everything the configuration can set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub keymap: Keymap,
    pub theme: ThemeName,
    pub layout: Prefs,
    /// Whether the side panel shows at start (`p` toggles it).
    pub panel: bool,
    /// Whether byline takes the mouse at start (`m` toggles it).
    pub mouse: bool,
    /// Whether `y` may write the clipboard with OSC 52 (off unless asked
    /// for: it writes the clipboard of the machine the terminal runs on).
    pub osc52: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            keymap: Keymap::default(),
            theme: ThemeName::default(),
            layout: Prefs::default(),
            panel: true,
            mouse: true,
            osc52: false,
        }
    }
}

/// One mistake in the file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based; 0 when the place is not known.
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line > 0 {
            write!(f, "line {}: {}", self.line, self.message)
        } else {
            f.write_str(&self.message)
        }
    }
}

/// Where the configuration is looked for when no `--config` is given.
pub fn default_path() -> Option<PathBuf> {
    xdg_file(
        std::env::var_os("XDG_CONFIG_HOME"),
        std::env::var_os("HOME"),
        ".config",
        "config.toml",
    )
}

/// `$XDG_…/byline/FILE`, or `~/FALLBACK/byline/FILE` when the variable is
/// unset or (as the XDG spec says to ignore it then) not absolute.
pub(crate) fn xdg_file(
    xdg: Option<OsString>,
    home: Option<OsString>,
    fallback: &str,
    file: &str,
) -> Option<PathBuf> {
    let base = match xdg {
        Some(dir) if Path::new(&dir).is_absolute() => PathBuf::from(dir),
        _ => PathBuf::from(home.filter(|h| !h.is_empty())?).join(fallback),
    };
    Some(base.join("byline").join(file))
}

const TEXT_WIDTHS: std::ops::RangeInclusive<i64> = 20..=400;
const PANEL_WIDTHS: std::ops::RangeInclusive<i64> = 16..=200;

impl Config {
    /// Read a configuration. Never fails: what cannot be used is reported.
    pub fn parse(source: &str) -> (Config, Vec<Problem>) {
        let mut config = Config::default();
        let mut problems = Vec::new();
        let doc = match Document::parse(source) {
            Ok(doc) => doc,
            Err(e) => {
                let line = e.span().map_or(0, |s| line_of(source, s.start));
                let message = e.message().trim().to_string();
                problems.push(Problem {
                    line,
                    message: format!("not valid TOML ({message}); using the defaults"),
                });
                return (config, problems);
            }
        };
        let mut p = Reader {
            source,
            problems: &mut problems,
        };
        let root = doc.as_table();
        for (name, item) in root.iter() {
            match (name, item.as_table()) {
                ("reader", Some(t)) => p.reader(t, &mut config),
                ("panel", Some(t)) => p.panel(t, &mut config),
                ("theme", Some(t)) => p.theme(t, &mut config),
                ("keys", Some(t)) => p.keys(t, &mut config),
                ("mouse", Some(t)) => p.switch(t, "mouse", "enabled", &mut config.mouse),
                ("clipboard", Some(t)) => p.switch(t, "clipboard", "osc52", &mut config.osc52),
                ("reader" | "panel" | "theme" | "keys" | "mouse" | "clipboard", None) => {
                    p.problem(root, name, format!("`{name}` must be a table: [{name}]"))
                }
                _ => p.problem(root, name, format!("unknown section `{name}`")),
            }
        }
        (config, problems)
    }

    /// The commented default configuration.
    pub fn default_toml() -> String {
        let mut out = String::from(
            "# byline configuration: copy to ~/.config/byline/config.toml and edit.\n\
             # Every entry is optional; a wrong one is reported and left out.\n\n\
             [reader]\n\
             # The widest the article text gets, in columns (20-400).\n",
        );
        out.push_str(&format!("text_width = {MAX_TEXT_WIDTH}\n\n"));
        out.push_str(
            "[panel]\n\
             # Show the side panel at start (p shows and hides it).\n\
             shown = true\n\
             # \"right\" or \"left\" of the text.\n\
             side = \"right\"\n\
             # Columns (16-200); \"auto\" takes about a third of the terminal.\n\
             width = \"auto\"\n\n\
             [mouse]\n\
             # Wheel scrolls what is under the pointer, a click selects an article,\n\
             # person or quote. Taking the mouse stops the terminal's own text\n\
             # selection: m gives it back (and takes it again).\n\
             enabled = true\n\n\
             [clipboard]\n\
             # y copies the selected quote with its speaker by OSC 52, a terminal\n\
             # escape that writes the clipboard of the machine the terminal runs on\n\
             # (over SSH too; in tmux set-clipboard must be on). Off unless asked for.\n\
             osc52 = false\n\n\
             [theme]\n\
             # \"ansi\": the terminal's own colours and the 16 ANSI ones (readable on\n\
             # dark and light backgrounds); \"mono\": no colour; \"truecolor\": 24-bit.\n\
             # NO_COLOR in the environment always means no colour.\n\
             name = \"ansi\"\n\n\
             [keys]\n\
             # action = [\"key\", ...]. Keys: a character (\"j\", \"G\", \"?\"), a name\n\
             # (space enter esc tab backtab backspace delete insert up down left right\n\
             # home end pgup pgdn f1-f24), with ctrl-, alt- or shift- in front\n\
             # (\"ctrl-d\", \"shift-up\"). Binding an action replaces its keys; a key\n\
             # given to one action leaves any other.\n",
        );
        for action in actions() {
            let description = HELP_ROWS
                .iter()
                .find(|(row, _)| row.contains(&action))
                .map_or("", |(_, d)| *d);
            let keys: Vec<String> = KEYMAP
                .iter()
                .filter(|(_, a)| *a == action)
                .map(|(k, _)| format!("{:?}", k.config_name()))
                .collect();
            out.push_str(&format!(
                "{} = [{}]  # {description}\n",
                action_name(action),
                keys.join(", ")
            ));
        }
        out
    }
}

/// The name an action has in the configuration ("next_article").
pub fn action_name(action: Action) -> String {
    serde_json::to_value(action)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn action_named(name: &str) -> Option<Action> {
    serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
}

fn line_of(source: &str, offset: usize) -> usize {
    let end = offset.min(source.len());
    source.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Walks the document, noting problems with their lines.
struct Reader<'a> {
    source: &'a str,
    problems: &'a mut Vec<Problem>,
}

impl Reader<'_> {
    fn problem(&mut self, table: &Table, key: &str, message: String) {
        let line = table
            .key(key)
            .and_then(|k| k.span())
            .or_else(|| table.get(key).and_then(Item::span))
            .map_or(0, |s| line_of(self.source, s.start));
        self.problems.push(Problem { line, message });
    }

    fn unknown(&mut self, table: &Table, section: &str, key: &str) {
        self.problem(table, key, format!("unknown entry `{key}` in [{section}]"));
    }

    fn integer(
        &mut self,
        table: &Table,
        key: &str,
        item: &Item,
        range: std::ops::RangeInclusive<i64>,
    ) -> Option<u16> {
        match item.as_integer() {
            Some(n) if range.contains(&n) => u16::try_from(n).ok(),
            _ => {
                let (lo, hi) = (range.start(), range.end());
                self.problem(
                    table,
                    key,
                    format!("`{key}` must be a number from {lo} to {hi}"),
                );
                None
            }
        }
    }

    fn boolean(&mut self, table: &Table, key: &str, item: &Item) -> Option<bool> {
        let value = item.as_bool();
        if value.is_none() {
            self.problem(table, key, format!("`{key}` must be true or false"));
        }
        value
    }

    fn reader(&mut self, table: &Table, config: &mut Config) {
        for (key, item) in table.iter() {
            match key {
                "text_width" => {
                    if let Some(n) = self.integer(table, key, item, TEXT_WIDTHS) {
                        config.layout.text_width = n;
                    }
                }
                _ => self.unknown(table, "reader", key),
            }
        }
    }

    fn panel(&mut self, table: &Table, config: &mut Config) {
        for (key, item) in table.iter() {
            match key {
                "shown" => {
                    if let Some(b) = self.boolean(table, key, item) {
                        config.panel = b;
                    }
                }
                "side" => match item.as_str() {
                    Some("left") => config.layout.panel_side = Side::Left,
                    Some("right") => config.layout.panel_side = Side::Right,
                    _ => self.problem(table, key, "`side` must be \"left\" or \"right\"".into()),
                },
                "width" if item.as_str() == Some("auto") => config.layout.panel_width = None,
                "width" => {
                    if let Some(n) = self.integer(table, key, item, PANEL_WIDTHS) {
                        config.layout.panel_width = Some(n);
                    }
                }
                _ => self.unknown(table, "panel", key),
            }
        }
    }

    /// A section that holds one switch (`[mouse] enabled`, `[clipboard]
    /// osc52`): its value goes to `target`, any other key is reported.
    fn switch(&mut self, table: &Table, section: &str, name: &str, target: &mut bool) {
        for (key, item) in table.iter() {
            if key == name {
                if let Some(b) = self.boolean(table, key, item) {
                    *target = b;
                }
            } else {
                self.unknown(table, section, key);
            }
        }
    }

    fn theme(&mut self, table: &Table, config: &mut Config) {
        for (key, item) in table.iter() {
            match key {
                "name" => {
                    let name = item.as_str().unwrap_or_default();
                    match ThemeName::ALL.iter().find(|(n, _)| *n == name) {
                        Some((_, theme)) => config.theme = *theme,
                        None => self.problem(
                            table,
                            key,
                            format!("unknown theme `{name}` (ansi, mono or truecolor)"),
                        ),
                    }
                }
                _ => self.unknown(table, "theme", key),
            }
        }
    }

    fn keys(&mut self, table: &Table, config: &mut Config) {
        for (name, item) in table.iter() {
            let Some(action) = action_named(name) else {
                self.problem(table, name, format!("unknown action `{name}`"));
                continue;
            };
            let written: Vec<&str> = if let Some(s) = item.as_str() {
                vec![s]
            } else if let Some(list) = item.as_array() {
                list.iter().filter_map(|v| v.as_str()).collect()
            } else {
                Vec::new()
            };
            if written.is_empty() {
                self.problem(
                    table,
                    name,
                    format!("`{name}` needs a key or a list of keys, like [\"j\", \"down\"]"),
                );
                continue;
            }
            let mut keys: Vec<Key> = Vec::new();
            for text in written {
                match Key::parse(text) {
                    Ok(key) => keys.push(key),
                    Err(message) => self.problem(table, name, message),
                }
            }
            if !keys.is_empty() {
                config.keymap.rebind(action, &keys);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn press(config: &Config, code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
        config.keymap.action_for(&KeyEvent::new(code, modifiers))
    }

    #[test]
    fn the_default_file_reads_back_as_the_defaults() {
        let (config, problems) = Config::parse(&Config::default_toml());
        assert_eq!(problems, vec![]);
        assert_eq!(config, Config::default());
    }

    #[test]
    fn the_default_file_names_every_action() {
        let text = Config::default_toml();
        for action in actions() {
            assert!(
                text.contains(&format!("\n{} = [", action_name(action))),
                "{action:?}"
            );
        }
    }

    #[test]
    fn entries_apply() {
        let (config, problems) = Config::parse(
            "[reader]\ntext_width = 66\n[panel]\nside = \"left\"\nwidth = 30\nshown = false\n\
             [theme]\nname = \"truecolor\"\n[mouse]\nenabled = false\n[clipboard]\nosc52 = true\n[keys]\nquit = [\"x\", \"ctrl-q\"]\nhelp = \"f1\"\n",
        );
        assert_eq!(problems, vec![]);
        assert_eq!(config.layout.text_width, 66);
        assert_eq!(config.layout.panel_side, Side::Left);
        assert_eq!(config.layout.panel_width, Some(30));
        assert!(!config.panel);
        assert_eq!(config.theme, ThemeName::Truecolor);
        assert!(!config.mouse);
        assert!(config.osc52);
        let none = KeyModifiers::NONE;
        assert_eq!(press(&config, KeyCode::Char('x'), none), Some(Action::Quit));
        assert_eq!(
            press(&config, KeyCode::Char('q'), KeyModifiers::CONTROL),
            Some(Action::Quit)
        );
        assert_eq!(press(&config, KeyCode::Char('q'), none), None);
        assert_eq!(press(&config, KeyCode::F(1), none), Some(Action::Help));
    }

    #[test]
    fn mistakes_are_reported_with_their_line_and_the_rest_applies() {
        let source = "[reader]\n\
                      text_width = 5\n\
                      colour = true\n\
                      [keys]\n\
                      quit = \"x\"\n\
                      fly = \"f\"\n\
                      help = [\"hyper-h\"]\n\
                      [panel]\n\
                      side = \"up\"\n\
                      shown = \"yes\"\n\
                      [sound]\n\
                      beep = 1\n";
        let (config, problems) = Config::parse(source);
        let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![2, 3, 6, 7, 9, 10, 11], "{problems:?}");
        assert!(problems[0].message.contains("20 to 400"));
        assert!(problems[2].message.contains("unknown action `fly`"));
        assert!(problems[3].message.contains("hyper-h"));
        assert!(problems[6].message.contains("unknown section `sound`"));
        // What was right still counts.
        assert_eq!(
            press(&config, KeyCode::Char('x'), KeyModifiers::NONE),
            Some(Action::Quit)
        );
        assert_eq!(config.layout.text_width, MAX_TEXT_WIDTH);
        assert!(config.panel);
    }

    #[test]
    fn a_file_that_is_not_toml_leaves_the_defaults() {
        let (config, problems) = Config::parse("[reader\ntext_width = 60\n");
        assert_eq!(config, Config::default());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 1);
        assert!(problems[0].message.contains("not valid TOML"));
    }

    #[test]
    fn the_path_follows_xdg() {
        let os = |s: &str| Some(OsString::from(s));
        let path = |xdg, home| xdg_file(xdg, home, ".config", "config.toml");
        assert_eq!(
            path(os("/x/conf"), os("/home/u")),
            Some(PathBuf::from("/x/conf/byline/config.toml"))
        );
        assert_eq!(
            path(None, os("/home/u")),
            Some(PathBuf::from("/home/u/.config/byline/config.toml"))
        );
        assert_eq!(
            path(os("relative"), os("/home/u")),
            Some(PathBuf::from("/home/u/.config/byline/config.toml"))
        );
        assert_eq!(path(None, None), None);
    }
}
