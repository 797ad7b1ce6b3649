//! dossier: a terminal reader for news dossiers — several outlets' articles about one
//! event, with who said what, which facts agree and which figures conflict.
//!
//! [`model`] is the dossier model and knows nothing of terminals; [`cli`] is the
//! non-interactive command line over it, and [`tui`] the interactive reader.

pub mod cli;
pub mod model;
pub mod tui;
