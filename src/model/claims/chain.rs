//! Figure chains through a third source: when one claim restates a figure of another
//! article's claim almost word for word, and that claim disagrees with a figure of the
//! compared article, the restatement disagrees too, although its own wording shares little
//! with the compared claim ("More than 3,000 of them …" in one outlet, "over 3,000 … moving
//! toward combat zones" in a second, "another roughly 2,000 troops moving toward the
//! border" in a third).

use super::align::{relate, similarity};
use super::{Claim, Comparison, Corpus, Relation};
use crate::model::facts::{compare_figures, Figure, Verdict};
use crate::model::tuning::tuning;
use crate::model::ArticleId;

/// At most this many pivot claims are scored per claim (bounded work on big dossiers).
const MAX_PIVOTS: usize = 64;

/// A figure that can carry a chain: a count, amount or measure of a named thing.
fn chainable(f: &Figure) -> bool {
    f.kind.comparable() && f.what.is_some() && f.value > 0.0
}

fn ratio(x: &Figure, y: &Figure) -> f64 {
    (x.value / y.value).max(y.value / x.value)
}

/// Two figures differ on the same thing, near enough to be one quantity.
fn conflicting(x: &Figure, y: &Figure) -> bool {
    chainable(x)
        && chainable(y)
        && compare_figures(x, y) == Verdict::Conflict
        && ratio(x, y) <= tuning().max_conflict_ratio
}

/// The claims (article, index) that state a chainable figure, over the whole dossier.
pub fn figure_claims(claims: &[Vec<Claim>]) -> Vec<(usize, usize)> {
    claims
        .iter()
        .enumerate()
        .flat_map(|(a, cs)| {
            cs.iter()
                .enumerate()
                .filter(|(_, c)| c.facts.figures.iter().any(chainable))
                .map(move |(i, _)| (a, i))
        })
        .collect()
}

/// Add the conflicts that a chain through a third article shows between `left` and
/// `right` claims not yet paired. `with_figures` is [`figure_claims`] of `all`.
pub fn add_chained_conflicts(
    corpus: &Corpus,
    all: &[Vec<Claim>],
    with_figures: &[(usize, usize)],
    cmp: &mut Comparison,
) {
    let (l, r) = (cmp.left, cmp.right);
    let (Some(left), Some(right)) = (all.get(l.0), all.get(r.0)) else {
        return;
    };
    let mut found: Vec<(usize, usize, f32)> = Vec::new();
    // Pivots restating a left claim, then pivots restating a right claim.
    for (i, j, s) in chains(corpus, all, with_figures, left, right, l, r) {
        found.push((i, j, s));
    }
    for (j, i, s) in chains(corpus, all, with_figures, right, left, r, l) {
        found.push((i, j, s));
    }
    found.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then(b.2.total_cmp(&a.2)));
    found.dedup_by_key(|x| (x.0, x.1));
    for (i, j, s) in found {
        let (a, b) = (&left[i], &right[j]);
        if cmp
            .pairs
            .iter()
            .any(|p| p.left == a.span && p.right == b.span)
        {
            continue;
        }
        let (relation, differences) = relate(&a.facts, &b.facts);
        if relation != Relation::Conflict {
            continue;
        }
        cmp.add_pair(relation, s, (a.span, b.span), differences);
    }
}

/// (index in `from`, index in `to`, score) for every claim of `from` that a pivot claim in a
/// third article restates (same figure, strong wording:
/// [`Tuning::strong`](crate::model::tuning::Tuning::strong)), where the pivot conflicts with a
/// claim of `to` on that figure and the two `from`/`to` figures conflict as well.
fn chains(
    corpus: &Corpus,
    all: &[Vec<Claim>],
    with_figures: &[(usize, usize)],
    from: &[Claim],
    to: &[Claim],
    from_id: ArticleId,
    to_id: ArticleId,
) -> Vec<(usize, usize, f32)> {
    let mut out = Vec::new();
    for (i, a) in from.iter().enumerate() {
        let figs: Vec<&Figure> = a.facts.figures.iter().filter(|f| chainable(f)).collect();
        if figs.is_empty() {
            continue;
        }
        let mut scored = 0;
        for &(pa, pi) in with_figures {
            if pa == from_id.0 || pa == to_id.0 || scored >= MAX_PIVOTS {
                continue;
            }
            let k = &all[pa][pi];
            // The pivot states one of this claim's figures.
            let shared: Vec<(&Figure, &Figure)> = figs
                .iter()
                .flat_map(|x| k.facts.figures.iter().map(move |y| (*x, y)))
                .filter(|(x, y)| chainable(y) && compare_figures(x, y) == Verdict::Agree)
                .collect();
            if shared.is_empty() {
                continue;
            }
            scored += 1;
            let s_ak = similarity(corpus, a, k);
            if s_ak < tuning().strong {
                continue;
            }
            for (j, b) in to.iter().enumerate() {
                let hit = shared.iter().any(|(x, y)| {
                    b.facts
                        .figures
                        .iter()
                        .any(|z| conflicting(y, z) && conflicting(x, z))
                });
                if !hit {
                    continue;
                }
                let s_kb = similarity(corpus, k, b);
                if s_kb >= tuning().conflict_threshold {
                    out.push((i, j, s_kb.min(s_ak)));
                }
            }
        }
    }
    out
}
