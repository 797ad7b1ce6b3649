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

/// A list of spans kept as `u32` pairs, 8 bytes a span where a [`Span`] takes 16 (an
/// article is at most 4 GiB): a paragraph's sentences. A page of one-word sentences ("No. "
/// repeated) holds one per 4 bytes, so their width set 4 of the 15 heap bytes such a page
/// took per input byte. Read as [`Span`]s.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spans(Vec<[u32; 2]>);

/// An offset as stored in [`Spans`].
fn offset(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

fn unpack(&[s, e]: &[u32; 2]) -> Span {
    Span::new(s as usize, e as usize)
}

impl Spans {
    /// Add `s` at the end.
    pub fn push(&mut self, s: Span) {
        self.0.push([offset(s.start), offset(s.end)]);
    }
    /// How many spans it holds.
    pub fn len(&self) -> usize {
        self.0.len()
    }
    /// True when it holds none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The span at `i`.
    pub fn get(&self, i: usize) -> Option<Span> {
        self.0.get(i).map(unpack)
    }
    /// The first span.
    pub fn first(&self) -> Option<Span> {
        self.0.first().map(unpack)
    }
    /// The last span.
    pub fn last(&self) -> Option<Span> {
        self.0.last().map(unpack)
    }
    /// The spans in order.
    pub fn iter(&self) -> SpansIter<'_> {
        self.0.iter().map(unpack)
    }
    /// The index of the first span for which `pred` is false (the spans are in order and
    /// `pred` true on a prefix), as [`slice::partition_point`].
    pub fn partition_point(&self, mut pred: impl FnMut(Span) -> bool) -> usize {
        self.0.partition_point(|x| pred(unpack(x)))
    }
}

/// The iterator of [`Spans::iter`].
pub type SpansIter<'a> = std::iter::Map<std::slice::Iter<'a, [u32; 2]>, fn(&[u32; 2]) -> Span>;

impl<'a> IntoIterator for &'a Spans {
    type Item = Span;
    type IntoIter = SpansIter<'a>;
    fn into_iter(self) -> SpansIter<'a> {
        self.iter()
    }
}

impl FromIterator<Span> for Spans {
    fn from_iter<I: IntoIterator<Item = Span>>(it: I) -> Spans {
        let mut out = Spans::default();
        for s in it {
            out.push(s);
        }
        out
    }
}

impl From<Vec<Span>> for Spans {
    fn from(v: Vec<Span>) -> Spans {
        v.into_iter().collect()
    }
}

impl Serialize for Spans {
    /// As a list of [`Span`]s, the JSON it had as a `Vec<Span>`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
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
    pub sentences: Spans,
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
    /// The words and the pass that named each quote's speaker, for the quotes that have them.
    pub said: crate::model::quotes::Said,
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
    pub fn as_written(&self, q: QuoteId) -> Option<&str> {
        self.written.get(self.said.written(q)?)
    }

    /// The name of the rule that attributed quote `q` ("same sentence", "pronoun", …).
    pub fn how(&self, q: QuoteId) -> Option<&'static str> {
        self.said.how(q).map(crate::model::quotes::How::as_str)
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

#[cfg(test)]
mod tests {
    use super::{Span, Spans};

    /// Spans kept as `u32` pairs read back as the spans pushed, and write
    /// the JSON a list of spans writes (an empty list too, which looks like no field).
    #[test]
    fn spans_read_back_in_eight_bytes_and_serialize_as_a_list() {
        let list = vec![Span::new(0, 4), Span::new(5, 5), Span::new(6, 4096)];
        let spans = Spans::from(list.clone());
        assert_eq!(spans.iter().collect::<Vec<_>>(), list);
        assert_eq!(
            (spans.len(), spans.get(1), spans.get(3)),
            (3, Some(list[1]), None)
        );
        assert_eq!(
            (spans.first(), spans.last()),
            (Some(list[0]), Some(list[2]))
        );
        assert_eq!(spans.partition_point(|s| s.end <= 5), 2);
        let json = serde_json::to_string(&spans).unwrap();
        assert_eq!(json, serde_json::to_string(&list).unwrap());
        assert_eq!(serde_json::to_string(&Spans::default()).unwrap(), "[]");
    }
}
