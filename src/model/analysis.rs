//! One analysis of a dossier's claims, read by the command line and the reader alike: the
//! claims extracted once ([`Aligner`]), their clusters across the articles, the coverage
//! matrix (claims × sources, with the figure each source gives), each source's counts of
//! shared, unique and conflicting claims, the figures grouped into quantities, and, when
//! asked, the pairwise comparisons computed ahead.
//!
//! Everything a view shows of the dossier-wide claims comes from here, so `dossier
//! sources`, `dossier claims` and the reader's badges and matrix cannot disagree.

use crate::model::claims::by_pair::ByPair;
use crate::model::claims::{
    Aligner, Cluster, ClusterConflict, Comparison, Difference, FigureConflict, FigureMention, Pair,
    Quantity,
};
use crate::model::corrections::PairVerdict;
use crate::model::load::Phases;
use crate::model::{ArticleId, Dossier, Span};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// What a source's cell shows when it states the claim, with no figure in conflict.
pub const REPORTS: &str = "●";
/// What a source's cell shows when another source contradicts its figure.
pub const CONFLICTS: &str = "≠";
/// What a source's cell shows when it does not state the claim.
pub const ABSENT: &str = "·";

/// How a source stands on a claim it states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stance {
    /// It states the claim, in agreement with every other source that does.
    Reports,
    /// It states the claim with a figure (or likelihood) another source contradicts.
    Conflicts,
}

/// What one source says about one claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub stance: Stance,
    /// The passage that stands for the source (a conflicting one first).
    pub span: Span,
    /// The figure it gives, short ("10,000", "£200m"), when the passage states one.
    pub figure: Option<String>,
}

impl Cell {
    /// The cell as drawn: the figure when there is one (`41`, `≠58`), else a glyph.
    pub fn text(&self) -> String {
        match (self.stance, &self.figure) {
            (Stance::Reports, Some(f)) => f.clone(),
            (Stance::Conflicts, Some(f)) => format!("{CONFLICTS}{f}"),
            (Stance::Reports, None) => REPORTS.to_string(),
            (Stance::Conflicts, None) => CONFLICTS.to_string(),
        }
    }
}

/// The text of an optional cell: [`ABSENT`] for a source that is silent.
pub fn cell_text(c: Option<&Cell>) -> String {
    c.map_or_else(|| ABSENT.to_string(), Cell::text)
}

/// One claim across the sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRow {
    /// Index of its cluster in [`Analysis::clusters`].
    pub cluster: usize,
    /// The passage the row's label is taken from (the earliest mention).
    pub label: (ArticleId, Span),
    /// The cells of the sources that state the claim, in article order; a source not
    /// listed is silent. A row keeps only the few sources that state it, not a cell per
    /// article: dense rows cost 476 MB of the 969 MB peak heap of `dossier sources` on
    /// the 5,000-article generated dossier (2,000 rows × 5,000 cells).
    pub cells: Vec<(ArticleId, Cell)>,
}

impl ClaimRow {
    /// The cell of `article`, `None` when that source is silent.
    pub fn cell(&self, article: ArticleId) -> Option<&Cell> {
        self.cells
            .binary_search_by_key(&article, |c| c.0)
            .ok()
            .map(|i| &self.cells[i].1)
    }
    /// How many sources state the claim.
    pub fn sources(&self) -> usize {
        self.cells.len()
    }
    /// True when some sources disagree on it.
    pub fn conflict(&self) -> bool {
        self.cells.iter().any(|c| c.1.stance == Stance::Conflicts)
    }
    /// True when some cell gives a figure.
    pub fn has_figures(&self) -> bool {
        self.cells.iter().any(|c| c.1.figure.is_some())
    }
}

/// Claims × sources: disagreements first, then what most sources state, then reading
/// order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matrix {
    pub rows: Vec<ClaimRow>,
}

/// One source's claims, counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SourceCounts {
    /// Claims of this article that another article states too.
    pub shared: usize,
    /// Claims of this article that no other article states.
    pub unique: usize,
    /// Claims of this article whose figures or likelihood another article contradicts, in
    /// a claim cluster or through a quantity's figures.
    pub conflicting: usize,
}

/// The dossier's claims analysed once.
#[derive(Clone)]
pub struct Analysis {
    /// The claims, extracted once; comparisons and quantities come from it.
    pub aligner: Arc<Aligner>,
    pub clusters: Vec<Cluster>,
    /// Per cluster, the conflicts the analyst judged (not a conflict, or explained): taken
    /// out of the cluster's conflicts, they are related, with the verdict.
    pub judged: Vec<Vec<(ClusterConflict, PairVerdict)>>,
    pub matrix: Matrix,
    /// Per article, in article order.
    pub sources: Vec<SourceCounts>,
    /// Comparisons computed ahead, keyed by (left, right) with left < right; see
    /// [`Analysis::comparison`].
    pub comparisons: HashMap<(ArticleId, ArticleId), Arc<Comparison>>,
}

impl std::fmt::Debug for Analysis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analysis")
            .field("clusters", &self.clusters.len())
            .field("matrix", &self.matrix.rows.len())
            .field("sources", &self.sources)
            .field("comparisons", &self.comparisons.len())
            .finish_non_exhaustive()
    }
}

impl Analysis {
    /// Extract the dossier's claims and analyse them, comparing no pair ahead.
    pub fn new(d: &Dossier) -> Self {
        Analysis::new_timed(d, &mut Phases::default())
    }

    /// [`Analysis::new`], recording the phases claims (extraction) and analysis (clusters,
    /// matrix, counts).
    pub fn new_timed(d: &Dossier, phases: &mut Phases) -> Self {
        let aligner = phases.time("claims", || Arc::new(Aligner::new(d)));
        phases.time("analysis", || Analysis::with_aligner(d, aligner))
    }

    /// Analyse claims already extracted from `d`: clusters, matrix and counts.
    pub fn with_aligner(d: &Dossier, aligner: Arc<Aligner>) -> Self {
        let mut clusters = aligner.cluster();
        let judged = clusters
            .iter_mut()
            .map(|c| {
                let judged = d.corrected.take_judged(c);
                judged.into_iter().map(|(x, v)| (x, v.clone())).collect()
            })
            .collect();
        let verdict_on = |x: &FigureMention, y: &FigureMention| {
            d.corrected
                .pair_verdict((x.article, x.clause), (y.article, y.clause))
                .is_some()
        };
        let figures =
            FigureConflicts::judged(aligner.quantities(), aligner.conflict_index(), &verdict_on);
        let matrix = matrix(d, &clusters, &figures);
        // Each article's claims, as extracted once (the spans of `claims::claim_spans`,
        // which segmenting again would cost a second lexing of every long sentence).
        let totals: Vec<usize> = (0..d.articles.len())
            .map(|i| aligner.claim_count(ArticleId(i)))
            .collect();
        let sources = counts(&totals, &clusters, &figures);
        Analysis {
            aligner,
            clusters,
            judged,
            matrix,
            sources,
            comparisons: HashMap::new(),
        }
    }

    /// Compare every pair among the first `n` articles ahead, reporting each one done.
    pub fn compare_ahead(&mut self, n: usize, mut progress: impl FnMut()) {
        for i in 0..n {
            for j in i + 1..n {
                let (l, r) = (ArticleId(i), ArticleId(j));
                let c = self.aligner.compare(l, r);
                self.comparisons.insert((l, r), Arc::new(c));
                progress();
            }
        }
    }

    /// The comparison of `left` with `right`, sides as asked, when computed ahead.
    pub fn comparison(&self, left: ArticleId, right: ArticleId) -> Option<Arc<Comparison>> {
        if let Some(c) = self.comparisons.get(&(left, right)) {
            return Some(c.clone());
        }
        self.comparisons
            .get(&(right, left))
            .map(|c| Arc::new(c.mirrored()))
    }

    /// The dossier's figures grouped into quantities, with their conflicts.
    pub fn quantities(&self) -> &[Quantity] {
        self.aligner.quantities()
    }
}

impl Comparison {
    /// The same comparison seen from the other side.
    pub fn mirrored(&self) -> Comparison {
        Comparison {
            left: self.right,
            right: self.left,
            pairs: self
                .pairs
                .iter()
                .map(|p| Pair {
                    relation: p.relation,
                    score: p.score,
                    left: p.right,
                    right: p.left,
                    differences: p
                        .differences
                        .iter()
                        .map(|d| Difference {
                            left: d.right.clone(),
                            right: d.left.clone(),
                            what: d.what.clone(),
                            left_span: d.right_span,
                            right_span: d.left_span,
                        })
                        .collect(),
                })
                .collect(),
            left_only: self.right_only.clone(),
            right_only: self.left_only.clone(),
        }
    }
}

/// The day a mention's figure was true, as a timeline shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionDay<'a> {
    /// ISO 8601 ("2021-03-07", or a stamp "2021-03-07T18:30:00Z"): the day its clause
    /// names, resolved against the article's date; else the article's update stamp or date
    /// as they stand (a correction made in the reader included).
    Dated(&'a str),
    /// The day its clause names as written ("Sunday"), where the article has no date.
    Written(&'a str),
    Unknown,
}

impl<'a> MentionDay<'a> {
    /// What a time column shows: the day ("2021-03-07", "Sunday"; "" when unknown).
    pub fn text(self) -> &'a str {
        match self {
            MentionDay::Dated(t) => t.get(..10).unwrap_or(t),
            MentionDay::Written(t) => t,
            MentionDay::Unknown => "",
        }
    }

    /// The ISO day or stamp, when known (what a timeline orders by).
    pub fn iso(self) -> Option<&'a str> {
        match self {
            MentionDay::Dated(t) => Some(t),
            _ => None,
        }
    }
}

/// When mention `m` of a quantity was true (the one rule the CLI's `figures` and the
/// reader's figures view both show and order by).
pub fn mention_day<'a>(d: &'a Dossier, m: &'a FigureMention) -> MentionDay<'a> {
    let a = d.article(m.article);
    if m.named.is_some() {
        if let Some(t) = m.as_of.as_deref() {
            return MentionDay::Dated(t);
        }
    }
    if let Some(t) = a.meta.updated.as_deref().or(a.meta.date.as_deref()) {
        return MentionDay::Dated(t);
    }
    m.day_written(&a.text)
        .map_or(MentionDay::Unknown, MentionDay::Written)
}

/// The order of `q`'s mentions on a timeline: by the day each was true
/// ([`mention_day`]), those without a known day last; article and text order among equals.
pub fn timeline(d: &Dossier, q: &Quantity) -> Vec<usize> {
    let mut order: Vec<usize> = (0..q.mentions.len()).collect();
    order.sort_by_cached_key(|&i| {
        let m = &q.mentions[i];
        let day = mention_day(d, m).iso();
        (day.is_none(), day, m.article, m.figure.span.start)
    });
    order
}

/// The conflicts of `q` the analyst has not judged (not a conflict, or explained): those
/// `dossier figures` lists as conflicts (the judged ones it lists as related) and the
/// figures view marks `≠`.
pub fn open_conflicts<'q>(
    d: &'q Dossier,
    q: &'q Quantity,
) -> impl Iterator<Item = &'q FigureConflict> + 'q {
    let judging = d.corrected.has_pair_verdicts();
    q.conflicts.iter().filter(move |c| {
        let (x, y) = (&q.mentions[c.a], &q.mentions[c.b]);
        !judging
            || d.corrected
                .pair_verdict((x.article, x.clause), (y.article, y.clause))
                .is_none()
    })
}

/// For each mention of `q`, whether it is in an open conflict with another (one pass over
/// the conflicts, however many rows are drawn).
pub fn conflicted(d: &Dossier, q: &Quantity) -> Vec<bool> {
    let mut marks = vec![false; q.mentions.len()];
    for c in open_conflicts(d, q) {
        marks[c.a] = true;
        marks[c.b] = true;
    }
    marks
}

/// The figure of a value as written, short: from its first word with a digit, without the
/// holder in brackets ("approximately 10,000" → "10,000", "as high as 11,000 (officials)"
/// → "11,000"). None for a value without digits (a likelihood: "pretty high").
pub fn short_figure(value: &str) -> Option<String> {
    let value = value.split(" (").next().unwrap_or(value);
    let words: Vec<&str> = value.split_whitespace().collect();
    let first = words
        .iter()
        .position(|w| w.chars().any(|c| c.is_ascii_digit()))?;
    Some(words[first..].join(" "))
}

/// A figure in at most `max` characters, for a line that names two of them: as written when
/// it fits, else its number with its bound as a sign ("≥€300 million" for "more than €300
/// million"), else (a figure in words: "half a million pounds") its first words and "…".
pub fn brief_figure(f: &crate::model::facts::Figure, max: usize) -> String {
    use crate::model::facts::lexicon::Qualifier as Q;
    if f.text.chars().count() <= max {
        return f.text.clone();
    }
    if let Some(number) = short_figure(&f.text) {
        let sign = match f.qualifier {
            Q::Exact => "",
            Q::Approx | Q::Vague => "~",
            Q::AtLeast => "≥",
            Q::AtMost => "≤",
        };
        return format!("{sign}{number}");
    }
    let cut: String = f.text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// A claim: its article and span.
type ClaimAt = (ArticleId, Span);

/// The conflicts the quantities find between claims of different articles, read from the
/// quantities' value classes ([`ByPair`]) rather than from a list of every conflict: on
/// generated dossiers a quantity's conflicts grow with the square of its mentions (940,000
/// at 5,000 articles), and reading each of them per claim and per cluster made clusters,
/// matrix and counts grow 25× for 5× the articles.
pub(crate) struct FigureConflicts<'q> {
    quantities: &'q [Quantity],
    index: &'q ByPair,
    /// True for a pair of mentions the analyst judged (not a conflict, or explained).
    judged: &'q dyn Fn(&FigureMention, &FigureMention) -> bool,
}

/// No pair judged.
#[cfg(test)]
fn none_judged(_: &FigureMention, _: &FigureMention) -> bool {
    false
}

impl<'q> FigureConflicts<'q> {
    #[cfg(test)]
    pub(crate) fn new(quantities: &'q [Quantity], index: &'q ByPair) -> Self {
        Self::judged(quantities, index, &none_judged)
    }

    /// The quantities' conflicts between sources, but those the analyst judged
    /// (`judged(x, y)`, `x` the earlier mention: not a conflict, or explained).
    pub(crate) fn judged(
        quantities: &'q [Quantity],
        index: &'q ByPair,
        judged: &'q dyn Fn(&FigureMention, &FigureMention) -> bool,
    ) -> Self {
        FigureConflicts {
            quantities,
            index,
            judged,
        }
    }

    /// The mentions (quantity, mention) of `claim`, in the quantities' order.
    fn mentions_of(&self, claim: ClaimAt) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.index
            .of_claim(claim.0 .0, claim.1.start)
            .iter()
            .map(|&(qi, m)| (qi as usize, m as usize))
            .filter(move |&(qi, m)| {
                self.quantities
                    .get(qi)
                    .and_then(|q| q.mentions.get(m))
                    .is_some_and(|x| x.claim == claim.1)
            })
    }

    /// True when mentions `m` and `y` of quantity `qi` are a conflict between sources
    /// that the analyst did not judge.
    fn stands(&self, qi: usize, m: usize, y: usize) -> bool {
        let Some(q) = self.quantities.get(qi) else {
            return false;
        };
        let (a, b) = (m.min(y), m.max(y));
        let (x, y) = (&q.mentions[a], &q.mentions[b]);
        // Two holders within one article are no disagreement between sources.
        x.article != y.article
            && q.conflicts
                .binary_search_by_key(&(a, b), |c| (c.a, c.b))
                .is_ok()
            && !(self.judged)(x, y)
    }

    /// The claims that a figure of another article contradicts.
    fn claims(&self) -> Vec<ClaimAt> {
        let mut out = Vec::new();
        for (qi, q) in self.quantities.iter().enumerate() {
            let Some(vc) = self.index.classes(qi) else {
                continue;
            };
            for (m, x) in q.mentions.iter().enumerate() {
                let partner = vc.against_of(m).iter().any(|&c| {
                    vc.members_of(c)
                        .iter()
                        .any(|&y| self.stands(qi, m, y as usize))
                });
                if partner {
                    out.push((x.article, x.claim));
                }
            }
        }
        out
    }

    /// Per claim of `group` (a cluster's passages), the figure of it, as written, that
    /// another claim of the group contradicts, if any: the first such conflict in the
    /// quantities' order.
    fn within(&self, group: &[ClaimAt]) -> Vec<Option<&'q str>> {
        let quantities = self.quantities;
        // The group's mentions as (quantity, class, mention), sorted.
        let mut members: Vec<(usize, u32, usize)> = Vec::new();
        let mut claims: Vec<ClaimAt> = group.to_vec();
        claims.sort_unstable();
        claims.dedup();
        for &claim in &claims {
            for (qi, m) in self.mentions_of(claim) {
                if let Some(vc) = self.index.classes(qi) {
                    members.push((qi, vc.class_of_mention(m), m));
                }
            }
        }
        members.sort_unstable();
        crate::model::work::step(members.len());
        group
            .iter()
            .map(|&claim| {
                // The first conflict: by quantity, then by its two mentions.
                let mut best: Option<((usize, usize, usize), usize)> = None;
                for (qi, m) in self.mentions_of(claim) {
                    if best.is_some_and(|b| b.0 .0 < qi) {
                        break;
                    }
                    let Some(vc) = self.index.classes(qi) else {
                        continue;
                    };
                    for &c in vc.against_of(m) {
                        let from = members.partition_point(|e| (e.0, e.1) < (qi, c));
                        // The group's mentions of that class, ascending: the first that
                        // stands makes the earliest conflict of `m` with the class.
                        let first = members[from..]
                            .iter()
                            .take_while(|e| (e.0, e.1) == (qi, c))
                            .find(|e| self.stands(qi, m, e.2));
                        if let Some(e) = first {
                            let key = (qi, m.min(e.2), m.max(e.2));
                            if best.is_none_or(|b| key < b.0) {
                                best = Some((key, m));
                            }
                        }
                    }
                }
                best.map(|(k, m)| quantities[k.0].mentions[m].figure.text.as_str())
            })
            .collect()
    }
}

/// Per mention of `c`: the value of it in conflict with another mention, if any: as the
/// cluster's claims relate, else as the quantities do (the figures `dossier figures` and
/// the compare view set against each other).
fn conflicting_values<'a>(
    c: &'a Cluster,
    figures: &'a FigureConflicts<'a>,
) -> Vec<Option<&'a str>> {
    let mut out = vec![None; c.mentions.len()];
    for x in &c.conflicts {
        if let Some(v) = out.get_mut(x.a) {
            v.get_or_insert(x.left.as_str());
        }
        if let Some(v) = out.get_mut(x.b) {
            v.get_or_insert(x.right.as_str());
        }
    }
    if out.iter().any(Option::is_none) {
        let group: Vec<ClaimAt> = c.mentions.iter().map(|m| (m.article, m.span)).collect();
        for (v, w) in out.iter_mut().zip(figures.within(&group)) {
            if v.is_none() {
                *v = w;
            }
        }
    }
    out
}

/// One row of the matrix from one cluster (`n`: the number of articles).
fn row(n: usize, index: usize, c: &Cluster, figures: &FigureConflicts) -> ClaimRow {
    let bad = conflicting_values(c, figures);
    let mut cells: Vec<(ArticleId, Cell)> = Vec::new();
    for (m, bad) in c.mentions.iter().zip(bad) {
        if m.article.0 >= n {
            continue;
        }
        let at = cells.binary_search_by_key(&m.article, |c| c.0);
        // The first passage of a source stands for it, a conflicting one first.
        let better = match at {
            Err(_) => true,
            Ok(i) => bad.is_some() && cells[i].1.stance == Stance::Reports,
        };
        if better {
            // The figure in dispute, else the first figure the passage states (a
            // likelihood, "pretty high", is none).
            let figure = match bad {
                Some(v) => short_figure(v),
                None => m.values.iter().find_map(|v| short_figure(v)),
            };
            let cell = Cell {
                stance: if bad.is_some() {
                    Stance::Conflicts
                } else {
                    Stance::Reports
                },
                span: m.span,
                figure,
            };
            match at {
                Ok(i) => cells[i].1 = cell,
                Err(i) => cells.insert(i, (m.article, cell)),
            }
        }
    }
    let label = c
        .mentions
        .iter()
        .map(|m| (m.article, m.span))
        .min()
        .unwrap_or((ArticleId(0), Span::default()));
    ClaimRow {
        cluster: index,
        label,
        cells,
    }
}

/// The coverage matrix of the clusters, disagreements first, then what most sources
/// state, then reading order.
fn matrix(d: &Dossier, clusters: &[Cluster], figures: &FigureConflicts) -> Matrix {
    let n = d.articles.len();
    let mut rows: Vec<ClaimRow> = clusters
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.mentions.is_empty())
        .map(|(i, c)| row(n, i, c, figures))
        .collect();
    rows.sort_by_key(|r| (!r.conflict(), std::cmp::Reverse(r.sources()), r.label));
    Matrix { rows }
}

/// Per article: claims shared with another article, claims it alone states, claims in
/// conflict with another article's, as clustered or as a quantity's figures (distinct
/// passages, however many clusters hold them). `totals`: each article's number of claims.
fn counts(totals: &[usize], clusters: &[Cluster], figures: &FigureConflicts) -> Vec<SourceCounts> {
    let n = totals.len();
    let mut shared: Vec<HashSet<Span>> = vec![HashSet::new(); n];
    let mut conflicting: Vec<HashSet<Span>> = vec![HashSet::new(); n];
    for (article, span) in figures.claims() {
        if let Some(s) = conflicting.get_mut(article.0) {
            s.insert(span);
        }
    }
    for c in clusters {
        for m in &c.mentions {
            if let Some(s) = shared.get_mut(m.article.0) {
                s.insert(m.span);
            }
        }
        for x in &c.conflicts {
            for m in [x.a, x.b].iter().filter_map(|&k| c.mentions.get(k)) {
                if let Some(s) = conflicting.get_mut(m.article.0) {
                    s.insert(m.span);
                }
            }
        }
    }
    totals
        .iter()
        .enumerate()
        .map(|(i, &total)| SourceCounts {
            shared: shared[i].len(),
            unique: total.saturating_sub(shared[i].len()),
            conflicting: conflicting[i].len(),
        })
        .collect()
}

#[cfg(test)]
mod tests;
