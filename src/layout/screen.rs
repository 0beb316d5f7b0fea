//! Splitting the terminal into header, reading pane, side panel and footer.

use ratatui::layout::Rect;

/// The widest the article text gets; wider panes centre it.
pub const MAX_TEXT_WIDTH: u16 = 80;
/// Below this the screen shows a short "too small" message instead.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;
/// The side panel is left out when the reading pane would get narrower.
const MIN_READER_WITH_PANEL: u16 = 40;

/// Which side of the text the panel goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Side {
    Left,
    #[default]
    Right,
}

/// What the reader may choose about the layout (the configuration).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prefs {
    /// The widest the text gets.
    pub text_width: u16,
    /// Columns of the side panel; `None` sizes it to the terminal.
    pub panel_width: Option<u16>,
    pub panel_side: Side,
}

impl Default for Prefs {
    fn default() -> Prefs {
        Prefs {
            text_width: MAX_TEXT_WIDTH,
            panel_width: None,
            panel_side: Side::Right,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub header: Rect,
    /// The whole reading pane.
    pub reader: Rect,
    /// The column inside the reading pane where text is drawn.
    pub text: Rect,
    pub people: Option<Rect>,
    pub quotes: Option<Rect>,
    pub footer: Rect,
    /// False when the terminal is too small to draw anything useful.
    pub fits: bool,
}

/// The areas for a terminal of `area`, with the side panel if wanted and
/// there is room; `people_rows` is how many rows the people list would like.
pub fn areas(area: Rect, panel: bool, people_rows: u16, prefs: &Prefs) -> Areas {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Areas {
            fits: false,
            ..Areas::default()
        };
    }
    let header = Rect { height: 1, ..area };
    let footer = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let body = Rect {
        y: area.y + 1,
        height: area.height - 2,
        ..area
    };
    let panel_width = prefs
        .panel_width
        .unwrap_or_else(|| (area.width * 35 / 100).clamp(24, 44));
    let show_panel = panel && area.width.saturating_sub(panel_width) >= MIN_READER_WITH_PANEL;
    let (reader, people, quotes) = if show_panel {
        let (reader_x, side_x) = match prefs.panel_side {
            Side::Right => (body.x, body.x + body.width - panel_width),
            Side::Left => (body.x + panel_width, body.x),
        };
        let reader = Rect {
            x: reader_x,
            width: body.width - panel_width,
            ..body
        };
        let side = Rect {
            x: side_x,
            width: panel_width,
            ..body
        };
        // The quotes' notes take the top and scroll with the text beside
        // them; the people stay put below, with a heading row, taking what
        // they need up to half of the panel.
        let people_height = (people_rows + 1).clamp(2, (side.height / 2).max(2));
        let quotes = Rect {
            height: side.height - people_height,
            ..side
        };
        let people = Rect {
            y: quotes.bottom(),
            height: people_height,
            ..side
        };
        (reader, Some(people), Some(quotes))
    } else {
        (body, None, None)
    };
    let text_width = reader
        .width
        .saturating_sub(4)
        .clamp(1, prefs.text_width.max(1));
    let text = Rect {
        x: reader.x + (reader.width - text_width) / 2,
        width: text_width,
        ..reader
    };
    Areas {
        header,
        reader,
        text,
        people,
        quotes,
        footer,
        fits: true,
    }
}

/// A box of at most `width`×`height` centred in `area`.
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// Where the article list pops up in a terminal of `area`.
pub fn article_list(area: Rect) -> Rect {
    let width = area.width.saturating_sub(8).clamp(20, 100);
    let height = area.height.saturating_sub(4);
    centred(area, width, height)
}

/// The first item shown in a list of `rows` rows with `selected` chosen:
/// the window ends at the selection once it has to move.
pub fn list_window_start(selected: usize, rows: usize) -> usize {
    selected.saturating_sub(rows.max(1) - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panel_beside_text_at_80_by_24() {
        let a = areas(Rect::new(0, 0, 80, 24), true, 7, &Prefs::default());
        assert!(a.fits);
        let people = a.people.unwrap();
        let quotes = a.quotes.unwrap();
        assert_eq!(a.reader.width + people.width, 80);
        assert_eq!(people.height + quotes.height, 22);
        assert_eq!(quotes.y, a.reader.y, "notes start level with the text");
        assert_eq!(people.bottom(), a.reader.bottom());
        assert!(a.text.right() <= a.reader.right());
        assert_eq!(people.height, 8, "seven people and a heading");
        let crowded = areas(Rect::new(0, 0, 80, 24), true, 30, &Prefs::default());
        assert_eq!(
            crowded.people.unwrap().height,
            11,
            "at most half of the panel"
        );
    }

    #[test]
    fn wide_terminals_centre_the_text() {
        let a = areas(Rect::new(0, 0, 250, 60), false, 3, &Prefs::default());
        assert_eq!(a.text.width, MAX_TEXT_WIDTH);
        assert_eq!(a.text.x, (250 - 80) / 2);
    }

    #[test]
    fn tiny_terminals_do_not_fit() {
        assert!(!areas(Rect::new(0, 0, 10, 3), true, 3, &Prefs::default()).fits);
        assert!(!areas(Rect::new(0, 0, 0, 0), true, 3, &Prefs::default()).fits);
        // Narrow but drawable: the panel gives way to the text.
        let a = areas(Rect::new(0, 0, 50, 10), true, 3, &Prefs::default());
        assert!(a.fits && a.people.is_none());
    }

    #[test]
    fn the_panel_goes_left_with_the_width_asked_for() {
        let prefs = Prefs {
            text_width: 60,
            panel_width: Some(30),
            panel_side: Side::Left,
        };
        let a = areas(Rect::new(0, 0, 120, 30), true, 5, &prefs);
        let people = a.people.unwrap();
        assert_eq!((people.x, people.width), (0, 30));
        assert_eq!(a.reader.x, 30);
        assert_eq!(a.reader.right(), 120);
        assert_eq!(a.text.width, 60);
        assert!(a.text.x >= a.reader.x);
    }
}
