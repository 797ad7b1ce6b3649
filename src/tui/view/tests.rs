//! Every view drawn on the seeds at 120x40 and 60x15 (insta snapshots of the buffer), and
//! the styles snapshots cannot show checked on the cells themselves.

use super::render;
use crate::model::people::{Person, PersonId, SpeakerKind};
use crate::model::quotes::{Quote, QuoteKind};
use crate::model::{ArticleId, Dossier};
use crate::tui::action::Action as A;
use crate::tui::app::App;
use crate::tui::fixtures::{self, apply};
use crate::tui::theme::Theme;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use ratatui::Terminal;
use std::sync::Arc;

const SIZES: [(u16, u16); 2] = [(120, 40), (60, 15)];

/// Draw the app on a test terminal of its size.
#[track_caller]
fn draw(app: &App) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    t.draw(|f| render(app, f)).unwrap();
    t
}

/// The (x, y) of every place `needle` is drawn.
fn positions(buf: &Buffer, needle: &str) -> Vec<(u16, u16)> {
    let want: Vec<String> = needle.chars().map(|c| c.to_string()).collect();
    let mut out = vec![];
    for y in 0..buf.area.height {
        let row: Vec<&str> = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        for x in 0..row.len().saturating_sub(want.len() - 1) {
            if row[x..x + want.len()]
                .iter()
                .zip(&want)
                .all(|(a, b)| a == b)
            {
                out.push((x as u16, y));
            }
        }
    }
    out
}

/// Snapshot a state at both sizes; `setup` runs on a fresh app of each size.
#[track_caller]
fn snapshot_both(name: &str, setup: impl Fn(&mut App)) {
    for (w, h) in SIZES {
        let mut app = fixtures::app(w, h);
        setup(&mut app);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), draw(&app).backend());
    }
}

fn with_analysis(app: &mut App) {
    let an = Arc::new(fixtures::analysis(&app.dossier));
    app.update(A::AnalysisReady(an));
}

fn compare_troops(app: &mut App) {
    with_analysis(app);
    apply(app, [A::Compare, A::Open]);
}

/// The source list with the first article previewed.
#[test]
fn view_sources() {
    snapshot_both("sources", with_analysis);
}

/// An article opened, cursor moved down.
#[test]
fn view_article() {
    snapshot_both("article", |app| apply(app, [A::Open, A::Down, A::Down]));
}

/// Noise folded in the last article (its appended interview).
#[test]
fn view_article_folded() {
    snapshot_both("article_folded", |app| {
        apply(app, [A::Bottom, A::Open, A::ToggleNoise])
    });
}

/// A search being typed.
#[test]
fn view_search() {
    snapshot_both("search", |app| {
        apply(app, [A::Open, A::SearchStart]);
        for c in "troops".chars() {
            app.update(A::SearchChar(c));
        }
    });
}

/// Compare 000 with 001, at the conflict (stacked at 60 columns).
#[test]
fn view_compare_conflict() {
    snapshot_both("compare", |app| {
        compare_troops(app);
        app.update(A::NextConflict);
    });
}

/// The claims matrix.
#[test]
fn view_matrix() {
    snapshot_both("matrix", |app| {
        with_analysis(app);
        apply(app, [A::Matrix, A::Right]);
    });
}

/// The help overlay, generated from the keymap.
#[test]
fn view_help() {
    snapshot_both("help", |app| apply(app, [A::Help]));
}

/// The picker for the other source.
#[test]
fn view_pick() {
    snapshot_both("pick", |app| apply(app, [A::Compare]));
}

/// Below the minimum size the reader says so.
#[test]
fn view_too_small() {
    let app = fixtures::app(30, 8);
    insta::assert_snapshot!("too_small", draw(&app).backend());
}

/// The conflict's figures are emphasized and its rows carry the conflict marker, on
/// both sides; corroborated and only-here claims have their own styles.
#[test]
fn compare_styles_relations() {
    for (w, h) in SIZES {
        let mut app = fixtures::app(w, h);
        compare_troops(&mut app);
        app.update(A::NextConflict);
        let t = draw(&app);
        let buf = t.backend().buffer();
        let theme = Theme::colored();
        for fig in ["10,000", "11,000"] {
            let at = positions(buf, fig);
            let (x, y) = *at
                .first()
                .unwrap_or_else(|| panic!("{fig} on screen at {w}x{h}"));
            assert_eq!(buf[(x, y)].bg, Color::Red, "{fig} emphasized");
            // The marker sits in the gutter of the same row.
            let marker = (0..x).rev().find(|&gx| buf[(gx, y)].symbol() == "≠");
            let gx = marker.unwrap_or_else(|| panic!("≠ on the row of {fig}"));
            assert_eq!(buf[(gx, y)].fg, theme.conflict.fg.unwrap());
        }
        if w == 120 {
            // 001's opening is corroborated, "Putin" only here.
            let (x, y) = positions(buf, "Washington:")[0];
            assert_eq!(buf[(x, y)].fg, Color::Green);
            let (x, y) = positions(buf, "Putin")[0];
            assert_eq!(buf[(x, y)].fg, Color::Blue);
            assert!(!positions(buf, "≠ CONFLICT").is_empty());
        }
    }
}

/// Search matches are highlighted on every match drawn.
#[test]
fn search_matches_highlighted() {
    let mut app = fixtures::app(120, 40);
    apply(
        &mut app,
        [
            A::Open,
            A::SearchStart,
            A::SearchChar('K'),
            A::SearchChar('i'),
        ],
    );
    let t = draw(&app);
    let buf = t.backend().buffer();
    let hits = positions(buf, "Kim");
    assert!(!hits.is_empty());
    for (x, y) in hits.into_iter().filter(|&(x, _)| x > 40) {
        assert_eq!(buf[(x, y)].bg, Color::Yellow);
        assert_eq!(
            buf[(x + 2, y)].bg,
            Color::Reset,
            "m is not part of the match"
        );
    }
}

/// A quote shows in its speaker's colour and the speaker is named at the cursor.
#[test]
fn quotes_coloured_and_named() {
    let mut d: Dossier = crate::model::load_bundled();
    let span = fixtures::find(&d, 0, "unprecedented level of direct military cooperation");
    let (paragraph, sentence) = (1, 0);
    d.people = vec![
        Person {
            id: PersonId(0),
            name: "Kim Yong-hyun".into(),
            kind: SpeakerKind::Person,
            aliases: vec![],
            role: None,
        },
        Person {
            id: PersonId(1),
            name: "Lloyd Austin".into(),
            kind: SpeakerKind::Person,
            aliases: vec![],
            role: None,
        },
    ];
    d.quotes = vec![Quote {
        article: ArticleId(0),
        span,
        kind: QuoteKind::Partial,
        paragraph,
        sentence,
        speaker: Some(PersonId(1)),
        as_written: Some("Austin".into()),
        how: Some("same sentence"),
    }];
    let mut app = App::new(Arc::new(d), Theme::colored());
    apply(&mut app, [A::Resize(120, 40), A::Open]);
    let unit = crate::tui::app::reader::unit_at(&app.units[0], span.start);
    for _ in 0..unit {
        app.update(A::Down);
    }
    let t = draw(&app);
    let buf = t.backend().buffer();
    let (x, y) = positions(buf, "unprecedented")[0];
    assert_eq!(
        buf[(x, y)].style().fg,
        app.theme.quote(Some(PersonId(1))).fg
    );
    assert!(!positions(buf, "quote: Lloyd Austin (“Austin”)").is_empty());
    assert!(
        buf[(x, y)].modifier.contains(Modifier::UNDERLINED),
        "cursor on it"
    );
}

/// Control characters and escape sequences in an article are drawn as visible symbols.
#[test]
fn hostile_text_is_drawn_visibly() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Bad \x1b[31mred\x1b]0;title\x07 and \u{202e}bidi here.\nSecond paragraph.\n",
    )
    .unwrap();
    let d = crate::model::load_path(dir.path(), &Default::default()).unwrap();
    let mut app = App::new(Arc::new(d), Theme::colored());
    apply(&mut app, [A::Resize(120, 40), A::Open]);
    let t = draw(&app);
    let buf = t.backend().buffer();
    assert!(!positions(buf, "␛[31mred␛]0;title␇").is_empty());
    assert!(!positions(buf, "�bidi").is_empty());
}

/// Under NO_COLOR no cell has a colour, and the gutter markers still tell relations apart.
#[test]
fn no_color_has_markers_only() {
    let mut app = fixtures::app(120, 40);
    app.theme = Theme::plain();
    compare_troops(&mut app);
    app.update(A::NextConflict);
    let t = draw(&app);
    let buf = t.backend().buffer();
    for c in buf.content() {
        assert_eq!((c.fg, c.bg), (Color::Reset, Color::Reset));
    }
    for m in ["≠", "=", "+"] {
        assert!(!positions(buf, m).is_empty(), "{m} marker");
    }
}

/// The matrix and the compare view when no claim is aligned (a legend of the sources
/// instead of a passage; one plain line under the panes).
#[test]
fn view_unaligned() {
    let empty = |app: &mut App| {
        let an = crate::tui::analysis::from_comparisons(5, Default::default());
        app.update(A::AnalysisReady(Arc::new(an)));
    };
    snapshot_both("matrix_empty", |app| {
        empty(app);
        app.update(A::Matrix);
    });
    snapshot_both("compare_unaligned", |app| {
        empty(app);
        apply(app, [A::Compare, A::Open]);
        app.update(A::ComparisonReady(Arc::new(crate::model::claims::compare(
            &app.dossier,
            ArticleId(0),
            ArticleId(1),
        ))));
    });
}
