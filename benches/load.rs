//! Loading and segmenting synthetic dossiers at several sizes (throughput in bytes/s).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use dossier::model::{load, LoadOptions};
use std::hint::black_box;

fn bench_load(c: &mut Criterion) {
    let mut g = c.benchmark_group("load");
    g.sample_size(10);
    for n in [10usize, 100, 1000] {
        let files: Vec<(String, Vec<u8>)> = dossier::synth::generate(1, n)
            .into_iter()
            .map(|(name, t)| (name, t.into_bytes()))
            .collect();
        let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_with_input(BenchmarkId::new("from_memory", n), &files, |b, files| {
            b.iter(|| {
                black_box(load::from_files(
                    "bench",
                    files.clone(),
                    &LoadOptions::default(),
                ))
            })
        });
        let dir = tempfile::tempdir().expect("temp dir");
        for (name, text) in &files {
            std::fs::write(dir.path().join(name), text).expect("write article");
        }
        g.bench_with_input(BenchmarkId::new("from_disk", n), dir.path(), |b, path| {
            b.iter(|| black_box(load::load_path(path, &LoadOptions::default()).expect("loads")))
        });
    }
    g.finish();
}

criterion_group!(benches, bench_load);
criterion_main!(benches);
