//! Clipping, the clippings list and the export dialog through `update`: every change
//! comes out as the effect that saves it.

use crate::model::export::{self, ClipKind, Clipping, ExportFormat, Grouping};
use crate::model::ArticleId;
use crate::state::{Change, Loaded, Position, State};
use crate::tui::action::{Action as A, Effect};
use crate::tui::app::{App, Focus, Overlay};
use crate::tui::fixtures::{self, apply, type_text};
use crate::tui::keymap::Mode;
use std::path::PathBuf;

/// The clipping an effect list saves.
#[track_caller]
fn added(e: &[Effect]) -> crate::model::export::Clipping {
    match e {
        [Effect::Save(Change::AddClipping(c))] => c.clone(),
        other => panic!("expected one AddClipping, got {other:?}"),
    }
}

/// x on a sentence holding a quote clips the quote, saved at once; twice is refused.
#[test]
fn clip_takes_the_quote_at_the_cursor() {
    let mut app = fixtures::app_with_quotes(120, 40);
    apply(&mut app, [A::Finder]);
    type_text(&mut app, "unprecedented");
    apply(&mut app, [A::Open]);
    let c = added(&app.update(A::Clip));
    assert_eq!(c.kind, ClipKind::Quote);
    assert_eq!(c.text, "unprecedented level of direct military cooperation");
    assert_eq!(app.state.clippings.len(), 1);
    assert!(app
        .message
        .as_deref()
        .unwrap()
        .contains("clipped the quote"));
    assert!(app.update(A::Clip).is_empty(), "already clipped");
    assert_eq!(app.state.clippings.len(), 1);
}

/// Without a quote x clips the sentence; X the paragraph.
#[test]
fn clip_sentence_and_paragraph() {
    let mut app = fixtures::app(120, 40);
    apply(&mut app, [A::Open, A::Down]);
    let unit = app.units[0][1];
    let c = added(&app.update(A::Clip));
    assert_eq!(
        (c.kind, c.start, c.end),
        (ClipKind::Sentence, unit.span.start, unit.span.end)
    );
    let p = added(&app.update(A::ClipParagraph));
    assert_eq!(p.kind, ClipKind::Paragraph);
    let para = app.dossier.articles[0].paragraphs[unit.para].span;
    assert_eq!((p.start, p.end), (para.start, para.end));
}

/// v, moving, x clips the sentences between anchor and cursor as one range.
#[test]
fn visual_selection_clips_a_range() {
    let mut app = fixtures::app(120, 40);
    apply(&mut app, [A::Open, A::Down, A::Visual]);
    assert_eq!(app.mode(), Mode::Visual);
    apply(&mut app, [A::Down, A::Down]);
    let c = added(&app.update(A::Clip));
    let u = &app.units[0];
    assert_eq!(
        (c.kind, c.start, c.end),
        (ClipKind::Range, u[1].span.start, u[3].span.end)
    );
    assert_eq!(app.mode(), Mode::Article, "the selection ends");
    // Esc cancels a selection without clipping.
    apply(&mut app, [A::Visual, A::Back]);
    assert_eq!((app.mode(), app.focus), (Mode::Article, Focus::Article));
}

/// In the compare view x clips from the active side.
#[test]
fn clip_in_compare_takes_the_active_side() {
    let mut app = fixtures::app(120, 40);
    apply(&mut app, [A::Compare, A::Open, A::SwitchSide, A::Down]);
    let c = added(&app.update(A::Clip));
    assert_eq!(c.article, app.dossier.articles[1].file);
}

/// Three clippings from two sources: the list moves, reorders, deletes and takes notes,
/// each change an effect that saves it.
#[test]
fn clippings_reorder_delete_and_note() {
    let mut app = three_clippings();
    apply(&mut app, [A::Clippings]);
    assert_eq!(app.mode(), Mode::Clippings);
    let ids: Vec<u64> = app.state.clippings.iter().map(|c| c.id).collect();
    let e = app.update(A::MoveDown);
    assert_eq!(
        e,
        vec![Effect::Save(Change::MoveClipping { id: ids[0], to: 1 })]
    );
    assert_eq!(app.clip_selected, 1);
    assert_eq!(app.state.clippings[1].id, ids[0]);
    apply(&mut app, [A::Note]);
    assert_eq!(app.mode(), Mode::Note);
    type_text(&mut app, "check");
    let e = app.update(A::Open);
    let note = Some("check".to_string());
    assert_eq!(e, vec![Effect::Save(Change::SetNote { id: ids[0], note })]);
    assert_eq!(app.state.clippings[1].note.as_deref(), Some("check"));
    let e = app.update(A::Delete);
    assert_eq!(e, vec![Effect::Save(Change::RemoveClipping(ids[0]))]);
    assert_eq!(app.state.clippings.len(), 2);
    // Enter opens the passage; Esc comes back to the list.
    apply(&mut app, [A::Top, A::Open]);
    assert_eq!(app.focus, Focus::Article);
    apply(&mut app, [A::Back]);
    assert_eq!(app.focus, Focus::Clippings);
    apply(&mut app, [A::Back]);
    assert_eq!(app.focus, Focus::Article, "back where the list was opened");
}

/// The export dialog: suggested name in the current folder, Tab changes the format and
/// the extension (Markdown, JSON, text, CSL-JSON, CSV), Enter asks the driver to write without clobbering; an existing file is
/// asked about, y overwrites, and the path written is shown.
#[test]
fn export_dialog_asks_before_overwriting() {
    let mut app = three_clippings();
    apply(&mut app, [A::Export]);
    let Some(Overlay::Export(d)) = &app.overlay else {
        panic!("no export dialog")
    };
    assert_eq!(
        d.path,
        "north-korean-troops-in-russia-bundled-seeds-clippings.md"
    );
    apply(&mut app, [A::NextFormat]);
    let Some(Overlay::Export(d)) = &app.overlay else {
        panic!("no export dialog")
    };
    assert_eq!(
        (d.format, d.path.ends_with(".json")),
        (ExportFormat::Json, true)
    );
    apply(&mut app, [A::NextFormat, A::NextFormat]);
    let Some(Overlay::Export(d)) = &app.overlay else {
        panic!("no export dialog")
    };
    assert_eq!(
        (d.format, d.path.ends_with("-clippings.csl.json")),
        (ExportFormat::Csl, true)
    );
    apply(&mut app, [A::NextFormat]);
    let Some(Overlay::Export(d)) = &app.overlay else {
        panic!("no export dialog")
    };
    assert_eq!(
        (d.format, d.path.ends_with("-clippings.csv")),
        (ExportFormat::Csv, true)
    );
    apply(&mut app, [A::NextFormat, A::Grouping]);
    let e = app.update(A::Open);
    let clips = app.state.clippings.clone();
    let want = |overwrite| Effect::Export {
        path: PathBuf::from("north-korean-troops-in-russia-bundled-seeds-clippings.md"),
        format: ExportFormat::Markdown,
        grouping: Grouping::InOrder,
        clips: clips.clone(),
        overwrite,
    };
    assert_eq!(e, vec![want(false)]);
    apply(&mut app, [A::ExportExists(PathBuf::from("x.md"))]);
    assert_eq!(app.mode(), Mode::Confirm);
    assert_eq!(app.update(A::Yes), vec![want(true)]);
    apply(&mut app, [A::Exported(Ok(PathBuf::from("/tmp/x.md")))]);
    assert_eq!(app.overlay, None);
    assert_eq!(
        app.message.as_deref(),
        Some("wrote 3 clippings to /tmp/x.md")
    );
}

/// n at the overwrite question goes back to the path; a failed write says why and keeps
/// the dialog; with no clippings there is nothing to export.
#[test]
fn export_declined_failed_or_empty() {
    let mut app = three_clippings();
    apply(
        &mut app,
        [A::Export, A::ExportExists(PathBuf::from("x.md")), A::Back],
    );
    assert_eq!(app.mode(), Mode::Export);
    apply(&mut app, [A::Exported(Err("disk full".into()))]);
    assert_eq!(app.mode(), Mode::Export);
    assert!(app.message.as_deref().unwrap().contains("disk full"));
    let mut empty = fixtures::app(120, 40);
    assert!(empty.update(A::Export).is_empty());
    assert_eq!(empty.overlay, None);
    assert!(empty
        .message
        .as_deref()
        .unwrap()
        .contains("nothing to export"));
}

/// The saved state restores clippings and the reading position (the source list stays
/// in front); a save's answer replaces the clippings, and its notice is shown.
#[test]
fn restored_and_saved_state() {
    let mut app = fixtures::app(120, 40);
    let clip = three_clippings().state.clippings[2].clone();
    let off = app.units[3][4].span.start;
    let state = State {
        clippings: vec![clip],
        position: Some(Position {
            article: app.dossier.articles[3].file.clone(),
            offset: off,
        }),
        ..State::default()
    };
    let loaded = Loaded {
        state,
        notice: Some("state was corrupt; moved aside".into()),
        added: None,
    };
    apply(&mut app, [A::Restored(Ok(Box::new(loaded.clone())))]);
    assert_eq!(app.state.clippings.len(), 1);
    assert_eq!((app.focus, app.selected), (Focus::Sources, 3));
    assert_eq!((app.reader.article, app.reader.cursor), (ArticleId(3), 4));
    assert!(app.message.as_deref().unwrap().contains("corrupt"));
    apply(&mut app, [A::Saved(Err("disk full".into()))]);
    assert!(app
        .message
        .as_deref()
        .unwrap()
        .contains("not saved: disk full"));
    apply(&mut app, [A::Saved(Ok(Box::new(Loaded::default())))]);
    assert!(app.state.clippings.is_empty());
}

/// y copies the passage at the cursor with its citation, as the Markdown export writes
/// it; Y copies its bare text; in the clippings list, the same for the clipping.
#[test]
fn copy_passage_and_clipping() {
    let mut app = fixtures::app(120, 40);
    apply(&mut app, [A::Open]);
    let s = app.units[0][0].span;
    let text = app.dossier.articles[0].text[s.range()].to_string();
    assert_eq!(app.update(A::CopyText), vec![Effect::Copy(text.clone())]);
    let clip = Clipping::new(&app.dossier, ArticleId(0), s, ClipKind::Sentence, None);
    let md = export::passage_markdown(&app.dossier, &clip);
    assert_eq!(
        app.update(A::Copy),
        vec![Effect::Copy(md.trim_end().to_string())]
    );
    assert!(md.starts_with("> ") && md.contains("\n>\n> — "), "{md}");
    assert!(md.contains(", ¶ 1"), "{md}");
    let mut app = three_clippings();
    app.open_clippings();
    let first = app.state.clippings[0].clone();
    assert_eq!(
        app.update(A::CopyText),
        vec![Effect::Copy(first.text.clone())]
    );
    let md = export::passage_markdown(&app.dossier, &first);
    assert_eq!(
        app.update(A::Copy),
        vec![Effect::Copy(md.trim_end().to_string())]
    );
}

/// Three clippings: two sentences of 000 and the paragraph of 001's opening.
pub(crate) fn three_clippings() -> App {
    let mut app = fixtures::app(120, 40);
    apply(
        &mut app,
        [
            A::Open,
            A::Clip,
            A::Down,
            A::Clip,
            A::Back,
            A::Down,
            A::Open,
        ],
    );
    apply(&mut app, [A::ClipParagraph]);
    assert_eq!(app.state.clippings.len(), 3);
    app
}

/// Y (and y, in its Markdown) on a passage holding `ESC [201~` (which would end a shell's
/// bracketed paste) and a bidi override copies them as `␛` and `�`; the clippings' y
/// does the same.
#[test]
fn copy_sanitizes_like_display() {
    use crate::model::load::{from_files, LoadOptions};
    let text = "Evil passage\x1b[201~\x15echo pwned\x0f here \u{202e}txt.exe now.\n";
    let d = from_files(
        "t",
        [("a.txt".to_string(), text.as_bytes().to_vec())],
        &LoadOptions::default(),
    );
    let mut app = App::new(std::sync::Arc::new(d), crate::tui::theme::Theme::colored());
    apply(&mut app, [A::Resize(120, 40), A::Open]);
    let copied = match app.update(A::CopyText).as_slice() {
        [Effect::Copy(t)] => t.clone(),
        other => panic!("expected one Copy, got {other:?}"),
    };
    assert!(copied.contains("␛[201~␕echo pwned␏"), "{copied:?}");
    match app.update(A::Copy).as_slice() {
        [Effect::Copy(t)] => assert!(
            t.contains("␛\\[201\\~␕echo pwned␏") && !t.contains(['\x1b', '\u{202e}']),
            "{t:?}"
        ),
        other => panic!("expected one Copy, got {other:?}"),
    }
    assert!(copied.contains("�txt.exe"), "{copied:?}");
    assert!(!copied.contains(['\x1b', '\u{202e}', '\x15']), "{copied:?}");
    let clip = added(&app.update(A::Clip));
    assert!(
        clip.text.contains('\x1b'),
        "the clipping keeps the article's bytes"
    );
    app.state.clippings = vec![clip];
    app.open_clippings();
    match app.update(A::CopyText).as_slice() {
        [Effect::Copy(t)] => assert!(t.contains("␛[201~") && !t.contains('\x1b'), "{t:?}"),
        other => panic!("expected one Copy, got {other:?}"),
    }
    match app.update(A::Copy).as_slice() {
        [Effect::Copy(t)] => assert!(t.contains("␛\\[201") && !t.contains('\x1b'), "{t:?}"),
        other => panic!("expected one Copy, got {other:?}"),
    }
}
