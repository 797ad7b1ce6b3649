//! `dossier export`: the dossier's quotes and/or the saved clippings, with citations, as
//! Markdown, JSON or text, to stdout or (atomically, never clobbering) to a file.

use super::{Format, Out};
use crate::fsutil::{write_atomic, Clobber};
use crate::model::export::{self, resolve, Clipping, ExportFormat, Grouping, Holds, Options};
use crate::model::quotes::QuoteId;
use crate::model::Dossier;
use crate::state::Store;
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

/// What to export and where.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ExportArgs {
    /// Export the dossier's quotes (the default when --clippings is not given).
    #[arg(long)]
    pub quotes: bool,
    /// Export the clippings saved for this dossier by the reader.
    #[arg(long)]
    pub clippings: bool,
    /// Only passages by this speaker (name or alias, case-insensitive, part of it will do).
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    /// Only passages from this article (file name, stem, prefix or 1-based index).
    #[arg(long, value_name = "ARTICLE")]
    pub article: Option<String>,
    /// Keep clipping order instead of grouping passages by source (Markdown and text).
    #[arg(long)]
    pub in_order: bool,
    /// Write to this file instead of stdout (atomically; an existing file is refused).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite an existing --output file.
    #[arg(long, requires = "output")]
    pub force: bool,
    /// Begin Markdown with YAML front matter (title, dossier, exported, sources), for
    /// Obsidian.
    #[arg(long)]
    pub front_matter: bool,
}

/// The export format for a `--format` value.
pub fn format_of(f: Format) -> ExportFormat {
    match f {
        Format::Text => ExportFormat::Text,
        Format::Json => ExportFormat::Json,
        Format::Md => ExportFormat::Markdown,
        Format::Csl => ExportFormat::Csl,
        Format::Csv => ExportFormat::Csv,
    }
}

/// What the arguments export, for the document's title.
fn holds(args: &ExportArgs) -> Holds {
    match (args.quotes, args.clippings) {
        (true, true) => Holds::QuotesAndClippings,
        (false, true) => Holds::Clippings,
        _ => Holds::Quotes,
    }
}

/// Gather the passages the arguments ask for.
pub fn passages(d: &Dossier, path: Option<&Path>, args: &ExportArgs) -> Result<Vec<Clipping>> {
    let mut out = Vec::new();
    if args.quotes || !args.clippings {
        out.extend((0..d.quotes.len()).map(|i| {
            let mut c = Clipping::of_quote(d, QuoteId(i), None);
            c.id = i as u64 + 1;
            c
        }));
    }
    if args.clippings {
        let store = Store::for_dossier(path)?;
        let loaded = store.load()?;
        if let Some(n) = loaded.notice {
            eprintln!("warning: {}", super::output::clean(&n.to_string(), false));
        }
        out.extend(loaded.state.clippings);
    }
    if let Some(key) = &args.article {
        let file = &d.article(super::find(d, key)?).file;
        out.retain(|c| &c.article == file);
    }
    if let Some(name) = &args.speaker {
        let name = name.to_lowercase();
        out.retain(|c| speaks(d, c, &name));
    }
    Ok(out)
}

/// True when the passage's speaker's name or an alias contains `name` (lower-cased).
fn speaks(d: &Dossier, c: &Clipping, name: &str) -> bool {
    let Some(speaker) = resolve(d, c).speaker else {
        return false;
    };
    d.people.iter().filter(|p| p.name == speaker).any(|p| {
        std::iter::once(&p.name)
            .chain(&p.aliases)
            .any(|n| n.to_lowercase().contains(name))
    })
}

/// Run `dossier export`.
pub fn run(d: &Dossier, path: Option<&Path>, args: &ExportArgs, out: &mut Out) -> Result<()> {
    let clips = passages(d, path, args)?;
    if clips.is_empty() {
        eprintln!("warning: nothing to export (no passage matches)");
    }
    let format = format_of(out.format);
    if args.front_matter && format != ExportFormat::Markdown {
        anyhow::bail!("--front-matter is for --format md only");
    }
    let opts = Options {
        format,
        grouping: if args.in_order {
            Grouping::InOrder
        } else {
            Grouping::BySource
        },
        holds: holds(args),
        front_matter: args.front_matter.then(now),
    };
    match &args.output {
        None => {
            export::write_with(&mut out.w, d, &clips, &opts)?;
            out.flush()?;
        }
        Some(file) => {
            let clobber = if args.force {
                Clobber::Overwrite
            } else {
                Clobber::Refuse
            };
            write_atomic(file, clobber, |w| export::write_with(w, d, &clips, &opts))
                .context("export failed")?;
            eprintln!(
                "wrote {} passage(s) to {}",
                clips.len(),
                super::output::clean(&file.display().to_string(), false)
            );
        }
    }
    Ok(())
}

/// The export time for front matter: now, in UTC to the second; `DOSSIER_NOW` fixes it
/// (for reproducible files and tests).
fn now() -> String {
    if let Some(t) = std::env::var("DOSSIER_NOW").ok().filter(|t| !t.is_empty()) {
        return t;
    }
    let t = jiff::Timestamp::now();
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}
