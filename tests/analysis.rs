//! One analysis for every view: the command line prints the numbers the reader shows, and
//! the reader's figures view works in a real terminal.

#[macro_use]
mod util;

use dossier::model::{load_bundled, load_path, LoadOptions};
use util::tmux::{quit_and_check_restored, status_bar, Tmux};
use util::{fixture, json, s};

/// `dossier sources --format json` counts each source's conflicting claims as the
/// reader's analysis does (on the seeds, article 004 states four claims in conflict).
#[test]
fn sources_command_and_reader_count_conflicts_alike() {
    let v = json(&["sources"]);
    let cli: Vec<u64> = v
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["claims_conflicting"].as_u64().expect("a count"))
        .collect();
    let d = load_bundled();
    let reader: Vec<u64> = dossier::tui::analysis::analyse(&d, |_, _| {})
        .sources
        .iter()
        .map(|s| s.conflicting as u64)
        .collect();
    assert_eq!(cli, reader);
    assert_eq!(cli[4], 4);
}

/// `dossier claims` marks cells with the reader's glyphs: the flood's toll row is `≠` for
/// every outlet, the injured row `●` where stated and `·` where not.
#[test]
fn claims_table_uses_the_readers_glyphs() {
    let out = util::ok(&["claims", s(&fixture("flood")), "--width", "100"]);
    assert!(
        out.contains("● reports it, ≠ in conflict, · silent"),
        "{out}"
    );
    assert!(out.lines().any(|l| l.contains("≠  ≠  ≠")), "{out}");
    assert!(out.lines().any(|l| l.contains("●  ●  ·")), "{out}");
    assert!(!out.contains('■') && !out.contains('✗'), "{out}");
    // The reader's matrix has the same rows, from the same analysis.
    let d = load_path(&fixture("flood"), &LoadOptions::default()).expect("loads");
    let an = dossier::model::analysis::Analysis::new(&d);
    let rows = out.lines().filter(|l| l.starts_with('c')).count();
    assert_eq!(rows, an.matrix.rows.len());
}

/// The figures view on the flood fixture: `f` opens it, the toll's timeline shows the
/// three outlets' figures with the conflict marked, `/` narrows the list, Enter opens the
/// passage and Esc comes back.
#[test]
fn figures_view_shows_a_conflict() {
    need_tmux!();
    let t = Tmux::start(&[s(&fixture("flood"))], 120, 40, "Sources (3)");
    t.keys(&["f"]);
    let screen = t.poll(
        |s| status_bar(s).contains("FIGURES") && s.contains("At least 58"),
        "the figures view with the toll",
    );
    assert!(screen.contains("≠ dead"), "{screen}");
    assert!(screen.contains("≠ 2031-04-04 Hill Radio"), "{screen}");
    // The second outlet's toll "rose to 44 on Tuesday": first, on the day its sentence
    // names, with what it conflicts with below the timeline.
    assert!(screen.contains("≠ 2031-04-01 River Times"), "{screen}");
    assert!(screen.contains("≠ 41 (Valley Post)"), "{screen}");
    t.keys(&["/"]);
    t.type_text("injur");
    t.poll(
        |s| status_bar(s).contains("1 match"),
        "one quantity matches",
    );
    t.keys(&["Enter", "l", "Enter"]);
    t.poll(|s| status_bar(s).contains("ARTICLE"), "the passage opened");
    t.key_and_wait_change("Escape");
    t.poll(|s| status_bar(s).contains("FIGURES"), "back in the figures");
    quit_and_check_restored(&t);
}

/// `dossier figures --format json` gives each mention the day its clause names as written
/// ("day"), beside the resolved `as_of`: the flood's 44 dead are "Tuesday", the Tuesday on
/// or before its article's date (Thursday 2031-04-03).
#[test]
fn figures_json_gives_the_day_as_written() {
    let v = json(&["figures", s(&fixture("flood"))]);
    let mentions: Vec<&serde_json::Value> = v
        .as_array()
        .expect("quantities")
        .iter()
        .flat_map(|q| q["mentions"].as_array().expect("mentions"))
        .collect();
    let m = mentions
        .iter()
        .find(|m| m["value"] == 44.0)
        .expect("the 44 dead");
    assert_eq!(m["day"], "Tuesday");
    assert_eq!(m["as_of"], "2031-04-01");
    let injured = mentions
        .iter()
        .find(|m| m["value"] == 300.0)
        .expect("the injured");
    assert!(injured["day"].is_null(), "{injured}");
}
