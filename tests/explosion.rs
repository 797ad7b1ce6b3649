//! A second dossier with hand-made gold (five articles on a plant explosion, written with
//! its gold apart from this code): its noise is set apart, its quotes found with their
//! speakers, and the figures its outlets dispute come out as conflicts.

mod util;

use serde_json::Value;
use std::fs;
use util::{fixture, json, root, s};

fn gold() -> Value {
    let path = root().join("tests/fixtures/explosion.gold.json");
    serde_json::from_str(&fs::read_to_string(path).expect("gold")).expect("gold JSON")
}

/// The byte span of `anchor` in the article's file.
fn span_of(file: &str, anchor: &str) -> (usize, usize) {
    let text = fs::read_to_string(fixture("explosion").join(file)).expect("article");
    let at = text
        .find(anchor)
        .unwrap_or_else(|| panic!("{anchor:?} not in {file}"));
    (at, at + anchor.len())
}

/// Every noise segment of the gold (headlines, bylines, captions, breadcrumbs, date lines,
/// related links…) lies in paragraphs that are not body.
#[test]
fn gold_noise_is_not_body() {
    let dir = fixture("explosion");
    for n in gold()["noise"].as_array().expect("noise") {
        let file = n["article"].as_str().unwrap();
        let (a, b) = span_of(file, n["anchor"].as_str().unwrap());
        let read = json(&["read", s(&dir), file]);
        for p in read["paragraphs"].as_array().unwrap() {
            let (ps, pe) = (
                p["start"].as_u64().unwrap() as usize,
                p["end"].as_u64().unwrap() as usize,
            );
            if ps < b && a < pe {
                assert_ne!(p["kind"], "body", "{file}: {:?} kept as body", n["anchor"]);
            }
        }
    }
}

/// Every direct quote of the gold is found, with the gold speaker.
#[test]
fn gold_quotes_are_found_with_their_speakers() {
    let dir = fixture("explosion");
    let found = json(&["quotes", s(&dir)]);
    let found = found.as_array().unwrap();
    for q in gold()["quotes"].as_array().unwrap() {
        if !matches!(q["kind"].as_str(), Some("full" | "partial")) {
            continue;
        }
        let (file, text) = (q["article"].as_str().unwrap(), q["text"].as_str().unwrap());
        let hit = found
            .iter()
            .find(|f| {
                f["article"] == file
                    && f["text"]
                        .as_str()
                        .unwrap_or("")
                        .contains(text.trim_end_matches(','))
            })
            .unwrap_or_else(|| panic!("{file}: quote {text:?} not found"));
        assert_eq!(hit["speaker"], q["speaker"], "{file}: {text:?}");
    }
}

/// Disputed figures between outlets are conflicts, each side with its figure.
#[test]
fn disputed_figures_are_conflicts() {
    let dir = fixture("explosion");
    let conflicts = |a: &str, b: &str| -> Vec<(String, String)> {
        let c = json(&["compare", s(&dir), a, b]);
        c["pairs"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["relation"] == "conflict")
            .flat_map(|p| p["differences"].as_array().unwrap().clone())
            .map(|d| {
                (
                    d["left"].as_str().unwrap().to_string(),
                    d["right"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let has = |v: &[(String, String)], l: &str, r: &str| {
        v.iter().any(|(x, y)| x.contains(l) && y.contains(r))
    };
    // 120 vs about 200 firefighters; the death toll, 12 vs 14.
    let c01 = conflicts("000_ovledger.txt", "001_lakeshorewire.txt");
    assert!(has(&c01, "120", "200"), "{c01:?}");
    let c04 = conflicts("000_ovledger.txt", "004_newsdailyhub.txt");
    assert!(has(&c04, "12", "14"), "{c04:?}");
}
