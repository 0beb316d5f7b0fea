//! End to end over real SSH: a throw-away sshd on 127.0.0.1 (its own host
//! key, client key, config and port, all in a temp dir), the ssh client in
//! tmux, and byline run by ssh on a pseudo-terminal that sshd made.
//!
//! It needs sshd, ssh and ssh-keygen (Debian: openssh-server,
//! openssh-client) and tmux, so it is `#[ignore]`d by default; `.ci/run`
//! installs them and runs it with `--ignored` and BYLINE_REQUIRE_SSH=1, under
//! which anything missing is a failure. Elsewhere a missing tool makes it
//! say so and pass.

mod common;

use common::Tmux;
use std::collections::HashMap;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// sshd must be started by its absolute path (it re-executes itself).
const SSHD: &str = "/usr/sbin/sshd";

/// The seed article: its people panel names these.
const SEED: &str = "assets/01-amerika21-venezuela-russland.txt";

/// Whether a program is on PATH.
fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()))
}

/// What is missing to run this test, if anything.
fn missing_tools() -> Vec<&'static str> {
    let mut missing = Vec::new();
    if !Path::new(SSHD).is_file() {
        missing.push(SSHD);
    }
    for program in ["ssh", "ssh-keygen", "tmux"] {
        if !on_path(program) {
            missing.push(program);
        }
    }
    missing
}

/// The parent pid and state letter of a process, from /proc.
fn stat(pid: u32) -> Option<(u32, char)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name, in parentheses, may hold spaces: read after it.
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace();
    let state = fields.next()?.chars().next()?;
    let parent = fields.next()?.parse().ok()?;
    Some((parent, state))
}

fn argv(pid: u32) -> Vec<String> {
    std::fs::read(format!("/proc/{pid}/cmdline"))
        .map(|bytes| {
            bytes
                .split(|&b| b == 0)
                .filter(|a| !a.is_empty())
                .map(|a| String::from_utf8_lossy(a).into_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// Every process below `root` in the process tree.
fn descendants(root: u32) -> Vec<u32> {
    let mut children: HashMap<u32, Vec<u32>> = HashMap::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(|n| n.parse().ok()) else {
            continue;
        };
        if let Some((parent, _)) = stat(pid) {
            children.entry(parent).or_default().push(pid);
        }
    }
    let mut found = Vec::new();
    let mut todo = vec![root];
    while let Some(pid) = todo.pop() {
        for &child in children.get(&pid).into_iter().flatten() {
            found.push(child);
            todo.push(child);
        }
    }
    found
}

/// Whether `pid` is a byline process that has not ended (a zombie has).
fn is_live_byline(pid: u32) -> bool {
    let binary = env!("CARGO_BIN_EXE_byline");
    stat(pid).is_some_and(|(_, state)| state != 'Z')
        && argv(pid).first().map(String::as_str) == Some(binary)
}

fn kill(signal: &str, pid: u32) -> bool {
    Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The test's sshd. Dropping it kills it and everything it started.
struct Sshd {
    child: Child,
    port: u16,
}

impl Drop for Sshd {
    fn drop(&mut self) {
        for pid in descendants(self.child.id()) {
            kill("KILL", pid);
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// byline processes this test saw; any still running at the end are killed.
struct Bylines(Vec<u32>);

impl Drop for Bylines {
    fn drop(&mut self) {
        for &pid in &self.0 {
            if is_live_byline(pid) {
                kill("KILL", pid);
            }
        }
    }
}

fn keygen(path: &Path) {
    let out = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "byline-test", "-f"])
        .arg(path)
        .output()
        .expect("ssh-keygen runs");
    assert!(out.status.success(), "ssh-keygen: {out:?}");
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("its address").port()
}

/// Start sshd from a config in `dir`, on a free port of 127.0.0.1, with
/// `dir/host_key` and `dir/authorized_keys`; wait until it accepts
/// connections.
fn start_sshd(dir: &Path) -> Sshd {
    // sshd wants its privilege separation folder; root can make it.
    if !Path::new("/run/sshd").is_dir() {
        let _ = std::fs::create_dir_all("/run/sshd");
    }
    let root = common::running_as_root();
    let mut last_log = String::new();
    // A port found free may be taken before sshd binds it: try again.
    for _ in 0..5 {
        let port = free_port();
        let config = dir.join("sshd_config");
        let d = dir.display();
        let mut text = format!(
            "ListenAddress 127.0.0.1\n\
             Port {port}\n\
             HostKey {d}/host_key\n\
             AuthorizedKeysFile {d}/authorized_keys\n\
             PidFile {d}/sshd.pid\n\
             UsePAM no\n\
             StrictModes no\n\
             PubkeyAuthentication yes\n\
             PasswordAuthentication no\n\
             KbdInteractiveAuthentication no\n\
             PrintMotd no\n\
             PrintLastLog no\n"
        );
        if root {
            text.push_str("PermitRootLogin yes\n");
        }
        std::fs::write(&config, text).expect("write sshd_config");
        let log_path = dir.join("sshd.log");
        let log = std::fs::File::create(&log_path).expect("sshd log");
        let child = Command::new(SSHD)
            .args(["-D", "-e", "-f"])
            .arg(&config)
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log"))
            .stderr(log)
            .spawn()
            .expect("sshd starts");
        let mut sshd = Sshd { child, port };
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return sshd;
            }
            if let Ok(Some(status)) = sshd.child.try_wait() {
                last_log = std::fs::read_to_string(&log_path).unwrap_or_default();
                last_log.push_str(&format!("\n(sshd ended: {status})"));
                break;
            }
            sleep(Duration::from_millis(20));
        }
        drop(sshd);
        if !last_log.contains("Address already in use") && !last_log.contains("Cannot bind") {
            break;
        }
    }
    panic!("sshd did not start; its log:\n{last_log}");
}

/// A shell script that runs byline over ssh on the seed article (then, on
/// the remote side, prints byline's exit status and whether the terminal
/// is cooked again), prints ssh's exit status, and keeps the pane open.
fn session_script(dir: &Path, port: u16) -> PathBuf {
    let binary = env!("CARGO_BIN_EXE_byline");
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED);
    let article = article.to_str().expect("a UTF-8 path");
    let key = dir.join("client_key");
    let key = key.to_str().expect("a UTF-8 path");
    // byline's saved reading state and any user configuration stay out of
    // the test: both point into the test's own folder.
    let home = dir.to_str().expect("a UTF-8 path");
    for path in [binary, article, key, home] {
        assert!(
            !path.contains(['\'', '"', '$', '`', '\\', ' ']),
            "a path this script can quote: {path}"
        );
    }
    let script = format!(
        "ssh -t -F /dev/null -p {port} -i {key} \
         -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
         -o BatchMode=yes -o IdentitiesOnly=yes -o LogLevel=ERROR -o ConnectTimeout=10 \
         127.0.0.1 \
         'XDG_STATE_HOME={home}/state-$$ XDG_CONFIG_HOME={home}/config {binary} {article}; echo \"byline exited $?\"; stty -a | grep -o -- \"-*icanon\"'\n\
         echo \"ssh exited $?\"\n\
         sleep 60\n"
    );
    let path = dir.join("session.sh");
    std::fs::write(&path, script).expect("write session.sh");
    path
}

/// The rows under the side panel's heading that starts with `title`
/// (e.g. "People ("), read from the screen, in the heading's column.
fn boxed(screen: &str, title: &str) -> Vec<String> {
    let rows: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let Some((top, column)) = rows.iter().enumerate().find_map(|(y, row)| {
        let line: String = row.iter().collect();
        let at = line.find(title)?;
        Some((y, line[..at].chars().count()))
    }) else {
        return Vec::new();
    };
    // The last row is the footer.
    rows[top + 1..rows.len().saturating_sub(1).max(top + 1)]
        .iter()
        .map(|row| {
            row.iter()
                .skip(column)
                .collect::<String>()
                .trim()
                .to_string()
        })
        .take_while(|row| !row.is_empty())
        .collect()
}

/// The reading pane's part of each row (left of the side panel's rule).
fn text_pane(screen: &str) -> Vec<String> {
    let column = screen
        .lines()
        .find(|l| l.contains("People ("))
        .and_then(|l| l.find('│').map(|at| l[..at].chars().count()))
        .unwrap_or(usize::MAX);
    screen
        .lines()
        .map(|l| {
            l.chars()
                .take(column)
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect()
}

/// Whether the screen shows the seed article and, in the people panel,
/// the three people it names most.
fn seed_shown(screen: &str) -> bool {
    let people = boxed(screen, "People (");
    screen.contains("Venezuela und Russland")
        && ["Maduro", "Borissow", "El Aissami"]
            .iter()
            .all(|name| people.iter().any(|row| row.contains(name)))
}

/// The byline processes under sshd, once there is one.
fn wait_for_bylines(sshd: &Sshd) -> Vec<u32> {
    let start = Instant::now();
    loop {
        let found: Vec<u32> = descendants(sshd.child.id())
            .into_iter()
            .filter(|&pid| is_live_byline(pid))
            .collect();
        if !found.is_empty() {
            return found;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no byline process under sshd"
        );
        sleep(Duration::from_millis(50));
    }
}

#[test]
#[ignore = "needs sshd, ssh and tmux: .ci/run installs them and runs it with --ignored"]
fn reader_over_ssh() {
    let missing = missing_tools();
    if !missing.is_empty() {
        assert!(
            std::env::var("BYLINE_REQUIRE_SSH").as_deref() != Ok("1"),
            "BYLINE_REQUIRE_SSH=1 but missing: {missing:?}"
        );
        eprintln!(
            "SSH end-to-end test skipped: missing {missing:?} (apt-get install openssh-server openssh-client tmux)"
        );
        return;
    }
    let started = Instant::now();
    let dir = tempfile::tempdir().expect("temp dir");
    keygen(&dir.path().join("host_key"));
    keygen(&dir.path().join("client_key"));
    std::fs::copy(
        dir.path().join("client_key.pub"),
        dir.path().join("authorized_keys"),
    )
    .expect("authorized_keys");
    let sshd = start_sshd(dir.path());
    let mut seen = Bylines(Vec::new());
    let script = session_script(dir.path(), sshd.port);
    let command = format!("sh '{}'", script.display());
    let on_failure = |what: &str, tmux: &Tmux| {
        let log = std::fs::read_to_string(dir.path().join("sshd.log")).unwrap_or_default();
        format!("{what}; screen:\n{}\nsshd log:\n{log}", tmux.screen())
    };

    // 1. Read the seed over ssh: its people in the panel, a scroll, q.
    {
        let tmux = Tmux::start_command("ssh-read", &command, 80, 24);
        // The first frame may say "Loading…" with empty lists: wait for
        // the article and its people.
        tmux.wait_for("the seed and its people over ssh", seed_shown);
        let screen = tmux.settled();
        assert!(seed_shown(&screen), "{screen}");
        let people = boxed(&screen, "People (");
        seen.0.extend(wait_for_bylines(&sshd));

        // Five lines down: the text moves up five rows, the panel stays.
        // (The top row may differ from the row it was: a wrapped image
        // name's continuation is labelled again when it is the top row.)
        let before = text_pane(&screen);
        tmux.keys(&["j", "j", "j", "j", "j"]);
        let scrolled = tmux.wait_for("five lines scrolled", |s| {
            let now = text_pane(s);
            now.len() == before.len()
                && now[1] != before[1]
                && now[2..now.len() - 6] == before[7..before.len() - 1]
        });
        assert!(
            !scrolled.contains("  0%"),
            "the position moved:\n{scrolled}"
        );
        assert_eq!(
            boxed(&scrolled, "People ("),
            people,
            "the panel did not move"
        );

        tmux.keys(&["q"]);
        let screen = tmux.wait_for("ssh to end", |s| s.contains("ssh exited"));
        assert!(
            screen.contains("byline exited 0"),
            "{}",
            on_failure("byline's status", &tmux)
        );
        assert!(screen.contains("\nicanon"), "cooked mode again:\n{screen}");
        assert!(screen.contains("ssh exited 0"), "{screen}");
        assert!(
            !screen.contains("People ("),
            "the reader's screen is gone:\n{screen}"
        );
        assert_eq!(tmux.format("#{alternate_on}"), "0", "alternate screen left");
        let start = Instant::now();
        while seen.0.iter().any(|&pid| is_live_byline(pid)) {
            assert!(
                start.elapsed() < Duration::from_secs(5),
                "byline still runs after q"
            );
            sleep(Duration::from_millis(50));
        }
    }

    // 2. The connection drops (the ssh client is killed): byline gets
    // SIGHUP from its terminal and ends, leaving no process behind.
    {
        let tmux = Tmux::start_command("ssh-drop", &command, 80, 24);
        tmux.wait_for("the seed and its people over ssh", seed_shown);
        let bylines = wait_for_bylines(&sshd);
        seen.0.extend(&bylines);
        let shell: u32 = tmux.format("#{pane_pid}").parse().expect("pane pid");
        let ssh: Vec<u32> = descendants(shell)
            .into_iter()
            .filter(|&pid| argv(pid).first().map(String::as_str) == Some("ssh"))
            .collect();
        assert_eq!(ssh.len(), 1, "one ssh client in the pane: {ssh:?}");
        assert!(kill("KILL", ssh[0]), "SIGKILL to ssh {}", ssh[0]);
        let screen = tmux.wait_for("ssh to die", |s| s.contains("ssh exited"));
        assert!(screen.contains("ssh exited 137"), "{screen}");
        let start = Instant::now();
        loop {
            let left: Vec<u32> = bylines
                .iter()
                .copied()
                .chain(descendants(sshd.child.id()))
                .filter(|&pid| is_live_byline(pid))
                .collect();
            if left.is_empty() {
                break;
            }
            assert!(
                start.elapsed() < Duration::from_secs(5),
                "byline still runs after the connection dropped: {left:?} {}",
                on_failure("", &tmux)
            );
            sleep(Duration::from_millis(50));
        }
        eprintln!(
            "byline gone {:?} after the ssh client was killed",
            start.elapsed()
        );
    }
    eprintln!("SSH test took {:?}", started.elapsed());
}
