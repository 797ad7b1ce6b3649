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
//! The line a result shows is the line matched: each term may match the text, the
//! speaker's name or the source's label, and a term found as one contiguous piece ranks
//! above any scattered match of its letters (see `query::CONTIGUOUS`); equal scores keep
//! reading order.
//!
//! Ranking is nucleo-matcher (fzf's scoring, Unicode-correct), not fuzzy-matcher's
//! SkimMatcherV2: measured over 100,000 news-like lines here, SkimMatcherV2 took 167–497 ms
//! per full pass (one to two terms), far over the 100 ms budget; see benches/finder.rs and
//! the README for the figures.

mod corpus;
mod query;
mod worker;

pub use corpus::{source_label, Corpus, Hit, Item};
pub use query::{Field, Filter, Marks, Query, Term, TermKind};

use crate::model::Dossier;
use nucleo_matcher::Matcher;
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
    /// The query as typed.
    input: String,
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
            input: String::new(),
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

    /// The query as last typed (what the finder shows when it opens again).
    pub fn input(&self) -> &str {
        &self.input
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
        input.clone_into(&mut self.input);
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
        self.marks(hit).text
    }

    /// Character indices to highlight in each part of the hit's line: text, speaker
    /// name, source label (call for visible rows only).
    pub fn marks(&self, hit: Hit) -> Marks {
        let c = self.corpus();
        let mut m = self.matcher.borrow_mut();
        self.query.marks(&mut m, &c.fields(hit.item as usize))
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
