//! Matching off the UI thread: a job matches its candidates in chunks (on every core),
//! merges each chunk's ranked hits into the ranked whole, and publishes a snapshot now and
//! then and at the end. The UI takes the latest snapshot when it polls (no queue builds up), and
//! dropping the job cancels it at the next chunk.

use super::{Corpus, Hit, Query};
use nucleo_matcher::Matcher;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Items matched between two checks for cancellation.
const CHUNK: usize = 4_096;
/// At most this many matching threads per search.
const MAX_THREADS: usize = 4;
/// Minimum time between two published partial results.
const PUBLISH_EVERY: Duration = Duration::from_millis(8);

/// What the UI gets when it polls.
pub enum Latest {
    Nothing,
    Partial(Arc<Vec<Hit>>),
    Done(Arc<Vec<Hit>>),
}

#[derive(Default)]
struct Slot {
    latest: Option<Arc<Vec<Hit>>>,
    fresh: bool,
    done: bool,
}

struct Shared {
    slot: Mutex<Slot>,
    changed: Condvar,
    cancel: AtomicBool,
}

/// A running search; dropping it cancels it.
pub struct Job {
    shared: Arc<Shared>,
}

impl Job {
    /// Start matching `cands` (item indices) on a new thread.
    pub fn start(corpus: Arc<Corpus>, query: Query, cands: Vec<u32>) -> Job {
        let shared = Arc::new(Shared {
            slot: Mutex::new(Slot::default()),
            changed: Condvar::new(),
            cancel: AtomicBool::new(false),
        });
        let theirs = Arc::clone(&shared);
        let spawned = std::thread::Builder::new()
            .name("finder".into())
            .spawn(move || run(&corpus, &query, &cands, &theirs));
        if spawned.is_err() {
            // No thread to be had: say "done, nothing found" rather than hang the finder.
            publish(&shared, Arc::default(), true);
        }
        Job { shared }
    }

    /// The newest result since the last call.
    pub fn latest(&self) -> Latest {
        let mut slot = lock(&self.shared.slot);
        if !slot.fresh {
            return Latest::Nothing;
        }
        slot.fresh = false;
        let hits = slot.latest.clone().unwrap_or_default();
        if slot.done {
            Latest::Done(hits)
        } else {
            Latest::Partial(hits)
        }
    }

    /// Block until there is something new.
    pub fn wait_change(&self) {
        let mut slot = lock(&self.shared.slot);
        while !slot.fresh {
            slot = self
                .shared
                .changed
                .wait(slot)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }
}

impl Drop for Job {
    fn drop(&mut self) {
        self.shared.cancel.store(true, Ordering::Relaxed);
    }
}

fn lock(m: &Mutex<Slot>) -> std::sync::MutexGuard<'_, Slot> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

fn publish(shared: &Shared, hits: Arc<Vec<Hit>>, done: bool) {
    let mut slot = lock(&shared.slot);
    slot.latest = Some(hits);
    slot.fresh = true;
    slot.done = done;
    shared.changed.notify_all();
}

/// Match on every core (threads take chunks in turn), merging ranked chunks into one
/// ranked list that is published now and then and at the end.
fn run(corpus: &Corpus, query: &Query, cands: &[u32], shared: &Shared) {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, MAX_THREADS);
    let next = AtomicUsize::new(0);
    let acc = Mutex::new((Vec::<Hit>::new(), Instant::now()));
    let chunks: Vec<&[u32]> = cands.chunks(CHUNK).collect();
    std::thread::scope(|s| {
        for _ in 1..threads {
            s.spawn(|| match_chunks(corpus, query, &chunks, &next, &acc, shared));
        }
        match_chunks(corpus, query, &chunks, &next, &acc, shared);
    });
    if shared.cancel.load(Ordering::Relaxed) {
        return;
    }
    let (mut hits, _) = acc.into_inner().unwrap_or_else(PoisonError::into_inner);
    rescore_head(corpus, query, &mut hits);
    publish(shared, Arc::new(hits), true);
}

/// Rescore the best hits with the optimal algorithm and re-rank them. An optimal score
/// is never below the greedy one, so these stay ahead of the rest.
fn rescore_head(corpus: &Corpus, query: &Query, hits: &mut [Hit]) {
    let mut matcher = Matcher::new(nucleo_matcher::Config::DEFAULT);
    let n = hits.len().min(super::RESCORE);
    for h in &mut hits[..n] {
        if let Some(s) = query.score(&mut matcher, &corpus.fields(h.item as usize), false) {
            h.score = s.clamp(i32::MIN as i64, i32::MAX as i64) as i32;
        }
    }
    corpus.rank(&mut hits[..n]);
}

/// One thread's share: take the next chunk until none is left or the job is cancelled.
fn match_chunks(
    corpus: &Corpus,
    query: &Query,
    chunks: &[&[u32]],
    next: &AtomicUsize,
    acc: &Mutex<(Vec<Hit>, Instant)>,
    shared: &Shared,
) {
    let mut matcher = Matcher::new(nucleo_matcher::Config::DEFAULT);
    let mut part = Vec::new();
    loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(chunk) = chunks.get(i) else {
            return;
        };
        if shared.cancel.load(Ordering::Relaxed) {
            return;
        }
        part.clear();
        corpus.match_into(&mut matcher, query, chunk, true, &mut part);
        corpus.rank(&mut part);
        let mut guard = acc.lock().unwrap_or_else(PoisonError::into_inner);
        let (hits, last) = &mut *guard;
        *hits = merge(corpus, std::mem::take(hits), &part);
        if last.elapsed() >= PUBLISH_EVERY && i + 1 < chunks.len() {
            publish(shared, Arc::new(hits.clone()), false);
            *last = Instant::now();
        }
    }
}

/// Merge two ranked lists into one.
fn merge(corpus: &Corpus, a: Vec<Hit>, b: &[Hit]) -> Vec<Hit> {
    if b.is_empty() {
        return a;
    }
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if corpus.rank_key(&a[i]) <= corpus.rank_key(&b[j]) {
            out.push(a[i]);
            i += 1;
        } else {
            out.push(b[j]);
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}
