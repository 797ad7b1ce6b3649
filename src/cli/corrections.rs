//! `dossier correct` (make or undo a correction) and `dossier corrections` (list them),
//! and [`load`]: the saved corrections applied to a freshly loaded dossier, which every
//! subcommand reads unless `--no-corrections`.

use super::{Format, Out};
use crate::model::claims::{Aligner, Relation};
use crate::model::corrections::{self, Anchor, Correction, Edit, MetaField, Verdict};
use crate::model::{ArticleId, Dossier, Span};
use crate::state::{Change, StateError, Store};
use anyhow::{bail, Context, Result};
use std::path::Path;

mod list;

pub use list::list;
use list::{summary, Row};

/// Apply the corrections saved for the dossier at `path` to `d`; each one that no longer
/// applies is reported on stderr (and stays saved, listed by `dossier corrections`).
pub fn load(d: &mut Dossier, path: Option<&Path>) -> Result<()> {
    let store = match Store::for_dossier(path) {
        Ok(s) => s,
        // No data folder: nothing was ever saved.
        Err(StateError::NoDataFolder) => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    // Nothing saved for this dossier: no lock file or folder is made just to read.
    if !store.path().exists() {
        return Ok(());
    }
    let loaded = store.load()?;
    if let Some(n) = &loaded.notice {
        eprintln!("warning: {}", super::output::clean(n, false));
    }
    let list = &loaded.state.corrections;
    if list.is_empty() {
        return Ok(());
    }
    corrections::apply(d, list);
    for s in &d.corrected.stale {
        let kind = list
            .iter()
            .find(|c| c.id == s.id)
            .map_or("?", |c| c.edit.kind());
        eprintln!(
            "warning: correction {} ({kind}) no longer applies: {}; `dossier corrections` lists it",
            s.id,
            super::output::clean(&s.problem, false)
        );
    }
    Ok(())
}

/// The kinds `dossier correct` makes.
const KINDS: [&str; 7] = [
    "speaker-rename",
    "speaker-merge",
    "speaker-split",
    "quote-speaker",
    "conflict",
    "corroboration",
    "meta",
];

/// Options of `dossier correct`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct CorrectArgs {
    /// Take back the last correction made.
    #[arg(long)]
    pub undo: bool,
    /// quote-speaker: the quote is by no one known.
    #[arg(long)]
    pub unknown: bool,
    /// conflict: the passages do not conflict (they measure different things).
    #[arg(long)]
    pub not_a_conflict: bool,
    /// conflict: the difference has a reason, given as the note ("different time").
    #[arg(long, value_name = "NOTE")]
    pub explained: Option<String>,
    /// A note kept with the correction.
    #[arg(long, value_name = "NOTE")]
    pub note: Option<String>,
    /// meta: the article's outlet.
    #[arg(long)]
    pub outlet: Option<String>,
    /// meta: the article's title.
    #[arg(long)]
    pub title: Option<String>,
    /// meta: the publication date, YYYY-MM-DD or YYYY-MM-DDTHH:MM.
    #[arg(long)]
    pub date: Option<String>,
    /// meta: the article's URL.
    #[arg(long)]
    pub url: Option<String>,
    /// meta: the author.
    #[arg(long)]
    pub author: Option<String>,
}

/// Split `dossier correct`'s positionals into the optional PATH, the kind and its
/// arguments.
pub fn split(args: &[String], undo: bool) -> Result<(Option<&str>, Option<&str>, &[String])> {
    let at = args
        .iter()
        .take(2)
        .position(|a| KINDS.contains(&a.as_str()));
    match (at, undo) {
        (None, true) if args.len() <= 1 => Ok((args.first().map(String::as_str), None, &[])),
        (Some(i), false) => Ok((
            args.first().filter(|_| i == 1).map(String::as_str),
            Some(args[i].as_str()),
            &args[i + 1..],
        )),
        _ => bail!(
            "usage: dossier correct [PATH] <KIND> ARGS… or dossier correct [PATH] --undo; \
             kinds: {}",
            KINDS.join(", ")
        ),
    }
}

/// Run `dossier correct`: build the correction against the corrected dossier, check it
/// applies, save it; or undo the last one.
pub fn correct(
    d: &Dossier,
    path: Option<&Path>,
    kind: Option<&str>,
    args: &[String],
    opts: &CorrectArgs,
    out: &mut Out,
) -> Result<()> {
    let store = Store::for_dossier(path)?;
    let Some(kind) = kind else {
        let undone = store.apply(Change::UndoCorrection)?.added;
        match undone {
            Some(id) => out.line(&format!("undid correction {id}"))?,
            None => out.line("no correction to undo")?,
        }
        out.flush()?;
        return Ok(());
    };
    let made = build(d, kind, args, opts)?;
    let now = crate::state::iso8601(std::time::SystemTime::now());
    for mut c in made {
        c.note = c
            .note
            .or_else(|| opts.note.clone())
            .filter(|n| !n.trim().is_empty());
        c.created = Some(now.clone());
        // A correction that would not apply now is refused rather than saved dead.
        let mut trial = d.clone();
        corrections::apply(&mut trial, std::slice::from_ref(&c));
        if let Some(s) = trial.corrected.stale.first() {
            bail!("{}", s.problem);
        }
        let id = store
            .apply(Change::AddCorrection(Box::new(c.clone())))
            .context("cannot save the correction")?
            .added
            .unwrap_or(0);
        c.id = id;
        if out.format == Format::Json {
            out.json(&Row::of(&c, None))?;
        } else {
            out.line(&format!("saved correction {id}: {}", summary(&c, out)))?;
        }
    }
    out.flush()?;
    Ok(())
}

/// The corrections one `dossier correct` asks for (meta makes one per field given).
fn build(d: &Dossier, kind: &str, args: &[String], o: &CorrectArgs) -> Result<Vec<Correction>> {
    let want = |n: usize, usage: &str| -> Result<()> {
        if args.len() != n {
            bail!("usage: dossier correct [PATH] {kind} {usage}");
        }
        Ok(())
    };
    let speaker_name = |name: &str| -> Result<String> {
        let n = name.trim();
        if n.is_empty() {
            bail!("a speaker's name cannot be empty");
        }
        Ok(n.to_string())
    };
    let one = |edit, old: Option<String>| Ok(vec![Correction::new(edit, old)]);
    match kind {
        "speaker-rename" => {
            want(2, "OLD NEW")?;
            let (from, to) = (speaker_name(&args[0])?, speaker_name(&args[1])?);
            one(
                Edit::SpeakerRename {
                    from: from.clone(),
                    to,
                },
                Some(from),
            )
        }
        "speaker-merge" => {
            want(2, "FROM INTO")?;
            let (from, into) = (speaker_name(&args[0])?, speaker_name(&args[1])?);
            one(
                Edit::SpeakerMerge {
                    from: from.clone(),
                    into,
                },
                Some(from),
            )
        }
        "speaker-split" => {
            want(2, "SPEAKER ALIAS")?;
            let (speaker, alias) = (speaker_name(&args[0])?, speaker_name(&args[1])?);
            one(
                Edit::SpeakerSplit {
                    speaker: speaker.clone(),
                    alias,
                },
                Some(speaker),
            )
        }
        "quote-speaker" => {
            let speaker = match (args.len(), o.unknown) {
                (3, false) => Some(speaker_name(&args[2])?),
                (2, true) => None,
                _ => bail!("usage: dossier correct [PATH] quote-speaker ARTICLE \"QUOTE TEXT\" NAME|--unknown"),
            };
            let article = super::find(d, &args[0])?;
            let q = find_quote(d, article, &args[1])?;
            let quote = &d.quotes[q];
            let old = quote.speaker().map(|p| d.people[p.0].name.clone());
            let anchor = Anchor::new(d.article(article), quote.span());
            one(
                Edit::QuoteSpeaker { anchor, speaker },
                old.or_else(|| Some("unknown".into())),
            )
        }
        "conflict" | "corroboration" => {
            want(4, "ARTICLE_A \"TEXT A\" ARTICLE_B \"TEXT B\"")?;
            let verdict = match (kind, o.not_a_conflict, &o.explained) {
                ("conflict", true, None) => Verdict::NotAConflict,
                ("conflict", false, Some(_)) => Verdict::Explained,
                ("corroboration", false, None) => Verdict::NotCorroborated,
                ("conflict", ..) => bail!("say --not-a-conflict or --explained NOTE (one of them)"),
                _ => bail!("a corroboration takes neither --not-a-conflict nor --explained"),
            };
            let (a, b) = (super::find(d, &args[0])?, super::find(d, &args[2])?);
            if a == b {
                bail!("a pair is two passages of two different articles");
            }
            let sa = find_text(d, a, &args[1])?;
            let sb = find_text(d, b, &args[3])?;
            let want_rel = if verdict == Verdict::NotCorroborated {
                Relation::Agree
            } else {
                Relation::Conflict
            };
            if !linked(d, (a, sa), (b, sb), want_rel) {
                bail!(
                    "dossier finds no {} between these passages (`dossier compare` and `dossier figures` list what it finds)",
                    if want_rel == Relation::Agree { "corroboration" } else { "conflict" }
                );
            }
            let edit = Edit::Pair {
                a: Anchor::new(d.article(a), sa),
                b: Anchor::new(d.article(b), sb),
                verdict,
            };
            let mut c = Correction::new(edit, Some(want_rel.as_str().to_string()));
            c.note = o.explained.clone();
            Ok(vec![c])
        }
        "meta" => {
            want(
                1,
                "ARTICLE --outlet X --title X --date YYYY-MM-DD[THH:MM] --url X --author X",
            )?;
            let a = d.article(super::find(d, &args[0])?);
            let given = [&o.outlet, &o.title, &o.date, &o.url, &o.author];
            let mut made = Vec::new();
            for (field, value) in MetaField::ALL.into_iter().zip(given) {
                let Some(value) = value.as_deref().map(str::trim) else {
                    continue;
                };
                if value.is_empty() {
                    bail!("--{} cannot be empty", field.as_str());
                }
                if field == MetaField::Date && !is_date(value) {
                    bail!("--date {value:?}: give YYYY-MM-DD or YYYY-MM-DDTHH:MM");
                }
                let old = match field {
                    MetaField::Outlet => a.meta.outlet.clone(),
                    MetaField::Title => a.meta.title.clone(),
                    MetaField::Date => a.meta.date.clone(),
                    MetaField::Url => a.meta.url.clone(),
                    MetaField::Author => a.meta.author.clone(),
                };
                let edit = Edit::Meta {
                    article: a.file.clone(),
                    field,
                    value: value.to_string(),
                };
                made.push(Correction::new(edit, old));
            }
            if made.is_empty() {
                bail!("say which field: --outlet, --title, --date, --url or --author");
            }
            Ok(made)
        }
        _ => bail!("unknown kind {kind:?}; kinds: {}", KINDS.join(", ")),
    }
}

/// The quote of `article` whose text is `text` (or the one quote holding it).
fn find_quote(d: &Dossier, article: ArticleId, text: &str) -> Result<usize> {
    let want = text.trim().trim_matches(['"', '“', '”']);
    let a = d.article(article);
    let quotes: Vec<usize> = (0..d.quotes.len())
        .filter(|&i| d.quotes[i].article() == article)
        .collect();
    let text_of = |i: usize| a.slice(d.quotes[i].span()).trim();
    if let Some(&i) = quotes.iter().find(|&&i| text_of(i) == want) {
        return Ok(i);
    }
    let hits: Vec<usize> = quotes
        .into_iter()
        .filter(|&i| !want.is_empty() && text_of(i).contains(want))
        .collect();
    match hits.as_slice() {
        [i] => Ok(*i),
        [] => bail!(
            "no quote of {} holds {want:?} (`dossier quotes --article` lists them)",
            a.file
        ),
        many => bail!(
            "{} quotes of {} hold {want:?}; give more of the text",
            many.len(),
            a.file
        ),
    }
}

/// The one place `text` occurs in an article.
fn find_text(d: &Dossier, article: ArticleId, text: &str) -> Result<Span> {
    let a = d.article(article);
    let want = text.trim();
    let hits: Vec<usize> = if want.is_empty() {
        Vec::new()
    } else {
        a.text.match_indices(want).map(|(i, _)| i).collect()
    };
    match hits.as_slice() {
        [i] => Ok(Span::new(*i, i + want.len())),
        [] => bail!("{want:?} is not in {}", a.file),
        many => bail!(
            "{want:?} occurs {} times in {}; give more of the text",
            many.len(),
            a.file
        ),
    }
}

/// True when dossier links the two passages with `rel`: a pair of `compare`, or (for a
/// conflict) two conflicting mentions of one figure.
fn linked(d: &Dossier, x: (ArticleId, Span), y: (ArticleId, Span), rel: Relation) -> bool {
    let aligner = Aligner::new(d);
    let c = aligner.compare(x.0, y.0);
    let covers = |p: Span, s: Span| p.overlaps(s);
    if c.pairs
        .iter()
        .any(|p| p.relation == rel && covers(p.left, x.1) && covers(p.right, y.1))
    {
        return true;
    }
    rel == Relation::Conflict
        && aligner.quantities().iter().any(|q| {
            q.conflicts.iter().any(|k| {
                let (m, n) = (&q.mentions[k.a], &q.mentions[k.b]);
                let hit = |m: &crate::model::claims::FigureMention, p: (ArticleId, Span)| {
                    m.article == p.0 && m.clause.overlaps(p.1)
                };
                (hit(m, x) && hit(n, y)) || (hit(m, y) && hit(n, x))
            })
        })
}

/// `YYYY-MM-DD`, optionally followed by `THH:MM`.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    let day = b.len() >= 10
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10);
    day && (b.len() == 10
        || (b.len() == 16 && b[10] == b'T' && digits(11..13) && b[13] == b':' && digits(14..16)))
}
