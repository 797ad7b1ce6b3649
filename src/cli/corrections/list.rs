//! `dossier corrections`: the saved corrections with whether each still applies, and the
//! one-line summary `dossier correct` prints.

use super::super::{Format, Out};
use crate::model::corrections::{self, Anchor, Correction, Edit};
use crate::model::Dossier;
use crate::state::{StateError, Store};
use anyhow::Result;
use serde::Serialize;
use std::path::Path;

/// An anchor as the export writes it: a W3C `TextQuoteSelector`, plus the article and
/// the offset it was made at.
#[derive(Serialize)]
struct AnchorJson<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    article: &'a str,
    exact: &'a str,
    prefix: &'a str,
    suffix: &'a str,
    start: usize,
}

impl<'a> From<&'a Anchor> for AnchorJson<'a> {
    fn from(a: &'a Anchor) -> Self {
        AnchorJson {
            kind: "TextQuoteSelector",
            article: &a.article,
            exact: &a.exact,
            prefix: &a.prefix,
            suffix: &a.suffix,
            start: a.start,
        }
    }
}

/// One row of `dossier corrections --format json` (the shape is in the README).
#[derive(Serialize)]
pub(super) struct Row<'a> {
    id: u64,
    kind: &'static str,
    /// "applied" or "stale".
    status: &'static str,
    /// Why a stale correction no longer applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    problem: Option<&'a str>,
    /// The article a quote, pair side or metadata correction is about.
    article: Option<&'a str>,
    /// The text the correction points at (for pairs, the first passage).
    anchor: Option<AnchorJson<'a>>,
    /// A pair's second passage.
    #[serde(skip_serializing_if = "Option::is_none")]
    anchor_b: Option<AnchorJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    verdict: Option<&'static str>,
    old: Option<&'a str>,
    new: Option<String>,
    note: Option<&'a str>,
    created: Option<&'a str>,
}

impl<'a> Row<'a> {
    pub(super) fn of(c: &'a Correction, problem: Option<&'a str>) -> Row<'a> {
        let (article, anchor, anchor_b, field, verdict) = match &c.edit {
            Edit::QuoteSpeaker { anchor, .. } => (
                Some(anchor.article.as_str()),
                Some(anchor.into()),
                None,
                None,
                None,
            ),
            Edit::Pair { a, b, verdict } => (
                Some(a.article.as_str()),
                Some(a.into()),
                Some(b.into()),
                None,
                Some(verdict.as_str()),
            ),
            Edit::Meta { article, field, .. } => (
                Some(article.as_str()),
                None,
                None,
                Some(field.as_str()),
                None,
            ),
            _ => (None, None, None, None, None),
        };
        Row {
            id: c.id,
            kind: c.edit.kind(),
            status: if problem.is_some() {
                "stale"
            } else {
                "applied"
            },
            problem,
            article,
            anchor,
            anchor_b,
            field,
            verdict,
            old: c.old.as_deref(),
            new: c.new_value(),
            note: c.note.as_deref(),
            created: c.created.as_deref(),
        }
    }
}

/// One line saying what a correction does.
pub(super) fn summary(c: &Correction, out: &Out) -> String {
    let new = c.new_value().unwrap_or_else(|| "unknown".into());
    let old = c.old.as_deref().unwrap_or("none");
    let s = match &c.edit {
        Edit::SpeakerRename { from, to } => format!("speaker-rename {from} → {to}"),
        Edit::SpeakerMerge { from, into } => format!("speaker-merge {from} into {into}"),
        Edit::SpeakerSplit { speaker, alias } => format!("speaker-split {alias} off {speaker}"),
        Edit::QuoteSpeaker { anchor, .. } => {
            format!(
                "quote-speaker {} “{}”: {old} → {new}",
                anchor.article, anchor.exact
            )
        }
        Edit::Pair { a, b, verdict } => format!(
            "pair {} “{}” / {} “{}”: {old} → related ({})",
            a.article,
            a.exact,
            b.article,
            b.exact,
            verdict.as_str()
        ),
        Edit::Meta { article, field, .. } => {
            format!("meta {article} {}: {old} → {new}", field.as_str())
        }
    };
    out.text(&s).into_owned()
}

/// Run `dossier corrections` on the dossier as loaded (without corrections): every saved
/// correction, with whether it still applies.
pub fn list(mut d: Dossier, path: Option<&Path>, out: &mut Out) -> Result<()> {
    let saved = match Store::for_dossier(path) {
        Ok(s) if s.path().exists() => s.load()?.state.corrections,
        Ok(_) | Err(StateError::NoDataFolder) => Vec::new(),
        Err(e) => return Err(e.into()),
    };
    corrections::apply(&mut d, &saved);
    let problem = |c: &Correction| {
        d.corrected
            .stale
            .iter()
            .find(|s| s.id == c.id)
            .map(|s| s.problem.as_str())
    };
    if out.format == Format::Json {
        let rows: Vec<Row> = saved.iter().map(|c| Row::of(c, problem(c))).collect();
        return out.json(&rows);
    }
    for c in &saved {
        let when = c
            .created
            .as_deref()
            .map(|t| format!("  ({t})"))
            .unwrap_or_default();
        let head = format!("{:>3}  {}{when}", c.id, summary(c, out));
        for l in out.wrap(&head, "", "     ") {
            out.line(&l)?;
        }
        if let Some(n) = &c.note {
            out.line(&format!("     note: {}", out.text(n)))?;
        }
        if let Some(p) = problem(c) {
            out.line(&format!("     STALE: {}", out.text(p)))?;
        }
    }
    if saved.is_empty() {
        out.line("no corrections")?;
    }
    out.flush()?;
    Ok(())
}
