//! A real terminal for end-to-end tests: a private tmux server in a temporary folder.
//!
//! The recipe that proved reliable here: a socket in the temp dir (`-S`, not `-L`),
//! escape-time 0, HOME, XDG folders and DOSSIER_DATA in the temp dir (which is also the
//! working directory, where exports go), the binary run through
//! `sh -c '"$BIN" ARGS; echo $? > $DIR/status'` with the status file polled, the screen
//! polled every 50 ms under a deadline (`DOSSIER_TEST_WAIT_MS`), and the server killed
//! on drop. After the status, `stty -a` is saved too, to check raw mode was left, and
//! the pane is kept alive (a dead pane reports its cursor hidden) to read its state.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// One tmux server with one pane running `dossier`.
pub struct Tmux {
    dir: tempfile::TempDir,
    sock: PathBuf,
}

/// True when tmux can be run here.
pub fn available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// How long a wait may take: `DOSSIER_TEST_WAIT_MS`, else 20 s. A wait ends as soon as
/// the screen shows what it waits for, so this is a guard against a hang, not a speed
/// test: 5 s was too short for the unoptimised build loading a 1 MB line on a 2-core
/// machine under a load of 15.
fn deadline() -> Duration {
    let ms = std::env::var("DOSSIER_TEST_WAIT_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    Duration::from_millis(ms)
}

/// Quote an argument for sh.
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

impl Tmux {
    /// Start `dossier ARGS` in a `w` x `h` pane and wait for its first frame (`ready`).
    #[track_caller]
    pub fn start(args: &[&str], w: u16, h: u16, ready: &str) -> Tmux {
        Tmux::start_env(&[], args, w, h, ready)
    }

    /// Start `dossier ARGS` with environment variables `env` set (their values may name
    /// `$DIR`, the temporary folder, which sh expands).
    #[track_caller]
    pub fn start_env(env: &[(&str, &str)], args: &[&str], w: u16, h: u16, ready: &str) -> Tmux {
        let dir = tempfile::tempdir().expect("temp dir");
        let sock = dir.path().join("sock");
        let t = Tmux { dir, sock };
        let args: Vec<String> = args.iter().map(|a| quote(a)).collect();
        let env: String = env.iter().map(|(k, v)| format!("{k}=\"{v}\" ")).collect();
        let script = format!(
            "{env}\"$BIN\" {}; echo $? > \"$DIR/status\"; stty -a > \"$DIR/stty\"; exec sleep 600",
            args.join(" ")
        );
        let (w, h) = (w.to_string(), h.to_string());
        let out = t.tmux(&[
            "new-session",
            "-d",
            "-c",
            &t.dir.path().to_string_lossy(),
            "-x",
            &w,
            "-y",
            &h,
            "sh",
            "-c",
            &script,
            ";",
            "set-option",
            "-s",
            "escape-time",
            "0",
        ]);
        assert!(
            out.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        t.wait_for(ready);
        t
    }

    /// The temporary folder.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// Run a tmux command on this server.
    pub fn tmux(&self, args: &[&str]) -> Output {
        let d = self.dir.path();
        Command::new("tmux")
            .arg("-S")
            .arg(&self.sock)
            .args(["-f", "/dev/null"])
            .args(args)
            .env("BIN", env!("CARGO_BIN_EXE_dossier"))
            .env("DIR", d)
            .env("HOME", d)
            .env("XDG_CONFIG_HOME", d.join("config"))
            .env("XDG_DATA_HOME", d.join("data"))
            .env("XDG_STATE_HOME", d.join("state"))
            .env("XDG_CACHE_HOME", d.join("cache"))
            .env("DOSSIER_DATA", d.join("data"))
            .env_remove("DOSSIER_CONFIG")
            .env_remove("NO_COLOR")
            // A backtrace (RUST_BACKTRACE=1 in a developer's shell) would scroll a panic's
            // message off a 20-row pane.
            .env_remove("RUST_BACKTRACE")
            .env_remove("TMUX")
            .output()
            .expect("run tmux")
    }

    /// The pane's text.
    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p"]).stdout).into_owned()
    }

    /// The pane's text with its colours, as SGR escape sequences.
    pub fn screen_styled(&self) -> String {
        let out = self.tmux(&["capture-pane", "-p", "-e"]).stdout;
        String::from_utf8_lossy(&out).into_owned()
    }

    /// A pane format variable (`#{alternate_on}` …).
    pub fn var(&self, name: &str) -> String {
        let f = format!("#{{{name}}}");
        let out = self.tmux(&["display-message", "-p", &f]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Send keys by tmux name ("j", "Enter", "Escape", "C-d").
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys"];
        args.extend(keys);
        assert!(self.tmux(&args).status.success());
    }

    /// Type text literally.
    pub fn type_text(&self, s: &str) {
        assert!(self.tmux(&["send-keys", "-l", s]).status.success());
    }

    /// Send a key and wait until the screen changes (after Escape, so the next key is
    /// not read as Alt+key).
    #[track_caller]
    pub fn key_and_wait_change(&self, key: &str) -> String {
        let before = self.screen();
        self.keys(&[key]);
        self.poll(|s| s != before, "the screen to change")
    }

    /// Wait until the screen shows `text`; return the screen.
    #[track_caller]
    pub fn wait_for(&self, text: &str) -> String {
        self.poll(|s| s.contains(text), text)
    }

    /// Poll the screen every 50 ms until `ok`, or fail printing it.
    #[track_caller]
    pub fn poll(&self, ok: impl Fn(&str) -> bool, what: &str) -> String {
        let end = Instant::now() + deadline();
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            if Instant::now() > end {
                panic!("timed out waiting for {what:?}; the screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Wait for the program to exit and return its status.
    #[track_caller]
    pub fn wait_exit(&self) -> i32 {
        let path = self.dir.path().join("stty");
        let end = Instant::now() + deadline();
        while !path.exists() || std::fs::read_to_string(&path).map_or(true, |s| s.is_empty()) {
            if Instant::now() > end {
                panic!("dossier did not exit; the screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let status = std::fs::read_to_string(self.dir.path().join("status")).expect("status");
        status.trim().parse().expect("a number")
    }

    /// The terminal settings after the program exited.
    pub fn stty(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("stty")).unwrap_or_default()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

/// The last line of the screen: the status bar.
pub fn status_bar(screen: &str) -> &str {
    screen.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("")
}

/// Quit (Q, from any view), then check the exit status and that the terminal was given back: main screen,
/// cursor shown, mouse released, raw mode off.
#[track_caller]
pub fn quit_and_check_restored(t: &Tmux) {
    t.keys(&["Q"]);
    assert_eq!(t.wait_exit(), 0, "exit status");
    assert_eq!(t.var("alternate_on"), "0", "left the alternate screen");
    assert_eq!(t.var("cursor_flag"), "1", "cursor shown");
    assert_eq!(t.var("mouse_any_flag"), "0", "mouse released");
    let stty = t.stty();
    assert!(
        stty.contains(" icanon") && stty.contains(" echo"),
        "raw mode left: {stty}"
    );
    assert!(
        !t.screen().contains("Sources ("),
        "reader gone from the screen"
    );
}
