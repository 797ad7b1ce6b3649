//! `dossier quotes` (every direct quote with its speaker) and `dossier speakers` (the
//! who-said-what index).

use super::term::Paint;
use super::{Format, Out};
use crate::model::people::SpeakerKind;
use crate::model::quotes::{Quote, QuoteId};
use crate::model::{ArticleId, Dossier};
use anyhow::Result;
use serde::Serialize;
use std::collections::BTreeMap;

pub mod variants;

/// One row of `dossier quotes --format json`.
#[derive(Debug, Serialize)]
pub struct QuoteRow<'a> {
    pub article: &'a str,
    pub text: &'a str,
    pub speaker: Option<&'a str>,
    pub speaker_kind: Option<&'static str>,
    pub as_written: Option<&'a str>,
    pub how: Option<&'static str>,
    /// How often the pass named in `how` picks the right speaker (0-1), when it named one.
    pub confidence: Option<f64>,
    pub role: Option<&'a str>,
    pub kind: &'static str,
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
    pub sentence: usize,
    /// Index (in this list) of the quote's previous part, for quotes over paragraphs.
    pub continues: Option<usize>,
    /// Bracketed editor's insertions, as byte spans into the file.
    pub insertions: Vec<[usize; 2]>,
    pub broken: bool,
    /// True when a saved correction changed the speaker (absent otherwise).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub corrected: bool,
    /// Dossier's own speaker of a corrected quote (null: it found none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_detected: Option<Option<&'a str>>,
}

/// The name a speaker is shown under: an unnamed individual ("a senior official", "one
/// woman") is no name, but an unnamed spokesperson ("a court spokesman") speaks for an
/// organisation, and the words name it.
pub(crate) fn shown_name(name: &str, kind: SpeakerKind) -> Option<&str> {
    (kind != SpeakerKind::Anonymous
        || name
            .split_whitespace()
            .last()
            .is_some_and(|w| w.starts_with("spokes")))
    .then_some(name)
}

/// The row of quote `id`.
pub fn row(d: &Dossier, id: QuoteId) -> QuoteRow<'_> {
    let q = &d.quotes[id.0];
    let a = d.article(q.article());
    let person = q.speaker().and_then(|p| d.people.get(p.0));
    // An unnamed individual is no name: the speaker is unknown, the kind and the words
    // the text used stay.
    let named = person.filter(|p| shown_name(&p.name, p.kind).is_some());
    let detected = d.corrected.quote_detected(id);
    QuoteRow {
        article: &a.file,
        text: a.slice(q.span()),
        speaker: named.map(|p| p.name.as_str()),
        speaker_kind: person.map(|p| p.kind.as_str()),
        as_written: d.as_written(id),
        how: d.how(id),
        // A speaker set by hand has no measured precision.
        confidence: named
            .and(d.how(id))
            .filter(|h| *h != crate::model::corrections::HOW)
            .map(crate::model::quotes::confidence),
        role: person.and_then(|p| p.role.as_deref()),
        kind: q.kind().as_str(),
        start: q.span().start,
        end: q.span().end,
        paragraph: q.paragraph(a),
        sentence: q.sentence(a),
        continues: q.previous_part(id).map(|c| c.0),
        insertions: q
            .insertions(&a.text)
            .iter()
            .map(|s| [s.start, s.end])
            .collect(),
        broken: q.broken(),
        corrected: detected.is_some(),
        speaker_detected: detected.map(|o| o.and_then(|(n, k)| shown_name(n, k))),
    }
}

/// True when `name` picks this speaker: the canonical name or an alias, case-insensitive,
/// or a word of either ("austin").
fn speaker_matches(d: &Dossier, q: &Quote, name: &str) -> bool {
    let Some(p) = q.speaker().and_then(|p| d.people.get(p.0)) else {
        return false;
    };
    let want = name.trim().to_lowercase();
    std::iter::once(&p.name).chain(&p.aliases).any(|n| {
        let n = n.to_lowercase();
        n == want
            || n.split_whitespace().any(|w| w == want)
            || n.contains(&want) && want.contains(' ')
    })
}

/// Print the remarks quoted by two sources or more (`--variants`), keeping those with a
/// quote of `speaker` and those that `article` renders.
pub fn run_variants(
    d: &Dossier,
    speaker: Option<&str>,
    article: Option<ArticleId>,
    out: &mut Out,
) -> Result<()> {
    let keep = |q: QuoteId| speaker.is_none_or(|s| speaker_matches(d, &d.quotes[q.0], s));
    variants::run(d, &keep, article, out)
}

/// Print the quotes, filtered by speaker and article.
pub fn run(
    d: &Dossier,
    speaker: Option<&str>,
    article: Option<ArticleId>,
    out: &mut Out,
) -> Result<()> {
    let rows = d
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| article.is_none_or(|a| q.article() == a))
        .filter(|(_, q)| speaker.is_none_or(|s| speaker_matches(d, q, s)))
        .map(|(i, _)| row(d, QuoteId(i)));
    if out.format == Format::Json {
        return out.json_rows(rows);
    }
    // Each row is printed as it is made: a list of them would take about 200 bytes a quote
    // (a page of one-letter quotes, one per 3 bytes, held 87 MB at 1 MiB).
    let mut last: Option<&str> = None;
    for r in rows {
        if last != Some(r.article) {
            if last.is_some() {
                out.line("")?;
            }
            let head = format!("== {}", out.text(r.article));
            out.line(&out.paint(Paint::Strong, &head))?;
            last = Some(r.article);
        }
        let who = match (r.speaker, r.as_written) {
            (Some(s), Some(w)) if !s.eq_ignore_ascii_case(w) => format!("{s} (“{w}”)"),
            (Some(s), _) => s.to_string(),
            (None, Some(w)) => format!("unknown (“{w}”)"),
            (None, None) => "unknown".to_string(),
        };
        let was = match r.speaker_detected {
            Some(w) => format!(" (dossier read: {})", out.text(w.unwrap_or("unknown"))),
            None => String::new(),
        };
        let head = format!(
            "{}  {} · {}{}{was}",
            out.paint(Paint::Dim, &format!("{:>4}", r.paragraph + 1)),
            out.paint(Paint::Speaker, &out.text(&who)),
            r.kind,
            r.how.map(|h| format!(" · {h}")).unwrap_or_default()
        );
        out.line(&head)?;
        let text = out.text(r.text).into_owned();
        for l in out.wrap(&format!("“{text}”"), "      ", "       ") {
            out.line(&l)?;
        }
    }
    if last.is_none() {
        out.line("no quotes")?;
    }
    out.flush()?;
    Ok(())
}

/// One row of `dossier speakers --format json`.
#[derive(Debug, Serialize)]
pub struct SpeakerRow<'a> {
    pub name: &'a str,
    pub kind: SpeakerKind,
    pub role: Option<&'a str>,
    pub aliases: &'a [String],
    pub quotes: usize,
    /// Quote counts per article file.
    pub articles: BTreeMap<&'a str, usize>,
    /// Quote counts per outlet (the article's file stem where no outlet is known).
    pub outlets: BTreeMap<&'a str, usize>,
    /// True when a saved correction renamed, merged, split or made this speaker.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub corrected: bool,
    /// Dossier's own name for a corrected speaker (null: a correction made it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_detected: Option<Option<&'a str>>,
}

/// Print the who-said-what index.
pub fn speakers(d: &Dossier, out: &mut Out) -> Result<()> {
    let mut rows: Vec<SpeakerRow> = d
        .people
        .iter()
        .map(|p| {
            let mut articles = BTreeMap::new();
            let mut outlets = BTreeMap::new();
            for q in &p.quotes {
                if let Some(q) = d.quotes.get(q.0) {
                    let a = d.article(q.article());
                    *articles.entry(a.file.as_str()).or_insert(0) += 1;
                    *outlets
                        .entry(a.meta.outlet.as_deref().unwrap_or(a.stem()))
                        .or_insert(0) += 1;
                }
            }
            let detected = d.corrected.person_detected(p.id);
            SpeakerRow {
                name: &p.name,
                kind: p.kind,
                role: p.role.as_deref(),
                aliases: &p.aliases,
                quotes: p.quotes.len(),
                articles,
                outlets,
                corrected: detected.is_some(),
                name_detected: detected,
            }
        })
        .collect();
    rows.sort_by(|a, b| b.quotes.cmp(&a.quotes).then_with(|| a.name.cmp(b.name)));
    if out.format == Format::Json {
        return out.json(&rows);
    }
    for r in &rows {
        let role = r
            .role
            .map(|x| format!(", {}", out.text(x)))
            .unwrap_or_default();
        let was = match r.name_detected {
            Some(Some(n)) => format!(" (corrected; dossier read: {})", out.text(n)),
            Some(None) => " (added by a correction)".to_string(),
            None => String::new(),
        };
        out.line(&format!(
            "{} ({}{role}): {} quote{}{was}",
            out.paint(Paint::Speaker, &out.text(r.name)),
            r.kind.as_str(),
            r.quotes,
            if r.quotes == 1 { "" } else { "s" }
        ))?;
        if !r.aliases.is_empty() {
            let a: Vec<String> = r.aliases.iter().map(|x| out.text(x).into_owned()).collect();
            for l in out.wrap(&format!("also: {}", a.join("; ")), "    ", "    ") {
                out.line(&l)?;
            }
        }
        for (file, n) in &r.articles {
            out.line(&format!("    {n:>3}  {}", out.text(file)))?;
        }
    }
    if rows.is_empty() {
        out.line("no speakers")?;
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load::{from_files, LoadOptions};

    /// A dossier of two invented articles, each quoting one named person.
    fn two_articles() -> Dossier {
        let files = [
            (
                "a.txt",
                "“The bridge opens in May,” said Mara Quill, the mayor.",
            ),
            (
                "b.txt",
                "“We need more buses,” said Tomas Vell, a councillor.",
            ),
        ];
        from_files(
            "t",
            files.map(|(n, t)| (n.to_string(), t.as_bytes().to_vec())),
            &LoadOptions::default(),
        )
    }

    /// The text list, printed row by row, heads each article once and says "no quotes"
    /// only when the filter leaves none (a speaker who said nothing looks like a list).
    #[test]
    fn text_rows_stream_with_one_head_per_article_and_no_quotes_when_empty() {
        let d = two_articles();
        let (mut out, buf) = Out::buffer(Format::Text, 80);
        run(&d, None, None, &mut out).unwrap();
        let all = buf.contents();
        assert_eq!(all.matches("== ").count(), 2, "{all}");
        assert!(!all.contains("no quotes"), "{all}");
        let (mut out, buf) = Out::buffer(Format::Text, 80);
        run(&d, Some("Quill"), None, &mut out).unwrap();
        let one = buf.contents();
        assert!(one.contains("== a.txt") && !one.contains("b.txt"), "{one}");
        let (mut out, buf) = Out::buffer(Format::Text, 80);
        run(&d, Some("Nobody Here"), None, &mut out).unwrap();
        assert_eq!(buf.contents().trim(), "no quotes");
    }
}
