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

/// The hand-built troops comparison of 000 and 001 (relation styling apart from the
/// aligner's choices), in the real analysis of the seeds.
fn compare_troops(app: &mut App) {
    let mut an = fixtures::analysis(&app.dossier);
    let troops = Arc::new(fixtures::troops(&app.dossier));
    an.comparisons.insert((ArticleId(0), ArticleId(1)), troops);
    app.update(A::AnalysisReady(Arc::new(an)));
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
    d.people = vec![
        Person {
            id: PersonId(0),
            name: "Kim Yong-hyun".into(),
            kind: SpeakerKind::Person,
            aliases: vec![],
            role: None,
            quotes: Vec::new(),
        },
        Person {
            id: PersonId(1),
            name: "Lloyd Austin".into(),
            kind: SpeakerKind::Person,
            aliases: vec![],
            role: None,
            quotes: Vec::new(),
        },
    ];
    d.quotes = vec![{
        let mut q = Quote::new(ArticleId(0), span, QuoteKind::Partial);
        q.set_speaker(Some(PersonId(1)));
        q
    }];
    let austin = Some(d.written.id("Austin"));
    let how = crate::model::quotes::How::of("same sentence");
    d.said.set(crate::model::quotes::QuoteId(0), austin, how);
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
        let an = fixtures::analysis_unaligned(&app.dossier);
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

/// Three clippings from two sources (two sentences of 000, a paragraph of 001).
fn three_clippings(app: &mut App) {
    apply(
        app,
        [
            A::Open,
            A::Clip,
            A::Down,
            A::Clip,
            A::Back,
            A::Down,
            A::Open,
            A::ClipParagraph,
        ],
    );
}

/// The finder over the quotes, narrowed to Austin's, the first selected.
#[test]
fn view_finder_quotes() {
    for (w, h) in SIZES {
        let mut app = fixtures::app_with_quotes(w, h);
        apply(&mut app, [A::Finder]);
        fixtures::type_text(&mut app, "@austin troops");
        insta::assert_snapshot!(format!("finder_quotes_{w}x{h}"), draw(&app).backend());
    }
}

/// The finder over all sentences (the seeds have no quotes yet).
#[test]
fn view_finder_sentences() {
    snapshot_both("finder_sentences", |app| {
        apply(app, [A::Finder, A::FinderScope]);
        fixtures::type_text(app, "unprecedented");
    });
}

/// The clippings pane with three clippings, the second selected and annotated.
#[test]
fn view_clippings() {
    snapshot_both("clippings", |app| {
        three_clippings(app);
        apply(app, [A::Clippings, A::Down, A::Note]);
        fixtures::type_text(app, "compare with 001");
        apply(app, [A::Open]);
    });
}

/// The clippings pane when there are none: how to make one.
#[test]
fn view_clippings_empty() {
    snapshot_both("clippings_empty", |app| apply(app, [A::Clippings]));
}

/// The export dialog, then its question about an existing file.
#[test]
fn view_export_dialog() {
    snapshot_both("export", |app| {
        three_clippings(app);
        apply(app, [A::Export]);
    });
    snapshot_both("export_exists", |app| {
        three_clippings(app);
        let p = std::path::PathBuf::from("north-korean-troops-clippings.md");
        apply(app, [A::Export, A::ExportExists(p)]);
    });
}

/// The finder highlights the matched characters of the results, and the preview the
/// passage itself.
#[test]
fn finder_highlights_matches() {
    let mut app = fixtures::app_with_quotes(120, 40);
    apply(&mut app, [A::Finder]);
    fixtures::type_text(&mut app, "'military");
    let t = draw(&app);
    let buf = t.backend().buffer();
    let at = positions(buf, "military");
    assert!(at.len() >= 3, "in the query, the result and the preview");
    let (x, y) = at[1];
    assert_eq!(
        buf[(x, y)].fg,
        app.theme.hit.fg.unwrap(),
        "result row match"
    );
    assert_eq!(
        buf[(x + 8, y)].fg,
        Color::Reset,
        "no highlight past the match"
    );
    let (x, y) = at[2];
    assert_eq!(buf[(x, y)].bg, Color::Yellow, "the passage in the preview");
}

/// A word of the query that matched the speaker is highlighted in the speaker column,
/// and not in the text.
#[test]
fn finder_highlights_the_speaker_it_matched() {
    let mut app = fixtures::app_with_quotes(120, 40);
    apply(&mut app, [A::Finder]);
    fixtures::type_text(&mut app, "yong escal");
    let t = draw(&app);
    let buf = t.backend().buffer();
    let (x, y) = positions(buf, "Kim Yong")[0];
    let hit = app.theme.hit.fg.unwrap();
    assert_eq!(buf[(x + 4, y)].fg, hit, "Yong in the speaker column");
    assert_ne!(buf[(x, y)].fg, hit, "Kim is not part of the match");
    let (ux, uy) = positions(buf, "escal")
        .into_iter()
        .find(|&(_, py)| py == y)
        .expect("the quote on the result row");
    assert_eq!(buf[(ux, uy)].fg, hit, "escal in the text");
}

/// A reader of two articles: a quote deep in a long paragraph followed by more paragraphs,
/// and a quote longer than a small preview, its last words far from its start.
fn long_paragraph_app(w: u16, h: u16) -> App {
    let filler = |r: std::ops::Range<usize>| -> String {
        r.map(|i| format!("Sentence {i} of the long paragraph describes the ground in detail."))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let a = format!(
        "Long paragraph\n\n{} “We will not back down from the harbour talks,” the minister said. {}\n\n{}\n",
        filler(0..40),
        filler(40..70),
        (0..30).map(|i| format!("Paragraph {i} follows.")).collect::<Vec<_>>().join("\n\n")
    );
    let b = "Another article\n\nThe minister spoke.\n\n“The harbour talks are going well, and we expect that every one of the outstanding questions about fishing rights, shipping lanes, customs duties, port fees, dredging schedules and the old lighthouse will be settled before the winter storms close the northern passage for good,” the envoy said.\n";
    let files =
        [("a.txt", a.as_str()), ("b.txt", b)].map(|(n, t)| (n.to_string(), t.as_bytes().to_vec()));
    let d = crate::model::load::from_files("long", files, &Default::default());
    let mut app = App::new(Arc::new(d), Theme::colored());
    app.update(A::Resize(w, h));
    app
}

/// The row where the finder's preview text starts (below its title rule).
fn preview_first_row(buf: &Buffer) -> u16 {
    let (_, y) = positions(buf, " · ¶ ")[0];
    y + 1
}

/// The finder's preview puts a quote deep in a long paragraph a third of the way down,
/// and scrolls a quote taller than the preview to its matched words.
#[test]
fn finder_preview_shows_the_match() {
    let mut app = long_paragraph_app(120, 40);
    apply(&mut app, [A::Finder]);
    fixtures::type_text(&mut app, "'back down");
    let t = draw(&app);
    let buf = t.backend().buffer();
    let top = preview_first_row(buf);
    let at = positions(buf, "“We");
    assert_eq!(
        at.len(),
        1,
        "the quote shows in the preview:\n{}",
        t.backend()
    );
    // Below the preview: the bottom border row, then the status bar.
    let h = buf.area.height - 2 - top;
    assert_eq!(at[0].1 - top, h / 3, "a third of the way down ({h} rows)");

    let mut app = long_paragraph_app(60, 15);
    apply(&mut app, [A::Finder]);
    fixtures::type_text(&mut app, "'northern");
    let t = draw(&app);
    let buf = t.backend().buffer();
    let top = preview_first_row(buf);
    let shown: Vec<u16> = positions(buf, "northern").iter().map(|p| p.1).collect();
    assert!(
        shown.iter().any(|&y| y >= top),
        "the matched word shows in the preview:\n{}",
        t.backend()
    );
}

/// Clipped passages carry a mark in the article's gutter; a visual selection is shown.
#[test]
fn clipped_and_selected_are_marked() {
    let mut app = fixtures::app(120, 40);
    apply(
        &mut app,
        [A::Open, A::Clip, A::Down, A::Down, A::Visual, A::Down],
    );
    let t = draw(&app);
    let buf = t.backend().buffer();
    let text = crate::tui::view::article_text_area(&app).unwrap();
    let gutter = text.x - 1;
    assert_eq!(
        buf[(gutter, text.y)].symbol(),
        "*",
        "first sentence clipped"
    );
    assert_eq!(buf[(gutter, text.y)].fg, app.theme.clipped.fg.unwrap());
    let sel = app.visual_span(ArticleId(0), app.reader.cursor).unwrap();
    let words = &app.dossier.articles[0].text[sel.range()];
    let first = words.split_whitespace().next().unwrap();
    let hit = positions(buf, first)
        .into_iter()
        .find(|&(x, _)| x >= text.x)
        .unwrap();
    assert!(
        buf[hit].modifier.contains(Modifier::REVERSED),
        "selection shown"
    );
}

/// With more sources than columns fit, the claims keep a readable label and the source
/// columns scroll to keep the selected one in view.
#[test]
fn matrix_with_many_sources_scrolls_its_columns() {
    let d = crate::model::load::from_files(
        "many",
        crate::synth::generate(3, 60)
            .into_iter()
            .map(|(n, t)| (n, t.into_bytes())),
        &crate::model::LoadOptions::default(),
    );
    let an = Arc::new(crate::tui::analysis::analyse(&d, |_, _| {}));
    assert!(!an.matrix.rows.is_empty());
    let mut app = App::new(Arc::new(d), Theme::colored());
    app.update(A::Resize(120, 40));
    app.update(A::AnalysisReady(an));
    app.update(A::Matrix);
    let buf = draw(&app).backend().buffer().clone();
    assert_eq!(positions(&buf, "claim (sources 1–").len(), 1);
    // The first claim's label is drawn, not squeezed to nothing.
    let row: String = (1..40).map(|x| buf[(x, 2)].symbol().to_string()).collect();
    assert!(row.trim_start_matches('▌').trim().len() > 20, "{row:?}");
    for _ in 0..40 {
        app.update(A::Right);
    }
    let buf = draw(&app).backend().buffer().clone();
    let head = super::fit(app.dossier.articles[40].source_name(), 8);
    let header: String = (0..120).map(|x| buf[(x, 1)].symbol().to_string()).collect();
    assert!(
        header.contains(&head),
        "source 41 heads a column: {header:?}"
    );
    assert!(positions(&buf, "claim (sources 1–").is_empty());
}

/// A single-article dossier's matrix says there is nothing to compare, never
/// "analysing claims… 0/0" for ever (no analysis starts for one source).
#[test]
fn single_article_matrix_says_one_source() {
    let d = crate::model::load::from_files(
        "t",
        [("a.txt".to_string(), b"Title\n\nOne story only.\n".to_vec())],
        &crate::model::LoadOptions::default(),
    );
    let mut app = App::new(Arc::new(d), Theme::colored());
    apply(&mut app, [A::Resize(120, 40)]);
    assert!(app.start().is_empty());
    apply(&mut app, [A::Matrix]);
    let t = draw(&app);
    assert!(positions(t.backend().buffer(), "analysing").is_empty());
    assert!(!positions(t.backend().buffer(), "one source").is_empty());
}

/// A search in compare is highlighted on both sides, over the claims' colours.
#[test]
fn compare_search_highlighted_on_both_sides() {
    let mut app = fixtures::app(120, 40);
    compare_troops(&mut app);
    apply(&mut app, [A::SearchStart]);
    fixtures::type_text(&mut app, "troops");
    let t = draw(&app);
    let buf = t.backend().buffer();
    let hits = positions(buf, "troops");
    let yellow = |&(x, y): &(u16, u16)| buf[(x, y)].bg == Color::Yellow;
    assert!(hits.iter().any(|p| p.0 < 60 && yellow(p)), "left side");
    assert!(hits.iter().any(|p| p.0 >= 60 && yellow(p)), "right side");
    let bar = (0..120).map(|x| buf[(x, 39)].symbol()).collect::<String>();
    assert!(bar.contains("/troops▏"), "{bar}");
}

/// The help puts each action's config name whole in a dimmed column of its own.
#[test]
fn help_names_in_a_dim_column() {
    for (w, h) in SIZES {
        let mut app = fixtures::app(w, h);
        apply(&mut app, [A::Help]);
        let t = draw(&app);
        let buf = t.backend().buffer();
        let at = positions(buf, "back_or_quit");
        let &(x, y) = at.first().unwrap_or_else(|| panic!("whole at {w}x{h}"));
        assert!(buf[(x, y)].modifier.contains(Modifier::DIM));
        let (_, qy) = positions(buf, "Q Ctrl-c")[0];
        let name: String = (x..x + 5).map(|nx| buf[(nx, qy)].symbol()).collect();
        assert_eq!(name, "quit ", "names line up in one column");
        assert!(buf[(x, qy)].modifier.contains(Modifier::DIM));
    }
}

/// A message too long for the bar is cut with an ellipsis and says `!` shows it all;
/// `!` then shows every word of it.
#[test]
fn long_message_is_shortened_and_shown_whole() {
    let mut app = fixtures::app(60, 15);
    let long = "config: the key \"hyper-q\" of \"quit\" is not understood; keys are written \
                as j, ctrl-f, alt-x or enter (the help, ?, names every action)";
    app.message = Some(long.to_string());
    app.last_message = Some(long.to_string());
    let t = draw(&app);
    let buf = t.backend().buffer();
    let bar = (0..60).map(|x| buf[(x, 14)].symbol()).collect::<String>();
    assert!(bar.contains('…') && bar.contains("(! shows all)"), "{bar}");
    apply(&mut app, [A::LastMessage]);
    let t = draw(&app);
    let screen = format!("{:?}", t.backend());
    for word in ["hyper-q", "understood;", "names", "action)"] {
        assert!(screen.contains(word), "{word}: {screen}");
    }
}

/// Snapshot a state of the reader on the flood fixture at both sizes.
#[track_caller]
fn snapshot_flood(name: &str, setup: impl Fn(&mut App)) {
    for (w, h) in SIZES {
        let mut app = fixtures::flood_app(w, h);
        setup(&mut app);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), draw(&app).backend());
    }
}

/// The matrix of the flood fixture's real analysis: outlets head the columns, the toll row
/// gives each outlet's figure, the one in conflict drawn in the conflict style.
#[test]
fn view_matrix_figures() {
    snapshot_flood("matrix_flood", |app| apply(app, [A::Matrix]));
    let mut app = fixtures::flood_app(120, 40);
    apply(&mut app, [A::Matrix]);
    let t = draw(&app);
    let buf = t.backend().buffer();
    for outlet in ["Valley Post", "River Times", "Hill Radio"] {
        let rows: Vec<u16> = positions(buf, outlet).iter().map(|p| p.1).collect();
        assert!(rows.contains(&1), "{outlet} heads a column");
    }
    let (x, y) = positions(buf, "≠58")[0];
    assert_eq!(
        buf[(x, y)].fg,
        app.theme.conflict.fg.unwrap_or(Color::Reset)
    );
}

/// The figures view: the toll with its timeline (41, 44, 58 in date order), then the
/// timeline's last row selected with its passage and what it conflicts with.
#[test]
fn view_figures() {
    snapshot_flood("figures", |app| apply(app, [A::Figures]));
    snapshot_flood("figures_timeline", |app| {
        apply(app, [A::Figures, A::Right, A::Bottom])
    });
    let mut app = fixtures::flood_app(120, 40);
    apply(&mut app, [A::Figures]);
    let t = draw(&app);
    let buf = t.backend().buffer();
    let rows: Vec<u16> = ["41", "44", "At least 58"]
        .iter()
        .map(|v| positions(buf, v).iter().map(|p| p.1).min().expect(v))
        .collect();
    assert!(rows.windows(2).all(|w| w[0] < w[1]), "time order: {rows:?}");
    let (x, y) = positions(buf, "At least 58")[0];
    assert_eq!(
        buf[(x, y)].fg,
        app.theme.conflict.fg.unwrap_or(Color::Reset)
    );
}

/// An article without a date shows, in the timeline's time column, the day its figure's
/// clause names ("on Tuesday") instead of a dash.
#[test]
fn figures_time_falls_back_to_the_day_named() {
    let mut d = fixtures::flood();
    d.articles[1].meta.date = None;
    let an = Arc::new(fixtures::analysis(&d));
    let mut app = App::new(Arc::new(d), Theme::colored());
    app.update(A::Resize(120, 40));
    app.update(A::AnalysisReady(an));
    apply(&mut app, [A::Figures]);
    let t = draw(&app);
    let buf = t.backend().buffer();
    let (_, y) = positions(buf, "River Times")[0];
    let row: String = (0..120).map(|x| buf[(x, y)].symbol()).collect();
    assert!(row.contains("Tuesday") && row.contains("44"), "{row}");
}

/// `/` narrows the quantities as the query is typed; Esc brings them all back.
#[test]
fn view_figures_search() {
    snapshot_flood("figures_search", |app| {
        apply(app, [A::Figures, A::SearchStart]);
        fixtures::type_text(app, "injur");
    });
    let mut app = fixtures::flood_app(120, 40);
    apply(&mut app, [A::Figures, A::SearchStart]);
    fixtures::type_text(&mut app, "nothing like it");
    let t = draw(&app);
    assert_eq!(
        positions(t.backend().buffer(), "no figure matches").len(),
        1
    );
}

/// The conflicting-claims count of each source is one number: the reader's badges show
/// the model's analysis, which `dossier sources` prints (tests/analysis.rs checks the
/// command's output); on the seeds article 004 states four claims in conflict.
#[test]
fn cli_and_reader_count_conflicts_alike() {
    let d = crate::model::load_bundled();
    let an = fixtures::analysis(&d);
    let cli: Vec<usize> = crate::model::analysis::Analysis::new(&d)
        .sources
        .iter()
        .map(|s| s.conflicting)
        .collect();
    let reader: Vec<usize> = an.sources.iter().map(|s| s.conflicting).collect();
    assert_eq!(cli, reader);
    assert_eq!(reader[4], 4);
    let mut app = fixtures::app(120, 40);
    app.update(A::AnalysisReady(Arc::new(an)));
    let t = draw(&app);
    let buf = t.backend().buffer();
    for (i, n) in reader.iter().enumerate().filter(|(_, n)| **n > 0) {
        let badge = format!("≠{n}");
        let shown = positions(buf, &badge);
        assert!(
            shown.iter().any(|&(_, y)| y == 2 + 2 * i as u16),
            "source {} shows {badge}",
            i + 1
        );
    }
}
