//! dossier: a terminal reader for news dossiers — several outlets' articles about one
//! event, with who said what, which facts agree and which figures conflict.
//!
//! [`model`] is the dossier model and knows nothing of terminals; [`cli`] is the
//! non-interactive command line over it, and [`tui`] the interactive reader. [`fsutil`]
//! writes files atomically, never clobbering; [`config`] holds the settings and [`state`]
//! each dossier's saved clippings, marks and reading position; [`synth`] makes synthetic
//! dossiers for benchmarks; [`crash`] writes a report when dossier panics.

pub mod cli;
pub mod config;
pub mod crash;
pub mod fsutil;
pub mod model;
pub mod state;
pub mod synth;
pub mod tui;
