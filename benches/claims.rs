//! Claims benchmarks: comparing two long articles, clustering synthetic dossiers.
//!
//! The articles are generated: sentences from a vocabulary of made-up words around a set
//! of shared "events" (so clusters exist), with varied figures, names and qualifiers.

use criterion::{criterion_group, criterion_main, Criterion};
use dossier::model::claims::{cluster, compare, Aligner};
use dossier::model::load::{from_files, LoadOptions};
use dossier::model::{ArticleId, Dossier};
use std::hint::black_box;

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mir", "ten", "sa", "vor", "en", "du", "ri", "pel", "gan", "to", "mes", "ul",
    "bra", "ni", "cos", "fe", "har", "zi",
];
const QUALIFIERS: &[&str] = &[
    "",
    "about ",
    "more than ",
    "up to ",
    "roughly ",
    "over ",
    "",
];
const NOUNS: &[&str] = &[
    "troops", "people", "homes", "vehicles", "workers", "villages",
];

fn word(r: &mut Rng) -> String {
    let n = 2 + r.pick(2);
    (0..n).map(|_| SYLLABLES[r.pick(SYLLABLES.len())]).collect()
}

/// A vocabulary of made-up words and names.
fn vocab(r: &mut Rng, n: usize) -> Vec<String> {
    (0..n).map(|_| word(r)).collect()
}

/// One sentence about event `e`: its own key words, some common words, a figure and a name.
fn sentence(r: &mut Rng, words: &[String], names: &[String], e: usize) -> String {
    let mut parts: Vec<String> = Vec::new();
    let name = &names[(e * 7 + r.pick(3)) % names.len()];
    let mut cap = name.clone();
    if let Some(f) = cap.get_mut(0..1) {
        f.make_ascii_uppercase();
    }
    parts.push(cap);
    parts.push("said".into());
    for k in 0..4 {
        parts.push(words[(e * 13 + k * 5) % words.len()].clone());
    }
    for _ in 0..(6 + r.pick(8)) {
        parts.push(words[r.pick(words.len())].clone());
    }
    let value = (1 + r.pick(90)) * 100 * (1 + e % 7);
    parts.push(format!(
        "{}{} {}",
        QUALIFIERS[r.pick(QUALIFIERS.len())],
        value,
        NOUNS[e % NOUNS.len()]
    ));
    for _ in 0..(3 + r.pick(5)) {
        parts.push(words[r.pick(words.len())].clone());
    }
    format!("{}.", parts.join(" "))
}

/// An article of about `sentences` sentences in paragraphs of three.
fn article(
    r: &mut Rng,
    words: &[String],
    names: &[String],
    events: usize,
    sentences: usize,
) -> String {
    let mut out = String::new();
    for i in 0..sentences {
        let e = r.pick(events);
        out.push_str(&sentence(r, words, names, e));
        out.push(if i % 3 == 2 { '\n' } else { ' ' });
        if i % 3 == 2 {
            out.push('\n');
        }
    }
    out
}

fn dossier(articles: usize, sentences: usize, seed: u64) -> Dossier {
    let mut r = Rng(seed);
    let words = vocab(&mut r, 4000);
    let names = vocab(&mut r, 300);
    let events = (articles * 3).max(40);
    let files: Vec<(String, Vec<u8>)> = (0..articles)
        .map(|i| {
            (
                format!("{i:05}.txt"),
                article(&mut r, &words, &names, events, sentences).into_bytes(),
            )
        })
        .collect();
    from_files("bench", files, &LoadOptions::default())
}

fn bench(c: &mut Criterion) {
    // Two articles of ~2,000 words (about 100 sentences of ~20 words).
    let two = dossier(2, 100, 7);
    let words: usize = two
        .articles
        .iter()
        .map(|a| a.text.split_whitespace().count())
        .sum();
    eprintln!("compare: two articles, {words} words in all");
    c.bench_function("compare two 2000-word articles", |b| {
        b.iter(|| compare(black_box(&two), ArticleId(0), ArticleId(1)))
    });
    // The reader's way: the claims extracted once per session, then each pair opened.
    let aligner = Aligner::new(&two);
    c.bench_function("compare two 2000-word articles, prebuilt aligner", |b| {
        b.iter(|| black_box(&aligner).compare(ArticleId(0), ArticleId(1)))
    });
    let mut g = c.benchmark_group("cluster");
    g.sample_size(10);
    for n in [100, 1000] {
        let d = dossier(n, 20, 11 + n as u64);
        g.bench_function(format!("{n} articles"), |b| {
            b.iter(|| cluster(black_box(&d)))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
