//! Amounts in two currencies compared only through the rates the articles themselves state:
//! "€450m ($500m)" states a rate between euros and dollars, and with it "more than $400m"
//! pledged in one outlet and "at least €300m" pledged in another are one quantity, set
//! side by side in euros. Where no article states a rate, or the stated ones disagree,
//! amounts in two currencies stay apart (precision first: no rate of the day is guessed).

use super::Quantity;
use crate::model::facts::lexicon::FastMap;
use crate::model::facts::{Figure, Kind};

/// How far apart (as a ratio) the rates the dossier states for one pair of currencies may
/// be and still be read as one rate. On the dev dossiers five outlets' euro-to-pound
/// conversions of pledges spread 1.2% (0.860 to 0.870, each rounded to the million); a
/// spread past 5% is no shared rate but a bracket that is no conversion.
const RATE_SPREAD: f64 = 1.05;

/// The conversions the articles state: (from, to, units of `to` per unit of `from`).
#[derive(Debug, Default)]
pub(super) struct Rates(Vec<(String, String, f64)>);

impl Rates {
    /// Note the conversions one claim states: an amount followed by an amount in another
    /// currency in brackets ("€40m (£34m)").
    pub(super) fn note(&mut self, text: &str, figures: &[Figure]) {
        for w in figures.windows(2) {
            let (f, g) = (&w[0], &w[1]);
            let money = f.kind == Kind::Money && g.kind == Kind::Money;
            let (Some(a), Some(b)) = (&f.unit, &g.unit) else {
                continue;
            };
            if !money || a == b || f.value <= 0.0 || g.value <= 0.0 {
                continue;
            }
            let between = text.get(f.span.end..g.span.start).unwrap_or("");
            let closed = text
                .get(g.span.end..)
                .is_some_and(|t| t.trim_start().starts_with(')'));
            if between.trim() == "(" && closed {
                self.0.push((a.clone(), b.clone(), g.value / f.value));
            }
        }
    }

    /// Units of `to` one unit of `from` is worth by the stated rates (their mean); none when
    /// none is stated or they spread past [`RATE_SPREAD`].
    pub(super) fn rate(&self, from: &str, to: &str) -> Option<f64> {
        let all: Vec<f64> = self
            .0
            .iter()
            .filter_map(|(a, b, r)| {
                if a == from && b == to {
                    Some(*r)
                } else if a == to && b == from {
                    Some(1.0 / r)
                } else {
                    None
                }
            })
            .collect();
        let lo = all.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = all.iter().copied().fold(0.0, f64::max);
        (!all.is_empty() && hi <= lo * RATE_SPREAD)
            .then(|| all.iter().sum::<f64>() / all.len() as f64)
    }
}

/// Join the quantities of money that measure one thing (one label) in two currencies the
/// dossier states a rate between: the one with fewer mentions joins the other, its amounts
/// converted (value and rounding in the other's currency, marked converted so that the
/// comparison allows for the rate's rounding), its text as written.
pub(super) fn join_currencies(out: Vec<Quantity>, rates: &Rates) -> Vec<Quantity> {
    let mut out: Vec<Option<Quantity>> = out.into_iter().map(Some).collect();
    let mut by_label: FastMap<String, Vec<usize>> = FastMap::default();
    for (i, q) in out.iter().enumerate() {
        if let Some(q) = q
            .as_ref()
            .filter(|q| q.kind == Kind::Money && q.unit.is_some())
        {
            by_label.entry(q.label.clone()).or_default().push(i);
        }
    }
    for group in by_label.values().filter(|g| g.len() > 1) {
        for (k, &i) in group.iter().enumerate() {
            for &j in &group[k + 1..] {
                let (Some(a), Some(b)) = (&out[i], &out[j]) else {
                    continue;
                };
                let (base, other) = if b.mentions.len() > a.mentions.len() {
                    (j, i)
                } else {
                    (i, j)
                };
                let unit = |x: usize| out[x].as_ref().and_then(|q| q.unit.clone());
                let (Some(to), Some(from)) = (unit(base), unit(other)) else {
                    continue;
                };
                let Some(rate) = rates.rate(&from, &to) else {
                    continue;
                };
                let Some(moved) = out[other].take() else {
                    continue;
                };
                if let Some(q) = out[base].as_mut() {
                    q.mentions.extend(moved.mentions.into_iter().map(|mut m| {
                        m.figure.value *= rate;
                        m.figure.place *= rate;
                        m.figure.converted = true;
                        m.figure.unit = Some(to.clone());
                        m
                    }));
                    q.mentions
                        .sort_by_key(|m| (m.article.0, m.figure.span.start));
                }
            }
        }
    }
    out.into_iter().flatten().collect()
}
