//! Claims paired by the figure they state: two articles that state one quantity's figure
//! alike ("210 million customers" / "as many as 210 million people", "61% to 39%" /
//! "60.8 per cent to 39.2 per cent") make the same claim, however differently they word
//! the rest. News prose restates a figure in its own words more often than it restates
//! the sentence around it, so the wording alone misses such pairs.
//!
//! The quantities ([`super::quantities`]) already say which figures measure one thing (same
//! measure, outcome, scope and year); a pair is added only where two mentions of one
//! quantity agree by value ([`compare_figures`]) and the quantities list no conflict between
//! them. On the dev dossiers, before this pass, such pairs that the alignment had not made
//! were right 37 times in 38 (the wording scored most of them under 0.2).

use super::{align, Claim, Comparison, Quantity, Relation};
use crate::model::facts::{compare_figures, Verdict};
use crate::model::Span;

/// Per article, its figure mentions as (quantity, mention), sorted: the quantities a
/// comparison of two articles shares are found by one merge of two short lists.
#[derive(Debug, Clone, Default)]
pub(super) struct MentionsByArticle(Vec<Box<[(u32, u32)]>>);

impl MentionsByArticle {
    /// Index the mentions of `quantities` by article.
    pub(super) fn new(quantities: &[Quantity]) -> Self {
        let mut by: Vec<Vec<(u32, u32)>> = Vec::new();
        for (qi, q) in quantities.iter().enumerate() {
            for (mi, m) in q.mentions.iter().enumerate() {
                let a = m.article.0;
                if by.len() <= a {
                    by.resize_with(a + 1, Vec::new);
                }
                by[a].push((narrow(qi), narrow(mi)));
            }
        }
        // Pushed in quantity order, then mention order: each list is sorted already.
        MentionsByArticle(by.into_iter().map(Vec::into_boxed_slice).collect())
    }

    fn of(&self, article: usize) -> &[(u32, u32)] {
        self.0.get(article).map_or(&[], |v| v)
    }

    /// The mention pairs (quantity, mention in `left`, mention in `right`) of one quantity
    /// whose figures agree and that the quantity does not list as a conflict.
    pub(super) fn agreeing(
        &self,
        quantities: &[Quantity],
        left: usize,
        right: usize,
    ) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        if left == right {
            return out;
        }
        let (l, r) = (self.of(left), self.of(right));
        for ls in l.chunk_by(|x, y| x.0 == y.0) {
            let qi = ls[0].0;
            let from = r.partition_point(|x| x.0 < qi);
            let rs = r[from..].iter().take_while(|x| x.0 == qi);
            let Some(q) = quantities.get(qi as usize) else {
                continue;
            };
            for &(_, y) in rs {
                crate::model::work::step(ls.len());
                for &(_, x) in ls {
                    let (x, y) = (x as usize, y as usize);
                    let key = (x.min(y), x.max(y));
                    let listed = q
                        .conflicts
                        .binary_search_by_key(&key, |c| (c.a, c.b))
                        .is_ok();
                    let agree = compare_figures(&q.mentions[x].figure, &q.mentions[y].figure)
                        == Verdict::Agree;
                    if agree && !listed {
                        out.push((qi as usize, x, y));
                    }
                }
            }
        }
        out
    }
}

fn narrow(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Pair the claims of `c` that state one quantity's figure alike ([`MentionsByArticle::agreeing`]:
/// `found`) and are not paired yet, when the pair as a whole agrees: no other figure or
/// likelihood of theirs in dispute, no opposite predicates or rival actors
/// ([`align::Contrasts::contrary`]). A pair in any doubt is left out rather than shown as
/// `Related`: the figure is the only evidence it has.
pub(super) fn add_agreements(
    corpus: &super::Corpus,
    contrasts: &align::Contrasts,
    quantities: &[Quantity],
    found: &[(usize, usize, usize)],
    left: &[Claim],
    right: &[Claim],
    c: &mut Comparison,
) {
    let claim_at = |side: &[Claim], span: Span| side.iter().position(|x| x.span == span);
    for &(qi, x, y) in found {
        let q = &quantities[qi];
        let (lm, rm) = (&q.mentions[x], &q.mentions[y]);
        if c.pairs
            .iter()
            .any(|p| p.left == lm.claim && p.right == rm.claim)
        {
            continue;
        }
        let (Some(i), Some(j)) = (claim_at(left, lm.claim), claim_at(right, rm.claim)) else {
            continue;
        };
        let (a, b) = (&left[i], &right[j]);
        let (relation, differences) = align::relate(&a.facts, &b.facts);
        if relation != Relation::Agree || contrasts.contrary(a, b) {
            continue;
        }
        let s = align::similarity(corpus, a, b);
        c.add_pair(relation, s, (lm.claim, rm.claim), differences);
    }
}
