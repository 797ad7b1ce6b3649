//! The finder through `update`: typing, moving, switching scope, jumping and coming back.

use crate::model::search::Scope;
use crate::model::ArticleId;
use crate::tui::action::{Action as A, Effect};
use crate::tui::app::{reader, App, FinderState, Focus, Overlay};
use crate::tui::fixtures::{self, apply, type_text};
use crate::tui::keymap::Mode;

/// The open finder's query line and selection.
#[track_caller]
fn finder_state(app: &App) -> &FinderState {
    match &app.overlay {
        Some(Overlay::Finder(st)) => st,
        o => panic!("the finder is not open: {o:?}"),
    }
}

/// Typing narrows the quotes; Enter shows the quote in its article, highlighted, with
/// the cursor on it; Esc returns to the source list where the finder was opened.
#[test]
fn finder_jumps_to_the_quote_and_esc_returns() {
    let mut app = fixtures::app_with_quotes(120, 40);
    apply(&mut app, [A::Down, A::Down]);
    apply(&mut app, [A::Finder]);
    assert_eq!(app.mode(), Mode::Finder);
    assert_eq!(app.finder.as_ref().unwrap().scope(), Scope::Quotes);
    type_text(&mut app, "unprecedented");
    let f = app.finder.as_ref().unwrap();
    assert_eq!(f.hits().len(), 1);
    let span = f.item(f.hits()[0]).span;
    apply(&mut app, [A::Open]);
    assert_eq!(app.overlay, None);
    assert_eq!(
        (app.focus, app.reader.article),
        (Focus::Article, ArticleId(0))
    );
    assert_eq!(app.found, Some((ArticleId(0), span)));
    let cur = app.units[0][app.reader.cursor].span;
    assert!(cur.overlaps(span), "the cursor is on the quote");
    apply(&mut app, [A::Back]);
    assert_eq!((app.focus, app.selected), (Focus::Sources, 2));
    assert_eq!(
        app.reader.article,
        ArticleId(2),
        "the reader is back where it was"
    );
    assert_eq!(app.found, None);
}

/// `@name` keeps one speaker's quotes; arrows move over the results and stop at the ends.
#[test]
fn finder_filters_by_speaker_and_moves() {
    let mut app = fixtures::app_with_quotes(120, 40);
    apply(&mut app, [A::Finder]);
    assert_eq!(app.finder.as_ref().unwrap().hits().len(), 3);
    type_text(&mut app, "@austin");
    assert_eq!(app.finder.as_ref().unwrap().hits().len(), 2);
    apply(&mut app, [A::Down, A::Down, A::Down]);
    assert_eq!(finder_state(&app).selected, 1);
    apply(&mut app, [A::Up, A::Up]);
    assert_eq!(finder_state(&app).selected, 0);
    apply(&mut app, [A::SearchBackspace]);
    assert_eq!(finder_state(&app).query, "@austi");
}

/// Esc closes the finder and leaves everything where it was; the query is kept for next
/// time.
#[test]
fn finder_esc_changes_nothing() {
    let mut app = fixtures::app_with_quotes(120, 40);
    apply(&mut app, [A::Open, A::Down]);
    let before = app.reader;
    apply(&mut app, [A::Finder]);
    type_text(&mut app, "troops");
    apply(&mut app, [A::Down, A::Back]);
    assert_eq!(app.overlay, None);
    assert_eq!((app.focus, app.reader), (Focus::Article, before));
    apply(&mut app, [A::Finder]);
    assert_eq!(finder_state(&app).query, "troops");
}

/// Without quotes the finder searches sentences; Tab switches scope; Ctrl-y copies.
#[test]
fn finder_sentences_scope_and_copy() {
    let mut app = fixtures::app_without_quotes(120, 40);
    apply(&mut app, [A::Finder]);
    assert_eq!(app.finder.as_ref().unwrap().scope(), Scope::Sentences);
    type_text(&mut app, "'unprecedented level");
    let f = app.finder.as_ref().unwrap();
    assert_eq!(f.hits().len(), 1);
    let text = f.text(f.hits()[0]).to_string();
    assert!(text.contains("unprecedented level of direct military cooperation"));
    assert_eq!(app.update(A::Copy), vec![Effect::Copy(text)]);
    apply(&mut app, [A::FinderScope]);
    assert_eq!(app.finder.as_ref().unwrap().scope(), Scope::Quotes);
    assert!(app.finder.as_ref().unwrap().hits().is_empty());
    // Enter with no result stays in the finder.
    apply(&mut app, [A::Open]);
    assert!(matches!(app.overlay, Some(Overlay::Finder(_))));
}

/// A jump from the compare view comes back to it on Esc.
#[test]
fn finder_from_compare_returns_to_compare() {
    let mut app = fixtures::app_with_quotes(120, 40);
    apply(&mut app, [A::Compare, A::Open]);
    assert_eq!(app.focus, Focus::Compare);
    apply(&mut app, [A::Finder]);
    type_text(&mut app, "@kim");
    apply(&mut app, [A::Open]);
    assert_eq!(
        (app.focus, app.reader.article),
        (Focus::Article, ArticleId(2))
    );
    let q = app.dossier.quotes[2].span();
    assert_eq!(
        app.reader.cursor,
        reader::unit_at(&app.units[2], q.start),
        "on Kim's quote"
    );
    apply(&mut app, [A::Back]);
    assert_eq!(app.focus, Focus::Compare);
}

/// Above the synchronous limit the engine matches on a worker: the finder says it is
/// running (so the driver ticks), and ticks bring the results in.
#[test]
fn finder_streams_results_on_ticks() {
    let mut app = fixtures::app(120, 40);
    let mut f = crate::model::search::Finder::new(&app.dossier);
    f.set_scope(Scope::Sentences);
    f.set_sync_limit(0);
    app.finder = Some(f);
    apply(&mut app, [A::Finder]);
    type_text(&mut app, "troops");
    let end = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while app.finder_running() {
        assert!(app.busy(), "the driver ticks while the finder runs");
        assert!(std::time::Instant::now() < end, "the worker finished");
        std::thread::sleep(std::time::Duration::from_millis(2));
        apply(&mut app, [A::Tick]);
    }
    assert!(!app.busy());
    assert!(app.finder.as_ref().unwrap().hits().len() > 5);
}
