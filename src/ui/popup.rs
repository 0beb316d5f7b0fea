//! Overlays: the help screen and the article list.

use super::{Theme, truncate};
use crate::app::keymap::HELP_ROWS;
use crate::app::{App, ArticleList, PeopleView, library};
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

/// The article's link, shown whole for copying: over SSH a browser would
/// open on the wrong machine.
pub fn link(theme: &Theme, url: &str, area: Rect, buf: &mut Buffer) {
    let width = area.width.saturating_sub(4).clamp(20, 100);
    let inner = usize::from(width.saturating_sub(2)).max(1);
    // Cut the link into rows by columns; it has no spaces to wrap at. A
    // link longer than the screen shows its start.
    let mut rows: Vec<String> = Vec::new();
    let (mut row, mut used) = (String::new(), 0);
    for c in url.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > inner {
            rows.push(std::mem::take(&mut row));
            used = 0;
            if rows.len() >= usize::from(area.height.saturating_sub(6)).max(1) {
                break;
            }
        }
        row.push(c);
        used += w;
    }
    if !row.is_empty() {
        rows.push(row);
    }
    let hint = "Select it with the mouse (m frees the mouse); any key closes.";
    let height = u16::try_from(rows.len() + 4).unwrap_or(u16::MAX);
    let popup = centred(area, width, height);
    Clear.render(popup, buf);
    let block = frame("Link", theme);
    let inner_area = block.inner(popup);
    block.render(popup, buf);
    let lines = rows
        .iter()
        .map(|r| Line::from(r.as_str()))
        .chain([Line::from(""), Line::from(Span::styled(hint, theme.meta))]);
    for (y, line) in (inner_area.y..inner_area.bottom()).zip(lines) {
        line.render(
            Rect {
                y,
                height: 1,
                ..inner_area
            },
            buf,
        );
    }
}

/// A list in a titled frame with row `selected` highlighted, or the
/// `empty` message in its place.
fn framed_list(
    title: &str,
    items: Vec<ListItem>,
    selected: usize,
    empty: Option<&str>,
    theme: &Theme,
    popup: Rect,
    buf: &mut Buffer,
) {
    let block = frame(title, theme);
    if let Some(message) = empty {
        let inner = block.inner(popup);
        block.render(popup, buf);
        Line::from(Span::styled(message, theme.meta)).render(
            Rect {
                height: inner.height.min(1),
                ..inner
            },
            buf,
        );
        return;
    }
    let list = List::new(items)
        .block(block)
        .highlight_style(theme.selected);
    let mut state = ListState::default().with_selected(Some(selected));
    StatefulWidget::render(list, popup, buf, &mut state);
}

/// Pads or cuts `text` to exactly `width` columns.
fn cell(text: &str, width: usize) -> String {
    let t = truncate(text, width);
    let pad = width.saturating_sub(t.width());
    format!("{t}{}", " ".repeat(pad))
}

pub fn articles(app: &App, theme: &Theme, list: &ArticleList, area: Rect, buf: &mut Buffer) {
    let popup = article_list(area);
    Clear.render(popup, buf);
    let inner_width = usize::from(popup.width.saturating_sub(2));
    // Only the rows that show are built: a library can hold 10,000 articles.
    // The window ends at the selection, as a fresh `ListState` would place it.
    let rows = usize::from(popup.height.saturating_sub(2)).max(1);
    let first = list_window_start(list.selected, rows);
    // Columns: mark, headline, source, date; source and date give way on
    // narrow screens.
    let date_width = if inner_width >= 48 { 10 } else { 0 };
    let source_width = if inner_width >= 72 { 16 } else { 0 };
    let gaps = usize::from(date_width > 0) + usize::from(source_width > 0);
    let title_width = inner_width.saturating_sub(2 + date_width + source_width + gaps);
    let slots = app.slots();
    let items: Vec<ListItem> = list
        .rows
        .iter()
        .skip(first)
        .take(rows)
        .filter_map(|&i| slots.get(i).map(|slot| (i, slot)))
        .map(|(i, slot)| {
            // The open article, the ones not yet read, the rest.
            let mark = if i == app.current() {
                "•"
            } else if app.is_read(i) {
                " "
            } else {
                "○"
            };
            let mut spans = vec![Span::raw(format!("{mark} "))];
            match slot.entry.as_ref().map(|e| &e.article) {
                Some(Ok(a)) => spans.push(Span::raw(cell(a.title(), title_width))),
                Some(Err(err)) => spans.push(Span::styled(
                    cell(&format!("{}: {err}", slot.name), title_width),
                    theme.error,
                )),
                // Not read yet: the file name stands in for the headline.
                None => spans.push(Span::styled(cell(&slot.name, title_width), theme.meta)),
            }
            if source_width > 0 {
                let source = library::source(slot).unwrap_or("");
                spans.push(Span::styled(
                    format!(" {}", cell(source, source_width)),
                    theme.meta,
                ));
            }
            if date_width > 0 {
                spans.push(Span::styled(
                    format!(" {}", cell(&library::date_label(slot), date_width)),
                    theme.meta,
                ));
            }
            ListItem::new(Line::from(spans))
        })
        .collect();
    let filter = if list.editing {
        format!(" filter: {}▏", list.filter)
    } else if list.filter.is_empty() {
        String::new()
    } else {
        format!(" filter: {}", list.filter)
    };
    let shown = if list.rows.len() == slots.len() {
        slots.len().to_string()
    } else {
        format!("{} of {}", list.rows.len(), slots.len())
    };
    let title = format!(
        "Articles ({shown}, ○ unread) by {}{filter} — / filters, s sorts",
        list.sort.label(),
    );
    let empty = list
        .rows
        .is_empty()
        .then_some(" no article matches the filter");
    framed_list(
        &title,
        items,
        list.selected - first,
        empty,
        theme,
        popup,
        buf,
    );
}

/// Everyone in the library, or one person's quotes across articles.
pub fn people_view(app: &App, theme: &Theme, view: &PeopleView, area: Rect, buf: &mut Buffer) {
    let popup = article_list(area);
    Clear.render(popup, buf);
    let inner_width = usize::from(popup.width.saturating_sub(2));
    let rows = usize::from(popup.height.saturating_sub(2)).max(1);
    let progress = if view.extracted < view.extractable {
        format!(
            ", reading {} of {} articles…",
            view.extracted, view.extractable
        )
    } else {
        String::new()
    };
    let (title, items, selected): (String, Vec<ListItem>, usize) = match &view.quotes {
        None => {
            let first = list_window_start(view.selected, rows);
            let name_width = inner_width.saturating_sub(26);
            let items = view
                .people
                .iter()
                .skip(first)
                .take(rows)
                .map(|p| {
                    let articles = p.articles();
                    ListItem::new(Line::from(vec![
                        Span::raw(format!(" {}", cell(&p.name, name_width))),
                        Span::styled(
                            format!(
                                "{articles:>4} {:<8}{:>4} {}",
                                if articles == 1 { "article" } else { "articles" },
                                p.quotes.len(),
                                if p.quotes.len() == 1 {
                                    "quote"
                                } else {
                                    "quotes"
                                }
                            ),
                            theme.meta,
                        ),
                    ]))
                })
                .collect();
            (
                format!(
                    "People in all articles ({}{progress}) — Enter: quotes, Esc closes",
                    view.people.len()
                ),
                items,
                view.selected - first,
            )
        }
        Some(q) => {
            let first = list_window_start(q.selected, rows);
            let headline_width = (inner_width / 3).max(8);
            let quote_width = inner_width.saturating_sub(headline_width + 3);
            let items = q
                .items
                .iter()
                .skip(first)
                .take(rows)
                .map(|&(article, quote)| {
                    let (headline, text) = app.quote_line(article, quote).unwrap_or_default();
                    ListItem::new(Line::from(vec![
                        Span::styled(format!(" {}", cell(&headline, headline_width)), theme.meta),
                        Span::raw(format!(" {}", truncate(&format!("„{text}“"), quote_width))),
                    ]))
                })
                .collect();
            (
                format!(
                    "{}: {} quotes — Enter opens the article there, Esc goes back",
                    q.name,
                    q.items.len()
                ),
                items,
                q.selected - first,
            )
        }
    };
    let empty = view.people.is_empty().then_some(" nobody found yet");
    framed_list(&title, items, selected, empty, theme, popup, buf);
}
