//! The analyst's corrections to dossier's reading: speakers renamed, merged or split, a
//! quote given to someone else (or to no one), a conflict or a corroboration judged
//! wrong, an article's metadata set by hand.
//!
//! A correction points at text (an [`Anchor`]: the W3C text-quote selector the export
//! writes) or at a name, never at an internal id, so it survives a reload, a change to
//! the model and an edit that moves the text. [`apply`] is the one way to apply them: it
//! rewrites the dossier's people, quotes and metadata, and records in
//! [`Dossier::corrected`] what dossier itself had found, so every view can say what was
//! corrected and show both readings. A correction that no longer finds its text or
//! name is kept and reported ([`Applied::stale`]), never dropped.

mod anchor;

pub use anchor::{Anchor, AnchorError};

use crate::model::claims::{Cluster, ClusterConflict, Relation};
use crate::model::people::{Person, PersonId, SpeakerKind};
use crate::model::quotes::QuoteId;
use crate::model::{ArticleId, Dossier, Meta, Span};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The `how` of a quote whose speaker the analyst set.
pub const HOW: &str = "correction";

/// An article metadata field a correction may set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MetaField {
    Outlet,
    Title,
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
    Date,
    Url,
    Author,
}

impl MetaField {
    /// The name used in JSON, text and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            MetaField::Outlet => "outlet",
            MetaField::Title => "title",
            MetaField::Date => "date",
            MetaField::Url => "url",
            MetaField::Author => "author",
        }
    }

    /// An article's value of the field.
    pub fn get(self, meta: &Meta) -> Option<&str> {
        match self {
            MetaField::Outlet => meta.outlet.as_deref(),
            MetaField::Title => meta.title.as_deref(),
            MetaField::Date => meta.date.as_deref(),
            MetaField::Url => meta.url.as_deref(),
            MetaField::Author => meta.author.as_deref(),
        }
    }

    /// Set the field, as given by hand (an outlet set so is no guess); returns the value
    /// before.
    pub fn set(self, meta: &mut Meta, value: String) -> Option<String> {
        let slot = match self {
            MetaField::Outlet => {
                meta.outlet_inferred = false;
                &mut meta.outlet
            }
            MetaField::Title => &mut meta.title,
            MetaField::Date => &mut meta.date,
            MetaField::Url => &mut meta.url,
            MetaField::Author => &mut meta.author,
        };
        slot.replace(value)
    }

    /// Every field, in the order the CLI lists them.
    pub const ALL: [MetaField; 5] = [
        MetaField::Outlet,
        MetaField::Title,
        MetaField::Date,
        MetaField::Url,
        MetaField::Author,
    ];
}

/// What a correction says about a pair of passages in two articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// A conflict that is none (the figures measure different things).
    NotAConflict,
    /// A conflict with a reason ("different time"): the note says it.
    Explained,
    /// A corroboration that is none.
    NotCorroborated,
}

impl Verdict {
    /// The name used in JSON and text.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::NotAConflict => "not-a-conflict",
            Verdict::Explained => "explained",
            Verdict::NotCorroborated => "not-corroborated",
        }
    }
}

/// One change to dossier's reading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Edit {
    /// The speaker named (or also called) `from` is `to`; `from` stays an alias.
    SpeakerRename { from: String, to: String },
    /// The speakers `from` and `into` are one person, called `into`.
    SpeakerMerge { from: String, into: String },
    /// The alias `alias` of `speaker` is another person: the quotes the text credits to
    /// that form go to a new speaker of that name.
    SpeakerSplit { speaker: String, alias: String },
    /// The quote at `anchor` is by `speaker` (a name or alias; a new speaker when no one
    /// is called so), or by no one known (None).
    QuoteSpeaker {
        anchor: Anchor,
        speaker: Option<String>,
    },
    /// The passages at `a` and `b` (two articles) are related, not what dossier said.
    Pair {
        a: Anchor,
        b: Anchor,
        verdict: Verdict,
    },
    /// An article's metadata field (`article` is its file name).
    Meta {
        article: String,
        field: MetaField,
        value: String,
    },
}

impl Edit {
    /// The kind's name, as in JSON.
    pub fn kind(&self) -> &'static str {
        match self {
            Edit::SpeakerRename { .. } => "speaker-rename",
            Edit::SpeakerMerge { .. } => "speaker-merge",
            Edit::SpeakerSplit { .. } => "speaker-split",
            Edit::QuoteSpeaker { .. } => "quote-speaker",
            Edit::Pair { .. } => "pair",
            Edit::Meta { .. } => "meta",
        }
    }
}

/// A saved correction: the edit, what dossier read before it, a note and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    /// Stable within a dossier's saved state (assigned by the store; 0 = unsaved).
    #[serde(default)]
    pub id: u64,
    #[serde(flatten)]
    pub edit: Edit,
    /// The value before the correction, as shown when it was made (the speaker, the
    /// relation, the field's value).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// ISO-8601 time it was made, from the caller.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
}

impl Correction {
    /// A correction with no note, time or id yet.
    pub fn new(edit: Edit, old: Option<String>) -> Correction {
        Correction {
            id: 0,
            edit,
            old,
            note: None,
            created: None,
        }
    }

    /// The value it sets, for listings.
    pub fn new_value(&self) -> Option<String> {
        match &self.edit {
            Edit::SpeakerRename { to, .. } => Some(to.clone()),
            Edit::SpeakerMerge { into, .. } => Some(into.clone()),
            Edit::SpeakerSplit { alias, .. } => Some(alias.clone()),
            Edit::QuoteSpeaker { speaker, .. } => speaker.clone(),
            Edit::Pair { .. } => Some(Relation::Related.as_str().to_string()),
            Edit::Meta { value, .. } => Some(value.clone()),
        }
    }
}

/// A correction that no longer applies, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stale {
    pub id: u64,
    pub problem: String,
}

/// A pair verdict found in the dossier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairVerdict {
    pub id: u64,
    pub a: (ArticleId, Span),
    pub b: (ArticleId, Span),
    pub verdict: Verdict,
    pub note: Option<String>,
}

impl PairVerdict {
    /// True when the verdict covers a pair of passages (either way round): each side
    /// overlaps its anchor's text.
    pub fn covers(&self, x: (ArticleId, Span), y: (ArticleId, Span)) -> bool {
        let hit = |v: (ArticleId, Span), p: (ArticleId, Span)| v.0 == p.0 && v.1.overlaps(p.1);
        (hit(self.a, x) && hit(self.b, y)) || (hit(self.a, y) && hit(self.b, x))
    }
}

/// What the corrections changed, kept beside the corrected dossier: dossier's own
/// reading of every corrected item, the pair verdicts, and the stale corrections.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Applied {
    /// Corrections that applied.
    pub applied: Vec<u64>,
    /// Corrections that no longer apply, in order.
    pub stale: Vec<Stale>,
    /// Quote -> the speaker dossier found (name and kind), for quotes whose speaker changed.
    quotes: BTreeMap<QuoteId, Option<(String, SpeakerKind)>>,
    /// Speaker -> the name dossier gave it (None: a speaker the corrections made).
    people: BTreeMap<PersonId, Option<String>>,
    /// (Article, field) -> dossier's own value.
    meta: BTreeMap<(ArticleId, MetaField), Option<String>>,
    pairs: Vec<PairVerdict>,
}

impl Applied {
    /// True when no correction applied.
    pub fn is_empty(&self) -> bool {
        self.applied.is_empty()
    }
    /// True when the analyst judged some pair of passages.
    pub fn has_pair_verdicts(&self) -> bool {
        !self.pairs.is_empty()
    }
    /// Dossier's own speaker for a corrected quote (`Some(None)`: it found none); None
    /// when the quote was not corrected.
    pub fn quote_detected(&self, q: QuoteId) -> Option<Option<(&str, SpeakerKind)>> {
        self.quotes
            .get(&q)
            .map(|o| o.as_ref().map(|(n, k)| (n.as_str(), *k)))
    }
    /// Dossier's own name for a corrected speaker (`Some(None)`: one the corrections made).
    pub fn person_detected(&self, p: PersonId) -> Option<Option<&str>> {
        self.people.get(&p).map(Option::as_deref)
    }
    /// Dossier's own value of each corrected field of an article.
    pub fn meta_detected(
        &self,
        a: ArticleId,
    ) -> impl Iterator<Item = (MetaField, Option<&str>)> + '_ {
        self.meta
            .range((a, MetaField::Outlet)..=(a, MetaField::Author))
            .map(|((_, f), v)| (*f, v.as_deref()))
    }
    /// Move out of a claim cluster's conflicts those the analyst judged (they are related
    /// now), with the verdicts.
    pub fn take_judged(&self, c: &mut Cluster) -> Vec<(ClusterConflict, &PairVerdict)> {
        if self.pairs.is_empty() {
            return Vec::new();
        }
        let mut judged = Vec::new();
        let mention = |k: usize| c.mentions.get(k).map(|m| (m.article, m.span));
        let verdicts: Vec<Option<&PairVerdict>> = c
            .conflicts
            .iter()
            .map(|x| self.pair_verdict(mention(x.a)?, mention(x.b)?))
            .collect();
        let conflicts = std::mem::take(&mut c.conflicts);
        for (x, v) in conflicts.into_iter().zip(verdicts) {
            match v {
                Some(v) => judged.push((x, v)),
                None => c.conflicts.push(x),
            }
        }
        judged
    }

    /// The verdict on a pair of passages, if the analyst gave one.
    pub fn pair_verdict(&self, x: (ArticleId, Span), y: (ArticleId, Span)) -> Option<&PairVerdict> {
        self.pairs.iter().rev().find(|v| v.covers(x, y))
    }
}

/// Apply `list` in order to `d`: its people, quotes and metadata now say what the analyst
/// said, and `d.corrected` records dossier's own reading of what changed.
pub fn apply(d: &mut Dossier, list: &[Correction]) {
    let detected: Vec<Option<(String, SpeakerKind)>> = d
        .quotes
        .iter()
        .map(|q| {
            let p = q.speaker().and_then(|p| d.people.get(p.0))?;
            Some((p.name.clone(), p.kind))
        })
        .collect();
    let names: Vec<String> = d.people.iter().map(|p| p.name.clone()).collect();
    let mut w = Work {
        removed: vec![false; d.people.len()],
        quoted: d.people.iter().map(|p| !p.quotes.is_empty()).collect(),
        applied: Applied::default(),
    };
    for c in list {
        match w.one(d, c) {
            Ok(()) => w.applied.applied.push(c.id),
            Err(problem) => w.applied.stale.push(Stale { id: c.id, problem }),
        }
    }
    let (mut applied, origin) = w.compact(d);
    for (i, q) in d.quotes.iter().enumerate() {
        let now = q
            .speaker()
            .and_then(|p| d.people.get(p.0))
            .map(|p| (p.name.clone(), p.kind));
        if now != detected[i] {
            applied.quotes.insert(QuoteId(i), detected[i].clone());
        }
    }
    for (k, p) in d.people.iter_mut().enumerate() {
        p.quotes.sort_unstable();
        // Speakers past dossier's own were made by corrections.
        match names.get(origin[k]) {
            Some(n) if *n == p.name => {}
            was => {
                applied.people.insert(PersonId(k), was.cloned());
            }
        }
    }
    d.corrected = applied;
}

/// The state of one [`apply`].
struct Work {
    /// People merged away (dropped at the end, so ids stay valid meanwhile).
    removed: Vec<bool>,
    /// Which people had quotes before the corrections: one left with none by them (every
    /// quote given to someone else) is no speaker any more.
    quoted: Vec<bool>,
    applied: Applied,
}

impl Work {
    /// Apply one correction, or say why it no longer applies.
    fn one(&mut self, d: &mut Dossier, c: &Correction) -> Result<(), String> {
        match &c.edit {
            Edit::SpeakerRename { from, to } => {
                let p = self.person(d, from)?;
                if let Some(other) = self.find(d, to).filter(|&o| o != p) {
                    return Err(format!(
                        "{to:?} is already the speaker {:?}; merge the two instead",
                        d.people[other].name
                    ));
                }
                let person = &mut d.people[p];
                let old = std::mem::replace(&mut person.name, to.clone());
                person.aliases.retain(|x| !x.eq_ignore_ascii_case(to));
                if !person.aliases.iter().any(|x| x == &old) && &old != to {
                    person.aliases.push(old);
                }
            }
            Edit::SpeakerMerge { from, into } => {
                let (a, b) = (self.person(d, from)?, self.person(d, into)?);
                if a == b {
                    return Err(format!("{from:?} and {into:?} are already one speaker"));
                }
                let gone = std::mem::take(&mut d.people[a].quotes);
                for q in &gone {
                    d.quotes[q.0].set_speaker(Some(PersonId(b)));
                }
                let forms: Vec<String> = std::iter::once(d.people[a].name.clone())
                    .chain(d.people[a].aliases.iter().cloned())
                    .collect();
                let role = d.people[a].role.clone();
                let keep = &mut d.people[b];
                keep.quotes.extend(gone);
                for f in forms {
                    if f != keep.name && !keep.aliases.contains(&f) {
                        keep.aliases.push(f);
                    }
                }
                if keep.role.is_none() {
                    keep.role = role;
                }
                self.removed[a] = true;
            }
            Edit::SpeakerSplit { speaker, alias } => {
                let p = self.person(d, speaker)?;
                let Some(at) = d.people[p]
                    .aliases
                    .iter()
                    .position(|x| x.eq_ignore_ascii_case(alias))
                else {
                    return Err(format!("{speaker:?} is not also called {alias:?}"));
                };
                let name = d.people[p].aliases.remove(at);
                let (moved, kept): (Vec<QuoteId>, Vec<QuoteId>) =
                    d.people[p].quotes.iter().partition(|q| {
                        d.as_written(**q)
                            .is_some_and(|w| w.eq_ignore_ascii_case(&name))
                    });
                d.people[p].quotes = kept;
                let kind = d.people[p].kind;
                let new = self.add_person(d, name, kind);
                for q in &moved {
                    d.quotes[q.0].set_speaker(Some(PersonId(new)));
                }
                self.quoted[new] = !moved.is_empty();
                d.people[new].quotes = moved;
            }
            Edit::QuoteSpeaker { anchor, speaker } => {
                let (article, span) = anchor.find(d).map_err(|e| e.to_string())?;
                let q = quote_at(d, article, span).ok_or_else(|| {
                    format!("no quote at {:?} in {}", anchor.exact, anchor.article)
                })?;
                if let Some(old) = d.quotes[q.0].speaker() {
                    d.people[old.0].quotes.retain(|x| *x != q);
                }
                let to = speaker.as_ref().map(|name| match self.find(d, name) {
                    Some(p) => p,
                    None => self.add_person(d, name.clone(), SpeakerKind::Person),
                });
                if let Some(p) = to {
                    d.people[p].quotes.push(q);
                    self.quoted[p] = true;
                }
                d.quotes[q.0].set_speaker(to.map(PersonId));
                d.said.set_how(q, crate::model::quotes::How::of(HOW));
            }
            Edit::Pair { a, b, verdict } => {
                let a = a.find(d).map_err(|e| e.to_string())?;
                let b = b.find(d).map_err(|e| e.to_string())?;
                self.applied.pairs.push(PairVerdict {
                    id: c.id,
                    a,
                    b,
                    verdict: *verdict,
                    note: c.note.clone(),
                });
            }
            Edit::Meta {
                article,
                field,
                value,
            } => {
                let a = d
                    .articles
                    .iter_mut()
                    .find(|a| &a.file == article)
                    .ok_or_else(|| format!("no article {article:?} in the dossier"))?;
                let old = field.set(&mut a.meta, value.clone());
                self.applied.meta.entry((a.id, *field)).or_insert(old);
            }
        }
        Ok(())
    }

    /// The speaker called `name` (canonical name first, then a unique alias), ignoring
    /// case; those merged away do not count.
    fn find(&self, d: &Dossier, name: &str) -> Option<usize> {
        let name = name.trim();
        let live = || {
            d.people
                .iter()
                .enumerate()
                .filter(|(i, _)| !self.removed[*i])
        };
        if let Some((i, _)) = live().find(|(_, p)| p.name.eq_ignore_ascii_case(name)) {
            return Some(i);
        }
        let mut hits =
            live().filter(|(_, p)| p.aliases.iter().any(|x| x.eq_ignore_ascii_case(name)));
        match (hits.next(), hits.next()) {
            (Some((i, _)), None) => Some(i),
            _ => None,
        }
    }

    /// [`Work::find`], or why not.
    fn person(&self, d: &Dossier, name: &str) -> Result<usize, String> {
        self.find(d, name)
            .ok_or_else(|| format!("no speaker is called {name:?}"))
    }

    /// A new speaker made by a correction.
    fn add_person(&mut self, d: &mut Dossier, name: String, kind: SpeakerKind) -> usize {
        let id = d.people.len();
        d.people.push(Person {
            id: PersonId(id),
            name,
            kind,
            aliases: Vec::new(),
            role: None,
            quotes: Vec::new(),
        });
        self.removed.push(false);
        self.quoted.push(false);
        id
    }

    /// Drop the people merged away and renumber the rest; returns the record and, for
    /// each speaker kept, its index before.
    fn compact(self, d: &mut Dossier) -> (Applied, Vec<usize>) {
        let Work {
            removed,
            quoted,
            applied,
        } = self;
        let mut map = vec![None; d.people.len()];
        let mut origin = Vec::with_capacity(d.people.len());
        let mut kept = Vec::with_capacity(d.people.len());
        for (i, mut p) in std::mem::take(&mut d.people).into_iter().enumerate() {
            if removed[i] || (quoted[i] && p.quotes.is_empty()) {
                continue;
            }
            map[i] = Some(kept.len());
            origin.push(i);
            p.id = PersonId(kept.len());
            kept.push(p);
        }
        d.people = kept;
        for q in &mut d.quotes {
            let s = q.speaker().and_then(|p| map[p.0]).map(PersonId);
            q.set_speaker(s);
        }
        (applied, origin)
    }
}

/// The quote of `article` at `span`: the one with that span, else the one that overlaps
/// it most.
fn quote_at(d: &Dossier, article: ArticleId, span: Span) -> Option<QuoteId> {
    let overlap = |s: Span| s.end.min(span.end).saturating_sub(s.start.max(span.start));
    d.quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.article() == article && q.span().overlaps(span))
        .max_by_key(|(_, q)| (q.span() == span, overlap(q.span())))
        .map(|(i, _)| QuoteId(i))
}

#[cfg(test)]
mod tests;
