//! The reader's frame budget: one frame of each view at 200x60 with a 5,000-line article
//! scrolled to the middle; keystroke to frame at 1,000 and 5,000 articles; and opening a
//! dossier to its first frame.
//!
//! Short runs: `cargo bench --bench render -- --warm-up-time 1 --measurement-time 3`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use dossier::model::claims::{Comparison, Pair, Relation};
use dossier::model::{load, ArticleId, Dossier, LoadOptions, Span};
use dossier::tui::action::Action;
use dossier::tui::analysis;
use dossier::tui::app::App;
use dossier::tui::theme::Theme;
use dossier::tui::view;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::hint::black_box;
use std::sync::Arc;

const W: u16 = 200;
const H: u16 = 60;

/// Synthetic articles 0..k joined into one long article (about 80 wrapped rows each at the
/// article pane's width, so 63 of them give ~5,000 rows).
fn long_article(seed: u64, k: usize) -> String {
    dossier::synth::generate(seed, k)
        .into_iter()
        .map(|(_, t)| t)
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Two long articles (0 and 1) and eight ordinary ones.
fn long_dossier() -> Dossier {
    let mut files = vec![
        ("a-long.txt".to_string(), long_article(1, 63).into_bytes()),
        ("b-long.txt".to_string(), long_article(2, 63).into_bytes()),
    ];
    files.extend(
        dossier::synth::generate(3, 8)
            .into_iter()
            .map(|(n, t)| (format!("c-{n}"), t.into_bytes())),
    );
    load::from_files("bench", files, &LoadOptions::default())
}

fn sentences(d: &Dossier, a: usize) -> Vec<Span> {
    d.articles[a]
        .paragraphs
        .iter()
        .flat_map(|p| p.sentences.iter())
        .collect()
}

/// The dossier's analysis with a comparison of the two long articles pairing every fifth
/// sentence (every other pair a conflict), so the compare view has claims all the way down.
fn analysis_of(d: &Dossier) -> Arc<analysis::Analysis> {
    let (l, r) = (sentences(d, 0), sentences(d, 1));
    let pairs = l
        .iter()
        .zip(&r)
        .step_by(5)
        .enumerate()
        .map(|(i, (&left, &right))| Pair {
            relation: if i % 2 == 0 {
                Relation::Agree
            } else {
                Relation::Conflict
            },
            score: 0.8,
            left,
            right,
            differences: vec![],
        })
        .collect();
    let c = Comparison {
        left: ArticleId(0),
        right: ArticleId(1),
        pairs,
        left_only: vec![],
        right_only: vec![],
    };
    // The matrix is the model's analysis of the dossier; the compare view gets the pairing.
    let mut a = analysis::Analysis::new(d);
    a.comparisons
        .insert((ArticleId(0), ArticleId(1)), Arc::new(c));
    Arc::new(a)
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(W, H)).expect("test terminal")
}

fn app_on(d: Arc<Dossier>) -> App {
    let mut app = App::new(d, Theme::colored());
    app.update(Action::Resize(W, H));
    app
}

fn draw(t: &mut Terminal<TestBackend>, app: &App) {
    t.draw(|f| view::render(app, f)).expect("draws");
}

/// Page down until the article pane's scroll is about half the article's rows.
fn to_middle(app: &mut App, t: &mut Terminal<TestBackend>) {
    draw(t, app);
    let rows = app.wraps.get(
        &app.dossier,
        ArticleId(0),
        view::article_text_area(app).map_or(W as usize, |r| r.width as usize),
        app.fold,
    );
    let pages = rows.len() / 2 / (H as usize - 4);
    for _ in 0..pages {
        app.update(Action::PageDown);
    }
}

fn bench_views(c: &mut Criterion) {
    let d = Arc::new(long_dossier());
    let a = analysis_of(&d);
    let mut g = c.benchmark_group("frame_200x60");
    let mut t = terminal();

    let mut app = app_on(d.clone());
    app.update(Action::AnalysisReady(a.clone()));
    draw(&mut t, &app);
    g.bench_function("sources", |b| b.iter(|| draw(&mut t, black_box(&app))));

    let mut app = app_on(d.clone());
    app.update(Action::AnalysisReady(a.clone()));
    app.update(Action::Open);
    to_middle(&mut app, &mut t);
    if let Some(area) = view::article_text_area(&app) {
        let rows = app.wraps.get(&d, ArticleId(0), area.width as usize, false);
        eprintln!(
            "article: {} wrapped rows at width {}, scrolled to {}",
            rows.len(),
            area.width,
            app.reader.scroll
        );
    }
    draw(&mut t, &app);
    g.bench_function("article_5000_lines_middle", |b| {
        b.iter(|| draw(&mut t, black_box(&app)))
    });

    let mut app = app_on(d.clone());
    app.update(Action::AnalysisReady(a.clone()));
    app.update(Action::Compare); // the pick overlay, on the next source
    app.update(Action::Open);
    for _ in 0..40 {
        app.update(Action::PageDown);
    }
    draw(&mut t, &app);
    g.bench_function("compare_long_pair", |b| {
        b.iter(|| draw(&mut t, black_box(&app)))
    });

    let mut app = app_on(d.clone());
    app.update(Action::AnalysisReady(a));
    app.update(Action::Matrix);
    draw(&mut t, &app);
    g.bench_function("matrix", |b| b.iter(|| draw(&mut t, black_box(&app))));
    g.finish();
}

/// Keystroke to frame: `update` with the key, then the whole frame drawn.
fn bench_keys(c: &mut Criterion) {
    let mut g = c.benchmark_group("key_to_frame");
    g.sample_size(20);
    for n in [1000usize, 5000] {
        let d = Arc::new(dossier::synth::dossier(1, n));
        eprintln!(
            "{n} articles, {:.1} MB, {} quotes",
            d.articles.iter().map(|a| a.text.len()).sum::<usize>() as f64 / 1e6,
            d.quotes.len()
        );
        let mut t = terminal();
        // Down in the source list: each step previews (and wraps) a new article.
        let mut app = app_on(d.clone());
        draw(&mut t, &app);
        g.bench_with_input(BenchmarkId::new("sources_down", n), &n, |b, &n| {
            b.iter(|| {
                let key = if app.selected + 1 >= n {
                    Action::Top
                } else {
                    Action::Down
                };
                app.update(key);
                draw(&mut t, &app);
            })
        });
        // j/k and page down/up in an open article.
        let mut app = app_on(d.clone());
        app.update(Action::Open);
        draw(&mut t, &app);
        let mut flip = false;
        g.bench_with_input(BenchmarkId::new("article_down_up", n), &n, |b, _| {
            b.iter(|| {
                flip = !flip;
                app.update(if flip { Action::Down } else { Action::Up });
                draw(&mut t, &app);
            })
        });
        g.bench_with_input(BenchmarkId::new("article_page", n), &n, |b, _| {
            b.iter(|| {
                flip = !flip;
                app.update(if flip {
                    Action::PageDown
                } else {
                    Action::PageUp
                });
                draw(&mut t, &app);
            })
        });
        // The help overlay, which lists every key.
        let mut app = app_on(d.clone());
        draw(&mut t, &app);
        g.bench_with_input(BenchmarkId::new("help_toggle", n), &n, |b, _| {
            b.iter(|| {
                app.update(Action::Help);
                draw(&mut t, &app);
            })
        });
    }
    g.finish();
}

/// From a folder on disk to the first frame of the source list (claims come later, in the
/// background): read, segment, quotes, the app, one draw.
fn bench_open(c: &mut Criterion) {
    let mut g = c.benchmark_group("open_to_first_frame");
    g.sample_size(10);
    for n in [100usize, 1000] {
        let dir = tempfile::tempdir().expect("temp dir");
        for (name, text) in dossier::synth::generate(1, n) {
            std::fs::write(dir.path().join(name), text).expect("write article");
        }
        g.bench_with_input(BenchmarkId::from_parameter(n), dir.path(), |b, path| {
            b.iter(|| {
                let d = load::load_path(path, &LoadOptions::default()).expect("loads");
                let mut app = app_on(Arc::new(d));
                let effects = app.start();
                let mut t = terminal();
                draw(&mut t, &app);
                black_box(effects)
            })
        });
    }
    g.finish();
}

/// One frame of each view of issue 16 on the 5,000-article synthetic dossier (the one
/// `examples/gen` writes), its claims analysed: speakers (and a speaker's quotes), quote
/// variants, "only here" and the sources by time. What each view derives (the speaker
/// table, the remarks, a source's claims, the order) is built on the first frame, drawn
/// before timing.
fn bench_issue16_views(c: &mut Criterion) {
    let d = Arc::new(dossier::synth::dossier(1, 5000));
    let an = Arc::new(analysis::Analysis::new(&d));
    let mut g = c.benchmark_group("views_5000_200x60");
    let mut t = terminal();
    let cases: [(&str, &[Action]); 5] = [
        ("speakers", &[Action::Speakers, Action::Bottom]),
        (
            "speaker_quotes",
            &[Action::Speakers, Action::Open, Action::Bottom],
        ),
        ("variants", &[Action::Variants, Action::Bottom]),
        ("only_here", &[Action::Down, Action::OnlyHere]),
        ("sources_by_time", &[Action::SourceOrder, Action::Bottom]),
    ];
    for (name, actions) in cases {
        let mut app = app_on(d.clone());
        app.update(Action::AnalysisReady(an.clone()));
        for a in actions {
            app.update(a.clone());
        }
        draw(&mut t, &app);
        g.bench_function(name, |b| b.iter(|| draw(&mut t, black_box(&app))));
    }
    g.finish();
}

criterion_group!(
    benches,
    bench_views,
    bench_keys,
    bench_open,
    bench_issue16_views
);
criterion_main!(benches);
