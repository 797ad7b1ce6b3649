//! Claims lined up across sources: corroborated, conflicting, only here.
//!
//! A claim is a body sentence, or a clause of a long one, with the facts it carries
//! ([`crate::model::facts`]). Two articles are aligned claim by claim on rarity-weighted
//! term overlap (stems, synonym groups, figures) plus shared facts; each pair then agrees
//! or conflicts on its stated figures and likelihoods. Across the dossier, [`cluster`]
//! groups the claims every outlet states, through an inverted index over rare terms.

mod alias;
mod align;
mod anchored;
pub(crate) mod by_pair;
mod chain;
pub mod cluster;
mod index;
pub mod quantities;
mod stored;

pub use align::{relate, similarity};
pub use cluster::{cluster, Cluster, ClusterConflict, Mention};
pub use index::{Corpus, Term};
pub use quantities::{FigureConflict, FigureMention, Quantity};
pub use stored::{ClaimFacts, Segments};

use crate::model::facts::lexicon::{FastMap, FastSet};
use crate::model::facts::{self, tokens, Facts};
use crate::model::{Article, ArticleId, Dossier, ParaKind, Span};
use serde::Serialize;

/// How two aligned claims relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// The facts match: the same quantity with compatible values, or alike wording.
    Agree,
    Conflict,
    /// The same topic, with figures that cannot be compared (neither says it measures what
    /// the other does): no corroboration is claimed.
    Related,
}

impl Relation {
    /// The name used in JSON and text.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Agree => "agree",
            Relation::Conflict => "conflict",
            Relation::Related => "related",
        }
    }
}

/// One differing piece between two aligned claims ("10,000" vs "11,000", "troops").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Difference {
    /// The left side's figure as written, with its attribution when known.
    pub left: String,
    pub right: String,
    /// What differs ("troops", "likelihood").
    pub what: String,
    /// Where the differing figure stands on each side (for emphasis in the reader).
    pub left_span: Option<Span>,
    pub right_span: Option<Span>,
}

/// A claim of the left article paired with one of the right.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    pub relation: Relation,
    pub score: f32,
    pub left: Span,
    pub right: Span,
    pub differences: Vec<Difference>,
}

/// Two articles compared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub left: ArticleId,
    pub right: ArticleId,
    pub pairs: Vec<Pair>,
    pub left_only: Vec<Span>,
    pub right_only: Vec<Span>,
}

impl Comparison {
    /// Adds a pair found after the alignment (a figure conflict, a chain, a figure anchor):
    /// its two claims are no longer told by one side only. The score is kept to three
    /// decimals, as the alignment's.
    pub(crate) fn add_pair(
        &mut self,
        relation: Relation,
        score: f32,
        (left, right): (Span, Span),
        differences: Vec<Difference>,
    ) {
        self.pairs.push(Pair {
            relation,
            score: (score * 1000.0).round() / 1000.0,
            left,
            right,
            differences,
        });
        self.left_only.retain(|s| *s != left);
        self.right_only.retain(|s| *s != right);
    }
}

/// One claim: a body sentence or clause with its terms and facts.
#[derive(Debug, Clone)]
pub struct Claim {
    pub article: ArticleId,
    pub span: Span,
    /// Sorted, distinct term ids with their local weights (see [`Corpus`]).
    pub terms: Box<[(Term, f32)]>,
    /// The term vectors of its segments (clauses, reported statements) with their norms,
    /// when it has two or more.
    pub segments: Segments,
    /// Euclidean norm of `terms`, once weighted by rarity.
    pub norm: f32,
    pub facts: ClaimFacts,
    /// The terms of the name it opens with, when that name is or holds a place or a
    /// nationality: who acts in it ("Seoul denied …", "North Korean troops …").
    pub actor: Box<[Term]>,
}

/// Sentences longer than this (bytes) are split at clause boundaries.
const LONG_SENTENCE: usize = 260;
/// A clause shorter than this (bytes) stays with its neighbour.
const MIN_CLAUSE: usize = 70;

/// The claim spans of an article: body sentences, long ones cut at clause boundaries.
pub fn claim_spans(a: &Article) -> Vec<Span> {
    let mut out = Vec::new();
    for p in a.paragraphs.iter().filter(|p| p.kind == ParaKind::Body) {
        if is_headline(&a.text, p) {
            continue;
        }
        for s in &p.sentences {
            let Some(t) = a.text.get(s.range()) else {
                continue;
            };
            if !states_something(t) {
                continue;
            }
            if s.len() <= LONG_SENTENCE {
                out.push(s);
                continue;
            }
            // The clause starts are read from a stream of tokens, so that a "sentence" of
            // megabytes (a page of "a, a, …") is never held as tokens at once.
            let mut start = s.start;
            for c in facts::clause_starts(tokens::stream(&a.text, s)) {
                if c - start >= MIN_CLAUSE && s.end - c >= MIN_CLAUSE {
                    push_bounded(&mut out, &a.text, Span::new(start, c));
                    start = c;
                }
            }
            push_bounded(&mut out, &a.text, Span::new(start, s.end));
        }
    }
    out
}

/// A claim longer than this (bytes) is cut into windows of at most this length, each at
/// the last space inside it. The scorer never counts a side longer than 600 bytes as right
/// ("a sentence, not a page"), and the longest claim on the seeds, the 7 dev dossiers and
/// 200 generated articles is 348 bytes, so no claim of real prose is cut; what it bounds
/// is the work and memory a claim costs (its tokens, figures and attributions) on a
/// paragraph that never ends a sentence or a clause.
const MAX_CLAIM: usize = 600;

/// Push the trimmed clause `s`, in windows of at most [`MAX_CLAIM`] bytes.
fn push_bounded(out: &mut Vec<Span>, text: &str, s: Span) {
    let s = trim(text, s);
    if s.len() <= MAX_CLAIM {
        out.push(s);
        return;
    }
    let mut start = s.start;
    while s.end - start > MAX_CLAIM {
        let mut cut = start + MAX_CLAIM;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let at_space = text[start..cut]
            .rfind(char::is_whitespace)
            .filter(|&k| k > 0);
        let end = at_space.map_or(cut, |k| start + k);
        let window = trim(text, Span::new(start, end));
        if !window.is_empty() {
            out.push(window);
        }
        start = end;
    }
    let last = trim(text, Span::new(start, s.end));
    if !last.is_empty() {
        out.push(last);
    }
}

/// True when a sentence can state a fact: two words, or a figure. A one-word sentence ("No.",
/// "Yes!", "Why?") answers or exclaims; it pairs with nothing and, repeated, would cost a
/// claim each (a page of "No. No. …" cost about 100 bytes of memory per byte of text).
fn states_something(sentence: &str) -> bool {
    // Two words are asked for first: nearly every sentence has them in its opening bytes,
    // where a search for a digit reads the whole sentence (most hold none).
    sentence
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .nth(1)
        .is_some()
        || sentence.bytes().any(|b| b.is_ascii_digit())
}

/// The marks that open an item of a bulleted list.
const LIST_MARKS: [char; 6] = ['-', '•', '*', '–', '·', '▪'];

/// A paragraph of at most this many words with no closing punctuation is a headline line.
/// Headlines on the dev dossiers run 10–16 words; 20 leaves room and still keeps a body
/// sentence that lost its full stop out only when it is short.
const HEADLINE_WORDS: usize = 20;

/// True for a headline line left in the body ("At least 60 killed in floods"): one sentence
/// with no closing punctuation. A headline restates the story in telegraphic words, often
/// an older figure than its body: it is no claim of the article. An item of a list ("- €5m
/// from a bank", "• 12 roads closed") ends without a full stop too, but states a part of
/// what the sentence above it introduces: it is a claim.
fn is_headline(text: &str, p: &crate::model::Paragraph) -> bool {
    let Some(t) = text.get(p.span.range()).map(str::trim) else {
        return false;
    };
    let list_item = t.starts_with(LIST_MARKS);
    p.sentences.len() <= 1
        && !list_item
        && !is_data_row(t)
        && t.split_whitespace().count() <= HEADLINE_WORDS
        && !t.ends_with(['.', '!', '?', '…', '"', '”', '’', '\'', ':', ')'])
}

/// Words a data row may hold besides its figures ("1,204 votes – 38.2%": one).
const DATA_ROW_WORDS: usize = 3;

/// True for a row of a results table left as a line of its own: it opens with a numeral
/// and sets it beside another with a dash between them, in few words ("1,204 votes –
/// 38.2%", "12,000 – 14%"). It states figures, as a list item does, and is no headline: a
/// headline with two figures says what happened in words ("Two dead, five hurt in crash").
fn is_data_row(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    let numeral = |w: &str| w.starts_with(|c: char| c.is_ascii_digit());
    let dash = words
        .iter()
        .position(|w| matches!(*w, "-" | "–" | "—"))
        .filter(|&k| k > 0 && words.get(k + 1).is_some_and(|w| numeral(w)));
    let alphabetic = words
        .iter()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    words.first().is_some_and(|w| numeral(w)) && dash.is_some() && alphabetic <= DATA_ROW_WORDS
}

/// Trim white space and a trailing comma or semicolon from a clause.
fn trim(text: &str, s: Span) -> Span {
    let Some(t) = text.get(s.range()) else {
        return s;
    };
    let lead = t.len() - t.trim_start().len();
    let body = t.trim().trim_end_matches([',', ';']).trim_end();
    Span::new(s.start + lead, s.start + lead + body.len())
}

/// The claims of every article, with the corpus of their terms.
pub fn dossier_claims(d: &Dossier) -> (Corpus, Vec<Vec<Claim>>) {
    let mut corpus = Corpus::default();
    people_terms(&mut corpus, d);
    corpus.learn_aliases(d.articles.iter().map(|a| a.text.as_str()));
    let mut claims: Vec<Vec<Claim>> = d
        .articles
        .iter()
        .map(|a| article_claims(&mut corpus, a))
        .collect();
    corpus.settle();
    let idf: Vec<f32> = (0..corpus.df.len() as Term)
        .map(|t| corpus.idf(t) * corpus.entity_factor(t))
        .collect();
    let weigh = |v: &mut [(Term, f32)]| -> f32 {
        for (t, w) in v.iter_mut() {
            *w *= idf.get(*t as usize).copied().unwrap_or(0.0);
        }
        v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt()
    };
    for c in claims.iter_mut().flatten() {
        c.norm = weigh(&mut c.terms);
        c.segments.weigh(&weigh);
    }
    (corpus, claims)
}

/// Where the speech tag of a sentence that opens with a quote begins: after its last
/// closing quote mark, when the quote is the longer part.
fn speech_tag_start(text: &str, span: Span) -> Option<usize> {
    let s = text.get(span.range())?;
    if !s.starts_with(['“', '"']) {
        return None;
    }
    let close = s.rfind(['”', '"']).filter(|&c| c > 0)?;
    let after = close + s[close..].chars().next().map_or(1, char::len_utf8);
    (after < s.len() && after * 2 > s.len()).then_some(span.start + after)
}

/// Per token (in text order, not overlapping), whether one of `spans` contains it: a
/// difference array over the tokens each span covers, so a sentence with many
/// attributions ("X said" again and again) costs tokens + spans, not their product.
fn covered(toks: &[tokens::Token], spans: impl Iterator<Item = Span>) -> Vec<bool> {
    let mut diff = vec![0i32; toks.len() + 1];
    for s in spans {
        let lo = toks.partition_point(|t| t.span.start < s.start);
        let hi = toks.partition_point(|t| t.span.end <= s.end).max(lo);
        crate::model::work::step(1 + 2 * (usize::BITS - toks.len().leading_zeros()) as usize);
        diff[lo] += 1;
        diff[hi] -= 1;
    }
    crate::model::work::step(toks.len());
    let mut depth = 0;
    diff[..toks.len()]
        .iter()
        .map(|d| {
            depth += d;
            depth > 0
        })
        .collect()
}

/// One term per person of the quotes model: every capitalized alias ("Austin", "Lloyd J.
/// Austin III") ends on a word that stands for the person. Without people, names are
/// matched as written.
fn people_terms(corpus: &mut Corpus, d: &Dossier) {
    for p in &d.people {
        let term = corpus.intern(&format!("@{}", p.name.to_lowercase()));
        corpus.mark_entity(term);
        for alias in std::iter::once(&p.name).chain(&p.aliases) {
            if !alias.starts_with(char::is_uppercase) {
                continue;
            }
            let last = alias.split_whitespace().rev().find(|w| {
                w.chars().filter(|c| c.is_alphabetic()).count() >= 3
                    && w.chars()
                        .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            });
            if let Some(w) = last {
                corpus.surface.entry(w.to_lowercase()).or_insert(term);
            }
        }
    }
}

/// The claims of one article, interning their terms into `corpus` (weights and norms are
/// set by [`dossier_claims`] once every term is counted).
fn article_claims(corpus: &mut Corpus, a: &Article) -> Vec<Claim> {
    let mut seen: Vec<Term> = Vec::new();
    // What the last counted figure counted (canonical, as written) and how many claims ago,
    // for "3,000 of them" in a following claim.
    let mut last_counted: Option<(String, String)> = None;
    let mut age = 0;
    // A claim's tokens, those its terms are read from, and its terms as gathered, in lists
    // reused claim after claim.
    let (mut lexed, mut kept, mut gathered) = (Vec::new(), Vec::new(), Vec::new());
    let mut segment_lists = index::SegmentLists::default();
    let (mut tok_terms, mut ids): (Vec<Option<(Term, f32)>>, Vec<Term>) = (Vec::new(), Vec::new());
    let claims = claim_spans(a)
        .into_iter()
        .map(|span| {
            tokens::lex_into(&a.text, span, &mut lexed);
            let toks = &lexed;
            // No pass over claims reads the names a claim's facts list (its terms carry
            // them): kept for the whole analysis they cost 21 MB of heap on the
            // 5,000-article generated dossier (massif), so they are not looked for.
            let mut facts = facts::extract_unnamed(&a.text, toks);
            let near = last_counted.as_ref().filter(|_| age <= ANAPHORA_REACH);
            let resolved = resolve_counted(&a.text, &mut facts, near);
            age += 1;
            if let Some(f) = facts.figures.iter().rev().find(|f| f.what.is_some()) {
                last_counted = f.what.clone().zip(f.noun.clone());
                age = 1;
            }
            // Likelihood wordings are compared as graded facts, not as words; the speech
            // tag after a quote ("…,” he said during a news conference with …") says who
            // and where, not what.
            let tag_from = speech_tag_start(&a.text, span);
            // Most claims state no likelihood and open with no quote: their tokens stay
            // as lexed, with no table of what is covered.
            let toks: &[tokens::Token] = if facts.likelihood.is_empty() && tag_from.is_none() {
                toks
            } else {
                let likely = covered(toks, facts.likelihood.iter().map(|l| l.span));
                kept.clear();
                kept.extend(
                    toks.iter()
                        .zip(likely)
                        .filter(|(_, likely)| !likely)
                        .map(|(t, _)| t)
                        .filter(|t| tag_from.is_none_or(|f| t.span.start < f))
                        .cloned(),
                );
                &kept
            };
            index::token_terms(corpus, toks, &mut tok_terms);
            let mut terms = index::terms(corpus, &tok_terms, &facts.figures, &mut gathered);
            if let Some(noun) = resolved {
                let t = corpus.word(&noun);
                if let Err(at) = terms.binary_search_by_key(&t, |x| x.0) {
                    terms.insert(at, (t, 1.0));
                }
            }
            ids.clear();
            ids.extend(terms.iter().map(|t| t.0));
            corpus.add(&ids);
            seen.extend_from_slice(&ids);
            // Segments say what is claimed: who is credited ("a senior South Korean
            // official") is left out of them, so that two claims cannot pair on it alone.
            // (A claim that credits no one, most of them, segments its own terms.)
            let credited_out: Vec<Option<(Term, f32)>>;
            let seg_terms = if facts.attributions.is_empty() {
                &tok_terms
            } else {
                let credited = covered(toks, facts.attributions.iter().map(|a| a.span));
                credited_out = tok_terms
                    .iter()
                    .zip(credited)
                    .map(|(x, credit)| x.filter(|_| !credit))
                    .collect();
                &credited_out
            };
            let actor = lead_place(toks, &tok_terms);
            let mut segments = index::segments(toks, seg_terms, &mut segment_lists);
            if segments.len() < 2 {
                segments = Segments::default();
            }
            Claim {
                article: a.id,
                span,
                // Boxed without spare room: a claim keeps its terms for the whole
                // analysis (37 -> 24 MB of heap on the 5,000-article generated dossier).
                terms: terms.into_boxed_slice(),
                segments,
                norm: 0.0,
                facts: facts.into(),
                actor,
            }
        })
        .collect();
    corpus.add_article(&seen);
    claims
}

/// The terms of the run of capitalized words a claim opens with (its first words that carry
/// terms), when one of them names a place or a nationality and a word follows the run: the
/// actor of "Seoul denied …" or "North Korean troops crossed …". A dateline ("SEOUL — …") is
/// followed by a dash, not a word, and names no actor.
fn lead_place(toks: &[tokens::Token], terms: &[Option<(Term, f32)>]) -> Box<[Term]> {
    use crate::model::lex::has;
    use crate::model::lexicon::{demonyms, places};
    let Some(first) = terms.iter().position(Option::is_some) else {
        return Box::default();
    };
    let end = (first..toks.len())
        .find(|&i| !(toks[i].kind == tokens::Tok::Word && toks[i].capital))
        .unwrap_or(toks.len());
    let run = first..end;
    let place = toks[run.clone()].iter().any(|t| {
        let w = trim_possessives(&t.lower);
        has(places(), w) || has(demonyms(), w)
    });
    let word_after = toks.get(end).is_some_and(|t| t.kind == tokens::Tok::Word)
        || toks[run.clone()]
            .last()
            .is_some_and(|t| t.lower.ends_with("’s") || t.lower.ends_with("'s"));
    if !place || !word_after || run.is_empty() {
        return Box::default();
    }
    terms[run].iter().flatten().map(|x| x.0).collect()
}

/// `w` without its trailing possessives: every final `’s`, then every final `'s`, as
/// `trim_end_matches` with those two patterns, by suffix tests (a string pattern builds a
/// substring searcher per call: 4.8 M of the 13.0 M instructions `lead_place` took in
/// `dossier sources` on 200 generated articles).
fn trim_possessives(mut w: &str) -> &str {
    for suffix in ["’s", "'s"] {
        while let Some(rest) = w.strip_suffix(suffix) {
            w = rest;
        }
    }
    w
}

/// How many claims back "of them" may find what it counts.
const ANAPHORA_REACH: usize = 3;

/// Give a count that stands for part of an earlier one ("More than 3,000 of them …") what
/// that one counted (`last`: canonical and as written). Returns the noun as written when a
/// figure was resolved.
fn resolve_counted(
    text: &str,
    facts: &mut Facts,
    last: Option<&(String, String)>,
) -> Option<String> {
    let (what, noun) = last?;
    let mut resolved = None;
    for f in facts.figures.iter_mut() {
        if f.kind != facts::Kind::Count || f.what.is_some() {
            continue;
        }
        let after = text.get(f.span.end..).unwrap_or("");
        let mut words = after.split_whitespace();
        let partitive = words.next() == Some("of")
            && words.next().is_some_and(|w| {
                let w = w.trim_end_matches(|c: char| !c.is_alphabetic());
                matches!(w, "them" | "those" | "these")
            });
        if partitive {
            f.what = Some(what.clone());
            f.noun = Some(noun.clone());
            resolved = Some(noun.clone());
        }
    }
    resolved
}

/// Compare two articles claim by claim.
///
/// This extracts the claims of the whole dossier (rarity is dossier-wide); to compare many
/// pairs, build an [`Aligner`] once.
pub fn compare(d: &Dossier, left: ArticleId, right: ArticleId) -> Comparison {
    Aligner::new(d).compare(left, right)
}

/// The claims of a dossier extracted once, for comparing many pairs of its articles.
#[derive(Debug, Clone)]
pub struct Aligner {
    corpus: Corpus,
    claims: Vec<Vec<Claim>>,
    /// The claims that state a figure a chain through a third article can carry.
    with_figures: Vec<(usize, usize)>,
    /// The dossier's figures grouped by what they measure.
    quantities: Vec<Quantity>,
    /// The quantity conflicts (quantity, conflict) between each pair of articles (lower id
    /// first): a comparison reads its own, not every conflict of the dossier.
    conflicts_by_pair: by_pair::ByPair,
    /// The quantity of each figure the quantities keep, by (article, figure start).
    quantity_of: FastMap<(usize, usize), usize>,
    /// What makes alike claims say different things (opposite predicates, places).
    contrasts: align::Contrasts,
    /// Each article's figure mentions, for pairing claims that state one figure alike.
    mentions: anchored::MentionsByArticle,
}

impl Aligner {
    /// Extract every article's claims.
    pub fn new(d: &Dossier) -> Self {
        let (corpus, claims) = dossier_claims(d);
        let with_figures = chain::figure_claims(&claims);
        let quantities = quantities::quantities(&claims, |id: ArticleId| d.articles.get(id.0));
        let conflicts_by_pair = by_pair::ByPair::new(&quantities);
        let quantity_of = quantities
            .iter()
            .enumerate()
            .flat_map(|(qi, q)| {
                q.mentions
                    .iter()
                    .map(move |m| ((m.article.0, m.figure.span.start), qi))
            })
            .collect();
        Aligner {
            contrasts: align::Contrasts::new(&corpus),
            mentions: anchored::MentionsByArticle::new(&quantities),
            corpus,
            claims,
            with_figures,
            quantities,
            conflicts_by_pair,
            quantity_of,
        }
    }

    /// The dossier's figures grouped into quantities, with their conflicts.
    pub fn quantities(&self) -> &[Quantity] {
        &self.quantities
    }

    /// The quantities' conflicts by value class, pair of articles and claim.
    pub(crate) fn conflict_index(&self) -> &by_pair::ByPair {
        &self.conflicts_by_pair
    }

    /// How many claims `article` states: its [`claim_spans`], as extracted.
    pub fn claim_count(&self, article: ArticleId) -> usize {
        self.claims.get(article.0).map_or(0, Vec::len)
    }

    /// Cluster the claims across the dossier's articles: the same as [`cluster`] on the
    /// dossier this was built from, without extracting its claims again.
    ///
    /// Their conflicts follow the rule of [`Aligner::compare`]: where both figures belong to
    /// quantities, the quantities decide; a quantity conflict between two claims of one
    /// cluster is its conflict even when the wording alone would not have paired them.
    pub fn cluster(&self) -> Vec<Cluster> {
        let keyed = |a: ArticleId, s: Span| self.keyed(a, Some(s));
        let mut out = cluster::cluster_claims(&self.corpus, &self.contrasts, &self.claims, &keyed);
        for c in &mut out {
            self.settle_conflicts(c);
        }
        out
    }

    /// The claim of `article` whose span is `span`.
    fn claim_at(&self, article: ArticleId, span: Span) -> Option<&Claim> {
        self.claims.get(article.0)?.iter().find(|c| c.span == span)
    }

    /// True when the figure of `article` at `at` belongs to a quantity.
    fn keyed(&self, article: ArticleId, at: Option<Span>) -> bool {
        at.is_some_and(|s| self.quantity_of.contains_key(&(article.0, s.start)))
    }

    /// A cluster's conflicts by the quantities' rule (see [`Aligner::cluster`]).
    fn settle_conflicts(&self, c: &mut Cluster) {
        let mut out: Vec<ClusterConflict> = Vec::new();
        for x in &c.conflicts {
            let (ma, mb) = (&c.mentions[x.a], &c.mentions[x.b]);
            let (Some(ca), Some(cb)) = (
                self.claim_at(ma.article, ma.span),
                self.claim_at(mb.article, mb.span),
            ) else {
                continue;
            };
            let (_, diffs) = align::relate(&ca.facts, &cb.facts);
            let kept = diffs.into_iter().find(|d| {
                d.what == LIKELIHOOD
                    || !(self.keyed(ma.article, d.left_span)
                        && self.keyed(mb.article, d.right_span))
            });
            if let Some(d) = kept {
                out.push(ClusterConflict {
                    a: x.a,
                    b: x.b,
                    left: d.left,
                    right: d.right,
                    what: d.what,
                });
            }
        }
        // The quantity conflicts between two of its mentions, from the quantities' value
        // classes of the cluster's own mentions ([`by_pair::ByPair::among`]).
        let at: FastMap<(usize, usize), usize> = c
            .mentions
            .iter()
            .enumerate()
            .map(|(i, m)| ((m.article.0, m.span.start), i))
            .collect();
        let found: FastSet<(usize, usize)> = out.iter().map(|o| (o.a, o.b)).collect();
        for (i, j, qi, mi, mj) in self.conflicts_by_pair.among(&self.quantities, &at) {
            if found.contains(&(i, j)) {
                continue;
            }
            let q = &self.quantities[qi];
            let (x, y) = (&q.mentions[mi], &q.mentions[mj]);
            out.push(ClusterConflict {
                a: i,
                b: j,
                left: shown(x),
                right: shown(y),
                what: x.figure.noun.clone().unwrap_or_else(|| q.label.clone()),
            });
        }
        out.sort_by_key(|o| (o.a, o.b));
        c.conflicts = out;
    }

    /// Compare two articles claim by claim (empty for ids outside the dossier).
    pub fn compare(&self, left: ArticleId, right: ArticleId) -> Comparison {
        match (self.claims.get(left.0), self.claims.get(right.0)) {
            (Some(l), Some(r)) => {
                let mut c = align::align(&self.corpus, &self.contrasts, l, r, left, right);
                chain::add_chained_conflicts(
                    &self.corpus,
                    &self.claims,
                    &self.with_figures,
                    &mut c,
                );
                figure_conflicts_from_quantities(&mut c, &self.quantity_of);
                let key = (left.0.min(right.0), left.0.max(right.0));
                let found = self
                    .conflicts_by_pair
                    .between(&self.quantities, key.0, key.1);
                quantity_conflicts(&self.corpus, &self.quantities, &found, l, r, &mut c);
                let alike = self.mentions.agreeing(&self.quantities, left.0, right.0);
                anchored::add_agreements(
                    &self.corpus,
                    &self.contrasts,
                    &self.quantities,
                    &alike,
                    l,
                    r,
                    &mut c,
                );
                c
            }
            _ => Comparison {
                left,
                right,
                pairs: Vec::new(),
                left_only: Vec::new(),
                right_only: Vec::new(),
            },
        }
    }
}

/// A figure mention as a difference shows it: the figure as written, with its holder.
fn shown(m: &FigureMention) -> String {
    match &m.holder {
        Some(h) => format!("{} ({h})", m.figure.text),
        None => m.figure.text.clone(),
    }
}

/// What a difference of likelihoods is called (the one conflict pairs find themselves).
const LIKELIHOOD: &str = "likelihood";

/// Where the quantities speak, figure conflicts come from them alone (one logic for
/// `compare`, the matrix and `claims --conflicts`): a difference the word alignment found
/// between two figures that both belong to quantities is dropped (the quantities hold them to
/// be different measured things, or compatible, or [`quantity_conflicts`] adds it back), and
/// a pair left with no difference is `Related`. A figure no quantity keys (its measured
/// thing unsaid) keeps the pair's own verdict: the seeds' "lost 300,000 troops" against
/// "600,000 killed or injured" is found only so.
fn figure_conflicts_from_quantities(
    c: &mut Comparison,
    quantity_of: &FastMap<(usize, usize), usize>,
) {
    let keyed = |a: ArticleId, s: Option<Span>| {
        s.is_some_and(|s| quantity_of.contains_key(&(a.0, s.start)))
    };
    let (left, right) = (c.left, c.right);
    for p in c
        .pairs
        .iter_mut()
        .filter(|p| p.relation == Relation::Conflict)
    {
        p.differences.retain(|d| {
            d.what == LIKELIHOOD || !(keyed(left, d.left_span) && keyed(right, d.right_span))
        });
        if p.differences.is_empty() {
            p.relation = Relation::Related;
        }
    }
}

/// Add the conflicts the quantities find between two articles (`found`: theirs, as
/// (quantity, conflict) indexes): a pair of claims already
/// aligned becomes a conflict, others are paired. Each figure difference is listed once.
fn quantity_conflicts(
    corpus: &Corpus,
    quantities: &[Quantity],
    found: &[(usize, usize)],
    left: &[Claim],
    right: &[Claim],
    c: &mut Comparison,
) {
    let claim_at = |side: &[Claim], span: Span| side.iter().position(|x| x.span == span);
    for &(qi, ci) in found {
        let q = &quantities[qi];
        let fc = &q.conflicts[ci];
        let (x, y) = (&q.mentions[fc.a], &q.mentions[fc.b]);
        let (lm, rm) = if x.article == c.left && y.article == c.right {
            (x, y)
        } else if y.article == c.left && x.article == c.right {
            (y, x)
        } else {
            continue;
        };
        let (Some(i), Some(j)) = (claim_at(left, lm.claim), claim_at(right, rm.claim)) else {
            continue;
        };
        let diff = Difference {
            left: shown(lm),
            right: shown(rm),
            what: lm.figure.noun.clone().unwrap_or_else(|| q.label.clone()),
            left_span: Some(lm.figure.span),
            right_span: Some(rm.figure.span),
        };
        match c
            .pairs
            .iter_mut()
            .find(|p| p.left == lm.claim && p.right == rm.claim)
        {
            Some(p) => {
                p.relation = Relation::Conflict;
                let known = p
                    .differences
                    .iter()
                    .any(|d| d.left_span == diff.left_span && d.right_span == diff.right_span);
                if !known {
                    p.differences.push(diff);
                }
            }
            None => {
                let s = align::similarity(corpus, &left[i], &right[j]);
                c.add_pair(Relation::Conflict, s, (lm.claim, rm.claim), vec![diff]);
            }
        }
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod bounds {
    use super::{claim_spans, MAX_CLAIM};
    use crate::model::load::{from_files, LoadOptions};

    fn spans_of(body: &str) -> Vec<String> {
        let text = format!("Title\n\n{body}\n");
        let d = from_files(
            "t",
            [("a.txt".to_string(), text.into_bytes())],
            &LoadOptions::default(),
        );
        let a = &d.articles[0];
        claim_spans(a)
            .into_iter()
            .map(|s| a.slice(s).to_string())
            .collect()
    }

    /// A paragraph that never ends a sentence or a clause is cut into claims of at most
    /// `MAX_CLAIM` bytes, each at a space, so that no word is split and none is lost.
    #[test]
    fn a_sentence_that_never_ends_is_cut_into_bounded_claims() {
        let body = "the wall is 12 metres high and ".repeat(100);
        let spans = spans_of(&body);
        assert!(spans.len() >= body.len() / MAX_CLAIM, "{}", spans.len());
        assert!(spans.iter().all(|s| s.len() <= MAX_CLAIM));
        let words: usize = spans.iter().map(|s| s.split_whitespace().count()).sum();
        assert_eq!(words, body.split_whitespace().count());
    }

    /// A long sentence within the bound (longer than the clause cut's threshold, with no
    /// clause boundary) stays one claim.
    #[test]
    fn a_long_sentence_within_the_bound_stays_whole() {
        let body = format!("{} end.", "the wall is 12 metres high and ".repeat(15));
        assert!(body.len() > 400 && body.len() < MAX_CLAIM);
        assert_eq!(spans_of(&body), [body.trim().to_string()]);
    }
}
