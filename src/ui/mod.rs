//! Widgets that draw the state. Nothing here changes it: a frame is a pure
//! function of the [`App`] and the [`Theme`].

mod bars;
mod panel;
mod popup;
mod reader;
pub mod theme;

pub use theme::{Theme, ThemeName};

use crate::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// The whole screen.
pub struct Screen<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for Screen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        let areas = app.areas();
        if !areas.fits {
            Paragraph::new("Terminal too small")
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        bars::header(app, theme, areas.header, buf);
        reader::render(app, theme, areas, buf);
        if let (Some(people), Some(quotes)) = (areas.people, areas.quotes) {
            panel::people(app, theme, people, buf);
            panel::quotes(app, theme, quotes, buf);
        }
        bars::footer(app, theme, areas.footer, buf);
        if let Some(list) = &app.article_list {
            popup::articles(app, theme, list, area, buf);
        }
        if let Some(view) = &app.people_view {
            popup::people_view(app, theme, view, area, buf);
        }
        if app.help {
            popup::help(app, theme, area, buf);
        }
        if let Some(url) = &app.link {
            popup::link(theme, url, area, buf);
        }
    }
}

/// Cut `s` to at most `width` display columns, with an ellipsis if cut.
pub(crate) fn truncate(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in unicode_segmentation::UnicodeSegmentation::graphemes(s, true) {
        let w = g.width();
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::truncate;

    #[test]
    fn truncate_counts_columns() {
        assert_eq!(truncate("Nicolás Maduro", 20), "Nicolás Maduro");
        assert_eq!(truncate("Nicolás Maduro", 8), "Nicolás…");
        assert_eq!(truncate("日本語テキスト", 5), "日本…");
        assert_eq!(truncate("abc", 0), "");
    }
}
