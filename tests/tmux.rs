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
    let tmux = Tmux {
        socket: format!("byline-test-{}", std::process::id()),
    };
    let binary = env!("CARGO_BIN_EXE_byline");
    let root = env!("CARGO_MANIFEST_DIR");
    let command = format!("'{binary}'; echo \"byline exited $?\"; sleep 60");
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
        // After byline ends, the shell reports its exit status on the main
        // screen and keeps the pane open for reading.
        &command,
    ]);
    assert!(started.status.success(), "tmux: {started:?}");

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
    let screen = tmux.wait_for("the exit", |s| s.contains("byline exited"));
    assert!(screen.contains("byline exited 0"), "{screen}");
    assert!(
        !screen.contains("People (7)"),
        "the reader's screen is gone:\n{screen}"
    );
    assert_eq!(tmux.format("#{alternate_on}"), "0", "alternate screen left");
}
