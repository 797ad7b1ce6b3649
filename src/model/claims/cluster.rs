//! Claim clusters across the dossier: which articles state each claim, with their values
//! and conflicts (the coverage matrix, claims × sources).
//!
//! Candidates come from an inverted index over rare terms: each claim meets only the claims
//! that share a term no more common than [`MAX_POSTINGS`] allows, so the work grows with the
//! postings of rare terms, far below all pairs of sentences.

use super::align::{relate, similarity, Contrasts, CONFLICT_THRESHOLD, THRESHOLD};
use super::{Claim, Corpus, Relation};
use crate::model::facts::lexicon::FastMap;
use crate::model::{ArticleId, Dossier, Span};
use serde::Serialize;

/// Terms in more claims than this are too common to propose candidates (they still count
/// in the similarity). A fixed bound keeps candidate generation linear in the number of
/// claims: a bound growing with the dossier (it was 4·√claims) made 5,000 articles cost
/// 13× the time of 1,000.
const MAX_POSTINGS: usize = 96;
/// Two groups merge when their mentions score this much on average.
const CLUSTER_AVERAGE: f32 = THRESHOLD;
/// Mentions per group sampled for the average link.
const LINK_SAMPLE: usize = 4;
/// Terms of a claim (its rarest) that propose candidates.
const PROBE_TERMS: usize = 8;
/// Candidates whose rare-term cosine is below this are not scored.
const MIN_PARTIAL: f32 = 0.04;
/// At most this many candidates per claim are scored in full.
const MAX_CANDIDATES: usize = 24;
/// Cluster edges need this score: a little above pair alignment, since links chain.
const CLUSTER_THRESHOLD: f32 = THRESHOLD + 0.04;

/// One article's statement of a clustered claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    pub article: ArticleId,
    pub span: Span,
    /// The figures and likelihoods it states, as written.
    pub values: Vec<String>,
    pub attribution: Option<String>,
}

/// Two mentions of a cluster that disagree.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClusterConflict {
    /// Indexes into `mentions`.
    pub a: usize,
    pub b: usize,
    pub left: String,
    pub right: String,
    pub what: String,
}

/// A claim stated by two or more articles (or by one against another's figure).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cluster {
    pub id: usize,
    pub mentions: Vec<Mention>,
    pub conflicts: Vec<ClusterConflict>,
}

impl Cluster {
    /// Articles that state the claim, distinct and sorted.
    pub fn articles(&self) -> Vec<ArticleId> {
        let mut v: Vec<ArticleId> = self.mentions.iter().map(|m| m.article).collect();
        v.sort();
        v.dedup();
        v
    }
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Cluster the claims of a dossier across its articles.
///
/// This extracts every claim; when an [`super::Aligner`] is at hand, its
/// [`super::Aligner::cluster`] gives the same clusters without extracting them again.
pub fn cluster(d: &Dossier) -> Vec<Cluster> {
    super::Aligner::new(d).cluster()
}

/// Cluster claims already extracted (one list per article) over the corpus of their terms.
pub(super) fn cluster_claims(
    corpus: &Corpus,
    contrasts: &Contrasts,
    per_article: &[Vec<Claim>],
) -> Vec<Cluster> {
    let claims: Vec<&Claim> = per_article.iter().flatten().collect();
    let cap = MAX_POSTINGS;
    let mut postings: FastMap<super::Term, Vec<(usize, f32)>> = FastMap::default();
    for (i, c) in claims.iter().enumerate() {
        for &(t, w) in &c.terms {
            postings.entry(t).or_default().push((i, w));
        }
    }
    let mut edges: Vec<(f32, usize, usize)> = Vec::new();
    let mut dot = vec![0.0f32; claims.len()];
    let mut touched: Vec<usize> = Vec::new();
    for (i, c) in claims.iter().enumerate() {
        // The claim's rarest (heaviest) terms propose its candidates.
        // (Terms of this claim alone propose nothing.)
        let mut probe: Vec<(super::Term, f32)> = c
            .terms
            .iter()
            .copied()
            .filter(|(t, _)| postings.get(t).is_some_and(|l| l.len() > 1))
            .collect();
        if probe.len() > PROBE_TERMS {
            probe.select_nth_unstable_by(PROBE_TERMS, |a, b| {
                b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
            });
            probe.truncate(PROBE_TERMS);
        }
        for &(t, w) in &probe {
            let Some(list) = postings.get(&t) else {
                continue;
            };
            if list.len() > cap {
                continue;
            }
            // Postings are in claim order: only later claims, each pair once.
            let from = list.partition_point(|&(j, _)| j <= i);
            for &(j, wj) in &list[from..] {
                if claims[j].article == c.article {
                    continue;
                }
                if dot[j] == 0.0 {
                    touched.push(j);
                }
                // The partial dot product over rare terms (a lower bound of the full one).
                dot[j] += w * wj + 1e-6;
            }
        }
        // Only the most promising candidates get the full score.
        let mut cands: Vec<(f32, usize)> = touched
            .iter()
            .map(|&j| (dot[j] / (c.norm * claims[j].norm).max(1e-6), j))
            .filter(|&(p, _)| p >= MIN_PARTIAL)
            .collect();
        for &j in &touched {
            dot[j] = 0.0;
        }
        touched.clear();
        if cands.len() > MAX_CANDIDATES {
            cands.select_nth_unstable_by(MAX_CANDIDATES, |a, b| {
                b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
            });
            cands.truncate(MAX_CANDIDATES);
        }
        for (_, j) in cands {
            let s = similarity(corpus, c, claims[j]);
            let conflict = (CONFLICT_THRESHOLD..CLUSTER_THRESHOLD).contains(&s)
                && relate(&c.facts, &claims[j].facts).0 == Relation::Conflict;
            // Claims alike but for opposite predicates or acting places state two claims,
            // as `compare` holds ("12 killed" / "12 injured" are two rows).
            if (s >= CLUSTER_THRESHOLD || conflict) && !contrasts.contrary(c, claims[j]) {
                edges.push((s, i, j));
            }
        }
    }
    // Strongest links first; two groups merge only when they are alike on average, so a
    // chain of loose links never turns the dossier into one claim.
    edges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut parent: Vec<usize> = (0..claims.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..claims.len()).map(|i| vec![i]).collect();
    for (_, i, j) in edges {
        let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
        if ri == rj {
            continue;
        }
        if !alike(corpus, &claims, &members[ri], &members[rj]) {
            continue;
        }
        parent[ri] = rj;
        let moved = std::mem::take(&mut members[ri]);
        members[rj].extend(moved);
    }
    let mut groups: FastMap<usize, Vec<usize>> = FastMap::default();
    for i in 0..claims.len() {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = groups
        .into_values()
        .filter(|g| {
            let first = claims[g[0]].article;
            g.iter().any(|&i| claims[i].article != first)
        })
        .collect();
    out.iter_mut().for_each(|g| g.sort_unstable());
    out.sort_by_key(|g| (std::cmp::Reverse(g.len()), g[0]));
    out.into_iter()
        .enumerate()
        .map(|(id, g)| build(corpus, id + 1, &g, &claims))
        .collect()
}

/// Average-link test between two groups (on a sample of each, to bound the work).
fn alike(corpus: &super::Corpus, claims: &[&Claim], a: &[usize], b: &[usize]) -> bool {
    let (mut sum, mut n) = (0.0f32, 0usize);
    for &x in a.iter().take(LINK_SAMPLE) {
        for &y in b.iter().take(LINK_SAMPLE) {
            if claims[x].article == claims[y].article {
                continue;
            }
            sum += similarity(corpus, claims[x], claims[y]);
            n += 1;
        }
    }
    n == 0 || sum / n as f32 >= CLUSTER_AVERAGE.min(CONFLICT_THRESHOLD + 0.05)
}

fn build(corpus: &super::Corpus, id: usize, g: &[usize], claims: &[&Claim]) -> Cluster {
    let mentions: Vec<Mention> = g
        .iter()
        .map(|&i| {
            let c = claims[i];
            let mut values: Vec<String> = c
                .facts
                .figures
                .iter()
                .filter(|f| f.kind.comparable())
                .map(|f| f.text.clone())
                .collect();
            values.extend(c.facts.likelihood.iter().map(|l| l.text.clone()));
            let attribution = c
                .facts
                .figures
                .first()
                .and_then(|f| c.facts.attribution_for(f.span))
                .or_else(|| c.facts.attributions.first())
                .map(|a| a.text.clone());
            Mention {
                article: c.article,
                span: c.span,
                values,
                attribution,
            }
        })
        .collect();
    let mut conflicts = Vec::new();
    for x in 0..g.len() {
        for y in x + 1..g.len() {
            let (a, b) = (claims[g[x]], claims[g[y]]);
            if a.article == b.article || similarity(corpus, a, b) < CONFLICT_THRESHOLD {
                continue;
            }
            let (rel, diffs) = relate(&a.facts, &b.facts);
            if rel == Relation::Conflict {
                if let Some(dif) = diffs.into_iter().next() {
                    conflicts.push(ClusterConflict {
                        a: x,
                        b: y,
                        left: dif.left,
                        right: dif.right,
                        what: dif.what,
                    });
                }
            }
        }
    }
    Cluster {
        id,
        mentions,
        conflicts,
    }
}
