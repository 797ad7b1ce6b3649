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
