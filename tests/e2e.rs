//! The reader end to end: the real binary in a real terminal (tmux).

#[macro_use]
mod util;

use util::tmux::{quit_and_check_restored, status_bar, Tmux};
use util::{s, seeds};

/// A dossier that cannot be loaded: the terminal is given back, the error is on screen,
/// and the status is 2.
#[test]
fn load_error_restores_terminal() {
    need_tmux!();
    let t = Tmux::start(&["/nonexistent/dossier"], 80, 20, "no such file");
    assert_eq!(t.wait_exit(), 2);
    assert_eq!(t.var("alternate_on"), "0");
    assert_eq!(t.var("cursor_flag"), "1");
    assert!(t.stty().contains(" icanon"));
}

/// Open the seeds, move through the sources, open the compare view of 000 and 001
/// through the picker, move in it, back out, and quit with the terminal restored.
#[test]
fn sources_to_compare_and_quit() {
    need_tmux!();
    let t = Tmux::start(&[s(&seeds())], 120, 40, "Sources (5)");
    t.keys(&["j", "j"]);
    t.poll(|s| status_bar(s).contains("3/5"), "third source");
    t.keys(&["Down", "k", "k", "k"]);
    t.poll(|s| status_bar(s).contains("1/5"), "first source");
    t.keys(&["Enter"]);
    t.poll(|s| status_bar(s).contains("ARTICLE"), "article mode");
    t.keys(&["c"]);
    t.wait_for("Compare 1. with");
    t.keys(&["Enter"]);
    let screen = t.poll(|s| status_bar(s).contains("COMPARE"), "compare mode");
    assert!(
        screen.contains("◀ 1.") && screen.contains("▶ 2."),
        "{screen}"
    );
    assert!(
        screen.contains("10,000") && screen.contains("11,000"),
        "{screen}"
    );
    t.keys(&["j", "Tab", "j"]);
    // (Aligned rows scroll together, so where the right side lands depends on the
    // alignment of issue 4: it has left its first row.)
    t.poll(
        |s| s.contains("/21 ┘") && !s.contains(" 1/21 "),
        "the right side moved",
    );
    // (A screen is captured mid-redraw at times: poll for the state, never assert on
    // the first change.)
    t.key_and_wait_change("Escape");
    t.poll(|s| status_bar(s).contains("ARTICLE"), "back in the article");
    quit_and_check_restored(&t);
}

/// At 60x15 the panes take turns: open an article, fold noise, search, read on.
#[test]
fn small_terminal_search_and_fold() {
    need_tmux!();
    let t = Tmux::start(&[], 60, 15, "Sources (5)");
    t.keys(&["G", "Enter"]);
    t.wait_for("Time.news");
    t.keys(&["z"]);
    t.wait_for("noise folded");
    t.keys(&["/"]);
    t.type_text("seoul");
    t.poll(|s| status_bar(s).contains("1 match"), "one match");
    t.keys(&["Enter"]);
    let s = t.poll(|s| status_bar(s).contains("/seoul 1/1"), "the kept search");
    assert!(s.contains("Seoul and its allies"), "{s}");
    t.keys(&["?"]);
    t.wait_for("Keys (j/k scroll");
    t.key_and_wait_change("Escape");
    t.keys(&["C-d", "g"]);
    t.wait_for(" 1/");
    quit_and_check_restored(&t);
}

/// The conflict between 000 (10,000 troops) and 001 (11,000): `]` jumps to it, and the
/// rows holding each figure carry the conflict marker on that side.
#[test]
fn compare_jumps_to_the_troops_conflict() {
    need_tmux!();
    let t = Tmux::start(&[s(&seeds())], 120, 40, "Sources (5)");
    // The claims analysis runs in the background: its badges show when it is done.
    t.wait_for("≠");
    t.keys(&["c"]);
    t.wait_for("Compare 1. with");
    t.keys(&["Enter"]);
    t.poll(|s| status_bar(s).contains("COMPARE"), "compare mode");
    t.keys(&["]"]);
    let screen = t.wait_for("CONFLICT");
    for fig in ["10,000", "11,000"] {
        let rows: Vec<&str> = screen.lines().filter(|l| l.contains(fig)).collect();
        assert!(!rows.is_empty(), "{fig} on screen:\n{screen}");
        for row in rows {
            // The side's text from its border to the figure starts with the marker.
            let at = row.find(fig).unwrap_or(0);
            let side = &row[row[..at].rfind('│').unwrap_or(0)..at];
            assert!(
                side.contains('≠'),
                "no conflict marker by {fig}: {row}\n{screen}"
            );
        }
    }
    quit_and_check_restored(&t);
}

/// Find “unprecedented” with the finder (the quote, or its sentence while the dossier
/// has no quotes), jump to it, clip it, export the clippings to Markdown in the current
/// folder, and find the passage with its citation in the file; a second export asks
/// before overwriting.
#[test]
fn find_clip_and_export_markdown() {
    need_tmux!();
    let t = Tmux::start(&[s(&seeds())], 120, 40, "Sources (5)");
    t.keys(&["\""]);
    t.wait_for("Find ");
    t.type_text("unprecedented");
    let screen = t.poll(|s| s.contains("❯ unprecedented▏"), "the query typed");
    if screen.contains(" 0/") {
        // No quote matches: the same passage is a sentence.
        t.keys(&["Tab"]);
        t.wait_for("Find sentences");
    }
    t.poll(|s| !s.contains(" 0/"), "a result");
    t.keys(&["Enter"]);
    t.poll(
        |s| status_bar(s).contains("ARTICLE"),
        "the passage in its article",
    );
    t.keys(&["x"]);
    t.wait_for("clipped the");
    t.keys(&["E"]);
    t.wait_for("Export 1 clipping");
    t.keys(&["Enter"]);
    t.wait_for("wrote 1 clipping to");
    let md: Vec<_> = std::fs::read_dir(t.dir())
        .expect("temp dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    assert_eq!(md.len(), 1, "one Markdown file: {md:?}");
    let text = std::fs::read_to_string(&md[0]).expect("the export");
    assert!(text.starts_with("# Clippings: "), "{text}");
    let quote = text
        .lines()
        .find(|l| l.contains("unprecedented level of direct military cooperation"))
        .unwrap_or_else(|| panic!("the passage: {text}"));
    assert!(quote.starts_with("> "), "a blockquote: {text}");
    let cite = text
        .lines()
        .find(|l| l.starts_with("> — "))
        .unwrap_or_else(|| panic!("a citation: {text}"));
    // The article has a title: it is cited, not the file.
    assert!(
        cite.contains("“U.S. Secretary of Defense")
            && cite.contains("¶ 2")
            && !cite.contains(".txt"),
        "title (the article has no outlet) and paragraph cited: {cite}"
    );
    // Again: the file exists, so the dialog asks; y overwrites.
    t.keys(&["E"]);
    t.wait_for("Export 1 clipping");
    t.keys(&["Enter"]);
    t.wait_for("Overwrite it?");
    t.keys(&["y"]);
    t.wait_for("wrote 1 clipping to");
    // Saved as made: the state file holds the clipping.
    let state = std::fs::read_dir(t.dir().join("data/state"))
        .expect("state folder")
        .filter_map(Result::ok)
        .find(|e| e.path().extension().is_some_and(|x| x == "json"))
        .expect("a state file");
    let json = std::fs::read_to_string(state.path()).expect("state");
    assert!(json.contains("unprecedented level"), "{json}");
    quit_and_check_restored(&t);
}

/// An article full of escape sequences neither sets the terminal title nor clears the
/// screen: every control shows as its visible picture.
#[test]
fn hostile_article_stays_on_screen() {
    need_tmux!();
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("a.txt"),
        "Evil \x1b]0;PWNED\x07title and \x1b[2J clear and \x1b]52;c;aGVsbG8=\x07 clip.\n",
    )
    .expect("write article");
    std::fs::write(dir.path().join("b.txt"), "Plain article.\n").expect("write article");
    let t = Tmux::start(&[s(dir.path())], 100, 20, "Sources (2)");
    let title = t.var("pane_title");
    t.keys(&["Enter"]);
    t.poll(|s| status_bar(s).contains("ARTICLE"), "article mode");
    let screen = t.wait_for("␛]0;PWNED␇title and ␛[2J clear");
    assert!(
        screen.contains("Sources (2)"),
        "screen not cleared:\n{screen}"
    );
    assert_eq!(t.var("pane_title"), title, "title untouched");
    assert!(!t.var("pane_title").contains("PWNED"));
    quit_and_check_restored(&t);
}

/// `/` in the compare view starts a search: the letters typed after it are the query,
/// not commands (`o` would open the source picker, `s` swap the sides), and the match is
/// highlighted on screen.
#[test]
fn slash_in_compare_searches() {
    need_tmux!();
    let t = Tmux::start(&[s(&seeds())], 120, 40, "Sources (5)");
    t.keys(&["c"]);
    t.wait_for("Compare 1. with");
    t.keys(&["Enter"]);
    t.poll(|s| status_bar(s).contains("COMPARE"), "compare mode");
    t.keys(&["/"]);
    t.type_text("troops");
    let screen = t.poll(|s| status_bar(s).contains("/troops▏"), "the query typed");
    assert!(!screen.contains("Compare 1. with"), "o ran:\n{screen}");
    assert!(
        screen.contains("◀ 1.") && screen.contains("▶ 2."),
        "s ran:\n{screen}"
    );
    assert!(status_bar(&screen).contains("SEARCH"), "{screen}");
    // The match is drawn on yellow (the theme's `matched`): background colour 3, which
    // tmux writes as `48;5;3` (or `43`).
    let styled = t.screen_styled();
    let marked = styled
        .lines()
        .any(|l| l.contains("48;5;3mtroops") || l.contains("[43mtroops"));
    assert!(marked, "no highlighted match:\n{styled}");
    t.keys(&["Enter"]);
    t.poll(|s| status_bar(s).contains("/troops 1/"), "the kept search");
    t.keys(&["n"]);
    t.poll(|s| status_bar(s).contains("/troops 2/"), "n moves on");
    quit_and_check_restored(&t);
}

/// `q` backs out one level: from the help to the view under it, from the matrix and
/// the compare view to where each was opened; at the sources and article screen it
/// quits.
#[test]
fn q_returns_where_it_came_from() {
    need_tmux!();
    let t = Tmux::start(&[s(&seeds())], 120, 40, "Sources (5)");
    t.keys(&["Enter"]);
    t.poll(|s| status_bar(s).contains("ARTICLE"), "article");
    t.keys(&["c"]);
    t.wait_for("Compare 1. with");
    t.keys(&["Enter"]);
    t.poll(|s| status_bar(s).contains("COMPARE"), "compare");
    t.keys(&["?"]);
    t.poll(|s| status_bar(s).contains("HELP"), "help over compare");
    t.keys(&["q"]);
    t.poll(|s| status_bar(s).contains("COMPARE"), "help -> compare");
    t.keys(&["m"]);
    t.poll(|s| status_bar(s).contains("MATRIX"), "matrix from compare");
    t.keys(&["q"]);
    t.poll(|s| status_bar(s).contains("COMPARE"), "matrix -> compare");
    t.keys(&["q"]);
    t.poll(|s| status_bar(s).contains("ARTICLE"), "compare -> article");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0, "q at the top quits");
    assert_eq!(t.var("alternate_on"), "0");
}
