//! Fuzz the claim facts parser: any text; every span lies on character boundaries inside
//! the text, and every figure parses back to itself from its own span.
#![no_main]

use dossier::model::facts;
use dossier::model::Span;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let f = facts::extract(text, Span::new(0, text.len()));
    let inside = |s: Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    for c in &f.clauses {
        assert!(*c <= text.len() && text.is_char_boundary(*c));
    }
    for l in &f.likelihood {
        assert!(inside(l.span));
    }
    for a in &f.attributions {
        assert!(inside(a.span));
    }
    for g in &f.figures {
        assert!(inside(g.span));
        assert!(g.value.is_finite());
    }
});
