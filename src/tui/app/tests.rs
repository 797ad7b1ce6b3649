//! Key handling and state, without a terminal: actions in, state and effects out.

use super::*;
use crate::tui::action::{Action as A, Effect};
use crate::tui::analysis::SessionAligner;
use crate::tui::fixtures::{self, apply};

fn app() -> App {
    fixtures::app(120, 40)
}

/// Opening 000 against 001 through the picker, with the hand-built comparison arriving.
fn compare_troops(app: &mut App) {
    apply(app, [A::Compare, A::Open]);
    let c = Arc::new(fixtures::troops(&app.dossier));
    app.update(A::ComparisonReady(c));
}

/// j/k move through the sources and the article pane follows the selection.
#[test]
fn sources_move_and_preview() {
    let mut app = app();
    apply(&mut app, [A::Down, A::Down, A::Up]);
    assert_eq!(app.selected, 1);
    assert_eq!(app.reader.article, ArticleId(1));
    apply(&mut app, [A::Bottom]);
    assert_eq!(app.selected, 4);
    apply(&mut app, [A::Down]);
    assert_eq!(app.selected, 4, "the list does not run past its end");
}

/// Enter opens the article, Esc comes back to the list.
#[test]
fn enter_opens_escape_returns() {
    let mut app = app();
    apply(&mut app, [A::Down, A::Open]);
    assert_eq!(app.focus, Focus::Article);
    assert_eq!(app.mode(), Mode::Article);
    apply(&mut app, [A::Down, A::Down]);
    assert_eq!(app.reader.cursor, 2);
    apply(&mut app, [A::Back]);
    assert_eq!(app.focus, Focus::Sources);
    assert_eq!(app.selected, 1);
}

/// q quits from every view and asks the driver to restore the terminal.
#[test]
fn q_quits() {
    for setup in [vec![], vec![A::Open], vec![A::Matrix]] {
        let mut app = app();
        apply(&mut app, setup);
        let e = app.update(A::Quit);
        assert_eq!(e.last(), Some(&Effect::Quit));
        // The reading position is saved first.
        assert!(
            matches!(e[0], Effect::Save(crate::state::Change::SetPosition(_))),
            "{e:?}"
        );
    }
    assert_eq!(app().update(A::Suspend).last(), Some(&Effect::Suspend));
}

/// Typing a search jumps to the first match after the cursor; n and N cycle; Esc clears.
#[test]
fn search_finds_and_cycles() {
    let mut app = app();
    apply(&mut app, [A::Open, A::SearchStart]);
    assert_eq!(app.mode(), Mode::Search);
    for c in "troops".chars() {
        app.update(A::SearchChar(c));
    }
    let n = app.search.matches.len();
    assert!(n >= 2, "finds troops: {n}");
    assert_eq!(app.search.current, Some(0));
    let first = app.search.matches[0];
    let span = app.reader.span(&app.units[0]).unwrap();
    assert!(span.contains(first), "cursor on the match's sentence");
    apply(&mut app, [A::SearchConfirm, A::SearchNext]);
    assert_eq!(app.search.current, Some(1));
    apply(&mut app, [A::SearchPrev, A::SearchPrev]);
    assert_eq!(app.search.current, Some(n - 1), "N wraps around");
    apply(&mut app, [A::SearchStart, A::Back]);
    assert!(app.search.matches.is_empty());
    assert_eq!(app.focus, Focus::Article);
}

/// A capital letter makes the search case-sensitive.
#[test]
fn smart_case() {
    assert_eq!(find_all("Kursk kursk", "kursk").len(), 2);
    assert_eq!(find_all("Kursk kursk", "Kursk").len(), 1);
    assert!(find_all("a.b", ".").len() == 1, "literal, not a pattern");
}

/// Folding noise keeps the cursor on a shown sentence, and z unfolds again.
#[test]
fn fold_keeps_cursor_on_body() {
    let mut app = app();
    // Article 5 (004) ends with an appended interview.
    apply(&mut app, [A::Bottom, A::Open, A::Bottom]);
    let d = app.dossier.clone();
    let a = d.article(ArticleId(4));
    let noisy = a.paragraphs[app.units[4][app.reader.cursor].para]
        .kind
        .is_noise();
    apply(&mut app, [A::ToggleNoise]);
    assert!(app.fold);
    let para = app.units[4][app.reader.cursor].para;
    assert!(
        !a.paragraphs[para].kind.is_noise(),
        "cursor left the folded noise (was noise: {noisy})"
    );
    apply(&mut app, [A::ToggleNoise]);
    assert!(!app.fold);
}

/// c asks for the other source (the next one preselected); Enter opens the comparison
/// and asks for it to be computed off the UI thread.
#[test]
fn compare_through_picker() {
    let mut app = app();
    app.progress = None;
    app.update(A::Compare);
    assert_eq!(
        app.overlay,
        Some(Overlay::Pick {
            left: ArticleId(0),
            selected: 0
        })
    );
    assert_eq!(app.mode(), Mode::Pick);
    let effects = app.update(A::Open);
    assert_eq!(
        effects,
        vec![Effect::Compare(ArticleId(0), ArticleId(1), None)]
    );
    assert_eq!(app.focus, Focus::Compare);
    assert!(app.busy());
    app.update(A::ComparisonReady(Arc::new(fixtures::troops(&app.dossier))));
    assert!(!app.busy());
    assert_eq!(app.compare.as_ref().unwrap().claims[0].len(), 3);
}

/// While the dossier analysis runs, the comparison comes with it rather than twice.
#[test]
fn compare_waits_for_analysis() {
    let mut app = app();
    assert_eq!(app.start(), vec![Effect::Analyse]);
    apply(&mut app, [A::Compare]);
    assert_eq!(app.update(A::Open), vec![]);
    let an = Arc::new(fixtures::analysis(&app.dossier));
    app.update(A::AnalysisReady(an));
    assert!(app.compare.as_ref().unwrap().comparison.is_some());
    assert_eq!(app.progress, None);
}

/// The session's claims, as the analysis extracts them.
fn session(app: &App) -> SessionAligner {
    SessionAligner(Arc::new(crate::model::claims::Aligner::new(&app.dossier)))
}

/// A comparison opened after the analysis, which did not compute it ahead (as on a large
/// dossier), is asked with the session's extracted claims rather than extracting them again.
#[test]
fn compare_after_analysis_uses_session_claims() {
    let mut app = app();
    app.start();
    let s = session(&app);
    assert_eq!(app.update(A::AlignerReady(s.clone())), vec![]);
    app.update(A::AnalysisReady(Arc::new(fixtures::analysis_unpaired(
        &app.dossier,
    ))));
    apply(&mut app, [A::Compare]);
    let asked = app.update(A::Open);
    assert_eq!(
        asked,
        vec![Effect::Compare(ArticleId(0), ArticleId(1), Some(s))]
    );
    assert!(app.busy());
}

/// A compare view opened while the claims are being extracted waits for them, then asks
/// for its comparison with them.
#[test]
fn compare_waits_for_session_claims() {
    let mut app = app();
    app.start();
    apply(&mut app, [A::Compare]);
    assert_eq!(app.update(A::Open), vec![]);
    let s = session(&app);
    let asked = app.update(A::AlignerReady(s.clone()));
    assert_eq!(
        asked,
        vec![Effect::Compare(ArticleId(0), ArticleId(1), Some(s))]
    );
    // The analysis ending meanwhile does not ask a second time.
    assert_eq!(
        app.update(A::AnalysisReady(Arc::new(fixtures::analysis_unpaired(
            &app.dossier
        )))),
        vec![]
    );
}

/// An analysis without the pair compared ahead and without extracted claims (they never
/// came) still gets the open compare view its comparison.
#[test]
fn compare_not_computed_ahead_is_asked_after_analysis() {
    let mut app = app();
    app.start();
    apply(&mut app, [A::Compare, A::Open]);
    let asked = app.update(A::AnalysisReady(Arc::new(fixtures::analysis_unpaired(
        &app.dossier,
    ))));
    assert_eq!(
        asked,
        vec![Effect::Compare(ArticleId(0), ArticleId(1), None)]
    );
}

/// ] goes to the conflict and scrolls the other side to its counterpart, on the same row.
#[test]
fn next_conflict_syncs_other_side() {
    let mut app = app();
    compare_troops(&mut app);
    app.update(A::NextConflict);
    let d = app.dossier.clone();
    let st = app.compare.as_ref().unwrap();
    let left = st.sides[0].span(&app.units[0]).unwrap();
    let right = st.sides[1].span(&app.units[1]).unwrap();
    assert!(left.contains(fixtures::find(&d, 0, "10,000")));
    assert!(right.contains(fixtures::find(&d, 1, "11,000")));
    let areas = view::compare_text_areas(&app).unwrap();
    let rows: Vec<usize> = (0..2)
        .map(|i| {
            let f = app.frame_for(st.sides[i].article, areas[i]);
            st.sides[i].cursor_row(&f.view(&app))
        })
        .collect();
    assert_eq!(rows[0], rows[1], "counterparts level");
    app.update(A::NextConflict);
    assert_eq!(
        app.message.as_deref(),
        Some("no further conflict ([ goes back)")
    );
    app.update(A::PrevConflict);
    assert!(app.message.is_some(), "nothing before the only conflict");
}

/// Moving onto a corroborated claim brings its counterpart along; moving on
/// a claim without counterpart leaves the other side where it is.
#[test]
fn moving_syncs_counterparts() {
    let mut app = app();
    compare_troops(&mut app);
    apply(&mut app, [A::Down, A::Up]);
    let st = app.compare.as_ref().unwrap();
    assert_eq!(st.sides[1].cursor, 0, "first sentences are a pair");
}

/// s swaps the sides, claims and all; o offers the other sources.
#[test]
fn swap_and_other_source() {
    let mut app = app();
    compare_troops(&mut app);
    app.update(A::SwapSides);
    let st = app.compare.as_ref().unwrap();
    assert_eq!(st.sides[0].article, ArticleId(1));
    let c = st.comparison.as_ref().unwrap();
    assert_eq!(c.left, ArticleId(1));
    assert_eq!(c.pairs[1].differences[0].left, "up to 11,000 (Austin)");
    assert_eq!(st.active, Side::Right, "the cursor stays on its article");
    app.update(A::OtherSource);
    assert!(matches!(
        app.overlay,
        Some(Overlay::Pick {
            left: ArticleId(1),
            ..
        })
    ));
    apply(&mut app, [A::Down, A::Open]);
    let st = app.compare.as_ref().unwrap();
    assert_eq!(
        (st.sides[0].article, st.sides[1].article),
        (ArticleId(1), ArticleId(3))
    );
    apply(&mut app, [A::Back]);
    assert_eq!(app.focus, Focus::Article);
}

/// Enter on a matrix cell opens that passage; Esc goes back to the matrix.
#[test]
fn matrix_opens_passage() {
    let mut app = app();
    app.update(A::AnalysisReady(Arc::new(fixtures::analysis(&app.dossier))));
    apply(&mut app, [A::Matrix, A::Right, A::Open]);
    assert_eq!(app.focus, Focus::Article);
    assert_eq!(app.reader.article, ArticleId(1));
    let span = app.reader.span(&app.units[1]).unwrap();
    assert!(span.contains(fixtures::find(&app.dossier, 1, "as high as 11,000")));
    apply(&mut app, [A::Back]);
    assert_eq!(app.focus, Focus::Matrix);
    apply(&mut app, [A::Right, A::Right, A::Open]);
    assert_eq!(
        app.focus,
        Focus::Matrix,
        "a silent source has nothing to open"
    );
    assert!(app.message.is_some());
}

/// ? opens the help over any view and Esc closes it, keys going to it meanwhile.
#[test]
fn help_overlay() {
    let mut app = app();
    apply(&mut app, [A::Help, A::Down]);
    assert_eq!(app.mode(), Mode::Help);
    assert_eq!(app.overlay, Some(Overlay::Help { scroll: 1 }));
    assert_eq!(app.selected, 0, "keys went to the help");
    apply(&mut app, [A::Bottom, A::Down]);
    let Some(Overlay::Help { scroll }) = app.overlay else {
        panic!("help open")
    };
    assert!(
        scroll > 1 && scroll < view::help::lines(&app).len(),
        "{scroll}"
    );
    apply(&mut app, [A::Back]);
    assert_eq!(app.overlay, None);
}

/// Clicking a source selects it; clicking the text moves the cursor there.
#[test]
fn mouse_selects() {
    let mut app = app();
    // Sources are two rows each, under the border: row 5 is the third source.
    app.update(A::Click(5, 5));
    assert_eq!(app.selected, 2);
    let text = view::article_text_area(&app).unwrap();
    app.update(A::Click(text.x + 3, text.y + 10));
    assert_eq!(app.focus, Focus::Article);
    assert!(app.reader.cursor > 0);
    app.update(A::Wheel(text.x + 3, text.y, true));
    assert_eq!(app.reader.scroll, 3);
}

/// Any sequence of actions, at any size, keeps cursors and scrolls inside their article.
#[test]
fn random_actions_keep_invariants() {
    let pool = [
        A::Down,
        A::Up,
        A::PageDown,
        A::PageUp,
        A::HalfPageDown,
        A::HalfPageUp,
        A::Top,
        A::Bottom,
        A::Open,
        A::Back,
        A::NextPane,
        A::ToggleNoise,
        A::Compare,
        A::SwapSides,
        A::OtherSource,
        A::SwitchSide,
        A::NextConflict,
        A::PrevConflict,
        A::Matrix,
        A::Left,
        A::Right,
        A::Help,
        A::SearchStart,
        A::SearchChar('t'),
        A::SearchConfirm,
        A::SearchNext,
        A::Resize(60, 15),
        A::Resize(120, 40),
        A::Resize(41, 10),
        A::Click(50, 7),
        A::Wheel(70, 20, true),
        A::Finder,
        A::FinderScope,
        A::SearchBackspace,
        A::Clip,
        A::ClipParagraph,
        A::Visual,
        A::Clippings,
        A::Delete,
        A::MoveUp,
        A::MoveDown,
        A::Note,
        A::Export,
        A::NextFormat,
        A::Yes,
        A::Copy,
        A::Tick,
        A::ExportExists(std::path::PathBuf::from("x.md")),
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..40 {
        let mut app = app();
        app.update(A::AnalysisReady(Arc::new(fixtures::analysis(&app.dossier))));
        for _ in 0..120 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let a = pool[(seed % pool.len() as u64) as usize].clone();
            if matches!(a, A::Compare | A::OtherSource) {
                app.update(a);
                app.update(A::Open);
                app.update(A::ComparisonReady(Arc::new(fixtures::troops(&app.dossier))));
                continue;
            }
            app.update(a);
            let n = app.units[app.reader.article.0].len();
            assert!(app.reader.cursor < n.max(1));
            assert!(app.selected < app.dossier.articles.len());
            if let Some(st) = &app.compare {
                for r in &st.sides {
                    assert!(r.cursor < app.units[r.article.0].len().max(1));
                }
            }
        }
    }
}

/// Loading warnings are shown when the reader opens (stderr is hidden under it).
#[test]
fn loading_warnings_shown() {
    let mut d = (*app().dossier).clone();
    d.warnings.push(crate::model::Warning {
        file: Some("bad.txt".into()),
        message: "binary file skipped".into(),
    });
    let mut app = App::new(Arc::new(d), crate::tui::theme::Theme::plain());
    app.start();
    assert_eq!(
        app.message.as_deref(),
        Some("warning: bad.txt: binary file skipped")
    );
    app.update(A::Down);
    assert_eq!(app.message, None, "gone with the next key");
}

/// An article with no paragraph (white space only) can be opened, moved in, searched
/// and compared without a panic.
#[test]
fn empty_article_is_safe() {
    let mut d = (*app().dossier).clone();
    let mut empty = d.articles[0].clone();
    empty.id = ArticleId(d.articles.len());
    empty.file = "zz_empty.txt".into();
    empty.text = "   \n\n ".into();
    empty.paragraphs.clear();
    d.articles.push(empty);
    let mut app = App::new(Arc::new(d), crate::tui::theme::Theme::plain());
    for size in [(120, 40), (60, 15)] {
        app.update(A::Resize(size.0, size.1));
        apply(&mut app, [A::Bottom, A::Open]);
        assert_eq!(app.reader.article, ArticleId(5));
        for a in [
            A::Down,
            A::Up,
            A::PageDown,
            A::Bottom,
            A::Top,
            A::HalfPageUp,
            A::ToggleNoise,
            A::SearchStart,
            A::SearchChar('a'),
            A::SearchConfirm,
            A::SearchNext,
            A::Click(70, 10),
            A::Wheel(70, 10, true),
        ] {
            app.update(a);
        }
        apply(&mut app, [A::Compare, A::Open]);
        app.update(A::ComparisonReady(Arc::new(crate::model::claims::compare(
            &app.dossier,
            ArticleId(5),
            ArticleId(0),
        ))));
        for a in [
            A::Down,
            A::NextConflict,
            A::SwitchSide,
            A::Down,
            A::SwapSides,
            A::PageDown,
        ] {
            app.update(a);
        }
        let t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(size.0, size.1));
        let mut t = t.unwrap();
        t.draw(|f| view::render(&app, f)).unwrap();
        apply(&mut app, [A::Back, A::Back]);
    }
}
