//! `dossier figures`: the dossier's figures grouped by what they measure, one row per
//! quantity, each mention with the day it was true, its outlet, value as written and holder
//! (a timeline), and the pairs of mentions that conflict.

use super::sources::fit;
use super::term::Paint;
use super::{Format, Out};
use crate::model::analysis::{mention_day, timeline};
use crate::model::claims::{Aligner, FigureMention, Quantity};
use crate::model::facts::Qualifier;
use crate::model::Dossier;
use anyhow::Result;
use serde::Serialize;

#[derive(Serialize)]
struct MentionJson<'a> {
    article: &'a str,
    /// The sentence or clause stating the figure (bytes into the file).
    start: usize,
    end: usize,
    text: &'a str,
    value: f64,
    value_start: usize,
    value_end: usize,
    /// The bounds the wording allows (null: unbounded on that side).
    low: Option<f64>,
    high: Option<f64>,
    qualifier: &'static str,
    holder: Option<&'a str>,
    as_of: Option<&'a str>,
    /// The day the figure's clause names, as written ("Sunday"), also where the article's
    /// date is unknown and `as_of` is null.
    day: Option<&'a str>,
}

#[derive(Serialize)]
struct ConflictJson {
    a: usize,
    b: usize,
    what: String,
}

#[derive(Serialize)]
struct QuantityJson<'a> {
    id: String,
    quantity: String,
    kind: &'static str,
    unit: Option<&'a str>,
    mentions: Vec<MentionJson<'a>>,
    conflicts: Vec<ConflictJson>,
    /// Conflicts the analyst judged related (not a conflict, or explained), with the note.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related: Vec<RelatedJson<'a>>,
}

#[derive(Serialize)]
struct RelatedJson<'a> {
    a: usize,
    b: usize,
    what: String,
    corrected: bool,
    verdict: &'static str,
    note: Option<&'a str>,
}

/// The analyst's verdict on a conflict between two mentions, if any.
fn verdict<'d>(
    d: &'d Dossier,
    x: &FigureMention,
    y: &FigureMention,
) -> Option<&'d crate::model::corrections::PairVerdict> {
    d.corrected
        .pair_verdict((x.article, x.clause), (y.article, y.clause))
}

fn qualifier_name(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "exact",
        Qualifier::Approx => "approx",
        Qualifier::AtLeast => "atleast",
        Qualifier::AtMost => "atmost",
        Qualifier::Vague => "vague",
    }
}

/// The bounds a figure's wording allows: an exact or approximate figure its value, a lower
/// bound no upper one, an upper bound no lower one, a range ("10-12 hours") its two ends.
fn bounds(m: &FigureMention) -> (Option<f64>, Option<f64>) {
    let v = m.figure.value;
    if let Some(top) = m.figure.upper {
        return (Some(v), Some(top));
    }
    match m.figure.qualifier {
        Qualifier::AtLeast => (Some(v), None),
        Qualifier::AtMost => (None, Some(v)),
        Qualifier::Vague => (Some(v), None),
        Qualifier::Exact | Qualifier::Approx => (Some(v), Some(v)),
    }
}

fn mention_json<'a>(d: &'a Dossier, m: &'a FigureMention) -> MentionJson<'a> {
    let a = d.article(m.article);
    let (low, high) = bounds(m);
    MentionJson {
        article: &a.file,
        start: m.clause.start,
        end: m.clause.end,
        text: a.text.get(m.clause.range()).unwrap_or(""),
        value: m.figure.value,
        value_start: m.figure.span.start,
        value_end: m.figure.span.end,
        low,
        high,
        qualifier: qualifier_name(m.figure.qualifier),
        holder: m.holder.as_deref(),
        as_of: m.as_of.as_deref(),
        day: m.day_written(&a.text),
    }
}

fn quantity_json<'a>(d: &'a Dossier, i: usize, q: &'a Quantity) -> QuantityJson<'a> {
    QuantityJson {
        id: format!("q{}", i + 1),
        quantity: q.name(),
        kind: q.kind.as_str(),
        unit: q.unit.as_deref(),
        mentions: q.mentions.iter().map(|m| mention_json(d, m)).collect(),
        related: q
            .conflicts
            .iter()
            .filter_map(|c| {
                let v = verdict(d, &q.mentions[c.a], &q.mentions[c.b])?;
                Some(RelatedJson {
                    a: c.a,
                    b: c.b,
                    what: format!(
                        "{} vs {}",
                        q.mentions[c.a].figure.text, q.mentions[c.b].figure.text
                    ),
                    corrected: true,
                    verdict: v.verdict.as_str(),
                    note: v.note.as_deref(),
                })
            })
            .collect(),
        conflicts: q
            .conflicts
            .iter()
            .filter(|c| verdict(d, &q.mentions[c.a], &q.mentions[c.b]).is_none())
            .map(|c| ConflictJson {
                a: c.a,
                b: c.b,
                what: format!(
                    "{} vs {}",
                    q.mentions[c.a].figure.text, q.mentions[c.b].figure.text
                ),
            })
            .collect(),
    }
}

/// The outlet of a mention's article, or its file stem when none is known.
fn outlet(d: &Dossier, m: &FigureMention) -> String {
    outlet_name(d, m.article)
}

/// The outlet of an article, or its file stem when none is known.
pub(super) fn outlet_name(d: &Dossier, id: crate::model::ArticleId) -> String {
    let a = d.article(id);
    a.meta.outlet.clone().unwrap_or_else(|| {
        a.file
            .rsplit_once('.')
            .map_or(a.file.clone(), |x| x.0.to_string())
    })
}

/// The width of the day column ("2021-03-07") and its space.
const DAY_W: usize = 11;

/// Print the quantities (JSON: an array, empty when the dossier states no figures).
pub fn run(d: &Dossier, out: &mut Out) -> Result<()> {
    let aligner = Aligner::new(d);
    let qs = aligner.quantities();
    if out.format == Format::Json {
        let v: Vec<QuantityJson> = qs
            .iter()
            .enumerate()
            .map(|(i, q)| quantity_json(d, i, q))
            .collect();
        return out.json(&v);
    }
    if qs.is_empty() {
        out.line("no figure is stated by two articles")?;
        out.flush()?;
        return Ok(());
    }
    let outlet_w = 18;
    let value_w = 22;
    let holder_w = out
        .width
        .saturating_sub(8 + DAY_W + outlet_w + value_w + 3)
        .max(10);
    for (i, q) in qs.iter().enumerate() {
        // Conflicts the analyst judged related are not shown as conflicts.
        let conflicts: Vec<_> = q
            .conflicts
            .iter()
            .filter(|c| verdict(d, &q.mentions[c.a], &q.mentions[c.b]).is_none())
            .collect();
        let unit = q
            .unit
            .as_deref()
            .map(|u| format!(", {u}"))
            .unwrap_or_default();
        let head = format!(
            "q{:<4} {} ({}{unit}): {} mentions, {} conflicts",
            i + 1,
            out.text(&q.name()),
            q.kind.as_str(),
            q.mentions.len(),
            conflicts.len()
        );
        out.line(&out.paint(Paint::Strong, &head))?;
        for k in timeline(d, q) {
            let m = &q.mentions[k];
            let mark = if conflicts.iter().any(|c| c.a == k || c.b == k) {
                out.paint(Paint::Conflict, "≠")
            } else {
                " ".to_string()
            };
            let day = mention_day(d, m).text();
            out.line(&format!(
                "  {mark} {:>3} {:<10} {} {} {}",
                k,
                out.text(day),
                fit(&out.text(&outlet(d, m)), outlet_w),
                fit(&out.text(&m.figure.text), value_w),
                fit(&out.text(m.holder.as_deref().unwrap_or("")), holder_w).trim_end()
            ))?;
        }
        for c in conflicts {
            let (x, y) = (&q.mentions[c.a], &q.mentions[c.b]);
            let s = format!(
                "{} ({}) vs {} ({})",
                x.figure.text,
                outlet(d, x),
                y.figure.text,
                outlet(d, y)
            );
            for l in out.wrap(&out.text(&s), "    ≠ ", "      ") {
                out.line(&out.paint(Paint::Conflict, &l))?;
            }
        }
        out.line("")?;
    }
    out.flush()?;
    Ok(())
}
