//! `dossier quotes` and `dossier speakers`, end to end.

mod util;

use std::fs;
use util::{fixture, json, ok, s};

/// Every quote row has the documented fields, and its offsets hold its text in the file.
#[test]
fn quotes_json_shape_and_offsets() {
    let dir = fixture("quotes");
    let v = json(&["quotes", s(&dir)]);
    let rows = v.as_array().unwrap();
    assert!(rows.len() >= 6, "{v:#}");
    for r in rows {
        for key in [
            "article",
            "text",
            "speaker",
            "speaker_kind",
            "as_written",
            "how",
            "confidence",
            "role",
            "kind",
            "start",
            "end",
        ] {
            assert!(r.get(key).is_some(), "missing {key} in {r}");
        }
        let raw = fs::read(dir.join(r["article"].as_str().unwrap())).unwrap();
        let (a, b) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(std::str::from_utf8(&raw[a..b]).unwrap(), r["text"]);
        assert!(["full", "partial", "scare"].contains(&r["kind"].as_str().unwrap()));
    }
}

/// Straight quotes, institutions and anonymous sources come out with their kinds; a named
/// speaker carries the confidence of the pass that found it.
#[test]
fn quotes_speakers_and_kinds() {
    let v = json(&[
        "quotes",
        s(&fixture("quotes")),
        "--article",
        "a_courier.txt",
    ]);
    let find = |t: &str| {
        v.as_array()
            .unwrap()
            .iter()
            .find(|r| r["text"].as_str().unwrap().starts_with(t))
            .unwrap_or_else(|| panic!("no quote {t:?} in {v:#}"))
            .clone()
    };
    assert_eq!(find("We did everything")["speaker"], "Ann Lee");
    assert_eq!(find("The water simply")["speaker"], "Ann Lee");
    let agency = find("The barrier was inspected");
    assert_eq!(agency["speaker_kind"], "institution");
    // An unnamed source is no name: null speaker, kind and wording kept.
    let anon = find("tens of millions");
    assert_eq!(anon["speaker_kind"], "anonymous");
    assert_eq!(anon["speaker"], serde_json::Value::Null);
    assert!(anon["as_written"].is_string(), "{anon}");
    let named = find("We did everything")["confidence"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&named));
    assert_eq!(find("in three places")["kind"], "partial");
}

/// `--speaker` keeps only that speaker's quotes, by any form of the name.
#[test]
fn speaker_filter() {
    let dir = fixture("quotes");
    for name in ["Ann Lee", "lee", "Ann Lee"] {
        let v = json(&["quotes", s(&dir), "--speaker", name]);
        let rows = v.as_array().unwrap();
        assert_eq!(rows.len(), 3, "{name}: {v:#}");
        assert!(rows.iter().all(|r| r["speaker"] == "Ann Lee"));
    }
    let none = json(&["quotes", s(&dir), "--speaker", "Nobody Atall"]);
    assert_eq!(none.as_array().unwrap().len(), 0);
}

/// `speakers` lists each speaker with role, kind and quote counts per article.
#[test]
fn speakers_index() {
    let v = json(&["speakers", s(&fixture("quotes"))]);
    let rows = v.as_array().unwrap();
    let vance = rows.iter().find(|r| r["name"] == "Rita Vance").unwrap();
    assert_eq!(vance["role"], "Governor");
    assert_eq!(vance["quotes"], 2);
    assert_eq!(vance["articles"]["b_herald.txt"], 2);
    let text = ok(&["speakers", s(&fixture("quotes"))]);
    assert!(
        text.contains("Rita Vance (person, Governor): 2 quotes"),
        "{text}"
    );
}

/// `sources` rows carry a quote count.
#[test]
fn sources_count_quotes() {
    let v = json(&["sources", s(&fixture("quotes"))]);
    assert!(v[0]["quotes"].as_u64().unwrap() >= 4, "{v:#}");
}

/// The text form names speakers and never prints control characters from the article.
#[test]
fn quotes_text_is_sanitized() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "“Stop \x1b[2J now,” said Mayor Ann Lee.",
    )
    .unwrap();
    let out = ok(&["quotes", s(dir.path())]);
    assert!(out.contains("Ann Lee"), "{out}");
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
}

/// `quotes --variants`: one remark rendered by three outlets, with the documented fields,
/// offsets that hold each rendering's text, and the words worded differently ("chance" /
/// "possibility") as spans; Tom Berg's "We are ready" (one content word) joins nothing.
#[test]
fn variants_json_shape_and_differing_words() {
    let dir = fixture("harbour");
    let v = json(&["quotes", s(&dir), "--variants"]);
    let groups = v.as_array().unwrap();
    assert_eq!(groups.len(), 1, "{v:#}");
    let g = &groups[0];
    assert_eq!(g["speaker"], "Ada Lind");
    assert_eq!(g["speaker_kind"], "person");
    assert_eq!(g["articles"], 3);
    let mut differing = vec![];
    for r in g["variants"].as_array().unwrap() {
        for key in [
            "article", "outlet", "text", "speaker", "kind", "start", "end",
        ] {
            assert!(r.get(key).is_some(), "missing {key} in {r}");
        }
        let raw = fs::read(dir.join(r["article"].as_str().unwrap())).unwrap();
        let at = |k: &str| r[k].as_u64().unwrap() as usize;
        assert_eq!(
            std::str::from_utf8(&raw[at("start")..at("end")]).unwrap(),
            r["text"]
        );
        for d in r["differs"].as_array().unwrap() {
            let (a, b) = (
                d[0].as_u64().unwrap() as usize,
                d[1].as_u64().unwrap() as usize,
            );
            differing.push(String::from_utf8(raw[a..b].to_vec()).unwrap());
        }
    }
    assert_eq!(differing, ["chance", "possibility"]);
    let only_berg = json(&["quotes", s(&dir), "--variants", "--speaker", "berg"]);
    assert_eq!(only_berg, serde_json::json!([]));
}
