//! Names that stand for one thing: "the UK", "Britain" and "the United Kingdom"; "the EU"
//! and "the European Union"; a country and its demonym. Each such name becomes one term of
//! the claims' vectors, so two outlets that name one thing differently still share it.
//!
//! The names come from `assets/aliases.txt` (common countries and bodies) and from the
//! dossier itself: an acronym an article defines in brackets after the name it stands for
//! ("Northern Water and Power (NWP)") is an alias of that name in every article.

use super::Term;
use crate::model::facts::lexicon::FastMap;
use crate::model::facts::tokens::{self, Tok, Token};
use crate::model::Span;

/// A name of three letters or fewer matches only an all-capital word ("US", not "us").
const SHORT_NAME: usize = 3;

/// Words an acronym's letters skip in the name it stands for ("Bank of England (BoE)").
const SKIPPED: &[&str] = &["of", "and", "the", "for", "&", "de", "on", "in", "to", "du"];

/// At most this many words of a name an acronym defines: the longest names written out in
/// news run to six or seven words ("Federal Emergency Management Agency", "California
/// Department of Forestry and Fire Protection").
const MAX_NAME_WORDS: usize = 8;

/// One name of an aliased thing as the lexer writes it: its tokens' lowercase forms.
#[derive(Debug, Clone, PartialEq)]
struct Name {
    words: Box<[String]>,
    term: Term,
}

/// The names of aliased things, by their first word.
#[derive(Debug, Clone, Default)]
pub struct Aliases {
    by_first: FastMap<String, Vec<Name>>,
}

/// The lowercase forms the lexer gives `s`, possessives kept.
fn lexed(s: &str) -> Vec<String> {
    tokens::lex(s, Span::new(0, s.len()))
        .into_iter()
        .map(|t| t.lower.to_string())
        .collect()
}

/// A word without its possessive ("britain's" → "britain").
fn bare(w: &str) -> &str {
    w.strip_suffix("'s").unwrap_or(w)
}

impl Aliases {
    /// The term a name stands for, when it is known.
    fn term_of(&self, words: &[String]) -> Option<Term> {
        let first = words.first()?;
        self.by_first
            .get(first)?
            .iter()
            .find(|n| *n.words == *words)
            .map(|n| n.term)
    }

    /// Add a name of the thing whose term is `term` (a name already known keeps its term).
    fn add(&mut self, words: Vec<String>, term: Term) {
        if words.is_empty() || self.term_of(&words).is_some() {
            return;
        }
        let first = words[0].clone();
        let names = self.by_first.entry(first).or_default();
        names.push(Name {
            words: words.into_boxed_slice(),
            term,
        });
        // Longest first: "united states of america" before "united states".
        names.sort_by_key(|n| std::cmp::Reverse(n.words.len()));
    }

    /// Add a group of names for one thing, its term interned by `intern` from the key of the
    /// first name unless one of them is known already.
    pub fn add_group(&mut self, names: &[Vec<String>], intern: &mut impl FnMut(&str) -> Term) {
        let Some(first) = names.first() else {
            return;
        };
        let term = names
            .iter()
            .find_map(|n| self.term_of(n))
            .unwrap_or_else(|| intern(&format!("={}", first.join(" "))));
        for n in names {
            self.add(n.clone(), term);
        }
    }

    /// The names of `assets/aliases.txt`.
    pub fn add_listed(&mut self, intern: &mut impl FnMut(&str) -> Term) {
        for (head, names) in crate::model::lexicon::aliases() {
            let group: Vec<Vec<String>> = std::iter::once(head)
                .chain(names)
                .map(|n| lexed(n))
                .collect();
            self.add_group(&group, intern);
        }
    }

    /// The acronyms `text` defines, each an alias of the name it follows.
    pub fn learn(&mut self, text: &str, intern: &mut impl FnMut(&str) -> Term) {
        for (name, acronym) in defined_acronyms(text) {
            self.add_group(&[lexed(name), lexed(acronym)], intern);
        }
    }

    /// The aliased name that starts at `toks[i]`: its term and how many tokens it spans. A
    /// word inside a longer name is not matched ("North American", "New Mexico"), nor a
    /// name of several words that a longer name goes on from ("European Union Commissioner").
    /// Names are written capitalized: a lowercase word is not looked up (most words are, and
    /// the lookups cost 1.8% of `dossier sources` on 200 generated articles).
    pub fn at(
        &self,
        toks: &[Token],
        i: usize,
        name_word: impl Fn(&Token) -> bool,
    ) -> Option<(Term, usize)> {
        let t = toks.get(i)?;
        if t.kind != Tok::Word || !t.capital || (i > 0 && name_word(&toks[i - 1])) {
            return None;
        }
        let names = self.by_first.get(t.lower.as_str()).or_else(|| {
            let b = bare(&t.lower);
            (b.len() < t.lower.len())
                .then(|| self.by_first.get(b))
                .flatten()
        })?;
        names.iter().find_map(|n| {
            let end = i + n.words.len();
            let run = toks.get(i..end)?;
            let same = run
                .iter()
                .zip(n.words.iter())
                .all(|(t, w)| t.lower == *w || bare(&t.lower) == w);
            let short = n.words.len() == 1 && t.lower.chars().count() <= SHORT_NAME;
            let goes_on = n.words.len() > 1 && toks.get(end).is_some_and(&name_word);
            (same && (t.acronym || !short) && !goes_on).then_some((n.term, n.words.len()))
        })
    }
}

/// The acronyms defined in `text` by a bracket after a name whose capitalized words'
/// initials spell them: ("Northern Water and Power", "NWP"), ("European Union", "EU").
pub fn defined_acronyms(text: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    for (open, _) in text.match_indices('(') {
        let rest = &text[open + 1..];
        let Some(close) = rest.get(..rest.len().min(16)).and_then(|r| r.find(')')) else {
            continue;
        };
        let acronym = rest[..close].trim();
        let letters: Vec<char> = acronym
            .chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        let capitals = acronym.chars().filter(|c| c.is_uppercase()).count();
        let shaped = acronym
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '&' | '.' | '-'))
            && acronym.chars().next().is_some_and(char::is_uppercase);
        if !shaped || letters.len() < 2 || capitals < 2 || capitals + 1 < letters.len() {
            continue;
        }
        if let Some(name) = name_before(&text[..open], &letters) {
            out.push((name, acronym));
        }
    }
    out
}

/// The name that ends `before` (just before a bracket) and whose capitalized words, words
/// such as "of" and "and" skipped, begin with `letters` in order.
fn name_before<'t>(before: &'t str, letters: &[char]) -> Option<&'t str> {
    let before = before.trim_end();
    let mut words: Vec<&str> = Vec::new();
    for (at, w) in word_starts(before).into_iter().rev() {
        if words.len() >= MAX_NAME_WORDS || w.ends_with([',', '.', ';', ':', ')', '"', '”']) {
            break;
        }
        words.insert(0, w);
        let kept: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| !SKIPPED.contains(&w.to_lowercase().as_str()))
            .collect();
        let capitalized = words[0].starts_with(char::is_uppercase)
            && kept.iter().all(|w| w.starts_with(char::is_uppercase));
        let initials: Vec<char> = kept
            .iter()
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_lowercase)
            .collect();
        if capitalized && initials == letters {
            return before.get(at..);
        }
        if kept.len() > letters.len() {
            break;
        }
    }
    None
}

/// The words of `s` (split at white space) with their byte offsets.
fn word_starts(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), at) {
            (true, Some(a)) => {
                out.push((a, &s[a..i]));
                at = None;
            }
            (false, None) => at = Some(i),
            _ => {}
        }
    }
    if let Some(a) = at {
        out.push((a, &s[a..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An acronym in brackets after the name its initials spell is defined; function words
    /// inside the name ("and", "of") are skipped.
    #[test]
    fn bracketed_acronyms_after_their_name_are_defined() {
        let text = "Shares of Northern Water and Power (NWP) fell after the Harbour Safety Board (HSB) ruled.";
        assert_eq!(
            defined_acronyms(text),
            vec![
                ("Northern Water and Power", "NWP"),
                ("Harbour Safety Board", "HSB")
            ]
        );
        let amp = "The Valley Gas & Light (VG&L) utility said so.";
        assert_eq!(defined_acronyms(amp), vec![("Valley Gas & Light", "VG&L")]);
    }

    /// A bracket that looks like an acronym but whose letters are no initials of the words
    /// before it (a stock ticker, a state, a bracketed word) defines nothing.
    #[test]
    fn brackets_that_spell_no_name_define_nothing() {
        for text in [
            "Shares of Lumenco (LMN) fell 9%.",
            "She lives in Ridgefield (CT) now.",
            "The mayor (who spoke first) left.",
            "The plan (A) was dropped, the Board of Trade said.",
            "the harbour safety board (HSB) said",
        ] {
            assert!(defined_acronyms(text).is_empty(), "{text}");
        }
    }

    fn toks(s: &str) -> Vec<Token> {
        tokens::lex(s, Span::new(0, s.len()))
    }

    fn aliases() -> (Aliases, FastMap<String, Term>) {
        let mut a = Aliases::default();
        let mut ids: FastMap<String, Term> = FastMap::default();
        let mut intern = |k: &str| {
            let n = ids.len() as Term;
            *ids.entry(k.to_string()).or_insert(n)
        };
        a.add_listed(&mut intern);
        a.learn("The Harbour Safety Board (HSB) met.", &mut intern);
        (a, ids)
    }

    fn name_word(t: &Token) -> bool {
        t.kind == Tok::Word
            && t.capital
            && !["The", "A"].iter().any(|w| t.lower == w.to_lowercase())
    }

    /// The first aliased name in a sentence: its term and length.
    fn first_alias(a: &Aliases, s: &str) -> Option<(Term, usize)> {
        let t = toks(s);
        (0..t.len()).find_map(|i| a.at(&t, i, name_word))
    }

    /// Listed names of one country, its demonym and learned acronyms give one term each.
    #[test]
    fn names_of_one_thing_share_a_term() {
        let (a, _) = aliases();
        let uk = first_alias(&a, "the United Kingdom voted").map(|x| x.0);
        assert!(uk.is_some());
        for s in [
            "Britain voted",
            "the UK voted",
            "the U.K. voted",
            "Britain's vote",
            "British voters",
        ] {
            assert_eq!(first_alias(&a, s).map(|x| x.0), uk, "{s}");
        }
        assert_eq!(
            first_alias(&a, "the United Kingdom voted").map(|x| x.1),
            Some(2)
        );
        let board = first_alias(&a, "the Harbour Safety Board ruled");
        assert!(board.is_some());
        assert_eq!(
            first_alias(&a, "the HSB ruled").map(|x| x.0),
            board.map(|x| x.0)
        );
        assert_ne!(board.map(|x| x.0), uk);
    }

    /// Words that look like an aliased name but are not one: a name in lowercase ("us"),
    /// a word inside a longer name ("New Mexico", "North American"), a name a longer one
    /// goes on from ("United States Navy" is not matched as "United States").
    #[test]
    fn lookalikes_of_aliased_names_are_not_them() {
        let (a, _) = aliases();
        for s in [
            "the british isles of the story",
            "they told us",
            "New Mexico voted",
            "North American markets",
            "the United States Navy",
        ] {
            assert_eq!(first_alias(&a, s), None, "{s}");
        }
    }
}
