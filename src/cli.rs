//! The command line: one function per subcommand, each a second view of the model.
//!
//! PATH is an optional leading positional before required ones (`dossier read ARTICLE` and
//! `dossier read DIR ARTICLE`), which clap cannot express: each subcommand takes its
//! positionals as one list, split by count in [`split_positionals`].

mod claims;
mod compare;
mod corrections;
pub mod export;
pub mod fetch;
mod figures;
mod output;
mod quotes;
mod read;
mod sources;
mod term;

pub use output::{Format, Out};
pub use term::ColorChoice;

use crate::model::{self, Dossier, LoadOptions};
use anyhow::Result;
use clap::{CommandFactory, Parser, Subcommand};
use std::path::PathBuf;

/// Read a dossier: several outlets' articles about one event, side by side.
#[derive(Debug, Parser)]
#[command(
    name = "dossier",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
#[command(
    override_usage = "dossier [OPTIONS] [PATH]\n       dossier [OPTIONS] <COMMAND> [PATH] ..."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The dossier: a folder of .txt/.md articles (default: the bundled dossier).
    pub path: Option<PathBuf>,
    #[command(flatten)]
    pub common: Common,
    /// Print the documented default config.toml and exit.
    #[arg(long)]
    pub print_config: bool,
}

/// Options every subcommand takes.
#[derive(Debug, Clone, clap::Args)]
pub struct Common {
    /// Output format (md/markdown, csl and csv: `export` only).
    #[arg(long, global = true, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Print article text as is, without making control characters visible.
    #[arg(long, global = true)]
    pub raw: bool,
    /// Skip article files larger than this many bytes (`fetch`: refuse larger pages).
    #[arg(long, global = true, value_name = "BYTES", default_value_t = LoadOptions::default().max_bytes)]
    pub max_bytes: u64,
    /// Wrap text at this many columns (default: the terminal's width, or 80).
    #[arg(long, global = true, value_name = "COLS")]
    pub width: Option<usize>,
    /// Print how long each phase took to stderr, wall and CPU time: loading (read, segment,
    /// quotes) and, for `sources`, the claims' extraction and analysis.
    #[arg(long, global = true)]
    pub timings: bool,
    /// Colour text output: auto (when stdout is a terminal and NO_COLOR is unset),
    /// always or never.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print straight to the terminal, never through $PAGER (default `less -R`) when the
    /// output is longer than the screen.
    #[arg(long, global = true)]
    pub no_pager: bool,
    /// Show dossier's own reading, without the corrections saved for this dossier.
    #[arg(long, global = true)]
    pub no_corrections: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// One row per article: file, title, outlet, author, date, body words.
    #[command(override_usage = "dossier sources [OPTIONS] [PATH]")]
    Sources {
        #[arg(value_name = "PATH")]
        args: Vec<String>,
    },
    /// An article's paragraphs with their kinds.
    #[command(override_usage = "dossier read [OPTIONS] [PATH] <ARTICLE>")]
    Read {
        /// [PATH] ARTICLE: ARTICLE is a file name, a file stem or a 1-based index.
        #[arg(value_name = "ARGS", required = true)]
        args: Vec<String>,
        /// Print the text that offsets refer to (the file; a web page's extracted text),
        /// unwrapped: byte for byte with --raw.
        #[arg(long)]
        source: bool,
    },
    /// Two articles claim by claim: agreeing and conflicting pairs, and what only one states.
    #[command(override_usage = "dossier compare [OPTIONS] [PATH] <A> <B>")]
    Compare {
        /// [PATH] A B: articles by file name, file stem or 1-based index.
        #[arg(value_name = "ARGS", required = true)]
        args: Vec<String>,
    },
    /// Claims stated across the dossier, with the articles stating them and their conflicts.
    #[command(override_usage = "dossier claims [OPTIONS] [PATH]")]
    Claims {
        #[arg(value_name = "PATH")]
        args: Vec<String>,
        /// Only claims whose mentions conflict.
        #[arg(long)]
        conflicts: bool,
        /// The claims and figures of this article that no other outlet reports.
        #[arg(long, value_name = "ARTICLE", conflicts_with = "conflicts")]
        only_in: Option<String>,
    },
    /// Figures grouped by what they measure, each mention with outlet, value and holder, and
    /// the mentions that conflict.
    #[command(override_usage = "dossier figures [OPTIONS] [PATH]")]
    Figures {
        #[arg(value_name = "PATH")]
        args: Vec<String>,
    },
    /// Quotes or saved clippings with citations, as Markdown, JSON, text, CSL-JSON or CSV.
    #[command(override_usage = "dossier export [OPTIONS] [PATH]")]
    Export {
        /// The dossier folder (default: the bundled dossier).
        #[arg(value_name = "PATH")]
        args: Vec<String>,
        #[command(flatten)]
        opts: export::ExportArgs,
    },
    /// Every direct quote with its speaker, kind and byte offsets.
    #[command(override_usage = "dossier quotes [OPTIONS] [PATH]")]
    Quotes {
        #[arg(value_name = "PATH")]
        args: Vec<String>,
        /// Only quotes of this speaker (a name, an alias or one word of it).
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
        /// Only quotes of this article (file name, stem or 1-based index).
        #[arg(long, value_name = "ARTICLE")]
        article: Option<String>,
        /// The remarks two sources or more quote, each rendering with the words that
        /// differ marked.
        #[arg(long)]
        variants: bool,
    },
    /// Download web pages into a dossier folder and record them in its dossier.toml.
    ///
    /// Each page is saved as NN_host_story.html, with its address and fetch time in the
    /// folder's dossier.toml. --max-bytes limits a page's size. The status is 0 when every
    /// page came, 1 when some did not (one line each on stderr), 2 for a usage error.
    #[command(override_usage = "dossier fetch [OPTIONS] <DIR> [URL]... [--from FILE]")]
    Fetch {
        #[command(flatten)]
        args: fetch::FetchArgs,
    },
    /// Each speaker with role, aliases and quote counts per article.
    #[command(override_usage = "dossier speakers [OPTIONS] [PATH]")]
    Speakers {
        #[arg(value_name = "PATH")]
        args: Vec<String>,
    },
    /// Print a shell completion script: `dossier completions bash > ~/.local/share/bash-completion/completions/dossier`.
    Completions {
        /// The shell (bash, zsh, fish; elvish and powershell too).
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `dossier man | man -l -`.
    Man,
    /// Correct dossier's reading: a speaker, a quote's speaker, a conflict or corroboration,
    /// an article's metadata (saved for this dossier; `--undo` takes back the last one).
    #[command(
        override_usage = "dossier correct [OPTIONS] [PATH] <KIND> ARGS...\n       dossier correct [PATH] --undo",
        after_help = "Kinds:\n  speaker-rename OLD NEW\n  speaker-merge FROM INTO\n  speaker-split SPEAKER ALIAS\n  quote-speaker ARTICLE \"QUOTE TEXT\" NAME|--unknown\n  conflict ARTICLE_A \"TEXT A\" ARTICLE_B \"TEXT B\" --not-a-conflict|--explained NOTE\n  corroboration ARTICLE_A \"TEXT A\" ARTICLE_B \"TEXT B\"\n  meta ARTICLE [--outlet X] [--title X] [--date YYYY-MM-DD[THH:MM]] [--url X] [--author X]"
    )]
    Correct {
        #[arg(value_name = "ARGS")]
        args: Vec<String>,
        #[command(flatten)]
        opts: corrections::CorrectArgs,
    },
    /// The corrections saved for this dossier: kind, anchor, old and new value, note, time,
    /// and whether each still applies.
    #[command(override_usage = "dossier corrections [OPTIONS] [PATH]")]
    Corrections {
        #[arg(value_name = "PATH")]
        args: Vec<String>,
    },
}

/// Split a subcommand's positionals into an optional leading PATH and `n` required ones,
/// or exit with a usage error (status 2) naming the real shape.
pub fn split_positionals(sub: &str, args: &[String], n: usize) -> (Option<PathBuf>, Vec<String>) {
    match args.len() {
        k if k == n => (None, args.to_vec()),
        k if k == n + 1 => (Some(PathBuf::from(&args[0])), args[1..].to_vec()),
        k => {
            let mut cmd = Cli::command();
            cmd.build();
            let msg = format!("`{sub}` takes {n} argument(s) after an optional PATH, got {k}");
            match cmd.find_subcommand_mut(sub) {
                Some(c) => c
                    .error(clap::error::ErrorKind::WrongNumberOfValues, msg)
                    .exit(),
                None => cmd
                    .error(clap::error::ErrorKind::WrongNumberOfValues, msg)
                    .exit(),
            }
        }
    }
}

/// Load the dossier at `path`, or the bundled one; warnings go to stderr.
pub fn load(path: Option<&PathBuf>, common: &Common) -> Result<Dossier> {
    let opts = LoadOptions {
        max_bytes: common.max_bytes,
    };
    let mut phases = model::load::Phases::default();
    let mut d = match path {
        Some(p) => model::load::load_path_timed(p, &opts, &mut phases)?,
        None => model::load::from_files_timed(
            model::load::BUNDLED_TITLE,
            model::load::bundled_files(),
            &mut phases,
        ),
    };
    if common.timings {
        print_timings(&d, &phases);
    }
    for w in &d.warnings {
        eprintln!("warning: {}", output::clean(&w.to_string(), false));
    }
    if !common.no_corrections {
        corrections::load(&mut d, path.map(PathBuf::as_path))?;
    }
    Ok(d)
}

/// Report the phases of loading on stderr: wall and CPU time, with throughput over the
/// dossier's text (by CPU time, which does not depend on how busy the machine is).
fn print_timings(d: &Dossier, phases: &model::load::Phases) {
    let bytes: usize = d.articles.iter().map(|a| a.text.len()).sum();
    eprintln!(
        "timings: {} articles, {:.2} MB; phase, wall, CPU (all threads), MB/s of CPU",
        d.articles.len(),
        bytes as f64 / 1e6
    );
    print_phases(bytes, phases);
}

/// One line per phase: wall and CPU time, and the text's megabytes per CPU second.
fn print_phases(bytes: usize, phases: &model::load::Phases) {
    for (name, wall, cpu) in &phases.0 {
        let secs = cpu.as_secs_f64();
        let rate = if secs > 0.0 {
            bytes as f64 / 1e6 / secs
        } else {
            f64::INFINITY
        };
        eprintln!(
            "  {name:<8} {:>9.2} ms wall {:>9.2} ms CPU {rate:>8.1} MB/s",
            wall.as_secs_f64() * 1e3,
            secs * 1e3
        );
    }
}

/// The dossier's claims analysed; with `--timings`, the extraction and the analysis (clusters,
/// matrix, counts) are reported as two more phases.
fn analyse(d: &Dossier, common: &Common) -> model::analysis::Analysis {
    let mut phases = model::load::Phases::default();
    let an = model::analysis::Analysis::new_timed(d, &mut phases);
    if common.timings {
        let bytes: usize = d.articles.iter().map(|a| a.text.len()).sum();
        print_phases(bytes, &phases);
    }
    an
}

/// Run a parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    if cli.print_config {
        print!("{}", crate::config::DEFAULT_CONFIG);
        return Ok(());
    }
    if cli.common.format.export_only() && !matches!(cli.command, Some(Command::Export { .. })) {
        let name = clap::ValueEnum::to_possible_value(&cli.common.format)
            .map(|v| v.get_name().to_string())
            .unwrap_or_default();
        anyhow::bail!("--format {name} is for `dossier export` only; use --format text or json");
    }
    if let (None, Some(p)) = (&cli.command, &cli.path) {
        if !p.exists() {
            if let Some(name) = p.to_str().and_then(suggest_command) {
                anyhow::bail!(
                    "unknown command {:?}; did you mean {name:?}? (`dossier --help` lists them)",
                    output::clean(&p.to_string_lossy(), false)
                );
            }
        }
    }
    let mut out = Out::stdout(&cli.common);
    let r = dispatch(cli, &mut out);
    // What was written is shown even when the command then failed.
    let shown = out.finish();
    r?;
    Ok(shown?)
}

/// Run a subcommand (or the reader) with its output going to `out`.
fn dispatch(cli: Cli, out: &mut Out) -> Result<()> {
    match cli.command {
        None => {
            // The reader on a terminal; the summary when piped or asked for JSON.
            if std::io::IsTerminal::is_terminal(&std::io::stdout())
                && cli.common.format == Format::Text
            {
                // Loaded behind the reader's first frame; its warnings are shown there,
                // as stderr is under the reader's screen.
                let path = cli.path.clone();
                let opts = LoadOptions {
                    max_bytes: cli.common.max_bytes,
                };
                let corrections = !cli.common.no_corrections;
                return crate::tui::run_loading(
                    cli.path.clone(),
                    corrections,
                    move || match path {
                        Some(p) => Ok(model::load_path(&p, &opts)?),
                        None => Ok(model::load_bundled()),
                    },
                );
            }
            let d = load(cli.path.as_ref(), &cli.common)?;
            sources::summary(&d, out)
        }
        Some(Command::Sources { args }) => {
            let (path, _) = split_positionals("sources", &args, 0);
            let d = load(path.as_ref(), &cli.common)?;
            sources::run_with(&d, &analyse(&d, &cli.common), out)
        }
        Some(Command::Read { args, source }) => {
            let (path, rest) = split_positionals("read", &args, 1);
            // `dossier read FOLDER` names a dossier and no article: list that dossier's.
            if path.is_none() && std::path::Path::new(&rest[0]).is_dir() {
                let d = load(Some(&PathBuf::from(&rest[0])), &cli.common)?;
                let names: Vec<String> = d
                    .articles
                    .iter()
                    .map(|a| format!("  {} {}", a.id.0 + 1, output::clean(&a.file, false)))
                    .collect();
                anyhow::bail!(
                    "usage: dossier read [PATH] <ARTICLE>: which article of {}? articles are:\n{}",
                    output::clean(&rest[0], false),
                    names.join("\n")
                );
            }
            let d = load(path.as_ref(), &cli.common)?;
            let id = find(&d, &rest[0])?;
            if source {
                return read::source(&d, id, out);
            }
            read::run(&d, id, out)
        }
        Some(Command::Compare { args }) => {
            let (path, rest) = split_positionals("compare", &args, 2);
            let d = load(path.as_ref(), &cli.common)?;
            let (a, b) = (find(&d, &rest[0])?, find(&d, &rest[1])?);
            if a == b {
                anyhow::bail!(
                    "{:?} and {:?} are the same article; compare two different ones",
                    output::clean(&rest[0], false),
                    output::clean(&rest[1], false)
                );
            }
            compare::run(&d, a, b, out)
        }
        Some(Command::Claims {
            args,
            conflicts,
            only_in,
        }) => {
            let (path, _) = split_positionals("claims", &args, 0);
            let d = load(path.as_ref(), &cli.common)?;
            if let Some(key) = only_in {
                return claims::only_in(&d, find(&d, &key)?, out);
            }
            claims::run(&d, conflicts, out)
        }
        Some(Command::Figures { args }) => {
            let (path, _) = split_positionals("figures", &args, 0);
            let d = load(path.as_ref(), &cli.common)?;
            figures::run(&d, out)
        }
        Some(Command::Export { args, opts }) => {
            let (path, _) = split_positionals("export", &args, 0);
            let d = load(path.as_ref(), &cli.common)?;
            export::run(&d, path.as_deref(), &opts, out)
        }
        Some(Command::Quotes {
            args,
            speaker,
            article,
            variants,
        }) => {
            let (path, _) = split_positionals("quotes", &args, 0);
            let d = load(path.as_ref(), &cli.common)?;
            let article = article.map(|a| find(&d, &a)).transpose()?;
            if variants {
                return quotes::run_variants(&d, speaker.as_deref(), article, out);
            }
            quotes::run(&d, speaker.as_deref(), article, out)
        }
        Some(Command::Fetch { args }) => fetch::run(&args, cli.common.max_bytes),
        Some(Command::Speakers { args }) => {
            let (path, _) = split_positionals("speakers", &args, 0);
            let d = load(path.as_ref(), &cli.common)?;
            quotes::speakers(&d, out)
        }
        Some(Command::Completions { shell }) => {
            clap_complete::generate(shell, &mut Cli::command(), "dossier", &mut out.w);
            Ok(out.flush()?)
        }
        Some(Command::Man) => {
            clap_mangen::Man::new(Cli::command()).render(&mut out.w)?;
            Ok(out.flush()?)
        }
        Some(Command::Correct { args, opts }) => {
            let (path, kind, rest) = corrections::split(&args, opts.undo)?;
            let path = path.map(PathBuf::from);
            let d = load(path.as_ref(), &cli.common)?;
            corrections::correct(&d, path.as_deref(), kind, rest, &opts, out)
        }
        Some(Command::Corrections { args }) => {
            let (path, _) = split_positionals("corrections", &args, 0);
            let plain = Common {
                no_corrections: true,
                ..cli.common.clone()
            };
            let d = load(path.as_ref(), &plain)?;
            corrections::list(d, path.as_deref(), out)
        }
    }
}

/// The subcommand a mistyped first argument was meant to be: within two edits of one
/// name, and nearer to it than to any other ("sourcez" is "sources").
fn suggest_command(arg: &str) -> Option<String> {
    let names: Vec<String> = Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .filter(|n| n != "help")
        .collect();
    let mut best: Vec<(usize, &String)> = names
        .iter()
        .map(|n| (edit_distance(&arg.to_lowercase(), n), n))
        .filter(|(dist, _)| *dist <= 2)
        .collect();
    best.sort();
    match best.as_slice() {
        [(d0, n), rest @ ..] if rest.first().is_none_or(|(d1, _)| d1 > d0) => Some((*n).clone()),
        _ => None,
    }
}

/// Levenshtein distance over characters (short words: the subcommand names).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// Resolve an ARTICLE argument: a file name, stem, unique prefix or 1-based index (see
/// [`Dossier::find_article`]), then a unique part of a file name or an outlet
/// ("dailyplanet"); an ambiguous one lists its candidates, an unknown one every article.
pub fn find(d: &Dossier, key: &str) -> Result<model::ArticleId> {
    // A file name is untrusted too: a newline in it must not forge a line.
    let listed = |ids: &mut dyn Iterator<Item = &model::Article>| -> String {
        ids.map(|a| format!("  {} {}", a.id.0 + 1, output::clean(&a.file, false)))
            .collect::<Vec<_>>()
            .join("\n")
    };
    if let Some(id) = d.find_article(key) {
        return Ok(id);
    }
    let k = key.trim().to_lowercase();
    // An outlet named exactly comes before parts of file names ("gazette" is the Gazette's
    // article even beside "gazette-west").
    let outlet_is = |a: &&model::Article| {
        a.meta
            .outlet
            .as_deref()
            .is_some_and(|o| o.to_lowercase() == k)
    };
    let mut exact = d.articles.iter().filter(outlet_is);
    if let (Some(a), None) = (exact.next(), exact.next()) {
        return Ok(a.id);
    }
    let hits: Vec<&model::Article> = if k.is_empty() {
        Vec::new()
    } else {
        d.articles
            .iter()
            .filter(|a| {
                a.file.to_lowercase().contains(&k)
                    || a.meta
                        .outlet
                        .as_deref()
                        .is_some_and(|o| o.to_lowercase() == k)
            })
            .collect()
    };
    match hits.as_slice() {
        [one] => Ok(one.id),
        [] => Err(anyhow::anyhow!(
            "no article {key:?} in this dossier; articles are:\n{}",
            listed(&mut d.articles.iter())
        )),
        many => Err(anyhow::anyhow!(
            "{key:?} names several articles; say which:\n{}",
            listed(&mut many.iter().copied())
        )),
    }
}
