//! The quantities' conflicts, found without listing them all: a quantity's mentions grouped
//! into value classes (the mentions stating one figure), the classes whose figures conflict,
//! and each claim's figure mentions, so that a comparison, a cluster or a count expands to
//! pairs of mentions only the conflicts it reads.
//!
//! On generated dossiers a quantity's conflicts grow with the square of its mentions
//! (940,000 at 5,000 articles) while it states few values: a table of every conflict by pair
//! of articles cost 16 bytes an entry, and each cluster read every conflict of each of its
//! articles (clusters, matrix and counts took 0.12 s at 1,000 articles and 2.95 s at 5,000).
//! A conflict found here is always one of its quantity's `conflicts` (looked up there, by
//! its two mentions), so that the lists `dossier figures` prints stay the one truth.

use super::quantities::figures_conflict;
use super::{FigureMention, Quantity};
use crate::model::facts::Figure;
use crate::model::lex::FastMap;

/// A quantity's mentions grouped by the figure they state (equal but for where it stands in
/// the text), with, per class, the classes whose figure conflicts with its own
/// ([`figures_conflict`], decided once per two classes).
#[derive(Debug, Clone, Default)]
pub(crate) struct ValueClasses {
    /// Per mention, its class (classes numbered in order of their first mention).
    class: Vec<u32>,
    /// Per class, its mentions, ascending.
    members: Vec<Vec<u32>>,
    /// Per class, the classes whose figure conflicts with its own, ascending.
    against: Vec<Vec<u32>>,
}

impl ValueClasses {
    /// Group `ms` by figure and compare each two groups' figures once.
    pub(crate) fn new(ms: &[FigureMention]) -> Self {
        let mut by_value: FastMap<(u64, &str), Vec<u32>> = FastMap::default();
        let mut class = Vec::with_capacity(ms.len());
        let mut members: Vec<Vec<u32>> = Vec::new();
        for (i, m) in ms.iter().enumerate() {
            let f = &m.figure;
            let seen = by_value
                .entry((f.value.to_bits(), f.text.as_str()))
                .or_default();
            crate::model::work::step(1 + seen.len());
            let same = seen
                .iter()
                .copied()
                .find(|&c| same_figure(&ms[members[c as usize][0] as usize].figure, f));
            let c = same.unwrap_or_else(|| {
                let c = narrow(members.len());
                members.push(Vec::new());
                seen.push(c);
                c
            });
            members[c as usize].push(narrow(i));
            class.push(c);
        }
        let reps: Vec<&Figure> = members.iter().map(|m| &ms[m[0] as usize].figure).collect();
        let mut against = vec![Vec::new(); reps.len()];
        for (c, x) in reps.iter().enumerate() {
            crate::model::work::step(reps.len() - c);
            for (k, y) in reps[c..].iter().enumerate() {
                let d = c + k;
                if figures_conflict(x, y) {
                    // Pushed in order of `c`, then of `d`: each list stays ascending.
                    against[c].push(narrow(d));
                    if d != c {
                        against[d].push(narrow(c));
                    }
                }
            }
        }
        ValueClasses {
            class,
            members,
            against,
        }
    }

    /// True when the figures of mentions `a` and `b` conflict (whatever their sources).
    pub(crate) fn conflict(&self, a: usize, b: usize) -> bool {
        match (self.class.get(a), self.class.get(b)) {
            (Some(&x), Some(&y)) => self.against_class(x).binary_search(&y).is_ok(),
            _ => false,
        }
    }

    /// The classes whose figure conflicts with class `c`'s, ascending.
    fn against_class(&self, c: u32) -> &[u32] {
        self.against.get(c as usize).map_or(&[], Vec::as_slice)
    }

    /// The class of mention `m`.
    pub(crate) fn class_of_mention(&self, m: usize) -> u32 {
        self.class.get(m).copied().unwrap_or(u32::MAX)
    }

    /// The classes whose figure conflicts with mention `m`'s, ascending.
    pub(crate) fn against_of(&self, m: usize) -> &[u32] {
        self.against_class(self.class_of_mention(m))
    }

    /// The mentions of class `c`, ascending.
    pub(crate) fn members_of(&self, c: u32) -> &[u32] {
        self.members.get(c as usize).map_or(&[], Vec::as_slice)
    }
}

/// True when two figures are one statement of a value: equal in everything but their span.
/// Every field is named, so that a field added to [`Figure`] must be considered here.
pub(super) fn same_figure(a: &Figure, b: &Figure) -> bool {
    let Figure {
        kind,
        value,
        place,
        upper,
        qualifier,
        unit,
        what,
        noun,
        outcome,
        converted,
        frame,
        span: _,
        text,
    } = a;
    *kind == b.kind
        && value.to_bits() == b.value.to_bits()
        && place.to_bits() == b.place.to_bits()
        && upper.map(f64::to_bits) == b.upper.map(f64::to_bits)
        && *qualifier == b.qualifier
        && *unit == b.unit
        && *what == b.what
        && *noun == b.noun
        && *outcome == b.outcome
        && *converted == b.converted
        && *frame == b.frame
        && *text == b.text
}

/// The index of the conflict between mentions `a` and `b` (`a < b`) of `q`, if they conflict.
fn conflict_at(q: &Quantity, a: usize, b: usize) -> Option<usize> {
    crate::model::work::step(1);
    q.conflicts
        .binary_search_by_key(&(a, b), |c| (c.a, c.b))
        .ok()
}

/// One figure mention: (quantity, mention), as stored.
type At = (u32, u32);

/// The quantities' conflicts, reachable by pair of articles, by group of claims and by claim.
#[derive(Debug, Clone, Default)]
pub struct ByPair {
    /// Per quantity, its value classes; `None` for a quantity without conflicts.
    classes: Vec<Option<ValueClasses>>,
    /// Per article, its mentions in quantities with conflicts, in the quantities' order.
    of_article: Vec<Vec<At>>,
    /// Per claim, by (article, claim start), its mentions in quantities with conflicts, in
    /// the quantities' order.
    of_claim: FastMap<(u32, u32), Vec<At>>,
}

impl ByPair {
    /// Index the conflicts of `quantities`.
    pub fn new(quantities: &[Quantity]) -> Self {
        let mut out = ByPair::default();
        for (qi, q) in quantities.iter().enumerate() {
            if q.conflicts.is_empty() {
                out.classes.push(None);
                continue;
            }
            out.classes.push(Some(ValueClasses::new(&q.mentions)));
            for (m, x) in q.mentions.iter().enumerate() {
                let at = (narrow(qi), narrow(m));
                let a = x.article.0;
                if out.of_article.len() <= a {
                    out.of_article.resize_with(a + 1, Vec::new);
                }
                out.of_article[a].push(at);
                out.of_claim
                    .entry((narrow(a), narrow(x.claim.start)))
                    .or_default()
                    .push(at);
            }
        }
        out
    }

    /// The value classes of quantity `qi`, when it has conflicts.
    pub(crate) fn classes(&self, qi: usize) -> Option<&ValueClasses> {
        self.classes.get(qi)?.as_ref()
    }

    /// The mentions (quantity, mention) of the claim of `article` starting at `start`, in
    /// quantities with conflicts, in the quantities' order.
    pub(crate) fn of_claim(&self, article: usize, start: usize) -> &[At] {
        self.of_claim
            .get(&(narrow(article), narrow(start)))
            .map_or(&[], Vec::as_slice)
    }

    /// The conflicts (quantity, conflict) between articles `lo` and `hi` (`lo <= hi`; within
    /// one article, between its holders), in the quantities' order.
    pub fn between(&self, qs: &[Quantity], lo: usize, hi: usize) -> Vec<(usize, usize)> {
        let none = Vec::new();
        let l = self.of_article.get(lo).unwrap_or(&none);
        let h = self.of_article.get(hi).unwrap_or(&none);
        let mut out = Vec::new();
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for ls in l.chunk_by(|x, y| x.0 == y.0) {
            let qi = ls[0].0;
            let from = h.partition_point(|x| x.0 < qi);
            let hs: Vec<u32> = h[from..]
                .iter()
                .take_while(|x| x.0 == qi)
                .map(|x| x.1)
                .collect();
            let (Some(vc), Some(q)) = (self.classes(qi as usize), qs.get(qi as usize)) else {
                continue;
            };
            pairs.clear();
            for &(_, x) in ls {
                crate::model::work::step(hs.len());
                for &y in &hs {
                    let (a, b) = (x.min(y) as usize, x.max(y) as usize);
                    if (lo != hi || x < y) && vc.conflict(a, b) {
                        pairs.push((a, b));
                    }
                }
            }
            pairs.sort_unstable();
            pairs.dedup();
            out.extend(
                pairs
                    .iter()
                    .filter_map(|&(a, b)| conflict_at(q, a, b))
                    .map(|ci| (qi as usize, ci)),
            );
        }
        out
    }

    /// The conflicts between claims of a group from different articles (a cluster's
    /// passages; `at`: (article, claim start) to the claim's index in the group): per two
    /// claims, the first conflict between them in the quantities' order, as (lower index,
    /// higher index, quantity, mention of the lower, mention of the higher), by index.
    ///
    /// Only the group's mentions are read, and of them only those in classes that
    /// conflict: neither every conflict of the group's articles nor every pair of its
    /// mentions (pairs of mentions cost 134 MB on a cluster of the 5,000-article generated
    /// dossier).
    pub fn among(
        &self,
        qs: &[Quantity],
        at: &FastMap<(usize, usize), usize>,
    ) -> Vec<(usize, usize, usize, usize, usize)> {
        // (quantity, class, mention, index in the group), sorted.
        let mut found: Vec<(u32, u32, u32, usize)> = Vec::new();
        for (&(article, start), &i) in at {
            for &(qi, m) in self.of_claim(article, start) {
                if let Some(vc) = self.classes(qi as usize) {
                    found.push((qi, vc.class_of_mention(m as usize), m, i));
                }
            }
        }
        found.sort_unstable();
        crate::model::work::step(found.len());
        // Per two claims (lower index first), the first conflict: ((quantity, conflict),
        // mention of the lower claim, mention of the higher).
        type First = ((usize, usize), usize, usize);
        let mut best: FastMap<(usize, usize), First> = FastMap::default();
        for group in found.chunk_by(|x, y| x.0 == y.0) {
            let qi = group[0].0 as usize;
            let (Some(vc), Some(q)) = (self.classes(qi), qs.get(qi)) else {
                continue;
            };
            let by_class: Vec<&[(u32, u32, u32, usize)]> =
                group.chunk_by(|x, y| x.1 == y.1).collect();
            for (k, xs) in by_class.iter().enumerate() {
                let against = vc.against_class(xs[0].1);
                for ys in &by_class[k..] {
                    if against.binary_search(&ys[0].1).is_err() {
                        continue;
                    }
                    for x in xs.iter() {
                        crate::model::work::step(ys.len());
                        for y in ys.iter().filter(|y| y.2 != x.2) {
                            let (lo, hi) = if x.2 < y.2 { (x, y) } else { (y, x) };
                            let (a, b) = (lo.2 as usize, hi.2 as usize);
                            if xs[0].1 == ys[0].1 && x.2 > y.2
                                || q.mentions[a].article == q.mentions[b].article
                            {
                                continue;
                            }
                            let Some(ci) = conflict_at(q, a, b) else {
                                continue;
                            };
                            let (key, mi, mj) = if lo.3 < hi.3 {
                                ((lo.3, hi.3), a, b)
                            } else {
                                ((hi.3, lo.3), b, a)
                            };
                            let e = best.entry(key).or_insert(((qi, ci), mi, mj));
                            if (qi, ci) < e.0 {
                                *e = ((qi, ci), mi, mj);
                            }
                        }
                    }
                }
            }
        }
        let mut out: Vec<(usize, usize, usize, usize, usize)> = best
            .into_iter()
            .map(|((i, j), ((qi, _), mi, mj))| (i, j, qi, mi, mj))
            .collect();
        out.sort_unstable();
        out
    }
}

/// An index as stored: a dossier holds far fewer than 4 billion articles, quantities or
/// mentions of one quantity (saturating keeps an impossible one out of every lookup's way).
fn narrow(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::claims::FigureMention;
    use crate::model::facts::{Figure, Kind, Qualifier};
    use crate::model::lex::FastMap;
    use crate::model::{ArticleId, Span};

    fn mention(article: usize, value: f64) -> FigureMention {
        FigureMention {
            article: ArticleId(article),
            claim: Span::new(0, 5),
            clause: Span::new(0, 5),
            figure: Figure {
                kind: Kind::Count,
                value,
                place: 1.0,
                upper: None,
                qualifier: Qualifier::Exact,
                unit: None,
                what: Some("dead".into()),
                noun: None,
                outcome: Some("dead".into()),
                converted: false,
                frame: Default::default(),
                span: Span::new(0, 2),
                text: format!("{value}"),
            },
            holder: None,
            as_of: None,
            named: None,
        }
    }

    /// A toll mention stating `text` (its value `value`) in `article`'s claim at `claim`.
    fn stated(article: usize, claim: usize, value: f64, text: &str) -> FigureMention {
        let mut m = mention(article, value);
        m.claim = Span::new(claim, claim + 5);
        m.figure.span = Span::new(claim + 1, claim + 3);
        m.figure.text = text.into();
        m
    }

    /// A quantity of `mentions` with the conflicts the quantities' rule finds.
    fn quantity(mentions: Vec<FigureMention>) -> Quantity {
        Quantity {
            label: "dead".into(),
            kind: Kind::Count,
            unit: None,
            conflicts: super::super::quantities::conflicts(&mentions),
            mentions,
        }
    }

    /// A pair's conflicts are found whichever article states its figure first, in the
    /// quantities' order; a pair that shares an article with them but agrees finds none.
    #[test]
    fn conflicts_are_found_by_pair_of_articles_in_quantity_order() {
        let qs = [
            quantity(vec![mention(0, 58.0), mention(1, 58.0), mention(2, 41.0)]),
            quantity(vec![mention(0, 3.0), mention(2, 5.0)]),
        ];
        let by = ByPair::new(&qs);
        assert_eq!(by.between(&qs, 0, 2), [(0, 0), (1, 0)]);
        assert_eq!(by.between(&qs, 1, 2), [(0, 1)]);
        assert!(by.between(&qs, 0, 1).is_empty(), "58 and 58 agree");
        assert!(by.between(&qs, 0, 9).is_empty(), "no article 9");
    }

    /// Mentions stating one figure share a class wherever they stand; the same number with
    /// another qualifier ("at least 40" beside "40") looks like it but is another class.
    #[test]
    fn mentions_of_one_figure_share_a_value_class() {
        let mut at_least = stated(2, 40, 40.0, "at least 40");
        at_least.figure.qualifier = Qualifier::AtLeast;
        let ms = vec![
            stated(0, 10, 40.0, "40"),
            stated(1, 10, 52.0, "52"),
            stated(1, 90, 40.0, "40"),
            at_least,
        ];
        let vc = ValueClasses::new(&ms);
        assert_eq!(vc.class_of_mention(0), vc.class_of_mention(2));
        assert_ne!(vc.class_of_mention(0), vc.class_of_mention(3));
        assert_eq!(vc.members_of(vc.class_of_mention(0)), [0, 2]);
        for a in 0..ms.len() {
            for b in 0..ms.len() {
                assert_eq!(
                    vc.conflict(a, b),
                    figures_conflict(&ms[a].figure, &ms[b].figure),
                    "{a} {b}"
                );
            }
        }
    }

    /// The conflicts found through value classes are those a comparison of every two
    /// mentions finds: across articles, and within one article between two holders only.
    #[test]
    fn value_classes_find_the_pairs_every_two_mentions_give() {
        let mut police = stated(1, 50, 12.0, "12");
        police.holder = Some("police".into());
        let mut organisers = stated(1, 70, 30.0, "30");
        organisers.holder = Some("organisers".into());
        let ms = vec![
            stated(0, 10, 12.0, "12"),
            stated(0, 30, 30.0, "30"),
            police,
            organisers,
            stated(2, 10, 12.0, "12"),
            stated(2, 20, 19.0, "19"),
        ];
        let mut naive = Vec::new();
        for a in 0..ms.len() {
            for b in a + 1..ms.len() {
                if super::super::quantities::separate_sources(&ms[a], &ms[b])
                    && figures_conflict(&ms[a].figure, &ms[b].figure)
                {
                    naive.push((a, b));
                }
            }
        }
        let q = quantity(ms);
        let found: Vec<(usize, usize)> = q.conflicts.iter().map(|c| (c.a, c.b)).collect();
        assert_eq!(found, naive);
        assert!(found.contains(&(2, 3)), "two holders of one article");
        assert!(!found.contains(&(0, 1)), "one article's updates");
    }

    /// Within a group of claims, each two claims of different articles get the first
    /// conflict between them in the quantities' order, and only claims of the group count.
    #[test]
    fn a_group_reads_the_first_conflict_between_its_claims() {
        let qs = [
            quantity(vec![
                stated(0, 10, 41.0, "41"),
                stated(1, 20, 58.0, "58"),
                stated(2, 30, 44.0, "44"),
            ]),
            quantity(vec![stated(0, 10, 3.0, "3"), stated(1, 20, 5.0, "5")]),
        ];
        let by = ByPair::new(&qs);
        // Claims 0@10 and 1@20 are in the group (indexes 1 and 0); 2@30 is not.
        let at: FastMap<(usize, usize), usize> = [((1, 20), 0), ((0, 10), 1)].into_iter().collect();
        assert_eq!(by.among(&qs, &at), [(0, 1, 0, 1, 0)]);
        let alone: FastMap<(usize, usize), usize> = [((0, 10), 0)].into_iter().collect();
        assert!(by.among(&qs, &alone).is_empty());
    }

    /// Finding a group's conflicts reads its own mentions, not every conflict of the
    /// quantity: doubling a quantity's mentions of two values doubles the work for a group
    /// of two claims no more than ~2×.
    #[test]
    fn a_groups_conflicts_cost_its_own_mentions() {
        crate::model::work::assert_linear(500, |n| {
            let ms: Vec<FigureMention> = (0..n)
                .map(|i| {
                    let v = if i % 2 == 0 { 41.0 } else { 58.0 };
                    stated(i, 10, v, if i % 2 == 0 { "41" } else { "58" })
                })
                .collect();
            let qs = [quantity(ms)];
            let by = ByPair::new(&qs);
            let at: FastMap<(usize, usize), usize> =
                [((0, 10), 0), ((1, 10), 1)].into_iter().collect();
            let (found, work) = crate::model::work::count(|| by.among(&qs, &at));
            assert_eq!(found.len(), 1);
            assert!(work < 100, "{work}");
            std::hint::black_box(by.between(&qs, 0, 1));
        });
    }
}
