//! What the end-to-end tests share: driving a program in a tmux server of
//! the test's own (`tmux -L`), typing keys and reading the screen back.
//!
//! Each test file that needs it says `mod common;`; not every file uses
//! every helper.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// A tmux server of the test's own, with one session `t`. Dropping it kills
/// the server and so everything that runs in it.
pub struct Tmux {
    pub socket: String,
}

impl Tmux {
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux runs")
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    pub fn screen_with_styles(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-e", "-t", "t"]).stdout)
            .into_owned()
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    pub fn format(&self, f: &str) -> String {
        let out = self.run(&["display-message", "-p", "-t", "t", f]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Wait until the screen satisfies `ok`, or fail with the last screen.
    pub fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        self.wait_for_within(what, Duration::from_secs(10), ok)
    }

    /// As `wait_for`, with a deadline of `limit`.
    pub fn wait_for_within(
        &self,
        what: &str,
        limit: Duration,
        ok: impl Fn(&str) -> bool,
    ) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            if start.elapsed() > limit {
                let state = self.format("#{alternate_on} #{pane_current_command} #{pane_dead}");
                panic!(
                    "timed out after {limit:?} waiting for {what} (pane: {state}); screen:\n{screen}"
                );
            }
            sleep(Duration::from_millis(50));
        }
    }

    /// The screen once it has stayed the same for 200 ms (a frame that
    /// arrives in pieces, as over ssh, is read whole), within 10 s.
    pub fn settled(&self) -> String {
        let start = Instant::now();
        let mut last = self.screen();
        let mut since = Instant::now();
        while since.elapsed() < Duration::from_millis(200) {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "the screen never settled:\n{last}"
            );
            sleep(Duration::from_millis(25));
            let now = self.screen();
            if now != last {
                last = now;
                since = Instant::now();
            }
        }
        last
    }

    /// A tmux server named after `name` and this process, running `command`
    /// (a shell command line) in a `width`×`height` window, in the crate's
    /// folder, with TERM=xterm-256color.
    pub fn start_command(name: &str, command: &str, width: u16, height: u16) -> Tmux {
        let tmux = Tmux {
            socket: format!("byline-test-{name}-{}", std::process::id()),
        };
        let (width, height) = (width.to_string(), height.to_string());
        // byline's saved reading state and any user configuration stay out
        // of the tests: each tmux gets folders of its own.
        let home = tmux.home();
        let state = format!("XDG_STATE_HOME={}", home.join("state").display());
        let config = format!("XDG_CONFIG_HOME={}", home.join("config").display());
        let started = tmux.run(&[
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            &width,
            "-y",
            &height,
            "-c",
            env!("CARGO_MANIFEST_DIR"),
            "-e",
            "TERM=xterm-256color",
            "-e",
            &state,
            "-e",
            &config,
            command,
        ]);
        assert!(started.status.success(), "tmux: {started:?}");
        tmux
    }

    /// byline (with `args`) in an 80×24 tmux window. When byline ends, the
    /// shell prints its exit status and whether the terminal is back in
    /// cooked mode, and keeps the pane open to be read.
    pub fn start(name: &str, args: &[&str]) -> Tmux {
        Tmux::start_recording(name, args, None)
    }

    /// As `start`, and when `record` is given, every byte byline writes to
    /// the terminal is appended to that file (tmux pipe-pane).
    pub fn start_recording(name: &str, args: &[&str], record: Option<&Path>) -> Tmux {
        // Give pipe-pane time to attach before byline draws.
        let pause = if record.is_some() { "sleep 0.5; " } else { "" };
        let tmux = Tmux::start_command(name, &format!("{pause}{}", byline_command(args)), 80, 24);
        if let Some(path) = record {
            let pipe = format!("cat >> '{}'", path.display());
            let piped = tmux.run(&["pipe-pane", "-o", "-t", "t", &pipe]);
            assert!(piped.status.success(), "pipe-pane: {piped:?}");
        }
        tmux
    }

    /// The pid of the first child of the pane's shell (byline, for a tmux
    /// made by `start`), or "" when there is none.
    pub fn byline_pid(&self) -> String {
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

impl Tmux {
    /// A folder for this tmux's byline to keep its state in.
    pub fn home(&self) -> std::path::PathBuf {
        std::env::temp_dir().join(&self.socket)
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(self.home());
        // The server may leave its socket file behind: remove it too.
        let socket = self.format("#{socket_path}");
        let _ = self.run(&["kill-server"]);
        if socket.ends_with(&self.socket) {
            let _ = std::fs::remove_file(socket);
        }
    }
}

/// The shell command line that runs the built byline with `args` (quoted
/// with single quotes, which they must not contain), then prints its exit
/// status and whether the terminal is in cooked mode (`icanon`) or raw
/// (`-icanon`), and keeps the pane open to be read.
pub fn byline_command(args: &[&str]) -> String {
    let binary = env!("CARGO_BIN_EXE_byline");
    let args: String = args
        .iter()
        .map(|a| {
            assert!(!a.contains('\''), "no single quotes in {a:?}");
            format!(" '{a}'")
        })
        .collect();
    format!(
        "'{binary}'{args}; echo \"byline exited $?\"; stty -a | grep -o -- '-*icanon' ; sleep 60"
    )
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Whether tmux is here to run an end-to-end test. Without it the test
/// should say so and pass, except when BYLINE_REQUIRE_TMUX=1 (CI), where a
/// missing tmux fails.
pub fn have_tmux() -> bool {
    if tmux_available() {
        return true;
    }
    assert!(
        std::env::var("BYLINE_REQUIRE_TMUX").as_deref() != Ok("1"),
        "tmux is required here but missing"
    );
    eprintln!("tmux not installed: end-to-end test skipped");
    false
}

/// Whether this process runs as root (who can read a file chmod 000).
pub fn running_as_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}
