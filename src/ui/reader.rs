//! The reading pane: the wrapped article with quotes, the selected person's
//! mentions, search matches and the jump target marked.

use super::Theme;
use crate::app::App;
use crate::layout::{Areas, IMAGE_PREFIX, LineKind};
use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use std::ops::Range;

/// A styled stretch of the text; later marks are drawn over earlier ones.
struct Mark {
    range: Range<usize>,
    style: Style,
}

fn marks(app: &App, theme: &Theme) -> Vec<Mark> {
    let mut out = Vec::new();
    let Some(doc) = app.document() else {
        return out;
    };
    let x = &doc.extraction;
    out.extend(x.quotes.iter().map(|q| Mark {
        range: q.marked.clone(),
        style: theme.quote,
    }));
    if app.show_person
        && let Some(p) = x.people.get(app.person)
    {
        out.extend(p.mentions.iter().map(|m| Mark {
            range: m.clone(),
            style: theme.mention,
        }));
    }
    if let Some(search) = &app.search {
        out.extend(search.matches.iter().map(|m| Mark {
            range: m.clone(),
            style: theme.search_match,
        }));
    }
    if let Some(range) = app.target.and_then(|t| app.target_range(t)) {
        out.push(Mark {
            range,
            style: theme.target,
        });
    }
    out
}

/// One row of article text, cut where marks begin and end.
fn styled_row(text: &str, row: Range<usize>, base: Style, marks: &[Mark]) -> Vec<Span<'static>> {
    let mut cuts = vec![row.start, row.end];
    for m in marks {
        for p in [m.range.start, m.range.end] {
            if p > row.start && p < row.end && text.is_char_boundary(p) {
                cuts.push(p);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            let style = marks
                .iter()
                .filter(|m| m.range.start <= a && b <= m.range.end)
                .fold(base, |s, m| s.patch(m.style));
            let shown: String = text[a..b]
                .chars()
                .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
                .collect();
            Span::styled(shown, style)
        })
        .collect()
}

pub fn render(app: &App, theme: &Theme, areas: &Areas, buf: &mut Buffer) {
    let area = areas.text;
    let Some(doc) = app.document() else {
        let name = app
            .slots()
            .get(app.current())
            .map_or("", |e| e.name.as_str());
        let message = match app.load_error() {
            Some(e) => format!("Cannot show {name}: {e}"),
            None if app.is_loading() => format!("Loading {name}…"),
            None => "No articles found. Give files or folders: byline PATH…".to_string(),
        };
        Paragraph::new(message)
            .style(theme.error)
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return;
    };
    let Some(wrapped) = app.wrapped() else { return };
    let text = &doc.article.text;
    let marks = marks(app, theme);
    let rows = wrapped
        .lines
        .iter()
        .skip(app.scroll)
        .take(usize::from(area.height));
    // The row above the first one shown decides whether an image name
    // continues from there (then it gets no marker again).
    let mut previous_kind = app
        .scroll
        .checked_sub(1)
        .and_then(|above| wrapped.lines.get(above))
        .map(|l| l.kind);
    for (y, line) in (area.y..).zip(rows) {
        let continued_image = previous_kind == Some(LineKind::Image);
        previous_kind = Some(line.kind);
        let row_area = ratatui::layout::Rect {
            y,
            height: 1,
            ..area
        };
        let spans = match (line.kind, &line.label) {
            (LineKind::Blank, _) => continue,
            (kind, Some(label)) => {
                let style = if kind == LineKind::Notice {
                    theme.notice
                } else {
                    theme.meta
                };
                vec![Span::styled(label.clone(), style)]
            }
            (LineKind::Image, None) => {
                // The marker stands on the first row of a long file name only.
                let prefix = if continued_image {
                    " ".repeat(IMAGE_PREFIX.chars().count())
                } else {
                    IMAGE_PREFIX.to_string()
                };
                let mut spans = vec![Span::styled(prefix, theme.image)];
                spans.extend(styled_row(text, line.range.clone(), theme.image, &marks));
                spans
            }
            (kind, None) => {
                let base = match kind {
                    LineKind::Headline => theme.headline,
                    LineKind::Caption => theme.caption,
                    LineKind::Subheading => theme.subheading,
                    _ => Style::new(),
                };
                styled_row(text, line.range.clone(), base, &marks)
            }
        };
        Line::from(spans).render(row_area, buf);
    }
}
