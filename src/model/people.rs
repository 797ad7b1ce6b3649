//! People (and institutions) who speak in the dossier: one person, one entity, whatever
//! the article calls them.
//!
//! Full names ("Lloyd J. Austin III", titled or speaking) are gathered first across the
//! dossier and keyed by first and last core word, so every spelling of one person lands on
//! one entity; a bare surname ("Austin", "Kim") is then resolved where it stands, to the
//! person of that name the article has been talking about, and a near-miss spelling
//! ("Kima") to the one known name it is a small edit away from.

pub(crate) mod names;

use names::{NameKind, Parsed};
use serde::Serialize;
use std::collections::HashMap;

/// Index of a person in `Dossier::people`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct PersonId(pub usize);

/// What kind of speaker this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    Person,
    Institution,
    Anonymous,
}

impl SpeakerKind {
    /// The name used in JSON and text output.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Institution => "institution",
            SpeakerKind::Anonymous => "anonymous",
        }
    }
}

/// A speaker of the dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub id: PersonId,
    /// The canonical name ("Lloyd Austin").
    pub name: String,
    pub kind: SpeakerKind,
    /// Every other form the texts use ("Austin", "Lloyd J. Austin III").
    pub aliases: Vec<String>,
    /// Title or role ("U.S. Secretary of Defense").
    pub role: Option<String>,
    /// The quotes attributed to this speaker.
    pub quotes: Vec<crate::model::dossier::QuoteId>,
}

/// How many mentions around a position name resolution looks at (bounds the work per
/// quote on very long articles).
const MENTION_WINDOW: usize = 200;

/// An entity while the dossier is being read.
#[derive(Debug, Clone)]
pub(crate) struct Ent {
    pub kind: SpeakerKind,
    pub name: String,
    /// Name forms as written, in order of first use.
    pub forms: Vec<String>,
    /// Roles as written, with how often each was seen.
    pub roles: Vec<(String, usize)>,
    /// The lowercase core words of the name.
    pub words: Vec<String>,
    /// Evidence of gender: how often the texts called this person "he" (an honorific,
    /// a role noun, a pronoun that could only mean them) and how often "she".
    pub he: u32,
    pub she: u32,
}

/// Grammatical gender, as a pronoun or an honorific tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

impl Ent {
    /// The gender the texts agree on; None when nothing tells it or they disagree.
    pub fn gender(&self) -> Option<Gender> {
        match (self.he, self.she) {
            (0, 0) => None,
            (_, 0) => Some(Gender::Male),
            (0, _) => Some(Gender::Female),
            _ => None,
        }
    }

    /// True unless the texts tell a gender other than `g`.
    pub fn agrees(&self, g: Gender) -> bool {
        self.gender().is_none_or(|x| x == g)
    }
}

/// The gender a role or honorific tells ("Mrs", "the actress"), from the words of
/// `assets/gender_*.txt`; None when no word tells it or the words disagree.
pub(crate) fn gender_of_role(role: &str) -> Option<Gender> {
    use crate::model::{
        lex::has,
        lexicon::{female_words, male_words},
    };
    let mut g = None;
    for w in role.split(|c: char| c.is_whitespace() || c == '-') {
        let this = if has(male_words(), w) {
            Gender::Male
        } else if has(female_words(), w) {
            Gender::Female
        } else {
            continue;
        };
        if g.is_some_and(|x| x != this) {
            return None;
        }
        g = Some(this);
    }
    g
}

/// Every entity met so far, with the indexes that resolve names to them.
#[derive(Debug, Default)]
pub(crate) struct Registry {
    pub ents: Vec<Ent>,
    by_key: HashMap<String, usize>,
    /// Lowercase core word -> persons with a full name holding it.
    by_word: HashMap<String, Vec<usize>>,
    /// Per article: (byte position, entity) of mentions, in reading order; those of the
    /// first pass and those made while attributing are kept apart, so both lists grow at
    /// their ends.
    mentions: HashMap<usize, [Vec<(usize, usize)>; 2]>,
    /// Mentions per entity, over the dossier.
    counts: Vec<usize>,
    /// Set once the first pass is over.
    pub late: bool,
}

impl Registry {
    fn entity(&mut self, key: String, kind: SpeakerKind, name: String) -> usize {
        if let Some(&i) = self.by_key.get(&key) {
            return i;
        }
        let i = self.ents.len();
        self.ents.push(Ent {
            kind,
            name,
            forms: Vec::new(),
            roles: Vec::new(),
            words: Vec::new(),
            he: 0,
            she: 0,
        });
        self.by_key.insert(key, i);
        i
    }

    fn note(&mut self, i: usize, form: &str, role: Option<&str>) {
        let e = &mut self.ents[i];
        if !e.forms.iter().any(|f| f.eq_ignore_ascii_case(form)) {
            e.forms.push(form.to_string());
        }
        if let Some(r) = role {
            match gender_of_role(r) {
                Some(Gender::Male) => e.he += 1,
                Some(Gender::Female) => e.she += 1,
                None => {}
            }
            match e.roles.iter_mut().find(|(x, _)| x == r) {
                Some((_, n)) => *n += 1,
                None => e.roles.push((r.to_string(), 1)),
            }
        }
    }

    /// The person whose full-name key has the same first word and a last word one edit
    /// away (both five letters or more), if exactly one has.
    fn near_key(&self, key: &str) -> Option<usize> {
        let (first, last) = key.split_once(' ')?;
        if last.chars().count() < 5 {
            return None;
        }
        // Long transliterated surnames differ by two letters as often as by one
        // ("Osottanakorn" / "Osatanakorn" on the dev dossiers); eight letters and up, as
        // for bare names in `resolve_bare`.
        let cap = if last.chars().count() >= 8 { 2 } else { 1 };
        let mut hits = self.by_key.iter().filter_map(|(k, &i)| {
            let (f, l) = k.split_once(' ')?;
            let near = f == first
                && l.chars().count() >= 5
                && crate::model::lex::edit_distance(l, last, cap) <= cap;
            (near && self.ents[i].kind == SpeakerKind::Person).then_some(i)
        });
        let first_hit = hits.next()?;
        hits.all(|i| i == first_hit).then_some(first_hit)
    }

    /// The entity a parsed name already has, without making one.
    pub fn find(&self, p: &Parsed) -> Option<usize> {
        match p.kind {
            NameKind::Institution => None,
            NameKind::Person => {
                let core = names::core(&p.words);
                if core.len() >= 2 {
                    self.by_key.get(&names::key(&p.words)).copied()
                } else {
                    None
                }
            }
        }
    }

    /// Record that `article` mentions entity `i` at `pos`.
    pub fn mention(&mut self, article: usize, pos: usize, i: usize) {
        let m = &mut self.mentions.entry(article).or_default()[usize::from(self.late)];
        let at = m.partition_point(|&(p, _)| p <= pos);
        m.insert(at, (pos, i));
        if self.counts.len() <= i {
            self.counts.resize(i + 1, 0);
        }
        self.counts[i] += 1;
    }

    /// Up to `MENTION_WINDOW` mentions of `article` before `pos`, latest first.
    fn before(&self, article: usize, pos: usize) -> Vec<(usize, usize)> {
        let Some(lists) = self.mentions.get(&article) else {
            return Vec::new();
        };
        let mut out: Vec<(usize, usize)> = lists
            .iter()
            .flat_map(|m| {
                let upto = m.partition_point(|&(p, _)| p < pos);
                m[upto.saturating_sub(MENTION_WINDOW)..upto].iter().copied()
            })
            .collect();
        out.sort_unstable_by_key(|&(p, _)| std::cmp::Reverse(p));
        out.truncate(MENTION_WINDOW);
        out
    }

    /// Up to `MENTION_WINDOW` mentions of `article` at or after `pos`, earliest first.
    fn after(&self, article: usize, pos: usize) -> Vec<(usize, usize)> {
        let Some(lists) = self.mentions.get(&article) else {
            return Vec::new();
        };
        let mut out: Vec<(usize, usize)> = lists
            .iter()
            .flat_map(|m| {
                let from = m.partition_point(|&(p, _)| p < pos);
                m[from..(from + MENTION_WINDOW).min(m.len())]
                    .iter()
                    .copied()
            })
            .collect();
        out.sort_unstable();
        out
    }

    /// Register a full name (two or more core words) or an institution; a bare person name
    /// gives None (it is resolved where it stands, see [`Registry::resolve_bare`]).
    pub fn add(&mut self, article: usize, pos: usize, p: &Parsed) -> Option<usize> {
        match p.kind {
            NameKind::Institution => Some(self.institution(article, pos, &p.words)),
            NameKind::Person => {
                let core = names::core(&p.words);
                if core.len() < 2 {
                    return None;
                }
                let key = names::key(&p.words);
                let name = names::canonical(&p.words);
                // A spelling a small edit away from a known full name with the same first
                // name ("Volodymyr Zelensky" / "Volodymyr Zelenskyy") is that person.
                if !self.by_key.contains_key(&key) {
                    if let Some(i) = self.near_key(&key) {
                        self.by_key.insert(key.clone(), i);
                    }
                }
                let fresh = !self.by_key.contains_key(&key);
                let i = self.entity(key, SpeakerKind::Person, name.clone());
                if fresh {
                    let words: Vec<String> = core
                        .iter()
                        .map(|w| names::fold(&w.to_lowercase()))
                        .collect();
                    for w in &words {
                        self.by_word.entry(w.clone()).or_default().push(i);
                    }
                    self.ents[i].words = words;
                } else if name.split(' ').count() > self.ents[i].name.split(' ').count() {
                    self.ents[i].name = name;
                }
                self.note(i, &p.words.join(" "), p.role.as_deref());
                if let Some(g) = p.honorific {
                    self.hint_gender(i, g);
                }
                self.mention(article, pos, i);
                Some(i)
            }
        }
    }

    /// The institution named by these words ("the Pentagon", "Defense Ministry").
    pub fn institution(&mut self, article: usize, pos: usize, words: &[String]) -> usize {
        let written = words.join(" ");
        let bare = written
            .strip_prefix("the ")
            .or_else(|| written.strip_prefix("The "))
            .unwrap_or(&written);
        // "Cal Fire" and "CalFire", "the Navy" and "the navy": one key.
        let key = format!(
            "inst:{}",
            names::fold(&bare.to_lowercase()).replace([' ', '-'], "")
        );
        // A proper name drops its article ("Bank of England"); a description keeps it
        // ("the government").
        // The head (last word) tells: "Thai Navy SEALs" is a name, "Atlanta-based company"
        // a description.
        let proper = bare
            .split_whitespace()
            .last()
            .is_some_and(crate::model::lex::is_cap);
        let name = if proper || bare == written {
            bare.to_string()
        } else {
            format!("the {bare}")
        };
        let i = self.entity(key, SpeakerKind::Institution, name);
        if self.ents[i].words.is_empty() {
            self.ents[i].words = bare
                .split_whitespace()
                .map(|w| names::fold(&w.to_lowercase()))
                .collect();
        }
        self.note(i, &written, None);
        self.mention(article, pos, i);
        i
    }

    /// For each entity, the one it stands for: an institution named by the last words of
    /// exactly one other institution's name ("the SEALs" of "Thai Navy SEALs") is that
    /// one; every other entity stands for itself.
    pub fn short_forms(&self) -> Vec<usize> {
        // Proper names only: "the company" is no short form of "the Atlanta-based company".
        let inst = |e: &Ent| {
            e.kind == SpeakerKind::Institution && !e.words.is_empty() && !e.name.starts_with("the ")
        };
        // Every proper suffix of every organisation's name, to the organisations that end
        // with it: linear in the names' words, not in pairs of organisations.
        let mut ending: HashMap<&[String], Vec<usize>> = HashMap::new();
        for (j, o) in self.ents.iter().enumerate().filter(|(_, o)| inst(o)) {
            for k in 1..o.words.len() {
                ending.entry(&o.words[k..]).or_default().push(j);
            }
        }
        // "RiverWatch said" read as a one-word person, where other articles name the
        // organisation "River Watch": the spelling without spaces is that organisation.
        let squash = |s: &str| names::fold(&s.to_lowercase()).replace([' ', '-'], "");
        let mut squashed: HashMap<String, Vec<usize>> = HashMap::new();
        for (j, o) in self.ents.iter().enumerate().filter(|(_, o)| inst(o)) {
            squashed.entry(squash(&o.name)).or_default().push(j);
        }
        (0..self.ents.len())
            .map(|i| {
                let e = &self.ents[i];
                if e.kind == SpeakerKind::Person && e.words.len() == 1 {
                    if let Some([j]) = squashed.get(&squash(&e.name)).map(Vec::as_slice) {
                        return *j;
                    }
                }
                // "the Navy Diver page" names the organisation called "the Navy Divers": a
                // name in the singular, used as a modifier, is the plural-named one.
                if inst(e) {
                    let plural = format!("{}s", squash(&e.name));
                    if let Some([j]) = squashed.get(&plural).map(Vec::as_slice) {
                        return *j;
                    }
                }
                if !inst(e) {
                    return i;
                }
                match ending.get(e.words.as_slice()).map(Vec::as_slice) {
                    Some([j]) => *j,
                    _ => i,
                }
            })
            .collect()
    }

    /// An unnamed source ("a senior South Korean official"); "the official" refers back to
    /// the last one in the article with the same head noun.
    pub fn anonymous(
        &mut self,
        article: usize,
        pos: usize,
        phrase: &str,
        head: &str,
        definite: bool,
    ) -> usize {
        if definite {
            let head_s = head.trim_end_matches('s');
            if let Some(i) = self.latest(article, pos, |e| {
                e.kind == SpeakerKind::Anonymous
                    && e.words
                        .last()
                        .is_some_and(|h| h.trim_end_matches('s') == head_s)
            }) {
                self.note(i, phrase, None);
                return i;
            }
        }
        let lower = phrase.to_lowercase();
        let bare = lower
            .split_once(' ')
            .filter(|(d, _)| matches!(*d, "a" | "an" | "the" | "one"))
            .map_or(lower.as_str(), |(_, r)| r);
        let key = format!("anon:{bare}");
        let name = match phrase.strip_prefix('A') {
            Some(rest) if rest.starts_with(' ') || rest.starts_with("n ") => format!("a{rest}"),
            _ => match phrase.strip_prefix("The ") {
                Some(rest) => format!("the {rest}"),
                None => phrase.to_string(),
            },
        };
        let i = self.entity(key, SpeakerKind::Anonymous, name);
        if self.ents[i].words.is_empty() {
            self.ents[i].words = vec![head.to_lowercase()];
        }
        self.note(i, phrase, None);
        self.mention(article, pos, i);
        i
    }

    /// The entity mentioned last before `pos` in `article` that passes `keep`.
    pub fn latest(&self, article: usize, pos: usize, keep: impl Fn(&Ent) -> bool) -> Option<usize> {
        self.before(article, pos)
            .into_iter()
            .map(|(_, i)| i)
            .find(|&i| keep(&self.ents[i]))
    }

    /// A person whose role holds `word` ("the minister"), the last one in the article.
    pub fn by_role(&self, article: usize, pos: usize, word: &str) -> Option<usize> {
        let w = word.to_lowercase();
        self.latest(article, pos, |e| {
            e.kind == SpeakerKind::Person
                && e.roles
                    .iter()
                    .any(|(r, _)| r.to_lowercase().split(' ').any(|x| x == w))
        })
    }

    /// The one person of the dossier whose role holds `word`, when the article itself
    /// names nobody with it ("The finance minister said" where another outlet wrote
    /// "Interior Minister Ana Ruiz"); None when two or more have it.
    ///
    /// Two or more with the word are told apart by the phrase's other words
    /// (`modifiers`, lowercase): "the finance minister" is the one minister whose role
    /// also holds "finance"; a tie, or no role holding any, names nobody.
    pub fn by_role_dossier(&self, word: &str, modifiers: &[String]) -> Option<usize> {
        use crate::model::{
            lex::has,
            lexicon::{demonyms, places},
        };
        let w = word.to_lowercase();
        let role_words = |e: &Ent| -> Vec<String> {
            e.roles
                .iter()
                .flat_map(|(r, _)| {
                    r.to_lowercase()
                        .split(' ')
                        .map(str::to_string)
                        .collect::<Vec<_>>()
                })
                .collect()
        };
        let hits: Vec<(usize, Vec<String>)> = self
            .ents
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == SpeakerKind::Person)
            .map(|(i, e)| (i, role_words(e)))
            .filter(|(_, rw)| rw.contains(&w))
            .collect();
        // A modifier that is no nationality or place must be in the role: "the finance
        // minister" is not the one culture minister; "the French president" may be the
        // one whose role says only "President".
        let required: Vec<&String> = modifiers
            .iter()
            .filter(|m| !has(demonyms(), m) && !has(places(), m))
            .collect();
        let hits: Vec<(usize, Vec<String>)> = hits
            .into_iter()
            .filter(|(_, rw)| required.iter().all(|m| rw.contains(m)))
            .collect();
        match hits.as_slice() {
            [] => None,
            [(i, _)] => Some(*i),
            _ => {
                let score = |rw: &[String]| modifiers.iter().filter(|m| rw.contains(m)).count();
                let best = hits.iter().map(|(_, rw)| score(rw)).max()?;
                let mut top = hits.iter().filter(|(_, rw)| score(rw) == best);
                let (i, _) = top.next()?;
                (best > 0 && top.next().is_none()).then_some(*i)
            }
        }
    }

    /// Resolve a bare name ("Austin", "Kim", "Kima") at `pos` in `article`: the person of
    /// that name the article talked about last (else next), else the one person in the
    /// dossier with it, else the one known name a small edit away; None when unclear.
    pub fn resolve_bare(&self, article: usize, pos: usize, word: &str) -> Option<usize> {
        let lower = names::fold(&word.to_lowercase());
        let found = self.by_word.get(&lower).filter(|c| !c.is_empty());
        let cands: &Vec<usize> = match found {
            Some(c) => c,
            None if self.by_key.contains_key(&format!("bare:{lower}")) => {
                return self.by_key.get(&format!("bare:{lower}")).copied();
            }
            None => {
                let n = lower.chars().count();
                if n < 3 {
                    return None;
                }
                let cap = if n >= 8 { 2 } else { 1 };
                let mut near = self
                    .by_word
                    .iter()
                    .filter(|(k, _)| k.chars().count() >= 3)
                    .filter(|(k, _)| crate::model::lex::edit_distance(k, &lower, cap) <= cap);
                match (near.next(), near.next()) {
                    (Some((_, c)), None) => c,
                    _ => return None,
                }
            }
        };
        if let [one] = cands.as_slice() {
            return Some(*one);
        }
        let before = self
            .before(article, pos)
            .into_iter()
            .find(|(_, i)| cands.contains(i));
        let after = || {
            self.after(article, pos)
                .into_iter()
                .find(|(_, i)| cands.contains(i))
        };
        if let Some((_, i)) = before.or_else(after) {
            return Some(i);
        }
        // Nowhere near in this article: the one mentioned most in the dossier, if clear.
        let count = |i: usize| self.counts.get(i).copied().unwrap_or(0);
        let mut ranked: Vec<(usize, usize)> = cands.iter().map(|&c| (count(c), c)).collect();
        ranked.sort_unstable_by(|a, b| b.cmp(a));
        match ranked.as_slice() {
            [(n, i), (m, _), ..] if n > m => Some(*i),
            _ => None,
        }
    }

    /// True when a person with a full name in the dossier holds this word ("Ruiz").
    pub fn is_person_word(&self, w: &str) -> bool {
        self.by_word
            .get(&names::fold(&w.to_lowercase()))
            .is_some_and(|c| !c.is_empty())
    }

    /// The organisation an article called by a role noun ("the company"): a lone word
    /// already read as a bare person ("Acme said") becomes that institution, so both
    /// spellings are one entity.
    pub fn organisation(&mut self, article: usize, pos: usize, words: &[String]) -> usize {
        if let [w] = words {
            let key = format!("bare:{}", names::fold(&w.to_lowercase()));
            if let Some(&i) = self.by_key.get(&key) {
                self.ents[i].kind = SpeakerKind::Institution;
                self.seen(article, pos, i, w, None);
                return i;
            }
        }
        self.institution(article, pos, words)
    }

    /// A person known only by one word in the whole dossier ("Smith said").
    pub fn bare_person(
        &mut self,
        article: usize,
        pos: usize,
        word: &str,
        role: Option<&str>,
    ) -> usize {
        let folded = names::fold(&word.to_lowercase());
        // A word the dossier already knows as an organisation ("the company" resolved to
        // it) is that organisation.
        if let Some(&i) = self
            .by_key
            .get(&format!("inst:{}", folded.replace('-', "")))
        {
            self.seen(article, pos, i, word, role);
            return i;
        }
        let key = format!("bare:{folded}");
        let i = self.entity(key, SpeakerKind::Person, word.to_string());
        if self.ents[i].words.is_empty() {
            self.ents[i].words = vec![word.to_lowercase()];
        }
        self.note(i, word, role);
        self.mention(article, pos, i);
        i
    }

    /// Record that a pronoun of gender `g` was read as entity `i` (only where no other
    /// person could be meant, so the evidence is the text's, not a guess).
    pub fn hint_gender(&mut self, i: usize, g: Gender) {
        let e = &mut self.ents[i];
        if e.kind != SpeakerKind::Person {
            return;
        }
        match g {
            Gender::Male => e.he += 1,
            Gender::Female => e.she += 1,
        }
    }

    /// Note a form and role on an entity resolved from a mention.
    pub fn seen(&mut self, article: usize, pos: usize, i: usize, form: &str, role: Option<&str>) {
        self.note(i, form, role);
        self.mention(article, pos, i);
    }
}

impl Registry {
    /// The name to show for entity `i`. A person is shown by the core of their name
    /// ("Lloyd Austin" for "Lloyd J. Austin III" and "Lloyd Austin"), unless every full
    /// form the texts write is one spelling: then as written, middle initial and all
    /// ("John Q. Roe"). An organisation spelt with and without spaces ("River Watch",
    /// "RiverWatch") is shown in the spaced spelling, whose words the other forms share.
    pub fn display_name(&self, i: usize) -> String {
        let e = &self.ents[i];
        match e.kind {
            SpeakerKind::Person => {
                let mut full = e.forms.iter().filter(|f| {
                    let ws: Vec<String> = f.split(' ').map(str::to_string).collect();
                    names::core(&ws).len() >= 2 && names::canonical(&ws) == e.name
                });
                match (full.next(), full.next()) {
                    (Some(one), None) => one.clone(),
                    _ => e.name.clone(),
                }
            }
            SpeakerKind::Institution => {
                let squash = |s: &str| names::fold(&s.to_lowercase()).replace([' ', '-'], "");
                let same = |f: &&String| squash(f) == squash(&e.name);
                let spaced = e
                    .forms
                    .iter()
                    .filter(same)
                    .max_by_key(|f| f.split(' ').count());
                match spaced {
                    Some(f) if f.split(' ').count() > e.name.split(' ').count() => f.clone(),
                    _ => e.name.clone(),
                }
            }
            SpeakerKind::Anonymous => e.name.clone(),
        }
    }
}

/// Names written solid that the dossier's texts also spell with a space ("RiverWatch"
/// said, where another outlet writes "River Watch") take the spaced spelling, and keep
/// the solid one as an alias: outlets differ on such names, and the spaced one is the
/// spelling whose words the other forms share. Only a one-word name with a capital inside
/// it is split, before each inner capital that follows a lowercase letter, and only a
/// spelling found whole in some text is taken, so "LeBron" or "McAdams" stay as they are
/// unless a text spells them apart. One pass over the texts for all names together.
pub(crate) fn spell_out<'t>(people: &mut [Person], texts: impl IntoIterator<Item = &'t str>) {
    let candidates: Vec<(usize, String)> = people
        .iter()
        .enumerate()
        .filter_map(|(i, p)| Some((i, spaced(&p.name)?)))
        .collect();
    if candidates.is_empty() {
        return;
    }
    let Ok(ac) = aho_corasick::AhoCorasick::new(candidates.iter().map(|(_, s)| s)) else {
        return;
    };
    let mut found = vec![false; candidates.len()];
    for text in texts {
        for m in ac.find_iter(text) {
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            if !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric)
            {
                found[m.pattern().as_usize()] = true;
            }
        }
    }
    for ((i, spaced), found) in candidates.into_iter().zip(found) {
        if found {
            let p = &mut people[i];
            p.aliases.push(std::mem::replace(&mut p.name, spaced));
        }
    }
}

/// A one-word name split before each capital that follows a lowercase letter
/// ("RiverWatch" gives "River Watch"); None when there is nothing to split.
fn spaced(name: &str) -> Option<String> {
    if name.contains(char::is_whitespace) {
        return None;
    }
    let mut out = String::with_capacity(name.len() + 4);
    let mut prev_lower = false;
    for c in name.chars() {
        if c.is_uppercase() && prev_lower {
            out.push(' ');
        }
        prev_lower = c.is_lowercase();
        out.push(c);
    }
    (out.len() > name.len()).then_some(out)
}

/// The most used role of an entity (ties: the longest).
pub(crate) fn best_role(roles: &[(String, usize)]) -> Option<String> {
    roles
        .iter()
        .max_by_key(|(r, n)| (*n, r.len()))
        .map(|(r, _)| r.clone())
}
