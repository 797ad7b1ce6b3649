//! The finder: query syntax, ranking, filters, narrowing, the worker and highlights.

use super::*;

fn lines(v: &[&str]) -> Corpus {
    Corpus::from_lines(v.iter().map(|s| s.to_string()))
}

#[track_caller]
fn found(f: &mut Finder, q: &str) -> Vec<String> {
    f.set_query(q);
    f.wait();
    f.hits().iter().map(|h| f.text(*h).to_string()).collect()
}

fn finder(v: &[&str]) -> Finder {
    Finder::with_corpora(lines(v), Corpus::default())
}

const NEWS: &[&str] = &[
    "an unprecedented level of direct military cooperation",
    "North Korea has sent approximately 10,000 soldiers",
    "the Kremlin intends to deploy these North Korean soldiers",
    "Ukrainian forces have the right to defend themselves",
    "unlikely to interfere in the election",
];

/// The empty query lists every item in dossier order.
#[test]
fn empty_query_lists_all_in_order() {
    let mut f = finder(NEWS);
    assert_eq!(found(&mut f, "   "), NEWS);
}

/// Space-separated terms must all match, each fuzzily.
#[test]
fn terms_are_anded() {
    let mut f = finder(NEWS);
    assert_eq!(found(&mut f, "north sold"), [NEWS[1], NEWS[2]]);
    assert_eq!(found(&mut f, "north 'kremlin"), [NEWS[2]]);
}

/// A tight match ranks above a scattered one.
#[test]
fn contiguous_match_ranks_first() {
    let mut f = finder(&["u n p r e c e d e n t e d", "unprecedented"]);
    assert_eq!(found(&mut f, "unprec")[0], "unprecedented");
}

/// Every line with the term as one piece ranks above every line with its letters
/// scattered, long or short; equally good matches keep reading order, not length order.
#[test]
fn contiguous_before_scattered_and_ties_in_reading_order() {
    let mut f = finder(&[
        "s t a t e m e n t",
        "one statement here, and a very long tail after it to make it the longest",
        "two statement there",
    ]);
    assert_eq!(
        found(&mut f, "statement"),
        [
            "one statement here, and a very long tail after it to make it the longest",
            "two statement there",
            "s t a t e m e n t",
        ]
    );
}

/// `'exact`, `^prefix`, `suffix$`, `^equal$` and `!not` behave as in fzf.
#[test]
fn fzf_operators() {
    let mut f = finder(NEWS);
    assert_eq!(found(&mut f, "'sent"), [NEWS[1]]);
    assert!(found(&mut f, "'snt").is_empty());
    assert_eq!(found(&mut f, "^north"), [NEWS[1]]);
    assert_eq!(found(&mut f, "soldiers$"), [NEWS[1], NEWS[2]]);
    assert_eq!(found(&mut f, "soldiers$ !kremlin"), [NEWS[1]]);
    assert_eq!(
        found(&mut f, "^unlikely to interfere in the election$"),
        [NEWS[4]]
    );
}

/// A lone `|` makes its neighbours alternatives.
#[test]
fn or_groups() {
    let mut f = finder(NEWS);
    let mut got = found(&mut f, "'kremlin | 'election");
    got.sort();
    assert_eq!(got, [NEWS[2], NEWS[4]]);
}

/// Smart case: lower-case terms ignore case, a capital makes the term case-sensitive.
#[test]
fn smart_case() {
    let mut f = finder(&["Korea", "korea"]);
    assert_eq!(found(&mut f, "korea").len(), 2);
    assert_eq!(found(&mut f, "Korea"), ["Korea"]);
    assert_eq!(found(&mut f, "'Kor"), ["Korea"]);
    assert_eq!(found(&mut f, "^Kor"), ["Korea"]);
    assert_eq!(found(&mut f, "Korea$"), ["Korea"]);
    assert_eq!(found(&mut f, "^korea$").len(), 2);
}

/// Highlights are the matched characters (character indices, not bytes).
#[test]
fn highlight_indices_are_chars() {
    let mut f = finder(&["“Échec” total", "plain"]);
    found(&mut f, "total");
    let h = f.hits()[0];
    assert_eq!(f.highlight(h), (8..13).collect::<Vec<_>>());
    found(&mut f, "^“É");
    assert_eq!(f.highlight(f.hits()[0]), [0, 1]);
    let mut f = finder(&["Korea and Korea"]);
    found(&mut f, "Korea$");
    assert_eq!(f.highlight(f.hits()[0]), (10..15).collect::<Vec<_>>());
    found(&mut f, "echec");
    assert!(f.hits().is_empty());
    let mut f = finder(&["“Échec” total"]);
    assert_eq!(found(&mut f, "echec").len(), 1, "accents fold");
}

/// Narrowing: a longer last fuzzy term or one more term narrows; `!`, `|`, a changed
/// earlier term or a filter do not.
#[test]
fn narrows_only_when_strictly_extending() {
    let n = |new: &str, old: &str| Query::parse(new).narrows(&Query::parse(old));
    assert!(n("unpre", "unp"));
    assert!(n("north unpre", "north unp"));
    assert!(n("north unp", "north"));
    assert!(n("north 'unp", "north"));
    assert!(!n("north !unp", "north"));
    assert!(!n("north | unp", "north"));
    assert!(!n("north | unpr", "north | unp"));
    assert!(!n("!unpr", "!unp"));
    assert!(!n("'unpr", "'unp"));
    assert!(!n("nrth unpr", "north unp"));
    assert!(!n("unp @aus", "unp"));
    assert!(!n("unp", "unpre"));
}

/// Typing a query character by character gives the same hits as typing it at once.
#[test]
fn incremental_equals_fresh() {
    let mut typed = finder(NEWS);
    let q = "north soldiers";
    for i in 1..=q.len() {
        typed.set_query(&q[..i]);
        typed.wait();
    }
    let mut fresh = finder(NEWS);
    fresh.set_query(q);
    fresh.wait();
    assert_eq!(typed.hits(), fresh.hits());
}

fn generated(n: usize) -> Vec<String> {
    let words = [
        "troops",
        "Kremlin",
        "soldiers",
        "unprecedented",
        "minister",
        "said",
        "Korea",
        "defence",
        "border",
        "election",
        "cooperation",
        "Ukraine",
        "the",
        "of",
        "and",
    ];
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    (0..n)
        .map(|i| {
            (0..12)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    words[(seed % words.len() as u64) as usize]
                })
                .collect::<Vec<_>>()
                .join(" ")
                + &format!(" #{i}")
        })
        .collect()
}

/// Over the sync limit the worker finds exactly the items the synchronous path finds; its
/// best hits carry the optimal scores and are ranked by them.
#[test]
fn worker_matches_sync() {
    let items = generated(20_000);
    let mut threaded = Finder::with_corpora(Corpus::from_lines(items.clone()), Corpus::default());
    let mut sync = Finder::with_corpora(Corpus::from_lines(items), Corpus::default());
    sync.set_sync_limit(usize::MAX);
    for q in ["unpr", "unprec kreml", "'troops !border", "sold$ | ^Korea"] {
        threaded.set_query(q);
        assert!(threaded.is_running(), "{q}");
        threaded.wait();
        sync.set_query(q);
        assert!(!sync.is_running());
        assert!(!sync.hits().is_empty(), "{q}");
        let set = |hits: &[Hit]| {
            let mut v: Vec<u32> = hits.iter().map(|h| h.item).collect();
            v.sort_unstable();
            v
        };
        assert_eq!(set(threaded.hits()), set(sync.hits()), "{q}");
        let optimal: std::collections::HashMap<u32, i32> =
            sync.hits().iter().map(|h| (h.item, h.score)).collect();
        let head = &threaded.hits()[..threaded.hits().len().min(RESCORE)];
        assert!(head.iter().all(|h| optimal[&h.item] == h.score), "{q}");
        assert!(head.windows(2).all(|w| w[0].score >= w[1].score), "{q}");
    }
}

/// A new query replaces a running one: the old worker's results never show up.
#[test]
fn new_query_cancels_old() {
    let mut f = Finder::with_corpora(Corpus::from_lines(generated(50_000)), Corpus::default());
    f.set_query("troops");
    f.set_query("'zzz-not-there");
    f.wait();
    assert!(f.hits().is_empty());
}

mod dossier {
    use super::super::*;
    use crate::model::load::{from_files, LoadOptions};
    use crate::model::people::{Person, PersonId, SpeakerKind};
    use crate::model::quotes::{Quote, QuoteId, QuoteKind};
    use crate::model::{ArticleId, Span};

    fn sample() -> Dossier {
        let a = "Title one\n\n“We will respond,” Austin said. “It is unprecedented,” Kim said.\n";
        let b = "Title two\n\n“Unprecedented, really,” Austin said at the Pentagon.\n";
        let mut d = from_files(
            "t",
            [
                ("000_wire.txt".to_string(), a.as_bytes().to_vec()),
                ("001_paper.txt".to_string(), b.as_bytes().to_vec()),
            ],
            &LoadOptions::default(),
        );
        d.articles[1].meta.outlet = Some("Daily Paper".into());
        // Hand-made quotes and people, not the extractor's.
        d.quotes.clear();
        d.people.clear();
        for (i, name) in ["Lloyd Austin", "Kim Yong-hyun"].iter().enumerate() {
            d.people.push(Person {
                id: PersonId(i),
                name: name.to_string(),
                kind: SpeakerKind::Person,
                aliases: vec![],
                role: None,
                quotes: Vec::new(),
            });
        }
        let quotes = [
            (0, "We will respond,", 0),
            (0, "It is unprecedented,", 1),
            (1, "Unprecedented, really,", 0),
        ];
        for (art, text, who) in quotes {
            let t = &d.articles[art].text;
            let start = t.find(text).unwrap();
            d.quotes.push({
                let mut q = Quote::new(
                    ArticleId(art),
                    Span::new(start, start + text.len()),
                    QuoteKind::Full,
                );
                q.set_speaker(Some(PersonId(who)));
                q
            });
        }
        d
    }

    /// `@name` filters by speaker and `#source` by file, outlet or title.
    #[test]
    fn speaker_and_source_filters() {
        let d = sample();
        let mut f = Finder::new(&d);
        let quotes = |f: &mut Finder, q: &str| -> Vec<Option<QuoteId>> {
            f.set_query(q);
            f.wait();
            f.hits().iter().map(|h| f.item(*h).quote).collect()
        };
        assert_eq!(quotes(&mut f, "unprec").len(), 2);
        assert_eq!(quotes(&mut f, "unprec @austin"), [Some(QuoteId(2))]);
        assert_eq!(quotes(&mut f, "unprec !@austin"), [Some(QuoteId(1))]);
        assert_eq!(quotes(&mut f, "@aus #daily"), [Some(QuoteId(2))]);
        assert_eq!(quotes(&mut f, "#000"), [Some(QuoteId(0)), Some(QuoteId(1))]);
        assert_eq!(quotes(&mut f, "@"), quotes(&mut f, ""));
    }

    /// The line a result shows is the line matched: a term may match the speaker's
    /// name or the source's label as well as the text, and is highlighted there; a
    /// name that is in no part of the line finds nothing.
    #[test]
    fn speaker_and_outlet_take_part() {
        let d = sample();
        let mut f = Finder::new(&d);
        let quotes = |f: &mut Finder, q: &str| -> Vec<Option<QuoteId>> {
            f.set_query(q);
            f.wait();
            f.hits().iter().map(|h| f.item(*h).quote).collect()
        };
        assert_eq!(quotes(&mut f, "kim unprec"), [Some(QuoteId(1))]);
        assert_eq!(quotes(&mut f, "kim"), [Some(QuoteId(1))]);
        assert_eq!(quotes(&mut f, "daily unprec"), [Some(QuoteId(2))]);
        assert!(
            quotes(&mut f, "pentagon").is_empty(),
            "not in any quote's line"
        );
        f.set_query("kim unprec");
        let m = f.marks(f.hits()[0]);
        assert_eq!(m.name, [0, 1, 2], "Kim highlighted in the name");
        assert_eq!(m.text, (6..12).collect::<Vec<_>>(), "unprec in the text");
        // `!` excludes a word found anywhere on the line.
        assert_eq!(quotes(&mut f, "unprec !'daily"), [Some(QuoteId(1))]);
    }

    /// The sentence scope searches every sentence, not only quotes.
    #[test]
    fn sentence_scope() {
        let d = sample();
        let mut f = Finder::new(&d);
        f.set_query("pentagon");
        assert!(f.hits().is_empty());
        f.set_scope(Scope::Sentences);
        f.wait();
        assert_eq!(f.hits().len(), 1);
        let item = *f.item(f.hits()[0]);
        assert_eq!(item.article, ArticleId(1));
        assert!(d.articles[1].slice(item.span).contains("Pentagon"));
    }
}

mod properties {
    use super::super::*;
    use nucleo_matcher::Matcher;
    use proptest::prelude::*;

    fn corpus() -> Vec<String> {
        [
            "North Korea sent troops",
            "the Kremlin said",
            "unprecedented level",
            "Échec total",
            "Ukraine's forces",
            "soldiers | troops",
            "it's \"true\"",
            "a^b$c 'd' !e",
            "",
            "   padded   ",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }

    /// A needle with leading spaces (found by the property below): the quick path stands
    /// aside, and the finder agrees with nucleo-matcher.
    #[test]
    fn spaced_needle_agrees() {
        let c = Corpus::from_lines(["   a".to_string()]);
        let f = c.fields(0);
        let q = Query::parse(&"!  a".replace(' ', "\\ "));
        let mut m = Matcher::new(nucleo_matcher::Config::DEFAULT);
        for t in q.groups.iter().flatten() {
            assert_eq!(query::quick(t, &f), None, "{t:?}");
            let _ = query::nucleo_finds(&mut m, t, &f);
        }
    }

    proptest! {
        /// The quick exact path agrees with nucleo-matcher on ASCII text.
        #[test]
        fn quick_path_agrees(line in "[ a-cA-C]{0,12}", term in "[!]?['^]?[ a-cA-C]{1,3}[$]?") {
            let c = Corpus::from_lines([line]);
            let f = c.fields(0);
            let q = Query::parse(&term.replace(' ', "\\ "));
            let mut m = Matcher::new(nucleo_matcher::Config::DEFAULT);
            for t in q.groups.iter().flatten() {
                if let Some(quick) = query::quick(t, &f) {
                    prop_assert_eq!(quick, query::nucleo_finds(&mut m, t, &f), "{:?}", t);
                }
            }
        }

        /// Any query parses and matches without panicking, and highlights stay inside
        /// the text.
        #[test]
        fn any_query_is_safe(q in "[ a-zA-Z'^$!|@#\\\\é]{0,12}") {
            let mut f = Finder::with_corpora(Corpus::from_lines(corpus()), Corpus::default());
            f.set_query(&q);
            f.wait();
            for h in f.hits().to_vec() {
                let n = f.text(h).chars().count();
                prop_assert!(f.highlight(h).iter().all(|&i| i < n));
            }
        }

        /// Narrowing is sound: when a query narrows another, its hits are a subset, and
        /// typing it character by character finds what typing it at once finds.
        #[test]
        fn narrowing_is_sound(a in "[a-zA-Z '!^$|]{0,6}", b in "[a-zA-Z '!^$|]{1,4}") {
            let full = format!("{a}{b}");
            let mut f = Finder::with_corpora(Corpus::from_lines(corpus()), Corpus::default());
            f.set_sync_limit(0);
            f.set_query(&a);
            f.wait();
            f.set_query(&full);
            f.wait();
            let mut fresh = Finder::with_corpora(Corpus::from_lines(corpus()), Corpus::default());
            fresh.set_query(&full);
            fresh.wait();
            prop_assert_eq!(f.hits(), fresh.hits());
        }
    }
}
