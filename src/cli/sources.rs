//! `dossier sources` and the summary printed by `dossier` alone.

use super::term::Paint;
use super::{Format, Out};
use crate::model::analysis::Analysis;
use crate::model::Dossier;
use anyhow::Result;
use serde::Serialize;

/// One row of `dossier sources --format json`.
#[derive(Debug, Serialize)]
pub struct SourceRow<'a> {
    pub article: &'a str,
    pub title: &'a str,
    pub outlet: Option<&'a str>,
    /// True unless the outlet came from the manifest or the page's own metadata.
    pub outlet_inferred: bool,
    /// The wire agencies the article credits, or null.
    pub agency: Option<&'a str>,
    pub author: Option<&'a str>,
    pub date: Option<&'a str>,
    /// When the article says it was last updated, or null.
    pub updated: Option<&'a str>,
    /// The canonical URL (from a web page or the manifest), or null.
    pub url: Option<&'a str>,
    /// The page's language (BCP 47, from a web page's markup), or null.
    pub language: Option<&'a str>,
    pub words: usize,
    pub paragraphs: usize,
    pub noise_paragraphs: usize,
    /// Direct quotes found in the article.
    pub quotes: usize,
    pub lossy: bool,
    /// Claims of this article that another article states too.
    pub claims_shared: usize,
    /// Claims of this article that no other article states.
    pub claims_unique: usize,
    /// Claims of this article whose figures or likelihood another article contradicts.
    pub claims_conflicting: usize,
    /// True when a saved correction set some of the metadata (absent otherwise).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub corrected: bool,
    /// Dossier's own value of each corrected field (null: it found none).
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub meta_detected: std::collections::BTreeMap<&'static str, Option<&'a str>>,
}

/// The rows, one per article, with the claim counts of the dossier's analysis.
pub fn rows<'a>(d: &'a Dossier, an: &Analysis) -> Vec<SourceRow<'a>> {
    d.articles
        .iter()
        .zip(&an.sources)
        .map(|(a, counts)| SourceRow {
            article: &a.file,
            title: a.display_title(),
            outlet: a.meta.outlet.as_deref(),
            outlet_inferred: a.meta.outlet_inferred,
            agency: a.meta.agency.as_deref(),
            author: a.meta.author.as_deref(),
            date: a.meta.date.as_deref(),
            updated: a.meta.updated.as_deref(),
            url: a.meta.url.as_deref(),
            language: a.meta.language.as_deref(),
            words: a.meta.words,
            paragraphs: a.paragraphs.len(),
            noise_paragraphs: a.paragraphs.iter().filter(|p| p.kind.is_noise()).count(),
            quotes: d.quotes.iter().filter(|q| q.article() == a.id).count(),
            lossy: a.lossy,
            claims_shared: counts.shared,
            claims_unique: counts.unique,
            claims_conflicting: counts.conflicting,
            corrected: d.corrected.meta_detected(a.id).next().is_some(),
            meta_detected: d
                .corrected
                .meta_detected(a.id)
                .map(|(f, v)| (f.as_str(), v))
                .collect(),
        })
        .collect()
}

/// Cut `s` to `n` columns with an ellipsis, padded to `n` columns (wide CJK and emoji
/// take two, combining marks none, so the table's columns stay aligned).
pub(crate) fn fit(s: &str, n: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let w = s.width();
    if w <= n {
        return format!("{s}{}", " ".repeat(n - w));
    }
    let (mut head, mut used) = (String::new(), 0);
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw > n.saturating_sub(1) {
            break;
        }
        used += cw;
        head.push(c);
    }
    format!("{head}…{}", " ".repeat(n.saturating_sub(1) - used))
}

/// Print the sources table (or JSON).
pub fn run(d: &Dossier, out: &mut Out) -> Result<()> {
    run_with(d, &Analysis::new(d), out)
}

/// Print the sources table (or JSON) with the dossier's claims analysed in `an`.
pub fn run_with(d: &Dossier, an: &Analysis, out: &mut Out) -> Result<()> {
    let rows = rows(d, an);
    if out.format == Format::Json {
        return out.json(&rows);
    }
    let dash = "-";
    let title_w = out
        .width
        .saturating_sub(3 + 1 + 26 + 1 + 18 + 1 + 16 + 1 + 10 + 1 + 6 + 1 + 10 + 5)
        .clamp(24, 60);
    // The number column grows with the dossier (1,000 articles need four digits).
    let num_w = rows.len().to_string().len().max(3);
    let head = format!(
        "{:>num_w$} {:<26} {:<title_w$} {:<18} {:<16} {:<10} {:>6} {:>10}",
        "#", "ARTICLE", "TITLE", "OUTLET", "AUTHOR", "DATE", "WORDS", "SHR/UNQ/≠"
    );
    out.line(&out.paint(Paint::Strong, &head))?;
    for (i, r) in rows.iter().enumerate() {
        out.line(&format!(
            "{:>num_w$} {} {} {} {} {} {:>6} {:>10}",
            i + 1,
            fit(&out.text(r.article), 26),
            fit(&out.text(r.title), title_w),
            fit(&out.text(r.outlet.unwrap_or(dash)), 18),
            fit(&out.text(r.author.unwrap_or(dash)), 16),
            // The day only: a web page's time and offset are in the JSON.
            fit(
                &out.text(r.date.map_or(dash, |d| d.get(..10).unwrap_or(d))),
                10
            ),
            r.words,
            format!(
                "{}/{}/{}",
                r.claims_shared, r.claims_unique, r.claims_conflicting
            )
        ))?;
    }
    out.flush()?;
    Ok(())
}

/// What `dossier PATH` prints until the reader opens: the dossier in a few lines.
pub fn summary(d: &Dossier, out: &mut Out) -> Result<()> {
    if out.format == Format::Json {
        #[derive(Serialize)]
        struct Summary<'a> {
            title: &'a str,
            articles: usize,
            words: usize,
            sources: Vec<SourceRow<'a>>,
        }
        let words = d.articles.iter().map(|a| a.meta.words).sum();
        return out.json(&Summary {
            title: &d.title,
            articles: d.articles.len(),
            words,
            sources: rows(d, &Analysis::new(d)),
        });
    }
    let words: usize = d.articles.iter().map(|a| a.meta.words).sum();
    out.line(&format!(
        "{}: {} articles, {} body words",
        out.paint(Paint::Strong, &out.text(&d.title)),
        d.articles.len(),
        words
    ))?;
    run(d, out)
}
