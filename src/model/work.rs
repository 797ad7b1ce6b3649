//! How per-article work is spread over threads ([`par_map`]), deterministic counts of
//! work, for tests that pin linear time, and how large temporary buffers are given back
//! ([`release`]).
//!
//! Wall time is noisy on a shared machine; a count of loop steps is not. The passes that
//! once went quadratic on hostile input (quote pairing, claim extraction, paragraph
//! segmentation) call [`step`] in their inner loops; tests run a pass on an input and on
//! its double and check that the count grows at most 2.5× (linear plus a log factor),
//! where a quadratic loop would grow 4×. Outside tests `step` compiles to nothing.

#[cfg(test)]
thread_local! {
    static STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Count `n` units of work (loop steps, comparisons) on this thread.
#[inline(always)]
pub(crate) fn step(n: usize) {
    #[cfg(test)]
    STEPS.with(|s| s.set(s.get() + n as u64));
    #[cfg(not(test))]
    let _ = n;
}

/// Run `f` and return its result with the work it counted on this thread.
#[cfg(test)]
pub(crate) fn count<T>(f: impl FnOnce() -> T) -> (T, u64) {
    let before = STEPS.with(std::cell::Cell::get);
    let out = f();
    (out, STEPS.with(std::cell::Cell::get) - before)
}

/// The work `f(n)` counts at `n`, `2n` and `4n`, each growth ratio at most 2.5 (the
/// limit issue #18 sets: linear or n log n passes, never quadratic). Returns the counts.
#[cfg(test)]
#[track_caller]
pub(crate) fn assert_linear(n: usize, mut f: impl FnMut(usize)) -> [u64; 3] {
    let counts = [n, 2 * n, 4 * n].map(|k| count(|| f(k)).1);
    for w in counts.windows(2) {
        assert!(w[0] > 0, "no work counted: {counts:?}");
        let ratio = w[1] as f64 / w[0] as f64;
        assert!(
            ratio <= 2.5,
            "work grows {ratio:.2}x per doubling: {counts:?}"
        );
    }
    counts
}

/// The size (bytes) from which [`release`] shrinks a buffer before freeing it: glibc maps
/// blocks from 128 KiB on, and a mapped block larger than this is what raises its
/// threshold when freed.
const RELEASE_FROM: usize = 128 * 1024;

/// Free a large temporary vector so that the allocator keeps its mapping policy: shrunk
/// to one element first (which returns its pages), then dropped. glibc raises the size
/// from which it maps blocks to that of the largest mapped block freed (up to 32 MiB),
/// after which blocks below it come from the heap, which gives freed memory back only
/// from its top: on 4 MiB of `"'a` (`dossier sources`), a word-id scratch list and the
/// found quotes freed that way set it to 24 MiB, and the article's tokens, freed in the
/// middle of the heap, stayed resident at the peak (95.4 MiB; 77.9 with a fixed threshold,
/// `MALLOC_TOP_PAD_=0`). A no-op for small vectors; harmless under any other allocator.
pub(crate) fn release<T>(mut v: Vec<T>) {
    if v.capacity().saturating_mul(std::mem::size_of::<T>()) >= RELEASE_FROM {
        v.clear();
        v.shrink_to(1);
    }
}

/// Threads for per-article work: `DOSSIER_THREADS` if set (1 measures one core), else
/// the machine's cores.
pub fn threads() -> usize {
    std::env::var("DOSSIER_THREADS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
        .clamp(1, 64)
}

/// `items.into_iter().map(f).collect()`, spread over [`threads`] scoped threads that take
/// items as they go (articles differ in length); the output keeps the input's order. Each
/// item is moved into `f` (and so freed as soon as `f` is done with it).
pub(crate) fn par_map<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    par_map_on(threads(), items, f)
}

/// [`par_map`] on `n` threads, the calling one included.
fn par_map_on<T: Send, R: Send>(n: usize, items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;
    let n = n.min(items.len());
    if n <= 1 {
        return items.into_iter().map(f).collect();
    }
    let slots: Vec<Mutex<Option<T>>> = items.into_iter().map(|t| Mutex::new(Some(t))).collect();
    let next = AtomicUsize::new(0);
    let work = || {
        let mut out = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(slot) = slots.get(i) else { break };
            let item = slot.lock().map(|mut s| s.take()).ok().flatten();
            if let Some(item) = item {
                out.push((i, f(item)));
            }
        }
        out
    };
    // The calling thread is one of the `n`: each spawned thread allocates from an
    // allocator arena of its own, whose freed memory the rest of the run does not reuse
    // (`dossier quotes` on the 5,000-article generated dossier peaked 9.6 MiB higher with
    // two threads than with one).
    let mut parts: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (1..n).map(|_| scope.spawn(work)).collect();
        let mut parts = work();
        for w in workers {
            match w.join() {
                Ok(out) => parts.extend(out),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        parts
    });
    parts.sort_unstable_by_key(|(i, _)| *i);
    parts.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The output keeps the input's order, and the work runs on at most `n` threads, the
    /// calling one among them (a spawned thread's allocator arena is memory the rest of
    /// the run does not reuse).
    #[test]
    fn par_map_keeps_order_and_works_on_the_calling_thread() {
        let me = std::thread::current().id();
        let out = par_map_on(3, (0..64).collect(), |i: usize| {
            std::thread::sleep(std::time::Duration::from_millis(1));
            (i, std::thread::current().id())
        });
        assert!(out.iter().enumerate().all(|(k, &(i, _))| k == i));
        let mut ids: Vec<_> = out.iter().map(|&(_, id)| id).collect();
        assert!(ids.contains(&me), "the caller takes items too");
        ids.sort_by_key(|id| format!("{id:?}"));
        ids.dedup();
        assert!(ids.len() <= 3, "{ids:?}");
    }
}
