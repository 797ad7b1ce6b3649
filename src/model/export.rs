//! Clippings (passages the reader marked) and the writers that export them with their
//! citations: Markdown, JSON, plain text, CSL-JSON and CSV, each over any `impl io::Write`.
//!
//! A clipping names its article by file name and keeps the exact text it was made from,
//! so it survives a reload and an edited file: [`resolve`] finds the text again at its
//! byte offsets, else at the occurrence nearest them, else exports the saved text marked as
//! no longer found. The model never reads the clock: the creation time is the caller's.

mod cite;
mod csl;
mod csv;
mod formats;
mod markdown;

pub use cite::{context, resolve, Citation, Passage, CONTEXT_CHARS};
pub use csl::write_csl;
pub use csv::write_csv;
pub use formats::{write_json, write_text};
pub use markdown::{passage_markdown, write_markdown};

use crate::model::quotes::QuoteId;
use crate::model::{ArticleId, Dossier, Span};
use serde::{Deserialize, Serialize};
use std::io;

/// What was marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClipKind {
    Sentence,
    Quote,
    Paragraph,
    /// A visual selection, possibly across paragraphs.
    Range,
}

impl ClipKind {
    /// The name used in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            ClipKind::Sentence => "sentence",
            ClipKind::Quote => "quote",
            ClipKind::Paragraph => "paragraph",
            ClipKind::Range => "range",
        }
    }
}

/// A marked passage of one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clipping {
    /// Stable within a dossier's saved state (assigned by the state store; 0 = unsaved).
    #[serde(default)]
    pub id: u64,
    /// The article's file name (stable across loads, unlike its index).
    pub article: String,
    /// Byte offsets into the article's text when the clipping was made.
    pub start: usize,
    pub end: usize,
    pub kind: ClipKind,
    /// The exact text when the clipping was made.
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// ISO-8601 creation time, from the caller.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
}

impl Clipping {
    /// A clipping of `span` in an article. `span` must lie on character boundaries.
    pub fn new(
        d: &Dossier,
        article: ArticleId,
        span: Span,
        kind: ClipKind,
        created: Option<String>,
    ) -> Clipping {
        let a = d.article(article);
        Clipping {
            id: 0,
            article: a.file.clone(),
            start: span.start,
            end: span.end,
            kind,
            text: a.text.get(span.range()).unwrap_or_default().to_string(),
            note: None,
            created,
        }
    }

    /// A clipping of one quote of the dossier.
    pub fn of_quote(d: &Dossier, q: QuoteId, created: Option<String>) -> Clipping {
        let quote = &d.quotes[q.0];
        Clipping::new(d, quote.article(), quote.span(), ClipKind::Quote, created)
    }

    /// The sentence holding byte `pos` of an article.
    pub fn sentence_at(
        d: &Dossier,
        article: ArticleId,
        pos: usize,
        created: Option<String>,
    ) -> Option<Clipping> {
        let a = d.article(article);
        let p = &a.paragraphs[a.paragraph_at(pos)?];
        let s = p.sentences.iter().find(|s| s.start <= pos && pos < s.end)?;
        Some(Clipping::new(d, article, s, ClipKind::Sentence, created))
    }

    /// The paragraph holding byte `pos` of an article.
    pub fn paragraph_at(
        d: &Dossier,
        article: ArticleId,
        pos: usize,
        created: Option<String>,
    ) -> Option<Clipping> {
        let a = d.article(article);
        let p = &a.paragraphs[a.paragraph_at(pos)?];
        Some(Clipping::new(
            d,
            article,
            p.span,
            ClipKind::Paragraph,
            created,
        ))
    }

    /// The byte span when the clipping was made.
    pub fn span(&self) -> Span {
        Span {
            start: self.start,
            end: self.end.max(self.start),
        }
    }

    /// The same clipping with a note.
    pub fn with_note(mut self, note: impl Into<String>) -> Clipping {
        self.note = Some(note.into());
        self
    }
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Markdown,
    Json,
    Text,
    /// CSL-JSON items, for Zotero and pandoc.
    Csl,
    /// One row per passage, for spreadsheets.
    Csv,
}

impl ExportFormat {
    /// Every format, in the order the reader's export dialog offers them.
    pub const ALL: [ExportFormat; 5] = [
        ExportFormat::Markdown,
        ExportFormat::Json,
        ExportFormat::Text,
        ExportFormat::Csl,
        ExportFormat::Csv,
    ];

    /// The file extension for a suggested name.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "md",
            ExportFormat::Json => "json",
            ExportFormat::Text => "txt",
            ExportFormat::Csl => "csl.json",
            ExportFormat::Csv => "csv",
        }
    }

    /// The format's name for people.
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "Markdown",
            ExportFormat::Json => "JSON",
            ExportFormat::Text => "text",
            ExportFormat::Csl => "CSL-JSON",
            ExportFormat::Csv => "CSV",
        }
    }
}

/// What an export holds, which its title says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Holds {
    /// The dossier's quotes.
    Quotes,
    /// Passages clipped in the reader.
    #[default]
    Clippings,
    /// Both.
    QuotesAndClippings,
}

impl Holds {
    /// "Quotes", "Clippings" or "Quotes and clippings".
    pub fn title(self) -> &'static str {
        match self {
            Holds::Quotes => "Quotes",
            Holds::Clippings => "Clippings",
            Holds::QuotesAndClippings => "Quotes and clippings",
        }
    }
}

/// How to write an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub format: ExportFormat,
    pub grouping: Grouping,
    pub holds: Holds,
    /// YAML front matter (Markdown only), stamped with this export time (ISO 8601: the
    /// caller's clock, as the model never reads it).
    pub front_matter: Option<String>,
}

/// How passages are ordered in Markdown and text exports (JSON keeps clipping order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grouping {
    /// Under one heading per article, in dossier order.
    #[default]
    BySource,
    /// In the order they were clipped.
    InOrder,
}

/// Write clippings in `format` (the reader's export: no front matter).
pub fn write(
    w: &mut dyn io::Write,
    d: &Dossier,
    clips: &[Clipping],
    format: ExportFormat,
    grouping: Grouping,
) -> io::Result<()> {
    let opts = Options {
        format,
        grouping,
        holds: Holds::Clippings,
        front_matter: None,
    };
    write_with(w, d, clips, &opts)
}

/// Write `clips` as `opts` say.
pub fn write_with(
    w: &mut dyn io::Write,
    d: &Dossier,
    clips: &[Clipping],
    opts: &Options,
) -> io::Result<()> {
    match opts.format {
        ExportFormat::Markdown => write_markdown(w, d, clips, opts),
        ExportFormat::Json => write_json(w, d, clips),
        ExportFormat::Text => write_text(w, d, clips, opts.grouping, opts.holds),
        ExportFormat::Csl => write_csl(w, d, clips),
        ExportFormat::Csv => write_csv(w, d, clips),
    }
}

/// A file name for an export, from the dossier's title ("north-korean-troops.md").
pub fn suggested_name(d: &Dossier, format: ExportFormat) -> String {
    let mut slug = String::new();
    for c in d.title.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.chars().count() >= 48 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "dossier" } else { slug };
    format!("{slug}-clippings.{}", format.extension())
}

#[cfg(test)]
mod tests;
