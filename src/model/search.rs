//! The finder's engine: fuzzy lookup over the dossier's quotes (speaker, source, text) or
//! all its sentences, behind one small interface and without widget code.
//!
//! Haystacks are prepared once ([`Corpus`]). A [`Finder`] holds the current query and its
//! ranked hits; [`Finder::set_query`] matches synchronously up to [`SYNC_LIMIT`]
//! candidates and otherwise on a worker thread that matches in chunks and streams sorted
//! results, which the reader picks up with [`Finder::poll`] each frame — so a keystroke
//! never costs the UI thread more than starting a thread. When the new query strictly
//! narrows the last completed one (see [`Query::narrows`]) only its hits are matched
//! again. Highlight indices are computed on demand, for the rows on screen only.
//!
//! The worker scores fuzzy terms with the greedy algorithm (the same items match, 2-3x
//! cheaper on long lines) and then rescores the best [`RESCORE`] hits optimally, so the
//! rows on screen are ranked exactly as the synchronous path ranks them.
//!
//! Ranking is nucleo-matcher (fzf's scoring, Unicode-correct), not fuzzy-matcher's
//! SkimMatcherV2: measured over 100,000 news-like lines here, SkimMatcherV2 took 167–497 ms
//! per full pass (one to two terms), far over the 100 ms budget; see benches/finder.rs and
//! the README for the figures.

mod query;
mod worker;

pub use query::{Field, Filter, Query, Term, TermKind};

use crate::model::people::PersonId;
use crate::model::quotes::QuoteId;
use crate::model::{ArticleId, Dossier, Span};
use nucleo_matcher::{Matcher, Utf32String};
use query::Fields;
use std::cell::RefCell;
use std::sync::Arc;

/// The worker rescores this many of its best hits with the optimal algorithm.
pub const RESCORE: usize = 1_000;

/// Up to this many candidates are matched on the caller's thread.
pub const SYNC_LIMIT: usize = 1_000;

/// What the finder searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    /// Every quote: speaker, source, text.
    #[default]
    Quotes,
    /// Every sentence of every article.
    Sentences,
}

/// Where an item is in the dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    pub article: ArticleId,
    pub span: Span,
    /// Paragraph index in the article.
    pub paragraph: usize,
    /// The quote, when the item is one.
    pub quote: Option<QuoteId>,
    pub speaker: Option<PersonId>,
}

/// The items of one scope with their haystacks, prepared once and shared with workers.
#[derive(Debug, Default)]
pub struct Corpus {
    items: Vec<Item>,
    text: Vec<Box<str>>,
    /// The haystacks: one `char` per character, so match indices are char indices.
    hay: Vec<Utf32String>,
    /// Lower-cased ASCII texts (None for others), for the quick exact path.
    lower: Vec<Option<Box<str>>>,
    /// Lower-cased "name alias alias" per person, by `PersonId`.
    speakers: Vec<String>,
    /// Lower-cased "file outlet title" per article, by `ArticleId`.
    sources: Vec<String>,
}

impl Corpus {
    /// Every quote of the dossier, in dossier order.
    pub fn quotes(d: &Dossier) -> Corpus {
        let mut c = Corpus::with_names(d);
        for (i, q) in d.quotes.iter().enumerate() {
            let a = d.article(q.article);
            c.push(
                Item {
                    article: q.article,
                    span: q.span,
                    paragraph: q.paragraph,
                    quote: Some(QuoteId(i)),
                    speaker: q.speaker,
                },
                a.text.get(q.span.range()).unwrap_or_default(),
            );
        }
        c
    }

    /// Every sentence of every article (noise paragraphs included: they may be what the
    /// user looks for), in reading order.
    pub fn sentences(d: &Dossier) -> Corpus {
        let mut c = Corpus::with_names(d);
        for a in &d.articles {
            for (pi, p) in a.paragraphs.iter().enumerate() {
                for s in &p.sentences {
                    let item = Item {
                        article: a.id,
                        span: *s,
                        paragraph: pi,
                        quote: None,
                        speaker: None,
                    };
                    c.push(item, a.text.get(s.range()).unwrap_or_default());
                }
            }
        }
        c
    }

    /// Plain lines (benchmarks and tests): one article, no speakers.
    pub fn from_lines<I: IntoIterator<Item = String>>(lines: I) -> Corpus {
        let mut c = Corpus {
            sources: vec![String::new()],
            ..Corpus::default()
        };
        for line in lines {
            let item = Item {
                article: ArticleId(0),
                span: Span::new(0, line.len()),
                paragraph: 0,
                quote: None,
                speaker: None,
            };
            c.push(item, &line);
        }
        c
    }

    fn with_names(d: &Dossier) -> Corpus {
        let speakers = d
            .people
            .iter()
            .map(|p| {
                let mut s = p.name.to_lowercase();
                for a in &p.aliases {
                    s.push('\n');
                    s.push_str(&a.to_lowercase());
                }
                s
            })
            .collect();
        let sources = d
            .articles
            .iter()
            .map(|a| {
                let m = &a.meta;
                [
                    Some(a.file.as_str()),
                    m.outlet.as_deref(),
                    m.title.as_deref(),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join("\n")
                .to_lowercase()
            })
            .collect();
        Corpus {
            speakers,
            sources,
            ..Corpus::default()
        }
    }

    fn push(&mut self, item: Item, text: &str) {
        // Line breaks inside a passage match as spaces and show on one row.
        let text: Box<str> = text.replace(['\n', '\r'], " ").into();
        self.lower
            .push(text.is_ascii().then(|| text.to_ascii_lowercase().into()));
        self.hay.push(if text.is_ascii() {
            Utf32String::Ascii(text.clone())
        } else {
            Utf32String::Unicode(text.chars().collect())
        });
        self.text.push(text);
        self.items.push(item);
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when there is no item.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// An item's place in the dossier.
    pub fn item(&self, i: usize) -> &Item {
        &self.items[i]
    }

    /// An item's text as matched and shown (line breaks as spaces).
    pub fn text(&self, i: usize) -> &str {
        &self.text[i]
    }

    fn fields(&self, i: usize) -> Fields<'_> {
        let item = &self.items[i];
        Fields {
            text: self.hay[i].slice(..),
            raw: &self.text[i],
            lower: self.lower[i].as_deref(),
            speaker: item
                .speaker
                .and_then(|p| self.speakers.get(p.0))
                .map(String::as_str),
            source: self.sources.get(item.article.0).map_or("", String::as_str),
        }
    }

    /// Match candidates (item indices) against a query: hits in no particular order.
    fn match_into(
        &self,
        m: &mut Matcher,
        q: &Query,
        cands: &[u32],
        greedy: bool,
        out: &mut Vec<Hit>,
    ) {
        for &i in cands {
            if let Some(score) = q.score(m, &self.fields(i as usize), greedy) {
                out.push(Hit {
                    item: i,
                    score: score.clamp(i32::MIN as i64, i32::MAX as i64) as i32,
                });
            }
        }
    }

    /// Sort hits best first: higher score, then shorter text, then dossier order.
    fn rank(&self, hits: &mut [Hit]) {
        hits.sort_unstable_by_key(|h| self.rank_key(h));
    }

    fn rank_key(&self, h: &Hit) -> (std::cmp::Reverse<i32>, usize, u32) {
        (
            std::cmp::Reverse(h.score),
            self.text[h.item as usize].len(),
            h.item,
        )
    }
}

/// One matching item and its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index into the corpus (see [`Finder::item`], [`Finder::text`]).
    pub item: u32,
    pub score: i32,
}

/// The last completed search, kept for incremental narrowing.
#[derive(Debug)]
struct Done {
    query: Query,
    hits: Arc<Vec<Hit>>,
}

/// The finder: a query over one scope and its ranked hits.
pub struct Finder {
    quotes: Arc<Corpus>,
    sentences: Arc<Corpus>,
    scope: Scope,
    query: Query,
    hits: Arc<Vec<Hit>>,
    job: Option<worker::Job>,
    done: Option<Done>,
    /// For synchronous matching and highlights (which `&self` rendering asks for).
    matcher: RefCell<Matcher>,
    sync_limit: usize,
}

impl Finder {
    /// A finder over the dossier's quotes and sentences (haystacks prepared here, once).
    pub fn new(d: &Dossier) -> Finder {
        Finder::with_corpora(Corpus::quotes(d), Corpus::sentences(d))
    }

    /// A finder over prepared corpora; it starts with the empty query (every item).
    pub fn with_corpora(quotes: Corpus, sentences: Corpus) -> Finder {
        let mut f = Finder {
            quotes: Arc::new(quotes),
            sentences: Arc::new(sentences),
            scope: Scope::Quotes,
            query: Query::default(),
            hits: Arc::default(),
            job: None,
            done: None,
            matcher: RefCell::new(Matcher::new(nucleo_matcher::Config::DEFAULT)),
            sync_limit: SYNC_LIMIT,
        };
        f.restart();
        f
    }

    /// Match at most `n` candidates on the caller's thread (tests and benchmarks).
    pub fn set_sync_limit(&mut self, n: usize) {
        self.sync_limit = n;
    }

    /// The scope searched.
    pub fn scope(&self) -> Scope {
        self.scope
    }

    /// Search quotes or sentences; the query is kept and run again.
    pub fn set_scope(&mut self, scope: Scope) {
        if scope != self.scope {
            self.scope = scope;
            self.done = None;
            self.restart();
        }
    }

    /// The corpus of the current scope.
    pub fn corpus(&self) -> &Corpus {
        match self.scope {
            Scope::Quotes => &self.quotes,
            Scope::Sentences => &self.sentences,
        }
    }

    fn corpus_arc(&self) -> Arc<Corpus> {
        match self.scope {
            Scope::Quotes => Arc::clone(&self.quotes),
            Scope::Sentences => Arc::clone(&self.sentences),
        }
    }

    /// Set the query as typed. Matches now when there are few candidates, else starts a
    /// worker whose results [`Finder::poll`] collects.
    pub fn set_query(&mut self, input: &str) {
        let q = Query::parse(input);
        if q == self.query && (self.job.is_some() || self.done.is_some()) {
            return;
        }
        self.query = q;
        self.restart();
    }

    /// Start matching the current query, narrowing the last completed search if it can.
    fn restart(&mut self) {
        self.job = None; // dropping a job cancels it
        let corpus = self.corpus_arc();
        let narrowed = self
            .done
            .as_ref()
            .filter(|d| self.query.narrows(&d.query))
            .map(|d| Arc::clone(&d.hits));
        if self.query.is_empty() {
            let hits = (0..corpus.len() as u32)
                .map(|item| Hit { item, score: 0 })
                .collect();
            self.finish(Arc::new(hits));
            return;
        }
        let cands: Vec<u32> = match &narrowed {
            // The previous hits, in their ranked order.
            Some(prev) => prev.iter().map(|h| h.item).collect(),
            None => (0..corpus.len() as u32).collect(),
        };
        if cands.len() <= self.sync_limit {
            let mut hits = Vec::new();
            corpus.match_into(
                self.matcher.get_mut(),
                &self.query,
                &cands,
                false,
                &mut hits,
            );
            corpus.rank(&mut hits);
            self.finish(Arc::new(hits));
        } else {
            self.hits = Arc::default();
            self.job = Some(worker::Job::start(corpus, self.query.clone(), cands));
        }
    }

    fn finish(&mut self, hits: Arc<Vec<Hit>>) {
        self.hits = Arc::clone(&hits);
        self.done = Some(Done {
            query: self.query.clone(),
            hits,
        });
    }

    /// Collect what the worker has found since the last call (call it each frame).
    /// Returns true when the hits changed.
    pub fn poll(&mut self) -> bool {
        let Some(job) = &self.job else {
            return false;
        };
        match job.latest() {
            worker::Latest::Nothing => false,
            worker::Latest::Partial(hits) => {
                self.hits = hits;
                true
            }
            worker::Latest::Done(hits) => {
                self.job = None;
                self.finish(hits);
                true
            }
        }
    }

    /// Block until the current search is complete (tests, benchmarks, the CLI).
    pub fn wait(&mut self) {
        while self.is_running() {
            if let Some(job) = &self.job {
                job.wait_change();
            }
            self.poll();
        }
    }

    /// True while a worker is still matching.
    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }

    /// The ranked hits so far (all of them once [`Finder::is_running`] is false).
    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    /// An item's place in the dossier.
    pub fn item(&self, hit: Hit) -> &Item {
        self.corpus().item(hit.item as usize)
    }

    /// An item's text as shown (line breaks as spaces).
    pub fn text(&self, hit: Hit) -> &str {
        self.corpus().text(hit.item as usize)
    }

    /// Character indices of the hit's text to highlight (call for visible rows only).
    pub fn highlight(&self, hit: Hit) -> Vec<usize> {
        let c = self.corpus();
        let mut m = self.matcher.borrow_mut();
        self.query.indices(&mut m, &c.fields(hit.item as usize))
    }
}

impl std::fmt::Debug for Finder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Finder")
            .field("scope", &self.scope)
            .field("query", &self.query)
            .field("hits", &self.hits.len())
            .field("running", &self.is_running())
            .finish()
    }
}

#[cfg(test)]
mod tests;
