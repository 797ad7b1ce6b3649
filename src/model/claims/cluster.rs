//! Claim clusters across the dossier: which articles state each claim, with their values
//! and conflicts (the coverage matrix, claims × sources).
//!
//! Candidates come from an inverted index over rare terms: each claim meets only the claims
//! that share a term no more common than [`MAX_POSTINGS`] allows, so the work grows with the
//! postings of rare terms, far below all pairs of sentences.

use super::align::{relate, similarity, Contrasts};
use super::by_pair::same_figure;
use super::{Claim, Corpus, Relation};
use crate::model::facts::frame::ANAPHOR;
use crate::model::facts::{compare_figures, compat, Figure, Verdict};
use crate::model::lex::FastMap;
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
/// (70 MB of vectors and 26 MB of map on the 5,000-article generated dossier). Only the
/// terms rare enough to propose candidates (in at most `cap` claims) keep their postings;
/// the others, never read, keep their count: on the 1,000-article generated dossier the
/// table was 4.9 MB, 10% of the heap at its peak (massif), most of it common terms.
struct Postings {
    /// Per term, the claims that hold it.
    count: Vec<u32>,
    /// Where each term's postings start in `list`; the last entry is the end.
    starts: Vec<u32>,
    list: Vec<(u32, f32)>,
}

impl Postings {
    fn new(claims: &[&Claim], cap: usize) -> Self {
        let terms = claims
            .iter()
            .flat_map(|c| c.terms.iter().map(|t| t.0 as usize + 1))
            .max()
            .unwrap_or(0);
        let mut count = vec![0u32; terms];
        for c in claims {
            for &(t, _) in &c.terms {
                count[t as usize] += 1;
            }
        }
        let kept = |n: u32| if n as usize > cap { 0 } else { n };
        let mut starts = vec![0u32; terms + 1];
        for k in 0..terms {
            starts[k + 1] = starts[k] + kept(count[k]);
        }
        let mut fill = starts.clone();
        let mut list = vec![(0u32, 0.0f32); starts.last().map_or(0, |&n| n as usize)];
        for (i, c) in claims.iter().enumerate() {
            for &(t, w) in &c.terms {
                if kept(count[t as usize]) == 0 {
                    continue;
                }
                let at = &mut fill[t as usize];
                list[*at as usize] = (index(i), w);
                *at += 1;
            }
        }
        Postings {
            count,
            starts,
            list,
        }
    }

    /// How many claims hold term `t`.
    fn count(&self, t: super::Term) -> usize {
        self.count.get(t as usize).map_or(0, |&n| n as usize)
    }

    /// The postings of term `t` (none for a term no claim holds, or one held by more claims
    /// than the table keeps).
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
///
/// `keyed` tells the figures that belong to quantities (by article and span): a difference
/// between two of them is the quantities' to decide ([`super::Aligner::cluster`] drops it),
/// so no pair of mentions is scored for it.
pub(super) fn cluster_claims(
    corpus: &Corpus,
    contrasts: &Contrasts,
    per_article: &[Vec<Claim>],
    keyed: &dyn Fn(ArticleId, Span) -> bool,
) -> Vec<Cluster> {
    let claims: Vec<&Claim> = per_article.iter().flatten().collect();
    groups(corpus, contrasts, &claims)
        .into_iter()
        .enumerate()
        .map(|(id, g)| build(corpus, id + 1, &g, &claims, keyed))
        .collect()
}

/// The groups of `claims` (indexes, ascending) that state one claim in two articles or
/// more, largest first.
fn groups(corpus: &Corpus, contrasts: &Contrasts, claims: &[&Claim]) -> Vec<Vec<usize>> {
    let cap = MAX_POSTINGS;
    // Cluster edges need a little more than pair alignment, since links chain.
    let t = tuning();
    let (conflict_threshold, edge_threshold) =
        (t.conflict_threshold, t.pair_threshold + t.cluster_margin);
    let postings = Postings::new(claims, cap);
    let mut edges: Vec<(f32, u32, u32)> = Vec::new();
    let mut dot = vec![0.0f32; claims.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut probe: Vec<(super::Term, f32)> = Vec::new();
    for (i, c) in claims.iter().enumerate() {
        // The claim's rarest (heaviest) terms propose its candidates.
        // (Terms of this claim alone propose nothing.)
        probe.clear();
        probe.extend(
            c.terms
                .iter()
                .copied()
                .filter(|(t, _)| postings.count(*t) > 1),
        );
        if probe.len() > PROBE_TERMS {
            probe.select_nth_unstable_by(PROBE_TERMS, |a, b| {
                b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
            });
            probe.truncate(PROBE_TERMS);
        }
        for &(t, w) in &probe {
            if postings.count(t) > cap {
                continue;
            }
            let list = postings.of(t);
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
    // Each pair of claims is one edge at most (a claim's candidates are distinct and come
    // after it), so no two edges compare equal and an unstable sort gives the one order
    // without the stable sort's buffer (clustering 120.9 -> 118.9 M instructions of
    // `dossier sources` on 200 generated articles).
    edges.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut groups = Groups::new(claims.len());
    for (_, i, j) in edges {
        let (ri, rj) = (groups.find(i as usize), groups.find(j as usize));
        if ri == rj {
            continue;
        }
        if !alike(corpus, claims, &groups, ri, rj) {
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
    out
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

fn build(
    corpus: &super::Corpus,
    id: usize,
    g: &[usize],
    claims: &[&Claim],
    keyed: &dyn Fn(ArticleId, Span) -> bool,
) -> Cluster {
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
    let conflicts = conflicts(corpus, g, claims, keyed);
    Cluster {
        id,
        mentions,
        conflicts,
    }
}

/// The conflicts between two mentions of a cluster (`g`: its claims, in order): each pair
/// of [`Disputes::candidates`] from different articles, alike enough, that [`relate`]
/// calls a conflict, with its first difference.
fn conflicts(
    corpus: &Corpus,
    g: &[usize],
    claims: &[&Claim],
    keyed: &dyn Fn(ArticleId, Span) -> bool,
) -> Vec<ClusterConflict> {
    let disputes = Disputes::new(g, claims, keyed);
    let mut out = Vec::new();
    let mut ys = Vec::new();
    for x in 0..g.len() {
        disputes.candidates(x, &mut ys);
        for &y in &ys {
            let (a, b) = (claims[g[x]], claims[g[y]]);
            if a.article == b.article || similarity(corpus, a, b) < tuning().conflict_threshold {
                continue;
            }
            let (rel, diffs) = relate(&a.facts, &b.facts);
            if rel == Relation::Conflict {
                if let Some(dif) = diffs.into_iter().next() {
                    out.push(ClusterConflict {
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
    out
}

/// True when [`relate`] may list `x` against `y` as a difference: they conflict
/// ([`compare_figures`]) and say they measure the same thing ([`compat::same_measure`]), or
/// one of them points back at a figure ("that figure"), which `relate` sets against what
/// its partner agreed with.
fn may_differ(x: &Figure, y: &Figure) -> bool {
    let points_back = |f: &Figure| f.what.is_none() && f.frame.measure.as_deref() == Some(ANAPHOR);
    compare_figures(x, y) == Verdict::Conflict
        && (compat::same_measure(x, y) || points_back(x) || points_back(y))
}

/// Which mentions of a cluster may disagree, found without trying every two of them.
///
/// [`relate`] finds a difference only between two figures that [`may_differ`], or between
/// two likelihoods; and a difference
/// between two figures that both belong to quantities (`keyed`) is dropped by
/// [`super::Aligner::cluster`], which takes the quantities' conflicts instead. So the
/// cluster's figures are grouped into classes (equal but for where they stand:
/// [`same_figure`]), each two classes are compared once, and a mention's candidates are the
/// mentions that hold a figure of a class in conflict with one of its own, one of the two
/// outside the quantities ("loose"), plus, when it states a likelihood, those that state
/// one too. On the 1,000-article generated dossier (clusters of up to 682 mentions that
/// mostly restate one toll or update it) the loop over every two mentions that both state a
/// figure scored 252,326 pairs and called [`relate`] on 248,198 (701 M of the clustering's
/// 1,026 M instructions) for 1,971 conflicts in the end.
struct Disputes {
    /// Per mention, its figures' classes (sorted, distinct), each with whether one of its
    /// figures of that class is loose, as a range of `of_mention`.
    starts: Vec<u32>,
    of_mention: Vec<(u32, bool)>,
    /// Per class, the mentions that state it, ascending.
    members: Vec<Vec<u32>>,
    /// Per class, the mentions that state it loose, ascending.
    loose: Vec<Vec<u32>>,
    /// Per class, the classes whose figure conflicts with its own.
    against: Vec<Vec<u32>>,
    /// The mentions that state a likelihood, ascending.
    likely: Vec<u32>,
}

impl Disputes {
    fn new(g: &[usize], claims: &[&Claim], keyed: &dyn Fn(ArticleId, Span) -> bool) -> Self {
        let mut by_value: FastMap<(u64, &str), Vec<u32>> = FastMap::default();
        let mut reps: Vec<&Figure> = Vec::new();
        let (mut members, mut loose): (Vec<Vec<u32>>, Vec<Vec<u32>>) = (Vec::new(), Vec::new());
        let mut starts = vec![0u32];
        let mut of_mention: Vec<(u32, bool)> = Vec::new();
        let mut likely = Vec::new();
        for (x, &i) in g.iter().enumerate() {
            let (article, facts) = (claims[i].article, &claims[i].facts);
            let from = of_mention.len();
            for f in &facts.figures {
                let seen = by_value
                    .entry((f.value.to_bits(), f.text.as_str()))
                    .or_default();
                let c = match seen.iter().find(|&&c| same_figure(reps[c as usize], f)) {
                    Some(&c) => c,
                    None => {
                        let c = index(reps.len());
                        reps.push(f);
                        members.push(Vec::new());
                        loose.push(Vec::new());
                        seen.push(c);
                        c
                    }
                };
                // A difference named "likelihood" is kept whatever its figures (the name
                // `Aligner::cluster` keeps likelihood differences by), so a figure whose
                // noun is that word counts as loose.
                let is_loose = !keyed(article, f.span) || f.noun.as_deref() == Some("likelihood");
                let at = match of_mention[from..].iter().position(|o| o.0 == c) {
                    Some(k) => from + k,
                    None => {
                        of_mention.push((c, false));
                        members[c as usize].push(index(x));
                        of_mention.len() - 1
                    }
                };
                if is_loose && !of_mention[at].1 {
                    of_mention[at].1 = true;
                    loose[c as usize].push(index(x));
                }
            }
            of_mention[from..].sort_unstable();
            starts.push(index(of_mention.len()));
            if !facts.likelihood.is_empty() {
                likely.push(index(x));
            }
        }
        let mut against = vec![Vec::new(); reps.len()];
        for (c, x) in reps.iter().enumerate() {
            for (d, y) in reps.iter().enumerate().skip(c) {
                // Both ways, as `relate` reads its two sides in the order of the pair.
                if may_differ(x, y) || may_differ(y, x) {
                    against[c].push(index(d));
                    if d != c {
                        against[d].push(index(c));
                    }
                }
            }
        }
        Disputes {
            starts,
            of_mention,
            members,
            loose,
            against,
            likely,
        }
    }

    /// The mentions after `x` that may disagree with it, ascending, into `out`.
    fn candidates(&self, x: usize, out: &mut Vec<usize>) {
        out.clear();
        let mut add = |list: &[u32]| {
            let from = list.partition_point(|&y| y as usize <= x);
            out.extend(list[from..].iter().map(|&y| y as usize));
        };
        let (a, b) = (self.starts[x] as usize, self.starts[x + 1] as usize);
        for &(c, is_loose) in &self.of_mention[a..b] {
            for &d in &self.against[c as usize] {
                // Two figures in quantities are the quantities' to set against each other.
                add(if is_loose {
                    &self.members[d as usize]
                } else {
                    &self.loose[d as usize]
                });
            }
        }
        if self.likely.binary_search(&index(x)).is_ok() {
            add(&self.likely);
        }
        out.sort_unstable();
        out.dedup();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::claims::{Aligner, Term};

    /// Every two mentions of a cluster that both state figures, or both a likelihood: the
    /// pairs the conflicts were once drawn from, kept as the oracle of [`Disputes`].
    fn conflicts_of_every_pair(
        corpus: &Corpus,
        g: &[usize],
        claims: &[&Claim],
    ) -> Vec<ClusterConflict> {
        let mut out = Vec::new();
        for x in 0..g.len() {
            for y in x + 1..g.len() {
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
                if let (Relation::Conflict, Some(d)) = (rel, diffs.into_iter().next()) {
                    out.push(ClusterConflict {
                        a: x,
                        b: y,
                        left: d.left,
                        right: d.right,
                        what: d.what,
                    });
                }
            }
        }
        out
    }

    /// `d`'s claims as one cluster, and each of its clusters, settled as the analysis
    /// settles them: the conflicts found from the candidates are those found by trying
    /// every two mentions. Returns how many conflicts the one big cluster holds.
    #[track_caller]
    fn assert_candidates_find_every_conflict(d: &crate::model::Dossier) -> usize {
        let al = Aligner::new(d);
        let claims: Vec<&Claim> = al.claims.iter().flatten().collect();
        let keyed = |a: ArticleId, s: Span| al.keyed(a, Some(s));
        let mut all: Vec<Vec<usize>> = groups(&al.corpus, &al.contrasts, &claims);
        all.push((0..claims.len()).collect());
        let mut n = 0;
        for g in &all {
            let mut found = build(&al.corpus, 1, g, &claims, &keyed);
            let mut expected = found.clone();
            expected.conflicts = conflicts_of_every_pair(&al.corpus, g, &claims);
            al.settle_conflicts(&mut found);
            al.settle_conflicts(&mut expected);
            assert_eq!(found, expected);
            n = found.conflicts.len();
        }
        n
    }

    /// Tolls that differ, a restated toll, a toll in other words and two likelihoods that
    /// disagree: the candidates hold every pair that conflicts.
    #[test]
    fn candidates_hold_every_conflicting_pair() {
        let d = crate::model::claims::tests::dossier(&[
            (
                "a.txt",
                "Quake\n\nThe quake killed 120 people in the valley, officials said. \
                 Rescuers think survivors are likely to be found.\n",
            ),
            (
                "b.txt",
                "Quake\n\nThe quake killed 145 people in the valley, police said. \
                 Rescuers think survivors are unlikely to be found.\n",
            ),
            (
                "c.txt",
                "Quake\n\nThe quake killed 120 people in the valley on Monday. \
                 The quake left 3,000 people homeless.\n",
            ),
        ]);
        assert!(assert_candidates_find_every_conflict(&d) >= 2);
    }

    /// On a generated dossier (clusters of restated and updated tolls, some in quantities,
    /// some not), the candidates find the very conflicts of trying every two mentions.
    #[test]
    fn candidates_find_what_every_pair_finds_on_a_generated_dossier() {
        let files = crate::synth::generate(1, 12);
        let d = crate::model::load::from_files(
            "gen",
            files.into_iter().map(|(n, t)| (n, t.into_bytes())),
            &crate::model::load::LoadOptions::default(),
        );
        assert!(assert_candidates_find_every_conflict(&d) > 0);
    }

    /// On the bundled seeds, where a figure outside the quantities ("lost N troops", its
    /// measured thing unsaid) disputes one inside them, the candidates find every conflict.
    #[test]
    fn candidates_find_what_every_pair_finds_on_the_seeds() {
        let d = crate::model::load::load_bundled();
        assert!(assert_candidates_find_every_conflict(&d) > 0);
    }

    /// A figure that points back ("that figure could be as high as …") disputes what its
    /// partner agreed with, though it says nothing it measures: the candidates hold it.
    #[test]
    fn candidates_hold_a_figure_that_points_back() {
        let d = crate::model::claims::tests::dossier(&[
            (
                "a.txt",
                "Troops\n\nOfficials estimate 8,000 troops were sent to the border, \
                 and that figure could be as high as 12,000.\n",
            ),
            (
                "b.txt",
                "Troops\n\nOfficials estimate 8,000 troops were sent to the border.\n",
            ),
        ]);
        assert!(assert_candidates_find_every_conflict(&d) >= 1);
    }

    /// A claim holding `terms`, for the tables' tests.
    fn claim_with(terms: &[Term]) -> Claim {
        Claim {
            article: ArticleId(0),
            span: Span::new(0, 1),
            terms: terms.iter().map(|&t| (t, 1.0)).collect(),
            segments: Default::default(),
            norm: 1.0,
            facts: Default::default(),
            actor: Box::default(),
        }
    }

    /// Postings keep, in claim order, the claims of a term held by at most `cap` of them;
    /// a more common term keeps its count and no postings.
    #[test]
    fn postings_keep_rare_terms_and_count_common_ones() {
        let claims: Vec<Claim> = [vec![0, 1], vec![1, 2], vec![1], vec![0, 3]]
            .iter()
            .map(|t| claim_with(t))
            .collect();
        let refs: Vec<&Claim> = claims.iter().collect();
        let p = Postings::new(&refs, 2);
        let ids = |t: Term| p.of(t).iter().map(|x| x.0).collect::<Vec<u32>>();
        assert_eq!(ids(0), [0, 3]);
        assert_eq!(ids(2), [1]);
        assert_eq!(ids(3), [3]);
        assert_eq!((p.count(1), ids(1)), (3, vec![]));
        assert_eq!((p.count(9), ids(9)), (0, vec![]));
    }
}
