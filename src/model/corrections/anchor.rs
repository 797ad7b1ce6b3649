//! Text anchors: where a correction points, as a W3C text-quote selector (the exact text
//! with up to [`CONTEXT_CHARS`] characters on each side, as the export writes it), never
//! an internal id, so a correction survives a reload, a change to the model and an edit
//! to the article that moves its text.

use crate::model::export::{context, CONTEXT_CHARS};
use crate::model::{Article, Dossier, Span};
use serde::{Deserialize, Serialize};

/// A W3C `TextQuoteSelector` over one article, with the byte offset it was made at as a
/// hint between equally good matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// The article's file name.
    pub article: String,
    pub exact: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
    /// Byte offset of `exact` when the anchor was made.
    #[serde(default)]
    pub start: usize,
}

/// Why an anchor no longer finds its text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnchorError {
    #[error("no article {0:?} in the dossier")]
    NoArticle(String),
    #[error("the text {exact:?} is not in {article}")]
    NoText { article: String, exact: String },
}

impl Anchor {
    /// The anchor of `span` in `a` (`span` on character boundaries).
    pub fn new(a: &Article, span: Span) -> Anchor {
        let (prefix, suffix) = context(&a.text, span);
        Anchor {
            article: a.file.clone(),
            exact: a.slice(span).to_string(),
            prefix: prefix.to_string(),
            suffix: suffix.to_string(),
            start: span.start,
        }
    }

    /// The article and span the anchor points at now: among the occurrences of the exact
    /// text, the one whose neighbours agree longest with the saved prefix and suffix, the
    /// nearest to the saved offset between equals (an edit that moved the text by a few
    /// bytes keeps it; a repeated phrase keeps the occurrence it was made on).
    pub fn find(&self, d: &Dossier) -> Result<(crate::model::ArticleId, Span), AnchorError> {
        let a = d
            .articles
            .iter()
            .find(|a| a.file == self.article)
            .ok_or_else(|| AnchorError::NoArticle(self.article.clone()))?;
        self.locate(a)
            .map(|s| (a.id, s))
            .ok_or_else(|| AnchorError::NoText {
                article: self.article.clone(),
                exact: self.exact.clone(),
            })
    }

    /// The span of the best occurrence in `a`, if any.
    pub fn locate(&self, a: &Article) -> Option<Span> {
        if self.exact.is_empty() {
            return None;
        }
        occurrences(&a.text, &self.exact)
            .map(|i| {
                let end = i + self.exact.len();
                let agree = common_suffix(&a.text[..i], &self.prefix)
                    + common_prefix(&a.text[end..], &self.suffix);
                (agree, i)
            })
            .max_by(|(x, i), (y, j)| {
                x.cmp(y)
                    .then(j.abs_diff(self.start).cmp(&i.abs_diff(self.start)))
            })
            .map(|(_, i)| Span::new(i, i + self.exact.len()))
    }
}

/// Every start of `exact` in `text`, overlapping ones included ("aa" in "aaa" twice;
/// `match_indices` skips overlaps, and an anchor may sit on one).
fn occurrences<'t>(text: &'t str, exact: &'t str) -> impl Iterator<Item = usize> + 't {
    let mut at = 0;
    std::iter::from_fn(move || {
        let i = at + text.get(at..)?.find(exact)?;
        at = i + text[i..].chars().next().map_or(1, char::len_utf8);
        Some(i)
    })
}

/// How many characters at the end of `text` equal the end of `want` (at most
/// [`CONTEXT_CHARS`]).
fn common_suffix(text: &str, want: &str) -> usize {
    text.chars()
        .rev()
        .zip(want.chars().rev())
        .take(CONTEXT_CHARS)
        .take_while(|(a, b)| a == b)
        .count()
}

/// How many characters at the start of `text` equal the start of `want`.
fn common_prefix(text: &str, want: &str) -> usize {
    text.chars()
        .zip(want.chars())
        .take(CONTEXT_CHARS)
        .take_while(|(a, b)| a == b)
        .count()
}
