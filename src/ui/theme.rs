//! Colours and text styles. The default uses the terminal's own foreground
//! and background and the 16 ANSI colours; with `NO_COLOR` set every style
//! is a modifier only (bold, underline, reverse), so marks stay visible.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub header: Style,
    pub footer: Style,
    pub footer_key: Style,
    pub status: Style,
    pub headline: Style,
    pub meta: Style,
    pub notice: Style,
    pub image: Style,
    pub caption: Style,
    pub subheading: Style,
    /// A quote in the text.
    pub quote: Style,
    /// A mention of the selected person.
    pub mention: Style,
    /// A search match that is not the current one.
    pub search_match: Style,
    /// The quote, mention or match jumped to.
    pub target: Style,
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub title_focused: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub speaker: Style,
    pub unknown_speaker: Style,
    pub count: Style,
    pub error: Style,
}

impl Theme {
    /// 16-colour theme on the terminal's own background.
    pub fn colour() -> Theme {
        let plain = Style::new();
        Theme {
            header: plain.add_modifier(Modifier::REVERSED),
            footer: plain,
            footer_key: plain.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            status: plain.fg(Color::Yellow),
            headline: plain.add_modifier(Modifier::BOLD),
            meta: plain.fg(Color::DarkGray),
            notice: plain.fg(Color::Yellow),
            image: plain.fg(Color::Magenta),
            caption: plain.fg(Color::DarkGray).add_modifier(Modifier::ITALIC),
            subheading: plain.add_modifier(Modifier::BOLD),
            quote: plain.fg(Color::Green),
            mention: plain.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            search_match: plain.fg(Color::Black).bg(Color::Yellow),
            target: plain.add_modifier(Modifier::REVERSED),
            border: plain.fg(Color::DarkGray),
            border_focused: plain.fg(Color::Cyan),
            title: plain,
            title_focused: plain.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            selected: plain.add_modifier(Modifier::REVERSED),
            selected_unfocused: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            speaker: plain.add_modifier(Modifier::BOLD),
            unknown_speaker: plain.fg(Color::DarkGray).add_modifier(Modifier::ITALIC),
            count: plain.fg(Color::DarkGray),
            error: plain.fg(Color::Red),
        }
    }

    /// `NO_COLOR`: styles only. Quotes are underlined, mentions bold, the
    /// jump target reversed; search matches both underlined and bold.
    pub fn plain() -> Theme {
        let plain = Style::new();
        Theme {
            header: plain.add_modifier(Modifier::REVERSED),
            footer: plain,
            footer_key: plain.add_modifier(Modifier::BOLD),
            status: plain.add_modifier(Modifier::BOLD),
            headline: plain.add_modifier(Modifier::BOLD),
            meta: plain,
            notice: plain.add_modifier(Modifier::BOLD),
            image: plain.add_modifier(Modifier::BOLD),
            caption: plain.add_modifier(Modifier::ITALIC),
            subheading: plain.add_modifier(Modifier::BOLD),
            quote: plain.add_modifier(Modifier::UNDERLINED),
            mention: plain.add_modifier(Modifier::BOLD),
            search_match: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            target: plain.add_modifier(Modifier::REVERSED),
            border: plain,
            border_focused: plain.add_modifier(Modifier::BOLD),
            title: plain,
            title_focused: plain.add_modifier(Modifier::BOLD | Modifier::REVERSED),
            selected: plain.add_modifier(Modifier::REVERSED),
            selected_unfocused: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            speaker: plain.add_modifier(Modifier::BOLD),
            unknown_speaker: plain.add_modifier(Modifier::ITALIC),
            count: plain,
            error: plain.add_modifier(Modifier::BOLD),
        }
    }

    /// The theme the environment asks for: `NO_COLOR` set and not empty
    /// means no colour (https://no-color.org).
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::plain(),
            _ => Theme::colour(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_theme_uses_no_colour_but_keeps_marks_apart() {
        let t = Theme::plain();
        for style in [t.quote, t.mention, t.target, t.search_match, t.selected] {
            assert_eq!(style.fg, None);
            assert_eq!(style.bg, None);
            assert!(!style.add_modifier.is_empty());
        }
        assert_ne!(t.quote, t.mention);
        assert_ne!(t.mention, t.target);
    }
}
