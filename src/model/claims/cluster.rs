//! Claim clusters across the dossier: which articles state each claim, with their values
//! and conflicts (the coverage matrix, claims × sources).
//!
//! Candidates come from an inverted index over rare terms: each claim meets only the claims
//! that share a term no more common than [`MAX_POSTINGS`] allows, so the work grows with the
//! postings of rare terms, far below all pairs of sentences.

use super::align::{relate, similarity, Contrasts};
use super::{Claim, Corpus, Relation};
use crate::model::tuning::tuning;
use crate::model::{ArticleId, Dossier, Span};
use serde::Serialize;

/// Terms in more claims than this are too common to propose candidates (they still count
/// in the similarity). A fixed bound keeps candidate generation linear in the number of
/// claims: a bound growing with the dossier (it was 4·√claims) made 5,000 articles cost
/// 13× the time of 1,000.
const MAX_POSTINGS: usize = 96;
/// Mentions per group sampled for the average link.
const LINK_SAMPLE: usize = 4;
/// Terms of a claim (its rarest) that propose candidates.
const PROBE_TERMS: usize = 8;
/// Candidates whose rare-term cosine is below this are not scored.
const MIN_PARTIAL: f32 = 0.04;
/// At most this many candidates per claim are scored in full.
const MAX_CANDIDATES: usize = 24;

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

/// The claims that hold each term, with its weight in them, in claim order: one table for
/// every term (a term's postings are a range of it), not a vector per term in a hash map
/// (70 MB of vectors and 26 MB of map on the 5,000-article generated dossier).
struct Postings {
    /// Where each term's postings start in `list`; the last entry is the end.
    starts: Vec<u32>,
    list: Vec<(u32, f32)>,
}

impl Postings {
    fn new(claims: &[&Claim]) -> Self {
        let terms = claims
            .iter()
            .flat_map(|c| c.terms.iter().map(|t| t.0 as usize + 1))
            .max()
            .unwrap_or(0);
        let mut starts = vec![0u32; terms + 1];
        for c in claims {
            for &(t, _) in &c.terms {
                starts[t as usize + 1] += 1;
            }
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        let mut fill = starts.clone();
        let mut list = vec![(0u32, 0.0f32); starts.last().map_or(0, |&n| n as usize)];
        for (i, c) in claims.iter().enumerate() {
            for &(t, w) in &c.terms {
                let at = &mut fill[t as usize];
                list[*at as usize] = (index(i), w);
                *at += 1;
            }
        }
        Postings { starts, list }
    }

    /// The postings of term `t` (none for a term no claim holds).
    fn of(&self, t: super::Term) -> &[(u32, f32)] {
        let t = t as usize;
        match (self.starts.get(t), self.starts.get(t + 1)) {
            (Some(&a), Some(&b)) => &self.list[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// A claim's index as stored in the clustering's tables (a dossier holds far fewer than 4
/// billion claims).
fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// The groups of claims being merged: a union-find forest whose roots each keep their
/// members as a linked list (its own members first, then those of the groups merged into
/// it, in merge order), at 12 bytes a claim rather than a vector each.
struct Groups {
    parent: Vec<u32>,
    /// Per member, the next member of its group (`NONE` after the last).
    next: Vec<u32>,
    /// Per root, its first and last member.
    head: Vec<u32>,
    tail: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl Groups {
    fn new(n: usize) -> Self {
        let ids: Vec<u32> = (0..n).map(index).collect();
        Groups {
            parent: ids.clone(),
            next: vec![NONE; n],
            head: ids.clone(),
            tail: ids,
        }
    }

    fn find(&mut self, x: usize) -> usize {
        let mut x = x;
        while self.parent[x] as usize != x {
            self.parent[x] = self.parent[self.parent[x] as usize];
            x = self.parent[x] as usize;
        }
        x
    }

    /// The members of the group whose root is `r`, in order.
    fn members(&self, r: usize) -> impl Iterator<Item = usize> + '_ {
        let mut at = self.head[r];
        std::iter::from_fn(move || {
            let m = at;
            (m != NONE).then(|| {
                at = self.next[m as usize];
                m as usize
            })
        })
    }

    /// Merge the group of root `from` into that of root `into`, its members after.
    fn merge(&mut self, from: usize, into: usize) {
        self.parent[from] = index(into);
        let last = self.tail[into] as usize;
        self.next[last] = self.head[from];
        self.tail[into] = self.tail[from];
    }
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
    // Cluster edges need a little more than pair alignment, since links chain.
    let t = tuning();
    let (conflict_threshold, edge_threshold) =
        (t.conflict_threshold, t.pair_threshold + t.cluster_margin);
    let postings = Postings::new(&claims);
    let mut edges: Vec<(f32, u32, u32)> = Vec::new();
    let mut dot = vec![0.0f32; claims.len()];
    let mut touched: Vec<usize> = Vec::new();
    for (i, c) in claims.iter().enumerate() {
        // The claim's rarest (heaviest) terms propose its candidates.
        // (Terms of this claim alone propose nothing.)
        let mut probe: Vec<(super::Term, f32)> = c
            .terms
            .iter()
            .copied()
            .filter(|(t, _)| postings.of(*t).len() > 1)
            .collect();
        if probe.len() > PROBE_TERMS {
            probe.select_nth_unstable_by(PROBE_TERMS, |a, b| {
                b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
            });
            probe.truncate(PROBE_TERMS);
        }
        for &(t, w) in &probe {
            let list = postings.of(t);
            if list.len() > cap {
                continue;
            }
            // Postings are in claim order: only later claims, each pair once.
            let from = list.partition_point(|&(j, _)| j as usize <= i);
            for &(j, wj) in &list[from..] {
                let j = j as usize;
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
            let conflict = (conflict_threshold..edge_threshold).contains(&s)
                && relate(&c.facts, &claims[j].facts).0 == Relation::Conflict;
            // Claims alike but for opposite predicates or acting places state two claims,
            // as `compare` holds ("12 killed" / "12 injured" are two rows).
            if (s >= edge_threshold || conflict) && !contrasts.contrary(c, claims[j]) {
                edges.push((s, index(i), index(j)));
            }
        }
    }
    drop(postings);
    // Strongest links first; two groups merge only when they are alike on average, so a
    // chain of loose links never turns the dossier into one claim.
    edges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut groups = Groups::new(claims.len());
    for (_, i, j) in edges {
        let (ri, rj) = (groups.find(i as usize), groups.find(j as usize));
        if ri == rj {
            continue;
        }
        if !alike(corpus, &claims, &groups, ri, rj) {
            continue;
        }
        groups.merge(ri, rj);
    }
    let mut out: Vec<Vec<usize>> = Vec::new();
    for r in 0..claims.len() {
        if groups.find(r) != r || groups.head[r] == groups.tail[r] {
            continue;
        }
        let mut g: Vec<usize> = groups.members(r).collect();
        let first = claims[g[0]].article;
        if g.iter().any(|&i| claims[i].article != first) {
            g.sort_unstable();
            out.push(g);
        }
    }
    out.sort_by_key(|g| (std::cmp::Reverse(g.len()), g[0]));
    out.into_iter()
        .enumerate()
        .map(|(id, g)| build(corpus, id + 1, &g, &claims))
        .collect()
}

/// Average-link test between the groups of roots `a` and `b` (on a sample of each, their
/// first members, to bound the work).
fn alike(corpus: &super::Corpus, claims: &[&Claim], groups: &Groups, a: usize, b: usize) -> bool {
    let (mut sum, mut n) = (0.0f32, 0usize);
    for x in groups.members(a).take(LINK_SAMPLE) {
        for y in groups.members(b).take(LINK_SAMPLE) {
            if claims[x].article == claims[y].article {
                continue;
            }
            sum += similarity(corpus, claims[x], claims[y]);
            n += 1;
        }
    }
    // Two groups merge when their mentions score a pair's threshold on average (a little
    // above the conflict threshold where that is lower).
    let t = tuning();
    n == 0 || sum / n as f32 >= t.pair_threshold.min(t.conflict_threshold + 0.05)
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
    // Only two mentions that both state figures, or both a likelihood, can disagree
    // ([`relate`] finds differences nowhere else): the pairs are drawn from those alone,
    // in the same order, so a cluster of thousands of mentions that state nothing to
    // dispute is not scored pair by pair.
    let disputable: Vec<usize> = (0..g.len())
        .filter(|&x| {
            let f = &claims[g[x]].facts;
            !f.figures.is_empty() || !f.likelihood.is_empty()
        })
        .collect();
    let mut conflicts = Vec::new();
    for (k, &x) in disputable.iter().enumerate() {
        for &y in &disputable[k + 1..] {
            let (a, b) = (claims[g[x]], claims[g[y]]);
            let (fa, fb) = (&a.facts, &b.facts);
            let can = (!fa.figures.is_empty() && !fb.figures.is_empty())
                || (!fa.likelihood.is_empty() && !fb.likelihood.is_empty());
            if !can
                || a.article == b.article
                || similarity(corpus, a, b) < tuning().conflict_threshold
            {
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
