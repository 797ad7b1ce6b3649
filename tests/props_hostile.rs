//! Properties over arbitrary and adversarial text for quotes and claim facts: no panic,
//! every span on character boundaries inside its file, a quote's text is exactly the
//! file's bytes at its span, and every figure parses back from its own span.

use dossier::model::export::Clipping;
use dossier::model::quotes::QuoteId;
use dossier::model::{facts, load, LoadOptions, Span};
use proptest::prelude::*;

/// Text built from pieces that trip quote and figure parsers: every kind of quote mark,
/// speech verbs, names, titles, numbers with units, controls, bidi and wide characters.
fn adversarial() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "“",
        "”",
        "\"",
        "'",
        "‘",
        "’",
        "«",
        "»",
        "„",
        "‟",
        " said ",
        " says ",
        " told ",
        "Jane Doe",
        " he ",
        " she ",
        "the minister",
        "Mr. ",
        "Dr. ",
        ", ",
        ". ",
        "\n",
        "\n\n",
        "[",
        "]",
        "(",
        ")",
        "—",
        "…",
        "10,000",
        "3.5",
        "42%",
        "$1.2 billion",
        "12 km",
        " miles",
        " troops",
        " about ",
        " at least ",
        " likely ",
        " according to ",
        "1 500",
        "½",
        "٣",
        "2024-03-01",
        " on Monday ",
        "\x1b[31m",
        "\u{202e}",
        "\u{200b}",
        "\t",
        "\r",
        "東京",
        "😀",
        "e\u{301}",
        "ǅ",
        "İ",
        "ß",
        "ﬁ",
        "\u{0}",
        "\u{85}",
        " ",
    ]);
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

/// Either adversarial pieces or any Unicode text.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![adversarial(), any::<String>(), "[ -~“”’\n]{0,300}"]
}

/// Load `files` as a dossier.
fn dossier(files: &[String]) -> dossier::model::Dossier {
    let files: Vec<(String, Vec<u8>)> = files
        .iter()
        .enumerate()
        .map(|(i, t)| (format!("{i}.txt"), t.clone().into_bytes()))
        .collect();
    load::from_files("props", files, &LoadOptions::default())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Quotes never panic; each lies on character boundaries inside its paragraph, and
    /// its text (as exported) is exactly the file's bytes at its span.
    #[test]
    fn quote_text_is_the_file_at_its_span(a in text(), b in text()) {
        let files = vec![a, b];
        let d = dossier(&files);
        for (i, q) in d.quotes.iter().enumerate() {
            let art = d.article(q.article());
            let t = &art.text;
            prop_assert!(q.span().start <= q.span().end && q.span().end <= t.len());
            prop_assert!(t.is_char_boundary(q.span().start) && t.is_char_boundary(q.span().end));
            prop_assert!(art.paragraphs[q.paragraph(art)].span.contains(q.span()));
            for ins in &q.insertions(&art.text) {
                prop_assert!(q.span().contains(*ins));
            }
            let clip = Clipping::of_quote(&d, QuoteId(i), None);
            prop_assert_eq!(&clip.text, &t[q.span().range()]);
            prop_assert_eq!((clip.start, clip.end), (q.span().start, q.span().end));
            // Valid UTF-8 without NUL is kept byte for byte, so the span indexes the file.
            // Files with NUL are skipped, so find the file by name, not by position.
            let n: usize = art.file.trim_end_matches(".txt").parse().unwrap_or(usize::MAX);
            let Some(file) = files.get(n).map(|f| f.as_bytes()) else {
                continue;
            };
            if art.text.len() == file.len() {
                prop_assert_eq!(&file[q.span().range()], clip.text.as_bytes());
            }
        }
    }

    /// Facts never panic; every span is on character boundaries inside the text, and
    /// each figure read again from its own span gives the same kind and value.
    #[test]
    fn facts_values_parse_back(t in text()) {
        let f = facts::extract(&t, Span::new(0, t.len()));
        let inside = |s: Span| s.start <= s.end && s.end <= t.len()
            && t.is_char_boundary(s.start) && t.is_char_boundary(s.end);
        for c in &f.clauses {
            prop_assert!(*c <= t.len() && t.is_char_boundary(*c));
        }
        for l in &f.likelihood {
            prop_assert!(inside(l.span));
        }
        for a in &f.attributions {
            prop_assert!(inside(a.span));
        }
        for g in &f.figures {
            prop_assert!(inside(g.span), "{:?}", g);
            prop_assert!(g.value.is_finite(), "{:?}", g);
            let again = facts::extract(&t, g.span);
            prop_assert!(
                again.figures.iter().any(|h| h.kind == g.kind && h.value == g.value),
                "{:?} read again from {:?} gives {:?}", g, &t[g.span.range()], again.figures
            );
        }
    }
}
