//! Properties of loading and segmentation over arbitrary and adversarial text.

use dossier::model::{load, LoadOptions};
use proptest::prelude::*;

/// Text made of pieces that stress the segmenter: quotes, abbreviations, line ends,
/// controls, multi-byte characters.
fn adversarial() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("U.S. ".to_string()),
        Just("Dr. ".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("’".to_string()),
        Just(". ".to_string()),
        Just("?” ".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\n\n".to_string()),
        Just("\u{feff}".to_string()),
        Just("\x1b[31m".to_string()),
        Just("10,000 ".to_string()),
        Just("Sign up ".to_string()),
        Just("Editor: ".to_string()),
        Just(" | ".to_string()),
        Just("漢字 ".to_string()),
        Just("e\u{301} ".to_string()),
        "[A-Za-z ]{1,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let d = load::from_files(
        "p",
        vec![("a.txt".to_string(), text.as_bytes().to_vec())],
        &LoadOptions::default(),
    );
    for a in &d.articles {
        let mut last = 0;
        for p in &a.paragraphs {
            prop_assert!(
                p.span.start >= last && p.span.start < p.span.end && p.span.end <= a.text.len()
            );
            prop_assert!(
                a.text.is_char_boundary(p.span.start) && a.text.is_char_boundary(p.span.end)
            );
            last = p.span.end;
            let mut s_last = p.span.start;
            for s in &p.sentences {
                prop_assert!(
                    s.start >= s_last && s.start < s.end && s.end <= p.span.end,
                    "{s:?} in {:?}",
                    p.span
                );
                prop_assert!(a.text.is_char_boundary(s.start) && a.text.is_char_boundary(s.end));
                // Sentences tile the paragraph: nothing but white space between them.
                let gap = &a.text[s_last..s.start];
                prop_assert!(
                    gap.chars()
                        .all(|c| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'),
                    "gap {gap:?}"
                );
                s_last = s.end;
            }
            let first = p.sentences.first().map(|s| s.start);
            let end = p.sentences.last().map(|s| s.end);
            prop_assert_eq!(first, Some(p.span.start));
            prop_assert_eq!(end, Some(p.span.end));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Loading never panics and every span lies on character boundaries, in order, inside
    /// its file; sentences start and end with their paragraph.
    #[test]
    fn spans_are_sound_on_adversarial_text(text in adversarial()) {
        check(&text)?;
    }

    /// The same on arbitrary Unicode.
    #[test]
    fn spans_are_sound_on_any_text(text in any::<String>()) {
        check(&text)?;
    }

    /// Arbitrary bytes (invalid UTF-8, NULs, UTF-16 marks) load or are skipped, never panic.
    #[test]
    fn any_bytes_load_or_warn(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let d = load::from_files("p", vec![("a.txt".to_string(), bytes)], &LoadOptions::default());
        prop_assert!(d.articles.len() + d.warnings.len() >= 1);
    }
}
