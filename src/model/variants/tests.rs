//! Quote variants on small invented articles with hand-made quotes and speakers (not the
//! extractor's), so each case pins the grouping alone.

use super::*;
use crate::model::load::{from_files, LoadOptions};
use crate::model::people::Person;
use crate::model::quotes::Quote;

/// A dossier of `texts` (one article each) whose quotes are `quotes`: (article, the
/// quoted words as they stand in it, speaker index or None, kind); speakers 0 and 1 are
/// people, 2 an unnamed official.
#[track_caller]
fn dossier(texts: &[&str], quotes: &[(usize, &str, Option<usize>, QuoteKind)]) -> Dossier {
    let files = texts
        .iter()
        .enumerate()
        .map(|(i, t)| (format!("{i}_outlet{i}.txt"), t.as_bytes().to_vec()));
    let mut d = from_files("Test", files, &LoadOptions::default());
    let person = |i: usize, name: &str, kind| Person {
        id: PersonId(i),
        name: name.into(),
        kind,
        aliases: Vec::new(),
        role: None,
        quotes: Vec::new(),
    };
    d.people = vec![
        person(0, "Ada Lind", SpeakerKind::Person),
        person(1, "Tom Berg", SpeakerKind::Person),
        person(2, "a port official", SpeakerKind::Anonymous),
    ];
    d.quotes = quotes
        .iter()
        .map(|&(a, words, who, kind)| {
            let start = d.articles[a].text.find(words).expect("quote in article");
            let span = Span::new(start, start + words.len());
            let mut q = Quote::new(ArticleId(a), span, kind);
            q.set_speaker(who.map(PersonId));
            q
        })
        .collect();
    for i in 0..d.quotes.len() {
        let how = crate::model::quotes::How::of("same sentence");
        d.said.set(crate::model::quotes::QuoteId(i), None, how);
    }
    d
}

const FULL: &str = "There is a high chance that the harbour reopens before the storm season";
const REWORDED: &str =
    "There is a high possibility that the harbour reopens before the storm season";
const PARTIAL: &str = "reopens before the storm season";

fn said(words: &str) -> String {
    format!("The mayor spoke on Monday.\n\n\u{201c}{words},\u{201d} Lind said.\n")
}

/// The texts of a group's renderings, in order.
fn texts<'a>(d: &'a Dossier, g: &VariantGroup) -> Vec<&'a str> {
    g.variants
        .iter()
        .map(|v| {
            let q = &d.quotes[v.quote.0];
            d.article(q.article()).slice(q.span())
        })
        .collect()
}

/// The words a rendering has that the others word differently.
fn differs<'a>(d: &'a Dossier, g: &VariantGroup, k: usize) -> Vec<&'a str> {
    let a = d.article(d.quotes[g.variants[k].quote.0].article());
    g.variants[k].differs.iter().map(|&s| a.slice(s)).collect()
}

/// One word rendered differently by two outlets: one remark, the two words marked.
#[test]
fn reworded_remark_is_one_group_with_the_words_that_differ() {
    let (a, b) = (said(FULL), said(REWORDED));
    let d = dossier(
        &[&a, &b],
        &[
            (0, FULL, Some(0), QuoteKind::Full),
            (1, REWORDED, Some(0), QuoteKind::Full),
        ],
    );
    let g = group(&d);
    assert_eq!(g.len(), 1);
    assert_eq!(g[0].speaker, Some(PersonId(0)));
    assert_eq!(texts(&d, &g[0]), [FULL, REWORDED]);
    assert_eq!(differs(&d, &g[0], 0), ["chance"]);
    assert_eq!(differs(&d, &g[0], 1), ["possibility"]);
}

/// A few words of the remark quoted in another outlet join the full sentence, and no
/// word of the partial is marked (it words nothing differently).
#[test]
fn partial_quote_joins_the_full_sentence() {
    let b = format!("Lind said the port \u{201c}{PARTIAL}\u{201d} if all goes well.\n");
    let d = dossier(
        &[&said(FULL), &b],
        &[
            (0, FULL, Some(0), QuoteKind::Full),
            (1, PARTIAL, Some(0), QuoteKind::Partial),
        ],
    );
    let g = group(&d);
    assert_eq!(g.len(), 1);
    assert_eq!(g[0].reference, 0, "the full sentence is the reference");
    assert!(g[0].variants.iter().all(|v| v.differs.is_empty()));
}

/// The same words credited to two different people are not one remark.
#[test]
fn same_words_different_speaker_stay_apart() {
    let d = dossier(
        &[&said(FULL), &said(FULL)],
        &[
            (0, FULL, Some(0), QuoteKind::Full),
            (1, FULL, Some(1), QuoteKind::Full),
        ],
    );
    assert!(group(&d).is_empty());
}

/// Two remarks of one speaker that share a phrase but say different things stay apart.
#[test]
fn same_speaker_different_remark_stays_apart() {
    let one = "The harbour reopens before the storm season and the ferries will follow";
    let two = "Nobody can promise the harbour reopens before the storm season ends this year";
    let d = dossier(
        &[&said(one), &said(two)],
        &[
            (0, one, Some(0), QuoteKind::Full),
            (1, two, Some(0), QuoteKind::Full),
        ],
    );
    assert!(group(&d).is_empty());
}

/// A remark with no credited speaker in one outlet joins its speaker's rendering in
/// another; an unknown rendering never bridges two people's words.
#[test]
fn unknown_speaker_joins_but_never_bridges_two_people() {
    let d = dossier(
        &[&said(FULL), &said(FULL), &said(FULL)],
        &[
            (0, FULL, Some(0), QuoteKind::Full),
            (1, FULL, None, QuoteKind::Full),
            (2, FULL, Some(1), QuoteKind::Full),
        ],
    );
    let g = group(&d);
    assert_eq!(g.len(), 1);
    assert_eq!(g[0].variants.len(), 2);
    assert_eq!(g[0].speaker, Some(PersonId(0)));
    let who: Vec<Option<PersonId>> = g[0]
        .variants
        .iter()
        .map(|v| d.quotes[v.quote.0].speaker())
        .collect();
    assert_eq!(who, [Some(PersonId(0)), None]);
}

/// Short or generic quotes join nothing, and a scare quote is nobody's remark.
#[test]
fn short_generic_and_scare_quotes_join_nothing() {
    let text = "Officials called it \u{201c}very serious\u{201d} and \u{201c}it is what it is\u{201d} and a \u{201c}storm season\u{201d}.\n";
    let d = dossier(
        &[text, text],
        &[
            (0, "very serious", Some(0), QuoteKind::Partial),
            (1, "very serious", Some(0), QuoteKind::Partial),
            (0, "it is what it is", Some(0), QuoteKind::Full),
            (1, "it is what it is", Some(0), QuoteKind::Full),
            (0, "storm season", None, QuoteKind::Scare),
            (1, "storm season", None, QuoteKind::Scare),
        ],
    );
    assert!(group(&d).is_empty());
}

/// A remark repeated inside one article (a headline echoing the body) is no variant on
/// its own; an unnamed official's words join a named speaker's rendering.
#[test]
fn one_article_alone_is_no_variant_and_unnamed_speakers_join() {
    let a = format!("\u{201c}{PARTIAL}\u{201d}\n\n\u{201c}{FULL},\u{201d} Lind said.\n");
    let d = dossier(
        &[&a, &said(FULL)],
        &[
            (0, PARTIAL, Some(0), QuoteKind::Partial),
            (0, FULL, Some(0), QuoteKind::Full),
        ],
    );
    assert!(group(&d).is_empty());
    let d = dossier(
        &[&said(FULL), &said(FULL)],
        &[
            (0, FULL, Some(2), QuoteKind::Full),
            (1, FULL, Some(0), QuoteKind::Full),
        ],
    );
    let g = group(&d);
    assert_eq!(g.len(), 1);
    assert_eq!(g[0].speaker, Some(PersonId(0)));
}

/// A partial quote is found where it stands in the long one, even when its first word
/// ("a") also comes earlier there.
#[test]
fn partial_is_aligned_where_it_stands() {
    let long =
        "It is a pity, but there is a high chance that the harbour reopens before the storm season";
    let part = "a high chance that the harbour reopens before the storm season";
    let b = format!("Lind saw \u{201c}{part}\u{201d} on Monday.\n");
    let d = dossier(
        &[&said(long), &b],
        &[
            (0, long, Some(0), QuoteKind::Full),
            (1, part, Some(0), QuoteKind::Partial),
        ],
    );
    let g = group(&d);
    assert_eq!(g.len(), 1);
    assert!(g[0].variants.iter().all(|v| v.differs.is_empty()));
}
