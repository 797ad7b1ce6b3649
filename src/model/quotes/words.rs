//! The word lists quote attribution reads (data in `assets/`), and a small tokenizer over
//! the prose around a quote.

use crate::model::lexicon::parse_list;
use std::collections::HashSet;
use std::sync::OnceLock;

/// A word list: lowercase entries as bytes, so a probe needs no UTF-8 check, with a
/// 1024-bit filter on (first two bytes, last byte, length) that turns away most words of a
/// text before any hashing.
pub(crate) struct WordSet {
    set: HashSet<Box<[u8]>, crate::model::facts::lexicon::FxBuild>,
    filter: [u64; 16],
}

fn filter_bit(w: &[u8]) -> usize {
    let first = w.first().copied().unwrap_or(0) as usize;
    let second = w.get(1).copied().unwrap_or(0) as usize;
    let last = w.last().copied().unwrap_or(0) as usize;
    let h = first
        .wrapping_mul(0x9E37)
        .wrapping_add(second.wrapping_mul(0x85EB))
        .wrapping_add(last.wrapping_mul(0xC2B2))
        .wrapping_add(w.len().wrapping_mul(0x27D4));
    (h ^ (h >> 7)) & 1023
}

impl FromIterator<Box<[u8]>> for WordSet {
    fn from_iter<I: IntoIterator<Item = Box<[u8]>>>(iter: I) -> Self {
        let mut ws = WordSet {
            set: HashSet::default(),
            filter: [0; 16],
        };
        for w in iter {
            let b = filter_bit(&w);
            ws.filter[b / 64] |= 1 << (b % 64);
            ws.set.insert(w);
        }
        ws
    }
}

impl WordSet {
    /// True when the lowercase bytes `w` are in the list.
    pub(crate) fn contains(&self, w: &[u8]) -> bool {
        let b = filter_bit(w);
        self.filter[b / 64] & (1 << (b % 64)) != 0 && self.set.contains(w)
    }
}

macro_rules! set {
    ($(#[$doc:meta])* $name:ident, $file:literal) => {
        $(#[$doc])*
        pub(crate) fn $name() -> &'static WordSet {
            static CELL: OnceLock<WordSet> = OnceLock::new();
            CELL.get_or_init(|| {
                parse_list(include_str!(concat!("../../../assets/", $file)))
                    .into_iter()
                    .map(|s| Box::<[u8]>::from(s.trim().as_bytes()))
                    .collect()
            })
        }
    };
}

set!(
    /// Speech verbs, inflected ("said", "told", "warned").
    speech_verbs,
    "speech_verbs.txt"
);
set!(
    /// Participles that hang a quote on the main clause's subject ("saying", "adding").
    speech_participles,
    "speech_participles.txt"
);
set!(
    /// Speech verbs whose object is the audience ("told", "asked").
    audience_verbs,
    "audience_verbs.txt"
);
set!(
    /// Titles and role words ("secretary", "minister", "dr.").
    titles,
    "titles.txt"
);
set!(
    /// Head nouns of unnamed speakers ("official", "sources").
    anonymous,
    "anonymous.txt"
);
set!(
    /// Words that make a name an institution ("ministry", "pentagon").
    institutions,
    "institutions.txt"
);
set!(
    /// Cues before a scare-quoted term ("so-called", "dubbed").
    scare_cues,
    "scare_cues.txt"
);
set!(
    /// Capitalized function words that never begin a name ("When", "Monday").
    name_stopwords,
    "name_stopwords.txt"
);
set!(
    /// Abbreviations whose final dot belongs to the word ("Dr.", "Oct.").
    abbreviations,
    "abbreviations.txt"
);
set!(
    /// Nationality adjectives ("Korean", "Russian").
    demonyms,
    "demonyms.txt"
);
set!(
    /// Countries, capitals and regions.
    places,
    "places.txt"
);
set!(
    /// Head nouns that stand for an organisation already named ("the company").
    organisation_nouns,
    "organisation_nouns.txt"
);

set!(
    /// Head nouns of a group named after a person ("the Ruiz family").
    group_nouns,
    "group_nouns.txt"
);
set!(
    /// Nouns ending in "-ly" that are no adverb ("family", "rally").
    ly_nouns,
    "ly_nouns.txt"
);
set!(
    /// Where a written statement is posted ("Facebook", "page", "account").
    media_words,
    "media_words.txt"
);
set!(
    /// Speech verbs that answer a question ("replied", "answered").
    reply_verbs,
    "reply_verbs.txt"
);
set!(
    /// Honorifics and role nouns that tell a man ("Mr", "father", "actor").
    male_words,
    "gender_male.txt"
);
set!(
    /// Honorifics and role nouns that tell a woman ("Mrs", "mother", "actress").
    female_words,
    "gender_female.txt"
);

/// True when the lowercase form of `w` is in `set` (without allocating for short ASCII
/// words, which is nearly every probe).
pub(crate) fn has(set: &WordSet, w: &str) -> bool {
    let mut buf = [0u8; 32];
    if w.len() <= buf.len() && w.is_ascii() {
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        return set.contains(b);
    }
    set.contains(w.to_lowercase().as_bytes())
}

/// Pronouns that can name a speaker.
pub(crate) fn pronoun(w: &str) -> Option<Pronoun> {
    match w {
        "he" | "He" => Some(Pronoun::He),
        "she" | "She" => Some(Pronoun::She),
        "they" | "They" => Some(Pronoun::They),
        _ => None,
    }
}

/// A third-person pronoun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pronoun {
    He,
    She,
    They,
    /// "It said": an organisation (read only as a speech verb's subject, see `np`).
    It,
}

/// Prepositions before a name that make it an oblique mention, not a subject: in "met
/// with Kim, Austin said" Kim is not the one speaking.
pub(crate) fn is_oblique(w: &str) -> bool {
    w.len() <= 9
        && [
            "with",
            "alongside",
            "beside",
            "of",
            "by",
            "from",
            "to",
            "for",
            "at",
            "about",
            "including",
            "like",
            "between",
            "against",
            "toward",
            "towards",
            "than",
            "on",
            "in",
            "into",
            "among",
            "under",
        ]
        .iter()
        .any(|p| p.eq_ignore_ascii_case(w))
}

/// Adverbs and auxiliaries that may stand between a subject and its verb ("Austin also
/// said", "she has repeatedly warned").
pub(crate) fn is_filler(w: &str) -> bool {
    (w.len() > 3
        && w.ends_with("ly")
        && w.chars().all(|c| c.is_ascii_lowercase())
        && !has(ly_nouns(), w))
        || matches!(
            w,
            "also"
                | "later"
                | "again"
                | "then"
                | "has"
                | "have"
                | "had"
                | "was"
                | "is"
                | "would"
                | "will"
                | "did"
                | "once"
                | "previously"
                | "earlier"
                | "further"
                | "still"
                | "often"
                | "has long"
        )
}

/// One token of prose: a word, a punctuation mark, or a whole quote (masked).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tok {
    Word,
    Punct(char),
    /// A quote, with its index in the paragraph's quote list.
    Quote(usize),
}

/// A token with its byte range in the article.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub kind: Tok,
    pub start: usize,
    pub end: usize,
}

/// True for characters that may sit inside a word ("U.S.", "Yong-hyun", "don’t").
fn word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Tokenize `text[from..to]`, masking the given quote ranges (mark to mark, sorted) as
/// single `Quote` tokens. Inner `.`, `-`, `’` and `'` join words; a trailing possessive
/// `’s` stays on the word (see [`strip_possessive`]).
pub(crate) fn tokenize(
    text: &str,
    from: usize,
    to: usize,
    masks: &[(usize, usize, usize)],
) -> Vec<Token> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = from;
    let mut m = masks.iter().peekable();
    while let Some(&&(s, _, _)) = m.peek() {
        if s >= from {
            break;
        }
        m.next();
    }
    while i < to {
        if let Some(&&(s, e, q)) = m.peek() {
            if i >= s {
                out.push(Token {
                    kind: Tok::Quote(q),
                    start: s,
                    end: e,
                });
                i = e.max(i + 1);
                m.next();
                while i < to && !text.is_char_boundary(i) {
                    i += 1;
                }
                continue;
            }
        }
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let limit = m.peek().map_or(to, |&&(s, _, _)| s.min(to));
        if word_char(c) {
            let start = i;
            let mut j = i + c.len_utf8();
            while j < limit {
                if bytes[j].is_ascii_alphanumeric() {
                    j += 1;
                    continue;
                }
                let Some(d) = text[j..].chars().next() else {
                    break;
                };
                if word_char(d) {
                    j += d.len_utf8();
                } else if matches!(d, '.' | '-' | '’' | '\'' | '‑') {
                    // Joins only when a word character follows ("U.S.", "Yong-hyun"), or
                    // for the final dot of an initial or dotted abbreviation ("J.", "U.S.").
                    let after = j + d.len_utf8();
                    let next = text[after..limit.max(after)].chars().next();
                    if next.is_some_and(word_char) {
                        j = after;
                    } else if d == '.' && is_dotted(&text[start..j]) {
                        j = after;
                        break;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            out.push(Token {
                kind: Tok::Word,
                start,
                end: j,
            });
            i = j;
        } else {
            let end = i + c.len_utf8();
            if !c.is_whitespace() {
                out.push(Token {
                    kind: Tok::Punct(c),
                    start: i,
                    end,
                });
            }
            i = end;
        }
    }
    // Every paragraph's tokens stay alive until speakers are resolved dossier-wide: give
    // back the growth slack (up to half the buffer; shrinking reallocates in place).
    out.shrink_to_fit();
    out
}

/// "J" (an initial), "U.S" or "a.m": a word whose final dot belongs to it.
fn is_dotted(w: &str) -> bool {
    let mut chars = w.chars();
    let one_cap = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    one_cap
        || (w.contains('.') && w.split('.').all(|p| p.chars().count() <= 2))
        || has(abbreviations(), w)
}

/// A word without a trailing possessive ("Austin’s" -> "Austin"), and whether it had one.
pub(crate) fn strip_possessive(w: &str) -> (&str, bool) {
    for suffix in ["’s", "'s", "’", "'"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if !stem.is_empty() {
                return (stem, true);
            }
        }
    }
    (w, false)
}

/// True when a word starts with an upper-case letter.
/// The word at token `i`, if that token is a word.
pub(crate) fn word<'t>(text: &'t str, toks: &[Token], i: usize) -> Option<&'t str> {
    let t = toks.get(i)?;
    (t.kind == Tok::Word).then(|| &text[t.start..t.end])
}

pub(crate) fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Levenshtein distance, capped: returns `cap + 1` as soon as it is exceeded.
pub(crate) fn edit_distance(a: &str, b: &str, cap: usize) -> usize {
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
