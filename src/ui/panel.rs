//! The side panel: each quote's note level with the quote in the text, and
//! below them the people named, with how often.
//!
//! The notes scroll with the text (they are drawn at the text's rows), and
//! the panel has no box around it, only a rule on its inner edge: so a
//! one-line scroll leaves almost every panel cell where the terminal's
//! scroll region puts it, and little has to be written (see `render`).

use super::{Theme, truncate};
use crate::app::{App, Focus, Target};
use crate::layout::Side;
use crate::layout::notes::NOTE_ROWS;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

/// The rule between text and panel, and the panel's content area.
fn rule_and_content(app: &App, area: Rect, theme: &Theme, buf: &mut Buffer) -> Rect {
    let (rule_x, content_x) = match app.prefs().panel_side {
        Side::Right => (area.x, area.x + 2),
        Side::Left => (area.right().saturating_sub(1), area.x + 1),
    };
    for y in area.top()..area.bottom() {
        buf[(rule_x, y)].set_symbol("│").set_style(theme.border);
    }
    Rect {
        x: content_x,
        width: area.width.saturating_sub(3),
        ..area
    }
}

pub fn people(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let area = rule_and_content(app, area, theme, buf);
    if area.height == 0 || area.width == 0 {
        return;
    }
    let focused = app.focus == Focus::People;
    let (people, quotes) = app.document().map_or((&[][..], 0), |d| {
        (d.extraction.people.as_slice(), d.extraction.quotes.len())
    });
    let width = usize::from(area.width);
    // Heading: "People (7)", and the number of quotes at the right.
    // The focused section is named with a pointer too, so that focus shows
    // without colour.
    let pointer = |on: bool| if on { "▸ " } else { "" };
    // While extraction runs there is nothing to count yet.
    let (title, quote_count) = if app.is_extracting() {
        (
            format!("{}People", pointer(focused)),
            format!("{}finding…", pointer(app.focus == Focus::Quotes)),
        )
    } else {
        (
            format!("{}People ({})", pointer(focused), people.len()),
            format!("{}{quotes} quotes", pointer(app.focus == Focus::Quotes)),
        )
    };
    let title_style = if focused {
        theme.title_focused
    } else {
        theme.speaker
    };
    let quotes_style = if app.focus == Focus::Quotes {
        theme.title_focused
    } else {
        theme.count
    };
    let gap = width.saturating_sub(title.width() + quote_count.width());
    let heading = if gap >= 1 {
        Line::from(vec![
            Span::styled(title, title_style),
            Span::raw(" ".repeat(gap)),
            Span::styled(quote_count, quotes_style),
        ])
    } else {
        Line::from(Span::styled(truncate(&title, width), title_style))
    };
    heading.render(Rect { height: 1, ..area }, buf);

    // The list, scrolled so that the selection shows.
    let rows = usize::from(area.height - 1);
    let first = crate::layout::list_window_start(app.person, rows);
    let marked = focused || app.show_person;
    for (i, (y, p)) in (area.y + 1..area.bottom())
        .zip(people.iter().enumerate().skip(first))
        .map(|(y, (i, p))| (i, (y, p)))
    {
        let count = p.mentions.len().to_string();
        let name = truncate(&p.name, width.saturating_sub(count.width() + 1));
        let pad = width.saturating_sub(name.width() + count.width());
        let style = match (i == app.person, focused, marked) {
            (true, true, _) => theme.selected,
            (true, false, true) => theme.selected_unfocused,
            _ => Style::new(),
        };
        Line::from(vec![
            Span::styled(name, style),
            Span::styled(" ".repeat(pad), style),
            Span::styled(count, theme.count.patch(style)),
        ])
        .render(
            Rect {
                y,
                height: 1,
                ..area
            },
            buf,
        );
    }
}

pub fn quotes(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let area = rule_and_content(app, area, theme, buf);
    let Some(doc) = app.document() else { return };
    let x = &doc.extraction;
    let width = usize::from(area.width);
    let top = app.scroll;
    let bottom = top + usize::from(area.height);
    let focused = app.focus == Focus::Quotes;
    // A quote shown beside the people list would have its note hidden
    // under them: the first such note is drawn at the bottom of the notes
    // instead, when that place is free. (Only it moves against the scroll;
    // every other note scrolls with its quote.)
    let page = usize::from(app.areas().text.height);
    let wrapped = app.wrapped();
    let hidden = x.quotes.iter().zip(app.notes()).position(|(q, &row)| {
        let anchor = wrapped.map_or(row, |w| w.row_of(q.marked.start));
        row >= bottom && anchor < top + page
    });
    let free = |at: usize| {
        !app.notes()
            .iter()
            .any(|&r| r < at + NOTE_ROWS && at < r + NOTE_ROWS)
    };
    let lifted = hidden.filter(|_| bottom >= top + NOTE_ROWS && free(bottom - NOTE_ROWS));
    for (i, (q, &row)) in x.quotes.iter().zip(app.notes()).enumerate() {
        let row = if Some(i) == lifted {
            bottom - NOTE_ROWS
        } else {
            row
        };
        if row + NOTE_ROWS <= top {
            continue;
        }
        if row >= bottom {
            continue;
        }
        let chosen = i == app.quote && (focused || app.target == Some(Target::Quote(i)));
        let mark = |style: Style| {
            if chosen && focused {
                style.patch(theme.selected)
            } else if chosen {
                style.patch(theme.selected_unfocused)
            } else {
                style
            }
        };
        let speaker = match x.speaker_name(q) {
            Some(name) => Span::styled(truncate(name, width), mark(theme.speaker)),
            None => Span::styled(
                truncate("unknown speaker", width),
                mark(theme.unknown_speaker),
            ),
        };
        let words: String = doc.article.text[q.range.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let quote = Span::styled(
            truncate(&format!("“{words}”"), width.saturating_sub(2)),
            mark(Style::new()),
        );
        let lines = [
            Line::from(speaker),
            Line::from(vec![Span::raw("  "), quote]),
        ];
        for (k, line) in lines.into_iter().enumerate() {
            let r = row + k;
            if (top..bottom).contains(&r) {
                let y = area.y + u16::try_from(r - top).unwrap_or(0);
                line.render(
                    Rect {
                        y,
                        height: 1,
                        ..area
                    },
                    buf,
                );
            }
        }
    }
}
