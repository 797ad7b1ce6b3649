//! A dossier of web pages in the reader, end to end (tmux): compare two pages, clip a
//! quote and export it, its citation carrying outlet, date and address from the pages'
//! meta tags.

#[macro_use]
mod util;

use util::tmux::{quit_and_check_restored, status_bar, Tmux};
use util::{fixture, s};

/// Open a folder of two saved pages, compare them (the commuters' figures conflict),
/// find a quote, clip it and export the clippings to Markdown: the citation names the
/// speaker, the outlet (`og:site_name`), the published time (`article:published_time`)
/// and links the title to the canonical address (and leaves the file name out).
#[test]
fn html_dossier_compare_clip_and_export() {
    need_tmux!();
    let t = Tmux::start(&[s(&fixture("web"))], 120, 40, "Sources (2)");
    let screen = t.wait_for("Harbour Herald");
    assert!(screen.contains("Coast Gazette"), "{screen}");
    t.keys(&["c"]);
    t.wait_for("Compare 1. with");
    t.keys(&["Enter"]);
    let screen = t.poll(|s| status_bar(s).contains("COMPARE"), "compare mode");
    assert!(
        screen.contains("◀ 1.") && screen.contains("▶ 2."),
        "{screen}"
    );
    // The comparison runs in the background ("still comparing…" until then): its marks
    // show when it is done.
    t.wait_for("≠");
    t.keys(&["]"]);
    let screen = t.wait_for("CONFLICT");
    assert!(
        screen.contains("3,000") && screen.contains("4,500"),
        "{screen}"
    );
    t.key_and_wait_change("Escape");
    // Back where compare was opened from: the sources.
    t.poll(|s| status_bar(s).contains("SOURCES"), "back in the sources");
    t.keys(&["\""]);
    t.wait_for("Find ");
    t.type_text("sail through the night");
    t.poll(
        |s| s.contains("❯ sail through the night▏"),
        "the query typed",
    );
    t.poll(|s| s.contains(" 1/"), "the quote found");
    t.keys(&["Enter"]);
    t.poll(
        |s| status_bar(s).contains("ARTICLE"),
        "the quote in its article",
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
    assert!(
        text.lines()
            .any(|l| l.starts_with("> ") && l.contains("sail through the night")),
        "the quote as a blockquote: {text}"
    );
    let cite = text
        .lines()
        .find(|l| l.starts_with("> — "))
        .unwrap_or_else(|| panic!("a citation: {text}"));
    for part in [
        "Tomas Berg",
        "*Harbour Herald*",
        "[“Ferry crews walk out over night shifts”](https://www.harbourherald.example/transport/ferry-strike)",
        "2025-06-10T07:30:00+02:00",
    ] {
        assert!(cite.contains(part), "{part} cited: {cite}");
    }
    // Outlet and title are known: the file name is not cited.
    assert!(!cite.contains(".html"), "{cite}");
    quit_and_check_restored(&t);
}
