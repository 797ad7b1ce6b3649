//! Claims as weighted term sets: terms are stems mapped through synonym groups plus the
//! figures they state; weights are the terms' rarity over the dossier (BM25 idf).

use crate::model::facts::{canonical_word, lexicon, tokens::Tok, tokens::Token, Figure};
use std::collections::HashMap;

/// Term identifiers, interned per dossier.
pub type Term = u32;

/// Document frequencies of terms over every claim of a dossier.
#[derive(Debug, Default, Clone)]
pub struct Corpus {
    pub ids: HashMap<String, Term>,
    pub df: Vec<u32>,
    pub n: usize,
}

impl Corpus {
    /// Intern a term.
    pub fn intern(&mut self, t: &str) -> Term {
        if let Some(&id) = self.ids.get(t) {
            return id;
        }
        let id = self.df.len() as Term;
        self.ids.insert(t.to_string(), id);
        self.df.push(0);
        id
    }

    /// Count each distinct term of a claim once.
    pub fn add(&mut self, terms: &[Term]) {
        self.n += 1;
        for &t in terms {
            if let Some(c) = self.df.get_mut(t as usize) {
                *c += 1;
            }
        }
    }

    /// Rarity weight of a term (BM25 idf, always positive).
    pub fn idf(&self, t: Term) -> f32 {
        let df = self.df.get(t as usize).copied().unwrap_or(0) as f32;
        let n = self.n as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }
}

/// Weight of the words of a capitalized run other than its last ("South Korean Defense
/// Minister Kim Yong-hyun" is mostly one name; a long title should not dominate a claim).
const NAME_PREFIX_WEIGHT: f32 = 0.35;

/// The terms of a claim's tokens with their local weights: content words canonicalized
/// (the last word of a name counts fully, the others less), plus a term per comparable
/// figure value; sorted by term, distinct.
pub fn terms(corpus: &mut Corpus, toks: &[Token], figures: &[Figure]) -> Vec<(Term, f32)> {
    let stop = lexicon::stopwords();
    let mut out: Vec<(Term, f32)> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.kind != Tok::Word {
            continue;
        }
        if stop.contains(&t.lower) && !t.acronym {
            continue;
        }
        if t.lower.chars().count() < 2 {
            continue;
        }
        // Inside a run of capitalized words (hyphens join "Yong-hyun"), only the last
        // word is the name.
        let next_cap = toks[i + 1..]
            .iter()
            .find(|n| n.lower != "-")
            .is_some_and(|n| n.kind == Tok::Word && n.capital && !stop.contains(&n.lower));
        let w = if t.capital && next_cap {
            NAME_PREFIX_WEIGHT
        } else {
            1.0
        };
        out.push((corpus.intern(&canonical_word(&t.lower)), w));
    }
    for f in figures {
        if f.kind.comparable() {
            out.push((
                corpus.intern(&format!("#{}:{}", f.kind.as_str(), f.value)),
                1.0,
            ));
        }
    }
    out.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    out.dedup_by_key(|x| x.0);
    out
}

/// Words that open a new segment of a sentence (a clause or a reported statement).
const SEGMENT_OPENERS: &[&str] = &[
    "that", "which", "while", "but", "because", "where", "although",
];

/// Split a claim's tokens into segments (at punctuation and clause openers) and give each
/// its term vector; segments with fewer than three terms join the next.
pub fn segments(corpus: &mut Corpus, toks: &[Token]) -> Vec<Vec<(Term, f32)>> {
    let mut out = Vec::new();
    let mut start = 0;
    let cut = |t: &Token| {
        (t.kind == Tok::Punct
            && matches!(t.lower.as_str(), "," | ";" | ":" | "—" | "–" | "(" | ")"))
            || (t.kind == Tok::Word && SEGMENT_OPENERS.contains(&t.lower.as_str()))
    };
    for i in 0..=toks.len() {
        if i == toks.len() || cut(&toks[i]) {
            let v = terms(corpus, &toks[start..i], &[]);
            if v.len() >= 3 || i == toks.len() {
                if !v.is_empty() {
                    out.push(v);
                }
                start = i;
            }
        }
    }
    out
}
