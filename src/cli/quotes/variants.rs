//! `dossier quotes --variants`: each remark rendered by two outlets or more, rendering by
//! rendering, the words worded differently marked `»…«` (as `compare` marks figures).

use super::super::term::Paint;
use super::super::{Format, Out};
use super::shown_name;
use crate::model::quotes::QuoteId;
use crate::model::variants::{self, Variant, VariantGroup};
use crate::model::{ArticleId, Dossier, Span};
use anyhow::Result;
use serde::Serialize;

/// One remark of `dossier quotes --variants --format json`.
#[derive(Debug, Serialize)]
pub struct GroupRow<'a> {
    /// The named speaker (null: only unknown or unnamed ones).
    pub speaker: Option<&'a str>,
    pub speaker_kind: Option<&'static str>,
    /// How many articles render it.
    pub articles: usize,
    pub variants: Vec<VariantRow<'a>>,
}

/// One rendering of a remark.
#[derive(Debug, Serialize)]
pub struct VariantRow<'a> {
    pub article: &'a str,
    /// The article's outlet, else its file stem.
    pub outlet: &'a str,
    pub text: &'a str,
    /// The speaker this rendering credits (null: unknown or unnamed).
    pub speaker: Option<&'a str>,
    pub kind: &'static str,
    pub start: usize,
    pub end: usize,
    /// True for the fullest rendering, the one the others are compared with.
    pub reference: bool,
    /// The words worded differently from another rendering, as byte spans into the file.
    pub differs: Vec<[usize; 2]>,
}

fn variant_row<'a>(d: &'a Dossier, v: &Variant, reference: bool) -> VariantRow<'a> {
    let q = &d.quotes[v.quote.0];
    let a = d.article(q.article());
    let person = q.speaker().and_then(|p| d.people.get(p.0));
    VariantRow {
        article: &a.file,
        outlet: a.source_name(),
        text: a.slice(q.span()),
        speaker: person.and_then(|p| shown_name(&p.name, p.kind)),
        kind: q.kind().as_str(),
        start: q.span().start,
        end: q.span().end,
        reference,
        differs: v.differs.iter().map(|s| [s.start, s.end]).collect(),
    }
}

/// The JSON row of a group.
pub fn group_row<'a>(d: &'a Dossier, g: &VariantGroup) -> GroupRow<'a> {
    let person = g.speaker.and_then(|p| d.people.get(p.0));
    GroupRow {
        speaker: person.map(|p| p.name.as_str()),
        speaker_kind: person.map(|p| p.kind.as_str()),
        articles: g.articles(d).len(),
        variants: g
            .variants
            .iter()
            .enumerate()
            .map(|(k, v)| variant_row(d, v, k == g.reference))
            .collect(),
    }
}

/// `text` (the quote at `span` of its article) with the words at `marks` between `»…«`.
pub fn marked(text: &str, span: Span, marks: &[Span]) -> String {
    let mut out = String::new();
    let mut at = span.start;
    for m in marks {
        let (s, e) = (m.start.max(at), m.end.min(span.end));
        if s >= e {
            continue;
        }
        out.push_str(&text[at - span.start..s - span.start]);
        out.push('»');
        out.push_str(&text[s - span.start..e - span.start]);
        out.push('«');
        at = e;
    }
    out.push_str(&text[at - span.start..]);
    out
}

/// True when group `g` holds a quote that `keep` keeps.
fn holds(g: &VariantGroup, keep: &dyn Fn(QuoteId) -> bool) -> bool {
    g.variants.iter().any(|v| keep(v.quote))
}

/// Print the remarks rendered by two outlets or more, keeping those with a quote that
/// `keep` keeps (the `--speaker` and `--article` filters).
pub fn run(
    d: &Dossier,
    keep: &dyn Fn(QuoteId) -> bool,
    article: Option<ArticleId>,
    out: &mut Out,
) -> Result<()> {
    let groups: Vec<VariantGroup> = variants::group(d)
        .into_iter()
        .filter(|g| holds(g, keep))
        .filter(|g| article.is_none_or(|a| g.articles(d).contains(&a)))
        .collect();
    let rows: Vec<GroupRow> = groups.iter().map(|g| group_row(d, g)).collect();
    if out.format == Format::Json {
        return out.json(&rows);
    }
    for (i, r) in rows.iter().enumerate() {
        if i > 0 {
            out.line("")?;
        }
        let who = r.speaker.unwrap_or("unknown");
        let head = format!(
            "{} · {} outlets",
            out.paint(Paint::Speaker, &out.text(who)),
            r.articles
        );
        out.line(&head)?;
        for (v, var) in r.variants.iter().zip(&groups[i].variants) {
            let text = marked(v.text, Span::new(v.start, v.end), &var.differs);
            let by = match (v.speaker, r.speaker) {
                (s, w) if s == w => String::new(),
                (Some(s), _) => format!(" ({s})"),
                (None, _) => " (unknown)".to_string(),
            };
            let label = format!("  {}{} · {}", out.text(v.outlet), out.text(&by), v.kind);
            out.line(&out.paint(Paint::Dim, &label))?;
            for l in out.wrap(&format!("“{}”", out.text(&text)), "      ", "       ") {
                out.line(&l)?;
            }
        }
    }
    if rows.is_empty() {
        out.line("no remark is quoted by two sources")?;
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The differing words are set between marks; marks outside the quote are ignored.
    #[test]
    fn marks_wrap_the_differing_words() {
        let text = "a high chance of rain";
        let span = Span::new(10, 10 + text.len());
        let marks = [Span::new(17, 23), Span::new(40, 45)];
        assert_eq!(marked(text, span, &marks), "a high »chance« of rain");
        assert_eq!(marked(text, span, &[]), text);
    }
}
