//! Quote extraction throughput: the bundled seeds repeated into a large dossier, with the
//! model built once and only `quotes::extract` measured.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dossier::model::load::{from_files, LoadOptions};
use dossier::model::{load_bundled, quotes};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let seeds = load_bundled();
    // 40 copies of each seed as separate articles (~1.5 MB), so cross-article name
    // resolution is part of the work.
    let files: Vec<(String, Vec<u8>)> = (0..40)
        .flat_map(|i| {
            seeds
                .articles
                .iter()
                .map(move |a| (format!("{i:03}_{}", a.file), a.text.clone().into_bytes()))
        })
        .collect();
    let d = from_files("bench", files, &LoadOptions::default());
    let bytes: usize = d.articles.iter().map(|a| a.text.len()).sum();
    let mut g = c.benchmark_group("quotes");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("extract", |b| b.iter(|| quotes::extract(black_box(&d))));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
