//! Corrections made in the reader, end to end in a real terminal (tmux): each kind is
//! made with its key, seen at once, seen again after quitting and reopening, and seen by
//! the command line (`quotes`, `export`, `compare`, `sources`) and in `dossier.toml` when
//! written there.

#[macro_use]
mod util;

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;
use util::tmux::{quit_and_check_restored, status_bar, Tmux};

/// An invented two-article dossier: a mayor quoted in both articles (once by her last
/// name alone), an engineer quoted in one, and a figure the two state differently (60 /
/// 75 trucks).
const A: &str = "Bridge repairs approved\n\n\
Mayor Rosa Vik said on Tuesday the bridge would reopen in June. \"We are ready for the traffic,\" Vik said.\n\n\
\"The work starts now,\" said Ivar Dahl, the city engineer. Dahl said 60 trucks were waiting.\n";
const B: &str = "Bridge set to reopen\n\n\
City engineer Ivar Dahl said 75 trucks were waiting outside the town on Tuesday.\n\n\
\"We are ready for the traffic,\" Mayor Rosa Vik told reporters.\n";

/// The dossier folder and the data folder its state is saved in, kept across readers.
struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("bridge");
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("a.txt"), A).unwrap();
        std::fs::write(folder.join("b.txt"), B).unwrap();
        Env { dir }
    }

    fn folder(&self) -> PathBuf {
        self.dir.path().join("bridge")
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// The reader on the dossier, its state in this env's data folder.
    #[track_caller]
    fn open(&self) -> Tmux {
        let data = self.data();
        let folder = self.folder();
        Tmux::start_env(
            &[("DOSSIER_DATA", util::s(&data))],
            &[util::s(&folder)],
            120,
            40,
            "Sources (2)",
        )
    }

    /// `dossier SUB FOLDER ARGS… --format json` with this env's data folder.
    #[track_caller]
    fn json(&self, sub: &str, args: &[&str]) -> Value {
        let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .arg(sub)
            .arg(self.folder())
            .args(args)
            .args(["--format", "json"])
            .env("DOSSIER_DATA", self.data())
            .env("DOSSIER_CONFIG", "/dev/null")
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "dossier {sub}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }

    /// The `quotes` row of a.txt or b.txt whose text starts with `text`.
    #[track_caller]
    fn quote(&self, article: &str, text: &str) -> Value {
        find(&self.json("quotes", &[]), article, text)
    }

    /// The exported passage of `article` whose text starts with `text`.
    #[track_caller]
    fn exported(&self, article: &str, text: &str) -> Value {
        find(&self.json("export", &[])["clippings"], article, text)
    }

    /// The pair of `compare a b` whose left text holds `left`.
    #[track_caller]
    fn pair(&self, left: &str) -> Value {
        let c = self.json("compare", &["a", "b"]);
        c["pairs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["left"]["text"].as_str().unwrap().contains(left))
            .unwrap_or_else(|| panic!("no pair for {left:?} in {c:#}"))
            .clone()
    }
}

/// The row of `rows` of `article` whose text starts with `text`.
#[track_caller]
fn find(rows: &Value, article: &str, text: &str) -> Value {
    rows.as_array()
        .unwrap()
        .iter()
        .find(|q| q["article"] == article && q["text"].as_str().unwrap().starts_with(text))
        .unwrap_or_else(|| panic!("no row {text:?} of {article} in {rows:#}"))
        .clone()
}

/// Open article `n` (1-based) of the source list and put the cursor on `needle` with a
/// search.
#[track_caller]
fn to_text(t: &Tmux, n: usize, needle: &str) {
    if n == 2 {
        t.keys(&["j"]);
        t.poll(|s| status_bar(s).contains("2/2"), "the second source");
    }
    t.keys(&["Enter"]);
    t.poll(|s| status_bar(s).contains("ARTICLE"), "the article");
    t.keys(&["/"]);
    t.type_text(needle);
    t.keys(&["Enter"]);
    t.poll(
        |s| status_bar(s).contains(&format!("/{needle}")),
        "the kept search",
    );
}

/// The compare view of a.txt with b.txt, its cursor on the left claim holding `needle`.
#[track_caller]
fn compare_at(t: &Tmux, needle: &str) {
    t.keys(&["c"]);
    t.wait_for("Compare 1. with");
    t.keys(&["Enter"]);
    t.poll(|s| status_bar(s).contains("COMPARE"), "compare mode");
    t.wait_for("conflicting");
    t.keys(&["/"]);
    t.type_text(needle);
    t.keys(&["Enter"]);
    t.poll(
        |s| status_bar(s).contains(&format!("/{needle}")),
        "the kept search",
    );
}

/// Quit, reopen, and return the new reader (the state is read again from disk).
#[track_caller]
fn reopen(e: &Env, t: Tmux) -> Tmux {
    quit_and_check_restored(&t);
    drop(t);
    e.open()
}

/// One correction made in a reader on `e`, end to end: `at` brings a reader to the place
/// the correction is made and shown, `make` makes it, and `shown` is on screen at once and
/// again at that place after quitting and reopening (the state is read again from disk).
#[track_caller]
fn made_and_kept(e: &Env, at: impl Fn(&Tmux), make: impl FnOnce(&Tmux), shown: &str) {
    let t = e.open();
    at(&t);
    make(&t);
    t.wait_for(shown);
    let t = reopen(e, t);
    at(&t);
    t.wait_for(shown);
    quit_and_check_restored(&t);
}

/// Press `key`, wait for its dialog `title`, clear the line when `clear`, type `text` and
/// press Enter.
#[track_caller]
fn answer(t: &Tmux, key: &str, title: &str, clear: bool, text: &str) {
    t.keys(&[key]);
    t.wait_for(title);
    if clear {
        t.keys(&["C-u"]);
    }
    t.type_text(text);
    t.keys(&["Enter"]);
}

/// The fixture reads as the tests expect without corrections (guards the fixture).
#[test]
fn fixture_reading() {
    let e = Env::new();
    assert_eq!(e.quote("a.txt", "The work")["speaker"], "Ivar Dahl");
    assert_eq!(e.quote("a.txt", "We are ready")["speaker"], "Rosa Vik");
    assert_eq!(e.pair("60 trucks")["relation"], "conflict");
    assert_eq!(e.pair("We are ready")["relation"], "agree");
}

/// A on a quote, a speaker picked by typing: shown at once, after reopening, and by
/// `quotes` and `export` (with dossier's own speaker kept).
#[test]
fn reassign_quote() {
    need_tmux!();
    let e = Env::new();
    made_and_kept(
        &e,
        |t| to_text(t, 1, "work starts"),
        |t| {
            t.wait_for("quote: Ivar Dahl");
            answer(t, "A", "Whose quote is this?", false, "rosa");
        },
        "quote: Rosa Vik",
    );
    let q = e.quote("a.txt", "The work");
    assert_eq!(
        (&q["speaker"], &q["corrected"], &q["speaker_detected"]),
        (&"Rosa Vik".into(), &true.into(), &"Ivar Dahl".into())
    );
    assert_eq!(e.exported("a.txt", "The work")["speaker"], "Rosa Vik");
}

/// A, then "unknown": the quote is by no one known.
#[test]
fn reassign_quote_unknown() {
    need_tmux!();
    let e = Env::new();
    made_and_kept(
        &e,
        |t| to_text(t, 1, "work starts"),
        |t| answer(t, "A", "Whose quote is this?", false, "unkn"),
        "quote: unknown speaker",
    );
    let q = e.quote("a.txt", "The work");
    assert!(q["speaker"].is_null(), "{q:#}");
    assert_eq!(q["speaker_detected"], "Ivar Dahl");
    assert!(e.exported("a.txt", "The work")["speaker"].is_null());
}

/// R renames the quote's speaker everywhere.
#[test]
fn rename_speaker() {
    need_tmux!();
    let e = Env::new();
    made_and_kept(
        &e,
        |t| to_text(t, 1, "work starts"),
        |t| answer(t, "R", "Rename Ivar Dahl", true, "Ivar Dahlberg"),
        "quote: Ivar Dahlberg",
    );
    assert_eq!(e.quote("a.txt", "The work")["speaker"], "Ivar Dahlberg");
    assert_eq!(e.exported("a.txt", "The work")["speaker"], "Ivar Dahlberg");
}

/// M merges the quote's speaker into the one picked.
#[test]
fn merge_speaker() {
    need_tmux!();
    let e = Env::new();
    made_and_kept(
        &e,
        |t| to_text(t, 1, "work starts"),
        |t| answer(t, "M", "Merge Ivar Dahl into", false, "vik"),
        "quote: Rosa Vik",
    );
    assert_eq!(e.quote("a.txt", "The work")["speaker"], "Rosa Vik");
    assert_eq!(e.exported("a.txt", "The work")["speaker"], "Rosa Vik");
}

/// S splits a name off the quote's speaker: the quote credited to "Vik" is someone
/// else's; the mayor keeps her quote in the other article.
#[test]
fn split_alias() {
    need_tmux!();
    let e = Env::new();
    made_and_kept(
        &e,
        |t| to_text(t, 1, "are ready"),
        |t| {
            t.wait_for("quote: Rosa Vik");
            t.keys(&["S"]);
            t.wait_for("Split a name off Rosa Vik");
            t.keys(&["Enter"]);
            t.poll(|s| !s.contains("Split a name"), "the dialog closed");
        },
        "quote: Vik",
    );
    assert_eq!(e.quote("a.txt", "We are ready")["speaker"], "Vik");
    assert_eq!(e.quote("b.txt", "We are ready")["speaker"], "Rosa Vik");
    assert_eq!(e.exported("a.txt", "We are ready")["speaker"], "Vik");
}

/// The compare view's detail line for the pair of `needle`, once judged.
#[track_caller]
fn judged(t: &Tmux, verdict: &str) -> String {
    t.wait_for(&format!("~ related (corrected, {verdict}"))
}

/// W on a conflict, "not a conflict" with a note: related at once and after reopening;
/// `compare` says so with dossier's own relation.
#[test]
fn conflict_not_a_conflict() {
    need_tmux!();
    let e = Env::new();
    made_and_kept(
        &e,
        |t| compare_at(t, "60 trucks"),
        |t| {
            t.wait_for("≠ CONFLICT");
            t.keys(&["W"]);
            t.wait_for("This conflict is");
            answer(t, "Enter", "Not a conflict", false, "trucks of two firms");
            judged(t, "not-a-conflict: trucks of two firms");
            t.wait_for("≠ 0 conflicting");
        },
        "~ related (corrected, not-a-conflict",
    );
    let p = e.pair("60 trucks");
    assert_eq!(
        (&p["relation"], &p["corrected"], &p["relation_detected"]),
        (&"related".into(), &true.into(), &"conflict".into())
    );
    assert_eq!(p["note"], "trucks of two firms");
    // The quotes are not touched by a pair's verdict.
    assert!(e.quote("a.txt", "The work").get("corrected").is_none());
}

/// W on a conflict, "explained" with its reason.
#[test]
fn conflict_explained() {
    need_tmux!();
    let e = Env::new();
    made_and_kept(
        &e,
        |t| compare_at(t, "60 trucks"),
        |t| {
            t.keys(&["W"]);
            t.wait_for("This conflict is");
            t.keys(&["j"]);
            answer(t, "Enter", "Explained: why?", false, "counted a day later");
        },
        "~ related (corrected, explained: counted a day later",
    );
    let p = e.pair("60 trucks");
    assert_eq!(p["relation"], "related");
    assert_eq!(p["verdict"], "explained");
    assert_eq!(p["note"], "counted a day later");
}

/// W on a corroboration: not corroborated, related.
#[test]
fn corroboration_wrong() {
    need_tmux!();
    let e = Env::new();
    made_and_kept(
        &e,
        |t| compare_at(t, "are ready"),
        |t| {
            t.wait_for("= corroborated by");
            t.keys(&["W"]);
            t.wait_for("Not a corroboration");
            t.keys(&["Enter"]);
        },
        "~ related (corrected, not-corroborated",
    );
    let p = e.pair("We are ready");
    assert_eq!(
        (&p["relation"], &p["relation_detected"]),
        (&"related".into(), &"agree".into())
    );
}

/// W in the claims matrix on the claim in conflict: not a conflict; the conflict badges
/// of the source list go, now and after reopening.
#[test]
fn matrix_conflict_not_a_conflict() {
    need_tmux!();
    let e = Env::new();
    let t = e.open();
    t.wait_for("2q ≠1");
    t.keys(&["m"]);
    t.poll(|s| status_bar(s).contains("MATRIX"), "the matrix");
    // (The row's label is its earliest mention: the sentence before the figure.)
    t.keys(&["/"]);
    t.type_text("work starts");
    t.keys(&["Enter"]);
    t.poll(
        |s| status_bar(s).contains("/work starts"),
        "the kept search",
    );
    t.keys(&["W"]);
    t.wait_for("This conflict is");
    t.keys(&["Enter"]);
    t.wait_for("Not a conflict");
    t.keys(&["Enter"]);
    t.poll(|s| !s.contains("≠"), "no conflict left");
    let t = reopen(&e, t);
    let s = t.wait_for("2q");
    assert!(!s.contains("≠"), "{s}");
    quit_and_check_restored(&t);
    assert_eq!(e.pair("60 trucks")["relation"], "related");
}

/// `--no-corrections` opens the reader on dossier's own reading, and its correction keys
/// say so; without it the saved correction shows.
#[test]
fn reader_without_corrections() {
    need_tmux!();
    let e = Env::new();
    let t = e.open();
    to_text(&t, 1, "work starts");
    t.keys(&["A"]);
    t.wait_for("Whose quote is this?");
    t.type_text("rosa");
    t.keys(&["Enter"]);
    t.wait_for("quote: Rosa Vik");
    quit_and_check_restored(&t);
    drop(t);
    let t = Tmux::start_env(
        &[("DOSSIER_DATA", util::s(&e.data()))],
        &["--no-corrections", util::s(&e.folder())],
        120,
        40,
        "Sources (2)",
    );
    to_text(&t, 1, "work starts");
    t.wait_for("quote: Ivar Dahl");
    t.keys(&["A"]);
    t.wait_for("corrections are off");
    quit_and_check_restored(&t);
    assert_eq!(e.quote("a.txt", "The work")["speaker"], "Rosa Vik");
}

/// Two readers on one dossier: a correction made in one is kept when the other saves
/// (a clipping), and the other shows it from then on.
#[test]
fn two_readers_keep_each_others_corrections() {
    need_tmux!();
    let e = Env::new();
    let one = e.open();
    let two = e.open();
    to_text(&one, 1, "work starts");
    one.keys(&["R"]);
    one.wait_for("Rename Ivar Dahl");
    one.keys(&["C-u"]);
    one.type_text("Ivar Dahlberg");
    one.keys(&["Enter"]);
    one.wait_for("quote: Ivar Dahlberg");
    to_text(&two, 1, "work starts");
    two.wait_for("quote: Ivar Dahl ");
    two.keys(&["x"]);
    two.wait_for("quote: Ivar Dahlberg");
    quit_and_check_restored(&one);
    quit_and_check_restored(&two);
    assert_eq!(e.quote("a.txt", "The work")["speaker"], "Ivar Dahlberg");
    // Reader two's clipping, exported with the speaker reader one gave.
    let clips = e.json("export", &["--clippings"])["clippings"].clone();
    assert_eq!(clips.as_array().unwrap().len(), 1, "{clips:#}");
    assert_eq!(clips[0]["speaker"], "Ivar Dahlberg");
    assert_eq!(e.json("corrections", &[]).as_array().unwrap().len(), 1);
}

/// e on a source: set `field` (its row in the picker) to `value`, into dossier.toml when
/// `manifest`, else kept in the state.
#[track_caller]
fn set_meta(t: &Tmux, row: usize, value: &str, manifest: bool) {
    t.keys(&["e"]);
    t.wait_for("Correct a.txt");
    for _ in 0..row {
        t.keys(&["j"]);
    }
    t.keys(&["Enter"]);
    t.wait_for(" of a.txt ");
    t.keys(&["C-u"]);
    t.type_text(value);
    t.keys(&["Enter"]);
    t.wait_for("Keep it where?");
    if !manifest {
        t.keys(&["j"]);
    }
    t.keys(&["Enter"]);
    t.poll(|s| !s.contains("Keep it where?"), "the dialog closed");
}

/// Every metadata field from the source list: outlet, url and author written into
/// `dossier.toml`, title and date kept in the state; shown at once and after reopening,
/// and by `sources` and `export`.
#[test]
fn metadata_fields() {
    need_tmux!();
    let e = Env::new();
    let t = e.open();
    set_meta(&t, 0, "Valley Courier", true);
    t.wait_for("Valley Courier");
    set_meta(&t, 1, "Bridge to reopen in June", false);
    t.wait_for("Bridge to reopen in June");
    set_meta(&t, 2, "2026-06-02T08:15", false);
    t.wait_for("2026-06-02");
    set_meta(&t, 3, "https://courier.example/bridge", true);
    set_meta(&t, 4, "Nils Ek", true);
    t.keys(&["l"]);
    t.wait_for("Nils Ek");
    let t = reopen(&e, t);
    let s = t.wait_for("Valley Courier");
    assert!(
        s.contains("Bridge to reopen in June") && s.contains("2026-06-02"),
        "{s}"
    );
    quit_and_check_restored(&t);
    let manifest = std::fs::read_to_string(e.folder().join("dossier.toml")).unwrap();
    for want in [
        "Valley Courier",
        "https://courier.example/bridge",
        "Nils Ek",
    ] {
        assert!(manifest.contains(want), "{manifest}");
    }
    assert!(!manifest.contains("Bridge to reopen"), "{manifest}");
    let rows = e.json("sources", &[]);
    let a = &rows[0];
    assert_eq!(a["outlet"], "Valley Courier");
    assert_eq!(a["outlet_inferred"], false);
    assert_eq!(a["title"], "Bridge to reopen in June");
    assert_eq!(a["date"], "2026-06-02T08:15");
    assert_eq!(a["url"], "https://courier.example/bridge");
    assert_eq!(a["author"], "Nils Ek");
    let x = e.exported("a.txt", "The work");
    assert_eq!(
        (
            x["outlet"].as_str(),
            x["date"].as_str(),
            x["author"].as_str()
        ),
        (
            Some("Valley Courier"),
            Some("2026-06-02T08:15"),
            Some("Nils Ek")
        )
    );
    assert_eq!(e.json("corrections", &[]).as_array().unwrap().len(), 2);
}

/// u takes the last correction back, in the reader and for the command line.
#[test]
fn undo() {
    need_tmux!();
    let e = Env::new();
    let t = e.open();
    to_text(&t, 1, "work starts");
    t.keys(&["R"]);
    t.wait_for("Rename Ivar Dahl");
    t.keys(&["C-u"]);
    t.type_text("Ivo Dahl");
    t.keys(&["Enter"]);
    t.wait_for("quote: Ivo Dahl");
    t.keys(&["u"]);
    t.wait_for("undid: Ivar Dahl renamed Ivo Dahl");
    t.wait_for("quote: Ivar Dahl");
    quit_and_check_restored(&t);
    assert_eq!(e.quote("a.txt", "The work")["speaker"], "Ivar Dahl");
    assert_eq!(e.json("corrections", &[]), serde_json::json!([]));
}
