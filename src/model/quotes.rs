//! Direct quotes and who said them.
//!
//! Extraction runs in two passes over the story paragraphs (body and headlines; never
//! noise): the first finds every quote ([`marks`]) and gathers the dossier's full names
//! (titled or speaking) into one registry, so that "Austin" in one article and "Lloyd J.
//! Austin III" in another are one person; the second attributes each quote
//! ([`attribute`]) and decides its kind. Work per quote is bounded (a sentence or a few),
//! so extraction is linear in the text.

mod attribute;
mod marks;
mod np;
mod organisation;
mod pronoun;
mod subject;
pub(crate) mod words;

use crate::model::people::{best_role, names, Person, PersonId, Registry};
use crate::model::{ArticleId, Dossier, ParaKind, Span};
use attribute::{Attribution, Ctx, Para};
use marks::{Found, FoundList};
use serde::Serialize;
use words::{has, is_cap, scare_cues, Tok};

pub use crate::model::dossier::QuoteId;

/// What kind of quotation it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A spoken sentence or clause.
    Full,
    /// A few of someone's words inside the reporter's sentence.
    Partial,
    /// Marks around a term nobody is quoted saying.
    Scare,
}

impl QuoteKind {
    /// The name used in JSON and text output.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Full => "full",
            QuoteKind::Partial => "partial",
            QuoteKind::Scare => "scare",
        }
    }
}

/// The attribution passes a quote's `how` can name, the sieve's in its order, then those
/// decided after it and by hand.
const HOWS: [&str; 15] = [
    "colon",
    "dash",
    "according to",
    "as put it",
    "same sentence",
    "subject",
    "relative clause",
    "pronoun",
    "role",
    "role (dossier)",
    "adjacent sentence",
    "unclear",
    "continuation",
    "headline echo",
    crate::model::corrections::HOW,
];

/// The pass that attributed a quote, in one byte (an index into the passes' names, plus
/// one): the name itself would take 16 bytes in every quote record, and the index is never
/// zero so that `Option<How>` is one byte too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct How(std::num::NonZeroU8);

impl How {
    /// The pass called `name` (one of the names the attribution passes give).
    pub fn of(name: &str) -> Option<How> {
        let i = HOWS.iter().position(|h| *h == name);
        debug_assert!(i.is_some(), "no attribution pass is called {name:?}");
        i.and_then(|i| u8::try_from(i + 1).ok())
            .and_then(std::num::NonZeroU8::new)
            .map(How)
    }
    /// The pass's name ("same sentence", "pronoun", …).
    pub fn as_str(self) -> &'static str {
        HOWS[usize::from(self.0.get() - 1)]
    }
}

impl Serialize for How {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The words that named quotes' speakers ("he", "the minister", "Austin"), each kept once:
/// a quote holds the index of its words here, 4 bytes, where a string of its own took 16 in
/// every record (and a heap block for each "he").
#[derive(Debug, Clone, Default)]
pub struct Written {
    words: Vec<Box<str>>,
    ids: crate::model::lex::FastMap<Box<str>, u32>,
}

impl Written {
    /// The index of `w`, added if new.
    pub fn id(&mut self, w: &str) -> u32 {
        if let Some(&i) = self.ids.get(w) {
            return i;
        }
        let i = index(self.words.len());
        self.words.push(w.into());
        self.ids.insert(w.into(), i);
        i
    }
    /// The words at index `i`.
    pub fn get(&self, i: u32) -> Option<&str> {
        self.words.get(i as usize).map(|w| &**w)
    }
}

/// "No value" in a [`Quote`]'s `u32` fields (no speaker, no words naming one).
const NONE: u32 = u32::MAX;

/// Where [`Quote::flags`] keeps the article (its low bits) and the kind and flags (above).
const ARTICLE: u32 = (1 << 28) - 1;
const KIND_SHIFT: u32 = 28;
const CONTINUES: u32 = 1 << 30;
const BROKEN: u32 = 1 << 31;

/// One direct quotation, in 16 bytes: a page of one-letter quotes (`"'a` repeated) holds
/// one per 3 bytes of text, so this record's size sets the memory such a page takes (issue
/// #18 bounds it per input byte; 1 MiB of them held 25 MB of 72-byte records, 11 MB of
/// 32-byte ones). Offsets and the speaker's index are `u32`s (an article is at most 4 GiB,
/// a dossier's speakers are fewer than its bytes); the article (up to 2^28), the kind and
/// two flags share one `u32`. What most quotes on such a page lack lives beside the
/// records: the words naming the speaker and the pass that named it in the dossier's
/// [`Said`], by quote. The paragraph and the sentence are looked up from the offset
/// ([`Quote::paragraph`], [`Quote::sentence`]); the previous part of a quote over
/// paragraphs is always the quote right before ([`Quote::previous_part`]); bracketed
/// insertions are read again from the text ([`Quote::insertions`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The text inside the marks, from `start` to `end` in the article (bytes).
    start: u32,
    end: u32,
    /// The article (`ARTICLE` bits), the kind (2 bits from `KIND_SHIFT`), `CONTINUES` and
    /// `BROKEN`.
    flags: u32,
    /// The speaker's [`PersonId`], if the text says who it is (else [`NONE`]).
    speaker: u32,
}

impl Quote {
    /// A quote of `article` at `span`, with no speaker, not continued, not broken.
    pub fn new(article: ArticleId, span: Span, kind: QuoteKind) -> Quote {
        let mut q = Quote {
            start: index(span.start),
            end: index(span.end),
            flags: index(article.0).min(ARTICLE),
            speaker: NONE,
        };
        q.set_kind(kind);
        q
    }
    /// The article it is in.
    pub fn article(&self) -> ArticleId {
        ArticleId((self.flags & ARTICLE) as usize)
    }
    /// The text inside the marks.
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
    /// Move the quote to `span` (same article).
    pub fn set_span(&mut self, span: Span) {
        self.start = index(span.start);
        self.end = index(span.end);
    }
    /// The speaker, if the text says who it is.
    pub fn speaker(&self) -> Option<PersonId> {
        (self.speaker != NONE).then_some(PersonId(self.speaker as usize))
    }
    /// Set (or clear) the speaker.
    pub fn set_speaker(&mut self, p: Option<PersonId>) {
        self.speaker = p.map_or(NONE, |p| index(p.0));
    }
    /// What kind of quotation it is.
    pub fn kind(&self) -> QuoteKind {
        match (self.flags >> KIND_SHIFT) & 3 {
            0 => QuoteKind::Full,
            1 => QuoteKind::Partial,
            _ => QuoteKind::Scare,
        }
    }
    /// Set its kind.
    pub fn set_kind(&mut self, kind: QuoteKind) {
        let k = match kind {
            QuoteKind::Full => 0,
            QuoteKind::Partial => 1,
            QuoteKind::Scare => 2,
        };
        self.flags = (self.flags & !(3 << KIND_SHIFT)) | (k << KIND_SHIFT);
    }
    /// The quote continues the one right before it in the dossier, its previous part, when
    /// it runs over paragraphs (each paragraph opens with a mark and only the last one
    /// closes); see [`Quote::previous_part`].
    pub fn continues(&self) -> bool {
        self.flags & CONTINUES != 0
    }
    /// Set whether it continues the quote before.
    pub fn set_continues(&mut self, on: bool) {
        self.set_flag(CONTINUES, on);
    }
    /// A mark was missing or unbalanced and the quote was recovered from the context.
    pub fn broken(&self) -> bool {
        self.flags & BROKEN != 0
    }
    /// Set whether a mark was missing.
    pub fn set_broken(&mut self, on: bool) {
        self.set_flag(BROKEN, on);
    }
    /// Set or clear one flag bit.
    fn set_flag(&mut self, bit: u32, on: bool) {
        self.flags = if on {
            self.flags | bit
        } else {
            self.flags & !bit
        };
    }
    /// The index of its paragraph in `a`, its article (the one holding its first byte).
    pub fn paragraph(&self, a: &crate::model::Article) -> usize {
        a.paragraph_at(self.start as usize).unwrap_or(0)
    }
    /// The index of its sentence in its paragraph of `a`, its article.
    pub fn sentence(&self, a: &crate::model::Article) -> usize {
        let start = self.start as usize;
        a.paragraphs
            .get(self.paragraph(a))
            .map_or(0, |p| p.sentences.partition_point(|s| s.end <= start))
    }
    /// The quote's previous part, when quote `id` (this one) runs over paragraphs.
    pub fn previous_part(&self, id: QuoteId) -> Option<QuoteId> {
        (self.continues() && id.0 > 0).then(|| QuoteId(id.0 - 1))
    }
    /// Bracketed editor's insertions in the text (`[Russian President Vladimir]`), read
    /// from the article's `text` at the quote's span.
    pub fn insertions(&self, text: &str) -> Vec<Span> {
        marks::insertions(text, self.start as usize, self.end as usize)
            .into_iter()
            .map(|(s, e)| Span::new(s, e))
            .collect()
    }
}

/// The words that named quotes' speakers (an index into [`Written`]) and the passes that
/// named them, for the quotes that have either, by quote: most quotes on a page of short
/// quotes have neither, and fields for them took 5 bytes in every record.
#[derive(Debug, Clone, Default)]
pub struct Said(Vec<SaidOf>);

/// One quote's entry in [`Said`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct SaidOf {
    q: u32,
    /// An index into [`Written`], or [`NONE`].
    written: u32,
    how: Option<How>,
}

impl Said {
    fn at(&self, q: QuoteId) -> Result<usize, usize> {
        self.0.binary_search_by_key(&index(q.0), |s| s.q)
    }
    fn get(&self, q: QuoteId) -> Option<&SaidOf> {
        self.at(q).ok().map(|i| &self.0[i])
    }
    /// How the text named quote `q`'s speaker: an index into the dossier's [`Written`]
    /// (read it with [`Dossier::as_written`]).
    pub fn written(&self, q: QuoteId) -> Option<u32> {
        self.get(q).map(|s| s.written).filter(|&w| w != NONE)
    }
    /// The rule that attributed quote `q` ("same sentence", "pronoun", …).
    pub fn how(&self, q: QuoteId) -> Option<How> {
        self.get(q).and_then(|s| s.how)
    }
    /// Set quote `q`'s words naming its speaker and the pass that named it.
    pub fn set(&mut self, q: QuoteId, written: Option<u32>, how: Option<How>) {
        let entry = SaidOf {
            q: index(q.0),
            written: written.unwrap_or(NONE),
            how,
        };
        let empty = written.is_none() && how.is_none();
        match self.at(q) {
            Ok(i) if empty => {
                self.0.remove(i);
            }
            Ok(i) => self.0[i] = entry,
            Err(_) if empty => {}
            // Quotes are set in order while the dossier is read: at the end.
            Err(i) => self.0.insert(i, entry),
        }
    }
    /// Set quote `q`'s pass, keeping its words.
    pub fn set_how(&mut self, q: QuoteId, how: Option<How>) {
        self.set(q, self.written(q), how);
    }
    /// Set quote `q`'s words, keeping its pass.
    pub fn set_written(&mut self, q: QuoteId, written: Option<u32>) {
        self.set(q, written, self.how(q));
    }
}

/// An index as stored in a [`Quote`] (`u32`; an article over 4 GiB is never loaded).
fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// How often each attribution pass (a quote's `how`) names the right speaker: its
/// measured precision on the seven dev dossiers (matched full and partial quotes with a
/// speaker, right ones over all), smoothed as (right + 1) / (all + 2) so a pass seen a few
/// times is not trusted fully. Counts at commit time: same sentence 75/77, pronoun 37/37,
/// continuation 20/20, subject 10/10, role 4/4, adjacent sentence 3/3, headline echo 4/4,
/// colon 3/3, role (dossier) 1/1, as put it 1/1, relative clause 1/1; dash, according to and unclear decided
/// no matched quote there (0.5, the prior).
pub fn confidence(how: &str) -> f64 {
    let (right, all): (u32, u32) = match how {
        "same sentence" => (75, 77),
        "pronoun" => (37, 37),
        "continuation" => (20, 20),
        "subject" => (10, 10),
        "role" => (4, 4),
        "adjacent sentence" => (3, 3),
        "headline echo" => (4, 4),
        "colon" => (3, 3),
        "role (dossier)" => (1, 1),
        "as put it" => (1, 1),
        "relative clause" => (1, 1),
        _ => (0, 0),
    };
    f64::from(right + 1) / f64::from(all + 2)
}

/// True for the paragraphs quotes are read from.
fn is_story(k: ParaKind) -> bool {
    matches!(k, ParaKind::Body | ParaKind::Headline)
}

/// Opening double marks a continued quote's paragraph starts with.
fn opens_paragraph(s: &str) -> bool {
    s.starts_with(['“', '"', '„', '«', '‟'])
        || crate::model::mojibake::at(s, 0).is_some_and(|(c, _)| c == '“')
}

/// One article's quotes as found, and its tokenized paragraphs.
struct ArticleWork {
    found: Vec<FoundList>,
    paras: Vec<Option<Para>>,
    /// Captions, tokenized only to register the names and roles they give ("Regional
    /// President Ana Ruiz arrives to vote"): a caption quotes nobody, but the role it
    /// states is the person's.
    captions: Vec<Para>,
}

/// Find every quote in the dossier and resolve speakers: the quotes, their speakers and
/// the words that named them.
pub fn extract(d: &Dossier) -> (Vec<Quote>, Vec<Person>, Written, Said) {
    let mut reg = Registry::default();
    let mut written = Written::default();
    let mut said = Said::default();
    // Finding quotes is per article (on all cores); names are registered in article order.
    let work: Vec<ArticleWork> = crate::model::work::par_map(d.articles.iter().collect(), |a| {
        find_article(&a.text, &a.paragraphs)
    });
    for (a, w) in d.articles.iter().zip(&work) {
        for p in w.paras.iter().flatten().chain(&w.captions) {
            register_names(&a.text, a.id.0, p, &mut reg);
        }
    }
    reg.late = true;
    let total: usize = work.iter().flat_map(|w| &w.found).map(FoundList::len).sum();
    // The records are allocated once, at their number (a growing vector holds up to twice
    // as many), once the first article's tokens are dropped (below): on a page of short
    // quotes the records, the tokens and the found marks are each a dozen or more bytes a
    // quote, and the records need not be there while the tokens are.
    let mut quotes: Vec<Quote> = Vec::new();
    // Each article's tokens are dropped once its quotes are attributed (attribution reads
    // only its own article's paragraphs; the registry holds what crosses articles).
    for (a, w) in d.articles.iter().zip(work) {
        let ArticleWork {
            found,
            paras,
            captions,
        } = w;
        let first = quotes.len();
        let mut found = found;
        let mut settled = attribute_article(a, &mut found, &paras, &mut reg, &mut written);
        paras
            .into_iter()
            .flatten()
            .chain(captions)
            .for_each(Para::release);
        share_over_parts(&found, &mut settled);
        echo_headlines(a, &mut found, &mut settled, &reg);
        if quotes.capacity() == 0 {
            quotes.reserve_exact(total);
        }
        let mut named = settled.named.iter().peekable();
        for found in &found {
            for (qi, f) in found.iter().enumerate() {
                let i = quotes.len() - first;
                let (kind, continues) = found.settled(qi);
                let mut q = Quote::new(a.id, Span::new(f.start(), f.end()), kind);
                if let Some(n) = named.next_if(|n| n.q as usize == i) {
                    // The entity stands in the speaker's place until `people` names them.
                    q.speaker = n.entity;
                    if n.written != NONE || n.how.is_some() {
                        said.0.push(SaidOf {
                            q: index(quotes.len()),
                            written: n.written,
                            how: n.how,
                        });
                    }
                }
                q.set_continues(continues);
                q.set_broken(f.broken);
                quotes.push(q);
            }
        }
        found.into_iter().for_each(FoundList::release);
    }
    let mut people = people(&reg, &mut quotes);
    crate::model::people::spell_out(&mut people, d.articles.iter().map(|a| a.text.as_str()));
    (quotes, people, written, said)
}

/// One article's quotes as attributed, before their records are made: the entity, the
/// words and the pass that named the speakers of those that have them (a list of every
/// quote's entity took 4 bytes a quote on pages where none has one). Each quote's kind and
/// whether it continues the one before are kept with its found marks
/// ([`FoundList::settle`]; a list of them took 2 bytes a quote).
struct Settled {
    /// By the quote's index in the article, in order.
    named: Vec<Named>,
}

/// A quote's speaker: its entity in the registry and the words naming it (an index into
/// [`Written`]), each or [`NONE`], and the pass that named it.
#[derive(Debug, Clone, Copy)]
struct Named {
    /// The quote's index in its article.
    q: u32,
    entity: u32,
    written: u32,
    how: Option<How>,
}

impl Settled {
    /// The entity, the words and the pass naming quote `q`'s speaker (its index in the
    /// article).
    fn named(&self, q: usize) -> Option<&Named> {
        let i = self.named.partition_point(|n| (n.q as usize) < q);
        self.named.get(i).filter(|n| n.q as usize == q)
    }
    /// Quote `q`'s entity in the registry.
    fn entity(&self, q: usize) -> Option<u32> {
        self.named(q).map(|n| n.entity).filter(|&e| e != NONE)
    }
    /// Give quotes new words and passes (`updates` by quote, in order), replacing theirs.
    fn merge(&mut self, updates: Vec<Named>) {
        if updates.is_empty() {
            return;
        }
        let old = std::mem::take(&mut self.named);
        let mut out = Vec::with_capacity(old.len() + updates.len());
        let mut old = old.into_iter().peekable();
        for u in updates {
            while let Some(o) = old.next_if(|o| o.q <= u.q) {
                if o.q < u.q {
                    out.push(o);
                }
            }
            out.push(u);
        }
        out.extend(old);
        self.named = out;
    }
}

/// What attributing a quote needs of the quote before it in its article.
struct Prev {
    /// Its paragraph.
    pi: usize,
    kind: QuoteKind,
    entity: Option<u32>,
    written: Option<u32>,
    /// Where its closing mark ends.
    close: usize,
    /// Its paragraph ends inside it and the next one opens with a mark.
    runs_on: bool,
}

/// Attribute an article's quotes in order.
fn attribute_article(
    a: &crate::model::Article,
    found: &mut [FoundList],
    paras: &[Option<Para>],
    reg: &mut Registry,
    written: &mut Written,
) -> Settled {
    let ctx = Ctx {
        article: a,
        aid: a.id.0,
        paras,
    };
    let mut settled = Settled { named: Vec::new() };
    let mut prev: Option<Prev> = None;
    let mut i = 0;
    for (pi, found) in found.iter_mut().enumerate() {
        let para = paras[pi].as_ref();
        let mut cursor = 0;
        for qi in 0..found.len() {
            let Some(f) = found.get(qi) else { continue };
            let f = &f;
            let t = para.and_then(|p| {
                let (t, next) = p.quote_token(cursor, qi);
                cursor = next;
                t
            });
            let (mut att, _) = match t {
                Some(t) => attribute::attribute(&ctx, reg, pi, t),
                None => Default::default(),
            };
            // A part of a quote over paragraphs follows the part before.
            let continues = qi == 0
                && f.open() == a.paragraphs[pi].span.start
                && prev.as_ref().is_some_and(|p| p.pi < pi && p.runs_on);
            if att.entity.is_none() && att.as_written.is_none() && att.how.is_none() {
                att = continuation(prev.as_ref(), written, pi, qi, continues, f, a).unwrap_or(att);
            }
            let as_written = att.as_written.as_deref().map(|w| written.id(w));
            let kind = kind_of(&a.text, para, t, f, att.entity.is_some(), continues);
            let how = att.how.and_then(How::of);
            if att.entity.is_some() || as_written.is_some() || how.is_some() {
                settled.named.push(Named {
                    q: index(i),
                    entity: att.entity.map_or(NONE, index),
                    written: as_written.unwrap_or(NONE),
                    how,
                });
            }
            found.settle(qi, kind, continues);
            i += 1;
            prev = Some(Prev {
                pi,
                kind,
                entity: att.entity.map(index),
                written: as_written,
                close: f.close(),
                runs_on: f.runs_on,
            });
        }
    }
    settled
}

/// How many words a headline quote needs before its echo in the body can name its
/// speaker: one- and two-word quotes ("criminals") are terms many sentences share; the
/// echoes further down on the dev dossiers hold 6 words or more.
const ECHO_MIN_WORDS: usize = 3;

/// How many words a headline quote needs when its echo is in the paragraph right under
/// it: a live-blog entry's title sums up the entry below ("… is being ‘kept under watch’ –
/// local reports" over "… a news site reports that … is being “kept under watch”"), so
/// there two words are one quote; further away they are a term many sentences share. One
/// such pair on the dev dossiers, none with a different speaker.
const ECHO_ADJACENT_MIN_WORDS: usize = 2;

/// How many of an article's first quotes headline echoes are looked for in (bounds the work
/// on a page with thousands of quotes; a dev article, about 2,000 characters, holds far
/// fewer).
const ECHO_QUOTES: usize = 64;

/// The lowercase words of a quote, for comparing quotes across marks and punctuation.
fn echo_words(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A headline quote with no named speaker ("…", expert says) repeats words a named person
/// says in the body: it takes the speaker of the one body quote that holds its words.
fn echo_headlines(
    a: &crate::model::Article,
    found: &mut [FoundList],
    settled: &mut Settled,
    reg: &Registry,
) {
    let named = |e: Option<u32>| {
        e.is_some_and(|i| reg.ents[i as usize].kind != crate::model::people::SpeakerKind::Anonymous)
    };
    // Headlines open the article, and the body quote they echo comes soon after: both
    // are looked for among the article's first `ECHO_QUOTES` quotes, so the work stays
    // bounded however many quotes a page holds. Each one's paragraph, text and index in
    // the paragraph:
    let early: Vec<(usize, Span, usize)> = found
        .iter()
        .enumerate()
        .flat_map(|(pi, f)| {
            f.iter()
                .enumerate()
                .map(move |(qi, f)| (pi, Span::new(f.start(), f.end()), qi))
        })
        .take(ECHO_QUOTES)
        .collect();
    let kind = |found: &[FoundList], q: usize| found[early[q].0].settled(early[q].2).0;
    let is_headline = |q: usize| a.paragraphs[early[q].0].kind == ParaKind::Headline;
    let mut updates = Vec::new();
    for h in 0..early.len() {
        if !is_headline(h) || named(settled.entity(h)) {
            continue;
        }
        let words = echo_words(a.slice(early[h].1));
        let n = words.split(' ').count();
        if n < ECHO_ADJACENT_MIN_WORDS {
            continue;
        }
        let under = (n < ECHO_MIN_WORDS).then_some(early[h].0 + 1);
        let mut hits = (0..early.len())
            .filter(|&b| !is_headline(b))
            .filter(|&b| under.is_none_or(|p| early[b].0 == p))
            .filter(|&b| {
                named(settled.entity(b)) && echo_words(a.slice(early[b].1)).contains(&words)
            });
        let Some(b) = hits.next() else { continue };
        if hits.all(|o| settled.entity(o) == settled.entity(b)) {
            updates.push(Named {
                q: index(h),
                entity: settled.entity(b).unwrap_or(NONE),
                written: settled.named(b).map_or(NONE, |n| n.written),
                how: How::of("headline echo"),
            });
            // Someone's words in the body are someone's words in the headline: no scare
            // quote, whatever the headline's short marks looked like.
            let body = kind(found, b);
            if body != QuoteKind::Scare {
                let (pi, qi) = (early[h].0, early[h].2);
                let continues = found[pi].settled(qi).1;
                found[pi].settle(qi, body, continues);
            }
        }
    }
    // Only headline quotes change, and only body quotes are read (and a headline quote
    // once): the speakers are set after.
    settled.merge(updates);
}

/// Quotes found in each story paragraph of an article, and the paragraphs tokenized.
fn find_article(text: &str, paragraphs: &[crate::model::Paragraph]) -> ArticleWork {
    let mut found = Vec::with_capacity(paragraphs.len());
    let mut paras = Vec::with_capacity(paragraphs.len());
    let mut captions = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        if !is_story(p.kind) {
            if p.kind == ParaKind::Caption {
                let mut para =
                    attribute::para(text, p.span.start, p.span.end, &[], &|_: usize| false);
                para.title_case = title_case(text, &para.toks);
                captions.push(para);
            }
            found.push(FoundList::default());
            paras.push(None);
            continue;
        }
        let next_opens = paragraphs
            .get(pi + 1)
            .is_some_and(|n| is_story(n.kind) && opens_paragraph(&text[n.span.range()]));
        let f = marks::find(text, p.span.start, p.span.end, next_opens);
        let inner_ends = |q: usize| {
            f.get(q).is_some_and(|x| {
                text[x.start()..x.end()]
                    .trim_end()
                    .ends_with(['.', '!', '?', '…'])
            })
        };
        let mut para = attribute::para(text, p.span.start, p.span.end, f.masks(), &inner_ends);
        para.title_case = title_case(text, &para.toks);
        paras.push(Some(para));
        found.push(f);
    }
    ArticleWork {
        found,
        paras,
        captions,
    }
}

/// Gather the full names of a paragraph: titled ones ("Defense Minister Kim Yong-hyun")
/// and ones next to a speech verb.
fn register_names(text: &str, aid: usize, p: &Para, reg: &mut Registry) {
    let toks = &p.toks;
    if p.title_case {
        return;
    }
    let word = |i: usize| words::word(text, toks, i);
    // A capitalized word, by the token's flag (set from the same first character as
    // `is_cap` reads): most tokens are passed over without reading their text.
    let cap = |i: usize| toks.get(i).is_some_and(|t| t.is_word() && t.is_cap());
    let mut i = 0;
    while i < toks.len() {
        if !cap(i) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < toks.len() {
            let Some(x) = word(j + 1) else { break };
            let joins = || {
                (cap(j + 2) && matches!(x, "of" | "for"))
                    || names::particle_joins(x, word(j + 2), word(j + 3))
            };
            if !(cap(j + 1) || names::is_title(x) || joins())
                || words::strip_possessive(word(j).unwrap_or("")).1
            {
                break;
            }
            j += 1;
        }
        // Only a run with a title, or next to a speech verb, can register: check that
        // before parsing (most capitalized runs are sentence openers and places).
        let verb_next = np::is_verb(text, toks, j + 1);
        // "said Austin." yes; "urged North Korean troops" no.
        let ends_phrase = word(j + 1).is_none_or(|x| is_cap(x) || verb_next);
        let verb_before =
            i > 0 && ends_phrase && (np::is_verb(text, toks, i - 1) || word(i - 1) == Some("to"));
        let titled = j > i && (i..j).any(|x| word(x).is_some_and(names::is_title));
        // "Maria Ortiz, who lives nearby, said": the verb comes after an aside.
        let verb_after = !verb_next && np::aside_then_verb(text, toks, i, j);
        // "Ana Ruiz, who owns the mill, …": "who" tells a person is named.
        let who_next = toks.get(j + 1).is_some_and(|t| t.kind() == Tok::Punct(','))
            && matches!(word(j + 2), Some("who" | "whose"));
        // "Ana Ruiz, a 51-year-old nurse, …": an age or a role in apposition tells a person.
        let described = toks.get(j + 1).is_some_and(|t| t.kind() == Tok::Punct(','))
            && matches!(word(j + 2), Some("a" | "an"))
            && (j + 3..j + 7).map_while(word).any(|w| {
                w.ends_with("-year-old") || names::is_title(w) || has(words::anonymous(), w)
            });
        let verb_next = verb_next || verb_after || who_next || described;
        let ws: Vec<&str> = if titled || verb_next || verb_before {
            (i..=j)
                .filter_map(&word)
                .map(|x| words::strip_possessive(x).0)
                .collect()
        } else {
            Vec::new()
        };
        // "Rajesh Iyer of Corbin Securities said": the person before "of" is the name.
        let ws = names::person_before_of(&ws).map_or(&ws[..], |m| &ws[..m]);
        if let Some(parsed) = names::parse(ws) {
            // "Mrs Ana Ruiz": an honorific tells a person as a title does.
            if parsed.kind == names::NameKind::Person
                && (parsed.role.is_some() || parsed.honorific.is_some() || verb_next || verb_before)
            {
                reg.add(aid, toks[i].start(), &parsed);
            }
        }
        i = j + 1;
    }
}

/// How many longer words a line needs before its capitals can tell title case: shorter
/// lines ("Ana Ruiz", "Mayor Ana Ruiz said") are names, not headlines. The title-case
/// headlines of the dev dossiers hold 6 to 10 such words; a bare name with a title ("Prime
/// Minister Ana Maria Ruiz") holds up to 4.
const TITLE_CASE_MIN_WORDS: usize = 5;

/// True for a line in title case ("Mayor Resigns As Council Backs Plan"): every word of
/// four letters or more is capitalized but for function words ("with", "from"), so
/// capitals tell no names. One lower-case verb or noun ("said", "met") rules it out.
fn title_case(text: &str, toks: &[words::Token]) -> bool {
    // One pass, no list of the words: a paragraph answers at its first long lower-case word.
    let mut long = 0;
    for t in toks.iter().filter(|t| t.is_word()) {
        let w = &text[t.start()..t.end()];
        if w.len() < 4 || !w.chars().all(char::is_alphabetic) || w.chars().count() < 4 {
            continue;
        }
        if !t.is_cap() && !has(words::name_stopwords(), w) {
            return false;
        }
        long += 1;
    }
    long >= TITLE_CASE_MIN_WORDS
}

/// A quote with no speaker of its own continues the quote before it: the previous part of
/// a quote over paragraphs, the quote before it in the paragraph, or (when it opens the
/// paragraph) the last quote of the paragraph before.
fn continuation(
    prev: Option<&Prev>,
    written: &Written,
    pi: usize,
    qi: usize,
    continues: bool,
    f: &Found,
    a: &crate::model::Article,
) -> Option<Attribution> {
    let pq = prev?;
    let ok = continues
        || (qi > 0 && pq.pi == pi)
        || (qi == 0
            && f.open() == a.paragraphs[pi].span.start
            && pq.pi + 1 == pi
            // A few words in the reporter's sentence ("what the council called “illegal”")
            // are no speech that runs on into the next paragraph.
            && pq.kind == QuoteKind::Full
            // The paragraph before ended with that quote.
            && a.text[pq.close..a.paragraphs[pq.pi].span.end].len() < 80);
    if !ok || pq.entity.is_none() {
        return None;
    }
    Some(Attribution {
        entity: pq.entity.map(|e| e as usize),
        as_written: pq.written.and_then(|w| written.get(w)).map(String::from),
        how: Some("continuation"),
    })
}

/// Parts of one quote over paragraphs share the speaker any part has.
fn share_over_parts(found: &[FoundList], settled: &mut Settled) {
    // Only a paragraph's first quote continues one: each paragraph's first quote's index
    // in the article.
    let firsts: Vec<usize> = found
        .iter()
        .scan(0, |n, f| {
            let first = *n;
            *n += f.len();
            Some((first, f))
        })
        .filter(|(_, f)| f.len() > 0 && f.settled(0).1)
        .map(|(first, _)| first)
        .collect();
    let mut updates: Vec<Named> = Vec::new();
    for &i in firsts.iter().rev().filter(|&&i| i > 0) {
        // Quote `i` continues its previous part, the quote right before it; its speaker
        // was set just now when it was the previous part of `i + 1`.
        let p = i - 1;
        let of_i = match updates.last() {
            Some(u) if u.q as usize == i => Some(*u),
            _ => settled.named(i).copied(),
        };
        let Some(of_i) = of_i.filter(|n| n.entity != NONE) else {
            continue;
        };
        if settled.entity(p).is_none() {
            updates.push(Named {
                q: index(p),
                entity: of_i.entity,
                written: of_i.written,
                how: How::of("continuation"),
            });
        }
    }
    updates.reverse();
    settled.merge(updates);
}

/// Full when the quote stands as its own sentence or clause (it opens the sentence, or
/// follows a colon, a comma or a speech verb with a capital); scare when marked by a cue
/// ("so-called") or short with nobody speaking; partial otherwise.
fn kind_of(
    text: &str,
    para: Option<&Para>,
    t: Option<usize>,
    f: &Found,
    spoken: bool,
    part: bool,
) -> QuoteKind {
    if part {
        return QuoteKind::Full;
    }
    let Some(para) = para else {
        return QuoteKind::Full;
    };
    let Some(t) = t else {
        return QuoteKind::Full;
    };
    let Some((lo, _)) = para.sentence(para.sentence_of(t)) else {
        return QuoteKind::Full;
    };
    let inner = &text[f.start()..f.end()];
    let word = |i: usize| {
        let tk = para.toks[i];
        (tk.kind() == Tok::Word).then(|| &text[tk.start()..tk.end()])
    };
    let prev = (t > lo).then(|| para.toks[t - 1].kind());
    let capital = inner
        .trim_start_matches(['[', '(', '.', '…', ' '])
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    let opens = match prev {
        None => true,
        Some(Tok::Punct(':' | '—' | '–' | '-')) => true,
        Some(Tok::Punct(',')) => capital || inner.ends_with([',', '.', '!', '?']),
        Some(Tok::Word) => capital && np::is_verb(text, &para.toks, t - 1),
        _ => false,
    };
    // The cue stands right before the marks ("so-called “X”", "known as “X”"): "called
    // the strike “damaging”" is someone's words.
    let cue = (t > lo && word(t - 1).is_some_and(|w| has(scare_cues(), w)))
        || (t >= lo + 2
            && word(t - 1) == Some("as")
            && word(t - 2).is_some_and(|w| has(scare_cues(), w)));
    if opens && !cue {
        return QuoteKind::Full;
    }
    let n_words = inner.split_whitespace().count();
    // A title or name in marks ("the film “Oppenheimer”", "a group called “River Watch”").
    // In a title-case line the capitals in the marks tell nothing.
    let title_case = n_words <= 5
        && !para.title_case
        && inner
            .split_whitespace()
            .all(|w| is_cap(w.trim_start_matches(|c: char| !c.is_alphanumeric())) || w.len() <= 3)
        && inner.split_whitespace().any(is_cap);
    // …unless the speaker coins it: "she dubbed Monday “Zero Hour”" (a naming verb with its
    // object between it and the marks, and someone speaking) gives the speaker's words.
    let coined = spoken
        && (t >= lo + 2 && word(t - 2).is_some_and(|w| has(scare_cues(), w))
            || t >= lo + 3 && word(t - 3).is_some_and(|w| has(scare_cues(), w)));
    if title_case && !coined {
        return QuoteKind::Scare;
    }
    if cue || (!spoken && n_words <= 4) {
        QuoteKind::Scare
    } else {
        QuoteKind::Partial
    }
}

/// The speakers of the quotes, one entry each, in order of their first quote; sets each
/// quote's `speaker` (its entity in the registry until then).
fn people(reg: &Registry, quotes: &mut [Quote]) -> Vec<Person> {
    let mut index: Vec<Option<PersonId>> = vec![None; reg.ents.len()];
    let mut out: Vec<Person> = Vec::new();
    let stands_for = reg.short_forms();
    for (qi, q) in quotes.iter_mut().enumerate() {
        let Some(e) = (q.speaker != NONE).then_some(q.speaker) else {
            continue;
        };
        let e = stands_for[e as usize];
        let id = *index[e].get_or_insert_with(|| {
            let ent = &reg.ents[e];
            let id = PersonId(out.len());
            out.push(Person {
                id,
                name: reg.display_name(e),
                kind: ent.kind,
                aliases: ent
                    .forms
                    .iter()
                    .filter(|f| **f != reg.display_name(e))
                    .cloned()
                    .collect(),
                role: best_role(&ent.roles),
                quotes: Vec::new(),
            });
            id
        });
        q.set_speaker(Some(id));
        out[id.0].quotes.push(QuoteId(qi));
    }
    out
}

#[cfg(test)]
mod tests;
