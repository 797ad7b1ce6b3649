//! Corrections: anchors re-found after edits, each kind applied, stale ones reported.

use super::*;
use crate::model::load::{from_files, LoadOptions};
use crate::model::quotes::{Quote, QuoteKind};

const A: &str = "Harbour plan approved\n\n\
Mayor Ada Lind said on Monday: \u{201c}The harbour will reopen in May.\u{201d} She said 40 boats wait.\n\n\
\u{201c}We are ready,\u{201d} said Tom Berg, the port director.\n\n\
\u{201c}Work starts now,\u{201d} the mayor said.\n";
const B: &str = "Port reopens\n\nThe director said 45 boats wait. We are ready, he said.\n";

/// A two-article dossier with hand-made speakers and quotes (not the extractor's).
fn sample_with(a: &str) -> Dossier {
    let mut d = from_files(
        "Harbour",
        [
            ("a.txt".to_string(), a.as_bytes().to_vec()),
            ("b.txt".to_string(), B.as_bytes().to_vec()),
        ],
        &LoadOptions::default(),
    );
    d.quotes.clear();
    d.people.clear();
    let person = |i: usize, name: &str, aliases: &[&str]| Person {
        id: PersonId(i),
        name: name.into(),
        kind: SpeakerKind::Person,
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        role: None,
        quotes: Vec::new(),
    };
    d.people.push(person(0, "Ada Lind", &["Lind", "the mayor"]));
    d.people.push(person(1, "Tom Berg", &["Berg"]));
    for (text, who, written) in [
        ("The harbour will reopen in May.", 0, "Ada Lind"),
        ("We are ready,", 1, "Tom Berg"),
        ("Work starts now,", 0, "the mayor"),
    ] {
        let Some(start) = a.find(text) else { continue };
        let q = QuoteId(d.quotes.len());
        let q_id = q;
        d.quotes.push({
            let mut q = Quote::new(
                ArticleId(0),
                Span::new(start, start + text.len()),
                QuoteKind::Full,
            );
            q.set_speaker(Some(PersonId(who)));
            let w = Some(d.written.id(written));
            d.said
                .set(q_id, w, crate::model::quotes::How::of("same sentence"));
            q
        });
        d.people[who].quotes.push(q);
    }
    d
}

fn sample() -> Dossier {
    sample_with(A)
}

/// The anchor of the first occurrence of `text` in article `i`.
#[track_caller]
fn anchor(d: &Dossier, i: usize, text: &str) -> Anchor {
    let a = &d.articles[i];
    let start = a.text.find(text).expect("text in article");
    Anchor::new(a, Span::new(start, start + text.len()))
}

fn correction(id: u64, edit: Edit) -> Correction {
    Correction {
        id,
        ..Correction::new(edit, None)
    }
}

fn speaker_of(d: &Dossier, q: usize) -> Option<&str> {
    d.quotes[q].speaker().map(|p| d.people[p.0].name.as_str())
}

/// An anchor keeps its prefix and suffix from the text, as the export writes them.
#[test]
fn anchor_holds_exact_text_and_context() {
    let d = sample();
    let an = anchor(&d, 0, "We are ready,");
    assert_eq!(an.exact, "We are ready,");
    assert!(an.prefix.ends_with("\n\n\u{201c}"));
    assert!(an.suffix.starts_with("\u{201d} said Tom Berg"));
    assert_eq!(an.find(&d).unwrap().1.start, an.start);
}

/// An edit earlier in the article moves the text by a few bytes: the anchor still finds it.
#[test]
fn anchor_found_after_an_edit_moves_it() {
    let d = sample();
    let an = anchor(&d, 0, "We are ready,");
    let edited = A.replace("on Monday", "on Monday morning");
    let d2 = sample_with(&edited);
    let (_, span) = an.find(&d2).unwrap();
    assert_eq!(span.start, edited.find("We are ready,").unwrap());
    assert_ne!(span.start, an.start);
}

/// Of two occurrences of the same words, the one whose neighbours match the saved context
/// wins, even when the other now sits nearer the saved offset.
#[test]
fn anchor_prefers_the_occurrence_with_matching_context() {
    let text = "Intro\n\nOne said it was fine. Later, two said it was fine. End.\n";
    let d = from_files(
        "t",
        [("a.txt".to_string(), text.as_bytes().to_vec())],
        &LoadOptions::default(),
    );
    let start = text.rfind("it was fine").unwrap();
    let an = Anchor::new(&d.articles[0], Span::new(start, start + 11));
    // Text inserted before both occurrences moves the first one onto the saved offset.
    let edited = text.replace(
        "Intro\n\n",
        "Intro\n\nA new first line added here by an edit. ",
    );
    let d2 = from_files(
        "t",
        [("a.txt".to_string(), edited.as_bytes().to_vec())],
        &LoadOptions::default(),
    );
    let (_, span) = an.find(&d2).unwrap();
    assert_eq!(span.start, edited.rfind("it was fine").unwrap());
}

/// An anchor on an occurrence that overlaps another ("aaa" inside "aaaaa" at 1) is found
/// there, where a non-overlapping search would never see it.
#[test]
fn anchor_on_an_overlapping_occurrence() {
    let text = "Title\n\nThe cry was aaaaa, they said.\n";
    let d = from_files(
        "t",
        [("a.txt".to_string(), text.as_bytes().to_vec())],
        &LoadOptions::default(),
    );
    let start = text.find("aaaaa").unwrap() + 1;
    let an = Anchor::new(&d.articles[0], Span::new(start, start + 3));
    assert_eq!(an.locate(&d.articles[0]), Some(Span::new(start, start + 3)));
}

/// Text that is gone, or an article that is gone, is an error naming what is missing.
#[test]
fn anchor_reports_missing_text_and_article() {
    let d = sample();
    let mut an = anchor(&d, 0, "We are ready,");
    an.exact = "We were never ready".into();
    assert!(matches!(an.find(&d), Err(AnchorError::NoText { .. })));
    an.article = "gone.txt".into();
    assert!(matches!(an.find(&d), Err(AnchorError::NoArticle(_))));
}

/// A rename changes the speaker's name, keeps the old one as an alias, and marks each of
/// its quotes corrected with dossier's own name beside it.
#[test]
fn rename_keeps_old_name_as_alias() {
    let mut d = sample();
    let c = correction(
        1,
        Edit::SpeakerRename {
            from: "Lind".into(),
            to: "Ada Lindqvist".into(),
        },
    );
    apply(&mut d, &[c]);
    assert_eq!(d.people[0].name, "Ada Lindqvist");
    assert!(d.people[0].aliases.contains(&"Ada Lind".to_string()));
    assert_eq!(d.corrected.applied, [1]);
    assert_eq!(
        d.corrected.quote_detected(QuoteId(0)),
        Some(Some(("Ada Lind", SpeakerKind::Person)))
    );
    assert_eq!(
        d.corrected.quote_detected(QuoteId(1)),
        None,
        "Berg's quote is untouched"
    );
    assert_eq!(
        d.corrected.person_detected(PersonId(0)),
        Some(Some("Ada Lind"))
    );
}

/// Renaming onto another speaker's name is no rename (it would make two of one person):
/// reported stale with the advice to merge.
#[test]
fn rename_onto_an_existing_speaker_is_stale() {
    let mut d = sample();
    apply(
        &mut d,
        &[correction(
            1,
            Edit::SpeakerRename {
                from: "Lind".into(),
                to: "berg".into(),
            },
        )],
    );
    assert_eq!(d.people[0].name, "Ada Lind");
    assert!(d.corrected.stale[0].problem.contains("merge"));
}

/// A merge moves the quotes and names of one speaker to the other and drops the first.
#[test]
fn merge_makes_one_speaker() {
    let mut d = sample();
    apply(
        &mut d,
        &[correction(
            1,
            Edit::SpeakerMerge {
                from: "Tom Berg".into(),
                into: "Ada Lind".into(),
            },
        )],
    );
    assert_eq!(d.people.len(), 1);
    assert_eq!(d.people[0].quotes, [QuoteId(0), QuoteId(1), QuoteId(2)]);
    assert!(d.people[0].aliases.iter().any(|a| a == "Tom Berg"));
    assert_eq!(speaker_of(&d, 1), Some("Ada Lind"));
    assert_eq!(
        d.corrected.quote_detected(QuoteId(1)),
        Some(Some(("Tom Berg", SpeakerKind::Person)))
    );
    assert_eq!(d.corrected.quote_detected(QuoteId(0)), None);
}

/// Splitting an alias off makes a new speaker of the quotes the text credits to that form.
#[test]
fn split_moves_the_alias_quotes() {
    let mut d = sample();
    apply(
        &mut d,
        &[correction(
            1,
            Edit::SpeakerSplit {
                speaker: "Ada Lind".into(),
                alias: "The Mayor".into(),
            },
        )],
    );
    assert_eq!(speaker_of(&d, 2), Some("the mayor"));
    assert_eq!(speaker_of(&d, 0), Some("Ada Lind"));
    assert!(!d.people[0].aliases.iter().any(|a| a == "the mayor"));
    assert_eq!(
        d.corrected.person_detected(PersonId(2)),
        Some(None),
        "a speaker made by the correction"
    );
}

/// A quote is reassigned to a known speaker (by alias), to a new one, or to no one.
#[test]
fn quote_speaker_reassigns() {
    let mut d = sample();
    let an = anchor(&d, 0, "Work starts now,");
    let to = |s: Option<&str>| Edit::QuoteSpeaker {
        anchor: an.clone(),
        speaker: s.map(Into::into),
    };
    apply(&mut d, &[correction(1, to(Some("Berg")))]);
    assert_eq!(speaker_of(&d, 2), Some("Tom Berg"));
    assert_eq!(d.how(QuoteId(2)), Some(HOW));
    assert_eq!(d.people[1].quotes, [QuoteId(1), QuoteId(2)]);
    assert_eq!(d.people[0].quotes, [QuoteId(0)]);

    let mut d = sample();
    apply(&mut d, &[correction(1, to(Some("Eva Holm")))]);
    assert_eq!(speaker_of(&d, 2), Some("Eva Holm"));
    assert_eq!(d.people.len(), 3);

    let mut d = sample();
    apply(&mut d, &[correction(1, to(None))]);
    assert_eq!(speaker_of(&d, 2), None);
    assert_eq!(
        d.corrected.quote_detected(QuoteId(2)),
        Some(Some(("Ada Lind", SpeakerKind::Person)))
    );
}

/// Giving a quote the speaker it already has changes nothing and marks nothing corrected
/// in the speaker (looks like a correction, is none).
#[test]
fn quote_speaker_to_same_speaker_is_not_a_change() {
    let mut d = sample();
    let an = anchor(&d, 0, "We are ready,");
    apply(
        &mut d,
        &[correction(
            1,
            Edit::QuoteSpeaker {
                anchor: an,
                speaker: Some("Tom Berg".into()),
            },
        )],
    );
    assert_eq!(d.corrected.quote_detected(QuoteId(1)), None);
}

/// A correction whose quote is gone from the article is reported stale and kept in order;
/// the others still apply.
#[test]
fn stale_quote_reported_others_apply() {
    let mut d = sample();
    let an = anchor(&d, 0, "Work starts now,");
    let list = [
        correction(
            1,
            Edit::QuoteSpeaker {
                anchor: an,
                speaker: None,
            },
        ),
        correction(
            2,
            Edit::SpeakerRename {
                from: "Berg".into(),
                to: "Thomas Berg".into(),
            },
        ),
    ];
    let mut edited = sample_with(&A.replace("Work starts now", "Work starts soon"));
    apply(&mut edited, &list);
    assert_eq!(edited.corrected.stale.len(), 1);
    assert_eq!(edited.corrected.stale[0].id, 1);
    assert!(edited.corrected.stale[0]
        .problem
        .contains("Work starts now"));
    assert_eq!(edited.corrected.applied, [2]);
    apply(&mut d, &list);
    assert!(d.corrected.stale.is_empty());
}

/// Text that is in the article but in no quote any more is a stale quote correction.
#[test]
fn anchor_on_text_that_is_no_quote_is_stale() {
    let mut d = sample();
    let an = anchor(&d, 0, "40 boats wait");
    apply(
        &mut d,
        &[correction(
            1,
            Edit::QuoteSpeaker {
                anchor: an,
                speaker: None,
            },
        )],
    );
    assert!(d.corrected.stale[0].problem.contains("no quote"));
}

/// A pair verdict covers the pair either way round, by overlap with each side, and no
/// other pair.
#[test]
fn pair_verdict_covers_both_orientations() {
    let mut d = sample();
    let (x, y) = (anchor(&d, 0, "40 boats"), anchor(&d, 1, "45 boats"));
    let mut c = correction(
        1,
        Edit::Pair {
            a: x,
            b: y,
            verdict: Verdict::Explained,
        },
    );
    c.note = Some("different day".into());
    apply(&mut d, &[c]);
    let s0 = d.articles[0].paragraphs[1].sentences.get(1).unwrap();
    let s1 = d.articles[1].paragraphs[1].sentences.get(0).unwrap();
    let v = d
        .corrected
        .pair_verdict((ArticleId(0), s0), (ArticleId(1), s1))
        .unwrap();
    assert_eq!(v.note.as_deref(), Some("different day"));
    assert!(d
        .corrected
        .pair_verdict((ArticleId(1), s1), (ArticleId(0), s0))
        .is_some());
    let other = d.articles[0].paragraphs[2].span;
    assert!(d
        .corrected
        .pair_verdict((ArticleId(0), other), (ArticleId(1), s1))
        .is_none());
}

/// A metadata correction sets the field and keeps dossier's own value; an outlet set by
/// hand is no longer a guess.
#[test]
fn meta_sets_field_and_keeps_detected() {
    let mut d = sample();
    d.articles[0].meta.outlet = Some("guess".into());
    d.articles[0].meta.outlet_inferred = true;
    let set = |f: MetaField, v: &str| Edit::Meta {
        article: "a.txt".into(),
        field: f,
        value: v.into(),
    };
    apply(
        &mut d,
        &[
            correction(1, set(MetaField::Outlet, "Harbour News")),
            correction(2, set(MetaField::Date, "2026-05-04T09:30")),
            correction(3, set(MetaField::Outlet, "Harbour Daily")),
        ],
    );
    let m = &d.articles[0].meta;
    assert_eq!(m.outlet.as_deref(), Some("Harbour Daily"));
    assert!(!m.outlet_inferred);
    assert_eq!(m.date.as_deref(), Some("2026-05-04T09:30"));
    let detected: Vec<_> = d.corrected.meta_detected(ArticleId(0)).collect();
    assert_eq!(
        detected,
        [(MetaField::Outlet, Some("guess")), (MetaField::Date, None)]
    );
    assert_eq!(d.corrected.meta_detected(ArticleId(1)).count(), 0);
}

/// Corrections apply in order: a quote can go to a speaker under the name a rename gave.
#[test]
fn corrections_apply_in_order() {
    let mut d = sample();
    let an = anchor(&d, 0, "Work starts now,");
    apply(
        &mut d,
        &[
            correction(
                1,
                Edit::SpeakerRename {
                    from: "Tom Berg".into(),
                    to: "Tomas Berg".into(),
                },
            ),
            correction(
                2,
                Edit::QuoteSpeaker {
                    anchor: an,
                    speaker: Some("Tomas Berg".into()),
                },
            ),
        ],
    );
    assert_eq!(speaker_of(&d, 2), Some("Tomas Berg"));
    assert_eq!(d.people.len(), 2);
}

/// Corrections round-trip through JSON with their kind as a tag.
#[test]
fn correction_json_round_trip() {
    let d = sample();
    let mut c = correction(
        7,
        Edit::Pair {
            a: anchor(&d, 0, "40 boats"),
            b: anchor(&d, 1, "45 boats"),
            verdict: Verdict::NotAConflict,
        },
    );
    c.old = Some("conflict".into());
    let v = serde_json::to_value(&c).unwrap();
    assert_eq!(v["kind"], "pair");
    assert_eq!(v["verdict"], "not-a-conflict");
    let back: Correction = serde_json::from_value(v).unwrap();
    assert_eq!(back, c);
}

/// A speaker whose every quote went to someone else is no speaker any more; one split
/// off and left with no quote stays (the analyst named it).
#[test]
fn speaker_left_without_quotes_is_dropped() {
    let mut d = sample();
    let an = anchor(&d, 0, "We are ready,");
    apply(
        &mut d,
        &[correction(
            1,
            Edit::QuoteSpeaker {
                anchor: an,
                speaker: Some("Ada Lind".into()),
            },
        )],
    );
    assert_eq!(d.people.len(), 1);
    assert_eq!(d.people[0].name, "Ada Lind");
    assert_eq!(speaker_of(&d, 1), Some("Ada Lind"));
    assert_eq!(d.quotes[1].speaker(), Some(PersonId(0)));

    let mut d = sample();
    apply(
        &mut d,
        &[correction(
            1,
            Edit::SpeakerSplit {
                speaker: "Tom Berg".into(),
                alias: "Berg".into(),
            },
        )],
    );
    assert!(d
        .people
        .iter()
        .any(|p| p.name == "Berg" && p.quotes.is_empty()));
}

proptest::proptest! {
    /// An anchor made anywhere in any text (a small alphabet, so phrases repeat) finds its
    /// own span again: the occurrence it was made on agrees fully with its context and is
    /// nearest its offset.
    #[test]
    fn anchor_finds_its_own_span(
        text in "[ab\u{e9} .\n]{1,80}",
        x in 0usize..80,
        len in 1usize..12,
    ) {
        let d = from_files("t", [("a.txt".to_string(), text.as_bytes().to_vec())], &LoadOptions::default());
        // A blank file is no article.
        proptest::prop_assume!(!d.articles.is_empty());
        let a = &d.articles[0];
        let bounds: Vec<usize> = a.text.char_indices().map(|(i, _)| i).chain([a.text.len()]).collect();
        let start = bounds[x % bounds.len()];
        let end = bounds.iter().copied().find(|&b| b >= start + len).unwrap_or(a.text.len());
        proptest::prop_assume!(end > start);
        let an = Anchor::new(a, Span::new(start, end));
        proptest::prop_assert_eq!(an.locate(a), Some(Span::new(start, end)));
    }
}
