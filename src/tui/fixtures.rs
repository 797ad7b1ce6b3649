//! Test fixtures: the reader on the bundled seeds or on the invented flood dossier
//! (`tests/fixtures/flood`: three outlets give 41, 44 and 58 dead), the model's real
//! analysis of them, and a hand-built comparison of the 000 and 001 articles (the 10,000
//! vs 11,000 troops conflict), so relation styling and synchronized scrolling are tested
//! apart from the aligner.

use crate::model::claims::{Comparison, Difference, Pair, Relation};
use crate::model::{load_bundled, load_path, ArticleId, Dossier, LoadOptions, Span};
use crate::tui::action::Action;
use crate::tui::analysis::{self, Analysis, Matrix};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use std::sync::Arc;

/// The span of `needle` in article `a`.
#[track_caller]
pub fn find(d: &Dossier, a: usize, needle: &str) -> Span {
    let text = &d.articles[a].text;
    let i = text.find(needle).expect("needle in article");
    Span::new(i, i + needle.len())
}

/// The sentence of article `a` holding `needle`.
#[track_caller]
pub fn sentence(d: &Dossier, a: usize, needle: &str) -> Span {
    let at = find(d, a, needle);
    d.articles[a]
        .paragraphs
        .iter()
        .flat_map(|p| p.sentences.iter())
        .find(|s| s.contains(at))
        .expect("sentence holding needle")
}

/// 000 vs 001: one conflict (troop numbers), one agreement, one claim only on each side.
pub fn troops(d: &Dossier) -> Comparison {
    Comparison {
        left: ArticleId(0),
        right: ArticleId(1),
        pairs: vec![
            Pair {
                relation: Relation::Agree,
                score: 0.8,
                left: sentence(d, 0, "urged North Korea"),
                right: sentence(d, 1, "Washington: Defense Secretary"),
                differences: vec![],
            },
            Pair {
                relation: Relation::Conflict,
                score: 0.7,
                left: sentence(d, 0, "approximately 10,000"),
                right: sentence(d, 1, "up to 11,000"),
                differences: vec![Difference {
                    left: "approximately 10,000 (Austin)".into(),
                    right: "up to 11,000 (Austin)".into(),
                    what: "troops".into(),
                    left_span: Some(find(d, 0, "10,000")),
                    right_span: Some(find(d, 1, "11,000")),
                }],
            },
        ],
        left_only: vec![sentence(d, 0, "Vladimir Putin")],
        right_only: vec![sentence(d, 1, "over 3,000")],
    }
}

/// The reader's analysis of `d`, as the background job makes it (every pair ahead).
pub fn analysis(d: &Dossier) -> Analysis {
    analysis::analyse(d, |_, _| {})
}

/// The model's analysis of `d` with no pair compared ahead (as on a large dossier).
pub fn analysis_unpaired(d: &Dossier) -> Analysis {
    Analysis::new(d)
}

/// An analysis of `d` that found no claim shared between sources.
pub fn analysis_unaligned(d: &Dossier) -> Analysis {
    let mut a = Analysis::new(d);
    a.clusters.clear();
    a.matrix = Matrix::default();
    a.sources.iter_mut().for_each(|s| *s = Default::default());
    a
}

/// The invented flood dossier of `tests/fixtures/flood`.
pub fn flood() -> Dossier {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/flood");
    load_path(&path, &LoadOptions::default()).expect("the flood fixture loads")
}

/// The reader on [`flood`] at a size, in colour, with its analysis done.
pub fn flood_app(w: u16, h: u16) -> App {
    let d = flood();
    let an = Arc::new(analysis(&d));
    let mut app = App::new(Arc::new(d), Theme::colored());
    app.update(Action::Resize(w, h));
    app.update(Action::AnalysisReady(an));
    app
}

/// The invented harbour dossier of `tests/fixtures/harbour`: one remark of the mayor in
/// three renderings, two dated articles (the later one first in file order) and one
/// undated.
pub fn harbour() -> Dossier {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/harbour");
    load_path(&path, &LoadOptions::default()).expect("the harbour fixture loads")
}

/// The reader on [`harbour`] at a size, in colour, with its analysis done.
pub fn harbour_app(w: u16, h: u16) -> App {
    let d = harbour();
    let an = Arc::new(analysis(&d));
    let mut app = App::new(Arc::new(d), Theme::colored());
    app.update(Action::Resize(w, h));
    app.update(Action::AnalysisReady(an));
    app
}

/// The reader on the seeds at a size, in colour.
pub fn app(w: u16, h: u16) -> App {
    let mut app = App::new(Arc::new(load_bundled()), Theme::colored());
    app.update(Action::Resize(w, h));
    app
}

/// Apply actions in order.
pub fn apply(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for a in actions {
        app.update(a);
    }
}

/// The seeds with three hand-made quotes (two speakers), independent of the extractor:
/// Austin's “unprecedented level of direct military cooperation” in 000, and two quotes
/// in 002.
pub fn with_quotes() -> Dossier {
    use crate::model::people::{Person, PersonId, SpeakerKind};
    use crate::model::quotes::{Quote, QuoteKind};
    let mut d = load_bundled();
    let person = |id: usize, name: &str, alias: &str| Person {
        id: PersonId(id),
        name: name.into(),
        kind: SpeakerKind::Person,
        aliases: vec![alias.into()],
        role: None,
        quotes: Vec::new(),
    };
    d.people = vec![
        person(0, "Lloyd Austin", "Austin"),
        person(1, "Kim Yong-hyun", "Kim"),
    ];
    let quotes = [
        (0, "unprecedented level of direct military cooperation", 0),
        (
            2,
            "We remain concerned that they’re going to use these troops in combat,",
            0,
        ),
        (
            2,
            "I believe this can result in the escalation of the security threats",
            1,
        ),
    ];
    d.quotes = quotes
        .iter()
        .map(|&(a, needle, who)| {
            let span = find(&d, a, needle);
            let mut q = Quote::new(ArticleId(a), span, QuoteKind::Full);
            q.set_speaker(Some(PersonId(who)));
            q
        })
        .collect();
    for i in 0..d.quotes.len() {
        let how = crate::model::quotes::How::of("same sentence");
        d.said.set(crate::model::quotes::QuoteId(i), None, how);
    }
    d
}

/// The reader on [`with_quotes`] at a size, in colour.
pub fn app_with_quotes(w: u16, h: u16) -> App {
    let mut app = App::new(Arc::new(with_quotes()), Theme::colored());
    app.update(Action::Resize(w, h));
    app
}

/// The reader on the seeds with no quotes at all (as a dossier of reported speech only).
pub fn app_without_quotes(w: u16, h: u16) -> App {
    let mut d = load_bundled();
    d.quotes.clear();
    d.people.clear();
    let mut app = App::new(Arc::new(d), Theme::colored());
    app.update(Action::Resize(w, h));
    app
}

/// Type text into whatever line is being edited.
pub fn type_text(app: &mut App, s: &str) {
    for c in s.chars() {
        app.update(Action::SearchChar(c));
    }
}
