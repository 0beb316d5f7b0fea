//! Overlays: the help screen and the article list.

use super::{Theme, truncate};
use crate::app::App;
use crate::app::keymap::HELP_ROWS;
use crate::layout::{article_list, centred, list_window_start};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, BorderType, Borders, Clear, List, ListItem, ListState, StatefulWidget, Widget,
};
use unicode_width::UnicodeWidthStr;

fn frame<'a>(title: &str, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(theme.border_focused)
        .title(Span::styled(format!(" {title} "), theme.title_focused))
}

pub fn help(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let rows: Vec<(String, &str)> = HELP_ROWS
        .iter()
        .map(|(actions, description)| (app.keymap.help_keys(actions), *description))
        .collect();
    let key_width = rows.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
    let text_width = rows.iter().map(|(_, d)| d.width()).max().unwrap_or(0);
    let width = u16::try_from(key_width + text_width + 6).unwrap_or(u16::MAX);
    let height = u16::try_from(rows.len() + 4).unwrap_or(u16::MAX);
    let popup = centred(area, width, height);
    Clear.render(popup, buf);
    let block = frame("Keys — any key closes", theme);
    let inner = block.inner(popup);
    block.render(popup, buf);
    let mut lines: Vec<Line> = rows
        .iter()
        .map(|(keys, description)| {
            Line::from(vec![
                Span::styled(format!(" {keys:<key_width$}  "), theme.footer_key),
                Span::raw(*description),
            ])
        })
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        " Quotes are marked in the text; Enter on a person marks every mention.",
        theme.meta,
    )));
    for (y, line) in (inner.y..inner.bottom()).zip(lines) {
        line.render(
            Rect {
                y,
                height: 1,
                ..inner
            },
            buf,
        );
    }
}

pub fn articles(app: &App, theme: &Theme, selected: usize, area: Rect, buf: &mut Buffer) {
    let popup = article_list(area);
    Clear.render(popup, buf);
    let inner_width = usize::from(popup.width.saturating_sub(2));
    // Only the rows that show are built: a library can hold 10,000 articles.
    // The window ends at the selection, as a fresh `ListState` would place it.
    let rows = usize::from(popup.height.saturating_sub(2)).max(1);
    let first = list_window_start(selected, rows);
    let items: Vec<ListItem> = app
        .slots()
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(i, slot)| {
            // The open article, the ones not yet read, the rest.
            let mark = if i == app.current() {
                "•"
            } else if app.is_read(i) {
                " "
            } else {
                "○"
            };
            let room = inner_width.saturating_sub(3);
            let line = match slot.entry.as_ref().map(|e| &e.article) {
                Some(Ok(a)) => Line::from(vec![
                    Span::raw(format!("{mark} ")),
                    Span::raw(truncate(a.title(), room)),
                ]),
                Some(Err(err)) => Line::from(vec![
                    Span::raw(format!("{mark} ")),
                    Span::styled(
                        truncate(&format!("{}: {err}", slot.name), room),
                        theme.error,
                    ),
                ]),
                // Not read yet: the file name stands in for the headline.
                None => Line::from(vec![
                    Span::raw(format!("{mark} ")),
                    Span::styled(truncate(&slot.name, room), theme.meta),
                ]),
            };
            ListItem::new(line)
        })
        .collect();
    let list = List::new(items)
        .block(frame(
            &format!(
                "Articles ({}, ○ unread) — Enter opens, Esc closes",
                app.slots().len()
            ),
            theme,
        ))
        .highlight_style(theme.selected);
    let mut state = ListState::default().with_selected(Some(selected - first));
    StatefulWidget::render(list, popup, buf, &mut state);
}
