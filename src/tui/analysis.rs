//! Claims across the whole dossier, for the matrix and the source badges, computed off the
//! UI thread.
//!
//! The matrix rows and the badges are the model's dossier-wide clusters (the same as
//! `dossier claims`), which grow far below quadratically. The claims are extracted once
//! per session ([`SessionAligner`]), and every comparison reuses them. Pairwise
//! comparisons for the compare view are precomputed for small dossiers only; on a large
//! one each is computed when a pair is opened (under a millisecond once the claims are
//! extracted, also off the UI thread).

use crate::model::claims::{self, Comparison, Relation};
use crate::model::{ArticleId, Dossier, Span};
use std::collections::HashMap;
use std::sync::Arc;

/// What one source says about one claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    /// The source does not report it.
    Absent,
    /// The source reports it, in agreement with every other source that does.
    Reports(Span),
    /// The source reports it with a figure another source contradicts.
    Conflicts(Span),
}

impl Cell {
    /// The passage behind the cell, if any.
    pub fn span(self) -> Option<Span> {
        match self {
            Cell::Absent => None,
            Cell::Reports(s) | Cell::Conflicts(s) => Some(s),
        }
    }
}

/// One claim across the sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRow {
    /// Where the row's label is taken from.
    pub label: (ArticleId, Span),
    /// One cell per article, in article order.
    pub cells: Vec<Cell>,
}

impl ClaimRow {
    /// How many sources report the claim.
    pub fn sources(&self) -> usize {
        self.cells.iter().filter(|c| **c != Cell::Absent).count()
    }
    /// True when some sources disagree on it.
    pub fn conflict(&self) -> bool {
        self.cells.iter().any(|c| matches!(c, Cell::Conflicts(_)))
    }
}

/// Claims × sources.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matrix {
    pub rows: Vec<ClaimRow>,
}

/// Every comparison of the dossier, the matrix and each article's conflict count.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Keyed by (left, right) with left < right; see [`Analysis::comparison`].
    pub comparisons: HashMap<(ArticleId, ArticleId), Arc<Comparison>>,
    pub matrix: Matrix,
    /// Per article: claims of it in conflict with another source.
    pub conflicts: Vec<usize>,
}

impl Analysis {
    /// The comparison of `left` with `right`, sides as asked.
    pub fn comparison(&self, left: ArticleId, right: ArticleId) -> Option<Arc<Comparison>> {
        if let Some(c) = self.comparisons.get(&(left, right)) {
            return Some(c.clone());
        }
        self.comparisons
            .get(&(right, left))
            .map(|c| Arc::new(mirror(c)))
    }
}

/// The same comparison seen from the other side.
pub fn mirror(c: &Comparison) -> Comparison {
    Comparison {
        left: c.right,
        right: c.left,
        pairs: c
            .pairs
            .iter()
            .map(|p| claims::Pair {
                relation: p.relation,
                score: p.score,
                left: p.right,
                right: p.left,
                differences: p
                    .differences
                    .iter()
                    .map(|d| claims::Difference {
                        left: d.right.clone(),
                        right: d.left.clone(),
                        what: d.what.clone(),
                        left_span: d.right_span,
                        right_span: d.left_span,
                    })
                    .collect(),
            })
            .collect(),
        left_only: c.right_only.clone(),
        right_only: c.left_only.clone(),
    }
}

/// Up to this many articles every pair is compared ahead (at most 276 pairs).
const PRECOMPUTE_PAIRS_UP_TO: usize = 24;

/// The dossier's claims, extracted once per session by the background analysis and shared
/// with every comparison opened afterwards.
///
/// Equal only to itself (the same extraction), so that effects carrying it stay
/// comparable in tests; its debug form does not print the corpus.
#[derive(Clone)]
pub struct SessionAligner(pub Arc<claims::Aligner>);

impl PartialEq for SessionAligner {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for SessionAligner {}

impl std::fmt::Debug for SessionAligner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionAligner(..)")
    }
}

/// Compare two articles with the session's extraction when there is one, else by
/// extracting the dossier's claims for this pair alone.
pub fn compare(
    d: &Dossier,
    aligner: Option<&SessionAligner>,
    left: ArticleId,
    right: ArticleId,
) -> Comparison {
    match aligner {
        Some(a) => a.0.compare(left, right),
        None => claims::compare(d, left, right),
    }
}

/// The articles whose pairs are compared ahead: all of a small dossier, else none.
fn compared_ahead(n: usize) -> usize {
    if n <= PRECOMPUTE_PAIRS_UP_TO {
        n
    } else {
        0
    }
}

/// The steps the analysis of `n` articles reports: each pair compared ahead, then the
/// clusters.
pub fn steps(n: usize) -> usize {
    let ahead = compared_ahead(n);
    ahead * ahead.saturating_sub(1) / 2 + 1
}

/// Extract the dossier's claims, then analyse them (see [`analyse_with`]).
pub fn analyse(d: &Dossier, progress: impl FnMut(usize, usize)) -> Analysis {
    analyse_with(&claims::Aligner::new(d), d.articles.len(), progress)
}

/// Cluster the claims of a dossier of `n` articles, extracted once in `aligner`, and, for
/// a small dossier, compare every pair of articles, reporting `(done, total)` steps.
pub fn analyse_with(
    aligner: &claims::Aligner,
    n: usize,
    mut progress: impl FnMut(usize, usize),
) -> Analysis {
    let ahead = compared_ahead(n);
    let total = steps(n);
    let mut comparisons = HashMap::new();
    let mut done = 0;
    for i in 0..ahead {
        for j in i + 1..ahead {
            let c = aligner.compare(ArticleId(i), ArticleId(j));
            comparisons.insert((ArticleId(i), ArticleId(j)), Arc::new(c));
            done += 1;
            progress(done, total);
        }
    }
    let clusters = aligner.cluster();
    progress(total, total);
    from_clusters(n, &clusters, comparisons)
}

/// Count each source's conflicting rows and order the rows: disagreements first, then
/// what most sources report, then reading order.
fn finish(
    n: usize,
    mut rows: Vec<ClaimRow>,
    comparisons: HashMap<(ArticleId, ArticleId), Arc<Comparison>>,
) -> Analysis {
    let mut conflicts = vec![0; n];
    for r in &rows {
        for (i, c) in r.cells.iter().enumerate() {
            if matches!(c, Cell::Conflicts(_)) {
                conflicts[i] += 1;
            }
        }
    }
    rows.sort_by_key(|r| (!r.conflict(), std::cmp::Reverse(r.sources()), r.label));
    Analysis {
        comparisons,
        matrix: Matrix { rows },
        conflicts,
    }
}

/// Build the matrix and the badges from the dossier-wide clusters.
pub fn from_clusters(
    n: usize,
    clusters: &[claims::Cluster],
    comparisons: HashMap<(ArticleId, ArticleId), Arc<Comparison>>,
) -> Analysis {
    let rows: Vec<ClaimRow> = clusters
        .iter()
        .filter(|c| !c.mentions.is_empty())
        .map(|c| {
            let conflicted: Vec<bool> = (0..c.mentions.len())
                .map(|i| c.conflicts.iter().any(|x| x.a == i || x.b == i))
                .collect();
            let mut cells = vec![Cell::Absent; n];
            for (m, &bad) in c.mentions.iter().zip(&conflicted) {
                let Some(cell) = cells.get_mut(m.article.0) else {
                    continue;
                };
                // The first passage of a source stands for it, a conflicting one first.
                if *cell == Cell::Absent || (bad && !matches!(cell, Cell::Conflicts(_))) {
                    *cell = if bad {
                        Cell::Conflicts(m.span)
                    } else {
                        Cell::Reports(m.span)
                    };
                }
            }
            let label = c
                .mentions
                .iter()
                .map(|m| (m.article, m.span))
                .min()
                .unwrap_or((ArticleId(0), Span::default()));
            ClaimRow { label, cells }
        })
        .collect();
    finish(n, rows, comparisons)
}

/// Build the matrix and the badges from pairwise comparisons.
pub fn from_comparisons(
    n: usize,
    comparisons: HashMap<(ArticleId, ArticleId), Arc<Comparison>>,
) -> Analysis {
    let mut nodes: Vec<(ArticleId, Span)> = Vec::new();
    let mut index: HashMap<(ArticleId, Span), usize> = HashMap::new();
    let mut node = |k: (ArticleId, Span), nodes: &mut Vec<(ArticleId, Span)>| {
        *index.entry(k).or_insert_with(|| {
            nodes.push(k);
            nodes.len() - 1
        })
    };
    let mut edges = Vec::new();
    let mut keys: Vec<_> = comparisons.keys().copied().collect();
    keys.sort();
    for k in &keys {
        let c = &comparisons[k];
        for p in &c.pairs {
            let a = node((c.left, p.left), &mut nodes);
            let b = node((c.right, p.right), &mut nodes);
            edges.push((a, b, p.relation));
        }
        for s in &c.left_only {
            node((c.left, *s), &mut nodes);
        }
        for s in &c.right_only {
            node((c.right, *s), &mut nodes);
        }
    }
    let mut parent: Vec<usize> = (0..nodes.len()).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut conflicted = vec![false; nodes.len()];
    for &(a, b, rel) in &edges {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        parent[ra] = rb;
        if rel == Relation::Conflict {
            conflicted[a] = true;
            conflicted[b] = true;
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..nodes.len() {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let rows: Vec<ClaimRow> = groups
        .into_values()
        .map(|members| {
            let mut cells = vec![Cell::Absent; n];
            for &m in &members {
                let (a, s) = nodes[m];
                // The first passage of a source stands for it in its cell.
                if cells[a.0] == Cell::Absent || conflicted[m] {
                    cells[a.0] = if conflicted[m] {
                        Cell::Conflicts(s)
                    } else {
                        Cell::Reports(s)
                    };
                }
            }
            let label = members
                .iter()
                .map(|&m| nodes[m])
                .min()
                .unwrap_or((ArticleId(0), Span::default()));
            ClaimRow { label, cells }
        })
        .collect();
    finish(n, rows, comparisons)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::claims::{Cluster, ClusterConflict, Mention};

    fn mention(article: usize, start: usize) -> Mention {
        Mention {
            article: ArticleId(article),
            span: Span::new(start, start + 5),
            values: vec![],
            attribution: None,
        }
    }

    /// Clusters become rows: a conflicting mention marks its source's cell and badge,
    /// conflicts sort first, and a source that says nothing is absent.
    #[test]
    fn rows_from_clusters() {
        let agree = Cluster {
            id: 0,
            mentions: vec![mention(0, 0), mention(1, 10), mention(2, 3)],
            conflicts: vec![],
        };
        let conflict = Cluster {
            id: 1,
            mentions: vec![mention(0, 50), mention(2, 60)],
            conflicts: vec![ClusterConflict {
                a: 0,
                b: 1,
                left: "10,000".into(),
                right: "11,000".into(),
                what: "troops".into(),
            }],
        };
        let a = from_clusters(3, &[agree, conflict], HashMap::new());
        assert_eq!(a.matrix.rows.len(), 2);
        let top = &a.matrix.rows[0];
        assert!(top.conflict());
        assert_eq!(top.cells[1], Cell::Absent);
        assert_eq!(top.cells[0], Cell::Conflicts(Span::new(50, 55)));
        assert_eq!(a.matrix.rows[1].sources(), 3);
        assert_eq!(a.conflicts, [1, 0, 1]);
    }
    use crate::model::claims::{Difference, Pair};

    fn pair(relation: Relation, l: (usize, usize), r: (usize, usize)) -> Pair {
        Pair {
            relation,
            score: 1.0,
            left: Span::new(l.0, l.1),
            right: Span::new(r.0, r.1),
            differences: vec![],
        }
    }

    /// Claims linked across three sources form one row; a conflict marks both ends.
    #[test]
    fn rows_join_linked_claims() {
        let mut m = HashMap::new();
        let c01 = Comparison {
            left: ArticleId(0),
            right: ArticleId(1),
            pairs: vec![pair(Relation::Conflict, (0, 10), (5, 20))],
            left_only: vec![Span::new(30, 40)],
            right_only: vec![],
        };
        let c12 = Comparison {
            left: ArticleId(1),
            right: ArticleId(2),
            pairs: vec![pair(Relation::Agree, (5, 20), (0, 9))],
            left_only: vec![],
            right_only: vec![],
        };
        m.insert((ArticleId(0), ArticleId(1)), Arc::new(c01));
        m.insert((ArticleId(1), ArticleId(2)), Arc::new(c12));
        let a = from_comparisons(3, m);
        assert_eq!(a.matrix.rows.len(), 2);
        let top = &a.matrix.rows[0];
        assert!(top.conflict());
        assert_eq!(top.sources(), 3);
        assert_eq!(top.cells[2], Cell::Reports(Span::new(0, 9)));
        assert_eq!(a.conflicts, vec![1, 1, 0]);
        assert_eq!(a.matrix.rows[1].sources(), 1);
    }

    /// A comparison made with the session's extracted claims is the one made by extracting
    /// them for the pair, and the analysis over them keeps the clusters' rows.
    #[test]
    fn session_claims_compare_and_analyse_as_before() {
        let d = crate::model::load_bundled();
        let session = SessionAligner(Arc::new(claims::Aligner::new(&d)));
        let (l, r) = (ArticleId(0), ArticleId(3));
        assert_eq!(compare(&d, Some(&session), l, r), claims::compare(&d, l, r));
        let a = analyse_with(&session.0, d.articles.len(), |_, _| {});
        let clusters = from_clusters(d.articles.len(), &claims::cluster(&d), HashMap::new());
        assert_eq!(a.matrix, clusters.matrix);
        assert_eq!(a.comparisons.len(), 10);
    }

    /// The reader announces as many steps as the analysis reports: every pair of a small
    /// dossier and the clusters, only the clusters on a large one.
    #[test]
    fn progress_counts_the_announced_steps() {
        let d = crate::model::load_bundled();
        let mut seen = vec![];
        analyse(&d, |done, total| seen.push((done, total)));
        assert_eq!(seen.last(), Some(&(steps(5), steps(5))));
        assert_eq!(seen.len(), steps(5));
        assert_eq!(steps(1000), 1);
    }

    /// Mirroring swaps every side, differences included.
    #[test]
    fn mirror_swaps_sides() {
        let mut p = pair(Relation::Conflict, (1, 2), (3, 4));
        p.differences.push(Difference {
            left: "10,000".into(),
            right: "11,000".into(),
            what: "troops".into(),
            left_span: Some(Span::new(1, 2)),
            right_span: None,
        });
        let c = Comparison {
            left: ArticleId(0),
            right: ArticleId(1),
            pairs: vec![p],
            left_only: vec![Span::new(7, 8)],
            right_only: vec![],
        };
        let m = mirror(&c);
        assert_eq!(m.left, ArticleId(1));
        assert_eq!(m.pairs[0].left, Span::new(3, 4));
        assert_eq!(m.pairs[0].differences[0].left, "11,000");
        assert_eq!(m.pairs[0].differences[0].right_span, Some(Span::new(1, 2)));
        assert_eq!(m.right_only, vec![Span::new(7, 8)]);
        assert_eq!(mirror(&m), c);
    }
}
