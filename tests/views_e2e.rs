//! The speakers, quote variants, "only here" and sources-by-time views end to end: the
//! real binary in tmux on the invented harbour dossier (`tests/fixtures/harbour`: the
//! mayor's remark in three renderings, two dated articles and one undated).

#[macro_use]
mod util;

use util::tmux::{quit_and_check_restored, status_bar, Tmux};
use util::{fixture, s};

/// The line of the screen holding `needle`, as an index.
#[track_caller]
fn line_of(screen: &str, needle: &str) -> usize {
    screen
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not on screen:\n{screen}"))
}

/// `t` orders the sources by time (with the time of day, undated last) and back; `w`
/// shows who is quoted where, `/` narrows it, Enter lists a speaker's quotes and opens
/// one, Esc comes back level by level.
#[test]
fn sources_by_time_and_speakers() {
    need_tmux!();
    let dir = fixture("harbour");
    let t = Tmux::start(&[s(&dir)], 120, 40, "Sources (3)");
    t.keys(&["t"]);
    let screen = t.wait_for("Sources (3) by time");
    let herald = line_of(&screen, "2031-05-06 09:15 · Bay Herald");
    let courier = line_of(&screen, "2031-05-06 14:30 · Coast Courier");
    let radio = line_of(&screen, "undated · Island Radio");
    assert!(herald < courier && courier < radio, "{screen}");
    t.keys(&["t"]);
    t.wait_for("Sources (3) ─");

    t.keys(&["w"]);
    let screen = t.poll(|s| status_bar(s).contains("SPEAKERS"), "the speakers view");
    assert!(line_of(&screen, "Ada Lind") < line_of(&screen, "Tom Berg"));
    assert!(
        screen.contains("Mayor") && screen.contains("Port director"),
        "{screen}"
    );
    t.keys(&["/"]);
    t.type_text("port");
    t.wait_for("Speakers (1 of 2: /port)");
    t.keys(&["Enter", "Enter"]);
    t.wait_for("Quotes of Tom Berg (2)");
    t.keys(&["j", "Enter"]);
    t.poll(
        |s| status_bar(s).contains("ARTICLE"),
        "the quote in its article",
    );
    t.wait_for("Fishermen wait for Velmar harbour");
    t.key_and_wait_change("Escape");
    t.wait_for("Quotes of Tom Berg");
    t.key_and_wait_change("Escape");
    t.wait_for("Speakers (1 of 2: /port)");
    t.key_and_wait_change("Escape");
    t.wait_for("Speakers (2)");
    t.key_and_wait_change("Escape");
    t.poll(|s| status_bar(s).contains("SOURCES"), "back to the sources");
    quit_and_check_restored(&t);
}

/// `V` shows the mayor's remark in three outlets with the words worded differently
/// marked; from the finder, Ctrl-v opens the found quote's rendering; `O` lists what
/// only the first source reports and `x` clips from there.
#[test]
fn variants_from_the_finder_and_only_here() {
    need_tmux!();
    let dir = fixture("harbour");
    let t = Tmux::start(&[s(&dir)], 120, 40, "Sources (3)");
    t.wait_for("≠");
    t.keys(&["V"]);
    let screen = t.wait_for("Quote variants (1)");
    for needle in ["»chance«", "»possibility«", "Island Radio · partial"] {
        assert!(screen.contains(needle), "{needle}:\n{screen}");
    }
    t.key_and_wait_change("Escape");
    t.poll(|s| status_bar(s).contains("SOURCES"), "back to the sources");

    t.keys(&["\""]);
    t.wait_for("Find ");
    t.type_text("possibility");
    t.poll(
        |s| s.contains("❯ possibility▏") && !s.contains(" 0/"),
        "a result",
    );
    t.keys(&["C-v"]);
    let screen = t.poll(|s| status_bar(s).contains("VARIANTS"), "the variants view");
    assert!(screen.contains("▌Bay Herald · full"), "{screen}");
    t.keys(&["Enter"]);
    t.poll(
        |s| status_bar(s).contains("ARTICLE"),
        "the rendering's passage",
    );
    t.key_and_wait_change("Escape");
    t.poll(
        |s| status_bar(s).contains("VARIANTS"),
        "back to the variants",
    );
    t.key_and_wait_change("Escape");

    t.keys(&["O"]);
    let screen = t.wait_for("Only in 1. Coast Courier (3)");
    assert!(screen.contains("[2.5 million euros]"), "{screen}");
    t.keys(&["j", "x"]);
    t.wait_for("clipped the sentence");
    quit_and_check_restored(&t);
}
