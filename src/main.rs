//! The command line, terminal set-up and teardown, and the event loop.

use anyhow::{Context, Result};
use base64::Engine;
use byline::app::{App, Handoff};
use byline::article;
use byline::article::sanitize_line;
use byline::config::{self, Config};
use byline::export;
use byline::loader::{Loaded, Loader};
use byline::render::Renderer;
use byline::state;
use byline::ui::Theme;
use byline::watch;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, event, execute};
use std::io::{BufWriter, Write, stdout};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// How long the first frame waits for the first article before showing
/// that it is loading.
const FIRST_FRAME_WAIT: Duration = Duration::from_millis(50);

/// At most this many waiting messages are taken in before a frame is drawn.
const MAX_BATCH: usize = 4096;

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
    /// Read the configuration from this file instead of
    /// $XDG_CONFIG_HOME/byline/config.toml.
    #[arg(long, value_name = "PATH")]
    config: Option<PathBuf>,
    /// Print the default configuration, with every action and its keys.
    #[arg(long)]
    print_default_config: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Print the people and quotes found in articles.
    Extract {
        /// json: one array, an object per article (what
        /// ../shared/eval/score.py reads); jsonl: an object per line.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Tag person names in a token-per-line (CoNLL) file: TOKEN or
    /// TOKEN<TAB>TAG… per line, a blank line between sentences.
    #[command(group = clap::ArgGroup::new("input").required(true))]
    Tag {
        /// Print TOKEN<TAB>B-PER|I-PER|O per token, blank lines kept ("-": stdin).
        #[arg(long, value_name = "FILE", group = "input")]
        conll: Option<PathBuf>,
        /// Print PER precision, recall and F1 against the file's own tags.
        #[arg(long, value_name = "FILE", group = "input")]
        eval: Option<PathBuf>,
        /// The file's language; detected from its words when left out.
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Print a shell completion script: byline completions bash > …
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): byline man > byline.1
    Man,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    De,
    En,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Jsonl,
    Text,
}

fn main() -> Result<()> {
    match run() {
        // `byline extract … | head` closing the pipe is not an error.
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            Ok(())
        }
        other => other,
    }
}

fn run() -> Result<()> {
    let cli = Cli::parse();
    if cli.print_default_config {
        print!("{}", Config::default_toml());
        return Ok(());
    }
    match cli.command {
        Some(Command::Extract { format, paths }) => extract(format, &paths),
        Some(Command::Tag { conll, eval, lang }) => tag(conll, eval, lang),
        Some(Command::Completions { shell }) => {
            let mut command = Cli::command();
            clap_complete::generate(shell, &mut command, "byline", &mut stdout());
            Ok(())
        }
        Some(Command::Man) => {
            clap_mangen::Man::new(Cli::command()).render(&mut stdout())?;
            Ok(())
        }
        None => read(&cli.paths, load_config(cli.config.as_deref())?),
    }
}

fn extract(format: Format, paths: &[PathBuf]) -> Result<()> {
    let style = match format {
        Format::Json => export::Style::Json,
        Format::Jsonl => export::Style::Jsonl,
        Format::Text => export::Style::Text,
    };
    let mut out = BufWriter::new(stdout().lock());
    export::write(
        &article::list(paths),
        style,
        &mut out,
        &mut std::io::stderr(),
    )?;
    Ok(())
}

fn read_input(path: &Path) -> Result<String> {
    let bytes = if path == Path::new("-") {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut b)?;
        b
    } else {
        std::fs::read(path)
            .with_context(|| sanitize_line(&format!("reading {}", path.display())))?
    };
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn tag(conll: Option<PathBuf>, eval: Option<PathBuf>, lang: Option<LangArg>) -> Result<()> {
    use byline::extract::lang::Lang;
    let lang = lang.map(|l| match l {
        LangArg::De => Lang::De,
        LangArg::En => Lang::En,
    });
    if let Some(path) = eval {
        let (lang, score) = byline::tagger::eval_conll(&read_input(&path)?, lang)?;
        println!(
            "lang {}  PER precision {:.4}  recall {:.4}  F1 {:.4}  (found {}, gold {}, correct {})",
            if lang == Lang::De { "de" } else { "en" },
            score.precision(),
            score.recall(),
            score.f1(),
            score.found,
            score.gold,
            score.correct
        );
    } else if let Some(path) = conll {
        let out = byline::tagger::tag_conll(&read_input(&path)?, lang)?;
        let mut w = BufWriter::new(stdout().lock());
        w.write_all(out.as_bytes())?;
        w.flush()?;
    }
    Ok(())
}

/// Puts the terminal back as it was: raw mode off, main screen, cursor shown.
fn restore_terminal() {
    let _ = disable_raw_mode();
    // The reader may leave a scroll region set between frames.
    let mut out = stdout();
    let _ = out.write_all(b"\x1b[r");
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
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

/// The configuration, and what was wrong with it. A file given with
/// `--config` must exist; the default one may not.
fn load_config(path: Option<&Path>) -> Result<(Config, Vec<String>)> {
    let (path, required) = match path {
        Some(p) => (Some(p.to_path_buf()), true),
        None => (config::default_path(), false),
    };
    let Some(path) = path else {
        return Ok((Config::default(), Vec::new()));
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if !required && e.kind() == std::io::ErrorKind::NotFound => {
            return Ok((Config::default(), Vec::new()));
        }
        Err(e) => {
            return Err(e).with_context(|| format!("cannot read {}", path.display()));
        }
    };
    let (config, problems) = Config::parse(&text);
    let shown = sanitize_line(&path.display().to_string());
    let problems = problems
        .iter()
        .map(|p| sanitize_line(&format!("{shown}: {p}")))
        .collect();
    Ok((config, problems))
}

/// Take the mouse (wheel, clicks) or give it back to the terminal, when
/// `wanted` differs from what is `on`.
fn set_mouse(on: &mut bool, wanted: bool) -> Result<()> {
    if *on != wanted {
        if wanted {
            execute!(stdout(), EnableMouseCapture)?;
        } else {
            execute!(stdout(), DisableMouseCapture)?;
        }
        *on = wanted;
    }
    Ok(())
}

/// What wakes the event loop: a key or resize, or an article from the loader.
enum Message {
    Terminal(event::Event),
    TerminalGone(std::io::Error),
    Loaded(Box<Loaded>),
    /// Files created, changed or removed where the reader looks.
    Files(Vec<PathBuf>),
}

/// Apply one message to the app. Returns whether the screen changes.
fn handle<W: std::io::Write>(
    app: &mut App,
    renderer: &mut Renderer<W>,
    changed_files: &mut ChangedFiles,
    message: Message,
) -> Result<bool> {
    Ok(match message {
        Message::Terminal(event) => {
            let changed = app.on_event(&event);
            if let event::Event::Resize(w, h) = event {
                renderer.resize(w, h)?;
            }
            changed
        }
        Message::Loaded(l) => {
            let Loaded {
                index,
                entry,
                doc,
                again,
            } = *l;
            if again {
                app.reloaded(index, entry, doc)
            } else {
                app.loaded(index, entry, doc)
            }
        }
        Message::Files(paths) => {
            changed_files.add(paths);
            false
        }
        Message::TerminalGone(e) => return Err(e).context("cannot read the terminal"),
    })
}

/// Does what the reader asked of the outside world. Returns whether the
/// screen changes (a browser that cannot start shows the link instead).
fn hand_off(app: &mut App, handoff: Handoff) -> bool {
    match handoff {
        Handoff::Open(url) => match open_in_browser(&url) {
            Ok(()) => false,
            Err(e) => {
                app.status = Some(sanitize_line(&format!("cannot start a browser: {e}")));
                app.link = Some(url);
                true
            }
        },
        Handoff::Copy(text) => {
            // OSC 52: the terminal puts the text on its clipboard. The text
            // is base64, so nothing in it can end the sequence early.
            let mut out = stdout();
            let written = write!(
                out,
                "\x1b]52;c;{}\x07",
                base64::engine::general_purpose::STANDARD.encode(text.as_bytes())
            )
            .and_then(|()| out.flush());
            if let Err(e) = written {
                app.status = Some(sanitize_line(&format!("cannot copy: {e}")));
                return true;
            }
            false
        }
    }
}

/// Starts `$BROWSER` (its first word is the program, the rest arguments),
/// else `xdg-open`, with the link as one argument and no shell; it runs
/// detached from the terminal.
fn open_in_browser(url: &str) -> std::io::Result<()> {
    let browser = std::env::var("BROWSER")
        .ok()
        .filter(|b| !b.trim().is_empty());
    let command = browser.unwrap_or_else(|| "xdg-open".to_string());
    let mut words = command.split_whitespace();
    let program = words.next().unwrap_or("xdg-open");
    let mut child = std::process::Command::new(program)
        .args(words)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()?;
    // Reap it when it ends, so no zombie is left while reading goes on.
    std::thread::spawn(move || child.wait());
    Ok(())
}

/// Paths the watcher reported, waiting for a quiet spell (editors write a
/// file in bursts) before they are read again.
#[derive(Default)]
struct ChangedFiles {
    paths: std::collections::BTreeSet<PathBuf>,
    due: Option<std::time::Instant>,
}

impl ChangedFiles {
    fn add(&mut self, paths: Vec<PathBuf>) {
        self.paths.extend(paths);
        self.due = Some(std::time::Instant::now() + watch::QUIET);
    }

    /// How long the loop may sleep before acting on them.
    fn wait(&self) -> Option<Duration> {
        self.due
            .map(|d| d.saturating_duration_since(std::time::Instant::now()))
    }

    /// Hands the paths to the app and the loader once quiet: a known file
    /// is read again (its error shows if it went away), a new article file
    /// is added to the list. Returns whether the screen changes.
    fn settle(&mut self, app: &mut App, loader: &Loader) -> bool {
        if self.wait().is_none_or(|w| !w.is_zero()) {
            return false;
        }
        self.due = None;
        let mut changed = false;
        for path in std::mem::take(&mut self.paths) {
            let known = app.slots_of_file(&path);
            for &index in &known {
                loader.reload(index);
            }
            // A new file, or new items in a feed already listed.
            if known.is_empty() && !watch::is_article_file(&path) {
                continue;
            }
            for source in article::list(std::slice::from_ref(&path)) {
                let key = source.key();
                if !known.iter().any(|&i| app.slots()[i].key == key) {
                    app.add(&source);
                    loader.add(source);
                    changed = true;
                }
            }
        }
        changed
    }
}

fn read(paths: &[PathBuf], (config, problems): (Config, Vec<String>)) -> Result<()> {
    let watched: Vec<PathBuf> = if !paths.is_empty() {
        paths.to_vec()
    } else if Path::new("assets").is_dir() {
        vec![PathBuf::from("assets")]
    } else {
        Vec::new()
    };
    let sources = if watched.is_empty() {
        article::sample_sources()
    } else {
        article::list(&watched)
    };
    let mut app = App::loading(&sources);
    // Where the reading was left: the state is per user, not per folder.
    let state_path = state::default_path();
    let mut problems = problems;
    if let Some(path) = &state_path {
        let (saved, problem) = state::load(path);
        problems.extend(problem.map(|p| sanitize_line(&p)));
        app.restore(&saved);
    }
    app.keymap = config.keymap;
    app.osc52 = config.osc52;
    // Over SSH a browser would open on the remote machine: show links.
    app.remote = ["SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some());
    app.panel = config.panel;
    app.mouse = config.mouse;
    app.set_prefs(config.layout);
    if let Some(first) = problems.first() {
        let more = match problems.len() {
            1 => String::new(),
            n => format!(
                " (and {} more: listed on the terminal after quitting)",
                n - 1
            ),
        };
        app.status = Some(format!("config {first}{more}"));
    }
    let theme = Theme::chosen(config.theme);
    let (tx, inbox) = mpsc::channel();
    let loaded_tx = tx.clone();
    let files_tx = tx.clone();
    let loader = Loader::spawn(sources, app.take_wanted(), move |l| {
        loaded_tx.send(Message::Loaded(Box::new(l))).is_ok()
    })?;
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
    let mut mouse = false;
    set_mouse(&mut mouse, app.mouse)?;
    let (width, height) = crossterm::terminal::size()?;
    // BYLINE_REDRAW=full turns scroll regions off, for terminals that
    // handle them badly.
    let scroll_regions = std::env::var("BYLINE_REDRAW").as_deref() != Ok("full");
    let mut renderer = Renderer::new(BufWriter::new(stdout()), width, height, scroll_regions)?;
    app.resize(width, height);

    // Terminal events arrive on their own thread, so that the loop can
    // wait on keys and loaded articles at once. Nothing ticks: with no
    // input and no loading, the process sleeps.
    std::thread::Builder::new()
        .name("byline-input".into())
        .spawn(move || {
            loop {
                let message = match event::read() {
                    Ok(e) => Message::Terminal(e),
                    Err(e) => Message::TerminalGone(e),
                };
                let gone = matches!(message, Message::TerminalGone(_));
                if tx.send(message).is_err() || gone {
                    return;
                }
            }
        })?;

    // The first article usually arrives within milliseconds: wait a moment
    // for it rather than draw a "loading" screen that is gone at once.
    let mut changed_files = ChangedFiles::default();
    let deadline = std::time::Instant::now() + FIRST_FRAME_WAIT;
    while app.is_loading() && !app.quit {
        // A flood of listed articles must not hold the first frame back.
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        if left.is_zero() {
            break;
        }
        match inbox.recv_timeout(left) {
            Ok(message) => {
                handle(&mut app, &mut renderer, &mut changed_files, message)?;
            }
            Err(_) => break,
        }
    }
    if let Some(index) = app.take_wanted() {
        loader.want(index);
    }
    renderer.draw(&app, &theme, None)?;
    loader.drawn();
    // New and changed files appear without a restart. Set up after the
    // first frame: the watcher starts a thread and waits for it to take
    // each path, which would hold the first screen back by milliseconds.
    // Not being able to watch (no inotify slots left, say) only costs that.
    let _watching = if watched.is_empty() {
        None
    } else {
        match watch::watch(&watched, move |paths| {
            let _ = files_tx.send(Message::Files(paths));
        }) {
            Ok(w) => Some(w),
            Err(e) => {
                if app.status.is_none() {
                    app.status = Some(sanitize_line(&format!("not watching for new files: {e}")));
                    renderer.draw(&app, &theme, None)?;
                }
                None
            }
        }
    };

    while !app.quit {
        // Sleep until something happens; only changed files waiting for a
        // quiet spell set a timeout.
        let message = match changed_files.wait() {
            None => Some(inbox.recv()?),
            Some(wait) => match inbox.recv_timeout(wait) {
                Ok(m) => Some(m),
                Err(mpsc::RecvTimeoutError::Timeout) => None,
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    return Err(mpsc::RecvError).context("the event channel closed");
                }
            },
        };
        let (view, scroll) = (app.view(), app.scroll);
        let mut changed = false;
        // Take in whatever else is waiting before drawing: a library that
        // loads 10,000 headlines must not cost 10,000 frames.
        for message in message.into_iter().chain(inbox.try_iter().take(MAX_BATCH)) {
            changed |= handle(&mut app, &mut renderer, &mut changed_files, message)?;
        }
        changed |= changed_files.settle(&mut app, &loader);
        if let Some(handoff) = app.take_handoff() {
            changed |= hand_off(&mut app, handoff);
        }
        if let Some(index) = app.take_wanted() {
            loader.want(index);
        }
        if app.take_wanted_all() {
            for index in 0..app.slots().len() {
                loader.extract(index);
            }
        }
        set_mouse(&mut mouse, app.mouse)?;
        if changed && !app.quit {
            let scrolled = (app.view() == view).then(|| app.scroll as isize - scroll as isize);
            renderer.draw(&app, &theme, scrolled)?;
        }
    }
    renderer.finish()?;
    if let Some(path) = &state_path
        && let Err(e) = state::save(path, &app.state())
    {
        // Reported after the screen is restored (the guard runs first).
        drop(_guard);
        eprintln!(
            "byline: cannot save the reading state to {}: {e}",
            path.display()
        );
    }
    Ok(())
}
