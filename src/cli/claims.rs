//! `dossier claims`: the claims stated across the dossier, which articles state them, with
//! what values, and where they conflict.

use super::sources::fit;
use super::term::Paint;
use super::{Format, Out};
use crate::model::analysis::{self, Analysis};
use crate::model::claims::{Cluster, ClusterConflict};
use crate::model::{ArticleId, Dossier};
use anyhow::Result;
use serde::Serialize;

#[derive(Serialize)]
struct MentionJson<'a> {
    article: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    values: &'a [String],
    attribution: Option<&'a str>,
}

#[derive(Serialize)]
struct ConflictJson<'a> {
    a: usize,
    b: usize,
    left: &'a str,
    right: &'a str,
    /// The outlet of each side (the file stem when no outlet is known).
    left_outlet: String,
    right_outlet: String,
    what: &'a str,
}

impl<'a> ConflictJson<'a> {
    /// A conflict of cluster `c`, each side with its outlet.
    fn of(d: &Dossier, c: &Cluster, x: &'a ClusterConflict) -> Self {
        ConflictJson {
            a: x.a,
            b: x.b,
            left: &x.left,
            right: &x.right,
            left_outlet: outlet_of(d, c, x.a),
            right_outlet: outlet_of(d, c, x.b),
            what: &x.what,
        }
    }
}

/// The outlet of the article of a cluster's mention `i`, or its file stem.
fn outlet_of(d: &Dossier, c: &Cluster, i: usize) -> String {
    c.mentions
        .get(i)
        .map(|m| super::figures::outlet_name(d, m.article))
        .unwrap_or_default()
}

#[derive(Serialize)]
struct ClusterJson<'a> {
    id: String,
    summary: String,
    articles: usize,
    mentions: Vec<MentionJson<'a>>,
    conflicts: Vec<ConflictJson<'a>>,
    /// Conflicts the analyst judged related, with the verdict and note.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related: Vec<RelatedJson<'a>>,
}

#[derive(Serialize)]
struct RelatedJson<'a> {
    #[serde(flatten)]
    conflict: ConflictJson<'a>,
    corrected: bool,
    verdict: &'static str,
    note: Option<&'a str>,
}

/// A one-line summary: the shortest mention, cut to 100 characters.
pub fn summary(d: &Dossier, c: &Cluster) -> String {
    let text = c
        .mentions
        .iter()
        .filter_map(|m| d.article(m.article).text.get(m.span.range()))
        .min_by_key(|t| t.len())
        .unwrap_or("");
    let one: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() > 100 {
        format!("{}…", one.chars().take(99).collect::<String>())
    } else {
        one
    }
}

/// Print the claim clusters (only conflicting ones with `conflicts_only`).
pub fn run(d: &Dossier, conflicts_only: bool, out: &mut Out) -> Result<()> {
    let an = Analysis::new(d);
    // With each cluster its index in the analysis, where its matrix row refers to it.
    let clusters: Vec<(usize, &Cluster)> = an
        .clusters
        .iter()
        .enumerate()
        .filter(|(_, c)| !conflicts_only || !c.conflicts.is_empty())
        .collect();
    if out.format == Format::Json {
        let v: Vec<ClusterJson> = clusters
            .iter()
            .map(|&(index, c)| ClusterJson {
                related: an.judged[index]
                    .iter()
                    .map(|(x, v)| RelatedJson {
                        conflict: ConflictJson::of(d, c, x),
                        corrected: true,
                        verdict: v.verdict.as_str(),
                        note: v.note.as_deref(),
                    })
                    .collect(),
                id: format!("c{}", c.id),
                summary: summary(d, c),
                articles: c.articles().len(),
                mentions: c
                    .mentions
                    .iter()
                    .map(|m| {
                        let a = d.article(m.article);
                        MentionJson {
                            article: &a.file,
                            start: m.span.start,
                            end: m.span.end,
                            text: a.text.get(m.span.range()).unwrap_or(""),
                            values: &m.values,
                            attribution: m.attribution.as_deref(),
                        }
                    })
                    .collect(),
                conflicts: c
                    .conflicts
                    .iter()
                    .map(|x| ConflictJson::of(d, c, x))
                    .collect(),
            })
            .collect();
        return out.json(&v);
    }
    // The coverage matrix: one row per claim, one column per article.
    let n = d.articles.len();
    let head: String = (1..=n).map(|i| format!("{:>3}", i % 1000)).collect();
    let sum_w = out.width.saturating_sub(6 + 3 * n + 2).max(20);
    let legend = format!(
        "{:<5} {head}  CLAIM ({} reports it, {} in conflict, {} silent)",
        "ID",
        analysis::REPORTS,
        analysis::CONFLICTS,
        analysis::ABSENT
    );
    out.line(&out.paint(Paint::Strong, &legend))?;
    // The matrix's rows by cluster: its cells say who states the claim, and who conflicts.
    let mut by_cluster = vec![None; an.clusters.len()];
    for r in &an.matrix.rows {
        by_cluster[r.cluster] = Some(r);
    }
    for (index, c) in clusters {
        let row = by_cluster.get(index).copied().flatten();
        let cells: String = (0..n)
            .map(|i| {
                let cell = row.and_then(|r| r.cell(ArticleId(i)));
                let (glyph, paint) = match cell.map(|c| c.stance) {
                    None => (analysis::ABSENT, Paint::Dim),
                    Some(analysis::Stance::Reports) => (analysis::REPORTS, Paint::Agree),
                    Some(analysis::Stance::Conflicts) => (analysis::CONFLICTS, Paint::Conflict),
                };
                format!("  {}", out.paint(paint, glyph))
            })
            .collect();
        out.line(&format!(
            "{} {cells}  {}",
            out.paint(Paint::Dim, &format!("{:<5}", format!("c{}", c.id))),
            fit(&out.text(&summary(d, c)), sum_w).trim_end()
        ))?;
        for x in &c.conflicts {
            let s = format!(
                "{}: {} [{}] vs {} [{}]",
                x.what,
                x.left,
                outlet_of(d, c, x.a),
                x.right,
                outlet_of(d, c, x.b)
            );
            let first = format!("      {} ", analysis::CONFLICTS);
            for l in out.wrap(&out.text(&s), &first, "        ") {
                out.line(&out.paint(Paint::Conflict, &l))?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// One row of `dossier claims --only-in ARTICLE --format json`.
#[derive(Serialize)]
struct OnlyJson<'a> {
    article: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    /// The figures the claim states, as written (empty: a claim with no figure).
    figures: Vec<String>,
}

/// Print the claims of one article that no other outlet states (no claim cluster holds
/// them with an article of another outlet), figures first.
pub fn only_in(d: &Dossier, id: crate::model::ArticleId, out: &mut Out) -> Result<()> {
    let a = d.article(id);
    let clusters = crate::model::claims::cluster(d);
    let rows: Vec<OnlyJson> = crate::model::onlyhere::only_in(d, &clusters, id)
        .into_iter()
        .map(|o| OnlyJson {
            article: &a.file,
            start: o.span.start,
            end: o.span.end,
            text: a.slice(o.span),
            figures: o.figures,
        })
        .collect();
    if out.format == Format::Json {
        return out.json(&rows);
    }
    out.line(&format!(
        "{} claims only {} states",
        rows.len(),
        out.text(a.meta.outlet.as_deref().unwrap_or(&a.file))
    ))?;
    for r in &rows {
        let mark = if r.figures.is_empty() { "  - " } else { "  # " };
        for l in out.wrap(&out.text(r.text), mark, "    ") {
            out.line(&l)?;
        }
    }
    out.flush()?;
    Ok(())
}
