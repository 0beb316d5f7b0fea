//! The command line, terminal set-up and teardown, and the event loop.

use anyhow::{Context, Result};
use byline::app::App;
use byline::article::{self, Entry};
use byline::document::Document;
use byline::export;
use byline::render::Renderer;
use byline::ui::Theme;
use clap::{Parser, Subcommand, ValueEnum};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, event, execute};
use std::io::{BufWriter, Write, stdout};
use std::path::{Path, PathBuf};

#[derive(Parser)]
#[command(
    version,
    about = "A terminal news reader that shows who is named and who said what",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    /// Articles or folders of articles (.txt, .md, .json). Without any:
    /// ./assets/ if it exists, else the sample articles built in.
    paths: Vec<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Print the people and quotes found in articles.
    Extract {
        /// json: one object per article (what ../shared/eval/score.py reads).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Text,
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Extract { format, paths }) => extract(format, &paths),
        None => read(&cli.paths),
    }
}

fn extract(format: Format, paths: &[PathBuf]) -> Result<()> {
    let mut docs = Vec::new();
    for Entry { name, article, .. } in article::collect(paths) {
        match article {
            Ok(a) => docs.push(Document::new(a)),
            Err(e) => eprintln!("byline: {name}: {e}"),
        }
    }
    let out = match format {
        Format::Json => export::json(&docs)?,
        Format::Text => export::text(&docs),
    };
    let mut stdout = stdout().lock();
    writeln!(stdout, "{out}")?;
    Ok(())
}

/// Puts the terminal back as it was: raw mode off, main screen, cursor shown.
fn restore_terminal() {
    let _ = disable_raw_mode();
    let _ = execute!(stdout(), LeaveAlternateScreen, cursor::Show);
}

/// Restores the terminal when dropped, on every way out of the reader.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// SIGTERM, SIGHUP (a dropped SSH connection) and SIGQUIT end the reader
/// with the terminal restored, instead of leaving it raw. The handler runs
/// on its own thread, so it may take the time to write to the terminal.
fn restore_on_signals() -> Result<()> {
    use signal_hook::consts::{SIGHUP, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGQUIT])
        .context("cannot install signal handlers")?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            restore_terminal();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

fn read(paths: &[PathBuf]) -> Result<()> {
    let entries = if !paths.is_empty() {
        article::collect(paths)
    } else if Path::new("assets").is_dir() {
        article::collect(&[PathBuf::from("assets")])
    } else {
        article::samples()
    };
    let mut app = App::new(entries);
    let theme = Theme::from_env();

    // A panic must not leave the terminal raw: restore first, then report.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        default_hook(info);
    }));
    restore_on_signals()?;
    enable_raw_mode().context("cannot switch the terminal to raw mode")?;
    let _guard = TerminalGuard;
    execute!(stdout(), EnterAlternateScreen, cursor::Hide)?;
    let (width, height) = crossterm::terminal::size()?;
    // BYLINE_REDRAW=full turns scroll regions off, for terminals that
    // handle them badly.
    let scroll_regions = std::env::var("BYLINE_REDRAW").as_deref() != Ok("full");
    let mut renderer = Renderer::new(BufWriter::new(stdout()), width, height, scroll_regions)?;
    app.resize(width, height);
    renderer.draw(&app, &theme, None)?;
    // Block on input: no ticks, no work while nothing happens.
    while !app.quit {
        let event = event::read()?;
        let (view, scroll) = (app.view(), app.scroll);
        if app.on_event(&event) && !app.quit {
            if let event::Event::Resize(w, h) = event {
                renderer.resize(w, h)?;
            }
            let scrolled = (app.view() == view).then(|| app.scroll as isize - scroll as isize);
            renderer.draw(&app, &theme, scrolled)?;
        }
    }
    Ok(())
}
