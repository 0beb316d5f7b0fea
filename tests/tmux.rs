//! End to end through a real terminal: the built binary runs in tmux, keys
//! are sent as a person would type them, and the screen is read back.
//!
//! Needs tmux. Without it the test says so and passes, unless
//! BYLINE_REQUIRE_TMUX=1 (set by CI), where a missing tmux fails.

use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    fn screen_with_styles(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-e", "-t", "t"]).stdout)
            .into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    fn format(&self, f: &str) -> String {
        let out = self.run(&["display-message", "-p", "-t", "t", f]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Wait until the screen satisfies `ok`, or fail with the last screen.
    fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(10) {
                let state = self.format("#{alternate_on} #{pane_current_command} #{pane_dead}");
                panic!("timed out waiting for {what} (pane: {state}); screen:\n{screen}");
            }
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

impl Tmux {
    /// byline (with `args`) in an 80×24 tmux window. When byline ends, the
    /// shell prints its exit status and whether the terminal is back in
    /// cooked mode, and keeps the pane open to be read.
    fn start(name: &str, args: &[&str]) -> Tmux {
        Tmux::start_recording(name, args, None)
    }

    /// As `start`, and when `record` is given, every byte byline writes to
    /// the terminal is appended to that file (tmux pipe-pane).
    fn start_recording(name: &str, args: &[&str], record: Option<&std::path::Path>) -> Tmux {
        let tmux = Tmux {
            socket: format!("byline-test-{name}-{}", std::process::id()),
        };
        // Give pipe-pane time to attach before byline draws.
        let pause = if record.is_some() { "sleep 0.5; " } else { "" };
        let binary = env!("CARGO_BIN_EXE_byline");
        let root = env!("CARGO_MANIFEST_DIR");
        let args: String = args.iter().map(|a| format!(" '{a}'")).collect();
        let command = format!(
            "{pause}'{binary}'{args}; echo \"byline exited $?\"; stty -a | grep -o -- '-*icanon' ; sleep 60"
        );
        let started = tmux.run(&[
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            "80",
            "-y",
            "24",
            "-c",
            root,
            "-e",
            "TERM=xterm-256color",
            &command,
        ]);
        assert!(started.status.success(), "tmux: {started:?}");
        if let Some(path) = record {
            let pipe = format!("cat >> '{}'", path.display());
            let piped = tmux.run(&["pipe-pane", "-o", "-t", "t", &pipe]);
            assert!(piped.status.success(), "pipe-pane: {piped:?}");
        }
        tmux
    }

    /// The pid of the byline process in the pane (the shell's child).
    fn byline_pid(&self) -> String {
        let shell = self.format("#{pane_pid}");
        let out = Command::new("pgrep")
            .args(["-P", &shell])
            .output()
            .expect("pgrep runs");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or_default()
            .trim()
            .to_string()
    }
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn reader_in_a_real_terminal() {
    if !tmux_available() {
        assert!(
            std::env::var("BYLINE_REQUIRE_TMUX").as_deref() != Ok("1"),
            "tmux is required here but missing"
        );
        eprintln!("tmux not installed: end-to-end test skipped");
        return;
    }
    let tmux = Tmux::start("main", &[]);
    // The seed article opens first, with its people and quotes beside it.
    let screen = tmux.wait_for("the people panel", |s| s.contains("People (7)"));
    assert!(screen.contains("Venezuela und Russland"), "{screen}");
    assert!(screen.contains("Nicolás Maduro"), "{screen}");
    assert!(screen.contains("Quotes ("), "{screen}");
    assert!(screen.contains("  0%"), "{screen}");

    // j scrolls the text by one line.
    let first_text_line = screen.lines().nth(1).unwrap_or_default().to_string();
    tmux.keys(&["j"]);
    tmux.wait_for("a scrolled text", |s| {
        s.lines().nth(1) != Some(first_text_line.as_str())
    });

    // Tab focuses the people list (its border turns thick); Tab again the quotes.
    tmux.keys(&["Tab"]);
    tmux.wait_for("people focused", |s| s.contains("┏ People (7)"));
    tmux.keys(&["Tab"]);
    tmux.wait_for("quotes focused", |s| s.contains("┏ Quotes ("));

    // Enter on the last quote scrolls the text to it and marks it reversed.
    tmux.keys(&["End", "Enter"]);
    let screen = tmux.wait_for("the jump", |s| !s.contains("  0%") && !s.contains("  1%"));
    let styled = tmux.screen_with_styles();
    assert!(
        styled.contains("\u{1b}[7m"),
        "reverse video for the target:\n{screen}"
    );

    // ? shows the help; any key closes it.
    tmux.keys(&["?"]);
    tmux.wait_for("help", |s| s.contains("Keys — any key closes"));
    tmux.keys(&["Escape"]);
    tmux.wait_for("help closed", |s| !s.contains("Keys — any key closes"));

    // q quits with status 0 and leaves the alternate screen.
    tmux.keys(&["q"]);
    let screen = tmux.wait_for("the exit", |s| s.contains("icanon"));
    assert!(screen.contains("byline exited 0"), "{screen}");
    assert!(screen.contains("\nicanon"), "cooked mode again:\n{screen}");
    assert!(
        !screen.contains("People (7)"),
        "the reader's screen is gone:\n{screen}"
    );
    assert_eq!(tmux.format("#{alternate_on}"), "0", "alternate screen left");
}

/// SIGTERM and SIGHUP (a dropped SSH connection) end byline with the
/// terminal restored.
#[test]
fn signals_restore_the_terminal() {
    if !tmux_available() {
        assert!(
            std::env::var("BYLINE_REQUIRE_TMUX").as_deref() != Ok("1"),
            "tmux is required here but missing"
        );
        return;
    }
    for (signal, status) in [("TERM", 143), ("HUP", 129)] {
        let tmux = Tmux::start(&format!("sig{signal}"), &[]);
        tmux.wait_for("the reader", |s| s.contains("People (7)"));
        let pid = tmux.byline_pid();
        assert!(!pid.is_empty(), "byline runs in the pane");
        let killed = Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status();
        assert!(killed.is_ok_and(|s| s.success()));
        let screen = tmux.wait_for("the exit", |s| s.contains("icanon"));
        assert!(
            screen.contains(&format!("byline exited {status}")),
            "{screen}"
        );
        assert!(screen.contains("\nicanon"), "cooked mode again:\n{screen}");
        assert_eq!(tmux.format("#{alternate_on}"), "0", "alternate screen left");
    }
}

/// Escape sequences in an article (and in its file name) never reach the
/// terminal: the bytes byline writes hold none of them, and the reader
/// shows placeholders instead and still answers keys.
#[test]
fn hostile_article_bytes_never_reach_the_terminal() {
    if !tmux_available() {
        assert!(
            std::env::var("BYLINE_REQUIRE_TMUX").as_deref() != Ok("1"),
            "tmux is required here but missing"
        );
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let article = "Evil \u{1b}]0;PWNED-TITLE\u{7}headline\n\n\
        Clipboard \u{1b}]52;c;SGVsbG8=\u{7} grab. Title \u{1b}]2;PWNED-TITLE\u{1b}\\ set. \
        C1 \u{9b}31m red, \u{1b}[2J clear, \u{1b}P+q544e\u{1b}\\ query, \u{1b}_apc\u{1b}\\, \
        bell \u{7}, bidi \u{202e}desrever\u{202c}. „Ein Zitat“, sagte Anna Keller.\n";
    std::fs::write(dir.path().join("01-evil.txt"), article).expect("write article");
    std::fs::write(
        dir.path().join("02-\u{1b}]0;PWNED-TITLE\u{7}name.txt"),
        "Name\n\nBody.",
    )
    .expect("write oddly named article");
    let record = dir.path().join("record.bin");
    let folder = dir.path().to_string_lossy().into_owned();
    let tmux = Tmux::start_recording("hostile", &[&folder], Some(&record));
    let screen = tmux.wait_for("the article", |s| s.contains("Clipboard"));
    assert!(
        screen.contains("^[]52;c;SGVsbG8=^G"),
        "placeholders shown:\n{screen}"
    );
    // Scroll, open the article list (it shows the odd file name), close, quit.
    tmux.keys(&["j", "Tab", "a"]);
    tmux.wait_for("the article list", |s| s.contains("Articles ("));
    tmux.keys(&["Escape"]);
    tmux.wait_for("the list closed", |s| !s.contains("Articles ("));
    tmux.keys(&["]"]);
    tmux.wait_for("the second article", |s| s.contains("Body."));
    tmux.keys(&["q"]);
    let screen = tmux.wait_for("the exit", |s| s.contains("icanon"));
    assert!(screen.contains("byline exited 0"), "{screen}");
    let bytes = std::fs::read(&record).expect("recording");
    assert!(bytes.len() > 1000, "the recording holds the session");
    let contains = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    for needle in [
        &b"\x1b]52"[..],
        b"\x1b]0;PWNED",
        b"\x1b]2;PWNED",
        b"\xc2\x9b",
        b"\x1bP+q",
        b"\x1b_apc",
        b"\x1b[2J clear",
        "\u{202e}".as_bytes(),
    ] {
        assert!(
            !contains(needle),
            "{:?} reached the terminal",
            String::from_utf8_lossy(needle)
        );
    }
}

/// After many one-line scrolls (drawn with terminal scroll regions), the
/// screen is exactly what a fresh full drawing of the same state shows.
#[test]
fn scrolled_screen_matches_a_full_redraw() {
    use byline::app::{Action, App};
    use byline::ui::{Screen, Theme};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    if !tmux_available() {
        assert!(
            std::env::var("BYLINE_REQUIRE_TMUX").as_deref() != Ok("1"),
            "tmux is required here but missing"
        );
        return;
    }
    for panel in [true, false] {
        let tmux = Tmux::start(&format!("scroll-{panel}"), &[]);
        tmux.wait_for("the reader", |s| s.contains("People (7)"));
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut app = App::new(byline::article::collect(&[root.join("assets")]));
        app.resize(80, 24);
        if !panel {
            tmux.keys(&["p"]);
            app.apply(Action::TogglePanel);
        }
        // Down 37 lines one at a time, up 11, down 5: each a scroll step.
        let mut keys = Vec::new();
        for (key, count, action) in [
            ("j", 37, Action::LineDown),
            ("k", 11, Action::LineUp),
            ("j", 5, Action::LineDown),
        ] {
            for _ in 0..count {
                keys.push(key);
                app.apply(action);
            }
        }
        for key in keys {
            tmux.keys(&[key]);
        }
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("backend");
        terminal
            .draw(|f| {
                f.render_widget(
                    Screen {
                        app: &app,
                        theme: &Theme::colour(),
                    },
                    f.area(),
                )
            })
            .expect("draw");
        let buffer = terminal.backend().buffer();
        let expected: Vec<String> = (0..24)
            .map(|y| {
                let row: String = (0..80).map(|x| buffer[(x, y)].symbol()).collect();
                row.trim_end().to_string()
            })
            .collect();
        let expected_text = expected.join("\n");
        let screen = tmux.wait_for("the last scroll", |s| {
            let rows: Vec<&str> = s.lines().map(str::trim_end).collect();
            rows.join("\n").trim_end() == expected_text.trim_end()
        });
        assert!(!screen.is_empty());
    }
}
