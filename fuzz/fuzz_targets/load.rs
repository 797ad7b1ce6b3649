//! Fuzz the loader: any bytes as an article file.
#![no_main]

use dossier::model::{load, LoadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let d = load::from_files(
        "fuzz",
        vec![("a.txt".to_string(), data.to_vec())],
        &LoadOptions::default(),
    );
    for a in &d.articles {
        for p in &a.paragraphs {
            assert!(a.text.is_char_boundary(p.span.start) && a.text.is_char_boundary(p.span.end));
            for s in &p.sentences {
                assert!(p.span.contains(*s));
            }
        }
    }
});
