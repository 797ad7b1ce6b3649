//! The lexical layer every pass of the model shares: the token type and the tokenizer,
//! word sets over the lists in `assets/` (loaded by [`crate::model::lexicon`]), the one
//! hasher, and small tests on words (capitalized, possessive, edit distance).
//!
//! Nothing here knows about quotes, people or claims; they all read words through it.

mod token;
mod wordset;

pub use token::{is_cap, strip_possessive, tokenize, word, Tok, Token};
pub use wordset::WordSet;

/// The project's one fast, non-cryptographic hasher (rustc-hash's Fx hash) for the short
/// words and ids of the lexicons and indexes: lookups dominate claim extraction, and the
/// keys are the text's own words (no DoS resistance to buy).
pub type FxBuild = rustc_hash::FxBuildHasher;
/// A hash map with the fast hasher.
pub type FastMap<K, V> = std::collections::HashMap<K, V, FxBuild>;
/// A hash set with the fast hasher.
pub type FastSet<K> = std::collections::HashSet<K, FxBuild>;

/// True when the lowercase form of `w` is in `set`.
pub fn has(set: &WordSet, w: &str) -> bool {
    set.has(w)
}

/// Levenshtein distance, capped: returns `cap + 1` as soon as it is exceeded.
pub fn edit_distance(a: &str, b: &str, cap: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > cap {
        return cap + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut best = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
            best = best.min(cur[j + 1]);
        }
        if best > cap {
            return cap + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()].min(cap + 1)
}
