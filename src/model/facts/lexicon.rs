//! The facts lexicons, kept as data in `assets/` and parsed once.
//!
//! Tables are `phrase = value` lines; lists are one entry a line; `#` starts a comment.

// The hasher and the list parsers have one home each (`lex`, `lexicon`); re-exported here
// for the facts modules that name them through this one.
pub use crate::model::lex::{FastMap, FastSet, FxBuild};
pub use crate::model::lexicon::{parse_groups, parse_list, parse_table};
use std::sync::OnceLock;

/// A unit after a number: its dimension, canonical unit and the factor into it.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub dimension: String,
    pub canonical: String,
    pub factor: f64,
}

/// Units by surface form ("kilometres", "miles", "%").
pub fn units() -> &'static FastMap<String, Unit> {
    static CELL: OnceLock<FastMap<String, Unit>> = OnceLock::new();
    CELL.get_or_init(|| {
        parse_table(include_str!("../../../assets/units.txt"))
            .into_iter()
            .filter_map(|(k, v)| {
                let mut it = v.split_whitespace();
                let dimension = it.next()?.to_string();
                let canonical = it.next()?.to_string();
                let factor = it.next()?.parse().ok()?;
                Some((
                    k,
                    Unit {
                        dimension,
                        canonical,
                        factor,
                    },
                ))
            })
            .collect()
    })
}

/// Currency codes by sign or word ("$", "pounds").
pub fn currencies() -> &'static FastMap<String, String> {
    static CELL: OnceLock<FastMap<String, String>> = OnceLock::new();
    CELL.get_or_init(|| {
        parse_table(include_str!("../../../assets/currencies.txt"))
            .into_iter()
            .map(|(k, v)| (k, v.to_uppercase()))
            .collect()
    })
}

/// How a qualifier bounds its figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    /// As stated ("10,000").
    Exact,
    /// Rounded ("about 10,000").
    Approx,
    /// A lower bound ("more than 3,000").
    AtLeast,
    /// An upper bound ("up to 11,000").
    AtMost,
    /// An order of magnitude ("hundreds of thousands"): at least the figure, below ten times it.
    Vague,
}

/// Qualifier phrases by their words ("up to" -> AtMost), longest first.
pub fn qualifiers() -> &'static [(Vec<String>, Qualifier)] {
    static CELL: OnceLock<Vec<(Vec<String>, Qualifier)>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut v: Vec<(Vec<String>, Qualifier)> =
            parse_table(include_str!("../../../assets/qualifiers.txt"))
                .into_iter()
                .filter_map(|(k, v)| {
                    let q = match v.as_str() {
                        "approx" => Qualifier::Approx,
                        "atleast" => Qualifier::AtLeast,
                        "atmost" => Qualifier::AtMost,
                        "exact" => Qualifier::Exact,
                        _ => return None,
                    };
                    Some((k.split_whitespace().map(str::to_string).collect(), q))
                })
                .collect();
        v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        v
    })
}

/// What a written number word is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumberWord {
    /// A plain value ("ten", "dozen").
    Value(f64),
    /// A multiplier ("thousand", "bn").
    Scale(f64),
    /// A vague plural ("hundreds"): an order of magnitude.
    Vague(f64),
}

/// Written numbers by word.
pub fn number_words() -> &'static FastMap<String, NumberWord> {
    static CELL: OnceLock<FastMap<String, NumberWord>> = OnceLock::new();
    CELL.get_or_init(|| {
        parse_table(include_str!("../../../assets/number_words.txt"))
            .into_iter()
            .filter_map(|(k, v)| {
                let mut it = v.split_whitespace();
                let first = it.next()?;
                let w = match first {
                    "scale" => NumberWord::Scale(it.next()?.parse().ok()?),
                    "vague" => NumberWord::Vague(it.next()?.parse().ok()?),
                    n => NumberWord::Value(n.parse().ok()?),
                };
                Some((k, w))
            })
            .collect()
    })
}

/// A grade of likelihood: 0 ruled out … 4 near certain; `None` is undetermined.
pub type Grade = Option<u8>;

/// Likelihood phrases (as word lists) with their grade, by first word, longest first.
pub type PhraseIndex = FastMap<String, Vec<(Vec<String>, Grade)>>;

/// Likelihood phrases as word lists with their grade, by first word, longest first.
pub fn likelihood() -> &'static PhraseIndex {
    static CELL: OnceLock<PhraseIndex> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut m = PhraseIndex::default();
        for (k, v) in parse_table(include_str!("../../../assets/likelihood.txt")) {
            let g = if v == "u" {
                None
            } else {
                match v.parse() {
                    Ok(g) => Some(g),
                    Err(_) => continue,
                }
            };
            let words: Vec<String> = k.split_whitespace().map(str::to_string).collect();
            if let Some(first) = words.first() {
                m.entry(first.clone()).or_default().push((words, g));
            }
        }
        for v in m.values_mut() {
            v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        m
    })
}

/// Nouns that head a source phrase ("officials", "estimates").
pub fn attribution_heads() -> &'static FastSet<String> {
    static CELL: OnceLock<FastSet<String>> = OnceLock::new();
    CELL.get_or_init(|| {
        parse_list(include_str!("../../../assets/attribution.txt"))
            .into_iter()
            .collect()
    })
}

/// Phrases after which the source follows ("according to").
pub fn attribution_openers() -> &'static [Vec<String>] {
    static CELL: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    CELL.get_or_init(|| {
        parse_list(include_str!("../../../assets/attribution_openers.txt"))
            .into_iter()
            .map(|l| l.split_whitespace().map(str::to_string).collect())
            .collect()
    })
}

/// Synonym groups: every member (and the head) maps to the group's head word.
pub fn synonyms() -> &'static FastMap<String, String> {
    static CELL: OnceLock<FastMap<String, String>> = OnceLock::new();
    CELL.get_or_init(|| parse_groups(include_str!("../../../assets/synonyms.txt")))
}

/// Words that carry no claim (loaded with the other word lists, where paragraph kinds
/// read them too).
pub use crate::model::lexicon::stopwords;

/// Counted nouns for people, canonical: (general words like "people", specific ones like
/// "workers"); see `assets/people_nouns.txt`.
pub fn people_nouns() -> &'static (FastSet<String>, FastSet<String>) {
    static CELL: OnceLock<(FastSet<String>, FastSet<String>)> = OnceLock::new();
    CELL.get_or_init(|| {
        let src = include_str!("../../../assets/people_nouns.txt");
        let (mut general, mut specific) = (FastSet::default(), FastSet::default());
        let mut in_general = true;
        for line in src.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if let Some(comment) = line.strip_prefix('#') {
                match comment.trim() {
                    "general" => in_general = true,
                    "specific" => in_general = false,
                    _ => {}
                }
                continue;
            }
            let w = super::canonical_word(&line.to_lowercase());
            if in_general {
                general.insert(w);
            } else {
                specific.insert(w);
            }
        }
        (general, specific)
    })
}

/// Which of the facts' word lists hold a lowercase word, as bits ([`word_lists`]): the
/// passes over a claim's tokens read a token's bits where they looked each word up in
/// every list (a hash of the word per list per token: on 200 generated articles, 87.6 M of
/// `dossier sources`'s 1,029 M instructions went to the attribution lists alone, 45.0 M to
/// the number words). A bit is set exactly when the list holds the word, so a test of it
/// answers as the lookup did.
pub type Lists = u16;
/// In `assets/number_words.txt` ("two", "dozen", "hundreds").
pub const IN_NUMBER_WORDS: Lists = 1;
/// A head noun of a source phrase (`assets/attribution.txt`).
pub const IN_ATTRIBUTION_HEADS: Lists = 1 << 1;
/// A verb after a source (`assets/attribution_verbs.txt`).
pub const IN_ATTRIBUTION_VERBS: Lists = 1 << 2;
/// A word before a source's head (`assets/attribution_modifiers.txt`).
pub const IN_ATTRIBUTION_MODIFIERS: Lists = 1 << 3;
/// The first word of a phrase after which the source follows (`according`).
pub const OPENS_ATTRIBUTION: Lists = 1 << 4;
/// An auxiliary before a verb ("has estimated", "were told"): [`AUXILIARIES`].
pub const IS_AUXILIARY: Lists = 1 << 5;
/// The first word of a likelihood phrase (`assets/likelihood.txt`).
pub const OPENS_LIKELIHOOD: Lists = 1 << 6;
/// A word that carries no claim (`assets/claim_stopwords.txt`).
pub const IN_STOPWORDS: Lists = 1 << 7;

/// The auxiliaries an attribution's verb may follow ("officials have said").
pub const AUXILIARIES: &[&str] = &["has", "have", "had", "is", "are", "was", "were"];

/// The longest word [`word_lists`] keys by its bytes.
const PACKED_MAX: usize = 16;

/// A word of [`PACKED_MAX`] bytes or fewer as three integers: two that cover its bytes
/// (overlapping for a word of fewer than 16 bytes, read without copying it) and its length,
/// so two words are equal exactly when their keys are.
fn packed(w: &str) -> [u64; 3] {
    let (b, n) = (w.as_bytes(), w.len());
    let half = |b: &[u8]| u64::from(u32::from_le_bytes(b.try_into().unwrap_or([0; 4])));
    let (x, y) = match n {
        8.. => (
            u64::from_le_bytes(b[..8].try_into().unwrap_or([0; 8])),
            u64::from_le_bytes(b[n - 8..].try_into().unwrap_or([0; 8])),
        ),
        4..=7 => (half(&b[..4]), half(&b[n - 4..])),
        _ => (b.iter().fold(0, |k, &c| k << 8 | u64::from(c)), 0),
    };
    [x, y, n as u64]
}

/// The lists that hold the lowercase word `lower` (0 for most words). Every entry of those
/// lists opens with a letter, so a token that is no word is in none of them.
pub fn word_lists(lower: &str) -> Lists {
    // Words keyed by their bytes as integers, hashed and compared as such (no string
    // hashing, no `memcmp`, no copy); longer words by their text. (Measured on 200
    // generated articles: 18.8 M instructions with `Box<str>` keys, 17.8 M so.)
    type Tables = (FastMap<[u64; 3], Lists>, FastMap<Box<str>, Lists>);
    static CELL: OnceLock<Tables> = OnceLock::new();
    let (short, long) = CELL.get_or_init(|| {
        let (mut short, mut long): Tables = Default::default();
        let mut add = |w: &str, bit: Lists| {
            if w.len() <= PACKED_MAX {
                *short.entry(packed(w)).or_insert(0) |= bit;
            } else {
                *long.entry(Box::from(w)).or_insert(0) |= bit;
            }
        };
        number_words().keys().for_each(|w| add(w, IN_NUMBER_WORDS));
        attribution_heads()
            .iter()
            .for_each(|w| add(w, IN_ATTRIBUTION_HEADS));
        super::attribution::verbs()
            .iter()
            .for_each(|w| add(w, IN_ATTRIBUTION_VERBS));
        super::attribution::modifiers()
            .iter()
            .for_each(|w| add(w, IN_ATTRIBUTION_MODIFIERS));
        attribution_openers()
            .iter()
            .filter_map(|p| p.first())
            .for_each(|w| add(w, OPENS_ATTRIBUTION));
        AUXILIARIES.iter().for_each(|w| add(w, IS_AUXILIARY));
        likelihood().keys().for_each(|w| add(w, OPENS_LIKELIHOOD));
        stopwords().iter().for_each(|w| add(w, IN_STOPWORDS));
        (short, long)
    });
    // (The word sets' filter before the lookup saved nothing here: half the words of
    // prose are stop words, which pass it; measured at 18.8 M without, 20.2 M with.)
    if lower.len() <= PACKED_MAX {
        short.get(&packed(lower)).copied().unwrap_or(0)
    } else {
        long.get(lower).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Packed keys tell apart words that differ in length or in their last byte, and a
    /// word too long to pack is still found by its text.
    #[test]
    fn packed_keys_tell_words_apart() {
        let words = [
            "a",
            "ab",
            "ba",
            "abcdefgh",
            "abcdefghi",
            "abcdefghijklmno",
            "é",
        ];
        for (i, a) in words.iter().enumerate() {
            for b in &words[i + 1..] {
                assert_ne!(packed(a), packed(b), "{a} {b}");
            }
        }
        assert_eq!(word_lists("internationalisation"), 0);
        assert_eq!(word_lists("abcdefghijklmnopq"), 0);
    }

    /// Every entry of every list has its list's bit, and only those: the bits answer as a
    /// lookup in each list would ("estimates" is a head and a verb; "officialdom", a word
    /// that opens like a head, is in no list).
    #[test]
    fn a_words_bits_are_the_lists_that_hold_it() {
        let lists: [(Vec<&str>, Lists); 8] = [
            (
                number_words().keys().map(String::as_str).collect(),
                IN_NUMBER_WORDS,
            ),
            (
                attribution_heads().iter().map(String::as_str).collect(),
                IN_ATTRIBUTION_HEADS,
            ),
            (
                super::super::attribution::verbs()
                    .iter()
                    .map(String::as_str)
                    .collect(),
                IN_ATTRIBUTION_VERBS,
            ),
            (
                super::super::attribution::modifiers()
                    .iter()
                    .map(String::as_str)
                    .collect(),
                IN_ATTRIBUTION_MODIFIERS,
            ),
            (
                attribution_openers()
                    .iter()
                    .filter_map(|p| p.first())
                    .map(String::as_str)
                    .collect(),
                OPENS_ATTRIBUTION,
            ),
            (AUXILIARIES.to_vec(), IS_AUXILIARY),
            (
                likelihood().keys().map(String::as_str).collect(),
                OPENS_LIKELIHOOD,
            ),
            (
                stopwords().iter().map(String::as_str).collect(),
                IN_STOPWORDS,
            ),
        ];
        let mut seen = 0;
        for (words, bit) in &lists {
            assert!(!words.is_empty(), "list of bit {bit} is empty");
            for w in words {
                let holds = lists
                    .iter()
                    .filter(|(ws, _)| ws.contains(w))
                    .fold(0, |acc, (_, b)| acc | b);
                assert_eq!(word_lists(w), holds, "{w}");
                seen += 1;
            }
        }
        assert!(seen > 100, "entries checked: {seen}");
        assert_eq!(
            word_lists("estimates"),
            IN_ATTRIBUTION_HEADS | IN_ATTRIBUTION_VERBS
        );
        assert_eq!(word_lists("officialdom"), 0);
        assert_eq!(word_lists("harbour"), 0);
    }

    /// Looks like a listed word but is not: the bits are read from the lowercase form, so
    /// a word as written with a capital, or with a mark glued on, is in no list.
    #[test]
    fn bits_are_read_from_the_lowercase_form_only() {
        assert_ne!(word_lists("officials"), 0);
        assert_eq!(word_lists("Officials"), 0);
        assert_eq!(word_lists("officials,"), 0);
        assert_eq!(word_lists(""), 0);
    }

    /// Every entry of the lists opens with a letter: a token that is no word (a numeral, a
    /// mark, a sign) is given no bits without a lookup, and that must stay right.
    #[test]
    fn every_listed_word_opens_with_a_letter() {
        let words = number_words()
            .keys()
            .chain(attribution_heads())
            .chain(super::super::attribution::verbs())
            .chain(super::super::attribution::modifiers())
            .chain(attribution_openers().iter().flatten())
            .chain(likelihood().keys())
            .chain(stopwords());
        for w in words {
            assert!(w.starts_with(char::is_alphabetic), "{w:?}");
        }
    }
}
