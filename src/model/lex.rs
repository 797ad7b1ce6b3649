//! The lexical layer every pass of the model shares: the token type and the tokenizer,
//! word sets over the lists in `assets/` (loaded by [`crate::model::lexicon`]), the one
//! hasher, and small tests on words (capitalized, possessive, edit distance).
//!
//! Nothing here knows about quotes, people or claims; they all read words through it.

mod token;
mod wordset;

pub use token::{is_cap, strip_possessive, tokenize, word, Mask, Rules, Tok, Token, Tokens};
pub use wordset::WordSet;

/// The project's one fast, non-cryptographic hasher (rustc-hash's Fx hash) for the short
/// words and ids of the lexicons and indexes: lookups dominate claim extraction, and the
/// keys are the text's own words (no DoS resistance to buy).
pub type FxBuild = rustc_hash::FxBuildHasher;
/// A hash map with the fast hasher.
pub type FastMap<K, V> = std::collections::HashMap<K, V, FxBuild>;
/// A hash set with the fast hasher.
pub type FastSet<K> = std::collections::HashSet<K, FxBuild>;

/// True for the bytes of ASCII letters and digits, as `u8::is_ascii_alphanumeric`, as a
/// table: the scanners' inner loops over a word's bytes test one load instead of three
/// ranges (the prose tokenizer's and the title scan's word loops, about 8 instructions a
/// byte each before).
pub(crate) static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

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

#[cfg(test)]
mod tests {
    /// Every `.rs` file under `dir`, with its path.
    fn sources(dir: &std::path::Path, out: &mut Vec<(std::path::PathBuf, String)>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                out.push((path, text));
            }
        }
    }

    /// The byte table agrees with `u8::is_ascii_alphanumeric` on every byte.
    #[test]
    fn ascii_alnum_table_agrees_with_std() {
        for b in 0..=255u8 {
            assert_eq!(
                super::ASCII_ALNUM[usize::from(b)],
                b.is_ascii_alphanumeric()
            );
        }
    }

    /// No module of the model reads words through `quotes` (the shared lexical layer is
    /// `lex` and `lexicon`), and `quotes` runs no loader code: the cycles load <-> quotes,
    /// people <-> quotes and claims -> quotes::words stay broken.
    #[test]
    fn no_module_reads_words_through_quotes() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model");
        let mut files = Vec::new();
        sources(&root, &mut files);
        assert!(files.len() > 20, "model sources found: {}", files.len());
        for (path, text) in &files {
            // Tests may build a dossier through the loader: only the code itself counts.
            if path.ends_with("tests.rs") {
                continue;
            }
            let text = text.split("#[cfg(test)]").next().unwrap_or_default();
            let in_quotes = path.starts_with(root.join("quotes")) || path.ends_with("quotes.rs");
            if !in_quotes {
                assert!(
                    !text.contains("quotes::words"),
                    "{} reads words through quotes",
                    path.display()
                );
            } else {
                assert!(
                    !text.contains("model::load::"),
                    "{} calls into the loader",
                    path.display()
                );
            }
        }
    }
}
