//! Pathological inputs of issue #18, each at 200 KB and 400 KB: loading (paragraphs,
//! sentences, quotes, speakers) and claim extraction with their alignment index. A linear
//! pass takes about twice as long on the double; the README's Reliability section quotes
//! these medians.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use dossier::model::claims::Aligner;
use dossier::model::load::{from_files, LoadOptions};
use std::hint::black_box;

/// The repeated units (name, unit) that once took quadratic time or unbounded memory.
const PATTERNS: &[(&str, &str)] = &[
    ("alternating-marks", "\"'"),
    ("curly-marks", "“‘"),
    ("guillemets", "«‹"),
    // Spaced guillemets are separators ("Home » News"): once looked up by a scan per mark.
    ("spaced-guillemets", "« "),
    ("open-parens", "("),
    ("comma-space", "a, "),
    ("x-said", "Ann Lee said "),
    ("one-word-lines", "word\n"),
    ("no-dot", "No. "),
    // Marks around a letter or two: the densest quotes a page can hold, one per 3 or 4
    // bytes (their memory is tests/memory.rs's).
    ("one-letter-quotes", "\"'a"),
    ("curly-one-letter-quotes", "“‘a"),
    ("guillemet-one-letter-quotes", "«‹a"),
    ("two-letter-quotes", "\"'ab"),
];

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("hostile");
    g.sample_size(10);
    for &(name, unit) in PATTERNS {
        for kb in [200usize, 400] {
            let text = unit.repeat(kb * 1024 / unit.len());
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::new(name, kb), &text, |b, text| {
                b.iter(|| {
                    let d = from_files(
                        "bench",
                        [("a.txt".to_string(), text.clone().into_bytes())],
                        &LoadOptions::default(),
                    );
                    black_box(Aligner::new(&d));
                })
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
