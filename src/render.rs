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
use crossterm::queue;
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::io::{self, Write};
use std::ops::Range;

pub struct Renderer<W: Write> {
    terminal: Terminal<CrosstermBackend<W>>,
    /// The frame on screen, to shift when the text scrolls.
    last: Option<Buffer>,
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
    pub fn new(writer: W, width: u16, height: u16, scroll_regions: bool) -> io::Result<Self> {
        let area = Rect::new(0, 0, width, height);
        let terminal = Terminal::with_options(
            CrosstermBackend::new(writer),
            TerminalOptions {
                viewport: Viewport::Fixed(area),
            },
        )?;
        Ok(Renderer {
            terminal,
            last: None,
            scroll_regions,
        })
    }

    /// The terminal changed size: the next frame is drawn in full.
    pub fn resize(&mut self, width: u16, height: u16) -> io::Result<()> {
        self.terminal.resize(Rect::new(0, 0, width, height))?;
        self.last = None;
        Ok(())
    }

    /// Draw the app. `scrolled` is by how many rows the text moved since the
    /// last frame when nothing else changed, `None` otherwise.
    pub fn draw(&mut self, app: &App, theme: &Theme, scrolled: Option<isize>) -> io::Result<()> {
        let area = self.terminal.current_buffer_mut().area;
        let mut next = Buffer::empty(area);
        Screen { app, theme }.render(area, &mut next);
        queue!(self.terminal.backend_mut(), BeginSynchronizedUpdate)?;
        let rows = app.areas().reader.top()..app.areas().reader.bottom();
        let span = rows.end.saturating_sub(rows.start) as usize;
        if let (true, Some(delta), Some(last)) = (self.scroll_regions, scrolled, &self.last) {
            let n = delta.unsigned_abs();
            if n > 0 && n < span && last.area == area {
                let amount = u16::try_from(n).unwrap_or(u16::MAX);
                if delta > 0 {
                    self.terminal
                        .backend_mut()
                        .scroll_region_up(rows.clone(), amount)?;
                } else {
                    self.terminal
                        .backend_mut()
                        .scroll_region_down(rows.clone(), amount)?;
                }
                let mut on_screen = shifted(last, &rows, delta);
                write_rows_whole(&mut on_screen, &next, &rows, delta);
                *self.terminal.current_buffer_mut() = on_screen;
                self.terminal.swap_buffers();
            }
        }
        // ratatui's own pipeline minus the cursor handling (the cursor is
        // hidden once, at start): diff against the previous frame, write.
        *self.terminal.current_buffer_mut() = next.clone();
        self.terminal.flush()?;
        self.terminal.swap_buffers();
        self.last = Some(next);
        queue!(self.terminal.backend_mut(), EndSynchronizedUpdate)?;
        Backend::flush(self.terminal.backend_mut())
    }
}

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
        if let (Some(first), Some(last)) = (first, last) {
            for x in first..=last {
                // Never drawn: this buffer only stands for the screen.
                on_screen[(x, y)].set_symbol("\u{e000}");
            }
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
        assert!(regions < 150, "panel hidden: {regions} B per step");
        assert!(
            with_panel < full,
            "panel shown: {with_panel} B vs full {full} B"
        );
    }
}
