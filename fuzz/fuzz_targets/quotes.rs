//! Fuzz the quote extractor: any text as two articles (split at the first 0xFF byte).
#![no_main]

use dossier::model::{load, LoadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (a, b) = match data.iter().position(|&x| x == 0xFF) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let files = vec![
        ("a.txt".to_string(), a.to_vec()),
        ("b.txt".to_string(), b.to_vec()),
    ];
    let d = load::from_files("fuzz", files, &LoadOptions::default());
    for (i, q) in d.quotes.iter().enumerate() {
        let text = &d.articles[q.article.0].text;
        assert!(q.span.start <= q.span.end && q.span.end <= text.len());
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        let para = &d.articles[q.article.0].paragraphs[q.paragraph()];
        assert!(para.span.contains(q.span));
        assert!(q.sentence() < para.sentences.len());
        for ins in &q.insertions(text) {
            assert!(q.span.contains(*ins));
        }
        if let Some(p) = q.speaker {
            assert!(d.people.iter().any(|x| x.id == p));
        }
        if let Some(c) = q.previous_part(dossier::model::quotes::QuoteId(i)) {
            assert!(c.0 < i);
        }
    }
});
