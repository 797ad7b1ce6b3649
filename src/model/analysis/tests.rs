use super::*;
use crate::model::claims::{ClusterConflict, Mention, Relation};
use crate::model::{load_bundled, load_path, LoadOptions};

/// The invented flood dossier: three outlets give 41, 44 and "at least 58" dead.
fn flood() -> Dossier {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/flood");
    load_path(&path, &LoadOptions::default()).expect("the flood fixture loads")
}

fn mention(article: usize, start: usize, values: &[&str]) -> Mention {
    Mention {
        article: ArticleId(article),
        span: Span::new(start, start + 5),
        values: values.iter().map(|v| v.to_string()).collect(),
        attribution: None,
    }
}

fn conflict(a: usize, b: usize, left: &str, right: &str) -> ClusterConflict {
    ClusterConflict {
        a,
        b,
        left: left.into(),
        right: right.into(),
        what: "troops".into(),
    }
}

/// A cluster becomes a row: a conflicting mention marks its source's cell with the figure
/// in conflict, an agreeing one with its first figure (past a likelihood), a passage with
/// no figure with the glyph, a silent source is absent.
#[test]
fn row_cells_carry_the_figure_each_source_gives() {
    let c = Cluster {
        id: 1,
        mentions: vec![
            mention(0, 50, &["approximately 10,000"]),
            mention(2, 60, &["about 10,000", "as high as 11,000"]),
            mention(3, 70, &[]),
            mention(4, 80, &["pretty high", "50 kilometres"]),
        ],
        conflicts: vec![conflict(
            0,
            1,
            "approximately 10,000",
            "as high as 11,000 (officials)",
        )],
    };
    let r = row(5, 0, &c, &FigureConflicts::new(&[], &ByPair::default()));
    let at = |i: usize| cell_text(r.cell(ArticleId(i)));
    assert_eq!(at(0), "≠10,000");
    assert_eq!(at(1), ABSENT);
    assert_eq!(at(2), "≠11,000");
    assert_eq!(at(3), REPORTS);
    assert_eq!(at(4), "50 kilometres", "a likelihood is no figure");
    assert!(r.conflict());
    assert_eq!(r.sources(), 4);
    assert_eq!(r.label, (ArticleId(0), Span::new(50, 55)));
}

/// A row keeps a cell for each source that states the claim and none for the silent ones,
/// however many articles the dossier has; a mention of an article past the dossier's end
/// looks like a source but gets no cell.
#[test]
fn rows_keep_cells_of_stating_sources_only() {
    let c = Cluster {
        id: 1,
        mentions: vec![
            mention(4, 10, &["41"]),
            mention(0, 20, &[]),
            mention(9, 30, &["58"]),
        ],
        conflicts: vec![],
    };
    let r = row(5, 0, &c, &FigureConflicts::new(&[], &ByPair::default()));
    assert_eq!(r.cells.len(), 2);
    assert_eq!(r.sources(), 2);
    assert_eq!(cell_text(r.cell(ArticleId(4))), "41");
    assert_eq!(cell_text(r.cell(ArticleId(0))), REPORTS);
    assert!(r.cell(ArticleId(2)).is_none());
    assert!(
        r.cell(ArticleId(9)).is_none(),
        "article 9 is not in a 5-article dossier"
    );
    assert!(
        r.cells.windows(2).all(|w| w[0].0 < w[1].0),
        "in article order"
    );
}

/// A source with two passages in one row is drawn by its conflicting one, whichever comes
/// first.
#[test]
fn conflicting_passage_stands_for_its_source() {
    let c = Cluster {
        id: 1,
        mentions: vec![
            mention(0, 10, &["41"]),
            mention(1, 20, &["41"]),
            mention(1, 90, &["58"]),
        ],
        conflicts: vec![conflict(0, 2, "41", "58")],
    };
    let r = row(2, 0, &c, &FigureConflicts::new(&[], &ByPair::default()));
    let cell = r.cell(ArticleId(1)).expect("source 2 states it");
    assert_eq!(cell.span, Span::new(90, 95));
    assert_eq!(cell.text(), "≠58");
}

/// A value shortens to its figure: qualifier and holder dropped, unit and scale kept; a
/// likelihood ("pretty high") is no figure, and its cell keeps the glyph.
#[test]
fn short_figures() {
    for (value, want) in [
        ("approximately 10,000", Some("10,000")),
        ("as high as 11,000 (South Korean officials)", Some("11,000")),
        ("£200m", Some("£200m")),
        ("1.2 million", Some("1.2 million")),
        ("pretty high", None),
    ] {
        assert_eq!(short_figure(value).as_deref(), want, "{value}");
    }
}

/// A figure in brief: as written when short, its number with its bound as a sign when
/// long, and a figure in words cut with "…", never past the room given.
#[test]
fn brief_figures_fit_their_room() {
    let brief = |text: &str| {
        let facts = crate::model::facts::extract(text, Span::new(0, text.len()));
        let f = facts.figures.first().expect("a figure").clone();
        brief_figure(&f, 14)
    };
    assert_eq!(brief("The council counted 4,117 boats."), "4,117");
    assert_eq!(
        brief("The fund drew more than €300 million in pledges."),
        "≥€300 million"
    );
    let words = brief("Donors gave at least half a million pounds to the fund.");
    assert!(
        words.ends_with('…') && words.chars().count() <= 14,
        "{words}"
    );
}

/// The real analysis of the flood dossier: the toll row comes first with each outlet's
/// figure, and each source counts its one conflicting claim.
#[test]
fn flood_matrix_shows_each_outlets_toll() {
    let d = flood();
    let a = Analysis::new(&d);
    let top = &a.matrix.rows[0];
    assert!(top.conflict());
    let cells: Vec<String> = (0..3).map(|i| cell_text(top.cell(ArticleId(i)))).collect();
    assert_eq!(cells, ["≠41", "≠44", "≠58"]);
    assert!(a.matrix.rows[1..].iter().all(|r| !r.conflict()));
    assert!(a.sources.iter().all(|s| s.conflicting == 1));
    assert_eq!(a.quantities().len(), 2);
}

/// Conflicting claims are counted by passage, however many rows hold them: the seeds'
/// article 004 states four figures another source contradicts (10,000, 11,000 twice and
/// "more than 3,000" against "roughly 2,000"), while its cell in the troops row is one;
/// article 003 states none.
#[test]
fn conflicting_claims_are_counted_by_passage() {
    let d = load_bundled();
    let a = Analysis::new(&d);
    assert_eq!(a.sources[4].conflicting, 4);
    assert_eq!(a.sources[3].conflicting, 0);
    let top = &a.matrix.rows[0];
    assert_eq!(
        top.cell(ArticleId(4)).map(|c| c.stance),
        Some(Stance::Conflicts)
    );
}

/// Comparisons computed ahead are found either way round, mirrored.
#[test]
fn comparisons_ahead_answer_both_ways() {
    let d = flood();
    let mut a = Analysis::new(&d);
    let mut done = 0;
    a.compare_ahead(d.articles.len(), || done += 1);
    assert_eq!(done, 3);
    let fwd = a
        .comparison(ArticleId(0), ArticleId(2))
        .expect("compared ahead");
    let back = a.comparison(ArticleId(2), ArticleId(0)).expect("mirrored");
    assert_eq!(*back, fwd.mirrored());
    assert_eq!(*fwd, a.aligner.compare(ArticleId(0), ArticleId(2)));
}

/// The flood's toll reads as a timeline by the day each figure was true: the day its
/// sentence names ("rose to 44 on Tuesday": 2031-04-01, two days before its article's date),
/// else its article's date as it stands now; figures without a day last.
#[test]
fn timeline_orders_by_the_day_each_figure_was_true() {
    let mut d = flood();
    let a = Analysis::new(&d);
    let q = a
        .quantities()
        .iter()
        .find(|q| !q.conflicts.is_empty())
        .expect("the toll")
        .clone();
    let values = |d: &Dossier| -> Vec<f64> {
        timeline(d, &q)
            .iter()
            .map(|&i| q.mentions[i].figure.value)
            .collect()
    };
    let day = |d: &Dossier, v: f64| -> String {
        let m = q.mentions.iter().find(|m| m.figure.value == v).expect("v");
        mention_day(d, m).text().to_string()
    };
    assert_eq!(values(&d), [44.0, 41.0, 58.0]);
    assert_eq!(day(&d, 44.0), "2031-04-01");
    assert_eq!(day(&d, 41.0), "2031-04-02");
    assert_eq!(conflicted(&d, &q), [true; 3]);
    // A date the reader removes moves that article's figure to the end.
    d.articles[0].meta.date = None;
    assert_eq!(values(&d), [44.0, 58.0, 41.0]);
    assert_eq!(mention_day(&d, &q.mentions[0]), MentionDay::Unknown);
    // A date corrected in the reader moves it (a sentence naming no day follows its article).
    d.articles[0].meta.date = Some("2031-04-05".into());
    assert_eq!(values(&d), [44.0, 58.0, 41.0]);
    assert_eq!(day(&d, 41.0), "2031-04-05");
}

/// Without the article's date, a figure's day is the one its clause names, as written.
#[test]
fn an_undated_articles_figure_shows_the_day_its_clause_names() {
    let mut d = flood();
    d.articles[1].meta.date = None;
    let a = Analysis::new(&d);
    let q = a
        .quantities()
        .iter()
        .find(|q| !q.conflicts.is_empty())
        .expect("the toll");
    let m = q
        .mentions
        .iter()
        .find(|m| m.article == ArticleId(1))
        .expect("the second outlet's toll");
    assert_eq!(mention_day(&d, m), MentionDay::Written("Tuesday"));
    assert_eq!(mention_day(&d, m).iso(), None);
}

/// Mirroring swaps every side, differences included, and twice is the identity.
#[test]
fn mirror_swaps_sides() {
    let c = Comparison {
        left: ArticleId(0),
        right: ArticleId(1),
        pairs: vec![Pair {
            relation: Relation::Conflict,
            score: 1.0,
            left: Span::new(1, 2),
            right: Span::new(3, 4),
            differences: vec![Difference {
                left: "10,000".into(),
                right: "11,000".into(),
                what: "troops".into(),
                left_span: Some(Span::new(1, 2)),
                right_span: None,
            }],
        }],
        left_only: vec![],
        right_only: vec![Span::new(7, 8)],
    };
    let m = c.mirrored();
    assert_eq!(m.left, ArticleId(1));
    assert_eq!(m.pairs[0].left, Span::new(3, 4));
    assert_eq!(m.pairs[0].differences[0].left, "11,000");
    assert_eq!(m.pairs[0].differences[0].right_span, Some(Span::new(1, 2)));
    assert_eq!(m.left_only, vec![Span::new(7, 8)]);
    assert_eq!(m.mirrored(), c);
}

/// A figure mention of the toll: `value` in `article`'s claim starting at `claim`.
fn toll(article: usize, claim: usize, value: f64) -> crate::model::claims::FigureMention {
    use crate::model::facts::{Figure, Kind, Qualifier};
    let text = format!("{value}");
    crate::model::claims::FigureMention {
        article: ArticleId(article),
        claim: Span::new(claim, claim + 5),
        clause: Span::new(claim, claim + 5),
        figure: Figure {
            kind: Kind::Count,
            value,
            place: 1.0,
            upper: None,
            qualifier: Qualifier::Exact,
            unit: None,
            what: Some("dead".into()),
            noun: Some("people".into()),
            outcome: Some("dead".into()),
            converted: false,
            frame: Default::default(),
            span: Span::new(claim, claim + 2),
            text,
        },
        holder: None,
        as_of: None,
        named: None,
    }
}

/// The quantities' conflicts mark a row's cells even where the clustered claims were not
/// related as conflicting, but only between passages of that row; two holders within one
/// article are no conflict between sources.
#[test]
fn quantity_conflicts_mark_the_cells_of_their_row() {
    let held = |mut m: crate::model::claims::FigureMention, who: &str| {
        m.holder = Some(who.into());
        m
    };
    let qs = [
        quantity(vec![
            toll(0, 10, 41.0),
            toll(1, 20, 58.0),
            toll(2, 30, 41.0),
            toll(2, 90, 58.0),
        ]),
        quantity(vec![
            held(toll(3, 10, 7.0), "police"),
            held(toll(3, 40, 9.0), "organisers"),
            toll(4, 10, 7.0),
        ]),
    ];
    let index = ByPair::new(&qs);
    let figures = FigureConflicts::new(&qs, &index);
    // 0 and 1 in one row: both conflict; 2's conflict partners (0, 1) are elsewhere.
    let together = Cluster {
        id: 1,
        mentions: vec![mention(0, 10, &["41"]), mention(1, 20, &["58"])],
        conflicts: vec![],
    };
    let r = row(3, 0, &together, &figures);
    let cells: Vec<String> = (0..3).map(|i| cell_text(r.cell(ArticleId(i)))).collect();
    assert_eq!(cells, ["≠41", "≠58", ABSENT]);
    let apart = Cluster {
        id: 2,
        mentions: vec![mention(1, 20, &["58"]), mention(2, 90, &["58"])],
        conflicts: vec![],
    };
    let r = row(3, 1, &apart, &figures);
    assert!(!r.conflict(), "58 and 58 agree");
    let d = load_bundled();
    let totals: Vec<usize> = d
        .articles
        .iter()
        .map(|a| crate::model::claims::claim_spans(a).len())
        .collect();
    let counted = counts(&totals, &[], &figures);
    let conflicting: Vec<usize> = counted.iter().map(|c| c.conflicting).collect();
    // Article 3's 7 is set only against its own second holder's 9: not counted.
    assert_eq!(conflicting, [1, 1, 2, 1, 1]);
}

/// A quantity of `mentions` with the conflicts the quantities' rule finds.
fn quantity(mentions: Vec<crate::model::claims::FigureMention>) -> Quantity {
    Quantity {
        label: "dead".into(),
        kind: crate::model::facts::Kind::Count,
        unit: None,
        conflicts: crate::model::claims::quantities::conflicts(&mentions),
        mentions,
    }
}

/// A conflict the analyst judged (not a conflict, or explained) marks no cell and counts
/// for neither source; the others still do.
#[test]
fn judged_quantity_conflicts_mark_nothing() {
    let qs = [quantity(vec![
        toll(0, 10, 41.0),
        toll(1, 20, 58.0),
        toll(2, 30, 58.0),
    ])];
    let index = ByPair::new(&qs);
    let judged = |x: &crate::model::claims::FigureMention,
                  y: &crate::model::claims::FigureMention| {
        (x.article.0, y.article.0) == (0, 1)
    };
    let figures = FigureConflicts::judged(&qs, &index, &judged);
    let c = Cluster {
        id: 1,
        mentions: vec![mention(0, 10, &["41"]), mention(1, 20, &["58"])],
        conflicts: vec![],
    };
    assert!(!row(3, 0, &c, &figures).conflict());
    let counted = counts(&[3, 3, 3], &[], &figures);
    let conflicting: Vec<usize> = counted.iter().map(|c| c.conflicting).collect();
    assert_eq!(conflicting, [1, 0, 1], "41 against article 2's 58 stands");
}
