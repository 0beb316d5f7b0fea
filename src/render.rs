//! Writing frames to a real terminal, with as few bytes as the change needs.
//!
//! ratatui redraws by diffing the new frame against the last one, which for
//! a one-line scroll means rewriting every row of text. When only the
//! scroll position changed, the terminal is asked to shift the rows itself
//! (a scroll region: DECSTBM, then SU/SD), the remembered last frame is
//! shifted the same way and handed to ratatui as "what is on screen", and
//! ratatui's diff then writes only what is really new: the rows that came
//! into view, the side panel beside them (a scroll region spans whole rows)
//! and the footer. Every frame is one synchronized update.

use crate::app::App;
use crate::ui::{Screen, Theme};
use crossterm::cursor::{MoveRight, MoveTo};
use crossterm::queue;
use crossterm::style::{Attribute, Colors, Print, SetAttribute, SetColors};
use crossterm::terminal::{BeginSynchronizedUpdate, Clear, ClearType, EndSynchronizedUpdate};
use ratatui::backend::IntoCrossterm;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use ratatui::widgets::Widget;
use std::io::{self, Write};
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

pub struct Renderer<W: Write> {
    out: W,
    area: Rect,
    /// The frame on screen; `None` when the next one must be drawn whole.
    last: Option<Buffer>,
    /// The scroll region the terminal has set (rows), if any: it is left in
    /// place between frames, so a run of scroll steps sets it once.
    region: Option<Range<u16>>,
    /// Whether to use scroll regions (off: plain diffed redraws).
    scroll_regions: bool,
}

/// `last` with the rows of `rows` moved up by `delta` (down when negative),
/// as the terminal moves them; rows scrolled in are blank.
fn shifted(last: &Buffer, rows: &Range<u16>, delta: isize) -> Buffer {
    let mut out = last.clone();
    let area = last.area;
    for y in rows.clone() {
        let source = y as isize + delta;
        let inside = source >= rows.start as isize && source < rows.end as isize;
        for x in area.left()..area.right() {
            out[(x, y)] = if inside {
                last[(x, source as u16)].clone()
            } else {
                Cell::default()
            };
        }
    }
    out
}

impl<W: Write> Renderer<W> {
    pub fn new(out: W, width: u16, height: u16, scroll_regions: bool) -> io::Result<Self> {
        Ok(Renderer {
            out,
            area: Rect::new(0, 0, width, height),
            last: None,
            region: None,
            scroll_regions,
        })
    }

    /// The terminal changed size: the next frame is drawn in full.
    pub fn resize(&mut self, width: u16, height: u16) -> io::Result<()> {
        self.area = Rect::new(0, 0, width, height);
        self.last = None;
        Ok(())
    }

    /// Draw the app. `scrolled` is by how many rows the text moved since the
    /// last frame when nothing else changed, `None` otherwise.
    pub fn draw(&mut self, app: &App, theme: &Theme, scrolled: Option<isize>) -> io::Result<()> {
        let area = self.area;
        let mut next = Buffer::empty(area);
        Screen { app, theme }.render(area, &mut next);
        queue!(self.out, BeginSynchronizedUpdate)?;
        let rows = app.areas().reader.top()..app.areas().reader.bottom();
        let span = rows.end.saturating_sub(rows.start) as usize;
        let on_screen = match (self.last.take(), scrolled) {
            (Some(last), Some(delta))
                if self.scroll_regions
                    && last.area == area
                    && delta != 0
                    && delta.unsigned_abs() < span =>
            {
                self.scroll(&rows, delta)?;
                let mut on_screen = shifted(&last, &rows, delta);
                write_rows_whole(&mut on_screen, &next, &rows, delta);
                on_screen
            }
            (Some(last), _) if last.area == area => last,
            _ => {
                // Drawn whole: start from a clear screen, so only the cells
                // with something in them need writing.
                self.reset_region()?;
                queue!(self.out, Clear(ClearType::All))?;
                Buffer::empty(area)
            }
        };
        write_cells(&mut self.out, on_screen.diff(&next))?;
        self.last = Some(next);
        queue!(self.out, EndSynchronizedUpdate)?;
        self.out.flush()
    }

    /// Move `rows` of the screen up by `delta` (down when negative).
    fn scroll(&mut self, rows: &Range<u16>, delta: isize) -> io::Result<()> {
        if self.region.as_ref() != Some(rows) {
            // DECSTBM, 1-based and inclusive.
            write!(self.out, "\x1b[{};{}r", rows.start + 1, rows.end)?;
            self.region = Some(rows.clone());
        }
        let n = delta.unsigned_abs();
        if delta > 0 {
            write!(self.out, "\x1b[{n}S")
        } else {
            write!(self.out, "\x1b[{n}T")
        }
    }

    /// Give the terminal back its whole screen as the scroll region.
    fn reset_region(&mut self) -> io::Result<()> {
        if self.region.take().is_some() {
            write!(self.out, "\x1b[r")?;
        }
        Ok(())
    }

    /// Before leaving: no scroll region left behind.
    pub fn finish(&mut self) -> io::Result<()> {
        self.reset_region()?;
        self.out.flush()
    }
}

/// Write `cells` (from a buffer diff) with as few bytes as it takes: a
/// cursor move only where the next cell is not where the cursor already is,
/// a style change only where the style changes, one reset at the end.
fn write_cells<'a>(
    out: &mut impl Write,
    cells: impl IntoIterator<Item = (u16, u16, &'a Cell)>,
) -> io::Result<()> {
    let (mut fg, mut bg, mut modifier) = (Color::Reset, Color::Reset, Modifier::empty());
    let mut cursor: Option<(u16, u16)> = None;
    for (x, y, cell) in cells {
        match cursor {
            Some((cx, cy)) if cy == y && cx == x => {}
            // Forward on the same row: "ESC [ n C" is shorter than a move.
            Some((cx, cy)) if cy == y && cx < x => queue!(out, MoveRight(x - cx))?,
            _ => queue!(out, MoveTo(x, y))?,
        }
        if cell.modifier != modifier {
            write_modifier_change(out, modifier, cell.modifier)?;
            modifier = cell.modifier;
        }
        if cell.fg != fg || cell.bg != bg {
            queue!(
                out,
                SetColors(Colors::new(
                    cell.fg.into_crossterm(),
                    cell.bg.into_crossterm()
                ))
            )?;
            fg = cell.fg;
            bg = cell.bg;
        }
        let symbol = cell.symbol();
        queue!(out, Print(symbol))?;
        let width = u16::try_from(symbol.width().max(1)).unwrap_or(1);
        cursor = Some((x.saturating_add(width), y));
    }
    if fg != Color::Reset || bg != Color::Reset || !modifier.is_empty() {
        queue!(out, SetAttribute(Attribute::Reset))?;
    }
    Ok(())
}

/// The attribute changes from `from` to `to`. Bold and dim share one
/// "normal intensity" reset, so removing one re-adds the other.
fn write_modifier_change(out: &mut impl Write, from: Modifier, to: Modifier) -> io::Result<()> {
    let removed = from - to;
    let added = to - from;
    let intensity_reset = removed.intersects(Modifier::BOLD | Modifier::DIM);
    let removals = [
        (Modifier::REVERSED, Attribute::NoReverse),
        (Modifier::ITALIC, Attribute::NoItalic),
        (Modifier::UNDERLINED, Attribute::NoUnderline),
        (Modifier::CROSSED_OUT, Attribute::NotCrossedOut),
        (Modifier::HIDDEN, Attribute::NoHidden),
    ];
    for (m, attribute) in removals {
        if removed.contains(m) {
            queue!(out, SetAttribute(attribute))?;
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        queue!(out, SetAttribute(Attribute::NoBlink))?;
    }
    if intensity_reset {
        queue!(out, SetAttribute(Attribute::NormalIntensity))?;
    }
    let additions = [
        (Modifier::REVERSED, Attribute::Reverse),
        (Modifier::ITALIC, Attribute::Italic),
        (Modifier::UNDERLINED, Attribute::Underlined),
        (Modifier::CROSSED_OUT, Attribute::CrossedOut),
        (Modifier::HIDDEN, Attribute::Hidden),
        (Modifier::SLOW_BLINK, Attribute::SlowBlink),
        (Modifier::RAPID_BLINK, Attribute::RapidBlink),
    ];
    for (m, attribute) in additions {
        if added.contains(m) {
            queue!(out, SetAttribute(attribute))?;
        }
    }
    // After an intensity reset, whichever of bold and dim remains comes back.
    for (m, attribute) in [
        (Modifier::BOLD, Attribute::Bold),
        (Modifier::DIM, Attribute::Dim),
    ] {
        if to.contains(m) && (intensity_reset || added.contains(m)) {
            queue!(out, SetAttribute(attribute))?;
        }
    }
    Ok(())
}

/// A cursor jump ("ESC [ row ; col H") takes about this many bytes.
const MAX_WRITTEN_GAP: u16 = 7;

/// In the rows a scroll brought into view, make every cell from the first
/// to the last one with content differ from what the diff compares with, so
/// that ratatui writes the row as one run of characters instead of jumping
/// the cursor over each space between words.
fn write_rows_whole(on_screen: &mut Buffer, next: &Buffer, rows: &Range<u16>, delta: isize) {
    let n = delta.unsigned_abs() as u16;
    let new_rows = if delta > 0 {
        rows.end.saturating_sub(n)..rows.end
    } else {
        rows.start..rows.start.saturating_add(n).min(rows.end)
    };
    let area = next.area;
    for y in new_rows {
        let filled = |x: u16| next[(x, y)] != Cell::default();
        let first = (area.left()..area.right()).find(|&x| filled(x));
        let last = (area.left()..area.right()).rev().find(|&x| filled(x));
        let (Some(first), Some(last)) = (first, last) else {
            continue;
        };
        // Short gaps (between words) are cheaper written as spaces than
        // jumped over; a long one (text to panel) costs less as a jump.
        let mut x = first;
        while x <= last {
            let gap_end = (x..=last).find(|&g| filled(g)).unwrap_or(last + 1);
            if gap_end - x <= MAX_WRITTEN_GAP {
                for g in x..gap_end {
                    // Never drawn: this buffer only stands for the screen.
                    on_screen[(g, y)].set_symbol("\u{e000}");
                }
            }
            let run_end = (gap_end..=last).find(|&g| !filled(g)).unwrap_or(last + 1);
            for g in gap_end..run_end {
                on_screen[(g, y)].set_symbol("\u{e000}");
            }
            x = run_end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;
    use crate::article::samples;
    use std::cell::Cell as Counter;
    use std::rc::Rc;

    /// A writer that only counts the bytes it is given.
    struct Counting(Rc<Counter<usize>>);

    impl Write for Counting {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.set(self.0.get() + buf.len());
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// Bytes written for one scroll step, and the frame drawn.
    fn step_bytes(panel: bool, scroll_regions: bool) -> usize {
        let mut app = App::new(samples());
        app.resize(100, 30);
        if !panel {
            app.apply(Action::TogglePanel);
        }
        let count = Rc::new(Counter::new(0));
        let mut r = Renderer::new(Counting(count.clone()), 100, 30, scroll_regions).unwrap();
        r.draw(&app, &Theme::colour(), None).unwrap();
        let mut total = 0;
        for _ in 0..10 {
            let before = count.get();
            let (view, scroll) = (app.view(), app.scroll);
            app.apply(Action::LineDown);
            let delta = (app.view() == view).then(|| app.scroll as isize - scroll as isize);
            r.draw(&app, &Theme::colour(), delta).unwrap();
            total += count.get() - before;
        }
        total / 10
    }

    #[test]
    fn shifting_moves_rows_and_blanks_the_new_ones() {
        let mut b = Buffer::empty(Rect::new(0, 0, 3, 4));
        for y in 0..4 {
            b[(0, y)].set_symbol(&y.to_string());
        }
        let up = shifted(&b, &(1..4), 1);
        let col: Vec<&str> = (0..4).map(|y| up[(0, y)].symbol()).collect();
        assert_eq!(col, vec!["0", "2", "3", " "]);
        let down = shifted(&b, &(1..4), -1);
        let col: Vec<&str> = (0..4).map(|y| down[(0, y)].symbol()).collect();
        assert_eq!(col, vec!["0", " ", "1", "2"]);
    }

    #[test]
    fn a_scroll_step_writes_a_line_not_a_screen() {
        let full = step_bytes(false, false);
        let regions = step_bytes(false, true);
        let with_panel = step_bytes(true, true);
        eprintln!("bytes per step: full {full}, scroll regions {regions}, with panel {with_panel}");
        // A full redraw rewrites ~28 rows of text; a scrolled one, one row
        // and the footer.
        assert!(
            regions * 8 < full,
            "scroll regions {regions} B vs full {full} B"
        );
        // less writes about 72 bytes for the same step at this size
        // (BENCHMARKS.md); the goals are 1.5x without the panel, 8x with.
        assert!(regions <= 108, "panel hidden: {regions} B per step");
        assert!(with_panel <= 576, "panel shown: {with_panel} B per step");
        assert!(
            with_panel * 4 < full,
            "panel shown: {with_panel} B vs full {full} B"
        );
    }
}
