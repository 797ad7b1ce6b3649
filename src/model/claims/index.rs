//! Claims as weighted term sets: terms are stems mapped through synonym groups plus the
//! figures they state; weights are the terms' rarity over the dossier (BM25 idf).

use crate::model::facts::lexicon::FastMap;
use crate::model::facts::{canonical_word, lexicon, tokens::Tok, tokens::Token, Figure, Kind};

/// Term identifiers, interned per dossier.
pub type Term = u32;

/// Document frequencies of terms over every claim of a dossier.
#[derive(Debug, Default, Clone)]
pub struct Corpus {
    pub ids: FastMap<String, Term>,
    /// Words as written (lowercase) to their term, so each surface form is stemmed once.
    pub surface: FastMap<String, Term>,
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

    /// The term of a lowercase word: its synonym group or stem, interned.
    pub fn word(&mut self, lower: &str) -> Term {
        if let Some(&t) = self.surface.get(lower) {
            return t;
        }
        let t = self.intern(&canonical_word(lower));
        self.surface.insert(lower.to_string(), t);
        t
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

/// The term of each token with its local weight (none for punctuation and stop words):
/// the last word of a name counts fully, the others less.
pub fn token_terms(corpus: &mut Corpus, toks: &[Token]) -> Vec<Option<(Term, f32)>> {
    let stop = lexicon::stopwords();
    let is_name_word = |t: &Token| t.kind == Tok::Word && t.capital && !stop.contains(&t.lower);
    (0..toks.len())
        .map(|i| {
            let t = &toks[i];
            if t.kind != Tok::Word
                || (stop.contains(&t.lower) && !t.acronym)
                || t.lower.chars().nth(1).is_none()
            {
                return None;
            }
            // Inside a run of capitalized words (hyphens join "Yong-hyun"), only the last
            // word is the name.
            let next_cap = toks[i + 1..]
                .iter()
                .find(|n| n.lower != "-")
                .is_some_and(is_name_word);
            let w = if t.capital && next_cap {
                NAME_PREFIX_WEIGHT
            } else {
                1.0
            };
            Some((corpus.word(&t.lower), w))
        })
        .collect()
}

/// Sorted, distinct terms (the heavier weight kept).
fn distinct(mut out: Vec<(Term, f32)>) -> Vec<(Term, f32)> {
    out.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    out.dedup_by_key(|x| x.0);
    out
}

/// The terms of a claim: its tokens' terms plus a term per comparable figure value.
pub fn terms(
    corpus: &mut Corpus,
    tok_terms: &[Option<(Term, f32)>],
    figures: &[Figure],
) -> Vec<(Term, f32)> {
    let mut out: Vec<(Term, f32)> = tok_terms.iter().flatten().copied().collect();
    for f in figures {
        let (term, w) = match f.kind {
            Kind::Ordinal | Kind::Time => continue,
            // Dates are context, never disputed, but a shared date is shared wording.
            Kind::Date | Kind::Year => (
                format!("#{}:{}", f.kind.as_str(), f.text.to_lowercase()),
                DATE_WEIGHT,
            ),
            _ => (format!("#{}:{}", f.kind.as_str(), f.value), 1.0),
        };
        out.push((corpus.intern(&term), w));
    }
    distinct(out)
}

/// Weight of a date term (context more than content).
const DATE_WEIGHT: f32 = 1.0;

/// Words that open a new segment of a sentence (a clause or a reported statement).
const SEGMENT_OPENERS: &[&str] = &[
    "that", "which", "while", "but", "because", "where", "although",
];

/// Split a claim's tokens into segments (at punctuation and clause openers) and give each
/// its term vector; segments with fewer than three terms join the next.
pub fn segments(toks: &[Token], tok_terms: &[Option<(Term, f32)>]) -> Vec<Vec<(Term, f32)>> {
    let mut out = Vec::new();
    let mut start = 0;
    let cut = |t: &Token| {
        (t.kind == Tok::Punct
            && matches!(t.lower.as_str(), "," | ";" | ":" | "—" | "–" | "(" | ")"))
            || (t.kind == Tok::Word && SEGMENT_OPENERS.contains(&t.lower.as_str()))
    };
    for i in 0..=toks.len() {
        if i == toks.len() || cut(&toks[i]) {
            let v = distinct(tok_terms[start..i].iter().flatten().copied().collect());
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
