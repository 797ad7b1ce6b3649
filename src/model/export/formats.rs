//! The three export formats. Markdown and text make control characters visible (article
//! text is untrusted and these files get `cat`-ed); JSON keeps the exact text, escaped,
//! so its byte offsets hold.

use super::cite::{resolve, Citation, Passage};
use super::{Clipping, Grouping};
use crate::model::sanitize::sanitize;
use crate::model::Dossier;
use serde::Serialize;
use std::io::{self, Write};

/// Resolve and order the clippings: by article in dossier order (unknown articles last),
/// or as clipped.
fn ordered<'d>(d: &'d Dossier, clips: &'d [Clipping], grouping: Grouping) -> Vec<Passage<'d>> {
    let mut v: Vec<Passage<'d>> = clips.iter().map(|c| resolve(d, c)).collect();
    if grouping == Grouping::BySource {
        // Stable: clipping order within an article.
        v.sort_by_key(|p| p.article.map_or(usize::MAX, |a| a.id.0));
    }
    v
}

/// Markdown: a heading per source (when grouped), each passage a blockquote followed by
/// its citation, then its note.
pub fn write_markdown(
    w: &mut dyn Write,
    d: &Dossier,
    clips: &[Clipping],
    grouping: Grouping,
) -> io::Result<()> {
    writeln!(w, "# Clippings: {}", md_inline(&sanitize(&d.title, false)))?;
    let mut current: Option<&str> = None;
    for p in ordered(d, clips, grouping) {
        if grouping == Grouping::BySource && current != Some(p.clip.article.as_str()) {
            current = Some(p.clip.article.as_str());
            let heading = sanitize(&source_heading(&p), false).into_owned();
            writeln!(w, "\n## {}", md_inline(&heading))?;
        }
        writeln!(w)?;
        for line in sanitize(&marked(&p), true).split('\n') {
            let line = line.trim_end();
            if line.is_empty() {
                writeln!(w, ">")?;
            } else {
                writeln!(w, "> {}", md_line(line))?;
            }
        }
        writeln!(w, ">")?;
        writeln!(w, "> — {}", md_citation(&p.citation()))?;
        if p.is_missing() {
            writeln!(
                w,
                "\n*(This text is no longer in the article: saved copy.)*"
            )?;
        }
        if let Some(note) = &p.clip.note {
            writeln!(w, "\n**Note:** {}", md_inline(&sanitize(note, false)))?;
        }
    }
    Ok(())
}

/// Plain text: the passage as one unwrapped block, then its citation and note.
pub fn write_text(
    w: &mut dyn Write,
    d: &Dossier,
    clips: &[Clipping],
    grouping: Grouping,
) -> io::Result<()> {
    writeln!(w, "Clippings: {}", sanitize(&d.title, false))?;
    let mut current: Option<&str> = None;
    for p in ordered(d, clips, grouping) {
        if grouping == Grouping::BySource && current != Some(p.clip.article.as_str()) {
            current = Some(p.clip.article.as_str());
            let heading = sanitize(&source_heading(&p), false).into_owned();
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

/// One clipping in the JSON export: every field, byte offsets and a text-quote anchor.
#[derive(Debug, Serialize)]
struct JsonClip<'d> {
    id: u64,
    kind: &'static str,
    article: &'d str,
    title: Option<&'d str>,
    outlet: Option<&'d str>,
    url: Option<&'d str>,
    date: Option<&'d str>,
    author: Option<&'d str>,
    /// 1-based paragraph numbers.
    paragraph: Option<usize>,
    paragraph_end: Option<usize>,
    speaker: Option<&'d str>,
    speaker_as_written: Option<&'d str>,
    /// True when a saved correction changed the quote's speaker (absent otherwise).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    corrected: bool,
    /// Dossier's own speaker of a corrected quote.
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker_detected: Option<Option<&'d str>>,
    text: &'d str,
    note: Option<&'d str>,
    created: Option<&'d str>,
    /// False when the text is no longer in the article (start/end are then the saved ones).
    found: bool,
    start: usize,
    end: usize,
    selectors: [Selector<'d>; 2],
}

/// W3C Web Annotation selectors: the exact text with context, and the byte offsets.
#[derive(Debug, Serialize)]
#[serde(tag = "type")]
enum Selector<'d> {
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

fn json_clip<'d>(p: &Passage<'d>) -> JsonClip<'d> {
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
fn marked(p: &Passage<'_>) -> String {
    if p.clip.kind == super::ClipKind::Quote {
        format!("“{}”", p.text())
    } else {
        p.text().to_string()
    }
}

/// "Title — Outlet (file)".
fn source_heading(p: &Passage<'_>) -> String {
    let c = p.citation();
    let mut s = c.title.unwrap_or(c.file).to_string();
    if let Some(o) = c.outlet {
        s.push_str(" — ");
        s.push_str(o);
    }
    s
}

/// "Speaker, Outlet, “Title”, date, file ¶ 3" in Markdown, the title linked to its url.
fn md_citation(c: &Citation<'_>) -> String {
    let mut parts = Vec::new();
    if let Some(s) = c.speaker {
        parts.push(format!("**{}**", md_inline(&sanitize(s, false))));
    }
    if let Some(o) = c.outlet {
        parts.push(format!("*{}*", md_inline(&sanitize(o, false))));
    }
    if let Some(t) = c.title {
        let t = md_inline(&sanitize(t, false));
        parts.push(match c.url {
            Some(u) if is_plain_url(u) => format!("[“{t}”]({u})"),
            _ => format!("“{t}”"),
        });
    }
    if let Some(d) = c.date {
        parts.push(md_inline(&sanitize(d, false)));
    }
    let mut loc = format!("`{}`", sanitize(c.file, false).replace('`', "'"));
    if let Some(par) = &c.paragraph {
        loc.push(' ');
        loc.push_str(par);
    }
    parts.push(loc);
    parts.join(", ")
}

/// The same citation as plain text.
fn plain_citation(c: &Citation<'_>) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.extend(c.speaker.map(str::to_string));
    parts.extend(c.outlet.map(str::to_string));
    parts.extend(c.title.map(|t| format!("“{t}”")));
    parts.extend(c.date.map(str::to_string));
    let mut loc = c.file.to_string();
    if let Some(par) = &c.paragraph {
        loc.push(' ');
        loc.push_str(par);
    }
    parts.push(loc);
    if let Some(u) = c.url {
        parts.push(u.to_string());
    }
    parts.join(", ")
}

/// A url safe to put in a Markdown link as is: a web address (see
/// [`crate::model::load::manifest::is_web_url`]) with no character that would end the
/// link.
fn is_plain_url(u: &str) -> bool {
    crate::model::load::manifest::is_web_url(u) && !u.chars().any(|c| "()<>".contains(c))
}

/// Escape what Markdown would read as markup inside a line: CommonMark's, GFM's (`~~`
/// strikethrough, `|` tables) and Obsidian's (`%%` comments that hide text, `==`
/// highlights, `$` math, `[[` links, `#` tags). `%` and `=` are escaped only doubled, as
/// a single one means nothing to any of them.
fn md_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let doubled = matches!(c, '%' | '=') && (prev == Some(c) || chars.peek() == Some(&c));
        if doubled
            || matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '$' | '~' | '#'
            )
        {
            out.push('\\');
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// Escape a line of a blockquote: inline markup, and a start that would begin a heading,
/// list or nested quote.
fn md_line(s: &str) -> String {
    let mut out = md_inline(s);
    if out.starts_with(['#', '+', '-', '=']) {
        out.insert(0, '\\');
    } else if let Some(at) = out.find(['.', ')']) {
        // "1984. The year" would start an ordered list.
        if at > 0 && out[..at].chars().all(|c| c.is_ascii_digit()) {
            out.insert(at, '\\');
        }
    }
    out
}
