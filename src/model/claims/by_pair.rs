//! The quantities' conflicts indexed by the pair of articles they set against each other,
//! so that a comparison or a cluster reads its own conflicts, not every conflict of the
//! dossier.
//!
//! One sorted table of small entries, not a map of lists: on generated dossiers the
//! conflicts grow with the square of a quantity's mentions (940,000 at 5,000 articles), and
//! a hash map of vectors keyed by pair cost 74 MB there; this table costs 16 bytes an entry.

use super::Quantity;

/// Every conflict of the quantities as (lower article, higher article, quantity, conflict),
/// sorted: by pair of articles, then in the quantities' order.
#[derive(Debug, Clone, Default)]
pub struct ByPair(Vec<(u32, u32, u32, u32)>);

impl ByPair {
    /// Index the conflicts of `quantities`.
    pub fn new(quantities: &[Quantity]) -> Self {
        let mut v = Vec::with_capacity(quantities.iter().map(|q| q.conflicts.len()).sum());
        for (qi, q) in quantities.iter().enumerate() {
            for (ci, fc) in q.conflicts.iter().enumerate() {
                let (x, y) = (q.mentions[fc.a].article.0, q.mentions[fc.b].article.0);
                v.push((narrow(x.min(y)), narrow(x.max(y)), narrow(qi), narrow(ci)));
            }
        }
        v.sort_unstable();
        ByPair(v)
    }

    /// The conflicts (quantity, conflict) between articles `lo` and `hi` (`lo <= hi`), in the
    /// quantities' order.
    pub fn between(&self, lo: usize, hi: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        let key = (narrow(lo), narrow(hi));
        let from = self.0.partition_point(|e| (e.0, e.1) < key);
        self.0[from..]
            .iter()
            .take_while(move |e| (e.0, e.1) == key)
            .map(|e| (e.2 as usize, e.3 as usize))
    }

    /// The conflicts whose lower article is `lo`: (higher article, quantity, conflict), by
    /// higher article, then in the quantities' order.
    pub fn from(&self, lo: usize) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
        let lo = narrow(lo);
        let start = self.0.partition_point(|e| e.0 < lo);
        self.0[start..]
            .iter()
            .take_while(move |e| e.0 == lo)
            .map(|e| (e.1 as usize, e.2 as usize, e.3 as usize))
    }
}

/// An index as stored: a dossier holds far fewer than 4 billion articles, quantities or
/// conflicts of one quantity (saturating keeps an impossible one out of every lookup's way).
fn narrow(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::claims::{FigureConflict, FigureMention};
    use crate::model::facts::{Figure, Kind, Qualifier};
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
                qualifier: Qualifier::Exact,
                unit: None,
                what: Some("dead".into()),
                noun: None,
                outcome: None,
                converted: false,
                frame: Default::default(),
                span: Span::new(0, 2),
                text: format!("{value}"),
            },
            holder: None,
            as_of: None,
        }
    }

    fn quantity(mentions: Vec<FigureMention>, conflicts: &[(usize, usize)]) -> Quantity {
        Quantity {
            label: "dead".into(),
            kind: Kind::Count,
            unit: None,
            mentions,
            conflicts: conflicts
                .iter()
                .map(|&(a, b)| FigureConflict { a, b })
                .collect(),
        }
    }

    /// A pair's conflicts are found whichever article states its figure first, in the
    /// quantities' order; a pair that shares an article with them but is another pair
    /// finds none.
    #[test]
    fn conflicts_are_found_by_pair_of_articles_in_quantity_order() {
        let qs = [
            quantity(
                vec![mention(2, 41.0), mention(0, 58.0), mention(1, 44.0)],
                &[(0, 1), (1, 2)],
            ),
            quantity(vec![mention(0, 3.0), mention(2, 5.0)], &[(0, 1)]),
        ];
        let by = ByPair::new(&qs);
        assert_eq!(by.between(0, 2).collect::<Vec<_>>(), [(0, 0), (1, 0)]);
        assert_eq!(by.between(0, 1).collect::<Vec<_>>(), [(0, 1)]);
        assert_eq!(by.between(1, 2).count(), 0, "1 and 2 never disagree");
        assert_eq!(
            by.from(0).collect::<Vec<_>>(),
            [(1, 0, 1), (2, 0, 0), (2, 1, 0)]
        );
        assert_eq!(by.from(2).count(), 0, "2 is never the lower article");
    }
}
