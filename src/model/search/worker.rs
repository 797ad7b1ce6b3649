//! Matching off the UI thread: a job matches its candidates in chunks, merges each
//! chunk's ranked hits into the ranked whole, and publishes a snapshot now and then and at
//! the end. The UI takes the latest snapshot when it polls (no queue builds up), and
//! dropping the job cancels it at the next chunk.

use super::{Corpus, Hit, Query};
use nucleo_matcher::Matcher;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Items matched between two checks for cancellation.
const CHUNK: usize = 4_096;
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

fn run(corpus: &Corpus, query: &Query, cands: &[u32], shared: &Shared) {
    let mut matcher = Matcher::new(nucleo_matcher::Config::DEFAULT);
    let mut acc: Vec<Hit> = Vec::new();
    let mut part = Vec::new();
    let mut last = Instant::now();
    for chunk in cands.chunks(CHUNK) {
        if shared.cancel.load(Ordering::Relaxed) {
            return;
        }
        part.clear();
        corpus.match_into(&mut matcher, query, chunk, &mut part);
        corpus.rank(&mut part);
        acc = merge(corpus, acc, &part);
        if last.elapsed() >= PUBLISH_EVERY {
            publish(shared, Arc::new(acc.clone()), false);
            last = Instant::now();
        }
    }
    publish(shared, Arc::new(acc), true);
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
