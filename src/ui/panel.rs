//! The side panel: the people named, and the quotes with their speakers.

use super::{Theme, truncate};
use crate::app::{App, Focus};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, List, ListItem, ListState, StatefulWidget};
use unicode_width::UnicodeWidthStr;

fn frame<'a>(title: String, focused: bool, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        })
        .title(Span::styled(
            format!(" {title} "),
            if focused {
                theme.title_focused
            } else {
                theme.title
            },
        ))
}

fn list_state(selected: usize, len: usize) -> ListState {
    ListState::default().with_selected((len > 0).then_some(selected))
}

pub fn people(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let focused = app.focus == Focus::People;
    let people = app
        .document()
        .map_or(&[][..], |d| d.extraction.people.as_slice());
    let inner_width = usize::from(area.width.saturating_sub(2));
    let items: Vec<ListItem> = people
        .iter()
        .map(|p| {
            let count = format!(" {}", p.mentions.len());
            let name = truncate(&p.name, inner_width.saturating_sub(count.width() + 1));
            let pad = inner_width.saturating_sub(name.width() + count.width());
            ListItem::new(Line::from(vec![
                Span::raw(format!(" {name}")),
                Span::raw(" ".repeat(pad.saturating_sub(1))),
                Span::styled(count, theme.count),
            ]))
        })
        .collect();
    let list = List::new(items)
        .block(frame(format!("People ({})", people.len()), focused, theme))
        .highlight_style(if focused || app.show_person {
            if focused {
                theme.selected
            } else {
                theme.selected_unfocused
            }
        } else {
            ratatui::style::Style::new()
        });
    let mut state = list_state(app.person, people.len());
    StatefulWidget::render(list, area, buf, &mut state);
}

pub fn quotes(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let focused = app.focus == Focus::Quotes;
    let inner_width = usize::from(area.width.saturating_sub(2));
    let (items, count): (Vec<ListItem>, usize) = match app.document() {
        Some(doc) => {
            let x = &doc.extraction;
            let items = x
                .quotes
                .iter()
                .map(|q| {
                    let speaker = match x.speaker_name(q) {
                        Some(name) => Span::styled(
                            format!(" {}", truncate(name, inner_width - 1)),
                            theme.speaker,
                        ),
                        None => Span::styled(" unknown speaker", theme.unknown_speaker),
                    };
                    let words: String = doc.article.text[q.range.clone()]
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ");
                    let quote = truncate(&format!("“{words}”"), inner_width.saturating_sub(3));
                    ListItem::new(vec![Line::from(speaker), Line::from(format!("   {quote}"))])
                })
                .collect();
            (items, x.quotes.len())
        }
        None => (Vec::new(), 0),
    };
    let list = List::new(items)
        .block(frame(format!("Quotes ({count})"), focused, theme))
        .highlight_style(if focused {
            theme.selected
        } else {
            theme.selected_unfocused
        });
    let mut state = list_state(app.quote, count);
    StatefulWidget::render(list, area, buf, &mut state);
}
