//! Figures grouped into quantities across the dossier: one quantity per measured thing
//! (the dead of this event, the injured, the turnout), with every mention of it in every
//! article and the pairs of mentions that disagree.
//!
//! A figure joins a quantity only when it says what it measures: what befell the people
//! it counts ("killed", "injured"), a counted noun ("troops"), or a measure noun
//! ("turnout"); with its kind, unit, scope and year this makes the key of an index, so
//! grouping is one pass over the figures, not a comparison of all pairs. Within a
//! quantity, two mentions conflict when their values are not compatible
//! ([`compare_figures`]): across articles (a toll updated from one outlet to the next is a
//! conflict), and within one article only between two holders (organisers vs police), not
//! between successive updates of one live page.

use super::align::MAX_CONFLICT_RATIO;
use super::Claim;
use crate::model::facts::lexicon::FastMap;
use crate::model::facts::{compare_figures, compat, Figure, Kind, Verdict};
use crate::model::{ArticleId, Span};

/// One figure as one article states it.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureMention {
    pub article: ArticleId,
    /// The claim (sentence or clause) that states it.
    pub claim: Span,
    pub figure: Figure,
    /// Who the article credits with it, as written.
    pub holder: Option<String>,
}

/// Two mentions of a quantity that disagree (indexes into its mentions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FigureConflict {
    pub a: usize,
    pub b: usize,
}

/// One measured thing and every figure stated for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// What is measured, for a reader ("dead", "troop", "turnout"), with its scope and year.
    pub label: String,
    pub kind: Kind,
    pub unit: Option<String>,
    /// In article order, then text order.
    pub mentions: Vec<FigureMention>,
    pub conflicts: Vec<FigureConflict>,
}

/// The index key of a figure: kind, unit, measured thing, scope, year.
type Key = (Kind, Option<String>, String, Option<String>, Option<i32>);

fn key(f: &Figure) -> Option<Key> {
    let thing = compat::measured(f)?;
    Some((
        f.kind,
        f.unit.clone(),
        thing,
        f.frame.scope.clone(),
        f.frame.year,
    ))
}

fn label(k: &Key) -> String {
    let mut s = k.2.clone();
    if let Some(scope) = &k.3 {
        s = format!("{s} ({scope})");
    }
    if let Some(y) = k.4 {
        s = format!("{s}, {y}");
    }
    s
}

/// Group the figures of every article's claims into quantities; only quantities stated in
/// two or more articles, or with a conflict, are kept.
pub fn quantities(claims: &[Vec<Claim>]) -> Vec<Quantity> {
    let mut index: FastMap<Key, usize> = FastMap::default();
    let mut out: Vec<Quantity> = Vec::new();
    for c in claims.iter().flatten() {
        let keyed: Vec<(&Figure, Key)> = c
            .facts
            .figures
            .iter()
            .filter_map(|f| key(f).map(|k| (f, k)))
            .collect();
        for (f, k) in &keyed {
            // One sentence giving two values that disagree for one key ("52% to 48%", "209,000
            // consumers, plus 182,000 consumers") sets two things side by side that the key
            // cannot tell apart: neither joins the quantity.
            let contrasted = keyed.iter().any(|(g, kg)| {
                kg == k && !std::ptr::eq(*g, *f) && compare_figures(f, g) == Verdict::Conflict
            });
            if contrasted {
                continue;
            }
            let (f, k) = (*f, k.clone());
            let qi = *index.entry(k.clone()).or_insert_with(|| {
                out.push(Quantity {
                    label: label(&k),
                    kind: k.0,
                    unit: k.1.clone(),
                    mentions: Vec::new(),
                    conflicts: Vec::new(),
                });
                out.len() - 1
            });
            out[qi].mentions.push(FigureMention {
                article: c.article,
                claim: c.span,
                figure: f.clone(),
                holder: c.facts.attribution_for(f.span).map(|a| a.text.clone()),
            });
        }
    }
    for q in &mut out {
        q.conflicts = conflicts(&q.mentions);
    }
    out.retain(|q| {
        let first = q.mentions.first().map(|m| m.article);
        !q.conflicts.is_empty() || q.mentions.iter().any(|m| Some(m.article) != first)
    });
    out
}

/// True when two holders are named and differ ("organisers" vs "police").
fn other_holders(a: &FigureMention, b: &FigureMention) -> bool {
    match (&a.holder, &b.holder) {
        (Some(x), Some(y)) => !x.eq_ignore_ascii_case(y),
        _ => false,
    }
}

/// The pairs of mentions that disagree: values not compatible, across articles or between
/// two holders of one article. Counts of people with an outcome (a toll) conflict at any
/// distance; other figures only within [`MAX_CONFLICT_RATIO`], past which two figures of
/// one counted noun are more likely two quantities (all troops vs those at the front).
pub fn conflicts(ms: &[FigureMention]) -> Vec<FigureConflict> {
    let mut out = Vec::new();
    for (a, x) in ms.iter().enumerate() {
        for (k, y) in ms[a + 1..].iter().enumerate() {
            let b = a + 1 + k;
            if x.article == y.article && !other_holders(x, y) {
                continue;
            }
            let (fx, fy) = (&x.figure, &y.figure);
            if compare_figures(fx, fy) != Verdict::Conflict {
                continue;
            }
            let ratio = if fx.value > 0.0 && fy.value > 0.0 {
                (fx.value / fy.value).max(fy.value / fx.value)
            } else {
                f64::INFINITY
            };
            let toll =
                |f: &Figure| f.outcome.is_some() || f.frame.measure.as_deref() == Some("toll");
            if !(toll(fx) && toll(fy)) && ratio > MAX_CONFLICT_RATIO {
                continue;
            }
            out.push(FigureConflict { a, b });
        }
    }
    out
}
