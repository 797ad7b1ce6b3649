//! Memory per input byte on hostile pages (issue #18), counted, not sampled: this test
//! binary's global allocator ([`peak_alloc`]) adds up every byte allocated and keeps the
//! peak, so the figures are the same on every run (one article is read on the calling
//! thread; the one test runs alone in this binary, so no other test's allocations mix in).
//! The allocator counts capacity, not resident pages, and a `realloc` as a new block
//! beside the old one: an upper bound of what the page costs.

use dossier::model::load::{from_files, LoadOptions};
use peak_alloc::PeakAlloc;

#[global_allocator]
static ALLOC: PeakAlloc = PeakAlloc;

/// Peak heap bytes taken while loading one article of `unit` repeated to `bytes` (paragraphs,
/// sentences, quotes, speakers), above what was allocated before.
fn peak_loading(unit: &str, bytes: usize) -> usize {
    let text = unit.repeat(bytes / unit.len()).into_bytes();
    let before = ALLOC.current_usage();
    ALLOC.reset_peak_usage();
    let d = from_files(
        "memory",
        [("a.txt".to_string(), text)],
        &LoadOptions::default(),
    );
    let peak = ALLOC.peak_usage() - before;
    drop(d);
    peak
}

/// Hostile pages, with the most heap bytes loading may take per input byte. The bounds
/// are the counts measured when this test was last changed (at 400 KB, in brackets), rounded
/// up by about a tenth: a change that takes more memory per byte fails here. The last four
/// are quote-dense, one quote per 3 to 7 bytes. Each quote holds its found marks as the
/// tokenizer's mask (12 bytes) and their widths, flags and kind (2), then its token (12)
/// while its article is attributed, then its record (16) once the tokens are dropped; the
/// words and pass that named a speaker only for quotes that have one. Their peak is now
/// where the marks are paired, where this counter adds up a growing list's old and new
/// buffers (a `realloc` counts as a new block). Records of 72 bytes, masks of three
/// `usize`s, a sorted list of (quote, token) pairs and `Option<u32>` entities measured 36.0
/// bytes per byte on `"'a`; 32-byte records made while the tokens and each quote's token
/// index were alive, 21.3; a paragraph's sentences as `Span`s of two `usize`s, 15.7 on
/// `No. `.
const PAGES: &[(&str, &str, f64)] = &[
    ("comma-space", "a, ", 9.0),                 // (8.0)
    ("spaced-guillemets", "a « ", 10.0),         // (9.0)
    ("open-parens", "(", 1.5),                   // (1.0)
    ("one-word-lines", "word\n", 8.5),           // (7.7)
    ("no-dot", "No. ", 14.5),                    // (13.1; 15.7 with `Span` sentences)
    ("x-said", "Ann Lee said ", 5.5),            // (4.7)
    ("one-letter-quotes", "\"'a", 18.3),         // (16.6; 21.3 before, 36.0 at first)
    ("curly-one-letter-quotes", "“‘a", 4.8),     // (4.3; 9.1 before, 15.4 at first)
    ("guillemet-one-letter-quotes", "«‹a", 9.2), // (8.3; 10.7 before, 18.0 at first)
    ("two-letter-quotes", "\"'ab", 9.2),         // (8.3; 16.0 before, 27.0 at first)
];

/// Loading a hostile page takes memory linear in its bytes (at most 2.5× the peak when the
/// page doubles, 100 → 200 → 400 KB; a debug build) and no more per byte than measured.
#[test]
fn hostile_pages_load_in_memory_linear_in_their_bytes() {
    // Word lists load on first use: once before counting.
    peak_loading("Ann Lee said \"yes\". ", 1024);
    let mut report = Vec::new();
    let mut failed = Vec::new();
    for &(name, unit, per_byte) in PAGES {
        let peaks = [100, 200, 400].map(|kb| peak_loading(unit, kb * 1024));
        let got = peaks[2] as f64 / (400.0 * 1024.0);
        report.push(format!("{name}: {got:.1} bytes per byte {peaks:?}"));
        for w in peaks.windows(2) {
            let ratio = w[1] as f64 / w[0] as f64;
            if ratio > 2.5 {
                failed.push(format!("{name}: peak grows {ratio:.2}x per doubling"));
            }
        }
        if got > per_byte {
            failed.push(format!("{name}: {got:.1} bytes per byte, over {per_byte}"));
        }
    }
    let report = report.join("\n");
    assert!(failed.is_empty(), "{}\n{report}", failed.join("\n"));
    eprintln!("{report}");
}
