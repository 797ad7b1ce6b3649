//! Key handling and state, without a terminal: actions in, state and effects out.

use super::*;
use crate::tui::action::{Action as A, Effect};
use crate::tui::analysis::SessionAligner;
use crate::tui::fixtures::{self, apply};
use crate::tui::view;

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
    let first = app.search.matches[0].span;
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
    assert_eq!(
        app.focus,
        Focus::Sources,
        "back where the comparison was opened"
    );
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

/// Esc retraces the way the reader came, one view at a time: a passage opened from the
/// matrix opened from an article, then the clippings over it, unwind in that order.
#[test]
fn back_retraces_the_way() {
    let mut app = app();
    app.update(A::AnalysisReady(Arc::new(fixtures::analysis(&app.dossier))));
    apply(&mut app, [A::Open, A::Down, A::Matrix, A::Right, A::Open]);
    assert_eq!(
        (app.focus, app.reader.article),
        (Focus::Article, ArticleId(1))
    );
    apply(&mut app, [A::Clippings]);
    let mut seen = vec![];
    for _ in 0..4 {
        apply(&mut app, [A::Back]);
        seen.push((app.focus, app.reader.article.0, app.reader.cursor));
    }
    assert_eq!(
        seen[..3],
        [
            (Focus::Article, 1, seen[0].2),
            (Focus::Matrix, 0, 1),
            (Focus::Article, 0, 1),
        ],
        "each view as it was left"
    );
    assert_eq!(seen[3].0, Focus::Sources);
    assert!(app.nav.is_empty());
}

/// Opening the matrix from a passage it opened goes back to it rather than stacking a
/// second matrix: Esc from there returns to where the matrix was first opened.
#[test]
fn reopening_a_view_on_the_way_back_returns_to_it() {
    let mut app = app();
    app.update(A::AnalysisReady(Arc::new(fixtures::analysis(&app.dossier))));
    apply(&mut app, [A::Open, A::Matrix, A::Right, A::Open, A::Matrix]);
    assert_eq!(app.focus, Focus::Matrix);
    assert_eq!(app.nav.places().len(), 1);
    apply(&mut app, [A::Back]);
    assert_eq!(
        (app.focus, app.reader.article),
        (Focus::Article, ArticleId(0))
    );
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
    let lines = crate::tui::keymap::help::lines(&app.keymap, app.view_mode(), None);
    assert!(scroll > 1 && scroll < lines.len(), "{scroll}");
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
        A::BackOrQuit,
        A::LastMessage,
        A::SearchPrev,
        A::Unbound("w".into()),
        A::Speakers,
        A::Variants,
        A::OnlyHere,
        A::SourceOrder,
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
            // A search's matches are in what its view shows, never stale.
            let shown: Vec<usize> = match (app.search.scope, &app.compare) {
                (SearchIn::Article, _) => vec![app.reader.article.0],
                (SearchIn::Compare, Some(st)) => st.sides.iter().map(|r| r.article.0).collect(),
                _ => vec![],
            };
            if matches!(app.search.scope, SearchIn::Article | SearchIn::Compare) {
                assert!(app.search.matches.iter().all(|m| shown.contains(&m.item)));
            }
            assert!(app
                .search
                .current
                .is_none_or(|i| i < app.search.matches.len()));
            assert!(app.nav.places().len() <= 64);
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

/// q backs out one level from compare, the matrix and the help, each to where it was
/// opened; at the sources and article screen it quits (saving the position); Q quits
/// from anywhere.
#[test]
fn q_backs_out_then_quits() {
    let mut app = app();
    app.update(A::AnalysisReady(Arc::new(fixtures::analysis(&app.dossier))));
    apply(&mut app, [A::Open]);
    compare_troops(&mut app);
    assert_eq!(app.focus, Focus::Compare);
    apply(&mut app, [A::Matrix, A::Help]);
    assert_eq!(app.mode(), Mode::Help);
    assert!(app.update(A::BackOrQuit).is_empty());
    assert_eq!((app.overlay.clone(), app.focus), (None, Focus::Matrix));
    app.update(A::BackOrQuit);
    assert_eq!(app.focus, Focus::Compare, "the matrix returns to compare");
    app.update(A::BackOrQuit);
    assert_eq!(app.focus, Focus::Article, "compare returns to the article");
    let e = app.update(A::BackOrQuit);
    assert_eq!(e.last(), Some(&Effect::Quit), "{e:?}");
    let mut app = self::app();
    apply(&mut app, [A::Matrix, A::Help]);
    assert_eq!(app.update(A::Quit).last(), Some(&Effect::Quit));
}

/// `/` in compare types a search (letters are text, not commands), finds the word on
/// both sides, and n goes across from one side to the other.
#[test]
fn compare_search_spans_both_sides() {
    let mut app = app();
    compare_troops(&mut app);
    apply(&mut app, [A::SearchStart]);
    assert_eq!(app.mode(), Mode::Search);
    fixtures::type_text(&mut app, "troops");
    assert!(app.overlay.is_none(), "o did not open the picker");
    assert_eq!(app.focus, Focus::Compare);
    let ids: Vec<usize> = app.search.matches.iter().map(|m| m.item).collect();
    assert!(ids.contains(&0) && ids.contains(&1), "{ids:?}");
    let left = ids.iter().filter(|&&i| i == 0).count();
    apply(&mut app, [A::SearchConfirm]);
    for _ in 0..left {
        apply(&mut app, [A::SearchNext]);
    }
    let st = app.compare.as_ref().unwrap();
    assert_eq!(st.active, Side::Right, "n crossed to the right side");
    let m = app.search.matches[app.search.current.unwrap()];
    let r = st.sides[1];
    assert!(app.units[1][r.cursor].span.contains(m.span));
}

/// `/` in the matrix and the clippings moves the selection to the matching row.
#[test]
fn matrix_and_clippings_search_select_rows() {
    let mut app = app();
    let an = fixtures::analysis(&app.dossier);
    let rows = an.matrix.rows.len();
    let (art, span) = an.matrix.rows[rows - 1].label;
    let word: String = app.dossier.article(art).text[span.range()]
        .split_whitespace()
        .max_by_key(|w| w.len())
        .unwrap()
        .to_string();
    app.update(A::AnalysisReady(Arc::new(an)));
    apply(&mut app, [A::Matrix, A::SearchStart]);
    fixtures::type_text(&mut app, &word);
    let want = app.search.matches[0].item;
    assert_eq!(app.matrix.row, want);
    let mut app = crate::tui::app::clip::tests::three_clippings();
    let last = app.state.clippings.len() - 1;
    let word = app.state.clippings[last]
        .text
        .split_whitespace()
        .last()
        .unwrap();
    let word = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string();
    apply(&mut app, [A::Clippings, A::Top, A::SearchStart]);
    fixtures::type_text(&mut app, &word);
    assert_eq!(app.clip_selected, app.search.matches[0].item);
    assert!(app.search.matches.iter().any(|m| m.item == last));
}

/// A search ends when its view is left: coming back shows no stale count.
#[test]
fn search_does_not_outlive_its_view() {
    let mut app = app();
    apply(&mut app, [A::Open, A::SearchStart]);
    fixtures::type_text(&mut app, "troops");
    apply(&mut app, [A::SearchConfirm]);
    assert!(app.search_kept());
    apply(&mut app, [A::Matrix, A::Back]);
    assert!(!app.search_kept());
    assert!(app.search.matches.is_empty());
    apply(&mut app, [A::SearchStart]);
    fixtures::type_text(&mut app, "troops");
    apply(&mut app, [A::SearchConfirm, A::Left, A::Down]);
    assert!(!app.search_kept(), "another article: the search is over");
}

/// h and l move between the source list and the article, as Tab does.
#[test]
fn h_and_l_switch_panes() {
    let mut app = app();
    apply(&mut app, [A::Down, A::Right]);
    assert_eq!(
        (app.focus, app.reader.article),
        (Focus::Article, ArticleId(1))
    );
    apply(&mut app, [A::Left]);
    assert_eq!((app.focus, app.selected), (Focus::Sources, 1));
}

/// The first unbound key of a session points to the help; later ones say nothing.
#[test]
fn unbound_key_hints_help_once() {
    let mut app = app();
    app.update(A::Unbound("w".into()));
    let m = app.message.clone().unwrap();
    assert!(m.contains("press ? for help"), "{m}");
    app.update(A::Unbound("w".into()));
    assert_eq!(app.message, None);
}

/// `!` shows the last message in full, after the status bar has moved on.
#[test]
fn bang_shows_the_last_message() {
    let mut app = app();
    app.update(A::LastMessage);
    assert_eq!(app.message.as_deref(), Some("no message yet"));
    apply(&mut app, [A::Open, A::ToggleNoise, A::Down]);
    assert_eq!(app.message, None);
    apply(&mut app, [A::LastMessage]);
    assert_eq!(app.overlay, Some(Overlay::Message));
    assert_eq!(
        app.last_message.as_deref(),
        Some("noise folded (z unfolds)")
    );
    apply(&mut app, [A::Back]);
    assert_eq!(app.overlay, None);
}

/// `/` in the help filters its lines; Esc while typing clears the filter, Esc again
/// closes the help.
#[test]
fn help_filter() {
    let mut app = app();
    apply(&mut app, [A::Help, A::SearchStart]);
    assert_eq!(app.mode(), Mode::Search);
    fixtures::type_text(&mut app, "conflict");
    let all = crate::tui::keymap::help::lines(&app.keymap, app.view_mode(), None).len();
    let some =
        crate::tui::keymap::help::lines(&app.keymap, app.view_mode(), app.search.help_filter())
            .len();
    assert!(some < all / 4, "{some} of {all}");
    apply(&mut app, [A::SearchConfirm]);
    assert_eq!(app.mode(), Mode::Help);
    assert_eq!(app.search.help_filter(), Some("conflict"));
    apply(&mut app, [A::Back]);
    assert_eq!(
        (app.overlay.clone(), app.search.help_filter()),
        (None, None)
    );
}
