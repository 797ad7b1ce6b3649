//! Claims lined up across sources: corroborated, conflicting, only here (issue #4 fills in
//! the alignment).
//!
//! This file fixes the interface the reader and the CLI build on.

use crate::model::{ArticleId, Dossier, Span};
use serde::Serialize;

/// How two aligned claims relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    Agree,
    Conflict,
}

/// One differing piece between two aligned claims ("10,000" vs "11,000", "troops").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Difference {
    /// The left side's figure as written, with its attribution when known.
    pub left: String,
    pub right: String,
    /// What differs ("troops", "likelihood").
    pub what: String,
    /// Where the differing figure stands on each side (for emphasis in the reader).
    pub left_span: Option<Span>,
    pub right_span: Option<Span>,
}

/// A claim of the left article paired with one of the right.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    pub relation: Relation,
    pub score: f32,
    pub left: Span,
    pub right: Span,
    pub differences: Vec<Difference>,
}

/// Two articles compared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub left: ArticleId,
    pub right: ArticleId,
    pub pairs: Vec<Pair>,
    pub left_only: Vec<Span>,
    pub right_only: Vec<Span>,
}

/// Compare two articles claim by claim (the alignment lands with #4).
pub fn compare(_d: &Dossier, left: ArticleId, right: ArticleId) -> Comparison {
    Comparison {
        left,
        right,
        pairs: Vec::new(),
        left_only: Vec::new(),
        right_only: Vec::new(),
    }
}
