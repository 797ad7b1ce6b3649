//! `dossier compare A B`: two articles claim by claim, conflicts first.

use super::term::Paint;
use super::{Format, Out};
use crate::model::claims::{self, Comparison, Relation};
use crate::model::corrections::PairVerdict;
use crate::model::{Article, ArticleId, Dossier, Span};
use anyhow::Result;
use serde::Serialize;

#[derive(Serialize)]
struct SpanJson<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct DiffJson<'a> {
    left: &'a str,
    right: &'a str,
    what: &'a str,
    left_span: Option<Span>,
    right_span: Option<Span>,
}

#[derive(Serialize)]
struct PairJson<'a> {
    relation: &'static str,
    /// True when the analyst's verdict made the pair `related` (absent otherwise).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    corrected: bool,
    /// Dossier's own relation of a corrected pair.
    #[serde(skip_serializing_if = "Option::is_none")]
    relation_detected: Option<&'static str>,
    /// The verdict ("not-a-conflict", "explained", "not-corroborated") and its note.
    #[serde(skip_serializing_if = "Option::is_none")]
    verdict: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    score: f32,
    left: SpanJson<'a>,
    right: SpanJson<'a>,
    differences: Vec<DiffJson<'a>>,
}

#[derive(Serialize)]
struct CompareJson<'a> {
    left: &'a str,
    right: &'a str,
    pairs: Vec<PairJson<'a>>,
    left_only: Vec<SpanJson<'a>>,
    right_only: Vec<SpanJson<'a>>,
}

fn span_json(a: &Article, s: Span) -> SpanJson<'_> {
    SpanJson {
        start: s.start,
        end: s.end,
        text: a.text.get(s.range()).unwrap_or(""),
    }
}

/// The analyst's verdict on a pair, if any (it makes the pair `related`).
fn verdict<'d>(d: &'d Dossier, c: &Comparison, p: &claims::Pair) -> Option<&'d PairVerdict> {
    d.corrected
        .pair_verdict((c.left, p.left), (c.right, p.right))
}

/// A pair's relation once corrected.
fn relation(d: &Dossier, c: &Comparison, p: &claims::Pair) -> Relation {
    verdict(d, c, p).map_or(p.relation, |_| Relation::Related)
}

/// Pairs in reading order, conflicts first.
fn ordered<'c>(d: &Dossier, c: &'c Comparison) -> Vec<&'c claims::Pair> {
    let mut pairs: Vec<&claims::Pair> = c.pairs.iter().collect();
    pairs.sort_by_key(|p| {
        (
            relation(d, c, p) != Relation::Conflict,
            p.left.start,
            p.right.start,
        )
    });
    pairs
}

/// Print the comparison of two articles.
pub fn run(d: &Dossier, left: ArticleId, right: ArticleId, out: &mut Out) -> Result<()> {
    let c = claims::compare(d, left, right);
    let (la, ra) = (d.article(left), d.article(right));
    if out.format == Format::Json {
        let pairs = ordered(d, &c)
            .into_iter()
            .map(|p| PairJson {
                relation: relation(d, &c, p).as_str(),
                corrected: verdict(d, &c, p).is_some(),
                relation_detected: verdict(d, &c, p).map(|_| p.relation.as_str()),
                verdict: verdict(d, &c, p).map(|v| v.verdict.as_str()),
                note: verdict(d, &c, p).and_then(|v| v.note.as_deref()),
                score: p.score,
                left: span_json(la, p.left),
                right: span_json(ra, p.right),
                differences: p
                    .differences
                    .iter()
                    .map(|x| DiffJson {
                        left: &x.left,
                        right: &x.right,
                        what: &x.what,
                        left_span: x.left_span,
                        right_span: x.right_span,
                    })
                    .collect(),
            })
            .collect();
        return out.json(&CompareJson {
            left: &la.file,
            right: &ra.file,
            pairs,
            left_only: c.left_only.iter().map(|&s| span_json(la, s)).collect(),
            right_only: c.right_only.iter().map(|&s| span_json(ra, s)).collect(),
        });
    }
    text(d, &c, out)
}

/// The text with each differing figure marked `»…«`, so it shows without colour.
fn marked(text: &str, base: Span, marks: &[Span]) -> String {
    let mut s = String::new();
    let mut at = base.start;
    let mut spans: Vec<Span> = marks
        .iter()
        .copied()
        .filter(|m| base.contains(*m) && !m.is_empty())
        .collect();
    spans.sort();
    for m in spans {
        if m.start < at {
            continue;
        }
        s.push_str(text.get(at..m.start).unwrap_or(""));
        s.push('»');
        s.push_str(text.get(m.range()).unwrap_or(""));
        s.push('«');
        at = m.end;
    }
    s.push_str(text.get(at..base.end).unwrap_or(""));
    s
}

fn text(d: &Dossier, c: &Comparison, out: &mut Out) -> Result<()> {
    let (la, ra) = (d.article(c.left), d.article(c.right));
    let conflicts = c
        .pairs
        .iter()
        .filter(|p| relation(d, c, p) == Relation::Conflict)
        .count();
    for (side, a) in [("L", la), ("R", ra)] {
        let title = format!("{side} {}", out.text(a.display_title()));
        out.line(&out.paint(Paint::Strong, &title))?;
    }
    out.line(&format!(
        "{} pairs ({} in conflict), {} only left, {} only right",
        c.pairs.len(),
        conflicts,
        c.left_only.len(),
        c.right_only.len()
    ))?;
    for p in ordered(d, c) {
        out.line("")?;
        let (tag, paint) = match relation(d, c, p) {
            Relation::Conflict => ("CONFLICT", Paint::Conflict),
            Relation::Agree => ("agree", Paint::Agree),
            Relation::Related => ("related", Paint::Dim),
        };
        let tag = out.paint(paint, tag);
        let why = verdict(d, c, p).map_or(String::new(), |v| {
            let note = v
                .note
                .as_deref()
                .map(|n| format!(": {n}"))
                .unwrap_or_default();
            out.text(&format!(
                " · corrected, was {}: {}{note}",
                p.relation.as_str(),
                v.verdict.as_str()
            ))
            .into_owned()
        });
        out.line(&format!("{tag} ({:.2}){why}", p.score))?;
        let lm: Vec<Span> = p.differences.iter().filter_map(|x| x.left_span).collect();
        let rm: Vec<Span> = p.differences.iter().filter_map(|x| x.right_span).collect();
        for l in out.wrap(&out.text(&marked(&la.text, p.left, &lm)), "  L ", "    ") {
            out.line(&l)?;
        }
        for l in out.wrap(&out.text(&marked(&ra.text, p.right, &rm)), "  R ", "    ") {
            out.line(&l)?;
        }
        for x in &p.differences {
            let s = format!("{}: {} vs {}", x.what, x.left, x.right);
            for l in out.wrap(&out.text(&s), "  ≠ ", "    ") {
                out.line(&out.paint(Paint::Conflict, &l))?;
            }
        }
    }
    for (side, a, spans) in [("left", la, &c.left_only), ("right", ra, &c.right_only)] {
        if spans.is_empty() {
            continue;
        }
        out.line("")?;
        let head = format!("only {side} ({}):", out.text(&a.file));
        out.line(&out.paint(Paint::Strong, &head))?;
        for &s in spans.iter() {
            for l in out.wrap(
                &out.text(a.text.get(s.range()).unwrap_or("")),
                "  - ",
                "    ",
            ) {
                out.line(&l)?;
            }
        }
    }
    out.flush()?;
    Ok(())
}
