//! `dossier export` and `--print-config`, end to end: formats, saved clippings, filters,
//! atomic no-clobber files and their faults.

#[macro_use]
mod util;

use dossier::model::export::{ClipKind, Clipping};
use dossier::model::{load_bundled, ArticleId};
use dossier::state::{Change, Store};
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

/// Run dossier with its data folder in `data`.
fn run_in(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .env("DOSSIER_DATA", data)
        .env("DOSSIER_CONFIG", data.join("config.toml"))
        .env("NO_COLOR", "1")
        .output()
        .expect("run dossier")
}

#[track_caller]
fn ok_in(data: &Path, args: &[&str]) -> (String, String) {
    let out = run_in(data, args);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "dossier {args:?}: {err}");
    (String::from_utf8(out.stdout).unwrap(), err)
}

/// Save three clippings of the bundled dossier (two from article 1, one from article 2)
/// in a fresh data folder, as the reader would.
fn with_clippings() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = load_bundled();
    let store = Store::at(dir.path().join("state/bundled.json"), "bundled");
    let created = Some("2026-11-25T11:00:00Z".to_string());
    let a0 = &d.articles[0];
    let pos = a0.text.find("unprecedented").unwrap();
    let c1 = Clipping::sentence_at(&d, ArticleId(0), pos, created.clone()).unwrap();
    let c2 = Clipping::paragraph_at(&d, ArticleId(0), 0, created.clone()).unwrap();
    let a1 = &d.articles[1];
    let p = a1.body().next().unwrap().span.start;
    let c3 = Clipping::sentence_at(&d, ArticleId(1), p, created)
        .unwrap()
        .with_note("second source");
    for c in [c1, c2, c3] {
        store.apply(Change::AddClipping(c)).unwrap();
    }
    dir
}

/// Saved clippings export as Markdown blockquotes with title and paragraph citations,
/// under a title that says they are clippings.
#[test]
fn clippings_to_markdown_on_stdout() {
    let data = with_clippings();
    let (md, _) = ok_in(data.path(), &["export", "--clippings", "--format", "md"]);
    assert!(md.starts_with("# Clippings: "), "{md}");
    assert!(md.contains("unprecedented"), "{md}");
    // The seeds' articles have titles: the citation names them, not the files.
    assert!(!md.contains("`000_a746009515ada104.txt`"), "{md}");
    assert_eq!(md.matches(", ¶ ").count(), 3, "{md}");
    assert!(md.contains("**Note:** second source"), "{md}");
    assert_eq!(md.matches("\n## ").count(), 2, "grouped by source: {md}");
    let (md2, _) = ok_in(
        data.path(),
        &["export", "--clippings", "--format", "markdown"],
    );
    assert_eq!(md, md2);
}

/// JSON carries byte offsets that hold each passage's text in its file.
#[test]
fn clippings_json_offsets_hold() {
    let data = with_clippings();
    let (out, _) = ok_in(data.path(), &["export", "--clippings", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let clips = v["clippings"].as_array().unwrap();
    assert_eq!(clips.len(), 3);
    for c in clips {
        let file = util::seeds().join(c["article"].as_str().unwrap());
        let raw = fs::read(file).unwrap();
        let (s, e) = (c["start"].as_u64().unwrap(), c["end"].as_u64().unwrap());
        let text = std::str::from_utf8(&raw[s as usize..e as usize]).unwrap();
        assert_eq!(text, c["text"].as_str().unwrap());
        assert_eq!(c["created"], "2026-11-25T11:00:00Z");
        assert_eq!(c["selectors"][0]["exact"], c["text"]);
    }
}

/// Plain text is not hard-wrapped, and --in-order keeps clipping order without headings.
#[test]
fn text_unwrapped_and_in_order() {
    let data = with_clippings();
    let (txt, _) = ok_in(data.path(), &["export", "--clippings", "--in-order"]);
    let first_para = load_bundled().articles[0].paragraphs[0].span;
    let para_text = &load_bundled().articles[0].text[first_para.range()];
    assert!(txt.contains(para_text.trim()), "{txt}");
    assert!(
        !txt.contains("====="),
        "no source headings in clipping order: {txt}"
    );
}

/// --article keeps one article's passages.
#[test]
fn article_filter() {
    let data = with_clippings();
    let (out, _) = ok_in(
        data.path(),
        &[
            "export",
            "--clippings",
            "--article",
            "2",
            "--format",
            "json",
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let clips = v["clippings"].as_array().unwrap();
    assert_eq!(clips.len(), 1);
    assert_eq!(clips[0]["note"], "second source");
}

/// --quotes (the default) exports the dossier's quotes; an unknown speaker leaves nothing,
/// with a warning, not an error.
#[test]
fn quotes_and_speaker_filter() {
    let data = tempfile::tempdir().unwrap();
    let (out, _) = ok_in(data.path(), &["export", "--quotes", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for q in v["clippings"].as_array().unwrap() {
        assert_eq!(q["kind"], "quote");
    }
    let (out, err) = ok_in(
        data.path(),
        &[
            "export",
            "--speaker",
            "nobody-of-that-name",
            "--format",
            "json",
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["clippings"].as_array().unwrap().is_empty());
    assert!(err.contains("nothing to export"), "{err}");
}

/// -o writes the file atomically and says where; an existing file is refused (status 2,
/// file unchanged) unless --force.
#[test]
fn output_file_no_clobber() {
    let data = with_clippings();
    let out = data.path().join("out.md");
    let o = out.to_str().unwrap();
    let (stdout, err) = ok_in(
        data.path(),
        &["export", "--clippings", "--format", "md", "-o", o],
    );
    assert!(stdout.is_empty());
    assert!(
        err.contains("wrote 3 passage(s) to") && err.contains("out.md"),
        "{err}"
    );
    let first = fs::read_to_string(&out).unwrap();
    assert!(first.starts_with("# Clippings: "));

    fs::write(&out, "mine").unwrap();
    let r = run_in(data.path(), &["export", "--clippings", "-o", o]);
    assert_eq!(r.status.code(), Some(2));
    let err = String::from_utf8_lossy(&r.stderr);
    assert!(
        err.contains("already exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&out).unwrap(), "mine");

    ok_in(
        data.path(),
        &[
            "export",
            "--clippings",
            "--format",
            "md",
            "-o",
            o,
            "--force",
        ],
    );
    assert_eq!(fs::read_to_string(&out).unwrap(), first);
}

/// A missing folder, or a "folder" that is a file, is a clear error and leaves nothing.
#[test]
fn output_folder_faults() {
    let data = with_clippings();
    let missing = data.path().join("no/such/out.md");
    let r = run_in(
        data.path(),
        &["export", "--clippings", "-o", missing.to_str().unwrap()],
    );
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stderr).contains("does not exist"));
    assert!(!data.path().join("no").exists());

    let file = data.path().join("afile");
    fs::write(&file, "x").unwrap();
    let under = file.join("out.md");
    let r = run_in(
        data.path(),
        &["export", "--clippings", "-o", under.to_str().unwrap()],
    );
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stderr).contains("is not a folder"));
}

/// A corrupt state file is moved aside with a warning; the export still runs.
#[test]
fn corrupt_state_is_reported() {
    let data = tempfile::tempdir().unwrap();
    fs::create_dir_all(data.path().join("state")).unwrap();
    fs::write(data.path().join("state/bundled.json"), "{oops").unwrap();
    let (_, err) = ok_in(data.path(), &["export", "--clippings"]);
    assert!(
        err.contains("corrupt") && err.contains("bundled.json.corrupt-1"),
        "{err}"
    );
    assert!(data.path().join("state/bundled.json.corrupt-1").exists());
}

/// Markdown is for export only: other subcommands refuse it clearly.
#[test]
fn md_format_only_for_export() {
    let data = tempfile::tempdir().unwrap();
    let r = run_in(data.path(), &["sources", "--format", "md"]);
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stderr).contains("--format md is for `dossier export`"));
    for f in ["csv", "csl"] {
        let r = run_in(data.path(), &["quotes", "--format", f]);
        assert_eq!(r.status.code(), Some(2), "{f}");
        let err = String::from_utf8_lossy(&r.stderr);
        assert!(
            err.contains(&format!("--format {f} is for `dossier export`")),
            "{err}"
        );
    }
    let r = run_in(
        data.path(),
        &["export", "--front-matter", "--format", "json"],
    );
    assert_eq!(r.status.code(), Some(2));
}

/// The quotes export says it holds quotes; `--front-matter` opens it with YAML front
/// matter stamped with the export time (`DOSSIER_NOW` fixes it).
#[test]
fn quotes_markdown_with_front_matter() {
    let data = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["export", "--format", "md", "--front-matter"])
        .env("DOSSIER_DATA", data.path())
        .env("DOSSIER_NOW", "2026-12-07T06:00:00Z")
        .output()
        .unwrap();
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    let head: Vec<&str> = md.lines().take(4).collect();
    assert_eq!(
        head,
        [
            "---",
            "title: \"Quotes: North Korean troops in Russia (bundled seeds)\"",
            "dossier: \"North Korean troops in Russia (bundled seeds)\"",
            "exported: \"2026-12-07T06:00:00Z\"",
        ]
    );
    assert!(md.contains("\n---\n# Quotes: "), "{md}");
    assert!(md.contains("  - \"Stars and Stripes — "), "{md}");
}

/// CSV has a header and one row per quote, and reads back as the JSON export's fields.
#[test]
fn quotes_csv_one_row_per_passage() {
    let data = tempfile::tempdir().unwrap();
    let (csv, _) = ok_in(data.path(), &["export", "--format", "csv"]);
    let (json, _) = ok_in(data.path(), &["export", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let n = v["clippings"].as_array().unwrap().len();
    assert!(n > 10);
    // No quote of the seeds spans lines: one CRLF-ended line per row.
    assert_eq!(csv.matches("\r\n").count(), n + 1);
    assert!(csv.starts_with("id,kind,article,title,outlet,url,date,author,paragraph,"));
}

/// pandoc reads the CSL-JSON export and cites its items with their paragraph locator.
/// Skipped with a note where pandoc is missing, except under CI (which installs it).
#[test]
fn csl_items_cite_with_pandoc() {
    let has_pandoc = Command::new("pandoc")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_pandoc {
        assert!(
            std::env::var_os("CI").is_none(),
            "pandoc is missing, and CI must run this test (.ci/run installs it)"
        );
        eprintln!("pandoc not found: csl_items_cite_with_pandoc skipped");
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let bib = data.path().join("quotes.csl.json");
    ok_in(
        data.path(),
        &[
            "export",
            "--format",
            "csl",
            "--article",
            "3",
            "-o",
            bib.to_str().unwrap(),
        ],
    );
    let items: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&bib).unwrap()).unwrap();
    let first = &items[0];
    assert_eq!(first["type"], "article-newspaper");
    assert_eq!(first["container-title"], "Stars and Stripes");
    let (id, para) = (
        first["id"].as_str().unwrap(),
        first["locator"].as_str().unwrap(),
    );
    let doc = data.path().join("doc.md");
    fs::write(&doc, format!("As reported [@{id}, para {para}].\n")).unwrap();
    let out = Command::new("pandoc")
        .arg("--citeproc")
        .arg("--bibliography")
        .arg(&bib)
        .args(["-t", "plain", "--wrap", "none"])
        .arg(&doc)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "pandoc: {err}");
    assert!(!err.contains("not found"), "pandoc: {err}");
    assert!(text.contains("Stars and Stripes"), "{text}");
    assert!(text.contains(&format!("para {para}")), "{text}");
    assert!(text.contains("2024"), "{text}");
}

/// --print-config prints the documented default, which parses.
#[test]
fn print_config_is_the_default() {
    let data = tempfile::tempdir().unwrap();
    let (out, _) = ok_in(data.path(), &["--print-config"]);
    assert_eq!(out, dossier::config::DEFAULT_CONFIG);
    assert!(dossier::config::parse(Path::new("x"), &out).is_ok());
}

/// Writes 30 clippings to the store named by `DOSSIER_TEST_STORE` (a child process of
/// `two_processes_keep_each_others_clippings`; does nothing when run on its own).
#[test]
fn writer_child() {
    let Some(path) = std::env::var_os("DOSSIER_TEST_STORE") else {
        return;
    };
    let d = load_bundled();
    let store = Store::at(path, "bundled");
    let a = &d.articles[0];
    let sentences: Vec<_> = a.paragraphs.iter().flat_map(|p| &p.sentences).collect();
    for i in 0..30 {
        let s = sentences[i % sentences.len()];
        let c = Clipping::new(&d, ArticleId(0), s, ClipKind::Sentence, None)
            .with_note(format!("{} #{i}", std::process::id()));
        store.apply(Change::AddClipping(c)).unwrap();
    }
}

/// Two processes clipping into one dossier's state at once keep every clipping.
#[test]
fn two_processes_keep_each_others_clippings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state/bundled.json");
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = (0..2)
        .map(|_| {
            Command::new(&exe)
                .args(["--exact", "writer_child", "--test-threads", "1"])
                .env("DOSSIER_TEST_STORE", &path)
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let state = Store::at(&path, "bundled").load().unwrap().state;
    assert_eq!(state.clippings.len(), 60);
    let mut notes: Vec<_> = state
        .clippings
        .iter()
        .filter_map(|c| c.note.clone())
        .collect();
    notes.sort();
    notes.dedup();
    assert_eq!(notes.len(), 60, "no clipping lost or duplicated");
}

/// In the reader, the export dialog writes CSV and CSL-JSON too: clip the sentence at the
/// cursor, `E`, `Tab` to the format, `Enter`; the file has the format's shape.
#[test]
fn reader_exports_csv_and_csl() {
    need_tmux!();
    let t = util::tmux::Tmux::start(&[], 120, 40, "Sources (5)");
    t.keys(&["Enter"]);
    t.poll(
        |s| util::tmux::status_bar(s).contains("ARTICLE"),
        "the article",
    );
    t.keys(&["x"]);
    t.wait_for("clipped the");
    for (tabs, ext) in [(3, "csl.json"), (4, "csv")] {
        t.keys(&["E"]);
        t.wait_for("Export 1 clipping");
        for _ in 0..tabs {
            t.keys(&["Tab"]);
        }
        t.wait_for(&format!("-clippings.{ext}▏"));
        t.keys(&["Enter"]);
        t.wait_for("wrote 1 clipping to");
        let file = fs::read_dir(t.dir())
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.to_string_lossy().ends_with(&format!("-clippings.{ext}")))
            .unwrap_or_else(|| panic!("no .{ext} file"));
        let text = fs::read_to_string(file).unwrap();
        if ext == "csv" {
            assert!(text.starts_with("id,kind,article,"), "{text}");
            assert_eq!(text.matches("\r\n").count(), 2, "{text}");
        } else {
            let v: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(v[0]["type"], "article-newspaper", "{text}");
        }
    }
    util::tmux::quit_and_check_restored(&t);
}
