//! `dossier sources` and the summary printed by `dossier` alone.

use super::{Format, Out};
use crate::model::Dossier;
use anyhow::Result;
use serde::Serialize;

/// One row of `dossier sources --format json`.
#[derive(Debug, Serialize)]
pub struct SourceRow<'a> {
    pub article: &'a str,
    pub title: &'a str,
    pub outlet: Option<&'a str>,
    pub author: Option<&'a str>,
    pub date: Option<&'a str>,
    pub words: usize,
    pub paragraphs: usize,
    pub noise_paragraphs: usize,
    /// Direct quotes found in the article.
    pub quotes: usize,
    pub lossy: bool,
}

/// The rows, one per article.
pub fn rows(d: &Dossier) -> Vec<SourceRow<'_>> {
    d.articles
        .iter()
        .map(|a| SourceRow {
            article: &a.file,
            title: a.display_title(),
            outlet: a.meta.outlet.as_deref(),
            author: a.meta.author.as_deref(),
            date: a.meta.date.as_deref(),
            words: a.meta.words,
            paragraphs: a.paragraphs.len(),
            noise_paragraphs: a.paragraphs.iter().filter(|p| p.kind.is_noise()).count(),
            quotes: d.quotes.iter().filter(|q| q.article == a.id).count(),
            lossy: a.lossy,
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
    let rows = rows(d);
    if out.format == Format::Json {
        return out.json(&rows);
    }
    let dash = "-";
    let title_w = out
        .width
        .saturating_sub(3 + 1 + 26 + 1 + 18 + 1 + 16 + 1 + 10 + 1 + 6 + 5)
        .clamp(24, 60);
    out.line(&format!(
        "{:>3} {:<26} {:<title_w$} {:<18} {:<16} {:<10} {:>6}",
        "#", "ARTICLE", "TITLE", "OUTLET", "AUTHOR", "DATE", "WORDS"
    ))?;
    for (i, r) in rows.iter().enumerate() {
        out.line(&format!(
            "{:>3} {} {} {} {} {:<10} {:>6}",
            i + 1,
            fit(&out.text(r.article), 26),
            fit(&out.text(r.title), title_w),
            fit(&out.text(r.outlet.unwrap_or(dash)), 18),
            fit(&out.text(r.author.unwrap_or(dash)), 16),
            r.date.unwrap_or(dash),
            r.words
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
            sources: rows(d),
        });
    }
    let words: usize = d.articles.iter().map(|a| a.meta.words).sum();
    out.line(&format!(
        "{}: {} articles, {} body words",
        out.text(&d.title),
        d.articles.len(),
        words
    ))?;
    run(d, out)
}
