//! Aligning the claims of two articles and judging each pair: agree or conflict.

use super::{Claim, Comparison, Corpus, Difference, Pair, Relation, Term};
use crate::model::facts::frame::ANAPHOR;
use crate::model::facts::{compare_figures, compare_likelihood, compat, Facts, Figure, Verdict};
use crate::model::tuning::tuning;
use crate::model::{ArticleId, Span};

/// Extra evidence from facts: figures of the same thing at a similar magnitude (and
/// against: at very different magnitudes, which are different quantities), and two
/// likelihood assessments of what is otherwise alike (`lex` is the lexical score).
pub fn fact_bonus(a: &Facts, b: &Facts, lex: f32) -> f32 {
    let mut best: Option<(f64, bool)> = None;
    for x in a.figures.iter().filter(|f| f.kind.comparable()) {
        for y in b.figures.iter().filter(|f| f.kind.comparable()) {
            if !compat::comparable(x, y) || x.value <= 0.0 || y.value <= 0.0 {
                continue;
            }
            let ratio = (x.value / y.value).max(y.value / x.value);
            // A counted thing, or a unit of measure or currency, makes a figure specific.
            let named =
                (x.what.is_some() && y.what.is_some()) || (x.unit.is_some() && x.unit == y.unit);
            if best.is_none_or(|(r, _)| ratio < r) {
                best = Some((ratio, named));
            }
        }
    }
    let t = tuning();
    let mut bonus: f32 = match best {
        Some((r, true)) if r <= t.close_ratio => t.close_figure_bonus,
        Some((r, false)) if r <= t.close_ratio => t.bare_figure_bonus,
        Some((r, true)) if r <= t.near_ratio => t.near_figure_bonus,
        Some((r, _)) if r > t.max_conflict_ratio => -t.far_figure_penalty,
        _ => 0.0,
    };
    if !a.likelihood.is_empty() && !b.likelihood.is_empty() {
        // The bonus grows with the wording the two claims share, in full from the
        // likelihood rescue's reach of 0.2.
        bonus += t.likelihood_bonus * (lex / 0.2).min(1.0);
    }
    bonus
}

/// Cosine of two weighted term vectors, the part of it that common names do not carry, and
/// the number of shared terms that are not common names.
fn lexical_parts(
    corpus: &Corpus,
    a: &[(super::Term, f32)],
    na: f32,
    b: &[(super::Term, f32)],
    nb: f32,
) -> (f32, f32, usize) {
    let (mut i, mut j, mut dot, mut content, mut shared) = (0, 0, 0.0f32, 0.0f32, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let x = a[i].1 * b[j].1;
                dot += x;
                if !corpus.is_common_name(a[i].0) {
                    content += x;
                    shared += 1;
                }
                i += 1;
                j += 1;
            }
        }
    }
    if dot == 0.0 {
        return (0.0, 0.0, 0);
    }
    let n = (na * nb).max(1e-6);
    (dot / n, content / n, shared)
}

/// The term vectors of a claim's segments with their norms (itself when it has none), read
/// in place: a list of them per scored pair cost 6.4 M instructions of `dossier sources` on
/// 200 generated articles.
fn segment_parts(c: &Claim) -> impl Iterator<Item = (&[(super::Term, f32)], f32)> {
    let whole = c.segments.is_empty().then_some((&c.terms[..], c.norm));
    whole.into_iter().chain(c.segments.iter())
}

/// How alike two claims are: lexical cosine (of the claims, or of their best matching
/// segments) plus fact evidence. Claims that share little beyond names score their shared
/// content only.
pub fn similarity(corpus: &Corpus, a: &Claim, b: &Claim) -> f32 {
    similarity_at(corpus, a, b).0
}

/// [`similarity`] with the segments of each claim that match best (`None`: the claim has no
/// segments, or the pair shares too little to look).
pub fn similarity_at(corpus: &Corpus, a: &Claim, b: &Claim) -> (f32, Option<u8>, Option<u8>) {
    let t = tuning();
    let (mut lex, mut content, shared) = lexical_parts(corpus, &a.terms, a.norm, &b.terms, b.norm);
    // One shared word ("… did not elaborate") is no claim in common, unless that word is
    // what two figures of a similar size count ("120 firefighters" ~ "about 200
    // firefighters"): the figures are the second thing shared.
    // Both figure tests are asked only when their answer can change the score, at most once
    // each (asked for every scored pair, they cost 13.5 M of the 920 M instructions of
    // `dossier sources` on 200 generated articles, most pairs sharing enough words).
    let quantity = std::cell::OnceCell::new();
    let quantity = || *quantity.get_or_init(|| same_quantity(&a.facts, &b.facts));
    // One figure written at two precisions ("52%" / "51.9 per cent") is one shared fact,
    // though its two terms differ.
    let shared = if shared < t.min_shared {
        shared + usize::from(rounded_alike(&a.facts, &b.facts))
    } else {
        shared
    };
    if shared < t.min_shared && !(shared >= 1 && quantity()) {
        return (0.0, None, None);
    }
    let mut at = (None, None);
    if lex > 0.05 && (!a.segments.is_empty() || !b.segments.is_empty()) {
        // A claim without segments is its own single segment.
        let index = |c: &Claim, k: usize| (!c.segments.is_empty()).then_some(k.min(255) as u8);
        // The segments that match best say which part of each claim the pair is about,
        // whether or not their score beats the whole claims'.
        let mut best_seg = 0.0;
        for (ka, (x, nx)) in segment_parts(a).enumerate() {
            for (kb, (y, ny)) in segment_parts(b).enumerate() {
                let (l, c, n) = lexical_parts(corpus, x, nx, y, ny);
                // Segments, like claims, share two terms beyond common names or nothing
                // ("…, Pentagon officials said" ~ "…, South Korean officials suggest").
                if n < t.min_shared {
                    continue;
                }
                if l > best_seg {
                    best_seg = l;
                    at = (index(a, ka), index(b, kb));
                }
                if t.segment_weight * l > lex {
                    lex = t.segment_weight * l;
                    content = content.max(t.segment_weight * c);
                }
            }
        }
    }
    if content < t.min_content && !quantity() {
        return (content, at.0, at.1);
    }
    if lex < 0.1 && !quantity() {
        return (lex, at.0, at.1);
    }
    (lex + fact_bonus(&a.facts, &b.facts, lex), at.0, at.1)
}

/// True when the claims state one figure of the same kind at two precisions: the values
/// differ and agree within rounding or a bound ("52%" / "51.9 per cent", "more than 30
/// million" / "33,551,983"). Their figure terms differ (a term per value), so the shared
/// figure is counted here. On the dev dossiers this finds three more right pairs and no
/// wrong one (figures of a kind that agree without being equal are rare by chance).
pub(super) fn rounded_alike(a: &Facts, b: &Facts) -> bool {
    a.figures.iter().filter(|x| x.kind.comparable()).any(|x| {
        b.figures.iter().any(|y| {
            y.kind == x.kind && y.value != x.value && compare_figures(x, y) == Verdict::Agree
        })
    })
}

/// True when both claims count one specific thing (not people in general, unless both say
/// what befell them) with figures of a similar size: two statements of one quantity,
/// agreeing or not.
fn same_quantity(a: &Facts, b: &Facts) -> bool {
    let (general, _) = crate::model::facts::lexicon::people_nouns();
    a.figures.iter().any(|x| {
        x.what.is_some()
            && b.figures.iter().any(|y| {
                // People in general count one thing when both say what befell them
                // ("12 workers were killed" ~ "claimed 14 lives").
                let specific = (y.what == x.what
                    && !x.what.as_ref().is_some_and(|w| general.contains(w)))
                    || (x.outcome.is_some() && x.outcome == y.outcome);
                specific
                    && compat::comparable(x, y)
                    && x.value > 0.0
                    && y.value > 0.0
                    && (x.value / y.value).max(y.value / x.value) <= tuning().same_quantity_ratio
            })
    })
}

/// The best score of each (claim, segment): slot 0 for pairs not placed in a segment (the
/// claim has none, or the pair shares too little), slot k + 1 for its segment k.
struct Bests(Vec<Vec<f32>>);

impl Bests {
    fn new(claims: &[Claim]) -> Self {
        Bests(
            claims
                .iter()
                .map(|c| vec![0.0; c.segments.len() + 1])
                .collect(),
        )
    }
    fn slot(seg: Option<u8>) -> usize {
        seg.map_or(0, |k| k as usize + 1)
    }
    fn note(&mut self, i: usize, seg: Option<u8>, s: f32) {
        let v = &mut self.0[i][Self::slot(seg)];
        *v = v.max(s);
    }
    /// The best to measure a pair against: of the same segment and of pairs not placed in
    /// a segment, or for such a pair the best over every slot.
    fn of(&self, i: usize, seg: Option<u8>) -> f32 {
        match seg {
            Some(_) => self.0[i][Self::slot(seg)].max(self.0[i][0]),
            None => self.0[i].iter().copied().fold(0.0, f32::max),
        }
    }
}

/// The terms that make two alike claims say different things: predicates of opposite
/// sense (`assets/contraries.txt`).
#[derive(Debug, Clone, Default)]
pub struct Contrasts {
    /// Per line of contraries: the terms of each side, sorted.
    opposites: Vec<(Vec<Term>, Vec<Term>)>,
}

impl Contrasts {
    /// The contrasting terms a dossier's corpus knows (words it never saw are left out).
    pub fn new(corpus: &Corpus) -> Self {
        use super::index::claim_word;
        let terms = |words: &[String]| -> Vec<Term> {
            let mut v: Vec<Term> = words
                .iter()
                .filter_map(|w| corpus.ids.get(&claim_word(w)).copied())
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        // A line with a side the dossier never uses can set no two claims apart (each
        // claim must state one side): it is left out, not tested at every scored pair
        // (testing every line cost 8.2 M more instructions of `dossier sources` on 200
        // generated articles: 850.0 M -> 841.8 M).
        let opposites = crate::model::lexicon::contraries()
            .iter()
            .map(|(x, y)| (terms(x), terms(y)))
            .filter(|(x, y)| !x.is_empty() && !y.is_empty())
            .collect();
        Contrasts { opposites }
    }

    /// True when two claims, however alike, cannot corroborate each other: one states a
    /// predicate and the other its opposite (neither states both), or each opens with a
    /// place or nationality as its actor that the other never names ("Seoul denied …" /
    /// "Pyongyang denied …").
    pub fn contrary(&self, a: &Claim, b: &Claim) -> bool {
        let has =
            |v: &[(Term, f32)], set: &[Term]| v.iter().any(|(t, _)| set.binary_search(t).is_ok());
        let opposite = self.opposites.iter().any(|(x, y)| {
            let (ax, ay) = (has(&a.terms, x), has(&a.terms, y));
            let (bx, by) = (has(&b.terms, x), has(&b.terms, y));
            (ax && !ay && by && !bx) || (ay && !ax && bx && !by)
        });
        // An actor the other claim does not name at all: some of its terms are missing there.
        let foreign = |actor: &[Term], other: &Claim| {
            actor
                .iter()
                .any(|t| other.terms.binary_search_by_key(t, |x| x.0).is_err())
        };
        let actors = !a.actor.is_empty()
            && !b.actor.is_empty()
            && a.actor != b.actor
            && foreign(&a.actor, b)
            && foreign(&b.actor, a);
        opposite || actors
    }
}

/// Align two articles' claims.
pub fn align(
    corpus: &Corpus,
    contrasts: &Contrasts,
    left: &[Claim],
    right: &[Claim],
    lid: ArticleId,
    rid: ArticleId,
) -> Comparison {
    let mut scores = vec![0.0f32; left.len() * right.len()];
    let mut segs = vec![(None, None); left.len() * right.len()];
    let mut best_l = Bests::new(left);
    let mut best_r = Bests::new(right);
    for (i, a) in left.iter().enumerate() {
        for (j, b) in right.iter().enumerate() {
            let (s, sa, sb) = similarity_at(corpus, a, b);
            scores[i * right.len() + j] = s;
            segs[i * right.len() + j] = (sa, sb);
            best_l.note(i, sa, s);
            best_r.note(j, sb, s);
        }
    }
    let mut pairs = Vec::new();
    for (i, a) in left.iter().enumerate() {
        for (j, b) in right.iter().enumerate() {
            let s = scores[i * right.len() + j];
            let (sa, sb) = segs[i * right.len() + j];
            let t = tuning();
            let th = t.pair_threshold;
            let tc = t.conflict_threshold;
            let nb = t.near_best;
            // Kept only when near the best of both its claims, segment by segment (a claim
            // may still pair with several whose scores are close, and a sentence that states
            // several things with a counterpart for each).
            if s < tc.min(th).min(t.mutual_threshold) {
                continue;
            }
            // Each the other's best counterpart in the two articles.
            let mutual =
                s >= t.mutual_threshold && s >= best_l.of(i, None) && s >= best_r.of(j, None);
            let (mut relation, differences) = relate(&a.facts, &b.facts);
            if relation == Relation::Agree && contrasts.contrary(a, b) {
                relation = Relation::Related;
            }
            // Two figures of the same thing in dispute are their own evidence: such a pair
            // stands whatever else its claims pair with.
            let disputed = differences.iter().any(|d| d.what != "likelihood");
            // An amount of money both state alike (a pledge, a fine, a sale) is evidence of
            // one claim as a figure in dispute is: the pair stands beside a closer
            // counterpart of either claim. Measured on the dev dossiers: for money, one more
            // right pair and no wrong one; for any shared figure, 4 right and 2 wrong (small
            // counts such as "12 boys" recur across a story's sentences).
            let anchored = relation == Relation::Agree && shares_amount(&a.facts, &b.facts);
            if !disputed && !anchored && (s < nb * best_l.of(i, sa) || s < nb * best_r.of(j, sb)) {
                continue;
            }
            if s < th && relation != Relation::Conflict && !mutual {
                continue;
            }
            // A figure in dispute is evidence enough for a second counterpart.
            let second = s < nb * best_l.of(i, None) || s < nb * best_r.of(j, None);
            if second
                && s < t.second_threshold
                && relation != Relation::Conflict
                && !shares_fact(&a.facts, &b.facts)
            {
                continue;
            }
            if a.span == b.span && lid == rid {
                continue;
            }
            pairs.push(Pair {
                relation,
                score: (s * 1000.0).round() / 1000.0,
                left: a.span,
                right: b.span,
                differences,
            });
        }
    }
    // Two claims that disagree on a likelihood are each other's best such counterpart
    // pair up even on weak wording ("yet to be determined" vs "a high likelihood").
    rescue_conflicts(left, right, &scores, &mut pairs);
    keep_best_counterparts(&mut pairs);
    let paired = |claims: &[Claim], side: fn(&Pair) -> Span| -> Vec<bool> {
        claims
            .iter()
            .map(|c| pairs.iter().any(|p| side(p) == c.span))
            .collect()
    };
    let (used_l, used_r) = (paired(left, |p| p.left), paired(right, |p| p.right));
    let only = |claims: &[Claim], used: &[bool]| -> Vec<Span> {
        claims
            .iter()
            .zip(used)
            .filter(|(_, &u)| !u)
            .map(|(c, _)| c.span)
            .collect()
    };
    Comparison {
        left: lid,
        right: rid,
        left_only: only(left, &used_l),
        right_only: only(right, &used_r),
        pairs,
    }
}

/// Keep each claim's best pairs
/// ([`Tuning::max_counterparts`](crate::model::tuning::Tuning::max_counterparts)) on either side,
/// in their order.
fn keep_best_counterparts(pairs: &mut Vec<Pair>) {
    let mut order: Vec<usize> = (0..pairs.len()).collect();
    // Best first; conflicts before agreements at equal scores; then reading order.
    order.sort_by(|&x, &y| {
        let (p, q) = (&pairs[x], &pairs[y]);
        q.score
            .total_cmp(&p.score)
            .then((q.relation == Relation::Conflict).cmp(&(p.relation == Relation::Conflict)))
            .then(x.cmp(&y))
    });
    let mut per_left: std::collections::HashMap<Span, usize> = Default::default();
    let mut per_right: std::collections::HashMap<Span, usize> = Default::default();
    let mut keep = vec![false; pairs.len()];
    for i in order {
        let (l, r) = (pairs[i].left, pairs[i].right);
        let (nl, nr) = (
            per_left.entry(l).or_default(),
            per_right.entry(r).or_default(),
        );
        if *nl < tuning().max_counterparts && *nr < tuning().max_counterparts {
            *nl += 1;
            *nr += 1;
            keep[i] = true;
        }
    }
    let mut k = keep.into_iter();
    pairs.retain(|_| k.next().unwrap_or(false));
}

/// True when two claims state one figure or dated day alike (the same kind and value, or the
/// same date as written, with a number in it): a specific anchor beside the wording.
pub(super) fn shares_fact(a: &Facts, b: &Facts) -> bool {
    a.figures.iter().any(|x| {
        b.figures.iter().any(|y| {
            x.kind == y.kind
                && x.kind != crate::model::facts::Kind::Ordinal
                && match x.kind {
                    crate::model::facts::Kind::Date | crate::model::facts::Kind::Year => {
                        // "Wednesday" is the news peg of every article, "February 2022"
                        // an anchor.
                        x.text.eq_ignore_ascii_case(&y.text)
                            && x.text.chars().any(|c| c.is_ascii_digit())
                    }
                    _ => compare_figures(x, y) == Verdict::Agree,
                }
        })
    })
}

/// True when both claims state one amount of money alike ([`compare_figures`] agrees: the
/// same value in one currency, or within rounding or a bound).
fn shares_amount(a: &Facts, b: &Facts) -> bool {
    use crate::model::facts::Kind;
    a.figures.iter().filter(|x| x.kind == Kind::Money).any(|x| {
        b.figures
            .iter()
            .any(|y| y.kind == Kind::Money && compare_figures(x, y) == Verdict::Agree)
    })
}

/// Pair claims whose likelihoods conflict when each is the other's best-scoring such
/// counterpart and they share some wording (from
/// [`Tuning::rescue_threshold`](crate::model::tuning::Tuning::rescue_threshold)).
fn rescue_conflicts(left: &[Claim], right: &[Claim], scores: &[f32], pairs: &mut Vec<Pair>) {
    let m = right.len();
    let mut cands: Vec<(usize, usize, f32)> = Vec::new();
    for (i, a) in left.iter().enumerate() {
        if a.facts.likelihood.is_empty() {
            continue;
        }
        for (j, b) in right.iter().enumerate() {
            let s = scores[i * m + j];
            if b.facts.likelihood.is_empty() || s < tuning().rescue_threshold {
                continue;
            }
            let conflict = relate(&a.facts, &b.facts)
                .1
                .iter()
                .any(|d| d.what == "likelihood");
            if conflict {
                cands.push((i, j, s));
            }
        }
    }
    for &(i, j, s) in &cands {
        let best_i = cands.iter().filter(|c| c.0 == i).all(|c| c.2 <= s);
        let best_j = cands.iter().filter(|c| c.1 == j).all(|c| c.2 <= s);
        let known = pairs
            .iter()
            .any(|p| p.left == left[i].span && p.right == right[j].span);
        if best_i && best_j && !known {
            let (relation, differences) = relate(&left[i].facts, &right[j].facts);
            pairs.push(Pair {
                relation,
                score: (s * 1000.0).round() / 1000.0,
                left: left[i].span,
                right: right[j].span,
                differences,
            });
        }
    }
}

/// True when the claim states another figure of the same measure that disagrees with `f`
/// at a similar size (within
/// [`Tuning::max_conflict_ratio`](crate::model::tuning::Tuning::max_conflict_ratio)): two parts
/// side by side. Far apart sizes ("10,000 troops in the country, 2,000 of them at the border") are
/// a whole and a part the other side may dispute.
fn contrasted(f: &Figure, facts: &Facts) -> bool {
    facts.figures.iter().any(|g| {
        !std::ptr::eq(f, g)
            && compat::same_measure(f, g)
            && compare_figures(f, g) == Verdict::Conflict
            && f.value > 0.0
            && g.value > 0.0
            && (f.value / g.value).max(g.value / f.value) <= tuning().max_conflict_ratio
    })
}

/// A figure with its attribution, as a reader sees it: "10,000 (U.S. estimates)".
fn shown(f: &Figure, facts: &Facts) -> String {
    match facts.attribution_for(f.span) {
        Some(a) => format!("{} ({})", f.text, a.text),
        None => f.text.clone(),
    }
}

/// Judge an aligned pair: stated figures matched one to one by kind, counted thing and
/// nearness of value; a figure pair or likelihood that disagrees makes a conflict.
pub fn relate(a: &Facts, b: &Facts) -> (Relation, Vec<Difference>) {
    let mut cands: Vec<(f64, usize, usize, Verdict)> = Vec::new();
    // Figures that differ without saying they measure the same thing (52% and 48% of a
    // vote): the claims are related, neither corroborating nor disputing each other.
    let mut unmeasured = false;
    for (i, x) in a.figures.iter().enumerate() {
        for (j, y) in b.figures.iter().enumerate() {
            let v = compare_figures(x, y);
            if v == Verdict::Incomparable {
                continue;
            }
            if v == Verdict::Conflict && !compat::same_measure(x, y) {
                unmeasured = true;
                continue;
            }
            // A breakdown ("50 foreign divers and 40 local divers") gives parts, not the
            // figure the other side states in full.
            if v == Verdict::Conflict && (contrasted(x, a) || contrasted(y, b)) {
                unmeasured = true;
                continue;
            }
            let ratio = if x.value > 0.0 && y.value > 0.0 {
                (x.value / y.value).max(y.value / x.value)
            } else {
                f64::INFINITY
            };
            // Agreeing figures first, then the nearest values.
            let key = if v == Verdict::Agree { 0.0 } else { ratio };
            cands.push((key, i, j, v));
        }
    }
    cands.sort_by(|p, q| p.0.total_cmp(&q.0));
    let mut used_a = vec![false; a.figures.len()];
    let mut used_b = vec![false; b.figures.len()];
    let mut matched: Vec<(usize, usize, Verdict)> = Vec::new();
    for &(ratio, i, j, v) in &cands {
        if used_a[i] || used_b[j] || (v == Verdict::Conflict && ratio > tuning().max_conflict_ratio)
        {
            continue;
        }
        used_a[i] = true;
        used_b[j] = true;
        matched.push((i, j, v));
    }
    // A second figure that points back at the same quantity ("that figure could be as high
    // as 11,000") disagrees with the other side's figure its partner agreed with.
    let anaphor = |f: &Figure| f.what.is_none() && f.frame.measure.as_deref() == Some(ANAPHOR);
    let agreed = matched.iter().any(|m| m.2 == Verdict::Agree);
    for &(i, j, v) in matched.clone().iter() {
        if v != Verdict::Agree {
            continue;
        }
        for (k, x) in a.figures.iter().enumerate() {
            if !used_a[k] && anaphor(x) && compare_figures(x, &b.figures[j]) == Verdict::Conflict {
                used_a[k] = true;
                matched.push((k, j, Verdict::Conflict));
            }
        }
        for (k, y) in b.figures.iter().enumerate() {
            if !used_b[k] && anaphor(y) && compare_figures(&a.figures[i], y) == Verdict::Conflict {
                used_b[k] = true;
                matched.push((i, k, Verdict::Conflict));
            }
        }
    }
    let mut diffs = Vec::new();
    for (i, j, v) in matched {
        if v == Verdict::Conflict {
            let (x, y) = (&a.figures[i], &b.figures[j]);
            diffs.push(Difference {
                left: shown(x, a),
                right: shown(y, b),
                what: x
                    .noun
                    .clone()
                    .or_else(|| y.noun.clone())
                    .unwrap_or_else(|| x.kind.as_str().to_string()),
                left_span: Some(x.span),
                right_span: Some(y.span),
            });
        }
    }
    if let (Some(x), Some(y)) = (a.likelihood.first(), b.likelihood.first()) {
        let agree_any = a.likelihood.iter().any(|p| {
            b.likelihood
                .iter()
                .any(|q| compare_likelihood(p.grade, q.grade) == Verdict::Agree)
        });
        if !agree_any && compare_likelihood(x.grade, y.grade) == Verdict::Conflict {
            let with =
                |l: &crate::model::facts::Likelihood, f: &Facts| match f.attribution_for(l.span) {
                    Some(at) => format!("{} ({})", l.text, at.text),
                    None => l.text.clone(),
                };
            diffs.push(Difference {
                left: with(x, a),
                right: with(y, b),
                what: "likelihood".to_string(),
                left_span: Some(x.span),
                right_span: Some(y.span),
            });
        }
    }
    let relation = if !diffs.is_empty() {
        Relation::Conflict
    } else if unmeasured && !agreed {
        Relation::Related
    } else {
        Relation::Agree
    };
    (relation, diffs)
}
