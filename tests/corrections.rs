//! Corrections end to end: each kind made with `dossier correct`, seen in `quotes`,
//! `speakers`, `compare`, `figures`, `sources` and `export`, gone with `--no-corrections`,
//! kept across edits that move the text, reported when stale, undone.

use serde_json::Value;
use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};

/// An invented two-article dossier: a mayor and a port director quoted, and a figure the
/// two articles state differently (40 / 45 boats).
const A: &str = "Harbour plan approved\n\n\
Mayor Ada Lind said on Monday the harbour would reopen in May. \"We are ready for the boats,\" Lind said.\n\n\
\"The work starts now,\" said Tom Berg, the port director. Berg said 40 boats were waiting.\n";
const B: &str = "Port set to reopen\n\n\
Port director Tom Berg said 45 boats were waiting outside the harbour on Monday.\n\n\
\"We are ready for the boats,\" Mayor Ada Lind told reporters.\n";

/// A dossier folder and a private data folder for its saved state.
struct Env {
    dir: tempfile::TempDir,
    data: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.txt"), A).unwrap();
        fs::write(dir.path().join("b.txt"), B).unwrap();
        Env {
            dir,
            data: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self) -> String {
        self.dir.path().to_str().unwrap().to_string()
    }

    /// Run `dossier SUB PATH ARGS…` with this env's data folder.
    fn run(&self, sub: &str, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_dossier"))
            .arg(sub)
            .arg(self.path())
            .args(args)
            .env("DOSSIER_DATA", self.data.path())
            .env("DOSSIER_CONFIG", "/dev/null")
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    }

    #[track_caller]
    fn ok(&self, sub: &str, args: &[&str]) -> String {
        let out = self.run(sub, args);
        assert!(
            out.status.success(),
            "dossier {sub} {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    #[track_caller]
    fn json(&self, sub: &str, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.extend(["--format", "json"]);
        serde_json::from_str(&self.ok(sub, &all)).unwrap()
    }

    /// Make a correction, asserting it was saved.
    #[track_caller]
    fn correct(&self, args: &[&str]) {
        let out = self.ok("correct", args);
        assert!(out.contains("saved correction"), "{out}");
    }

    /// The quote row whose text starts with `text` in `article`.
    #[track_caller]
    fn quote(&self, article: &str, text: &str, extra: &[&str]) -> Value {
        let v = self.json("quotes", extra);
        v.as_array()
            .unwrap()
            .iter()
            .find(|q| q["article"] == article && q["text"].as_str().unwrap().starts_with(text))
            .unwrap_or_else(|| panic!("no quote {text:?} in {v:#}"))
            .clone()
    }

    /// The exported passage whose text starts with `text` in `article`.
    #[track_caller]
    fn exported(&self, article: &str, text: &str, extra: &[&str]) -> Value {
        let v = self.json("export", extra);
        v["clippings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["article"] == article && c["text"].as_str().unwrap().starts_with(text))
            .unwrap_or_else(|| panic!("no passage {text:?} in {v:#}"))
            .clone()
    }

    fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

/// The pair of `compare A B` whose left text holds `left`.
fn pair(v: &Value, left: &str) -> Value {
    v["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["left"]["text"].as_str().unwrap().contains(left))
        .unwrap_or_else(|| panic!("no pair for {left:?} in {v:#}"))
        .clone()
}

/// The fixture reads as the tests expect without corrections (guards the fixture itself).
#[test]
fn fixture_reading_without_corrections() {
    let e = Env::new();
    assert_eq!(e.quote("a.txt", "The work", &[])["speaker"], "Tom Berg");
    assert_eq!(e.quote("a.txt", "We are ready", &[])["speaker"], "Ada Lind");
    let c = e.json("compare", &["a", "b"]);
    assert_eq!(pair(&c, "40 boats")["relation"], "conflict");
    assert_eq!(pair(&c, "We are ready")["relation"], "agree");
    assert!(e.quote("a.txt", "The work", &[]).get("corrected").is_none());
}

/// A quote given to another speaker: quotes and export say so, with dossier's speaker
/// beside it; `--no-corrections` shows dossier's own reading.
#[test]
fn quote_speaker_reassigned() {
    let e = Env::new();
    e.correct(&["quote-speaker", "a.txt", "The work starts now", "Eva Holm"]);
    let q = e.quote("a.txt", "The work", &[]);
    assert_eq!(q["speaker"], "Eva Holm");
    assert_eq!(q["corrected"], true);
    assert_eq!(q["speaker_detected"], "Tom Berg");
    assert_eq!(e.exported("a.txt", "The work", &[])["speaker"], "Eva Holm");
    let plain = e.quote("a.txt", "The work", &["--no-corrections"]);
    assert_eq!(plain["speaker"], "Tom Berg");
    assert!(plain.get("corrected").is_none());
    assert_eq!(
        e.exported("a.txt", "The work", &["--no-corrections"])["speaker"],
        "Tom Berg"
    );
    // The other quotes are not marked.
    assert!(e
        .quote("a.txt", "We are ready", &[])
        .get("corrected")
        .is_none());
}

/// A quote given to no one known.
#[test]
fn quote_speaker_unknown() {
    let e = Env::new();
    e.correct(&["quote-speaker", "a.txt", "The work starts now", "--unknown"]);
    let q = e.quote("a.txt", "The work", &[]);
    assert!(q["speaker"].is_null());
    assert_eq!(q["speaker_detected"], "Tom Berg");
    assert!(e.exported("a.txt", "The work", &[])["speaker"].is_null());
}

/// A rename: every quote of the speaker carries the new name; speakers keeps the old one
/// as an alias and as `name_detected`.
#[test]
fn speaker_rename() {
    let e = Env::new();
    e.correct(&["speaker-rename", "Ada Lind", "Ada Lindqvist"]);
    for art in ["a.txt", "b.txt"] {
        let q = e.quote(art, "We are ready", &[]);
        assert_eq!(
            (q["speaker"].as_str(), q["speaker_detected"].as_str()),
            (Some("Ada Lindqvist"), Some("Ada Lind"))
        );
    }
    let sp = e.json("speakers", &[]);
    let ada = sp
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Ada Lindqvist")
        .unwrap();
    assert_eq!(ada["name_detected"], "Ada Lind");
    assert!(ada["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a == "Ada Lind"));
    assert_eq!(
        e.exported("b.txt", "We are ready", &[])["speaker"],
        "Ada Lindqvist"
    );
    assert_eq!(
        e.quote("a.txt", "We are ready", &["--no-corrections"])["speaker"],
        "Ada Lind"
    );
}

/// A merge: one speaker holds both speakers' quotes.
#[test]
fn speaker_merge() {
    let e = Env::new();
    e.correct(&["speaker-merge", "Tom Berg", "Ada Lind"]);
    assert_eq!(e.quote("a.txt", "The work", &[])["speaker"], "Ada Lind");
    let sp = e.json("speakers", &[]);
    let names: Vec<&str> = sp
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(!names.contains(&"Tom Berg"), "{names:?}");
    assert_eq!(e.exported("a.txt", "The work", &[])["speaker"], "Ada Lind");
}

/// A split: the quotes the text credits to the alias go to a speaker of that name.
#[test]
fn speaker_split() {
    let e = Env::new();
    e.correct(&["speaker-split", "Ada Lind", "Lind"]);
    let q = e.quote("a.txt", "We are ready", &[]);
    assert_eq!(q["speaker"], "Lind");
    assert_eq!(q["speaker_detected"], "Ada Lind");
    assert_eq!(e.quote("b.txt", "We are ready", &[])["speaker"], "Ada Lind");
}

/// A conflict judged "not a conflict" is related in compare and figures, with dossier's
/// relation beside it.
#[test]
fn conflict_not_a_conflict() {
    let e = Env::new();
    e.correct(&[
        "conflict",
        "a",
        "40 boats",
        "b",
        "45 boats",
        "--not-a-conflict",
    ]);
    let p = pair(&e.json("compare", &["a", "b"]), "40 boats");
    assert_eq!(p["relation"], "related");
    assert_eq!(p["relation_detected"], "conflict");
    assert_eq!(p["verdict"], "not-a-conflict");
    let f = e.json("figures", &[]);
    assert!(f
        .as_array()
        .unwrap()
        .iter()
        .all(|q| q["conflicts"].as_array().unwrap().is_empty()));
    assert!(f
        .as_array()
        .unwrap()
        .iter()
        .any(|q| q["related"][0]["verdict"] == "not-a-conflict"));
    let plain = pair(
        &e.json("compare", &["a", "b", "--no-corrections"]),
        "40 boats",
    );
    assert_eq!(plain["relation"], "conflict");
    assert!(plain.get("corrected").is_none());
}

/// A conflict explained keeps its note, in JSON and in the text of compare.
#[test]
fn conflict_explained() {
    let e = Env::new();
    e.correct(&[
        "conflict",
        "a",
        "40 boats",
        "b",
        "45 boats",
        "--explained",
        "different day",
    ]);
    let p = pair(&e.json("compare", &["a", "b"]), "40 boats");
    assert_eq!(
        (p["relation"].as_str(), p["note"].as_str()),
        (Some("related"), Some("different day"))
    );
    let text = e.ok("compare", &["a", "b"]);
    assert!(
        text.contains("0 in conflict") && text.contains("different day"),
        "{text}"
    );
}

/// A corroboration judged wrong is related.
#[test]
fn corroboration_wrong() {
    let e = Env::new();
    e.correct(&[
        "corroboration",
        "a",
        "We are ready for the boats",
        "b",
        "We are ready for the boats",
    ]);
    let p = pair(&e.json("compare", &["a", "b"]), "We are ready");
    assert_eq!(p["relation"], "related");
    assert_eq!(p["relation_detected"], "agree");
    assert_eq!(p["verdict"], "not-corroborated");
}

/// A verdict on passages dossier does not link is refused, and nothing is saved.
#[test]
fn verdict_on_unlinked_passages_refused() {
    let e = Env::new();
    let out = e.run(
        "correct",
        &[
            "conflict",
            "a",
            "reopen in May",
            "b",
            "told reporters",
            "--not-a-conflict",
        ],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no conflict"));
    assert_eq!(e.json("corrections", &[]), serde_json::json!([]));
}

/// Each metadata field: sources and export show the value, dossier's own is kept in
/// `meta_detected`.
#[test]
fn meta_fields() {
    let e = Env::new();
    e.correct(&[
        "meta",
        "a.txt",
        "--outlet",
        "Harbour Daily",
        "--title",
        "Plan approved",
        "--date",
        "2026-05-04T09:30",
        "--url",
        "https://example.org/plan",
        "--author",
        "Kim Sand",
    ]);
    let rows = e.json("sources", &[]);
    let a = &rows[0];
    assert_eq!(a["outlet"], "Harbour Daily");
    assert_eq!(a["outlet_inferred"], false);
    assert_eq!(a["title"], "Plan approved");
    assert_eq!(a["date"], "2026-05-04T09:30");
    assert_eq!(a["url"], "https://example.org/plan");
    assert_eq!(a["author"], "Kim Sand");
    assert_eq!(a["corrected"], true);
    assert_eq!(a["meta_detected"]["title"], "Harbour plan approved");
    assert!(rows[1].get("corrected").is_none());
    let x = e.exported("a.txt", "The work", &[]);
    assert_eq!(
        (x["outlet"].as_str(), x["date"].as_str()),
        (Some("Harbour Daily"), Some("2026-05-04T09:30"))
    );
    assert_eq!(
        (x["url"].as_str(), x["author"].as_str()),
        (Some("https://example.org/plan"), Some("Kim Sand"))
    );
    let plain = e.json("sources", &["--no-corrections"]);
    assert_eq!(plain[0]["title"], "Harbour plan approved");
    assert_eq!(
        e.json("corrections", &[]).as_array().unwrap().len(),
        5,
        "one per field"
    );
}

/// Text of the article that is in no quote cannot be given a speaker (looks like a
/// quote correction, is none): refused, nothing saved.
#[test]
fn quote_speaker_on_reported_speech_refused() {
    let e = Env::new();
    let out = e.run(
        "correct",
        &[
            "quote-speaker",
            "a.txt",
            "40 boats were waiting",
            "Eva Holm",
        ],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no quote"));
    assert_eq!(e.json("corrections", &[]), serde_json::json!([]));
}

/// A malformed date is refused.
#[test]
fn meta_bad_date_refused() {
    let e = Env::new();
    assert!(!e
        .run("correct", &["meta", "a.txt", "--date", "May 4"])
        .status
        .success());
}

/// `speakers` counts each speaker's quotes per outlet beside per article.
#[test]
fn speakers_outlets() {
    let e = Env::new();
    e.correct(&["meta", "b.txt", "--outlet", "Port Weekly"]);
    let sp = e.json("speakers", &[]);
    let ada = sp
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Ada Lind")
        .unwrap();
    assert_eq!(ada["outlets"]["Port Weekly"], 1);
    assert_eq!(ada["articles"]["b.txt"], 1);
}

/// `--undo` takes back the last correction only.
#[test]
fn undo_last() {
    let e = Env::new();
    e.correct(&["speaker-rename", "Ada Lind", "Ada Lindqvist"]);
    e.correct(&["quote-speaker", "a.txt", "The work starts now", "Eva Holm"]);
    assert!(e.ok("correct", &["--undo"]).contains("undid correction 2"));
    assert_eq!(e.quote("a.txt", "The work", &[])["speaker"], "Tom Berg");
    assert_eq!(
        e.quote("a.txt", "We are ready", &[])["speaker"],
        "Ada Lindqvist"
    );
    let list = e.json("corrections", &[]);
    assert_eq!(list.as_array().unwrap().len(), 1);
}

/// `corrections --format json`: kind, status, anchor (a W3C TextQuoteSelector), old and
/// new value, note and time.
#[test]
fn corrections_json_shape() {
    let e = Env::new();
    e.correct(&[
        "quote-speaker",
        "a.txt",
        "The work starts now",
        "Eva Holm",
        "--note",
        "audio check",
    ]);
    let c = &e.json("corrections", &[])[0];
    assert_eq!(c["id"], 1);
    assert_eq!(c["kind"], "quote-speaker");
    assert_eq!(c["status"], "applied");
    assert_eq!(c["article"], "a.txt");
    assert_eq!(c["anchor"]["type"], "TextQuoteSelector");
    assert_eq!(c["anchor"]["exact"], "The work starts now,");
    assert!(c["anchor"]["suffix"]
        .as_str()
        .unwrap()
        .starts_with("\" said Tom Berg"));
    assert_eq!(
        (c["old"].as_str(), c["new"].as_str()),
        (Some("Tom Berg"), Some("Eva Holm"))
    );
    assert_eq!(c["note"], "audio check");
    assert!(c["created"].as_str().unwrap().ends_with('Z'));
    let text = e.ok("corrections", &[]);
    assert!(
        text.contains("quote-speaker") && text.contains("audio check"),
        "{text}"
    );
}

/// An edit that moves the quote by a few bytes keeps its correction.
#[test]
fn correction_survives_an_edit_that_moves_the_text() {
    let e = Env::new();
    e.correct(&["quote-speaker", "a.txt", "The work starts now", "Eva Holm"]);
    fs::write(e.file("a.txt"), A.replace("on Monday", "early on Monday")).unwrap();
    let q = e.quote("a.txt", "The work", &[]);
    assert_eq!(q["speaker"], "Eva Holm");
    assert_eq!(e.json("corrections", &[])[0]["status"], "applied");
}

/// An anchor whose text is gone is reported on stderr and listed as stale, never dropped;
/// the dossier still reads.
#[test]
fn stale_anchor_reported_not_dropped() {
    let e = Env::new();
    e.correct(&["quote-speaker", "a.txt", "The work starts now", "Eva Holm"]);
    e.correct(&["speaker-rename", "Ada Lind", "Ada Lindqvist"]);
    fs::write(
        e.file("a.txt"),
        A.replace("The work starts now", "The work begins today"),
    )
    .unwrap();
    let out = e.run("quotes", &["--format", "json"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("correction 1 (quote-speaker) no longer applies"),
        "{err}"
    );
    let list = e.json("corrections", &[]);
    assert_eq!(list[0]["status"], "stale");
    assert!(list[0]["problem"]
        .as_str()
        .unwrap()
        .contains("The work starts now"));
    assert_eq!(list[1]["status"], "applied");
    assert!(e.ok("corrections", &[]).contains("STALE"));
}

/// Two processes correcting one dossier at once keep each other's corrections.
#[test]
fn two_processes_keep_each_others_corrections() {
    let e = Env::new();
    let spawn = |args: Vec<String>| {
        Command::new(env!("CARGO_BIN_EXE_dossier"))
            .arg("correct")
            .arg(e.path())
            .args(args)
            .env("DOSSIER_DATA", e.data.path())
            .env("DOSSIER_CONFIG", "/dev/null")
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    let mut kids = Vec::new();
    for i in 0..4 {
        kids.push(spawn(vec![
            "meta".into(),
            "a.txt".into(),
            "--author".into(),
            format!("A{i}"),
        ]));
        kids.push(spawn(vec![
            "meta".into(),
            "b.txt".into(),
            "--author".into(),
            format!("B{i}"),
        ]));
    }
    for mut k in kids {
        assert!(k.wait().unwrap().success());
    }
    let list = e.json("corrections", &[]);
    assert_eq!(list.as_array().unwrap().len(), 8);
}

/// The export's JSON marks a reassigned quote, with dossier's speaker beside the analyst's.
#[test]
fn export_json_marks_corrected_quote() {
    let e = Env::new();
    e.correct(&["quote-speaker", "a.txt", "The work starts now", "Eva Holm"]);
    let x = e.exported("a.txt", "The work", &[]);
    assert_eq!(x["corrected"], true);
    assert_eq!(x["speaker_detected"], "Tom Berg");
    assert!(e
        .exported("a.txt", "We are ready", &[])
        .get("corrected")
        .is_none());
    assert!(e
        .exported("a.txt", "The work", &["--no-corrections"])
        .get("corrected")
        .is_none());
}

/// A judged conflict leaves `claims --conflicts` and the sources' conflict counts, and
/// shows in the claim's `related` with its verdict.
#[test]
fn claims_judged_conflict_is_related() {
    let e = Env::new();
    assert_eq!(
        e.json("claims", &["--conflicts"]).as_array().unwrap().len(),
        1
    );
    assert_eq!(e.json("sources", &[])[0]["claims_conflicting"], 1);
    e.correct(&[
        "conflict",
        "a",
        "40 boats",
        "b",
        "45 boats",
        "--explained",
        "different day",
    ]);
    assert_eq!(e.json("claims", &["--conflicts"]), serde_json::json!([]));
    assert_eq!(e.json("sources", &[])[0]["claims_conflicting"], 0);
    let all = e.json("claims", &[]);
    let related = &all[0]["related"][0];
    assert_eq!(
        (related["verdict"].as_str(), related["note"].as_str()),
        (Some("explained"), Some("different day"))
    );
    assert_eq!(
        e.json("claims", &["--conflicts", "--no-corrections"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

/// `claims --only-in`: the claims of one article no other outlet states, those with a
/// figure first; a claim another outlet also states is not listed.
#[test]
fn claims_only_in_article() {
    let e = Env::new();
    let extra = format!("{B}\nThe ferry line will add 2 routes in June after a long wait.\n\nOfficials praised the volunteers who cleared the quay.\n");
    fs::write(e.file("b.txt"), extra).unwrap();
    let rows = e.json("claims", &["--only-in", "b"]);
    let texts: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["text"].as_str().unwrap())
        .collect();
    assert!(texts[0].starts_with("The ferry line"), "{texts:?}");
    assert_eq!(rows[0]["figures"][0], "2");
    assert!(
        texts.iter().any(|t| t.starts_with("Officials praised")),
        "{texts:?}"
    );
    assert!(
        !texts.iter().any(|t| t.contains("45 boats")),
        "shared with a.txt: {texts:?}"
    );
}

/// Corrections made of hostile text (escapes in the quote and in the new name) never put a
/// control character on the terminal: not in `correct`, `corrections`, `quotes`,
/// `speakers`, nor in the stale warning.
#[test]
fn hostile_text_in_corrections_is_made_safe() {
    let e = Env::new();
    let evil = A.replace(
        "The work starts now",
        "The work \u{1b}]0;PWNED\u{7} starts now",
    );
    fs::write(e.file("a.txt"), &evil).unwrap();
    let name = "Eva \u{1b}[2J\u{202e}Holm";
    let out = e.run("correct", &["quote-speaker", "a.txt", "starts now", name]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    fs::write(
        e.file("a.txt"),
        A.replace("The work starts now", "The work \u{1b}]0;GONE"),
    )
    .unwrap();
    let mut outputs = vec![out];
    for sub in ["corrections", "quotes", "speakers"] {
        outputs.push(e.run(sub, &[]));
    }
    fs::write(e.file("a.txt"), &evil).unwrap();
    for sub in ["corrections", "quotes", "speakers"] {
        outputs.push(e.run(sub, &[]));
    }
    let all: String = outputs
        .iter()
        .map(|o| {
            format!(
                "{}{}",
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            )
        })
        .collect();
    assert!(
        all.contains("no longer applies"),
        "the stale case ran: {all}"
    );
    assert!(all.contains("Eva"), "the name is shown: {all}");
    let bad: Vec<char> = all
        .chars()
        .filter(|c| (c.is_control() && *c != '\n') || ('\u{202a}'..='\u{202e}').contains(c))
        .collect();
    assert_eq!(bad, Vec::<char>::new(), "{all}");
}

/// Reading a dossier that has no saved state makes no file in the data folder (no lock
/// file per folder ever read); making a correction does.
#[test]
fn reading_without_state_writes_nothing() {
    let e = Env::new();
    for sub in ["quotes", "speakers", "sources", "corrections"] {
        e.ok(sub, &[]);
    }
    assert_eq!(fs::read_dir(e.data.path()).unwrap().count(), 0);
    e.correct(&["speaker-rename", "Tom Berg", "Thomas Berg"]);
    assert_eq!(fs::read_dir(e.data.path()).unwrap().count(), 1);
}
