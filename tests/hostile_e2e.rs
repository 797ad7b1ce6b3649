//! Hostile text in a real terminal (tmux): the title, the clipboard and the rest of the
//! screen are untouched by an article full of OSC, CSI and hyperlink sequences; a 1 MB
//! line renders and scrolls; a panic gives the terminal back and leaves a crash report.

mod util;

use std::fs;
use util::s;
use util::tmux::{self, Tmux};

/// Skip (with a note) where tmux is missing; CI installs it.
macro_rules! need_tmux {
    () => {
        if !tmux::available() {
            eprintln!("tmux not found: end-to-end test skipped");
            return;
        }
    };
}

/// The last line of the screen: the status bar.
fn status_bar(screen: &str) -> &str {
    screen.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("")
}

/// Quit and check the terminal was given back: status 0, main screen, cursor shown,
/// raw mode off.
#[track_caller]
fn quit_and_check_restored(t: &Tmux) {
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0, "exit status");
    assert_eq!(t.var("alternate_on"), "0", "left the alternate screen");
    assert_eq!(t.var("cursor_flag"), "1", "cursor shown");
    assert!(t.stty().contains(" icanon"), "raw mode left");
}

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
