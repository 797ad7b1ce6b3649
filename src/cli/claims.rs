//! `dossier claims`: the claims stated across the dossier, which articles state them, with
//! what values, and where they conflict.

use super::sources::fit;
use super::{Format, Out};
use crate::model::claims::{cluster, Cluster};
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
    let mut clusters = cluster(d);
    // Conflicts the analyst judged are related, not conflicts.
    let judged: Vec<Vec<_>> = clusters
        .iter_mut()
        .map(|c| d.corrected.take_judged(c))
        .collect();
    let (clusters, judged): (Vec<Cluster>, Vec<_>) = clusters
        .into_iter()
        .zip(judged)
        .filter(|(c, _)| !conflicts_only || !c.conflicts.is_empty())
        .unzip();
    if out.format == Format::Json {
        let v: Vec<ClusterJson> = clusters
            .iter()
            .zip(&judged)
            .map(|(c, judged)| ClusterJson {
                related: judged
                    .iter()
                    .map(|(x, v)| RelatedJson {
                        conflict: ConflictJson {
                            a: x.a,
                            b: x.b,
                            left: &x.left,
                            right: &x.right,
                            what: &x.what,
                        },
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
    out.line(&format!(
        "{:<5} {head}  CLAIM (■ states it, ✗ in conflict)",
        "ID"
    ))?;
    for c in &clusters {
        let cells: String = (0..n)
            .map(|i| {
                let idx: Vec<usize> = c
                    .mentions
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| m.article.0 == i)
                    .map(|(k, _)| k)
                    .collect();
                if idx.is_empty() {
                    "  ·".to_string()
                } else if c
                    .conflicts
                    .iter()
                    .any(|x| idx.contains(&x.a) || idx.contains(&x.b))
                {
                    "  ✗".to_string()
                } else {
                    "  ■".to_string()
                }
            })
            .collect();
        out.line(&format!(
            "{:<5} {cells}  {}",
            format!("c{}", c.id),
            fit(&out.text(&summary(d, c)), sum_w).trim_end()
        ))?;
        for x in &c.conflicts {
            let s = format!("{}: {} vs {}", x.what, x.left, x.right);
            for l in out.wrap(&out.text(&s), "      ≠ ", "        ") {
                out.line(&l)?;
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
    // An article's outlet, else its file: two articles of one outlet are one source.
    let outlet = |x: crate::model::ArticleId| {
        let x = d.article(x);
        x.meta.outlet.as_deref().unwrap_or(&x.file).to_lowercase()
    };
    let own = outlet(id);
    let shared: Vec<crate::model::Span> = cluster(d)
        .into_iter()
        .filter(|c| c.mentions.iter().any(|m| outlet(m.article) != own))
        .flat_map(|c| c.mentions.into_iter())
        .filter(|m| m.article == id)
        .map(|m| m.span)
        .collect();
    let mut rows: Vec<OnlyJson> = crate::model::claims::claim_spans(a)
        .into_iter()
        .filter(|s| !shared.iter().any(|x| x.overlaps(*s)))
        .map(|s| OnlyJson {
            article: &a.file,
            start: s.start,
            end: s.end,
            text: a.slice(s),
            figures: crate::model::facts::extract(&a.text, s)
                .figures
                .into_iter()
                .map(|f| f.text)
                .collect(),
        })
        .collect();
    rows.sort_by_key(|r| (r.figures.is_empty(), r.start));
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
