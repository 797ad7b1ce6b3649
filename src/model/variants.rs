//! Quote variants: the same remark as each outlet rendered it.
//!
//! A read-only pass over the dossier's quotes (after attribution and corrections): two
//! quotes are one remark when their speakers are compatible (the same speaker, or one of
//! them unknown or unnamed) and their words line up, the shorter almost wholly found, in
//! order and close together, in the longer ("a high chance of escalation" in one outlet,
//! the full sentence holding "a high possibility of escalation" in another). Remarks are
//! grouped with a union-find that never joins two named speakers, so an unknown quote
//! cannot bridge two people's words. Precision first: a short or generic quote joins
//! nothing, and two quotes sharing a phrase but saying different things stay apart.
//!
//! Each variant carries the words that differ from the group's fullest rendering (its
//! reference), as byte spans into its article, for the reader to highlight.

use crate::model::facts::lexicon::stopwords;
use crate::model::facts::tokens::{lex, Tok};
use crate::model::people::{PersonId, SpeakerKind};
use crate::model::quotes::{QuoteId, QuoteKind};
use crate::model::{ArticleId, Dossier, Span};
use std::collections::HashMap;

/// The shorter quote must have at least this many words: a two-word partial ("very
/// serious") is said by many people about many things.
const MIN_WORDS: usize = 3;
/// ... and at least this many words that are not stop words (`assets/claim_stopwords.txt`):
/// "it is what it is" lines up with anything.
const MIN_CONTENT: usize = 2;
/// At least this share of the shorter quote's words must line up, in order, with the
/// longer: one word in five may be rendered differently ("chance" / "possibility"); with
/// fewer than five words, none may. On the seven dev dossiers 0.8 forms 14 groups, each
/// one remark on reading them; 0.7 adds one (two translations of one remark) and 0.6 one
/// more (a three-word partial against a reworded sentence), both right too. Kept at 0.8,
/// precision first: at 0.7 three words in ten may differ, which two remarks of one
/// speaker on one subject can share.
const MIN_SHARE: f64 = 0.8;
/// Words beyond this many in a quote are not compared (bounds the alignment's work; a
/// remark is recognised long before).
const MAX_WORDS: usize = 300;

/// One rendering of a remark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    pub quote: QuoteId,
    /// The words of this rendering that another one words differently (within the part
    /// the two share), as byte spans into the article.
    pub differs: Vec<Span>,
}

/// One remark as the outlets rendered it: two articles at least.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VariantGroup {
    /// The named speaker (None: only unknown or unnamed ones).
    pub speaker: Option<PersonId>,
    /// The renderings in article and reading order.
    pub variants: Vec<Variant>,
    /// Index into `variants` of the fullest rendering, which the others are compared with.
    pub reference: usize,
}

impl VariantGroup {
    /// The articles that render the remark, each once, in order.
    pub fn articles(&self, d: &Dossier) -> Vec<ArticleId> {
        let mut a: Vec<ArticleId> = self
            .variants
            .iter()
            .map(|v| d.quotes[v.quote.0].article())
            .collect();
        a.dedup();
        a
    }
}

/// A quote's words, lower case, with their spans.
struct Words {
    lower: Vec<String>,
    spans: Vec<Span>,
    content: usize,
}

fn words(d: &Dossier, q: QuoteId) -> Words {
    let quote = &d.quotes[q.0];
    let text = &d.article(quote.article()).text;
    let (mut lower, mut spans) = (Vec::new(), Vec::new());
    for t in lex(text, quote.span()) {
        if matches!(t.kind, Tok::Word | Tok::Number) && lower.len() < MAX_WORDS {
            lower.push(t.lower.replace('’', "'"));
            spans.push(t.span);
        }
    }
    let stop = stopwords();
    let content = lower.iter().filter(|w| !stop.contains(w.as_str())).count();
    Words {
        lower,
        spans,
        content,
    }
}

/// The longest common subsequence of two word lists, as matched index pairs in order.
fn align(a: &[String], b: &[String]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    // lcs[i][j]: of a[i..] and b[j..].
    let mut lcs = vec![0u16; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[at(i, j)] = if a[i] == b[j] {
                lcs[at(i + 1, j + 1)] + 1
            } else {
                lcs[at(i + 1, j)].max(lcs[at(i, j + 1)])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n && j < m {
        if a[i] == b[j] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if lcs[at(i + 1, j)] >= lcs[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// The alignment of `short` with the most compact stretch of `long` that holds as many
/// of its words as any: a window of `short`'s length plus `slack` words, tried from every
/// word of `long` that `short` has. Matched index pairs, into `short` and `long`.
fn best_window(short: &[String], long: &[String], slack: usize) -> Vec<(usize, usize)> {
    let w = short.len() + slack;
    if long.len() <= w {
        return align(short, long);
    }
    let mut best: Vec<(usize, usize)> = Vec::new();
    for start in 0..long.len() {
        if !short.contains(&long[start]) {
            continue;
        }
        let m = align(short, &long[start..(start + w).min(long.len())]);
        if m.len() > best.len() {
            best = m.into_iter().map(|(i, j)| (i, j + start)).collect();
            if best.len() == short.len() {
                break;
            }
        }
    }
    best
}

/// Words of slack the shorter's words may spread over in the longer, beyond one for each
/// word worded differently: an inserted word ("will shame forever the state").
const SLACK: usize = 1;

/// How many of `n` words must line up for one remark.
fn needed(n: usize) -> usize {
    (MIN_SHARE * n as f64).ceil() as usize
}

/// True when the two quotes' words render one remark: the shorter's words are (almost)
/// all found in order in the longer, close together.
fn same_remark(a: &Words, b: &Words) -> bool {
    let (short, long) = if a.lower.len() <= b.lower.len() {
        (a, b)
    } else {
        (b, a)
    };
    let n = short.lower.len();
    if n < MIN_WORDS || short.content < MIN_CONTENT {
        return false;
    }
    let need = needed(n);
    // The matched words sit together in the longer: as many words as the shorter, plus
    // one for each word worded differently, plus the slack.
    let m = best_window(&short.lower, &long.lower, n - need + SLACK);
    if m.len() < need {
        return false;
    }
    let stop = stopwords();
    let shared_content = m
        .iter()
        .filter(|&&(i, _)| !stop.contains(short.lower[i].as_str()))
        .count();
    shared_content >= MIN_CONTENT
}

/// The speaker a quote's words are credited to, for grouping: a named speaker, or None
/// for an unknown or unnamed one ("a senior official"), who may be anyone.
fn named(d: &Dossier, q: QuoteId) -> Option<PersonId> {
    let p = d.quotes[q.0].speaker()?;
    let person = d.people.get(p.0)?;
    (person.kind != SpeakerKind::Anonymous).then_some(p)
}

/// Union-find over quotes whose sets remember their named speaker.
struct Sets {
    parent: Vec<usize>,
    speaker: Vec<Option<PersonId>>,
}

impl Sets {
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Join the sets of `a` and `b` unless they hold two different named speakers.
    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        match (self.speaker[ra], self.speaker[rb]) {
            (Some(x), Some(y)) if x != y => return,
            (x, y) => self.speaker[ra] = x.or(y),
        }
        self.parent[rb] = ra;
    }
}

/// Pairs of neighbouring words that are not both stop words: two renderings of a remark
/// share at least one (a three-word piece of it, or five words with one changed).
fn keys(w: &Words) -> Vec<(&str, &str)> {
    let stop = stopwords();
    let mut k: Vec<(&str, &str)> = w
        .lower
        .windows(2)
        .filter(|p| !(stop.contains(p[0].as_str()) && stop.contains(p[1].as_str())))
        .map(|p| (p[0].as_str(), p[1].as_str()))
        .collect();
    k.sort_unstable();
    k.dedup();
    k
}

/// The dossier's remarks rendered by two articles or more, those rendered most widely
/// first, then in reading order.
pub fn group(d: &Dossier) -> Vec<VariantGroup> {
    let ids: Vec<QuoteId> = (0..d.quotes.len())
        .map(QuoteId)
        .filter(|q| d.quotes[q.0].kind() != QuoteKind::Scare)
        .collect();
    let ws: Vec<Words> = ids.iter().map(|&q| words(d, q)).collect();
    let mut sets = Sets {
        parent: (0..ids.len()).collect(),
        speaker: ids.iter().map(|&q| named(d, q)).collect(),
    };
    let mut index: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    // The candidates already tried for the current quote.
    let mut seen = vec![usize::MAX; ids.len()];
    for (i, w) in ws.iter().enumerate() {
        let compatible = |j: usize| match (named(d, ids[i]), named(d, ids[j])) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        };
        for k in keys(w) {
            let bucket = index.entry(k).or_default();
            for &j in bucket.iter() {
                if seen[j] == i {
                    continue;
                }
                seen[j] = i;
                if sets.find(i) != sets.find(j) && compatible(j) && same_remark(w, &ws[j]) {
                    sets.join(j, i);
                }
            }
            bucket.push(i);
        }
    }
    let mut by_root: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..ids.len() {
        let r = sets.find(i);
        by_root.entry(r).or_default().push(i);
    }
    let mut groups: Vec<VariantGroup> = by_root
        .into_iter()
        .filter(|(_, members)| {
            let a = d.quotes[ids[members[0]].0].article();
            members.iter().any(|&m| d.quotes[ids[m].0].article() != a)
        })
        .map(|(root, mut members)| {
            members.sort_unstable();
            let speaker = sets.speaker[root];
            build(&ids, &ws, &members, speaker)
        })
        .collect();
    groups.sort_by_cached_key(|g| {
        let arts = g.articles(d).len();
        (std::cmp::Reverse(arts), g.variants[0].quote)
    });
    groups
}

/// A group of `members` (indexes into `ids` and `ws`, in order) with the words each
/// renders differently from the fullest one, and those of the fullest that differ.
fn build(
    ids: &[QuoteId],
    ws: &[Words],
    members: &[usize],
    speaker: Option<PersonId>,
) -> VariantGroup {
    let reference = (0..members.len())
        .max_by_key(|&k| (ws[members[k]].lower.len(), std::cmp::Reverse(k)))
        .unwrap_or(0);
    let rw = &ws[members[reference]];
    let mut ref_differs = vec![false; rw.lower.len()];
    let mut variants: Vec<Variant> = members
        .iter()
        .enumerate()
        .map(|(k, &m)| {
            let mut differs = Vec::new();
            if k != reference {
                let w = &ws[m];
                let slack = w.lower.len() - needed(w.lower.len()) + SLACK;
                let pairs = best_window(&w.lower, &rw.lower, slack);
                if let (Some(&(f0, r0)), Some(&(f1, r1))) = (pairs.first(), pairs.last()) {
                    let mine: Vec<usize> = pairs.iter().map(|p| p.0).collect();
                    let theirs: Vec<usize> = pairs.iter().map(|p| p.1).collect();
                    differs = (f0..=f1)
                        .filter(|i| mine.binary_search(i).is_err())
                        .map(|i| w.spans[i])
                        .collect();
                    for j in (r0..=r1).filter(|j| theirs.binary_search(j).is_err()) {
                        ref_differs[j] = true;
                    }
                }
            }
            Variant {
                quote: ids[m],
                differs,
            }
        })
        .collect();
    variants[reference].differs = ref_differs
        .iter()
        .enumerate()
        .filter(|(_, &d)| d)
        .map(|(j, _)| rw.spans[j])
        .collect();
    VariantGroup {
        speaker,
        variants,
        reference,
    }
}

#[cfg(test)]
mod tests;
