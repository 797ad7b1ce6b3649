//! A clipping found again in its dossier, with everything its citation needs.

use super::{ClipKind, Clipping};
use crate::model::{Article, Dossier, Span};

/// Characters of context kept on each side of a text-quote anchor.
pub const CONTEXT_CHARS: usize = 32;

/// A clipping resolved against the loaded dossier.
#[derive(Debug, Clone)]
pub struct Passage<'d> {
    pub clip: &'d Clipping,
    /// The article, when the dossier still has it.
    pub article: Option<&'d Article>,
    /// Where the text is now (None when it is no longer in the article).
    pub span: Option<Span>,
    /// First and last paragraph (0-based) of the passage.
    pub paragraphs: Option<(usize, usize)>,
    /// The speaker's canonical name, when the passage is (or holds exactly one
    /// speaker's) quotation.
    pub speaker: Option<&'d str>,
    /// How the article named the speaker.
    pub as_written: Option<&'d str>,
    /// Dossier's own speaker when a saved correction changed the quote's (`Some(None)`:
    /// it found none).
    pub speaker_detected: Option<Option<&'d str>>,
}

impl<'d> Passage<'d> {
    /// The passage's text: the article's current text, else the saved text.
    pub fn text(&self) -> &'d str {
        match (self.article, self.span) {
            (Some(a), Some(s)) => a.slice(s),
            _ => &self.clip.text,
        }
    }

    /// True when the text was not found in the article any more.
    pub fn is_missing(&self) -> bool {
        self.span.is_none()
    }

    /// "¶ 3" or "¶ 3–5" (1-based), if known.
    pub fn paragraph_label(&self) -> Option<String> {
        self.paragraphs.map(|(a, b)| {
            if a == b {
                format!("¶ {}", a + 1)
            } else {
                format!("¶ {}–{}", a + 1, b + 1)
            }
        })
    }

    /// Up to [`CONTEXT_CHARS`] characters before and after the passage (W3C text-quote
    /// selector prefix and suffix).
    pub fn context(&self) -> (&'d str, &'d str) {
        let (Some(a), Some(s)) = (self.article, self.span) else {
            return ("", "");
        };
        context(&a.text, s)
    }

    /// The citation parts in order: speaker, outlet, title, date, file and paragraph.
    pub fn citation(&self) -> Citation<'d> {
        let meta = self.article.map(|a| &a.meta);
        Citation {
            speaker: self.speaker,
            outlet: meta.and_then(|m| m.outlet.as_deref()),
            title: meta
                .and_then(|m| m.title.as_deref())
                .filter(|t| !is_date(t)),
            url: meta.and_then(|m| m.url.as_deref()),
            date: meta.and_then(|m| m.date.as_deref()),
            file: &self.clip.article,
            paragraph: self.paragraph_label(),
        }
    }
}

/// A title that is only a date stamp ("Friday 3 March 2021 09:10 BST") names nothing: a
/// page whose headline was missed gives one.
fn is_date(title: &str) -> bool {
    !crate::model::text::stamps(title).is_empty()
}

/// Up to [`CONTEXT_CHARS`] characters of `text` before and after `s` (the W3C text-quote
/// selector's prefix and suffix); shared with the corrections' anchors.
pub fn context(text: &str, s: Span) -> (&str, &str) {
    let before = &text[..s.start];
    let after = &text[s.end..];
    let pre_at = before
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(0, |(i, _)| i);
    let suf_at = after
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(after.len(), |(i, _)| i);
    (&before[pre_at..], &after[..suf_at])
}

/// What a passage's citation says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation<'d> {
    pub speaker: Option<&'d str>,
    pub outlet: Option<&'d str>,
    /// The article's title, when one is known and is more than a date.
    pub title: Option<&'d str>,
    pub url: Option<&'d str>,
    pub date: Option<&'d str>,
    pub file: &'d str,
    pub paragraph: Option<String>,
}

impl Citation<'_> {
    /// The file name is cited only where neither outlet nor title is known.
    pub fn needs_file(&self) -> bool {
        self.outlet.is_none() && self.title.is_none()
    }

    /// What names the source in a heading: "Outlet — Title", either alone, else the file.
    pub fn source(&self) -> String {
        match (self.outlet, self.title) {
            (Some(o), Some(t)) => format!("{o} — {t}"),
            (Some(one), None) | (None, Some(one)) => one.to_string(),
            (None, None) => self.file.to_string(),
        }
    }
}

/// Find a clipping in the dossier: at its offsets if the text is still there, else at the
/// occurrence of its text nearest them; the speaker from the dossier's quotes.
pub fn resolve<'d>(d: &'d Dossier, clip: &'d Clipping) -> Passage<'d> {
    let article = d.articles.iter().find(|a| a.file == clip.article);
    let span = article.and_then(|a| locate(a, clip));
    let paragraphs = article.zip(span).and_then(|(a, s)| {
        let first = a.paragraph_at(s.start)?;
        let last = a.paragraph_at(s.end.saturating_sub(1).max(s.start))?;
        Some((first, last))
    });
    let mut passage = Passage {
        clip,
        article,
        span,
        paragraphs,
        speaker: None,
        as_written: None,
        speaker_detected: None,
    };
    if let (Some(a), Some(s)) = (article, span) {
        speaker_of(d, a, s, clip.kind, &mut passage);
    }
    passage
}

/// Where the clipping's text is now.
fn locate(a: &Article, clip: &Clipping) -> Option<Span> {
    let span = clip.span();
    if a.text.get(span.range()) == Some(clip.text.as_str()) {
        return Some(span);
    }
    if clip.text.is_empty() {
        return None;
    }
    // The file changed: the occurrence nearest the old offset.
    a.text
        .match_indices(clip.text.as_str())
        .map(|(i, _)| i)
        .min_by_key(|&i| i.abs_diff(span.start))
        .map(|i| Span::new(i, i + clip.text.len()))
}

/// The speaker of a quote clipping (the quote at or around its span), or of any other
/// passage whose quotes all have one speaker.
fn speaker_of<'d>(d: &'d Dossier, a: &Article, s: Span, kind: ClipKind, p: &mut Passage<'d>) {
    let quotes = d
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.article() == a.id);
    let hits: Vec<_> = if kind == ClipKind::Quote {
        quotes
            .filter(|(_, q)| q.span().contains(s) || s.contains(q.span()))
            .take(1)
            .collect()
    } else {
        quotes.filter(|(_, q)| s.contains(q.span())).collect()
    };
    // A corrected quote keeps dossier's own speaker beside the analyst's.
    if let [(i, _)] = hits.as_slice() {
        p.speaker_detected = d
            .corrected
            .quote_detected(crate::model::quotes::QuoteId(*i))
            .map(|o| o.map(|(name, _)| name));
    }
    let ids: Vec<_> = hits
        .iter()
        .map(|&(i, _)| crate::model::quotes::QuoteId(i))
        .collect();
    let hits: Vec<_> = hits.into_iter().map(|(_, q)| q).collect();
    let mut speakers = hits.iter().filter_map(|q| q.speaker());
    let Some(first) = speakers.next() else {
        return;
    };
    if speakers.any(|other| other != first) {
        return;
    }
    p.speaker = d.people.get(first.0).map(|person| person.name.as_str());
    p.as_written = ids.iter().find_map(|&q| d.as_written(q));
}
