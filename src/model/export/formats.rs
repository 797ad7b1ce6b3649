//! Plain text and JSON exports, and what every format shares: the order of passages and
//! a quote's text in marks. Text makes control characters visible (article text is
//! untrusted and these files get `cat`-ed); JSON keeps the exact text, escaped, so its
//! byte offsets hold.

use super::cite::{resolve, Citation, Passage};
use super::{Clipping, Grouping, Holds};
use crate::model::sanitize::sanitize;
use crate::model::Dossier;
use serde::Serialize;
use std::io::{self, Write};

/// Resolve and order the clippings: by article in dossier order (unknown articles last),
/// or as clipped.
pub(super) fn ordered<'d>(
    d: &'d Dossier,
    clips: &'d [Clipping],
    grouping: Grouping,
) -> Vec<Passage<'d>> {
    let mut v: Vec<Passage<'d>> = clips.iter().map(|c| resolve(d, c)).collect();
    if grouping == Grouping::BySource {
        // Stable: clipping order within an article.
        v.sort_by_key(|p| p.article.map_or(usize::MAX, |a| a.id.0));
    }
    v
}

/// Plain text: the passage as one unwrapped block, then its citation and note.
pub fn write_text(
    w: &mut dyn Write,
    d: &Dossier,
    clips: &[Clipping],
    grouping: Grouping,
    holds: Holds,
) -> io::Result<()> {
    writeln!(w, "{}: {}", holds.title(), sanitize(&d.title, false))?;
    let mut current: Option<&str> = None;
    for p in ordered(d, clips, grouping) {
        if grouping == Grouping::BySource && current != Some(p.clip.article.as_str()) {
            current = Some(p.clip.article.as_str());
            let heading = sanitize(&p.citation().source(), false).into_owned();
            writeln!(w, "\n{heading}\n{}", "=".repeat(heading.chars().count()))?;
        }
        writeln!(w, "\n{}", sanitize(&marked(&p), true).trim_end())?;
        writeln!(w, "— {}", sanitize(&plain_citation(&p.citation()), false))?;
        if p.is_missing() {
            writeln!(w, "(This text is no longer in the article: saved copy.)")?;
        }
        if let Some(note) = &p.clip.note {
            writeln!(w, "Note: {}", sanitize(note, false))?;
        }
    }
    Ok(())
}

/// One clipping in the JSON export: every field, byte offsets and a text-quote anchor
/// (the CSV export's columns are these fields but the selectors).
#[derive(Debug, Serialize)]
pub(super) struct JsonClip<'d> {
    pub(super) id: u64,
    pub(super) kind: &'static str,
    pub(super) article: &'d str,
    pub(super) title: Option<&'d str>,
    pub(super) outlet: Option<&'d str>,
    pub(super) url: Option<&'d str>,
    pub(super) date: Option<&'d str>,
    pub(super) author: Option<&'d str>,
    /// 1-based paragraph numbers.
    pub(super) paragraph: Option<usize>,
    pub(super) paragraph_end: Option<usize>,
    pub(super) speaker: Option<&'d str>,
    pub(super) speaker_as_written: Option<&'d str>,
    /// True when a saved correction changed the quote's speaker (absent otherwise).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub(super) corrected: bool,
    /// Dossier's own speaker of a corrected quote.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) speaker_detected: Option<Option<&'d str>>,
    pub(super) text: &'d str,
    pub(super) note: Option<&'d str>,
    pub(super) created: Option<&'d str>,
    /// False when the text is no longer in the article (start/end are then the saved ones).
    pub(super) found: bool,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) selectors: [Selector<'d>; 2],
}

/// W3C Web Annotation selectors: the exact text with context, and the byte offsets.
#[derive(Debug, Serialize)]
#[serde(tag = "type")]
pub(super) enum Selector<'d> {
    TextQuoteSelector {
        exact: &'d str,
        prefix: &'d str,
        suffix: &'d str,
    },
    TextPositionSelector {
        start: usize,
        end: usize,
    },
}

#[derive(Debug, Serialize)]
struct JsonExport<'d> {
    dossier: &'d str,
    clippings: Vec<JsonClip<'d>>,
}

/// JSON: every field of every clipping, in clipping order.
pub fn write_json(w: &mut dyn Write, d: &Dossier, clips: &[Clipping]) -> io::Result<()> {
    let clippings = clips.iter().map(|c| json_clip(&resolve(d, c))).collect();
    let doc = JsonExport {
        dossier: &d.title,
        clippings,
    };
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    writeln!(w)
}

pub(super) fn json_clip<'d>(p: &Passage<'d>) -> JsonClip<'d> {
    let meta = p.article.map(|a| &a.meta);
    let span = p.span.unwrap_or_else(|| p.clip.span());
    let (prefix, suffix) = p.context();
    JsonClip {
        id: p.clip.id,
        kind: p.clip.kind.as_str(),
        article: &p.clip.article,
        title: p.article.map(|a| a.display_title()),
        outlet: meta.and_then(|m| m.outlet.as_deref()),
        url: meta.and_then(|m| m.url.as_deref()),
        date: meta.and_then(|m| m.date.as_deref()),
        author: meta.and_then(|m| m.author.as_deref()),
        paragraph: p.paragraphs.map(|(a, _)| a + 1),
        paragraph_end: p.paragraphs.map(|(_, b)| b + 1),
        speaker: p.speaker,
        speaker_as_written: p.as_written,
        corrected: p.speaker_detected.is_some(),
        speaker_detected: p.speaker_detected,
        text: p.text(),
        note: p.clip.note.as_deref(),
        created: p.clip.created.as_deref(),
        found: !p.is_missing(),
        start: span.start,
        end: span.end,
        selectors: [
            Selector::TextQuoteSelector {
                exact: p.text(),
                prefix,
                suffix,
            },
            Selector::TextPositionSelector {
                start: span.start,
                end: span.end,
            },
        ],
    }
}

/// The passage's text, in quotation marks when it is a quote (its span excludes them).
/// A comma closing the quote is the reporter's, who goes on ("“…for their help,” she
/// said"): it is dropped here, and JSON, CSV and CSL keep the exact text.
pub(super) fn marked(p: &Passage<'_>) -> String {
    if p.clip.kind == super::ClipKind::Quote {
        let t = p.text().trim_end();
        format!("“{}”", t.strip_suffix(',').unwrap_or(t))
    } else {
        p.text().to_string()
    }
}

/// The same citation as plain text.
fn plain_citation(c: &Citation<'_>) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.extend(c.speaker.map(str::to_string));
    parts.extend(c.outlet.map(str::to_string));
    parts.extend(c.title.map(|t| format!("“{t}”")));
    parts.extend(c.date.map(str::to_string));
    if c.needs_file() {
        parts.push(c.file.to_string());
    }
    parts.extend(c.paragraph.clone());
    if let Some(u) = c.url {
        parts.push(u.to_string());
    }
    parts.join(", ")
}
