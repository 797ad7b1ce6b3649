//! Hostile text in a real terminal (tmux): the title, the clipboard and the rest of the
//! screen are untouched by an article full of OSC, CSI and hyperlink sequences; a 1 MB
//! line renders and scrolls; a panic gives the terminal back and leaves a crash report.

#[macro_use]
mod util;

use std::fs;
use util::s;
use util::tmux::{quit_and_check_restored, status_bar, Tmux};

/// The clipboard as tmux sees it: its paste buffers (OSC 52 writes land there).
fn buffers(t: &Tmux) -> String {
    String::from_utf8_lossy(&t.tmux(&["list-buffers"]).stdout).into_owned()
}

/// OSC 0/2 titles, OSC 52 clipboard writes, CSI clears and cursor moves and OSC 8
/// hyperlinks show as text: the pane title, tmux's clipboard and the rest of the screen
/// stay as they were.
#[test]
fn title_clipboard_and_screen_untouched() {
    need_tmux!();
    let dir = tempfile::tempdir().unwrap();
    let article = "Evil \x1b]0;PWNED0\x07 and \x1b]2;PWNED2\x1b\\ titles\n\n\
        Clip \x1b]52;c;UFdORUQ=\x07 and \x1b]52;p;UFdORUQ=\x1b\\ writes, \x1b[2J\x1b[H clear, \
        \x1b[10;10H move, \x1b[?1049l leave, \x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\ \
        c1\u{9b}2J bidi\u{202e}olleh zw\u{200b}x end.\n";
    fs::write(dir.path().join("a.txt"), article).unwrap();
    fs::write(dir.path().join("b.txt"), "Plain article.\n").unwrap();
    let t = Tmux::start(&[s(dir.path())], 120, 20, "Sources (2)");
    assert!(t
        .tmux(&["set", "-s", "set-clipboard", "on"])
        .status
        .success());
    let title = t.var("pane_title");
    let before = t.screen();
    let rows = before.lines().count();
    t.keys(&["Enter"]);
    t.poll(|s| status_bar(s).contains("ARTICLE"), "article mode");
    let screen = t.wait_for("Clip ␛]52;c;UFdORUQ=␇");
    for shown in [
        "␛]0;PWNED0␇",
        "␛[2J␛[H clear",
        "␛[10;10H",
        "␛]8;;https://evil.example␛\\link",
        "bidi�olleh",
        "zw�x",
    ] {
        assert!(screen.contains(shown), "{shown:?} on screen:\n{screen}");
    }
    assert_eq!(t.var("pane_title"), title, "title untouched");
    assert_eq!(buffers(&t), "", "clipboard untouched");
    assert_eq!(t.var("alternate_on"), "1", "still in the reader's screen");
    assert_eq!(screen.lines().count(), rows, "{screen}");
    assert!(
        screen.contains("Sources (2)"),
        "screen not cleared:\n{screen}"
    );
    // The first row is still the panes' top border, in its place.
    let top = screen.lines().next().unwrap_or("");
    assert!(top.starts_with('┌') || top.starts_with('╭'), "{screen}");
    quit_and_check_restored(&t);
    assert_eq!(t.var("pane_title"), title);
    assert_eq!(buffers(&t), "");
}

/// A 1 MB article on one line with wide characters opens, scrolls to its end and back
/// without freezing the reader.
#[test]
fn one_megabyte_line_renders_and_scrolls() {
    need_tmux!();
    let dir = tempfile::tempdir().unwrap();
    let line = "Word 東京 😀 e\u{301} “a quote,” said Ann Lee. ".repeat(25_000);
    assert!(line.len() > 1_000_000);
    fs::write(
        dir.path().join("long.txt"),
        format!("Long one\n\n{line}END"),
    )
    .unwrap();
    fs::write(dir.path().join("short.txt"), "Short one.\n").unwrap();
    let t = Tmux::start(&[s(dir.path())], 100, 20, "Sources (2)");
    t.keys(&["Enter"]);
    t.poll(|s| status_bar(s).contains("ARTICLE"), "article mode");
    t.wait_for("東京 😀");
    t.keys(&["G"]);
    t.wait_for("END");
    t.keys(&["g"]);
    t.wait_for("Long one");
    quit_and_check_restored(&t);
}

/// Y (bare text) and y (with its citation) on a passage holding `ESC [201~` (the end of
/// bracketed paste), a command and a bidi override put them on the clipboard as `␛` and
/// `�`: pasted into a shell, the text stays text.
#[test]
fn copy_cannot_end_bracketed_paste() {
    need_tmux!();
    let dir = tempfile::tempdir().unwrap();
    let article = "Paste trap\n\n\
        Paste me\x1b[201~\x15touch pwned\x0f and \u{202e}gpj.exe done.\n";
    fs::write(dir.path().join("a.txt"), article).unwrap();
    fs::write(dir.path().join("b.txt"), "Plain article.\n").unwrap();
    let t = Tmux::start(&[s(dir.path())], 120, 20, "Sources (2)");
    assert!(t
        .tmux(&["set", "-s", "set-clipboard", "on"])
        .status
        .success());
    t.keys(&["Enter"]);
    t.poll(|s| status_bar(s).contains("ARTICLE"), "article mode");
    t.wait_for("Paste me␛[201~");
    // To the passage with the trap (the headline is the first).
    let mut copied = String::new();
    for _ in 0..4 {
        t.keys(&["Y"]);
        t.wait_for("copied");
        copied = String::from_utf8_lossy(&t.tmux(&["show-buffer"]).stdout).into_owned();
        if copied.contains("Paste me") {
            break;
        }
        t.key_and_wait_change("j");
    }
    assert!(copied.contains("Paste me␛[201~␕touch pwned␏"), "{copied:?}");
    assert!(copied.contains("�gpj.exe"), "{copied:?}");
    assert!(
        !copied.contains(['\x1b', '\x15', '\x0f', '\u{202e}']),
        "{copied:?}"
    );
    // y: the same passage as a Markdown blockquote with its citation, as safe.
    t.keys(&["y"]);
    let end = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while !copied.starts_with("> ") && std::time::Instant::now() < end {
        std::thread::sleep(std::time::Duration::from_millis(50));
        copied = String::from_utf8_lossy(&t.tmux(&["show-buffer"]).stdout).into_owned();
    }
    assert!(copied.starts_with("> Paste me␛"), "{copied:?}");
    assert!(copied.contains("\n> — "), "{copied:?}");
    assert!(
        !copied.contains(['\x1b', '\x15', '\x0f', '\u{202e}']),
        "{copied:?}"
    );
    quit_and_check_restored(&t);
}

/// The pid of the dossier process running in the pane (the child of its shell).
fn dossier_pid(t: &Tmux) -> String {
    let sh = t.var("pane_pid");
    let path = format!("/proc/{sh}/task/{sh}/children");
    let children = fs::read_to_string(path).unwrap_or_default();
    children
        .split_whitespace()
        .next()
        .expect("dossier runs under the pane's shell")
        .to_string()
}

/// SIGTERM, SIGINT and SIGHUP sent to the reader give the terminal back (main screen,
/// cursor shown, mouse released, raw mode off) and exit with 128 + the signal.
#[test]
fn signals_restore_the_terminal() {
    need_tmux!();
    for (sig, code) in [("TERM", 143), ("INT", 130), ("HUP", 129)] {
        let t = Tmux::start(&[], 100, 20, "Sources (5)");
        assert_eq!(t.var("alternate_on"), "1");
        let pid = dossier_pid(&t);
        let killed = std::process::Command::new("kill")
            .args([&format!("-{sig}"), &pid])
            .status()
            .unwrap();
        assert!(killed.success());
        assert_eq!(t.wait_exit(), code, "SIG{sig}");
        assert_eq!(t.var("alternate_on"), "0", "SIG{sig}: main screen");
        assert_eq!(t.var("cursor_flag"), "1", "SIG{sig}: cursor shown");
        assert_eq!(t.var("mouse_any_flag"), "0", "SIG{sig}: mouse released");
        let stty = t.stty();
        assert!(
            stty.contains(" icanon") && stty.contains(" echo"),
            "SIG{sig}: raw mode left: {stty}"
        );
    }
}
