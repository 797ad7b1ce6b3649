//! The loaded dossier: articles with metadata and structure, plus the warnings of loading.

use serde::Serialize;
use std::fmt;
use std::ops::Range;

/// Index of an article in its dossier (in file-name order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct ArticleId(pub usize);

/// Index of a quote in `Dossier::quotes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct QuoteId(pub usize);

/// A byte range into an article's text (which equals the file as stored, unless the file
/// needed lossy decoding, in which case it is the decoded text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    /// The span as a range, for slicing.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }
    /// True when the span holds no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
    /// True when `other` lies within this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// True when the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// What a paragraph is, so that a reader can hide everything that is not the story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ParaKind {
    /// The story itself.
    Body,
    /// A headline or summary line, at the top or trailing at the end.
    Headline,
    /// An author line or an author's bio.
    Byline,
    /// A photo caption or credit.
    Caption,
    /// Subscribe / sign-up / share prompts, navigation strings, scripts and markup.
    Boilerplate,
    /// A near-copy of another paragraph that stays as body.
    Duplicate,
    /// Material after the story that is not the story (an appended interview, Q&A).
    Appended,
}

impl ParaKind {
    /// The name used in JSON and in the text output.
    pub fn as_str(self) -> &'static str {
        match self {
            ParaKind::Body => "body",
            ParaKind::Headline => "headline",
            ParaKind::Byline => "byline",
            ParaKind::Caption => "caption",
            ParaKind::Boilerplate => "boilerplate",
            ParaKind::Duplicate => "duplicate",
            ParaKind::Appended => "appended",
        }
    }
    /// True for everything a reader may fold away as noise.
    pub fn is_noise(self) -> bool {
        self != ParaKind::Body
    }
}

impl fmt::Display for ParaKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A paragraph with its kind and its sentences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    pub span: Span,
    pub kind: ParaKind,
    pub sentences: Vec<Span>,
    /// Its words, as [`crate::model::text::word_count`] counts them: counted once when the
    /// paragraph is made, read by the paragraph-kind rules and the body word count.
    #[serde(skip)]
    pub words: u32,
}

/// What is known about an article besides its text: from the manifest, else inferred.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Meta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// True unless the outlet came from the manifest (or the page's own metadata): a
    /// guess from the text or the file name.
    pub outlet_inferred: bool,
    /// The wire agencies the article credits ("Associated Press", "Reuters, AFP"): two
    /// outlets carrying one agency story are not two independent sources.
    pub agency: Option<String>,
    pub url: Option<String>,
    /// Publication date, ISO 8601: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM[±HH:MM]` when a time
    /// is stated.
    pub date: Option<String>,
    /// When the article says it was last updated, in the same form as `date`.
    pub updated: Option<String>,
    pub author: Option<String>,
    /// The place of the dateline ("WASHINGTON —").
    pub dateline: Option<String>,
    /// The page's language as a BCP 47 tag ("en", "en-GB"), from a web page's markup.
    pub language: Option<String>,
    /// Words in body paragraphs.
    pub words: usize,
}

/// One article of the dossier.
#[derive(Debug, Clone)]
pub struct Article {
    pub id: ArticleId,
    /// The file name, which identifies the article.
    pub file: String,
    /// The text; byte offsets of every span refer to it.
    pub text: String,
    /// True when the file was not valid UTF-8 and was decoded lossily (spans refer to the
    /// decoded text).
    pub lossy: bool,
    pub meta: Meta,
    pub paragraphs: Vec<Paragraph>,
}

impl Article {
    /// The text at a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }
    /// The title to show: the manifest's or inferred one, else the file name.
    pub fn display_title(&self) -> &str {
        self.meta.title.as_deref().unwrap_or(&self.file)
    }
    /// Paragraphs of kind body.
    pub fn body(&self) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs.iter().filter(|p| p.kind == ParaKind::Body)
    }
    /// The index of the paragraph that holds byte `pos`.
    pub fn paragraph_at(&self, pos: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.span.end <= pos);
        (i < self.paragraphs.len() && self.paragraphs[i].span.start <= pos).then_some(i)
    }
    /// The file stem (name without extension).
    pub fn stem(&self) -> &str {
        self.file
            .rsplit_once('.')
            .map_or(self.file.as_str(), |(s, _)| s)
    }
    /// The name of the source for a column or a timeline: its outlet, else its file stem.
    pub fn source_name(&self) -> &str {
        self.meta.outlet.as_deref().unwrap_or_else(|| self.stem())
    }
}

/// Something that went wrong with one file while the rest loaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// The file concerned (name within the dossier), if any.
    pub file: Option<String>,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.file {
            Some(file) => write!(f, "{file}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// A loaded dossier: immutable once built; everything else borrows it.
#[derive(Debug, Clone, Default)]
pub struct Dossier {
    pub title: String,
    pub articles: Vec<Article>,
    pub warnings: Vec<Warning>,
    /// Every direct quote, in article and reading order.
    pub quotes: Vec<crate::model::quotes::Quote>,
    /// Every speaker: one person (or institution) is one entry.
    pub people: Vec<crate::model::people::Person>,
    /// The words that named the quotes' speakers, each once (a quote holds an index).
    pub written: crate::model::quotes::Written,
    /// What the analyst's corrections changed (empty until
    /// [`crate::model::corrections::apply`]).
    pub corrected: crate::model::corrections::Applied,
}

impl Dossier {
    /// The article with this id.
    pub fn article(&self, id: ArticleId) -> &Article {
        &self.articles[id.0]
    }

    /// How the text named quote `q`'s speaker ("he", "the minister", "Austin").
    pub fn as_written(&self, q: &crate::model::quotes::Quote) -> Option<&str> {
        self.written.get(q.written()?)
    }

    /// Find an article by file name, file stem, unique prefix of a file name, or 1-based
    /// index, in that order: with files named "000_….txt", "001_….txt", "001" is the file
    /// that starts so, not the first article.
    pub fn find_article(&self, key: &str) -> Option<ArticleId> {
        let key = key.trim();
        if let Some(a) = self
            .articles
            .iter()
            .find(|a| a.file == key || a.stem() == key)
        {
            return Some(a.id);
        }
        // A unique prefix of a file name ("000" for "000_a7460….txt").
        let mut hits = self.articles.iter().filter(|a| a.file.starts_with(key));
        if let (Some(a), None) = (hits.next(), hits.next()) {
            if !key.is_empty() {
                return Some(a.id);
            }
        }
        match key.parse::<usize>() {
            Ok(n) if (1..=self.articles.len()).contains(&n) => Some(ArticleId(n - 1)),
            _ => None,
        }
    }
}
