//! Colours and text styles. The default uses the terminal's own foreground
//! and background and the 16 ANSI colours; with `NO_COLOR` set every style
//! is a modifier only (bold, underline, reverse), so marks stay visible.

use ratatui::style::{Color, Modifier, Style};

/// The themes there are, by the names the configuration uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    /// The terminal's own colours and the 16 ANSI ones.
    #[default]
    Ansi,
    /// No colour at all, as with `NO_COLOR`.
    Mono,
    /// 24-bit colours.
    Truecolor,
}

impl ThemeName {
    pub const ALL: [(&'static str, ThemeName); 3] = [
        ("ansi", ThemeName::Ansi),
        ("mono", ThemeName::Mono),
        ("truecolor", ThemeName::Truecolor),
    ];
}

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

    /// A 24-bit theme for terminals that show true colour, on the
    /// terminal's own background; used only when the configuration asks.
    pub fn truecolor() -> Theme {
        let rgb = |r, g, b| Color::Rgb(r, g, b);
        let accent = rgb(0x3a, 0x9b, 0xdc);
        let muted = rgb(0x8a, 0x8f, 0x98);
        let warm = rgb(0xe0, 0xa4, 0x3a);
        let base = Theme::colour();
        Theme {
            footer_key: base.footer_key.fg(accent),
            status: base.status.fg(warm),
            meta: base.meta.fg(muted),
            notice: base.notice.fg(warm),
            image: base.image.fg(rgb(0xb0, 0x7c, 0xd8)),
            caption: base.caption.fg(muted),
            quote: base.quote.fg(rgb(0x5f, 0xb3, 0x6b)),
            mention: base.mention.fg(warm),
            search_match: base.search_match.fg(Color::Black).bg(warm),
            border: base.border.fg(muted),
            border_focused: base.border_focused.fg(accent),
            title_focused: base.title_focused.fg(accent),
            unknown_speaker: base.unknown_speaker.fg(muted),
            count: base.count.fg(muted),
            error: base.error.fg(rgb(0xe0, 0x5a, 0x4f)),
            ..base
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
        Theme::chosen(ThemeName::Ansi)
    }

    /// The theme `name`, unless `NO_COLOR` asks for none: that always wins.
    pub fn chosen(name: ThemeName) -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::plain(),
            _ => match name {
                ThemeName::Ansi => Theme::colour(),
                ThemeName::Mono => Theme::plain(),
                ThemeName::Truecolor => Theme::truecolor(),
            },
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
