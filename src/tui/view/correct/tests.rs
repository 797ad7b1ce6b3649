//! The correction dialogs drawn at 120x40 and 60x15 (insta snapshots of the buffer), and
//! what snapshots cannot show checked on the cells: the picked row's style, and article
//! text with control characters drawn safe.

use crate::model::ArticleId;
use crate::tui::action::Action as A;
use crate::tui::app::{App, Focus};
use crate::tui::fixtures::{self, apply, type_text};
use crate::tui::view::render;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::path::PathBuf;
use std::sync::Arc;

const SIZES: [(u16, u16); 2] = [(120, 40), (60, 15)];

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    t.draw(|f| render(app, f)).unwrap();
    t
}

/// Snapshot a state at both sizes; `setup` runs on the seeds with two speakers.
#[track_caller]
fn snapshot_both(name: &str, setup: impl Fn(&mut App)) {
    for (w, h) in SIZES {
        let mut app = fixtures::app_with_quotes(w, h);
        setup(&mut app);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), draw(&app).backend());
    }
}

/// The article pane's cursor on the sentence holding `needle` of article `a`.
fn cursor_on(app: &mut App, a: usize, needle: &str) {
    let span = fixtures::find(&app.dossier, a, needle);
    app.selected = a;
    app.update(A::Open);
    app.reader.cursor = app.units[a]
        .iter()
        .position(|u| u.span.overlaps(span))
        .unwrap();
    app.focus = Focus::Article;
}

/// Austin's quote in 000.
fn on_quote(app: &mut App) {
    cursor_on(app, 0, "unprecedented level");
}

/// The speaker picker, a name being typed.
#[test]
fn view_correct_quote_speaker() {
    snapshot_both("correct_quote_speaker", |app| {
        on_quote(app);
        app.update(A::ReassignQuote);
        type_text(app, "ki");
    });
}

/// Renaming: the name to edit.
#[test]
fn view_correct_rename() {
    snapshot_both("correct_rename", |app| {
        on_quote(app);
        app.update(A::RenameSpeaker);
    });
}

/// A conflict of the compare view judged: the choices.
#[test]
fn view_correct_verdict() {
    snapshot_both("correct_verdict", |app| {
        let mut an = fixtures::analysis(&app.dossier);
        let troops = Arc::new(fixtures::troops(&app.dossier));
        an.comparisons.insert((ArticleId(0), ArticleId(1)), troops);
        app.update(A::AnalysisReady(Arc::new(an)));
        apply(app, [A::Compare, A::Open, A::NextConflict, A::JudgePair]);
    });
}

/// A source's metadata: the fields with their values.
#[test]
fn view_correct_meta_fields() {
    snapshot_both("correct_meta_fields", |app| {
        app.update(A::EditMeta);
    });
}

/// A metadata value typed, then where to keep it; an error under it.
#[test]
fn view_correct_meta_where() {
    snapshot_both("correct_meta_where", |app| {
        app.correct.folder = Some(PathBuf::from("/data/dossiers/troops"));
        apply(app, [A::EditMeta, A::Open, A::ClearLine]);
        type_text(app, "Example Wire");
        app.update(A::Open);
    });
}

/// An empty name is refused with the reason in the dialog.
#[test]
fn view_correct_error() {
    snapshot_both("correct_error", |app| {
        on_quote(app);
        apply(app, [A::RenameSpeaker, A::ClearLine, A::Open]);
    });
}

/// The column where `needle` starts on row `y`.
fn column(buf: &ratatui::buffer::Buffer, y: u16, needle: &str) -> Option<u16> {
    let cells: Vec<&str> = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
    let want: Vec<String> = needle.chars().map(String::from).collect();
    (0..cells.len().saturating_sub(want.len()))
        .find(|&x| {
            cells[x..x + want.len()]
                .iter()
                .zip(&want)
                .all(|(a, b)| a == b)
        })
        .map(|x| x as u16)
}

/// The row picked is drawn in the selected style, the others not.
#[test]
fn picked_row_is_selected_style() {
    let mut app = fixtures::app_with_quotes(120, 40);
    app.update(A::EditMeta);
    let t = draw(&app);
    let buf = t.backend().buffer();
    let at = |label: &str| {
        (0..buf.area.height)
            .find_map(|y| column(buf, y, &format!(" {label}  ")).map(|x| (x + 1, y)))
            .unwrap()
    };
    let reversed = |p| buf[p].modifier.contains(ratatui::style::Modifier::REVERSED);
    assert!(app
        .theme
        .selected
        .add_modifier
        .contains(ratatui::style::Modifier::REVERSED));
    assert!(reversed(at("outlet")), "the picked row");
    assert!(!reversed(at("title")), "a row not picked");
}

/// A quote with an escape sequence in it is drawn with control pictures: no raw ESC
/// reaches the terminal from the dialog.
#[test]
fn untrusted_text_drawn_safe() {
    let mut d = fixtures::with_quotes();
    let span = fixtures::find(&d, 0, "unprecedented level");
    // Same length: the quote's span stays valid.
    d.articles[0]
        .text
        .replace_range(span.start..span.start + 3, "\u{1b}[2");
    let mut app = App::new(Arc::new(d), crate::tui::theme::Theme::colored());
    app.update(A::Resize(120, 40));
    cursor_on(&mut app, 0, "ecedented level");
    app.update(A::ReassignQuote);
    let t = draw(&app);
    let all: String = t
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(!all.contains('\u{1b}'), "a raw ESC was drawn");
    assert!(all.contains('␛'), "the ESC is shown as its picture");
}
