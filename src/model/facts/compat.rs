//! When two stated figures (or likelihoods) agree: compare what each states, with room for
//! rounding and bounds ("more than 2,500" vs 2,527 agree; "about 10,000" vs "up to 11,000"
//! conflict; 600,000 vs "over 300,000" conflict).

use super::lexicon::Qualifier::{self, Approx, AtLeast, AtMost, Exact, Vague};
use super::{Figure, Grade};

/// The outcome of comparing two facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Agree,
    Conflict,
    /// Different kinds, units, currencies or counted things: no comparison.
    Incomparable,
}

/// Share of a value within which two rounded figures are the same.
const ROUNDING: f64 = 0.05;
/// At most this share of an approximate figure covers an exact one: "about N" spans half its
/// last significant place, within this share. The dev gold reads "about 800" as agreeing with
/// 844 (5.5%) and the seeds' "approximately 10,000" as conflicting with 11,000 (10%).
const APPROX_SHARE: f64 = 0.06;

/// True when two figures measure the same thing and may be compared.
pub fn comparable(a: &Figure, b: &Figure) -> bool {
    a.kind == b.kind
        && a.kind.comparable()
        && a.unit == b.unit
        && match (&a.what, &b.what) {
            (Some(x), Some(y)) => x == y || people_alike(x, y),
            _ => true,
        }
        && match (&a.outcome, &b.outcome) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        }
        && same_scope(a, b)
}

/// True when two figures are about the same part of the same event: neither is the earlier
/// value of a change, both have the same scope ("directly", "combined", "other") and the same
/// year, where either names one (a toll "in 2005" is another event's).
pub fn same_scope(a: &Figure, b: &Figure) -> bool {
    !a.frame.prior
        && !b.frame.prior
        && !a.frame.increment
        && !b.frame.increment
        && a.frame.scope == b.frame.scope
        && a.frame.year == b.frame.year
        && a.frame.about == b.frame.about
}

/// True when both figures say what they measure, and say the same ([`measured`]). Two
/// figures that differ without this are two numbers, not a dispute; nor are two sides'
/// shares of one vote ([`super::frame::sided`]): only the quantities, which tell the sides
/// apart, may set two such figures against each other.
pub fn same_measure(a: &Figure, b: &Figure) -> bool {
    if !comparable(a, b) {
        return false;
    }
    if let Some(x) = measured(a) {
        if super::frame::sided(&x) {
            return false;
        }
        if measured(b) == Some(x) {
            return true;
        }
    }
    // One counted kind of people with what befell them said on one side only ("600,000
    // troops killed or injured" vs "lost 300,000 troops"): the same count told two ways.
    let (general, specific) = super::lexicon::people_nouns();
    let one_outcome = a.outcome.is_none() != b.outcome.is_none();
    one_outcome
        && a.what.is_some()
        && a.what == b.what
        && a.what
            .as_ref()
            .is_some_and(|w| specific.contains(w) && !general.contains(w))
}

/// The measured thing of a figure, when it says one: what befell the people it counts
/// ("dead", "injured"; a toll counts the dead), with the counted noun when that is a
/// specific kind of people (the injured officers are not the injured); else a counted noun
/// that names something (not "had" in "30 million had voted", not people in general); else a
/// measure noun ("turnout"). None for dates, earlier values of a change, increments ("seven
/// more") and vague figures.
pub fn measured(f: &Figure) -> Option<String> {
    if !f.kind.comparable() || f.frame.prior || f.frame.increment || f.qualifier == Vague {
        return None;
    }
    let (general, specific) = super::lexicon::people_nouns();
    if f.kind == super::Kind::Count {
        let toll = f.frame.measure.as_deref() == Some("toll");
        let outcome = f
            .outcome
            .clone()
            .or_else(|| toll.then(|| "dead".to_string()));
        if let Some(o) = outcome {
            return Some(match &f.what {
                Some(w) if specific.contains(w) => format!("{o} {w}"),
                _ => o,
            });
        }
        if let Some(w) = &f.what {
            if !general.contains(w) && !super::lexicon::stopwords().contains(w) {
                return Some(w.clone());
            }
        }
    }
    // A magnitude ("a magnitude 6.9 quake") names what it measures by its kind.
    if f.kind == super::Kind::Magnitude {
        return Some("magnitude".to_string());
    }
    f.frame
        .measure
        .clone()
        .filter(|m| m != super::frame::ANAPHOR)
}

/// Counts of people in general and of some people ("14 people" and "12 workers") may be
/// the same count.
fn people_alike(x: &str, y: &str) -> bool {
    let (general, specific) = super::lexicon::people_nouns();
    (general.contains(x) && (general.contains(y) || specific.contains(y)))
        || (general.contains(y) && specific.contains(x))
}

/// Compare two stated figures.
pub fn compare_figures(a: &Figure, b: &Figure) -> Verdict {
    if !comparable(a, b) || !a.value.is_finite() || !b.value.is_finite() {
        return Verdict::Incomparable;
    }
    let agree = if a.upper.is_some() || b.upper.is_some() {
        ranges_agree(a, b)
    } else {
        values_agree(a, b) || values_agree(b, a)
    };
    if agree {
        Verdict::Agree
    } else {
        Verdict::Conflict
    }
}

/// The values a figure's wording allows with its rounding, for comparing it with a range:
/// a range from its bottom to its top ("$40-85bn": 39–86bn), an exact figure its written
/// rounding, a rounded one its share ([`APPROX_SHARE`]); a lower bound has no top, an upper
/// bound no bottom, and an order of magnitude ("hundreds") spans ten times its figure.
fn allowed(f: &Figure) -> (f64, f64) {
    let v = f.value;
    let r = written_rounding(f);
    match (f.upper, f.qualifier) {
        (Some(top), _) => (v - r, top + r),
        (None, Exact) => (v - r, v + r),
        (None, Approx) => {
            let share = (APPROX_SHARE * v.abs()).max(r);
            (v - share, v + share)
        }
        (None, AtLeast) => (v, f64::INFINITY),
        (None, AtMost) => (f64::NEG_INFINITY, v),
        (None, Vague) => (v, v * 10.0),
    }
}

/// Whether two figures, one of them or both a range ("10-12 hours"), agree. Two ranges agree
/// when both their ends do ("10-12 hours" and "10-20 hours" are two statements); a range and
/// any other figure when what the other allows falls in the range, or a bound reaches into
/// it ("more than $50bn" may be within "$40-85bn": precision first, no conflict).
fn ranges_agree(a: &Figure, b: &Figure) -> bool {
    let tol = if a.converted || b.converted {
        0.02
    } else {
        0.0
    };
    match (a.upper, b.upper) {
        (Some(ta), Some(tb)) => {
            let reach = written_rounding(a) + written_rounding(b);
            let end = |x: f64, y: f64| (x - y).abs() <= reach || same(x, y, tol);
            end(a.value, b.value) && end(ta, tb)
        }
        _ => {
            let (alo, ahi) = allowed(a);
            let (blo, bhi) = allowed(b);
            let slack = tol * a.value.abs().max(b.value.abs());
            alo < bhi + slack && blo < ahi + slack
        }
    }
}

/// Room within which a bound restates a figure: its last significant place, at most half.
fn slack(f: &Figure) -> f64 {
    f.place.min(0.5 * f.value.abs()).max(f.value.abs() * 0.001)
}

/// Half the rounding an exact figure carries as written ("72%" is 71.5–72.5, "1.2 million"
/// 1.15–1.25 million), its place taken at most [`WRITTEN_SHARE`] of the value: "10,000"
/// with its trailing zeros is not "anything from 5,000 to 15,000".
fn written_rounding(f: &Figure) -> f64 {
    f.place.min(WRITTEN_SHARE * f.value.abs()) / 2.0
}

/// The largest place an exact figure's rounding is read at, as a share of its value. The
/// seeds hold "10,000" and "11,000" troops as a conflict (spans 9,750–10,250 and
/// 10,725–11,275 at this share); the dev gold holds "72 per cent" as agreeing with 72.2%.
const WRITTEN_SHARE: f64 = 0.05;

fn same(x: f64, y: f64, tol: f64) -> bool {
    (x - y).abs() <= tol * x.abs().max(y.abs()) + 1e-9
}

/// Whether `a`'s statement is compatible with `b`'s, reading `a` as the reference.
fn values_agree(a: &Figure, b: &Figure) -> bool {
    let (x, y) = (a.value, b.value);
    let exact_tol = if a.converted || b.converted {
        0.02
    } else {
        0.0
    };
    let q = |f: &Figure| -> Qualifier { f.qualifier };
    match (q(a), q(b)) {
        (Exact, Exact) => {
            (x - y).abs() <= written_rounding(a) + written_rounding(b) || same(x, y, exact_tol)
        }
        (Approx, Approx) => same(x, y, ROUNDING.max(exact_tol)),
        (Approx, Exact) => {
            (x - y).abs() <= (slack(a) / 2.0).min(APPROX_SHARE * x.abs()) || same(x, y, exact_tol)
        }
        (AtLeast, Exact | Approx) => y >= x * (1.0 - exact_tol) && y - x < slack(a).max(1e-9),
        (AtMost, Exact | Approx) => y <= x * (1.0 + exact_tol) && x - y < slack(a).max(1e-9),
        (AtLeast, AtLeast) | (AtMost, AtMost) => same(x, y, ROUNDING.max(exact_tol)),
        // "more than X" and "up to Y" overlap when X <= Y, and are near restatements when
        // they are close.
        (AtLeast, AtMost) => x <= y && y <= x * 1.5,
        (Vague, Vague) => same(x, y, exact_tol),
        (Vague, _) => y >= x && y < x * 10.0,
        _ => false,
    }
}

/// Compare two likelihood grades: near grades agree; a firm grade against an undetermined
/// one, or a high against a low one, conflict.
pub fn compare_likelihood(a: Grade, b: Grade) -> Verdict {
    match (a, b) {
        (Some(x), Some(y)) => {
            if x.abs_diff(y) >= 2 {
                Verdict::Conflict
            } else {
                Verdict::Agree
            }
        }
        (None, None) => Verdict::Agree,
        (None, Some(g)) | (Some(g), None) => {
            if g >= 3 || g <= 1 {
                Verdict::Conflict
            } else {
                Verdict::Agree
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::facts::extract;
    use crate::model::Span;

    #[track_caller]
    fn verdict(a: &str, b: &str) -> Verdict {
        let fig = |s: &str| extract(s, Span::new(0, s.len())).figures.remove(0);
        compare_figures(&fig(a), &fig(b))
    }

    /// A figure written to a finer place inside another's rounding agrees with it.
    #[test]
    fn finer_figure_inside_rounding_agrees() {
        assert_eq!(
            verdict("a turnout of 63.2%", "a turnout of 63.24%"),
            Verdict::Agree
        );
        assert_eq!(
            verdict("a turnout of 63%", "a turnout of 63.2%"),
            Verdict::Agree
        );
    }
}
