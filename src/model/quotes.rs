//! Direct quotes and who said them (issue #3 fills in the extraction).
//!
//! This file fixes the interface the reader and the CLI build on: a quote has its article,
//! the byte span of its text (without the marks), a kind, its paragraph and sentence, and
//! a speaker (a person of the dossier, or none).

use crate::model::{ArticleId, Dossier, Span};
use serde::Serialize;

/// Index of a quote in `Dossier::quotes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct QuoteId(pub usize);

/// What kind of quotation it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A spoken sentence or clause.
    Full,
    /// A few of someone's words inside the reporter's sentence.
    Partial,
    /// Marks around a term nobody is quoted saying.
    Scare,
}

/// One direct quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    pub article: ArticleId,
    /// The text inside the marks.
    pub span: Span,
    pub kind: QuoteKind,
    /// Index of the paragraph in the article.
    pub paragraph: usize,
    /// Index of the sentence in the paragraph.
    pub sentence: usize,
    /// The speaker, if the text says who it is.
    pub speaker: Option<crate::model::people::PersonId>,
    /// How the text named the speaker ("he", "the minister", "Austin").
    pub as_written: Option<String>,
    /// The rule that attributed it ("same sentence", "pronoun", …).
    pub how: Option<&'static str>,
}

/// Find every quote in the dossier and resolve speakers (the extraction lands with #3).
pub fn extract(_d: &Dossier) -> (Vec<Quote>, Vec<crate::model::people::Person>) {
    (Vec::new(), Vec::new())
}
