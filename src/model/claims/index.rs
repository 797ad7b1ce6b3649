//! Claims as weighted term sets: terms are stems mapped through synonym groups plus the
//! figures they state; weights are the terms' rarity over the dossier (BM25 idf).

use super::alias::Aliases;
use super::stored::Segments;
use crate::model::facts::lexicon::FastMap;
use crate::model::facts::{canonical_word, lexicon, tokens::Tok, tokens::Token, Figure, Kind};
use crate::model::tuning::tuning;

/// Term identifiers, interned per dossier.
pub type Term = u32;

/// Document frequencies of terms over every claim of a dossier.
#[derive(Debug, Default, Clone)]
pub struct Corpus {
    pub ids: FastMap<String, Term>,
    /// Words as written (lowercase) to their term, so each surface form is stemmed once.
    pub surface: FastMap<String, Term>,
    pub df: Vec<u32>,
    pub n: usize,
    /// Per term: true for names (people of the quotes model, capitalized words inside a
    /// sentence, acronyms), whose weight falls with the share of articles naming them.
    pub entity: Vec<bool>,
    /// Per term: the number of articles that use it.
    pub article_df: Vec<u32>,
    /// The number of articles counted in `article_df`.
    pub articles: usize,
    /// Per term: the last article (1-based) [`Corpus::add_article`] counted it in; dropped
    /// by [`Corpus::settle`], when every article is counted.
    counted_in: Vec<u32>,
    /// Per term: how often it is written as a name (capitalized after a word, or an acronym)
    /// and in lowercase; see [`Corpus::note_case`].
    pub as_name: Vec<u32>,
    pub as_word: Vec<u32>,
    /// Per term: a name that many articles use (see [`Corpus::settle`]): it does not count
    /// as content two claims share.
    pub common_name: Vec<bool>,
    /// Names that stand for one thing ("the UK", "Britain"), each one term.
    pub aliases: Aliases,
}

impl Corpus {
    /// Intern a term.
    pub fn intern(&mut self, t: &str) -> Term {
        if let Some(&id) = self.ids.get(t) {
            return id;
        }
        let id = self.df.len() as Term;
        self.ids.insert(t.to_string(), id);
        self.df.push(0);
        self.entity.push(false);
        self.article_df.push(0);
        self.as_name.push(0);
        self.as_word.push(0);
        id
    }

    /// Learn the names that stand for one thing: the listed ones and the acronyms the
    /// dossier's `texts` define.
    pub fn learn_aliases<'t>(&mut self, texts: impl IntoIterator<Item = &'t str>) {
        let mut aliases = std::mem::take(&mut self.aliases);
        let mut intern = |k: &str| {
            let t = self.intern(k);
            self.mark_entity(t);
            t
        };
        aliases.add_listed(&mut intern);
        for text in texts {
            aliases.learn(text, &mut intern);
        }
        self.aliases = aliases;
    }

    /// Mark a term as a name.
    pub fn mark_entity(&mut self, t: Term) {
        if let Some(e) = self.entity.get_mut(t as usize) {
            *e = true;
        }
    }

    /// Count one use of a term as a name or as an ordinary lowercase word. A term is a name
    /// when written as one more often than not, so that a synonym group of common words stays
    /// a word although one of its members appears in a name ("the press" and "Associated
    /// Press", "nations" and "United States").
    pub fn note_case(&mut self, t: Term, name: bool) {
        let v = if name {
            &mut self.as_name
        } else {
            &mut self.as_word
        };
        if let Some(c) = v.get_mut(t as usize) {
            *c += 1;
        }
    }

    /// True when the term is a name.
    pub fn is_entity(&self, t: Term) -> bool {
        self.entity.get(t as usize).copied().unwrap_or(false)
    }

    /// Count the distinct terms of one article once (`terms` may repeat them).
    ///
    /// Each term remembers the last article that counted it, so repeats are skipped without
    /// sorting the article's terms (a sort of every term of every claim: 10.2 M of the
    /// 1,024.7 M instructions of `dossier sources` on 200 generated articles).
    pub fn add_article(&mut self, terms: &[Term]) {
        self.articles += 1;
        let stamp = u32::try_from(self.articles).unwrap_or(u32::MAX);
        self.counted_in.resize(self.article_df.len(), 0);
        for &t in terms {
            let t = t as usize;
            if let (Some(c), Some(last)) = (self.article_df.get_mut(t), self.counted_in.get_mut(t))
            {
                if *last != stamp {
                    *last = stamp;
                    *c += 1;
                }
            }
        }
    }

    /// Once every article is counted: decide which terms are names (by how they are written)
    /// and mark the names that many articles use.
    pub fn settle(&mut self) {
        self.counted_in = Vec::new();
        for (t, e) in self.entity.iter_mut().enumerate() {
            let (n, w) = (self.as_name[t], self.as_word[t]);
            if n > w {
                *e = true;
            }
        }
        self.common_name = (0..self.df.len() as Term)
            .map(|t| self.entity_factor(t) < tuning().common_name)
            .collect();
    }

    /// True for a name that many articles use (after [`Corpus::settle`]).
    pub fn is_common_name(&self, t: Term) -> bool {
        self.common_name.get(t as usize).copied().unwrap_or(false)
    }

    /// Rarity of a name across articles: a name that most articles use (the event's main
    /// people and places) tells little about which claim a sentence states. With fewer
    /// than three articles there is no such evidence, and names weigh fully.
    pub fn entity_factor(&self, t: Term) -> f32 {
        if !self.is_entity(t) || self.articles < 3 {
            return 1.0;
        }
        let df = self.article_df.get(t as usize).copied().unwrap_or(0).max(1) as f32;
        let share = (df - 1.0) / (self.articles as f32 - 1.0);
        1.0 - (1.0 - tuning().entity_floor) * share.clamp(0.0, 1.0)
    }

    /// The term of a lowercase word: its synonym group or stem, interned.
    pub fn word(&mut self, lower: &str) -> Term {
        if let Some(&t) = self.surface.get(lower) {
            return t;
        }
        let t = self.intern(&claim_word(lower));
        self.surface.insert(lower.to_string(), t);
        t
    }

    /// The term of a word inside a multi-word name: its stem, without synonyms, unless its
    /// word is a place or nationality ("North Korea" stays the group of "Pyongyang").
    pub fn name_word(&mut self, lower: &str) -> Term {
        let key = format!("^{lower}");
        if let Some(&t) = self.surface.get(&key) {
            return t;
        }
        use crate::model::{
            lex::has,
            lexicon::{demonyms, places},
        };
        let grouped = canonical_word(lower);
        let stem = crate::model::facts::stem(lower);
        let place = has(places(), lower) || has(demonyms(), lower);
        let t = if place || grouped == stem || grouped == lower {
            self.intern(&grouped)
        } else {
            self.intern(&format!("^{stem}"))
        };
        self.surface.insert(key, t);
        t
    }

    /// Count each distinct term of a claim once.
    pub fn add(&mut self, terms: &[Term]) {
        self.n += 1;
        for &t in terms {
            if let Some(c) = self.df.get_mut(t as usize) {
                *c += 1;
            }
        }
    }

    /// Rarity weight of a term (BM25 idf, always positive).
    pub fn idf(&self, t: Term) -> f32 {
        let df = self.df.get(t as usize).copied().unwrap_or(0) as f32;
        let n = self.n as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }
}

/// A lowercase word as claims compare it: its paraphrase set as written
/// (`assets/paraphrases.txt`: "quit" and "resigned" are one term), else its synonym group or
/// stem ([`canonical_word`]). The one mapping of words to terms, also for the contrasts.
pub fn claim_word(lower: &str) -> String {
    match crate::model::lexicon::paraphrases().get(lower) {
        Some(head) => format!("~{head}"),
        None => canonical_word(lower),
    }
}

/// The term of each token with its local weight (none for punctuation and stop words),
/// into `out` (cleared first; a list reused claim after claim): the last word of a name
/// counts fully, the others less.
pub fn token_terms(corpus: &mut Corpus, toks: &[Token], out: &mut Vec<Option<(Term, f32)>>) {
    // Stop words are read from the tokens' bits (`lexicon::word_lists`), not looked up.
    let stop = |t: &Token| t.lists & lexicon::IN_STOPWORDS != 0;
    let is_name_word = |t: &Token| t.kind == Tok::Word && t.capital && !stop(t);
    // Tokens inside an aliased name after its first: the name is one term, on its first.
    let mut inside = 0;
    out.clear();
    out.extend((0..toks.len()).map(|i| {
        let t = &toks[i];
        if inside > 0 {
            inside -= 1;
            return None;
        }
        // Only a capitalized word can open an alias (as `Aliases::at` tests first): the
        // others skip the call (9.2 M instructions for 234,748 calls on 200 generated
        // articles, most of them for lowercase words and marks).
        let alias = (t.kind == Tok::Word && t.capital)
            .then(|| corpus.aliases.at(toks, i, is_name_word))
            .flatten();
        if let Some((term, len)) = alias {
            inside = len - 1;
            corpus.note_case(term, true);
            return Some((term, 1.0));
        }
        if t.kind != Tok::Word || (stop(t) && !t.acronym) || t.lower.chars().nth(1).is_none() {
            return None;
        }
        // Inside a run of capitalized words (hyphens join "Yong-hyun"), only the last
        // word is the name.
        let next_cap = toks[i + 1..]
            .iter()
            .find(|n| n.lower != "-")
            .is_some_and(is_name_word);
        let w = if t.capital && next_cap {
            tuning().name_prefix_weight
        } else {
            1.0
        };
        // Inside a multi-word name ("Associated Press", "United States") a word is
        // part of the name, not a member of its synonym group.
        let in_name = t.capital && i > 0 && is_name_word(&toks[i - 1]);
        let term = if in_name {
            corpus.name_word(&t.lower)
        } else {
            corpus.word(&t.lower)
        };
        // A capital after a word (or an acronym) is a name, not a sentence or quote
        // opener ("“They’re …").
        let after_word = i > 0 && toks[i - 1].kind == Tok::Word;
        if (t.capital && after_word) || t.acronym {
            corpus.note_case(term, true);
        } else if !t.capital {
            corpus.note_case(term, false);
        }
        Some((term, w))
    }));
}

/// Sort `terms` and keep each term once, with its heavier weight.
fn make_distinct(terms: &mut Vec<(Term, f32)>) {
    terms.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    terms.dedup_by_key(|x| x.0);
}

/// The terms of a claim, sorted and distinct (the heavier weight kept): its tokens' terms
/// plus a term per comparable figure value. They are gathered in `scratch`, a list reused
/// claim after claim, and returned in a list of their own size.
pub fn terms(
    corpus: &mut Corpus,
    tok_terms: &[Option<(Term, f32)>],
    figures: &[Figure],
    scratch: &mut Vec<(Term, f32)>,
) -> Vec<(Term, f32)> {
    // Collected from a flattened iterator, a claim's list grew by doubling (this function
    // 20.3 M -> 10.2 M of `dossier sources`'s instructions on 200 generated articles with
    // the scratch list); a list sized for every token instead, then shrunk when the claim
    // keeps it, left the peak heap of `dossier sources` on the 5,000-article generated
    // dossier (one thread) 7 MB higher (224.0 -> 231.1 MB); allocated once at its size, the
    // kept list brings it to 215.9 MB.
    let out = scratch;
    out.clear();
    out.extend(tok_terms.iter().flatten().copied());
    for f in figures {
        let (term, w) = match f.kind {
            Kind::Ordinal | Kind::Time => continue,
            // Dates are context, never disputed, but a shared date is shared wording.
            Kind::Date | Kind::Year => (
                format!("#{}:{}", f.kind.as_str(), f.text.to_lowercase()),
                tuning().date_weight,
            ),
            _ => (format!("#{}:{}", f.kind.as_str(), f.value), 1.0),
        };
        out.push((corpus.intern(&term), w));
    }
    make_distinct(out);
    out.to_vec()
}

/// Words that open a new segment of a sentence (a clause or a reported statement).
const SEGMENT_OPENERS: &[&str] = &[
    "that", "which", "while", "but", "because", "where", "although",
];

/// Modal verbs: after "and" they open a second predicate of the same subject.
const MODALS: &[&str] = &[
    "could", "may", "might", "will", "would", "can", "should", "must",
];

/// The lists [`segments`] gathers a claim's segments in, reused claim after claim.
#[derive(Default)]
pub struct SegmentLists {
    terms: Vec<(Term, f32)>,
    ends: Vec<u32>,
    open: Vec<(Term, f32)>,
}

/// Split a claim's tokens into segments (at punctuation and clause openers) and give each
/// its term vector; segments with fewer than three terms join the next.
pub fn segments(
    toks: &[Token],
    tok_terms: &[Option<(Term, f32)>],
    lists: &mut SegmentLists,
) -> Segments {
    // A segment's terms are gathered in one scratch list, and the claim's in two more, all
    // reused claim after claim: a list collected per segment, and the claim's grown by
    // doubling, cost an allocation each (with `cut` below, 49 M instructions of `dossier
    // sources` on 200 generated articles); with three lists allocated per claim this pass
    // cost 33.6 M, reused 26.5 M.
    let SegmentLists {
        terms,
        ends,
        open: scratch,
    } = lists;
    terms.clear();
    ends.clear();
    let mut start = 0;
    // Each token's lowercase form is read once and tested by its kind: a punctuation mark
    // against the marks, a word against the openers (one `as_str` and a test of every list
    // per token before: 49 M instructions of `dossier sources` on 200 generated articles).
    let cut = |i: usize| {
        let t = &toks[i];
        let w = t.lower.as_str();
        match t.kind {
            Tok::Punct => matches!(w, "," | ";" | ":" | "—" | "–" | "(" | ")"),
            Tok::Word if w == "and" => {
                // "… will be used in battle and could broaden the war": a second predicate.
                toks.get(i + 1)
                    .is_some_and(|n| MODALS.contains(&n.lower.as_str()))
            }
            Tok::Word => SEGMENT_OPENERS.contains(&w),
            _ => false,
        }
    };
    // The distinct terms of the open segment, kept as it grows: a segment is built once,
    // when it closes, not again at every cut (a long run of "(" or ", " with no terms was
    // quadratic). Only whether it has three is asked, so the first three are all it keeps
    // (with a hash set of them this pass cost 82 M instructions on 200 generated articles,
    // now 45 M).
    let (mut seen, mut n_seen) = ([0 as Term; 3], 0);
    for i in 0..=toks.len() {
        crate::model::work::step(1);
        if (i == toks.len() || cut(i)) && (n_seen >= 3 || i == toks.len()) {
            crate::model::work::step(i - start);
            scratch.clear();
            scratch.extend(tok_terms[start..i].iter().flatten().copied());
            make_distinct(scratch);
            if !scratch.is_empty() {
                terms.extend_from_slice(scratch);
                ends.push(u32::try_from(terms.len()).unwrap_or(u32::MAX));
            }
            start = i;
            n_seen = 0;
        }
        if let Some(Some((t, _))) = tok_terms.get(i) {
            if n_seen < 3 && !seen[..n_seen].contains(t) {
                seen[n_seen] = *t;
                n_seen += 1;
            }
        }
    }
    Segments::new(terms, ends)
}

#[cfg(test)]
mod linear {
    use crate::model::load::{from_files, LoadOptions};

    /// Claim extraction on one long paragraph of `(`, `, `, `— ` or "X said " does work
    /// linear in its length: doubling it at most 2.5× the count (a run of cuts with no
    /// terms rebuilt the open segment at every cut, and every token was checked against
    /// every attribution).
    #[test]
    fn long_paragraphs_of_cuts_extract_in_linear_work() {
        for unit in ["(", "a, ", "x — ", "Ann Lee said "] {
            let d = |n: usize| {
                let text = format!("Title\n\n{}\n", unit.repeat(n));
                from_files(
                    "t",
                    [("a.txt".to_string(), text.into_bytes())],
                    &LoadOptions::default(),
                )
            };
            crate::model::work::assert_linear(4_000, |n| {
                let d = d(n);
                std::hint::black_box(crate::model::claims::dossier_claims(&d));
            });
        }
    }
}

#[cfg(test)]
mod words {
    use super::claim_word;

    /// Words of one paraphrase set are one term ("resigned" / "quit"), each set apart from
    /// its opposite ("rose" / "fell"), and a word outside every set keeps its stem.
    #[test]
    fn paraphrases_are_one_term_and_opposites_stay_apart() {
        assert_eq!(claim_word("resigned"), claim_word("quit"));
        assert_eq!(claim_word("stole"), claim_word("theft"));
        assert_ne!(claim_word("climbed"), claim_word("dropped"));
        assert_ne!(claim_word("rescued"), claim_word("resigned"));
        assert_eq!(claim_word("harbours"), claim_word("harbour"));
    }

    /// Looks like a paraphrase but is not: sets match words as written, so a word that
    /// only shares a set word's stem ("restoring" is listed, "restorer" is not) stays itself.
    #[test]
    fn paraphrase_sets_match_words_as_written() {
        assert_eq!(claim_word("restoring"), claim_word("rebuilt"));
        assert_ne!(claim_word("restorer"), claim_word("rebuilt"));
    }

    /// Every word has one home: none is in two paraphrase sets or also in a synonym group
    /// (`assets/synonyms.txt`), where it would mean two things.
    #[test]
    fn paraphrase_words_have_one_home() {
        let src = include_str!("../../../assets/paraphrases.txt");
        let syn = crate::model::facts::lexicon::synonyms();
        let mut seen = std::collections::HashSet::new();
        for w in crate::model::lexicon::parse_list(src)
            .iter()
            .flat_map(|l| l.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        {
            assert!(!syn.contains_key(&w), "{w} is also in synonyms.txt");
            assert!(seen.insert(w.clone()), "{w} is in two paraphrase sets");
        }
    }
}
