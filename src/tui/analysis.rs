//! The reader's side of the dossier analysis ([`crate::model::analysis`]): computed off
//! the UI thread with progress, and, for a small dossier, every pairwise comparison ahead.
//!
//! The matrix rows, the source badges and the figures are the model's (the same as
//! `dossier claims`, `dossier sources` and `dossier figures`). The claims are extracted
//! once per session ([`SessionAligner`]), and every comparison reuses them; on a large
//! dossier each comparison is computed when a pair is opened (under a millisecond once the
//! claims are extracted, also off the UI thread).

use crate::model::claims::{self, Comparison};
use crate::model::{ArticleId, Dossier};
use std::sync::Arc;

pub use crate::model::analysis::{Analysis, Cell, ClaimRow, Matrix, Stance};

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

/// The steps the analysis of `n` articles reports: the clusters, then each pair compared
/// ahead.
pub fn steps(n: usize) -> usize {
    let ahead = compared_ahead(n);
    ahead * ahead.saturating_sub(1) / 2 + 1
}

/// Extract the dossier's claims, then analyse them (see [`analyse_with`]).
pub fn analyse(d: &Dossier, progress: impl FnMut(usize, usize)) -> Analysis {
    analyse_with(d, Arc::new(claims::Aligner::new(d)), progress)
}

/// The model's analysis of the claims extracted once in `aligner`, and, for a small
/// dossier, every pair of articles compared, reporting `(done, total)` steps.
pub fn analyse_with(
    d: &Dossier,
    aligner: Arc<claims::Aligner>,
    mut progress: impl FnMut(usize, usize),
) -> Analysis {
    let n = d.articles.len();
    let total = steps(n);
    let mut a = Analysis::with_aligner(d, aligner);
    let mut done = 1;
    progress(done.min(total), total);
    a.compare_ahead(compared_ahead(n), || {
        done += 1;
        progress(done, total);
    });
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A comparison made with the session's extracted claims is the one made by extracting
    /// them for the pair, and the reader's analysis is the model's, with every pair ahead.
    #[test]
    fn session_claims_compare_and_analyse_as_before() {
        let d = crate::model::load_bundled();
        let session = SessionAligner(Arc::new(claims::Aligner::new(&d)));
        let (l, r) = (ArticleId(0), ArticleId(3));
        assert_eq!(compare(&d, Some(&session), l, r), claims::compare(&d, l, r));
        let a = analyse_with(&d, session.0.clone(), |_, _| {});
        let model = Analysis::new(&d);
        assert_eq!(a.matrix, model.matrix);
        assert_eq!(a.sources, model.sources);
        assert_eq!(a.comparisons.len(), 10);
    }

    /// The reader announces as many steps as the analysis reports: the clusters and every
    /// pair of a small dossier, only the clusters on a large one.
    #[test]
    fn progress_counts_the_announced_steps() {
        let d = crate::model::load_bundled();
        let mut seen = vec![];
        analyse(&d, |done, total| seen.push((done, total)));
        assert_eq!(seen.last(), Some(&(steps(5), steps(5))));
        assert_eq!(seen.len(), steps(5));
        assert_eq!(steps(1000), 1);
    }
}
