//! Web pages: main-text extraction per page over 100 generated pages (decoding and
//! extraction, what loading does before segmenting), and loading 1,000 pages against the
//! same 1,000 articles as text (`synth::html::generate_html` wraps `synth::generate`).
//! Short run: `cargo bench --bench html -- --warm-up-time 1 --measurement-time 3`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use dossier::model::load::{self, html};
use dossier::model::LoadOptions;
use std::hint::black_box;

/// One iteration extracts the next of 100 pages, so the median is a page's time.
fn bench_extract(c: &mut Criterion) {
    let pages: Vec<Vec<u8>> = dossier::synth::html::generate_html(1, 100)
        .into_iter()
        .map(|(_, t)| t.into_bytes())
        .collect();
    let mut g = c.benchmark_group("html");
    g.throughput(Throughput::Elements(1));
    let mut i = 0;
    g.bench_function("extract_per_page", |b| {
        b.iter(|| {
            let page = &pages[i % pages.len()];
            i += 1;
            black_box(html::extract(&html::charset::decode(page).text))
        })
    });
    g.finish();
}

/// The whole load (read from memory, extract, segment, quotes) of 1,000 pages and of
/// the same 1,000 articles as text.
fn bench_load(c: &mut Criterion) {
    let n = 1000;
    let as_bytes = |files: Vec<(String, String)>| -> Vec<(String, Vec<u8>)> {
        files
            .into_iter()
            .map(|(n, t)| (n, t.into_bytes()))
            .collect()
    };
    let mut g = c.benchmark_group("load_html_vs_text");
    g.sample_size(10);
    for (what, files) in [
        ("text", as_bytes(dossier::synth::generate(1, n))),
        ("html", as_bytes(dossier::synth::html::generate_html(1, n))),
    ] {
        g.bench_with_input(BenchmarkId::new(what, n), &files, |b, files| {
            b.iter(|| {
                black_box(load::from_files(
                    "bench",
                    files.clone(),
                    &LoadOptions::default(),
                ))
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench_extract, bench_load);
criterion_main!(benches);
