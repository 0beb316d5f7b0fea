//! The header (which article) and the footer (where in it, main keys,
//! search prompt, messages).

use super::{Theme, truncate};
use crate::app::{Action, App};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

pub fn header(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.header);
    let total = app.slots().len();
    let name = app
        .slots()
        .get(app.current())
        .map_or("no articles", |e| e.name.as_str());
    let text = format!(" byline  {}/{}  {}", app.current() + 1, total.max(1), name);
    Line::from(truncate(&text, usize::from(area.width)))
        .style(theme.header)
        .render(area, buf);
}

/// The keys the footer names, with a short word for each.
const HINTS: &[(Action, &str)] = &[
    (Action::FocusNext, "focus"),
    (Action::Activate, "jump"),
    (Action::Next, "next"),
    (Action::Search, "search"),
    (Action::Articles, "articles"),
    (Action::Help, "help"),
    (Action::Quit, "quit"),
];

pub fn footer(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let position = format!(" {:>3}% ", app.percent());
    let room = width.saturating_sub(position.width());
    let left: Line = if let Some(search) = app.search.as_ref().filter(|s| s.editing) {
        Line::from(vec![
            Span::styled("/", theme.footer_key),
            Span::raw(truncate(&search.query, room.saturating_sub(2))),
            Span::styled("▏", theme.footer_key),
        ])
    } else if let Some(status) = &app.status {
        Line::from(Span::styled(truncate(status, room), theme.status))
    } else if let Some(search) = &app.search {
        let text = format!(
            "/{}  {} matches  n/N step  Esc end",
            search.query,
            search.matches.len()
        );
        Line::from(Span::styled(truncate(&text, room), theme.status))
    } else {
        let mut spans = Vec::new();
        let mut used = 0;
        for (action, word) in HINTS {
            let key = if *action == Action::Next {
                let (next, previous) = (
                    app.keymap.first_key(Action::Next),
                    app.keymap.first_key(Action::Previous),
                );
                format!("{next}/{previous}")
            } else {
                app.keymap.first_key(*action)
            };
            let piece = format!(" {key} {word} ");
            if used + piece.width() > room {
                break;
            }
            used += piece.width();
            spans.push(Span::styled(format!(" {key}"), theme.footer_key));
            spans.push(Span::styled(format!(" {word} "), theme.footer));
        }
        Line::from(spans)
    };
    left.render(area, buf);
    let x = area.right().saturating_sub(position.width() as u16);
    buf.set_string(x, area.y, &position, theme.footer);
}
