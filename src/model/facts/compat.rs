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
    let agree = values_agree(a, b) || values_agree(b, a);
    if agree {
        Verdict::Agree
    } else {
        Verdict::Conflict
    }
}

/// Room within which a bound restates a figure: its last significant place, at most half.
fn slack(f: &Figure) -> f64 {
    f.place.min(0.5 * f.value.abs()).max(f.value.abs() * 0.001)
}

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
        (Exact, Exact) => same(x, y, exact_tol),
        (Approx, Approx) => same(x, y, ROUNDING.max(exact_tol)),
        (Approx, Exact) => {
            (x - y).abs() <= (slack(a) / 2.0).min(ROUNDING * x.abs()) || same(x, y, exact_tol)
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
