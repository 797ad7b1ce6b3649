//! The dossier model: articles, their structure, quotes, people and claims.
//!
//! Nothing in here (or below) knows about terminals or argument parsing: the CLI and the
//! reader are two views of this model. Everything is computed from text with byte offsets
//! into the files as stored, so every passage can be cited and found again.

pub mod analysis;
pub mod claims;
pub mod corrections;
pub mod date;
pub mod dossier;
pub mod export;
pub mod facts;
pub mod lex;
pub mod lexicon;
pub mod load;
pub mod mojibake;
pub mod onlyhere;
pub mod people;
pub mod quotes;
pub mod sanitize;
pub mod search;
pub mod text;
pub mod tuning;
pub mod variants;
pub(crate) mod work;

pub use dossier::{Article, ArticleId, Dossier, Meta, ParaKind, Paragraph, Span, Spans, Warning};
pub use load::{load_bundled, load_path, LoadError, LoadOptions};
