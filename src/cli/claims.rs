//! `dossier claims`: the claims stated across the dossier, which articles state them, with
//! what values, and where they conflict.

use super::sources::fit;
use super::term::Paint;
use super::{Format, Out};
use crate::model::analysis::{self, Analysis};
use crate::model::claims::Cluster;
use crate::model::Dossier;
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
    what: &'a str,
}

#[derive(Serialize)]
struct ClusterJson<'a> {
    id: String,
    summary: String,
    articles: usize,
    mentions: Vec<MentionJson<'a>>,
    conflicts: Vec<ConflictJson<'a>>,
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
            .map(|&(_, c)| ClusterJson {
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
                    .map(|x| ConflictJson {
                        a: x.a,
                        b: x.b,
                        left: &x.left,
                        right: &x.right,
                        what: &x.what,
                    })
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
                let cell = row.and_then(|r| r.cells.get(i)).and_then(Option::as_ref);
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
            let s = format!("{}: {} vs {}", x.what, x.left, x.right);
            let first = format!("      {} ", analysis::CONFLICTS);
            for l in out.wrap(&out.text(&s), &first, "        ") {
                out.line(&out.paint(Paint::Conflict, &l))?;
            }
        }
    }
    out.flush()?;
    Ok(())
}
