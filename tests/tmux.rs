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
        let tmux = Tmux {
            socket: format!("byline-test-{name}-{}", std::process::id()),
        };
        let binary = env!("CARGO_BIN_EXE_byline");
        let root = env!("CARGO_MANIFEST_DIR");
        let args: String = args.iter().map(|a| format!(" '{a}'")).collect();
        let command = format!(
            "'{binary}'{args}; echo \"byline exited $?\"; stty -a | grep -o -- '-*icanon' ; sleep 60"
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
