//! The command line, end to end: output shapes, exit codes, bad input, colour and paging
//! (in tmux, with a fake pager).

#[macro_use]
mod util;

use std::fs;
use util::{fixture, json, ok, run, s, seeds};

/// With no path, `sources` lists the five bundled articles, from any folder.
#[test]
fn sources_default_is_bundled_seeds() {
    let v = json(&["sources"]);
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 5);
    for key in ["article", "title", "outlet", "author", "date", "words"] {
        assert!(rows[0].get(key).is_some(), "missing {key}");
    }
    assert_eq!(rows[0]["article"], "000_a746009515ada104.txt");
}

/// `--timings` reports every phase of `sources` on stderr, loading and the claims'
/// analysis, each with its wall time beside the process's CPU time; stdout is the table as
/// without it.
#[test]
fn timings_report_wall_and_cpu_time_per_phase() {
    let out = run(&["sources", s(&seeds()), "--timings", "--width", "120"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    for phase in ["read", "segment", "quotes", "claims", "analysis"] {
        let line = err
            .lines()
            .find(|l| l.split_whitespace().next() == Some(phase))
            .unwrap_or_else(|| panic!("no {phase} line in {err}"));
        assert!(
            line.contains(" ms wall ") && line.contains(" ms CPU "),
            "{line}"
        );
    }
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        ok(&["sources", s(&seeds()), "--width", "120"])
    );
}

/// The sources table on the seeds is stable.
#[test]
fn sources_text_snapshot() {
    insta::assert_snapshot!(ok(&["sources", s(&seeds()), "--width", "120"]));
}

/// `read` gives every paragraph with byte offsets that hold its text in the file.
#[test]
fn read_json_offsets_hold_text() {
    for entry in fs::read_dir(seeds()).unwrap() {
        let path = entry.unwrap().path();
        let raw = fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_str().unwrap();
        let v = json(&["read", s(&seeds()), name]);
        assert_eq!(v["article"], name);
        for p in v["paragraphs"].as_array().unwrap() {
            let (a, b) = (
                p["start"].as_u64().unwrap() as usize,
                p["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                std::str::from_utf8(&raw[a..b]).unwrap(),
                p["text"].as_str().unwrap()
            );
            for sen in p["sentences"].as_array().unwrap() {
                let (c, d) = (
                    sen["start"].as_u64().unwrap() as usize,
                    sen["end"].as_u64().unwrap() as usize,
                );
                assert!(a <= c && c < d && d <= b);
            }
        }
    }
}

/// ARTICLE may be a file name, a stem, or a 1-based index; PATH may be left out.
#[test]
fn read_article_by_name_stem_index() {
    let by_index = json(&["read", "3"]);
    let by_stem = json(&["read", "002_1e72f9d0408d5ce6"]);
    let by_name = json(&["read", s(&seeds()), "002_1e72f9d0408d5ce6.txt"]);
    assert_eq!(by_index, by_stem);
    assert_eq!(by_stem["paragraphs"], by_name["paragraphs"]);
    // A unique prefix of a file name comes before an index: "002" is 002_….txt, not the
    // second article.
    let by_prefix = json(&["read", "002"]);
    assert_eq!(by_prefix["article"], by_stem["article"]);
}

/// The seeds' noise is set apart: every paragraph kind occurs.
#[test]
fn seeds_have_every_paragraph_kind() {
    let mut kinds = std::collections::BTreeSet::new();
    for i in 1..=5 {
        for p in json(&["read", &i.to_string()])["paragraphs"]
            .as_array()
            .unwrap()
        {
            kinds.insert(p["kind"].as_str().unwrap().to_string());
        }
    }
    let want = [
        "appended",
        "body",
        "boilerplate",
        "byline",
        "caption",
        "duplicate",
        "headline",
    ];
    assert_eq!(kinds.into_iter().collect::<Vec<_>>(), want);
}

/// The text form of `read` shows kinds and wraps to the width.
#[test]
fn read_text_wraps() {
    let out = ok(&["read", "3", "--width", "60"]);
    assert!(out.lines().all(|l| l.chars().count() <= 60), "{out}");
    assert!(out.contains("caption"));
    insta::assert_snapshot!(out);
}

/// A wrong count of positionals is a usage error with status 2.
#[test]
fn wrong_positional_count_is_usage_error() {
    let out = run(&["read", "a", "b", "c"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Usage: dossier read [OPTIONS] [PATH] <ARTICLE>"),
        "{err}"
    );
}

/// A missing path is a clear error with status 2.
#[test]
fn missing_path_is_error() {
    let out = run(&["sources", "/nonexistent/dossier"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("/nonexistent/dossier: no such file or folder"));
}

/// An unknown article names the ones there are.
#[test]
fn unknown_article_lists_articles() {
    let out = run(&["read", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("000_a746009515ada104.txt"));
}

/// The manifest's metadata overrides what is inferred; unnamed files keep inferred values.
#[test]
fn manifest_overrides_inferred() {
    let v = json(&["sources", s(&fixture("manifest"))]);
    assert_eq!(v[0]["title"], "Council closes the river bridge");
    assert_eq!(v[0]["outlet"], "The Gazette");
    assert_eq!(v[0]["author"], "Jane Roe");
    assert_eq!(v[1]["title"], "Bridge to shut for a year");
    assert_eq!(v[1]["author"], "Tom Smith");
    assert_eq!(v[1]["date"], "2024-03-01");
}

/// An outlet from the manifest is not inferred; without one, the file name gives it.
#[test]
fn outlet_from_manifest_or_file_name() {
    let v = json(&["sources", s(&fixture("manifest"))]);
    assert_eq!(v[0]["outlet_inferred"], false);
    assert_eq!(v[1]["outlet"], "herald");
    assert_eq!(v[1]["outlet_inferred"], true);
    assert!(v[1]["agency"].is_null());
    assert!(v[1]["updated"].is_null());
}

/// A manifest with a syntax error is reported with file, line and column, status 2.
#[test]
fn manifest_syntax_error_has_position() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "Some story.").unwrap();
    fs::write(
        dir.path().join("dossier.toml"),
        "title = \"x\"\n[articles\n",
    )
    .unwrap();
    let out = run(&["sources", s(dir.path())]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("dossier.toml:2:"), "{err}");
    assert!(err.contains("invalid manifest"), "{err}");
}

/// A manifest naming a missing file warns and the rest loads.
#[test]
fn manifest_naming_missing_file_warns() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "Some story.").unwrap();
    fs::write(
        dir.path().join("dossier.toml"),
        "[articles.\"gone.txt\"]\ntitle = \"x\"\n",
    )
    .unwrap();
    let out = run(&["sources", s(dir.path())]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("gone.txt"));
}

/// Each bad file is skipped (or decoded) with a one-line warning, and the rest loads.
#[test]
fn bad_files_warn_and_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(p.join("a_good.txt"), "The good story is here.").unwrap();
    fs::write(p.join("b_empty.txt"), "").unwrap();
    fs::write(p.join("c_binary.txt"), b"abc\0def").unwrap();
    fs::write(p.join("d_latin1.txt"), b"Caf\xe9 story here.").unwrap();
    fs::write(p.join("e_big.txt"), "x".repeat(5000)).unwrap();
    fs::create_dir(p.join("f_folder.txt")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(p.join("g_loop.txt"), p.join("g_loop.txt")).unwrap();
    fs::write(p.join("notes.csv"), "not an article").unwrap();
    let out = run(&["sources", s(p), "--max-bytes", "1000", "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["article"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["a_good.txt", "d_latin1.txt"]);
    let err = String::from_utf8_lossy(&out.stderr);
    for (file, says) in [
        ("b_empty.txt", "empty"),
        ("c_binary.txt", "binary"),
        ("d_latin1.txt", "invalid UTF-8 at byte 3"),
        ("e_big.txt", "over the limit"),
        ("f_folder.txt", "a folder"),
        ("g_loop.txt", "cannot read"),
    ] {
        assert!(
            err.lines().any(|l| l.contains(file) && l.contains(says)),
            "{file}: {says}\n{err}"
        );
    }
    assert_eq!(v[1]["lossy"], true);
}

/// A folder with no article is an error naming what was skipped.
#[test]
fn folder_without_articles_is_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("empty.txt"), "  \n").unwrap();
    let out = run(&["sources", s(dir.path())]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no article in this folder") && err.contains("empty.txt"),
        "{err}"
    );
}

/// UTF-16 with a BOM is decoded.
#[test]
fn utf16_is_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    for u in "A story in UTF-16.".encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    fs::write(dir.path().join("a.txt"), bytes).unwrap();
    let v = json(&["read", s(dir.path()), "1"]);
    assert_eq!(v["paragraphs"][0]["text"], "A story in UTF-16.");
}

/// Text output never carries control characters from the article; `--raw` does.
#[test]
fn text_output_is_sanitized() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "Evil \x1b]0;pwned\x07 title \x1b[2J here.\nBody \u{202e}text.",
    )
    .unwrap();
    let out = ok(&["read", s(dir.path()), "1"]);
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
    assert!(out.contains("␛]0;pwned␇"));
    let raw = ok(&["read", s(dir.path()), "1", "--raw"]);
    assert!(raw.contains('\x1b'));
}

/// The text form of `read` shows mojibake repaired (`â€œ` as “); JSON keeps the file's
/// text, and `--raw` prints it as it is.
#[test]
fn read_text_repairs_mojibake() {
    let dir = tempfile::tempdir().unwrap();
    let story =
        "The mayor said \u{e2}\u{20ac}\u{153}we will rebuild\u{e2}\u{20ac}\u{9d} on Monday.";
    fs::write(dir.path().join("a.txt"), story).unwrap();
    let out = ok(&["read", s(dir.path()), "1"]);
    assert!(out.contains("\u{201c}we will rebuild\u{201d}"), "{out}");
    assert!(!out.contains('\u{e2}'), "{out}");
    let v = json(&["read", s(dir.path()), "1"]);
    assert_eq!(v["paragraphs"][0]["text"], story);
    let raw = ok(&["read", s(dir.path()), "1", "--raw"]);
    assert!(raw.contains('\u{e2}'));
}

/// A single article file can be opened as a dossier of one.
#[test]
fn single_file_is_a_dossier() {
    let v = json(&["sources", s(&seeds().join("003_48946c23aec9d6af.txt"))]);
    assert_eq!(v.as_array().unwrap().len(), 1);
}

/// The byte range `[start, end)` of a JSON span object holds its `text` in the file.
#[track_caller]
fn assert_span_holds(raw: &[u8], v: &serde_json::Value) {
    let (a, b) = (
        v["start"].as_u64().unwrap() as usize,
        v["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        std::str::from_utf8(&raw[a..b]).unwrap(),
        v["text"].as_str().unwrap()
    );
}

/// `compare` prints the documented JSON shape, with offsets that hold each side's text.
#[test]
fn compare_json_shape() {
    let dir = fixture("quake");
    let v = json(&["compare", s(&dir), "a_wire.txt", "b_daily.txt"]);
    assert_eq!(v["left"], "a_wire.txt");
    assert_eq!(v["right"], "b_daily.txt");
    let left = fs::read(dir.join("a_wire.txt")).unwrap();
    let right = fs::read(dir.join("b_daily.txt")).unwrap();
    let pairs = v["pairs"].as_array().unwrap();
    assert!(!pairs.is_empty());
    for p in pairs {
        assert!(["agree", "conflict"].contains(&p["relation"].as_str().unwrap()));
        assert!(p["score"].is_number());
        assert_span_holds(&left, &p["left"]);
        assert_span_holds(&right, &p["right"]);
        for d in p["differences"].as_array().unwrap() {
            for k in ["left", "right", "what"] {
                assert!(d[k].is_string(), "missing {k}");
            }
        }
    }
    // Conflicts come first.
    assert_eq!(pairs[0]["relation"], "conflict");
    for o in v["left_only"].as_array().unwrap() {
        assert_span_holds(&left, o);
    }
    for o in v["right_only"].as_array().unwrap() {
        assert_span_holds(&right, o);
    }
}

/// The text form of `compare` marks the differing figures, since pipes carry no colour.
#[test]
fn compare_text_marks_differences() {
    let out = ok(&["compare", s(&fixture("quake")), "1", "2"]);
    assert!(out.contains("CONFLICT"), "{out}");
    assert!(out.contains("»233«") && out.contains("»235«"), "{out}");
}

/// `compare` with one article too few is a usage error.
#[test]
fn compare_needs_two_articles() {
    let out = run(&["compare", "1"]);
    assert_eq!(out.status.code(), Some(2));
}

/// `claims` prints clusters with mentions and conflicts in the documented shape.
#[test]
fn claims_json_shape() {
    let dir = fixture("quake");
    let v = json(&["claims", s(&dir)]);
    let clusters = v.as_array().unwrap();
    assert!(!clusters.is_empty());
    for c in clusters {
        assert!(c["id"].is_string() && c["summary"].is_string());
        for m in c["mentions"].as_array().unwrap() {
            let raw = fs::read(dir.join(m["article"].as_str().unwrap())).unwrap();
            assert_span_holds(&raw, m);
            assert!(m["values"].is_array());
            assert!(m["attribution"].is_string() || m["attribution"].is_null());
        }
        for x in c["conflicts"].as_array().unwrap() {
            for k in ["a", "b"] {
                assert!(x[k].is_u64());
            }
            for k in ["left", "right", "what"] {
                assert!(x[k].is_string());
            }
        }
    }
}

/// `claims --conflicts` keeps only clusters with a conflict.
#[test]
fn claims_conflicts_filter() {
    let v = json(&["claims", s(&fixture("quake")), "--conflicts"]);
    let clusters = v.as_array().unwrap();
    assert!(!clusters.is_empty());
    assert!(clusters
        .iter()
        .all(|c| !c["conflicts"].as_array().unwrap().is_empty()));
    // Each side names its outlet, and the two sides are two outlets.
    for c in clusters {
        for x in c["conflicts"].as_array().unwrap() {
            let (l, r) = (x["left_outlet"].as_str(), x["right_outlet"].as_str());
            assert!(l.is_some_and(|l| !l.is_empty()), "{x}");
            assert_ne!(l, r, "{x}");
        }
    }
}

/// `sources` rows count the claims each article shares, alone states, and disputes.
#[test]
fn sources_count_claims() {
    let v = json(&["sources", s(&fixture("quake"))]);
    for r in v.as_array().unwrap() {
        for k in ["claims_shared", "claims_unique", "claims_conflicting"] {
            assert!(r[k].is_u64(), "missing {k}");
        }
        assert!(r["claims_shared"].as_u64().unwrap() >= 1);
        assert!(r["claims_conflicting"].as_u64().unwrap() >= 1);
    }
}

/// A mistyped subcommand that is no path gets a suggestion, not "no such file".
#[test]
fn mistyped_subcommand_is_suggested() {
    let out = run(&["sourcez"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean \"sources\""), "{err}");
    let out = run(&["xyzzy"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such file"));
}

/// Comparing an article with itself is refused with a message.
#[test]
fn compare_with_itself_is_refused() {
    let out = run(&["compare", "1", "1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("same article"));
}

/// ARTICLE may be an outlet or a unique part of a file name; an ambiguous one lists the
/// candidates.
#[test]
fn article_by_outlet_or_part_of_its_name() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        (
            "01_dailyplanet.txt",
            "The bridge closed on Monday, the council said.\n",
        ),
        (
            "02_gazette.txt",
            "The bridge will reopen next year, officials said.\n",
        ),
        (
            "03_gazette-west.txt",
            "Traffic was diverted through the town, police said.\n",
        ),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let v = json(&["read", s(dir.path()), "dailyplanet"]);
    assert_eq!(v["article"], "01_dailyplanet.txt");
    let v = json(&["read", s(dir.path()), "gazette"]);
    assert_eq!(v["article"], "02_gazette.txt");
    let v = json(&["read", s(dir.path()), "west"]);
    assert_eq!(v["article"], "03_gazette-west.txt");
    let out = run(&["read", s(dir.path()), "gazet"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("several articles") && err.contains("02_gazette.txt"),
        "{err}"
    );
}

/// `read FOLDER` without an article is a usage error listing that folder's articles.
#[test]
fn read_folder_without_article_lists_its_articles() {
    let out = run(&["read", s(&fixture("manifest"))]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("a_gazette.txt") && err.contains("b_herald.md"),
        "{err}"
    );
    assert!(!err.contains("000_a746009515ada104"), "{err}");
}

/// A fake pager: writes what it is given to `$DIR/paged`, and the LESS it was given.
const FAKE_PAGER: &str = "#!/bin/sh\ncat > \"$DIR/paged\"\nprintf '%s' \"$LESS\" > \"$DIR/less\"\n";

/// Piped output is plain and never paged, whatever PAGER says; `--color always` colours
/// it with SGR sequences only; `--color never` and the default do not.
#[test]
fn piped_output_is_plain_and_unpaged() {
    let dir = tempfile::tempdir().unwrap();
    let pager = dir.path().join("pager.sh");
    fs::write(&pager, FAKE_PAGER).unwrap();
    let run_with = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(args)
            .env("PAGER", format!("sh {}", pager.display()))
            .env("DIR", dir.path())
            .env_remove("NO_COLOR")
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    for args in [&["quotes"][..], &["claims", "--color", "never"]] {
        let out = run_with(args);
        assert!(!out.contains('\x1b'), "{args:?}: {out}");
        assert!(
            out.lines().count() > 10,
            "longer than a small screen: {args:?}"
        );
    }
    assert!(
        !dir.path().join("paged").exists(),
        "the pager ran on a pipe"
    );
    let colored = run_with(&["claims", "--color", "always"]);
    assert!(colored.contains("\x1b[31m≠\x1b[0m"), "{colored}");
    let plain = regex::Regex::new("\x1b\\[[0-9;]*m")
        .unwrap()
        .replace_all(&colored, "");
    assert!(!plain.contains('\x1b'));
    assert_eq!(plain, run_with(&["claims"]), "colour changes no character");
    // compare and figures too: conflicts in red, and nothing but SGR added.
    let sgr = regex::Regex::new("\x1b\\[[0-9;]*m").unwrap();
    for (args, red) in [
        (
            &["compare", "seeds", "1", "2"][..],
            "\x1b[31mCONFLICT\x1b[0m",
        ),
        (&["figures", "seeds"], "\x1b[31m≠\x1b[0m"),
    ] {
        let colored = run_with(&[args, &["--color", "always"]].concat());
        assert!(colored.contains(red), "{args:?}: {colored}");
        let plain = sgr.replace_all(&colored, "");
        assert_eq!(
            plain,
            run_with(args),
            "{args:?}: colour changes no character"
        );
    }
}

/// The claims table speaks the reader's matrix glyphs: ● reports it, ≠ conflicts, · silent.
#[test]
fn claims_table_uses_the_readers_glyphs() {
    let out = ok(&["claims"]);
    let head = out.lines().next().unwrap();
    assert!(
        head.contains("● reports it, ≠ in conflict, · silent"),
        "{head}"
    );
    assert!(!out.contains('■') && !out.contains('✗'), "{out}");
    assert!(out.lines().skip(1).any(|l| l.contains("  ≠  ")), "{out}");
}

/// On a terminal, output longer than the screen goes through $PAGER, coloured, with
/// LESS=FRX set as git does; `--no-pager` prints it; `NO_COLOR` keeps it plain; short
/// output is printed as it is.
#[test]
fn terminal_output_paged_and_coloured() {
    need_tmux!();
    let bin = tempfile::tempdir().unwrap();
    let pager = bin.path().join("pager.sh");
    fs::write(&pager, FAKE_PAGER).unwrap();
    let pager = format!("sh {}", pager.display());
    let env: &[(&str, &str)] = &[("PAGER", &pager)];
    // Long: paged, and coloured (colour is auto on a terminal).
    let t = paged_run(env, &["quotes"]);
    let paged = fs::read_to_string(t.dir().join("paged")).expect("the pager ran");
    assert!(paged.contains("\x1b[36m"), "coloured for less -R: {paged}");
    assert!(paged.contains("== 000_a746009515ada104.txt"), "{paged}");
    assert_eq!(fs::read_to_string(t.dir().join("less")).unwrap(), "FRX");
    // NO_COLOR: paged, plain.
    let t = paged_run(&[env[0], ("NO_COLOR", "1")], &["quotes"]);
    let paged = fs::read_to_string(t.dir().join("paged")).expect("the pager ran");
    assert!(!paged.contains('\x1b'), "{paged}");
    // --no-pager, and short output: printed on the terminal, not paged.
    for (args, shown) in [
        (&["quotes", "--no-pager"][..], "“"),
        (&["sources"][..], "ARTICLE"),
    ] {
        let t = paged_run(env, args);
        assert!(!t.dir().join("paged").exists(), "{args:?} was paged");
        assert!(t.screen().contains(shown), "{args:?}: {}", t.screen());
    }
}

/// No pager is found (PAGER unset, no less on the PATH): the output is printed as it is.
#[test]
fn without_a_pager_output_is_printed() {
    need_tmux!();
    let t = paged_run(&[("PATH", "$DIR/empty")], &["quotes", "--color", "never"]);
    let screen = t.screen();
    assert!(screen.contains('“'), "{screen}");
}

/// Run dossier ARGS in a 100x30 tmux pane with `env` and wait for it to exit with
/// status 0.
#[track_caller]
fn paged_run(env: &[(&str, &str)], args: &[&str]) -> util::tmux::Tmux {
    let t = util::tmux::Tmux::start_env(env, args, 100, 30, "");
    assert_eq!(t.wait_exit(), 0, "{}", t.screen());
    t
}

/// `dossier completions SHELL` prints a script for bash, zsh and fish that knows the
/// subcommands; `dossier man` prints a roff page.
#[test]
fn completions_and_man_page() {
    let bash = ok(&["completions", "bash"]);
    assert!(
        bash.contains("_dossier()") && bash.contains("sources"),
        "{bash}"
    );
    let zsh = ok(&["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef dossier"), "{zsh}");
    let fish = ok(&["completions", "fish"]);
    assert!(fish.contains("complete -c dossier") && fish.contains("export"));
    assert!(!run(&["completions", "tcsh"]).status.success());
    let man = ok(&["man"]);
    assert!(
        man.starts_with(".ie") || man.contains(".TH dossier"),
        "{man}"
    );
    assert!(
        man.contains("completions") && man.contains("\\-\\-no\\-pager"),
        "{man}"
    );
}
