//! The finder over 10,000 and 100,000 generated news-like lines: a full pass per pattern,
//! and a query typed character by character (each keystroke waits for complete results,
//! the worst case: the reader shows partial results and moves on).
//!
//! Short runs: `cargo bench --bench finder -- --warm-up-time 1 --measurement-time 3`.

use criterion::{criterion_group, BenchmarkId, Criterion};
use dossier::model::search::{Corpus, Finder};
use std::hint::black_box;

/// Lines of 12–30 words drawn from the bundled articles' words (so word frequencies and
/// lengths are a news article's).
fn news_lines(n: usize) -> Vec<String> {
    let d = dossier::model::load_bundled();
    let words: Vec<&str> = d
        .articles
        .iter()
        .flat_map(|a| a.text.split_whitespace())
        .collect();
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    (0..n)
        .map(|_| {
            let len = 12 + (next() % 19) as usize;
            (0..len)
                .map(|_| words[(next() % words.len() as u64) as usize])
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

const PATTERNS: &[&str] = &[
    "u",
    "unprec",
    "north kor",
    "'troops !russia",
    "sold$ | ^the",
];
const TYPED: &str = "unprecedented military";

fn bench(c: &mut Criterion) {
    for n in [10_000, 100_000] {
        let lines = news_lines(n);
        let mut f = Finder::with_corpora(Corpus::from_lines(lines), Corpus::default());
        let mut g = c.benchmark_group(format!("finder_{}k", n / 1000));
        g.sample_size(10);
        for p in PATTERNS {
            g.bench_with_input(BenchmarkId::new("full", p), p, |b, p| {
                b.iter(|| {
                    // From the empty query (every item): a full pass.
                    f.set_query("");
                    f.set_query(p);
                    f.wait();
                    black_box(f.hits().len())
                })
            });
        }
        g.bench_function("typed", |b| {
            b.iter(|| {
                f.set_query("");
                for i in 1..=TYPED.len() {
                    f.set_query(&TYPED[..i]);
                    f.wait();
                }
                black_box(f.hits().len())
            })
        });
        // What a keystroke costs the UI thread: parse, start the worker, return.
        let mut flip = false;
        g.bench_function("keystroke_ui_cost", |b| {
            b.iter(|| {
                flip = !flip;
                f.set_query(black_box(if flip { "unprec" } else { "kremlin" }));
                f.poll()
            })
        });
        f.wait();
        g.finish();
    }
}

criterion_group!(benches, bench);

/// CPU time this process has used, in milliseconds (Linux; clock ticks of 10 ms).
fn process_cpu_ms() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses): utime is the 12th, stime
    // the 13th.
    let rest = s.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    Some(ticks as f64 * 10.0)
}

/// CPU per full pass (mean of 10), on the caller's thread (optimal scoring) and on the
/// workers (greedy, then the best rescored).
fn cpu_times() {
    for n in [10_000, 100_000] {
        let mut f = Finder::with_corpora(Corpus::from_lines(news_lines(n)), Corpus::default());
        for (mode, limit) in [("sync", usize::MAX), ("worker", 1_000)] {
            f.set_sync_limit(limit);
            for p in PATTERNS {
                let Some(t0) = process_cpu_ms() else { return };
                for _ in 0..10 {
                    f.set_query("");
                    f.set_query(p);
                    f.wait();
                }
                let ms = (process_cpu_ms().unwrap_or(t0) - t0) / 10.0;
                println!(
                    "{n} lines {mode} {p:?}: {ms:.0} ms CPU, {} hits",
                    f.hits().len()
                );
            }
        }
    }
}

fn main() {
    // FINDER_DUMP=DIR writes the generated lines, to compare with `fzf --filter`.
    if let Some(dir) = std::env::var_os("FINDER_DUMP") {
        for n in [10_000, 100_000] {
            let path = std::path::Path::new(&dir).join(format!("lines-{}k.txt", n / 1000));
            if let Err(e) = std::fs::write(&path, news_lines(n).join("\n") + "\n") {
                eprintln!("{}: {e}", path.display());
            }
        }
        return;
    }
    // FINDER_CPU=1 prints the CPU time of a full pass per pattern (from /proc/self/stat):
    // figures that a loaded, shared machine skews far less than wall time.
    if std::env::var_os("FINDER_CPU").is_some() {
        cpu_times();
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
