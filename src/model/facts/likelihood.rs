//! Likelihood and certainty phrases on a graded scale ("pretty high", "quite likely",
//! "yet to be determined").

use super::lexicon::{self, Grade};
use super::tokens::{Tok, Token};
use super::Likelihood;
use crate::model::Span;

/// Every likelihood phrase of a sentence (longest match, left to right).
pub fn likelihoods(text: &str, toks: &[Token]) -> Vec<Likelihood> {
    // Sized once for every token (most are words): grown by doubling, this list cost 20.7 M
    // of the 1,282 M instructions of `dossier sources` on 200 generated articles.
    let mut words: Vec<(usize, &Token)> = Vec::with_capacity(toks.len());
    words.extend(toks.iter().enumerate().filter(|(_, t)| t.kind == Tok::Word));
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // Most words open no phrase: their bit says so without a lookup.
        if words[i].1.lists & lexicon::OPENS_LIKELIHOOD == 0 {
            i += 1;
            continue;
        }
        let cands = lexicon::likelihood().get(words[i].1.lower.as_str());
        let hit = cands.into_iter().flatten().find(|(phrase, _)| {
            phrase.len() <= words.len() - i
                && phrase
                    .iter()
                    .enumerate()
                    .all(|(k, w)| words[i + k].1.lower == *w)
        });
        match hit {
            Some((phrase, grade)) => {
                let n = phrase.len();
                let negated = i > 0 && matches!(words[i - 1].1.lower.as_str(), "not" | "no");
                let grade: Grade = match (negated, *grade) {
                    (true, Some(g)) if g >= 3 => Some(1),
                    (_, g) => g,
                };
                let span = Span::new(words[i].1.span.start, words[i + n - 1].1.span.end);
                out.push(Likelihood {
                    grade,
                    span,
                    text: text.get(span.range()).unwrap_or("").to_string(),
                });
                i += n;
            }
            None => i += 1,
        }
    }
    out
}
