//! A panic in the reader (forced by `DOSSIER_TEST_PANIC`) gives the terminal back, writes
//! a crash report to the data folder and says where; so does a panic on a worker thread.
//! Alone in its file: it sets an environment variable the tmux server inherits.

mod util;

use util::tmux::{self, Tmux};

/// The reader panics on `?`: main screen, cursor shown, raw mode off, status 101, and a
/// report with version, message and location in the data folder, named on the screen.
#[test]
fn panic_restores_terminal_and_writes_report() {
    if !tmux::available() {
        eprintln!("tmux not found: end-to-end test skipped");
        return;
    }
    std::env::set_var(dossier::crash::TEST_PANIC_ENV, "1");
    let t = Tmux::start(&[], 100, 20, "Sources (5)");
    t.keys(&["?"]);
    assert_eq!(t.wait_exit(), 101, "a panic's exit status");
    assert_eq!(t.var("alternate_on"), "0", "left the alternate screen");
    assert_eq!(t.var("cursor_flag"), "1", "cursor shown");
    assert_eq!(t.var("mouse_any_flag"), "0", "mouse released");
    assert!(t.stty().contains(" icanon"), "raw mode left");
    let screen = t.wait_for("a report was written to");
    assert!(screen.contains("a test panic"), "{screen}");
    // The tmux harness points DOSSIER_DATA at the temp dir's data folder.
    let dir = t.dir().join("data");
    let reports: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}\n{screen}", dir.display()))
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with("crash-"))
        .collect();
    assert_eq!(reports.len(), 1, "{screen}");
    let text = std::fs::read_to_string(reports[0].path()).unwrap();
    assert!(text.contains(concat!("dossier ", env!("CARGO_PKG_VERSION"))));
    assert!(text.contains("a test panic"), "{text}");
    assert!(text.contains("location: src/tui.rs:"), "{text}");
    let shown = screen.replace('\n', "");
    let name = reports[0].file_name().to_string_lossy().into_owned();
    assert!(shown.contains(&name), "report named on screen:\n{screen}");

    // A panic on a worker thread (the background analysis) stops the reader too, with
    // status 2 and its report, rather than drawing on the given-back terminal.
    std::env::set_var(dossier::crash::TEST_PANIC_ENV, "worker");
    let t = Tmux::start(&[], 100, 20, "background task crashed");
    assert_eq!(t.wait_exit(), 2, "status of a worker's panic");
    assert_eq!(t.var("alternate_on"), "0", "left the alternate screen");
    assert_eq!(t.var("cursor_flag"), "1", "cursor shown");
    assert!(t.stty().contains(" icanon"), "raw mode left");
    let screen = t.screen();
    let reports = std::fs::read_dir(t.dir().join("data"))
        .map(|d| {
            d.filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().starts_with("crash-"))
                .count()
        })
        .unwrap_or(0);
    assert_eq!(reports, 1, "{screen}");
}
